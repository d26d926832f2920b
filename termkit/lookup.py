"""Looking a concept up in glossaries by any of its forms.

:class:`LookupIndex` indexes the concepts of one or more glossaries and :meth:`~LookupIndex.search`
finds those that have a form equal to the query, compared the way a translator means it:

- **Chinese** (the query holds a Han character): both sides in Simplified characters (OpenCC
  ``t2s``) without spaces, so 權力平衡, 权力平衡 and 權力 平衡 find the same concept;
- **English**: letter case, possessive ``'s``, apostrophes, hyphens and punctuation ignored, and each word equal
  to the term's word or its singular or plural (``Problems`` finds ``problem``, ``university
  libraries`` finds ``university library``), as simplemma's English lexicon tells (one word
  the other's dictionary form, :mod:`termkit.english`); no stemming, so ``developing`` never
  finds ``developed``;
- **pinyin**: the term's pinyin folded to plain letters (tone marks, tone numbers, spaces,
  apostrophes and ``ü``/``v`` ignored), so ``quánlì pínghéng``, ``quanli pingheng``,
  ``quan2li4 ping2heng2`` and ``quanlipingheng`` are one query; the tones a query does give
  choose among terms of the same letters and must be the term's own (``fǎngǎn`` or
  ``fan3gan3`` is 反感, not 方案 ``fāng'àn``; ``xiān`` is 先, not 西安 ``xī'ān``); a Chinese
  term without a pinyin of its own matches when any reading of each of its characters spells
  the query (:func:`reads_as`, pypinyin's character readings);
- **names**: a person is found by its name written surname first too, after a comma
  (``Chang, Kuo-Cheng`` as BibTeX and RIS print it, for ``Kuo-Cheng Chang``) or without one
  (``CHANG Kuo-Cheng``, the order of the Chinese name that papers and name lists print).

A Latin query is tried as English and as pinyin; a concept matches when any of its terms
does. simplemma and pypinyin are loaded only when a query needs them: simplemma only when a
word of the query and the word in the same place of an English term of as many words could
be two numbers of one noun (:func:`same_noun`; loading its English data costs about 0.2 s of
CPU time); pypinyin's character readings (from termkit's snapshot, without importing
pypinyin) only for Chinese terms that carry no pinyin.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from termkit import lang
from termkit.glossary import to_simplified
from termkit.model import Concept, Glossary, total_sources

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['’ʼ]")
_POSSESSIVE = re.compile(r"['’ʼ]s\b")


def has_han(text: str) -> bool:
    """True when ``text`` holds a Han character (the query is Chinese)."""
    return _HAN.search(text) is not None


def chinese_key(text: str) -> str:
    """Simplified characters, no spaces: the key a Chinese form is compared by."""
    return to_simplified("".join(unicodedata.normalize("NFKC", text).split()))


def english_words(text: str) -> tuple[str, ...]:
    """Case-folded words, possessive ``'s`` and apostrophes dropped, hyphens split.

    ``Vietnam's foreign-policy`` -> ``("vietnam", "foreign", "policy")``; ``women's`` ->
    ``("women",)``, which the lemmatizer then knows as the plural of ``woman``.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _APOSTROPHES.sub("", _POSSESSIVE.sub("", folded))
    return tuple(_WORD.findall(folded))


def pinyin_key(text: str) -> str:
    """Plain letters of a pinyin spelling: no tones, spaces or apostrophes; ``ü`` and ``v`` as ``u``."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z").replace("v", "u")


# A syllable written with a tone number (``fan3``, ``lv4``; 5 or 0 is the neutral tone).
_TONE_NUMBER = re.compile(r"([a-zü:]+)([0-5])", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def tone_marks(text: str) -> frozenset[tuple[int, int]]:
    """Where a pinyin spelling puts its tones: (index in :func:`pinyin_key`'s letters, tone).

    Tone numbers count as the marks they stand for (``fan3gan3`` as ``fǎngǎn``: ``{(1, 3), (4,
    3)}``); a spelling without tones gives the empty set.
    """
    from termkit.pinyin.romanize import COMBINING_TONES, marked

    if any(ch.isdigit() for ch in text):
        text = _TONE_NUMBER.sub(lambda m: marked(m.group(0)), text)
    marks: set[tuple[int, int]] = set()
    index = -1
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if "a" <= ch <= "z":
            index += 1
        elif ch in COMBINING_TONES and index >= 0:
            marks.add((index, COMBINING_TONES[ch]))
    return frozenset(marks)


@functools.lru_cache(maxsize=65536)
def same_noun(a: str, b: str) -> bool:
    """True when two words are the same or one is the other's singular (or other dictionary
    form), as simplemma's English lexicon tells (:func:`termkit.english.same_word`)."""
    if a == b:
        return True
    if not _may_be_numbers_of_one_noun(a, b):
        return False
    from termkit.english import same_word

    return same_word(a, b)


