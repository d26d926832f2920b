"""Provenance that scales: the first few sources in the glossary, the full list beside it.

A concept seen in 3,000 records has 3,000 sources; written into ``glossary.txt`` and every
export they would make each file grow with the number of records instead of the number of
concepts. :func:`limit_sources` keeps, for each concept, its first ``max_sources`` sources (in
glossary order) and the total (``sources_total`` on the model; ``sources-total`` in the
glossary file). A term keeps its sources when it has no more than ``max_sources``; otherwise
it keeps only its total (and its support count, as every term does): the concept's first few
stand for it, and a term's list would repeat them (a record's sources are the same in its
concept and each of its terms). So a file lists at most ``max_sources`` sources per concept
plus those of its rarely seen terms, however many records there were. :func:`sidecar_lines` gives the
full lists as JSON Lines, the shape :mod:`termkit.review.sources` reads::

    {"id": ID, "total": N, "sources": [{"path", "line", "record"}, ...],
     "terms": [{"lang", "text", "sources": [...]}, ...]}

one object per concept, sorted by concept id. :func:`conflict_lines` writes conflicts in
full, one JSON object per conflict (``--conflicts FILE``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from operator import attrgetter

from termkit.model import Concept, Conflict, Glossary, Source, Term, total_sources

DEFAULT_MAX_SOURCES = 5
SIDECAR_SUFFIX = ".sources.jsonl"


def _limited(item: Concept | Term, keep: int) -> Concept | Term:
    return dataclasses.replace(item, sources=item.sources[:keep], sources_total=total_sources(item))


def limit_sources(glossary: Glossary, max_sources: int = DEFAULT_MAX_SOURCES) -> Glossary:
    """A copy of ``glossary`` whose concepts and terms list at most ``max_sources`` sources
    each, with ``sources_total`` set where the list was cut (the input is not changed)."""
    if max_sources < 0:
        raise ValueError("max_sources must be 0 or more")
    concepts = []
    for c in glossary.concepts:
        if len(c.sources) <= max_sources and all(len(t.sources) <= max_sources for t in c.terms):
            concepts.append(c)
            continue
        terms = [t if len(t.sources) <= max_sources else _limited(t, 0) for t in c.terms]
        cut = _limited(c, max_sources) if len(c.sources) > max_sources else c
        concepts.append(dataclasses.replace(cut, terms=terms))  # type: ignore[arg-type]
    conflicts = [
        Conflict(k.zh, [(en, srcs[:max_sources]) for en, srcs in k.renderings],
                 [k.total(i) for i in range(len(k.renderings))])
        for k in glossary.conflicts
    ]
    return dataclasses.replace(glossary, concepts=concepts, conflicts=conflicts)


def source_dict(s: Source) -> dict[str, object]:
    """One source as JSON data: ``{"path", "line", "record"}`` (null when unknown)."""
    return {"path": s.path, "line": s.line, "record": s.record}


# A JSON string as json.dumps(ensure_ascii=False) writes it (the json module's own encoder).
_string: Callable[[str], str] = json.encoder.encode_basestring


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def sidecar_lines(glossary: Glossary) -> Iterator[str]:
    """The sources sidecar of ``glossary``: one JSON line per concept, sorted by id.

    Each line is what ``json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))`` gives
    for the object, assembled from pieces: a record's source repeats in its concept and each
    of its terms, so it is encoded once (by identity: the glossary keeps the objects alive).
    """
    encoded: dict[int, str] = {}
    alone: dict[int, str] = {}  # "[SOURCE]" by the source's identity: most lists hold one

    def many(sources: list[Source]) -> str:
        if len(sources) == 1:
            found = alone.get(id(sources[0]))
            if found is not None:
                return found
        parts = []
        for s in sources:
            found = encoded.get(id(s))
            if found is None:
                found = encoded[id(s)] = _dumps(source_dict(s))
            parts.append(found)
        text = "[" + ", ".join(parts) + "]"
        if len(sources) == 1:
            alone[id(sources[0])] = text
        return text

    for c in sorted(glossary.concepts, key=attrgetter("id")):
        terms = ", ".join([
            '{"lang": ' + _string(t.lang) + ', "text": ' + _string(t.text)
            + ', "sources": ' + many(t.sources) + "}"
            for t in c.terms
        ])
        yield ('{"id": ' + _string(c.id) + ', "total": ' + str(total_sources(c))
               + ', "sources": ' + many(c.sources) + ', "terms": [' + terms + "]}\n")


def conflict_lines(conflicts: list[Conflict]) -> Iterator[str]:
    """Every conflict in full, one JSON line each, sorted by the Chinese term:
    ``{"zh", "renderings": [{"en", "total", "sources"}]}``."""
    for k in sorted(conflicts, key=lambda k: (k.zh, [en for en, _ in k.renderings])):
        yield _dumps({
            "zh": k.zh,
            "renderings": [
                {"en": en, "total": k.total(i), "sources": [source_dict(s) for s in srcs]}
                for i, (en, srcs) in enumerate(k.renderings)
            ],
        }) + "\n"
