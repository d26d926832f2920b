"""Single pages the run-together splitter must not cut (review10).

Each page here is one record as a site prints it; before the fixes in
``termkit/records/split.py`` each was read as two records, the second one holding part of
the first one's keywords. Written for these tests after real layouts: a repository's full
item record (a ``dc.subject`` row per keyword, as in ``tests/pagevariants.py::dspace_full``),
a print layout with one ``關鍵詞`` label per keyword and blank lines between rows, and a
thesis page printing its title, author and keyword labels over the Chinese side and again
over the English side, its Chinese list holding Latin acronyms. The oracle is the page's
own content: one record whose keywords include both sides' items.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

DSPACE_ROWS = """DC Field\tValue\tLanguage
dc.contributor.author\t王小明
dc.subject\t鋰離子電池
dc.subject\t拉伸/剪切加載
dc.subject\tlithium-ion battery
dc.subject\ttension/shear loading
dc.subject\telastic constants
dc.title\t鋰離子電池界面力學研究
dc.title.alternative\tInterface Mechanics of Lithium-ion Batteries
"""

ROWS_WITH_BLANKS = """題名：鋰離子電池界面力學研究

作者：王小明

作者：李大同

關鍵詞：鋰離子電池

關鍵詞：彈性常數

關鍵詞：lithium-ion battery

關鍵詞：elastic constants

關鍵詞：fracture
"""

THESIS_BOTH_SIDES = """題名：基於深度學習之影像辨識研究
作者：王小明
摘要：本研究以卷積神經網路進行影像辨識。
關鍵詞：深度學習、影像辨識、CNN、LSTM
題名：Image Recognition Based on Deep Learning
作者：Hsiao-Ming Wang
摘要：This study applies convolutional neural networks to image recognition.
關鍵詞：deep learning; image recognition; CNN; LSTM
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("page", [DSPACE_ROWS, ROWS_WITH_BLANKS, THESIS_BOTH_SIDES],
                         ids=["dspace-rows", "rows-with-blanks", "thesis-both-sides"])
def test_a_single_labelled_page_is_one_record(page: str, newline: str) -> None:
    records = parse_records(page.replace("\n", newline).encode("utf-8"), "p.txt")
    assert len(records) == 1
    assert not any("read from here on" in str(n) for n in records[0].notices)


def test_the_thesis_page_keeps_both_titles_and_the_english_list() -> None:
    (rec,) = parse_records(THESIS_BOTH_SIDES.encode("utf-8"), "p.txt")
    assert rec.title_zh == "基於深度學習之影像辨識研究"
    assert rec.title_en == "Image Recognition Based on Deep Learning"
    assert {"deep learning", "image recognition"} <= set(rec.keywords_en)


def test_two_row_per_keyword_pages_joined_are_still_two_records() -> None:
    """The rows of one page are one record; the next page's rows, after its own author
    and title, still start a record."""
    other = (DSPACE_ROWS.replace("王小明", "李大同").replace("鋰離子電池界面力學研究", "電池材料研究")
             .replace("Interface Mechanics", "Materials"))
    records = parse_records((DSPACE_ROWS + "\n" + other).encode("utf-8"), "p.txt")
    assert [r.title_zh for r in records] == ["鋰離子電池界面力學研究", "電池材料研究"]


def test_a_thesis_page_after_another_is_still_a_record() -> None:
    """A second thesis page of the same layout starts a record at its Chinese title: its
    keyword field holds Chinese."""
    other = THESIS_BOTH_SIDES.replace("影像辨識", "語音辨識").replace("王小明", "李大同")
    records = parse_records((THESIS_BOTH_SIDES + "\n" + other).encode("utf-8"), "p.txt")
    assert [r.title_zh for r in records] == ["基於深度學習之影像辨識研究", "基於深度學習之語音辨識研究"]


# Unlabelled pages (the layout of termkit/data/example-record.txt, whose article this is):
# a site printing the title and list in a header over the article, a block of related
# articles with their own keyword lines, a site's tag list over the page.
ARTICLE = """越南外交政策之分析

An Analysis of Vietnam's Foreign Policy from the Perspective of Balance of Power

張國城(Kuo-Cheng Chang)

現實主義 ; 權力平衡 ; 越南外交政策 ; realism ; Vietnam diplomacy ; balance of power

10卷3期(2014 / 09 / 01)

113 - 129
"""
HEADER = "越南外交政策之分析\n\n現實主義 ; 權力平衡 ; 越南外交政策 ; realism ; Vietnam diplomacy ; " \
    "balance of power\n\n"
