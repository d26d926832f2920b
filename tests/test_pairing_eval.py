"""The dev evaluation of keyword pairing: every dev record, in every rendering, read and paired.

Each of the 95 dev records (``tests/data/records/dev.jsonl`` and ``dev2.jsonl``) is written in
each rendering of :data:`tests.devrecords.RENDERINGS` to a file of its own, read back with
:func:`termkit.records.read_records` and paired with :func:`termkit.align.pair_record`, as a
user's ``termkit extract`` would. Scored against the hand-made gold:

* recall: the share of the ``sure`` gold pairs that were found;
* precision: the share of the pairs made that are ``sure`` gold pairs, where a pair the gold
  marks ``possible`` (a defensible but partial rendering) and a pair of a keyword the gold
  ``ignored`` (a third language) count neither as right nor as wrong; so does a pair whose
  English is a run of words cut from the English of a ``possible`` pair of the same Chinese
  keyword, when the gold pairs those words with nothing else (an English list printed as
  one item, which the gold can only pair as a whole: the pairing cuts it, see
  :mod:`termkit.align.runs`);
* beside them, the positional baseline — the i-th Chinese keyword with the i-th English one —
  over the same records read the same way;
* records that have both keyword lists (as read) and yield no pair at all.

Inline pinyin that a machine conversion left in two published lists (``社區(qū)``) is removed
from the gold and from what was read before comparing: the page readers remove it
(:mod:`termkit.records.tidy`), the JSON Lines reader keeps the record's strings.

The figures are printed per rendering and per region (Taiwanese and mainland sites) whether or
not pytest captures output, and for the records whose keywords were read exactly as published
("read ok"; the others are listed by id: a reading problem, not a pairing one). The Done-when
thresholds are asserted per rendering over every record: precision >= 0.98, recall >= 0.95;
and no record with both lists is left without a pair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from termkit.align import pair_record
from termkit.lexicon import get_lexicon
from termkit.model import Record
from termkit.records import read_records

from . import devrecords

PRECISION = 0.98
RECALL = 0.95
READ = "read ok"  # the group of records whose keywords were read as published


def cut_from(zh: str, en: str, gold: dict[str, Any]) -> bool:
    """True when ``en`` is a run of whole words of the English of a ``possible`` gold pair of
    ``zh``, and no gold pair holds ``en`` itself: a part of an English item the gold could
    only pair as a whole."""
    if any(en == e for _, e, _ in gold["pairs"]):
        return False
    return any(
        z == zh and grade != "sure" and e != en and f" {en} " in f" {e} "
        for z, e, grade in gold["pairs"]
    )


@dataclass
class Tally:
    """Counts behind precision and recall for one group of records."""

    right: int = 0  # pairs made that are sure gold pairs
    wrong: int = 0  # pairs made that are neither sure, possible nor of an ignored keyword
    sure: int = 0  # sure gold pairs
    records: int = 0

    def add(self, made: set[tuple[str, str]], gold: dict[str, Any]) -> None:
        sure = {(zh, en) for zh, en, grade in gold["pairs"] if grade == "sure"}
        possible = {(zh, en) for zh, en, grade in gold["pairs"] if grade != "sure"}
        ignored = set(gold.get("ignored") or [])
        self.right += len(made & sure)
        self.wrong += sum(
            1
            for zh, en in made - sure - possible
            if zh not in ignored and en not in ignored and not cut_from(zh, en, gold)
        )
        self.sure += len(sure)
        self.records += 1

    @property
    def precision(self) -> float:
        made = self.right + self.wrong
        return self.right / made if made else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.sure if self.sure else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Pairing and the positional baseline on one rendering, overall and by region."""

    termkit: dict[str, Tally] = field(default_factory=dict)
    baseline: dict[str, Tally] = field(default_factory=dict)
    no_pair: list[str] = field(default_factory=list)  # records with both lists, no pair
    misread: list[str] = field(default_factory=list)  # keywords not read as published
    # titles and gold author pairs printed in the rendering, and how many were read right
    titles: list[int] = field(default_factory=lambda: [0, 0])  # [right, printed]
    authors: list[int] = field(default_factory=lambda: [0, 0])  # [right, printed]

    def tallies(self, group: str) -> tuple[Tally, Tally]:
        return (
            self.termkit.setdefault(group, Tally()),
            self.baseline.setdefault(group, Tally()),
        )


