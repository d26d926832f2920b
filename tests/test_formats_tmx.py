"""TMX: real samples, the LISA compliance kit answer key, DTD validity, translate-toolkit, round trips."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from termkit.errors import FormatError, UsageError
from termkit.formats import detect, tmx
from termkit.model import Concept, Glossary, Kind, Source, Status, Term, Unit, Variant

DATA = Path(__file__).parent / "data" / "formats"
SAMPLES = sorted((DATA / "tmx").rglob("*.tmx"))
KIT = DATA / "tmx" / "lisa-tmx-compliance-kit"
TMX_DTD = DATA / "schemas" / "tmx" / "tmx14.dtd"


def _write(glossary: Glossary, **options: object) -> bytes:
    out = io.BytesIO()
    tmx.write_glossary(glossary, out, **options)
    return out.getvalue()


def _read(data: bytes, path: str = "mem.tmx") -> Glossary:
    return tmx.read_glossary(io.BytesIO(data), path)


def _dtd_valid(data: bytes) -> None:
    dtd = etree.DTD(str(TMX_DTD))
    doc = etree.fromstring(data)
    assert dtd.validate(doc), dtd.error_log


def example_glossary() -> Glossary:
    return Glossary(
        concepts=[
            Concept(
                id="c0a1b2c3d4e5f",
                kind=Kind.KEYWORD,
                terms=[
                    Term("digital humanities", "en", Status.PREFERRED, origin="record",
                         support=3, sources=[Source("rec.txt", 12, "r1")], part_of_speech="noun"),
                    Term("數位人文", "zh-Hant-TW", Status.PREFERRED, origin="record",
                         pinyin="shùwèi rénwén", note="Taiwan usage"),
                    Term("数字人文", "zh-Hans", Status.ADMITTED, origin="opencc:t2s",
                         pinyin="shùzì rénwén", term_type="fullForm"),
                ],
                domains=["人文學", "資訊"],
                status=Status.PREFERRED,
                confidence=0.875,
                sources=[Source("rec.txt", 10, "r1"), Source("rec2.txt")],
                notes=["checked by hand", "R&D <draft>"],
                props={"x-client": "NTU"},
            ),
            Concept(id="c111111111111", kind=Kind.PERSON,
                    terms=[Term("Wang Xiaoming", "en"), Term("王小明", "zh-Hant")]),
        ],
        header={"licence": "CC BY 4.0", "source": "termkit tests"},
    )


# --------------------------------------------------------------------------- reading


def test_registry_detects_tmx() -> None:
    assert detect("memory.TMX").name == "tmx"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_imports_with_every_unit(path: Path) -> None:
    expected = len(etree.parse(str(path)).getroot().findall("body/tu"))
    with path.open("rb") as fh:
        units = list(tmx.iter_units(fh, str(path)))
    with path.open("rb") as fh:
        glossary = tmx.read_glossary(fh, str(path))
    assert len(units) == expected > 0
    assert len(glossary) == expected
    assert all(u.variants for u in units)


@pytest.mark.parametrize("name", ["1A", "1B", "1C", "1D", "1E", "1F"])
def test_lisa_compliance_kit_answer_key(name: str) -> None:
    """Each ImportTest1X.tmx must yield, per language, exactly the kit's expected text files."""
    path = KIT / f"ImportTest{name}.tmx"
    with path.open("rb") as fh:
        units = list(tmx.iter_units(fh, str(path)))
    answers = sorted(KIT.glob(f"ImportTest{name}*.txt"))
    assert answers
    for answer in answers:
        stem = answer.stem.split("_")
        lang = stem[1] if len(stem) > 1 else "en-us"
        expected = answer.read_text(encoding="utf-8-sig").splitlines()
        got = [u.text(lang) for u in units]
        assert got == expected, answer.name


def test_utf16_with_bom_is_read() -> None:
    raw = (KIT / "ImportTest1A.tmx").read_bytes()
    assert raw[:2] == b"\xff\xfe"  # the kit's UTF-16LE file, with BOM
    units = list(tmx.iter_units(io.BytesIO(raw), "1A.tmx"))
    assert units[0].text("fr-CA") == "Premier segment avec [\t\t   ]"


def test_language_tags_any_case_normalized() -> None:
    path = KIT / "ImportTest1B.tmx"  # xml:lang='eN-uS' and "fR-Ca"
    unit = next(tmx.iter_units(path.open("rb"), str(path)))
    assert [v.lang for v in unit.variants] == ["en-US", "fr-CA"]
    assert unit.source_lang == "en-US"


