"""The same glossary file given twice with -g.

The glossaries of `check -g` are used side by side (each with its own statuses), so one
file given twice (`-g terms.txt -g ./terms.txt`, a shell glob that names it again) doubled
every terminology finding of the report (8 findings became 11, each missing term twice),
and `lookup` printed every concept twice. It is refused as `-` given twice is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "tests" / "data" / "check" / "fixture.glossary.txt"
PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"


@pytest.mark.parametrize("command", [
    ["check", "--no-config", PO],
    ["lookup", "權力平衡"],
    ["convert", "-c", "t2s", PO],
    ["pinyin", "權力平衡"],
])
def test_one_glossary_twice_is_refused(tmp_path: Path, command: list[object]) -> None:
    (tmp_path / "g.glossary.txt").symlink_to(GLOSSARY)
    code, out, err = invoke(*command, "-g", GLOSSARY, "-g", "g.glossary.txt", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: Invalid value for '-g' / '--glossary': 'g.glossary.txt' is "
                          f"the same file as {str(GLOSSARY)!r}"), err
    assert len(err.splitlines()) == 1


def test_two_glossaries_still_read(tmp_path: Path) -> None:
    other = ROOT / "glossaries" / "example" / "glossary.txt"
    code, out, err = invoke("lookup", "-g", GLOSSARY, "-g", other, "權力平衡", cwd=tmp_path)
    assert code == 0, err
    assert str(GLOSSARY) in out and str(other) in out
