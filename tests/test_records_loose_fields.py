"""Fields read from the loose lines of a labelled page are kept.

A database page prints the source under one label, the journal's name and its volume line
on lines of their own (``出处`` / ``《…学报》`` / ``2020年第2期11-13,共3页``). The label's field
takes the first line; the lines under it are read as a page (titles, names, fields). The
volume line's date, issue and pages were read there and then dropped: the record had no
date and the line was in no section either.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

PAGE = (
    "摘要\n本文分析大学英语翻译教学的现状，并提出改进策略。\n"
    "出处\n《某某职业技术学院学报》\n{volume}\n"
    "关键词\n翻译教学\n大学英语\n"
    "Keywords\ntranslation teaching\nCollege English\n"
)


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        ("2020年第2期11-13,共3页", ("2", "2020", "11-13")),
        ("2016年第1期112-113,116,共3页", ("1", "2016", "112-113,116")),
    ],
)
def test_volume_line_under_the_source_label(volume: str, expected: tuple[str, str, str]) -> None:
    rec, = parse_records(PAGE.format(volume=volume).encode("utf-8"), "page.txt")
    assert rec.venue == "《某某职业技术学院学报》"
    assert (rec.issue, rec.date, rec.pages) == expected
    assert rec.keywords_zh == ["翻译教学", "大学英语"]
    assert all(volume not in s.text for s in rec.sections)
