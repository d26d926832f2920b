"""review20: a glossary reading in tone numbers is printed as is under `--style tone`.

`pinyin -g GLOSSARY` takes the glossary's readings over pypinyin's, and `--style` says how a
reading is written: `tone` (the default) "tone marks", `tone3` "tone numbers". A glossary whose
`pinyin` column is in tone numbers, as CC-CEDICT writes readings (`yin2 xing2`; a table
imported from a client), is understood: `--style zhuyin` turns it into ㄧㄣˊ ㄒㄧㄥˊ and
`--style wade-giles` into yin²-hsing². But the default style copies it verbatim, so one
line mixes both spellings: `我去银行` -> `wǒqù yin2 xing2`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

TABLE = "en\tzh-Hans\tpinyin\nbank (as a reading test)\t银行\tyin2 xing2\n"


def annotate(tmp_path: Path, *args: str) -> str:
    glossary = tmp_path / "readings.tsv"
    glossary.write_text(TABLE, encoding="utf-8")
    code, out, err = invoke("pinyin", "-g", glossary, *args)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize(("style", "expected"), [
    ("zhuyin", "银行(ㄧㄣˊ ㄒㄧㄥˊ)\n"),
    ("tone3", "银行(yin2 xing2)\n"),
])
def test_the_glossary_reading_is_understood(tmp_path: Path, style: str, expected: str) -> None:
    """What holds: the tone-number reading is read as syllables and rendered in other styles."""
    assert annotate(tmp_path, "--style", style, "银行") == expected


def test_tone_style_writes_tone_marks(tmp_path: Path) -> None:
    out = annotate(tmp_path, "银行")
    assert not any(ch.isdigit() for ch in out), out
    assert out in ("银行(yínxíng)\n", "银行(yín xíng)\n")  # the glossary's own space, or not
