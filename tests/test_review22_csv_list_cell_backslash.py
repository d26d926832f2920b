"""review22 (fixed: only a table termkit wrote, with its id column, escapes list cells): a hand-made CSV glossary's LaTeX variant (``\\rho``, ``\\nabla``) loses its command.

b5b97ed claimed: "a term in a list cell (LANG variants/candidates/deprecated, one term a line)
keeps its own line break, written \\n with its backslashes doubled as glossary.txt escapes
values". The reader now undoes ``\\n``, ``\\r`` and ``\\\\`` in every list cell, also in a
CSV termkit did not write. A mathematics or physics glossary kept in Excel lists a symbol's
LaTeX command among its English variants (``rho`` / ``\\rho``, ``nabla operator`` /
``\\nabla``): ``termkit import`` or ``termkit export`` of that CSV reads ``\\rho`` as a
carriage return and ``ho``, ``\\nabla`` as a line break and ``abla``, while the same text in
the language column itself is kept as written. Before b5b97ed the cell's text was kept (only
split at line breaks and ``;``). A command without n or r (``\\alpha``) still holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke


def english_terms(tmp_path: Path, rows: str) -> list[str]:
    src = tmp_path / "math.csv"
    src.write_text("en,zh-Hans,en variants\n" + rows, encoding="utf-8")
    code, _out, err = invoke("export", src, "-o", tmp_path / "math.json")
    assert code == 0, err
    glossary = json.loads((tmp_path / "math.json").read_text(encoding="utf-8"))
    return sorted(t["text"] for c in glossary["concepts"] for t in c["terms"] if t["lang"] == "en")


def test_a_command_in_the_language_column_and_alpha_hold(tmp_path: Path) -> None:
    rows = '\\rho,希腊字母ρ,\nalpha,希腊字母α,"\\alpha\nα"\n'
    assert english_terms(tmp_path, rows) == ["\\alpha", "\\rho", "alpha", "α"]


@pytest.mark.parametrize(("row", "command"), [
    ('rho,希腊字母ρ,"\\rho\nρ"\n', "\\rho"),
    ('nabla operator,哈密顿算子,"\\nabla\nnabla"\n', "\\nabla"),
])
def test_a_latex_command_in_a_variants_cell(tmp_path: Path, row: str, command: str) -> None:
    assert command in english_terms(tmp_path, row)
