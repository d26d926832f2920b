"""Romanization tables: Hanyu Pinyin syllables and their Wade-Giles, Tongyong and MPS II forms.

Owns ``data/romanization.tsv`` (one toneless pinyin syllable per row) and the small text
operations on pinyin that the annotator and the name matcher share: separating a tone from a
syllable, converting tone marks to tone numbers, splitting a written word (``quánlì``) into
its syllables, and rendering a syllable in Wade-Giles. Pure Python, no pypinyin import, so the
name matcher stays cheap.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

# Tone-marked vowels -> (plain vowel, tone number).
_TONED: dict[str, tuple[str, int]] = {}
for _plain, _marks in {
    "a": "āáǎà",
    "e": "ēéěè",
    "i": "īíǐì",
    "o": "ōóǒò",
    "u": "ūúǔù",
    "ü": "ǖǘǚǜ",
    "ê": "\u0304\u0301\u030c\u0300",  # ê takes combining marks; handled via NFC below
    "m": "\u0304ḿ\u030c\u0300",
    "n": "\u0304ńňǹ",
}.items():
    for _tone, _mark in enumerate(_marks, start=1):
        if len(_mark) == 1 and not unicodedata.combining(_mark):
            _TONED[_mark] = (_plain, _tone)
COMBINING_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_MARK_FOR = {
    v: {tone: m for m, (p, tone) in _TONED.items() if p == v} for v in "aeiouü"
}
_SEPARATORS = re.compile(r"[\s\-'’]+")
_TONE3_SYLLABLE = re.compile(r"[A-Za-zÜüÊê:]+[0-5]?")
_CONSONANT_ONLY = frozenset({"m", "n", "ng", "hm", "hng"})
_SUPERSCRIPT = str.maketrans("012345", "⁰¹²³⁴⁵")


@cache
def table() -> dict[str, tuple[str, str, str]]:
    """pinyin syllable -> (Wade-Giles, Tongyong, MPS II), from ``data/romanization.tsv``."""
    text = resources.files("termkit").joinpath("data/romanization.tsv").read_text("utf-8")
    rows: dict[str, tuple[str, str, str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("pinyin\t"):
            continue
        pinyin, wg, ty, mps = line.split("\t")
        rows[pinyin] = (wg, ty, mps)
    return rows


def split_tone(syllable: str) -> tuple[str, int]:
    """``"quán"`` -> ``("quan", 2)``; ``"quan2"`` -> ``("quan", 2)``; neutral or none -> tone 5."""
    s = syllable.lower()
    if s and s[-1] in "012345":
        tone = int(s[-1]) or 5
        return s[:-1].replace("v", "ü"), tone
    tone = 5
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in COMBINING_TONES:
            tone = COMBINING_TONES[ch]
            continue
        out.append(ch)
    base = unicodedata.normalize("NFC", "".join(out))
    return base.replace("v", "ü"), tone


def plain(syllable: str) -> str:
    """Toneless form of a syllable with ü kept: ``"lǚ"`` -> ``"lü"``."""
    return split_tone(syllable)[0]


@lru_cache(maxsize=1 << 16)
def ascii_fold(text: str) -> str:
    """Lower case ASCII letters only: diacritics, ü, ê, apostrophes and hyphens dropped."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def mark_tone(base: str, tone: int) -> str:
    """Put the tone mark on the right vowel (a/e first, then the o of ou, else the last vowel)."""
    if tone not in (1, 2, 3, 4):
        return base
    for v in ("a", "e", "ê"):
        if v in base:
            if v == "ê":
                return base.replace("ê", "ê" + "\u0304\u0301\u030c\u0300"[tone - 1])
            return base.replace(v, _MARK_FOR[v][tone], 1)
    if "ou" in base:
        return base.replace("o", _MARK_FOR["o"][tone], 1)
    for i in range(len(base) - 1, -1, -1):
        if base[i] in _MARK_FOR:
            return base[:i] + _MARK_FOR[base[i]][tone] + base[i + 1 :]
    return base


