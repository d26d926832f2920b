"""Pinyin annotation on pypinyin, with glossary readings, both-script lookup and word grouping.

Owns :func:`annotate` (text -> written words with readings), :func:`term_pinyin` and
:func:`term_reading` (the glossary builder's one-liners, cached), glossary readings
(:class:`GlossaryReadings`) and the plain-text renderings (inline, TSV, JSON).
pypinyin-compatible output is in :mod:`termkit.pinyin_compat`, ruby HTML in :mod:`termkit.ruby`,
names in :mod:`termkit.names`, word grouping in :mod:`termkit.pinyin_words`, syllable tables
in :mod:`termkit.romanize`.

How a reading is chosen, per run of Chinese characters:
1. glossary terms (longest match, Aho-Corasick, on the Simplified form so a term matches in
   either script) take their readings from the glossary;
2. the rest goes to pypinyin on its Simplified form (OpenCC ``t2s``), because pypinyin's phrase
   table is mostly Simplified: 權力平衡 gets the phrase reading 权力平衡 gets. A reading is
   mapped back to the original character only if pypinyin knows it for that character.
pypinyin's process-wide dictionaries are never changed (no ``load_phrases_dict``).

Speed: pypinyin's segmentation and readings are taken from a cached snapshot of its
dictionaries (:func:`termkit.pinyin_compat.pypinyin_data`, same results, no 0.3 s import), the
readings of each segmented word are cached (a text repeats its words), and word grouping uses
the light CC-CEDICT word list (:class:`termkit.lexicon.WordList`) rather than the gloss index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, cast

from termkit import romanize
from termkit.errors import UsageError

if TYPE_CHECKING:
    from termkit.model import Glossary
    from termkit.pinyin_compat import PypinyinData


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
                pieces.append(_join_apostrophe(chunk))
            else:
                pieces.append("".join(chunk))
        return (self.joiner if style is not Style.ZHUYIN else " ").join(pieces)

    def _tone_reading(self) -> str:
        # reading(Style.TONE) without the per-syllable style dispatch (the hot path): a tone-mark
        # syllable is its own rendering, and capitalizing one that starts upper-case is a no-op.
        pieces: list[str] = []
        pos = 0
        for size in self.parts:
            chunk = [r[0] for r in self.readings[pos : pos + size]]
            pos += size
            if self.proper:
                chunk[0] = _capitalize(chunk[0])
            pieces.append(_join_apostrophe(chunk))
        return pieces[0] if len(pieces) == 1 else self.joiner.join(pieces)  # () parts: ""

    def candidates(self, style: Style = Style.TONE) -> list[list[str]]:
        """All readings per character in ``style`` (heteronyms), chosen one first."""
        return [[render_syllable(r, style) for r in reads] for reads in self.readings]


def _capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]


def _join_apostrophe(chunk: Sequence[str]) -> str:
    # Pinyin orthography: an apostrophe before a syllable starting with a, o or e (Xī'ān).
    out = chunk[0] if chunk else ""
    for syl in chunk[1:]:
        if syl[:1] in _VOWEL_START:
            out += "'"
        out += syl
    return out


_VOWEL_START = frozenset("aāáǎàoōóǒòeēéěèêAĀÁǍÀOŌÓǑÒEĒÉĚÈÊ")


def render_syllable(syllable: str, style: Style) -> str:
    """One tone-mark syllable in ``style``."""
    if style is Style.TONE:
        return syllable
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


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _data() -> PypinyinData | None:
    # pypinyin's dictionaries without importing pypinyin (see termkit.pinyin_compat).
    from termkit.pinyin_compat import pypinyin_data

    return pypinyin_data()


@cache
def _han_run() -> re.Pattern[str]:
    data = _data()
    if data is not None:
        pattern = data.hans.pattern
    else:
        from pypinyin.constants import RE_HANS

        pattern = RE_HANS.pattern
    # pypinyin's own definition of "has a reading": runs split the same way it splits them.
    return re.compile(pattern.lstrip("^").rstrip("$"))


@cache
def _char_readings() -> dict[int, str]:
    data = _data()
    if data is not None:
        return data.chars()  # the snapshot of pypinyin's PINYIN_DICT
    from pypinyin.constants import PINYIN_DICT

    return dict(PINYIN_DICT)  # a private copy: never mutated, never shared


def simplified_key(text: str) -> str:
    """``text`` in Simplified characters for phrase lookup, same length, else ``text`` itself."""
    converted = _t2s().convert(text)
    return converted if len(converted) == len(text) else text


def _keep_each(chars: str) -> list[list[str]]:
    # pypinyin errors= policy: a character without a reading stays one item by itself.
    return [[c] for c in chars]


def _pypinyin_readings(original: str, key: str, heteronym: bool) -> list[tuple[str, ...]]:
    """Tone-mark readings per character of a Chinese run, looked up on its Simplified form."""
    return _pypinyin_readings_many([original], [key], heteronym)[0]


def _pypinyin_readings_many(
    originals: list[str], keys: list[str], heteronym: bool
) -> list[list[tuple[str, ...]]]:
    """:func:`_pypinyin_readings` for many runs (each run segmented alone, as pypinyin does)."""
    out: list[list[tuple[str, ...]]] = []
    for original, key in zip(originals, keys, strict=True):
        result = _run_readings(key, heteronym)
        if original == key:
            out.append(result)
            continue
        # t2s may merge characters with different readings (乾/干): keep only readings the
        # original character has, else use the original character's own reading.
        out.append([
            _own_readings(ch, reads, heteronym) if ch != simp else (reads or (ch,))
            for ch, simp, reads in zip(original, key, result, strict=True)
        ])
    return out


# pypinyin's readings of one word of its own segmentation, per heteronym flag. A text repeats
# its words, and pypinyin's per-word conversion (a deepcopy of the phrase entry, style dispatch
# per syllable) was most of the annotation time. Keys are pypinyin's own words, so the result is
# exactly what pypinyin returns for the word (it converts each word of a run independently).
# pypinyin's dictionaries are taken as fixed for the process (they are never changed here).
_WORD_READINGS: dict[tuple[str, bool], tuple[tuple[str, ...], ...]] = {}
_WORD_READINGS_MAX = 1 << 18  # cleared when full: bounded memory on endless input


def _word_readings(word: str, heteronym: bool) -> tuple[tuple[str, ...], ...]:
    found = _WORD_READINGS.get((word, heteronym))
    if found is None:
        data = _data()
        found = data.readings(word, heteronym) if data is not None else None
        if found is None:
            from pypinyin import Style as PStyle
            from pypinyin import pinyin

            got = pinyin([word], style=PStyle.TONE, heteronym=heteronym, errors=cast(Any, _keep_each))
            found = tuple(tuple(r) for r in got)
        if len(_WORD_READINGS) >= _WORD_READINGS_MAX:
            _WORD_READINGS.clear()
        _WORD_READINGS[word, heteronym] = found
    return found


def _run_readings(key: str, heteronym: bool) -> list[tuple[str, ...]]:
    """pypinyin's readings of one run, word by word of pypinyin's own segmentation."""
    flat: list[tuple[str, ...]] = []
    for word in _pypinyin_words(key):
        flat.extend(_word_readings(word, heteronym))
    if len(flat) != len(key):
        # A character pypinyin could not place: read the run character by character.
        from pypinyin import Style as PStyle
        from pypinyin import pinyin

        flat = [tuple(pinyin(c, style=PStyle.TONE, heteronym=heteronym)[0]) for c in key]
    return flat


def _pypinyin_words(key: str) -> list[str]:
    """The words ``pypinyin.pinyin(key)`` converts one by one (its segmentation)."""
    data = _data()
    if data is not None and data.hans.match(key):
        return data.cut(key)  # pypinyin's cutter on the snapshot, identical results
    from pypinyin.constants import PHRASES_DICT, RE_HANS
    from pypinyin.seg import mmseg

    if RE_HANS.match(key) and PHRASES_DICT:
        # What pypinyin's seg() does for a run that is all Chinese, minus its per-character
        # pre-split (a regular-expression match per character).
        return list(mmseg.seg.cut(key))
    from pypinyin.seg.simpleseg import seg

    return list(seg(key))


@lru_cache(maxsize=65536)
def _own_readings(ch: str, reads: tuple[str, ...], heteronym: bool) -> tuple[str, ...]:
    """The readings in ``reads`` that ``ch`` has, else ``ch``'s own pypinyin reading."""
    own = _char_readings().get(ord(ch), "").split(",")
    kept = [r for r in reads if r in own]
    # pinyin(ch)[0]: one character is one word of pypinyin's segmentation.
    chosen = kept or _word_readings(ch, heteronym)[0]
    return tuple(chosen) if chosen else (ch,)


