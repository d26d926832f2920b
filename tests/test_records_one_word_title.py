"""An English title of one word (``Mindfulness``, ``Globalization``) above the keyword list.

Before, any line of one Latin word was taken for page furniture (a badge such as ``CAS``, a
heading such as ``ABSTRACT``), so a one-word title was never a title: the page lost it, kept
it as an unrecognised section, or, copied without blank lines, read it as the first Chinese
keyword and the Chinese title as the second. A badge or a heading is written in capitals and
a field name has capitals inside (``PublicationName``); a title of one word has one capital,
at its start.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records
from termkit.records.furniture import is_furniture

ZH = ["正念", "壓力", "焦慮"]
EN = ["mindfulness", "stress", "anxiety"]


def read(text: str) -> Record:
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    return rec


@pytest.mark.parametrize("title", ["Mindfulness", "Globalization", "Self-efficacy"])
def test_a_one_word_title_between_blank_lines_is_the_title(title: str) -> None:
    # The example record's layout: English title, author, one keyword line, volume, pages.
    rec = read(f"\n\n{title}\n\n\n王小明(Hsiao-Ming Wang)\n\n\n"
               "正念 ; 壓力 ; 焦慮 ; mindfulness ; stress ; anxiety\n\n"
               "10卷3期(2014 / 09 / 01)\n\n113 - 129\n")
    assert rec.title_en == title
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert not [s for s in rec.sections if s.name == "unrecognised"]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
@pytest.mark.parametrize("title", ["Mindfulness", "Mindfulness and Stress"])
def test_an_english_title_right_above_the_chinese_list(blank: str, title: str) -> None:
    # With blank lines, the title's block was read as the English half of the list (the
    # block before the Chinese one), though the English half follows the Chinese one.
    rec = read(blank.join(["正念之研究", title, "正念；壓力；焦慮",
                           "mindfulness; stress; anxiety"]) + "\n")
    assert (rec.title_zh, rec.title_en) == ("正念之研究", title)
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


def test_a_one_word_title_on_a_page_without_blank_lines_is_no_keyword() -> None:
    # One keyword per line: before, "Mindfulness" and 正念之研究 headed the lists as keywords.
    rec = read("\n".join(["正念之研究", "Mindfulness", *ZH, *EN]) + "\n")
    assert (rec.title_zh, rec.title_en) == ("正念之研究", "Mindfulness")
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


@pytest.mark.parametrize("line", ["CAS", "ABSTRACT", "PublicationName", "Publications-Theses",
                                  "Download", "Home", "EI", "English", "Introduction", "Review"])
def test_badges_headings_and_buttons_of_one_word_stay_furniture(line: str) -> None:
    assert is_furniture(line)


def test_a_language_link_above_the_titles_is_no_title() -> None:
    rec = read("English\n\n正念之研究\n\nMindfulness and Academic Stress\n\n王小明\n\n"
               "正念；壓力；焦慮\n\nmindfulness; stress; anxiety\n")
    assert (rec.title_zh, rec.title_en) == ("正念之研究", "Mindfulness and Academic Stress")


@pytest.mark.parametrize("line", ["Mindfulness", "Serendipity", "Self-actualization"])
def test_one_capitalised_word_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)
