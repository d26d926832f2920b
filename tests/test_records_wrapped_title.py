"""An English title wrapped in two lines, the first ending in a word of the title.

A page copied from a PDF or a narrow column breaks a long English title where the line ran
out, after any word (``… Mindfulness and Academic Stress`` / ``among College Students in
Taiwan``, ``… Subdivision Control`` / ``System Based on FPGA``). Before, the second line was
lost: on a page without blank lines it stood alone (kept as an unrecognised section, or,
above a list of one keyword per line, read as the list's first keyword and the lists went
wrong), and on a journal page's English half (read between labelled fields, one line a
block) the title stopped at the first line.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records
from termkit.records.titlelike import wrapped_title

ZH_TITLE = "大學生正念與學業壓力之關係研究"
TITLE = "The Relationship between Mindfulness and Academic Stress among College Students"
ZH = ["正念", "學業壓力", "大學生"]
EN = ["mindfulness", "academic stress", "college students"]


def read(text: str) -> Record:
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    return rec


def unrecognised(rec: Record) -> list[str]:
    return [s.text for s in rec.sections if s.name == "unrecognised"]


@pytest.mark.parametrize("cut", [
    ("The Relationship between Mindfulness and Academic Stress", "among College Students"),
    ("The Relationship between Mindfulness and", "Academic Stress among College Students"),
    ("The Relationship between Mindfulness and Academic Stress among", "College Students"),
])
def test_a_wrapped_title_on_a_page_without_blank_lines(cut: tuple[str, str]) -> None:
    rec = read("\n".join([ZH_TITLE, *cut, "王小明", "正念；學業壓力；大學生",
                          "mindfulness; academic stress; college students"]) + "\n")
    assert (rec.title_zh, rec.title_en) == (ZH_TITLE, TITLE)
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert unrecognised(rec) == []


@pytest.mark.parametrize("oneper", [False, True])
def test_a_title_wrapped_after_a_word_with_no_joining_word(oneper: bool) -> None:
    # ``… Well-being of College`` / ``Students in Taiwan``: nothing but the place says the
    # second line goes on (a page has one English title; a name or a number would not).
    lists = [*ZH, *EN] if oneper else ["正念；學業壓力；大學生",
                                       "mindfulness; academic stress; college students"]
    rec = read("\n".join([ZH_TITLE, "Mindfulness, Academic Stress and Well-being of College",
                          "Students in Taiwan", "王小明", *lists]) + "\n")
    assert rec.title_en == "Mindfulness, Academic Stress and Well-being of College Students in Taiwan"
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert unrecognised(rec) == []


@pytest.mark.parametrize("under", ["Hsiao-Ming Wang", "Journal of Nursing 10(3)"])
def test_a_name_or_a_numbered_line_under_a_title_does_not_go_on_with_it(under: str) -> None:
    rec = read("\n".join([ZH_TITLE, "The Relationship between Mindfulness and Academic Stress",
                          under, "正念；學業壓力；大學生",
                          "mindfulness; academic stress; college students"]) + "\n")
    assert rec.title_en == "The Relationship between Mindfulness and Academic Stress"


def test_a_wrapped_title_above_one_keyword_per_line() -> None:
    # Before, the title's second line opened the Chinese list and both titles were keywords.
    rec = read("\n".join([ZH_TITLE, "The Relationship between Mindfulness and Academic Stress",
                          "among College Students", *ZH, *EN]) + "\n")
    assert (rec.title_zh, rec.title_en) == (ZH_TITLE, TITLE)
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_a_wrapped_title_in_a_journal_pages_english_half(blank: str) -> None:
    # A mainland journal's first page: the English title is the lines above the romanized
    # names, whatever word its first line ends in.
    half = [
        "基于FPGA的步进电机细分控制系统设计", "王飞，陈娜", "（北京大学 电子系，北京 100871）",
        "摘要：本文设计了一种步进电机细分控制系统。", "关键词：步进电机；细分控制；FPGA",
        "Design of a Stepper Motor Subdivision Control\nSystem Based on FPGA",
        "WANG Fei, CHEN Na",
        "(Department of Electronics, Peking University, Beijing 100871, China)",
        "Abstract: A control system is designed.",
        "Key words: stepping motor; subdivision control; FPGA",
    ]
    rec = read(blank.join(half) + "\n")
    assert rec.title_en == "Design of a Stepper Motor Subdivision Control System Based on FPGA"
    assert [(p.zh, p.en) for p in rec.authors] == [("王飞", "WANG Fei"), ("陈娜", "CHEN Na")]
    assert rec.keywords_en == ["stepping motor", "subdivision control", "FPGA"]
    assert "System Based on FPGA" not in unrecognised(rec)


@pytest.mark.parametrize(("title", "line", "expected"), [
    ("The Effect of Mindfulness on", "Stress", True),
    ("Mindfulness and Stress:", "A Longitudinal Study", True),
    ("Mindfulness and Academic Stress", "among College Students", True),
    ("Mindfulness and Academic Stress", "mindfulness", False),  # a keyword under a title
    ("Mindfulness and Academic Stress", "Hsiao-Ming Wang", False),  # a name
    ("Mindfulness and Academic Stress", "the Internet", False),  # an article opens a keyword
    ("大學生正念之研究", "among College Students", False),
])
def test_what_says_a_title_goes_on(title: str, line: str, expected: bool) -> None:
    assert wrapped_title(title, line) is expected
