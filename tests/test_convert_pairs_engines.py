"""Locking pairs (termkit.convert.words.bounding_keys) read alike by every engine.

General words are drawn by Hypothesis over a few characters (not the real list), so the
glossaries meet words that cross their forms' right edges: locking pairs, pairs crossed on
their own right edge (second order), free forms among them, targets with spaces (the compiled
lock's SPECIAL codes), an astral character and a compatibility ideograph (normalization).
Each reading is compared with the reference ``firing()``: look-ups, the automaton in
characters and in UTF-8 bytes, WordMatcher both ways, and the compiled lock's output.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

import termkit.convert.converter as convert_module
from termkit.convert import Converter
from termkit.convert import words as words_module
from termkit.convert.words import WordMatcher, bounding_keys, firing
from termkit.model import Concept, Glossary, Term

# 乾/髮 have one-to-many entries; 𠀋 is astral; U+F91D a compatibility ideograph (欄).
ALPHABET = "東協助盟軟體乾髮a𠀋\uf91d"
TEXT = ALPHABET + " ，\n\ue000"


@contextmanager
def _general(words: frozenset[str], *, lookup_budget: int | None = None,
             fanout: int | None = None) -> Iterator[None]:
    saved = (words_module.general_words, words_module.SMALL, convert_module.LOOKUP_BUDGET,
             convert_module.BYTES_MODE_FANOUT)
    words_module.clear_caches()
    words_module.general_words = lambda: words  # type: ignore[assignment]
    words_module.SMALL = 10**9
    if lookup_budget is not None:
        convert_module.LOOKUP_BUDGET = lookup_budget
    if fanout is not None:
        convert_module.BYTES_MODE_FANOUT = fanout
    try:
        yield
    finally:
        (words_module.general_words, words_module.SMALL, convert_module.LOOKUP_BUDGET,
         convert_module.BYTES_MODE_FANOUT) = saved
        words_module.clear_caches()


def _glossary(forms: list[str], free: list[bool], spaced: list[bool]) -> Glossary:
    concepts = []
    for i, f in enumerate(forms):
        target = f"[ {i}]" if spaced[i] else f"<{i}>"
        concepts.append(Concept(f"c{i}", terms=[Term(f, "zh-Hant-TW"), Term(f, "zh-Hant-HK"),
                                               Term(target, "zh-Hans-CN")],
                                props={"lock-match": "substring"} if free[i] else {}))
    return Glossary(concepts)


def _pairs_of(seeds: list[tuple[str, str, str, str]]) -> tuple[list[str], set[str]]:
    """Forms and general words that make locking pairs: a form ``head + tail``, a form
    ``tail + rest`` that is a general word too (the pair), and a general word crossing that
    pair's right edge (a second-order pair: ``head + tail`` is left)."""
    forms: list[str] = []
    general: set[str] = set()
    for head, tail, rest, after in seeds:
        forms += [head + tail, tail + rest]
        general |= {head, tail + rest, rest + after, rest[1:] + after}
    return forms, general


@settings(max_examples=200, deadline=None)
@given(
    seeds=st.lists(st.tuples(*(st.text(ALPHABET, min_size=n, max_size=m)
                               for n, m in ((2, 3), (1, 2), (1, 2), (1, 2)))), min_size=1, max_size=2),
    more=st.lists(st.text(ALPHABET, min_size=1, max_size=4), max_size=3),
    extra=st.lists(st.text(ALPHABET, min_size=2, max_size=4), max_size=6),
    flags=st.lists(st.tuples(st.booleans(), st.booleans()), min_size=7, max_size=7),
    data=st.data(),
    config=st.sampled_from(["tw2sp", "t2s", "hk2s"]),
)
def test_every_engine_reads_locking_pairs_alike(seeds: list[tuple[str, str, str, str]],
                                                more: list[str], extra: list[str],
                                                flags: list[tuple[bool, bool]], data: st.DataObject,
                                                config: str) -> None:
    made, general = _pairs_of(seeds)
    forms = list(dict.fromkeys(made + more))[:7]
    general = frozenset(w for w in general | set(extra) if words_module._PLAIN_WORD.match(w))
    free = [f and i % 4 == 3 for i, (f, _s) in enumerate(flags[:len(forms)])]
    spaced = [s for _f, s in flags[:len(forms)]]
    g = _glossary(forms, free, spaced)
    with _general(general):
        looked = Converter(config, g, engine="python")
        locks = {f: lk.target for f, lk in looked.locks.items()}
        free_forms = [f for f, lk in looked.locks.items() if lk.free]
        bounding, pairs = bounding_keys(locks, free_forms)
        # texts made of the keys themselves (pairs most), so that they occur and meet
        pieces = sorted({*locks, *general, *bounding, *ALPHABET, " ", "，", "\n", "\ue000"})
        piece = st.sampled_from(sorted(pairs)) | st.sampled_from(pieces) if pairs else st.sampled_from(pieces)
        text = "".join(data.draw(st.lists(piece, max_size=10)))
        expected = firing(locks, bounding, text, pairs)
        assert looked.matches(text) == expected
        matcher = WordMatcher(locks, free_forms)
        assert matcher.matches(text) == [(s, e, text[s:e]) for s, e, _t in expected]
        matcher._budget = -1  # the automaton
        assert matcher.matches(text) == [(s, e, text[s:e]) for s, e, _t in expected]
        compiled = Converter(config, g, engine="opencc")
        built = compiled.compiled_lock() is not None
    with _general(general, lookup_budget=0):
        scanning = Converter(config, g, engine="python")
        assert scanning.matches(text) == expected
    with _general(general, lookup_budget=0, fanout=0):
        in_bytes = Converter(config, g, engine="python")
        assert in_bytes._bytes
        assert in_bytes.matches(text) == expected
    out = looked.convert(text)
    assert scanning.convert(text) == out
    assert in_bytes.convert(text) == out
    if built:
        assert compiled.convert(text) == out
