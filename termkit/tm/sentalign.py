"""Sentence alignment of a Chinese paragraph with its English translation.

This module owns the aligner: a Gale–Church style dynamic programme over sentence beads
(0–1, 1–0, 1–1, 1–2, 2–1, 1–3, 3–1) whose cost adds three things:

* a **length** term: English characters should be about ``c`` times the Chinese characters,
  where ``c`` is the ratio of the two whole paragraphs (they are translations of each other, so
  the paragraph itself is the best estimate); the deviation is scored as a normal variable
  whose variance grows with the length, as in Gale & Church (1993);
* a **bead prior**: 1–1 is by far the most common; merges are rarer; a Chinese sentence that
  ends in a semicolon is likely to be half of an English sentence (English rarely breaks at
  ``;``), so 2–1 / 3–1 beads that end a Chinese part at a semicolon cost less;
* **dictionary anchors**: numbers and Latin-script words shared by both sides, and Chinese words
  whose CC-CEDICT glosses appear in the English (via :mod:`termkit.lexicon`).

Every link gets a score in 0–1 (length agreement and anchor agreement); links below
``threshold`` are kept and marked ``ok=False`` so callers can flag rather than drop them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Bead shapes (Chinese sentences, English sentences) and their prior costs (-log probability).
# The proportions follow Gale & Church's counts, with 1-3/3-1 much rarer than 1-2/2-1.
_BEADS: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.005),
    (0, 1): -math.log(0.005),
    (2, 1): -math.log(0.045),
    (1, 2): -math.log(0.045),
    (3, 1): -math.log(0.004),
    (1, 3): -math.log(0.004),
}
_SEMICOLON_BONUS = 2.5  # a Chinese part ending in ；/; makes the merge about 12x more likely
_VARIANCE = 6.8  # Gale & Church's variance per character, in Chinese-character units scaled below
_ANCHOR_WEIGHT = 6.0
DEFAULT_THRESHOLD = 0.3

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+#-]*[A-Za-z0-9+#]|[A-Za-z]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_EN_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True, slots=True)
class Link:
    """One alignment bead: Chinese and English sentence indexes, a score, and a verdict."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    ok: bool


@dataclass(slots=True)
class _Side:
    """Per-sentence features computed once."""

    length: float
    latin: set[str]
    numbers: set[str]
    glosses: list[frozenset[str]]  # zh: per content word, the stems of its glosses
    stems: set[str]  # en: stems of the content words


def _zh_features(text: str, lexicon: Any) -> _Side:
    latin = {w.lower() for w in _LATIN.findall(text)}
    numbers = set(_NUMBER.findall(text))
    glosses: list[frozenset[str]] = []
    if lexicon is not None:
        for word in lexicon.segment(_LATIN.sub(" ", text)):
            if len(word) < 2 or not _CJK.match(word):
                continue  # single characters gloss too loosely to be evidence
            words = lexicon.english_words(word)
            if words:
                glosses.append(words)
    length = len(_CJK.findall(text)) + sum(len(w) for w in _LATIN.findall(text)) / 3.0
    return _Side(max(length, 1.0), latin, numbers, glosses, set())


def _en_features(text: str) -> _Side:
    from termkit.lexicon import english_tokens

    latin = {w.lower() for w in _EN_WORD.findall(text)}
    numbers = set(_NUMBER.findall(text))
    stems = {s for _, s in english_tokens(text)}
    length = float(sum(1 for ch in text if not ch.isspace()))
    return _Side(max(length, 1.0), latin, numbers, [], stems | latin)


def _normal_tail(z: float) -> float:
    """Two-sided tail probability of a standard normal deviation ``z``."""
    return math.erfc(abs(z) / math.sqrt(2.0))


def _length_prob(zh_len: float, en_len: float, ratio: float) -> float:
    """Probability that ``en_len`` English characters translate ``zh_len`` Chinese ones."""
    mean = (zh_len + en_len / ratio) / 2.0
    delta = (en_len / ratio - zh_len) / math.sqrt(_VARIANCE * mean / 4.0 + 1e-9)
    return max(_normal_tail(delta), 1e-12)


def _anchor_sim(zh: Sequence[_Side], en: Sequence[_Side]) -> float | None:
    """Share of anchor evidence that agrees, in 0–1; None when neither side has any anchor."""
    en_words: set[str] = set().union(*(s.stems for s in en)) if en else set()
    en_numbers: set[str] = set().union(*(s.numbers for s in en)) if en else set()
    hits = total = 0.0
    for s in zh:
        for w in s.latin:
            total += 1
            hits += w in en_words
        for num in s.numbers:
            total += 1
            hits += num in en_numbers
        for g in s.glosses:
            # Gloss evidence counts half: absent glosses are weak evidence against a link.
            total += 0.5
            hits += 0.5 * bool(g & en_words)
    if total == 0:
        return None
    return hits / total


def align(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    lexicon: Any = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Link]:
    """Align Chinese and English sentences of one paragraph pair; links in order."""
    zs = [_zh_features(t, lexicon) for t in zh]
    es = [_en_features(t) for t in en]
    zsemi = [t.rstrip().rstrip("”’」』）)") .endswith(("；", ";")) for t in zh]
    n, m = len(zs), len(es)
    total_zh = sum(s.length for s in zs) or 1.0
    total_en = sum(s.length for s in es) or 1.0
    ratio = total_en / total_zh if n and m else 3.0
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (di, dj), prior in _BEADS.items():
                if di > i or dj > j or cost[i - di][j - dj] == inf:
                    continue
                c = cost[i - di][j - dj] + _bead_cost(
                    zs[i - di : i], es[j - dj : j], zsemi[i - di : i], ratio, prior
                )
                if c < best:
                    best, arg = c, (di, dj)
            cost[i][j], back[i][j] = best, arg
    links: list[Link] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = back[i][j]
        assert step is not None
        di, dj = step
        score = _link_score(zs[i - di : i], es[j - dj : j], ratio)
        links.append(
            Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), score, score >= threshold)
        )
        i, j = i - di, j - dj
    links.reverse()
    return links


def _bead_cost(
    zh: Sequence[_Side], en: Sequence[_Side], semi: Sequence[bool], ratio: float, prior: float
) -> float:
    if not zh or not en:
        return prior
    c = prior
    if len(zh) > 1 and all(semi[:-1]):
        c -= _SEMICOLON_BONUS
    c -= math.log(_length_prob(sum(s.length for s in zh), sum(s.length for s in en), ratio))
    sim = _anchor_sim(zh, en)
    if sim is not None:
        c += _ANCHOR_WEIGHT * (1.0 - sim)
    return c


def _link_score(zh: Sequence[_Side], en: Sequence[_Side], ratio: float) -> float:
    """0–1: length agreement and (weighted more) anchor agreement; 0 for an unmatched sentence.

    Anchors weigh more because length alone cannot tell a translation from any sentence of
    similar length; shared names, numbers and glossed words can.
    """
    if not zh or not en:
        return 0.0
    length = _length_prob(sum(s.length for s in zh), sum(s.length for s in en), ratio)
    sim = _anchor_sim(zh, en)
    score = length if sim is None else 0.35 * length + 0.65 * sim
    return round(score, 4)
