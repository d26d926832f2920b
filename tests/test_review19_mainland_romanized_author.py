"""review19: a romanized author under the English title of a mainland page without blank lines.

759246f reads a line of romanized names under the title as the authors (``LIU Mo``). In the
mainland layout the Chinese author comes between the two titles, and that line was not reached:
the English title after the Chinese author was not taken for a title. readers6 reads a Latin
line after the Chinese authors, under a Chinese title only, as the English title when a line of
romanized names is under it (built like one under a line built like a title, or rendering the
Chinese names by sound under a line of any shape).
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


def test_the_romanized_author_under_the_english_title_of_a_mainland_page() -> None:
    page = ("中型城市公共圖書館之閱讀推廣服務\n趙敏\n"
            "Reading Promotion Services of Public Libraries in a Mid-Sized City\nZHAO Min\n"
            "全民阅读\n公共图书馆\n读者服务\nreading promotion\npublic library\nreader service\n"
            "2019, Vol. 12 ›› Issue (3)\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_en == "Reading Promotion Services of Public Libraries in a Mid-Sized City"
    assert rec.keywords_en == ["reading promotion", "public library", "reader service"]


@pytest.mark.parametrize(("authors", "romanized", "title_en"), [
    # two authors, the keyword lists printed as lists
    ("赵敏，李华", "ZHAO Min, LI Hua",
     "Research on Reading Promotion Services of Urban Public Libraries"),
    # an English title too short to be built like one: the names under it render the
    # Chinese ones by sound
    ("赵敏", "ZHAO Min", "Reading Promotion"),
])
def test_the_english_half_of_a_mainland_page_in_other_shapes(
        authors: str, romanized: str, title_en: str) -> None:
    page = (f"城市公共图书馆阅读推广服务研究\n{authors}\n{title_en}\n{romanized}\n"
            "全民阅读；公共图书馆；读者服务\nreading promotion; public library; reader service\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_en == title_en
    assert [(p.zh, p.en) for p in rec.authors] == list(zip(
        authors.split("，"), romanized.split(", "), strict=True))
    assert rec.keywords_en == ["reading promotion", "public library", "reader service"]


def test_an_author_line_under_an_english_title_still_ends_the_head() -> None:
    # English title, author, then a keyword as long as a title: no romanized names under
    # it, so it is no second title (the titles were over at the author line).
    page = ("A Study of Reading Literacy among Fifteen-Year-Olds in Taiwan\n張國城\n"
            "經濟合作暨發展組織國際學生能力評量計畫\n閱讀素養\nPISA\nreading literacy\n10卷3期\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.keywords_zh == ["經濟合作暨發展組織國際學生能力評量計畫", "閱讀素養"]
