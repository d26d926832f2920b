"""review20: XLIFF inline codes in the translation memory: exported as invalid TMX, and
pre-translated with the stored placeholder inside the new source's code.

1. `tm import` keeps an XLIFF unit's inline codes as they are written in XLIFF (`<g id="1">`,
   `<ph id="1">`, XLIFF 2.0's `<pc>` and `<ph disp=…/>`), and `tm export` ("Export the whole
   memory (TMX 1.4b)") copies them into `<seg>`: TMX has no `<g>` or `<pc>` element and its
   `<ph>` takes `x`, not `id`, so the export is not valid against the TMX 1.4b DTD (the LISA
   DTD in tests/data/formats/schemas/tmx, the oracle). A memory of TMX files exports valid
   TMX.
2. `tm pretranslate` of an XLIFF job whose source is `Open <ph id="7">%d</ph> now` from a memory
   holding `Open <ph id="1">%s</ph> now` renumbers the code (id 7) but keeps the stored
   content: the target is `現在開啟 <ph id="7">%s</ph>`, filled as a 101% exact match,
   `state="translated"`. The README: "Placeholders and inline tags of the new source replace
   the stored ones when the match differs only in them; XLIFF inline codes are renumbered to
   the new source's". The same change in a PO file (`%s` -> `%d` as text) is adapted and
   filled as a 95% fuzzy match.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import DATA
from tests.inprocess import invoke

DTD = DATA / "formats" / "schemas" / "tmx" / "tmx14.dtd"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"

XLIFF12 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NS12}">
<file original="ui.txt" source-language="en" target-language="zh-TW" datatype="plaintext">
<body>
<trans-unit id="a"><source>Open <ph id="1">%s</ph> now</source><target>現在開啟 <ph id="1">%s</ph></target></trans-unit>
<trans-unit id="b"><source>Save <g id="1">all</g> files</source><target>儲存<g id="1">所有</g>檔案</target></trans-unit>
</body></file></xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-TW">
<file id="f1">
<unit id="u1"><segment><source>Open <ph id="1" disp="%s"/> now</source><target>現在開啟 <ph id="1" disp="%s"/></target></segment></unit>
<unit id="u2"><segment><source>Save <pc id="1">all</pc> files</source><target>儲存<pc id="1">所有</pc>檔案</target></segment></unit>
</file></xliff>
"""

JOB = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NS12}">
<file original="ui.txt" source-language="en" target-language="zh-TW" datatype="plaintext">
<body>
<trans-unit id="a"><source>Open <ph id="7">%d</ph> now</source></trans-unit>
</body></file></xliff>
"""


def memory(tmp_path: Path, name: str, text: str) -> Path:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    db = tmp_path / "tm.sqlite"
    code, _, err = invoke("tm", "import", "--db", db, src)
    assert code == 0, err
    return db


def export_is_valid(tmp_path: Path, db: Path) -> tuple[bool, list[str]]:
    out = tmp_path / "export.tmx"
    code, _, err = invoke("tm", "export", "--db", db, "-o", out)
    assert code == 0, err
    dtd = etree.DTD(str(DTD))
    valid = dtd.validate(etree.parse(str(out)))
    return valid, [e.message for e in dtd.error_log.filter_from_errors()][:3]


def test_a_memory_of_tmx_exports_valid_tmx(tmp_path: Path) -> None:
    """What holds: TMX inline codes go out as TMX codes."""
    db = memory(tmp_path, "okapi-sample14b.tmx",
                (DATA / "formats" / "tmx" / "okapi-sample14b.tmx").read_text(encoding="utf-8"))
    assert export_is_valid(tmp_path, db) == (True, [])


@pytest.mark.parametrize(("name", "text"), [("ui.xlf", XLIFF12), ("ui2.xlf", XLIFF20)])
def test_a_memory_of_xliff_exports_valid_tmx(tmp_path: Path, name: str, text: str) -> None:
    db = memory(tmp_path, name, text)
    assert export_is_valid(tmp_path, db) == (True, [])


def test_pretranslate_takes_the_new_sources_placeholder(tmp_path: Path) -> None:
    db = memory(tmp_path, "ui.xlf", XLIFF12)
    job = tmp_path / "job.xlf"
    job.write_text(JOB, encoding="utf-8")
    out = tmp_path / "job.out.xlf"
    code, _, err = invoke("tm", "pretranslate", "--db", db, job, "-o", out)
    assert code == 0, err
    unit = etree.parse(str(out)).find(f".//{{{NS12}}}trans-unit")
    assert unit is not None
    source = unit.find(f"{{{NS12}}}source")
    target = unit.find(f"{{{NS12}}}target")
    assert source is not None and target is not None
    codes = {ph.get("id"): ph.text for ph in source.iter(f"{{{NS12}}}ph")}
    assert codes == {"7": "%d"}
    assert {ph.get("id"): ph.text for ph in target.iter(f"{{{NS12}}}ph")} == codes
    # tmfix: the stored code's content was replaced, so the fill is one to review.
    assert target.get("state") == "needs-review-translation"
