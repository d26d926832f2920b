"""Romanized author names found by sound, and the English title above them, on copied pages."""

from __future__ import annotations

import pytest

from termkit.model import Person
from termkit.records import parse_records
from termkit.records.romanized import romanizations


def _people(*names: str) -> list[Person]:
    return [Person(n, None, 1) for n in names]


@pytest.mark.parametrize(
    ("names", "line", "want"),
    [
        (("李科", "马剑"), "LI Ke, MA jian", ["LI Ke", "MA jian"]),
        (("吴闯", "孙波"), "Wu Chuang, Sun Bo", ["Wu Chuang", "Sun Bo"]),
        # The affiliation glued to the last name, the line break lost.
        (
            ("華馨", "孫鴻翼"),
            "HUA Xin,SUN HongyiTaizhou Hospital,Jiangsu 225300 China",
            ["HUA Xin", "SUN Hongyi"],
        ),
        # Wade-Giles, given name first; an affiliation after the last name.
        (("李魁修",), "Kuei-Hsiu Lee Department of History", ["Kuei-Hsiu Lee"]),
        # Names set apart by a wide gap (two spaces, a tab), as a PDF's columns are copied.
        (("王建国", "刘晓燕"), "WANG Jianguo  LIU Xiaoyan", ["WANG Jianguo", "LIU Xiaoyan"]),
        (("王建国", "刘晓燕"), "WANG Jianguo\tLIU Xiaoyan", ["WANG Jianguo", "LIU Xiaoyan"]),
        (("王建国", "刘晓燕"), "WANG Jianguo  LIU Xiao", None),  # the last name renders no other
        # No separator at all: the surname in capitals starts the next name.
        (("王建国", "刘晓燕"), "WANG Jianguo LIU Xiaoyan", ["WANG Jianguo", "LIU Xiaoyan"]),
        (("王建国", "刘晓燕"), "Wang Jianguo Liu Xiaoyan", None),  # nothing tells where
        (("李科", "马剑"), "Fertilization Optimized Model of One Film", None),
        (("李科", "马剑"), "MA Jian, LI Ke", None),  # not in the Chinese order
        (("李科", "马剑"), "LI Ke", None),  # a name missing
        (("李科",), "李科 LI Ke", None),  # not a Latin line
    ],
)
def test_romanizations_render_the_chinese_names_in_order(
    names: tuple[str, ...], line: str, want: list[str] | None
) -> None:
    assert romanizations(_people(*names), line) == want


def test_romanizations_need_chinese_only_people() -> None:
    assert romanizations([Person("李科", "Li Ke", 1)], "Li Ke") is None
    assert romanizations([], "Li Ke") is None


# A mainland journal's first page as a PDF copies it: affiliation marks after each name
# (``1,2``: two affiliations; superscripts as some PDFs keep them), names set apart by wide
# gaps, the English half after the Chinese one with no blank line.
MARKED = """\
城市更新背景下历史街区活化利用策略研究
王建国{a}  刘晓燕{b}
1.西南交通大学建筑学院,四川成都 611756;2.四川省城乡规划设计研究院,四川成都 610081
摘要:历史街区是城市文化的重要载体。本文分析了城市更新过程中历史街区活化利用存在的问题。
关键词:城市更新;历史街区;活化利用;文化遗产
中图分类号:TU984      文献标识码:A
Research on Revitalization Strategies of Historic Districts under Urban Renewal
WANG Jianguo{a}  LIU Xiaoyan{b}
Abstract: Historic districts are important carriers of urban culture, and this paper asks how.
Key words:urban renewal; historic district; revitalization and utilization; cultural heritage
"""


@pytest.mark.parametrize(("a", "b"), [("1,2", "1"), ("¹²", "¹"), ("", "")])
def test_marked_names_set_apart_by_wide_gaps_are_romanized(a: str, b: str) -> None:
    record = parse_records(MARKED.format(a=a, b=b).encode(), "marked.txt")[0]
    assert [(p.zh, p.en) for p in record.authors] == [
        ("王建国", "WANG Jianguo"), ("刘晓燕", "LIU Xiaoyan")]
    assert not [s for s in record.sections if s.name == "unrecognised"]


