"""The MediaWiki reader: conversion-group JSON and -{…}- rule text."""

from __future__ import annotations

import io
import json

import pytest

from termkit import formats
from termkit.errors import EncodingError, FormatError
from termkit.formats.mediawiki import parse_rule, read_glossary
from tests.conftest import DATA


def _read(text: str, path: str = "x.rules.txt"):  # type: ignore[no-untyped-def]
    return read_glossary(io.BytesIO(text.encode("utf-8")), path)


def test_registered() -> None:
    assert formats.detect("Organization.cgroup.json").name == "mediawiki"
    assert formats.detect("a.rules.txt").name == "mediawiki"


def test_parse_rule_parts() -> None:
    both, one_way, bad = parse_rule(" zh-tw:東協; zh-cn:东盟 ;信道=>zh-tw:頻道; 信道 ⇒ zh-hk:頻道; junk; zh-xx:y")
    assert both == [("zh-tw", "東協"), ("zh-cn", "东盟")]
    assert one_way == [("信道", "zh-tw", "頻道"), ("信道", "zh-hk", "頻道")]
    assert bad == ["junk", "zh-xx:y"]


def test_group_json_real_file() -> None:
    path = DATA / "convert" / "cgroups" / "Organization.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    with path.open("rb") as fh:
        g = read_glossary(fh, "Organization.json")
    asean = [c for c in g.concepts if any(t.text == "東協" for t in c.terms)]
    assert len(asean) == 1
    assert {(t.lang, t.text) for t in asean[0].terms} == {
        ("zh-Hant-TW", "東協"), ("zh-Hant-HK", "東盟"), ("zh-Hans-CN", "东盟"), ("zh-Hans-MY", "东盟"),
        ("zh-Hans-SG", "亚细安"), ("en", "ASEAN")}
    guard = next(c for c in g.concepts if any(t.text == "東協助" for t in c.terms))
    assert {(t.lang, t.text) for t in guard.terms} == {("zh-Hant", "東協助"), ("zh-Hans", "东协助")}
    assert guard.notes and "guard" in guard.notes[0]
    assert "CC BY-SA 4.0" in g.header["license"]
    # every rule became at least one concept (identical duplicates are merged)
    assert len(g.concepts) >= len({(r["original"], r["conv"]) for r in raw["rules"]}) - len(g.notices)


def test_one_way_rules() -> None:
    g = _read("-{H|信道=>zh-tw:頻道; 信道=>zh-hk:頻道; 波道=>zh-cn:信道;}-\n")
    assert len(g.concepts) == 2
    first = g.concepts[0]
    assert first.props == {"mediawiki-direction": "one-way"}
    assert [(t.lang, t.text, t.status.value) for t in first.terms] == [
        ("zh", "信道", "deprecated"), ("zh-Hant-TW", "頻道", "candidate"), ("zh-Hant-HK", "頻道", "candidate")]


def test_rules_text_lines_and_raw_blocks() -> None:
    g = _read("# comment\n-{zh-hans:东协助;zh-hant:東協助}- and -{R|不轉換}-\nzh-cn:悉尼;zh-tw:雪梨\n")
    assert [c.sources[0].line for c in g.concepts] == [2, 3]
    assert [t.text for t in g.concepts[1].terms] == ["悉尼", "雪梨"]


def test_errors_have_positions() -> None:
    with pytest.raises(FormatError) as info:
        _read('{"rules": [ }', "bad.cgroup.json")
    assert info.value.line == 1 and info.value.column is not None
    with pytest.raises(FormatError) as info:
        _read("ok\n-{zh-tw:東協\n")
    assert info.value.line == 1  # 'ok' is not a rule
    with pytest.raises(FormatError) as info:
        _read("-{zh-tw:東協;zh-cn:东盟}-\n-{zh-tw:東協\n")
    assert info.value.line == 2 and info.value.column == 1
    with pytest.raises(EncodingError) as enc:
        read_glossary(io.BytesIO(b"-{zh-tw:\xff}-"), "b.rules.txt")
    assert enc.value.line == 1 and enc.value.column == 9
