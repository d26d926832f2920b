"""Page-reading misreads left by earlier rounds (readers5), one test per shape.

Each page is in the shape of a real page; its terms and names are made up. Each test failed
on the readers before its fix. The oracle is what a reader of the page sees: the record's
own title, authors and lists.
"""

from __future__ import annotations

from termkit.model import Record
from termkit.records import parse_records


def _read(page: str, name: str = "p.txt") -> list[Record]:
    return parse_records(page.encode("utf-8"), name)


TITLE = "基于深度学习的图像识别研究"
NAMES = ["王小明", "李大华", "张伟"]
ZH = ["深度学习", "图像识别", "卷积神经网络"]


def test_an_author_line_of_a_page_without_blank_lines_is_no_keyword() -> None:
    """A mainland page's Chinese half copied without its blank lines (a CNKI-like page:
    the title, one line of names separated by ``、``, the keyword line; or no title at all).
    The page has one keyword list, so the reading by line (which reads the title and the
    names apart) was dropped: it found no list in each script. The title and the names were
    read as keywords (``王小明``, ``李大华`` … among the Chinese list)."""
    for sep in ("、", "，", "；"):
        authors = sep.join(NAMES)
        for kw_sep in ("；", "、"):
            keywords = kw_sep.join(ZH)
            for head in ([TITLE], []):
                page = "\n".join([*head, authors, keywords]) + "\n"
                (rec,) = _read(page)
                assert [p.zh for p in rec.authors] == NAMES, page
                assert rec.keywords_zh == ZH and rec.keywords_en == [], page
                assert rec.title_zh == (TITLE if head else None), page
    # With no author line, the title over the list was one more Chinese keyword too.
    (titled,) = _read(f"{TITLE}\n{'；'.join(ZH)}\n")
    assert titled.title_zh == TITLE and titled.keywords_zh == ZH and not titled.authors


def test_one_list_without_blank_lines_is_still_read() -> None:
    """What the reading by line must leave as it was: a page of one keyword per line, and
    the page of the test above with its blank lines."""
    (one_per_line,) = _read("\n".join(ZH) + "\n")
    assert one_per_line.keywords_zh == ZH and not one_per_line.authors
    (blank,) = _read(f"{TITLE}\n\n{'、'.join(NAMES)}\n\n{'；'.join(ZH)}\n")
    assert [p.zh for p in blank.authors] == NAMES and blank.keywords_zh == ZH


def test_names_of_several_affiliations_are_authors() -> None:
    """A CNKI-like author line whose names carry the numbers of several affiliations
    (``王小明1,2、李大华3``, as the superscripts are copied, or kept as superscripts): the
    comma between two numbers separates no names. Before, ``2`` was read as one more name,
    the line was no author line, and the page read it as its keyword list."""
    for marks in (["1,2", "3", "1"], ["1，2", "2*", "3"], ["¹²", "³", "¹"]):
        line = "、".join(name + mark for name, mark in zip(NAMES, marks, strict=True))
        for page in (f"{TITLE}\n\n{line}\n\n{'；'.join(ZH)}\n\nDeep learning; image recognition; "
                     "convolutional neural network\n",
                     f"{TITLE}\n{line}\n\n关键词：{'；'.join(ZH)}\n\nKey words: deep learning\n"):
            (rec,) = _read(page)
            assert [p.zh for p in rec.authors] == NAMES, page
            assert rec.keywords_zh == ZH, page


LIST_ZH = ["機器學習", "遷移學習", "Hadoop", "Spark"]
LIST_EN = ["machine learning", "transfer learning"]


def test_latin_terms_of_a_spaced_chinese_line_stay_chinese() -> None:
    """An unlabelled page whose Chinese keyword line sets its items apart by single spaces,
    with Latin terms among them (``機器學習 遷移學習 Hadoop Spark``), and whose English list
    stands on a line of its own. A single space cuts an English phrase, so such a line
    holds no English list: its Latin items are terms of the Chinese list. Before, they were
    read as the first English keywords (``Hadoop``, ``Spark``, ``machine learning`` …), and
    with the English title above and the English list in a block of its own, the mixed
    line was no keyword line at all (only the English list was read)."""
    zh_line = " ".join(LIST_ZH)
    title = "大數據平台於學習分析之應用"
    for en_line in ("; ".join(LIST_EN), ", ".join(LIST_EN), "\n".join(LIST_EN)):
        for head in ([title], ["Big Data Platforms for Learning Analytics", title]):
            for gap in ("\n\n", "\n"):
                page = "\n\n".join([*head, "王小明、李大華", zh_line + gap + en_line]) + "\n"
                (rec,) = _read(page)
                assert rec.keywords_zh == LIST_ZH, page
                assert rec.keywords_en == LIST_EN, page
                assert [p.zh for p in rec.authors] == ["王小明", "李大華"], page


