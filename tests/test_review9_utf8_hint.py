"""`convert` and `detect` on bytes in none of the encodings termkit reads: the hint must not
name one it has just ruled out.

A Latin-1 file (the LISA kit's French PO, an accented English text) was told "convert the
file to UTF-8 first (e.g. iconv -f BIG5 -t UTF-8)": following it turns the accents into
Chinese characters. Big5 is named only when the bytes read as Big5.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

FRENCH_PO = ROOT / "tests" / "data" / "po" / "lisa-ExportTest1D_fr.po"
UNKNOWN = ("convert it to UTF-8 first, from the encoding it was written in "
           "(iconv -f ENCODING -t UTF-8 FILE); it does not read as UTF-16, Big5 or GB18030")


def test_a_latin1_po_file(tmp_path: Path) -> None:
    code, out, err = invoke("convert", "-c", "s2t", FRENCH_PO, cwd=tmp_path)
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {FRENCH_PO}:")
    assert err.endswith(f": not valid UTF-8; {UNKNOWN}\n")
    assert "BIG5" not in err


@pytest.mark.parametrize("command", [["convert", "-c", "t2s"], ["detect", "--expect", "hant"]])
def test_a_latin1_text(command: list[str], tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_bytes("Café, naïve façade\n".encode("latin-1"))
    code, _, err = invoke(*command, text, cwd=tmp_path)
    assert code in (1, 2)
    assert err == f"Error: {text}:1:4: not valid UTF-8; {UNKNOWN}\n"


@pytest.mark.parametrize(("encoding", "name"), [("big5", "BIG5"), ("gb18030", "GB18030")])
def test_an_encoding_termkit_knows_is_named(encoding: str, name: str, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_bytes("權力平衡與現實主義的研究方法\n".encode(encoding))
    code, _, err = invoke("convert", "-c", "t2s", text, cwd=tmp_path)
    assert code == 1
    assert err.endswith(f"it reads as {name}: convert it to UTF-8 first "
                        f"(iconv -f {name} -t UTF-8 FILE)\n")
