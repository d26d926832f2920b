"""An empty PO file (no byte, or only a byte order mark or blank lines) is an error, as an
empty file is in every other format termkit reads.

It read as a catalog of no entries: `termkit import empty.po -o glossary.txt` replaced the
glossary with an empty one and exit status 0 (an interrupted download, a `> messages.po`
typo), `tm pretranslate` wrote an empty "translation", `check` passed it. `msgfmt -c` refuses
it too (no header). A PO file with a header and no messages is still a catalog.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

TMX = ROOT / "glossaries" / "example" / "glossary.tmx"
EMPTY = {"nothing": b"", "bom": b"\xef\xbb\xbf", "utf16-bom": b"\xff\xfe",
         "blank-lines": b"\n \r\n\t\n"}


def commands(po: Path, tmp_path: Path) -> dict[str, tuple[list[object], int]]:
    db = tmp_path / "tm.sqlite"
    return {
        "import": (["import", po, "-o", "g.glossary.txt"], 1),
        "export": (["export", po, "-o", "g.tmx"], 1),
        "check": (["check", po], 2),
        "tm import": (["tm", "import", "--db", db, po], 1),
        "tm pretranslate": (["tm", "pretranslate", "--db", db, po, "-o", "out.po"], 1),
        "tm analyze": (["tm", "analyze", "--db", db, po], 1),
    }


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    code, _, err = invoke("tm", "import", "--db", tmp_path / "tm.sqlite", TMX)
    assert code == 0, err
    return tmp_path / "tm.sqlite"


@pytest.mark.parametrize("command", list(commands(Path(), Path())))
@pytest.mark.parametrize("content", list(EMPTY))
def test_an_empty_po_file_is_refused(command: str, content: str, tmp_path: Path,
                                     db: Path) -> None:
    po = tmp_path / "messages.zh_TW.po"
    po.write_bytes(EMPTY[content])
    (tmp_path / "g.glossary.txt").write_bytes(b"the glossary before\n")
    args, status = commands(po, tmp_path)[command]
    before = db.read_bytes()
    code, _, err = invoke(*args, cwd=tmp_path)
    assert code == status
    assert err.splitlines()[-1] == f"Error: {po}: empty file"
    assert (tmp_path / "g.glossary.txt").read_bytes() == b"the glossary before\n"
    assert not (tmp_path / "out.po").exists() and not (tmp_path / "g.tmx").exists()
    assert db.read_bytes() == before


def test_a_catalog_with_a_header_and_no_message_is_still_read(tmp_path: Path) -> None:
    po = tmp_path / "new.zh_TW.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    code, out, err = invoke("check", po, cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("0 findings")
