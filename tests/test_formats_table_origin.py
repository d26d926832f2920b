"""CSV, TSV and Excel keep the origin of a form OpenCC made (``LANG origin`` columns).

``build`` adds the other script of every Chinese term with OpenCC and marks it
``origin: opencc:s2t`` (or ``t2s``); the lock reads that mark (a made form is no evidence for
a regional config). The tables dropped it, so a lock glossary read from a CSV export took the
made form as printed. Old tables (no origin column) read as before.
"""

from __future__ import annotations

import io

import pytest

from termkit.formats import csv_glossary, get, tsv_glossary
from termkit.formats.columns import header_row, origin_column
from termkit.formats.table import glossary_rows
from termkit.glossary import load_glossary
from termkit.model import Concept, Glossary, Kind, Term
from tests.conftest import DATA


def _glossary() -> Glossary:
    return Glossary([
        Concept("c1", kind=Kind.KEYWORD, terms=[
            Term("neural network", "en", origin="record"),
            Term("神經網絡", "zh-Hant", origin="opencc:s2t"),
            Term("神经网络", "zh-Hans", origin="record")]),
        Concept("c2", kind=Kind.KEYWORD, terms=[
            Term("realism", "en", origin="record"),
            Term("現實主義", "zh-Hant", origin="record"),
            Term("现实主义", "zh-Hans", origin="opencc:t2s")]),
    ])


def _write(fmt: str, g: Glossary) -> bytes:
    out = io.BytesIO()
    get(fmt).write_glossary(g, out)
    return out.getvalue()


def _origins(g: Glossary) -> dict[str, str | None]:
    return {t.text: t.origin for c in g.concepts for t in c.terms}


def test_csv_has_an_origin_column_per_language_with_a_made_form() -> None:
    data = _write("csv", _glossary())
    header, first, second = data.decode("utf-8").splitlines()
    assert header == ("en,zh-Hant,zh-Hans,pinyin,domain,status,note,id,kind,"
                      "zh-Hant origin,zh-Hans origin")
    # Printed terms leave the cell empty: the column says which forms a machine made.
    assert first.endswith(",opencc:s2t,") and second.endswith(",,opencc:t2s")
    assert _write("csv", _glossary()) == data  # deterministic


@pytest.mark.parametrize("fmt, name", [("csv", "g.csv"), ("tsv", "g.tsv"), ("xlsx", "g.xlsx")])
def test_the_made_origin_reads_back(fmt: str, name: str) -> None:
    back = get(fmt).read_glossary(io.BytesIO(_write(fmt, _glossary())), name)
    origins = _origins(back)
    assert origins["神經網絡"] == "opencc:s2t" and origins["现实主义"] == "opencc:t2s"
    # A printed term keeps the reader's own origin, as before.
    assert origins["神经网络"] == origins["realism"] == f"import:{fmt}"


def test_no_origin_column_without_a_made_form() -> None:
    g = Glossary([Concept("c1", terms=[Term("realism", "en", origin="record"),
                                       Term("現實主義", "zh-Hant", origin="import:tbx")])])
    assert "origin" not in _write("csv", g).decode("utf-8").splitlines()[0]


def test_an_old_table_without_the_column_reads_as_before() -> None:
    path = DATA / "delimited" / "aliases-bom.csv"
    with path.open("rb") as fh:
        g = csv_glossary.read_glossary(fh, str(path))
    assert {t.origin for c in g.concepts for t in c.terms} == {"import:csv"}


def test_a_hand_written_origin_column_in_either_spelling() -> None:
    text = ("en\tzh-TW\tzh-TW (origin)\n"
            "neural network\t神經網路\tmy review\n"
            "realism\t現實主義\t\n")
    g = tsv_glossary.read_glossary(io.BytesIO(text.encode("utf-8")), "g.tsv")
    assert _origins(g) == {"neural network": "import:tsv", "神經網路": "my review",
                           "realism": "import:tsv", "現實主義": "import:tsv"}
    assert origin_column("zh-Hans origin") == "zh-Hans" and origin_column("origin") is None
    # A table of nothing but column names, the origin among them, is known as a table.
    assert header_row(["en", "zh-TW", "zh-TW origin"])


def test_two_origin_columns_for_one_language_are_an_error() -> None:
    from termkit.errors import FormatError

    text = "en,zh-Hant,zh-Hant origin,zh-Hant (origin)\na,甲,x,y\n"
    with pytest.raises(FormatError, match="columns 3 and 4 both name the origin of zh-Hant"):
        csv_glossary.read_glossary(io.BytesIO(text.encode("utf-8")), "g.csv")


def test_a_prop_named_like_a_column_stays_a_prop() -> None:
    g = _glossary()
    g.concepts[0].props["zh-Hans origin"] = "a note of the user's"
    header, _rows, _ = glossary_rows(g)
    assert header[-1] == "x-zh-Hans origin"
    back = csv_glossary.read_glossary(io.BytesIO(_write("csv", g)), "g.csv")
    assert back.concepts[0].props == {"x-zh-Hans origin": "a note of the user's"}
    assert _origins(back)["神經網絡"] == "opencc:s2t"


def test_the_bundled_example_csv_marks_its_made_forms() -> None:
    from pathlib import Path

    folder = Path(__file__).parent.parent / "glossaries" / "example"
    made = {t.text for c in load_glossary(str(folder / "glossary.txt")).concepts
            for t in c.terms if (t.origin or "").startswith("opencc:")}
    back = load_glossary(str(folder / "glossary.csv"))
    assert made and {t.text for c in back.concepts for t in c.terms
                     if (t.origin or "").startswith("opencc:")} == made
