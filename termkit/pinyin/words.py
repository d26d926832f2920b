"""Word grouping for pinyin orthography: which syllables are written together, which are capitalized.

Owns the grouping rules; the words come from the shared CC-CEDICT word list
(:class:`termkit.lexicon.WordList`: headwords and flags only, both scripts, bidirectional
max-match, the same words as :class:`termkit.lexicon.Lexicon`): a proper noun is a word all of
whose entries have capitalized pinyin (越南 Yuènán, 中華人民共和國), an idiom one CC-CEDICT
marks "(idiom)", an erhua word one it reads with ``r5`` for 兒 (哪兒 ``na3 r5``), an
exclamation one whose every sense is an exclamation (我去 "what the ...!"). Loaded once per
process, lazily, only when grouping is asked for.

Rules implemented (GB/T 16159-2012 basics): words are written joined; a proper noun is
written as the words CC-CEDICT's reading capitalizes (北京大學 ``Bei3 jing1 Da4 xue2`` ->
Běijīng Dàxué, 王力 ``Wang2 Li4`` -> Wáng Lì), each capitalized; otherwise a word of four or
more characters that is made of shorter words is written as those words (現實主義 -> xiànshí
zhǔyì), except four-character proper nouns (馬來西亞 stays Mǎláixīyà); a four-character idiom
made of two two-character words is hyphenated (風平浪靜 -> fēngpíng-làngjìng); an erhua word
adds r to the syllable before it (哪兒 -> nǎr; 女兒 nǚ'ér is no erhua word); an exclamation
is a word only where it is the whole run of Chinese, an utterance of its own (我去！wǒqù):
inside a run it is read as the words it is made of (我去銀行 -> wǒ qù yínháng).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from termkit.lexicon import Lexicon


class Words(Protocol):
    """A dictionary as grouping reads it (:class:`termkit.lexicon.WordList` is one)."""

    def __contains__(self, word: object) -> bool: ...
    def is_proper_noun(self, word: str) -> bool: ...
    def is_idiom(self, word: str) -> bool: ...
    def is_erhua(self, word: str) -> bool: ...
    def is_exclamation(self, word: str) -> bool: ...
    def neutral_sandhi(self, word: str) -> tuple[int, ...]: ...
    def word_division(self, word: str) -> tuple[int, ...] | None: ...
    def segment(self, text: str) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class LexiconWords:
    """:class:`Words` over the full lexicon: used when the word list cannot be cached."""

    lexicon: Lexicon

    def __contains__(self, word: object) -> bool:
        return word in self.lexicon

    def is_proper_noun(self, word: str) -> bool:
        """Every entry of ``word`` has capitalized pinyin."""
        return self.lexicon.is_proper_noun(word)

    def is_idiom(self, word: str) -> bool:
        """A gloss of ``word`` says "(idiom)"."""
        return any("(idiom)" in g for e in self.lexicon.lookup(word) for g in e.glosses)

    def is_erhua(self, word: str) -> bool:
        """The final 兒/儿 of ``word`` is erhua in every entry."""
        return self.lexicon.is_erhua(word)

    def is_exclamation(self, word: str) -> bool:
        """Every sense of ``word`` is an exclamation."""
        return self.lexicon.is_exclamation(word)

    def word_division(self, word: str) -> tuple[int, ...] | None:
        """The words a proper noun's reading capitalizes."""
        return self.lexicon.word_division(word)

    def neutral_sandhi(self, word: str) -> tuple[int, ...]:
        """Where ``word``'s 一 or 不 is in the neutral tone in every entry."""
        return self.lexicon.neutral_sandhi(word)

    def segment(self, text: str) -> list[str]:
        """The lexicon's segmentation."""
        return self.lexicon.segment(text)


@dataclass(frozen=True, slots=True)
class WordIndex:
    """What grouping asks of a dictionary: is it a word, a proper noun, an idiom; segment."""

    words: Words
    # (word, written form) -> its Shape: a text repeats its words.
    shapes: dict[tuple[str, str], Shape] = field(
        default_factory=dict, compare=False, repr=False
    )

    def is_word(self, word: str) -> bool:
        """True for a headword (either script)."""
        return word in self.words

    def is_proper(self, word: str) -> bool:
        """A word of two or more characters whose every entry is a proper noun (越南)."""
        return len(word) >= 2 and self.words.is_proper_noun(word)

    def is_idiom(self, word: str) -> bool:
        """A word CC-CEDICT marks as an idiom (成語)."""
        return self.words.is_idiom(word)

    def division(self, word: str) -> tuple[int, ...] | None:
        """The words CC-CEDICT capitalizes in the proper noun ``word`` (北京大学 -> (2, 2))."""
        return self.words.word_division(word)

    def segment(self, run: str) -> list[str]:
        """Dictionary words of a run of Chinese characters."""
        return self.words.segment(run)


