"""Annotation: text -> written Chinese words with their readings, and the one-line term readings.

Owns :func:`annotate` and the glossary builder's cached one-liners :func:`term_pinyin` and
:func:`term_reading`. How a reading is chosen is described in :mod:`termkit.pinyin`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from termkit.pinyin.glossary_readings import GlossaryReadings, glossary_readings
from termkit.pinyin.readings import han_run, pypinyin_readings_many, simplified_key
from termkit.pinyin.tokens import ERHUA, Style, Token, reading, tone_word

if TYPE_CHECKING:
    from termkit.model import Glossary


def annotate(
    text: str,
    *,
    glossary: Glossary | GlossaryReadings | None = None,
    heteronym: bool = False,
    words: bool = True,
    name: bool = False,
) -> list[Token]:
    """Split ``text`` into Chinese words with readings and passed-through other text.

    ``words=False`` gives one token per character (no grouping, no dictionary load);
    ``name=True`` reads each Chinese run as a personal name (surname readings first).
    """
    gloss = glossary if isinstance(glossary, GlossaryReadings) else glossary_readings(glossary)
    key_text = simplified_key(text)
    # First pass: pieces of the text in order. A str is passed-through text, a Token a glossary
    # term or a name, an int the start of a plain Chinese piece (its end follows it).
    pieces: list[str | Token | tuple[int, int]] = []
    plain: list[tuple[int, int]] = []
    runs: set[tuple[int, int]] = set()  # whole runs of Chinese (no glossary term inside)
    last = 0
    dotted = _dotted_parts(text) if name else frozenset()
    for m in han_run().finditer(text):
        if m.start() > last:
            pieces.append(text[last : m.start()])
        if name:
            pieces.extend(_name_tokens(m.group(), dotted=m.start() in dotted))
        else:
            base = m.start()
            pos = base
            runs.add(m.span())
            for start, end in gloss.matches(key_text[base : m.end()]):
                if base + start > pos:
                    plain.append((pos, base + start))
                    pieces.append(plain[-1])
                tok = gloss.token(key_text[base + start : base + end], heteronym)
                if tok.text != text[base + start : base + end]:
                    tok = replace(tok, text=text[base + start : base + end])  # reading of the key
                pieces.append(tok)
                pos = base + end
            if pos < m.end():
                plain.append((pos, m.end()))
                pieces.append(plain[-1])
        last = m.end()
    if last < len(text):
        pieces.append(text[last:])
    # Second pass: one pypinyin call for every plain piece (pypinyin segments each piece).
    readings = pypinyin_readings_many(
        [text[s:e] for s, e in plain], [key_text[s:e] for s, e in plain], heteronym
    )
    found = dict(zip(plain, readings, strict=True))
    tokens: list[Token] = []
    for piece in pieces:
        if isinstance(piece, str):
            tokens.append(Token(piece))
        elif isinstance(piece, Token):
            tokens.append(piece)
        else:
            s, e = piece
            tokens.extend(
                _plain_tokens(text[s:e], key_text[s:e], found[piece], words, alone=piece in runs))
    return tokens



def _plain_tokens(
    run: str, key: str, reads: list[tuple[str, ...]], words: bool, *, alone: bool = True
) -> list[Token]:
    # alone: ``run`` is a whole run of Chinese, not a piece beside a glossary term.
    if not words:
        return [Token(c, (r,), (1,), " ", False, "pypinyin") for c, r in zip(run, reads, strict=True)]
    if len(run) == 1:
        return [Token(run, (reads[0],), (1,), " ", False, "pypinyin")]
    from termkit.pinyin.words import spans, word_index

    return [
        Token(run[start:end], _erhua(run[start:end], reads[start:end]) if erhua else tuple(reads[start:end]),
              parts, joiner, proper, "pypinyin")
        for start, end, parts, joiner, proper, erhua in spans(run, word_index(), key, alone=alone)
    ]


def _erhua(word: str, reads: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The readings of an erhua word (哪兒, 今兒個): each 兒 after its first character is read
    ``r``, written on to the syllable before it (nǎr, jīnrge), its own readings kept as the
    other candidates."""
    return tuple(
        ((ERHUA,) if len(r) == 1 else (ERHUA, *r)) if i and ch in "兒儿" else r
        for i, (ch, r) in enumerate(zip(word, reads, strict=True))
    )


