"""Title-attested keyword variants: a keyword's rendering found in the English title.

Owned by the pairing work. When the English title renders a Chinese keyword differently
from the keyword list (越南外交政策 is "Vietnam diplomacy" among the keywords but "Vietnam's
Foreign Policy" in the title), the title's phrase is a second attested rendering worth
keeping in the glossary. A phrase qualifies when it is a contiguous run of two or more title
content words, all rendering segments of the keyword (in any order), which together render
the whole keyword: a word for every segment, and for a keyword of one segment a whole
translation phrase of it (see :func:`_renders_whole`); words at the ends of such a run
that add nothing to the rendering are left out (:func:`_trimmed`). A single title word is never a variant: a generic word ("risk" in a title about 風險管理)
would make a false rendering.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from termkit.align.evidence import kinds_of
from termkit.align.keys import STRONG, Support, ZhKey, same_family
from termkit.lexicon import STOP_WORDS, Lexicon, stem
from termkit.model import Kind, Pair, Status

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_JOINER = re.compile(r"^[ \t\-‐]*$")  # words of one phrase: spaces or a hyphen between
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# An English coordination inside a title phrase needs a Chinese one (與, 和 …) in the keyword.
_COORDINATORS = frozenset({"and", "or", "nor"})


class _Word:
    __slots__ = ("end", "printed", "start", "stem")

    def __init__(self, m: re.Match[str]) -> None:
        self.start, self.end, self.printed = m.start(), m.end(), m.group(0)
        low = _POSSESSIVE.sub("", self.printed).lower()
        self.stem: str | None = None if low in STOP_WORDS else stem(low)


@functools.lru_cache(maxsize=4096)
def _words(title: str) -> list[_Word]:
    return [_Word(m) for m in _WORD.finditer(title)]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\-‐]", " ", text).casefold().split())


def title_variants(
    title_en: str, paired: Sequence[tuple[ZhKey, str]], lexicon: Lexicon
) -> list[Pair]:
    """Variants ``Pair(zh keyword, title phrase, kind=TITLE)`` differing from the keyword pair."""
    words = _words(title_en)
    out: list[Pair] = []
    for key, rendering in paired:
        if not key.segments or key.latin:
            continue
        if len(key.segments) == 1 and len(key.segments[0]) < 2:
            continue  # a single character is too ambiguous to find in a title
        found = _find(title_en, words, key, lexicon)
        if found is None:
            continue
        phrase, score, evidence = found
        if _norm(phrase) != _norm(rendering):
            out.append(
                Pair(
                    key.text, phrase, score, evidence, Kind.TITLE, Status.ADMITTED,
                    kinds_of(evidence),
                )
            )
    return out


def _find(
    title: str, words: list[_Word], key: ZhKey, lexicon: Lexicon
) -> tuple[str, float, tuple[str, ...]] | None:
    n = len(words)
    coordinated = any(c in key.text for c in "與与和及或並并")
    i = 0
    while i < n:
        start = i
        run: list[tuple[int, int, float]] = []  # (word index, segment, strength)
        j = i
        while j < n:
            if j > start and not _JOINER.match(title[words[j - 1].end : words[j].start]):
                break
            w = words[j]
            if w.stem is not None:
                seg, strength = _best_segment(w.stem, key)
                if strength < STRONG:
                    break
                run.append((j, seg, strength))
            elif not run:
                break  # a phrase does not start with a stop word
            elif w.printed.lower() in _COORDINATORS and not coordinated:
                break  # "Customer Satisfaction and Customer Loyalty" holds two terms
            j += 1
        if len(run) >= 2 and (run := _trimmed(key, run, words)):
            first, last = run[0][0], run[-1][0]
            proper = {wi for wi, seg, _ in run if lexicon.is_proper_noun(key.segments[seg])}
            phrase = _render(title, words, first, last, proper)
            score = round(0.9 * sum(s for _, _, s in run) / len(run), 4)
            evidence = (
                "title",
                *(f"dict:{key.segments[seg]}={words[wi].printed}" for wi, seg, _ in run),
            )
            return phrase, score, evidence
        i = max(j, i + 1)
    return None


def _trimmed(
    key: ZhKey, run: list[tuple[int, int, float]], words: list[_Word]
) -> list[tuple[int, int, float]]:
    """The run without the words at its ends that add nothing to the rendering; empty when
    the run does not render the whole keyword.

    A variant renders the keyword and adds no words around it: in "study on learning
    motivation" both "study" and "learning" render 學習, and the phrase is "learning
    motivation". A word at an end goes when the keyword stays wholly rendered without it and
    no segment loses a whole rendering ("policy" stays in "Vietnam's foreign policy": without
    it 外交政策 would be only "foreign").
    """
    if len(run) < 2 or not _renders_whole(key, run, words):
        return []
    if len(run) == 2:
        return run
    whole = _segments_rendered(key, run, words)
    while len(run) > 2:
        for part in (run[1:], run[:-1]):
            if _renders_whole(key, part, words) and _segments_rendered(key, part, words) >= whole:
                run = part
                break
        else:
            break
    return run


def _stems_by_segment(run: list[tuple[int, int, float]], words: list[_Word]) -> dict[int, set[str]]:
    stems: dict[int, set[str]] = {}
    for wi, seg, _ in run:
        stem = words[wi].stem
        if stem is not None:
            stems.setdefault(seg, set()).add(stem)
    return stems


def _segments_rendered(
    key: ZhKey, run: list[tuple[int, int, float]], words: list[_Word]
) -> set[int]:
    """The segments the run's words render wholly (see :func:`_renders_segment`)."""
    stems = _stems_by_segment(run, words)
    return {seg for seg, found in stems.items() if _renders_segment(key.supports[seg], found)}