def marked(syllable: str) -> str:
    """Tone-mark form of a syllable in tone numbers or marks: ``yin2`` -> ``yín``, ``lu:4``
    -> ``lǜ`` (a capital is kept: ``Yin2`` -> ``Yín``)."""
    base, tone = split_tone(syllable.replace("u:", "ü").replace("U:", "Ü"))
    out = mark_tone(base, tone)
    return out[:1].upper() + out[1:] if syllable[:1].isupper() else out


def to_tone3(syllable: str) -> str:
    """Tone-number form ``yue4``; the neutral tone gets no number (as pypinyin's TONE3)."""
    base, tone = split_tone(syllable)
    base = base.replace("ü", "v")
    return base if tone == 5 else f"{base}{tone}"


def wade_giles(syllable: str, *, tones: bool = False) -> str:
    """Wade-Giles form of one pinyin syllable (``"xué"`` -> ``"hsüeh"``; with tones ``"hsüeh²"``)."""
    base, tone = split_tone(syllable)
    wg = table().get(base, (base, base, base))[0]
    if tones and tone != 5:
        wg += str(tone).translate(_SUPERSCRIPT)
    return wg


def passport(syllable: str) -> str:
    """Wade-Giles as Taiwan passports write it: no apostrophes, umlauts or breves."""
    return ascii_fold(wade_giles(syllable))


@lru_cache(maxsize=8192)
def spellings(syllable: str) -> frozenset[str]:
    """ASCII-folded spellings of one syllable in pinyin, Wade-Giles, Tongyong and MPS II."""
    base = plain(syllable)
    forms = {ascii_fold(base), base.replace("ü", "v"), base.replace("ü", "yu")}
    row = table().get(base)
    if row:
        forms.update(ascii_fold(f) for f in row)
    return frozenset(f for f in forms if f)


@cache
def _syllable_set() -> frozenset[str]:
    return frozenset(table())


def split_word(word: str, count: int) -> list[str] | None:
    """Split a written pinyin word into exactly ``count`` syllables, keeping its tone marks.

    ``split_word("quánlì", 2)`` -> ``["quán", "lì"]``; ``"Xi'an"`` splits at the apostrophe;
    tone numbers (``"quan2li4"``) end a syllable. None when no split into known syllables exists.
    """
    text = unicodedata.normalize("NFC", word)
    if any(ch.isdigit() for ch in text):
        found = _TONE3_SYLLABLE.findall(text)
        return found if len(found) == count else None
    parts = [p for p in _SEPARATORS.split(text) if p]
    letters = [ch for part in parts for ch in part]
    keys = [plain(ch) for ch in letters]
    bounds: set[int] = set()
    pos = 0
    for part in parts:
        pos += len(part)
        bounds.add(pos)
    cuts = _solve(keys, bounds, _syllable_set(), {}, 0, count)
    if cuts is None:
        return None
    out: list[str] = []
    start = 0
    for cut in cuts:
        out.append("".join(letters[start:cut]))
        start = cut
    return out


def _solve(
    keys: list[str], bounds: set[int], syll: frozenset[str] | set[str],
    memo: dict[tuple[int, int], list[int] | None], i: int, k: int,
) -> list[int] | None:
    # Cut points of a split of keys[i:] into k syllables, longest syllable first. (A module
    # function, not a recursive closure: a closure calling itself is a reference cycle, and
    # builds run without the cycle collector.)
    n = len(keys)
    if i == n:
        return [] if k == 0 else None
    if k == 0 or (i, k) in memo:
        return memo.get((i, k))
    result: list[int] | None = None
    for j in range(min(n, i + 6), i, -1):
        if any(i < b < j for b in bounds):
            continue  # a syllable never spans an apostrophe, hyphen or space
        chunk = "".join(keys[i:j])
        if chunk in _CONSONANT_ONLY and not ((i == 0 or i in bounds) and j in bounds):
            continue  # m, n, ng are interjections: only a whole written word reads so
        if chunk in syll:
            rest = _solve(keys, bounds, syll, memo, j, k - 1)
            if rest is not None:
                result = [j, *rest]
                break
    memo[(i, k)] = result
    return result
