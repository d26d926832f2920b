"""Readings of glossary terms: a term's pinyin from the glossary wins over pypinyin's.

Owns :class:`GlossaryReadings` (terms read where they stand as words, registered in both
scripts) and :func:`glossary_readings` (the readings of a glossary, or none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from termkit.pinyin import romanize
from termkit.pinyin.readings import han_run, simplified_key
from termkit.pinyin.tokens import Token

if TYPE_CHECKING:
    from termkit.model import Glossary


@dataclass(slots=True)
class GlossaryReadings:
    """Readings of glossary terms, read where they stand as words (the lock's reading).

    ``readings`` maps a term to its readings: (lower-case tone-mark syllables, written-word
    lengths); several readings are heteronyms, the first is used.
    """

    readings: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = field(default_factory=dict)
    _matcher: Any = None  # a WordMatcher, made on first use
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
        if not han_run().fullmatch(text):
            return False
        whole = romanize.split_word(pinyin, len(text))
        if whole is None:
            return False
        # A reading in tone numbers (``yin2 xing2``, as CC-CEDICT writes them) is kept as
        # tone marks, the form every style renders from.
        whole = [romanize.marked(s) if s[-1:].isdigit() else s for s in whole]
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
        self._matcher = None
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
        """(start, end) spans of glossary terms in ``run`` where they stand as words, in order.

        Read as the glossary lock reads a text (:class:`termkit.convert.words.WordMatcher`):
        a general word that crosses a term's edge keeps the term from being read there, so
        会计 (kuàijì) does not take 开会|计划 apart (kāihuì jìhuà).
        """
        if not self.readings:
            return []
        if self._matcher is None:
            from termkit.convert.words import WordMatcher

            self._matcher = WordMatcher(self.readings)
        return [(start, end) for start, end, _form in self._matcher.matches(run)]


# --------------------------------------------------------------------------- annotation



_EMPTY = GlossaryReadings()


def glossary_readings(glossary: Glossary | None) -> GlossaryReadings:
    """The readings of a glossary's Chinese terms (a shared empty set for None)."""
    return _EMPTY if glossary is None else GlossaryReadings.from_glossary(glossary)

