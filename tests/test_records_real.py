"""The record readers on real metadata pages: 46 pages copied from real sites, read and paired.

``tests/data/records/real`` (see its README) holds 46 article and thesis pages from Taiwanese
and mainland sites, split into ``learn/`` (odd pages) and ``heldout/`` (even pages; measured
only until 2026-12-06, tuned on since then: the fresh set ``real2`` measures now), with
``gold.jsonl``: the published keyword
lists, titles, authors and gold pairs. Every page is read with
:func:`termkit.records.read_records` (layout detected from the content, as ``termkit
extract`` does) and its record paired with :func:`termkit.align.pair_record`. Per half and
per region the test prints:

* keyword lists read exactly as published (both lists equal to the gold lists);
* titles read right, per language, over the pages that have that title, and junk titles
  (a title read where the page has none);
* gold author pairs found among the authors read, and author pairs read that are wrong;
* precision and recall over the sure gold pairs (a ``possible`` pair counts neither way),
  next to the positional baseline — the i-th Chinese keyword with the i-th English one —
  on the *published* lists, so the baseline never suffers from reading;
* records with both keyword lists read and no right pair.

Inline pinyin that a machine conversion left in a page (``護(hù)理``) is removed by the
readers; the gold keeps the page's strings, so both are compared without it.

The floors asserted below hold on each half, learn and held-out alike; since both halves
are tuned on, what differs from the gold is listed for every page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from termkit.align import pair_record
from termkit.lexicon import get_lexicon
from termkit.records import read_records

from .devrecords import without_inline_pinyin

REAL = Path(__file__).parent / "data" / "records" / "real"
HALVES = ("learn", "heldout")
REGIONS = ("Taiwan", "mainland")

# Floors on each half, learn and heldout alike. Measured (2026-12-06, after the readers'
# rework): learn 23/23 lists exact, titles 28/28, authors 17/17, P 1.000 R 1.000, no page
# without a right pair; heldout, measured only, 21/23, titles 25/31 (one junk title),
# authors 16/27, P 1.000 R 0.860, one page without a right pair. Then heldout was tuned on
# (records3: romanized names found by sound, identifier fields of one line, pairs printed
# out of step, bracketed titles, site counters): 22/23, titles 31/31 (no junk), authors
# 27/27, P 1.000 R 0.910, one page without a right pair (both lists on one line, no
# separator between the English items). Before the rework (the review): 22/46 lists,
# titles 10/59, P 0.871 R 0.627.
LISTS_EXACT = 0.93  # keyword lists read exactly as published
TITLES_RIGHT = 0.95  # titles read right, over the titles the pages have
JUNK_TITLES = 0  # titles read where a page has none
AUTHORS_FOUND = 0.95  # gold author pairs found
WRONG_AUTHORS = 0  # author pairs read that are not gold pairs
# Then the pairing was tuned on both halves (pairfix, issue #11: weak evidence among the
# keywords left over, acronym letters, English keywords printed run together): learn
# P 1.000 R 1.000, heldout P 1.000 R 0.990 (one page: a single English phrase for four
# Chinese keywords, no right pair by the gold's grading).
PRECISION = 0.98
RECALL = 0.95
NO_RIGHT_PAIR = 1  # records with both lists read and no right pair

def load_gold(root: Path = REAL) -> list[dict[str, Any]]:
    """The gold records of a page set (``root/gold.jsonl``), one per page."""
    with (root / "gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold() -> list[dict[str, Any]]:
    return load_gold(REAL)


def _half(rec: dict[str, Any]) -> str:
    return "learn" if int(rec["id"].rsplit("-", 1)[1]) % 2 else "heldout"


def _page(rec: dict[str, Any]) -> Path:
    number = rec["id"].rsplit("-", 1)[1]
    return REAL / _half(rec) / f"{number}.txt"


def _norm(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text).strip() if text else None


def _plain(items: list[str]) -> list[str]:
    return [without_inline_pinyin(k) for k in items]


@dataclass
class Tally:
    """The counts behind the printed figures for one group of pages."""

    pages: int = 0
    lists_exact: int = 0
    titles: int = 0  # titles the pages have (zh and en)
    titles_right: int = 0
    junk_titles: int = 0
    authors: int = 0  # gold author pairs
    authors_found: int = 0
    authors_wrong: int = 0
    sure: int = 0
    right: int = 0
    wrong: int = 0
    base_right: int = 0
    base_wrong: int = 0
    no_right_pair: int = 0

    @staticmethod
    def share(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def precision(self) -> float:
        return self.share(self.right, self.right + self.wrong)

    @property
    def recall(self) -> float:
        return self.share(self.right, self.sure)

    @property
    def base_precision(self) -> float:
        return self.share(self.base_right, self.base_right + self.base_wrong)

    @property
    def base_recall(self) -> float:
        return self.share(self.base_right, self.sure)


@dataclass
class Outcome:
    """What reading and pairing one page gave, against its gold."""

    lists_exact: bool
    titles: int
    titles_right: int
    junk_titles: int
    authors: int
    authors_found: int
    authors_wrong: int
    sure: int
    right: int
    wrong: int
    base_right: int
    base_wrong: int
    no_right_pair: bool
    misses: list[str]


def page_outcome(rec: dict[str, Any], page: Path) -> Outcome:
    """Read ``page`` as ``termkit extract`` does, pair it, and compare both with ``rec``'s gold."""
    records = read_records(str(page))
    assert len(records) == 1, rec["id"]
    record = records[0]
    gold = rec["gold"]
    misses: list[str] = []
    zh, en = _plain(record.keywords_zh), _plain(record.keywords_en)
    lists_exact = zh == _plain(rec["keywords_zh"]) and en == _plain(rec["keywords_en"])
    if not lists_exact:
        misses.append(f"keywords {zh} / {en}")
    titles = right = junk = 0
    for slot in ("title_zh", "title_en"):
        want, got = _norm(rec[slot]), _norm(getattr(record, slot))
        if want:
            titles += 1
            right += got == want
        else:
            junk += got is not None
        if got != want:
            misses.append(f"{slot} {got!r}")
    read = {(p.zh, p.en) for p in record.authors if p.zh and p.en}
    want_authors = {(zh_name, en_name) for zh_name, en_name in gold["authors"]}
    if read != want_authors:
        misses.append(f"authors {sorted(read)}")
    sure = {(without_inline_pinyin(z), e) for z, e, grade in gold["pairs"] if grade == "sure"}
    possible = {(without_inline_pinyin(z), e) for z, e, grade in gold["pairs"] if grade != "sure"}
    made = {(without_inline_pinyin(p.zh), p.en) for p in pair_record(record, lexicon=get_lexicon()).pairs}
    published = set(zip(_plain(rec["keywords_zh"]), rec["keywords_en"], strict=False))
    return Outcome(
        lists_exact=lists_exact,
        titles=titles,
        titles_right=right,
        junk_titles=junk,
        authors=len(want_authors),
        authors_found=len(read & want_authors),
        authors_wrong=len(read - want_authors),
        sure=len(sure),
        right=len(made & sure),
        wrong=len(made - sure - possible),
        base_right=len(published & sure),
        base_wrong=len(published - sure - possible),
        no_right_pair=bool(zh and en and not made & sure),
        misses=misses,
    )


