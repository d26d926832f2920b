"""A formula cell whose result the workbook does not hold is named in a warning on import.

termkit reads the results Excel saved with its formulas (openpyxl's ``data_only``). A
workbook written by a program that does not calculate (openpyxl itself, a script, some
exporters) holds the formula alone: the cell was read as empty and its term dropped without
a word. `import` now warns at FILE:ROW naming the sheet and the cell. A saved result
(XlsxWriter's, as Excel and LibreOffice write them), an empty text result included, is read
as before, without a warning.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import Workbook

from termkit.formats import xlsx
from tests.inprocess import invoke


def uncalculated(path: Path, *, drop_v: bool = False) -> None:
    """A glossary sheet whose row 3 Chinese term is a formula openpyxl saved with no result."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Terms"
    ws.append(["en", "zh-TW"])
    ws.append(["power", "權力"])
    ws.append(["balance", '=CONCAT("平","衡")'])
    wb.save(path)
    if drop_v:  # the same without even an empty <v>: no result at all
        data = io.BytesIO(path.read_bytes())
        out = io.BytesIO()
        with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                body = src.read(info)
                if info.filename.startswith("xl/worksheets/"):
                    assert b"<v></v>" in body or b"<v/>" in body
                    body = body.replace(b"<v></v>", b"").replace(b"<v/>", b"")
                dst.writestr(info, body)
        path.write_bytes(out.getvalue())


@pytest.mark.parametrize("drop_v", [False, True], ids=["empty-v", "no-v"])
def test_a_formula_without_a_result_is_named(tmp_path: Path, drop_v: bool) -> None:
    uncalculated(tmp_path / "g.xlsx", drop_v=drop_v)
    code, _out, err = invoke("import", "g.xlsx", "-o", "g.txt", cwd=tmp_path)
    assert code == 0
    assert err == ("Warning: g.xlsx:3: sheet 'Terms': cell B3 is a formula "
                   "(=CONCAT(\"平\",\"衡\")) whose result the workbook does not hold: read as "
                   "empty; open and save the workbook in Excel or LibreOffice to store it\n")
    text = (tmp_path / "g.txt").read_text("utf-8")
    assert "term zh-Hant-TW: 權力" in text and "平衡" not in text


def test_the_library_returns_it_as_a_notice(tmp_path: Path) -> None:
    uncalculated(tmp_path / "g.xlsx")
    with open(tmp_path / "g.xlsx", "rb") as fh:
        glossary = xlsx.read_glossary(fh, "g.xlsx")
    found = [n for n in glossary.notices if "cell B3" in n.message]
    assert [(n.path, n.line) for n in found] == [("g.xlsx", 3)]


def test_saved_results_are_read_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "g.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Terms")
    ws.write_row(0, 0, ["en", "zh-TW", "note"])
    ws.write_row(1, 0, ["power", "權力"])
    ws.write(2, 0, "balance")
    ws.write_formula(2, 1, '=CONCAT("平","衡")', None, "平衡")  # the result Excel would save
    ws.write_formula(2, 2, '=""', None, "\u2063")  # made an empty text result below
    wb.close()
    # An empty text result as Excel and LibreOffice save it: t="str" and an empty <v>.
    # (XlsxWriter writes "" without the type, as openpyxl writes a formula with no result.)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                assert body.count('t="str"><f>""</f><v>\u2063</v>'.encode()) == 1
                body = body.replace("<v>\u2063</v>".encode(), b"<v></v>")
            dst.writestr(info, body)
    path.write_bytes(out.getvalue())
    code, _out, err = invoke("import", "g.xlsx", "-o", "g.txt", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert "term zh-Hant-TW: 平衡" in (tmp_path / "g.txt").read_text("utf-8")


def test_many_are_counted_not_listed(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["en", "zh-TW"])
    for i in range(2, 42):
        ws.append([f"term {i}", f'=CONCAT("詞","{i}")'])
    wb.save(tmp_path / "g.xlsx")
    code, _out, err = invoke("import", "g.xlsx", "-o", "g.txt", cwd=tmp_path)
    lines = err.splitlines()
    assert code == 0 and len(lines) == xlsx.FORMULA_NOTICES + 1
    assert lines[-1] == (f"Warning: g.xlsx: sheet 'Sheet': {40 - xlsx.FORMULA_NOTICES} more "
                         "formula cell(s) whose result the workbook does not hold, read as empty")