def test_dejavu_lowercase_tags_and_unit_srclang() -> None:
    path = DATA / "tmx" / "heartsome-dejavu-utf-8.tmx"
    units = list(tmx.iter_units(path.open("rb"), str(path)))
    # header says srclang="zh-cn" but each <tu srclang="en-us"> wins
    assert {u.source_lang for u in units} == {"en-US"}
    assert units[0].variants[0].lang == "zh-Hans-CN"
    assert units[0].text("zh-Hans") == "主动距陈"
    assert units[0].props["x-filename"] == "computer2.xls"
    assert units[0].variants[0].props == {"x-issource": "false"}


def test_modernmt_plain_zh_and_regions() -> None:
    path = DATA / "tmx" / "modernmt-Memory.en__zh.tmx"
    units = list(tmx.iter_units(path.open("rb"), str(path)))
    assert [u.variants[1].lang for u in units] == ["zh", "zh-Hans-CN", "zh-Hant-TW", "zh"]


def test_tmx11_lang_attribute_all_srclang_and_repeated_props() -> None:
    path = DATA / "tmx" / "tmx11-lang-attr.tmx"
    units = list(tmx.iter_units(path.open("rb"), str(path)))
    assert units[0].source_lang is None  # srclang="*all*"
    assert [v.lang for v in units[0].variants] == ["en-US", "zh-Hant-TW", "zh-Hans-CN"]
    assert units[1].source_lang == "zh-Hant-TW"
    assert units[1].props == {"x-client": "A\nB"}
    zh = units[1].variants[0]
    assert zh.text == "資料集"  # <hi> content is text, <ph> content is code
    assert zh.markup == '資料<hi type="b">集</hi><ph x="1">{0}</ph>'


def test_inline_codes_kept_in_markup_and_left_out_of_text() -> None:
    path = DATA / "tmx" / "omegat-test-save-tmx14.tmx"
    units = list(tmx.iter_units(path.open("rb"), str(path)))
    src = [u.variants[0] for u in units]
    assert [v.text for v in src] == ["source", "12", "345", "67"]
    assert src[0].markup is None
    assert src[1].markup == '1<ph x="1">&lt;a1/&gt;</ph>2'
    assert src[2].markup == '3<bpt i="1" x="1">&lt;a1&gt;</bpt>4<ept i="1">&lt;/a1&gt;</ept>5'


def test_unit_round_trip_keeps_inline_codes_and_props() -> None:
    path = DATA / "tmx" / "okapi-sample14b.tmx"
    units = list(tmx.iter_units(path.open("rb"), str(path)))
    out = io.BytesIO()
    tmx.write_units(units, out)
    _dtd_valid(out.getvalue())
    again = list(tmx.iter_units(io.BytesIO(out.getvalue()), "again.tmx"))
    assert [(u.id, u.props, u.source_lang) for u in again] == [
        (u.id, u.props, u.source_lang) for u in units]
    assert [[(v.lang, v.text, v.markup) for v in u.variants] for u in again] == [
        [(v.lang, v.text, v.markup) for v in u.variants] for u in units]
    assert any(v.markup for u in again for v in u.variants)


def test_foreign_tmx_as_glossary_keeps_props_and_provenance() -> None:
    path = DATA / "tmx" / "okapi-sample14b.tmx"
    g = tmx.read_glossary(path.open("rb"), str(path))
    c = g.concepts[0]
    assert c.id == "ACDetectionCheckFailedAction0_s02"
    assert c.kind is Kind.TERM
    assert c.props["Att::Test"] == "TestValue"
    assert c.sources == [Source(str(path), 3)]
    assert {t.origin for t in c.terms} == {"import:tmx"}
    assert [t.lang for t in c.terms] == ["en-US", "de-DE"]


def test_units_without_tuid_get_stable_content_ids() -> None:
    path = KIT / "ImportTest1C.tmx"
    a = tmx.read_glossary(path.open("rb"), str(path))
    b = tmx.read_glossary(path.open("rb"), str(path))
    ids = [c.id for c in a.concepts]
    assert ids == [c.id for c in b.concepts]
    assert len(set(ids)) == 3 and all(i.startswith("c") for i in ids)


# --------------------------------------------------------------------------- errors


def test_malformed_tmx_gives_line_and_column() -> None:
    data = b'<?xml version="1.0"?>\n<tmx version="1.4">\n<header/>\n<body><tu><tuv xml:lang="en"><seg>a</tuv>'
    with pytest.raises(FormatError) as info:
        list(tmx.iter_units(io.BytesIO(data), "bad.tmx"))
    err = info.value
    assert err.path == "bad.tmx" and err.line == 4 and err.column is not None
    assert str(err).startswith(f"bad.tmx:4:{err.column}: malformed XML")


