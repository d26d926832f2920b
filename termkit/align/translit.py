"""Names and places as keywords: romanized English keywords matched against Chinese ones.

Owned by the pairing work. Poets, authors, temples, bays and troupes are common keywords, and
their English forms are romanizations the dictionary does not list: ``白萩`` – ``Bai Qiu``,
``郭良蕙`` – ``Kuo Liang-Huai``, ``大鵬灣`` – ``Dapeng Bay``, ``十方大覺寺`` –
``Shifang-Dajue Temple``. Two kinds of evidence:

* **name**: a Chinese keyword that reads as a personal name (a known surname, two to four
  characters) against an English keyword made only of romanized syllables (capitalized, or
  in a keyword printed all in lower case) is scored by
  :func:`termkit.pinyin.names.match_name` (Hanyu Pinyin, Wade-Giles, Tongyong, MPS II, either
  name order, small misspellings);
* **place**: capitalized English words the dictionary does not explain are read as a
  romanization of a run of the Chinese keyword's characters (every reading of every character, in the same four
  systems; at least two syllables, so a single syllable is never taken for a coincidence),
  and the rest of the English must be the dictionary's rendering of the rest of the Chinese —
  typically a generic head (灣 "bay", 寺 "temple", 劇團 "troupe") translated through CC-CEDICT,
  so no list of heads is kept here.
"""

from __future__ import annotations

import functools
import re

from termkit.align.keys import STRONG, EnKey, ZhKey, is_han
from termkit.lexicon import STOP_WORDS, stem

