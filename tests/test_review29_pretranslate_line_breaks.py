"""review29: ``tm pretranslate`` keeps the line breaks of an XML file written with CRLF.

The outputs were to open and end as the input did (its declaration, byte order mark, final
line break), but the body came out with lxml's LF line breaks: a CRLF file (Heartsome's and
Okapi's TMX, an XLIFF saved on Windows) came out with CRLF on its first and last lines and LF
on every other, and a file in which nothing was filled differed on every line. An XML parser
reads CRLF as LF, so writing the body's line breaks as CRLF again changes no content.

Oracles: the real CRLF files' own bytes (every line break of the output CRLF where the
input's are) and their parsed content, unchanged.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from termkit.model import Unit, Variant
from termkit.tm.pretranslate import Options, pretranslate_stream
from termkit.tm.store import open_store
from tests.conftest import DATA

CRLF_FILES = [DATA / "tm" / "tmx" / "okapi-sample14b.tmx",
              DATA / "tm" / "tmx" / "heartsome-dejavu-utf-8.tmx"]


def _pretranslate(tmp_path: Path, data: bytes, name: str, units: list[tuple[str, str]]) -> bytes:
    out = io.BytesIO()
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        if units:
            store.import_units([Unit(None, [Variant("en", en), Variant("zh-Hans", zh)], "en")
                                for en, zh in units])
        pretranslate_stream(store, data, name, out,
                            options=Options(source_lang="en", target_lang="zh-CN"))
    return out.getvalue()


def _lf(data: bytes) -> int:
    """Line feeds not preceded by a carriage return."""
    return data.count(b"\n") - data.count(b"\r\n")


@pytest.mark.parametrize("path", CRLF_FILES, ids=lambda p: p.name)
def test_a_crlf_file_with_nothing_filled_keeps_its_line_breaks(tmp_path: Path,
                                                               path: Path) -> None:
    data = path.read_bytes()
    assert data.count(b"\r\n") > 10 and _lf(data) == 0
    out = _pretranslate(tmp_path, data, path.name, [])
    # every line break the parser keeps (not those between a tag's attributes) is CRLF again
    kept = etree.tostring(etree.fromstring(data)).count(b"\n")
    assert _lf(out) == 0 and out.count(b"\r\n") >= kept > 10
    assert etree.tostring(etree.fromstring(out)) == etree.tostring(etree.fromstring(data))


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.c" source-language="en" target-language="zh-CN" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Open the file</source>
      </trans-unit>
      <trans-unit id="2">
        <source>Line one
line two</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_filled_crlf_xliff_has_no_mixed_line_breaks(tmp_path: Path) -> None:
    data = XLIFF.replace("\n", "\r\n").encode("utf-8")
    out = _pretranslate(tmp_path, data, "a.xlf",
                        [("Open the file", "打开文件"), ("Line one\nline two", "第一行\n第二行")])
    assert "打开文件".encode() in out
    assert _lf(out) == 0, out
    root = etree.fromstring(out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    assert root.findtext(".//x:trans-unit[@id='2']/x:source", namespaces=ns) == "Line one\nline two"


def test_a_crlf_po_catalog_keeps_its_line_breaks(tmp_path: Path) -> None:
    """A PO catalog saved with CRLF (gettext reads it) came out with LF on every line."""
    catalog = (DATA / "po" / "opencc-0.1.2-zh_TW.po").read_bytes()
    assert _lf(catalog) > 100
    data = catalog.replace(b"\n", b"\r\n")
    out = _pretranslate(tmp_path, data, "zh_TW.po", [])
    assert _lf(out) == 0 and out.count(b"\r\n") > 100
    plain = _pretranslate(tmp_path, catalog, "zh_TW.po", [])
    assert out == plain.replace(b"\n", b"\r\n")
