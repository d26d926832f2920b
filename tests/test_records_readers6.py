"""Page-reading misreads left by earlier rounds (readers6), one test per shape.

Each page is in the shape of a real page; its terms and names are made up. Each test failed
on the readers before its fix. The oracle is what a reader of the page sees: the record's
own title, authors and lists.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records


def _read(page: str, name: str = "p.txt") -> Record:
    (rec,) = parse_records(page.encode("utf-8"), name)
    return rec


TITLE_ZH = "基於深度學習之股價預測研究"
ZH = ["深度學習", "LSTM", "股價預測"]
EN = ["deep learning", "LSTM", "stock price prediction"]


@pytest.mark.parametrize("title_en", [
    "A Study of Stock Price Prediction Based on Deep Learning Models in Taiwan",
    # not built like a title: the count of the lists says it is one line too many
    "Stock Price Prediction Based on Deep Learning",
])
@pytest.mark.parametrize("blank", ["\n", ""])
def test_a_latin_term_inside_a_chinese_list_one_per_line(title_en: str, blank: str) -> None:
    """An acronym among the Chinese keywords printed one per line (``深度學習`` / ``LSTM`` /
    ``股價預測``) was taken for the start of the English list: with blank lines kept, the
    English block under it was not merged (the list already had a Latin line) and was lost;
    without them, the run was cut at the acronym and the first keyword lost."""
    page = blank.join([f"{TITLE_ZH}\n", f"{title_en}\n", "\n".join(ZH) + "\n",
                       "\n".join(EN) + "\n"])
    rec = _read(page)
    assert (rec.title_zh, rec.title_en) == (TITLE_ZH, title_en)
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


def test_a_latin_term_last_in_the_chinese_list_one_per_line() -> None:
    page = "\n".join([TITLE_ZH, "", "Stock Price Prediction Based on Deep Learning", "",
                      "深度學習", "股價預測", "時間序列", "LSTM", "",
                      "deep learning", "stock price prediction", "time series", "LSTM"]) + "\n"
    rec = _read(page)
    assert rec.keywords_zh == ["深度學習", "股價預測", "時間序列", "LSTM"]
    assert rec.keywords_en == ["deep learning", "stock price prediction", "time series", "LSTM"]


SEP_ZH = ["行動學習", "擴增實境", "學習成效"]
SEP_EN = ["mobile learning", "augmented reality", "learning effectiveness"]


@pytest.mark.parametrize(("sep_zh", "sep_en"), [("・", "; "), ("｜", " | "), (" ｜ ", "; "),
                                                ("･", ", ")])
def test_middle_dots_and_bars_between_keywords(sep_zh: str, sep_en: str) -> None:
    """``・`` (a Japanese-style list) and ``｜`` set apart the items of a keyword field, and of
    a keyword line on a page: the whole line was one keyword."""
    labelled = (f"題名：行動擴增實境學習之研究\n關鍵詞：{sep_zh.join(SEP_ZH)}\n"
                f"Keywords: {sep_en.join(SEP_EN)}\n")
    page = (f"行動擴增實境學習之研究\n\nA Study of Mobile Augmented Reality Learning\n\n"
            f"{sep_zh.join(SEP_ZH)}\n\n{sep_en.join(SEP_EN)}\n")
    for text in (labelled, page):
        rec = _read(text)
        assert (rec.keywords_zh, rec.keywords_en) == (SEP_ZH, SEP_EN), text


@pytest.mark.parametrize("name", ["約翰・洛克", "漢娜・鄂蘭", "馬克斯・韋伯", "阿爾伯特・愛因斯坦"])
def test_a_transliterated_name_dotted_so_stays_one_keyword(name: str) -> None:
    """The same dot joins the parts of a transliterated name: its parts are proper nouns
    of the dictionary or characters that spell sounds, no common words."""
    rec = _read(f"題名：政治哲學之研究\n關鍵詞：{name}；自由主義\nKeywords: {name}; liberalism\n")
    assert rec.keywords_zh == [name, "自由主義"]


def test_one_bar_on_a_page_line_is_no_list() -> None:
    # a page's title with its site after a bar is not split by the rule above
    from termkit.records.keywords import split_keywords

    assert split_keywords("行動學習之研究｜臺灣博碩士論文") == ["行動學習之研究｜臺灣博碩士論文"]
    assert split_keywords("關鍵詞：行動學習｜擴增實境") == ["行動學習", "擴增實境"]


@pytest.mark.parametrize("blank", ["\n", ""])
@pytest.mark.parametrize("names", [["仝小林", "朱向东"], ["朱向东", "仝小林"]])
def test_two_authors_one_of_a_surname_only_the_dictionary_lists(
        names: list[str], blank: str) -> None:
    """A line of two Chinese names, one of a surname outside the common list that CC-CEDICT
    gives as a surname (``仝``: "used as a surname"), is the author line: it was read as
    nothing (an unrecognised section). A row of three names allowed one such name already."""
    page = blank.join(["糖尿病中医治疗研究进展\n", "、".join(names) + "\n",
                       "糖尿病；中医药；治疗\n",
                       "diabetes; traditional Chinese medicine; treatment\n"])
    rec = _read(page)
    assert [p.zh for p in rec.authors] == names
    assert rec.keywords_zh == ["糖尿病", "中医药", "治疗"]


def test_two_keywords_are_no_authors_for_a_surname_of_the_dictionary() -> None:
    # a word of the dictionary is no name, whatever its first character
    from termkit.records.authors import parse_authors

    assert parse_authors("中医药、糖尿病", strict=True) is None
    assert parse_authors("教育、王小明", strict=True) is None


@pytest.mark.parametrize("sentence", [
    "This study explores health promotion.",
    "We examine the effects of exercise on older adults.",
])
def test_a_short_english_abstract_of_one_sentence(sentence: str) -> None:
    """One short English sentence under the keywords is the abstract, as a longer one is:
    it was kept as an unrecognised section."""
    page = ("高齡者健康促進之研究\n\nA Study of Health Promotion for Older Adults\n\n"
            f"高齡者；健康促進\n\nolder adults; health promotion\n\n{sentence}\n")
    rec = _read(page)
    assert rec.abstract_en == sentence
    assert [s.name for s in rec.sections] == []


def test_a_statistics_sentence_under_the_keywords_is_no_abstract() -> None:
    page = ("高齡者健康促進之研究\n\nA Study of Health Promotion for Older Adults\n\n"
            "高齡者；健康促進\n\nolder adults; health promotion\n\n"
            "The thesis has been browsed 120 times.\n")
    rec = _read(page)
    assert rec.abstract_en is None


LONG_ZH = "中小學教師專業發展評鑑實施計畫"
LONG_EN = "program of teacher evaluation for professional development"


def test_a_keyword_as_long_as_a_title_heading_the_chinese_list_under_the_titles() -> None:
    """On a page without blank lines, under both titles, a programme's name as long as a title
    heading the Chinese list one per line was read as a third title and lost from the list:
    the English list has a line for it (as many Latin lines as Han ones, counting it)."""
    page = "\n".join(["The Evaluation of Teachers in Taiwan", "臺灣中小學教師評鑑制度之研究",
                      LONG_ZH, "教師評鑑", "專業發展", LONG_EN, "teacher evaluation",
                      "professional development", "10卷3期"]) + "\n"
    rec = _read(page)
    assert rec.title_zh == "臺灣中小學教師評鑑制度之研究"
    assert rec.keywords_zh == [LONG_ZH, "教師評鑑", "專業發展"]
    assert rec.keywords_en == [LONG_EN, "teacher evaluation", "professional development"]


def test_the_second_line_of_a_chinese_title_is_no_keyword() -> None:
    # the Chinese list one line too many for the English one: the line is the title's
    page = "\n".join(["The Evaluation of Teachers in Taiwan", "臺灣中小學教師評鑑制度之研究",
                      "以專業發展評鑑實施計畫為例之分析", "教師評鑑", "專業發展",
                      "teacher evaluation", "professional development", "10卷3期"]) + "\n"
    rec = _read(page)
    assert rec.keywords_zh == ["教師評鑑", "專業發展"]


@pytest.mark.parametrize(("zh", "en"), [
    ("(1)資訊安全", "(1)information security"),
    ("1. 資訊安全", "1. information security"),
    ("（1）資訊安全。", "（1）information security."),
    ("資訊安全。", "information security."),
])
@pytest.mark.parametrize("blank", ["\n", ""])
def test_one_keyword_each_in_a_decorated_field(zh: str, en: str, blank: str) -> None:
    """A field of one keyword keeps the decoration of a list: its number (``(1)資訊安全``,
    read as part of the keyword; ``1. 資訊安全``, read as the body's first heading, so the
    field was empty) or its closing full stop (``information security.``)."""
    page = blank.join(["實施資訊安全政策對銀行之影響\n",
                       "The Influence of Implementing Information Security Policy\n",
                       f"關鍵詞：{zh}\n", f"Keywords：{en}\n"])
    rec = _read(page)
    assert (rec.keywords_zh, rec.keywords_en) == (["資訊安全"], ["information security"])


def test_a_numbered_field_one_keyword_a_line() -> None:
    page = ("題名：資訊安全政策之研究\n關鍵詞：1. 資訊安全\n2. 內部控制\n3. 風險管理\n"
            "Keywords: 1. information security\n2. internal control\n3. risk management\n")
    rec = _read(page)
    assert rec.keywords_zh == ["資訊安全", "內部控制", "風險管理"]
    assert rec.keywords_en == ["information security", "internal control", "risk management"]


@pytest.mark.parametrize("item", ["U.S.", "Apple Co.", "Jr."])
def test_an_abbreviation_keeps_its_stop(item: str) -> None:
    from termkit.records.keywords import field_lines

    assert field_lines([item]) == [item]


@pytest.mark.parametrize("label", ["Key words", "Key Words", "Keywords", "KEY WORDS"])
def test_a_label_with_one_space_before_one_english_keyword(label: str) -> None:
    """A journal PDF's English keyword line of one item, its colon lost (``Key words term``
    beside ``关 键 词 术语``): an English label with one space after it was taken only before
    a list, so the English keyword was lost."""
    page = ("术语学研究\n\n关 键 词 术语\n\n"
            "Abstract This study examines terms and their use in practice over many years.\n\n"
            f"{label} terminology\n")
    rec = _read(page)
    assert (rec.keywords_zh, rec.keywords_en) == (["术语"], ["terminology"])


@pytest.mark.parametrize("line", ["Keyword Co-occurrence", "Keywords in Context",
                                  "Key Words for American Studies"])
def test_a_keyword_or_title_opening_with_the_label_word_is_no_label(line: str) -> None:
    from termkit.records.labels import match_label

    assert match_label(line) is None


def test_a_label_word_as_the_last_keyword_one_per_line() -> None:
    """``摘要`` / ``abstract`` as keywords printed one per line on a page without blank lines
    made the page pass for a labelled one (two bare labels over values): the Chinese list was
    cut at the first keyword. Under an abstract's label stands running text, not an item."""
    page = "\n".join(["Automatic Summarization of Legal Documents", "法律文件自動摘要之研究",
                      "張國城(Kuo-Cheng Chang)", "自然語言處理", "法律文件", "摘要",
                      "natural language processing", "legal documents", "abstract",
                      "10卷3期(2014 / 09 / 01)"]) + "\n"
    rec = _read(page)
    assert rec.keywords_zh == ["自然語言處理", "法律文件", "摘要"]
    assert rec.keywords_en == ["natural language processing", "legal documents", "abstract"]


