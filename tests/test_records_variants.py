"""Page layouts nobody tuned for: the dev records as many kinds of real-looking pages.

``tests/pagevariants.py`` lays every dev record out as 18 families of page (thesis systems
as ``label:value`` lines, tab tables and value-under-label, article databases with the
abstracts between the keyword fields, mainland journal PDFs with spaced labels and
affiliations, a repository's item page and its Dublin Core full record, reordered fields,
language-named labels, numbered and wrapped lists, pages without blank lines …). Each family
is read and paired like ``termkit extract`` would (:func:`tests.test_pairing_eval.evaluate`)
and its figures are printed beside pairing by position; the floors below are what the
readers reach on each family (2026-12, helper ``pages2``) less a margin, so a reader change
that breaks a layout fails here. The rules behind them are unit-tested further down, each
on a page of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from termkit.model import Person
from termkit.records import parse_records
from termkit.records.keywords import (
    affiliation_line,
    is_keyword_line,
    list_number,
    numbered_items,
    split_keywords,
)
from termkit.records.labels import Field, language_column, match_label
from termkit.records.romanized import romanizations

from . import pagevariants

# Per family: (precision, recall, most records misread). Measured after the rules of this
# module (every family P 0.963-0.991 / R 0.955-0.986, 0-6 misread) less 0.01-0.02 and a
# record or two: before them, six families fell to R 0.00-0.62 (see the README).
FLOORS: dict[str, tuple[float, float, int]] = {
    name: (0.97, 0.97, 1) for name in pagevariants.FAMILIES
}
FLOORS["one label two lines"] = (0.97, 0.95, 3)  # a Chinese list ending in Latin terms
FLOORS["wrapped"] = (0.97, 0.96, 3)  # a wrap inside inline pinyin; an unsplit English list
FLOORS["noblank lines"] = (0.95, 0.94, 7)  # name lines and Latin terms one per line
FLOORS["noblank affiliation"] = (0.97, 0.97, 2)
FLOORS["noblank slash"] = (0.97, 0.97, 2)


@pytest.mark.parametrize("name", list(pagevariants.FAMILIES))
def test_every_page_family_is_read_and_paired(
    name: str, tmp_path: Path, figures: Callable[[str], None]
) -> None:
    result = pagevariants.measure(name, tmp_path)
    row = pagevariants.table_row(name, result)
    figures("\n" + pagevariants.TABLE_HEAD.split("\n")[0] + "\n" + row)
    precision, recall, misread = FLOORS[name]
    ours, base = result.termkit["all"], result.baseline["all"]
    assert ours.records == 95
    assert ours.precision >= precision, row
    assert ours.recall >= recall, row
    assert len(result.misread) <= misread, row
    assert result.no_pair == [], row
    assert ours.f1 > base.f1, row


def test_the_families_are_different_pages() -> None:
    # Each family lays the same record out its own way (a guard against two renderers
    # collapsing into one, which would leave a layout unmeasured).
    from . import devrecords

    rec = devrecords.load_all_dev()[20]
    texts = {name: render(rec) for name, render in pagevariants.FAMILIES.items()}
    assert len(set(texts.values())) == len(texts)


def _read(text: str) -> tuple[list[str], list[str]]:
    rec = parse_records(text.encode(), "page.txt")[0]
    return rec.keywords_zh, rec.keywords_en


# ----------------------------------------------------------------------------- keyword lines

@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("多任務學習 卷積神經網路 ResNeSt Grad-CAM", ["多任務學習", "卷積神經網路", "ResNeSt", "Grad-CAM"]),
        ("EcoLexicon 术语学 术语知识库", ["EcoLexicon", "术语学", "术语知识库"]),
        ("深度學習 in Python", ["深度學習 in Python"]),  # a lower-case word: running text
        ("深度學習 ResNeSt Grad-CAM LIME", ["深度學習 ResNeSt Grad-CAM LIME"]),  # Latin the most
    ],
)
def test_latin_terms_among_chinese_keywords_split_at_spaces(line: str, items: list[str]) -> None:
    assert split_keywords(line) == items


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("1. 大型語言模型  2. 跨領域研究  3. 知識圖譜", ["大型語言模型", "跨領域研究", "知識圖譜"]),
        ("(1)資訊安全 (2)內部控制", ["資訊安全", "內部控制"]),
        ("1、甲乙；2、丙丁", ["甲乙", "丙丁"]),
        ("1. Large Language Models 2. Knowledge Graph", ["Large Language Models", "Knowledge Graph"]),
    ],
)
def test_numbered_lists_on_one_line(line: str, items: list[str]) -> None:
    assert numbered_items(line) == items
    assert split_keywords(line) == items
    assert is_keyword_line(line)


@pytest.mark.parametrize("line", ["1.5T MRI 2. 腦", "2. 甲 3. 乙", "1. Introduction", "1. 甲 3. 乙"])
def test_not_numbered_lists(line: str) -> None:
    assert numbered_items(line) is None


def test_a_list_number_and_a_decimal() -> None:
    assert list_number("2. 服務品質") == (2, "服務品質")
    assert list_number("(3)資訊治理") == (3, "資訊治理")
    assert list_number("1.5T MRI") is None
    assert list_number("1.") is None


def test_a_lone_keyword_loses_its_ideographic_full_stop() -> None:
    assert split_keywords("談戀愛。") == ["談戀愛"]
    assert split_keywords("U.S.") == ["U.S."]


@pytest.mark.parametrize(
    "line",
    [
        "（1. 某大學 文學院，北京 100871；2. 某研究所，上海 200000）",
        "(Department of Chinese Literature, Shih Hsin University)",
        "(某大学图书馆 200000)",
    ],
)
def test_an_affiliation_in_parentheses_is_no_keyword(line: str) -> None:
    assert affiliation_line(line)
    assert not is_keyword_line(line)


@pytest.mark.parametrize("line", ["(B to B)", "(1) 甲 (2) 乙", "企業對企業 (B to B)"])
def test_brackets_that_are_no_affiliation(line: str) -> None:
    assert not affiliation_line(line)


# ------------------------------------------------------------------------------ labels

def test_an_english_label_before_a_two_space_list() -> None:
    m = match_label("Key Words democratic value  political trust")
    assert m is not None and m.label.field is Field.KEYWORDS
    assert m.value == "democratic value  political trust"
    assert match_label("Keyword extraction methods") is None


def test_an_english_label_is_capitalised() -> None:
    assert match_label("subject librarians; intermediary service") is None
    m = match_label("Subject librarians; intermediary service")
    assert m is not None and m.label.field is Field.KEYWORDS


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("dc.subject\t深度學習\tzh_TW", Field.KEYWORDS),
        ("dc.title.alternative\tA Study\ten_US", Field.TITLE_OTHER),
        ("dc.contributor.advisor\t楊定揮", Field.ADVISORS),
        ("dc.contributor.author\t李魁修", Field.AUTHORS),
        ("dc.description.abstract\t本研究", Field.ABSTRACT),
        ("dc.date.issued\t2021", Field.DATE),
        ("dc.subject.classification\tG250", Field.OTHER),
        ("dc.identifier.uri\thttp://x", Field.OTHER),
    ],
)
def test_dublin_core_element_names(line: str, field: Field) -> None:
    m = match_label(line)
    assert m is not None and m.label.field is field


def test_a_language_column() -> None:
    assert language_column("深度學習\tzh_TW") == ("深度學習", "zh")
    assert language_column("Deep Learning\ten") == ("Deep Learning", "en")
    assert language_column("深層学習\tja") == ("深層学習", "other")
    assert language_column("甲\t乙") == ("甲\t乙", None)


# --------------------------------------------------------------------------- labelled pages

def test_a_full_item_record_with_a_language_column() -> None:
    page = (
        "DC Field\tValue\tLanguage\ndc.contributor.author\t李魁修\t\n"
        "dc.subject\t深度學習\tzh_TW\ndc.subject\t神經網路\tzh_TW\n"
        "dc.subject\tDeep Learning\ten_US\ndc.subject\tNeural Network\ten_US\n"
        "dc.title\t利用深度學習\tzh_TW\ndc.type\tthesis\n"
    )
    assert _read(page) == (["深度學習", "神經網路"], ["Deep Learning", "Neural Network"])


def test_a_full_item_record_without_languages() -> None:
    page = "dc.title\t甲乙之研究\ndc.subject\t深度學習\ndc.subject\tDeep Learning\ndc.type\tthesis\n"
    assert _read(page) == (["深度學習"], ["Deep Learning"])


def test_a_numbered_list_one_keyword_per_line() -> None:
    page = "題名：服務之研究\n關鍵詞:\n1. 客戶忠誠度\n2. 服務品質\nKey words:\n1. Customer Loyalty\n2. Service Quality\n"
    assert _read(page) == (["客戶忠誠度", "服務品質"], ["Customer Loyalty", "Service Quality"])


def test_a_numbered_heading_after_a_list_is_not_a_keyword() -> None:
    page = "題名：服務之研究\n關鍵詞：服務品質；顧客\n1. 前言\n摘要：本研究探討服務。\n"
    assert _read(page)[0] == ["服務品質", "顧客"]


@pytest.mark.parametrize(
    ("page", "zh", "en"),
    [
        (  # a Chinese keyword broken by the column
            "題名：甲\n關鍵詞：現實主義；權力平衡；越南外交政\n策\nKey words: realism; balance; policy\n",
            ["現實主義", "權力平衡", "越南外交政策"],
            ["realism", "balance", "policy"],
        ),
        (  # an English keyword broken, the rest starting in lower case
            "題名：甲\n关键词：糖尿病；干预\nKey words: Type 2 diabetes; Family\nintervention\n",
            ["糖尿病", "干预"],
            ["Type 2 diabetes", "Family intervention"],
        ),
        (  # the break right before a separator
            "題名：甲\n关键词：术语；专业性；约定俗成性\n；新冠肺炎\nKey words: term; profession; usage; COVID-19\n",
            ["术语", "专业性", "约定俗成性", "新冠肺炎"],
            ["term", "profession", "usage", "COVID-19"],
        ),
    ],
)
def test_a_keyword_line_wrapped_by_a_narrow_column(page: str, zh: list[str], en: list[str]) -> None:
    assert _read(page) == (zh, en)


def test_the_english_list_under_a_chinese_one_ending_in_latin_terms_is_not_a_wrap() -> None:
    page = "題名：甲\n關鍵詞：遷移學習；卷積網路；ResNeSt；LIME\nTransfer Learning; Convolutional Networks\n"
    # The Chinese line with two Latin terms is no list in each language: the English list is
    # the line under it, and the Latin terms stay on the Chinese list.
    assert _read(page) == (["遷移學習", "卷積網路", "ResNeSt", "LIME"],
                           ["Transfer Learning", "Convolutional Networks"])


@pytest.mark.parametrize(
    ("page", "zh", "en"),
    [
        ("題名：甲\n關鍵詞：深度學習、卷積神經網路、CNN、LSTM\n"
         "deep learning, convolutional neural network, CNN, LSTM\n摘要：本文。\n",
         ["深度學習", "卷積神經網路", "CNN", "LSTM"],
         ["deep learning", "convolutional neural network", "CNN", "LSTM"]),
        ("題名：甲\n關鍵詞\n資料探勘；關聯規則；SQL；XML\n"
         "data mining; association rules; structured query language; markup\n",
         ["資料探勘", "關聯規則", "SQL", "XML"],
         ["data mining", "association rules", "structured query language", "markup"]),
    ],
)
def test_both_lists_under_one_label_the_chinese_ending_in_latin_terms(
    page: str, zh: list[str], en: list[str]
) -> None:
    assert _read(page) == (zh, en)


def test_a_line_holding_both_lists_still_ends_the_field() -> None:
    page = "題名：甲\n關鍵詞：深度學習；卷積網路；deep learning; convolutional networks\nRNN, LSTM\n"
    zh, en = _read(page)
    assert (zh, en[:2]) == (["深度學習", "卷積網路"], ["deep learning", "convolutional networks"])


def test_a_short_line_after_complete_lists_is_not_a_wrap() -> None:
    page = "題名：甲\n關鍵詞：美國股票、機器學習\nU.S. stock, machine learning\n統計\n本論文已被瀏覽 38 次\n"
    assert _read(page) == (["美國股票", "機器學習"], ["U.S. stock", "machine learning"])


def test_a_capitalised_label_word_in_a_list_of_one_keyword_per_line() -> None:
    # ``Subject librarians`` under a Chinese label is a keyword, not the label printed again
    # in English (that only follows the label's own value).
    page = "題名：甲\n關鍵詞\n高校圖書館\n學科館員\nlibraries\nSubject librarians\n摘要：本文。\n"
    assert _read(page) == (["高校圖書館", "學科館員"], ["libraries", "Subject librarians"])


def test_a_label_line_after_one_keyword_on_the_label_line() -> None:
    page = "關鍵詞：第二語言焦慮\n收錄：北大核心\n題名：焦慮之研究\nKeywords: anxiety\n"
    assert _read(page) == (["第二語言焦慮"], ["anxiety"])


def test_a_colon_inside_a_list_that_goes_on_under_the_label_line() -> None:
    page = "Title:\t甲\nKeywords:\t奥运档案\n档案利用:档案资源开发\n北京市档案馆\nOlympic archives\nIssue Date:\t2023\n"
    assert _read(page) == (["奥运档案", "档案利用:档案资源开发", "北京市档案馆"], ["Olympic archives"])


def test_an_affiliation_under_the_authors_on_a_page_without_blank_lines() -> None:
    page = ("A Study of Route Guidance\n路徑導引之研究\n鄭珮琪 / Pei-Chi Cheng\n（某大學 文學院，北京 100871）\n"
            "路徑選擇\n認知地圖\nroute choice\ncognitive map\n")
    assert _read(page) == (["路徑選擇", "認知地圖"], ["route choice", "cognitive map"])


# ----------------------------------------------------------------------------- names

def test_surname_comma_given_name_by_sound() -> None:
    people = [Person("蕭玲蓉", None, 1), Person("陳定國", None, 1)]
    assert romanizations(people, "Hsiao, Ling-jung, Chen, Ding-guo") == [
        "Hsiao, Ling-jung", "Chen, Ding-guo"]
    assert romanizations(people[:1], "Hsiao, Ling-jung1") == ["Hsiao, Ling-jung"]
    assert romanizations(people[:1], "Chen, Ding-guo") is None


def test_romanized_names_of_a_labelled_page_by_position_when_most_sound_right() -> None:
    page = ("作者：彭佩儀、藍旻暉、史麗珠\n關鍵詞：婚前健康檢查；滿意度\n分类号：R1\n"
            "Satisfaction Survey of a Premarital Health Examination\n"
            "Pei-I Peng1, Min-Huei Lan2, Lai-Chu See3\n"
            "Key words: premarital health examination; satisfaction\n")
    rec = parse_records(page.encode(), "page.txt")[0]
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("彭佩儀", "Pei-I Peng"), ("藍旻暉", "Min-Huei Lan"), ("史麗珠", "Lai-Chu See")]
    wrong = page.replace("Pei-I Peng1, Min-Huei Lan2", "John Smith1, Mary Jones2")
    rec = parse_records(wrong.encode(), "page.txt")[0]
    assert all(p.en is None for p in rec.authors)


# ----------------------------------------------------------------------------- number keywords

@pytest.mark.parametrize(
    ("page", "zh", "en"),
    [
        # A spaced Chinese list with a number in it (a thesis system's keyword row).
        ("中文關鍵詞：社區韌性 災後重建 921\n外文關鍵詞：community resilience  reconstruction\n",
         ["社區韌性", "災後重建", "921"], ["community resilience", "reconstruction"]),
        # A list wrapped by a narrow column after a separator, the number alone below.
        ("題名：甲\n關鍵詞：社區韌性；災後重\n建；防災教育；\n1999\nKey words: community resilience;\n"
         "reconstruction; education\n摘要：本文。\n",
         ["社區韌性", "災後重建", "防災教育", "1999"],
         ["community resilience", "reconstruction", "education"]),
        # One keyword per line, the Chinese list only ending in a number, a label under it.
        ("題名：甲\n中文關鍵詞\n社區韌性\n災後重建\n921\n英文關鍵詞\ncommunity resilience\nreconstruction\n",
         ["社區韌性", "災後重建", "921"], ["community resilience", "reconstruction"]),
        ("題名：甲\n關鍵詞\n社區韌性\n災後重建\n921\n摘要：本文。\n", ["社區韌性", "災後重建", "921"], []),
        ("Title: A study\nKeywords\ncommunity resilience\nreconstruction\n1999\nAbstract: This.\n",
         [], ["community resilience", "reconstruction", "1999"]),
    ],
)
def test_a_number_keyword_last_in_one_list(page: str, zh: list[str], en: list[str]) -> None:
    assert _read(page) == (zh, en)


@pytest.mark.parametrize(
    "page",
    [
        # A number alone under the lists with a blank line or nothing under it: a page count.
        "題名：甲\n關鍵詞\n社區韌性\n災後重建\n120\n",
        "題名：甲\n關鍵詞\n社區韌性\n災後重建\n120\n\n摘要：本文。\n",
        "題名：甲\n關鍵詞：社區韌性；災後重建\nKeywords: community resilience; reconstruction\n120\n",
    ],
)
def test_a_number_under_the_lists_that_is_no_keyword(page: str) -> None:
    zh, en = _read(page)
    assert "120" not in zh + en


# ----------------------------------------------------------------------------- label words as keywords

@pytest.mark.parametrize(
    ("page", "zh", "en"),
    [
        # One label, one keyword per line, both lists under it; the abstract further down.
        ("題名：甲\n作者：王小明\n關鍵詞：\n文獻計量\n摘要\nbibliometrics\nabstract\n摘要：本研究探討文獻計量。\n",
         ["文獻計量", "摘要"], ["bibliometrics", "abstract"]),
        # The word last in the Chinese list, the English label right under it.
        ("題名：甲\n關鍵詞:\n文獻計量\n資訊檢索\n摘要\nKeywords:\nbibliometrics\ninformation retrieval\n",
         ["文獻計量", "資訊檢索", "摘要"], ["bibliometrics", "information retrieval"]),
    ],
)
def test_a_label_word_as_a_keyword_in_a_list_of_one_per_line(
    page: str, zh: list[str], en: list[str]
) -> None:
    assert _read(page) == (zh, en)


def test_a_label_word_over_its_paragraph_under_a_list_is_a_label() -> None:
    page = "題名：甲\n關鍵詞：\n文獻計量\n資訊檢索\n摘要\n本研究以文獻計量方法分析近十年之研究趨勢，並提出建議。\n"
    rec = parse_records(page.encode(), "page.txt")[0]
    assert rec.keywords_zh == ["文獻計量", "資訊檢索"]
    assert rec.abstract_zh is not None and rec.abstract_zh.startswith("本研究")


# ----------------------------------------------------------------------------- pages without blank lines

def _read_page(text: str) -> tuple[list[str], list[str], list[str | None]]:
    rec = parse_records(text.encode(), "page.txt")[0]
    return rec.keywords_zh, rec.keywords_en, [p.zh for p in rec.authors]


@pytest.mark.parametrize(
    ("page", "zh", "en"),
    [
        # A Latin term opens the Chinese list of one keyword per line.
        ("Design of a Knowledge Platform for Research Institutes\n研究所群組知識平台之設計\n"
         "王小明, 李大華\nWang Xiaoming, Li Dahua\nDrupal\n內容管理\n知識平台\n"
         "Drupal\ncontent management\nknowledge platform\n",
         ["Drupal", "內容管理", "知識平台"], ["Drupal", "content management", "knowledge platform"]),
        # A number opens it (and the English one).
        ("Community Resilience after the Earthquake\n地震後之社區韌性\n王小明, 李大華\n"
         "Wang Xiaoming, Li Dahua\n921\n社區韌性\n災後重建\n921\ncommunity resilience\nreconstruction\n",
         ["921", "社區韌性", "災後重建"], ["921", "community resilience", "reconstruction"]),
        # A slash author line above a list opening with a Latin term.
        ("A Study of Terminology Databases\n術語資料庫研究\n張文華 陳美玲 / ZHANG Wenhua, CHEN Meiling\n"
         "TermWiki\n術語學\n術語資料庫\nTermWiki\nterminology\nterminology database\n2021年4期\n",
         ["TermWiki", "術語學", "術語資料庫"], ["TermWiki", "terminology", "terminology database"]),
    ],
)
def test_a_latin_term_or_number_opening_a_chinese_list_without_blank_lines(
    page: str, zh: list[str], en: list[str]
) -> None:
    assert _read_page(page)[:2] == (zh, en)


def test_one_name_without_a_common_surname_under_the_title() -> None:
    # The name's surname is not among the common ones; the lists' counts say the line at
    # the head of the Chinese one is one too many.
    page = ("On Generating Legal Terms\n論法律術語之生成\n禚濤\n術語生成\n法律語言\n構成要件\n"
            "term generation\nlegal language\nelements of an offence\n")
    zh, en, _ = _read_page(page)
    # (The line is then kept apart as unrecognised, not read as an author: the author
    # reader still wants a common surname there.)
    assert (zh, en) == (["術語生成", "法律語言", "構成要件"],
                        ["term generation", "legal language", "elements of an offence"])
