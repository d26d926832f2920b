"""Shortcuts the pairing takes for speed (#11) must not change an answer.

* A segment's Support looks up the gloss words of its characters when asked; it must answer
  exactly as the maps built eagerly before did.
* A candidate pair with nothing in common scores 0 at once (:func:`score_pair`): on every
  pair it does so for, each kind of evidence must indeed find nothing.

The reference below is the earlier construction: every character's gloss words copied into
the strength map (CHAR) and the share map (1/n of the segment), then the words of inner
dictionary words and of the segment's own glosses over them. Both are asked the same stems
in the same order (a Support memoizes its answers, and an answer may depend on what was
asked before), on the segments of the dev records' Chinese keywords.
"""

from __future__ import annotations

import random

import pytest

from termkit.align.keys import (
    CHAR,
    EXACT,
    FUNCTION_CHARS,
    INNER,
    IRREGULAR,
    MORPH,
    PREFIX,
    analyse_en,
    analyse_zh,
    build_support,
    equivalents,
    gloss_abbreviations,
    other_forms,
    same_family,
    silent_e,
)
from termkit.align.score import coverage, score_pair
from termkit.align.spelling import spelling_variants
from termkit.align.translit import may_romanize, name_score, place_score
from termkit.lexicon import Lexicon, get_lexicon
from tests.devrecords import load_all_dev


class _Eager:
    """The earlier Support: strength and share maps holding every word up front."""

    def __init__(self, lexicon: Lexicon, segment: str) -> None:
        phrases, explained = equivalents(lexicon, segment)
        direct = {w for p in phrases for w in p}
        cited = set(gloss_abbreviations(g for e in lexicon.lookup(segment) for g in e.glosses))  # "... (COPD)"
        closed = {"".join(p) for p in phrases if len(p) > 1}  # "hot spot" as "hotspot"
        inner_closed: set[str] = set()
        inner: set[str] = set()
        chars: set[str] = set()
        share: dict[str, float] = {}
        n = len(segment)
        if n > 1:
            for size in range(n - 1, 1, -1):
                for i in range(n - size + 1):
                    sub = segment[i : i + size]
                    if sub in lexicon:
                        for p in equivalents(lexicon, sub)[0]:
                            inner.update(p)
                            for w in p:
                                share.setdefault(w, size / n)
                            if len(p) > 1:
                                inner_closed.add("".join(p))
                                share.setdefault("".join(p), size / n)
            for ch in segment:
                if ch not in FUNCTION_CHARS:
                    words = lexicon.english_words(ch)
                    chars |= words
                    for w in words:
                        share.setdefault(w, 1 / n)
        inner -= direct
        by_prefix: dict[str, list[str]] = {}
        for word in sorted(direct | inner):  # closed compounds are no word family's stem
            if len(word) >= 5:
                by_prefix.setdefault(word[:PREFIX], []).append(word)
        direct |= closed | cited
        inner = (inner | inner_closed) - direct
        chars |= explained
        chars -= direct | inner
        for w in direct:
            share.pop(w, None)
        self.strength = dict.fromkeys(chars, CHAR)
        self.strength.update(dict.fromkeys(inner, INNER))
        self.strength.update(dict.fromkeys(direct, EXACT))
        self.share = share
        self.by_prefix = by_prefix
        self.asked: set[str] = set()

    def _family(self, stem: str, forms: tuple[str, ...]) -> str | None:
        for form in (stem, *forms):
            for cand in self.by_prefix.get(form[:PREFIX], ()):
                if same_family(form, cand):
                    return cand
        return None

    def match(self, stem: str) -> float:
        if stem in self.asked:
            return self.strength[stem]
        self.asked.add(stem)
        found = self.strength.get(stem)
        forms = other_forms(stem)
        if found is None:
            found = 0.0
            other = IRREGULAR.get(stem)
            spelled = next((f for f in forms if self.strength.get(f)), None)
            if other is not None and other in self.strength:
                found = self.strength[other]
            elif spelled is not None:
                found = self.strength[spelled]
                if spelled in self.share:
                    self.share[stem] = self.share[spelled]
            elif len(stem) >= 5 and (cand := self._family(stem, forms)) is not None:
                found = MORPH
                if cand in self.share:
                    self.share[stem] = self.share[cand]
        elif found < MORPH and len(stem) >= 5 and (cand := self._family(stem, forms)):
            # a character's word of the family of the segment's own or inner words
            found = MORPH
            self.share[stem] = self.share.get(cand, 1.0)
        self.strength[stem] = found
        return found

    def cover(self, stem: str) -> float:
        return self.match(stem) * self.share.get(stem, 1.0)