@pytest.mark.parametrize("abstract", [
    "本研究探討法律文件自動摘要之方法，並以實際案例驗證其成效。",
    "本研究以深度學習方法建構法律文件自動摘要系統並以實際判決書",
])
def test_a_bare_abstract_label_over_its_paragraph_still_counts(abstract: str) -> None:
    from termkit.records.scan import is_labelled

    assert is_labelled(f"題名：法律文件自動摘要之研究\n摘要\n{abstract}\n")


@pytest.mark.parametrize("head", [[], ["北京奥运档案的开发利用研究"]])
def test_one_chinese_name_a_line_over_the_romanized_names(head: list[str]) -> None:
    """A mainland page without blank lines printing one Chinese name a line, the romanized
    names together on the line under them (with the affiliation): only a name over its own
    romanization was an author block, so the names were read one by one or as keywords."""
    page = "\n".join([*head, "梅佳", "吴克萍", "岳彦如",
                      "MEI Jia;WU Keping;YUE Yanru(Beijing Municipal Archives,Beijing 100022)",
                      "奥运档案", "档案利用", "Olympic archives", "Archives utilization",
                      "2023年第6期39-43,共5页"]) + "\n"
    rec = _read(page)
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("梅佳", "MEI Jia"), ("吴克萍", "WU Keping"), ("岳彦如", "YUE Yanru")]
    assert (rec.keywords_zh, rec.keywords_en) == (
        ["奥运档案", "档案利用"], ["Olympic archives", "Archives utilization"])