def _dotted_parts(text: str) -> frozenset[int]:
    """Where the parts of dotted names start in ``text`` (阿沛·阿旺晉美: runs of Chinese joined
    by a name dot, with nothing but spaces around it, as ``names romanize`` drops them; an
    ASCII full stop only without them, since ``. `` ends a sentence)."""
    from termkit.pinyin.names import NAME_DOTS, NAME_HYPHENS

    run = han_run()
    dots = re.escape(NAME_DOTS.replace(".", ""))
    dot = rf"(?:[^\S\r\n]*[{dots}][^\S\r\n]*|\.)"
    # A hyphen joins pieces of one part (让-保罗·萨特), but only in a name that has a dot:
    # between plain runs it is a range or a route (北京-上海).
    hyphen = f"[{re.escape(NAME_HYPHENS)}]"
    part = f"(?:{run.pattern})(?:{hyphen}(?:{run.pattern}))*"
    name = re.compile(f"{part}(?:{dot}{part})+")
    return frozenset(m.start() + piece.start()
                     for m in name.finditer(text) for piece in run.finditer(m.group()))


def _name_tokens(run: str, *, dotted: bool = False) -> list[Token]:
    """A run read as a name: surname and given name, or, as a part of a dotted name, one
    word with no surname (阿沛(Āpèi)·阿旺晉美(Āwàngjìnměi))."""
    from termkit.pinyin.names import name_syllables, part_syllables, split_name

    if dotted:
        reads = tuple((s,) for s in part_syllables(run))
        return [Token(run, reads, (len(reads),), " ", True, "name")]
    surname, given = split_name(run)
    sylls = name_syllables(run)
    reads = tuple((s.lower(),) for s in sylls)
    parts = tuple(p for p in (len(surname), len(given)) if p)
    return [Token(run, reads, parts, " ", True, "name")]




@lru_cache(maxsize=65536)
def term_pinyin(text: str) -> str:
    """Tone-mark pinyin of a term, syllables grouped into words, proper nouns capitalized.

    現實主義 -> "xiànshí zhǔyì"; 越南外交政策 -> "Yuènán wàijiāo zhèngcè".
    """
    if han_run().fullmatch(text):
        return _run_pinyin(text)  # one run of Chinese: the common term, without the tokens
    return reading(annotate(text)).strip()


def _run_pinyin(run: str) -> str:
    """``reading(annotate(run)).strip()`` for a run of Chinese characters, computed directly.

    annotate() makes the run one plain piece (no glossary), reads it with one pypinyin
    lookup, groups it into written words (:func:`termkit.pinyin.words.spans`), and reading()
    writes the words' tone readings separated by spaces, skipping empty ones.
    """
    from termkit.pinyin.words import spans, word_index

    key = simplified_key(run)
    reads = pypinyin_readings_many([run], [key], False)[0]
    # One character (as _plain_tokens): one piece, never proper.
    found = [(0, 1, (1,), " ", False, False)] if len(run) == 1 else spans(run, word_index(), key)
    words = [tone_word(_erhua(run[start:end], reads[start:end]) if erhua else reads[start:end],
                       parts, joiner, proper)
             for start, end, parts, joiner, proper, erhua in found]
    return " ".join([w for w in words if w]).strip()


@lru_cache(maxsize=65536)
def term_reading(text: str, style: Style = Style.TONE) -> str:
    """:func:`term_pinyin` in any style: ``term_reading("權力", Style.ZHUYIN)`` -> ``"ㄑㄩㄢˊ ㄌㄧˋ"``."""
    return reading(annotate(text), style).strip()

