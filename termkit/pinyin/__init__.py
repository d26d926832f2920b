"""Pinyin annotation on pypinyin, with glossary readings, both-script lookup and word grouping.

Owns :func:`annotate` (text -> written words with readings), :func:`term_pinyin` and
:func:`term_reading` (the glossary builder's one-liners, cached), glossary readings
(:class:`GlossaryReadings`) and the plain-text renderings (inline, TSV, JSON).
The package, one module a concern: :mod:`~termkit.pinyin.tokens` (styles, tokens, syllable
rendering), :mod:`~termkit.pinyin.readings` (pypinyin's readings on the Simplified form),
:mod:`~termkit.pinyin.snapshot` (pypinyin's tables without importing it),
:mod:`~termkit.pinyin.glossary_readings`, :mod:`~termkit.pinyin.annotate`,
:mod:`~termkit.pinyin.words` (word grouping), :mod:`~termkit.pinyin.render` (inline, TSV, JSON),
:mod:`~termkit.pinyin.ruby` (HTML), :mod:`~termkit.pinyin.names` (personal names and their
matching), :mod:`~termkit.pinyin.romanize` (syllable tables) and
:mod:`~termkit.pinyin.compat` (pypinyin-compatible output for pypinyin's own tests).

How a reading is chosen, per run of Chinese characters:
1. glossary terms (longest match, Aho-Corasick, on the Simplified form so a term matches in
   either script) take their readings from the glossary;
2. the rest goes to pypinyin on its Simplified form (OpenCC ``t2s``), because pypinyin's phrase
   table is mostly Simplified: 權力平衡 gets the phrase reading 权力平衡 gets. A reading is
   mapped back to the original character only if pypinyin knows it for that character.
pypinyin's process-wide dictionaries are never changed (no ``load_phrases_dict``).

Speed: pypinyin's segmentation and readings are taken from a cached snapshot of its
dictionaries (:func:`termkit.pinyin.snapshot.pypinyin_data`, same results, no 0.3 s import), the
readings of each segmented word are cached (a text repeats its words), and word grouping uses
the light CC-CEDICT word list (:class:`termkit.lexicon.WordList`) rather than the gloss index.
"""

from __future__ import annotations

from termkit.pinyin.annotate import annotate, term_pinyin, term_reading
from termkit.pinyin.glossary_readings import GlossaryReadings
from termkit.pinyin.readings import simplified_key
from termkit.pinyin.render import lines_of, render_inline, render_tsv, to_json
from termkit.pinyin.tokens import Style, Token, parse_style, reading, render_syllable

__all__ = [
    "GlossaryReadings",
    "Style",
    "Token",
    "annotate",
    "lines_of",
    "parse_style",
    "reading",
    "render_inline",
    "render_syllable",
    "render_tsv",
    "simplified_key",
    "term_pinyin",
    "term_reading",
    "to_json",
]
