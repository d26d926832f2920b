"""Pre-translating segmented XLIFF 1.2 (a ``<seg-source>`` of ``<mrk mtype="seg">``
segments, as Trados's SDLXLIFF, Okapi and memoQ write it).

Before, a fill replaced the target's ``<mrk>`` segments with plain text, which Trados cannot
open as its segment, and a target Okapi had copied from the source (state ``new``) counted as
translated, so nothing was filled. Real files: ``tests/data/formats/fresh/PROVENANCE.md``.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from termkit.model import Unit, Variant
from termkit.tm.pretranslate import Options, pretranslate_stream
from termkit.tm.sources import iter_file_units
from termkit.tm.store import Store, open_store
from tests.conftest import DATA

FRESH = DATA / "formats" / "fresh"
TRADOS = FRESH / "trados-test-stati.it-IT_en-US.cut.sdlxliff"
OKAPI = FRESH / "okapi-matecat-segment-state.xliff"
X12 = "urn:oasis:names:tc:xliff:document:1.2"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"


def _run(store: Store, data: bytes, name: str) -> bytes:
    out = io.BytesIO()
    pretranslate_stream(store, data, name, out, options=Options())
    return out.getvalue()


def _units(path: Path) -> list[tuple[str, str]]:
    return [(u.variants[0].text, u.variants[1].text if len(u.variants) > 1 else "")
            for u in iter_file_units(str(path))]


def _segments(unit: etree._Element, where: str) -> dict[str, str]:
    elem = unit.find(f"{{{X12}}}{where}")
    assert elem is not None, where
    return {m.get("mid"): "".join(m.itertext()) for m in elem.iter(f"{{{X12}}}mrk")
            if m.get("mtype") == "seg"}


def test_trados_segments_are_filled_in_place(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units(iter_file_units(str(TRADOS)))
    original = etree.parse(str(TRADOS))
    units = [u for u in original.iter(f"{{{X12}}}trans-unit") if u.get("translate") != "no"]
    assert len(units) >= 2
    # the first unit's target segment emptied, the second unit's target taken away
    job = etree.parse(str(TRADOS))
    first, second = [u for u in job.iter(f"{{{X12}}}trans-unit") if u.get("translate") != "no"][:2]
    for m in first.find(f"{{{X12}}}target"):
        m.text = None
    second.remove(second.find(f"{{{X12}}}target"))
    name = tmp_path / "job.sdlxliff"
    name.write_bytes(etree.tostring(job, xml_declaration=True, encoding="UTF-8"))
    filled = tmp_path / "filled.sdlxliff"
    filled.write_bytes(_run(store, name.read_bytes(), str(name)))
    out = etree.parse(str(filled))
    out_units = [u for u in out.iter(f"{{{X12}}}trans-unit") if u.get("translate") != "no"]
    for before, after in zip(units[:2], out_units[:2], strict=True):
        # the target has the seg-source's segments, each with the text the translator wrote
        assert _segments(after, "target") == _segments(before, "target")
        assert set(_segments(after, "target")) == set(_segments(after, "seg-source"))
        # Trados's confirmation level: a fill from a segment the translator left as a draft
        # is a draft again (the memory doubts it), else Translated
        for seg, was in zip(after.iter(f"{{{SDL}}}seg"), before.iter(f"{{{SDL}}}seg"), strict=True):
            doubted = was.get("conf") in ("Draft", "RejectedTranslation")
            assert seg.get("conf") == ("Draft" if doubted else "Translated")
            assert seg.get("origin") == "tm"
    # termkit reads the filled file as it reads the file the translator made
    assert _units(filled)[:2] == _units(TRADOS)[:2]


def test_okapi_targets_copied_from_the_source_are_filled(tmp_path: Path) -> None:
    job = etree.parse(str(OKAPI))
    fresh = [u for u in job.iter(f"{{{X12}}}trans-unit")
             if u.find(f"{{{X12}}}target").get("state") in ("new", "needs-translation")]
    assert fresh
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units(Unit(None, [Variant("en", "".join(u.find(f"{{{X12}}}source").itertext())),
                                   Variant("it", f"traduzione {k}")], source_lang="en")
                       for k, u in enumerate(fresh))
    out = etree.parse(io.BytesIO(_run(store, OKAPI.read_bytes(), str(OKAPI))))
    by_id = {u.get("id"): u for u in out.iter(f"{{{X12}}}trans-unit")}
    for k, u in enumerate(fresh):
        after = by_id[u.get("id")]
        assert _segments(after, "target") == {"0": f"traduzione {k}"}
        assert after.find(f"{{{X12}}}target").get("state") == "translated"


_TWO_SEGMENTS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="en" target-language="zh-TW" datatype="plaintext">
  <body>
   <trans-unit id="1">
    <source>Open the file. Save it.</source>
    <seg-source><mrk mtype="seg" mid="0">Open the file.</mrk> <mrk mtype="seg" mid="1">Save it.</mrk></seg-source>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def test_each_segment_of_a_unit_is_matched_on_its_own(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units([Unit(None, [Variant("en", "Open the file."), Variant("zh-TW", "開啟檔案。")],
                             source_lang="en")])
    data = _TWO_SEGMENTS.encode()
    out = etree.parse(io.BytesIO(_run(store, data, "job.xlf")))
    (unit,) = out.iter(f"{{{X12}}}trans-unit")
    target = unit.find(f"{{{X12}}}target")
    # made as the seg-source is: both segments, the space between them, the second empty
    assert _segments(unit, "target") == {"0": "開啟檔案。", "1": ""}
    assert "".join(target.itertext()) == "開啟檔案。 "
    assert target.get("state") == "needs-translation"
    assert [n.text.split(":")[0] for n in unit.iter(f"{{{X12}}}note")] == ["segment 0"]
    # with the second segment in the memory too, the unit is translated
    store.import_units([Unit(None, [Variant("en", "Save it."), Variant("zh-TW", "儲存。")],
                             source_lang="en")])
    out = etree.parse(io.BytesIO(_run(store, data, "job.xlf")))
    (unit,) = out.iter(f"{{{X12}}}trans-unit")
    assert _segments(unit, "target") == {"0": "開啟檔案。", "1": "儲存。"}
    assert unit.find(f"{{{X12}}}target").get("state") == "translated"


def test_analyze_counts_the_segments_pretranslate_fills(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from termkit.cli import cli

    db = str(tmp_path / "tm.sqlite")
    store = open_store(db)
    store.import_units([Unit(None, [Variant("en", "Open the file."), Variant("zh-TW", "開啟檔案。")],
                             source_lang="en")])
    store.close()
    job = tmp_path / "job.xlf"
    job.write_text(_TWO_SEGMENTS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "analyze", "--db", db, str(job), "--json"])
    assert result.exit_code == 0, result.stderr
    bands = json.loads(result.stdout)["files"][0]["bands"]
    result = CliRunner().invoke(cli, ["tm", "pretranslate", "--db", db, str(job), "-o",
                                      str(tmp_path / "out.xlf")])
    assert result.exit_code == 0, result.stderr
    # the summary pre-translation prints: 2 segments, 1 filled (100: 1), 1 without a match
    assert "2 segments, 1 filled (100: 1)" in result.stdout + result.stderr
    assert (bands["100"]["segments"], bands["no match"]["segments"]) == (1, 1)


def test_a_plain_text_target_of_a_segmented_unit_is_kept(tmp_path: Path) -> None:
    # a tool that wrote the translation without segments translated the unit whole: it is no
    # empty segment to fill over
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units([Unit(None, [Variant("en", "Open the file."), Variant("zh-TW", "開啟檔案。")],
                             source_lang="en")])
    data = _TWO_SEGMENTS.replace("</seg-source>", "</seg-source><target>打開並儲存。</target>")
    out = _run(store, data.encode(), "job.xlf")
    assert etree.fromstring(out).findtext(f".//{{{X12}}}target") == "打開並儲存。"
