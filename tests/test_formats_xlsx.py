"""Excel glossaries: workbooks made by another program import; ours open elsewhere with the same cells.

Two independent libraries are the oracles: XlsxWriter (which shares no code with openpyxl)
writes the workbooks termkit must read, and python-calamine (Rust's calamine) reads the
workbooks termkit writes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from python_calamine import CalamineWorkbook

from termkit.cli import cli
from termkit.errors import FormatError
from termkit.formats import detect, get, xlsx
from termkit.formats.table import glossary_rows
from termkit.glossary import load_glossary
from termkit.model import Concept, Glossary, Kind, Source, Status, Term
from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


def _xlsxwriter_workbook(path: Path) -> None:
    """A workbook as a terminologist might send it: two term sheets and a read-me."""
    wb = xlsxwriter.Workbook(str(path))
    readme = wb.add_worksheet("Read me")
    readme.write(0, 0, "Terms of the 2024 project; do not edit column D.")
    terms = wb.add_worksheet("Keywords")
    bold = wb.add_format({"bold": True})
    terms.write_row(0, 0, ["English", "繁體中文", "简体中文", "English variants", "Pinyin",
                           "Status", "Domain", "Reviewed", "Count"], bold)
    terms.freeze_panes(1, 0)
    terms.write_row(1, 0, ["balance of power", "權力平衡", "权力平衡", "power balance\nequilibrium of power",
                           "quánlì pínghéng", "preferred", "political science"])
    terms.write_datetime(1, 7, dt.datetime(2024, 3, 5), wb.add_format({"num_format": "yyyy-mm-dd"}))
    terms.write_number(1, 8, 12)
    # row 3 left empty on purpose; a term that looks like a formula is still a term
    terms.write_string(3, 0, "=equity")
    terms.write_row(3, 1, ["＝權益", "＝权益"])
    terms.write_formula(3, 8, "=1+1", None, 2)
    names = wb.add_worksheet("Names")
    names.write_row(0, 0, ["zh-TW", "en", "kind"])
    names.write_row(1, 0, ["張國城", "Kuo-Cheng Chang", "person"])
    wb.close()


def test_a_workbook_written_by_xlsxwriter_imports(tmp_path: Path) -> None:
    path = tmp_path / "client.xlsx"
    _xlsxwriter_workbook(path)
    with path.open("rb") as fh:
        g = xlsx.read_glossary(fh, str(path))
    assert len(g.concepts) == 3
    power, equity, person = g.concepts
    assert [(t.lang, t.text, t.status) for t in power.terms] == [
        ("en", "balance of power", Status.PREFERRED),
        ("zh-Hant", "權力平衡", Status.PREFERRED),
        ("zh-Hans", "权力平衡", Status.PREFERRED),
        ("en", "power balance", Status.ADMITTED),
        ("en", "equilibrium of power", Status.ADMITTED),
    ]
    assert power.terms[1].pinyin == "quánlì pínghéng" and power.domains == ["political science"]
    assert power.props == {"Reviewed": "2024-03-05", "Count": "12"}
    assert power.terms[0].sources == [Source(f"{path}#Keywords", 2)]
    assert [t.text for t in equity.terms] == ["=equity", "＝權益", "＝权益"]
    assert equity.props == {"Count": "2"}  # the formula's cached value
    assert equity.terms[0].sources == [Source(f"{path}#Keywords", 4)]
    assert person.kind is Kind.PERSON and person.terms[0].sources == [Source(f"{path}#Names", 2)]
    assert [str(n) for n in g.notices] == [
        f"{path}:1: sheet 'Read me': the header names fewer than two language columns "
        "(found: none); sheet skipped"]


def test_import_command_reads_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "client.xlsx"
    _xlsxwriter_workbook(path)
    out = tmp_path / "merged.glossary.txt"
    r = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text("utf-8")
    assert "term zh-Hant: 權力平衡" in text and "term en: equilibrium of power\n  status: admitted" in text


def test_a_note_beside_the_table_is_kept_as_a_property_not_an_error(tmp_path: Path) -> None:
    # Reviewers write notes in the column next to a term list; CSV refuses an extra field
    # (more often an unquoted comma), a workbook cell is unambiguous and is kept.
    path = tmp_path / "notes.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Terms")
    ws.write_row(0, 0, ["en", "zh-TW"])
    ws.write_row(1, 0, ["risk", "風險"])
    ws.write_row(2, 0, ["plan", "計畫"])
    ws.write_string(2, 3, "ask the client")
    ws.write_string(1, 27, "far away")
    wb.close()
    with path.open("rb") as fh:
        g = xlsx.read_glossary(fh, str(path))
    risk, plan = g.concepts
    assert plan.props == {"column D": "ask the client"}
    assert risk.props == {"column AB": "far away"}
    assert sorted(str(n) for n in g.notices) == [
        f"{path}#Terms:2: cell(s) beyond the header's columns kept as properties: column AB",
        f"{path}#Terms:3: cell(s) beyond the header's columns kept as properties: column D"]


def _calamine_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return wb.sheet_names, wb.get_sheet_by_name(xlsx.SHEET).to_python()


def _write(g: Glossary) -> tuple[bytes, list[object]]:
    buf = io.BytesIO()
    notices = get("xlsx").write_glossary(g, buf)
    return buf.getvalue(), list(notices)


def test_our_workbook_opens_in_calamine_with_the_same_cells() -> None:
    g = load_glossary(str(EXAMPLE))
    data, notices = _write(g)
    assert notices == []
    names, cells = _calamine_rows(data)
    header, rows, _ = glossary_rows(g)
    assert names == ["Glossary"]
    assert cells == [header, *(r for _c, r in rows)]
    assert cells[0][:4] == ["en", "zh-Hant", "zh-Hans", "en variants"]
    assert cells[3][3] == "Vietnam's foreign policy" and "pinyin" in header and "status" in header
    assert "source" in header


def test_header_is_frozen_bold_and_filtered() -> None:
    g = load_glossary(str(EXAMPLE))
    data, _ = _write(g)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = etree.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = z.read("xl/styles.xml")
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    pane = sheet.find(".//m:pane", ns)
    assert pane is not None and pane.get("state") == "frozen" and pane.get("topLeftCell") == "A2"
    # The filter spans the header and every row: columns A.. as many as the header has
    # (the example's concepts carry a prop evidence column, the fourteenth, after their
    # confidence and the origin of the Simplified forms build made with OpenCC).
    header, rows, _ = glossary_rows(g)
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[len(header) - 1]
    assert len(header) == 14 and header[-3:] == ["confidence", "zh-Hans origin", "evidence"]
    assert sheet.find("m:autoFilter", ns).get("ref") == f"A1:{last}{len(rows) + 1}"
    assert b"<b" in styles


def test_output_is_byte_identical_across_runs_and_has_no_timestamp() -> None:
    g = load_glossary(str(EXAMPLE))
    first, _ = _write(g)
    second, _ = _write(g)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert b"dcterms:modified" not in z.read("docProps/core.xml")
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_formula_like_terms_stay_text_and_round_trip() -> None:
    g = Glossary([Concept("c1", terms=[Term("=SUM(A1:A2)", "en"), Term("#N/A", "zh-Hant")])])
    data, _ = _write(g)
    _, cells = _calamine_rows(data)
    assert cells[1][:2] == ["=SUM(A1:A2)", "#N/A"]
    back = xlsx.read_glossary(io.BytesIO(data), "g.xlsx")
    assert [t.text for t in back.concepts[0].terms] == ["=SUM(A1:A2)", "#N/A"]


@pytest.mark.parametrize("char", ["\ufffe", "\uffff"])
def test_noncharacters_xml_cannot_hold_are_refused_with_one_error_line(
    char: str, tmp_path: Path
) -> None:
    # U+FFFE and U+FFFF are not control characters, but XML 1.0 excludes them as well: the
    # writer must refuse them as it refuses U+0001, not fail inside openpyxl (an internal
    # error with a traceback; found by test_round_trip's strategy, which may draw them).
    bad = Glossary([Concept("c1", terms=[Term("甲", "zh-Hant"), Term(f"a{char}b", "en")])])
    with pytest.raises(FormatError, match=f"concept c1: column 'en' holds U\\+{ord(char):04X}"):
        _write(bad)
    src = tmp_path / "g.glossary.txt"
    src.write_text("# termkit glossary 1\n\n[c1]\nkind: term\nterm zh-Hant: 甲\n"
                   f"term en: a{char}b\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(src), "-o", str(tmp_path / "g.xlsx")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "internal error" not in result.stderr
    assert "U+" + f"{ord(char):04X}" in result.stderr
    assert not (tmp_path / "g.xlsx").exists()


def test_control_characters_are_refused_and_long_cells_cut_with_a_notice() -> None:
    bad = Glossary([Concept("c1", terms=[Term("a\x01b", "en"), Term("甲", "zh-Hant")])])
    with pytest.raises(FormatError, match="concept c1: column 'en' holds U\\+0001"):
        _write(bad)
    long = Glossary([Concept("c1", terms=[Term("x", "en"), Term("甲", "zh-Hant")], notes=["n" * 40_000])])
    data, notices = _write(long)
    assert [str(n) for n in notices] == ["1 cell(s) longer than Excel's 32,767 characters were cut"]
    header, row = _calamine_rows(data)[1]
    assert len(row[header.index("note")]) == xlsx.MAX_CELL


def test_unreadable_inputs_are_errors_with_the_path(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"not a readable \.xlsx workbook") as info:
        xlsx.read_glossary(io.BytesIO(b"PK\x03\x04 not really"), "bad.xlsx")
    assert info.value.path == "bad.xlsx"
    path = tmp_path / "no-terms.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Codes").write_row(0, 0, ["code", "meaning"])
    wb.close()
    with pytest.raises(FormatError, match="sheet 'Codes': the header names fewer than two"):
        xlsx.read_glossary(path.open("rb"), str(path))
    r = CliRunner().invoke(cli, ["import", str(path), "-o", str(tmp_path / "x.glossary.txt")])
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {path}:1: sheet 'Codes'")


def _with_shared_strings(tmp_path: Path, sst: str) -> bytes:
    path = tmp_path / "base.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("T").write_row(0, 0, ["en", "zh"])
    wb.close()
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, sst if info.filename == "xl/sharedStrings.xml" else src.read(info))
    return data.getvalue()


_SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    # A "billion laughs" shared-strings part: the XML parser must refuse it, not expand it.
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10))
           + f"]>{_SST}<si><t>&lol9;</t></si><si><t>zh</t></si></sst>")
    with pytest.raises(FormatError, match=r"not a readable \.xlsx workbook"):
        xlsx.read_glossary(io.BytesIO(_with_shared_strings(tmp_path, lol)), "laughs.xlsx")


def test_a_damaged_workbook_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    short = f"{_SST}<si><t>en</t></si></sst>"  # the sheet refers to a second string
    with pytest.raises(FormatError) as info:
        xlsx.read_glossary(io.BytesIO(_with_shared_strings(tmp_path, short)), "short.xlsx")
    assert info.value.path == "short.xlsx"


def test_a_malformed_part_is_named_with_its_position(tmp_path: Path) -> None:
    # A shared-strings part cut short (as a broken download or a bad zip tool leaves it):
    # the error names the part and where its XML breaks, not only openpyxl's message.
    cut = f"{_SST}<si><t>en</t></si><si><t>zh"
    with pytest.raises(FormatError) as info:
        xlsx.read_glossary(io.BytesIO(_with_shared_strings(tmp_path, cut)), "cut.xlsx")
    assert "part xl/sharedStrings.xml, line 1, column" in info.value.message


def test_registry_and_units() -> None:
    assert detect("terms.xlsx").name == "xlsx" and get("xlsx").can_read_units
    data, _ = _write(load_glossary(str(EXAMPLE)))
    units = list(xlsx.iter_units(io.BytesIO(data), "g.xlsx"))
    assert units[0].text("en") == "balance of power"
    assert units[0].location == Source("g.xlsx#Glossary", 2)


# Round-trippable text: no control characters, surrogates or the noncharacters U+FFFE/U+FFFF,
# which an Excel cell's XML cannot hold (the writer refuses them, see above).
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                              exclude_characters="\ufffe\uffff") | st.sampled_from(
    list("=#;\"'&<𠀀")), min_size=1, max_size=15).filter(lambda s: s.strip() == s and s != "")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT, st.sampled_from(list(Status))), min_size=1, max_size=4))
def test_round_trip(rows: list[tuple[str, str, Status]]) -> None:
    g = Glossary([
        Concept(f"c{i}", kind=Kind.KEYWORD, status=status,
                terms=[Term(en, "en", status=status), Term(zh, "zh-Hant", status=status, pinyin="pīn")])
        for i, (en, zh, status) in enumerate(rows)
    ])
    data, _ = _write(g)
    back = xlsx.read_glossary(io.BytesIO(data), "g.xlsx")
    assert [(c.id, c.status, [(t.lang, t.text, t.pinyin) for t in c.terms]) for c in back.concepts] == [
        (c.id, c.status, [(t.lang, t.text, t.pinyin) for t in c.terms]) for c in g.concepts]
    assert _write(back)[0] == data
