"""Glossaries: read, built from records' pairings, merged, settled.

A record's pairing becomes a small glossary (one concept per keyword pair, author and
title; :mod:`~termkit.glossary.records`); :func:`merge_glossaries` folds any number of
glossaries into one (:mod:`~termkit.glossary.merge`: concepts meet by kind and Chinese key,
the same term seen again gains support and keeps every source) and settles the statuses
(:mod:`~termkit.glossary.settle`: one Chinese term with two English renderings and no
evidence between them is a conflict). :mod:`~termkit.glossary.load` reads glossary files;
:mod:`~termkit.glossary.keys` holds the merge keys and the order; :mod:`~termkit.glossary.scripts`
the Traditional and Simplified forms of a term.
"""

from termkit.glossary.keys import EVIDENCE_PROP, concept_key, sort_key
from termkit.glossary.load import glossary_from_units, load_glossaries, load_glossary
from termkit.glossary.merge import merge_glossaries, merge_record_glossaries
from termkit.glossary.records import add_zhuyin, build_glossary, glossary_from_pairing
from termkit.glossary.scripts import (
    ORIGIN_RECORD,
    ORIGIN_TITLE,
    chinese_forms,
    to_simplified,
    to_traditional,
)
from termkit.glossary.settle import AGREEING_RECORDS, find_conflict, settle

__all__ = [
    "AGREEING_RECORDS",
    "EVIDENCE_PROP",
    "ORIGIN_RECORD",
    "ORIGIN_TITLE",
    "add_zhuyin",
    "build_glossary",
    "chinese_forms",
    "concept_key",
    "find_conflict",
    "glossary_from_pairing",
    "glossary_from_units",
    "load_glossaries",
    "load_glossary",
    "merge_glossaries",
    "merge_record_glossaries",
    "settle",
    "sort_key",
    "to_simplified",
    "to_traditional",
]
