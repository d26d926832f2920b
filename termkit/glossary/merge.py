"""Merging glossaries: many glossaries (or records' glossaries) folded into one.

Concepts meet by kind and Chinese key (the Simplified form, so a Traditional and a
Simplified record of the same term meet; persons also by romanization, since two people can
share a Chinese name, one person's forms printed differently meeting by their spelling:
:func:`~termkit.glossary.keys.person_key_of`); the same term seen again gains support and keeps every source; the
result is settled (:mod:`termkit.glossary.settle`) and sorted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termkit.glossary.keys import (
    CONFIRMED,
    EVIDENCE_PROP,
    STATUS_RANK,
    key_of,
    norm,
    person_key_of,
    side,
    sort_key,
)
from termkit.glossary.scripts import ORIGIN_RECORD
from termkit.glossary.settle import find_conflict, settle
from termkit.model import Concept, Glossary, Kind, Notice, Source, Status, Term, concept_id

# Membership sets for the source lists being merged, keyed by id(list): lists grow with
# every record that repeats a term, and a linear `in` would make merging quadratic.
_SourceSets = dict[int, set[Source]]


def _add_sources(into: list[Source], more: Iterable[Source], sets: _SourceSets) -> int:
    """Append the sources not yet in ``into``; returns how many were new."""
    have = sets.get(id(into))
    if have is None:
        have = sets[id(into)] = set(into)
    added = 0
    for s in more:
        if s not in have:
            have.add(s)
            into.append(s)
            added += 1
    return added


def _compatible(a: str, b: str) -> bool:
    """Same tag, or one refines the other (``zh-Hant`` and ``zh-Hant-TW``)."""
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _same_form(a: Term, b: Term) -> bool:
    """One form: equal up to spacing, and up to letter case except in English, whose case
    forms stay apart until :func:`settle` folds them (the most frequent one preferred)."""
    if side(a.lang) == "en":
        return " ".join(a.text.split()) == " ".join(b.text.split())
    return norm(a.text) == norm(b.text)


def _merge_term(into: Concept, term: Term, sets: _SourceSets) -> None:
    for t in into.terms:
        if _compatible(t.lang, term.lang) and _same_form(t, term):
            # The same form under a general and a regional tag is one term: keep the
            # more specific tag, which says more and still matches the general one.
            if len(term.lang) > len(t.lang):
                t.lang = term.lang
            # Support counts sightings: a term whose sources are all known already (the
            # same glossary merged twice) adds nothing.
            new = _add_sources(t.sources, term.sources, sets)
            if new or not term.sources:
                t.support += term.support
            if t.sources_total is not None or term.sources_total is not None:
                t.sources_total = _merged_total(t, term)
            # A form printed in a record beats one produced by conversion or a title.
            if t.origin != ORIGIN_RECORD and term.origin == ORIGIN_RECORD:
                t.origin = ORIGIN_RECORD
            t.pinyin = t.pinyin or term.pinyin
            t.zhuyin = t.zhuyin or term.zhuyin
            t.part_of_speech = t.part_of_speech or term.part_of_speech
            t.term_type = t.term_type or term.term_type
            t.note = t.note or term.note
            if STATUS_RANK[term.status] < STATUS_RANK[t.status]:
                t.status = term.status
            return
    into.terms.append(
        Term(
            term.text, term.lang, term.status, term.origin, term.pinyin, term.support,
            list(term.sources), term.part_of_speech, term.term_type, term.note, term.zhuyin,
            term.sources_total,
        )
    )


def _merged_total(into: Concept | Term, more: Concept | Term) -> int:
    """The total of sources after merging lists that may hold only the first few: the union
    listed, or the larger known total (which of the unlisted ones are shared is unknown)."""
    return max(len(into.sources), into.sources_total or 0, more.sources_total or 0)


def _copy(concept: Concept, cid: str, sets: _SourceSets) -> Concept:
    fresh = Concept(
        id=cid,
        kind=concept.kind,
        domains=list(concept.domains),
        status=concept.status,
        confidence=concept.confidence,
        sources=list(concept.sources),
        notes=list(concept.notes),
        props=dict(concept.props),
        sources_total=concept.sources_total,
    )
    for term in concept.terms:
        _merge_term(fresh, term, sets)
    return fresh


# The language tags of a record's keyword, person and title concepts: no two of them are
# compatible (_compatible), so its terms never merge with each other.
_RECORD_LANGS = ("zh-Hant", "zh-Hans", "en")


def _adoptable(concept: Concept) -> bool:
    """A concept that :func:`_copy` would copy term for term (no two terms merge)."""
    terms = concept.terms
    return len(terms) == 3 and all(
        t.lang == lang for t, lang in zip(terms, _RECORD_LANGS, strict=True)
    )


def merge_glossaries(glossaries: Sequence[Glossary]) -> Glossary:
    """Fold glossaries into one; returns a new, settled and sorted glossary."""
    return _merge(glossaries, adopt=False)


def merge_record_glossaries(glossaries: Iterable[Glossary]) -> Glossary:
    """Merge records' glossaries (:func:`~termkit.glossary.records.glossary_from_pairing`) as
    :func:`~termkit.glossary.build_glossary` does, taking them over: they must be seen by
    nobody else (made for this, or sent back by a worker). Read once, in order, so they can
    be merged as they come."""
    # The merge may take the concepts over instead of copying them.
    return _merge(glossaries, adopt=True)


def _merge(glossaries: Iterable[Glossary], *, adopt: bool) -> Glossary:
    """:func:`merge_glossaries`; with ``adopt`` the glossaries' concepts may become the
    result's own (the caller gives them up): a concept seen first and shaped as a record's
    (:func:`_adoptable`) is taken as it is instead of copied, with the same result."""
    merged: dict[tuple[Kind, str], Concept] = {}
    # A person's name and spelling (keys.person_key_of) -> the key its concept is merged under:
    # the same person printed another way (`Wang, Chia-Chou`, `Chia-Chou Wang`) meets there.
    persons: dict[str, tuple[Kind, str]] = {}
    sets: _SourceSets = {}
    notices: list[Notice] = []
    header: dict[str, str] = {}
    for g in glossaries:
        notices.extend(g.notices)
        for k, v in g.header.items():
            header.setdefault(k, v)
        for concept in g.concepts:
            key = key_of(concept)
            have = merged.get(key)
            if have is None and concept.kind is Kind.PERSON:
                alias = person_key_of(concept)
                if alias is not None:
                    key = persons.setdefault(alias, key)
                    have = merged.get(key)
                    if have is not None:
                        # One id whatever the order the forms came in: the smallest.
                        cid = concept.id or concept_id(*key_of(concept))
                        have.id = min(have.id, cid)
            if have is None:
                cid = concept.id or concept_id(key[0], key[1])
                if adopt and _adoptable(concept):
                    concept.id = cid
                    merged[key] = concept
                else:
                    merged[key] = _copy(concept, cid, sets)
                continue
            for term in concept.terms:
                _merge_term(have, term, sets)
            for d in concept.domains:
                if d not in have.domains:
                    have.domains.append(d)
            _add_sources(have.sources, concept.sources, sets)
            if have.sources_total is not None or concept.sources_total is not None:
                have.sources_total = _merged_total(have, concept)
            for n in concept.notes:
                if n not in have.notes:
                    have.notes.append(n)
            for pk, pv in concept.props.items():
                if pk == EVIDENCE_PROP and pk in have.props:
                    # The kinds of evidence seen in any record, together.
                    kinds = set(have.props[pk].split()) | set(pv.split())
                    have.props[pk] = " ".join(sorted(kinds))
                else:
                    have.props.setdefault(pk, pv)
            if have.status is Status.CANDIDATE and concept.status in CONFIRMED:
                # A candidate in one record, confident in another: confirmed.
                have.status = concept.status
            if concept.confidence is not None:
                have.confidence = max(have.confidence or 0.0, concept.confidence)
    concepts = [settle(c) for c in merged.values()]
    concepts.sort(key=sort_key)
    if _renumber_taken_ids(concepts, notices):
        concepts.sort(key=sort_key)
    conflicts = [c for c in (find_conflict(x) for x in concepts) if c is not None]
    return Glossary(concepts=concepts, conflicts=conflicts, notices=notices, header=header)


def _renumber_taken_ids(concepts: list[Concept], notices: list[Notice]) -> bool:
    """Give a concept whose id another concept already has (two glossaries that numbered
    their concepts alike, ``[c1]`` in each) the id made from its own key: a glossary with one
    id twice cannot be read back. The first in glossary order keeps the id; a notice names
    each change. True when an id changed."""
    taken: set[str] = set()
    clashes: list[Concept] = []
    for c in concepts:
        if c.id in taken:
            clashes.append(c)
        taken.add(c.id)
    for c in clashes:
        base = concept_id(*key_of(c))
        new, n = base, 2
        while new in taken:
            new, n = f"{base}-{n}", n + 1
        taken.add(new)
        first = c.terms[0].text if c.terms else ""
        notices.append(Notice(f"concept id {c.id!r} is used by another concept; "
                              f"{first!r} is written as {new!r}"))
        c.id = new
    return bool(clashes)
