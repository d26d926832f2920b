"""review23 (fixed: termkit's table is told by all its fixed columns): a hand-made table with an ``ID`` column still had its list cells unescaped (4b13db1).

4b13db1 claimed a list cell's escapes are undone "only in a table termkit wrote (its id
column)". But ``id`` is read from any header spelled ``ID``, ``Id``, ``Concept`` or ``Concept
ID`` — the first column of most glossaries kept in Excel or exported by other tools, which
number their rows. In such a table a LaTeX variant (``\\rho``, ``\\nabla``) is still read as a
carriage return and ``ho``, a line break and ``abla``. termkit's own table writes every one of
its fixed columns (``pinyin,domain,status,note,id``, spelled so), which no hand-made table does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke


def _english(tmp_path: Path, header: str, rows: str) -> list[str]:
    src = tmp_path / "math.csv"
    src.write_text(header + "\n" + rows, encoding="utf-8")
    code, _out, err = invoke("export", src, "-o", tmp_path / "math.json")
    assert code == 0, err
    glossary = json.loads((tmp_path / "math.json").read_text(encoding="utf-8"))
    return sorted(t["text"] for c in glossary["concepts"] for t in c["terms"] if t["lang"] == "en")


ROWS = "1,rho,密度,\\rho\n2,nabla operator,梯度算子,\\nabla\n"


@pytest.mark.parametrize("first", ["ID", "Id", "Concept ID"])
def test_a_numbered_hand_made_table_keeps_its_backslashes(tmp_path: Path, first: str) -> None:
    assert _english(tmp_path, f"{first},en,zh-Hans,en variants", ROWS) == [
        "\\nabla", "\\rho", "nabla operator", "rho"]


def test_what_holds_termkits_own_table_round_trips_a_line_break(tmp_path: Path) -> None:
    header = "en,zh-Hans,en variants,pinyin,domain,status,note,id"
    rows = 'rho,密度,"two\\nlines",mìdù,,preferred,,c0123456789ab\n'
    assert _english(tmp_path, header, rows) == ["rho", "two\nlines"]
