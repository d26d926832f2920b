"""XLIFF workflow states read as the specifications define them, and what the memory makes
of them (termkit.formats.xliff, termkit.tm.states).

* XLIFF 2.0 (OASIS Standard, 2014), ``state`` on ``<segment>``: "Default value: initial".
  A target whose segment says no state is an initial one, a draft — termkit read it as
  translated. ``subState`` ("user-defined status", constrained to a present ``state``) was
  dropped.
* XLIFF 1.2 (OASIS Standard, 2008), ``approved`` on ``<trans-unit>``: "Indicates whether a
  translation is final or has passed its final review"; ``approved="no"`` was not read, nor
  ``state-qualifier`` on ``<target>`` (e.g. ``rejected-inaccurate``: "the item has been
  rejected because it is incorrect"; ``mt-suggestion``: "the translation is suggested by
  machine translation").

Each XLIFF 1.2 fixture is checked against the strict XLIFF 1.2 schema, so the attributes
are where the standard puts them; the XLIFF 2.0 core schema is the oracle of the default (it
declares ``state`` with ``default="initial"``).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from termkit.formats.xliff import (
    PROP_APPROVED,
    PROP_STATE,
    PROP_STATE_QUALIFIER,
    PROP_SUBSTATE,
    iter_units,
    read_glossary,
)
from termkit.tm.states import to_review
from tests.inprocess import invoke

SCHEMAS = Path(__file__).parent / "data" / "formats" / "schemas"
XLIFF2_XSD = Path(__file__).parent / "data" / "xliff2" / "xliff_core_2.0.xsd"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"


def xliff12(unit_attrs: str = "", target_attrs: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NS12}"><file original="a.txt" source-language="en"
target-language="zh-CN" datatype="plaintext"><body>
<trans-unit id="1" {unit_attrs}><source>Open the file</source><target {target_attrs}>打开文件</target>
</trans-unit></body></file></xliff>""".encode()


