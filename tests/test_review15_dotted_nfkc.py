"""`pinyin --name` reads a name dotted with any character `names romanize` takes as a name dot.

`names romanize` folds a name with NFKC before it looks for the dot, so the small full stop
U+FE52, the one dot leader U+2024 and the Greek ano teleia U+0387 (canonically U+00B7) separate
the parts there; `pinyin --name` looked for the dots in the text as given and read
迈克尔﹒乔丹 as two surnames and given names (Mài Kè'ěr, Qiáo Dān) where `names romanize`
gives Maikeer Qiaodan. Found by review15.
"""

from __future__ import annotations

import pytest

from termkit.pinyin import annotate, render_inline
from termkit.pinyin.names import name_pinyin

FOLDED_DOTS = ["\ufe52", "\u2024", "\u0387"]


@pytest.mark.parametrize("dot", FOLDED_DOTS)
def test_a_dot_nfkc_folds_to_a_name_dot_is_one(dot: str) -> None:
    name = f"迈克尔{dot}乔丹"
    words = name_pinyin(name).split(" ")
    assert words == ["Màikè'ěr", "Qiáodān"]  # names romanize's reading: one word a part
    assert render_inline(annotate(name, name=True)) == f"迈克尔({words[0]}){dot}乔丹({words[1]})"
