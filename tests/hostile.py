"""Hostile inputs for the commands added after the hardening work (issue 13's guarantees).

Each case runs the real CLI (``python -m termkit`` in a subprocess, in a scratch folder of
crafted files) and must keep issue 13's promises:

* exit status 0, or 1 without an ``Error:`` line where 1 means "nothing found"/"findings";
  otherwise exit 1 or 2 with exactly one ``Error:`` line on stderr;
* never a traceback, never the "internal error" line of a bug;
* no input file changed (SHA-256 of every file of the scratch folder that is not an output
  of the case, before and after), no temporary file left behind;
* bounded time and memory (a timeout, and the child's peak resident memory).

The cases attack ``lookup``, ``.xlsx`` import/export, ``tm pretranslate/analyze/delete/edit``,
``check``'s format/typography options, baselines and reports, BibTeX and EndNote records,
labelled pages with odd bytes, folders (symlink loops, FIFOs), ``convert --in-place`` on
folders and ``review`` on a bad glossary. ``tests/test_hostile.py`` runs them all;
``python -m tests.hostile [-k SUBSTRING]`` runs them from the command line and prints a table.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"

# Cases that failed before the fixes made with this module (the default test run always runs
# them; the rest run with ``pytest --fuzz-long`` or ``python -m tests.hostile``).
REGRESSIONS = (
    "xlsx/flipped-bytes/import",
    "xlsx/flipped-bytes/export-tmx",
    "xlsx/row-number-zero/import",
    "tm/delete/id=99999999999999999999",
    "tm/edit/id=9223372036854775808",
    "check/baseline/deep",
    "check/baseline/fifo",
    "check/report-over-config",
    "check/report-over-auto-config",
    "records/extract/continuation.enw",
    "folders/build-fifo-inside",
    "convert/in-place-text-folder-glossary-inside",
    "check/report-json-many-findings-one-unit",
)
SAMPLE_EVERY = 20
SLOW = re.compile(r"huge|many|one_line|one-long|pathological|last-cell|wide-rows|continuation")  # and every 20th other case, so each family is tried in the default run

TIMEOUT = 60.0
MAX_RSS_MB = 700  # peak resident memory of one command


@dataclass
class Case:
    """One command line on prepared files; ``{d}`` in an argument is the scratch folder."""

    name: str
    argv: list[str]
    setup: Callable[[Path], None] = lambda d: None
    outputs: tuple[str, ...] = ()  # files (relative) the command may create or change
    nothing_found_is_1: bool = False  # exit 1 without Error: is an answer (lookup, check)
    stdin: bytes | None = None
    timeout: float = TIMEOUT
    expect_error: bool = False  # the case must be refused (exit 1/2 with one Error: line)
    error_per_file: bool = False  # `check`: one Error: line per input file it cannot read
    max_rss_mb: float = MAX_RSS_MB


@dataclass
class Outcome:
    case: Case
    status: int
    stdout: bytes
    stderr: bytes
    seconds: float
    rss_mb: float
    problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- crafted files


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def xlsx_bytes(sheets: dict[str, str], shared: list[str] | None = None,
               extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal workbook written by hand: sheet name -> the XML inside <sheetData>."""
    names = list(sheets)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(names) + 1))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   f"{overrides}</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
                   '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
                   ' Target="xl/workbook.xml"/></Relationships>')
        sheet_entries = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>'
                                for i, n in enumerate(names, 1))
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
                   'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                   f'officeDocument/2006/relationships"><sheets>{sheet_entries}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1))
        rels += ('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
                 '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        strings = "".join(f"<si><t>{s}</t></si>" for s in (shared or []))
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                   f'spreadsheetml/2006/main">{strings}</sst>')
        for i, name in enumerate(names, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml",
                       '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                       'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                       f"{sheets[name]}</sheetData></worksheet>")
        for part, body in (extra or {}).items():
            z.writestr(part, body)
    return out.getvalue()


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = f'<row r="1">{inline("A1", "en")}{inline("B1", "zh-TW")}</row>'


def row(n: int, en: str, zh: str) -> str:
    return f'<row r="{n}">{inline(f"A{n}", en)}{inline(f"B{n}", zh)}</row>'


