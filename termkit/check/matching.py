"""Term matchers for the checks: Chinese (script-folded, no word boundaries) and English.

Both matchers compile every glossary form into one Aho–Corasick automaton (pyahocorasick,
compiled code), so a unit costs one pass over its text whatever the size of the glossary.

* **Chinese**: text and terms are folded to Simplified with a per-character table derived
  once from OpenCC ``t2s``. A character table (rather than OpenCC's phrase conversion) keeps
  every offset in place and folds a term and the text around it the same way, so 權力平衡
  matches 权力平衡 and 權力平衡 alike. No word boundaries: Chinese has none.
* **English**: text is cut into word tokens (letters and digits; hyphens, spaces, apostrophes
  and sentence punctuation separate; symbols such as ``( [ \\ + ^`` are tokens of their own,
  so ``unbalanced (`` and ``unbalanced [`` stay different terms), each token is lower-cased, loses a possessive ``'s`` and
  is reduced by a light plural/third-person rule (``balances`` -> ``balance``,
  ``policies`` -> ``policy``). Case is ignored except for glossary terms written in capitals
  (``WHO``, ``FILE``): those are acronyms or symbols and match only text in capitals, so
  ``WHO`` does not fire on "who". Each glossary token becomes a pair of private characters,
  any other token a pair of separators, and the automaton runs over that token string, so a match always starts
  and ends on word boundaries (``power`` never matches inside ``powerful``) and
  ``balance-of-power`` equals ``balance of power``.

Matches carry the key of the form (an integer) and the span in the original text.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from itertools import accumulate
from typing import Any, NamedTuple

from termkit.aho import leftmost_longest

# Each English token of the glossary stands as two code points in the encoded token string:
# a "high" one from plane 15 and a "low" one from plane 16 (private use; real text never
# reaches the encoded string). pyahocorasick looks a node's children up one by one, so one
# code point per token (thousands of children at the root) made every step slow; two code
# points of about the square root of the vocabulary each keep every node small. Any other
# word is two separators, so token i always sits at offsets 2i and 2i + 1, and a key (high
# code first, low code last) can only match whole tokens.
_HIGH_BASE = 0xF0000
_LOW_BASE = 0x100000
_SEPARATOR = "\x01\x01"
_MEMO_SIZE = 200_000

_HAN_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
)

# A word (letters/digits), or one symbol that carries meaning in a term ("Unmatched ( or \(",
# "C++"). Sentence punctuation, hyphens, apostrophes and slashes only separate words.
_WORD = re.compile(r"[^\W_]+(?:['’][sS](?![^\W_]))?|[^\w\s\-'’.,;:!?\"“”‘/]", re.UNICODE)
_HAN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _HAN_RANGES) + "]")
# The same cut as one capturing group: ``split`` gives the words (odd items) and, from the
# lengths of all items, their offsets, in one C-level pass over the text.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})", re.UNICODE)


class Match(NamedTuple):
    """One term occurrence: the key of the matched form and its span in the original text."""

    key: int
    start: int
    end: int


# ``Match`` from a ``(key, start, end)`` tuple without the Python-level ``__new__`` of a named
# tuple: the matchers make hundreds of thousands of them.
new_match = functools.partial(tuple.__new__, Match)


# --------------------------------------------------------------------------- Chinese folding


def _size(value: tuple[int, tuple[int, ...]]) -> int:
    """The length of a match from its automaton value ``(length, keys)``."""
    return value[0]


def convert(text: str, config: str) -> str:
    """OpenCC conversion (``t2s``, ``s2t`` …) with the process's converter
    (:mod:`termkit.scriptconv`)."""
    from termkit import scriptconv

    return scriptconv.convert(config, text)


def _han_chars() -> list[str]:
    return [chr(cp) for a, b in _HAN_RANGES for cp in range(a, b + 1)]


@functools.cache
def char_table(config: str) -> dict[int, int]:
    """Single-character mapping of an OpenCC config over all Han characters (changed ones only)."""
    chars = _han_chars()
    # One OpenCC call over newline-separated characters: no phrase crosses a newline.
    converted = convert("\n".join(chars), config).split("\n")
    table: dict[int, int] = {}
    if len(converted) != len(chars):  # pragma: no cover - defensive: OpenCC kept lines apart
        return table
    for c, d in zip(chars, converted, strict=True):
        if d != c and len(d) == 1:
            table[ord(c)] = ord(d)
    return table


def fold_zh(text: str) -> str:
    """Fold Chinese text to Simplified, character by character (offsets unchanged)."""
    return text.translate(char_table("t2s"))


def has_han(text: str) -> bool:
    """True when ``text`` contains at least one Han character."""
    return _HAN.search(text) is not None


# --------------------------------------------------------------------------- English tokens


def stem(token: str) -> str:
    """The light normal form of one lower-case English word (plural, 3rd person)."""
    n = len(token)
    if n > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if n > 4 and token.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return token[:-2]
    if n > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _caps(word: str) -> str | None:
    """``WTO`` / ``URLs`` -> ``^WTO`` / ``^URL``: the key of a word written in capitals."""
    if len(word) >= 2 and word.isupper():
        return "^" + word
    if len(word) >= 3 and word.endswith("s") and word[:-1].isupper():
        return "^" + word[:-1]
    return None


def classify(word: str) -> tuple[str, str]:
    """``(normal form, capitals key or "")`` of one token as :data:`_WORD` cuts it."""
    if not word[0].isalnum():
        return word, ""
    if word[-2:-1] in ("'", "’"):  # possessive kept with its word: power's, WHO's
        word = word[:-2]
    return stem(word.lower()), _caps(word) or ""


def tokens(text: str) -> list[tuple[str, str, int, int]]:
    """Word tokens of ``text`` as ``(normal form, capitals key or "", start, end)``.

    The normal form is lower-cased and stemmed; the capitals key is set for words written in
    capitals (acronyms, metavariables), which a glossary term in capitals must match exactly.
    """
    return [(*classify(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


# --------------------------------------------------------------------------- matchers


class ChineseMatcher:
    """All given Chinese forms in one automaton over script-folded text.

    pyahocorasick looks a node's children up one by one, and a glossary's forms start with
    thousands of different characters: the root alone made each character of a text cost
    microseconds. So, as for English, every character the forms use stands as two code points
    of about the square root of that alphabet each (planes 15 and 16), any other character of
    the Basic Multilingual Plane as two separators; one ``str.translate`` by a table indexed by
    code point folds and encodes a text, and character ``i`` sits at offsets ``2i, 2i + 1``.
    A text with a character beyond that plane (rare) is read by a plain automaton over the
    folded text instead, built when first needed.
    """

    def __init__(self, forms: Iterable[tuple[str, int]]) -> None:
        """``forms``: ``(term text, key)`` pairs; several keys may share one folded form."""
        import ahocorasick  # lazy: compiled extension

        self._keys: dict[str, list[int]] = {}
        for text, key in forms:
            folded = fold_zh(text.strip())
            if folded:
                self._keys.setdefault(folded, []).append(key)
        alphabet = sorted({c for folded in self._keys for c in folded})
        base = math.isqrt(len(alphabet)) + 1
        code = {c: chr(_HIGH_BASE + i // base) + chr(_LOW_BASE + i % base)
                for i, c in enumerate(alphabet)}
        # Per BMP code point: the code of its folded character, else two separators.
        fold = char_table("t2s")
        table = [_SEPARATOR] * 0x10000
        for cp in {*fold, *(ord(c) for c in alphabet)}:
            if cp < 0x10000:
                table[cp] = code.get(chr(fold.get(cp, cp)), _SEPARATOR)
        self._table = tuple(table)
        self._auto: Any = ahocorasick.Automaton()
        for folded, keys in self._keys.items():
            self._auto.add_word("".join([code[c] for c in folded]), (len(folded), tuple(keys)))
        self._plain: Any = None  # over folded text, for texts beyond the BMP
        self._empty = not self._keys
        if not self._empty:
            self._auto.make_automaton()

    def _plain_automaton(self) -> Any:
        if self._plain is None:
            import ahocorasick

            self._plain = ahocorasick.Automaton()
            for folded, keys in self._keys.items():
                self._plain.add_word(folded, (len(folded), tuple(keys)))
            self._plain.make_automaton()
        return self._plain

    def _hits(self, text: str, method: str) -> list[tuple[int, tuple[int, tuple[int, ...]]]]:
        """``(end index, (length, keys))`` of every match (``method`` ``"iter"``) or of the
        leftmost-longest ones (``"longest"``) over ``text``, in characters of the text (as an
        automaton over the folded text gives them)."""
        encoded = text.translate(self._table)
        if len(encoded) != 2 * len(text):  # a character beyond the BMP
            hits = list(self._plain_automaton().iter(fold_zh(text)))
        else:
            hits = [(end >> 1, value) for end, value in self._auto.iter(encoded)]
        return leftmost_longest(hits, _size) if method == "longest" else hits

    def fold(self, text: str) -> str:
        """The folded text the forms are matched in."""
        return fold_zh(text)

    def folded_forms(self) -> list[str]:
        """The folded forms the automaton holds."""
        return list(self._keys)

    def keys_of(self, folded: str) -> list[int]:
        """The keys of one folded form (empty when it is not one)."""
        return self._keys.get(folded, [])

    def longest(self, text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping matches."""
        if self._empty:
            return []
        return [new_match((k, end + 1 - length, end + 1))
                for end, (length, keys) in self._hits(text, "longest") for k in keys]

    def longest_spans(self, text: str) -> list[tuple[int, int, tuple[int, ...]]]:
        """:meth:`longest` as ``(start, end, keys)``, one item per place (the term checks)."""
        if self._empty:
            return []
        return [(end + 1 - length, end + 1, keys)
                for end, (length, keys) in self._hits(text, "longest")]

    def occurs(self, text: str) -> bool:
        """True when some form occurs in ``text`` (the automaton stops at the first)."""
        if self._empty:
            return False
        encoded = text.translate(self._table)
        if len(encoded) != 2 * len(text):
            return next(self._plain_automaton().iter(fold_zh(text)), None) is not None
        return next(self._auto.iter(encoded), None) is not None

    def present(self, text: str) -> dict[int, tuple[int, int]]:
        """Every key found (overlaps included) with the span of its first occurrence."""
        if self._empty:
            return {}
        hits = self._hits(text, "iter")
        if not hits:
            return {}
        hits.reverse()  # a key's first occurrence is written last and stays
        return {k: (end + 1 - length, end + 1) for end, (length, keys) in hits for k in keys}

    def all(self, text: str) -> list[Match]:
        """Every match, overlapping ones included."""
        if self._empty:
            return []
        return [new_match((k, end + 1 - length, end + 1))
                for end, (length, keys) in self._hits(text, "iter") for k in keys]


