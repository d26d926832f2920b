"""CSV, TSV and Excel keep every term of a concept and its status, and the concept's confidence.

Before, a table held the best term of each language and the admitted variants: a conflict's
candidate renderings (杜甫 Du Fu / Tu Fu, 高校 college / colleges and universities in the dev
records) were lost, deprecated terms (what ``check`` reports as forbidden) too, and every term
in a language column came back with the row's status. Now ``LANG candidates`` and
``LANG deprecated`` columns hold the others, ``LANG status`` a term's own status where it is
not the row's, and ``confidence`` the concept's; each is written only when some concept needs
it, and a table without them reads as before.
"""

from __future__ import annotations

import io

import pytest

from termkit.formats import csv_glossary, get, tsv_glossary
from termkit.formats.columns import header_row, others_column, term_status_column
from termkit.glossary import merge_glossaries
from termkit.model import Concept, Glossary, Kind, Status, Term
from tests.inprocess import invoke


def _conflict() -> Glossary:
    """A concept in conflict as build leaves it: the concept a candidate, a title variant
    admitted, the two tied renderings candidates, the conflict in a note."""
    return Glossary([Concept(
        "c000000000001", kind=Kind.KEYWORD, status=Status.CANDIDATE, confidence=0.5,
        notes=["conflict: Du Fu | Tu Fu"],
        terms=[Term("杜甫", "zh-Hant", status=Status.PREFERRED),
               Term("Du Fu's", "en", status=Status.ADMITTED),
               Term("Du Fu", "en", status=Status.CANDIDATE),
               Term("Tu Fu", "en", status=Status.CANDIDATE),
               Term("杜子美", "zh-Hant", status=Status.DEPRECATED)])])


def _write(fmt: str, g: Glossary) -> bytes:
    out = io.BytesIO()
    get(fmt).write_glossary(g, out)
    return out.getvalue()


def test_the_columns() -> None:
    data = _write("csv", _conflict())
    header, row = data.decode("utf-8").rstrip("\n").split("\n", 1)
    assert header == ("en,zh-Hant,en candidates,zh-Hant deprecated,pinyin,domain,status,note,id,"
                      "kind,confidence,en status,zh-Hant status")
    assert row == ("Du Fu's,杜甫,\"Du Fu\nTu Fu\",杜子美,,,candidate,conflict: Du Fu | Tu Fu,"
                   "c000000000001,keyword,0.5,admitted,preferred")
    assert _write("csv", _conflict()) == data  # deterministic


@pytest.mark.parametrize("fmt, name", [("csv", "g.csv"), ("tsv", "g.tsv"), ("xlsx", "g.xlsx")])
def test_every_term_and_status_comes_back(fmt: str, name: str) -> None:
    back = get(fmt).read_glossary(io.BytesIO(_write(fmt, _conflict())), name)
    concept = back.concepts[0]
    assert sorted((t.lang, t.text, t.status.value) for t in concept.terms) == sorted(
        (t.lang, t.text, t.status.value) for t in _conflict().concepts[0].terms)
    assert concept.status is Status.CANDIDATE and concept.confidence == 0.5
    # Merged (as import does), the conflict is the same two renderings: with the admitted
    # title variant read back as a candidate it became three.
    assert merge_glossaries([back]).concepts[0].notes == ["conflict: Du Fu | Tu Fu"]


def test_a_glossary_without_such_terms_gets_no_such_columns() -> None:
    g = Glossary([Concept("c1", status=Status.PREFERRED, terms=[
        Term("realism", "en", status=Status.PREFERRED),
        Term("現實主義", "zh-Hant", status=Status.PREFERRED)])])
    assert _write("csv", g).decode("utf-8").split("\n")[0] == \
        "en,zh-Hant,pinyin,domain,status,note,id"


def test_hand_written_columns_in_either_spelling() -> None:
    text = ("English\t繁體中文\tzh-Hant (deprecated)\ten candidates\ten (status)\tconfidence\n"
            "realism\t現實主義\t唯實主義; 實在論\tphilosophical realism\tadmitted\t0.25\n")
    g = tsv_glossary.read_glossary(io.BytesIO(text.encode("utf-8")), "g.tsv")
    assert [(t.lang, t.text, t.status) for t in g.concepts[0].terms] == [
        ("en", "realism", Status.ADMITTED), ("zh-Hant", "現實主義", Status.CANDIDATE),
        ("zh-Hant", "唯實主義", Status.DEPRECATED), ("zh-Hant", "實在論", Status.DEPRECATED),
        ("en", "philosophical realism", Status.CANDIDATE)]
    assert g.concepts[0].confidence == 0.25
    assert others_column("en candidates") == ("en", "candidates")
    assert others_column("zh-TW (deprecated)") == ("zh-Hant-TW", "deprecated")
    assert others_column("candidates") is None and term_status_column("status") is None
    assert header_row(["en", "zh-TW", "zh-TW deprecated", "en status", "confidence"])


def test_values_that_are_no_status_or_number_are_kept_as_props() -> None:
    text = "en,zh-Hant,en status,confidence\nrealism,現實主義,sure,high\n"
    g = csv_glossary.read_glossary(io.BytesIO(text.encode("utf-8")), "g.csv")
    concept = g.concepts[0]
    assert concept.props == {"en status": "sure", "confidence": "high"}
    assert concept.confidence is None
    assert {t.status for t in concept.terms} == {Status.CANDIDATE}
    assert [(n.line, n.message) for n in g.notices] == [
        (2, "confidence 'high' is no number, kept as a property"),
        (2, "unknown status 'sure' of the en term kept as a property")]


def test_two_columns_for_the_same_terms_are_an_error() -> None:
    from termkit.errors import FormatError

    text = "en,zh-Hant,en candidates,en (candidates)\na,甲,b,c\n"
    with pytest.raises(FormatError, match="columns 3 and 4 both name candidates terms of en"):
        csv_glossary.read_glossary(io.BytesIO(text.encode("utf-8")), "g.csv")


def test_check_reports_a_deprecated_term_from_a_csv_export(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The deprecated term reached check only from the formats that kept it; from a CSV export
    # it was gone, and so was the forbidden-term finding.
    glossary = tmp_path / "g.csv"
    glossary.write_bytes(_write("csv", _conflict()))
    target = tmp_path / "t.zh_TW.po"
    target.write_text('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n'
                      '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                      'msgid "The poems of Du Fu"\nmsgstr "杜子美的詩"\n', encoding="utf-8")
    code, report, _err = invoke("check", "-g", glossary, "--checks", "terms", target)
    assert "杜子美" in report and "forbidden" in report, report
    assert code == 1
