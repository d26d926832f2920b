"""load_glossary: format detection, stdin, unit formats, MediaWiki groups saved as *.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import UsageError
from termkit.glossary import load_glossary

from .conftest import DATA


def test_mediawiki_group_named_json_is_read_as_conversion_rules() -> None:
    g = load_glossary(str(DATA / "convert" / "cgroups" / "Korea.json"))
    forms = {(t.lang, t.text) for c in g.concepts for t in c.terms}
    # From the rule "zh-cn:朝鲜;zh-tw:北韓;…" of Module:CGroup/Korea.
    assert ("zh-Hant-TW", "北韓") in forms
    assert ("zh-Hans-CN", "朝鲜") in forms


def test_stdin_needs_a_format() -> None:
    with pytest.raises(UsageError, match="needs a format"):
        load_glossary("-")


def test_xliff_units_become_concepts(tmp_path: Path) -> None:
    xlf = tmp_path / "t.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en" target-language="zh-TW" datatype="plaintext" original="x">'
        '<body><trans-unit id="1"><source>balance of power</source><target>權力平衡</target>'
        "</trans-unit></body></file></xliff>\n",
        "utf-8",
    )
    (concept,) = load_glossary(str(xlf)).concepts
    assert {(t.lang, t.text) for t in concept.terms} >= {("en", "balance of power"), ("zh-Hant-TW", "權力平衡")}