def _renders_whole(key: ZhKey, run: list[tuple[int, int, float]], words: list[_Word]) -> bool:
    """True when the run's words render every segment of the keyword.

    A keyword of one segment needs a whole translation phrase of it ("risk management" for
    風險管理, not "risk"); a keyword of several needs a word for each of them.
    """
    stems = _stems_by_segment(run, words)
    if set(stems) != set(range(len(key.segments))):
        return False
    if len(key.segments) > 1:
        return True
    return _renders_segment(key.supports[0], stems[0])


def _renders_segment(sup: Support, found: set[str]) -> bool:
    """The words render the segment wholly: all the words of one of its translation phrases,
    or words of inner words that together make it up (外交 and 政策)."""
    return any(all(_has(found, w, sup) for w in phrase) for phrase in sup.phrases) or (
        sum(sup.share_of(w, 0.0) for w in found) >= 0.99
    )


def _has(found: set[str], word: str, sup: Support) -> bool:
    """A title word renders this gloss word: the same stem, or one of its word family."""
    return word in found or any(sup.match(f) >= STRONG and same_family(f, word) for f in found)


def _best_segment(word_stem: str, key: ZhKey) -> tuple[int, float]:
    best, where = 0.0, -1
    if not key.may_render(word_stem):
        return where, best
    for k, sup in enumerate(key.supports):
        s = sup.match(word_stem)
        if s > best:
            best, where = s, k
    return where, best


def _render(title: str, words: list[_Word], first: int, last: int, proper: set[int]) -> str:
    # Common words lower-case; proper nouns (by CEDICT's capitalized pinyin) and acronyms as
    # printed; the possessive and hyphens as printed.
    parts: list[str] = []
    for k in range(first, last + 1):
        w = words[k]
        keep = k in proper or (len(w.printed) > 1 and w.printed.isupper())
        parts.append(w.printed if keep else w.printed.lower())
        if k < last:
            parts.append(title[w.end : words[k + 1].start])
    return "".join(parts)
