"""`tm import` checks every input before it touches the memory.

With a missing or unreadable file, or a format it cannot tell, among its inputs, `tm import`
imported the files before it into the memory and then failed (a script could not tell what
was in the memory now), and with a new --db it created an empty memory file for an import
that never started.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

TMX = ROOT / "glossaries" / "example" / "glossary.tmx"


def tm_import(cwd: Path, *args: str) -> tuple[int, str, str]:
    return invoke("tm", "import", "--db", "tm.sqlite", *args, cwd=cwd)


@pytest.mark.parametrize(("second", "says"), [
    ("missing.tmx", "Error: missing.tmx: no such file"),
    ("notes.unknown", "Error: notes.unknown: cannot tell the format from the file name"),
    (".", "Error: .: is a directory"),
])
def test_a_bad_input_among_several_imports_nothing(tmp_path: Path, second: str,
                                                   says: str) -> None:
    (tmp_path / "notes.unknown").write_text("hello\n", encoding="utf-8")
    if second == ".":  # a folder with no file to import in it
        second = str(tmp_path / "empty")
        (tmp_path / "empty").mkdir()
        says = f"Error: {second}: no input file in this folder"
    code, out, err = tm_import(tmp_path, str(TMX), second)
    assert code in (1, 2) and out == ""
    assert err.startswith(says), err
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "tm.sqlite").exists()  # no memory made for an import that failed


def test_an_existing_memory_is_left_as_it_was(tmp_path: Path) -> None:
    code, _, err = tm_import(tmp_path, str(TMX))
    assert code == 0, err
    before = (tmp_path / "tm.sqlite").read_bytes()
    other = ROOT / "tests" / "data" / "check" / "clean.tmx"
    code, _, err = tm_import(tmp_path, str(other), "missing.po")
    assert code == 1 and err.startswith("Error: missing.po: no such file")
    with sqlite3.connect(tmp_path / "tm.sqlite") as conn:
        assert conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0] == 4
    assert (tmp_path / "tm.sqlite").read_bytes() == before


def test_a_malformed_later_input_says_what_the_earlier_ones_added(tmp_path: Path) -> None:
    """The inputs are committed in turn: a malformed one (found only while reading it) stops
    the import, and the error says what stays in the memory and that re-running is safe."""
    text = TMX.read_text(encoding="utf-8")
    (tmp_path / "cut.tmx").write_text(text[: text.index("</tu>") + 3], encoding="utf-8")
    code, out, err = tm_import(tmp_path, str(TMX), "cut.tmx")
    assert code == 1 and out == ""
    with sqlite3.connect(tmp_path / "tm.sqlite") as conn:
        added = conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
    assert added > 0
    assert err.startswith("Error: cut.tmx:"), err
    assert err.rstrip().endswith(
        f"1 input before it was imported ({added:,} units added); "
        "importing them again skips those units as duplicates"), err
    code, out, err = tm_import(tmp_path, str(TMX), "cut.tmx")  # again: nothing new is added
    assert code == 1 and "(0 units added)" in err
    code, out, err = tm_import(tmp_path, "cut.tmx")  # alone: no word about other inputs
    assert code == 1 and "before it" not in err
