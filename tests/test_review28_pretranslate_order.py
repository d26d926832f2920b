"""review28: a pre-translated XLIFF 1.2 unit keeps the order the XLIFF 1.2 schema gives a
``<trans-unit>``'s children: source, seg-source, target, then notes (with context groups and
alt-trans), and only then the elements of other namespaces (Trados's ``<sdl:seg-defs>``,
memoQ's ``<mq:…>``). Before, the note went last, after ``<sdl:seg-defs>``, and the filled file
no longer matched the schema its own tool writes to.

Oracle: the OASIS XLIFF 1.2 strict schema (``tests/data/formats/schemas``) with the other
namespaces' elements let through unchecked (their schemas are the tools' own, not public), on
the real Trados file of ``tests/data/formats/fresh`` (which matches it as written) and on a
memoQ-style unit.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from termkit.model import Unit, Variant
from termkit.tm.pretranslate import Options, pretranslate_stream
from termkit.tm.sources import iter_file_units
from termkit.tm.store import open_store
from tests.conftest import DATA

TRADOS = DATA / "formats" / "fresh" / "trados-test-stati.it-IT_en-US.cut.sdlxliff"
XSD = DATA / "formats" / "schemas" / "xliff" / "xliff-core-1.2-strict.xsd"
X12 = "urn:oasis:names:tc:xliff:document:1.2"


class _LocalXmlXsd(etree.Resolver):
    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(DATA / "xliff2" / "xml.xsd"), context)
        return None


def _schema() -> etree.XMLSchema:
    """The strict schema, other namespaces' elements and attributes checked laxly (no schema
    of theirs at hand), the XLIFF elements' order as strictly as before."""
    text = XSD.read_text(encoding="utf-8").replace(
        'namespace="##other" processContents="strict"', 'namespace="##other" processContents="lax"')
    parser = etree.XMLParser()
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.fromstring(text.encode("utf-8"), parser, base_url=str(XSD)))


def _pretranslate(tmp_path: Path, data: bytes, name: str, units: list[Unit]) -> bytes:
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units(units)
    out = io.BytesIO()
    pretranslate_stream(store, data, name, out, options=Options())
    return out.getvalue()


def test_a_filled_sdlxliff_keeps_the_schemas_order(tmp_path: Path) -> None:
    schema = _schema()
    schema.assertValid(etree.parse(str(TRADOS)))  # the file as Trados wrote it
    job = etree.parse(str(TRADOS))
    emptied = 0
    for unit in job.iter(f"{{{X12}}}trans-unit"):
        target = unit.find(f"{{{X12}}}target")
        if unit.get("translate") != "no" and target is not None:
            for m in target.iter(f"{{{X12}}}mrk"):
                m.text = None
                emptied += 1
    assert emptied >= 2
    data = etree.tostring(job, xml_declaration=True, encoding="UTF-8")
    filled = _pretranslate(tmp_path, data, "job.sdlxliff", list(iter_file_units(str(TRADOS))))
    out = etree.parse(io.BytesIO(filled))
    assert len(list(out.iter(f"{{{X12}}}note"))) >= emptied  # the fills happened
    schema.assertValid(out)


MEMOQ = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">
 <file original="a.docx" source-language="en-US" target-language="zh-CN" datatype="x-memoq">
  <body>
   <trans-unit id="1" mq:status="NotStarted" mq:segmentguid="0f5a3d4e-0000-4000-8000-000000000001">
    <source xml:space="preserve">Open the file.</source>
    <target xml:space="preserve"></target>
    <mq:historical-unit mq:status="NotStarted"/>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def test_a_filled_memoq_unit_keeps_the_schemas_order(tmp_path: Path) -> None:
    schema = _schema()
    schema.assertValid(etree.parse(io.BytesIO(MEMOQ.encode())))
    filled = _pretranslate(tmp_path, MEMOQ.encode(), "job.mqxliff", [
        Unit(None, [Variant("en-US", "Open the file."), Variant("zh-CN", "打开文件。")],
             source_lang="en-US")])
    out = etree.parse(io.BytesIO(filled))
    (unit,) = out.iter(f"{{{X12}}}trans-unit")
    assert "".join(unit.find(f"{{{X12}}}target").itertext()) == "打开文件。"
    assert unit.find(f"{{{X12}}}note") is not None
    schema.assertValid(out)


MQ = "MQXliff"


def test_a_filled_memoq_unit_says_it_was_pretranslated(tmp_path: Path) -> None:
    # memoQ keeps a row's state in mq:status (NotStarted, Pretranslated, ManuallyConfirmed …)
    # and its match rate in mq:percent, and writes Pretranslated for a row it filled from a
    # memory; a filled row still marked NotStarted reads as untouched in memoQ's filters
    two = MEMOQ.replace("</body>", """<trans-unit id="2" mq:status="NotStarted">
    <source xml:space="preserve">Nothing in the memory.</source>
    <target xml:space="preserve"></target>
   </trans-unit>
  </body>""")
    filled = _pretranslate(tmp_path, two.encode(), "job.mqxliff", [
        Unit(None, [Variant("en-US", "Open the file."), Variant("zh-CN", "打开文件。")],
             source_lang="en-US")])
    out = etree.parse(io.BytesIO(filled))
    first, second = out.iter(f"{{{X12}}}trans-unit")
    assert first.get(f"{{{MQ}}}status") == "Pretranslated"
    assert first.get(f"{{{MQ}}}percent") == "100"
    assert second.get(f"{{{MQ}}}status") == "NotStarted"  # not filled: left as it was
    assert second.get(f"{{{MQ}}}percent") is None
