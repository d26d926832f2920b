"""``tm analyze`` (and pre-translation's summary): an exact match from a stored translation
that its own file marked fuzzy, or from an alignment the memory flagged, is no 100% match.

``tm pretranslate`` already fills such a match as fuzzy (review20, :mod:`termkit.tm.fill`),
but both counted it in the 100 band, so a job quoted as exact needed review. CAT tools do
not count them as exact either: OmegaT lowers the score of a PO translation marked fuzzy
(``FindMatches.PENALTY_FOR_FUZZY``, 40 points, in its Fuzzy Matches pane and, since 4.1.1,
in its match statistics: OmegaT bug #827 / RFE #1258), Trados Studio subtracts a penalty
from a match's base score (``Sdl.LanguagePlatform.TranslationMemory.Penalty``, e.g. for an
aligned, unreviewed unit). termkit counts them in the best fuzzy band, where a fill to
review belongs, whatever its score.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.inprocess import invoke

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_CN\\n"\n\n')
MEMORY = (HEADER + 'msgid "Open the file"\nmsgstr "打开文件"\n\n'
          '#, fuzzy\nmsgid "Save the file"\nmsgstr "另存文件"\n\n'
          '#, fuzzy\nmsgctxt "menu"\nmsgid "Close"\nmsgstr "关掉"\n')
JOB = (HEADER + 'msgid "Open the file"\nmsgstr ""\n\nmsgid "Save the file"\nmsgstr ""\n\n'
       'msgctxt "menu"\nmsgid "Close"\nmsgstr ""\n')

# The flagged alignment of review20: a Taiwanese repository page whose English "abstract" is
# the site's footer, paired (score 0.05, flagged) with a Chinese sentence.
PAGE = DATA / "records" / "real" / "learn" / "003.txt"
LINE = "Enhanced by NTU Library IR team."


def run(*args: object) -> str:
    code, out, err = invoke(*args)
    assert code == 0, err
    return out


def bands(out: str) -> dict[str, int]:
    """Segments per band of the first file of ``tm analyze --json``."""
    return {n: c["segments"] for n, c in json.loads(out)["files"][0]["bands"].items()}


@pytest.fixture()
def po_memory(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "tm.sqlite"
    mem = tmp_path / "memory.zh_CN.po"
    mem.write_text(MEMORY, encoding="utf-8")
    run("tm", "import", "--db", db, "-q", mem)
    job = tmp_path / "job.zh_CN.po"
    job.write_text(JOB, encoding="utf-8")
    return db, job


def test_fuzzy_translations_in_the_memory_are_not_exact(po_memory: tuple[Path, Path]) -> None:
    db, job = po_memory
    got = bands(run("tm", "analyze", "--db", db, job, "--json"))
    # All three are 101 by score (the memory holds them in the job's order; Close has the
    # same msgctxt), but Save the file and Close are fuzzy in the memory.
    assert got["101"] == 1 and got["100"] == 0
    assert got["95-99"] == 2


def test_the_pretranslation_summary_agrees(po_memory: tuple[Path, Path],
                                           tmp_path: Path) -> None:
    db, job = po_memory
    out = run("tm", "pretranslate", "--db", db, job, "-o", tmp_path / "out.zh_CN.po",
              "--json")
    (first, _) = json.loads(out)
    assert first["filled"]["101"] == 1 and first["filled"]["100"] == 0
    assert first["filled"]["95-99"] == 2
    text = (tmp_path / "out.zh_CN.po").read_text(encoding="utf-8")
    # What it wrote agrees with the counts: two fuzzy fills, the note keeps the real score.
    assert text.count("#, fuzzy") == 2
    assert text.count("101% match") == 3 and text.count("fuzzy in the memory") == 2


def test_custom_bands_take_the_best_fuzzy_band(po_memory: tuple[Path, Path]) -> None:
    db, job = po_memory
    got = bands(run("tm", "analyze", "--db", db, job, "--json", "--bands", "80,60"))
    assert got["80-99"] == 2 and got["100"] == 0


def test_a_flagged_alignment_is_not_exact(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    run("tm", "import", "--db", db, "--format", "records", "-q", PAGE)
    hits = json.loads(run("tm", "search", "--db", db, LINE, "--json"))
    assert any(h["text"] == LINE and h["score"] == 100 and h["unit"]["flagged"] for h in hits)
    job = tmp_path / "job.zh_TW.po"
    job.write_text(HEADER.replace("zh_CN", "zh_TW") + f'msgid "{LINE}"\nmsgstr ""\n',
                   encoding="utf-8")
    got = bands(run("tm", "analyze", "--db", db, job, "--json"))
    assert got["100"] == got["101"] == 0 and got["95-99"] == 1
