"""Keyword pairing on 46 real records no rule was written from: learn half and held-out half.

``tests/data/records/real/records.jsonl`` holds the keyword lists of 46 article and thesis
pages (24 Taiwanese, 22 mainland sites) collected for a held-out review, in termkit's JSON
Lines format, so this measures the pairing alone (the page readers are measured elsewhere);
``gold.jsonl`` holds their gold pairs (see the folder's README). The set is split by page
number: odd pages are the *learn* half (failures there may be studied), even pages the
*held-out* half (only its figures are read).

Scored as in ``test_pairing_eval.py`` (sure gold pairs; possible pairs and ignored keywords
neither right nor wrong), per half and per region, beside the positional baseline (the i-th
Chinese keyword with the i-th English one) on the same records. The figures are printed
whether or not pytest captures output.

Asserted on each half, the same bars as the dev evaluation: precision >= 0.98 and recall >=
0.95 over the sure gold pairs, F1 no lower than the positional baseline's, and no record
with both keyword lists left without a pair. Measured when the bars were set (pairing rework
of issue #11, second round): learn P 1.000 R 1.000, held-out P 1.000 R 0.960 (position:
learn 0.952 / 0.952, held-out 0.842 / 0.850).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from termkit.align import pair_record
from termkit.lexicon import get_lexicon
from termkit.records import read_records

from .test_pairing_eval import Tally

REAL = Path(__file__).parent / "data" / "records" / "real"
PRECISION = 0.98
RECALL = 0.95
HALVES = ("learn", "heldout")


def half(record_id: str) -> str:
    """``learn`` for odd page numbers (``rv11-001``), ``heldout`` for even ones."""
    return "learn" if int(record_id.rsplit("-", 1)[1]) % 2 else "heldout"


def _gold() -> dict[str, dict[str, Any]]:
    with (REAL / "gold.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {row["id"]: row for row in rows}


_RESULT: dict[str, Any] = {}


@pytest.fixture(scope="module")
def evaluated() -> dict[str, Any]:
    """Every record paired once: tallies by group, and the records left without a pair."""
    if _RESULT:
        return _RESULT
    gold = _gold()
    ours: dict[str, Tally] = {}
    base: dict[str, Tally] = {}
    no_pair: list[str] = []
    lexicon = get_lexicon()
    records = list(read_records(str(REAL / "records.jsonl")))
    for record in records:
        row = gold[record.id]
        pairing = pair_record(record, lexicon=lexicon)
        made = {(p.zh, p.en) for p in pairing.pairs}
        positional = set(zip(record.keywords_zh, record.keywords_en, strict=False))
        if record.keywords_zh and record.keywords_en and not pairing.pairs:
            no_pair.append(record.id)
        h = half(record.id)
        for group in ("all", h, f"{h} {row['region']}"):
            ours.setdefault(group, Tally()).add(made, row["gold"])
            base.setdefault(group, Tally()).add(positional, row["gold"])
    _RESULT.update(ours=ours, base=base, no_pair=no_pair, records=len(records))
    return _RESULT


def _report(result: dict[str, Any]) -> str:
    lines = [
        "pairing alone on the real review records (records.jsonl; sure gold pairs; possible "
        "pairs and ignored keywords neither right nor wrong):"
    ]
    groups = ["all"] + [g for h in HALVES for g in (h, f"{h} Taiwan", f"{h} mainland")]
    for group in groups:
        if group not in result["ours"]:
            continue
        ours, base = result["ours"][group], result["base"][group]
        lines.append(
            f"  {group:<16} {ours.records:3d} records {ours.sure:4d} sure pairs   "
            f"termkit P {ours.precision:.3f} R {ours.recall:.3f} F1 {ours.f1:.3f}   "
            f"position P {base.precision:.3f} R {base.recall:.3f} F1 {base.f1:.3f}"
        )
    no_pair = result["no_pair"]
    lines.append(
        f"  records with both keyword lists and no pair: {len(no_pair)}"
        + (f" ({', '.join(no_pair)})" if no_pair else "")
    )
    return "\n".join(lines)


@pytest.mark.parametrize("name", HALVES)
def test_pairing_holds_on_each_half(
    name: str, evaluated: dict[str, Any], figures: Callable[[str], None]
) -> None:
    if name == HALVES[0]:
        figures("\n" + _report(evaluated))
    ours, base = evaluated["ours"][name], evaluated["base"][name]
    assert ours.records == 23, _report(evaluated)
    assert ours.precision >= PRECISION, _report(evaluated)
    assert ours.recall >= RECALL, _report(evaluated)
    assert ours.f1 >= base.f1, _report(evaluated)


def test_every_record_with_both_lists_pairs(evaluated: dict[str, Any]) -> None:
    assert evaluated["records"] == 46
    assert evaluated["no_pair"] == [], _report(evaluated)


def test_halves_split_by_page_number() -> None:
    assert [half(f"rv11-{n:03d}") for n in (1, 2, 45, 46)] == [
        "learn", "heldout", "learn", "heldout"
    ]
