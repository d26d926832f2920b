"""review28: `tm import` of an SDLXLIFF a translator is still working on.

Trados writes each sentence of a unit as a ``<mrk mtype="seg">`` segment of ``<seg-source>``,
and the target as the same segments; a segment not translated yet is empty. Before, a unit
with an empty segment went into the memory as translated: an all-empty target as an empty
translation (exported to TMX as ``<seg></seg>``), and a half-done one with the translated
sentences only, as if they were the whole unit's translation (a later exact match would fill
the whole unit with half of it). Oracle: the file's own structure (which segments of the
seg-source have a target segment with text), on the real Trados file of
``tests/data/formats/fresh`` and a unit of two sentences.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from termkit.tm.sources import iter_file_units
from termkit.tm.store import open_store
from tests.conftest import DATA

TRADOS = DATA / "formats" / "fresh" / "trados-test-stati.it-IT_en-US.cut.sdlxliff"
X12 = "urn:oasis:names:tc:xliff:document:1.2"

TWO = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="a.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language="zh-CN">
<body>
<trans-unit id="u1"><source>Open the file. Save it.</source><seg-source><mrk mtype="seg" mid="1">Open the file.</mrk> <mrk mtype="seg" mid="2">Save it.</mrk></seg-source><target><mrk mtype="seg" mid="1">打开文件。</mrk> <mrk mtype="seg" mid="2">SECOND</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Translated"/></sdl:seg-defs></trans-unit>
</body></file></xliff>
"""


def _targets(path: Path) -> dict[str | None, str | None]:
    return {u.id: (u.variants[1].text if len(u.variants) > 1 else None)
            for u in iter_file_units(str(path))}


def test_a_half_translated_unit_is_not_stored_as_translated(tmp_path: Path) -> None:
    done = tmp_path / "done.sdlxliff"
    done.write_text(TWO.replace("SECOND", "保存。"), encoding="utf-8")
    assert _targets(done) == {"u1": "打开文件。 保存。"}  # both sentences: a translation
    half = tmp_path / "half.sdlxliff"
    half.write_text(TWO.replace("SECOND", "").replace(' conf="Translated"/></sdl:seg-defs>',
                                                      "/></sdl:seg-defs>"), encoding="utf-8")
    assert _targets(half) == {"u1": None}  # the source only, as for any untranslated unit


def test_the_real_trados_files_emptied_segments_are_not_translations(tmp_path: Path) -> None:
    job = etree.parse(str(TRADOS))
    emptied = []
    for unit in job.iter(f"{{{X12}}}trans-unit"):
        target = unit.find(f"{{{X12}}}target")
        if unit.get("translate") != "no" and target is not None and not emptied:
            for m in target.iter(f"{{{X12}}}mrk"):
                m.text = None
            emptied.append(unit.get("id"))
    path = tmp_path / "job.sdlxliff"
    path.write_bytes(etree.tostring(job, xml_declaration=True, encoding="UTF-8"))
    before, after = _targets(TRADOS), _targets(path)
    assert before[emptied[0]]  # translated as Trados wrote it
    assert after[emptied[0]] is None
    assert {k: v for k, v in after.items() if k not in emptied} == {
        k: v for k, v in before.items() if k not in emptied}
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units(iter_file_units(str(path)))
    stored = {s.unit.id: len(s.unit.variants) for s in store.iter_units()}
    assert stored[emptied[0]] == 1
