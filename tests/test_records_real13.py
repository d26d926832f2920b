"""Pairing on real13: 26 fresh records from stored web pages, 22 Taiwanese, measured only.

``tests/data/records/real13`` (see its README) holds the keyword lists of 22 Taiwanese thesis
and article pages (NTNU/NTUST thesis systems, TKU and NCKU ETDS, NDLTD, the NCCU repository
in three interfaces, the NCL article index, an Airiti print view) and 4 mainland article
pages, as the ``search`` tool's pages corpus stores them, with gold pairs written by hand and
committed before termkit was run on them (commit 8d3009d). Each record is rendered in every
rendering of :data:`tests.devrecords.RENDERINGS`, read and paired exactly as the dev
evaluation does, with the English order rotated by one place as a fourth check, and the
stored page files are read as files (``termkit extract pages/*.txt``); the figures are printed
next to the positional baseline. Measure only: no rule may be changed after reading these
lists.

First contact (branch real13 = main 27c0ede plus the records, nothing under ``termkit/``
changed), sure gold pairs (102: Taiwan 85, mainland 17; possible pairs count neither way):

==========================  ===================  ===================  ======================
rendering                   termkit P / R        position P / R       not read as published
==========================  ===================  ===================  ======================
page                        0.833 / 0.686        0.770 / 0.559        11
labelled                    0.939 / 0.902        0.883 / 0.814        3
jsonl                       0.961 / 0.971        0.893 / 0.902        0
jsonl, English rotated      0.989 / 0.922        0.038 / 0.039        0
stored page files           0.810 / 0.667        0.750 / 0.529        11
==========================  ===================  ===================  ======================

Taiwan alone: page 0.803 / 0.671, labelled 0.940 / 0.929, jsonl 0.953 / 0.965, rotated 0.987 /
0.906, page files 0.787 / 0.694 (position 0.721 / 0.518, 0.875 / 0.824, 0.872 / 0.882, 0.045 /
0.047, 0.714 / 0.529). No rendering leaves a record with both lists read and no pair; in the
page files two mainland records are read with one list only and get no pair (M001, M002).

What fails, by kind (details in the README): **reading** — keyword fields whose separators
the stored text lost (the sites show each keyword as a link: NTNU/NTUST Chinese fields, NDLTD
and Hans fields), items separated by single spaces (TKU table), a combined cell whose two
halves are joined by one space (NCCUR table), a one-item Latin "Chinese" list, unlabelled
keyword lines (M001), a title containing ``、`` taken for the keyword line (T016 as a page);
**pairing** — position pairs made on lists that are not parallel (T009: three wrong
candidates; T015: a one-item Chinese list paired with the first of seven English items), and,
rotated, loose renderings without dictionary evidence (股價效應 – "Market reaction", 錯誤評價 –
"mispricing"). Since main's fixes written after reading this set's failures (68b27f3 align.runs, 0366098
records.keywords; so no longer a fresh measure for them), measured after merging main: page
0.879 / 0.784, labelled 0.950 / 0.931, page files 0.857 / 0.765, JSON Lines and rotated
unchanged. The floors below guard against regression; they sit a little under first
contact and are not targets. The shortfalls against issue #11's thresholds are marked
``xfail`` (strict), so a fix shows up.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from termkit.align import pair_record
from termkit.lexicon import get_lexicon
from termkit.records import read_records

from . import devrecords
from .test_pairing_eval import (
    PRECISION,
    RECALL,
    Evaluation,
    check_rotated,
    check_set,
    evaluate,
    evaluate_renderings,
    report,
)

REAL13 = Path(devrecords.DEV).parent / "real13" / "records.jsonl"
PAGES = REAL13.parent / "pages"
RECORDS = 26
REGIONS = {"Taiwan": 22, "mainland": 4}
# rendering: (precision floor, recall floor, most records not read as published)
FLOORS = {
    "page": (0.82, 0.67, 11),  # first contact 0.833 / 0.686, 11 misread
    "labelled": (0.93, 0.89, 3),  # first contact 0.939 / 0.902, 3 misread
    "jsonl": (0.95, 0.96, 0),  # first contact 0.961 / 0.971
}
# English order rotated by one place: first contact P 0.989, R 0.922 (position 0.038).
ROTATED_PRECISION = 0.98
ROTATED_RECALL = 0.91
# The stored page files read as files: first contact P 0.810, R 0.667, 11 misread.
FILES_FLOORS = (0.80, 0.65, 11)


def _records() -> list[dict[str, Any]]:
    return devrecords.load_dev(REAL13)


def _earlier() -> list[dict[str, Any]]:
    """Every record of the repository's other record sets (dev, dev2, real .. real12)."""
    out = devrecords.load_all_dev()
    for path in sorted(REAL13.parent.parent.glob("real*/*.jsonl")):
        if path.parent.name != "real13":
            out += [r for r in devrecords.load_dev(path) if isinstance(r, dict)]
    return out


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Evaluation]]:
    yield evaluate_renderings("real13", _records(), tmp_path_factory)