def evaluate(
    rendering: str,
    folder: Path,
    records: list[dict[str, Any]] | None = None,
    *,
    renderer: tuple[str, Callable[[dict[str, Any]], str]] | None = None,
) -> Evaluation:
    """Write ``records`` (default: every dev record) in ``rendering`` to ``folder``, read, pair, score.

    ``renderer`` (file suffix, function) lays the records out instead of the rendering of
    that name in ``devrecords`` (the page variants of ``tests/pagevariants.py``).
    """
    suffix, render = renderer or {**devrecords.RENDERINGS, **devrecords.STRESS_RENDERINGS}[rendering]
    lexicon = get_lexicon()
    result = Evaluation()
    for rec in devrecords.load_all_dev() if records is None else records:
        path = folder / f"{rec['id']}{suffix}"
        text = render(rec)
        path.write_text(text, encoding="utf-8")
        made: set[tuple[str, str]] = set()
        positional: set[tuple[str, str]] = set()
        zh_read: list[str] = []
        en_read: list[str] = []
        plain = devrecords.without_inline_pinyin
        for record in read_records(str(path)):
            pairing = pair_record(record, lexicon=lexicon)
            made |= {(plain(p.zh), plain(p.en)) for p in pairing.pairs}
            positional |= {
                (plain(zh), plain(en))
                for zh, en in zip(record.keywords_zh, record.keywords_en, strict=False)
            }
            zh_read += [plain(k) for k in record.keywords_zh]
            en_read += [plain(k) for k in record.keywords_en]
            if record.keywords_zh and record.keywords_en and not pairing.pairs:
                result.no_pair.append(rec["id"])
            _count_titles_and_authors(result, rec, record, text)
        gold = devrecords.plain_gold(rec["gold"])
        ignored = set(gold["ignored"])
        want_zh, want_en = devrecords.expected_keywords(rec)
        if [k for k in zh_read if k not in ignored] != [plain(k) for k in want_zh] or [
            k for k in en_read if k not in ignored
        ] != [plain(k) for k in want_en]:
            result.misread.append(rec["id"])
        groups = ["all", devrecords.region(rec)]
        if rec["id"] not in result.misread:
            groups.append(READ)
        for group in groups:
            ours, base = result.tallies(group)
            ours.add(made, gold)
            base.add(positional, gold)
    return result


def _count_titles_and_authors(
    result: Evaluation, rec: dict[str, Any], record: Record, text: str
) -> None:
    """Add to ``result`` the titles and gold author pairs ``text`` printed and ``record`` read."""
    for key in ("title_zh", "title_en"):
        title = rec.get(key)
        if title and title in text:
            result.titles[1] += 1
            result.titles[0] += " ".join((getattr(record, key) or "").split()) == " ".join(
                title.split()
            )
    people = {(p.zh, p.en) for p in [*record.authors, *record.advisors]}  # gold lists both
    for zh, en in devrecords.expected_authors(rec, text):
        result.authors[1] += 1
        result.authors[0] += (zh, en) in people


def evaluate_renderings(label: str, records: list[dict[str, Any]],
                        tmp_path_factory: pytest.TempPathFactory) -> dict[str, Evaluation]:
    """:func:`evaluate` of ``records`` in every rendering (devrecords.RENDERINGS)."""
    return {name: evaluate(name, tmp_path_factory.mktemp(f"{label}-{name}"), records)
            for name in devrecords.RENDERINGS}


_CACHE: dict[str, Evaluation] = {}


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Evaluation]]:
    """Every rendering evaluated once for the module (reading and pairing take a few seconds)."""
    for name in devrecords.RENDERINGS:
        if name not in _CACHE:
            _CACHE[name] = evaluate(name, tmp_path_factory.mktemp(f"dev-{name}"))
    yield _CACHE


def check_set(name: str, result: Evaluation, what: str, floors: tuple[float, float, int],
              records: int, figures: Callable[[str], None], *,
              above_position: bool = True) -> str:
    """Print one rendering's figures on a measured set and assert its floors: precision,
    recall, records misread at most; every record counted, termkit's F1 above position's,
    no record with both lists and no pair. Returns the printed text.

    ``above_position=False`` is for a set whose every list is parallel as published: there
    position is right wherever the lists were read right, so termkit can at best equal it;
    its F1 must then be no lower than position's (the English-rotated check is where such a
    set measures pairing)."""
    text = report(name, result, what)
    figures("\n" + text)
    precision, recall, misread = floors
    ours, base = result.termkit["all"], result.baseline["all"]
    assert ours.records == records, text
    assert ours.precision >= precision, text
    assert ours.recall >= recall, text
    if above_position:
        assert ours.f1 > base.f1, text
    else:
        assert ours.f1 >= base.f1, text
    assert result.no_pair == [], text
    assert len(result.misread) <= misread, text
    return text


def check_rotated(originals: list[dict[str, Any]], folder: Path, what: str,
                  precision: float, recall: float, figures: Callable[[str], None]) -> None:
    """Pair ``originals`` with every English list rotated by one place (the pairs unchanged,
    position useless), print the figures and assert the floors and F1 above position's."""
    records = [devrecords.rotated_english(r) for r in originals]
    assert all(
        r["keywords_en"] != o["keywords_en"] for r, o in zip(records, originals, strict=True)
    )
    result = evaluate("jsonl", folder, records)
    text = report("jsonl", result, f"{what} with every English list rotated by one place")
    figures("\n" + text)
    ours, base = result.termkit["all"], result.baseline["all"]
    assert ours.precision >= precision, text
    assert ours.recall >= recall, text
    assert ours.f1 > base.f1, text


