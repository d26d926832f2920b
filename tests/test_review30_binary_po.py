"""review30: a binary file read as PO is "binary file, not text", as in every other format.

A PO catalog with no charset that is not UTF-8, Big5 or GB18030 is decoded as Latin-1 (the
legacy Western catalogs), and any byte string decodes as Latin-1: an image, a zip or a
translation memory given with `--format po` (or named `.po`) came out as a syntax error quoting
the first "keyword", control characters and all (`unknown keyword '\\x7fELF\\x02\\x01…'`, a line
of mojibake for a PNG). The text readers of every other format refuse the same bytes cleanly.

Oracle: termkit's own decoder (:func:`termkit.textio.decode_text`) calls each of these files
binary; a real PO file in another encoding is still read.
"""

from __future__ import annotations

import gzip
import random
import sqlite3
import sys
from pathlib import Path

import pytest

from termkit.errors import InputError
from termkit.textio import BINARY, decode_text
from tests.conftest import DATA
from tests.inprocess import invoke


def _sqlite(tmp_path: Path) -> bytes:
    db = tmp_path / "made.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t (a text)")
        conn.execute("insert into t values ('msgid')")
    conn.close()
    return db.read_bytes()


def _binaries(tmp_path: Path) -> dict[str, bytes]:
    po = (DATA / "po" / "opencc-0.1.2-zh_CN.po").read_bytes()
    return {
        "random": random.Random(30).randbytes(3000),
        "interpreter": Path(sys.executable).resolve().read_bytes()[:4000],
        "gzip": gzip.compress(po, mtime=0),
        "sqlite": _sqlite(tmp_path),
        "png-head": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(200),
    }


KINDS = ["random", "interpreter", "gzip", "sqlite", "png-head"]


@pytest.mark.parametrize("kind", KINDS)
def test_decoding_calls_each_file_binary(tmp_path: Path, kind: str) -> None:
    data = _binaries(tmp_path)[kind]
    with pytest.raises(InputError) as exc:
        decode_text(data, "x")
    assert exc.value.message == BINARY


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", [["import", "-o", "out.txt"], ["tm", "import", "--db", "tm.sqlite"]],
                         ids=["import", "tm-import"])
def test_a_binary_file_read_as_po_is_refused_as_binary(tmp_path: Path, kind: str,
                                                       command: list[str]) -> None:
    (tmp_path / "in.bin").write_bytes(_binaries(tmp_path)[kind])
    code, _out, err = invoke(*command, "--format", "po", "in.bin", cwd=tmp_path)
    assert code == 1, err
    assert err == f"Error: in.bin: {BINARY}\n"
    assert not (tmp_path / "out.txt").exists()


def test_a_binary_file_named_po_is_refused_by_check_and_analyze(tmp_path: Path) -> None:
    (tmp_path / "x.po").write_bytes(_binaries(tmp_path)["random"])
    glossary = Path(__file__).parents[1] / "glossaries" / "example" / "glossary.txt"
    code, _out, err = invoke("check", "-g", glossary, "x.po", cwd=tmp_path)
    assert code == 2 and f"Error: x.po: {BINARY}" in err, err
    code, _out, err = invoke("tm", "import", "--db", "tm.sqlite", DATA / "po" / "opencc-0.1.2-zh_CN.po",
                            cwd=tmp_path)
    assert code == 0, err
    code, _out, err = invoke("tm", "analyze", "--db", "tm.sqlite", "x.po", cwd=tmp_path)
    assert code == 1 and err.endswith(f"Error: x.po: {BINARY}\n"), err


def test_a_latin1_catalog_without_charset_is_still_read(tmp_path: Path) -> None:
    # The legacy case the Latin-1 fallback is for: the LISA kit's French catalog.
    lisa = DATA / "po" / "lisa-ExportTest1D_fr.po"
    with pytest.raises(UnicodeDecodeError):
        lisa.read_bytes().decode("utf-8")
    code, out, err = invoke("import", "--format", "po", lisa, "-o", "-", cwd=tmp_path)
    assert code == 0, err
    assert "Latin-1" in err and "é=eacute" in out


def test_an_unknown_keyword_is_quoted_short(tmp_path: Path) -> None:
    # A text file that is no PO (minified code, one long line) named .po: the error line
    # quoted the whole line, 100,000 characters.
    (tmp_path / "min.po").write_text("var=" + "x" * 100_000 + ";f(var)\n", "utf-8")
    code, _out, err = invoke("import", "min.po", "-o", "out.txt", cwd=tmp_path)
    assert code == 1
    assert err.startswith("Error: min.po:1:1: PO syntax error: unknown keyword 'var")
    assert len(err) < 200, len(err)