class EnglishMatcher:
    """All given English forms in one automaton over token strings (see module docstring)."""

    def __init__(self, forms: Iterable[tuple[str, int]]) -> None:
        """``forms``: ``(term text, key)`` pairs; several keys may share one normal form."""
        import ahocorasick  # lazy: compiled extension

        numbered: dict[str, int] = {}
        keyed: list[tuple[list[int], int]] = []
        for text, key in forms:
            toks = [caps or norm for norm, caps, _, _ in tokens(text)]
            if toks:
                keyed.append(([numbered.setdefault(t, len(numbered)) for t in toks], key))
        base = math.isqrt(len(numbered)) + 1
        self._vocab: dict[str, str] = {
            t: chr(_HIGH_BASE + i // base) + chr(_LOW_BASE + i % base) for t, i in numbered.items()
        }
        codes = list(self._vocab.values())
        self._keys: dict[str, list[int]] = {}
        for numbers, key in keyed:
            self._keys.setdefault("".join([codes[i] for i in numbers]), []).append(key)
        self._auto: Any = ahocorasick.Automaton()
        for encoded, keys in self._keys.items():
            self._auto.add_word(encoded, (len(encoded), tuple(keys)))
        self._empty = not self._keys
        if not self._empty:
            self._auto.make_automaton()
        # Code of each surface word seen so far (bounded): most words repeat across units.
        self._memo: dict[str, str] = {}

    def _token_code(self, word: str) -> str:
        norm, caps = classify(word)
        get = self._vocab.get
        # A word in capitals is the acronym when the glossary has it, else an ordinary word.
        code = get(caps, _SEPARATOR) if caps and caps in self._vocab else get(norm, _SEPARATOR)
        if len(self._memo) < _MEMO_SIZE:
            self._memo[word] = code
        return code

    def _encode(self, text: str) -> tuple[list[str], str]:
        """The text cut by :data:`_WORD_SPLIT` (separators and words alternating) and the
        token string of its words (one code per word)."""
        # One C-level split, one C-level memo lookup per word: the per-unit hot path.
        parts = _WORD_SPLIT.split(text)
        words = parts[1::2]
        codes: list[str | None] = list(map(self._memo.get, words))
        if None in codes:
            slow = self._token_code
            return parts, "".join([c or slow(w) for c, w in zip(codes, words, strict=True)])
        return parts, "".join(codes)  # type: ignore[arg-type]  # no None left

    @staticmethod
    def _offsets(parts: list[str]) -> list[int]:
        """Offsets of the items of a split: word ``i`` spans ``[o[2i+1], o[2i+2])``."""
        return list(accumulate(map(len, parts), initial=0))

    def _run(self, text: str, method: str) -> list[Match]:
        if self._empty:
            return []
        parts, encoded = self._encode(text)
        hits = list(self._auto.iter(encoded))
        if method == "longest":
            hits = leftmost_longest(hits, _size)
        if not hits:
            return []
        # Offsets are needed only when something matched.
        offsets = self._offsets(parts)
        out: list[Match] = []
        for end, (length, keys) in hits:
            # token i is at encoded offsets 2i, 2i + 1 and at split item 2i + 1
            start, stop = offsets[end + 2 - length], offsets[end + 1]
            for k in keys:
                out.append(new_match((k, start, stop)))
        return out

    def longest(self, text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping matches."""
        return self._run(text, "longest")

    def longest_spans(self, text: str) -> list[tuple[int, int, tuple[int, ...]]]:
        """:meth:`longest` as ``(start, end, keys)``, one item per place (the term checks)."""
        if self._empty:
            return []
        parts, encoded = self._encode(text)
        hits = leftmost_longest(list(self._auto.iter(encoded)), _size)
        if not hits:
            return []
        offsets = self._offsets(parts)
        # token i is at encoded offsets 2i, 2i + 1 and at split item 2i + 1
        return [(offsets[end + 2 - length], offsets[end + 1], keys)
                for end, (length, keys) in hits]

    def present(self, text: str) -> dict[int, tuple[int, int]]:
        """Every key found (overlaps included) with the span of its first occurrence."""
        out: dict[int, tuple[int, int]] = {}
        if self._empty:
            return out
        parts, encoded = self._encode(text)
        hits = list(self._auto.iter(encoded))
        if not hits:
            return out
        offsets = self._offsets(parts)
        hits.reverse()  # a key's first occurrence is written last and stays
        return {k: (offsets[end + 2 - length], offsets[end + 1])
                for end, (length, keys) in hits for k in keys}

    def all(self, text: str) -> list[Match]:
        """Every match, overlapping ones included."""
        return self._run(text, "iter")

