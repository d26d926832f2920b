"""``pinyin --name`` on a list of personal names (authors set apart by spaces, as mainland
author lines print them) reads a name that is also a place CC-CEDICT lists as that place.

--name reads each Chinese run as a personal name; since 1415e0a a run in a list of several
runs that CC-CEDICT spells as one proper noun of one written word is read as that word. A
two-character name of surname and given name is often also such a place (林 + 芝 and the
prefecture 林芝, 金 + 华 and the city 金华, 高 + 雄 and the city 高雄): in a list where every
other run is a personal name the reading becomes ``Línzhī`` (at 969f5cc ``Lín Zhī``). The
dictionary says only that the run *can* be a place; nothing in the list tells a place from a
name there (the documented ``王小明 广州`` case has the same shape). 1415e0a is reverted:
``--name`` says every run is a personal name, and a list of authors is what it is given far
more often than a list of places (the oracle is GB/T 16159 for personal names, surname
apart); a place list is read by plain ``pinyin``.
"""

from __future__ import annotations

import pytest

from tests.inprocess import invoke


@pytest.mark.parametrize(("text", "expected"), [
    ("王小明 林芝 李大华", "王小明(Wáng Xiǎomíng) 林芝(Lín Zhī) 李大华(Lǐ Dàhuá)"),
    ("金华 王芳", "金华(Jīn Huá) 王芳(Wáng Fāng)"),
])
def test_a_list_of_authors_reads_each_as_a_name(text: str, expected: str) -> None:
    code, out, err = invoke("pinyin", "--name", text)
    assert (code, out, err) == (0, expected + "\n", "")
