"""review22 (fixed): a short title opening with a year and a comma is still a keyword list.

154e700 claimed: "a number alone is in neither script, so a title opening '2008，' is no
bilingual keyword list" (review21's xfail). The fix holds for review21's title, whose Chinese
half is long (14 characters); the same kind of title with a Chinese half of 12 characters or
fewer, as most short titles are (``1968，全球學運與臺灣的回響``, or review21's own title cut to
``2008，北京奧運與臺灣媒體``), is still read as a keyword list: the Chinese half becomes a
keyword, the year is dropped, the page has no title and its author line is left an
unrecognised section. A user building from Taiwanese history or media journals, where
``YEAR，…`` titles are common, gets a keyword that is half a title.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

BODY = "\n\n王建國\n\n摘要：本文分析媒體報導中的國族想像，探討其記憶政治與認同。\n"


def read(title: str) -> tuple[str | None, list[str]]:
    rec, = parse_records((title + BODY).encode("utf-8"), "page.txt")
    return rec.title_zh, rec.keywords_zh


@pytest.mark.parametrize("title", ["2008，北京奧運與臺灣媒體的國族想像",  # review21's
                                   "2019，中國大陸的經濟轉型與社會變遷"])
def test_a_long_year_comma_title_holds(title: str) -> None:
    assert read(title) == (title, [])


@pytest.mark.parametrize("title", ["1968，全球學運與臺灣的回響", "2008，北京奧運與臺灣媒體"])
def test_a_short_year_comma_title(title: str) -> None:
    assert read(title) == (title, [])
