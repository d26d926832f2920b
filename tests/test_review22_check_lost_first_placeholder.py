"""review22 (fixed): a lost first ``<ph>%s</ph>`` of two is named by the code that is kept, and reported twice.

047ec92 claimed: "a lost or changed inline code holding a placeholder (<ph>%s</ph>) is one
finding, printf's or brace-format's, naming the code, where xml-tags reported it a second
time". The input is the commonest string with two arguments of one type, an XLIFF 1.2 file as
Okapi or a Java ``.properties`` filter writes it: ``Copy <ph id="1">%s</ph> to <ph id="2">%s</ph>``,
whose translation drops the first argument (``複製到 <ph id="2">%s</ph>``). ``termkit check``
says printf: "%s is missing in the target (in <ph id="2">%s</ph>)" -- the code the target
kept -- and xml-tags still says "<ph id="1">%s</ph> is missing in the target": two findings,
one of them pointing the translator at the wrong code. printf counts placeholders and takes
the last ``%s`` as the lost one; the code holding that span is the one still there. Dropping
the second argument instead is one finding naming the right code (what holds).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.inprocess import invoke

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.properties" source-language="en" target-language="zh-TW" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Copy <ph id="1">%s</ph> to <ph id="2">%s</ph></source>
        <target state="translated">{target}</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def findings(tmp_path: Path, target: str) -> list[tuple[str, str]]:
    path = tmp_path / "app.xlf"
    path.write_text(XLIFF.format(target=target), encoding="utf-8")
    code, out, err = invoke("check", path, "--json")
    assert code == 1, err
    return [(f["check"], f["message"]) for f in json.loads(out)["findings"]
            if f["check"] in ("printf", "xml-tags")]


def test_the_second_argument_lost_is_one_finding_naming_its_code(tmp_path: Path) -> None:
    assert findings(tmp_path, '將 <ph id="1">%s</ph> 複製') == [
        ("printf", '%s is missing in the target (in <ph id="2">%s</ph>)')]


def test_the_first_argument_lost_is_one_finding_naming_its_code(tmp_path: Path) -> None:
    assert findings(tmp_path, '複製到 <ph id="2">%s</ph>') == [
        ("printf", '%s is missing in the target (in <ph id="1">%s</ph>)')]
