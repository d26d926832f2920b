"""review21: a Chinese subtitle on a page without blank lines is read as the first keyword and
paired with the English title.

0453e8b: "under a Chinese title, a Han line built like a title that heads a Chinese list printed
one per line is its first keyword when the English list has a line for it (at least as many
Latin lines as Han lines counting it) ... A second line of the title leaves the Chinese list one
line too many and stays the title's." The count does not hold when the English title is on the
page too: it is one more Latin line, so the subtitle under the Chinese title (──以臺北市國民小學
為例, 'the case of Taipei's elementary schools': a dash-led subtitle, or without the dash) finds
"its" English line and joins the Chinese list, and `extract` pairs it with the English title
(keyword? … 0.31 candidate) — a glossary entry of a subtitle and a title. With a Chinese author
line under the subtitle the author's name becomes a keyword too. Before 0453e8b these pages
read the three keywords and nothing else as keywords.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

KEYWORDS = ["數位學習", "教師專業發展", "行動研究"]


def page(subtitle: str, author: str = "", romanized: str = "") -> str:
    return ("數位學習平台融入教學之研究\n" + subtitle + "\n" + author + "\n".join(KEYWORDS) + "\n"
            "A Study of Integrating Digital Learning Platforms into Teaching\n" + romanized
            + "digital learning\nteacher professional development\naction research\n")


def keywords(text: str) -> list[str]:
    rec, = parse_records(text.encode("utf-8"), "page.txt")
    return rec.keywords_zh


def test_without_a_subtitle_the_list_is_read() -> None:
    """What holds: the same page without the subtitle line."""
    assert keywords(page("").replace("\n\n", "\n")) == KEYWORDS


@pytest.mark.xfail(strict=True, reason="review21: a subtitle line under the Chinese title is taken "
                   "for the first keyword when the English title is a Latin line more (0453e8b)")
@pytest.mark.parametrize(("subtitle", "author", "romanized"), [
    ("──以臺北市國民小學為例", "", ""),
    ("以臺北市國民小學為例", "", ""),
    ("以臺北市國民小學為例", "王建國\n", "WANG Jianguo\n"),
])
def test_the_subtitle_is_no_keyword(subtitle: str, author: str, romanized: str) -> None:
    assert keywords(page(subtitle, author, romanized)) == KEYWORDS