def test_wrong_root_says_what_was_expected() -> None:
    with pytest.raises(FormatError, match=r"expected root element <tmx>, found <martif>"):
        tmx.read_glossary(io.BytesIO(b"<martif/>"), "x.tmx")


def test_tuv_without_language_is_an_error() -> None:
    data = b'<tmx version="1.4"><header/><body><tu><tuv><seg>a</seg></tuv></tu></body></tmx>'
    with pytest.raises(FormatError, match="without xml:lang") as info:
        list(tmx.iter_units(io.BytesIO(data), "x.tmx"))
    assert info.value.line == 1


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x1b", "\ufffe", "\ud800"])
def test_control_characters_are_rejected_not_dropped(bad: str) -> None:
    g = Glossary(concepts=[Concept(id="c1", terms=[Term(f"a{bad}b", "en")])])
    with pytest.raises(FormatError, match=rf"concept c1: character U\+{ord(bad):04X}"):
        _write(g)


def test_bad_options() -> None:
    with pytest.raises(UsageError):
        _write(example_glossary(), lang_style="posix")
    with pytest.raises(UsageError):
        _write(example_glossary(), creation_date="yesterday")


# --------------------------------------------------------------------------- writing


def test_written_tmx_is_valid_against_the_tmx14_dtd() -> None:
    for style in ("short", "bcp47"):
        _dtd_valid(_write(example_glossary(), lang_style=style))


def test_header_has_every_required_attribute_and_no_timestamp() -> None:
    root = etree.fromstring(_write(example_glossary()))
    assert root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    expected: dict[str, str | None] = {
        "creationtool": "termkit", "creationtoolversion": header.get("creationtoolversion"),
        "segtype": "phrase", "o-tmf": "termkit", "adminlang": "en", "srclang": "en",
        "datatype": "plaintext"}
    assert {str(k): str(v) for k, v in header.attrib.items()} == expected
    assert header.get("creationtoolversion")
    stamped = etree.fromstring(_write(example_glossary(), creation_date="2026-01-31T12:05:09Z"))
    assert stamped.find("header").get("creationdate") == "20260131T120509Z"  # type: ignore[union-attr]


def test_language_tags_short_by_default_bcp47_on_request() -> None:
    xl = "{http://www.w3.org/XML/1998/namespace}lang"
    short = etree.fromstring(_write(example_glossary()))
    assert [t.get(xl) for t in short.iter("tuv")] == ["en", "zh-TW", "zh-CN", "en", "zh-TW"]
    long = etree.fromstring(_write(example_glossary(), lang_style="bcp47"))
    assert [t.get(xl) for t in long.iter("tuv")] == [
        "en", "zh-Hant-TW", "zh-Hans-CN", "en", "zh-Hant-TW"]


def test_element_order_and_props() -> None:
    root = etree.fromstring(_write(example_glossary()))
    tu = root.find("body/tu")
    assert tu is not None and tu.get("tuid") == "c0a1b2c3d4e5f"
    tags = [c.tag for c in tu]
    assert tags == sorted(tags, key=["note", "prop", "tuv"].index)
    props = [(p.get("type"), p.text) for p in tu.findall("prop")]
    assert ("x-domain", "人文學") in props and ("x-domain", "資訊") in props
    assert ("x-source", "rec.txt:10 record=r1") in props
    zh = tu.findall("tuv")[1]
    assert [c.tag for c in zh] == ["note", "prop", "prop", "prop", "seg"]  # status, origin, pinyin
    assert ("x-pinyin", "shùwèi rénwén") in [(p.get("type"), p.text) for p in zh.findall("prop")]


def test_output_is_deterministic_utf8_without_bom() -> None:
    a, b = _write(example_glossary()), _write(example_glossary())
    assert a == b
    assert a.startswith(b"<?xml") and b"\r\n" not in a and a.endswith(b"\n")


def test_glossary_round_trip_example() -> None:
    g = example_glossary()
    assert _read(_write(g)) == g
    assert _read(_write(g, lang_style="bcp47")) == g


def test_write_units_srclang_option() -> None:
    units = [Unit("u1", [Variant("en", "a"), Variant("zh-Hant-TW", "甲")], source_lang="en")]
    out = io.BytesIO()
    tmx.write_units(units, out, srclang="en")
    root = etree.fromstring(out.getvalue())
    assert root.find("header").get("srclang") == "en"  # type: ignore[union-attr]
    assert root.find("body/tu").get("srclang") == "en"  # type: ignore[union-attr]
    out = io.BytesIO()
    tmx.write_units(units, out)
    assert etree.fromstring(out.getvalue()).find("header").get("srclang") == "*all*"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- hypothesis