# --------------------------------------------------------------------------- glossary readings


@dataclass(slots=True)
class GlossaryReadings:
    """Readings of glossary terms, behind a longest-match automaton.

    ``readings`` maps a term to its readings: (lower-case tone-mark syllables, written-word
    lengths); several readings are heteronyms, the first is used.
    """

    readings: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = field(default_factory=dict)
    _automaton: Any = None
    _tokens: dict[tuple[str, bool], Token] = field(default_factory=dict)

    @classmethod
    def from_glossary(cls, glossary: Glossary | None) -> GlossaryReadings:
        """Collect every Chinese term with a pinyin reading (heteronyms: several readings)."""
        self = cls()
        if glossary is None:
            return self
        for concept in glossary.concepts:
            for term in concept.terms:
                if term.lang.lower().startswith("zh") and term.pinyin and term.text:
                    self.add(term.text, term.pinyin)
        return self

    def add(self, text: str, pinyin: str) -> bool:
        """Add one reading (``"quánlì pínghéng"``); False when it does not fit the term's characters."""
        if not _han_run().fullmatch(text):
            return False
        whole = romanize.split_word(pinyin, len(text))
        if whole is None:
            return False
        # Written words of the reading: how many syllables each space-separated word holds.
        parts: list[int] = []
        pos = 0
        for word in pinyin.split():
            target = romanize.ascii_fold(word)
            got = ""
            start = pos
            while pos < len(whole) and len(got) < len(target):
                got += romanize.ascii_fold(whole[pos])
                pos += 1
            if got != target:
                parts = [len(text)]
                break
            parts.append(pos - start)
        if sum(parts) != len(text):
            parts = [len(text)]
        entry = (tuple(whole), tuple(parts))  # case kept: the glossary's capitals are kept
        # Registered in both scripts: matching runs on the Simplified key of the text, so a
        # Traditional glossary term also matches Simplified text and the other way round.
        for form in dict.fromkeys((text, simplified_key(text))):
            bucket = self.readings.setdefault(form, [])
            if entry not in bucket:
                bucket.append(entry)
        self._automaton = None
        self._tokens.clear()
        return True

    def token(self, term: str, heteronym: bool = False) -> Token:
        """The annotated token of a glossary term (cached: terms repeat in a text)."""
        key = (term, heteronym)
        found = self._tokens.get(key)
        if found is None:
            entries = self.readings[term]
            used = entries if heteronym else entries[:1]
            reads = tuple(
                tuple(dict.fromkeys(e[0][i] for e in used)) for i in range(len(term))
            )
            found = self._tokens[key] = Token(term, reads, entries[0][1], " ", False, "glossary")
        return found

    def matches(self, run: str) -> list[tuple[int, int]]:
        """Leftmost-longest, non-overlapping (start, end) spans of glossary terms in ``run``."""
        if not self.readings:
            return []
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for text in self.readings:
                auto.add_word(text, len(text))
            auto.make_automaton()
            self._automaton = auto
        spans = []
        for end, size in self._automaton.iter_long(run):
            spans.append((end - size + 1, end + 1))
        return spans


