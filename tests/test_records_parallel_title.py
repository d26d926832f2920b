"""A library catalogue's parallel title: ``Title = Parallel title`` (ISBD).

The National Central Library's periodical index (and library catalogues generally) print a
title with its title in the other language after `` = ``, or the sign alone when the record
has none (``走過C型肝炎鄉=``, review22's NCL row). The sign was kept in the Chinese title, and
a parallel English title stayed inside it.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.script import split_scripts
from tests.test_review22_ncl_volume_field import NCL_ROW


def test_the_sign_alone_is_dropped() -> None:
    rec, = parse_records(NCL_ROW.encode("utf-8"), "ncl.txt")
    assert (rec.title_zh, rec.title_en) == ("走過C型肝炎鄉", None)


@pytest.mark.parametrize("title", [
    "走過C型肝炎鄉 = Walking through the Hepatitis C Township",
    "Walking through the Hepatitis C Township ＝ 走過C型肝炎鄉",
])
def test_a_parallel_title_fills_both_slots(title: str) -> None:
    rec, = parse_records(NCL_ROW.replace("走過C型肝炎鄉=", title).encode("utf-8"), "ncl.txt")
    assert (rec.title_zh, rec.title_en) == ("走過C型肝炎鄉", "Walking through the Hepatitis C Township")


@pytest.mark.parametrize("text", ["E = mc2 的研究", "質能方程式 E = mc2 之教學", "a = b"])
def test_an_equals_sign_inside_a_title_is_no_parallel_title(text: str) -> None:
    assert split_scripts(text) is None
