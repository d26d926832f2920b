"""review20: `repeated-word` flags the AABB reduplication of a word as a doubled character.

The check finds "a word or function character doubled by mistake (的的 / the the)". Chinese
doubles both characters of a two-character word on purpose (AABB: 清清楚楚 from 清楚): the
dictionary words 的確 'indeed' and 是非 'right and wrong' (both CC-CEDICT headwords) give
的的確確 'really and truly' and 是是非非 'rights and wrongs', standard forms (現代漢語詞典
lists 的的确确). termkit flags their first two characters, "'的的': '的' twice", while it
leaves 一一, 了了 and 個個 (CC-CEDICT words) and AABB forms of other words (清清楚楚) alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke


def flagged(tmp_path: Path, target: str) -> list[str]:
    table = tmp_path / "aabb.tsv"
    table.write_text(f"en\tzh-TW\nsource text\t{target}\n", encoding="utf-8")
    code, out, err = invoke("check", "--checks", "repeated-word", "--json", table)
    assert code in (0, 1), err
    return [f["found"] for f in json.loads(out)["findings"]]


@pytest.mark.parametrize("target", ["清清楚楚地說明", "一一列出", "個個都好", "了了心願"])
def test_reduplication_passes(tmp_path: Path, target: str) -> None:
    """What holds: other AABB forms and doubled dictionary words are not mistakes."""
    assert flagged(tmp_path, target) == []


def test_a_real_doubling_is_found(tmp_path: Path) -> None:
    assert flagged(tmp_path, "錯誤的的結果") == ["的的"]


@pytest.mark.parametrize("target", ["的的確確是這樣", "是是非非難以分辨"])
def test_aabb_of_a_dictionary_word_passes(tmp_path: Path, target: str) -> None:
    assert flagged(tmp_path, target) == []
