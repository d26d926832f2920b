"""Labelled metadata pages: label vocabulary, field layouts, one fixture per quirk."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.model import Person, Section
from termkit.records import detect_format, parse_records, read_records
from termkit.records.labels import Field, lookup, match_label, match_unknown_label
from tests.conftest import DATA

RECORDS = DATA / "records"


@pytest.mark.parametrize(
    ("line", "field", "lang", "value"),
    [
        ("關鍵詞：現實主義 ; 權力平衡", Field.KEYWORDS, None, "現實主義 ; 權力平衡"),
        ("关键词:深度学习;图像识别", Field.KEYWORDS, None, "深度学习;图像识别"),
        ("【关键词】罪名生成;罪状", Field.KEYWORDS, None, "罪名生成;罪状"),
        ("[Key words] stroke; community", Field.KEYWORDS, None, "stroke; community"),
        ("关 键 词：a；b", Field.KEYWORDS, None, "a；b"),
        ("關(guān)鍵詞 學校體育;新時期", Field.KEYWORDS, None, "學校體育;新時期"),
        (
            "Key Words Pathogenesis ; Clinical study",
            Field.KEYWORDS,
            None,
            "Pathogenesis ; Clinical study",
        ),
        ("KEY WORDS: stroke", Field.KEYWORDS, None, "stroke"),
        ("中文關鍵詞：仿寫作文教學", Field.KEYWORDS, "zh", "仿寫作文教學"),
        ("外文關鍵詞:teaching", Field.KEYWORDS, "en", "teaching"),
        ("關鍵字(英)", Field.KEYWORDS, "en", ""),
        ("Keywords (English): a", Field.KEYWORDS, "en", "a"),
        ("研究生(外文)：Kuei-Hsiu Lee", Field.AUTHORS, "en", "Kuei-Hsiu Lee"),
        ("並列篇名：The Impacts", Field.TITLE_OTHER, None, "The Impacts"),
        ("英文题名 An Analysis", Field.TITLE, "en", "An Analysis"),
        ("題名\t基於大型語言模型", Field.TITLE, None, "基於大型語言模型"),
        ("摘  要：本文", Field.ABSTRACT, None, "本文"),
        ("指導教授：楊定揮", Field.ADVISORS, None, "楊定揮"),
        ("导师姓名：王建国", Field.ADVISORS, None, "王建国"),  # a database's thesis page
        ("学位年度：2022", Field.DATE, None, "2022"),
        ("基金资助：国家自然科学基金；", Field.OTHER, None, "国家自然科学基金；"),
        ("卷期/出版年月：10卷3期(2014 / 09 / 01)", Field.VOLUME, None, "10卷3期(2014 / 09 / 01)"),
    ],
)
def test_labels(line: str, field: Field, lang: str | None, value: str) -> None:
    m = match_label(line)
    assert m is not None
    assert (m.label.field, m.label.lang, m.value) == (field, lang, value)


@pytest.mark.parametrize(
    "line",
    [
        "Keyword Co-occurrence",  # a keyword, not a label and a value
        "Title words of a sentence",
        "关键词病机个体化",  # a Chinese label runs into text only inside brackets
        "基於深度學習的圖像識別",
    ],
)
def test_not_labels(line: str) -> None:
    assert match_label(line) is None


def test_unknown_labels_by_shape() -> None:
    m = match_unknown_label("學號：123456")
    assert m is not None and (m.label.text, m.value, m.label.known) == ("學號", "123456", False)
    assert match_unknown_label("這是一個很長的句子，其中有冒號：後面") is None
    assert lookup("學號") is not None  # listed, so it ends a field even with a colon in a value


def test_ndltd_layout() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_ndltd.txt"))
    assert rec.title_zh == "一所學校推動仿寫作文教學發展的歷程分析"
    assert rec.title_en.startswith("The Process Analysis")
    assert rec.authors == [Person("陳恆楨", "Chen, Heng-Chen", 1)]
    assert rec.keywords_zh == ["仿寫作文教學", "推動發展歷程"]
    assert rec.keywords_en == ["teaching of imitative writing", "the process analysis"]
    # Labels termkit does not read are kept, the unknown one included.
    assert [s.name for s in rec.sections] == ["學位類別", "校院名稱", "相關次數"]
    assert rec.notices == []


def test_repository_layout_one_keyword_per_line_under_one_label() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_repository_en.txt"))
    assert rec.title_en.startswith("Exploring the interdisciplinary")
    assert [(p.zh, p.en) for p in rec.authors] == [("羅延康", "Lo, In-Hong")]
    assert rec.advisors == []  # the contributor field repeats the author
    assert rec.keywords_zh == ["大型語言模型", "跨領域研究", "知識圖譜", "關鍵字共現"]
    assert rec.keywords_en[-1] == "Keyword Co-occurrence"
    assert rec.date == "2024"


def test_bracket_labels() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_brackets.txt"))
    assert rec.title_zh == "论罪名生成的方法"
    assert rec.keywords_zh[1] == "一条(款)一罪名"
    assert rec.keywords_en[1] == "One Article (Paragraph) One Charge"
    assert len(rec.keywords_zh) == len(rec.keywords_en) == 5
    assert Section("文章编码", "1005-9512-(2018)03-0110-13", 6) in rec.sections


def test_a_site_tag_line_above_the_keywords_is_not_taken() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_header_tag.txt"))
    assert rec.keywords_zh[:2] == ["病机", "中医"] and len(rec.keywords_zh) == 8
    assert rec.keywords_en[0] == "Pathogenesis" and len(rec.keywords_en) == 8
    assert Section("关键词", "病机个体化病理", 1) in rec.sections
    assert rec.title_zh == "以病机为主导的中医临床个体化评价方法初探"
    assert [p.zh for p in rec.authors] == ["胡嘉元", "邱瑞瑾", "赵晨"]


def test_label_with_inline_pinyin_and_no_colon() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_pinyin_label.txt"))
    assert rec.keywords_zh[0] == "學校體育" and len(rec.keywords_zh) == 6
    assert rec.keywords_en[0] == "school physical education" and len(rec.keywords_en) == 6


def test_colon_inside_a_keyword_of_a_one_per_line_list() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_one_label_per_line.txt"))
    assert rec.keywords_zh == ["奥运档案", "档案利用:档案资源开发", "北京市档案馆"]
    assert len(rec.keywords_en) == 4
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("梅佳", "MEI Jia"),
        ("吴克萍", "WU Keping"),
        ("岳彦如", "YUE Yanru"),
    ]
    assert rec.venue == "北京档案"
    assert Section("分类号", "G275", 14) in rec.sections


def test_third_language_field_kept_apart() -> None:
    (rec,) = read_records(str(RECORDS / "labelled_third_language.txt"))
    assert rec.keywords_zh == ["第二語言焦慮"]
    assert len(rec.keywords_en) == 4
    assert Section("keywords_other", "第二言語不安", 5) in rec.sections
    assert [n.message for n in rec.notices] == [
        "keywords in a third language kept apart: 第二言語不安"
    ]


def test_unqualified_label_beside_a_qualified_one() -> None:
    page = "題名：權力平衡\n關鍵詞：EcoLexicon;術語學\n英文關鍵詞：EcoLexicon; terminology\n"
    (rec,) = parse_records(page.encode(), "p.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (
        ["EcoLexicon", "術語學"],
        ["EcoLexicon", "terminology"],
    )


def test_layout_detection_and_forcing() -> None:
    labelled = (RECORDS / "labelled_ndltd.txt").read_text(encoding="utf-8")
    assert detect_format("x.txt", labelled) == "labelled"
    example = (RECORDS / "chinese_title.txt").read_text(encoding="utf-8")
    assert detect_format("x.txt", example) == "page"
    # One keyword label alone does not make a labelled page ...
    assert detect_format("x.txt", "Title\n\n關鍵詞：a；b\n") == "page"
    # ... but --format labelled reads any page as one.
    (rec,) = parse_records("關鍵詞：現實主義；realism\n".encode(), "x.txt", format="labelled")
    assert (rec.keywords_zh, rec.keywords_en) == (["現實主義"], ["realism"])


def test_cli_format_labelled_and_unknown_format() -> None:
    path = str(RECORDS / "labelled_ndltd.txt")
    result = CliRunner().invoke(cli, ["extract", "--format", "labelled", "--json", path])
    assert result.exit_code == 0, result.output
    assert "仿寫作文教學" in result.output
    bad = CliRunner().invoke(cli, ["extract", "--format", "marc", path])
    assert bad.exit_code == 2


def test_thesis_page_with_name_label_and_bracketed_english_title() -> None:
    # ``姓名`` names the student; the English title stands in brackets under the Chinese one;
    # other form cells follow the name on its line.
    page = (
        "姓名 蔡炎興(Yan-Hsing Tsai)  查詢紙本館藏   畢業系所 電機工程學系\n"
        "論文名稱 關鍵詞萃取及語者辨識系統之研製\n"
        "(A System for Keyword Spotting and Speaker Recognition)\n"
        "關鍵字(中) ★ 語者識別\n★ 語音辨識\n"
        "關鍵字(英) ★ Speaker Recognition\n★ Speech Recognition\n"
    )
    rec = parse_records(page.encode(), "page.txt")[0]
    assert rec.title_zh == "關鍵詞萃取及語者辨識系統之研製"
    assert rec.title_en == "A System for Keyword Spotting and Speaker Recognition"
    assert [(p.zh, p.en) for p in rec.authors] == [("蔡炎興", "Yan-Hsing Tsai")]


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("“客家”身份的建构——殖民体系下的香港新界 被引量:2", "“客家”身份的建构——殖民体系下的香港新界"),
        ("Deep Learning for Speech Cited by 12", "Deep Learning for Speech"),
        ("Web 2", "Web 2"),
        ("臺灣1945", "臺灣1945"),
    ],
)
def test_site_counters_after_a_title_are_dropped(title: str, want: str) -> None:
    from termkit.records.furniture import without_counter

    assert without_counter(title) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("(A System for Keyword Spotting)", "A System for Keyword Spotting"),
        ("（語者辨識）", "語者辨識"),
        ("(1) Theory and (2) Practice", "(1) Theory and (2) Practice"),
        ("Speech (ASR)", "Speech (ASR)"),
    ],
)
def test_a_title_wholly_in_brackets_loses_them(line: str, want: str) -> None:
    from termkit.records.labelled import unwrapped

    assert unwrapped(line) == want


# An article database's page as a browser copies it: every field ends in ``；``, the
# keyword field too, and the fields after it are the database's own (funding, the
# collection and the subject the database files the article under), names of no keyword.
DATABASE_PAGE = """\
城市更新背景下历史街区活化利用策略研究
王建国1,2刘晓燕1
1.西南交通大学建筑学院2.四川省城乡规划设计研究院
摘要：历史街区是城市文化的重要载体。本文分析了城市更新过程中历史街区活化利用存在的问题，提出了相应的策略。
关键词：城市更新；历史街区；活化利用；文化遗产{end}
基金资助：国家自然科学基金(52078423)；
专辑：工程科技Ⅱ辑
专题：建筑科学与工程
分类号：TU984
Research on Revitalization Strategies of Historic Districts under Urban Renewal
WANG Jianguo LIU Xiaoyan
Abstract：Historic districts are important carriers of urban culture.
Keywords：urban renewal；historic district；revitalization and utilization；cultural heritage；
"""


@pytest.mark.parametrize("end", ["；", ""])
def test_database_fields_under_the_keywords_are_sections(end: str) -> None:
    rec = parse_records(DATABASE_PAGE.format(end=end).encode(), "page.txt")[0]
    assert rec.keywords_zh == ["城市更新", "历史街区", "活化利用", "文化遗产"]
    assert len(rec.keywords_en) == 4
    names = [s.name for s in rec.sections]
    assert {"基金资助", "专辑", "专题", "分类号"} <= set(names)
    # The names glued at their affiliation marks, romanized with the surname in capitals
    # and no separator: by their sound, in order.
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("王建国", "WANG Jianguo"), ("刘晓燕", "LIU Xiaoyan")]


# The same database's English page copied under the Chinese one: its own fields in English.
ENGLISH_TAB = """
Research on Revitalization Strategies of Historic Districts under Urban Renewal
WANG Jianguo1,2 LIU Xiaoyan1
Abstract：Historic districts are important carriers of urban culture.
Keyword：urban renewal；historic district；revitalization and utilization；cultural heritage；
Fund：National Natural Science Foundation of China(52078423)；
Series：Engineering Science and Technology II
Subject：Architecture Science and Engineering
Classification Code：TU984
"""


def test_database_fields_of_the_english_page_are_sections() -> None:
    chinese = DATABASE_PAGE.format(end="；").split("\nResearch on")[0]
    rec = parse_records((chinese + "\n" + ENGLISH_TAB).encode(), "page.txt")[0]
    assert rec.keywords_en == ["urban renewal", "historic district",
                               "revitalization and utilization", "cultural heritage"]
    assert not rec.notices, rec.notices
    sections = {s.name: s.text for s in rec.sections}
    assert sections["Classification Code"] == "TU984"
    assert sections["Series"] == "Engineering Science and Technology II"
