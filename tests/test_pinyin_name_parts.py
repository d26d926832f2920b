"""``termkit pinyin --name`` on an argument of several names and places set apart by
separators (``从北京-上海``, ``北京 上海``): each part is read on its own, a place as the one
word pinyin orthography writes it, a person's name with its surname apart.

Before, every run was read as a personal name, so a place in the list was split into a
surname and a given name (``上海(Shàng Hǎi)``). The oracle is the pinyin orthography of
the places and names (GB/T 16159: place names one word, capitalized; a personal name
surname and given name apart), written out here.
"""

from __future__ import annotations

import pytest

from tests.inprocess import invoke


@pytest.mark.parametrize(("text", "expected"), [
    ("从北京-上海", "从北京(Cóng Běijīng)-上海(Shànghǎi)"),
    ("北京 上海", "北京(Běijīng) 上海(Shànghǎi)"),
    ("臺北－高雄", "臺北(Táiběi)－高雄(Gāoxióng)"),
    ("王小明 广州", "王小明(Wáng Xiǎomíng) 广州(Guǎngzhōu)"),
    # A person CC-CEDICT lists keeps the surname apart, in a list as alone.
    ("曾国藩-上海", "曾国藩(Zēng Guófān)-上海(Shànghǎi)"),
])
def test_places_in_a_list_of_names_are_one_word(text: str, expected: str) -> None:
    code, out, err = invoke("pinyin", "--name", text)
    assert (code, out, err) == (0, expected + "\n", "")


@pytest.mark.parametrize(("text", "expected"), [
    # One run is a personal name, as --name says, whatever else it may be.
    ("北京", "北京(Běi Jīng)"),
    ("王小明", "王小明(Wáng Xiǎomíng)"),
    ("曾國藩", "曾國藩(Zēng Guófān)"),
    ("王小明 李大华", "王小明(Wáng Xiǎomíng) 李大华(Lǐ Dàhuá)"),
    # A dotted name is read part by part, one word each, no surname (documented).
    ("阿沛·阿旺晉美", "阿沛(Āpèi)·阿旺晉美(Āwàngjìnměi)"),
    ("买买提·艾力", "买买提(Mǎimǎití)·艾力(Àilì)"),
])
def test_single_names_and_dotted_names_read_as_before(text: str, expected: str) -> None:
    code, out, err = invoke("pinyin", "--name", text)
    assert (code, out, err) == (0, expected + "\n", "")
