"""A termkit glossary file with classic Mac line ends (a lone CR, as some editors and
spreadsheet exports still write them) reads as the same glossary.

It was refused with "not a termkit glossary (first line must be '# termkit glossary 1')"
although its first line was exactly that: the reader split lines at LF only (CRLF worked).
Every other text format termkit reads takes a lone CR as a line end, and the writer escapes
a CR inside a value (``\\r``), so a raw one is always a line end.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from termkit.errors import FormatError
from termkit.formats.termkit_text import read_glossary
from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_other_line_ends_read_as_the_same_glossary(newline: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    expected = read_glossary(io.BytesIO(text.encode()), "g.glossary.txt")
    other = read_glossary(io.BytesIO(text.replace("\n", newline).encode()), "g.glossary.txt")
    assert other == expected


def test_line_numbers_count_lone_cr_as_line_ends() -> None:
    text = "# termkit glossary 1\r\r[c1]\rbogus: 1\r"
    with pytest.raises(FormatError) as caught:
        read_glossary(io.BytesIO(text.encode()), "g.glossary.txt")
    assert caught.value.line == 4
    assert "unknown key 'bogus'" in str(caught.value)


def test_import_of_a_cr_file(tmp_path: Path) -> None:
    src = tmp_path / "mac.glossary.txt"
    src.write_bytes(EXAMPLE.read_bytes().replace(b"\n", b"\r"))
    code, _, err = invoke("import", src, "-o", "out.glossary.txt", cwd=tmp_path)
    assert code == 0, err
    code, _, err = invoke("import", EXAMPLE, "-o", "ref.glossary.txt", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "out.glossary.txt").read_text("utf-8").replace(str(src), "X") == \
        (tmp_path / "ref.glossary.txt").read_text("utf-8").replace(str(EXAMPLE), "X")