def read_page_file(path: Path, rec: dict[str, Any]) -> tuple[bool, int, list[tuple[str, str]]]:
    """One measured set's page file read as a file: (its keywords read as published, right
    sure pairs, the wrong pairs sorted), against the record ``rec`` and its gold."""
    lexicon = get_lexicon()
    zh: list[str] = []
    en: list[str] = []
    made: set[tuple[str, str]] = set()
    for record in read_records(str(path)):
        zh += record.keywords_zh
        en += record.keywords_en
        made |= {(p.zh, p.en) for p in pair_record(record, lexicon=lexicon).pairs}
    sure = {(z, e) for z, e, grade in rec["gold"]["pairs"] if grade == "sure"}
    as_published = zh == rec["keywords_zh"] and en == rec["keywords_en"]
    return as_published, len(made & sure), sorted(made - sure)

def report(name: str, result: Evaluation, what: str = "the dev records") -> str:
    """The figures of one rendering as printed lines: per region, read-ok, records without a pair."""
    lines = [f"pairing on {what}, rendered as {name} (sure gold pairs; possible "
             "pairs and ignored keywords neither right nor wrong):"]
    for group in ("all", "Taiwan", "mainland", READ):
        if group not in result.termkit:
            continue
        ours, base = result.termkit[group], result.baseline[group]
        lines.append(
            f"  {group:<8} {ours.records:3d} records {ours.sure:4d} sure pairs   "
            f"termkit P {ours.precision:.3f} R {ours.recall:.3f} F1 {ours.f1:.3f}   "
            f"position P {base.precision:.3f} R {base.recall:.3f} F1 {base.f1:.3f}"
        )
    lines.append(
        f"  records with both keyword lists and no pair: {len(result.no_pair)}"
        + (f" ({', '.join(result.no_pair)})" if result.no_pair else "")
    )
    lines.append(
        f"  records whose keywords were not read as published: {len(result.misread)}"
        + (f" ({', '.join(result.misread)})" if result.misread else "")
    )
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(devrecords.RENDERINGS))
def test_pairing_on_every_rendering(
    name: str, evaluated: dict[str, Evaluation], figures: Callable[[str], None]
) -> None:
    # The thresholds hold for every record as read in each rendering (reading and pairing
    # together, as a user runs them); the "read ok" row separates reading failures from
    # pairing ones when a reader regresses.
    result = evaluated[name]
    figures("\n" + report(name, result))
    assert result.termkit["all"].records == len(devrecords.load_all_dev())
    ours = result.termkit["all"]
    assert ours.precision >= PRECISION, report(name, result)
    assert ours.recall >= RECALL, report(name, result)
    assert result.no_pair == [], report(name, result)


# Floors for the page layout copied without blank lines: what the reader reaches there
# (P 0.991 / R 0.986, every record read as published, like the page layout itself) less a
# small margin, as a one-keyword-per-line list with no title or author around it cannot
# always be told from the lines next to it on pages not seen yet. The block reader alone
# gave P 0.700 / R 0.460; the positional baseline on the same reading P 0.900 / R 0.912.
STRESS_PRECISION = 0.98
STRESS_RECALL = 0.97


@pytest.mark.parametrize("name", list(devrecords.STRESS_RENDERINGS))
def test_pairing_on_pages_without_blank_lines(
    name: str, tmp_path: Path, figures: Callable[[str], None]
) -> None:
    result = evaluate(name, tmp_path)
    figures("\n" + report(name, result))
    ours, base = result.termkit["all"], result.baseline["all"]
    assert ours.records == len(devrecords.load_all_dev())
    assert ours.precision >= STRESS_PRECISION, report(name, result)
    assert ours.recall >= STRESS_RECALL, report(name, result)
    assert ours.f1 > base.f1, report(name, result)


def test_tally_counts_a_part_of_a_possible_english_item_as_neither() -> None:
    gold = {
        "pairs": [["甲", "alpha beta gamma", "possible"], ["乙", "alpha beta gamma", "possible"],
                  ["丙", "delta", "sure"]],
        "ignored": [],
    }
    tally = Tally()
    # "alpha beta" is cut from the possible item of 甲: neither; "delta" for 甲 is wrong (the
    # gold pairs it with 丙); "beta gamma x" is no run of that item: wrong.
    tally.add({("甲", "alpha beta"), ("乙", "gamma"), ("甲", "delta"), ("乙", "beta gamma x")}, gold)
    assert (tally.right, tally.wrong, tally.sure) == (0, 2, 1)


def test_tally_counts_possible_and_ignored_pairs_as_neither() -> None:
    gold = {
        "pairs": [["甲", "a", "sure"], ["乙", "b", "sure"], ["丙", "c", "possible"]],
        "ignored": ["丁"],
    }
    tally = Tally()
    tally.add({("甲", "a"), ("丙", "c"), ("丁", "d"), ("乙", "x")}, gold)
    assert (tally.right, tally.wrong, tally.sure) == (1, 1, 2)
    assert (tally.precision, tally.recall) == (0.5, 0.5)
