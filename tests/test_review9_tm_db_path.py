"""`--db` given an empty name or a name ending in `/`.

`tm import --db ''` said "Error: is a directory, not a translation memory" (the empty name
was taken as the current folder, and the message named no file); `tm import --db new/`
created a memory file called `new`, where every output named with a trailing `/` is refused
("names a folder, not a file").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

TMX = ROOT / "glossaries" / "example" / "glossary.tmx"


@pytest.mark.parametrize("command", [["import", TMX], ["stats"], ["export"]])
def test_an_empty_db_name(tmp_path: Path, command: list[object]) -> None:
    code, out, err = invoke("tm", *command, "--db", "", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "Error: --db is empty; give the path of a memory file\n"
    assert list(tmp_path.iterdir()) == []


def test_a_db_name_ending_in_a_slash(tmp_path: Path) -> None:
    code, out, err = invoke("tm", "import", "--db", "new/", TMX, cwd=tmp_path)
    assert (code, out) == (1, "")
    assert err == "Error: new/: names a folder, not a memory file\n"
    assert list(tmp_path.iterdir()) == []


def test_a_db_in_a_folder_still_opens(tmp_path: Path) -> None:
    (tmp_path / "mem").mkdir()
    code, _, err = invoke("tm", "import", "--db", "mem/tm.sqlite", TMX, cwd=tmp_path)
    assert code == 0, err
    code, out, _ = invoke("tm", "stats", "--db", "./mem/tm.sqlite", cwd=tmp_path)
    assert code == 0 and out
