"""CSV/TSV glossaries: header layout, lenient reading, errors with lines, round trips."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.errors import EncodingError, FormatError
from termkit.formats import csv_glossary, get, tsv_glossary
from termkit.model import Concept, Glossary, Kind, Source, Status, Term
from tests.conftest import DATA

DELIMITED = DATA / "delimited"


def sample() -> Glossary:
    return Glossary(
        concepts=[
            Concept(
                id="c000000000001",
                kind=Kind.KEYWORD,
                terms=[Term("language", "en"), Term("語言", "zh-Hant", pinyin="yǔyán"),
                       Term("语言", "zh-Hans", pinyin="yǔyán")],
                domains=["人文學", "語言學"],
                status=Status.PREFERRED,
                sources=[Source("rec.txt", 4, "r1")],
                notes=["a, \"quoted\" note"],
                props={"tmx:x-origin": "test"},
            ),
            Concept(id="c000000000002", terms=[Term("taxi", "en"), Term("的士", "zh-Hant-HK")]),
        ]
    )


def write(module: object, g: Glossary) -> bytes:
    buf = io.BytesIO()
    module.write_glossary(g, buf)  # type: ignore[attr-defined]
    return buf.getvalue()


def test_header_and_rows_as_the_csv_module_reads_them() -> None:
    data = write(csv_glossary, sample())
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    header = data.decode().split("\n", 1)[0]
    # (The sample's terms keep Term's default status, candidate, in a preferred concept: the
    # "LANG status" columns say so, where the row's status alone made them preferred.)
    assert header == ("en,zh-Hant,zh-Hant-HK,zh-Hans,pinyin,domain,status,note,id,kind,source,"
                      "en status,zh-Hant status,zh-Hans status,tmx:x-origin")
    assert (rows[0]["en status"], rows[1]["en status"]) == ("candidate", "")
    first = rows[0]
    assert (first["en"], first["zh-Hant"], first["zh-Hans"]) == ("language", "語言", "语言")
    assert first["pinyin"] == "yǔyán" and first["domain"] == "人文學; 語言學"
    assert first["note"] == "a, \"quoted\" note" and first["source"] == "rec.txt:4 record=r1"
    assert first["tmx:x-origin"] == "test" and first["kind"] == "keyword"
    assert rows[1]["zh-Hant-HK"] == "的士" and rows[1]["zh-Hant"] == ""


def test_tsv_quotes_tabs_and_newlines() -> None:
    g = Glossary(concepts=[Concept(id="c1", terms=[Term("a\tb", "en"), Term("甲\n乙", "zh-Hant")])])
    data = write(tsv_glossary, g)
    rows = list(csv.reader(io.StringIO(data.decode(), newline=""), delimiter="\t"))
    assert rows[1][:2] == ["a\tb", "甲\n乙"]
    back = tsv_glossary.read_glossary(io.BytesIO(data), "g.tsv")
    assert [t.text for t in back.concepts[0].terms] == ["a\tb", "甲\n乙"]


def test_reads_aliases_bom_and_extra_columns() -> None:
    path = DELIMITED / "aliases-bom.csv"
    with path.open("rb") as fh:
        g = csv_glossary.read_glossary(fh, str(path))
    first, second = g.concepts
    assert [(t.lang, t.text) for t in first.terms] == [
        ("en", "language"), ("zh-Hant-TW", "語言"), ("zh-Hans-CN", "语言")]
    assert first.terms[1].pinyin == "yǔyán" and first.terms[0].pinyin is None
    assert first.notes == ["said, not written"]
    assert first.props == {"Part of speech": "noun"}
    assert first.terms[0].sources == [Source(str(path), 2)]
    assert second.terms[0].text == 'the "quoted" term'
    assert second.terms[0].sources == [Source(str(path), 3)]


def test_quoted_tsv_fixture_and_units() -> None:
    path = DELIMITED / "quoted.tsv"
    with path.open("rb") as fh:
        units = list(tsv_glossary.iter_units(fh, str(path)))
    assert [u.text("en") for u in units] == ["language", "keyword"]
    assert units[0].notes == ["tab\there", "and a newline"]
    # the second row starts on line 4: the quoted note spans lines 2-3
    assert [u.location.line for u in units] == [2, 4]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("too-many-cells.csv", 3, "row has 3 cells but the header names 2 columns"),
        ("one-language.csv", 1, "the header names fewer than two language columns (found: en)"),
    ],
)
def test_errors_carry_the_line(name: str, line: int, message: str) -> None:
    path = DELIMITED / name
    with pytest.raises(FormatError) as info, path.open("rb") as fh:
        csv_glossary.read_glossary(fh, str(path))
    assert info.value.line == line
    assert info.value.message == message


def test_invalid_utf8_is_located() -> None:
    data = "en,zh-Hant\nlanguage,語言\n".encode() + b"bad,\xff\n"
    with pytest.raises(EncodingError) as info:
        csv_glossary.read_glossary(io.BytesIO(data), "x.csv")
    assert (info.value.line, info.value.column) == (3, 5)


def test_trailing_empty_cells_are_tolerated() -> None:
    g = csv_glossary.read_glossary(io.BytesIO(b"en,zh-Hant\nlanguage,x,,\n"), "x.csv")
    assert [t.text for t in g.concepts[0].terms] == ["language", "x"]


def test_legacy_encodings_and_carriage_returns() -> None:
    # termkit.textio decodes Big5 (Excel on a Traditional Chinese Windows) and normalizes CR.
    data = "en,zh-Hant\r\nlanguage,\"語言\r\n文字\"\r\n".encode("cp950")
    g = csv_glossary.read_glossary(io.BytesIO(data), "big5.csv")
    assert [t.text for t in g.concepts[0].terms] == ["language", "語言\n文字"]


def test_duplicate_language_columns_are_refused() -> None:
    with pytest.raises(FormatError, match="columns 2 and 3 both name language zh-Hant-TW"):
        csv_glossary.read_glossary(io.BytesIO(b"en,zh-TW,zh_Hant_TW\na,b,c\n"), "x.csv")


def test_unknown_status_is_kept_with_a_notice() -> None:
    g = csv_glossary.read_glossary(io.BytesIO(b"en,zh,status\na,b,approved\n"), "x.csv")
    assert g.concepts[0].status is Status.CANDIDATE
    assert g.concepts[0].props == {"status": "approved"}
    assert [str(n) for n in g.notices] == ["x.csv:2: unknown status 'approved' kept as a property"]


def test_registry_detects_extensions() -> None:
    from termkit.formats import detect

    assert detect("a/glossary.csv").name == "csv"
    assert detect("glossary.tsv").name == "tsv"
    assert detect("glossary.omegat.tsv").name == "omegat"
    assert get("csv").can_read_units


# --------------------------------------------------------------------------- round trip

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from([*",\"'\n\t;&<", "𠀀", "😀"]),
    min_size=1, max_size=20,
).filter(lambda s: s.strip() != "")
_LINE = _TEXT.map(lambda s: " ".join(s.replace(";", " ").split())).filter(bool)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    concepts = []
    for i in range(draw(st.integers(1, 5))):
        pinyin = draw(st.none() | _LINE)
        concepts.append(
            Concept(
                id=f"c{i:012x}",
                kind=draw(st.sampled_from(list(Kind))),
                terms=[
                    Term(draw(_TEXT), "en"),
                    Term(draw(_TEXT), "zh-Hant", pinyin=pinyin),
                    Term(draw(_TEXT), "zh-Hans", pinyin=pinyin),
                ],
                domains=draw(st.lists(_LINE, max_size=2, unique=True)),
                status=draw(st.sampled_from(list(Status))),
                notes=draw(st.lists(_LINE, max_size=2)),
                props=draw(st.dictionaries(st.sampled_from(["x-a", "x-b"]), _LINE, max_size=2)),
            )
        )
    return Glossary(concepts=concepts)


def _projection(g: Glossary) -> list[tuple[object, ...]]:
    return [
        (c.id, c.kind, [(t.lang, t.text, t.pinyin) for t in c.terms], c.domains, c.status, c.notes, c.props)
        for c in g.concepts
    ]


@settings(max_examples=60, deadline=None)
@given(glossaries(), st.sampled_from(["csv", "tsv"]))
def test_round_trip(glossary: Glossary, name: str) -> None:
    module = csv_glossary if name == "csv" else tsv_glossary
    data = write(module, glossary)
    back = module.read_glossary(io.BytesIO(data), f"g.{name}")
    assert _projection(back) == _projection(glossary)
    assert write(module, back) == data  # byte-identical when written again


def test_glossary_from_units() -> None:
    from termkit.formats.delimited import glossary_from_units
    from termkit.model import Unit, Variant

    units = [
        Unit("u1", [Variant("en", "language"), Variant("zh-Hant", "語言")], location=Source("a.xlf", 3)),
        Unit("u2", [Variant("en", " "), Variant("zh-Hant", "")], location=Source("a.xlf", 9)),
    ]
    g = glossary_from_units(units, "a.xlf", "import:xliff")
    assert [[(t.lang, t.text, t.origin) for t in c.terms] for c in g.concepts] == [
        [("en", "language", "import:xliff"), ("zh-Hant", "語言", "import:xliff")]]
    assert [str(n) for n in g.notices] == ["a.xlf:9: unit without text skipped"]


# --------------------------------------------------------------------------- variants and BOM


def test_admitted_variants_have_their_own_column_and_come_back() -> None:
    g = Glossary([Concept("c1", status=Status.PREFERRED, terms=[
        Term("university library", "en", status=Status.PREFERRED),
        Term("university libraries", "en", status=Status.ADMITTED),
        Term("college library", "en", status=Status.ADMITTED),
        Term("大學圖書館", "zh-Hant", status=Status.PREFERRED),
        # not a variant: a column of its own (it was dropped before the deprecated columns)
        Term("校圖書館", "zh-Hant", status=Status.DEPRECATED),
    ])])
    for module, sep in ((csv_glossary, ","), (tsv_glossary, "\t")):
        data = write(module, g)
        rows = list(csv.reader(io.StringIO(data.decode(), newline=""), delimiter=sep))
        assert rows[0][:4] == ["en", "zh-Hant", "en variants", "zh-Hant deprecated"]
        assert rows[1][:4] == ["university library", "大學圖書館",
                               "university libraries\ncollege library", "校圖書館"]
        back = module.read_glossary(io.BytesIO(data), "g")
        assert [(t.lang, t.text, t.status) for t in back.concepts[0].terms] == [
            ("en", "university library", Status.PREFERRED),
            ("zh-Hant", "大學圖書館", Status.PREFERRED),
            ("en", "university libraries", Status.ADMITTED),
            ("en", "college library", Status.ADMITTED),
            ("zh-Hant", "校圖書館", Status.DEPRECATED),
        ]


def test_variants_columns_written_by_hand_are_read() -> None:
    data = "English,繁體中文,Chinese (Traditional) (variants),status\nrealism,現實主義,寫實主義; 唯實論,preferred\n"
    g = csv_glossary.read_glossary(io.BytesIO(data.encode()), "x.csv")
    assert [(t.lang, t.text, t.status) for t in g.concepts[0].terms] == [
        ("en", "realism", Status.PREFERRED), ("zh-Hant", "現實主義", Status.PREFERRED),
        ("zh-Hant", "寫實主義", Status.ADMITTED), ("zh-Hant", "唯實論", Status.ADMITTED)]


def test_export_bom_for_excel(tmp_path: object) -> None:
    from click.testing import CliRunner

    from termkit.cli import cli
    from tests.conftest import ROOT

    example = str(ROOT / "glossaries" / "example" / "glossary.txt")
    runner = CliRunner()
    plain = runner.invoke(cli, ["export", example, "--to", "csv"])
    with_bom = runner.invoke(cli, ["export", example, "--to", "csv", "--bom"])
    assert plain.exit_code == 0 and with_bom.exit_code == 0
    assert with_bom.stdout_bytes == b"\xef\xbb\xbf" + plain.stdout_bytes
    assert b"Vietnam's foreign policy" in plain.stdout_bytes  # the admitted variant is there
    tsv = runner.invoke(cli, ["export", example, "--to", "tsv", "--bom"])
    assert tsv.stdout_bytes.startswith(b"\xef\xbb\xbfen\t")
    # the BOM is read back (a BOM on input is tolerated) and only CSV/TSV take the option
    back = csv_glossary.read_glossary(io.BytesIO(with_bom.stdout_bytes), "x.csv")
    assert back.concepts[0].terms[0].text == "balance of power"
    wrong = runner.invoke(cli, ["export", example, "--to", "tmx", "--bom"])
    assert wrong.exit_code == 2 and "--bom does not apply to --to tmx" in wrong.stderr
    assert "--bom" in runner.invoke(cli, ["export", "--help"]).output
