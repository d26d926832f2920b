"""One small page per kind of layout the real metadata pages showed (tests/data/records/real).

The pages here are made up for the test, each in the shape a kind of site prints: a thesis
system's bilingual label pairs, a repository's interleaved keywords, a print layout with a
blank line under each label, a Markdown table, a journal mirror's English half … The real
pages themselves are read in ``test_records_real.py``.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import detect_format, parse_records
from termkit.records.authors import parse_author_line, parse_authors, trim_affiliation
from termkit.records.furniture import is_furniture
from termkit.records.keywords import assign_keywords, is_keyword_line, split_keywords
from termkit.records.labels import Field, lookup
from termkit.records.script import dot_items, is_sentence, split_scripts
from termkit.records.tidy import strip_inline_pinyin, tidy_lines


def _read(text: str) -> Record:
    (record,) = parse_records(text.encode("utf-8"), "page.txt")
    return record


def _people(record: Record) -> list[tuple[str | None, str | None]]:
    return [(p.zh, p.en) for p in record.authors]


PAIRED = """\
學位論文 詳細資訊
論文名稱
Title
海岸濕地生態旅遊之研究
A Study of Ecotourism in Coastal Wetlands
系所名稱
Department
研究生
Author
林志明
Chih-Ming Lin
指導教授
Advisor
口試委員
Advisory Committee
繳交日期
Date of Submission
2019-07-01
關鍵字
Keywords
生態旅遊、濕地、遊客行為
ecotourism, wetland, visitor behavior
統計
Statistics
本論文已被瀏覽 120 次,被下載 8
The thesis/dissertation has been browsed 120 times, has been downloaded 8 times.
中文摘要
本研究探討海岸濕地的生態旅遊。
"""


def test_bilingual_label_pairs_on_two_lines() -> None:
    rec = _read(PAIRED)
    assert detect_format("page.txt", PAIRED) == "labelled"
    assert rec.keywords_zh == ["生態旅遊", "濕地", "遊客行為"]
    assert rec.keywords_en == ["ecotourism", "wetland", "visitor behavior"]
    assert (rec.title_zh, rec.title_en) == (
        "海岸濕地生態旅遊之研究",
        "A Study of Ecotourism in Coastal Wetlands",
    )
    assert _people(rec) == [("林志明", "Chih-Ming Lin")]
    assert rec.advisors == []  # the advisor field is empty: ``口試委員`` is a label of its own
    sections = {s.name: s.text for s in rec.sections}
    assert sections["繳交日期"] == "2019-07-01"
    assert "browsed 120 times" in sections["統計"]
    assert rec.abstract_zh == "本研究探討海岸濕地的生態旅遊。"


def test_a_short_title_pair_under_a_label_pair_is_a_value_not_a_label() -> None:
    text = PAIRED.replace("海岸濕地生態旅遊之研究", "濕地旅遊研究").replace(
        "A Study of Ecotourism in Coastal Wetlands", "Wetland Tourism"
    )
    rec = _read(text)
    assert (rec.title_zh, rec.title_en) == ("濕地旅遊研究", "Wetland Tourism")


def test_interleaved_keywords_are_sorted_by_script() -> None:
    rec = _read(
        "Title: 澎湖古典詩研究\nAuthors: 陳美華\n"
        "Keywords: Penghu;澎湖;Classical Poetry;古典詩;Poetry Society;詩社\n"
        "Date: 2010\n"
    )
    assert rec.keywords_zh == ["澎湖", "古典詩", "詩社"]
    assert rec.keywords_en == ["Penghu", "Classical Poetry", "Poetry Society"]


def test_pairs_printed_out_of_step_are_sorted_by_script() -> None:
    # A repository that stores each keyword in both languages, its order lost: a Latin
    # item first, the Chinese items not together, as many of them as Latin ones.
    kw = assign_keywords(
        [(t, 1) for t in split_keywords("Penghu;澎湖;Classical Poetry;Ocean;Custom;古典詩;海洋;風土")]
    )
    assert kw.zh == ["澎湖", "古典詩", "海洋", "風土"]
    assert kw.en == ["Penghu", "Classical Poetry", "Ocean", "Custom"]
    # A Chinese list with Latin terms inside, then an English list, stays as printed.
    kw = assign_keywords(
        [(t, 1) for t in split_keywords("影像;CNN;LSTM;語音;深度;學習;deep learning;speech")]
    )
    assert kw.zh == ["影像", "CNN", "LSTM", "語音", "深度", "學習"]
    assert kw.en == ["deep learning", "speech"]


@pytest.mark.parametrize(
    ("scripts", "expected"),
    [
        ([False, True, False, True, False, True], True),  # en zh en zh en zh
        ([True, False, True, False], True),
        ([True, True, True, False, False, False], False),  # a Chinese list, an English one
        ([True, False, True, False, True, False, False, False, False], False),
    ],
)
def test_interleaving(scripts: list[bool], expected: bool) -> None:
    from termkit.records.keywords import interleaved

    assert interleaved(scripts) is expected


def test_an_english_keyword_field_ends_at_a_chinese_line() -> None:
    rec = _read(
        "論文名稱(中文) 海岸濕地生態旅遊之研究\n"
        "關鍵字(中) 生態旅遊\n濕地\n"
        "關鍵字(英) ecotourism\nwetland\n"
        "第三語言關鍵字\n學科別分類\n"
        "中文摘要\n本研究探討海岸濕地。\n"
    )
    assert rec.keywords_zh == ["生態旅遊", "濕地"]
    assert rec.keywords_en == ["ecotourism", "wetland"]


@pytest.mark.parametrize(
    "after",
    [
        "論文目次 摘要 ....................I",  # a table of contents
        "1. Introduction",  # a heading of the body
        "Chen, L. (2019). Wetland tourism. Tourism Review, 3(2), 1-10.",  # a citation
        "陳立. 濕地旅遊[J]. 旅遊學刊, 2019, 3(2): 1-10.",
        "The thesis has been browsed 120 times and downloaded 8 times.",  # a sentence
    ],
)
def test_a_keyword_list_ends_where_the_list_does(after: str) -> None:
    rec = _read(f"題名: 濕地旅遊之研究\n關鍵詞:\n濕地\n旅遊\nwetland\ntourism\n{after}\n")
    assert rec.keywords_zh == ["濕地", "旅遊"]
    assert rec.keywords_en == ["wetland", "tourism"]
    assert not is_keyword_line(after)


PRINT = """\
Title