def test_a_spaced_line_alone_or_with_items_in_both_scripts_is_as_before() -> None:
    """What the rule leaves alone: a spaced line with no English line after it (nothing
    tells its Latin items from an English list: they stay the English list), and a line
    separated by ``;`` that holds both lists (``現實主義 ; realism``)."""
    (alone,) = _read("大數據平台於學習分析之應用\n\n王小明、李大華\n\n" + " ".join(LIST_ZH) + "\n")
    assert alone.keywords_zh == LIST_ZH[:2] and alone.keywords_en == LIST_ZH[2:]
    combined = " ; ".join(["機器學習", "遷移學習", *LIST_EN])
    (both,) = _read("大數據平台於學習分析之應用\n\n王小明、李大華\n\n" + combined + "\n")
    assert both.keywords_zh == LIST_ZH[:2] and both.keywords_en == LIST_EN


ZH_ABSTRACT = "本研究探討大學生正念與學業壓力之關係，以問卷調查法蒐集資料，結果顯示正念與學業壓力呈負相關。"
EN_TITLE = "Mindfulness and Academic Stress among College Students"
EN_ABSTRACT = "This study examines the relation between mindfulness and academic stress among college students."


def test_an_empty_keyword_label_takes_no_english_title_or_abstract() -> None:
    """A labelled page whose ``關鍵詞：`` was printed with nothing after it, above the English
    half (its title over the first line of its abstract, after a blank line). With the
    abstract field before the empty label, the English title and abstract were the keyword
    list (``keywords_en`` = the title and the sentence); with the empty label right above
    ``摘要：``, the abstract field ran on over the blank line and took the English title and
    abstract, and the Chinese abstract, now mostly Latin, was filed as the English one."""
    head = "題名：大學生正念與學業壓力之研究\n作者：王大明、陳小華\n"
    for fields in (f"摘要：{ZH_ABSTRACT}\n關鍵詞：\n", f"关键词：\n摘要：{ZH_ABSTRACT}\n",
                   f"摘要：{ZH_ABSTRACT}\n\n關鍵詞：\n", f"關鍵詞：\n摘要：\n{ZH_ABSTRACT}\n"):
        (rec,) = _read(f"{head}{fields}\n{EN_TITLE}\n{EN_ABSTRACT}\n")
        assert rec.keywords_zh == [] and rec.keywords_en == [], fields
        assert rec.title_en == EN_TITLE, fields
        assert rec.abstract_zh == ZH_ABSTRACT and rec.abstract_en is None, fields
        assert EN_ABSTRACT in [s.text for s in rec.sections], fields


def test_an_abstract_in_both_languages_under_one_label_reads_as_before() -> None:
    """What the end of a Chinese abstract at the English half leaves alone: an abstract
    field whose paragraphs are in both languages with no blank line between them, and an
    English abstract under its own label."""
    (rec,) = _read(f"題名：大學生正念與學業壓力之研究\n摘要：{ZH_ABSTRACT}\n{EN_ABSTRACT}\n"
                   "關鍵詞：正念；學業壓力\n")
    assert rec.keywords_zh == ["正念", "學業壓力"]
    assert EN_ABSTRACT in (rec.abstract_zh or "") + (rec.abstract_en or "")
    (rec,) = _read(f"題名：大學生正念與學業壓力之研究\n摘要：{ZH_ABSTRACT}\n\n"
                   f"Abstract: {EN_ABSTRACT}\n關鍵詞：正念；學業壓力\n")
    assert rec.abstract_zh == ZH_ABSTRACT and rec.abstract_en == EN_ABSTRACT


def test_an_empty_label_over_a_title_and_a_list_is_as_before() -> None:
    """What the rule leaves: a list under the empty label after a blank line (one item
    over a list line is no title over an abstract)."""
    (rec,) = _read("題名：大學生正念與學業壓力之研究\n作者：王大明、陳小華\n關鍵詞：\n\n"
                   "正念；學業壓力；焦慮\nmindfulness; academic stress; anxiety\n")
    assert rec.keywords_zh == ["正念", "學業壓力", "焦慮"]
    assert rec.keywords_en == ["mindfulness", "academic stress", "anxiety"]


def test_latin_terms_of_a_spaced_keyword_field_beside_an_english_field() -> None:
    """The labelled form of the page above: a bare ``關鍵詞`` field of single-spaced items
    ending in Latin terms, beside an English keyword field that holds none of them. The
    English list is in its own field, so the terms are no English list run together.
    Before, ``Hadoop Spark`` was one Chinese item (the English run); split into terms,
    the field counted as a list in both languages and the English field was set apart as
    another record's list."""
    page = ("大數據平台於學習分析之應用\n\n關鍵詞：" + " ".join(LIST_ZH) + "\n\n"
            "Keywords: " + "; ".join(LIST_EN) + "\n")
    (rec,) = _read(page)
    assert rec.keywords_zh == LIST_ZH and rec.keywords_en == LIST_EN
    assert not rec.sections
    # A run that shares words with the English field is still read as before (the README's
    # ``新界 六堆 客家 New Territories Liudui Hakka``: the English list printed twice).
    (twice,) = _read("客家研究\n\n關鍵詞：新界 六堆 客家 New Territories Liudui Hakka\n\n"
                     "Keywords: New Territories; Liudui; Hakka\n")
    assert twice.keywords_en == ["New Territories", "Liudui", "Hakka"]
