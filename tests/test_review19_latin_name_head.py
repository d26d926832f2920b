"""review19: a romanized name at the head of an English keyword list under the titles.

759246f made a line of romanized Chinese names under the title stand apart as the authors on
a page copied without blank lines (``LIU Mo``, ``Zhao Min, Qian Li``). An English keyword list
printed one per line straight under the titles may open with a keyword spelled the same way
(``Tai Chi``, ``Feng Shui``, ``Qi Gong``, ``Kuo Liang-Huai``): since 759246f that keyword was
read as the author and lost from the list (read whole at 759246f^). The line under it tells
them apart: an author line is followed by the Chinese keywords (or an affiliation, a field),
the head of an English list by more English keywords, one per line.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

PAGE = """太極拳運動對高齡者平衡能力之影響
Effects of Tai Chi Exercise on Balance in Older Adults
{first}
balance
older adults
太極拳
平衡
高齡者
"""


@pytest.mark.parametrize("first", ["Tai Chi", "Feng Shui", "Qi Gong", "Kuo Liang-Huai"])
def test_a_romanized_keyword_heading_the_english_list_is_no_author(first: str) -> None:
    records = parse_records(PAGE.format(first=first).encode("utf-8"), "page.txt")
    assert len(records) == 1
    rec = records[0]
    assert rec.authors == []
    assert rec.keywords_en == [first, "balance", "older adults"]
    assert rec.keywords_zh == ["太極拳", "平衡", "高齡者"]
    assert rec.title_en == "Effects of Tai Chi Exercise on Balance in Older Adults"


def test_an_author_over_a_chinese_list_opening_with_a_latin_term_stays_the_author() -> None:
    # The line under the name is Latin here too, but it opens the Chinese list: the English
    # list follows that list, which a keyword heading the English list would not have.
    page = ("Reading Promotion Services of Public Libraries in a Mid-Sized City\nZHAO Min\n"
            "ChatGPT\n全民阅读\n公共图书馆\nChatGPT\nreading promotion\npublic library\n"
            "2019, Vol. 12 ›› Issue (3)\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert [p.en for p in rec.authors] == ["ZHAO Min"]
    assert rec.keywords_zh == ["ChatGPT", "全民阅读", "公共图书馆"]
    assert rec.keywords_en == ["ChatGPT", "reading promotion", "public library"]