def xliff20(segments: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="{NS20}" srcLang="en" trgLang="zh-CN"><file id="f">
<unit id="u">{segments}</unit></file></xliff>""".encode()


def one(data: bytes) -> dict[str, str]:
    (unit,) = iter_units(io.BytesIO(data), "a.xlf")
    return unit.props


class _LocalXmlXsd(etree.Resolver):
    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def,override]
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "tmx" / "xml.xsd"), context)  # type: ignore[attr-defined]
        return None


def _schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(path), parser))


XS = "http://www.w3.org/2001/XMLSchema"


def schema_states(data: bytes) -> list[str | None]:
    """The segments' states, an absent one read as the XLIFF 2.0 schema's declared default
    (lxml's attribute_defaults fails on this schema: "Internal error")."""
    schema = _schema(XLIFF2_XSD)
    tree = etree.parse(io.BytesIO(data))
    assert schema.validate(tree), schema.error_log
    xsd = etree.parse(str(XLIFF2_XSD))
    (decl,) = xsd.xpath("//xs:element[@name='segment']//xs:attribute[@name='state']",
                        namespaces={"xs": XS})
    return [s.get("state", decl.get("default")) for s in tree.iter(f"{{{NS20}}}segment")]


@pytest.fixture(scope="module")
def schema12() -> etree.XMLSchema:
    return _schema(SCHEMAS / "xliff" / "xliff-core-1.2-strict.xsd")


# --- XLIFF 2.0 ---------------------------------------------------------------------------

def test_a_20_segment_without_state_is_initial() -> None:
    data = xliff20("<segment><source>Open the file</source><target>打开文件</target></segment>")
    props = one(data)
    assert schema_states(data) == ["initial"]
    assert props[PROP_STATE] == "initial"
    assert to_review(props) == "initial in the memory"


def test_a_20_unit_is_as_far_as_its_least_advanced_segment_defaults_included() -> None:
    data = xliff20('<segment state="final"><source>A.</source><target>甲。</target></segment>'
                   "<segment><source>B.</source><target>乙。</target></segment>")
    assert schema_states(data) == ["final", "initial"]
    assert one(data)[PROP_STATE] == "initial"
    # A segment with no target yet (its state is the default, initial) leaves the unit's
    # joined target short of the source: no finished translation either.
    props = one(xliff20(
        '<segment state="final"><source>A.</source><target>甲。</target></segment>'
        "<segment><source>B.</source></segment>"))
    assert props[PROP_STATE] == "initial"
    props = one(xliff20(
        '<segment state="final"><source>A.</source><target>甲。</target></segment>'
        '<ignorable><source> </source></ignorable>'
        '<segment state="reviewed"><source>B.</source><target>乙。</target></segment>'))
    assert props[PROP_STATE] == "reviewed" and to_review(props) is None


def test_a_20_substate_is_kept_with_its_state() -> None:
    data = xliff20('<segment state="translated" subState="acme:needs-legal"><source>A.</source>'
                   "<target>甲。</target></segment>")
    assert schema_states(data) == ["translated"]
    props = one(data)
    assert props[PROP_STATE] == "translated" and props[PROP_SUBSTATE] == "acme:needs-legal"
    # A subState is private to its prefix's owner: termkit keeps it, the state decides.
    assert to_review(props) is None


def test_a_20_unit_without_target_has_no_state() -> None:
    props = one(xliff20("<segment><source>Open the file</source></segment>"))
    assert PROP_STATE not in props


# --- XLIFF 1.2 ---------------------------------------------------------------------------

@pytest.mark.parametrize(("unit_attrs", "target_attrs", "why"), [
    ('approved="no"', 'state="translated"', "not approved in the memory"),
    ('approved="no"', "", "not approved in the memory"),
    ("", 'state="translated" state-qualifier="rejected-inaccurate"',
     "rejected-inaccurate in the memory"),
    ("", 'state-qualifier="mt-suggestion"', "mt-suggestion in the memory"),
    ("", 'state-qualifier="fuzzy-match"', "fuzzy-match in the memory"),
    ('approved="yes"', 'state="needs-review-translation" state-qualifier="exact-match"',
     "needs-review-translation in the memory"),
    ('approved="yes"', 'state="signed-off"', None),
    ("", 'state="translated" state-qualifier="exact-match"', None),
    ("", 'state="translated" state-qualifier="fuzzy-match"', None),
    ("", 'state-qualifier="leveraged-tm"', None),
    ("", "", None),
], ids=["approved-no", "approved-no-alone", "rejected", "mt-suggestion", "fuzzy-alone",
        "review-wins", "signed-off", "exact", "fuzzy-confirmed", "leveraged", "nothing"])
def test_12_approval_and_qualifier(schema12: etree.XMLSchema, unit_attrs: str,
                                   target_attrs: str, why: str | None) -> None:
    data = xliff12(unit_attrs, target_attrs)
    assert schema12.validate(etree.parse(io.BytesIO(data))), schema12.error_log
    props = one(data)
    if 'approved="' in unit_attrs:
        assert props[PROP_APPROVED] == unit_attrs.split('"')[1]
    if "state-qualifier" in target_attrs:
        assert props[PROP_STATE_QUALIFIER] == target_attrs.rsplit('"', 2)[-2]
    assert to_review(props) == why


def test_a_glossary_keeps_none_of_the_workflow_props() -> None:
    data = xliff12('approved="no"', 'state="translated" state-qualifier="fuzzy-match"')
    (concept,) = read_glossary(io.BytesIO(data), "a.xlf").concepts
    assert not [k for k in concept.props if k.startswith("xliff:") and k != "xliff:id"]


# --- through the memory ------------------------------------------------------------------

JOB = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
       '"Language: zh_CN\\n"\n\nmsgid "Open the file"\nmsgstr ""\n')


@pytest.mark.parametrize("data", [
    xliff20("<segment><source>Open the file</source><target>打开文件</target></segment>"),
    xliff12('approved="no"', 'state="translated"'),
    xliff12("", 'state-qualifier="rejected-inaccurate"'),
], ids=["20-no-state", "12-approved-no", "12-rejected"])
def test_drafts_pretranslate_as_fuzzy(tmp_path: Path, data: bytes) -> None:
    memory = tmp_path / "memory.xlf"
    memory.write_bytes(data)
    db = tmp_path / "tm.sqlite"
    code, _, err = invoke("tm", "import", "--db", db, "-q", memory)
    assert code == 0, err
    job = tmp_path / "job.zh_CN.po"
    job.write_text(JOB, encoding="utf-8")
    out = tmp_path / "out.zh_CN.po"
    code, _, err = invoke("tm", "pretranslate", "--db", db, job, "-o", out)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert 'msgstr "打开文件"' in text and "#, fuzzy" in text and "in the memory" in text


def test_a_stated_translation_still_pretranslates_as_exact(tmp_path: Path) -> None:
    """What holds: a translated 2.0 segment and an approved 1.2 unit are exact."""
    for i, data in enumerate([
            xliff20('<segment state="translated"><source>Open the file</source>'
                    "<target>打开文件</target></segment>"),
            xliff12('approved="yes"', 'state="final"')]):
        memory = tmp_path / f"memory{i}.xlf"
        memory.write_bytes(data)
        db = tmp_path / f"tm{i}.sqlite"
        code, _, err = invoke("tm", "import", "--db", db, "-q", memory)
        assert code == 0, err
        job = tmp_path / "job.zh_CN.po"
        job.write_text(JOB, encoding="utf-8")
        out = tmp_path / f"out{i}.zh_CN.po"
        code, _, err = invoke("tm", "pretranslate", "--db", db, job, "-o", out)
        assert code == 0, err
        text = out.read_text(encoding="utf-8")
        assert 'msgstr "打开文件"' in text and "#, fuzzy" not in text
