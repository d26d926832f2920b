"""XLIFF 1.2 / 2.0 reading: schema-valid fixtures, translate-toolkit-written files, inline codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from termkit.errors import FormatError
from termkit.formats import detect, xliff

DATA = Path(__file__).parent / "data" / "formats"
XLIFF12 = DATA / "xliff" / "sample-1.2.xlf"
XLIFF20 = DATA / "xliff" / "sample-2.0.xlf"


class _LocalXmlXsd(etree.Resolver):
    """The XLIFF 1.2 schema imports http://www.w3.org/2001/xml.xsd: use the local copy."""

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def,override]
        if url and url.endswith("xml.xsd"):
            local = str(DATA / "schemas" / "tmx" / "xml.xsd")
            return self.resolve_filename(local, context)  # type: ignore[attr-defined]
        return None


def _xliff12_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(DATA / "schemas" / "xliff" / "xliff-core-1.2-strict.xsd"), parser))


def test_registry_detects_xliff() -> None:
    assert detect("a.xlf").name == "xliff" and detect("a.xliff").name == "xliff"


def test_fixture_is_valid_against_the_xliff_12_strict_schema() -> None:
    schema = _xliff12_schema()
    assert schema.validate(etree.parse(str(XLIFF12))), schema.error_log


def test_xliff12_units_languages_notes() -> None:
    units = list(xliff.iter_units(XLIFF12.open("rb"), str(XLIFF12)))
    assert [u.id for u in units] == ["1", "2", "3", "4", "1"]
    assert [(v.lang, v.text) for v in units[0].variants] == [
        ("en", "digital humanities"), ("zh-Hant-TW", "數位人文")]
    assert units[0].notes == ["from record r1"]
    assert units[0].location is not None and units[0].location.line == 5
    assert len(units[3].variants) == 1  # no target
    # the second <file> has its own languages
    assert [v.lang for v in units[4].variants] == ["en-US", "zh-Hans-CN"]


def test_xliff12_inline_codes() -> None:
    units = list(xliff.iter_units(XLIFF12.open("rb"), str(XLIFF12)))
    src, tgt = units[1].variants
    assert src.text == "Click Save & Exit now."  # <g> content is text, <x/> is a code
    assert src.markup == 'Click <g id="b1">Save &amp; Exit</g> now<x id="x1"/>.'
    assert tgt.markup == '立即點選<g id="b1">儲存並結束</g><x id="x1"/>。'
    src, tgt = units[2].variants
    assert (src.text, tgt.text) == ("Press OK", "按確定")  # bpt/ept hold native code
    assert "<bpt" in (src.markup or "") and "xmlns" not in (src.markup or "")


def test_xliff20_segments_ignorables_codes() -> None:
    units = list(xliff.iter_units(XLIFF20.open("rb"), str(XLIFF20)))
    assert [(v.lang, v.text) for v in units[0].variants] == [
        ("en", "machine translation"), ("zh-Hans-CN", "机器翻译")]
    assert units[0].notes == ["keyword"]
    src, tgt = units[1].variants
    assert src.text == "Open the file. Linebreak\x03"  # <cp hex="0003"/> is a character
    assert tgt.text == "打开文件。 换行"
    assert tgt.markup == '打开<pc id="1" dataRefStart="d1" dataRefEnd="d2">文件</pc>。 换行<ph id="2"/>'


def test_xliff_as_glossary() -> None:
    g = xliff.read_glossary(XLIFF12.open("rb"), str(XLIFF12))
    assert len(g) == 5  # every unit with text; the untranslated one has an English term only
    c = g.concepts[0]
    assert [(t.lang, t.text, t.origin) for t in c.terms] == [
        ("en", "digital humanities", "import:xliff"), ("zh-Hant-TW", "數位人文", "import:xliff")]
    assert c.props == {"xliff:id": "1"} and c.notes == ["from record r1"]
    # ids that repeat across <file>s do not collide: concept ids come from the content
    assert len({c.id for c in g.concepts}) == 5


def test_translate_toolkit_written_xliff_is_read() -> None:
    """translate-toolkit writes XLIFF (1.1 namespace) from its own units; we read the pairs back."""
    xliffmod = pytest.importorskip("translate.storage.xliff")
    store = xliffmod.xlifffile(sourcelanguage="en", targetlanguage="zh-TW")
    pairs = [("realism", "現實主義"), ("R&D <lab>", "研發「實驗室」"), ("balance of power", "權力平衡")]
    for s, t in pairs:
        store.addsourceunit(s).target = t
    data = bytes(store)
    assert etree.fromstring(data).tag == "{urn:oasis:names:tc:xliff:document:1.1}xliff"
    units = list(xliff.iter_units(io.BytesIO(data), "tt.xlf"))
    assert [(u.variants[0].text, u.variants[1].text) for u in units] == pairs
    assert {u.variants[1].lang for u in units} == {"zh-Hant-TW"}


def test_errors() -> None:
    with pytest.raises(FormatError, match=r"expected root element <xliff>, found <tmx>"):
        list(xliff.iter_units(io.BytesIO(b"<tmx/>"), "x.xlf"))
    with pytest.raises(FormatError) as info:
        list(xliff.iter_units(io.BytesIO(b"<xliff version='1.2'>\n<file>\n</xliff>"), "b.xlf"))
    assert (info.value.path, info.value.line) == ("b.xlf", 3) and info.value.column