PAGE = """\
吴闯 孙波
摘 要 论文对国外智慧图书馆研究文献进行了分析,总结了国外智慧图书馆的研究和发展现状。
关键词 智慧图书馆;研究现状;创新服务
分类号 G250.7
Research Status and Enlightenment of Foreign Smart Libraries
Wu Chuang, Sun Bo
Abstract This paper analyses the research literature of foreign smart libraries and more.
Keywords Smart library; Research status; Service innovation
"""


def test_labelled_page_reads_english_title_and_names_under_an_identifier() -> None:
    # No blank line after ``分类号 G250.7``: the identifier's value is its line; the
    # English title and the romanized names under it are the English half of the page.
    rec = parse_records(PAGE.encode(), "page.txt")[0]
    assert rec.title_en == "Research Status and Enlightenment of Foreign Smart Libraries"
    assert [(p.zh, p.en) for p in rec.authors] == [("吴闯", "Wu Chuang"), ("孙波", "Sun Bo")]
    assert rec.keywords_zh == ["智慧图书馆", "研究现状", "创新服务"]
    assert rec.keywords_en == ["Smart library", "Research status", "Service innovation"]


def test_labelled_page_keeps_names_that_do_not_render_the_authors_apart() -> None:
    # Two Latin names that are not these authors' are no romanization of them, and the
    # line above them is then no English title by that rule.
    page = PAGE.replace("Wu Chuang, Sun Bo", "John Smith, Mary Jones")
    rec = parse_records(page.encode(), "page.txt")[0]
    assert all(p.en is None for p in rec.authors if p.zh)
    assert ("吴闯", "John Smith") not in [(p.zh, p.en) for p in rec.authors]


def test_glued_romanized_line_under_the_english_title_in_the_preamble() -> None:
    page = (
        "劉希婧 華馨\n"
        "Intervention effect of nursing oriented exercise on patients with cirrhosis\n"
        "LIU Xijing,HUA XinTaizhou Hospital of Chinese Medicine,Jiangsu 225300 China\n"
        "Keywords nursing orientation;cirrhosis\n"
        "關鍵詞 護理導向;肝硬化\n"
    )
    rec = parse_records(page.encode(), "page.txt")[0]
    assert rec.title_en == (
        "Intervention effect of nursing oriented exercise on patients with cirrhosis"
    )
    assert [(p.zh, p.en) for p in rec.authors] == [("劉希婧", "LIU Xijing"), ("華馨", "HUA Xin")]


# A Taiwanese journal's first page as its PDF copies: the running head (journal, a volume
# line, a DOI) above the title, names set apart by ideographic spaces, and the romanized
# names with the department under them in the English half.
JOURNAL_PAGE = """\
教育心理學報
2020，51卷，3期，401–428頁
DOI：10.6251/BEP.202003_51(3).0003

國中生數學焦慮與數學成就之關係：自我效能的中介效果

陳怡如　　　　王振宇
國立臺灣師範大學教育心理與輔導學系　　國立政治大學教育學系

本研究旨在探討國中生數學焦慮與數學成就之關係，並檢驗自我效能的中介效果。研究對象為
臺灣北部地區國中生共 826 名。結果顯示數學焦慮透過自我效能間接影響數學成就。

關鍵詞：自我效能、數學成就、數學焦慮、國中生

The Relationship between Mathematics Anxiety and Mathematics Achievement among
Junior High School Students: The Mediating Role of Self-Efficacy

Yi-Ju Chen　　　　Chen-Yu Wang
Department of Educational Psychology and Counseling, National Taiwan Normal University

This study examined the relationship between mathematics anxiety and mathematics
achievement among junior high school students and the mediating role of self-efficacy.

KEY WORDS: junior high school students, mathematics achievement, mathematics anxiety,
self-efficacy
"""


def test_journal_page_under_a_running_head() -> None:
    rec = parse_records(JOURNAL_PAGE.encode(), "page.txt")[0]
    assert rec.venue == "教育心理學報"
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("51", "3", "2020", "401-428")
    assert rec.title_zh == "國中生數學焦慮與數學成就之關係：自我效能的中介效果"
    assert rec.title_en is not None and rec.title_en.startswith("The Relationship between")
    assert rec.title_en.endswith("Self-Efficacy")
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("陳怡如", "Yi-Ju Chen"), ("王振宇", "Chen-Yu Wang")]
