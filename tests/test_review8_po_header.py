"""A PO header naming a charset Python does not know points at it: FILE:LINE:COL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PO = ROOT / "tests" / "data" / "check" / "clean.zh_TW.po"


@pytest.mark.parametrize("command", [["export", "{po}", "--to", "json"], ["check", "{po}"],
                                     ["tm", "import", "--db", "tm.sqlite", "{po}"]])
def test_an_unknown_charset_is_located(tmp_path: Path, command: list[str]) -> None:
    text = PO.read_text("utf-8").replace("charset=UTF-8", "charset=NOSUCH-8")
    po = tmp_path / "x.zh_TW.po"
    po.write_text(text, "utf-8")
    line = text[: text.index("NOSUCH")].count("\n") + 1
    column = text.index("NOSUCH") - text.rfind("\n", 0, text.index("NOSUCH"))
    done = subprocess.run([sys.executable, "-m", "termkit", *[a.format(po=po) for a in command]],
                          cwd=tmp_path, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode in (1, 2)
    assert done.stderr.decode() == (
        f"Error: {po}:{line}:{column}: unknown charset 'NOSUCH-8' in the header\n")