# A romanized word: letters, with hyphens or apostrophes between syllables.
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:[-'’‘][A-Za-zÀ-ÿ]+)*")
_PIECE = re.compile(r"[-'’‘]")
# The score of a full name match (match_name 1.0); a weaker match scales down to NAME_FLOOR.
NAME_FLOOR = 0.5
# How far a romanization is trusted next to a dictionary rendering of the same coverage.
PLACE_FACTOR = 0.95
MIN_SYLLABLES = 2


def _fold(text: str) -> str:
    from termkit.pinyin.romanize import ascii_fold

    return ascii_fold(text)


@functools.lru_cache(maxsize=1 << 16)
def _name_like_zh(text: str) -> bool:
    """Two to four Chinese characters starting with a known surname."""
    if not 2 <= len(text) <= 4 or not all(is_han(c) for c in text):
        return False
    from termkit.pinyin.names import surnames

    table = surnames()
    return text[:1] in table or text[:2] in table


@functools.lru_cache(maxsize=1 << 16)
def _name_like_en(text: str) -> bool:
    """One to four capitalized words, each made of romanized syllables (``Kuo Liang-Huai``);
    or all lower case, as lists printed in lower case give names (``kuo liang-huai``)."""
    from termkit.pinyin.names import is_romanizable

    words = _WORD.findall(text)
    if not 1 <= len(words) <= 4 or len("".join(words)) < len(text.replace(" ", "")) - 2:
        return False
    lower = text.islower()
    return all((lower or w[0].isupper()) and is_romanizable(w) for w in words)


def may_romanize(zh: str, en: str) -> bool:
    """False when no word of the English keyword can be read as a romanization of the
    Chinese one: then :func:`name_score` and :func:`place_score` are 0 for the pair. (A
    name needs a Chinese keyword that reads as one: lower-case English words that split
    into syllables are common, Chinese names among keywords are not.)"""
    if not en.islower():
        return _name_like_en(en) or bool(_en_words(en))
    if " " not in en and "-" not in en:
        return False  # (a name in lower case has its syllables apart: "chen syue", "chen-syue")
    return _name_like_zh(zh) and _name_like_en(en)


def name_score(zh: str, en: str) -> float:
    """0..1 that ``en`` is the romanized personal name ``zh`` (0 when either is no name)."""
    if not _name_like_zh(zh) or not _name_like_en(en):
        return 0.0
    from termkit.pinyin.names import match_name

    best = float(match_name(zh, en))
    words = en.split()
    if len(words) == 1 and "-" in en:
        # "Chen-syue": surname and given name joined by a hyphen in one word.
        best = max(best, float(match_name(zh, en.replace("-", " ", 1))))
    if best < NAME_FLOOR:
        return 0.0
    return round(NAME_FLOOR + (1 - NAME_FLOOR) * best, 4)


def _spell(parts: tuple[str, ...], chars: tuple[frozenset[str], ...], start: int) -> int | None:
    """End of the run of characters from ``start`` whose spellings, one per character, make
    up ``parts`` in order (each part one or more whole syllables), or None."""
    return _spell_from(parts, chars, 0, 0, start)


def _spell_from(
    parts: tuple[str, ...], chars: tuple[frozenset[str], ...], p: int, offset: int, k: int
) -> int | None:
    # :func:`_spell` from part p (its first ``offset`` letters spelled) and character k. (A
    # module function, not a recursive closure: a closure calling itself is a reference
    # cycle, and builds run without the cycle collector.)
    if p == len(parts):
        return k
    if k >= len(chars):
        return None
    rest = parts[p][offset:]
    for form in chars[k]:
        if rest.startswith(form):
            if len(form) == len(rest):
                found = _spell_from(parts, chars, p + 1, 0, k + 1)
            else:
                found = _spell_from(parts, chars, p, offset + len(form), k + 1)
            if found is not None:
                return found
    return None


def _romanized_span(
    parts: tuple[str, ...], chars: tuple[frozenset[str], ...]
) -> tuple[int, int] | None:
    """The first run of characters that ``parts`` romanize, as (start, end)."""
    first = parts[0][:1]
    for start in range(len(chars)):
        if not any(f[:1] == first for f in chars[start]):
            continue
        end = _spell(parts, chars, start)
        if end is not None and end - start >= MIN_SYLLABLES:
            return start, end
    return None


@functools.lru_cache(maxsize=1 << 16)
def _en_words(text: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Content words of an English keyword: (printed, stem, romanization pieces), the pieces
    empty unless every piece of the word is made of known syllables; no words at all when no
    run of romanizable words makes two syllables (nothing could be a romanized name)."""
    from termkit.pinyin.names import fewest_syllables

    out = []
    run = longest = 0
    for word in _WORD.findall(text):
        if word.lower() in STOP_WORDS:
            continue
        # Romanized names are capitalized ("Dapeng Bay", "Xiqu playwriting"); lower-case
        # English words often split into syllables too ("gaze": ga-ze).
        count = fewest_syllables(word) if word[0].isupper() else 0
        run = run + count if count else 0
        longest = max(longest, run)
        pieces = tuple(f for f in (_fold(p) for p in _PIECE.split(word)) if f) if count else ()
        out.append((word, stem(word.lower()), pieces))
    return tuple(out) if longest >= MIN_SYLLABLES else ()


@functools.lru_cache(maxsize=1 << 16)
def _zh_chars(text: str) -> tuple[tuple[int, ...], tuple[frozenset[str], ...], frozenset[str]]:
    """Positions of the Chinese characters of a keyword, their spellings, and all those
    spellings together."""
    from termkit.pinyin.names import char_spellings

    positions = tuple(i for i, c in enumerate(text) if is_han(c))
    chars = tuple(char_spellings(text[i]) for i in positions)
    forms = frozenset(f for spelled in chars for f in spelled)
    return positions, chars, forms


def _may_spell(pieces: tuple[str, ...], forms: frozenset[str]) -> bool:
    """Whether a romanized word can start with a syllable of the keyword (a cheap test
    before the search)."""
    first = pieces[0]
    return any(first[:k] in forms for k in range(1, min(6, len(first)) + 1))


def place_score(zh: ZhKey, en: EnKey) -> tuple[float, list[str]]:
    """Coverage of the pair when English words the dictionary leaves over romanize Chinese
    characters: (score, evidence); (0, []) when no romanization is found."""
    words = _en_words(en.text)
    if not words or not zh.segments:
        return 0.0, []
    text = zh.text
    positions, chars, forms = _zh_chars(text)
    if len(positions) < MIN_SYLLABLES or not any(
        pieces and _may_spell(pieces, forms) for _, _, pieces in words
    ):
        return 0.0, []
    # Each segment's character positions in the keyword, to credit dictionary matches.
    spans: list[range] = []
    cursor = 0
    for seg in zh.segments:
        at = text.find(seg, cursor)
        spans.append(range(at, at + len(seg)) if at >= 0 else range(0))
        cursor = max(cursor, at + len(seg)) if at >= 0 else cursor
    covered: set[int] = set()
    explained = 0
    evidence: list[str] = []
    pending: list[tuple[str, tuple[str, ...]]] = []
    romanized = 0

    def romanize(group: list[tuple[str, tuple[str, ...]]]) -> bool:
        nonlocal explained, romanized
        parts = tuple(p for _, pieces in group for p in pieces)
        if not parts or any(not pieces for _, pieces in group):
            return False
        found = _romanized_span(parts, chars)
        if found is None:
            return False
        start, end = found
        covered.update(positions[start:end])
        explained += len(group)
        romanized += 1
        run = text[positions[start] : positions[end - 1] + 1]
        evidence.append(f"place:{' '.join(w for w, _ in group)}={run}")
        return True

    def flush() -> None:
        # The words the dictionary left over, together ("Tai Ping Shan"), else one by one.
        if pending and not romanize(pending) and len(pending) > 1:
            for item in pending:
                romanize([item])
        pending.clear()

    for word, st, pieces in words:
        best, where = 0.0, -1
        for j, sup in enumerate(zh.supports):
            s = sup.match(st)
            if s > best:
                best, where = s, j
        if best >= STRONG:
            flush()
            covered.update(spans[where])
            explained += 1
            evidence.append(f"dict:{zh.segments[where]}={word}")
        else:
            pending.append((word, pieces))
    flush()
    if not romanized:
        return 0.0, []
    en_cov = explained / len(words)
    zh_cov = len(covered) / len(positions)
    value = PLACE_FACTOR * 2 * en_cov * zh_cov / (en_cov + zh_cov)
    return round(value, 4), evidence