# XML-hostile and awkward text: markup characters, quotes, newlines/CR/tabs, emoji, CJK
# extension B, combining marks; XML 1.0-incompatible characters are excluded (they are
# rejected, see test_control_characters_are_rejected_not_dropped).
_ALPHABET = st.characters(
    blacklist_categories=["Cs"],
    blacklist_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff",
)
_TEXT = st.one_of(
    st.text(_ALPHABET, max_size=30),
    st.text(st.sampled_from(list("<&>\"' \n\r\t;]]>數位人文𠀀𠀁😀é")), max_size=30),
    st.text(st.sampled_from("ab"), min_size=200, max_size=400),
)
_LANGS = st.sampled_from(["en", "en-US", "zh-Hant", "zh-Hant-TW", "zh-Hans", "zh-Hans-CN", "zh-Hant-HK", "ja"])
# Paths and records that break the readable "path:line record=ID" form on purpose.
_SOURCE_TEXT = st.one_of(
    st.text(st.sampled_from(list("abc/._-數")), min_size=1, max_size=12),
    st.lists(st.sampled_from([*"ab:1 ", " record=", ":12", '{"line"', "\n"]), min_size=1,
             max_size=6).map("".join),
)
_SOURCE = st.builds(
    Source,
    _SOURCE_TEXT,
    st.one_of(st.none(), st.integers(1, 10**6)),
    st.one_of(st.none(), _SOURCE_TEXT),
)
_TERM = st.builds(
    Term,
    text=_TEXT,
    lang=_LANGS,
    status=st.sampled_from(Status),
    origin=st.one_of(st.none(), _TEXT),
    pinyin=st.one_of(st.none(), _TEXT),
    support=st.integers(0, 1000),
    sources=st.lists(_SOURCE, max_size=2),
    part_of_speech=st.one_of(st.none(), _TEXT),
    term_type=st.one_of(st.none(), _TEXT),
    note=st.one_of(st.none(), _TEXT),
    zhuyin=st.one_of(st.none(), _TEXT),
)
_CONCEPT = st.builds(
    Concept,
    id=st.text(_ALPHABET, min_size=1, max_size=16),
    kind=st.sampled_from(Kind),
    terms=st.lists(_TERM, min_size=1, max_size=4),
    domains=st.lists(_TEXT, max_size=2),
    status=st.sampled_from(Status),
    confidence=st.one_of(st.none(), st.floats(0, 1)),
    sources=st.lists(_SOURCE, max_size=2),
    notes=st.lists(_TEXT, max_size=2),
    props=st.dictionaries(st.text(st.sampled_from(list("abc:-")), min_size=1, max_size=6).map(
        lambda k: "y-" + k), _TEXT, max_size=2),
)
GLOSSARIES = st.builds(
    Glossary,
    concepts=st.lists(_CONCEPT, max_size=4),
    header=st.dictionaries(st.text(st.sampled_from(list("abcdef")), min_size=1, max_size=6),
                           _TEXT, max_size=2),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(GLOSSARIES, st.sampled_from(["short", "bcp47"]))
def test_glossary_tmx_round_trip_is_lossless(glossary: Glossary, style: str) -> None:
    data = _write(glossary, lang_style=style)
    assert _read(data) == glossary


@settings(max_examples=40, deadline=None)
@given(GLOSSARIES)
def test_any_written_glossary_is_dtd_valid(glossary: Glossary) -> None:
    _dtd_valid(_write(glossary))


# --------------------------------------------------------------------------- streaming


def _max_rss_kb(code: str) -> int:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(proc.stdout.strip())


def test_reading_is_streaming_bounded_memory(tmp_path: Path) -> None:
    """Reading 60k units peaks far below building the whole tree (ru_maxrss, fresh processes)."""
    concepts = (Concept(id=f"c{i}", terms=[Term(f"term {i}", "en"), Term(f"術語{i}", "zh-Hant-TW")])
                for i in range(60_000))
    path = tmp_path / "big.tmx"
    with path.open("wb") as fh:
        tmx.write_units((Unit(c.id, [Variant(t.lang, t.text) for t in c.terms]) for c in concepts), fh)
    # VmHWM is this process's own peak (ru_maxrss would carry pytest's peak across exec)
    rss = ("print([int(x.split()[1]) for x in open('/proc/self/status') "
           "if x.startswith('VmHWM')][0])")
    streamed = _max_rss_kb(
        "from termkit.formats import tmx\n"
        f"n = sum(1 for _ in tmx.iter_units(open({str(path)!r}, 'rb'), 'x'))\nassert n == 60000\n{rss}")
    whole = _max_rss_kb(
        "from termkit.formats import tmx\nfrom lxml import etree\n"
        f"t = etree.parse({str(path)!r})\nassert len(t.getroot()[1]) == 60000\n{rss}")
    assert streamed + 20_000 < whole, (streamed, whole)
    print(f"peak RSS streamed {streamed} kB, whole tree {whole} kB")


# --------------------------------------------------------------------------- translate-toolkit


def test_translate_toolkit_reads_our_tmx() -> None:
    ttmx = pytest.importorskip("translate.storage.tmx")
    g = example_glossary()
    data = _write(g)
    store = ttmx.tmxfile(data, sourcelanguage="en", targetlanguage="zh-TW")
    got = [(u.getid(), u.source, u.target) for u in store.units]
    expected = [(c.id, c.first("en").text, c.first("zh-Hant").text)  # type: ignore[union-attr]
                for c in g.concepts]
    assert got == expected


@pytest.mark.parametrize("source", [
    Source("a.txt", 3, "r1"), Source("a.txt:12"), Source("x record=y"), Source("p", None, "a record=b"),
    Source("cgroups/Nobel Prize.json record=Nobel Prize"), Source('{"line"'),
])
def test_sources_survive_the_prop_text_form(source: Source) -> None:
    from termkit.formats.glossary_units import source_from_text, source_to_text

    text = source_to_text(source)
    assert source_from_text(text) == source
    if source == Source("a.txt", 3, "r1"):
        assert text == "a.txt:3 record=r1"  # the readable form when it is unambiguous


_VARIANT = st.builds(
    Variant,
    lang=_LANGS,
    text=_TEXT,
    markup=st.one_of(st.none(), st.sampled_from(['a<ph x="1">&lt;b/&gt;</ph>c', '<hi>x</hi>'])),
    props=st.dictionaries(st.sampled_from(["x-a", "x-b", "Txt::F"]), _TEXT, max_size=2),
    notes=st.lists(_TEXT, max_size=2),
)
_UNIT = st.builds(
    Unit,
    id=st.one_of(st.none(), st.text(_ALPHABET, min_size=1, max_size=10)),
    variants=st.lists(_VARIANT, min_size=1, max_size=3),
    source_lang=st.one_of(st.none(), _LANGS),
    props=st.dictionaries(st.sampled_from(["x-a", "Att::T"]), _TEXT, max_size=2),
    notes=st.lists(_TEXT, max_size=2),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_UNIT, max_size=5))
