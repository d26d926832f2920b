"""review21: a Chinese title that opens with a year and a comma is read as a keyword list.

Not from today's changes (bc4f251 reads it so too), found while checking 07eefa9's bare year
before a comma (`2020，51卷，3期，401–428頁`, which `parse_volume` reads and a title line it
rightly does not). A title such as `2008，北京奧運與臺灣媒體的國族想像` is split at its comma into
a "bilingual keyword list" — Chinese `北京奧運與臺灣媒體的國族想像`, English `2008` — so the page
has no title and the author line under it is left an unrecognised section. The same title with
`2008年` or with the year at its end reads as the title.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

BODY = "\n\n王建國\n\n摘要：本文分析媒體報導中的國族想像，探討其記憶政治與認同。\n"


def title(line: str) -> str | None:
    rec, = parse_records((line + BODY).encode("utf-8"), "page.txt")
    return rec.title_zh


@pytest.mark.parametrize("line", ["2008年北京奧運與臺灣媒體的國族想像", "北京奧運與臺灣媒體的國族想像：2008"])
def test_a_year_elsewhere_holds(line: str) -> None:
    assert title(line) == line


def test_a_title_opening_with_a_year_and_comma() -> None:
    line = "2008，北京奧運與臺灣媒體的國族想像"
    assert title(line) == line
