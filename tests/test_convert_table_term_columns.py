"""convert of a CSV/TSV glossary: the 'LANG variants', 'LANG candidates' and 'LANG deprecated'
columns hold terms of LANG too, and are converted with its column.

termkit's own table export (960c667, exportloss2) writes a concept's other terms there, but
`convert` converted only the cells of columns whose header is a Chinese tag: a zh-Hans table
converted to Traditional kept its variants, candidates and deprecated terms Simplified, and
with --retag they stayed under 'zh-Hans …' headers whose language column had gone (dropped as
a second zh-Hant), so the converted table read back as a glossary with Simplified terms.
The 'LANG status' and 'LANG origin' columns describe the term in column LANG: they follow
it (retagged with it, left out with it), their cells unconverted.

The oracle for each cell is OpenCC itself (its Python binding, the config named).
"""

from __future__ import annotations

import io
from pathlib import Path

import opencc
import pytest

from termkit.formats import csv_glossary, json_glossary, tsv_glossary
from termkit.model import Concept, Glossary, Status, Term
from tests.inprocess import invoke

SIMPLIFIED = {Status.PREFERRED: "信息素养", Status.ADMITTED: "信息素质",
              Status.CANDIDATE: "讯息素养", Status.DEPRECATED: "情报素养"}


def glossary(with_traditional: bool) -> Glossary:
    terms = [Term("information literacy", "en", status=Status.PREFERRED)]
    if with_traditional:
        terms.append(Term("資訊素養", "zh-Hant", status=Status.PREFERRED))
    terms += [Term(text, "zh-Hans", status=status,
                   origin="opencc:t2s" if with_traditional and status is Status.PREFERRED
                   else None)
              for status, text in SIMPLIFIED.items()]
    return Glossary([Concept("c1", terms=terms, status=Status.PREFERRED)])


def table(tmp_path: Path, module: object, name: str, with_traditional: bool) -> Path:
    out = io.BytesIO()
    module.write_glossary(glossary(with_traditional), out)  # type: ignore[attr-defined]
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def read_back(tmp_path: Path, path: Path) -> list[tuple[str, str, str]]:
    """(language, text, status) of the Chinese terms ``termkit import`` reads from ``path``."""
    back = tmp_path / "back.json"
    code, _, err = invoke("import", path, "-o", back)
    assert code == 0, err
    with back.open("rb") as fh:
        g = json_glossary.read_glossary(fh, str(back))
    return sorted((t.lang, t.text, t.status.value) for c in g.concepts for t in c.terms
                  if t.lang.startswith("zh"))


@pytest.mark.parametrize(("module", "name"), [(csv_glossary, "terms.csv"),
                                              (tsv_glossary, "terms.tsv")])
def test_every_term_column_is_converted(tmp_path: Path, module: object, name: str) -> None:
    path = table(tmp_path, module, name, with_traditional=False)
    out = tmp_path / f"out-{name}"
    code, _, err = invoke("convert", "-c", "s2t", path, "-o", out)
    assert code == 0, err
    s2t = opencc.OpenCC("s2t")
    # (the header still says zh-Hans: without --retag only the content is converted)
    assert read_back(tmp_path, out) == sorted(
        ("zh-Hans", s2t.convert(text), status.value) for status, text in SIMPLIFIED.items())


def test_retag_moves_the_term_columns_with_their_language(tmp_path: Path) -> None:
    path = table(tmp_path, csv_glossary, "terms.csv", with_traditional=False)
    out = tmp_path / "out.csv"
    code, _, err = invoke("convert", "-c", "s2t", "--retag", path, "-o", out)
    assert code == 0, err
    header = out.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert [h for h in header if h.startswith("zh")] == [
        "zh-Hant", "zh-Hant variants", "zh-Hant candidates", "zh-Hant deprecated"]
    s2t = opencc.OpenCC("s2t")
    assert read_back(tmp_path, out) == sorted(
        ("zh-Hant", s2t.convert(text), status.value) for status, text in SIMPLIFIED.items())


def test_retag_leaves_out_what_belongs_to_a_column_left_out(tmp_path: Path) -> None:
    """The zh-Hans column of a table that has zh-Hant is left out when retagged (a second
    zh-Hant); its origin column goes with it, and its term columns, which the zh-Hant column
    has none of, become zh-Hant's."""
    path = table(tmp_path, csv_glossary, "terms.csv", with_traditional=True)
    assert "zh-Hans origin" in path.read_text(encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("convert", "-c", "s2t", "--retag", path, "-o", out)
    assert code == 0, err
    header = out.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert [h for h in header if h.startswith("zh")] == [
        "zh-Hant", "zh-Hant variants", "zh-Hant candidates", "zh-Hant deprecated"]
    s2t = opencc.OpenCC("s2t")
    assert read_back(tmp_path, out) == sorted(
        [("zh-Hant", "資訊素養", "preferred")]
        + [("zh-Hant", s2t.convert(text), status.value) for status, text in SIMPLIFIED.items()
           if status is not Status.PREFERRED])
