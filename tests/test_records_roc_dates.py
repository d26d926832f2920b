"""Republic of China years and ``volume:issue`` values, as Taiwanese index pages print them.

Taiwanese pages date by the Minguo calendar (year 1 is 1912): ``民國109年1月``, ``民109.01``,
``中華民國109年1月1日``; periodical indexes give volume and issue as ``27:1``. Both were kept
as sections, so the record had no date, volume or issue.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.fields import parse_date, parse_volume_issue


@pytest.mark.parametrize(("value", "iso"), [
    ("民國109年1月", "2020-01"),
    ("民109.01", "2020-01"),
    ("中華民國109年1月1日", "2020-01-01"),
    ("民国 98 年", "2009"),
    ("2014/09/01", "2014-09-01"),
    ("民國109年13月", None),  # no 13th month
    ("109.01", None),  # no era named: a year 109 is not read
    ("民主", None),
])
def test_dates(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize(("value", "expected"), [
    ("27:1", ("27", "1", None)),
    ("27：1", ("27", "1", None)),
    ("27:1 民109.01", ("27", "1", "2020-01")),
    ("27:1 2020.01", ("27", "1", "2020-01")),
    ("10:30 am", None),
    ("27:1 Taipei", None),
])
def test_volume_issue(value: str, expected: tuple[str, str, str | None] | None) -> None:
    assert parse_volume_issue(value) == expected


def test_an_index_row_gives_volume_issue_and_date() -> None:
    page = ("篇名\t高齡者健康促進之研究\n並列篇名\tA Study of Health Promotion for Older Adults\n"
            "作者\t王建國\n刊名\t教育心理學報\n卷期\t27:1 民109.01\n頁次\t1-20\n"
            "關鍵詞\t高齡者；健康促進\n英文關鍵詞\tolder adults; health promotion\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("27", "1", "2020-01", "1-20")
    assert not any(s.name == "卷期" for s in rec.sections)