海岸濕地生態旅遊之研究

Translated Titles

A Study of Ecotourism in Coastal Wetlands

Authors

林志明

Key Words

生態旅遊 ; 濕地 ; ecotourism ; wetland

PublicationName

某大學觀光學系學位論文
"""


def test_print_layout_with_a_blank_line_under_each_label() -> None:
    assert detect_format("page.txt", PRINT) == "labelled"
    rec = _read(PRINT)
    assert rec.keywords_zh == ["生態旅遊", "濕地"]
    assert rec.keywords_en == ["ecotourism", "wetland"]
    assert rec.title_en == "A Study of Ecotourism in Coastal Wetlands"
    assert rec.venue == "某大學觀光學系學位論文"


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Smart library. Service system. User needs.", ["Smart library", "Service system", "User needs"]),
        ("智慧圖書館 服務體系 BIM技術 GIS", ["智慧圖書館", "服務體系", "BIM技術", "GIS"]),
        ("new era; college students; education reform, bibliometric",
         ["new era", "college students", "education reform", "bibliometric"]),
        ("中医; 中药性能,归经理论; 气血", ["中医", "中药性能", "归经理论", "气血"]),
        ("Beijing, China; tourism", ["Beijing, China", "tourism"]),  # a place, kept whole
        ("1,2-二氯乙烷; 苯", ["1,2-二氯乙烷", "苯"]),  # a comma between digits
        ("U.S. stock, machine learning", ["U.S. stock", "machine learning"]),
    ],
)
def test_separators(line: str, items: list[str]) -> None:
    assert split_keywords(line) == items


def test_full_stops_between_sentences_are_no_list() -> None:
    assert dot_items("We study wetlands. Results are given.") is None
    assert dot_items("Smart library. Service system") is None  # two items need a final stop
    assert is_sentence("has been browsed 38 times")
    assert not is_sentence("IT governance of May Fourth")


def test_a_site_tag_line_gives_way_to_the_articles_list() -> None:
    page = (
        "用户需求驱动的智慧图书馆服务研究\n\n"
        "关键词:用户需求智慧图书馆\n\n"
        "摘 要 文章分析用户需求。\n\n"
        "关键词 智慧图书馆 服务体系 用户需求\n\n"
        "Keywords smart library; service system; user needs\n"
    )
    rec = _read(page)
    assert rec.keywords_zh == ["智慧图书馆", "服务体系", "用户需求"]
    assert rec.keywords_en == ["smart library", "service system", "user needs"]


def test_inline_pinyin_is_removed() -> None:
    assert strip_inline_pinyin("護(hù)理導(dǎo)向 嚴(yán)莉") == "護理導向 嚴莉"
    # Not toned, not a syllable, or not after a Han character: kept.
    assert strip_inline_pinyin("模型(Model) 分析(ai) 的(de) x(ā)") == "模型(Model) 分析(ai) 的(de) x(ā)"
    rec = _read("題名: 居家護(hù)理之研究\n作者: 嚴(yán)莉\n關(guān)鍵詞: 護(hù)理導(dǎo)向; 照顧\n")
    assert rec.title_zh == "居家護理之研究"
    assert rec.keywords_zh == ["護理導向", "照顧"]
    assert _people(rec) == [("嚴莉", None)]


@pytest.mark.parametrize(
    "line",
    [
        "Responsive image",
        "Article View/Open",
        "APP下载",
        "论文全文在线阅读",
        "學位論文 詳細資訊",
        "November 2017 9",
        "Vol. 10 No. 05 (2022), Article ID: 55593",
        "Please use this identifier to cite or link to this item: https://example.org/1",
        "English | 正體中文 | 简体中文",
        "题名",
        "CAS",
        "Copyright © 2022 by the authors",
    ],
)
def test_page_furniture_is_never_a_title(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["兒童閱讀動機之研究", "Image Retrieval with Wavelets in Medical Archives", "音樂下載行為之研究"],
)
def test_titles_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_junk_above_a_title_label_is_not_the_title() -> None:
    rec = _read(
        "Responsive image\n學術產出-學位論文\n"
        "題名 海岸濕地生態旅遊之研究\nA Study of Ecotourism in Coastal Wetlands\n"
        "作者 林志明\nLin, Chih-Ming\n"
        "關鍵詞 生態旅遊;濕地\necotourism;wetland\n"
    )
    assert rec.title_zh == "海岸濕地生態旅遊之研究"
    assert rec.title_en == "A Study of Ecotourism in Coastal Wetlands"
    assert _people(rec) == [("林志明", "Lin, Chih-Ming")]


def test_a_title_label_with_both_titles_on_one_line() -> None:
    rec = _read(
        "標題:\t海岸濕地生態旅遊之研究 A Study of Ecotourism in Coastal Wetlands?\n"
        "關鍵字:\t生態旅遊;濕地;ecotourism;wetland\n"
    )
    assert rec.title_zh == "海岸濕地生態旅遊之研究"
    assert rec.title_en == "A Study of Ecotourism in Coastal Wetlands?"
    assert split_scripts("利用VDR資料探討漁船動態") is None


def test_no_title_rather_than_junk() -> None:
    rec = _read(
        "论文部分内容阅读\n摘 要:本文分析高校学生的心理健康教育。\n"
        "关键词:高校;心理健康\nKeywords: college; mental health\n"
    )
    assert rec.title_zh is None and rec.title_en is None
    assert rec.keywords_en == ["college", "mental health"]


MARKDOWN = """\
研究生: |
王大明 Ta-Ming Wang |
---|---|
論文名稱: |
海岸濕地生態旅遊之研究 A Study of Ecotourism in Coastal Wetlands |
指導教授: |
李小華
Li, Hsiao-Hua |
中文關鍵詞: | 生態旅遊 、濕地 |
英文關鍵詞: | ecotourism, wetland |
"""


def test_markdown_table_bars_are_cells() -> None:
    rec = _read(MARKDOWN)
    assert rec.keywords_zh == ["生態旅遊", "濕地"]
    assert rec.keywords_en == ["ecotourism", "wetland"]
    assert _people(rec) == [("王大明", "Ta-Ming Wang")]
    assert [(p.zh, p.en) for p in rec.advisors] == [("李小華", "Li, Hsiao-Hua")]
    assert rec.title_en == "A Study of Ecotourism in Coastal Wetlands"
    lines = tidy_lines([(1, "| a | b |"), (2, "|---|---|"), (3, "x | y |")])
    assert lines == [(1, "a\tb"), (2, ""), (3, "x\ty")]


def test_a_bar_in_a_page_that_is_no_table_stays() -> None:
    assert tidy_lines([(1, "A | B"), (2, "text")]) == [(1, "A | B"), (2, "text")]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "許大同 劉小明 Ta-Tung Hsu Hsiao-Ming Liu Institute of Business Administration 企業管理研究所",
            [("許大同", "Ta-Tung Hsu"), ("劉小明", "Hsiao-Ming Liu")],
        ),
        ("指導 蔡明德(Ming-Te Tsai) 教授", [("蔡明德", "Ming-Te Tsai")]),
        ("王威明 Wei-Ming Wang", [("王威明", "Wei-Ming Wang")]),
    ],
)
def test_author_lines_in_fields(line: str, people: list[tuple[str, str]]) -> None:
    found = parse_author_line(line, strict=False)
    assert found is not None
    assert [(p.zh, p.en) for p in found] == people


def test_author_lines_on_pages() -> None:
    found = parse_author_line("蔡明德(Ming-Te Tsai) 國立中興大學", strict=True)
    assert found is not None and [(p.zh, p.en) for p in found] == [("蔡明德", "Ming-Te Tsai")]
    # A title with a parenthesis is no author line.
    assert parse_author_line("深度學習 (Deep Learning) 於醫學影像之應用", strict=True) is None
    four = parse_authors("王飞 陈娜 瞿冬霞 徐旭光\nWang Fei Chen Na Qu Dongxia Xu Xuguang")
    assert four is not None and [p.en for p in four] == [
        "Wang Fei", "Chen Na", "Qu Dongxia", "Xu Xuguang",
    ]
    assert trim_affiliation("Ta-Tung Hsu Department of Law") == "Ta-Tung Hsu"


def test_an_author_label_printed_again_in_english() -> None:
    rec = _read(
        "Studies on Hakka Migration in Malaysia\n"
        "作者 黃志強\nAuthor Chee Keong Wong\n"
        "關鍵詞 客家、移民\nKeywords Hakka, migration\n"
    )
    assert _people(rec) == [("黃志強", "Chee Keong Wong")]
    assert rec.title_en == "Studies on Hakka Migration in Malaysia"


JOURNAL = """\
Open Journal of Tourism Studies
Vol. 8  No. 03 ( 2021 ), Article ID: 1234 , 6 pages

