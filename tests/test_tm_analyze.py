"""``tm analyze``: counts per band on a hand-computed fixture, and totals against pocount."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.tm.analyze import analyze, count_chars, count_words, read_job_file
from termkit.tm.bands import Bands
from termkit.tm.codes import placeholders
from termkit.tm.sources import iter_file_units
from termkit.tm.store import Store, open_store
from tests.conftest import DATA

FIXTURE = DATA / "tm" / "analyze"
PO = DATA / "po"

# Every segment of the job, its band, words and Han characters, worked out by hand from the
# score definition (termkit.tm.search): n = longer length, d = edit distance, score =
# floor(100 (n - d) / n), English also by words, the best of the two, at most 99 unless equal.
#   job.po
#   1 "Open the file"            101: exact; no unit before it, the next unit is segment 2
#   2 "Save the file"            100: exact; segment 3 differs from the unit after it
#   3 "Print the document now!"  95-99: same words as "Print the document now" -> 99
#   4 "... from the drive"       85-94: disk -> drive, 3 edits in 41 characters -> 92
#                                       (by words 7/8 -> 87)
#   5 "Check your internet connection"  75-84: 7 edits in 30 characters -> 76 (words 75)
#   6 "Check the network settings"      50-74: 12 edits in 29 -> 58 (words 2/4 -> 50)
#   7 "Quit"                     no match
#   8, 9 "Open the file", "Save the file" (msgctxt toolbar): repetitions
#   10 "Close" (msgctxt menu)    101: the unit has the same msgctxt
#   job-zh.po (Chinese source)
#   1 "打开文件"                 100 (the unit after it is not segment 2): 4 characters
#   2 "使用 Kubernetes 管理容器"   no match: 6 characters, 1 word
#   3 "打开文件"                 repetition: 4 characters
EXPECTED_JOB = {
    "repetitions": (2, 6, 0), "101": (2, 4, 0), "100": (1, 3, 0), "95-99": (1, 4, 0),
    "85-94": (1, 7, 0), "75-84": (1, 4, 0), "50-74": (1, 4, 0), "no match": (1, 1, 0),
}
EXPECTED_ZH = {
    "repetitions": (1, 0, 4), "101": (0, 0, 0), "100": (1, 0, 4), "95-99": (0, 0, 0),
    "85-94": (0, 0, 0), "75-84": (0, 0, 0), "50-74": (0, 0, 0), "no match": (1, 1, 6),
}


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "tm.sqlite"))
    s.import_units(iter_file_units(str(FIXTURE / "memory.po")))
    return s


def _table(result: object) -> dict[str, tuple[int, int, int]]:
    bands = result.bands  # type: ignore[attr-defined]
    return {n: (c.segments, c.words, c.chars) for n, c in bands.items()}


def test_bands_words_and_characters_match_the_hand_computed_numbers(store: Store) -> None:
    jobs = [read_job_file(str(FIXTURE / "job.po")), read_job_file(str(FIXTURE / "job-zh.po"))]
    per_file, total = analyze(store, jobs)
    assert _table(per_file[0]) == EXPECTED_JOB
    assert _table(per_file[1]) == EXPECTED_ZH
    assert _table(total) == {n: tuple(a + b for a, b in zip(EXPECTED_JOB[n], EXPECTED_ZH[n],
                                                          strict=True))
                             for n in EXPECTED_JOB}
    assert (total.total.segments, total.total.words, total.total.chars) == (13, 34, 14)


def test_repetitions_span_the_job_in_file_order(store: Store) -> None:
    # The Chinese file first: its own repeat is still a repetition, the English file unchanged.
    jobs = [read_job_file(str(FIXTURE / "job-zh.po")), read_job_file(str(FIXTURE / "job.po"))]
    per_file, _ = analyze(store, jobs)
    assert _table(per_file[0]) == EXPECTED_ZH
    assert _table(per_file[1]) == EXPECTED_JOB
    # The same file twice: the second copy is all repetitions.
    twice = [read_job_file(str(FIXTURE / "job.po"))] * 2
    per_file, _ = analyze(store, twice)
    assert _table(per_file[1])["repetitions"] == (10, 33, 0)


def test_band_edges_are_configurable(store: Store) -> None:
    per_file, _ = analyze(store, [read_job_file(str(FIXTURE / "job.po"))],
                          bands=Bands.parse("90,70"))
    table = _table(per_file[0])
    # 99 and 92 fall in 90-99, 76 in 70-89; 58 is no match now.
    assert table["90-99"] == (2, 11, 0) and table["70-89"] == (1, 4, 0)
    assert table["no match"] == (2, 5, 0)


def test_word_and_character_rules() -> None:
    assert count_words("Don't remove input_file, e.g. 3.14 MB!") == 6
    assert count_words("%s: option '--%s' doesn't allow an argument\n") == 5
    assert count_words("<b>Bold</b> text") == 2
    assert count_words("使用 Kubernetes 管理容器") == 1
    assert count_chars("使用 Kubernetes 管理容器") == 6
    assert count_chars("Plain English") == 0


def test_cli_json_and_csv(store: Store) -> None:
    runner = CliRunner()
    args = ["tm", "analyze", "--db", store.path, str(FIXTURE / "job.po"),
            str(FIXTURE / "job-zh.po")]
    res = runner.invoke(cli, [*args, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["files"][-1]["file"] == "total"
    assert data["files"][-1]["total"] == {"segments": 13, "words": 34, "chars": 14}
    assert data["files"][0]["bands"]["85-94"] == {"segments": 1, "words": 7, "chars": 0}
    res = runner.invoke(cli, [*args, "--csv"])
    rows = res.output.splitlines()
    assert rows[0] == "file,band,segments,words,chars"
    assert f"{FIXTURE / 'job-zh.po'},no match,1,1,6" in rows
    assert rows[-1] == "total,total,13,34,14"
    res = runner.invoke(cli, [*args, "--bands", "80,90"])
    assert res.exit_code == 2 and "bad band edges" in res.output


@pytest.mark.parametrize("name", ["gnu-grep-2.11-zh_CN.po", "dpkg-zh_CN.trimmed.po",
                                  "gnome-font-viewer-zh_CN.po", "opencc-0.1.2-zh_CN.po"])
def test_totals_agree_with_pocount(tmp_path: Path, name: str) -> None:
    """Segments as pocount counts them; words too once placeholders are set aside.

    pocount (translate-toolkit) counts words by Unicode word boundaries and counts printf
    placeholders as words (``%s`` is one); termkit does not count placeholders. The source
    words of the placeholders alone, as pocount counts them, account for the difference up to
    2% of the total (pocount's boundaries around a placeholder next to punctuation, ``%s.``,
    and around command-line options, ``-i.``, differ slightly from termkit's runs).
    """
    pocount = pytest.importorskip("translate.tools.pocount")
    import polib

    path = str(PO / name)
    stats = pocount.calcstats(path)
    with open_store(str(tmp_path / "empty.sqlite")) as store:
        _, total = analyze(store, [read_job_file(path)])
    assert total.total.segments == stats["total"]
    held = 0
    for e in polib.pofile(path):
        if not e.obsolete and e.msgid:
            for text in [e.msgid, *([e.msgid_plural] if e.msgid_plural else [])]:
                held += pocount.wordcount(" ".join(placeholders(text)))
    ours, theirs = total.total.words, stats["totalsourcewords"] - held
    assert abs(ours - theirs) <= 0.02 * stats["totalsourcewords"], (ours, theirs)
