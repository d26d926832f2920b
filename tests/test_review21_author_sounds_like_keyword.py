"""review21: on a mainland page without blank lines, a first keyword that sounds like the
author's name takes the romanized name, the English title and itself with it.

5d6e009: "the English title of a mainland page without blank lines (Chinese title, Chinese
authors, English title, romanized authors) is a title"; 3ee8ae7: "a romanized keyword alone
under the titles (Tai Chi / 太極拳) is no author when it spells the opening characters of the
Han line under it by sound; an author's romanized name does not render the Chinese keyword
under it (LIU Mo / 全民阅读 stays the author)". When it does — the author 张丽 (ZHANG Li) over
the keyword 张力 'tension' (zhānglì), a common keyword of literary criticism — the romanized
line renders both the Chinese author above it and the keyword below it, and the page loses the
English title, the author's romanization and the keyword 张力 (two unrecognised sections). The
same page with 张力 last in the list reads right.

Fixed: romanized names that render the Chinese authors read above them are theirs; they make
no name pair with a Han line under them that they also spell.
"""

from __future__ import annotations

from termkit.records import parse_records


def read(keywords: list[str], english: list[str]) -> tuple[str | None, list[tuple[str | None, str | None]], list[str]]:
    page = ("现代诗歌中的张力研究\n张丽\nA Study of Tension in Modern Poetry\nZHANG Li\n"
            + "\n".join(keywords) + "\n" + "\n".join(english) + "\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.title_en, [(p.zh, p.en) for p in rec.authors], rec.keywords_zh


def test_with_the_homophone_last_the_page_reads_right() -> None:
    """What holds: 5d6e009's shape with the keyword 张力 last."""
    assert read(["意象", "现代诗歌", "张力"], ["imagery", "modern poetry", "tension"]) == (
        "A Study of Tension in Modern Poetry", [("张丽", "ZHANG Li")], ["意象", "现代诗歌", "张力"])


def test_with_the_homophone_first_the_page_reads_right() -> None:
    assert read(["张力", "现代诗歌", "意象"], ["tension", "modern poetry", "imagery"]) == (
        "A Study of Tension in Modern Poetry", [("张丽", "ZHANG Li")], ["张力", "现代诗歌", "意象"])
