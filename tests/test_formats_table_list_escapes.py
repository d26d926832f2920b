"""Glossary tables: a term of a list cell ('LANG variants', 'LANG candidates', 'LANG
deprecated', one term a line) that holds a line break or a backslash.

The list cells separate terms by line breaks, so a two-line title there came back as two
terms (review21, tests/test_review21_table_line_break_variant.py). Such a term is written
with its line break as ``\\n`` and its backslashes doubled, as glossary.txt escapes values;
a table without termkit's ``id`` column was typed by hand, and its cells are read as typed.

Oracle for the cells: Python's csv module reading the CSV termkit wrote.
"""

from __future__ import annotations

import csv
import io

import pytest

from termkit.formats import csv_glossary, tsv_glossary, xlsx
from termkit.model import Concept, Glossary, Kind, Status, Term

TWO_LINES = "Women's Travel and Self-Writing:\nthe Rhetoric of Nation"
BACKSLASH = r"the \n escape and a \ alone"


def glossary() -> Glossary:
    return Glossary([Concept("c1", kind=Kind.TITLE, terms=[
        Term("Women's Travel", "en", status=Status.PREFERRED),
        Term(TWO_LINES, "en", status=Status.ADMITTED),
        Term(BACKSLASH, "en", status=Status.DEPRECATED),
        Term("女遊", "zh-Hant", status=Status.PREFERRED)], status=Status.PREFERRED)])


def english(g: Glossary) -> list[tuple[str, str]]:
    return sorted((t.text, t.status.value) for c in g.concepts for t in c.terms if t.lang == "en")


@pytest.mark.parametrize("module", [csv_glossary, tsv_glossary, xlsx])
def test_round_trip(module: object) -> None:
    out = io.BytesIO()
    module.write_glossary(glossary(), out)  # type: ignore[attr-defined]
    back = module.read_glossary(io.BytesIO(out.getvalue()), "t.table")  # type: ignore[attr-defined]
    assert english(back) == english(glossary())


def test_the_cells_as_csv_reads_them() -> None:
    out = io.BytesIO()
    csv_glossary.write_glossary(glossary(), out)
    header, row = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8"))))
    cells = dict(zip(header, row, strict=True))
    assert cells["en variants"] == "Women's Travel and Self-Writing:\\nthe Rhetoric of Nation"
    assert cells["en deprecated"] == "the \\\\n escape and a \\\\ alone"


def test_a_hand_made_backslash_stands() -> None:
    """A table without termkit's fixed columns (``pinyin,domain,status,note,id``) was typed by
    hand: its list cells are taken as typed (``C:\\temp``, LaTeX's ``\\nabla``; review22; an
    ``ID`` column alone is any numbered glossary's, review23). With them (a table termkit wrote,
    maybe edited since) the three escapes are undone and ``\\t`` stays two characters."""
    cell = '"C:\\temp\nC:\\\\share\\n"'
    hand = f"en,zh-Hant,en variants\npath,路徑,{cell}\n"
    back = csv_glossary.read_glossary(io.BytesIO(hand.encode()), "t.csv")
    assert sorted(t.text for c in back.concepts for t in c.terms if t.lang == "en") == [
        "C:\\\\share\\n", "C:\\temp", "path"]
    for numbered in (f"ID,en,zh-Hant,en variants\n1,path,路徑,{cell}\n",
                     f"en,zh-Hant,en variants,id\npath,路徑,{cell},c1\n"):
        back = csv_glossary.read_glossary(io.BytesIO(numbered.encode()), "t.csv")
        assert sorted(t.text for c in back.concepts for t in c.terms if t.lang == "en") == [
            "C:\\\\share\\n", "C:\\temp", "path"]
    written = (f"en,zh-Hant,en variants,pinyin,domain,status,note,id\n"
               f"path,路徑,{cell},lùjìng,,,,c1\n")
    back = csv_glossary.read_glossary(io.BytesIO(written.encode()), "t.csv")
    assert sorted(t.text for c in back.concepts for t in c.terms if t.lang == "en") == [
        "C:\\share\n", "C:\\temp", "path"]