def _may_be_numbers_of_one_noun(a: str, b: str) -> bool:
    """A cheap necessary condition, so the lemmatizer is loaded only when it has something to judge.

    A singular and its plural keep the first letter and differ in at most their last four
    letters (man/men, goose/geese, person/people, criterion/criteria, child/children).
    """
    if not (a.isalpha() and b.isalpha()) or a[0] != b[0] or abs(len(a) - len(b)) > 4:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(len(a), len(b)) - 4


@functools.cache
def _toned_syllables() -> dict[int, frozenset[tuple[str, frozenset[tuple[int, int]]]]]:
    """Every reading of each character as (folded letters, :func:`tone_marks`)."""
    from termkit.pinyin.readings import char_readings

    return {cp: frozenset((pinyin_key(r), tone_marks(r)) for r in reads.split(","))
            for cp, reads in char_readings().items()}


def reads_as(text: str, key: str, tones: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """True when some reading of each character of ``text`` spells ``key`` (folded pinyin)
    with the ``tones`` (:func:`tone_marks`) a toned query gives, if any.

    For Chinese terms without a pinyin of their own: every heteronym counts, so 銀行 reads
    as ``yinhang`` and as ``yinxing``. Letters and digits in the term stand for themselves;
    other characters (spaces, ``·``) are skipped.
    """
    table = _toned_syllables()
    none: frozenset[tuple[int, int]] = frozenset()
    options: list[frozenset[tuple[str, frozenset[tuple[int, int]]]]] = []
    for ch in text:
        reads = table.get(ord(ch))
        if reads:
            options.append(reads)
        elif ch.isascii() and ch.isalnum():
            options.append(frozenset({(pinyin_key(ch) or ch, none)}))
    if not options or not len(options) <= len(key) <= 6 * len(options):
        return False
    # (letters read so far, the tones they carry, placed at their letters)
    reachable = {(0, none)}
    for reads in options:
        reachable = {
            (at + len(r), marks | {(at + i, t) for i, t in own})
            for at, marks in reachable for r, own in reads if key.startswith(r, at)
        }
        if tones:
            reachable = {(at, marks) for at, marks in reachable if marks <= tones}
        if not reachable:
            return False
    return any(at == len(key) and (not tones or marks == tones) for at, marks in reachable)


@dataclass(frozen=True, slots=True)
class Match:
    """A concept found: the glossary it is in, the concept, and which kinds of form matched."""

    glossary: str
    concept: Concept
    matched: tuple[str, ...]  # among "zh", "en", "pinyin"


class LookupIndex:
    """The concepts of some glossaries, indexed by Chinese form, English words and pinyin."""

    def __init__(self, glossaries: Sequence[tuple[str, Glossary]]) -> None:
        self._entries: list[tuple[str, Concept]] = [
            (path, c) for path, g in glossaries for c in g.concepts
        ]
        self._zh: dict[str, set[int]] = {}
        self._en: dict[int, list[tuple[tuple[str, ...], int]]] = {}
        self._readings: tuple[dict[str, set[int]], list[tuple[str, int]]] | None = None
        # each concept's pinyin keys with the tones they are written with
        self._tones: dict[int, list[tuple[str, frozenset[tuple[int, int]]]]] = {}
        for i, (_path, concept) in enumerate(self._entries):
            for term in concept.terms:
                if not term.text.strip():
                    continue
                if lang.is_chinese(term.lang):
                    self._zh.setdefault(chinese_key(term.text), set()).add(i)
                elif lang.parse(term.lang).language == "en":
                    words = english_words(term.text)
                    if words:
                        self._en.setdefault(len(words), []).append((words, i))

    def __len__(self) -> int:
        return len(self._entries)

    def _pinyin_index(self) -> tuple[dict[str, set[int]], list[tuple[str, int]]]:
        """Concepts by folded pinyin, and the Chinese terms without pinyin (read per character)."""
        if self._readings is None:
            index: dict[str, set[int]] = {}
            unread: list[tuple[str, int]] = []
            for i, (_path, concept) in enumerate(self._entries):
                for t in concept.terms:
                    if not lang.is_chinese(t.lang) or not t.text.strip():
                        continue
                    if t.pinyin:
                        key = pinyin_key(t.pinyin)
                        if key:
                            index.setdefault(key, set()).add(i)
                            self._tones.setdefault(i, []).append((key, tone_marks(t.pinyin)))
                    else:
                        unread.append((t.text, i))
            self._readings = (index, unread)
        return self._readings

    def _by_pinyin(self, key: str, tones: frozenset[tuple[int, int]] = frozenset()) -> set[int]:
        index, unread = self._pinyin_index()
        found = set(index.get(key, ()))
        if tones:
            # The tones the query gives choose among the terms spelled with its letters
            # (fǎngǎn is 反感, not 方案 fāng'àn), and say where its syllables are (xiān is one
            # syllable, 先, not 西安 xī'ān): a toned query is the term's own spelling.
            found = {i for i in found
                     if any(k == key and tones == marks for k, marks in self._tones[i])}
        for text, i in unread:
            if i not in found and reads_as(text, key, tones):
                found.add(i)
        return found

    def _english(self, words: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        for term_words, i in self._en.get(len(words), ()):
            if i in found:
                continue
            if all(a == b or same_noun(a, b) for a, b in zip(words, term_words, strict=True)):
                found.add(i)
        return found

    def search(self, query: str) -> list[Match]:
        """The concepts with a form equal to ``query`` (see the module docstring), in order."""
        hits: dict[int, list[str]] = {}
        if has_han(query):
            for i in self._zh.get(chinese_key(query), ()):
                hits.setdefault(i, []).append("zh")
        else:
            words = english_words(query)
            if words:
                for i in self._english(words):
                    hits.setdefault(i, []).append("en")
            surname, comma, given = query.partition(",")
            if not comma:  # ``CHANG Kuo-Cheng``: surname first as Chinese writes it (papers too)
                surname, _, given = query.strip().partition(" ")
            inverted = english_words(f"{given} {surname}") if given and "," not in given else ()
            if inverted:
                # ``Chang, Kuo-Cheng``: a person's name as reference exports print it.
                for i in self._english(inverted):
                    if self._entries[i][1].kind == "person" and "en" not in hits.get(i, ()):
                        hits.setdefault(i, []).append("en")
            key = pinyin_key(query)
            if key:
                for i in self._by_pinyin(key, tone_marks(query)):
                    hits.setdefault(i, []).append("pinyin")
        return [
            Match(self._entries[i][0], self._entries[i][1], tuple(hits[i])) for i in sorted(hits)
        ]


def lookup(query: str, glossaries: Sequence[tuple[str, Glossary]]) -> list[Match]:
    """The concepts of ``glossaries`` (``(path, glossary)`` pairs) with a form equal to ``query``."""
    return LookupIndex(glossaries).search(query)


def match_dict(match: Match, sources: int = 3) -> dict[str, Any]:
    """A found concept as plain data (for ``--json``): terms, statuses, pinyin, domains, sources."""
    c = match.concept
    return {
        "glossary": match.glossary,
        "id": c.id,
        "kind": c.kind.value,
        "status": c.status.value,
        "matched": list(match.matched),
        "terms": [
            {k: v for k, v in (("lang", t.lang), ("text", t.text), ("status", t.status.value),
                               ("pinyin", t.pinyin)) if v is not None}
            for t in c.terms
        ],
        "domains": list(c.domains),
        "sources": [str(s) for s in c.sources[:sources]],
        "sources_total": total_sources(c),
        "notes": list(c.notes),
    }
