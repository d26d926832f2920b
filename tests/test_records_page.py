"""Abstract-page text: the example record and one fixture per layout quirk.

Expected values were read off the fixture files by eye (the fixtures are small).
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.errors import InputError
from termkit.model import Person, Record, Section
from termkit.records import detect_format, parse_records, read_records
from termkit.records.page import NO_KEYWORDS
from tests.conftest import DATA, SEED

RECORDS = DATA / "records"
SECURITY_ZH = ["資訊安全", "內部控制", "資訊治理"]
SECURITY_EN = ["information security", "internal control", "information governance"]


def read_one(name: str) -> Record:
    records = read_records(str(RECORDS / name))
    assert len(records) == 1
    return records[0]


def test_example_record() -> None:
    (rec,) = read_records(str(SEED))
    assert rec.id == "example-record"
    assert rec.title_en == (
        "An Analysis of Vietnam's Foreign Policy from the Perspective of Balance of Power"
    )
    assert rec.title_zh is None
    assert rec.authors == [Person("張國城", "Kuo-Cheng Chang", 7)]
    assert rec.keywords_zh == ["現實主義", "權力平衡", "越南外交政策"]
    assert rec.keywords_en == ["realism", "Vietnam diplomacy", "balance of power"]
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("10", "3", "2014-09-01", "113-129")
    assert rec.subjects == [["人文學", "人文學綜合"], ["社會科學", "社會科學綜合"]]
    assert len(rec.references) == 22
    assert rec.references[0].startswith("Clarke, Ryan. 2010. Chinese Energy Security")
    assert (
        rec.references[21]
        == "潘金娥(2010)。越南政治經濟與中越關係前沿。中國北京:社會科學文獻出版社。"
    )
    assert len(rec.citing) == 3
    assert (
        rec.citing[2] == "(2021)。探索台灣對東南亞地區的科技交流模式。產業與管理論壇,23(4),4-37。"
    )
    assert rec.abstract_en is not None and rec.abstract_en.startswith("This article seeks")
    assert rec.abstract_en.endswith("to balance the potential pressure from China.")
    assert rec.abstract_zh is None
    assert rec.sections == [] and rec.notices == []
    assert rec.lines == {
        "title_en": 4,
        "authors": 7,
        "keywords": 10,
        "keywords_zh": 10,
        "keywords_en": 10,
        "volume": 15,
        "issue": 15,
        "date": 15,
        "pages": 18,
        "abstract_en": 25,
        "subjects": 27,
        "references": 29,
        "citing": 51,
    }


def test_example_with_traditional_subject_heading_in_big5() -> None:
    text = SEED.read_text(encoding="utf-8").replace("主题分类", "主題分類")
    (rec,) = parse_records(text.encode("cp950"), "seed.txt")
    assert rec.subjects == [["人文學", "人文學綜合"], ["社會科學", "社會科學綜合"]]
    assert (len(rec.references), len(rec.citing)) == (22, 3)
    assert rec.keywords_zh == ["現實主義", "權力平衡", "越南外交政策"]


def test_example_without_blank_lines_reads_the_same() -> None:
    # As a browser may copy the page: no blank line between the title, the author line,
    # the keyword line, the volume line and the abstract. Only the line numbers differ.
    text = SEED.read_text(encoding="utf-8")
    kept = [line for line in text.split("\n") if line.strip()]
    (expected,) = parse_records(text.encode("utf-8"), "seed.txt")
    (rec,) = parse_records("\n".join(kept).encode("utf-8"), "seed.txt")
    assert rec.keywords_zh == expected.keywords_zh and rec.keywords_en == expected.keywords_en
    assert [(p.zh, p.en) for p in rec.authors] == [(p.zh, p.en) for p in expected.authors]
    assert (rec.title_zh, rec.title_en) == (expected.title_zh, expected.title_en)
    assert (rec.volume, rec.issue, rec.date, rec.pages) == (
        expected.volume, expected.issue, expected.date, expected.pages)
    assert rec.abstract_en == expected.abstract_en
    assert rec.subjects == expected.subjects
    assert (len(rec.references), len(rec.citing)) == (22, 3)
    assert not any(n.message == NO_KEYWORDS for n in rec.notices)


def test_page_without_blank_lines_one_keyword_per_line() -> None:
    # Titles, a Chinese name over its romanization, then one keyword per line (Chinese,
    # then English) and a page count: the lines are grouped by what they are.
    text = "\n".join([
        "A Study of Route Guidance in Accordance with Wayfinding Behavior",
        "基於認路原則之車內路徑導引資訊系統之研究",
        "李魁修",
        "Kuei-Hsiu Lee",
        "認知地圖",
        "路徑導引",
        "cognitive map",
        "route guidance",
        "23頁",
    ]) + "\n"
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    assert rec.keywords_zh == ["認知地圖", "路徑導引"]
    assert rec.keywords_en == ["cognitive map", "route guidance"]
    assert [(p.zh, p.en) for p in rec.authors] == [("李魁修", "Kuei-Hsiu Lee")]
    assert rec.title_zh == "基於認路原則之車內路徑導引資訊系統之研究"


# Pages that kept their blank lines, keywords in one language only: the titles, the name
# block (a name over its romanization) and the keyword line are blocks of their own.
ONE_LANGUAGE_PAGES = {
    "zh keywords": (
        "基于深度学习的图像识别研究\n\nResearch on Image Recognition Based on Deep Learning\n\n"
        "王小明\nWang Xiaoming\n\n深度学习；图像识别；卷积神经网络\n"
    ),
    "en keywords": (
        "Research on Image Recognition Based on Deep Learning\n\n基于深度学习的图像识别研究\n\n"
        "王小明\nWang Xiaoming\n\ndeep learning; image recognition\n"
    ),
    "wrapped abstract": (
        "基于深度学习的图像识别研究\n\nResearch on Image Recognition Based on Deep Learning\n\n"
        "王小明\n\n深度学习；图像识别\n\n"
        "本文研究了基于深度学习的图像识别方法，提出了一种新的网络结构，\n实验结果表明该方法有效。\n"
    ),
}


@pytest.mark.parametrize("name", list(ONE_LANGUAGE_PAGES))
def test_page_with_blank_lines_and_keywords_in_one_language(name: str) -> None:
    # The reading by line (for pages that lost their blank lines) must not replace the
    # reading by block here: it took the two titles for a one-keyword list in each script.
    (rec,) = parse_records(ONE_LANGUAGE_PAGES[name].encode("utf-8"), "page.txt")
    assert rec.title_zh == "基于深度学习的图像识别研究"
    assert rec.title_en == "Research on Image Recognition Based on Deep Learning"
    assert [p.zh for p in rec.authors] == ["王小明"]
    assert rec.keywords_zh + rec.keywords_en == (
        ["deep learning", "image recognition"] if name == "en keywords"
        else ["深度学习", "图像识别", "卷积神经网络"][: 3 if name == "zh keywords" else 2])


# Lines of the kinds a page holds, to lay out in blocks separated by blank lines.
_PAGE_LINES = [
    "基于深度学习的图像识别研究", "Research on Image Recognition Based on Deep Learning",
    "來臺陸生的政治態度與臺灣主權接受程度", "The Impacts of Political Attitudes, Sovereignty and Students",
    "王小明", "Wang Xiaoming", "張國城、黃志雄", "Kuo-Cheng Chang, Chih-Hshing Huang",
    "深度学习；图像识别", "deep learning; image recognition", "民主價值、兩岸關係", "democratic value",
    "機器學習", "计算机学报", "Journal of Chinese Linguistics", "15卷2期(2011 / 12 / 01)", "113 - 129",
    "本文研究了基于深度学习的图像识别方法，提出了一种新的网络结构，实验结果表明该方法有效。",
]


def _page_lines(blocks: list[list[str]]) -> list[tuple[int, str]]:
    text = "\n\n".join("\n".join(block) for block in blocks)
    return list(enumerate(text.split("\n"), 1))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PAGE_LINES), min_size=1, max_size=3),
                min_size=2, max_size=6))
def test_pages_with_blank_lines_are_read_by_their_blocks(blocks: list[list[str]]) -> None:
    # A page that kept blank lines between its blocks is read by its blocks alone, as
    # before the reading by line existed (parse_page_record): only a header copied as one
    # block of lines is read again line by line.
    from termkit.records.page import parse_page_record, read_page_record

    lines = _page_lines(blocks)
    assert read_page_record(lines, "p.txt", "r") == parse_page_record(lines, "p.txt", "r")


def _unlabelled_pages_with_blank_lines() -> list[str]:
    """The fixture files that are UTF-8 unlabelled pages with a blank line somewhere."""
    names = []
    for path in sorted((DATA / "records").glob("*.txt")):
        try:
            text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
        if detect_format(path.name, text) == "page" and any(
            not line.strip() for line in text.split("\n")
        ):
            names.append(path.name)
    return names


@pytest.mark.parametrize("name", _unlabelled_pages_with_blank_lines())
def test_page_files_with_blank_lines_are_read_by_their_blocks(name: str) -> None:
    from termkit.records.page import parse_page_record, read_page_record

    text = (DATA / "records" / name).read_bytes().decode("utf-8-sig")
    lines = list(enumerate(text.replace("\r\n", "\n").split("\n"), 1))
    assert read_page_record(lines, name, "r") == parse_page_record(lines, name, "r")


def test_the_blank_line_fixtures_are_there() -> None:
    assert len(_unlabelled_pages_with_blank_lines()) >= 20


def test_page_without_blank_lines_keyword_lines_one_per_script() -> None:
    # The English title over the Chinese one (a block of two one-item lines, which alone
    # looks like a bilingual list of two), a name over its romanization, then the Chinese
    # keyword line and the English one, each with commas: the two keyword lines are one
    # list, as on the page with blank lines, and the titles stay titles.
    text = "\n".join([
        "Wetland Restoration and Bird Habitat Planning",
        "湿地修复与鸟类栖息地规划",
        "周明",
        "Zhou Ming",
        "湿地修复, 栖息地, 景观规划",
        "wetland restoration, habitat, landscape planning",
    ]) + "\n"
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    assert rec.keywords_zh == ["湿地修复", "栖息地", "景观规划"]
    assert rec.keywords_en == ["wetland restoration", "habitat", "landscape planning"]
    assert (rec.title_zh, rec.title_en) == (
        "湿地修复与鸟类栖息地规划", "Wetland Restoration and Bird Habitat Planning")
    assert [(p.zh, p.en) for p in rec.authors] == [("周明", "Zhou Ming")]


def test_page_without_blank_lines_titles_with_commas_are_not_keyword_halves() -> None:
    # An English title with commas over a Chinese one with a dash: both split into items,
    # but long ones, so they are not taken for the two halves of a keyword list.
    text = "\n".join([
        "A Preliminary Study of Community Gardens and Neighbourhood Ties-A case study of"
        " the Riverside Old Town, Beitou District, Taipei City",
        "社區花園與鄰里關係初探- 以臺北市北投區河濱老街為例",
        "陳紅",
        "Chen, Hong",
        "社區花園",
        "鄰里關係",
        "舊城更新",
        "公民參與",
        "地方創生",
        "Community Garden",
        "Neighbourhood Ties",
        "Urban Renewal",
        "Citizen Participation",
        "Regional Revitalization",
    ]) + "\n"
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    assert rec.keywords_zh == ["社區花園", "鄰里關係", "舊城更新", "公民參與", "地方創生"]
    assert rec.keywords_en[:2] == ["Community Garden", "Neighbourhood Ties"]
    assert rec.title_zh == "社區花園與鄰里關係初探- 以臺北市北投區河濱老街為例"
    assert [(p.zh, p.en) for p in rec.authors] == [("陳紅", "Chen, Hong")]


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "gb18030"])
def test_example_in_other_encodings_reads_the_same(codec: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    (expected,) = parse_records(text.encode("utf-8"), "seed.txt")
    (rec,) = parse_records(text.encode(codec), "seed.txt")
    assert rec == expected


def test_leading_blank_lines() -> None:
    rec = read_one("leading_blank_lines.txt")
    assert rec.title_en == "The Practice of the Flipped-Classroom Model in a University Course"
    assert rec.lines["title_en"] == 6
    assert rec.authors == [Person("黃志雄", "Chih-Hshing Huang", 8)]
    assert rec.keywords_en[0] == "Scholarship of teaching and learning (SoTL)"
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("10", "1", "2017-04-01", "1-30")


def test_chinese_title() -> None:
    rec = read_one("chinese_title.txt")
    assert rec.title_en.startswith("The Impacts of Political Attitudes")
    assert rec.title_zh == "來臺陸生的政治態度與臺灣主權接受程度"
    assert rec.lines["title_zh"] == 3
    assert rec.authors == [Person("王嘉州", "Chia-Chou Wang", 5)]
    assert len(rec.keywords_zh) == len(rec.keywords_en) == 5
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("15", "2", "2011-12-01", "67-113")


def test_several_authors_with_full_width_punctuation() -> None:
    rec = read_one("authors_fullwidth.txt")
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("王嘉州", "Chia-Chou Wang"),
        ("張國城", "Kuo-Cheng Chang"),
        ("黃志雄", "Chih-Hshing Huang"),
    ]


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        ("authors_han_only.txt", [("莊傳慶", None)]),
        ("authors_latin_only.txt", [(None, "Shu-Chi Pai")]),
        (
            "authors_han_list.txt",
            [(n, None) for n in ("曾國鴻", "賴秋露", "鍾季娟", "何妙桂", "廖文榮")],
        ),
        (
            "authors_slash.txt",
            [("郑丹丹", "ZHENG Dandan"), ("张梦宇", "ZHANG Mengyu"), ("朱波", "ZHU Bo")],
        ),
        ("authors_han_then_latin.txt", [("林彥汝", "Lin, Yen-Ju")]),
        ("authors_two_lines.txt", [("羅延康", "Lo, In-Hong")]),
    ],
)
def test_author_shapes(name: str, authors: list[tuple[str | None, str | None]]) -> None:
    rec = read_one(name)
    assert [(p.zh, p.en) for p in rec.authors] == authors
    assert rec.keywords_zh and rec.keywords_en  # the author line was not taken as keywords


def test_one_script_author_is_not_taken_for_a_title() -> None:
    rec = read_one("authors_han_only.txt")
    assert rec.title_zh == "技術功效矩陣自動建構與驗證方法-以智慧網實系統專利分析為例"
    assert rec.title_en == (
        "Construction and Validation of Technology Function Matrix – The Case of CPS Patent Analysis"
    )
    assert rec.date == "2017" and rec.volume is None and rec.issue is None


@pytest.mark.parametrize(
    "name",
    [
        "kw_sep_spaced_semicolon.txt",
        "kw_sep_semicolon.txt",
        "kw_sep_fullwidth_semicolon.txt",
        "kw_sep_enumeration_comma.txt",
        "kw_sep_comma.txt",
        "kw_sep_fullwidth_comma.txt",
        "kw_sep_trailing.txt",
    ],
)
def test_each_keyword_separator(name: str) -> None:
    rec = read_one(name)
    assert rec.keywords_zh == SECURITY_ZH
    assert rec.keywords_en == SECURITY_EN
    assert rec.authors == [Person("董毓國", "Yu-Kwo Tung", 5)]
    assert rec.title_en == "The influence of implementing information security policy of the bank."
    assert rec.lines["keywords"] == 7


def test_keywords_on_separate_lines_keep_parentheses() -> None:
    rec = read_one("kw_separate_lines.txt")
    assert rec.keywords_zh == ["客戶忠誠度", "客戶滿意度", "服務品質", "企業對企業 (B to B)"]
    assert rec.keywords_en == [
        "Customer Loyalty",
        "Customer Satisfaction",
        "Business to Business (B to B)",
        "Service Quality",
    ]
    assert (rec.lines["keywords_zh"], rec.lines["keywords_en"]) == (5, 6)
    assert rec.authors == []


def test_keyword_blocks_with_latin_terms_in_both_lists() -> None:
    rec = read_one("kw_separate_blocks.txt")
    assert rec.keywords_zh == [
        "多任務學習",
        "卷積神經網路",
        "遷移學習",
        "ResNeSt",
        "Grad-CAM",
        "LIME",
    ]
    assert rec.keywords_en == [
        "Multi-Task Learning",
        "Convolutional Neural Networks",
        "Transfer Learning",
        "ResNeSt",
        "Grad-CAM",
        "LIME",
    ]
    assert rec.sections == []


def test_latin_keyword_leading_the_chinese_line() -> None:
    rec = read_one("authors_slash.txt")
    assert rec.keywords_zh == ["EcoLexicon", "术语学", "术语知识库", "启示"]
    assert rec.keywords_en == ["EcoLexicon", "terminology", "terminology knowledge base", "tips"]
    assert (rec.date, rec.issue, rec.volume) == ("2021", "4", None)


def test_one_keyword_per_line_and_mainland_volume_line() -> None:
    rec = read_one("kw_one_per_line.txt")
    assert rec.keywords_zh == ["术语", "专业性", "约定俗成性", "新冠肺炎"]
    assert rec.keywords_en == [
        "term",
        "profession principle",
        "popular usage principle",
        "COVID-19",
    ]
    assert (rec.title_en, rec.title_zh, rec.authors) == (None, None, [])
    assert (rec.volume, rec.issue, rec.date, rec.pages) == (None, "2", "2020", "11-13")


def test_comma_lines_with_trailing_commas() -> None:
    rec = read_one("authors_latin_only.txt")
    assert rec.keywords_zh == ["聽覺-運動交互作用", "音樂演奏", "多音源協作", "功能性磁振造影"]
    assert rec.keywords_en == [
        "audio-motor interaction",
        "music playing",
        "multiple auditory sources coordination",
        "fMRI",
    ]


def test_spaced_enumeration_comma_and_apostrophes() -> None:
    rec = read_one("authors_han_then_latin.txt")
    assert rec.keywords_zh == ["學習共同體", "教師專業發展", "教師專業成長"]
    assert rec.keywords_en == [
        "learning community",
        "teachers' professional development",
        "teachers' professional growth",
    ]


def test_third_language_keyword_is_kept_apart_with_a_notice() -> None:
    rec = read_one("kw_third_language.txt")
    assert rec.keywords_zh == ["第二語言焦慮"]
    assert rec.keywords_en == ["second language anxiety", "learning attitude"]
    assert Section("keywords_other", "外国語学習における不安", 7) in rec.sections
    assert [n.line for n in rec.notices] == [7]
    assert "外国語学習における不安" in rec.notices[0].message


def test_english_volume_line_and_pp_pages() -> None:
    rec = read_one("volume_en.txt")
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("10", "1", None, "1-30")


def test_traditional_subject_heading_and_restarting_lists() -> None:
    rec = read_one("subject_traditional.txt")
    assert rec.subjects == [["人文學", "人文學綜合"], ["社會科學", "社會科學綜合"]]
    assert rec.references == [
        "Kissinger, Henry(1994).Diplomacy.New York:Simon & Schuster.",
        "Waltz, Kenneth N.(1979).Theory of International Politics.New York:McGraw-Hill.",
    ]
    assert rec.citing == [
        "姚祺(2021)。中梵關係是否因循「越南模式」:一種建構主義的觀點。中國大陸研究,64(1),57-99。"
    ]


def test_no_keyword_line_is_a_notice_not_an_error() -> None:
    rec = read_one("no_keywords.txt")
    assert rec.keywords_zh == [] and rec.keywords_en == []
    assert [n.message for n in rec.notices] == [NO_KEYWORDS]
    assert rec.authors == [Person("張國城", "Kuo-Cheng Chang", 4)]
    assert rec.abstract_en is not None and rec.abstract_en.startswith("This article seeks")
    assert rec.pages == "113-129"


def test_no_keyword_line_gives_an_empty_pairing() -> None:
    from termkit.align import pair_record

    rec = read_one("no_keywords.txt")
    pairing = pair_record(rec)
    assert pairing.pairs == [] and pairing.unpaired_zh == [] and pairing.unpaired_en == []


def test_unrecognised_block_is_kept_as_a_section() -> None:
    rec = read_one("unrecognised_section.txt")
    assert rec.sections == [Section("unrecognised", "DOI：10.6683/TPSR.201112.15(2).67-113", 13)]
    assert rec.pages == "67-113"


def test_two_records_separated_by_a_form_feed() -> None:
    first, second = read_records(str(RECORDS / "two_records.txt"))
    assert (first.id, second.id) == ("two_records#1", "two_records#2")
    assert first.title_zh == "來臺陸生的政治態度與臺灣主權接受程度"
    assert second.authors == [Person("莊傳慶", None, 17)]
    assert second.lines["title_en"] == 13


def test_crlf_file_reads_like_lf() -> None:
    crlf = read_one("crlf.txt")
    lf = read_one("chinese_title.txt")
    assert (crlf.keywords_zh, crlf.authors, crlf.lines) == (lf.keywords_zh, lf.authors, lf.lines)


@pytest.mark.parametrize("data", [b"   \n\n\t\n", codecs.BOM_UTF8 + b"\n\n"])
def test_only_whitespace_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="no record content"):
        parse_records(data, "blank.txt")


def test_chinese_abstract_and_labelled_keywords() -> None:
    text = (
        "术语知识库EcoLexicon的应用与启示\n\n郑丹丹 张梦宇 朱波 / ZHENG Dandan, ZHANG Mengyu, ZHU Bo\n\n"
        "术语知识库EcoLexicon是西班牙格拉纳达大学研发的多语种环境科学术语知识库，"
        "本文介绍其建设理念与应用方式。\n\n"
        "关键词：EcoLexicon；术语学；术语知识库；启示\n"
    )
    (rec,) = parse_records(text.encode("utf-8"), "x.txt")
    assert rec.abstract_zh is not None and rec.abstract_zh.startswith("术语知识库EcoLexicon是")
    assert rec.abstract_en is None
    assert rec.keywords_zh == ["EcoLexicon", "术语学", "术语知识库", "启示"]
    assert rec.keywords_en == []
    assert len(rec.authors) == 3


def test_prose_with_semicolons_is_an_abstract_not_keywords() -> None:
    text = (
        "A Title\n\n張國城(Kuo-Cheng Chang)\n\n"
        "In 1978, Vietnam invaded Cambodia; it established even closer ties with the Soviet "
        "Union. Following the Cold War, there were fundamental changes.\n\n"
        "現實主義 ; realism\n"
    )
    (rec,) = parse_records(text.encode("utf-8"), "x.txt")
    assert rec.abstract_en is not None and rec.abstract_en.startswith("In 1978")
    assert (rec.keywords_zh, rec.keywords_en) == (["現實主義"], ["realism"])


def test_short_list_title_is_a_title_when_the_keyword_line_comes_later() -> None:
    text = "A Study of Language Skills\n\n聽、說、讀、寫之研究\n\n王小明\n\n聽力 ; listening\n"
    (rec,) = parse_records(text.encode("utf-8"), "x.txt")
    assert rec.title_zh == "聽、說、讀、寫之研究"
    assert rec.authors == [Person("王小明", None, 5)]
    assert (rec.keywords_zh, rec.keywords_en) == (["聽力"], ["listening"])


@pytest.mark.parametrize("label", ["关键词", "關鍵字：", "Keywords", "【关键词】"])
def test_bare_keyword_label_above_one_keyword_per_line_is_no_keyword(label: str) -> None:
    # A page copied from the keyword section only: the label alone on the first line, then
    # one keyword per line, Chinese then English. The label heads the list.
    text = f"{label}\n土壤侵蚀\n水土保持\n坡耕地\nsoil erosion\nsoil and water conservation\nsloping cropland\n"
    (rec,) = parse_records(text.encode("utf-8"), "kw.txt")
    assert rec.keywords_zh == ["土壤侵蚀", "水土保持", "坡耕地"]
    assert rec.keywords_en == ["soil erosion", "soil and water conservation", "sloping cropland"]


def test_keyword_that_is_not_a_label_alone_is_kept() -> None:
    # The first line is a keyword, not a label: nothing is dropped.
    text = "土壤侵蚀\n水土保持\nsoil erosion\nsoil and water conservation\n"
    (rec,) = parse_records(text.encode("utf-8"), "kw.txt")
    assert rec.keywords_zh == ["土壤侵蚀", "水土保持"]