@pytest.fixture(scope="module")
def page_files(tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    """The stored page files, copied as they are and read as files."""
    return evaluate("page files", tmp_path_factory.mktemp("real13-files"), _records(),
                    renderer=(".txt", _stored_page))


def _stored_page(rec: dict[str, Any]) -> str:
    return (REAL13.parent / rec["page"]).read_text(encoding="utf-8")


def test_real13_records_are_all_there() -> None:
    records = _records()
    assert len(records) == RECORDS
    assert len({r["id"] for r in records}) == RECORDS
    assert len({r["source_url"] for r in records}) == RECORDS
    found = [devrecords.region(r) for r in records]
    assert {name: found.count(name) for name in REGIONS} == REGIONS
    earlier = _earlier()
    urls = {r.get("source_url") for r in earlier} - {None}
    titles = {r.get(k) for r in earlier for k in ("title_zh", "title_en")} - {None}
    assert not urls & {r["source_url"] for r in records}  # drawn afresh
    assert not titles & {r.get(k) for r in records for k in ("title_zh", "title_en")} - {None}
    plain = devrecords.without_inline_pinyin
    for rec in records:
        gold = rec["gold"]
        assert rec["id"].startswith(f"real13-{'M' if rec['region'] == 'mainland' else 'T'}")
        zh = {p[0] for p in gold["pairs"]} | set(gold["unpaired_zh"])
        en = {p[1] for p in gold["pairs"]} | set(gold["unpaired_en"])
        assert zh == set(rec["keywords_zh"]) and en == set(rec["keywords_en"]), rec["id"]
        sure = [p for p in gold["pairs"] if p[2] == "sure"]
        assert len({p[0] for p in sure}) == len({p[1] for p in sure}) == len(sure), rec["id"]
        page = PAGES / Path(rec["page"]).name
        assert rec["source_url"] in page.with_suffix(".src").read_text(encoding="utf-8")
        text = plain(page.read_text(encoding="utf-8"))
        for lang in ("zh", "en"):  # the printed lines are on the page, the items in them
            raw = plain(rec[f"keywords_{lang}_raw"])
            assert all(line in text for line in raw.split("\n")), (rec["id"], lang)
            assert all(item in raw for item in rec[f"keywords_{lang}"]), (rec["id"], lang)
    sure_pairs = {region: sum(p[2] == "sure" for r in records if r["region"] == region
                              for p in r["gold"]["pairs"]) for region in REGIONS}
    assert sure_pairs == {"Taiwan": 85, "mainland": 17}


@pytest.mark.parametrize("name", list(devrecords.RENDERINGS))
def test_real13_pairing(
    name: str, evaluated: dict[str, Evaluation], figures: Callable[[str], None]
) -> None:
    result = evaluated[name]
    text = check_set(name, result, "real13 (fresh records, measured only)", FLOORS[name],
                     RECORDS, figures)
    assert {region: result.termkit[region].records for region in REGIONS} == REGIONS, text


def test_real13_pairing_without_help_from_position(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    check_rotated(_records(), tmp_path, "real13", ROTATED_PRECISION, ROTATED_RECALL, figures)


def test_real13_stored_page_files(page_files: Evaluation, figures: Callable[[str], None]) -> None:
    """The page files as stored, read as files. First contact: 15 of 26 read as published;
    two mainland records (M001 unlabelled lines, M002 one run-together line) read with one
    list only and get no pair; P 0.810 R 0.667 against position 0.750 / 0.529."""
    text = report("page files", page_files, "real13 stored pages read as files")
    figures("\n" + text)
    precision, recall, misread = FILES_FLOORS
    ours, base = page_files.termkit["all"], page_files.baseline["all"]
    assert ours.records == RECORDS, text
    assert ours.precision >= precision and ours.recall >= recall, text
    assert ours.f1 > base.f1, text
    assert len(page_files.misread) <= misread, text


def _pairs_per_file() -> list[tuple[str, int, int, int]]:
    """(id, pairs made, right, wrong) per stored page file; possible pairs neither way."""
    lexicon = get_lexicon()
    rows = []
    for rec in _records():
        made: set[tuple[str, str]] = set()
        for record in read_records(str(PAGES / Path(rec["page"]).name)):
            made |= {(p.zh, p.en) for p in pair_record(record, lexicon=lexicon).pairs}
        plain = devrecords.without_inline_pinyin
        made = {(plain(z), plain(e)) for z, e in made}
        sure = {(z, e) for z, e, grade in rec["gold"]["pairs"] if grade == "sure"}
        possible = {(z, e) for z, e, grade in rec["gold"]["pairs"] if grade != "sure"}
        rows.append((rec["id"], len(made), len(made & sure), len(made - sure - possible)))
    return rows


def test_real13_page_files_without_any_pair(figures: Callable[[str], None]) -> None:
    """Records whose page file yields no pair at all, or pairs none of which is right. First
    contact: no pair in M001 and M002 (one list read); pairs but none right in six (T009,
    T010, T013, T015 — whose one Chinese item has no counterpart —, T020, T021)."""
    rows = _pairs_per_file()
    none = [rid for rid, made, _, _ in rows if not made]
    no_right = [rid for rid, made, right, _ in rows if made and not right]
    figures(f"\nreal13 page files: no pair in {len(none)} ({', '.join(none)}); pairs but none "
            f"right in {len(no_right)} ({', '.join(no_right)})")
    # Since real14's reading of one field holding both lists glued at a change of script
    # (records.keywords._split_glued), M002's Hans line is read as its two lists, run
    # together each; no cut takes them apart, and they are paired whole as a candidate
    # (wrong: M002 moved from "no pair" to "pairs but none right").
    assert none == ["real13-M001"]
    assert len(no_right) <= 6


@pytest.mark.xfail(strict=True, reason="first contact: 11 of 26 page files not read as "
                   "published (run-together link lists, single-space separators, unlabelled "
                   "lines, a title with 、 taken for the keyword line)")
def test_real13_every_page_file_read_as_published(page_files: Evaluation) -> None:
    assert page_files.misread == [], report("page files", page_files)


@pytest.mark.xfail(strict=True, reason="first contact: P 0.961 R 0.971 on JSON Lines (split "
                   "lists): position pairs on lists that are not parallel (T009, T015)")
def test_real13_meets_the_issue_thresholds_on_split_lists(
    evaluated: dict[str, Evaluation],
) -> None:
    ours = evaluated["jsonl"].termkit["all"]
    assert ours.precision >= PRECISION and ours.recall >= RECALL, report("jsonl",
                                                                          evaluated["jsonl"])


def test_real13_wrong_pairs_are_candidates(figures: Callable[[str], None],
                                           tmp_path: Path) -> None:
    """The wrong pairs made on the split lists and their status. First contact: 4 wrong, 3 of
    them ``candidate`` (position only: a reviewer sees them marked), one ``preferred``
    (T009: 績效酬勞 – "performance", dictionary evidence for 績效 plus position, while the
    author's counterpart is "performance-based compensation")."""
    lexicon = get_lexicon()
    wrong: list[tuple[str, str, str, str]] = []
    for rec in _records():
        path = tmp_path / f"{rec['id']}.jsonl"
        path.write_text(devrecords.render_jsonl(rec), encoding="utf-8")
        gold = {(z, e) for z, e, _ in rec["gold"]["pairs"]}
        for record in read_records(str(path)):
            for p in pair_record(record, lexicon=lexicon).pairs:
                if (p.zh, p.en) not in gold:
                    wrong.append((rec["id"], p.zh, p.en, str(p.status.value)))
    figures("\nreal13 jsonl wrong pairs: " + json.dumps(wrong, ensure_ascii=False))
    assert len(wrong) <= 4, wrong
    assert sum(status != "candidate" for *_, status in wrong) <= 1, wrong


def test_real13_br_breaks_in_a_stored_page_are_read_as_breaks() -> None:
    """real13-T004 (an NCCU item page) prints its two advisors as ``江穎慧<br>丁秀吟`` /
    ``Chiang, Ying-Hui<br>Ding, Hsiu-Yin``: the stored text keeps the HTML break. The Markdown
    step (:mod:`termkit.records.markdown`) takes two such marks for markup and reads them as
    breaks, so the advisors come out as two people; without the step they would be one name
    with ``<br>`` inside. Found at first contact (the plain-page invariant of
    test_records_markdown leaves this page out for it); the keywords read the same either
    way."""
    (record,) = read_records(str(PAGES / "real13-T004.txt"))
    assert [(p.zh, p.en) for p in record.advisors] == [
        ("江穎慧", "Chiang, Ying-Hui"), ("丁秀吟", "Ding, Hsiu-Yin")]
