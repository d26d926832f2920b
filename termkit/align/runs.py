"""English keywords printed run together, cut by their Chinese counterparts.

Owned by the pairing work. Some pages print both keyword lists on one line with nothing
between the English keywords (``关键词 新界 六堆 殖民地 New Territories Liudui colony``): the
Chinese ones are set apart by spaces, the English ones are not, and capitals do not tell
where one ends (``colony``, ``construction of identity``). The record readers keep such a
run as one English item (:mod:`termkit.records.keywords`); here it is cut into one group of
words per Chinese keyword, in order (the two lists of one line are parallel), where the
evidence for the pairs (:func:`~termkit.align.score.score_pair`) is highest in total. The
cut is kept only when the evidence supports nearly every group (:func:`tolerated`; most
of them when the run has a word per keyword, which can be cut one way only) and no
run of words across a cut renders a group's Chinese keyword well and better than the group
(a cut through words that render it together), so a single long English keyword beside a
few Chinese ones is left whole.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

from termkit.align.keys import STRONG, EnKey, ZhKey, analyse_en, analyse_zh
from termkit.align.score import score_pair
from termkit.align.structure import TIE
from termkit.lexicon import STOP_WORDS, Lexicon

# A group of words is one keyword: it does not end in a function word, nor start with one
# that joins it to a word before (a preposition, a conjunction); an article may start it.
_OPENERS = frozenset({"the", "a", "an"})
# The longest keyword a group may be, in words.
MAX_WORDS = 8
# Evidence a group needs to count as supported.
SUPPORTED = 0.3
# The weight a cut gives a group whose rendered words stand at the wrong end (_out_of_order).
OUT_OF_ORDER = 0.5


def tolerated(n: int) -> int:
    """Groups of ``n`` that may go without evidence: none of two or three, one of four to
    six, two of seven or more (a Chinese keyword may have no English counterpart)."""
    return (n - 1) // 3


def _may_start(word: str) -> bool:
    low = word.lower()
    return low not in STOP_WORDS or low in _OPENERS or word.isupper()


def _may_end(word: str) -> bool:
    return word.lower() not in STOP_WORDS or word.isupper()


@functools.lru_cache(maxsize=4096)
def cut_run(zh: tuple[str, ...], run: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """:func:`split_run` of Chinese keywords given as text (cached: records repeat)."""
    if len(zh) < 2 or len(run.split()) < len(zh):
        return None
    cut = split_run([analyse_zh(z, lexicon) for z in zh], run)
    return None if cut is None else tuple(cut)


def split_run(zh: list[ZhKey], run: str) -> list[str] | None:
    """The English ``run`` cut into one keyword per Chinese keyword of ``zh`` (in order),
    or None when it cannot be, or the evidence does not support the cut."""
    words = run.split()
    n, w = len(zh), len(words)
    if n < 2 or w < n:
        return None
    scores: dict[tuple[int, int, int], float] = {}

    ordered: dict[tuple[int, int, int], float] = {}

    def score(i: int, start: int, end: int) -> float:
        key = (i, start, end)
        found = scores.get(key)
        if found is None:
            group = analyse_en(" ".join(words[start:end]))
            result = score_pair(zh[i], group)
            found = scores[key] = result.value
            ordered[key] = found * (OUT_OF_ORDER if _out_of_order(zh[i], group, result.evidence)
                                    else 1.0)
        return found

    def in_order(i: int, start: int, end: int) -> float:
        """The evidence of a group as the cut weighs it (see :func:`_out_of_order`)."""
        score(i, start, end)
        return ordered[(i, start, end)]

    # best[i][e]: (total evidence, cut) of the first i Chinese keywords over words[:e].
    none = (-1.0, ())
    best: list[list[tuple[float, tuple[int, ...]]]] = [[none] * (w + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, ())
    for i in range(n):
        for start in range(w):
            total, cut = best[i][start]
            if total < 0 or not _may_start(words[start]):
                continue
            for end in range(start + 1, min(w, start + MAX_WORDS) + 1):
                if not _may_end(words[end - 1]) or (i == n - 1 and end != w):
                    continue
                value = total + in_order(i, start, end)
                if value > best[i + 1][end][0]:
                    best[i + 1][end] = (value, (*cut, end))
    total, cut = best[n][w]
    if total < 0:
        return None
    bounds = (0, *cut)
    groups = list(itertools.pairwise(bounds))
    unsupported = 0
    for i, (a, b) in enumerate(groups):
        value = score(i, a, b)
        if value < SUPPORTED:
            unsupported += 1
        elif (across := _best_across(i, a, b, w, score)) >= STRONG and value < across - TIE:
            # Words that render this keyword well together lie across a cut: "machine |
            # learning and deep learning" is no cut of one keyword "machine learning and
            # deep learning".
            return None
    # As many words as keywords can be cut one way only, a word each: the evidence need
    # only confirm most of the groups (``IoT Blockchain SmartContract``, two of three).
    allowed = tolerated(n) if w > n else max(tolerated(n), (n - 1) // 2)
    if unsupported > allowed:
        return None
    return [" ".join(words[a:b]) for a, b in groups]


def _out_of_order(zh: ZhKey, en: EnKey, evidence: list[str]) -> bool:
    """True if the words of ``en`` that render ``zh`` stand at the other end of the group
    from the segments they render: the group opens with words that render nothing while
    the keyword opens with a rendered segment, or it closes so while the keyword closes
    with one. A compound keeps its order in both languages (性別 不安, "gender dysphoria"),
    so a cut that moves a neighbour's unrendered word to the wrong end of a group
    (``dysphoria gender``) is weighed down: a word the dictionary cannot explain otherwise
    draws the cuts to wherever the rendered words make heads. Groups with a function word
    (``quality of life``) may reverse the order and are not judged."""
    if len(en.words) < 2 or len(zh.segments) < 2 or any(
            printed.lower() in STOP_WORDS for printed, _ in en.words):
        return False
    pairs = [e[5:].split("=", 1) for e in evidence if e.startswith("dict:") and "=" in e]
    rendered_segments = {seg for seg, _ in pairs}
    rendering_words = {word for _, word in pairs}
    hits = [printed in rendering_words for printed, _ in en.words]
    if not any(hits):
        return False
    first, last = zh.segments[0] in rendered_segments, zh.segments[-1] in rendered_segments
    return (first and not hits[0]) or (last and not hits[-1])


def _best_across(i: int, a: int, b: int, w: int, score: Callable[[int, int, int], float]) -> float:
    """The best evidence for Chinese keyword ``i`` of a run of up to :data:`MAX_WORDS` of the
    ``w`` words that holds words of its group ``a``..``b`` and words beyond it (0 if none)."""
    return max(
        (
            score(i, start, end)
            for start in range(max(0, a - MAX_WORDS + 1), b)
            for end in range(max(start, a) + 1, min(w, start + MAX_WORDS) + 1)
            if start < a or end > b
        ),
        default=0.0,
    )
