"""Excel workbooks (``.xlsx``): the glossary table of :mod:`termkit.formats.table`, in cells.

Read and written with openpyxl, the maintained library for the Office Open XML spreadsheet
format (imported only when an ``.xlsx`` is read or written; its errors are wrapped here
with the file, sheet and row).

Reading: every worksheet whose first non-empty row names at least two language columns
(the same header rules as CSV: ``en``, ``zh-TW``, ``zh_Hant``, ``English``, ``繁體中文``,
``en variants``, ``pinyin``, …) is a table of concepts, one per row; other sheets (a read-me,
a list of codes) are skipped with a notice, and a workbook with no such sheet is an error. A cell to the right of the header's columns (a
reviewer's note beside the table) is kept as a property named by its column, with a notice.
Cells are read as the values Excel shows when they are not text (numbers without a
trailing ``.0``, dates in ISO 8601, the cached result of a formula; a formula saved without
a result is read as empty with a notice naming its cell). Terms keep ``FILE#SHEET:ROW`` as
their source.

Writing: one sheet, ``Glossary``: a bold header row, frozen, with a filter; one row per concept
with the language columns, the admitted variants, pinyin, domains, status, notes, id, kind
and sources (one a line, in a wrapped cell). Every cell is text: a term that starts with
``=`` stays a term, never a formula. Text Excel cannot hold is refused with a
:class:`~termkit.errors.FormatError` naming the concept (control characters), or cut at
Excel's 32,767 characters a cell with a notice. The bytes are the same on every run: the
workbook carries no creation or modification time and its zip entries a fixed date.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from termkit.errors import FormatError
from termkit.formats.table import Row, glossary_from_rows, glossary_rows, read_rows, units_from_rows
from termkit.model import Glossary, Notice, Unit

SHEET = "Glossary"
MAX_CELL = 32_767  # characters Excel keeps in one cell
MAX_ROW = 1_048_576  # rows of an Excel sheet; a higher row number is a damaged or hostile file
# What a damaged zip or part raises while read: a bad header (BadZipFile), corrupt deflate data
# (zlib.error), a truncated entry (EOFError), an unsupported compression (NotImplementedError),
# a missing part (KeyError), malformed XML (SyntaxError), bad values (ValueError, IndexError).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError, IndexError,
            ValueError, SyntaxError)
# What the XML of a cell cannot carry: control characters, lone surrogates and the two
# noncharacters U+FFFE and U+FFFF (XML 1.0 excludes them; openpyxl's lxml refuses them).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_PART_LIMIT = 64 << 20  # an XML part larger than this is not re-read to locate damage
_CORE_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


# --------------------------------------------------------------------------- reading


def _cell_text(value: object) -> str:
    """A cell's value as the text Excel shows for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return str(value)


def _open(stream: BinaryIO, path: str) -> tuple[Any, bytes]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    data = stream.read()
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True), data
    except (*_DAMAGED, InvalidFileException, OSError) as exc:
        hint = "save it from Excel as .xlsx (an .xls, an encrypted or a damaged workbook cannot be read)"
        part = _damaged_part(data)
        detail = f"part {part}" if part else str(exc)
        raise FormatError(f"not a readable .xlsx workbook ({detail})", path=path, hint=hint) from None


def _damaged_part(data: bytes) -> str | None:
    """The first XML part of the workbook (outside the worksheets, which are read later and
    reported by sheet) that is not well-formed, with its position; ``None`` if all are."""
    from termkit import xmlsafe

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                name = info.filename
                if not name.endswith((".xml", ".rels")) or name.startswith("xl/worksheets/"):
                    continue
                if info.file_size > _PART_LIMIT:
                    continue
                try:
                    xmlsafe.parse(io.BytesIO(zf.read(info)), name)
                except FormatError as exc:
                    at = f", line {exc.line}" + (f", column {exc.column}" if exc.column else "") if exc.line else ""
                    return f"{name}{at}: {exc.message}"
    except (*_DAMAGED, OSError):
        return None
    return None


FORMULA_NOTICES = 20  # formula cells without a result named one by one, per sheet; then a count
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _uncached_formulas(data: bytes, part: str | None) -> Iterator[tuple[str, int, str]]:
    """``(cell, row, formula)`` of each formula cell of a worksheet part that holds no result.

    openpyxl's ``data_only`` reading gives the result saved with a formula, and nothing when
    there is none (a workbook written by a program that does not calculate, such as openpyxl):
    such a cell has no ``<v>``, or an empty one while its type is not text (``t="str"``,
    the type of an empty text result). Shared formulas name their text in the first cell only.
    """
    from termkit import xmlsafe

    if part is None:
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            body = zf.read(part)
    except (*_DAMAGED, OSError):
        return  # openpyxl read it; a part it found and this does not is not this check's to report
    if not _FORMULA.search(body):
        return
    cell_tag, f_tag, v_tag = (f"{{{_MAIN_NS}}}{t}" for t in ("c", "f", "v"))
    cells = xmlsafe.iterparse(io.BytesIO(body), part, tags=(cell_tag,))
    try:
        for _event, elem in cells:
            formula = elem.find(f_tag)
            if formula is not None:
                value = elem.find(v_tag)
                if value is None or (not value.text and elem.get("t") not in ("str", "inlineStr")):
                    ref = elem.get("r") or ""
                    m = _CELL_REF.fullmatch(ref)
                    yield ref, int(m.group(2)) if m else 0, formula.text or ""
            elem.clear()
    except FormatError:
        return  # openpyxl read the sheet: what this stricter parse refuses is not this check's


