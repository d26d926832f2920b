"""review20: `termkit lookup` drops the tones and syllable breaks a pinyin query gives.

The README: lookup compares the query with "pinyin with or without tone marks, tone numbers or
spaces (`quánlì pínghéng`, `quanli pingheng`, `quan2li4 ping2heng2`, `quanlipingheng`)". A
toneless query rightly finds every term of that spelling; but a query that gives the tones,
or marks the syllable break with pinyin's own apostrophe, says which term it means, and lookup
ignores it: `fǎngǎn` (反感, 'antipathy') finds 方案 fāng'àn ('plan') as well, `fang1an4` finds
反感, and `xī'ān` / `xi1an1` (two syllables, 西安) finds 先 xiān (one syllable, 'first').
The pinyin compared is the glossary's own (`pinyin:` lines), so no reading is guessed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

GLOSSARY = """# termkit glossary 1

[c000000000001]
kind: term
status: preferred
term zh-Hans: 西安
  status: preferred
  pinyin: Xī'ān
term en: Xi'an
  status: preferred

[c000000000002]
kind: term
status: preferred
term zh-Hans: 先
  status: preferred
  pinyin: xiān
term en: first
  status: preferred

[c000000000003]
kind: term
status: preferred
term zh-Hans: 方案
  status: preferred
  pinyin: fāng'àn
term en: plan
  status: preferred

[c000000000004]
kind: term
status: preferred
term zh-Hans: 反感
  status: preferred
  pinyin: fǎngǎn
term en: antipathy
  status: preferred
"""


def found(tmp_path: Path, query: str) -> set[str]:
    glossary = tmp_path / "tones.glossary.txt"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    code, out, err = invoke("lookup", query, "-g", glossary, "--json")
    assert code in (0, 1), err
    return {c["id"] for c in json.loads(out)}


@pytest.mark.parametrize("query", ["fangan", "fang an", "FANGAN"])
def test_a_toneless_query_finds_every_term_spelled_so(tmp_path: Path, query: str) -> None:
    """What holds: without tones, `fangan` is both words."""
    assert found(tmp_path, query) == {"c000000000003", "c000000000004"}


@pytest.mark.parametrize(("query", "expected"), [
    ("fǎngǎn", "c000000000004"),
    ("fan3gan3", "c000000000004"),
    ("fāng'àn", "c000000000003"),
    ("fang1an4", "c000000000003"),
    ("xī'ān", "c000000000001"),
    ("xi1an1", "c000000000001"),
    ("xiān", "c000000000002"),
    ("xian1", "c000000000002"),
])
def test_tones_and_syllable_breaks_choose_the_term(tmp_path: Path, query: str,
                                                   expected: str) -> None:
    assert found(tmp_path, query) == {expected}