海岸湿地生态旅游研究

王大明

某大学旅游学院

摘要

本文研究海岸湿地的生态旅游。

关键词

生态旅游,湿地,游客行为

A Study of Ecotourism in Coastal Wetlands

Daming Wang

School of Tourism

Keywords: Ecotourism, Wetland, Visitor Behavior
"""


def test_the_english_half_of_a_journal_page() -> None:
    rec = _read(JOURNAL)
    assert rec.title_zh == "海岸湿地生态旅游研究"
    assert rec.title_en == "A Study of Ecotourism in Coastal Wetlands"
    assert _people(rec) == [("王大明", "Daming Wang")]
    assert rec.keywords_en == ["Ecotourism", "Wetland", "Visitor Behavior"]


def test_romanized_names_later_on_an_unlabelled_page() -> None:
    rec = _read(
        "海岸湿地生态旅游研究\n\n王大明 李小红\n\n"
        "生态旅游;湿地;游客行为\n\n"
        "本文研究海岸湿地的生态旅游。本文采用问卷调查。\n\n"
        "A Study of Ecotourism in Coastal Wetlands\n\n"
        "Wang Daming, Li Xiaohong\n\n"
        "ecotourism; wetland; visitor behavior\n"
    )
    assert _people(rec) == [("王大明", "Wang Daming"), ("李小红", "Li Xiaohong")]
    assert rec.title_en == "A Study of Ecotourism in Coastal Wetlands"
    assert rec.keywords_en == ["ecotourism", "wetland", "visitor behavior"]


@pytest.mark.parametrize(
    ("text", "field", "lang"),
    [
        ("第三語言關鍵字", Field.KEYWORDS, "other"),
        ("第三語言論文名稱", Field.TITLE, "other"),
        ("學科別分類", Field.SUBJECTS, None),
        ("系所名稱(英文)", Field.OTHER, "en"),
    ],
)
def test_labels_named_with_a_language_or_with_bie(text: str, field: Field, lang: str | None) -> None:
    label = lookup(text)
    assert label is not None and (label.field, label.lang) == (field, lang)


def test_assign_keywords_keeps_a_chinese_list_with_latin_terms_whole() -> None:
    kw = assign_keywords(
        [(t, 1) for t in split_keywords("深度學習;CNN;影像辨識;LSTM;語音;deep learning;CNN;image;LSTM;speech")]
    )
    assert kw.zh == ["深度學習", "CNN", "影像辨識", "LSTM", "語音"]
    assert kw.en == ["deep learning", "CNN", "image", "LSTM", "speech"]
