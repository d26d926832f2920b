"""A round bracket left open in a keyword line (``學業壓力（大學生；焦慮``).

A typing slip, or a PDF conversion that lost the closing bracket, leaves a bracket open in
a keyword line. Before, every separator after it counted as inside the bracket, so the rest
of the line became one item (``學業壓力（大學生；焦慮；憂鬱``) and the lists came out of step;
on a page whose one keyword line holds both languages, the items before it were lost too
(the whole line was read as one unpaired keyword). A bracket never closed on its line holds
no list: it swallows no keyword after it, and a bracket that does close still protects its
separators (``企業對企業(B2B、B2C)``).
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records
from termkit.records.keywords import split_keywords


def read(text: str) -> Record:
    (rec,) = parse_records(text.encode("utf-8"), "page.txt")
    return rec


@pytest.mark.parametrize(("line", "items"), [
    ("正念；學業壓力（大學生；焦慮；憂鬱", ["正念", "學業壓力（大學生", "焦慮", "憂鬱"]),
    ("mindfulness; academic stress (college students; anxiety",
     ["mindfulness", "academic stress (college students", "anxiety"]),
    ("宇宙线(GCR；单粒子效应；屏蔽", ["宇宙线(GCR", "单粒子效应", "屏蔽"]),
    ("正念 ; 學業壓力(大學生 ; 焦慮 ; mindfulness ; academic stress ; anxiety",
     ["正念", "學業壓力(大學生", "焦慮", "mindfulness", "academic stress", "anxiety"]),
    # An outer bracket left open; the inner one closes and keeps its separator.
    ("A (B (C; D) E; F", ["A (B (C; D) E", "F"]),
    # Brackets that close protect their separators as before.
    ("A (B; C); D", ["A (B; C)", "D"]),
    ("企業對企業(B2B、B2C)；電子商務", ["企業對企業(B2B、B2C)", "電子商務"]),
    ("DS(Data-Strobe）; RMAP; SpaceWire bus", ["DS(Data-Strobe）", "RMAP", "SpaceWire bus"]),
])
def test_a_bracket_never_closed_swallows_no_keyword_after_it(line: str, items: list[str]) -> None:
    assert split_keywords(line) == items


def test_a_page_with_both_languages_on_one_line_keeps_every_keyword() -> None:
    # The example record's layout; before, the whole line was one unpaired "keyword".
    rec = read("\n\nMindfulness among College Students\n\n\n王小明(Hsiao-Ming Wang)\n\n\n"
               "正念 ; 學業壓力(大學生 ; 焦慮 ; mindfulness ; academic stress ; anxiety\n\n"
               "10卷3期(2014 / 09 / 01)\n\n113 - 129\n")
    assert rec.keywords_zh == ["正念", "學業壓力(大學生", "焦慮"]
    assert rec.keywords_en == ["mindfulness", "academic stress", "anxiety"]


@pytest.mark.parametrize("page", [
    "大學生正念之研究\n\nMindfulness among College Students\n\n王小明\n\n"
    "正念；學業壓力（大學生；焦慮；憂鬱\n\n"
    "mindfulness; academic stress (college students; anxiety; depression\n",
    "題名：大學生正念之研究\n關鍵詞：正念；學業壓力（大學生；焦慮；憂鬱\n"
    "Keywords: mindfulness; academic stress (college students; anxiety; depression\n",
])
def test_the_lists_stay_in_step(page: str) -> None:
    rec = read(page)
    assert rec.keywords_zh == ["正念", "學業壓力（大學生", "焦慮", "憂鬱"]
    assert rec.keywords_en == ["mindfulness", "academic stress (college students", "anxiety",
                               "depression"]