@pytest.mark.parametrize(("first", "rest"), [
    ("teaching of imitative", "writing"),
    ("Scholarship of teaching and learning", "(SoTL)"),
])
def test_a_wrapped_english_keyword_under_its_label(first: str, rest: str) -> None:
    """The English field of one keyword wrapped onto the next line (a narrow column) was read
    as two keywords; the Chinese field's one item says it is one."""
    page = (f"題名：仿寫作文教學之研究\n關鍵詞：仿寫作文教學\nKey words: {first}\n{rest}\n"
            "摘要：本研究旨在探討仿寫作文教學的相關問題。\n")
    rec = _read(page)
    assert rec.keywords_en == [f"{first} {rest}"]


def test_an_english_list_line_by_line_keeps_its_items() -> None:
    # each line ends at an item's end and the lists are as long: nothing joined
    page = ("題名：仿寫作文教學之研究\n關鍵詞：仿寫教學；作文\nKey words: imitative teaching\n"
            "writing\n摘要：本研究旨在探討仿寫作文教學的相關問題。\n")
    rec = _read(page)
    assert rec.keywords_en == ["imitative teaching", "writing"]


def test_a_chinese_label_alone_under_an_english_list_one_per_line() -> None:
    """A database page of one label a line (``Keywords`` / its item / ``刊名`` / its value):
    a minor label alone under a list of one keyword per line was taken for a keyword
    (``school`` would be), so the journal's name and the DOI joined the English list. A
    Chinese label word is no item of an English list."""
    page = ("篇名\n台灣佛教建築原型宗教意涵之研究\n並列篇名\n"
            "The Religious Significance of Taiwanese Buddhist Architecture\n作者\n李雲荷\n"
            "關鍵詞\n台灣佛教\nKeywords\nTaiwan Buddhism\n刊名\n建築學報\nDOI\n"
            "10.6846/TKU.2010.01174\n")
    rec = _read(page)
    assert (rec.keywords_zh, rec.keywords_en) == (["台灣佛教"], ["Taiwan Buddhism"])


