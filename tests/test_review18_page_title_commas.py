"""A page whose first line is an English title with commas between short words is an article
page, not a CSV glossary.

``build``/``extract`` refuse a .txt file whose first line "names two language columns or
more" (6efd367, the registry's header-row sniff of ba8a872). ``formats.columns.lang_column``
takes any two-letter cell for a language tag, so an English title that opens with two
abbreviations (``AR, VR, and …``, ``IT, HR, and …``; render_page puts the English title on
the first line) splits by commas into two "language columns" and the page is refused as "a
CSV table, not article records". At 969f5cc it was read as a page. A header row names
columns; a cell of running text (``and the Future of Museum Education``) names none. Fixed:
the sniff wants the header row termkit writes (its pinyin, domain, status, note and id
columns after the languages), which no title has.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

PAGE = """{title}

{title_zh}

林美玲 / Mei-Ling Lin

{kw_zh};{kw_en}
"""

CASES = [
    ("AR, VR, and the Future of Museum Education", "擴增實境、虛擬實境與博物館教育的未來",
     "擴增實境;虛擬實境;博物館教育", "augmented reality;virtual reality;museum education"),
    ("IT, HR, and Firm Performance in Small Enterprises", "資訊科技、人力資源與小型企業績效",
     "資訊科技;人力資源;企業績效", "information technology;human resources;firm performance"),
]


@pytest.mark.parametrize(("title", "title_zh", "kw_zh", "kw_en"), CASES)
def test_a_page_opening_with_abbreviations_is_read(title: str, title_zh: str, kw_zh: str,
                                                   kw_en: str, tmp_path: Path) -> None:
    page = tmp_path / "article.txt"
    page.write_text(PAGE.format(title=title, title_zh=title_zh, kw_zh=kw_zh, kw_en=kw_en),
                    encoding="utf-8")
    code, out, err = invoke("extract", page, "--json", cwd=tmp_path)
    assert code == 0, err
    assert title in out
