"""The text writers against oracles: JSON against ``json.dumps``, TBX against lxml, PO
against polib, TMX against its unit writer (:mod:`tests.writer_oracles`), byte for byte, on hostile glossaries and on the
glossary built from the 95 real dev records."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.errors import FormatError
from termkit.formats import json_write, po_write, tbx_write, tmx
from termkit.formats.delimited import exact_key, exact_picks, pick_term
from termkit.model import Concept, Conflict, Glossary, Kind, Source, Status, Term
from tests.writer_oracles import pick_term_reference, po_via_polib, tbx_via_lxml, tmx_via_tus

# Text a glossary may hold: CJK (BMP and beyond), XML and PO specials, the line breaks
# str.splitlines knows that XML 1.0 can hold, backslashes, pipes, percent signs, colons, spaces.
_XML_OK = [
    *"權力平衡现实主义越南 abcXYZ<>&\"'\\|%:#;,.-_/=\t\r\n\x85\u2028\u2029", "😀", "𠀀", "𫛛", "\u00a0", "é"
]
# ... and the ones it cannot (PO and JSON can).
_XML_BAD = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\ufffe"]


def _glossaries(alphabet: list[str]) -> st.SearchStrategy[Glossary]:
    text = st.text(alphabet=st.sampled_from(alphabet), max_size=10)
    source = st.builds(
        Source,
        path=st.sampled_from(["a.txt", "dir/b c.txt", "天.txt", "x:12", "p%20q\\r.txt", "rec record=1"]),
        line=st.none() | st.integers(0, 9999),
        record=st.none() | text,
    )
    term = st.builds(
        Term,
        text=text,
        lang=_lang,
        status=st.sampled_from(list(Status)),
        origin=st.none() | st.sampled_from(["record", "title", "opencc:t2s"]),
        pinyin=st.none() | text,
        support=st.integers(0, 50),
        sources=st.lists(source, max_size=2),
        part_of_speech=st.none() | text,
        term_type=st.none() | text,
        note=st.none() | text,
        zhuyin=st.none() | text,
    )
    concept = st.builds(
        Concept,
        id=st.sampled_from(["c0123456789ab", "c0123456789ac", "not an id", "c-1"]) | text,
        kind=st.sampled_from(list(Kind)),
        terms=st.lists(term, max_size=4),
        domains=st.lists(text, max_size=2),
        status=st.sampled_from(list(Status)),
        confidence=st.none() | st.floats(allow_nan=True, allow_infinity=True),
        sources=st.lists(source, max_size=2),
        notes=st.lists(text, max_size=2),
        props=st.dictionaries(text, text, max_size=2),
    )
    return st.builds(
        Glossary,
        concepts=st.lists(concept, max_size=5),
        conflicts=st.lists(
            st.builds(
                Conflict, zh=text, renderings=st.lists(st.tuples(text, st.lists(source, max_size=2)), max_size=2)
            ),
            max_size=2,
        ),
        header=st.dictionaries(text, text, max_size=3),
    )


_lang = st.sampled_from(
    ["en", "en-US", "zh-Hant", "zh-Hans", "zh-Hant-TW", "zh-Hans-CN", "zh-Hant-HK", "zh", "zh-TW",
     "zh-CN", "fr", "ja"]
)
_glossary = _glossaries(_XML_OK + _XML_BAD)
_xml_glossary = _glossaries(_XML_OK)
_concept = _glossaries(_XML_OK + _XML_BAD).filter(lambda g: bool(g.concepts)).map(lambda g: g.concepts[0])


def _json_oracle(g: Glossary) -> bytes:
    return (json.dumps(json_write.to_dict(g), ensure_ascii=False, indent=1) + "\n").encode()


def _written(write: object, g: Glossary, **options: object) -> bytes:
    out = io.BytesIO()
    write(g, out, **options)  # type: ignore[operator]
    return out.getvalue()


@settings(max_examples=150, deadline=None)
@given(_glossary)
def test_json_is_what_json_dumps_writes(g: Glossary) -> None:
    assert _written(json_write.write_glossary, g) == _json_oracle(g)


@pytest.mark.parametrize(
    "concept",
    [
        # Types the model does not declare, as a hand-edited JSON file can hold them.
        Concept("c1", domains=[1, None], confidence=1),  # type: ignore[list-item]
        Concept("c2", props={"b": 2, "a": [1, {"x": True}]}),  # type: ignore[dict-item]
        Concept("c3", confidence=True, terms=[Term("x", "en", support=2.5)]),  # type: ignore[arg-type]
    ],
)
def test_json_of_undeclared_types_is_still_what_json_dumps_writes(concept: Concept) -> None:
    g = Glossary(concepts=[concept], header={"k": "v"})
    assert _written(json_write.write_glossary, g) == _json_oracle(g)


def _tbx_outcome(write: object, g: Glossary, version: int) -> bytes | str:
    """What a writer gives (``version`` 0: a writer without versions): bytes or its error."""
    try:
        return _written(write, g, tbx_version=version) if version else _written(write, g)
    except FormatError as exc:
        return f"FormatError: {exc}"


@settings(max_examples=150, deadline=None)
@given(_xml_glossary, st.sampled_from([2, 3]))
def test_tbx_is_what_lxml_writes(g: Glossary, version: int) -> None:
    # (An empty glossary as TBX v2 is refused by both: _tbx_outcome holds the error.)
    assert _tbx_outcome(tbx_write.write_glossary, g, version) == _tbx_outcome(
        tbx_via_lxml, g, version)


@settings(max_examples=60, deadline=None)
@given(_glossary, st.sampled_from([2, 3]))
def test_tbx_refuses_what_lxml_refused(g: Glossary, version: int) -> None:
    # Text XML 1.0 cannot hold is refused by both, with the same message naming the same
    # concept (or the same output when there is none).
    assert _tbx_outcome(tbx_write.write_glossary, g, version) == _tbx_outcome(tbx_via_lxml, g, version)


@settings(max_examples=150, deadline=None)
@given(_xml_glossary, st.sampled_from(["short", "bcp47"]))
def test_tmx_is_what_the_unit_writer_writes(g: Glossary, style: str) -> None:
    assert _written(tmx.write_glossary, g, lang_style=style) == _written(tmx_via_tus, g, lang_style=style)


@settings(max_examples=60, deadline=None)
@given(_glossary)
def test_tmx_refuses_what_the_unit_writer_refused(g: Glossary) -> None:
    assert _tbx_outcome(tmx.write_glossary, g, 0) == _tbx_outcome(tmx_via_tus, g, 0)


def test_tbx_refuses_a_language_tag_xml_cannot_hold() -> None:
    # lxml raised a bare ValueError here; the writer names the concept like for any text.
    g = Glossary(concepts=[Concept("c1", terms=[Term("x", "en\x0b")])])
    with pytest.raises(FormatError, match=r"concept c1: character U\+000B"):
        _written(tbx_write.write_glossary, g)


@settings(max_examples=150, deadline=None)
@given(
    _glossary,
    st.sampled_from(["zh_TW", "zh_CN", "zh_HK"]),
    st.booleans(),
    st.none() | st.text(alphabet=st.sampled_from(_XML_OK + _XML_BAD), max_size=10),
)
def test_po_is_what_polib_writes(g: Glossary, locale: str, reverse: bool, date: str | None) -> None:
    catalog = po_write.plan_catalog(g, locale=locale, reverse=reverse, revision_date=date)
    assert po_write.render(catalog) == po_via_polib(catalog)


@settings(max_examples=150, deadline=None)
@given(
    _glossary,
    st.lists(st.sampled_from(["zh_TW", "zh_CN", "zh_HK"]), min_size=1, max_size=3),
    st.booleans(),
)
def test_po_catalogs_planned_together_are_each_as_written_alone(
    g: Glossary, locales: list[str], reverse: bool
) -> None:
    # What `termkit build` writes (both catalogs in one pass, sharing the English, the
    # references and the comment lines) is byte for byte each catalog written on its own,
    # for terms whose readings differ between the scripts, terms missing on either side,
    # and a locale repeated.
    streams = [(io.BytesIO(), locale) for locale in locales]
    notices = po_write.write_catalogs(g, streams, reverse=reverse)
    for (stream, locale), got in zip(streams, notices, strict=True):
        alone = io.BytesIO()
        assert got == po_write.write_glossary(g, alone, locale=locale, reverse=reverse)
        assert stream.getvalue() == alone.getvalue()


def test_po_catalogs_together_keep_each_scripts_reading() -> None:
    # The comment lines are shared only while the Chinese terms chosen read the same: here
    # the Traditional and the Simplified term carry different readings (and zhuyin), and a
    # concept lacks its Simplified term (left out of one catalog only).
    src = Source("a.txt", 3, "r1")
    g = Glossary(concepts=[
        Concept("c1", terms=[Term("行", "zh-Hant", pinyin="háng", zhuyin="ㄏㄤˊ", sources=[src]),
                             Term("行", "zh-Hans", pinyin="xíng", sources=[src]),
                             Term("line", "en", sources=[src])], sources=[src]),
        Concept("c2", terms=[Term("權力", "zh-Hant", pinyin="quánlì"), Term("power", "en")]),
    ])
    together = [(io.BytesIO(), "zh_TW"), (io.BytesIO(), "zh_CN")]
    po_write.write_catalogs(g, together)
    tw, cn = (stream.getvalue().decode() for stream, _ in together)
    assert "# pinyin: háng\n# zhuyin: ㄏㄤˊ\n" in tw and "xíng" not in tw
    # (A term without zhuyin is written with another Chinese term's: zh_zhuyin.)
    assert "# pinyin: xíng\n# zhuyin: ㄏㄤˊ\n" in cn and "háng" not in cn
    assert "權力" in tw and "power" not in cn
    for stream, locale in together:
        assert stream.getvalue() == _written(po_write.write_glossary, g, locale=locale)


@settings(max_examples=100, deadline=None)
@given(_concept, _lang, st.booleans())
def test_pick_term_chooses_as_before(concept: Concept, tag: str, exact: bool) -> None:
    assert pick_term(concept, tag, exact=exact) is pick_term_reference(concept, tag, exact=exact)


# Few tags (some spelled two ways), statuses and texts (some blank): terms that tie.
_tied_terms = st.lists(st.builds(
    Term,
    text=st.sampled_from(["a", "b", " ", ""]),
    lang=st.sampled_from(["zh-TW", "zh-Hant-TW", "zh_Hant_TW", "zh-Hant", "en", "EN"]),
    status=st.sampled_from(list(Status)),
), max_size=6)


@settings(max_examples=200, deadline=None)
@given(_concept | st.builds(Concept, id=st.just("c1"), kind=st.just(Kind.TERM), terms=_tied_terms),
       st.lists(_lang | st.sampled_from(
           ["zh_Hant_TW", "ZH-hans-cn", "en_US", "zh-TW", "x-private", "not a tag", ""]), max_size=6))
def test_exact_picks_choose_what_pick_term_chooses(concept: Concept, tags: list[str]) -> None:
    # Every tag of the concept's terms, and others: each answered by the one pass as by
    # the reference's exact choice for that tag alone.
    picked = exact_picks(concept)
    for tag in [t.lang for t in concept.terms] + tags:
        assert picked.get(exact_key(tag)) is pick_term_reference(concept, tag, exact=True)


@pytest.fixture(scope="module")
def dev_glossary() -> Glossary:
    """The glossary of the 95 real dev records, read as pages."""
    from termkit.align import pair_record
    from termkit.glossary import build_glossary
    from termkit.records import parse_records
    from tests.devrecords import load_all_dev, render_page

    pages = [render_page(r).encode() for r in load_all_dev()]
    records = [r for i, p in enumerate(pages) for r in parse_records(p, f"dev{i}.txt")]
    g = build_glossary([pair_record(r) for r in records])
    g.header = {"generator": "termkit build", "records": str(len(records))}
    return g


def test_real_glossary_is_written_as_the_oracles_write_it(dev_glossary: Glossary) -> None:
    assert len(dev_glossary) > 400
    assert _written(json_write.write_glossary, dev_glossary) == _json_oracle(dev_glossary)
    for version in (2, 3):
        assert _written(tbx_write.write_glossary, dev_glossary, tbx_version=version) == _written(
            tbx_via_lxml, dev_glossary, tbx_version=version
        )
    assert _written(tmx.write_glossary, dev_glossary) == _written(tmx_via_tus, dev_glossary)
    for locale in ("zh_TW", "zh_CN"):
        for reverse in (False, True):
            catalog = po_write.plan_catalog(dev_glossary, locale=locale, reverse=reverse)
            assert po_write.render(catalog) == po_via_polib(catalog)
    together = [(io.BytesIO(), "zh_TW"), (io.BytesIO(), "zh_CN")]
    po_write.write_catalogs(dev_glossary, together)
    for stream, locale in together:
        assert stream.getvalue() == _written(po_write.write_glossary, dev_glossary, locale=locale)
