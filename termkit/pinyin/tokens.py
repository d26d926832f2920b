"""Tokens and styles: a Chinese word with its readings, and how a reading is written.

Owns :class:`Style` (tone marks, tone numbers, zhuyin, Wade-Giles), :class:`Token` (one written
word with per-character readings, or passed-through text), the rendering of one syllable in a
style, pinyin orthography's apostrophe, and :func:`reading` (a token sequence as one line).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from termkit.errors import UsageError
from termkit.pinyin import romanize

# The reading of the 兒/儿 of an erhua word (哪兒 nǎr): an r added to the syllable before it.
ERHUA = "r"


class Style(StrEnum):
    """Output styles of the annotator."""

    TONE = "tone"  # tone marks: Yuènán
    TONE3 = "tone3"  # tone numbers: Yue4nan2
    ZHUYIN = "zhuyin"  # bopomofo: ㄩㄝˋ ㄋㄢˊ
    WADE_GILES = "wade-giles"  # Yüeh⁴-nan²


@dataclass(frozen=True, slots=True)
class Token:
    """One written word of Chinese with its readings, or a stretch of other text (``chinese`` False).

    ``readings`` holds, per character, the candidate tone-mark readings (first = chosen);
    ``parts`` the lengths of the pieces the word is written in (現實主義 -> (2, 2)).
    """

    text: str
    readings: tuple[tuple[str, ...], ...] = ()
    parts: tuple[int, ...] = ()
    joiner: str = " "
    proper: bool = False
    source: str = "text"  # "glossary", "pypinyin", "name" or "text"

    @property
    def chinese(self) -> bool:
        """True for a Chinese word, False for passed-through text."""
        return bool(self.readings)

    def syllables(self, style: Style = Style.TONE) -> list[str]:
        """The chosen reading of each character in ``style`` (proper nouns capitalized)."""
        out: list[str] = []
        pos = 0
        for size in self.parts:
            for k in range(size):
                raw = self.readings[pos + k][0]
                syl = render_syllable(raw, style)
                if (self.proper and k == 0) or raw[:1].isupper():
                    syl = _capitalize(syl)
                out.append(syl)
            pos += size
        return out

    def reading(self, style: Style = Style.TONE) -> str:
        """The written reading of the word: ``xiànshí zhǔyì``, ``Yüeh⁴-nan²``."""
        if not self.readings:
            return self.text
        if style is Style.TONE:
            return self._tone_reading()
        sylls = self.syllables(style)
        pieces: list[str] = []
        pos = 0
        for size in self.parts:
            chunk = sylls[pos : pos + size]
            pos += size
            if style is Style.ZHUYIN:
                pieces.append(" ".join(chunk))
            elif style is Style.WADE_GILES:
                head = chunk[0]
                pieces.append("-".join([head, *(s.lower() for s in chunk[1:])]))
            elif style is Style.TONE:
                pieces.append(join_apostrophe(chunk))
            else:
                pieces.append("".join(chunk))
        return (self.joiner if style is not Style.ZHUYIN else " ").join(pieces)

    def _tone_reading(self) -> str:
        return tone_word(self.readings, self.parts, self.joiner, self.proper)

    def candidates(self, style: Style = Style.TONE) -> list[list[str]]:
        """All readings per character in ``style`` (heteronyms), chosen one first."""
        return [[render_syllable(r, style) for r in reads] for reads in self.readings]

    def heteronym_reading(self, style: Style = Style.TONE) -> str:
        """Every reading of each character, as pypinyin's command line writes them.

        Syllables are separated by spaces and a character's readings by commas, the chosen
        one first (``了`` -> ``le,liǎo,liào``); a capitalized syllable's alternatives too.
        """
        if not self.readings:
            return self.text
        out: list[str] = []
        for chosen, reads in zip(self.syllables(style), self.candidates(style), strict=True):
            rest = [r for r in reads[1:] if r.lower() != chosen.lower()]
            if chosen[:1].isupper():
                rest = [_capitalize(r) for r in rest]
            out.append(",".join([chosen, *rest]))
        return " ".join(out)



def tone_word(
    readings: Sequence[tuple[str, ...]], parts: tuple[int, ...], joiner: str, proper: bool
) -> str:
    """A word's tone-mark reading from its fields (:meth:`Token.reading` in ``Style.TONE``).

    Without the per-syllable style dispatch (the hot path): a tone-mark syllable is its own
    rendering, and capitalizing one that starts upper-case is a no-op.
    """
    pieces: list[str] = []
    pos = 0
    for size in parts:
        chunk = [r[0] for r in readings[pos : pos + size]]
        pos += size
        if proper:
            chunk[0] = _capitalize(chunk[0])
        pieces.append(join_apostrophe(chunk))
    return pieces[0] if len(pieces) == 1 else joiner.join(pieces)  # () parts: ""


def _capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]


def join_apostrophe(chunk: Sequence[str]) -> str:
    """Syllables written as one word, with pinyin's apostrophe before a, o, e (Xī'ān)."""
    # Pinyin orthography: an apostrophe before a syllable starting with a, o or e (Xī'ān).
    out = chunk[0] if chunk else ""
    for syl in chunk[1:]:
        if syl[:1] in _VOWEL_START:
            out += "'"
        out += syl
    return out


_VOWEL_START = frozenset("aāáǎàoōóǒòeēéěèêAĀÁǍÀOŌÓǑÒEĒÉĚÈÊ")


def render_syllable(syllable: str, style: Style) -> str:
    """One tone-mark syllable in ``style``.

    The r of erhua (哪兒 nǎr: its 兒 reads ``r``) is ㄦ in zhuyin and êrh in Wade-Giles,
    toneless as in pinyin.
    """
    if style is Style.TONE:
        return syllable
    if syllable == ERHUA:
        return {Style.TONE3: "r", Style.ZHUYIN: "ㄦ"}.get(style, "êrh")
    if style is Style.TONE3:
        return romanize.to_tone3(syllable)
    if style is Style.WADE_GILES:
        return romanize.wade_giles(syllable, tones=True)
    return _zhuyin(syllable)


@lru_cache(maxsize=4096)
def _zhuyin(syllable: str) -> str:
    from pypinyin import Style as PStyle
    from pypinyin.style import convert

    result = convert(syllable.lower(), PStyle.BOPOMOFO, True)
    return str(result) if result else syllable


# --------------------------------------------------------------------------- lookup helpers

def _full_width(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def reading(tokens: Iterable[Token], style: Style = Style.TONE, *, heteronym: bool = False) -> str:
    """The reading of a token sequence: words separated by spaces, other text kept as it is.

    With ``heteronym`` each word gives every reading of its characters
    (:meth:`Token.heteronym_reading`).
    """
    out: list[str] = []
    last = ""  # last character written
    prev_chinese = False
    for tok in tokens:
        chinese = bool(tok.readings)
        if not chinese:
            piece = tok.text
        else:
            piece = tok.heteronym_reading(style) if heteronym else tok.reading(style)
        if not piece:
            continue
        if chinese and (prev_chinese or (last and not last.isspace() and not _full_width(last))):
            out.append(" ")  # full-width punctuation carries its own space
        out.append(piece)
        last = piece[-1]
        prev_chinese = chinese
    return "".join(out)


def parse_style(value: str | Style) -> Style:
    """A :class:`Style` from its name (``"tone3"``, ``"wade-giles"`` …) or raise UsageError."""
    if isinstance(value, Style):
        return value
    try:
        return Style(value.lower().replace("_", "-"))
    except ValueError:
        names = ", ".join(s.value for s in Style)
        raise UsageError(f"unknown pinyin style {value!r}", hint=f"use one of: {names}") from None


# --------------------------------------------------------------------------- renderings
