"""Plausible pages the day's new reader rules misread (a hostile review of them).

The rules added for pages copied without blank lines, numbered and wrapped lists, Dublin Core
records, capitalised labels and spaced Chinese lists each fired somewhere they should not:
on a keyword that is a number (``921``, ``1949年``) or a gene (``p53``), on a label alone
under a list that ends in a separator, on a keyword with a list in brackets, on a Chinese
title with a Latin word in it, on the body's table of contents, on a poet named among the
keywords. The pages are made up in the layouts of the dev records (titles, an author line,
keyword lines, a volume line), with keywords of the kinds real lists have; each test failed
on the readers of that day and reads as the page was printed now.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records
from termkit.records.labels import Field, language_column, lookup
from termkit.records.shapes import certain_keyword_line


def read(text: str) -> Record:
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    return rec


def page(*blocks: str) -> str:
    """Blocks separated by blank lines (the example's layout)."""
    return "\n\n".join(blocks) + "\n"


def noblank(*lines: str) -> str:
    """A page copied without its blank lines."""
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------ numbers among the keywords

def test_a_number_in_a_list_of_one_keyword_per_line_is_a_keyword() -> None:
    # ``921`` (the earthquake) and ``p53`` (the gene) heading a list of one keyword per line:
    # a page count or a volume line has no keyword under it.
    rec = read(page(
        "Community Resilience after the Earthquake", "地震後社區韌性之研究",
        "林美玲\nMei-Ling Lin",
        "921\n社區韌性\n災後重建\n921\ncommunity resilience\npost-disaster reconstruction",
        "15卷2期", "23-45"))
    assert rec.keywords_zh == ["921", "社區韌性", "災後重建"]
    assert rec.keywords_en == ["921", "community resilience", "post-disaster reconstruction"]
    assert (rec.volume, rec.issue, rec.pages) == ("15", "2", "23-45")


def test_a_year_or_a_gene_under_a_keyword_label_is_a_keyword() -> None:
    rec = read("題名：戰後臺灣史學之研究\n作者：林美玲\n關鍵詞：\n1949年\n戰後史學\n國民政府\n"
               "Keywords:\n1949\npostwar historiography\nNationalist government\n")
    assert rec.keywords_zh == ["1949年", "戰後史學", "國民政府"]
    assert rec.keywords_en == ["1949", "postwar historiography", "Nationalist government"]
    rec = read("題名：p53基因之研究\n關鍵詞：\np53\n細胞凋亡\n腫瘤抑制\n"
               "Keywords:\nP300\napoptosis\ntumor suppression\n")
    assert rec.keywords_zh == ["p53", "細胞凋亡", "腫瘤抑制"]
    assert rec.keywords_en == ["P300", "apoptosis", "tumor suppression"]


def test_a_year_range_or_a_numbered_number_is_a_keyword() -> None:
    rec = read(page("War", "戰爭之研究", "林美玲\nMei-Ling Lin",
                    "1937-1945\n中日戰爭\n1937-1945\nSino-Japanese War", "3卷2期"))
    assert rec.keywords_zh == ["1937-1945", "中日戰爭"]
    assert rec.keywords_en == ["1937-1945", "Sino-Japanese War"]
    rec = read("題名：地震之研究\n關鍵詞：\n1. 921\n2. 災後重建\nKeywords:\n1. 921\n2. reconstruction\n")
    assert (rec.keywords_zh, rec.keywords_en) == (["921", "災後重建"], ["921", "reconstruction"])


def test_a_number_closing_both_lists_is_a_keyword_in_each() -> None:
    # The number is the last keyword of each list: nothing keyword-like follows the second
    # one, but it stands twice on the page, as a number keyword does (a page count once).
    rec = read("題名：地震後社區韌性之研究\n關鍵詞：\n社區韌性\n災後重建\n921\n"
               "community resilience\npost-disaster reconstruction\n921\n摘要：本研究探討社區韌性。\n")
    assert rec.keywords_zh == ["社區韌性", "災後重建", "921"]
    assert rec.keywords_en == ["community resilience", "post-disaster reconstruction", "921"]
    rec = read(noblank("Community Resilience after the Earthquake", "地震後社區韌性之研究",
                       "林美玲", "Mei-Ling Lin", "社區韌性", "災後重建", "921",
                       "community resilience", "post-disaster reconstruction", "921", "15卷2期"))
    assert rec.keywords_zh == ["社區韌性", "災後重建", "921"]
    assert rec.keywords_en == ["community resilience", "post-disaster reconstruction", "921"]


def test_a_page_count_under_one_keyword_per_line_still_ends_the_list() -> None:
    rec = read(page("Urban Heat Islands", "都市熱島效應", "王偉\nWei Wang",
                    "熱島效應\n都市規劃\nheat island\nurban planning\n128"))
    assert rec.keywords_zh == ["熱島效應", "都市規劃"]
    assert rec.keywords_en == ["heat island", "urban planning"]


# ------------------------------------------------------------------------ labelled pages

def test_a_label_alone_under_a_list_ending_in_a_separator_is_the_next_field() -> None:
    # A thesis system's layout with each label on its own line; the Chinese list ends in
    # ``、`` (as typed by the student), the English label is alone on the next line.
    rec = read("論文名稱\n偏鄉學校教師流動之研究\n研究生\n林美玲\n中文關鍵詞\n"
               "教師流動、偏鄉學校、留任因素、\n外文關鍵詞\n"
               "teacher mobility, rural schools, retention factors\n中文摘要\n"
               "本研究旨在探討偏鄉學校教師流動的相關問題。\n")
    assert rec.keywords_zh == ["教師流動", "偏鄉學校", "留任因素"]
    assert rec.keywords_en == ["teacher mobility", "rural schools", "retention factors"]
    rec = read("Title: Subject librarians\n關鍵詞：學科館員；資訊素養；大學圖書館；\n"
               "Keywords: subject librarians; information literacy; academic libraries;\n"
               "Abstract\nThis study examines subject librarians in academic libraries "
               "across Taiwan and their roles.\n")
    assert rec.keywords_en == ["subject librarians", "information literacy", "academic libraries"]


def test_a_lower_case_label_word_going_on_an_abstract_line_is_no_label() -> None:
    # The English abstract wrapped by the page so that a line starts with ``keywords:``.
    rec = read("題名：關鍵詞擷取之研究\n摘要：本研究探討關鍵詞擷取。\n"
               "Abstract: This study compares methods that extract the\n"
               "keywords: of a document, using term frequency and graph ranking on theses.\n"
               "關鍵詞：關鍵詞擷取；自動標引\nKeywords: keyword extraction; automatic indexing\n")
    assert rec.keywords_en == ["keyword extraction", "automatic indexing"]
    # A label in lower case after a finished abstract is a label (as some systems print it).
    rec = read("題名：關鍵詞擷取之研究\nAbstract: This study compares extraction methods.\n"
               "keywords: keyword extraction; automatic indexing\n關鍵詞：關鍵詞擷取；自動標引\n")
    assert rec.keywords_en == ["keyword extraction", "automatic indexing"]


def test_a_keyword_holding_a_list_in_brackets_is_no_wrapped_line() -> None:
    rec = read("題名：電子商務之研究\n關鍵詞：\n電子商務\n企業對企業(B2B、B2C)\n網路行銷\n"
               "Keywords:\ne-commerce\nbusiness-to-business (B2B, B2C)\ninternet marketing\n")
    assert rec.keywords_zh == ["電子商務", "企業對企業(B2B、B2C)", "網路行銷"]
    assert rec.keywords_en == ["e-commerce", "business-to-business (B2B, B2C)",
                               "internet marketing"]


def test_a_keyword_with_a_colon_deep_in_a_list_under_an_inline_keyword() -> None:
    # One keyword on the label's line, the rest one per line: a ``X: Y`` keyword further
    # down is a keyword, not an unknown label.
    rec = read("Title: Archival Use\nKeywords: 档案利用\n档案馆\narchival use\n"
               "archives: resource development\nIssue Date: 2017\n")
    assert rec.keywords_zh == ["档案利用", "档案馆"]
    assert rec.keywords_en == ["archival use", "archives: resource development"]


def test_label_printed_again_in_english_under_a_value_on_its_own_line() -> None:
    rec = read("論文名稱\n香港社區藝術之研究\nTitle Community Art in Hong Kong\n研究生\n黃賢強\n"
               "Author Sin Kiong Wong\n關鍵詞\n社區藝術、香港\nKeywords community art, Hong Kong\n")
    assert rec.title_en == "Community Art in Hong Kong"
    assert [(p.zh, p.en) for p in rec.authors] == [("黃賢強", "Sin Kiong Wong")]


def test_a_numbered_table_of_contents_under_the_lists_is_no_keyword() -> None:
    rec = read("題名：內部控制之研究\n關鍵詞：資訊安全、內部控制、風險管理\n"
               "Keywords: information security, internal control, risk management\n"
               "1. 緒論 2. 文獻探討\n")
    assert rec.keywords_zh == ["資訊安全", "內部控制", "風險管理"]
    assert rec.keywords_en == ["information security", "internal control", "risk management"]
    rec = read(page("Large Language Models", "大型語言模型之應用", "吳佳穎\nChia-Ying Wu",
                    "大型語言模型；跨領域研究\nlarge language models; interdisciplinary research\n"
                    "1. 緒論 2. 文獻探討 3. 研究方法", "3卷2期"))
    assert rec.keywords_zh == ["大型語言模型", "跨領域研究"]
    assert rec.keywords_en == ["large language models", "interdisciplinary research"]


def test_repository_dates_are_not_the_works_date() -> None:
    assert lookup("dc.date.accessioned").field is Field.OTHER  # type: ignore[union-attr]
    assert lookup("dc.date.available").field is Field.OTHER  # type: ignore[union-attr]
    assert lookup("dc.date.issued").field is Field.DATE  # type: ignore[union-attr]
    rec = read("dc.contributor.author\t林美玲\tzh_TW\n"
               "dc.date.accessioned\t2019-05-10T03:12:45Z\n"
               "dc.date.available\t2019-05-10T03:12:45Z\ndc.date.issued\t2018\n"
               "dc.title\t偏鄉學校教師流動之研究\tzh_TW\n"
               "dc.subject\t教師流動\tzh_TW\ndc.subject\tteacher mobility\ten\n")
    assert rec.date == "2018"


def test_an_unknown_code_after_a_tab_is_no_language_column() -> None:
    assert language_column("corpus\tnlp") == ("corpus\tnlp", None)
    assert language_column("深度學習\tzh_TW") == ("深度學習", "zh")
    assert language_column("Tiefes Lernen\tde") == ("Tiefes Lernen", "other")
    assert language_column("x\tpt_BR") == ("x", "other")


# -------------------------------------------------------------- spaced Chinese with Latin

def test_a_spaced_chinese_title_with_a_latin_word_is_a_title() -> None:
    assert not certain_keyword_line("ChatGPT 輔助 程式設計教學之成效")
    assert certain_keyword_line("智慧圖書館、ResNeSt、服務體系")
    rec = read(page(
        "ChatGPT Assisted Programming Instruction", "ChatGPT 輔助 程式設計教學之成效",
        "吳佳穎\nChia-Ying Wu",
        "生成式人工智慧、程式設計教學、學習成效\n"
        "generative AI, programming instruction, learning outcomes", "3卷2期", "10-30"))
    assert rec.title_zh == "ChatGPT 輔助 程式設計教學之成效"
    assert rec.keywords_zh == ["生成式人工智慧", "程式設計教學", "學習成效"]
    # The spaced list itself is still read in the keyword block.
    rec = read(page("Smart Libraries", "智慧圖書館服務", "吳佳穎\nChia-Ying Wu",
                    "智慧圖書館 服務體系 ResNeSt Grad-CAM\n"
                    "smart library; service system; ResNeSt; Grad-CAM", "3卷2期"))
    assert rec.keywords_zh == ["智慧圖書館", "服務體系", "ResNeSt", "Grad-CAM"]


# ------------------------------------------------------- pages without their blank lines

def test_short_titles_above_the_authors_are_titles_not_keywords() -> None:
    # Neither title is built like one; they stand above the name and its romanization, and
    # keywords do not come before the authors.
    rec = read(noblank(
        "Teachers and Inclusion", "教師與融合教育", "張美惠", "Mei-Hui Chang",
        "融合教育；教師態度；特殊需求學生",
        "inclusive education; teacher attitudes; students with special educational needs",
        "10卷1期", "1-22"))
    assert (rec.title_zh, rec.title_en) == ("教師與融合教育", "Teachers and Inclusion")
    assert [(p.zh, p.en) for p in rec.authors] == [("張美惠", "Mei-Hui Chang")]
    assert rec.keywords_zh == ["融合教育", "教師態度", "特殊需求學生"]
    rec = read(noblank("Mobile Learning", "行動學習之研究", "吳佳穎", "Chia-Ying Wu",
                       "行動學習", "mobile learning", "3卷2期", "10-30"))
    assert (rec.keywords_zh, rec.keywords_en) == (["行動學習"], ["mobile learning"])
    assert rec.title_zh == "行動學習之研究"


def test_a_name_among_the_keywords_under_the_author_block_is_a_keyword() -> None:
    # More Chinese keywords than English ones, the first a poet's name: the authors stood
    # apart above, so the name is no author line run into the list.
    rec = read(noblank(
        "Modernism in Taiwanese Poetry", "台灣現代詩的現代主義", "陳芳明", "Fang-Ming Chen",
        "鄭愁予", "現代詩", "現代主義", "詩學", "modern poetry", "modernism", "poetics", "7卷2期"))
    assert rec.keywords_zh == ["鄭愁予", "現代詩", "現代主義", "詩學"]
    assert rec.keywords_en == ["modern poetry", "modernism", "poetics"]
    assert [(p.zh, p.en) for p in rec.authors] == [("陳芳明", "Fang-Ming Chen")]


def test_a_name_opening_the_keywords_under_any_author_line_is_a_keyword() -> None:
    # The author line printed in other shapes (names with their romanization in brackets,
    # several names spaced): still the author block, so the poet's name stays a keyword.
    for authors in ("謝妃涵(Fei-Han Hsieh);陳詩涵(Shi-Han Chen)", "李倩倩 洪佳惠 闫浩",
                    "黎伊帆、江東亮"):
        rec = read(noblank(
            "Modernism in Taiwanese Poetry", "台灣現代詩的現代主義", authors,
            "鄭愁予", "現代詩", "現代主義", "詩學", "modern poetry", "modernism", "poetics",
            "7卷2期"))
        assert rec.keywords_zh == ["鄭愁予", "現代詩", "現代主義", "詩學"], authors
        assert rec.keywords_en == ["modern poetry", "modernism", "poetics"], authors


def test_a_long_keyword_under_the_author_line_is_no_title() -> None:
    # A programme's name as long as a title opens the Chinese keywords one per line; the
    # author line above it says the titles are over.
    rec = read(noblank(
        "A Study of Reading Literacy among Fifteen-Year-Olds in Taiwan", "張國城(Kuo-Cheng Chang)",
        "經濟合作暨發展組織國際學生能力評量計畫", "閱讀素養", "PISA", "reading literacy",
        "10卷3期"))
    assert rec.keywords_zh == ["經濟合作暨發展組織國際學生能力評量計畫", "閱讀素養"]
    assert rec.keywords_en == ["PISA", "reading literacy"]


def test_a_label_word_wrapped_off_a_list_is_its_last_keyword() -> None:
    # ``摘要`` (a keyword here) wrapped onto a line of its own under ``…；``, with the English
    # label under it: no abstract follows it, so it is the list's last keyword.
    rec = read("題名：摘要寫作之研究\n關鍵詞：學術寫作；寫作教學；\n摘要\n"
               "Key words: academic writing; writing instruction;\nabstract\n"
               "摘要：本研究探討摘要寫作。\n")
    assert rec.keywords_zh == ["學術寫作", "寫作教學", "摘要"]
    assert rec.keywords_en == ["academic writing", "writing instruction", "abstract"]


def test_a_list_line_ending_in_a_separator_goes_on_below() -> None:
    rec = read(noblank(
        "Urban Heat Islands", "都市熱島效應", "王偉", "Wei Wang",
        "熱島效應、都市規劃、綠地、", "公共衛生",
        "heat island, urban planning, green space,", "public health", "3卷2期"))
    assert rec.keywords_zh == ["熱島效應", "都市規劃", "綠地", "公共衛生"]
    assert rec.keywords_en == ["heat island", "urban planning", "green space", "public health"]


# ------------------------------------------------------------ separators inside brackets
# (found with ``python -m tests.kwmutations``, 'bracketed list last': 0 to 55 of 95 lists
# read exactly in 13 of its 20 families before these were fixed)

def test_a_comma_inside_brackets_of_a_semicolon_list_separates_nothing() -> None:
    rec = read(noblank("中文關鍵詞：電子商務；企業對企業(B2B、B2C)",
                       "英文關鍵詞：e-commerce; business-to-business (B2B, B2C)"))
    assert rec.keywords_zh == ["電子商務", "企業對企業(B2B、B2C)"]
    assert rec.keywords_en == ["e-commerce", "business-to-business (B2B, B2C)"]


def test_a_list_set_apart_by_spaces_keeps_its_bracketed_keyword_whole() -> None:
    # The only ``、`` of the line is inside brackets: the list is one of spaces.
    rec = read(noblank("中文關鍵詞:公司形象 知覺價值 企業對企業(B2B、B2C)",
                       "外文關鍵詞:corporate image; perceived value; B2B"))
    assert rec.keywords_zh == ["公司形象", "知覺價值", "企業對企業(B2B、B2C)"]


@pytest.mark.parametrize("lines", [
    ("關鍵詞：電子商務；網路行銷；企業對企業(B2B、", "B2C)",
     "Key words: e-commerce; online marketing; business-to-business", "(B2B, B2C)"),
    ("關鍵詞：電子商務；網路行銷；企業對企業", "(B2B、B2C)",
     "Key words: e-commerce; online marketing; business-to-business (B2B,", "B2C)"),
])
def test_a_list_wrapped_inside_brackets_or_before_them_is_joined(lines: tuple[str, ...]) -> None:
    rec = read(noblank("電子商務之研究", *lines, "摘要：本研究探討電子商務。"))
    assert rec.keywords_zh == ["電子商務", "網路行銷", "企業對企業(B2B、B2C)"]
    assert rec.keywords_en == ["e-commerce", "online marketing", "business-to-business (B2B, B2C)"]


@pytest.mark.parametrize("lines", [
    ("關鍵詞：民主價值；兩岸關係；档", "案利用：档案资源开发",
     "Key words: democratic value; cross-Strait relationship; archival use:",
     "resource development"),
    ("關鍵詞：民主價值；兩岸關係；档案利用", "：档案资源开发",
     "Key words: democratic value; cross-Strait relationship;",
     "archival use: resource development"),
])
def test_a_list_wrapped_inside_a_keyword_with_a_colon_is_joined(lines: tuple[str, ...]) -> None:
    # 'colon keyword last' in the wrapped family: 31 of 95 lists read exactly before.
    rec = read(noblank("檔案研究", *lines, "摘要：本研究探討檔案。"))
    assert rec.keywords_zh == ["民主價值", "兩岸關係", "档案利用：档案资源开发"]
    assert rec.keywords_en == ["democratic value", "cross-Strait relationship",
                               "archival use: resource development"]


def test_a_list_closed_by_a_full_stop_may_hold_one_long_term() -> None:
    # 'long keywords last', decorated family: 77 of 95 before (the Chinese list was prose).
    rec = read(noblank(
        "教師專業發展之研究", "關鍵詞：教師專業；專業發展；評鑑；中小學教師專業發展評鑑實施計畫。",
        "Key words：teacher professionalism; professional development; evaluation; program of "
        "teacher evaluation for professional development.", "摘要：本研究探討教師專業發展。"))
    assert rec.keywords_zh == ["教師專業", "專業發展", "評鑑", "中小學教師專業發展評鑑實施計畫"]


def test_a_long_english_keyword_wrapped_over_three_lines_stays_one() -> None:
    # 'long keywords last', wrapped family: 70 of 95 before (a line of one item under a
    # list line was taken for a list of one keyword per line).
    rec = read(noblank(
        "教師專業發展之研究", "關鍵詞：教師專業；專業發展；中小學教師專業發展評鑑實施計畫",
        "Key words: teacher", "professionalism; professional development;",
        "program of teacher evaluation for", "professional development",
        "摘要：本研究探討教師專業發展。"))
    assert rec.keywords_en == ["teacher professionalism", "professional development",
                               "program of teacher evaluation for professional development"]
