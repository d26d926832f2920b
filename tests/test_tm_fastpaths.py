"""The import fast paths give exactly what the plain definitions give.

The import computes trigrams from runs of characters, hashes two-sided units without a sort,
picks the source side without generators and pauses the garbage collector; each is checked
here against the straightforward definition written out in the test (regular expressions over
the whole text, blake2b of the documented string), on random and real-looking text.
"""

from __future__ import annotations

import gc
import hashlib
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.model import Unit, Variant
from termkit.tm.fold import ANCHOR_RATE, SHORT, TINY, zh_tokens
from termkit.tm.store import open_store, unit_hash

_RUN = "\u3400-\u4dbf\u4e00-\u9fffa-z0-9\uf900-\ufaff"
_TEXT = st.text(alphabet=st.sampled_from(list("abz0159 ,。测试記憶體节点容器\u3400\uf900\u4e00\u9fff")),
                max_size=90)


def _anchor(c: str) -> bool:
    return ((ord(c) * 2654435761) >> 13) % ANCHOR_RATE == 0


def _reference_tokens(text: str) -> list[str]:
    grams = re.findall(f"(?=([{_RUN}]{{3}}))", text)
    if len(grams) > SHORT:
        grams = [g for g in grams if _anchor(g[0])] + re.findall("[0-9]+", text)
    if len(text) <= TINY:
        grams += re.findall(f"(?=([{_RUN}]{{2}}))", text)
    return grams


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_index_tokens_match_the_definition(text: str) -> None:
    assert zh_tokens(text) == _reference_tokens(text)


def test_index_tokens_of_a_long_segment() -> None:
    text = "kubernetes是一个可移植的、可扩展的开源平台，用于管理容器化的工作负载和服务，方便进行声明式配置和自动化。"
    tokens = zh_tokens(text)
    assert tokens == _reference_tokens(text)
    assert 0 < len(tokens) < len(re.findall(f"(?=([{_RUN}]{{3}}))", text))  # anchored only
    numbered = text + "第2402项"
    assert zh_tokens(numbered) == _reference_tokens(numbered)
    assert "2402" in zh_tokens(numbered)  # each number is a token of its own


def _reference_hash(unit: Unit) -> int:
    parts = sorted(f"{v.lang}\x1f{v.text}\x1f{v.markup or ''}" for v in unit.variants)
    text = f"{unit.source_lang or ''}\x1d" + "\x1e".join(parts)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["en", "zh-Hans", "zh-Hant-TW", "de"]), _TEXT,
                          st.none() | st.just("<b/>")), min_size=1, max_size=4),
       st.none() | st.sampled_from(["en", "zh-Hans", "fr"]))
def test_unit_hash_matches_the_definition(sides: list[tuple[str, str, str | None]],
                                          source_lang: str | None) -> None:
    unit = Unit(None, [Variant(lang, text, markup) for lang, text, markup in sides], source_lang)
    assert unit_hash(unit) == _reference_hash(unit)


def test_source_side_and_gc_state(tmp_path: Path) -> None:
    # The source side decides the conflict key: "节点" stored twice as the source with two
    # different targets is a conflict, whichever order the sides come in and whether the
    # source language matches a side exactly or by family only.
    units = [
        Unit("a", [Variant("en", "node"), Variant("zh-Hans", "节点")], "zh"),
        Unit("b", [Variant("zh-Hans", "节点"), Variant("en", "node point")], "zh-Hans"),
        Unit("c", [Variant("en", "pod"), Variant("zh-Hans", "容器组")], "en"),
        Unit("d", [Variant("zh-Hans", "豆荚"), Variant("en-US", "pod")], "en"),
    ]
    assert gc.isenabled()
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        report = store.import_units(units, batch_size=2)
        assert gc.isenabled()  # paused per batch, restored afterwards
        gc.disable()
        try:
            store.import_units([Unit("e", [Variant("en", "x"), Variant("de", "y")], "en")])
            assert not gc.isenabled()  # a disabled collector stays disabled
        finally:
            gc.enable()
    assert report.added == 4
    assert sorted((c.source_lang, c.source, sorted(c.targets)) for c in report.conflicts) == [
        ("en", "pod", ["容器组", "豆荚"]),
        ("zh-Hans", "节点", ["node", "node point"]),
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=40), max_size=6))
def test_word_counts_match_the_word_tokens(texts: list[str]) -> None:
    from collections import Counter

    from termkit.tm.fold import word_tokens
    from termkit.tm.index import Postings

    post = Postings()
    for i, t in enumerate(texts):
        post.add(i, t, False)
    assert post.counts()[1] == Counter(w for t in texts for w in word_tokens(t))