OTHER = """中國對東南亞的外交政策

林大明

外交政策 ; 東南亞 ; 區域整合 ; foreign policy ; Southeast Asia ; regional integration

12卷1期(2016 / 03 / 01)
"""
TAGS = "機器學習 ; 深度學習 ; machine learning ; deep learning\n\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("page", [
    HEADER + ARTICLE,
    ARTICLE + "\n相似文獻\n\n" + OTHER,
    ARTICLE + "\nRelated articles\n\n" + OTHER,
    ARTICLE + "\n推薦文章\n\n" + OTHER.split("\n\n12卷")[0] + "\n",
    TAGS + ARTICLE,
    "熱門關鍵字\n" + TAGS + ARTICLE,
], ids=["header-over-article", "related-zh", "related-en", "recommended", "tags", "tag-heading"])
def test_a_single_unlabelled_page_is_one_record(page: str, newline: str) -> None:
    records = parse_records(page.replace("\n", newline).encode("utf-8"), "p.txt")
    assert len(records) == 1
    assert records[0].keywords_zh == ["現實主義", "權力平衡", "越南外交政策"]
    assert records[0].keywords_en == ["realism", "Vietnam diplomacy", "balance of power"]


def test_pages_joined_still_split_around_those_fixes() -> None:
    """A header over the first article, then a second article; the same page pasted twice
    (its tail between the two lists): each is read as the pages alone."""
    def read(text: str) -> list[list[str]]:
        return [r.keywords_en for r in parse_records(text.encode("utf-8"), "p.txt")]
    assert read(HEADER + ARTICLE + "\n" + OTHER) == read(ARTICLE) + read(OTHER)
    assert read(ARTICLE + "\n" + ARTICLE) == read(ARTICLE) * 2


THESIS_SIDES = """儒家倫理之研究

王小明

儒家 ; 仁 ; 孝道 ; Confucius

Confucian Ethics

Hsiao-Ming Wang

Confucianism ; ren 仁 ; filial piety
"""


def test_a_thesis_pages_two_sides_each_with_an_item_of_the_other_script() -> None:
    """The Chinese side's list holds a Latin name, the English side's a term in characters:
    both lists look bilingual, yet they are one record's two sides."""
    records = parse_records(THESIS_SIDES.encode("utf-8"), "p.txt")
    assert len(records) == 1
    assert records[0].keywords_zh == ["儒家", "仁", "孝道"]
    joined = parse_records((THESIS_SIDES + "\n" + ARTICLE).encode("utf-8"), "p.txt")
    assert [r.title_zh for r in joined] == ["儒家倫理之研究", "越南外交政策之分析"]


# Two labelled pages of different sites (after the layouts of two stored real pages,
# tests/data/records/real/learn/019 and 021): the first's Chinese label is Simplified, the
# second's Traditional, so the first label printed again is the second page's ``Keywords``.
SIMPLIFIED_SITE = """论我国数据安全保护的实践与思考

方悦

摘要

数据作为国家一项重要的战略资源,是各国进行利益博弈的重要领域。

关键词

数据安全保护,法律属性,国际条约

On the Practice and Thinking of Data Security Protection in China

ABSTRACT

Data is an important strategic resource of countries.

Keywords:Data Security Protection, Legal Attributes, International Treaty
"""
TRADITIONAL_SITE = """孔佩伊 肖榮輝 王愛景

摘要:新工科建設對“三創”教育提出了新的要求。
關鍵詞:新工科;“三創”教育;比較研究;文獻計量
Abstract: The construction of new engineering puts forward new requirements.
Keywords: new engineering; "three creations" education; comparative research; bibliometric
"""


def test_the_next_record_starts_at_its_own_keyword_field() -> None:
    """Before, the cut fell at the second page's ``Keywords``: the first record took the
    second page's Chinese list, and lost its own."""
    def read(text: str) -> list[tuple[list[str], list[str]]]:
        return [(r.keywords_zh, r.keywords_en)
                for r in parse_records(text.encode("utf-8"), "p.txt")]
    joined = read(SIMPLIFIED_SITE + "\n" + TRADITIONAL_SITE)
    assert joined == read(SIMPLIFIED_SITE) + read(TRADITIONAL_SITE)
    assert joined[0][0] == ["数据安全保护", "法律属性", "国际条约"]
