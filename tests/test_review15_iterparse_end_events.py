"""xmlsafe.iterparse refuses entity declarations whatever events or tags it is asked for.

The check ran on the root's start event only, so a caller asking for end events (the xlsx
reader's scan of a worksheet for formula cells), or for tags that leave the root out, never
ran it. Found by review15. The xlsx scan, which reads a sheet openpyxl has already read, keeps
what it cannot parse to itself (the workbook is read as before).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from termkit.errors import FormatError
from termkit.formats import xlsx
from termkit.xmlsafe import iterparse

DOC = b'<?xml version="1.0"?>\n<!DOCTYPE r [\n\n<!ENTITY e "x">\n]>\n<r><a>1</a><b>2</b></r>\n'


@pytest.mark.parametrize(("events", "tags"), [
    (("start",), None), (("end",), None), (("start", "end"), ("a",)), (("end",), ("a",)),
    (("end",), ("none-such",)),
])
def test_every_way_of_iterating_refuses_a_declaration(events: tuple[str, ...],
                                                      tags: tuple[str, ...] | None) -> None:
    with pytest.raises(FormatError, match="entity declarations are not allowed") as info:
        list(iterparse(io.BytesIO(DOC), "d.xml", tags=tags, events=events))
    assert info.value.line == 4


def test_a_document_without_declarations_still_streams() -> None:
    plain = b'<r><a>1</a><b>2</b></r>'
    assert [e.tag for _, e in iterparse(io.BytesIO(plain), "d.xml", tags=("a", "b"))] == ["a", "b"]


def test_an_xlsx_sheet_with_a_declaration_is_still_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["en", "zh-TW"])
    ws.append(["software", "軟體"])
    ws["C2"] = "=A2"
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    doctype = tmp_path / "doctype.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(doctype, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY e "x">]>\n' + data
            out.writestr(item, data)
    with plain.open("rb") as fh:
        expected = xlsx.read_glossary(fh, str(plain))
    with doctype.open("rb") as fh:
        glossary = xlsx.read_glossary(fh, str(doctype))
    assert [(t.lang, t.text) for c in glossary.concepts for t in c.terms] == [
        (t.lang, t.text) for c in expected.concepts for t in c.terms] == [
        ("en", "software"), ("zh-Hant-TW", "軟體")]
