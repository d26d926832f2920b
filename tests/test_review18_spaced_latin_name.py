"""A multi-word Latin name at the end of a single-spaced Chinese keyword field stays one
keyword when the page's English field lists it under another name.

14e53b9 splits the Latin run at the end of a bare ``關鍵詞`` field of single-spaced items into
one keyword per word when it shares no word with the English keyword field (``… 遷移學習
Hadoop Spark`` beside ``Keywords: machine learning; …``). A single space also sits inside a
name (``Raspberry Pi``, ``Arduino Uno``): beside an English list that renders it otherwise
(``single-board computer``) the name became two Chinese keywords, ``Raspberry`` and ``Pi``
(one keyword at 969f5cc). The lists' lengths tell it here: kept whole, the Chinese list has
an item for each English one; split, it has one too many.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


@pytest.mark.parametrize(("name", "english"), [
    ("Raspberry Pi", "single-board computer"),
    ("Arduino Uno", "microcontroller board"),
])
def test_a_latin_name_in_a_spaced_chinese_field(name: str, english: str) -> None:
    page = (f"題名：智慧家庭監控系統之實作\n作者：黃建國；吳淑芬\n"
            f"關鍵詞：智慧家庭 深度學習 {name}\n"
            f"Keywords: smart home; deep learning; {english}\n")
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.keywords_zh == ["智慧家庭", "深度學習", name]
    assert rec.keywords_en == ["smart home", "deep learning", english]