def _formula_notices(data: bytes, ws: Any, path: str) -> list[Notice]:
    """Warnings for the formula cells of a glossary sheet that were read as empty."""
    # openpyxl's read-only sheet knows its part (no public name for it): without it, no check.
    found = list(_uncached_formulas(data, getattr(ws, "_worksheet_path", None)))
    where = f"sheet {ws.title!r}: "
    notices = [
        Notice(f"{where}cell {ref} is a formula ({'=' + text if text else 'shared'}) whose "
               "result the workbook does not hold: read as empty; open and save the workbook in "
               "Excel or LibreOffice to store it", path, row or None)
        for ref, row, text in found[:FORMULA_NOTICES]]
    if len(found) > FORMULA_NOTICES:
        notices.append(Notice(f"{where}{len(found) - FORMULA_NOTICES} more formula cell(s) whose "
                              "result the workbook does not hold, read as empty", path))
    return notices


def _is_header_problem(exc: FormatError) -> bool:
    return "no header row" in exc.message or "fewer than two language columns" in exc.message


def _records(ws: Any, path: str, where: str, seen: list[int]) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cell texts)`` of a sheet; ``seen[0]`` is the last row number read.

    openpyxl yields an empty row for each row number a sheet skips, so a row numbered in the
    billions would take hours: row numbers past Excel's last row are refused instead.
    """
    for line, values in enumerate(ws.iter_rows(min_row=1, min_col=1, values_only=True), 1):
        if line > MAX_ROW:
            raise FormatError(f"{where}row number beyond Excel's last row ({MAX_ROW:,})", path=path,
                              line=line, hint="the workbook is damaged")
        seen[0] = line
        yield line, [_cell_text(v) for v in values]


def _sheets(stream: BinaryIO, path: str) -> tuple[list[tuple[str, list[Row]]], list[Notice]]:
    """The rows of each sheet holding a glossary table, and notices: each other sheet, each
    formula cell of a table read as empty (no result saved with it)."""
    wb, data = _open(stream, path)
    tables: list[tuple[str, list[Row]]] = []
    skipped: list[FormatError] = []
    formulas: list[Notice] = []
    try:
        for ws in wb.worksheets:
            ws.reset_dimensions()  # a wrong <dimension> in the file must not cut rows off
            where = f"sheet {ws.title!r}: "
            seen = [0]
            try:
                tables.append((ws.title, list(read_rows(_records(ws, path, where, seen), path, where, keep_stray=True))))
                formulas += _formula_notices(data, ws, path)
            except FormatError as exc:
                if not _is_header_problem(exc):
                    raise
                skipped.append(exc)
            except _DAMAGED as exc:
                # a damaged part (a shared string that is not there, malformed XML, bad deflate
                # data …), reported at the row after the last one read
                raise FormatError(f"{where}unreadable ({type(exc).__name__}: {exc})", path=path,
                                  line=seen[0] + 1) from None
    finally:
        wb.close()
    if not tables:
        raise skipped[0] if skipped else FormatError("the workbook has no sheets", path=path)
    return tables, [*(Notice(f"{exc.message}; sheet skipped", path, exc.line) for exc in skipped),
                    *formulas]


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read every glossary sheet of a workbook: one concept per row, in sheet order."""
    tables, skipped = _sheets(stream, path)
    glossary = Glossary(notices=skipped)
    for title, rows in tables:
        part = glossary_from_rows(rows, path, "import:xlsx", source_path=f"{path}#{title}")
        glossary.concepts += part.concepts
        glossary.notices += part.notices
    return glossary


def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Each row of each glossary sheet as a translation unit (for checks and the TM)."""
    tables, _skipped = _sheets(stream, path)
    for title, rows in tables:
        yield from units_from_rows(rows, f"{path}#{title}")


# --------------------------------------------------------------------------- writing


def _width(values: list[str]) -> float:
    """A column width in Excel's units: East Asian characters count twice; 8 to 60."""
    longest = 0
    for value in values:
        for line in value.split("\n"):
            longest = max(longest, sum(2 if ord(ch) >= 0x2E80 else 1 for ch in line))
    return float(min(max(longest + 2, 8), 60))


def _deterministic(data: bytes) -> bytes:
    """The same workbook without timestamps: fixed zip entry dates, no core-property dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(b"", body)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: object) -> list[Notice]:
    """Write ``glossary`` as one sheet of an ``.xlsx`` workbook; notices on skips and cuts."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header, rows, notices = glossary_rows(glossary)
    cut = 0
    for concept, cells in rows:
        for name, value in zip(header, cells, strict=True):
            bad = _ILLEGAL.search(value)
            if bad:
                raise FormatError(
                    f"concept {concept.id}: column {name!r} holds U+{ord(bad.group()):04X}, "
                    "a character an Excel cell cannot hold",
                    hint="remove it from the glossary",
                )
            cut += len(value) > MAX_CELL
    wb = Workbook()
    wb.properties.creator = "termkit"
    ws = wb.active
    ws.title = SHEET
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for r, cells in enumerate([header, *(c for _concept, c in rows)], 1):
        for col, value in enumerate(cells, 1):
            if value == "":
                continue
            cell = ws.cell(row=r, column=col)
            cell.value = value[:MAX_CELL]
            cell.data_type = "s"  # text, even "=1+1" or "#N/A"
            if r == 1:
                cell.font = bold
            elif "\n" in value:
                cell.alignment = wrap
    for col in range(1, len(header) + 1):
        column = [header[col - 1], *(c[col - 1] for _concept, c in rows)]
        ws.column_dimensions[get_column_letter(col)].width = _width(column)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    buffer = io.BytesIO()
    wb.save(buffer)
    stream.write(_deterministic(buffer.getvalue()))
    if cut:
        notices.append(Notice(f"{cut} cell(s) longer than Excel's {MAX_CELL:,} characters were cut"))
    return notices
