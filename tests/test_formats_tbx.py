"""TBX: v3 TBX-Basic and v2 martif writing validated by the official schemas, the real samples
read, translate-toolkit reading our v2, and lossless round trips of what TBX-Basic carries."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from lxml import etree

from termkit.errors import FormatError, UsageError
from termkit.formats import detect, tbx
from termkit.model import Concept, Glossary, Kind, Source, Status, Term
from tests.test_formats_tmx import GLOSSARIES, example_glossary

DATA = Path(__file__).parent / "data" / "formats"
SCHEMAS = DATA / "schemas" / "tbx"
SAMPLES = sorted((DATA / "tbx").glob("*.tbx"))
NS = "{urn:iso:std:iso:30042:ed-2}"


def _write(glossary: Glossary, **options: object) -> bytes:
    out = io.BytesIO()
    tbx.write_glossary(glossary, out, **options)
    return out.getvalue()


def _read(data: bytes) -> Glossary:
    return tbx.read_glossary(io.BytesIO(data), "mem.tbx")


def _rng(name: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMAS / name)))


CORE_V3 = _rng("v3/TBXcoreStructV03.rng")
BASIC_V3 = _rng("v3/TBXcoreStructV03_TBX-Basic_integrated.rng")
BASIC_V2 = _rng("v2/TBXBasicRNGV02.rng")
DTD_V2 = etree.DTD(str(SCHEMAS / "v2" / "TBXcoreStructV02.dtd"))


def _assert_valid(validator: etree._Validator, data: bytes) -> None:
    doc = etree.fromstring(data)
    assert validator.validate(doc), validator.error_log


def carried(g: Glossary) -> Glossary:
    """What termkit's TBX carries: everything, with terms regrouped by language and ids that
    are not XML IDs replaced (see tbx_write); concept kind, status, confidence and props, term
    origin and support travel as notes that termkit reads back from its own files."""
    from termkit.formats.glossary_units import xml_id

    out = Glossary(header=dict(g.header))
    for c in g.concepts:
        if not c.terms:
            continue
        langs: list[str] = []
        for t in c.terms:
            if t.lang not in langs:
                langs.append(t.lang)
        terms = [Term(t.text, t.lang, t.status, t.origin, t.pinyin, t.support, list(t.sources),
                      t.part_of_speech, t.term_type, t.note, t.zhuyin)
                 for lang in langs for t in c.terms if t.lang == lang]
        out.concepts.append(Concept(id=xml_id(c.id), kind=c.kind, terms=terms,
                                    domains=list(c.domains), status=c.status,
                                    confidence=c.confidence, sources=list(c.sources),
                                    notes=list(c.notes), props=dict(c.props)))
    return out


def test_registry_detects_tbx() -> None:
    assert detect("terms.tbx").name == "tbx"


# --------------------------------------------------------------------------- writing


def test_v3_is_tbx_basic_dca_and_validates_core_and_basic_rng() -> None:
    data = _write(example_glossary())
    root = etree.fromstring(data)
    assert root.tag == f"{NS}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    _assert_valid(CORE_V3, data)
    _assert_valid(BASIC_V3, data)


def test_v3_structure_and_data_categories() -> None:
    root = etree.fromstring(_write(example_glossary()))
    entry = root.find(f"{NS}text/{NS}body/{NS}conceptEntry")
    assert entry is not None and entry.get("id") == "c0a1b2c3d4e5f"
    assert [d.text for d in entry.findall(f"{NS}descrip[@type='subjectField']")] == ["人文學", "資訊"]
    secs = entry.findall(f"{NS}langSec")
    assert [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in secs] == [
        "en", "zh-Hant-TW", "zh-Hans"]
    en = secs[0].find(f"{NS}termSec")
    assert en is not None
    notes = {n.get("type"): n.text for n in en.findall(f"{NS}termNote")}
    assert notes == {"partOfSpeech": "noun", "administrativeStatus": "preferredTerm-admn-sts"}
    assert en.find(f"{NS}admin[@type='source']").text == "rec.txt:12 record=r1"  # type: ignore[union-attr]
    zh = secs[1].find(f"{NS}termSec")
    assert [n.text for n in zh.findall(f"{NS}note")] == [  # type: ignore[union-attr]
        "pinyin: shùwèi rénwén", "origin: record", "Taiwan usage"]
    hans = secs[2].find(f"{NS}termSec")
    assert hans.find(f"{NS}termNote[@type='administrativeStatus']").text == "admittedTerm-admn-sts"  # type: ignore[union-attr]


def test_candidate_has_no_administrative_status() -> None:
    g = Glossary(concepts=[Concept(id="c1", terms=[Term("x", "en", Status.CANDIDATE),
                                                   Term("y", "en", Status.DEPRECATED)])])
    root = etree.fromstring(_write(g))
    values = [n.text for n in root.iter(f"{NS}termNote")]
    assert values == ["deprecatedTerm-admn-sts"]
    assert [t.status for t in _read(_write(g)).concepts[0].terms] == [
        Status.CANDIDATE, Status.DEPRECATED]


def test_v2_validates_dtd_and_tbx_basic_rng() -> None:
    data = _write(example_glossary(), tbx_version=2)
    assert etree.fromstring(data).tag == "martif"
    _assert_valid(DTD_V2, data)
    _assert_valid(BASIC_V2, data)


def test_non_xml_id_concept_ids_are_replaced_stably() -> None:
    g = Glossary(concepts=[Concept(id="0000001", terms=[Term("x", "en")])])
    a, b = _write(g), _write(g)
    assert a == b
    _assert_valid(CORE_V3, a)
    assert _read(a).concepts[0].id.startswith("c")


def test_repeated_ids_are_made_unique() -> None:
    g = Glossary(concepts=[Concept(id="c1", terms=[Term("x", "en")]),
                           Concept(id="c1", terms=[Term("y", "en")])])
    data = _write(g)
    _assert_valid(BASIC_V3, data)
    assert [c.id for c in _read(data).concepts] == ["c1", "c1-2"]


def test_bad_version_and_control_characters() -> None:
    with pytest.raises(UsageError):
        _write(example_glossary(), tbx_version=4)
    g = Glossary(concepts=[Concept(id="c1", terms=[Term("a\x07", "en")])])
    with pytest.raises(FormatError, match=r"U\+0007"):
        _write(g)


def test_deterministic() -> None:
    assert _write(example_glossary()) == _write(example_glossary())


@pytest.mark.parametrize("version", [3, 2])
def test_round_trip_example(version: int) -> None:
    g = example_glossary()
    assert _read(_write(g, tbx_version=version)) == carried(g)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(GLOSSARIES)
def test_round_trip_v3_lossless_for_what_tbx_carries(glossary: Glossary) -> None:
    from termkit.formats.glossary_units import xml_id

    ids = [xml_id(c.id) for c in glossary.concepts if c.terms]
    assume(len(set(ids)) == len(ids))  # repeated ids get a suffix (tested separately)
    # A note that starts like a field termkit writes as a note ("pinyin: ", "kind: " …) is
    # written with "note: " before it, so it comes back a note.
    data = _write(glossary)
    _assert_valid(CORE_V3, data)
    assert _read(data) == carried(glossary)


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_imports(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    entries = [e for e in root.iter() if isinstance(e.tag, str)
               and e.tag.split("}")[-1] in ("conceptEntry", "termEntry")]
    terms = [e for e in root.iter() if isinstance(e.tag, str) and e.tag.split("}")[-1] == "term"]
    with path.open("rb") as fh:
        g = tbx.read_glossary(fh, str(path))
    assert len(g) == len(entries) > 0
    assert sum(len(c.terms) for c in g.concepts) == len(terms)
    assert all(c.id for c in g.concepts)


def test_basic_v3_sample_statuses_and_fields() -> None:
    path = DATA / "tbx" / "tbx-basic-v3-sample.tbx"
    g = tbx.read_glossary(path.open("rb"), str(path))
    c7 = next(c for c in g.concepts if c.id == "c7")
    en = {t.text: t.status for t in c7.terms if t.lang == "en"}
    assert en == {"progressive lens": Status.PREFERRED, "progressive addition lens": Status.ADMITTED,
                  "PAL": Status.DEPRECATED, "progressive power lens": Status.ADMITTED,
                  "graduated lens": Status.DEPRECATED}  # superseded counts as deprecated
    c1 = next(c for c in g.concepts if c.id == "c1")
    assert c1.domains == ["manufacturing"]
    assert c1.kind is Kind.TERM
    assert {t.origin for t in c1.terms} == {"import:tbx"}
    assert c1.sources == [Source("Terminology SIG"), Source(str(path), 133)]


def test_v2_and_v3_basic_samples_give_the_same_terms() -> None:
    def terms(name: str) -> list[list[tuple[str, str, Status, str | None]]]:
        path = DATA / "tbx" / name
        g = tbx.read_glossary(path.open("rb"), str(path))
        return [[(t.text, t.lang, t.status, t.part_of_speech) for t in c.terms] for c in g.concepts]

    assert terms("tbx-basic-v2-sample-2013.tbx") == terms("tbx-basic-v3-sample.tbx")


def test_tbx_min_usage_status_and_heartsome_chinese() -> None:
    path = DATA / "tbx" / "ltac-min_good.tbx"
    g = tbx.read_glossary(path.open("rb"), str(path))
    c1 = g.concepts[0]
    assert [(t.text, t.status) for t in c1.terms[:2]] == [
        ("open cluster", Status.PREFERRED), ("galactic cluster", Status.DEPRECATED)]
    path = DATA / "tbx" / "heartsome-ImportTBXTest.part1.tbx"  # not DTD-valid, well-formed
    g = tbx.read_glossary(path.open("rb"), str(path))
    assert {t.lang for c in g.concepts for t in c.terms} == {"en-US", "zh-Hans-CN"}
    assert g.concepts[3].first("zh-Hans").text == "7 外置麦克风"  # type: ignore[union-attr]
    assert g.concepts[0].props == {"Txt::Text Field": "TI-07196  Neroc SPC620NC"}


def test_malformed_and_wrong_root() -> None:
    with pytest.raises(FormatError) as info:
        tbx.read_glossary(io.BytesIO(b'<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n<text>\n</tbx>'), "b.tbx")
    assert (info.value.path, info.value.line) == ("b.tbx", 3) and info.value.column
    with pytest.raises(FormatError, match=r"expected root element <tbx> .* or <martif> .*, found <tmx>"):
        tbx.read_glossary(io.BytesIO(b"<tmx/>"), "x.tbx")


# --------------------------------------------------------------------------- translate-toolkit


def test_translate_toolkit_reads_our_tbx_v2() -> None:
    ttbx = pytest.importorskip("translate.storage.tbx")
    g = Glossary(concepts=[
        Concept(id="c1", terms=[Term("realism", "en"), Term("現實主義", "zh-Hant-TW")]),
        Concept(id="c2", terms=[Term("balance of power", "en"), Term("權力平衡", "zh-Hant-TW")]),
        Concept(id="c3", terms=[Term("R&D <lab>", "en"), Term("研發「實驗室」", "zh-Hant-TW")]),
    ])
    store = ttbx.tbxfile(_write(g, tbx_version=2))
    got = [(u.getid(), u.source, u.target) for u in store.units]
    assert got == [(c.id, c.terms[0].text, c.terms[1].text) for c in g.concepts]


def test_empty_glossary_v3_is_valid_but_v2_cannot_be_written() -> None:
    """TBX v3's core structure lets <text> go without <body>, so an empty termbase is a valid
    v3 file (as before); TBX v2's DTD and RNG require <text> to hold a <body> and <body> at least
    one <termEntry>: no empty v2 file is valid, so asking for one is an error rather than a
    file tools would reject."""
    empty = Glossary(concepts=[Concept(id="c1", terms=[])])  # no concept with a term
    data = _write(empty)
    _assert_valid(CORE_V3, data)
    assert _read(data).concepts == []
    with pytest.raises(FormatError, match=r"TBX v2 .*at least one termEntry.*--tbx-version 3"):
        _write(empty, tbx_version=2)
    # The same document with a body that would be empty does not validate: the error is not
    # a termkit choice.
    assert not DTD_V2.validate(etree.fromstring(
        b'<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p>'
        b"</sourceDesc></fileDesc></martifHeader><text><body/></text></martif>"))


def test_an_empty_v3_termbase_says_tbx_core_the_dialect_it_is_valid_for() -> None:
    # (It said TBX-Basic, whose schema wants a <body> with one conceptEntry at least: the
    # TBX-Basic RNG refused termkit's own empty file.)
    data = _write(Glossary())
    root = etree.fromstring(data)
    assert root.get("type") == "TBX-Core"
    _assert_valid(CORE_V3, data)
    basic = data.replace(b'type="TBX-Core"', b'type="TBX-Basic"')
    assert not BASIC_V3.validate(etree.fromstring(basic))
    # A termbase with an entry stays TBX-Basic.
    one = _write(Glossary([Concept(id="c1", terms=[Term("realism", "en")])]))
    assert etree.fromstring(one).get("type") == "TBX-Basic"
    _assert_valid(BASIC_V3, one)


def test_cli_empty_glossary_as_tbx_v2_is_an_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from termkit.cli import cli

    glossary = tmp_path / "empty.glossary.txt"
    glossary.write_text("# termkit glossary 1\n", encoding="utf-8")
    out = tmp_path / "out.tbx"
    result = CliRunner().invoke(cli, ["export", str(glossary), "--tbx-version", "2", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {out}: TBX v2 cannot hold a glossary without terms")
    assert "Traceback" not in result.stderr
    assert not out.exists()
    result = CliRunner().invoke(cli, ["export", str(glossary), "-o", str(out)])
    assert result.exit_code == 0, result.output
    _assert_valid(CORE_V3, out.read_bytes())


def _persons_sharing_a_name() -> Glossary:
    """Two people named 王偉 (different romanizations, different records), as build makes them."""
    from termkit.glossary import build_glossary
    from termkit.model import Pair, Pairing, Record

    pa = Pairing(record=Record(source="a.txt", id="a"),
                 authors=[Pair("王偉", "Wei Wang", 0.9, (), Kind.PERSON)])
    pb = Pairing(record=Record(source="b.txt", id="b"),
                 authors=[Pair("王偉", "Wang Wei", 0.9, (), Kind.PERSON)])
    return build_glossary([pa, pb])


@pytest.mark.parametrize("version", [3, 2])
def test_persons_sharing_a_name_stay_two_persons_after_a_round_trip(version: int) -> None:
    """Before, TBX lost the kind: read back, both were plain terms with the Chinese form 王偉,
    and `import` (which merges terms by their Chinese form) made them one concept."""
    from termkit.glossary import merge_glossaries

    g = _persons_sharing_a_name()
    assert [c.kind for c in g.concepts] == [Kind.PERSON, Kind.PERSON]
    data = _write(g, tbx_version=version)
    _assert_valid(BASIC_V3 if version == 3 else BASIC_V2, data)
    if version == 2:
        _assert_valid(DTD_V2, data)
    back = merge_glossaries([_read(data)])
    assert [(c.id, c.kind, c.status, [(t.text, t.status, t.origin) for t in c.terms_for("en")])
            for c in back.concepts] == [
        (c.id, Kind.PERSON, c.status, [(t.text, t.status, t.origin) for t in c.terms_for("en")])
        for c in g.concepts]


def test_fields_travel_as_notes_read_back_only_from_termkit_files() -> None:
    g = Glossary(concepts=[Concept(
        id="c1", kind=Kind.KEYWORD, status=Status.PREFERRED, confidence=0.875,
        props={"evidence": "dictionary position"}, notes=["kind: a user's own note"],
        terms=[Term("權力平衡", "zh-Hant", Status.PREFERRED, "record", support=3,
                    note="origin: where I saw it"),
               Term("balance of power", "en", Status.PREFERRED, "record", support=3)])])
    data = _write(g)
    _assert_valid(BASIC_V3, data)
    root = etree.fromstring(data)
    notes = [n.text for n in root.iter(f"{NS}note")]
    assert notes == ["note: kind: a user's own note", "kind: keyword", "status: preferred",
                     "confidence: 0.875", "prop evidence: dictionary position",
                     "origin: record", "support: 3", "note: origin: where I saw it",
                     "origin: record", "support: 3"]
    assert _read(data) == carried(g)
    # The same notes in a file termkit did not write are notes: nothing is guessed.
    foreign = data.replace(b'type="x-termkit-generator"', b'type="description"')
    c = _read(foreign).concepts[0]
    assert (c.kind, c.status, c.confidence, c.props) == (Kind.TERM, Status.CANDIDATE, None, {})
    assert c.notes == notes[:5]
    assert c.terms[0].origin == "import:tbx"
