"""The whole pipeline on the 17 real dev records: rendered as page text and as RIS, read back,
paired, and scored against the hand-made gold (``sure`` pairs). Prints the figures."""

from __future__ import annotations

from typing import Any

import pytest

from termkit.align import pair_record
from termkit.records import parse_records

from .devrecords import load_dev, render_page, render_ris


def _score(rows: list[dict[str, Any]], texts: list[str], ext: str) -> tuple[float, float, float, float]:
    tp = n_found = n_gold = 0
    au_tp = au_gold = 0
    for row, text in zip(rows, texts, strict=True):
        (record,) = parse_records(text.encode("utf-8"), f"{row['id']}{ext}")
        pairing = pair_record(record)
        found = {(p.zh, p.en) for p in pairing.pairs}
        sure = {(zh, en) for zh, en, grade in row["gold"]["pairs"] if grade == "sure"}
        tp += len(found & sure)
        n_found += len(found)
        n_gold += len(sure)
        gold_authors = {(zh, en) for zh, en in row["gold"]["authors"]}
        au_tp += len({(a.zh, a.en) for a in pairing.authors} & gold_authors)
        au_gold += len(gold_authors)
    return tp / n_found, tp / n_gold, au_tp / au_gold, float(n_gold)


@pytest.mark.parametrize("form", ["page", "ris"])
def test_pipeline_precision_and_recall_on_dev_records(form: str) -> None:
    rows = load_dev()
    assert len(rows) == 17
    texts = [render_page(r) if form == "page" else render_ris(r) for r in rows]
    precision, recall, author_recall, n_gold = _score(rows, texts, ".txt" if form == "page" else ".ris")
    print(f"\n{form}: keyword pairing precision {precision:.3f}, recall {recall:.3f} "
          f"over {n_gold:.0f} sure pairs; author pairs found {author_recall:.3f}")
    assert precision >= 0.98
    assert recall >= 0.95
    assert author_recall >= 0.95
