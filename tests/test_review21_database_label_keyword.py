"""review21: a keyword that is also one of the new database field labels ends the keyword field.

871d34c: "the database's own fields under the keywords (基金资助, 专辑, 专题, 在线公开时间 …, both
scripts) are known labels, so they end the keyword field". Some of those labels are keywords of
the very fields that study databases: 被引量 'citation count' and 下载量 'download count'
(bibliometrics), 语种 'language (variety)' (sociolinguistics, language policy). A keyword field
printed with wide gaps between its items, as journal PDFs copy it, wraps onto a second line;
when that line opens with such a keyword (`被引量  下载量`), the line is read as the field
`被引量` with the value `下载量`: both keywords are lost (a section named 被引量 is kept instead).
Before 871d34c all four keywords were read.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


def keywords(field: str) -> list[str]:
    page = ("学术期刊评价指标研究\n\n王建国\n\n"
            "摘要：本文以文献计量方法分析学术期刊的评价指标，并比较各学科之差异。\n\n" + field + "\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.keywords_zh


def test_the_same_keywords_between_separators_hold() -> None:
    """What holds: the same field with full-width semicolons."""
    assert keywords("关键词：期刊评价；影响因子；\n被引量；下载量") == ["期刊评价", "影响因子", "被引量", "下载量"]


@pytest.mark.xfail(strict=True, reason="review21: a wrapped wide-gap keyword line opening with a "
                   "keyword that is a database label (被引量, 语种) is read as that field (871d34c)")
@pytest.mark.parametrize(("field", "expected"), [
    ("关键词：期刊评价  影响因子\n被引量  下载量", ["期刊评价", "影响因子", "被引量", "下载量"]),
    ("关键词：语言政策  双语教育\n语种  语言规划", ["语言政策", "双语教育", "语种", "语言规划"]),
])
def test_a_wrapped_field_keeps_its_keywords(field: str, expected: list[str]) -> None:
    assert keywords(field) == expected


@pytest.mark.parametrize("row", ["语种\t中文", "语种：中文", "被引量  12", "语种  中文"])
def test_the_database_field_under_the_list_is_still_a_field(row: str) -> None:
    """A tab (a table's cell), a colon, a value that is no keyword (a count) or two spaces
    after the label: the field, not keywords. (fdf1be3 read the last as keywords to fix the
    xfail above, and review22 showed the same shape is the field row of real copies:
    ``来源  图书情报工作``, ``语种  中文``; nothing in the line tells the two apart, and a field's
    value taken for a keyword can pair wrongly, so the field reading stays.)"""
    assert keywords("关键词：期刊评价  影响因子\n" + row) == ["期刊评价", "影响因子"]
