"""review22 (fixed by reverting fdf1be3: the field reading stays): a database field under a wide-gap keyword line is read as two more keywords.

fdf1be3 claimed: a keyword list set apart by wide gaps goes on across a wrapped line that
opens with a label word (``被引量  下载量``) "when the word stands apart from the rest by the
same gap, with no colon, and the rest is keywords; a tab (a table cell), a colon or a count
after it is still the field". A page copied from a database or a PDF prints its fields the
same way it prints the list: the label, two spaces, the value (``来源  图书情报工作``,
``语种  中文``, ``分类号  G250``). Any such field under a wide-gap keyword line now passes the
test (a journal's name or a language is "keywords"): the label and its value become keywords
(``来源``, ``图书情报工作``) and the record loses its venue, or gains the keyword ``语种``.
Before fdf1be3 each of these lines was its field (venue ``图书情报工作``; a section 语种).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.records import parse_records
from tests.inprocess import invoke

HEAD = ("基于期刊评价的研究\n\n王建国\n\n"
        "摘要：本文讨论期刊评价中的影响因子与下载量的关系。\n"
        "关键词：期刊评价  影响因子\n")


def read(row: str) -> tuple[list[str], str | None]:
    rec, = parse_records((HEAD + row + "\n").encode("utf-8"), "page.txt")
    return rec.keywords_zh, rec.venue


@pytest.mark.parametrize(("row", "venue"), [
    ("来源：图书情报工作", "图书情报工作"),  # a colon: the field
    ("来源\t图书情报工作", "图书情报工作"),  # a tab: the field
    ("被引量  下载量", None),  # the commit's own wrapped keywords
])
def test_fields_with_a_colon_or_tab_and_the_commits_case_hold(row: str, venue: str | None) -> None:
    keywords, got = read(row)
    assert got == venue
    assert keywords[:2] == ["期刊评价", "影响因子"]
    assert ("来源" in keywords) is False


@pytest.mark.parametrize("row", ["来源  图书情报工作", "刊名  图书情报工作"])
def test_a_source_field_set_apart_by_two_spaces(row: str) -> None:
    assert read(row) == (["期刊评价", "影响因子"], "图书情报工作")


@pytest.mark.parametrize("row", ["语种  中文", "分类号  G250"])
def test_a_language_or_class_field_set_apart_by_two_spaces(row: str) -> None:
    keywords, _venue = read(row)
    assert keywords == ["期刊评价", "影响因子"]


def test_extract_lists_no_label_as_a_keyword(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(HEAD + "来源  图书情报工作\n", encoding="utf-8")
    code, out, err = invoke("extract", page, "--json")
    assert code == 0, err
    rec = json.loads(out.splitlines()[0])
    assert rec["unpaired_zh"] == ["期刊评价", "影响因子"]
