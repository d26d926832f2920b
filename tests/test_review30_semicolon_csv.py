"""review30: a CSV glossary separated by semicolons, as Excel saves "CSV" in most of Europe.

Where the decimal mark is a comma, Excel's "CSV (comma delimited)" writes `;` between cells;
a translator's client table saved so (`en;zh-TW`) was refused: "the header names fewer than
two language columns (found: none)", for a header that names two.

The separator is taken from the header row only: no comma in it, and split at `;` it is a
glossary table's header (two language columns, nothing but column names). A comma-separated
table whose cells hold `;` (the domain column's `人文學; 社會科學`) reads as before.

Oracle: the same table written with commas by termkit's own CSV export.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from termkit.formats.table import semicolon_header
from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE_CSV = ROOT / "glossaries" / "example" / "glossary.csv"


def _as_semicolons(text: str) -> str:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_a_semicolon_table_reads_as_its_comma_twin(tmp_path: Path) -> None:
    text = EXAMPLE_CSV.read_text("utf-8-sig")
    assert ";" in text  # its domain cells hold a semicolon: quoted in the semicolon twin
    (tmp_path / "comma.csv").write_text(text, "utf-8")
    (tmp_path / "semi.csv").write_text(_as_semicolons(text), "utf-8-sig")
    code, comma, err = invoke("import", "comma.csv", "-o", "-", cwd=tmp_path)
    assert code == 0, err
    code, semi, err = invoke("import", "semi.csv", "-o", "-", cwd=tmp_path)
    assert code == 0, err
    assert semi == comma.replace("comma.csv", "semi.csv")
    assert "權力平衡" in semi


def test_lookup_and_tm_import_read_it(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_bytes("en;zh-TW\r\nsoftware;軟體\r\nnetwork;網路\r\n".encode())
    code, out, err = invoke("lookup", "-g", "terms.csv", "software", cwd=tmp_path)
    assert code == 0 and "軟體" in out, err
    code, out, err = invoke("tm", "import", "--db", "tm.sqlite", "terms.csv", cwd=tmp_path)
    assert code == 0 and "2 read, 2 added" in out, err


def test_only_a_header_of_column_names_chooses_semicolons() -> None:
    assert semicolon_header("en;zh-TW\nsoftware;軟體\n")
    assert semicolon_header("\ufeffEnglish;繁體中文;domain\r\n")
    assert not semicolon_header("en,zh-TW\nsoftware;x,軟體\n")  # commas: a CSV as ever
    assert not semicolon_header("en;zh-TW,domain\n")
    assert not semicolon_header("realism; balance of power\n")  # no header: no language columns
    assert not semicolon_header("en;zh-TW;see the note below\n")  # running text is no column name
