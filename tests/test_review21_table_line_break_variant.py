"""review21: a term holding a line break in a 'LANG candidates/variants/deprecated' column is
read back as two terms.

960c667: "every term of a concept comes back with its status" through CSV/TSV/xlsx (CSV and xlsx shown here). The extra
terms of a language share one cell, one term a line, so a term that holds a line break itself
(a title printed on two lines, as build keeps it: 3021fda) is cut in two on reading: its two
lines come back as two terms of that status, and no notice is given when writing. A deprecated
two-line title becomes two forbidden terms, its first line alone among them, which `check -g`
then reports wherever that half-title stands; the column of the preferred term keeps the same
form whole (the title is a dev2 record's, as in tests/test_convert_line_break.py).

Fixed: a list cell writes a term's own line break as ``\\n`` (and doubles its backslashes),
as glossary.txt escapes values (tests/test_formats_table_list_escapes.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from termkit.formats import csv_glossary, tsv_glossary, xlsx
from termkit.model import Concept, Glossary, Kind, Status, Term
from tests.inprocess import invoke

TWO_LINES = "女遊與女性自傳式書寫中的家國語藝\n──以《逆旅》、《漫遊者》、《海神家族》為分析對象"
ONE_LINE = TWO_LINES.replace("\n", "")


def round_trip(module: object, status: Status, main: str, other: str) -> list[tuple[str, str]]:
    glossary = Glossary([Concept("c1", kind=Kind.TITLE, terms=[
        Term("Women's Travel and Self-Writing", "en", status=Status.PREFERRED),
        Term(main, "zh-Hant", status=Status.PREFERRED),
        Term(other, "zh-Hant", status=status)])])
    out = io.BytesIO()
    module.write_glossary(glossary, out)  # type: ignore[attr-defined]
    back = module.read_glossary(io.BytesIO(out.getvalue()), "terms.table")  # type: ignore[attr-defined]
    return sorted((t.text, t.status.value) for c in back.concepts for t in c.terms if t.lang == "zh-Hant")


@pytest.mark.parametrize("module", [csv_glossary, tsv_glossary])
def test_the_main_column_keeps_the_break(module: object) -> None:
    """What holds: the two-line form as the concept's own term comes back whole."""
    assert round_trip(module, Status.DEPRECATED, TWO_LINES, ONE_LINE) == sorted(
        [(TWO_LINES, "preferred"), (ONE_LINE, "deprecated")])


@pytest.mark.parametrize("module", [csv_glossary, xlsx])
@pytest.mark.parametrize("status", [Status.CANDIDATE, Status.DEPRECATED])
def test_an_extra_term_keeps_its_break(module: object, status: Status) -> None:
    assert round_trip(module, status, ONE_LINE, TWO_LINES) == sorted(
        [(ONE_LINE, "preferred"), (TWO_LINES, status.value)])


def test_check_does_not_forbid_half_a_deprecated_title(tmp_path: Path) -> None:
    glossary = Glossary([Concept("c1", kind=Kind.TITLE, terms=[
        Term("Women's Travel and Self-Writing", "en", status=Status.PREFERRED),
        Term(ONE_LINE, "zh-Hant", status=Status.PREFERRED),
        Term(TWO_LINES, "zh-Hant", status=Status.DEPRECATED)])])
    table = tmp_path / "titles.csv"
    with table.open("wb") as fh:
        csv_glossary.write_glossary(glossary, fh)
    pairs = tmp_path / "t.tsv"
    half = TWO_LINES.split("\n")[0]
    pairs.write_text(f"en\tzh-TW\nHer essay on travel.\t她論{half}的文章。\n", encoding="utf-8")
    code, out, err = invoke("check", "-g", table, "--checks", "forbidden-term", pairs)
    assert (code, err) == (0, ""), out
