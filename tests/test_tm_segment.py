"""Sentence splitting (termkit.tm.segment) against the gold splits of the parallel dev set."""

from __future__ import annotations

import json

import pytest

from termkit.tm.segment import split_en, split_zh
from tests.conftest import DATA

DEV = DATA / "tm" / "parallel-dev.jsonl"


def _records() -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


def test_splitter_accuracy_on_gold_paragraphs() -> None:
    recs = _records()
    zh_ok = sum(split_zh(r["zh"]) == r["zh_sentences"] for r in recs)
    en_ok = sum(split_en(r["en"]) == r["en_sentences"] for r in recs)
    gold_en = sum(len(r["en_sentences"]) for r in recs)
    found_en = sum(len(set(split_en(r["en"])) & set(r["en_sentences"])) for r in recs)
    print(f"\nsplitter: zh paragraphs exact {zh_ok}/{len(recs)}, "
          f"en paragraphs exact {en_ok}/{len(recs)}, en sentences {found_en}/{gold_en}")
    assert zh_ok / len(recs) >= 0.95
    assert en_ok / len(recs) >= 0.95
    assert found_en / gold_en >= 0.97


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！", ["第一句。", "第二句！"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("前半；后半。", ["前半；", "后半。"]),
        ("括号（甲；乙）里不分。", ["括号（甲；乙）里不分。"]),
        ("没有标点的结尾", ["没有标点的结尾"]),
        ("等等……然后呢？", ["等等……", "然后呢？"]),
    ],
)
def test_split_zh_rules(text: str, expected: list[str]) -> None:
    assert split_zh(text) == expected
    assert "".join(split_zh(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two!", ["One.", "Two!"]),
        ("Use e.g. this one. Then stop.", ["Use e.g. this one.", "Then stop."]),
        ("See Fig. 3 for details. It works.", ["See Fig. 3 for details.", "It works."]),
        ("John F. Kennedy spoke. Then he left.", ["John F. Kennedy spoke.", "Then he left."]),
        ("first do A, then C. In contrast, no.", ["first do A, then C.", "In contrast, no."]),
        ('He said "yes." Then left.', ['He said "yes."', "Then left."]),
        ("version 1.2 is out. 2024 was good.", ["version 1.2 is out.", "2024 was good."]),
        ("a lower. case start stays", ["a lower. case start stays"]),
    ],
)
def test_split_en_rules(text: str, expected: list[str]) -> None:
    assert split_en(text) == expected
