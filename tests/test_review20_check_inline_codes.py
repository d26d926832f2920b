"""review20: `check` reads XLIFF and TMX inline codes away, so a dropped placeholder passes.

`termkit check` is "one QA pass over PO, TMX, XLIFF, …" whose `printf` check finds placeholders
that differ and whose `xml-tags` check finds "markup tags [that] differ, are badly nested". In
XLIFF and TMX a placeholder or a tag is often an inline code (`<ph>`, `<x/>`, `<bpt>`/`<ept>`,
`<pc>`), as CAT tools and termkit's own `tm pretranslate` ("XLIFF inline codes are renumbered")
write it. `check` drops every inline code with its content before checking: the source
`Open <ph id="1">%s</ph> now` is checked as `Open  now`, so a target that loses the `%s` (or
the `<x/>`, or one half of a `<bpt>`/`<ept>` pair) gets no finding and exit status 0, where the
same `%s` written as text is a printf error.

Oracles: the inline elements counted with lxml on each side, and translate-toolkit's
`pofilter` on the XLIFF 1.2 file ("printf: Missing printf variable: %s", "xmltags: Different
XML tags").
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import require_tool
from tests.inprocess import invoke

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="ui.txt" source-language="en" target-language="zh-TW" datatype="plaintext">
<body>
<trans-unit id="ph"><source>Open <ph id="1">%s</ph> now</source><target>現在開啟</target></trans-unit>
<trans-unit id="x"><source>Click <g id="1">here</g> to <x id="2"/>continue</source><target>點擊<g id="1">這裡</g>繼續</target></trans-unit>
<trans-unit id="bpt"><source>Save <bpt id="1">&lt;b&gt;</bpt>all<ept id="1">&lt;/b&gt;</ept></source><target>全部<bpt id="1">&lt;b&gt;</bpt>儲存</target></trans-unit>
<trans-unit id="text"><source>Open %s now</source><target>現在開啟</target></trans-unit>
</body></file></xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-TW">
<file id="f1">
<unit id="ph"><segment><source>Open <ph id="1" disp="%s"/> now</source><target>現在開啟</target></segment></unit>
<unit id="pc"><segment><source>Save <pc id="1">all</pc></source><target>全部儲存</target></segment></unit>
</file></xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu tuid="ph"><tuv xml:lang="en"><seg>Open <ph x="1">%s</ph> now</seg></tuv><tuv xml:lang="zh-TW"><seg>現在開啟</seg></tuv></tu>
<tu tuid="bpt"><tuv xml:lang="en"><seg>Save <bpt i="1">&lt;b&gt;</bpt>all<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="zh-TW"><seg>全部<bpt i="1">&lt;b&gt;</bpt>儲存</seg></tuv></tu>
</body></tmx>
"""

INLINE = {"ph", "x", "g", "bpt", "ept", "it", "bx", "ex", "pc", "sc", "ec", "sm", "em", "hi", "sub",
          "ut", "mrk"}


def inline_counts(path: Path) -> dict[str, tuple[int, int]]:
    """Per unit: inline elements in the source and in the (first) target — the oracle."""
    tree = etree.parse(str(path))
    counts = {}
    for unit in tree.iter():
        local = etree.QName(unit).localname
        if local not in ("trans-unit", "unit", "tu"):
            continue
        uid = unit.get("id") or unit.get("tuid")
        sides = [e for e in unit.iter() if etree.QName(e).localname in ("source", "target", "seg")]
        n = [sum(1 for e in side.iter() if etree.QName(e).localname in INLINE) for side in sides]
        counts[uid] = (n[0], n[1])
    return counts


def flagged_units(path: Path) -> tuple[int, set[str]]:
    code, out, err = invoke("check", "--checks", "printf,xml-tags", "--json", path)
    assert code in (0, 1), err
    return code, {f["unit"] for f in json.loads(out)["findings"]}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_placeholder_written_as_text_is_found(tmp_path: Path) -> None:
    """What holds: the same `%s` dropped from plain text is a printf error."""
    _, flagged = flagged_units(write(tmp_path, "ui.zh_TW.xlf", XLIFF12))
    assert "text" in flagged


@pytest.mark.parametrize(("name", "text"), [("ui.zh_TW.xlf", XLIFF12), ("ui2.zh_TW.xlf", XLIFF20)])
def test_xliff_units_losing_inline_codes_are_flagged(tmp_path: Path, name: str,
                                                      text: str) -> None:
    path = write(tmp_path, name, text)
    lost = {uid for uid, (src, tgt) in inline_counts(path).items() if tgt < src}
    assert lost  # the oracle: these units' targets lack codes their sources have
    code, flagged = flagged_units(path)
    assert lost <= flagged, lost - flagged
    assert code == 1


def test_tmx_units_losing_inline_codes_are_flagged(tmp_path: Path) -> None:
    path = write(tmp_path, "ui.tmx", TMX)
    lost = {uid for uid, (src, tgt) in inline_counts(path).items() if tgt < src}
    assert lost == {"ph", "bpt"}
    _, flagged = flagged_units(path)
    assert lost <= flagged, lost - flagged


def test_pofilter_flags_the_xliff_units(tmp_path: Path) -> None:
    """translate-toolkit's pofilter (a test oracle only) reports the lost %s and the lost <ept>."""
    pofilter = require_tool("pofilter")
    path = write(tmp_path, "ui.zh_TW.xlf", XLIFF12)
    done = subprocess.run([pofilter, "-t", "printf", "-t", "xmltags", str(path)],
                          capture_output=True, text=True, check=False)
    notes = dict(re.findall(r'<trans-unit id="([^"]+)">(?:(?!</trans-unit>).)*?'
                            r'<note from="pofilter">([^<]*)</note>', done.stdout, re.S))
    assert notes["ph"].startswith("printf: Missing printf variable: %s")
    assert notes["bpt"].startswith("xmltags")
