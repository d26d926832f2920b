"""A round bracket closed in the other width (``DS(Data-Strobe）``, ``（GCR)``).

PDF conversions and hand typing leave such pairs in real keyword lines (three of the 33
journal articles of tests/data/records/real6 print one). Before, the bracket was taken as never
closed, so every keyword after it on the line was read as part of one item and the lists
came out of step.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.keywords import split_keywords
from termkit.records.labelled import unwrapped


@pytest.mark.parametrize(("line", "items"), [
    ("DS(Data-Strobe）; RMAP; SpaceWire bus", ["DS(Data-Strobe）", "RMAP", "SpaceWire bus"]),
    ("cosmic ray（GCR); single event effect; shielding",
     ["cosmic ray（GCR)", "single event effect", "shielding"]),
    ("宇宙线（GCR)；单粒子效应；屏蔽", ["宇宙线（GCR)", "单粒子效应", "屏蔽"]),
    ("A (B, C); D", ["A (B, C)", "D"]),  # the same width pairs as before
])
def test_a_round_bracket_closes_in_either_width(line: str, items: list[str]) -> None:
    assert split_keywords(line) == items


@pytest.mark.parametrize(("line", "expected"), [
    ("（A System for Testing)", "A System for Testing"),
    ("(A System for Testing）", "A System for Testing"),
    ("(1) first （2）", "(1) first （2）"),  # the first bracket closes before the end
    ("[Draft]", "Draft"),
])
def test_a_title_wrapped_in_mixed_width_brackets_is_unwrapped(line: str, expected: str) -> None:
    assert unwrapped(line) == expected


def test_a_page_with_a_mixed_width_bracket_reads_both_lists_in_step() -> None:
    page = ("空间数据总线的设计\n\n张三\n\n"
            "摘要：本文设计了一种总线。\n\n"
            "关键词：SpaceWire；数据选通（DS)编码；远程存储器访问\n\n"
            "Design of a space data bus\n\nZHANG San\n\n"
            "Abstract: A bus is designed.\n\n"
            "Key words: SpaceWire; DS(Data-Strobe）encoding; remote memory access\n")
    (record,) = parse_records(page.encode("utf-8"), "page.txt")
    assert len(record.keywords_zh) == len(record.keywords_en) == 3
    assert record.keywords_en[1] == "DS(Data-Strobe）encoding"
