"""pypinyin's own expectations run through termkit's annotation (no glossary)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pypinyin import Style as PStyle

from termkit.pinyin import Style, annotate
from termkit.pinyin.compat import syllables
from tests.conftest import DATA

EXPECTATIONS = DATA / "pinyin" / "pypinyin-0.55.0-expectations.jsonl"


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$style" in value:
        return PStyle[value["$style"]]
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _cases() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXPECTATIONS.read_text("utf-8").splitlines()]


def test_expectations_file_is_complete() -> None:
    assert len(_cases()) == 1721


def test_syllables_pass_every_pinyin_and_lazy_pinyin_expectation() -> None:
    """Every `pinyin`/`lazy_pinyin` case (same options) gives pypinyin's expected answer.

    slug() and the tone_convert helpers are not part of termkit's API (out of scope).
    """
    in_scope, failures = 0, []
    for case in _cases():
        if case["func"] not in ("pinyin", "lazy_pinyin"):
            continue
        in_scope += 1
        args = _decode(case["args"])
        kwargs = {k: _decode(v) for k, v in case["kwargs"].items()}
        got = syllables(*args, lazy=case["func"] == "lazy_pinyin", **kwargs)
        if got != case["expected"]:
            failures.append((case["id"], got, case["expected"]))
    assert in_scope == 1191
    assert failures == []


_STYLES = {PStyle.TONE: Style.TONE, PStyle.TONE3: Style.TONE3, PStyle.BOPOMOFO: Style.ZHUYIN}


def test_annotate_matches_expectations_in_its_own_styles() -> None:
    """annotate() (tone, tone3, zhuyin; heteronyms) agrees with pypinyin's `pinyin` cases."""
    in_scope, failures = 0, []
    for case in _cases():
        args = _decode(case["args"])
        kwargs = {k: _decode(v) for k, v in case["kwargs"].items()}
        style = args[1] if len(args) > 1 else kwargs.get("style", PStyle.TONE)
        if (
            case["func"] != "pinyin"
            or not isinstance(args[0], str)
            or len(args) > 2
            or style not in _STYLES
            or set(kwargs) - {"style", "heteronym", "strict"}
        ):
            continue
        in_scope += 1
        heteronym = kwargs.get("heteronym", False)
        got: list[list[str]] = []
        for tok in annotate(args[0], words=False, heteronym=heteronym):
            if not tok.chinese:
                got.append([tok.text])
            elif heteronym:
                got.extend(tok.candidates(_STYLES[style]))
            else:
                got.extend([s] for s in tok.syllables(_STYLES[style]))
        if got != case["expected"]:
            failures.append((case["id"], got, case["expected"]))
    assert in_scope >= 100
    assert failures == []


@pytest.mark.parametrize(
    ("trad", "simp"),
    [("權力平衡", "权力平衡"), ("銀行行長", "银行行长"), ("重慶長江大橋", "重庆长江大桥"), ("音樂", "音乐")],
)
def test_traditional_reads_like_simplified(trad: str, simp: str) -> None:
    """Phrases are looked up in both scripts: Traditional text gets the Simplified phrase readings."""
    from pypinyin import pinyin

    expected = [p[0] for p in pinyin(simp)]
    assert syllables(trad) == [[p] for p in expected]
    got = [s for tok in annotate(trad, words=False) for s in tok.syllables()]
    assert got == expected
