"""The bullet U+2022 between the parts of a transliterated name (迈克尔•杰克逊) is a name dot.

Chinese text typed with a GBK input method often has the bullet where the interpunct U+00B7
belongs (the two look alike in most CJK fonts). `names romanize` refused such a name ("'•' is
not a Chinese character") and `pinyin --name` read each part as a surname and a given name
(迈克尔(Mài Kè'ěr)•杰克逊(Jié Kèxùn)). Found by review15.
"""

from __future__ import annotations

from termkit.pinyin import annotate, render_inline
from termkit.pinyin.names import name_pinyin, romanize_name
from tests.inprocess import invoke


def test_a_bullet_separates_the_parts_as_the_interpunct_does() -> None:
    assert romanize_name("迈克尔•杰克逊") == romanize_name("迈克尔·杰克逊") == "Maikeer Jiekexun"
    words = name_pinyin("迈克尔·杰克逊").split(" ")
    assert render_inline(annotate("迈克尔•杰克逊", name=True)) == (
        f"迈克尔({words[0]})•杰克逊({words[1]})")
    code, out, err = invoke("names", "romanize", "迈克尔•杰克逊")
    assert (code, out, err) == (0, "迈克尔•杰克逊\tMaikeer Jiekexun\n", "")