def _segments() -> list[str]:
    lexicon = get_lexicon()
    found: dict[str, None] = {}
    for rec in load_all_dev():
        for keyword in rec["keywords_zh"]:
            for seg in lexicon.segment(keyword):
                if len(seg) > 1 or seg in lexicon:
                    found[seg] = None
    return list(found)


def _asked(lexicon: Lexicon, segment: str, rng: random.Random) -> list[str]:
    """Stems to ask: the segment's own, inner and character gloss words, their irregular
    forms and word-family neighbours, and words of other segments, shuffled."""
    words = set(w for p in equivalents(lexicon, segment)[0] for w in p)
    words |= equivalents(lexicon, segment)[1]
    for ch in segment:
        words |= lexicon.english_words(ch)
    for i in range(len(segment) - 1):
        words |= lexicon.english_words(segment[i : i + 2])
    for sub in {segment, *(segment[i : i + 2] for i in range(len(segment) - 1))}:
        words |= {"".join(p) for p in equivalents(lexicon, sub)[0] if len(p) > 1}
    words |= {IRREGULAR[w] for w in words if w in IRREGULAR}
    words |= {f for w in list(words) for f in spelling_variants(w)}  # behaviour, centre
    words |= {e for w in list(words) if (e := silent_e(w)) is not None}  # nurs(ing), nurse
    words |= set(gloss_abbreviations(g for e in lexicon.lookup(segment) for g in e.glosses))
    words |= {w + suffix for w in list(words) for suffix in ("al", "ity", "s") if len(w) >= 4}
    others = sorted(set().union(*(lexicon.english_words(ch) for ch in "人學大國生活心")))
    words |= set(rng.sample(others, min(8, len(others))))
    asked = sorted(words)
    rng.shuffle(asked)
    return asked


@pytest.mark.parametrize("part", range(4))
def test_support_answers_as_the_eager_maps(part: int) -> None:
    lexicon = get_lexicon()
    segments = _segments()[part::4]
    assert len(segments) > 100
    rng = random.Random(part)
    checked = 0
    for segment in segments:
        lazy, eager = build_support(lexicon, segment), _Eager(lexicon, segment)
        for stem in _asked(lexicon, segment, rng):
            assert lazy.match(stem) == eager.match(stem), (segment, stem)
            assert lazy.cover(stem) == eager.cover(stem), (segment, stem)
            for default in (0.0, 1.0):
                assert lazy.share_of(stem, default) == eager.share.get(stem, default), (segment, stem)
            checked += 1
    assert checked > 5000


def test_pairs_with_nothing_in_common_have_no_evidence() -> None:
    lexicon = get_lexicon()
    records = load_all_dev()
    zh = [analyse_zh(z, lexicon) for r in records for z in r["keywords_zh"]]
    en = [analyse_en(e) for r in records for e in r["keywords_en"]]
    rng = random.Random(11)
    pairs = [(z, e) for z in zh for e in rng.sample(en, 40)]
    shortcut = 0
    for z, e in pairs:
        if (not z.latin and e.acronym is None and not e.capitals
                and z.shares_nothing(e.stems, e.stem_prefixes) and not may_romanize(z.text, e.text)):
            shortcut += 1
            # (No Latin token on the Chinese side: no Latin evidence, nor an acronym in it.)
            assert coverage(z, e) == (0.0, [])
            assert name_score(z.text, e.text) == 0.0 and place_score(z, e) == (0.0, [])
            score = score_pair(z, e)
            assert (score.value, score.evidence, score.dictionary) == (0.0, [], 0.0)
    # Most candidates take the shortcut, and some do not (they share something).
    assert len(pairs) * 0.5 < shortcut < len(pairs)
