"""Keyword pairing against the hand-made gold pairings of 17 real records (dev.jsonl).

Targets from the task: precision >= 0.98 and recall >= 0.95 over the ``sure`` gold pairs
(pairing by position alone scores about 0.88/0.88 here). The figures are printed; run with
``-s`` to see them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from termkit.align import pair_keywords, pair_record
from termkit.model import Kind, Person, Record, Status

from .conftest import DATA

DEV = DATA / "align" / "dev.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def _record(row: dict[str, Any]) -> Record:
    ignored = set(row["gold"]["ignored"])
    return Record(
        source=str(DEV),
        id=row["id"],
        title_en=row.get("title_en"),
        title_zh=row.get("title_zh"),
        keywords_zh=[k for k in row["keywords_zh"] if k not in ignored],
        keywords_en=[k for k in row["keywords_en"] if k not in ignored],
        authors=[Person(zh, en) for zh, en in row["gold"]["authors"]],
    )


def _sure(row: dict[str, Any]) -> set[tuple[str, str]]:
    return {(zh, en) for zh, en, grade in row["gold"]["pairs"] if grade == "sure"}


def _precision_recall(found: list[set[tuple[str, str]]], gold: list[set[tuple[str, str]]]):  # type: ignore[no-untyped-def]
    tp = sum(len(f & g) for f, g in zip(found, gold, strict=True))
    n_found = sum(len(f) for f in found)
    n_gold = sum(len(g) for g in gold)
    return tp / n_found, tp / n_gold


def test_gold_precision_and_recall() -> None:
    rows = _rows()
    assert len(rows) == 17
    found = [{(p.zh, p.en) for p in pair_record(_record(r)).pairs} for r in rows]
    gold = [_sure(r) for r in rows]
    precision, recall = _precision_recall(found, gold)
    # The baseline the task quotes: i-th Chinese keyword with the i-th English one.
    positional = [
        set(zip(_record(r).keywords_zh, _record(r).keywords_en, strict=False)) for r in rows
    ]
    base_p, base_r = _precision_recall(positional, gold)
    print(
        f"\nkeyword pairing on dev.jsonl: precision {precision:.3f} recall {recall:.3f} "
        f"(positional baseline {base_p:.3f}/{base_r:.3f})"
    )
    assert precision >= 0.98
    assert recall >= 0.95


def test_gold_unpaired_keywords_stay_unpaired() -> None:
    # Keywords the annotators left without counterpart must not be forced into a pair. A pair
    # whose heads cross (輔導團, a group, with "group counseling") is the one exception by
    # design: authors do publish such renderings as the counterpart, so it is made, but only
    # as a candidate for a reviewer.
    for row in _rows():
        rec = _record(row)
        pairing = pair_record(rec)
        sure = [p for p in pairing.pairs if "head-mismatch" not in p.evidence]
        assert all(
            p.status is Status.CANDIDATE for p in pairing.pairs if p not in sure
        ), row["id"]
        assert not {p.zh for p in sure} & set(row["gold"]["unpaired_zh"]), row["id"]
        assert not {p.en for p in sure} & set(row["gold"]["unpaired_en"]), row["id"]
        # Every keyword is either paired or reported unpaired, once.
        paired_zh = {p.zh for p in pairing.pairs}
        paired_en = {p.en for p in pairing.pairs}
        assert sorted(paired_zh | set(pairing.unpaired_zh)) == sorted(rec.keywords_zh)
        assert sorted(paired_en | set(pairing.unpaired_en)) == sorted(rec.keywords_en)


@pytest.mark.parametrize("config", ["t2s.json", "s2t.json"])
def test_gold_in_the_other_script(config: str) -> None:
    # OpenCC (the oracle for script conversion) turns the Chinese keywords into the other
    # script; the lexicon is looked up in both, so the pairing must not change.
    import opencc

    converter = opencc.OpenCC(config)
    for row in _rows():
        rec = _record(row)
        converted = [converter.convert(k) for k in rec.keywords_zh]
        back = dict(zip(converted, rec.keywords_zh, strict=True))
        pairs, _, _ = pair_keywords(converted, rec.keywords_en)
        original = {(p.zh, p.en) for p in pair_record(rec).pairs}
        assert {(back[p.zh], p.en) for p in pairs} == original, row["id"]


def test_gold_precision_holds_when_the_english_order_is_lost() -> None:
    # Reversed English lists (the order of kwrec-052 was lost the same way): position no
    # longer helps, so fewer pairs are made, but those made must still be right.
    rows = _rows()
    found = []
    for row in rows:
        rec = _record(row)
        pairs, _, _ = pair_keywords(rec.keywords_zh, rec.keywords_en[::-1])
        found.append({(p.zh, p.en) for p in pairs})
    precision, recall = _precision_recall(found, [_sure(r) for r in rows])
    print(f"\nreversed English order: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.98
    assert recall >= 0.8


def test_gold_pairs_carry_scores_and_evidence() -> None:
    for row in _rows():
        for pair in pair_record(_record(row)).pairs:
            assert 0.0 < pair.score <= 1.0
            assert pair.evidence
            assert pair.kind is Kind.KEYWORD


def test_gold_authors_are_matched() -> None:
    found, gold = [], []
    for row in _rows():
        pairing = pair_record(_record(row))
        found.append({(p.zh, p.en) for p in pairing.authors})
        gold.append({(zh, en) for zh, en in row["gold"]["authors"]})
        assert all(p.kind is Kind.PERSON for p in pairing.authors)
        assert pairing.unmatched_authors == []
    assert found == gold


def test_gold_titles() -> None:
    for row in _rows():
        pairing = pair_record(_record(row))
        want = row["gold"]["title_pair"]
        if want is None:
            assert pairing.title is None, row["id"]
        else:
            assert pairing.title is not None
            assert (pairing.title.zh, pairing.title.en) == tuple(want)
            assert pairing.title.kind is Kind.TITLE


def test_keywords_of_different_records_rarely_pair() -> None:
    # A negative control on real data: the Chinese keywords of one record against the English
    # keywords of another (272 combinations). Almost nothing should pair with confidence; the
    # few preferred pairs left are near-synonyms across records (术语 / terminology, 滿意 /
    # Customer Satisfaction). Lists of equal length without evidence still pair by position,
    # but only as candidates, which a reviewer confirms.
    rows = _rows()
    made = [
        (a["id"], b["id"], p.zh, p.en, p.status)
        for a in rows
        for b in rows
        if a is not b
        for p in pair_keywords(a["keywords_zh"], b["keywords_en"])[0]
    ]
    confident = [m[:4] for m in made if m[4] is Status.PREFERRED]
    print(
        f"\ncross-record pairs: {len(confident)} preferred, {len(made) - len(confident)} "
        f"candidates in {len(rows) * (len(rows) - 1)} combinations"
    )
    assert len(confident) <= 12
    assert ("kwrec-045", "kwrec-049", "术语", "terminology") in confident
