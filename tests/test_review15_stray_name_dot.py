"""A dot at either end of a name (王小明. copied with a sentence's full stop) does not make it
a dotted name: it has one part, its surname stays a surname.

cliux added the ASCII and full-width full stops to the name dots; `names romanize "王小明."`
then read one "part" with no surname, Wangxiaoming, where it had been refused ("'.' is not a
Chinese character") and where `pinyin --name` reads 王小明(Wáng Xiǎomíng). A dotted name needs
a dot between two parts. Found by review15.
"""

from __future__ import annotations

import pytest

from termkit.pinyin import annotate, render_inline
from termkit.pinyin.names import name_pinyin, romanize_name


@pytest.mark.parametrize("written", ["王小明.", "王小明．", "王小明·", "·王小明", "．王小明"])
def test_a_stray_dot_leaves_the_surname(written: str) -> None:
    assert romanize_name(written) == romanize_name("王小明") == "Wang Xiaoming"
    assert name_pinyin(written) == name_pinyin("王小明") == "Wáng Xiǎomíng"
    inline = render_inline(annotate(written, name=True))
    assert "王小明(Wáng Xiǎomíng)" in inline  # pinyin --name agrees


def test_a_dot_between_parts_is_still_a_dotted_name() -> None:
    assert romanize_name("卡爾.馬克思") == "Kaer Makesi"
    assert romanize_name("阿沛·阿旺晉美·") == romanize_name("阿沛·阿旺晉美") == "Apei Awangjinmei"
