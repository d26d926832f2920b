"""Word grouping for pinyin orthography: which syllables are written together, which are capitalized.

Owns the grouping rules; the words come from the shared CC-CEDICT lexicon
(:mod:`termkit.lexicon`, both scripts, bidirectional max-match): a proper noun is a word all of
whose entries have capitalized pinyin (越南 Yuènán, 中華人民共和國), an idiom one CC-CEDICT
marks "(idiom)". Loaded once per process, lazily, only when grouping is asked for.

Rules implemented (GB/T 16159-2012 basics): words are written joined; a word of four or more
characters that is made of shorter words is written as those words (現實主義 -> xiànshí zhǔyì),
except four-character proper nouns (馬來西亞 stays Mǎláixīyà); a four-character idiom made of
two two-character words is hyphenated (風平浪靜 -> fēngpíng-làngjìng); proper nouns capitalize
each written word (Zhōnghuá Rénmín Gònghéguó).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termkit.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class WordIndex:
    """What grouping asks of a dictionary: is it a word, a proper noun, an idiom; segment."""

    lexicon: Lexicon

    def is_word(self, word: str) -> bool:
        """True for a headword (either script)."""
        return word in self.lexicon

    def is_proper(self, word: str) -> bool:
        """A word of two or more characters whose every entry is a proper noun (越南)."""
        return len(word) >= 2 and _proper(self.lexicon, word)

    def is_idiom(self, word: str) -> bool:
        """A word CC-CEDICT marks as an idiom (成語)."""
        return _idiom(self.lexicon, word)

    def segment(self, run: str) -> list[str]:
        """Dictionary words of a run of Chinese characters."""
        return self.lexicon.segment(run)


@lru_cache(maxsize=65536)
def _proper(lexicon: Lexicon, word: str) -> bool:
    return lexicon.is_proper_noun(word)


@lru_cache(maxsize=65536)
def _idiom(lexicon: Lexicon, word: str) -> bool:
    return any("(idiom)" in g for e in lexicon.lookup(word) for g in e.glosses)


@cache
def word_index() -> WordIndex:
    """The word index over the process-wide CC-CEDICT lexicon (:func:`termkit.lexicon.get_lexicon`)."""
    from termkit.lexicon import get_lexicon

    return WordIndex(get_lexicon())


def _parts(word: str, index: WordIndex) -> list[str] | None:
    """Fewest dictionary words of two or more characters that make up ``word``, else None."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for j in range(i + 2, n + 1):
            piece = word[i:j]
            if (j - i < n) and index.is_word(piece):
                cand = [*cur, piece]
                old = best[j]
                if old is None or len(cand) < len(old):
                    best[j] = cand
    return best[n]


@dataclass(frozen=True, slots=True)
class Word:
    """A written word: its slice of the text, how it is split, and whether it is capitalized."""

    start: int
    end: int
    parts: tuple[int, ...]  # lengths of the written pieces (sum = end - start)
    joiner: str  # " " between pieces, or "-" for a hyphenated idiom
    proper: bool


def group(text: str, index: WordIndex, key: str | None = None) -> list[Word]:
    """Written words of a run of Chinese characters (``key``: the same run in Simplified, for lookup)."""
    look = key if key is not None and len(key) == len(text) else text
    out: list[Word] = []
    pos = 0
    for w in index.segment(look):
        original = text[pos : pos + len(w)]
        proper = index.is_proper(w) or (original != w and index.is_proper(original))
        parts: tuple[int, ...] = (len(w),)
        joiner = " "
        if len(w) >= 4 and not (proper and len(w) == 4):
            split = _parts(w, index)
            if split is not None:
                parts = tuple(len(p) for p in split)
                if index.is_idiom(w):
                    # An idiom is one word; hyphenated when it reads as two two-syllable words.
                    joiner = "-" if parts == (2, 2) else " "
                    parts = parts if parts == (2, 2) else (len(w),)
        out.append(Word(pos, pos + len(w), parts, joiner, proper))
        pos += len(w)
    return out
