"""review28: `termkit pinyin` of a page in a Western encoding reads every byte as a browser
does.

A page declared ISO-8859-1, windows-1252 or ASCII is windows-1252 to a browser (the WHATWG
Encoding standard), whose five bytes Python's cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
0x9D) are the C1 controls of the same number. Before, one such byte sent the whole page to
latin-1, so its curly quotes, dashes and euro signs (0x80–0x9F) came out as C1 controls: the
text the page showed was lost. Oracle: the standard's mapping (Python's cp1252 for the bytes
it defines, the byte's own number for the five), and the page with its readings taken out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli

_RUBY_MARKUP = re.compile(r"<rt>[^<]*</rt>|</?ruby>")
_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _whatwg_1252(data: bytes) -> str:
    return "".join(chr(b) if b in _UNDEFINED else bytes([b]).decode("cp1252") for b in data)


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "us-ascii"])
@pytest.mark.parametrize("stray", _UNDEFINED)
def test_a_western_page_keeps_what_it_shows(tmp_path: Path, label: str, stray: int) -> None:
    body = b"\x93caf\xe9\x94 \x80 5 \x96 6" + bytes([stray]) + b" &#20013;&#25991;"
    page = (b'<html><head><meta charset="' + label.encode() + b'"></head><body><p>' + body
            + b"</p></body></html>")
    src, out = tmp_path / "page.html", tmp_path / "out.html"
    src.write_bytes(page)
    result = CliRunner().invoke(cli, ["pinyin", "-i", str(src), "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    shown = _RUBY_MARKUP.sub("", out.read_bytes().decode("utf-8"))
    assert _whatwg_1252(body) in shown
    assert "<rt>" in out.read_text(encoding="utf-8")  # the references got their readings