def test_units_round_trip(units: list[Unit]) -> None:
    """write_units (plain fast path and full path) → iter_units keeps every field it writes."""
    from termkit import lang as langtags

    out = io.BytesIO()
    tmx.write_units(units, out, lang_style="bcp47")
    data = out.getvalue()
    _dtd_valid(data)
    again = list(tmx.iter_units(io.BytesIO(data), "u.tmx"))

    from termkit.formats.glossary_units import output_tag

    def norm(tag: str | None) -> str | None:
        # units carry no x-lang: the tag read back is the written one (zh-Hant -> zh-Hant-TW)
        return langtags.normalize(output_tag(tag, "bcp47")) if tag else None

    assert [(u.id, norm(u.source_lang), u.props, u.notes) for u in again] == [
        (u.id, norm(u.source_lang), u.props, u.notes) for u in units]
    # markup wins over text on the way out; the text read back is then the markup's text
    assert [[(v.lang, v.markup, v.props, v.notes) for v in u.variants] for u in again] == [
        [(norm(v.lang), v.markup, v.props, v.notes) for v in u.variants] for u in units]
    assert [[v.text for v in u.variants if v.markup is None] for u in again] == [
        [v.text for v in u.variants if v.markup is None] for u in units]


def test_a_unit_xml_cannot_hold_is_named_as_a_unit() -> None:
    # A memory's unit is not a glossary concept: the error said "concept u1 … remove control
    # characters from the glossary" on `tm export`.
    from termkit.model import Unit, Variant

    unit = Unit(id="u1", variants=[Variant("en", "a\x01b"), Variant("zh-TW", "甲")], source_lang="en")
    with pytest.raises(FormatError) as err:
        tmx.write_units([unit], io.BytesIO())
    message = str(err.value)
    assert message.startswith("unit u1: character U+0001") and "glossary" not in message