@cache
def word_index() -> WordIndex:
    """The word index over the process-wide CC-CEDICT word list (:func:`termkit.lexicon.get_word_list`).

    The light word list, not the full gloss index: grouping needs headwords and two flags,
    and the word list loads several times faster (pinyin start-up).
    """
    from termkit.lexicon import cache_dir, get_lexicon, get_word_list

    folder = cache_dir()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not (folder.is_dir() and os.access(folder, os.W_OK)):
        # No cache to keep the word list in: building it each run would cost more than
        # loading the full lexicon (same words, same flags).
        return WordIndex(LexiconWords(get_lexicon()))
    return WordIndex(get_word_list())


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
    erhua: bool = False  # each 兒 after the first character is the r of erhua (哪兒 nǎr)


def group(
    text: str, index: WordIndex, key: str | None = None, *, alone: bool = True
) -> list[Word]:
    """Written words of a run of Chinese characters (``key``: the same run in Simplified, for
    lookup; ``alone`` False: a piece of a longer run, beside a glossary term)."""
    return [Word(*span) for span in spans(text, index, key, alone=alone)]


# Word's fields: start, end, parts, joiner, proper, erhua.
Span = tuple[int, int, tuple[int, ...], str, bool, bool]
# How a dictionary word is written: parts, joiner, proper, erhua, and whether it is an
# exclamation (a word only as a whole run).
Shape = tuple[tuple[int, ...], str, bool, bool, bool]


def spans(
    text: str, index: WordIndex, key: str | None = None, *, alone: bool = True
) -> list[Span]:
    """:func:`group` as plain tuples (the annotator's hot path: no object per word)."""
    look = key if key is not None and len(key) == len(text) else text
    out: list[Span] = []
    pos = 0
    shapes = index.shapes
    words = index.segment(look)
    k = 0
    while k < len(words):
        w = words[k]
        end = pos + len(w)
        if len(w) == 1:
            out.append((pos, end, (1,), " ", False, False))  # one character: never proper, one piece
        else:
            original = text[pos:end]
            shape = shapes.get((w, original))
            if shape is None:
                shape = shapes[w, original] = _shape(w, original, index)
            if shape[4] and (len(w) < len(look) or not alone):
                # An exclamation inside a longer run is not the utterance (我去 "what the
                # ...!" in 我去銀行, 知道了 "Got it!" in 我知道了嗎): the words it is made of.
                words = [*words[:k], *_pieces(w, index), *words[k + 1 :]]  # a new list
                continue
            out.append((pos, end, *shape[:4]))
        pos = end
        k += 1
    return out


def _pieces(word: str, index: WordIndex) -> list[str]:
    """Fewest shorter dictionary words and single characters that make up ``word``."""
    n = len(word)
    best: list[list[str] | None] = [[]] + [None] * n
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for j in range(i + 1, n + (i > 0)):
            piece = word[i:j]
            old = best[j]
            if (j == i + 1 or index.is_word(piece)) and (old is None or len(cur) + 1 < len(old)):
                best[j] = [*cur, piece]
    found = best[n]
    return found if found is not None else list(word)


def _shape(w: str, original: str, index: WordIndex) -> Shape:
    """How the dictionary word ``w`` written as ``original`` is written (:data:`Shape`)."""
    proper = index.is_proper(w) or (original != w and index.is_proper(original))
    erhua = index.words.is_erhua(w) or (original != w and index.words.is_erhua(original))
    exclamation = index.words.is_exclamation(w)
    parts: tuple[int, ...] = (len(w),)
    joiner = " "
    division = (index.division(w) or index.division(original)) if proper else None
    if division is not None:
        # A proper noun of several words: as CC-CEDICT capitalizes them (Běijīng Dàxué).
        parts = division
    elif len(w) >= 4 and not (proper and len(w) == 4):
        split = _parts(w, index)
        if split is not None:
            parts = tuple(len(p) for p in split)
            if index.is_idiom(w):
                # An idiom is one word; hyphenated when it reads as two two-syllable words.
                joiner = "-" if parts == (2, 2) else " "
                parts = parts if parts == (2, 2) else (len(w),)
    return parts, joiner, proper, erhua, exclamation
