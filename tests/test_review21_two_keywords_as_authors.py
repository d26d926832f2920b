"""review21: a line of two Chinese keywords is read as two authors (dictionary surnames).

e052ecf: "a line of two Chinese names, one of a surname outside the common list that CC-CEDICT
gives as a surname (仝: 'used as a surname'), is an author line ... The name must be no word of
the dictionary (教育、王小明 stays no author line)". Only the name of the uncommon surname is
looked up; the other item needs a common surname, and many words begin with one: 高校
('universities', 高), 滿意度 ('satisfaction', 滿), 方法学 ('methodology', 方). With 中 (中医药),
國 (國軍) or 新 (新媒体) — surnames in CC-CEDICT, and no dictionary words themselves — the
other item, a two-keyword line under the title of a page without an English list (a Chinese
journal's page, a database's Chinese view) is now its authors and the keywords are lost;
before e052ecf each of these pages read two keywords. With an English list under it the page
still reads right.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

TITLE = "高校中医药文化传播研究"


def read(page: str) -> tuple[list[str], list[str | None]]:
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.keywords_zh, [p.zh for p in rec.authors]


def test_with_an_english_list_the_line_is_keywords() -> None:
    """What holds: the English list under the line keeps it a keyword line."""
    page = f"{TITLE}\n\n中医药、高校\nTraditional Chinese medicine; universities\n"
    assert read(page) == (["中医药", "高校"], [])


@pytest.mark.xfail(strict=True, reason="review21: a two-keyword line of a page without an English "
                   "list is read as two authors when one item opens with a CC-CEDICT surname and "
                   "the other with a common one (e052ecf)")
@pytest.mark.parametrize("line", ["中医药、高校", "國軍；滿意度", "新媒体；方法学"])
def test_two_keywords_under_the_title_are_keywords(line: str) -> None:
    keywords = line.replace("；", "、").split("、")
    assert read(f"{TITLE}\n\n{line}\n") == (keywords, [])
