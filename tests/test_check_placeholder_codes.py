"""check: a placeholder held by an inline code is one problem, reported once.

A target that loses ``<ph id="1">%s</ph>`` (XLIFF 1.2) or ``<ph x="1">%s</ph>`` (TMX) lost one
thing, the argument; ``check`` reported it twice, once as a lost tag (``xml-tags``) and once
as a lost printf variable (``printf``). The finding now belongs to the placeholder check
(``printf`` or ``brace-format``) when it runs and finds the placeholder missing or changed,
and names the code; ``xml-tags`` reports the code when the placeholder check does not run
or does not see a difference (the ``%s`` typed as text in place of the code).

XLIFF 2.0 has no content in ``<ph/>``: its ``disp`` attribute is the "display text" of the
code (XLIFF 2.0, attribute ``disp``), ``equiv`` its "equivalent text". ``check`` compared a
2.0 ``<ph>`` by element and id only, so ``<ph id="1" disp="%d"/>`` in the target for the
source's ``<ph id="1" disp="%s"/>`` passed, and a lost one was a tag, never an argument.

The oracle for what is lost: lxml counts the inline elements of each side.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tests.inprocess import invoke

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="ui.txt" source-language="en" target-language="zh-TW" datatype="plaintext">
<body>
<trans-unit id="lost"><source>Open <ph id="1">%s</ph> now</source><target>現在開啟</target></trans-unit>
<trans-unit id="typed"><source>Open <ph id="1">%s</ph> now</source><target>現在開啟 %s</target></trans-unit>
<trans-unit id="changed"><source>Open <ph id="1">%s</ph> now</source><target>現在開啟 <ph id="1">%d</ph></target></trans-unit>
<trans-unit id="brace"><source>Hello <ph id="1">{name}</ph></source><target>你好</target></trans-unit>
<trans-unit id="kept"><source>Open <ph id="1">%s</ph> now</source><target>現在開啟 <ph id="1">%s</ph></target></trans-unit>
</body></file></xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-TW">
<file id="f1">
<unit id="lost"><segment state="translated"><source>Open <ph id="1" disp="%s"/> now</source><target>現在開啟</target></segment></unit>
<unit id="changed"><segment state="translated"><source>Open <ph id="1" disp="%s"/> now</source><target>現在開啟 <ph id="1" disp="%d"/></target></segment></unit>
<unit id="equiv"><segment state="translated"><source>Open <ph id="1" equiv="%s"/> now</source><target>現在開啟</target></segment></unit>
<unit id="kept"><segment state="translated"><source>Open <ph id="1" disp="%s"/> now</source><target>現在開啟 <ph id="1" disp="%s"/></target></segment></unit>
</file></xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu tuid="lost"><tuv xml:lang="en"><seg>Open <ph x="1">%s</ph> now</seg></tuv><tuv xml:lang="zh-TW"><seg>現在開啟</seg></tuv></tu>
</body></tmx>
"""


def findings(tmp_path: Path, name: str, text: str, checks: str) -> dict[str, list[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, err = invoke("check", "--checks", checks, "--json", path)
    assert code in (0, 1), err
    got: dict[str, list[tuple[str, str]]] = {}
    for f in json.loads(out)["findings"]:
        got.setdefault(f["unit"], []).append((f["check"], f["message"]))
    return got


def lost_codes(text: str) -> dict[str, int]:
    """The oracle: inline elements the target lacks, per unit."""
    root = etree.fromstring(text.encode())
    out = {}
    for unit in root.iter():
        if etree.QName(unit).localname not in ("trans-unit", "unit", "tu"):
            continue
        sides = [e for e in unit.iter()
                 if etree.QName(e).localname in ("source", "target", "seg")]
        n = [sum(1 for e in side.iter() if etree.QName(e).localname == "ph") for side in sides]
        out[unit.get("id") or unit.get("tuid") or ""] = n[0] - n[1]
    return out


def test_a_lost_placeholder_code_is_one_finding(tmp_path: Path) -> None:
    assert lost_codes(XLIFF12)["lost"] == 1
    got = findings(tmp_path, "a.zh_TW.xlf", XLIFF12, "printf,brace-format,xml-tags")
    assert got["lost"] == [("printf", '%s is missing in the target (in <ph id="1">%s</ph>)')]
    assert got["changed"] == [
        ("printf", '%d in the target where the source has %s (in <ph id="1">%s</ph>)')]
    assert got["brace"] == [
        ("brace-format", '{name} is missing in the target (in <ph id="1">{name}</ph>)')]
    # The %s typed as text keeps the argument: the code is what is lost.
    assert got["typed"] == [("xml-tags", '<ph id="1">%s</ph> is missing in the target')]
    assert "kept" not in got


@pytest.mark.parametrize("checks", ["printf", "xml-tags"])
def test_either_check_alone_still_reports_it(tmp_path: Path, checks: str) -> None:
    got = findings(tmp_path, "a.zh_TW.xlf", XLIFF12, checks)
    assert [c for c, _ in got["lost"]] == [checks]


def test_tmx(tmp_path: Path) -> None:
    assert lost_codes(TMX)["lost"] == 1
    got = findings(tmp_path, "a.tmx", TMX, "printf,xml-tags")
    assert got["lost"] == [("printf", '%s is missing in the target (in <ph x="1">%s</ph>)')]


def test_xliff20_ph_disp_is_its_placeholder(tmp_path: Path) -> None:
    assert lost_codes(XLIFF20) == {"lost": 1, "changed": 0, "equiv": 1, "kept": 0}
    got = findings(tmp_path, "a.zh_TW.xlf", XLIFF20, "printf,xml-tags")
    assert got["lost"] == [
        ("printf", '%s is missing in the target (in <ph id="1" disp="%s"/>)')]
    assert got["changed"] == [
        ("printf", '%d in the target where the source has %s (in <ph id="1" disp="%s"/>)')]
    assert got["equiv"] == [
        ("printf", '%s is missing in the target (in <ph id="1" equiv="%s"/>)')]
    assert "kept" not in got
    # Without printf, the changed disp is a changed code.
    alone = findings(tmp_path, "b.zh_TW.xlf", XLIFF20, "xml-tags")
    assert alone["changed"] == [
        ("xml-tags", '<ph id="1" disp="%d"/> in the target where the source has '
                     '<ph id="1" disp="%s"/>')]
