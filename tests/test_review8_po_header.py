"""A PO header naming a charset Python does not know points at it: FILE:LINE:COL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

PO = ROOT / "tests" / "data" / "check" / "clean.zh_TW.po"


@pytest.mark.parametrize("command", [["export", "{po}", "--to", "json"], ["check", "{po}"],
                                     ["tm", "import", "--db", "tm.sqlite", "{po}"]])
def test_an_unknown_charset_is_located(tmp_path: Path, command: list[str]) -> None:
    text = PO.read_text("utf-8").replace("charset=UTF-8", "charset=NOSUCH-8")
    po = tmp_path / "x.zh_TW.po"
    po.write_text(text, "utf-8")
    line = text[: text.index("NOSUCH")].count("\n") + 1
    column = text.index("NOSUCH") - text.rfind("\n", 0, text.index("NOSUCH"))
    code, _, err = invoke(*[a.format(po=po) for a in command], cwd=tmp_path)
    assert code in (1, 2)
    assert err == (
        f"Error: {po}:{line}:{column}: unknown charset 'NOSUCH-8' in the header\n")
