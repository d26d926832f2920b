"""XLIFF/TMX inline codes in `check`: what each side's codes must agree on, and what may differ.

The review20 tests (tests/test_review20_check_inline_codes.py) show lost codes found; these
show the other half: codes kept in another order, translated text inside a ``<g>`` and a term
mark on one side only are no finding, while a code whose native content changed is one.
"""

from __future__ import annotations

import pytest

from termkit.check import check_units
from termkit.check.inline import codes, native_text
from termkit.model import Unit, Variant


def messages(source: tuple[str, str], target: tuple[str, str]) -> list[str]:
    """Findings of printf and xml-tags for one unit given as (text, markup) per side."""
    unit = Unit("u", [Variant("en", source[0], markup=source[1]),
                      Variant("zh-Hant-TW", target[0], markup=target[1])], "en")
    return [f"{f.check}: {f.message}" for f in check_units([unit], checks=["printf", "xml-tags"])]


@pytest.mark.parametrize(("source", "target"), [
    # codes in another order (Chinese word order), <g> text translated
    (("Copy  to ", 'Copy <ph id="1">%s</ph> to <ph id="2">%d</ph>'),
     ("複製到", '複製<ph id="1">%s</ph>到<ph id="2">%d</ph>')),
    (("Click here to continue", 'Click <g id="1">here</g> to <x id="2"/>continue'),
     ("點擊這裡繼續", '<x id="2"/>點擊<g id="1">這裡</g>繼續')),
    # a term marked on one side only is an annotation, not a code
    (("Open the file", 'Open the <mrk mtype="term">file</mrk>'), ("開啟檔案", None)),
])
def test_kept_codes_pass(source: tuple[str, str], target: tuple[str, str]) -> None:
    assert messages(source, target) == []


def test_a_changed_native_code_is_one_finding() -> None:
    """One problem, one finding: printf's, naming the code (xml-tags leaves it to printf;
    tests/test_check_placeholder_codes.py has the rest)."""
    assert messages(("Open  now", 'Open <ph id="1">%s</ph> now'),
                    ("現在開啟", '現在開啟<ph id="1">%d</ph>')) == [
        'printf: %d in the target where the source has %s (in <ph id="1">%s</ph>)',
    ]


def test_an_added_code_is_reported() -> None:
    assert messages(("Save all", None), ("全部儲存", '全部<x id="1"/>儲存')) == [
        'xml-tags: <x id="1"/> is not in the source']


def test_codes_and_native_text() -> None:
    markup = 'Save <bpt id="1">&lt;b&gt;</bpt>all<ept id="1">&lt;/b&gt;</ept> <g id="2">now</g>'
    assert [c.shown for c in codes(markup)] == [
        '<bpt id="1">&lt;b&gt;</bpt>', '<ept id="1">&lt;/b&gt;</ept>', '<g id="2">']
    assert native_text("Save all now", markup) == "Save <b>all</b> now"
    assert native_text("plain", None) == "plain"