# --------------------------------------------------------------------------- annotation


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
    gloss = glossary if isinstance(glossary, GlossaryReadings) else _glossary_readings(glossary)
    key_text = simplified_key(text)
    # First pass: pieces of the text in order. A str is passed-through text, a Token a glossary
    # term or a name, an int the start of a plain Chinese piece (its end follows it).
    pieces: list[str | Token | tuple[int, int]] = []
    plain: list[tuple[int, int]] = []
    last = 0
    for m in _han_run().finditer(text):
        if m.start() > last:
            pieces.append(text[last : m.start()])
        if name:
            pieces.extend(_name_tokens(m.group()))
        else:
            base = m.start()
            pos = base
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
    readings = _pypinyin_readings_many(
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
            tokens.extend(_plain_tokens(text[s:e], key_text[s:e], found[piece], words))
    return tokens


_EMPTY = GlossaryReadings()


def _glossary_readings(glossary: Glossary | None) -> GlossaryReadings:
    return _EMPTY if glossary is None else GlossaryReadings.from_glossary(glossary)


def _plain_tokens(
    run: str, key: str, reads: list[tuple[str, ...]], words: bool
) -> list[Token]:
    if not words:
        return [Token(c, (r,), (1,), " ", False, "pypinyin") for c, r in zip(run, reads, strict=True)]
    if len(run) == 1:
        return [Token(run, (reads[0],), (1,), " ", False, "pypinyin")]
    from termkit.pinyin_words import spans, word_index

    return [
        Token(run[start:end], tuple(reads[start:end]), parts, joiner, proper, "pypinyin")
        for start, end, parts, joiner, proper in spans(run, word_index(), key)
    ]


def _name_tokens(run: str) -> list[Token]:
    from termkit.names import name_syllables, split_name

    surname, given = split_name(run)
    sylls = name_syllables(run)
    reads = tuple((s.lower(),) for s in sylls)
    parts = tuple(p for p in (len(surname), len(given)) if p)
    return [Token(run, reads, parts, " ", True, "name")]


def _full_width(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def reading(tokens: Iterable[Token], style: Style = Style.TONE) -> str:
    """The reading of a token sequence: words separated by spaces, other text kept as it is."""
    out: list[str] = []
    last = ""  # last character written
    prev_chinese = False
    for tok in tokens:
        chinese = bool(tok.readings)
        piece = tok.reading(style) if chinese else tok.text
        if not piece:
            continue
        if chinese and (prev_chinese or (last and not last.isspace() and not _full_width(last))):
            out.append(" ")  # full-width punctuation carries its own space
        out.append(piece)
        last = piece[-1]
        prev_chinese = chinese
    return "".join(out)


@lru_cache(maxsize=65536)
def term_pinyin(text: str) -> str:
    """Tone-mark pinyin of a term, syllables grouped into words, proper nouns capitalized.

    現實主義 -> "xiànshí zhǔyì"; 越南外交政策 -> "Yuènán wàijiāo zhèngcè".
    """
    return reading(annotate(text)).strip()


@lru_cache(maxsize=65536)
def term_reading(text: str, style: Style = Style.TONE) -> str:
    """:func:`term_pinyin` in any style: ``term_reading("權力", Style.ZHUYIN)`` -> ``"ㄑㄩㄢˊ ㄌㄧˋ"``."""
    return reading(annotate(text), style).strip()


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


def render_inline(tokens: Sequence[Token], style: Style = Style.TONE) -> str:
    """Each run of Chinese words followed by its reading in parentheses: ``權力平衡(quánlì pínghéng)``."""
    out: list[str] = []
    run: list[Token] = []

    def flush() -> None:
        if run:
            out.append("".join(t.text for t in run) + "(" + reading(run, style) + ")")
            run.clear()

    for tok in tokens:
        if tok.chinese:
            run.append(tok)
        else:
            flush()
            out.append(tok.text)
    flush()
    return "".join(out)


def lines_of(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped (the units of TSV and JSON output)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def render_tsv(rows: Sequence[tuple[str, Sequence[Token]]], style: Style = Style.TONE) -> str:
    """``term<TAB>reading`` per row, with a header line."""
    out = ["term\treading"]
    for text, tokens in rows:
        out.append(f"{_tsv_cell(text)}\t{_tsv_cell(reading(tokens, style).strip())}")
    return "\n".join(out) + "\n"


def _tsv_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def to_json(
    rows: Sequence[tuple[str, Sequence[Token]]], style: Style = Style.TONE, heteronym: bool = False
) -> str:
    """A JSON array: per row the text, its reading and its words (text, reading, syllables, source)."""
    data: list[dict[str, Any]] = []
    for text, tokens in rows:
        words = []
        for tok in tokens:
            if not tok.chinese:
                continue
            entry: dict[str, Any] = {
                "text": tok.text,
                "reading": tok.reading(style),
                "syllables": tok.syllables(style),
                "source": tok.source,
            }
            if heteronym:
                entry["candidates"] = tok.candidates(style)
            words.append(entry)
        data.append({"text": text, "reading": reading(tokens, style).strip(), "words": words})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
