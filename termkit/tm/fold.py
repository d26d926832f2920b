"""The search form of a segment and the index tokens derived from it.

Folding makes spellings that a translator considers the same compare equal: full-width
Latin letters and digits and the ideographic space become ASCII, lower case, runs of whitespace
as one space, and
for Chinese, Traditional characters folded to Simplified with OpenCC ``t2s`` so a query in
one script finds units in the other.

Index tokens (what the prefilter looks up) are computed from the folded form:

* Chinese segments: character trigrams inside runs of Han characters, Latin letters and
  digits. A segment of more than :data:`SHORT` trigrams indexes only the trigrams that
  start with an *anchor* character (a fixed third of all Han characters, letters and digits,
  chosen by a hash of the code point): the same rule on both sides means a query and a stored segment that share
  a stretch of text share its anchored trigrams, at a third of the index size and import cost.
  Each number (run of digits) of such a segment is a token as well: a number is often all that
  tells two otherwise identical segments apart (``第2402项`` / ``第2403项``), and a third of
  its trigrams may be none.
  Short segments index every trigram, since a third of a few is too few, and tiny ones
  (:data:`TINY` characters or fewer) their bigrams as well: a query of a few characters with
  one edit may share no trigram with its match (``ABCD`` / ``ABXD``), but it shares a bigram.
* Other languages: words, tokenized by SQLite's ``unicode61`` tokenizer from the folded text.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from typing import Any

from termkit.convert.configs import opencc_converter

_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = f"{_HAN}a-z0-9"  # trigrams stay inside runs of Han characters, Latin letters, digits
_ALL_GRAMS = re.compile(f"(?=([{_RUN}]{{3}}))")
_RUNS = re.compile(f"[{_RUN}]{{3,}}")
_BIGRAMS = re.compile(f"(?=([{_RUN}]{{2}}))")
_WORD = re.compile(r"[^\W_]+")
SHORT = 24  # a segment with up to this many trigrams indexes all of them
TINY = 12  # folded length up to which bigrams are indexed too
TINY_QUERY = 8  # queries up to this length look bigrams up (they can only match tiny segments)
ANCHOR_RATE = 3  # one Han character in ANCHOR_RATE is an anchor


# The code points of _RUN (digits, a-z, Han) as ranges: anchors are chosen among them.
_ANCHOR_RANGES = ((0x30, 0x39), (0x61, 0x7A), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                  (0xF900, 0xFAFF))


def _is_anchor(cp: int) -> bool:
    # A multiplicative hash spreads anchors evenly over frequent and rare characters.
    return ((cp * 2654435761) >> 13) % ANCHOR_RATE == 0


def _anchor_class() -> str:
    ranges: list[str] = []
    start = None
    for lo, hi in _ANCHOR_RANGES:
        for cp in range(lo, hi + 2):
            inside = cp <= hi and _is_anchor(cp)
            if inside and start is None:
                start = cp
            elif not inside and start is not None:
                ranges.append(chr(start) if cp - 1 == start else f"{chr(start)}-{chr(cp - 1)}")
                start = None
    return "".join(ranges)


_DIGIT = re.compile("[0-9]")
_DIGITS = re.compile("[0-9]+")


@functools.cache
def _anchored() -> re.Pattern[str]:
    return re.compile(f"(?=([{_anchor_class()}][{_RUN}]{{2}}))")


def t2s(text: str) -> str:
    """``text`` through OpenCC ``t2s`` (Traditional characters to Simplified)."""
    out: str = opencc_converter("t2s").convert(text)
    return out


def s2t(text: str) -> str:
    """``text`` through OpenCC ``s2t`` (Simplified characters to Traditional)."""
    out: str = opencc_converter("s2t").convert(text)
    return out


def has_cjk(text: str) -> bool:
    """True when ``text`` contains a CJK ideograph."""
    return _CJK.search(text) is not None


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def looks_chinese(text: str) -> bool:
    """True when a query reads as Chinese: more Han characters than Latin words.

    A Han character is about one word, so ``Kubernetes 建立在 Google 大规模…`` is Chinese and
    an English sentence quoting one Chinese term is not.
    """
    han = len(_CJK.findall(text))
    return han > len(_LATIN_WORD.findall(text))


def is_chinese_tag(tag: str) -> bool:
    """True for ``zh``, ``zh-Hant-TW``, ``zh_CN`` … (any Chinese language tag)."""
    low = tag.lower()
    return low == "zh" or low.startswith(("zh-", "zh_"))


# Full-width letters and digits and the ideographic space. Not full NFKC: on CJK text with
# full-width punctuation NFKC costs more than everything else an import does, and the
# punctuation does not matter to tokens; letters and digits do.
_WIDE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")
_NARROW = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B)} | {0x3000: 0x20}


def _basic(text: str) -> str:
    if _WIDE.search(text):
        text = text.translate(_NARROW)
    return " ".join(text.lower().split())


def fold(text: str, chinese: bool) -> str:
    """The folded search form of one segment."""
    basic = _basic(text)
    if chinese and has_cjk(basic):
        converted: str = opencc_converter("t2s").convert(basic)
        return converted
    return basic


def fold_many(texts: Sequence[str], chinese: Sequence[bool]) -> list[str]:
    """Fold many segments: one pass over the joined batch, one OpenCC call for the Chinese."""
    big = "\x00".join(texts)
    if big.count("\x00") != len(texts) - 1:  # a NUL inside a text: one by one
        return [fold(t, zh) for t, zh in zip(texts, chinese, strict=True)]
    parts = big.lower().split("\x00")
    if _WIDE.search(big):
        parts = [p.translate(_NARROW) if _WIDE.search(p) else p for p in parts]
    out = [" ".join(p.split()) for p in parts]
    idx = [i for i, zh in enumerate(chinese) if zh]
    if idx:
        # Folded text has no newline (whitespace is collapsed), so "\n" is a safe separator.
        joined: str = opencc_converter("t2s").convert("\n".join(out[i] for i in idx))
        converted = joined.split("\n")
        if len(converted) != len(idx):  # pragma: no cover - OpenCC keeps newlines
            converted = [opencc_converter("t2s").convert(out[i]) for i in idx]
        for i, part in zip(idx, converted, strict=True):
            out[i] = part
    return out


def zh_tokens(folded: str, mode: str = "index") -> list[str]:
    """Tokens of a folded Chinese text.

    ``"index"``: as stored for a segment; ``"query"``: what a fuzzy query looks up (the same
    rule, so a long query compares anchored trigrams with long and short segments alike,
    plus bigrams for a query of a few characters); ``"anchored"``: only anchored trigrams,
    which any segment containing the text has indexed (for concordance).
    """
    n = len(folded)
    tokens: list[str]
    if mode == "anchored":
        tokens = _anchored().findall(folded)
    else:
        # The trigrams are the windows of the runs of three or more run characters (the same
        # list, in the same order, as _ALL_GRAMS.findall). Counting them from the runs first
        # spares a long segment the list of all its trigrams: it needs only the anchored ones.
        runs = _RUNS.findall(folded)
        if sum(len(r) for r in runs) - 2 * len(runs) <= SHORT:
            tokens = [r[i : i + 3] for r in runs for i in range(len(r) - 2)]
        elif _DIGIT.search(folded) is None:
            tokens = _anchored().findall(folded)
        else:
            # Numbers are often all that tells near-identical segments apart ("item 2402"),
            # and a third of their trigrams may be none: each number is a token too.
            tokens = _anchored().findall(folded) + _DIGITS.findall(folded)
    if (mode == "index" and n <= TINY) or (mode == "query" and n <= TINY_QUERY):
        tokens += _BIGRAMS.findall(folded)
    return tokens


def word_tokens(folded: str) -> list[str]:
    """Word tokens of a folded segment, as SQLite's unicode61 tokenizer sees them."""
    return _WORD.findall(folded)


def key64(text: str, _blake2b: Any = hashlib.blake2b, _from_bytes: Any = int.from_bytes) -> int:
    """A signed 64-bit hash of a string, for compact equality indexes in SQLite."""
    # The defaults bind the two callables once: key64 runs three times per imported unit.
    return int(_from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "big", signed=True))


# The target key of a unit with a source only (no target side: an XLIFF unit not translated
# yet, a PO entry without msgstr): no translation, so never a conflict with one.
NO_TARGET = key64("")