def huge_sheet_xlsx(path: Path, rows: int) -> None:
    """A workbook whose one sheet is hundreds of MB of XML, a few MB zipped (a zip bomb)."""
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
            'org/spreadsheetml/2006/main"><sheetData>' + HEADER)
    small = xlsx_bytes({"Glossary": HEADER})
    with zipfile.ZipFile(io.BytesIO(small)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info.filename, src.read(info))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode())
            chunk = "".join(row(n, "balance of power", "權力平衡") for n in range(2, 1002)).encode()
            for _ in range(rows // 1000):
                sheet.write(chunk)  # the same row numbers again: still one row each read
            sheet.write(b"</sheetData></worksheet>")


def wide_sheet_xlsx() -> bytes:
    """Cells at Excel's last column and row: padding would make 17 billion empty cells."""
    return xlsx_bytes({"Glossary": HEADER + row(2, "power", "權力")
                       + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'})


def wide_rows_xlsx() -> bytes:
    """20,000 rows each with a cell at column XFD: 16,384 cells a row once padded."""
    rows = "".join(f'<row r="{n}">{inline(f"A{n}", "a")}<c r="XFD{n}" t="inlineStr"><is><t>b</t></is></c></row>'
                   for n in range(2, 20_002))
    return xlsx_bytes({"Glossary": HEADER + rows})


def real_xlsx(path: Path, build: Callable[[object], None]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    build(wb.active)
    wb.save(path)


def _formulas(ws: object) -> None:
    ws.append(["en", "zh-TW"])  # type: ignore[attr-defined]
    ws.append(["=1+1", "=A2&\"權力\""])  # type: ignore[attr-defined]
    ws.append(["power", "=HYPERLINK(\"http://x\",\"權力\")"])  # type: ignore[attr-defined]


def _merged(ws: object) -> None:
    ws.append(["en", "zh-TW", "notes"])  # type: ignore[attr-defined]
    ws.append(["power", "權力", "n"])  # type: ignore[attr-defined]
    ws.append(["balance", "平衡", ""])  # type: ignore[attr-defined]
    ws.merge_cells("A2:A3")  # type: ignore[attr-defined]
    ws.merge_cells("B1:C1")  # type: ignore[attr-defined]


def _typed(ws: object) -> None:
    import datetime as dt

    ws.append(["en", "zh-TW", "notes"])  # type: ignore[attr-defined]
    ws.append([dt.datetime(2020, 1, 2, 3, 4), dt.date(1900, 1, 1), dt.time(12, 30)])  # type: ignore[attr-defined]
    ws.append([1e308, float("1e-300"), 12345678901234567890])  # type: ignore[attr-defined]
    ws.append([True, False, None])  # type: ignore[attr-defined]
    ws.append([dt.timedelta(days=3), -0.0, 3.5])  # type: ignore[attr-defined]


def _no_header(ws: object) -> None:
    ws.append(["power", "權力"])  # type: ignore[attr-defined]
    ws.append(["balance", "平衡"])  # type: ignore[attr-defined]


def _empty(ws: object) -> None:
    pass


def _header_only(ws: object) -> None:
    ws.append(["en", "zh-TW"])  # type: ignore[attr-defined]


def _control(ws: object) -> None:
    ws.append(["en", "zh-TW"])  # type: ignore[attr-defined]
    ws.append(["=cmd|' /C calc'!A0", "權力"])  # type: ignore[attr-defined]
    ws.append(["x" * 32_767, "權" * 32_767])  # type: ignore[attr-defined]


def valid_xlsx(d: Path) -> bytes:
    target = d / "_seed.xlsx"
    if not target.exists():
        run_quiet(["export", str(GLOSSARY), "--to", "xlsx", "-o", str(target)])
    return target.read_bytes()


def run_quiet(argv: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "termkit", *argv], check=True, capture_output=True)


def make_tm(d: Path) -> None:
    run_quiet(["tm", "import", "--db", str(d / "tm.sqlite"),
               str(ROOT / "glossaries" / "example" / "glossary.tmx")])


XLIFF2 = (DATA / "formats" / "xliff" / "sample-2.0.xlf")
PO = DATA / "check" / "seeded.zh_TW.po"

BIB_OK = "@article{a, title = {現實主義}, keywords = {權力平衡; 現實主義}, author = {王 小明}}\n"


def bib_cases() -> dict[str, bytes]:
    return {
        "unbalanced_open.bib": b"@article{x, title = {{{{{\xe7\x8f\xbe" + b"{" * 5000 + b"}\n",
        "unbalanced_close.bib": "@article{x, title = 現}}}}}}}, year=2014}\n".encode(),
        "deep.bib": b"@article{x, title = " + b"{" * 50_000 + b"a" + b"}" * 50_000 + b"}\n",
        "huge_field.bib": b"@article{x, title = {" + "權".encode() * 3_000_000 + b"}}\n",
        "many_entries.bib": (BIB_OK.replace("{a,", "{a%d,") * 1).encode() * 1
        + "".join(f"@article{{k{i}, title = {{現實主義{i}}}}}\n" for i in range(50_000)).encode(),
        "latin1.bib": "@article{x, title = {Réalisme}, keywords = {équilibre}}\n".encode("latin-1"),
        "big5.bib": "@article{x, title = {現實主義}, keywords = {權力平衡}}\n".encode("big5"),
        "binary.bib": bytes(range(256)) * 40,
        "nul.bib": b"@article{x,\x00 title = {\x00\xe7\x8f\xbe}}\n",
        "string_loop.bib": b"@string{a = b}\n@string{b = a}\n@article{x, title = a, year = b}\n",
        "string_self.bib": b"@string{a = a # a}\n@article{x, title = a # a # a}\n",
        "string_blowup.bib": (
            b"@string{s0 = \"xx\"}\n"
            + b"".join(f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n".encode() for i in range(1, 40))
            + b"@article{x, title = s39}\n"),
        "only_comment.bib": b"@comment{ nothing here }\n% just a comment\n",
        "preamble.bib": b"@preamble{ \"\\newcommand{\\x}{\\x}\" }\n@article{x, title = {\\x}}\n",
        "latex_loop.bib": b"@article{x, title = {\\def\\a{\\a}\\a \\" + b"\\" * 10_000 + b"}}\n",
        "duplicate_keys.bib": (BIB_OK + BIB_OK).encode(),
        "no_key.bib": b"@article{, title = {x}}\n@{}\n@@@@\n",
        "utf16.bib": BIB_OK.encode("utf-16"),
        "crlf_only_cr.bib": BIB_OK.replace("\n", "\r").encode() * 3,
        "empty.bib": b"",
    }


def enw_cases() -> dict[str, bytes]:
    good = (DATA / "records" / "refer_bilingual.enw").read_bytes()
    return {
        "huge_field.enw": b"%0 Journal Article\n%T " + "權".encode() * 3_000_000 + b"\n%K a;b\n",
        "huge_lines.enw": b"%0 Journal Article\n" + b"%K " + b"a;" * 2_000_000 + b"\n",
        "many_records.enw": good * 5000,
        "latin1.enw": "%0 Journal Article\n%T Réalisme\n%K équilibre\n".encode("latin-1"),
        "binary.enw": b"%0 " + bytes(range(256)) * 40,
        "nul.enw": b"%0 Journal Article\n%T \x00\x00\n%K \x00;\x00\n",
        "no_type.enw": b"%T title only\n%\n%%\n% \n%ZZ what\n",
        "only_percent.enw": b"%\n" * 1000,
        "bom_mid.enw": good.replace(b"%T", b"\xef\xbb\xbf%T"),
        "utf16.enw": good.decode().encode("utf-16"),
        "truncated.enw": good[: len(good) // 2 + 1],
        "empty.enw": b"",
        "continuation.enw": b"%0 Journal Article\n%T a\n" + b"   continued line\n" * 100_000,
    }


def page_cases() -> dict[str, bytes]:
    good = RECORD.read_bytes()
    return {
        "nul.txt": good.replace(b"\n", b"\x00\n"),
        "esc.txt": good.replace("：".encode(), b"\x1b[31m\xef\xbc\x9a"),
        "cr_only.txt": good.replace(b"\r\n", b"\n").replace(b"\n", b"\r"),
        "ls_ps.txt": good.replace(b"\n", "\u2028".encode()),
        "bidi.txt": good.replace(b"\n", "\u202e\n".encode()),
        "bom_mid.txt": good.replace(b"\n", b"\n\xef\xbb\xbf"),
        "lone_surrogate.txt": good + b"\xed\xa0\x80\n",
        "mixed_encodings.txt": good + "現實主義".encode("big5") + b"\n" + "現實主義".encode("gb18030"),
        "one_line.txt": good.replace(b"\n", b" ") * 2000,
        "labels_only.txt": "關鍵詞：\n關鍵字：\nKeywords:\n摘要：\nAbstract:\n".encode() * 1000,
        "huge_label.txt": ("關鍵詞：" + "權力；" * 500_000 + "\nKeywords: " + "power; " * 500_000).encode(),
        "html.html": b"<html><body>" + b"<div>" * 50_000 + good + b"</div>" * 50_000 + b"</body></html>",
        "html_entities.html": b"<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;"
                              b"&a;&a;&a;'>]><html><body>&b;&b;&b;" + good + b"</body></html>",
        "utf16_no_bom.txt": good.decode("utf-8").encode("utf-16-le"),
    }


def fifo_with_reader(d: Path) -> None:
    """A FIFO with a reader draining it (in a daemon thread), as `-o FIFO` needs."""
    import threading

    os.mkfifo(d / "fifo")

    def drain() -> None:
        with open(d / "fifo", "rb") as pipe:
            while pipe.read(65536):
                pass

    threading.Thread(target=drain, daemon=True).start()


def fifo_with_writer(path: Path, data: bytes) -> None:
    """A FIFO that a daemon thread fills with ``data`` once a reader opens it."""
    import threading

    os.mkfifo(path)

    def feed() -> None:
        with open(path, "wb") as pipe:
            pipe.write(data)

    threading.Thread(target=feed, daemon=True).start()


def make_fifo_folder(d: Path) -> None:
    folder = d / "withfifo"
    folder.mkdir()
    write(folder / "a.txt", RECORD.read_bytes())
    os.mkfifo(folder / "pipe.txt")


def make_loop_folder(d: Path) -> None:
    folder = d / "loop"
    folder.mkdir()
    write(folder / "a.txt", RECORD.read_bytes())
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    os.symlink("self", folder / "self")  # a symlink to itself
    os.symlink("missing.txt", folder / "dangling.txt")


def make_convert_folder(d: Path) -> None:
    folder = d / "conv"
    folder.mkdir()
    write(folder / "a.txt", "權力平衡與現實主義\n")
    write(folder / "b.txt", b"\xff\xfe\x00binary\x00")
    write(folder / "big5.txt", "權力平衡\n".encode("big5"))
    write(folder / "g.glossary.txt", GLOSSARY.read_bytes())
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    write(d / "outside.txt", "權力平衡\n")
    os.symlink(d / "outside.txt", folder / "link.txt")


# --------------------------------------------------------------------------- the cases


def cases() -> list[Case]:
    out: list[Case] = []
    add = out.append
    g = str(GLOSSARY)

    # ---- lookup
    add(Case("lookup/empty-query", ["lookup", "-g", g, ""], nothing_found_is_1=True))
    add(Case("lookup/spaces", ["lookup", "-g", g, "   ", "\t"], nothing_found_is_1=True))
    add(Case("lookup/punct-only", ["lookup", "-g", g, "!!!", "?"], nothing_found_is_1=True))
    add(Case("lookup/long-query", ["lookup", "-g", g, "權" * 40_000], nothing_found_is_1=True))
    add(Case("lookup/long-latin", ["lookup", "-g", g, "a" * 120_000], nothing_found_is_1=True))
    add(Case("lookup/regex", ["lookup", "-g", g, ".*[(", "\\"], nothing_found_is_1=True))
    add(Case("lookup/control", ["lookup", "-g", g, "\x01\x1b\u202e"], nothing_found_is_1=True))
    add(Case("lookup/tone-numbers", ["lookup", "-g", g, "quan2li4 99 ping5heng0 v:"], nothing_found_is_1=True))
    add(Case("lookup/combining", ["lookup", "-g", g, "a\u0301\u0301\u0301" * 1000], nothing_found_is_1=True))
    add(Case("lookup/missing-glossary", ["lookup", "-g", "{d}/nope.txt", "x"]))
    add(Case("lookup/folder-glossary", ["lookup", "-g", "{d}", "x"]))
    add(Case("lookup/fifo-glossary", ["lookup", "-g", "{d}/fifo", "--glossary-format", "termkit", "power"],
             setup=lambda d: fifo_with_writer(d / "fifo", GLOSSARY.read_bytes()), timeout=20,
             nothing_found_is_1=True))
    add(Case("lookup/binary-glossary", ["lookup", "-g", "{d}/b.glossary.txt", "x"],
             setup=lambda d: write(d / "b.glossary.txt", bytes(range(256)) * 10)))
    add(Case("lookup/empty-glossary", ["lookup", "-g", "{d}/e.glossary.txt", "x"],
             setup=lambda d: write(d / "e.glossary.txt", b"")))
    add(Case("lookup/dev-null", ["lookup", "-g", "/dev/null", "--glossary-format", "termkit", "x"]))
    add(Case("lookup/stdin-glossary", ["lookup", "-g", "-", "x"], stdin=GLOSSARY.read_bytes(),
             nothing_found_is_1=True))
    add(Case("lookup/bad-format", ["lookup", "-g", g, "--glossary-format", "nope", "x"]))
    add(Case("lookup/sources-huge", ["lookup", "-g", g, "--sources", str(10**30), "權力"],
             nothing_found_is_1=True))
    add(Case("lookup/xlsx-glossary", ["lookup", "-g", "{d}/g.xlsx", "power"],
             setup=lambda d: write(d / "g.xlsx", valid_xlsx(d)), nothing_found_is_1=True))
    add(Case("lookup/csv-as-xlsx", ["lookup", "-g", "{d}/c.xlsx", "x"],
             setup=lambda d: write(d / "c.xlsx", "en,zh-TW\npower,權力\n")))
    add(Case("lookup/json", ["lookup", "-g", g, "--json", "power"], nothing_found_is_1=True))

    # ---- xlsx, read
    xlsx_inputs: dict[str, Callable[[Path], None]] = {
        "corrupt-zip": lambda d: write(d / "x.xlsx", valid_xlsx(d)[:700]),
        "flipped-bytes": lambda d: write(d / "x.xlsx", bytes(b ^ 0x55 if 500 < i < 900 else b
                                                             for i, b in enumerate(valid_xlsx(d)))),
        "empty-file": lambda d: write(d / "x.xlsx", b""),
        "really-csv": lambda d: write(d / "x.xlsx", "en,zh-TW\npower,權力\n"),
        "really-xls": lambda d: write(d / "x.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "zip-without-workbook": lambda d: write(d / "x.xlsx", _zip({"a.txt": b"hello"})),
        "huge-sheet": lambda d: huge_sheet_xlsx(d / "x.xlsx", 300_000),
        "last-cell": lambda d: write(d / "x.xlsx", wide_sheet_xlsx()),
        "wide-rows": lambda d: write(d / "x.xlsx", wide_rows_xlsx()),
        "formulas": lambda d: real_xlsx(d / "x.xlsx", _formulas),
        "merged": lambda d: real_xlsx(d / "x.xlsx", _merged),
        "dates-numbers": lambda d: real_xlsx(d / "x.xlsx", _typed),
        "no-header": lambda d: real_xlsx(d / "x.xlsx", _no_header),
        "empty-sheet": lambda d: real_xlsx(d / "x.xlsx", _empty),
        "header-only": lambda d: real_xlsx(d / "x.xlsx", _header_only),
        "formula-text-and-max-cells": lambda d: real_xlsx(d / "x.xlsx", _control),
        "shared-string-out-of-range": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": HEADER + '<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2" t="s"><v>-1</v></c></row>'},
            shared=["power"])),
        "bad-cell-ref": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": HEADER + '<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>a</t></is></c>'
             '<c r="!!" t="n"><v>abc</v></c></row>'})),
        "bad-number": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": HEADER + '<row r="2"><c r="A2"><v>1e999999</v></c><c r="B2"><v>nan</v></c></row>'
             '<row r="3"><c r="A3" t="d"><v>not-a-date</v></c><c r="B3" t="b"><v>7</v></c></row>'
             '<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4" s="99"><v>44000</v></c></row>'})),
        "row-number-zero": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": '<row r="0"><c r="A0" t="inlineStr"><is><t>en</t></is></c></row>'
             '<row r="-5"></row><row r="99999999999">' + inline("A9", "x") + "</row>"})),
        "deep-xml": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": HEADER + '<row r="2"><c r="A2" t="inlineStr"><is>' + "<r>" * 100_000
             + "</r>" * 100_000 + "</is></c></row>"})),
        "entity-bomb": lambda d: write(d / "x.xlsx", _entity_bomb_xlsx()),
        "external-entity": lambda d: write(d / "x.xlsx", _xxe_xlsx()),
        "duplicate-sheet-names": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": HEADER + row(2, "power", "權力"), "Glossary ": HEADER})),
        "sheet-name-odd": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"a&lt;b&#x1;": HEADER + row(2, "power", "權力")})),
        "control-chars-in-cell": lambda d: write(d / "x.xlsx", xlsx_bytes(
            {"Glossary": HEADER + row(2, "po&#x1b;wer", "權\u202e力")})),
    }
    for kind, setup in xlsx_inputs.items():
        add(Case(f"xlsx/{kind}/import", ["import", "{d}/x.xlsx", "-o", "{d}/out.glossary.txt"],
                 setup=setup, outputs=("out.glossary.txt",)))
        add(Case(f"xlsx/{kind}/export-tmx", ["export", "{d}/x.xlsx", "--to", "tmx", "-o", "{d}/o.tmx"],
                 setup=setup, outputs=("o.tmx",)))
    for kind in ("corrupt-zip", "huge-sheet", "last-cell", "formulas", "merged", "really-csv"):
        setup = xlsx_inputs[kind]
        add(Case(f"xlsx/{kind}/tm-import", ["tm", "import", "--db", "{d}/tm.sqlite", "{d}/x.xlsx"],
                 setup=setup, outputs=("tm.sqlite", "tm.sqlite-wal", "tm.sqlite-shm")))
        add(Case(f"xlsx/{kind}/check", ["check", "{d}/x.xlsx", "--input-format", "xlsx"],
                 setup=setup, nothing_found_is_1=True))
        add(Case(f"xlsx/{kind}/lookup", ["lookup", "-g", "{d}/x.xlsx", "power"],
                 setup=setup, nothing_found_is_1=True))
        add(Case(f"xlsx/{kind}/convert-g", ["convert", "-c", "t2s", "-g", "{d}/x.xlsx", "{d}/in.txt",
                                            "-o", "{d}/o.txt"],
                 setup=lambda d, s=setup: (s(d), write(d / "in.txt", "權力平衡\n")), outputs=("o.txt",)))
    # xlsx, write over an input
    add(Case("xlsx/export-over-input", ["export", "{d}/g.glossary.txt", "--to", "xlsx", "-o", "{d}/g.glossary.txt"],
             setup=lambda d: write(d / "g.glossary.txt", GLOSSARY.read_bytes()), expect_error=True))
    add(Case("xlsx/export-over-self", ["export", "{d}/x.xlsx", "-o", "{d}/x.xlsx"],
             setup=lambda d: write(d / "x.xlsx", valid_xlsx(d)), expect_error=True))
    add(Case("xlsx/export-over-hardlink", ["export", "{d}/x.xlsx", "-o", "{d}/hard.xlsx"],
             setup=lambda d: (write(d / "x.xlsx", valid_xlsx(d)), os.link(d / "x.xlsx", d / "hard.xlsx")),
             expect_error=True))
    add(Case("xlsx/export-over-symlink", ["export", "{d}/g.glossary.txt", "--to", "xlsx", "-o", "{d}/link.xlsx"],
             setup=lambda d: (write(d / "g.glossary.txt", GLOSSARY.read_bytes()),
                              os.symlink("g.glossary.txt", d / "link.xlsx")), expect_error=True))
    add(Case("xlsx/export-to-stdout", ["export", g, "--to", "xlsx", "-o", "-"]))
    add(Case("xlsx/export-to-fifo", ["export", g, "--to", "xlsx", "-o", "{d}/fifo"],
             setup=fifo_with_reader, timeout=20))
    # `import G -o G` extends G by design: allowed, and the same bytes come out
    add(Case("xlsx/import-over-input", ["import", "{d}/x.xlsx", "-o", "{d}/x.xlsx"],
             setup=lambda d: write(d / "x.xlsx", valid_xlsx(d))))
    add(Case("xlsx/export-control-chars", ["export", "{d}/c.glossary.txt", "--to", "xlsx", "-o", "{d}/c.xlsx"],
             setup=lambda d: write(d / "c.glossary.txt", GLOSSARY.read_text().replace(
                 "balance of power", "balance\x0bof\x1bpower")), outputs=("c.xlsx",)))
    add(Case("xlsx/import-stdin", ["import", "-", "--format", "xlsx", "-o", "-"],
             stdin=b"not a zip at all"))
    add(Case("xlsx/import-stdin-empty", ["import", "-", "--format", "xlsx", "-o", "-"], stdin=b""))

    # ---- tm
    tm = "{d}/tm.sqlite"
    tm_out = ("tm.sqlite", "tm.sqlite-wal", "tm.sqlite-shm", "out.po", "out.xlf", "out", "o.tmx")
    bad_po = {
        "unterminated.po": 'msgid "power\nmsgstr ""\n',
        "bad-escape.po": 'msgid "a\\q"\nmsgstr ""\n',
        "plural-beyond.po": 'msgid "a"\nmsgid_plural "as"\nmsgstr[7] ""\n',
        "nul.po": 'msgid "a\x00"\nmsgstr ""\n',
        "no-header-zh.po": 'msgid "balance of power"\nmsgstr ""\n',
        "binary.po": bytes(range(256)).decode("latin-1"),
        "empty.po": "",
        "huge-msgid.po": 'msgid "' + "power " * 500_000 + '"\nmsgstr ""\n',
        "deep-continuation.po": 'msgid ""\n' + '"a"\n' * 200_000 + 'msgstr ""\n',
        "charset-lie.po": 'msgid ""\nmsgstr "Content-Type: text/plain; charset=NOPE\\n"\n\nmsgid "a"\nmsgstr ""\n',
    }
    xliff2_text = XLIFF2.read_text(encoding="utf-8")
    bad_xliff = {
        "truncated.xlf": xliff2_text[: len(xliff2_text) // 2],
        "deep.xlf": xliff2_text.replace("<source>", "<source>" + "<pc id=\"1\">" * 5000, 1).replace(
            "</source>", "</pc>" * 5000 + "</source>", 1),
        "no-srclang.xlf": re.sub(r'srcLang="[^"]*"', "", xliff2_text),
        "bad-lang.xlf": re.sub(r'trgLang="[^"]*"', 'trgLang="!!!bad"', xliff2_text),
        "version-3.xlf": xliff2_text.replace('version="2.0"', 'version="3.0"'),
        "dup-ids.xlf": xliff2_text.replace("</file>", '<unit id="u1"><segment><source>x</source></segment></unit>'
                                           '<unit id="u1"><segment><source>y</source></segment></unit></file>'),
        "bad-inline.xlf": xliff2_text.replace("<source>", '<source><ec startRef="nope"/><sc id="9"/>', 1),
        "doctype.xlf": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                       + xliff2_text.split("?>", 1)[1].replace("<source>", "<source>&e;", 1),
        "empty.xlf": "",
        "utf16-declared-utf8.xlf": xliff2_text,  # written as UTF-16 below
    }

    def tm_setup(name: str, text: str) -> Callable[[Path], None]:
        def setup(d: Path) -> None:
            make_tm(d)
            if name.startswith("utf16"):
                write(d / name, text.encode("utf-16"))
            else:
                write(d / name, text.encode("utf-8", "surrogatepass"))
        return setup

    for name, text in {**bad_po, **bad_xliff}.items():
        out_name = "out.po" if name.endswith(".po") else "out.xlf"
        add(Case(f"tm/pretranslate/{name}", ["tm", "pretranslate", "--db", tm, "{d}/" + name, "-o", "{d}/" + out_name,
                                             "--target-lang", "zh-TW"],
                 setup=tm_setup(name, text), outputs=tm_out))
        add(Case(f"tm/analyze/{name}", ["tm", "analyze", "--db", tm, "{d}/" + name],
                 setup=tm_setup(name, text), outputs=tm_out))
    po_in = lambda d: (make_tm(d), write(d / "in.po", PO.read_bytes()))  # noqa: E731
    x_in = lambda d: (make_tm(d), write(d / "in.xlf", XLIFF2.read_bytes()))  # noqa: E731
    add(Case("tm/pretranslate/o-is-input", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "-o", "{d}/in.po"],
             setup=po_in, outputs=tm_out, expect_error=True))
    add(Case("tm/pretranslate/o-is-db", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "-o", tm],
             setup=po_in, outputs=tm_out[1:], expect_error=True))
    add(Case("tm/pretranslate/o-is-wal", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "-o", tm + "-wal"],
             setup=po_in, outputs=("out.po",), expect_error=True))
    add(Case("tm/pretranslate/o-is-db-symlink", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "-o", "{d}/l.po"],
             setup=lambda d: (po_in(d), os.symlink("tm.sqlite", d / "l.po")), outputs=tm_out[1:],
             expect_error=True))
    add(Case("tm/pretranslate/o-is-input-xliff", ["tm", "pretranslate", "--db", tm, "{d}/in.xlf", "-o", "{d}/in.xlf"],
             setup=x_in, outputs=tm_out, expect_error=True))
    add(Case("tm/pretranslate/two-inputs-o-folder-is-input-dir",
             ["tm", "pretranslate", "--db", tm, "{d}/in.po", "{d}/in.xlf", "-o", "{d}"],
             setup=lambda d: (po_in(d), write(d / "in.xlf", XLIFF2.read_bytes())), outputs=tm_out,
             expect_error=True))
    add(Case("tm/pretranslate/same-input-twice", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "{d}/in.po",
                                                  "-o", "{d}/out"], setup=po_in, outputs=tm_out))
    add(Case("tm/pretranslate/missing-db", ["tm", "pretranslate", "--db", "{d}/none.sqlite", "{d}/in.po",
                                            "-o", "{d}/out.po"],
             setup=lambda d: write(d / "in.po", PO.read_bytes()), outputs=("out.po", "none.sqlite")))
    add(Case("tm/pretranslate/db-is-text", ["tm", "pretranslate", "--db", "{d}/in.po", "{d}/in.po",
                                            "-o", "{d}/out.po"],
             setup=lambda d: write(d / "in.po", PO.read_bytes()), outputs=("out.po",), expect_error=True))
    add(Case("tm/pretranslate/db-is-folder", ["tm", "pretranslate", "--db", "{d}", "{d}/in.po", "-o", "{d}/out.po"],
             setup=lambda d: write(d / "in.po", PO.read_bytes()), outputs=("out.po",), expect_error=True))
    for bands in ("", "a,b", "100,100", "95,99", "-5", "95,85,200", "0", "99999999999999999999999", "95,,85"):
        add(Case(f"tm/analyze/bands={bands!r}", ["tm", "analyze", "--db", tm, "{d}/in.po", "--bands", bands],
                 setup=po_in, outputs=tm_out))
        add(Case(f"tm/pretranslate/bands={bands!r}", ["tm", "pretranslate", "--db", tm, "{d}/in.po",
                                                      "--bands", bands, "-o", "{d}/out.po"],
                 setup=po_in, outputs=tm_out))
    # real PO catalogs (tests/data/po, see its README), including its broken ones
    for po in sorted((DATA / "po").glob("*.po")):
        def real_po(d: Path, po: Path = po) -> None:
            make_tm(d)
            write(d / po.name, po.read_bytes())
        add(Case(f"tm/pretranslate/real/{po.name}", ["tm", "pretranslate", "--db", tm, "{d}/" + po.name,
                                                     "-o", "{d}/out.po", "--min-score", "50"],
                 setup=real_po, outputs=tm_out))
        add(Case(f"tm/analyze/real/{po.name}", ["tm", "analyze", "--db", tm, "{d}/" + po.name, "--json"],
                 setup=real_po, outputs=tm_out))
        add(Case(f"check/real/{po.name}", ["check", "{d}/" + po.name, "--cjk-latin-spacing", "require",
                                           "--quote-style", "corner", "-o", "{d}/r.html"],
                 setup=real_po, outputs=(*tm_out, "r.html"), nothing_found_is_1=True))
    add(Case("tm/pretranslate/o-dev-stdout", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "-o", "/dev/stdout"],
             setup=po_in, outputs=tm_out))
    add(Case("tm/pretranslate/o-fifo", ["tm", "pretranslate", "--db", tm, "{d}/in.po", "-o", "{d}/fifo"],
             setup=lambda d: (po_in(d), fifo_with_reader(d)), outputs=tm_out, timeout=20))
    add(Case("tm/analyze/stdin-no-format", ["tm", "analyze", "--db", tm, "-"], setup=make_tm,
             stdin=PO.read_bytes(), outputs=tm_out))
    add(Case("tm/analyze/bad-lang", ["tm", "analyze", "--db", tm, "{d}/in.po", "--source-lang", "!!",
                                     "--target-lang", "x" * 1000], setup=po_in, outputs=tm_out))
    add(Case("tm/analyze/tmx-no-lang", ["tm", "analyze", "--db", tm, "{d}/t.tmx"],
             setup=lambda d: (make_tm(d), write(d / "t.tmx", '<?xml version="1.0"?><tmx version="1.4"><header/>'
                                                '<body><tu><tuv><seg>a</seg></tuv></tu></body></tmx>')),
             outputs=tm_out))
    for ident in ("0", "-1", "99999999999999999999", "1e3", "abc", "9223372036854775807", "9223372036854775808"):
        add(Case(f"tm/delete/id={ident}", ["tm", "delete", "--db", tm, "--id", ident], setup=make_tm,
                 outputs=tm_out, nothing_found_is_1=True))
        add(Case(f"tm/edit/id={ident}", ["tm", "edit", "--db", tm, ident, "--target", "x"], setup=make_tm,
                 outputs=tm_out, nothing_found_is_1=True))
    for q in ("", "%", "_", "\\", "'; DROP TABLE unit; --", "*", "\"", "NEAR(", "a OR", "權" * 10_000, "\x01"):
        add(Case(f"tm/delete/contains={q[:20]!r}", ["tm", "delete", "--db", tm, "--contains", q, "--dry-run"],
                 setup=make_tm, outputs=tm_out, nothing_found_is_1=True))
    add(Case("tm/delete/no-criteria", ["tm", "delete", "--db", tm], setup=make_tm, outputs=tm_out,
             expect_error=True))
    add(Case("tm/delete/bad-lang", ["tm", "delete", "--db", tm, "--contains", "a", "--lang", "!!bad"],
             setup=make_tm, outputs=tm_out, nothing_found_is_1=True))
    add(Case("tm/delete/missing-db", ["tm", "delete", "--db", "{d}/none.sqlite", "--id", "1"],
             nothing_found_is_1=True, outputs=("none.sqlite",)))
    add(Case("tm/delete/db-is-po", ["tm", "delete", "--db", "{d}/in.po", "--id", "1"],
             setup=lambda d: write(d / "in.po", PO.read_bytes()), expect_error=True))
    add(Case("tm/delete/db-empty-file", ["tm", "delete", "--db", "{d}/e.sqlite", "--id", "1"],
             setup=lambda d: write(d / "e.sqlite", b""), outputs=("e.sqlite", "e.sqlite-wal", "e.sqlite-shm"),
             nothing_found_is_1=True))
    add(Case("tm/delete/db-truncated", ["tm", "delete", "--db", "{d}/t.sqlite", "--id", "1"],
             setup=lambda d: (make_tm(d), write(d / "t.sqlite", (d / "tm.sqlite").read_bytes()[:5000])),
             outputs=tm_out, expect_error=True))
    for target in ("", " ", "\x01", "權" * 40_000, "\u202e"):
        add(Case(f"tm/edit/target={target[:10]!r}", ["tm", "edit", "--db", tm, "1", "--target", target],
                 setup=make_tm, outputs=tm_out, nothing_found_is_1=True))
    add(Case("tm/edit/bad-lang", ["tm", "edit", "--db", tm, "1", "--target", "x", "--lang", "!!bad"],
             setup=make_tm, outputs=tm_out, nothing_found_is_1=True))
    add(Case("tm/edit/other-lang", ["tm", "edit", "--db", tm, "1", "--target", "x", "--lang", "fr"],
             setup=make_tm, outputs=tm_out, nothing_found_is_1=True))
    add(Case("tm/edit/missing-db", ["tm", "edit", "--db", "{d}/none.sqlite", "1", "--target", "x"],
             outputs=("none.sqlite",), nothing_found_is_1=True))
    add(Case("tm/edit/db-is-glossary", ["tm", "edit", "--db", "{d}/g.txt", "1", "--target", "x"],
             setup=lambda d: write(d / "g.txt", GLOSSARY.read_bytes()), expect_error=True))

    # ---- check: options, baselines, reports
    chk = ["check", "{d}/in.po"]
    po_only = lambda d: write(d / "in.po", PO.read_bytes())  # noqa: E731
    for opts in (["--length-ratio", "nan"], ["--length-ratio", "inf"], ["--length-ratio", "-1"],
                 ["--length-ratio", "0"], ["--length-min", "-5"], ["--length-min", str(10**40)],
                 ["--cjk-latin-spacing", "require"], ["--cjk-latin-spacing", "forbid"],
                 ["--quote-style", "corner"], ["--quote-style", "curly"], ["--fullwidth-digits"],
                 ["--checks", "nope"], ["--checks", ""], ["--skip", "typography,format,terms,variants,unit,syntax"],
                 ["--target-lang", "!!"], ["--target-lang", "en"], ["--topic", "nope"], ["--fail-on", "never"],
                 ["--to", "junit"], ["--to", "html"], ["--stats"]):
        add(Case(f"check/opts{opts}", [*chk, *opts], setup=po_only, nothing_found_is_1=True))
    baselines = {
        "not-json": b"{not json",
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "wrong-schema": b'{"schema": "nope", "findings": 5}',
        "wrong-types": b'{"schema": "termkit-check/1", "findings": [{"file": 5, "unit": [], "check": null}]}',
        "findings-not-list": b'{"schema": "termkit-check/1", "findings": {"a": 1}}',
        "huge-int": b'{"schema": "termkit-check/1", "findings": [{"line": ' + b"9" * 5000 + b"}]}",
        "empty": b"",
        "binary": bytes(range(256)),
        "list": b"[]",
        "nan": b'{"schema": "termkit-check/1", "findings": [NaN]}',
    }
    for name, body in baselines.items():
        add(Case(f"check/baseline/{name}", [*chk, "--baseline", "{d}/base.json"],
                 setup=lambda d, b=body: (po_only(d), write(d / "base.json", b)), nothing_found_is_1=True))
    add(Case("check/baseline/missing", [*chk, "--baseline", "{d}/none.json"], setup=po_only))
    add(Case("check/baseline/folder", [*chk, "--baseline", "{d}"], setup=po_only))
    add(Case("check/baseline/fifo", [*chk, "--baseline", "{d}/fifo"],
             setup=lambda d: (po_only(d), fifo_with_writer(d / "fifo", b"[" * 100_000)), timeout=20))

    def real_baseline(d: Path) -> None:
        po_only(d)
        subprocess.run([sys.executable, "-m", "termkit", "check", str(d / "in.po"), "-o", str(d / "base.json")],
                       capture_output=True)

    add(Case("check/baseline/is-output", [*chk, "--baseline", "{d}/base.json", "-o", "{d}/base.json"],
             setup=real_baseline, expect_error=True))
    add(Case("check/baseline/o-html-over-baseline", [*chk, "--baseline", "{d}/base.json", "-o", "{d}/base.json",
                                                     "--to", "html"], setup=real_baseline, expect_error=True))
    add(Case("check/html-over-input", [*chk, "-o", "{d}/in.po", "--to", "html"], setup=po_only, expect_error=True))
    add(Case("check/html-over-input-by-ext", ["check", "{d}/in.html", "--input-format", "po", "-o", "{d}/in.html"],
             setup=lambda d: write(d / "in.html", PO.read_bytes()), expect_error=True))
    add(Case("check/report-over-config", [*chk, "--config", "{d}/termkit.toml", "-o", "{d}/termkit.toml"],
             setup=lambda d: (po_only(d), write(d / "termkit.toml", "[check]\n")), expect_error=True))
    add(Case("check/report-over-pair", ["check", "--pair", "{d}/en.txt", "{d}/zh.txt", "-o", "{d}/zh.txt"],
             setup=lambda d: (write(d / "en.txt", "power\n"), write(d / "zh.txt", "權力\n")), expect_error=True))
    add(Case("check/report-over-regional", [*chk, "--regional", "{d}/r.glossary.txt", "-o", "{d}/r.glossary.txt"],
             setup=lambda d: (po_only(d), write(d / "r.glossary.txt", GLOSSARY.read_bytes())), expect_error=True))
    add(Case("check/report-over-input-in-folder", ["check", "{d}/in", "-o", "{d}/in/a.po"],
             setup=lambda d: write(d / "in" / "a.po", PO.read_bytes()), expect_error=True))
    add(Case("check/report-over-auto-config", [*chk, "-o", "pyproject.toml"],
             setup=lambda d: (po_only(d), write(d / "pyproject.toml", "[tool.termkit.check]\nskip = []\n")),
             expect_error=True))
    add(Case("check/report-to-folder", [*chk, "-o", "{d}"], setup=po_only, expect_error=True))
    add(Case("check/report-to-fifo", [*chk, "-o", "{d}/fifo", "--to", "html"],
             setup=lambda d: (po_only(d), fifo_with_reader(d)), nothing_found_is_1=True, timeout=20))
    configs = {
        "bad-toml": "[check\n",
        "wrong-types": '[check]\nlength-ratio = "x"\nchecks = 5\nskip = [1, 2]\nfail-on = []\n',
        "unknown-keys": "[check]\nnope = 1\n[check.nested]\na = 1\n",
        "nan": "[check]\nlength-ratio = nan\nlength-min = -1\n",
        "huge": "[check]\nlength-min = 99999999999999999999999999\n",
        "quote": '[check]\nquote-style = "fancy"\ncjk-latin-spacing = true\n',
        "binary": "\x00\xff",
    }
    for name, text in configs.items():
        add(Case(f"check/config/{name}", [*chk, "--config", "{d}/termkit.toml"],
                 setup=lambda d, t=text: (po_only(d), write(d / "termkit.toml", t.encode("utf-8", "surrogateescape")
                                                           if "\xff" not in t else b"\x00\xff")),
                 nothing_found_is_1=True))
        add(Case(f"check/auto-config/{name}", [*chk],
                 setup=lambda d, t=text: (po_only(d), write(d / "pyproject.toml",
                                                           t.replace("[check", "[tool.termkit.check")
                                                           if "\xff" not in t else b"\x00\xff")),
                 nothing_found_is_1=True))
    add(Case("check/pair-lengths-differ", ["check", "--pair", "{d}/en.txt", "{d}/zh.txt"],
             setup=lambda d: (write(d / "en.txt", "a\nb\nc\n"), write(d / "zh.txt", "甲\n")), nothing_found_is_1=True))
    add(Case("check/pair-non-utf8", ["check", "--pair", "{d}/en.txt", "{d}/zh.txt"],
             setup=lambda d: (write(d / "en.txt", b"\xff\xfe\xfd\n"), write(d / "zh.txt", "權力\n".encode("big5"))),
             nothing_found_is_1=True))
    add(Case("check/pair-both-stdin", ["check", "--pair", "-", "-"], stdin=b"a\n", nothing_found_is_1=True))
    add(Case("check/pair-one-long-line", ["check", "--pair", "{d}/en.txt", "{d}/zh.txt"],
             setup=lambda d: (write(d / "en.txt", "power, " * 300_000), write(d / "zh.txt", "權力，" * 300_000)),
             nothing_found_is_1=True))
    add(Case("check/typography-pathological", ["check", "{d}/t.po", "--cjk-latin-spacing", "require"],
             setup=lambda d: write(d / "t.po", 'msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "'
                                   + "a " * 50_000 + '"\nmsgstr "' + "權a " * 50_000 + "「" * 10_000
                                   + "..." * 10_000 + "--" * 10_000 + '"\n'),
             nothing_found_is_1=True))
    # Each finding repeats its unit's text: 2,500 findings on one 10 kB unit make a 70 MB
    # report, which must be written out as it is made, not held (and copied) whole.
    def many_findings(d: Path) -> None:
        write(d / "t.po", 'msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "' + "a " * 2500
              + '"\nmsgstr "' + "權a " * 2500 + '"\n')
    for to in ("json", "html"):
        add(Case(f"check/report-{to}-many-findings-one-unit",
                 ["check", "{d}/t.po", "--checks", "cjk-latin-spacing", "--cjk-latin-spacing", "require",
                  "-o", f"{{d}}/r.{to}"], setup=many_findings, outputs=(f"r.{to}",), nothing_found_is_1=True,
                 max_rss_mb=150))
    add(Case("check/brackets-pathological", ["check", "{d}/t.po"],
             setup=lambda d: write(d / "t.po", 'msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "'
                                   + "(" * 50_000 + "{" * 20_000 + "%" * 20_000 + '"\nmsgstr "'
                                   + "（" * 50_000 + "}" * 20_000 + "<a>" * 20_000 + '"\n'),
             nothing_found_is_1=True))

    # ---- build / extract: BibTeX, EndNote, pages
    for name, body in {**bib_cases(), **enw_cases(), **page_cases()}.items():
        setup = lambda d, n=name, b=body: write(d / n, b)  # noqa: E731
        add(Case(f"records/extract/{name}", ["extract", "--json", "{d}/" + name], setup=setup))
        add(Case(f"records/build/{name}", ["build", "{d}/" + name, "-o", "{d}/out", "-q"], setup=setup,
                 outputs=("out",)))
    for fmt in ("bibtex", "endnote", "labelled", "page", "ris", "jsonl"):
        add(Case(f"records/extract/forced-{fmt}-on-binary", ["extract", "--format", fmt, "{d}/b.bin"],
                 setup=lambda d: write(d / "b.bin", bytes(range(256)) * 20)))
        add(Case(f"records/extract/forced-{fmt}-on-xlsx", ["extract", "--format", fmt, "{d}/x.xlsx"],
                 setup=lambda d: write(d / "x.xlsx", valid_xlsx(d))))
    add(Case("records/tm-import-records-bib", ["tm", "import", "--db", tm, "--format", "records", "{d}/a.bib"],
             setup=lambda d: write(d / "a.bib", bib_cases()["string_loop.bib"]), outputs=tm_out))

    # ---- folders as input
    add(Case("folders/build-fifo-inside", ["build", "{d}/withfifo", "-o", "{d}/out", "-q"],
             setup=make_fifo_folder, outputs=("out",), timeout=30))
    add(Case("folders/extract-fifo-inside", ["extract", "{d}/withfifo"], setup=make_fifo_folder, timeout=30))
    add(Case("folders/import-fifo-inside", ["import", "{d}/withfifo", "--include", "*.txt",
                                            "-o", "{d}/o.glossary.txt"],
             setup=make_fifo_folder, outputs=("o.glossary.txt",), timeout=30))
    add(Case("folders/check-fifo-inside", ["check", "{d}/withfifo", "--include", "*"],
             setup=make_fifo_folder, timeout=30, nothing_found_is_1=True))
    add(Case("folders/convert-fifo-inside", ["convert", "-c", "t2s", "{d}/withfifo", "-o", "{d}/out"],
             setup=make_fifo_folder, outputs=("out",), timeout=30))
    add(Case("folders/build-symlink-loop", ["build", "{d}/loop", "-o", "{d}/out", "-q"],
             setup=make_loop_folder, outputs=("out",)))
    add(Case("folders/extract-symlink-loop", ["extract", "{d}/loop"], setup=make_loop_folder))
    add(Case("folders/import-symlink-loop", ["import", "{d}/loop", "--include", "*", "-o", "{d}/o.glossary.txt"],
             setup=make_loop_folder, outputs=("o.glossary.txt",)))
    add(Case("folders/check-symlink-loop", ["check", "{d}/loop", "--include", "*"], setup=make_loop_folder,
             nothing_found_is_1=True, error_per_file=True))
    add(Case("folders/build-output-inside-input", ["build", "{d}/recs", "-o", "{d}/recs/out", "-q"],
             setup=lambda d: write(d / "recs" / "a.txt", RECORD.read_bytes()), outputs=("recs/out",)))
    add(Case("folders/build-output-is-input", ["build", "{d}/recs", "-o", "{d}/recs", "-q"],
             setup=lambda d: write(d / "recs" / "glossary.txt", RECORD.read_bytes()), expect_error=True))
    add(Case("folders/empty", ["build", "{d}/emptydir", "-o", "{d}/out", "-q"],
             setup=lambda d: (d / "emptydir").mkdir(), outputs=("out",)))
    add(Case("folders/tm-import-loop", ["tm", "import", "--db", tm, "{d}/loop"], setup=make_loop_folder,
             outputs=tm_out))

    # ---- convert --in-place on folders
    add(Case("convert/in-place-folder", ["convert", "-c", "t2s", "--in-place", "{d}/conv"],
             setup=make_convert_folder,
             outputs=("conv/a.txt", "conv/b.txt", "conv/big5.txt", "conv/g.glossary.txt", "conv/link.txt",
                      "outside.txt")))
    add(Case("convert/in-place-folder-glossary-inside", ["convert", "-c", "t2s", "--in-place", "-g",
                                                         "{d}/conv/g.glossary.txt", "{d}/conv"],
             setup=make_convert_folder,
             outputs=("conv/a.txt", "conv/b.txt", "conv/big5.txt", "conv/link.txt", "outside.txt"),
             expect_error=True))
    conv2 = ("conv/a.txt", "conv/link.txt", "outside.txt")

    def text_folder(d: Path) -> None:
        make_convert_folder(d)
        (d / "conv" / "b.txt").unlink()
        (d / "conv" / "big5.txt").unlink()

    add(Case("convert/in-place-text-folder-glossary-inside", ["convert", "-c", "t2s", "--in-place", "-g",
                                                              "{d}/conv/g.glossary.txt", "{d}/conv"],
             setup=text_folder, outputs=conv2, expect_error=True))
    add(Case("convert/in-place-text-folder-glossary-excluded", ["convert", "-c", "t2s", "--in-place", "-g",
                                                                "{d}/conv/g.glossary.txt", "{d}/conv",
                                                                "--exclude", "*.glossary.txt"],
             setup=text_folder, outputs=conv2))
    add(Case("convert/in-place-fifo-folder", ["convert", "-c", "t2s", "--in-place", "{d}/withfifo"],
             setup=make_fifo_folder, outputs=("withfifo/a.txt",), timeout=30))
    add(Case("convert/in-place-symlink-loop", ["convert", "-c", "t2s", "--in-place", "{d}/loop"],
             setup=make_loop_folder, outputs=("loop/a.txt",)))
    add(Case("convert/in-place-and-o", ["convert", "-c", "t2s", "--in-place", "{d}/conv", "-o", "{d}/x"],
             setup=make_convert_folder, expect_error=True))
    add(Case("convert/in-place-stdin", ["convert", "-c", "t2s", "--in-place", "-"], stdin="權力".encode(),
             expect_error=True))
    add(Case("convert/in-place-same-file-twice", ["convert", "-c", "t2s", "--in-place", "{d}/a.txt", "{d}/a.txt"],
             setup=lambda d: write(d / "a.txt", "權力平衡\n"), outputs=("a.txt",)))
    add(Case("convert/in-place-folder-and-file-inside", ["convert", "-c", "t2s", "--in-place", "{d}/conv",
                                                         "{d}/conv/a.txt"],
             setup=make_convert_folder,
             outputs=("conv/a.txt", "conv/b.txt", "conv/big5.txt", "conv/g.glossary.txt", "conv/link.txt",
                      "outside.txt")))

    # ---- review on a bad glossary: an error, no server left running
    for name, body in {"binary.glossary.txt": bytes(range(256)) * 4, "empty.glossary.txt": b"",
                       "deep.json": b"[" * 100_000, "bad.xlsx": b"PK\x03\x04broken"}.items():
        add(Case(f"review/{name}", ["review", "--no-browser", "--port", "0", "{d}/" + name],
                 setup=lambda d, n=name, b=body: write(d / n, b), timeout=25, expect_error=True))
    add(Case("review/missing", ["review", "--no-browser", "{d}/none.glossary.txt"], timeout=25, expect_error=True))
    add(Case("review/fifo", ["review", "--no-browser", "{d}/fifo"],
             setup=lambda d: fifo_with_writer(d / "fifo", b"\xff" * 1000),
             timeout=25, expect_error=True))
    # an address of no interface here (TEST-NET-3): the server cannot listen (root may bind port 1)
    add(Case("review/cannot-listen", ["review", "--no-browser", "--host", "203.0.113.1", "{d}/g.glossary.txt"],
             setup=lambda d: write(d / "g.glossary.txt", GLOSSARY.read_bytes()), timeout=25, expect_error=True))
    add(Case("review/build-dir-without-glossary", ["review", "--no-browser", "{d}/dir"],
             setup=lambda d: (d / "dir").mkdir(), timeout=25, expect_error=True))
    return out


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def _entity_bomb_xlsx() -> bytes:
    data = xlsx_bytes({"Glossary": HEADER})
    lol = "".join(f"<!ENTITY l{i} \"{f'&l{i - 1};' * 10 if i else 'lol'}\">" for i in range(10))
    return _replace_part(data, "xl/sharedStrings.xml",
                         f'<?xml version="1.0"?><!DOCTYPE sst [{lol}]><sst xmlns="http://schemas.openxml'
                         'formats.org/spreadsheetml/2006/main"><si><t>&l9;</t></si></sst>')