def add_outcome(tally: Tally, o: Outcome) -> None:
    """Count one page's outcome into ``tally``."""
    tally.pages += 1
    tally.lists_exact += o.lists_exact
    tally.titles += o.titles
    tally.titles_right += o.titles_right
    tally.junk_titles += o.junk_titles
    tally.authors += o.authors
    tally.authors_found += o.authors_found
    tally.authors_wrong += o.authors_wrong
    tally.sure += o.sure
    tally.right += o.right
    tally.wrong += o.wrong
    tally.base_right += o.base_right
    tally.base_wrong += o.base_wrong
    tally.no_right_pair += o.no_right_pair


@dataclass
class Evaluation:
    tallies: dict[str, Tally]
    misses: dict[str, list[str]]  # what differs from the gold, per page


@pytest.fixture(scope="module")
def evaluation() -> Iterator[Evaluation]:
    tallies: dict[str, Tally] = {}
    misses: dict[str, list[str]] = {}
    for rec in _gold():
        outcome = page_outcome(rec, _page(rec))
        half = _half(rec)
        for group in (half, f"{half}/{rec['region']}"):
            add_outcome(tallies.setdefault(group, Tally()), outcome)
        if outcome.misses:
            # Both halves are tuned on (real2 is the measuring set): every page is listed.
            misses[rec["id"]] = outcome.misses
    yield Evaluation(tallies, misses)


def table_row(group: str, t: Tally) -> str:
    """One printed line of figures: reading, pairing and the positional baseline."""
    return (
        f"  {group:<17} {t.pages:2d} pages  lists exact {t.lists_exact:2d}  "
        f"titles {t.titles_right:2d}/{t.titles:2d} (junk {t.junk_titles})  "
        f"authors {t.authors_found:2d}/{t.authors:2d} (wrong {t.authors_wrong})  "
        f"termkit P {t.precision:.3f} R {t.recall:.3f}  "
        f"no right pair {t.no_right_pair}   "
        f"position P {t.base_precision:.3f} R {t.base_recall:.3f}"
    )


def _report(result: Evaluation) -> str:
    lines = [
        "real metadata pages, read and paired (sure gold pairs; position = the i-th Chinese "
        "keyword with the i-th English one on the published lists):"
    ]
    for half in HALVES:
        for group in (half, *(f"{half}/{r}" for r in REGIONS)):
            lines.append(table_row(group, result.tallies[group]))
    for rid, misses in sorted(result.misses.items()):
        lines.append(f"  {rid}: " + "; ".join(misses))
    return "\n".join(lines)


def test_real_pages_are_split_into_two_halves() -> None:
    gold = _gold()
    assert len(gold) == 46
    for half in HALVES:
        pages = sorted(p.name for p in (REAL / half).glob("*.txt"))
        assert pages == sorted(_page(r).name for r in gold if _half(r) == half)
    assert {r["region"] for r in gold} == set(REGIONS)


@pytest.mark.parametrize("half", HALVES)
def test_real_pages_read_and_pair(
    half: str, evaluation: Evaluation, figures: Callable[[str], None]
) -> None:
    if half == HALVES[0]:
        figures("\n" + _report(evaluation))
    t = evaluation.tallies[half]
    report = _report(evaluation)
    assert t.pages == 23
    assert t.lists_exact >= LISTS_EXACT * t.pages, report
    assert t.titles_right >= TITLES_RIGHT * t.titles, report
    assert t.junk_titles <= JUNK_TITLES, report
    assert t.authors_found >= AUTHORS_FOUND * t.authors, report
    assert t.authors_wrong <= WRONG_AUTHORS, report
    assert t.precision >= PRECISION, report
    assert t.recall >= RECALL, report
    assert t.no_right_pair <= NO_RIGHT_PAIR, report
