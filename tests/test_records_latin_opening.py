"""A Chinese keyword list one item per line that opens with Latin terms, on a page without
blank lines (the labelled rendering of a real6 journal article: ``关键词`` / ``SpaceWire`` /
``RMAP`` / ``DS编解码`` / …).

Before, the label and the Latin terms were cut off as a block of their own, read as three
authors (``关键词``: 关 is a surname), and the Chinese list lost its Latin keywords, so the
lists came out of step.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

ZH = ["SpaceWire", "RMAP", "DS编解码", "高速总线"]
EN = ["SpaceWire", "RMAP", "DS encoding and decoding", "high speed bus"]


def _page(label: str, zh: list[str], en: list[str]) -> str:
    return "\n".join(["基于RMAP机制的星载高速总线设计",
                      "Design of an on-board high speed bus based on RMAP",
                      label, *zh, *en]) + "\n"


@pytest.mark.parametrize("label", ["关键词", "關鍵詞", "关键词："])
def test_a_chinese_list_opening_with_latin_terms_keeps_them(label: str) -> None:
    (rec,) = parse_records(_page(label, ZH, EN).encode("utf-8"), "page.txt")
    assert rec.keywords_zh == ZH
    assert rec.keywords_en == EN
    assert rec.authors == []


@pytest.mark.parametrize("opening", [1, 2, 3])
def test_any_number_of_opening_latin_terms(opening: int) -> None:
    zh = [*["GPU", "CUDA", "OpenCL"][:opening], "并行计算", "图形处理器"]
    en = [*["GPU", "CUDA", "OpenCL"][:opening], "parallel computing", "graphics processing unit"]
    (rec,) = parse_records(_page("关键词", zh, en).encode("utf-8"), "page.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (zh, en)


def test_a_keyword_label_is_never_an_author() -> None:
    page = "基于RMAP机制的星载高速总线设计\n\n关键词\nSpaceWire\nRMAP\n\n张三\n"
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert all(p.zh != "关键词" for p in rec.authors)