def test_an_affiliation_line_is_no_keyword_block() -> None:
    """A page without blank lines: the title, the author, the affiliation in brackets, then
    a keyword line holding both lists of one keyword each, a poet's name and its romanization
    (``杜甫 ; Du Fu``, shaped like an author line). The affiliation (a comma, a postcode) was
    read as the Chinese keyword and the real line lost."""
    page = ("Imagery and Beauty in Du Fu's Poems on Old Cypresses\n鍾宇翡(Yu-Fei Chung)\n"
            "(某大學圖書館，上海 200000)\n杜甫 ; Du Fu\n36卷1期(2017 / 05 / 01)\n")
    rec = _read(page)
    assert [(p.zh, p.en) for p in rec.authors] == [("鍾宇翡", "Yu-Fei Chung")]
    assert (rec.keywords_zh, rec.keywords_en) == (["杜甫"], ["Du Fu"])


@pytest.mark.parametrize("bullet", ["★", ""])
def test_a_latin_term_listed_once_in_each_list_one_line_each(bullet: str) -> None:
    """A field of both lists one keyword a line whose only keyword is a Latin term (a
    software's name) prints it twice: both copies went to the English list and the Chinese
    list was empty. One list printed twice, one item a line, is one list in each language."""
    page = (f"題名：主從模式知識平台之設計與實現\n作者：劉毅、王峰\n關鍵詞：\n{bullet}Liferay\n"
            f"{bullet}Liferay\n摘要：本研究旨在探討知識平台之設計與實現的相關問題。\n")
    rec = _read(page)
    assert (rec.keywords_zh, rec.keywords_en) == (["Liferay"], ["Liferay"])


def test_an_english_list_on_one_line_with_a_repeated_item_stays_english() -> None:
    from termkit.records.keywords import assign_keywords

    kw = assign_keywords([("Liferay", 3), ("Liferay", 3)])
    assert (kw.zh, kw.en) == ([], ["Liferay", "Liferay"])
