"""Leftmost-longest matching (termkit.aho) against a brute-force reading, and where it matters.

pyahocorasick's ``iter_long`` misses matches reached through fallback links (see
termkit/aho.py); these tests fail on it: the property test within a few dozen examples, the
check and pinyin tests on the cases of its upstream reports.
"""

from __future__ import annotations

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.aho import leftmost_longest
from termkit.check.matching import ChineseMatcher, EnglishMatcher


def brute_force(keys: set[str], text: str) -> list[tuple[int, str]]:
    """Scan left to right; at each place take the longest key starting there."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        best = max((k for k in keys if text.startswith(k, i)), key=len, default="")
        if best:
            out.append((i + len(best) - 1, best))
            i += len(best)
        else:
            i += 1
    return out


def automaton(keys: set[str]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for k in keys:
        auto.add_word(k, k)
    auto.make_automaton()
    return auto


@settings(max_examples=400, deadline=None)
@given(st.sets(st.text("ab", min_size=1, max_size=4), min_size=1, max_size=5), st.text("abc", max_size=10))
def test_leftmost_longest_is_the_brute_force_reading(keys: set[str], text: str) -> None:
    assert leftmost_longest(automaton(keys).iter(text), len) == brute_force(keys, text)


def test_the_upstream_cases_that_iter_long_misses() -> None:
    for keys, text in [({"file", "open file now"}, "open file"),
                       ({"檔案", "開啟檔案夾"}, "請開啟檔案"),
                       ({"bbaa", "a", "bab"}, "abba")]:
        expected = brute_force(keys, text)
        assert leftmost_longest(automaton(keys).iter(text), len) == expected
        assert list(automaton(keys).iter_long(text)) != expected  # the bug this works around


def test_check_matchers_find_a_term_at_the_end_of_a_text() -> None:
    # A glossary with a term and a longer one starting like it: the text ends inside the
    # longer one, so only fallback links reach the shorter term.
    zh = ChineseMatcher([("檔案", 1), ("開啟檔案夾", 2)])
    assert [(m.start, m.end) for m in zh.longest("請開啟檔案")] == [(3, 5)]
    en = EnglishMatcher([("file", 1), ("open file now", 2)])
    assert [(m.start, m.end) for m in en.longest("Please open file")] == [(12, 16)]
    assert en.longest_spans("Please open file") == [(12, 16, (1,))]


def test_glossary_readings_find_a_term_at_the_end_of_a_text() -> None:
    from termkit.pinyin.glossary_readings import GlossaryReadings

    readings = GlossaryReadings()
    assert readings.add("銀行", "yínháng") and readings.add("銀行卡號", "yínhángkǎ hào")
    assert readings.matches("去銀行") == [(1, 3)]
    assert readings.matches("去銀行卡號") == [(1, 5)]
