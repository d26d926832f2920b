"""`pinyin --name` reads 阿沛 · 阿旺晉美 (spaces around the dot) as a dotted name, as
`names romanize` does (it drops the spaces of a name).

The dotted parts had to touch the dot, so the spaced name was read as two surnames and given
names, 阿沛(Ā Pèi) · 阿旺晉美(Ā Wàngjìnměi), where `names romanize` gives Apei Awangjinmei.
An ASCII full stop followed by a space stays a sentence's end between two names. Found by
review15.
"""

from __future__ import annotations

import pytest

from termkit.pinyin import annotate, render_inline
from termkit.pinyin.names import romanize_name


@pytest.mark.parametrize("dot", [" · ", "· ", " ·", " ・ ", "\u3000·\u3000", " ． "])
def test_spaces_around_a_name_dot(dot: str) -> None:
    text = f"阿沛{dot}阿旺晉美"
    assert romanize_name(text) == "Apei Awangjinmei"
    assert render_inline(annotate(text, name=True)) == f"阿沛(Āpèi){dot}阿旺晉美(Āwàngjìnměi)"


def test_a_full_stop_and_a_space_end_a_name() -> None:
    out = render_inline(annotate("王小明. 李大同", name=True))
    assert out == "王小明(Wáng Xiǎomíng). 李大同(Lǐ Dàtóng)"
    # Without the space it is the dot of one name, as names romanize reads it.
    assert render_inline(annotate("王小明.李大同", name=True)) == "王小明(Wángxiǎomíng).李大同(Lǐdàtóng)"
