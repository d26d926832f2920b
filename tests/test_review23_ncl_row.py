"""review23 (fixed): the rest of the real NCL index row review22 brought.

The row (stored public page tpl.ncl.edu.tw/NclService/JournalContentDetail?SysId=A01008771,
``tests/test_review22_ncl_volume_field.py``) prints ``出版日期 19980600`` (June 1998, in ISO
8601's basic form with an unknown day) and ``卷期 17:3 1998.06[民87.06]``; the record's date
was ``1998``: the publication date read as a bare year came first, and the volume field's
``1998.06`` was not taken over it. Its ``語文 chi`` (the language field; ``語言`` was a known
label, ``語文`` not) became a section named ``title_zh`` holding the whole line.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.assemble import date_of
from tests.test_review22_ncl_volume_field import NCL_ROW


def test_the_row_is_dated_june_1998() -> None:
    rec, = parse_records(NCL_ROW.encode("utf-8"), "ncl.txt")
    assert rec.date == "1998-06"


def test_the_language_field_is_its_own_section() -> None:
    rec, = parse_records(NCL_ROW.encode("utf-8"), "ncl.txt")
    assert ("語文", "chi") in [(s.name, s.text) for s in rec.sections]
    assert "title_zh" not in [s.name for s in rec.sections]


@pytest.mark.parametrize(("value", "iso"), [
    ("19980600", "1998-06"), ("19980000", "1998"), ("20200115", "2020-01-15"),
    ("20201315", None), ("2014年9月", "2014-09"), ("2014", "2014"),
])
def test_compact_dates(value: str, iso: str | None) -> None:
    assert date_of(value) == iso