def _xxe_xlsx() -> bytes:
    data = xlsx_bytes({"Glossary": HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'})
    return _replace_part(data, "xl/sharedStrings.xml",
                         '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                         '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         "<si><t>&x;</t></si></sst>")


def _replace_part(data: bytes, part: str, body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body if info.filename == part else src.read(info))
    return out.getvalue()


# --------------------------------------------------------------------------- running


def snapshot(d: Path, outputs: tuple[str, ...]) -> dict[str, str]:
    """SHA-256 (or link target, or kind) of every entry of ``d`` not under an output."""
    seen: dict[str, str] = {}
    for path in sorted(d.rglob("*")) if d.exists() else []:
        rel = path.relative_to(d).as_posix()
        if any(rel == o or rel.startswith(o + "/") for o in outputs):
            continue
        if any(part in ("up", "self") for part in Path(rel).parts[:-1]):
            continue  # below a symlink loop
        if path.is_symlink():
            seen[rel] = "-> " + os.readlink(path)
        elif path.is_fifo():
            seen[rel] = "fifo"
        elif path.is_dir():
            seen[rel] = "dir"
        elif path.is_file():
            seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def _fifo_openers(d: Path) -> list[Path]:
    return [p for p in d.rglob("*") if p.is_fifo() and not p.is_symlink()]


def run_case(case: Case, scratch: Path) -> Outcome:
    """Run ``case`` in the fresh folder ``scratch`` and judge it."""
    scratch.mkdir(parents=True, exist_ok=True)
    case.setup(scratch)
    before = snapshot(scratch, case.outputs)
    argv = [a.replace("{d}", str(scratch)) for a in case.argv]
    env = {**os.environ, "TERMKIT_DEBUG": "", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("TERMKIT_DEBUG")
    started = time.monotonic()
    rss_file = scratch.parent / f".{scratch.name}.rss"
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, str(rss_file), sys.executable, "-m", "termkit",
                             *argv], cwd=scratch, env=env,
                            stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    problems: list[str] = []
    try:
        stdout, stderr = proc.communicate(case.stdin, timeout=case.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        problems.append(f"still running after {case.timeout:.0f} s (killed)")
    seconds = time.monotonic() - started
    rss_mb = float(rss_file.read_text()) / 1024 if rss_file.exists() else 0.0
    if _reap_group(proc.pid) and not problems:
        problems.append("left processes running after it ended (killed)")
    status = proc.returncode
    err = stderr.decode("utf-8", "replace")
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    if "Traceback" in err:
        problems.append("traceback")
    if "internal error" in err:
        problems.append("internal error (a bug)")
    if not problems:
        if status == 0:
            if case.expect_error:
                problems.append("accepted (exit 0) what must be refused")
        elif status == 1 and not errors:
            if not case.nothing_found_is_1 or case.expect_error:
                problems.append("exit 1 without an Error: line")
        elif status in (1, 2):
            if not (len(errors) == 1 or (case.error_per_file and errors)):
                problems.append(f"exit {status} with {len(errors)} Error: lines")
        else:
            problems.append(f"exit status {status}")
    if rss_mb > case.max_rss_mb:
        problems.append(f"peak memory {rss_mb:.0f} MB")
    after = snapshot(scratch, case.outputs)
    for rel in sorted(set(before) | set(after)):
        if before.get(rel) != after.get(rel):
            if rel not in before and re.search(r"(^|/)\.[^/]*\.tmp$|\.tmp$", rel):
                problems.append(f"temporary file left: {rel}")
            elif rel in before:
                problems.append(f"input changed: {rel}")
            elif not case.outputs or not any(rel.startswith(o) for o in case.outputs):
                problems.append(f"unexpected new file: {rel}")
    return Outcome(case, status, stdout, stderr, seconds, rss_mb, problems)


# Runs the command as its own child and records the child's peak memory: measured from a
# small process, as a child forked from this (large) one would inherit its high-water mark.
_WRAPPER = """
import resource, subprocess, sys
status = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(status if status >= 0 else 128 - status)
"""


def _reap_group(pgid: int) -> bool:
    """Kill anything the command left running in its process group (a server); True if any."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    os.killpg(pgid, signal.SIGKILL)
    return True


def default_cases() -> list[Case]:
    """The regressions and a sample of the rest, for the default (fast) test run."""
    every = cases()
    return [c for i, c in enumerate(every)
            if c.name in REGRESSIONS or (i % SAMPLE_EVERY == 0 and not SLOW.search(c.name))]


def run_all(selected: list[Case], base: Path) -> Iterator[Outcome]:
    for number, case in enumerate(selected):
        yield run_case(case, base / f"c{number:04d}")


def main() -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="run only cases whose name contains this")
    parser.add_argument("-v", action="store_true", help="print every case, not only failures")
    args = parser.parse_args()
    selected = [c for c in cases() if args.k in c.name]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="termkit-hostile-") as tmp:
        for outcome in run_all(selected, Path(tmp)):
            bad = bool(outcome.problems)
            failed += bad
            if bad or args.v:
                tail = outcome.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
                print(f"{'FAIL' if bad else 'ok  '} {outcome.case.name}: exit {outcome.status}, "
                      f"{outcome.seconds:.1f} s, {outcome.rss_mb:.0f} MB; {'; '.join(outcome.problems)}")
                if bad or args.v:
                    for line in tail:
                        print(f"       {line[:300]}")
            sys.stdout.flush()
    print(f"{len(selected)} cases, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
