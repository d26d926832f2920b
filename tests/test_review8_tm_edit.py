"""`tm edit --lang` naming a side it cannot edit says which sides it can.

`tm edit 1 --lang en` on a unit whose source is English said "unit #1 has no target sides to
choose from (zh-Hant, zh-Hans, en)", listing three languages after saying there were none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    code, _, err = invoke("tm", "import", "--db", tmp_path / "tm.sqlite",
                          ROOT / "glossaries" / "example" / "glossary.tmx")
    assert code == 0, err
    return tmp_path / "tm.sqlite"


def edit(db: Path, *args: str) -> tuple[int, str]:
    code, _, err = invoke("tm", "edit", "--db", db, *args)
    return code, err


def test_the_source_side_is_named_as_such(db: Path) -> None:
    code, err = edit(db, "1", "--target", "x", "--lang", "en")
    assert code == 2
    assert err == ("Error: unit #1 has no target side in en (en is its source language); "
                   "its target sides: zh-Hant, zh-Hans\n")


def test_a_language_the_unit_lacks(db: Path) -> None:
    code, err = edit(db, "1", "--target", "x", "--lang", "fr")
    assert code == 2
    assert err == "Error: unit #1 has no target side in fr; its target sides: zh-Hant, zh-Hans\n"


def test_several_sides_without_lang(db: Path) -> None:
    code, err = edit(db, "1", "--target", "x")
    assert code == 2
    assert err == ("Error: unit #1 has 2 target sides (zh-Hant, zh-Hans); name one with "
                   "--lang\n")
    code, err = edit(db, "1", "--target", "x", "--lang", "zh-Hant")
    assert (code, err) == (0, "")
