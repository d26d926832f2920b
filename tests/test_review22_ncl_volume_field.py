"""review22 (fixed): the volume field of a real NCL index row is still a section.

39ff0b6 claimed: "a volume field's 'volume:issue' (卷期 27:1, with a date after it) [is] read;
Taiwanese index rows kept them as sections, leaving the record without date, volume and
issue". The National Central Library's periodical index (臺灣期刊論文索引系統) prints its
卷期 field with the Western date and the Minguo date in brackets after it:
``卷期 17:3 1998.06[民87.06]``. That value is neither ``27:1``, ``27:1 民109.01`` nor
``27:1 2020.01``, so the record read from the row has no volume or issue and keeps ``卷期`` as
an unrecognised section, as before the commit. The commit's own ``27:1 民109.01`` holds.

The row below is the head of a record page of that index, as a browser copies it (stored
public page tpl.ncl.edu.tw/NclService/JournalContentDetail?SysId=A01008771, fields
題名 … 關鍵詞, abstract cut to its first sentence).
"""

from __future__ import annotations

from termkit.records import parse_records
from termkit.records.fields import parse_volume_issue

NCL_ROW = """題名 走過C型肝炎鄉=
作者 盧勝男;
期刊 中華公共衛生雜誌
出版日期 19980600
卷期 17:3 1998.06[民87.06]
頁次 頁175-181
分類號 415.5332
語文 chi
關鍵詞 C型肝炎;
中文摘要      慢性肝炎、肝硬化及肝癌為我國的重要死因,大部份由病毒性肝炎引起,其中以B型肝炎為重要。
"""


def test_the_commits_own_value_holds() -> None:
    assert parse_volume_issue("27:1 民109.01") == ("27", "1", "2020-01")


def test_the_rows_other_fields_hold() -> None:
    rec, = parse_records(NCL_ROW.encode("utf-8"), "ncl.txt")
    assert (rec.venue, rec.pages) == ("中華公共衛生雜誌", "175-181")


def test_the_ncl_volume_field() -> None:
    assert parse_volume_issue("17:3 1998.06[民87.06]") == ("17", "3", "1998-06")


def test_the_ncl_row_gives_volume_and_issue() -> None:
    rec, = parse_records(NCL_ROW.encode("utf-8"), "ncl.txt")
    assert (rec.volume, rec.issue) == ("17", "3")
    assert "卷期" not in [s.name for s in rec.sections]
