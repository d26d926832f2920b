"""A keyword label alone on its line, a paragraph under it, then the keyword list.

A two-column page copied in reading order can leave the label ``关键词：`` at the foot of one
column and its list at the head of the next, with the abstract between them. Before, the
unlabelled reader took the block right under the label for the list (the abstract, split
at its commas into "keywords") and kept the real list as an unrecognised section; the
labelled reader ended the empty keyword field at the paragraph and kept the list's items as
sections, with a "no keyword line found" warning. The paragraph is prose, never a list:
the label's list is the next block that is not prose.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records

ABSTRACT = "本研究探討大學生正念與學業壓力之關係，以問卷調查三百名大學生，結果顯示正念能降低學業壓力。"
ZH = ["正念", "學業壓力", "大學生"]
EN = ["mindfulness", "academic stress", "college students"]


def read(lines: list[str], blank: str) -> Record:
    (rec,) = parse_records((blank.join(lines) + "\n").encode("utf-8"), "page.txt")
    return rec


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
@pytest.mark.parametrize("label", ["关键词：", "關鍵詞", "關鍵字："])
def test_an_unlabelled_page(blank: str, label: str) -> None:
    rec = read(["大學生正念之研究", "王小明", label, ABSTRACT, "正念；學業壓力；大學生",
                "mindfulness; academic stress; college students"], blank)
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert rec.abstract_zh == ABSTRACT
    # (A label without a colon that heads no block of its own is kept as a section.)
    assert [s.text for s in rec.sections] in ([], [label])


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_a_labelled_page(blank: str) -> None:
    rec = read(["題名：大學生正念之研究", "作者：王小明", "關鍵詞：", ABSTRACT,
                "正念；學業壓力；大學生", "mindfulness; academic stress; college students"],
               blank)
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert rec.abstract_zh == ABSTRACT
    assert rec.sections == []
    assert rec.notices == []


def test_a_labelled_page_whose_english_field_has_its_list() -> None:
    # Only the Chinese label lost its list to the paragraph; the English field keeps its own.
    rec = read(["題名：大學生正念之研究", "關鍵詞：", ABSTRACT, "正念；學業壓力；大學生",
                "Keywords: mindfulness; academic stress; college students"], "\n")
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


def test_a_list_above_an_empty_label_stays_a_section() -> None:
    # Only a list under the label is its list.
    rec = read(["題名：大學生正念之研究", "正念；學業壓力；大學生",
                "mindfulness; academic stress; college students", "作者：王小明", "關鍵詞：",
                ABSTRACT], "\n")
    assert (rec.keywords_zh, rec.keywords_en) == ([], [])


def test_a_field_line_under_the_label_and_the_paragraph_is_no_list() -> None:
    # No list at all: the volume and page lines stay fields, the page has no keywords.
    # (Without blank lines such a page is still misread: the lines above the label are
    # taken for its list, as before this change.)
    rec = read(["大學生正念之研究", "王小明", "关键词：", ABSTRACT, "10卷3期(2014 / 09 / 01)",
                "113 - 129"], "\n\n")
    assert (rec.keywords_zh, rec.keywords_en) == ([], [])
    assert (rec.volume, rec.issue, rec.pages) == ("10", "3", "113-129")
    assert rec.abstract_zh == ABSTRACT
