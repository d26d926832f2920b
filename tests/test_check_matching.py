"""The term matchers and the script test, on hand-picked cases and random variations."""

from __future__ import annotations

import itertools

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.check.matching import ChineseMatcher, EnglishMatcher, fold_zh, tokens
from termkit.check.script import foreign_positions

EN = EnglishMatcher(
    [("balance of power", 1), ("power", 2), ("policy", 3), ("WHO", 4), ("e-mail", 5), ("C++", 6)]
)


def spans(text: str, matcher: EnglishMatcher | ChineseMatcher = EN) -> list[tuple[int, str]]:
    return [(m.key, text[m.start : m.end]) for m in matcher.longest(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Balance of Power in Asia", [(1, "Balance of Power")]),
        ("balances of power", [(1, "balances of power")]),
        ("the balance-of-power strategy", [(1, "balance-of-power")]),
        ("Vietnam's balance of power's logic", [(1, "balance of power's")]),
        ("BALANCE OF POWER", [(1, "BALANCE OF POWER")]),
        ("foreign policies", [(3, "policies")]),
        ("a powerful empowerment", []),  # never inside other words
        ("superpowers", []),
        ("who said so", []),  # a glossary term in capitals is an acronym: case matters
        ("the WHO's report", [(4, "WHO's")]),
        ("send an e mail or an E-Mail", [(5, "e mail"), (5, "E-Mail")]),
        ("written in C++ and C", [(6, "C++")]),
        ("written in C and more", []),
    ],
)
def test_english_matching(text: str, expected: list[tuple[int, str]]) -> None:
    assert spans(text) == expected


def test_english_all_includes_overlaps() -> None:
    found = sorted((m.key, m.start, m.end) for m in EN.all("the balance of power"))
    assert found == [(1, 4, 20), (2, 15, 20)]


def test_tokens_keep_offsets() -> None:
    text = "Power's balance-of-power"
    for norm, _caps, start, end in tokens(text):
        assert text[start:end].lower().startswith(norm[:3])


ZH = ChineseMatcher([("權力平衡", 1), ("现实主义", 2), ("外交", 3), ("外交政策", 4)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("越南的權力平衡策略", [(1, "權力平衡")]),
        ("越南的权力平衡策略", [(1, "权力平衡")]),
        ("现實主義與權力平衡", [(2, "现實主義"), (1, "權力平衡")]),
        ("越南外交政策", [(4, "外交政策")]),  # longest match wins
        ("外交部", [(3, "外交")]),  # Chinese has no word boundaries
        ("", []),
    ],
)
def test_chinese_matching_in_either_script(text: str, expected: list[tuple[int, str]]) -> None:
    assert spans(text, ZH) == expected


def test_folding_keeps_offsets_and_agrees_with_opencc() -> None:
    text = "權力平衡與現實主義：越南外交政策的變化"
    folded = fold_zh(text)
    assert len(folded) == len(text)
    # OpenCC's own t2s (phrase-aware) gives the same text here: no ambiguous characters.
    assert folded == opencc.OpenCC("t2s.json").convert(text)


@pytest.mark.parametrize(
    ("text", "script", "region", "expected"),
    [
        ("亞洲的权力平衡", "Hant", "TW", [3]),
        ("亞洲的權力平衡", "Hant", "TW", []),
        ("台灣的皇后與後來", "Hant", "TW", []),  # 台, 后 are shared by both scripts
        ("这是台湾", "Hant", None, [0, 3]),
        ("亚洲的權力平衡", "Hans", "CN", [3]),
        ("亚洲的权力平衡", "Hans", "CN", []),
        ("乾隆年间", "Hans", "CN", []),  # 乾 is right in this Simplified word
        ("English only", "Hant", "TW", []),
    ],
)
def test_foreign_positions(text: str, script: str, region: str | None, expected: list[int]) -> None:
    assert foreign_positions(text, script, region) == expected


_word = st.sampled_from(["the", "of", "Asia", "in", "and", "a", "new", "strategy", "Vietnam"])


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(_word, max_size=4),
    after=st.lists(_word, max_size=4),
    sep=st.sampled_from([" ", "-", "  "]),
    plural=st.booleans(),
    upper=st.booleans(),
)
def test_term_found_in_any_variation(
    before: list[str], after: list[str], sep: str, plural: bool, upper: bool
) -> None:
    term = f"balance{'s' if plural else ''}{sep}of{sep}power"
    if upper:
        term = term.upper()
    text = " ".join([*before, term, *after])
    found = [(m.key, text[m.start : m.end]) for m in EN.longest(text)]
    assert (1, term) in found


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("權力平衡权外交政策部的與 ")), max_size=20))
def test_chinese_matches_are_real_occurrences(text: str) -> None:
    forms = {1: "权力平衡", 2: "现实主义", 3: "外交", 4: "外交政策"}
    for m in ZH.longest(text):
        assert fold_zh(text[m.start : m.end]) == forms[m.key]


# Forms with a character beyond the BMP (𠀀, U+20000), a Latin letter and a space.
ZH_WIDE = ChineseMatcher([("權力", 1), ("力平衡", 2), ("平衡", 3), ("𠀀國", 4), ("A 股", 5), ("衡", 6)])
_ALPHABET = "權权力平衡國国𠀀A 股的。x"


def _reference(matcher: ChineseMatcher, text: str) -> list[tuple[int, int, int]]:
    """Every occurrence of every folded form in the folded text, by str.find."""
    folded = fold_zh(text)
    out = []
    for form in matcher.folded_forms():
        i = folded.find(form)
        while i >= 0:
            out.extend((k, i, i + len(form)) for k in matcher.keys_of(form))
            i = folded.find(form, i + 1)
    return sorted(out)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=25))
def test_encoded_chinese_matching_finds_every_occurrence(text: str) -> None:
    # Forms as two code points a character (and the plain automaton for texts beyond the
    # BMP) find what a plain search finds, at the same offsets.
    got = sorted((m.key, m.start, m.end) for m in ZH_WIDE.all(text))
    assert got == _reference(ZH_WIDE, text)
    assert ZH_WIDE.occurs(text) is bool(got)
    firsts = {}
    for k, s, e in sorted(got, key=lambda x: (x[2], x[0])):
        firsts.setdefault(k, (s, e))
    assert ZH_WIDE.present(text) == firsts
    longest = [(m.key, m.start, m.end) for m in ZH_WIDE.longest(text)]
    assert [(s, e, (k,)) for k, s, e in longest] == ZH_WIDE.longest_spans(text)
    # leftmost-longest: no overlap, and each place is the longest form starting there
    for (_, _, e1), (_, s2, _) in itertools.pairwise(longest):
        assert e1 <= s2
    for _k, s, e in longest:
        assert all(not (s2 == s and e2 > e) for _, s2, e2 in got)
