"""Pairing within one record: Chinese and English keywords, author names, titles.

The package, one module a concern: :mod:`~termkit.align.pair` (the decisions: which pairs are
made, parallel lists, position and elimination, and how sure each pair is),
:mod:`~termkit.align.keys` (what each keyword is: dictionary glosses, Latin tokens, acronyms,
heads), :mod:`~termkit.align.score` (the evidence for one candidate pair),
:mod:`~termkit.align.translit` (names and places as keywords: romanizations),
:mod:`~termkit.align.structure` (whether the lists keep one order, and where position
may pair), :mod:`~termkit.align.spelling` (British and American spellings of one word),
:mod:`~termkit.align.evidence` (the kinds of evidence a pair carries),
:mod:`~termkit.align.assign` (the best one-to-one assignment),
:mod:`~termkit.align.runs` (English keywords printed run together, cut by their Chinese
counterparts) and :mod:`~termkit.align.titles` (title pairs and title-attested keyword
variants).
"""

from __future__ import annotations

from termkit.align.pair import pair_authors, pair_keywords, pair_record

__all__ = ["pair_authors", "pair_keywords", "pair_record"]
