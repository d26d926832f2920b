"""Glossary building and merging: pairings -> concepts, many glossaries -> one.

A record's pairing becomes a small glossary (one concept per keyword pair, author and
title); :func:`merge_glossaries` then folds any number of glossaries into one:

* concepts meet by kind and Chinese key (the Simplified form, so a Traditional and a
  Simplified record of the same term meet); persons also by romanization, since two people
  can share a Chinese name;
* the same term seen again gains support and keeps every source;
* one Chinese term with two different English renderings is a :class:`Conflict`: both
  renderings stay, each with its sources, and neither is silently preferred.

A keyword pair that only structure supports (see :mod:`termkit.align.pair`) becomes a
*candidate* concept whose terms are candidates; a confident pair a *preferred* one. The kinds
of evidence behind the pair are the concept property ``evidence`` (space-separated, sorted;
merging unites them).

Statuses after merging (:func:`settle`): a single rendering keeps its best status (a
candidate in one record and preferred in another is preferred). Among several renderings,
one paired confidently wins over renderings only structure paired, which stay candidates;
among several confident ones, the one with strictly more support is preferred and the others
admitted, and a tie leaves all of them candidates (a conflict). A candidate rendering that
:data:`AGREEING_RECORDS` (2) or more records paired, each on its own, with no other
rendering of the term, is preferred: independent records agreeing on a pair is evidence no
single record gives. Otherwise renderings only structure paired never become preferred
(several of them are a conflict too). Title-attested variants are always admitted.
"""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from termkit import formats
from termkit.errors import UsageError
from termkit.io import check_readable, read_bytes
from termkit.model import (
    Concept,
    Conflict,
    Glossary,
    Kind,
    Notice,
    Pair,
    Pairing,
    Source,
    Status,
    Term,
    Unit,
    concept_id,
    total_sources,
)

# Origins of terms: printed in a record, attested in a title, or converted by OpenCC.
ORIGIN_RECORD = "record"
ORIGIN_TITLE = "title"

_KIND_ORDER = {Kind.KEYWORD: 0, Kind.PERSON: 1, Kind.TITLE: 2, Kind.TERM: 3}


# --------------------------------------------------------------------------- loading


def load_glossary(path: str, *, format: str | None = None) -> Glossary:
    """Read one file as a glossary, in any registered format (detected from the name).

    Glossary formats are read directly; translation-file formats (XLIFF …) give one concept
    per unit. ``-`` reads stdin and then needs ``format``.
    """
    if path == "-" and not format:
        raise UsageError("reading stdin needs a format option", hint="e.g. --format po")
    check_readable(path)
    fmt = formats.detect(path, format)
    if not (fmt.can_read_glossary or fmt.can_read_units):
        raise UsageError(f"format {fmt.name!r} cannot be imported", path=path)
    with contextlib.ExitStack() as stack:
        stream: BinaryIO
        if path == "-":
            stream = io.BytesIO(read_bytes(path))
        else:
            stream = stack.enter_context(open(path, "rb"))
        if fmt.can_read_glossary:
            return fmt.read_glossary(stream, path)
        return glossary_from_units(fmt.iter_units(stream, path), path, f"import:{fmt.name}")
    raise AssertionError("unreachable")  # pragma: no cover


def glossary_from_units(units: Iterable[Unit], path: str, origin: str) -> Glossary:
    """A glossary with one concept per translation unit that has at least one term."""
    from termkit.formats.glossary_units import unit_to_concept

    glossary = Glossary()
    for unit in units:
        concept = unit_to_concept(unit, path, origin)
        if concept.terms:
            glossary.concepts.append(concept)
        else:
            where = unit.location
            glossary.notices.append(
                Notice("unit without text skipped", path, where.line if where else None)
            )
    return glossary


def load_glossaries(paths: Sequence[str], *, format: str | None = None) -> Glossary:
    """Read several glossary files and merge them into one."""
    return merge_glossaries([load_glossary(p, format=format) for p in paths])


# --------------------------------------------------------------------------- scripts


@functools.cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # lazy: building a converter costs ~70 ms

    return opencc.OpenCC(f"{config}.json")


@functools.lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` of ``text`` (cached converter)."""
    return str(_converter("t2s").convert(text))


@functools.lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """OpenCC ``s2t`` of ``text`` (cached converter)."""
    return str(_converter("s2t").convert(text))


def chinese_forms(zh: str) -> list[tuple[str, str, str]]:
    """The Traditional and Simplified forms of a Chinese term, as ``(lang, text, origin)``.

    The printed form keeps origin ``record``; the other script is produced by OpenCC and
    its origin names the config (``opencc:t2s`` or ``opencc:s2t``). A term that is the same
    in both scripts (越南外交政策) still gets both language entries.
    """
    hans = to_simplified(zh)
    if hans != zh:  # printed in Traditional
        return [("zh-Hant", zh, ORIGIN_RECORD), ("zh-Hans", hans, "opencc:t2s")]
    hant = to_traditional(zh)
    if hant != zh:  # printed in Simplified
        return [("zh-Hant", hant, "opencc:s2t"), ("zh-Hans", zh, ORIGIN_RECORD)]
    return [("zh-Hant", zh, ORIGIN_RECORD), ("zh-Hans", zh, ORIGIN_RECORD)]


# --------------------------------------------------------------------------- building


def _zh_terms(zh: str, source: Source, pinyin: str | None, status: Status) -> list[Term]:
    return [
        Term(text, lang, status, origin, pinyin, 1, [source])
        for lang, text, origin in chinese_forms(zh)
    ]


def _keyword_pinyin(zh: str) -> str | None:
    from termkit.pinyin import term_pinyin

    reading = term_pinyin(zh)
    return reading if reading and reading != zh else None


def _name_pinyin(zh: str) -> str | None:
    from termkit.pinyin.names import name_pinyin

    reading = name_pinyin(zh)
    return reading if reading and reading != zh else None


# The concept property holding the kinds of evidence behind a pair (space-separated, sorted).
EVIDENCE_PROP = "evidence"


def _pair_concept(
    kind: Kind, pair: Pair, source: Source, reading: str | None, domains: list[str]
) -> Concept:
    """The concept of one printed pair: both Chinese scripts and the English.

    The concept and its terms take the pair's status: preferred, or candidate for a pair
    that only structure (or weak evidence) supports. The kinds of evidence go into the
    concept property ``evidence``.
    """
    status = pair.status
    return Concept(
        id=concept_id(kind, concept_key(kind, pair.zh, pair.en)),
        kind=kind,
        terms=[
            *_zh_terms(pair.zh, source, reading, status),
            Term(pair.en, "en", status, ORIGIN_RECORD, None, 1, [source]),
        ],
        domains=list(domains),
        status=status,
        confidence=round(pair.score, 3),
        sources=[source],
        props={EVIDENCE_PROP: " ".join(sorted(pair.kinds))} if pair.kinds else {},
    )


def glossary_from_pairing(pairing: Pairing) -> Glossary:
    """The glossary of one record: a concept per keyword pair, matched author and title."""
    record = pairing.record
    domains = record.domains
    concepts: dict[str, Concept] = {}

    kw_source = record.source_for("keywords")
    for pair in pairing.pairs:
        concept = _pair_concept(Kind.KEYWORD, pair, kw_source, _keyword_pinyin(pair.zh), domains)
        concepts[concept.id] = concept

    title_source = record.source_for("title_en")
    for variant in pairing.variants:
        target = concepts.get(concept_id(Kind.KEYWORD, concept_key(Kind.KEYWORD, variant.zh)))
        if target is not None:
            target.terms.append(
                Term(variant.en, "en", Status.ADMITTED, ORIGIN_TITLE, None, 1, [title_source])
            )

    au_source = record.source_for("authors")
    for pair in pairing.authors:
        # A person belongs to no subject field of the article.
        concept = _pair_concept(Kind.PERSON, pair, au_source, _name_pinyin(pair.zh), [])
        concepts[concept.id] = concept

    if pairing.title is not None:
        concept = _pair_concept(
            Kind.TITLE, pairing.title, record.source_for("title_zh"), None, domains
        )
        concepts[concept.id] = concept

    notices = list(record.notices) + list(pairing.notices)
    for zh in pairing.unpaired_zh:
        notices.append(Notice(f"unpaired Chinese keyword {zh!r}", record.source, record.lines.get("keywords")))
    for en in pairing.unpaired_en:
        notices.append(Notice(f"unpaired English keyword {en!r}", record.source, record.lines.get("keywords")))
    return Glossary(concepts=list(concepts.values()), notices=notices)


def build_glossary(pairings: Iterable[Pairing]) -> Glossary:
    """Merge the glossaries of many records into one (support, sources, conflicts)."""
    return merge_record_glossaries([glossary_from_pairing(p) for p in pairings])


def merge_record_glossaries(glossaries: Iterable[Glossary]) -> Glossary:
    """Merge records' glossaries (:func:`glossary_from_pairing`) as :func:`build_glossary` does,
    taking them over: they must be seen by nobody else (made for this, or sent back by a
    worker). Read once, in order, so they can be merged as they come."""
    # The merge may take the concepts over instead of copying them.
    return _merge(glossaries, adopt=True)


def add_zhuyin(glossary: Glossary) -> Glossary:
    """A copy of ``glossary`` whose Chinese terms carry their zhuyin (bopomofo) reading.

    Persons are read as names (surname readings: 曾 ㄗㄥ); other terms word by word. Terms
    that already have a zhuyin reading keep it.
    """
    import copy

    from termkit.pinyin import Style, annotate, reading

    result = copy.deepcopy(glossary)
    for concept in result.concepts:
        for term in concept.terms:
            if term.zhuyin or not term.lang.lower().startswith("zh"):
                continue
            tokens = annotate(term.text, name=concept.kind is Kind.PERSON)
            value = reading(tokens, Style.ZHUYIN).strip()
            term.zhuyin = value if value and value != term.text else None
    return result


# --------------------------------------------------------------------------- merging


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def concept_key(kind: Kind, zh: str | None, en: str | None = None) -> str:
    """The merge key of a concept: its Simplified Chinese form (plus the romanization for persons,
    the English for titles and for concepts without Chinese)."""
    zkey = to_simplified(zh) if zh else ""
    if kind in (Kind.PERSON, Kind.TITLE) or not zkey:
        return f"{zkey}\x1f{_norm(en or '')}"
    return zkey


# Language tag -> "zh", "en" or "" by its lower-case start (tags repeat: asked once each).
_SIDE: dict[str, str] = {}


def _side(lang: str) -> str:
    found = _SIDE.get(lang)
    if found is None:
        low = lang.lower()
        found = "zh" if low.startswith("zh") else "en" if low.startswith("en") else ""
        if len(_SIDE) < 4096:
            _SIDE[lang] = found
    return found


def _key_of(concept: Concept) -> tuple[Kind, str]:
    zh = en = None
    for t in concept.terms:
        side = _SIDE.get(t.lang) or _side(t.lang)
        if side == "zh":
            if zh is None:
                zh = t.text
        elif side == "en" and en is None:
            en = t.text
    return concept.kind, concept_key(concept.kind, zh, en)


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
    if (_SIDE.get(a.lang) or _side(a.lang)) == "en":
        return " ".join(a.text.split()) == " ".join(b.text.split())
    return _norm(a.text) == _norm(b.text)


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
            if _STATUS_RANK[term.status] < _STATUS_RANK[t.status]:
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


_STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.CANDIDATE: 2, Status.DEPRECATED: 3}
_CONFIRMED = frozenset({Status.PREFERRED, Status.ADMITTED})


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


def _merge(glossaries: Iterable[Glossary], *, adopt: bool) -> Glossary:
    """:func:`merge_glossaries`; with ``adopt`` the glossaries' concepts may become the
    result's own (the caller gives them up): a concept seen first and shaped as a record's
    (:func:`_adoptable`) is taken as it is instead of copied, with the same result."""
    merged: dict[tuple[Kind, str], Concept] = {}
    sets: _SourceSets = {}
    notices: list[Notice] = []
    header: dict[str, str] = {}
    for g in glossaries:
        notices.extend(g.notices)
        for k, v in g.header.items():
            header.setdefault(k, v)
        for concept in g.concepts:
            key = _key_of(concept)
            have = merged.get(key)
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
            if have.status is Status.CANDIDATE and concept.status in _CONFIRMED:
                # A candidate in one record, confident in another: confirmed.
                have.status = concept.status
            if concept.confidence is not None:
                have.confidence = max(have.confidence or 0.0, concept.confidence)
    concepts = [settle(c) for c in merged.values()]
    concepts.sort(key=sort_key)
    conflicts = [c for c in (find_conflict(x) for x in concepts) if c is not None]
    return Glossary(concepts=concepts, conflicts=conflicts, notices=notices, header=header)


def _contested(concept: Concept) -> list[Term]:
    """English renderings that compete to be the concept's rendering (not title variants)."""
    if concept.kind is Kind.PERSON:
        return []
    return [
        t
        for t in concept.terms_for("en")
        if t.origin != ORIGIN_TITLE and t.status is not Status.DEPRECATED
        and t.status is not Status.ADMITTED
    ]


# Records that must pair a rendering independently before agreement confirms it.
AGREEING_RECORDS = 2


def _records_seen(term: Term) -> int:
    """How many records a term was seen in (sources without a record id count by file)."""
    return len({s.record if s.record is not None else s.path for s in term.sources})


def _fold_forms(concept: Concept, rivals: list[Term]) -> tuple[list[Term], dict[int, list[Term]]]:
    """Fold English renderings that are one term in another case, number or hyphenation
    (:func:`termkit.english.same_rendering`) into one: the most frequent form stands for the
    group (with the best status of its competing forms), the others become admitted variants.

    Returns the representatives, in the order of ``rivals``, and each representative's group
    (by ``id``), admitted forms of the same term from earlier merges included.
    """
    from termkit.english import lemma, split_rendering

    forms = [
        t for t in concept.terms_for("en")
        if t.origin != ORIGIN_TITLE and t.status is not Status.DEPRECATED
    ]
    contested = {id(t) for t in rivals}
    by_head: dict[str, list[tuple[str, Term]]] = {}
    dictionary_form: dict[int, bool] = {}
    for t in forms:
        head, last = split_rendering(t.text)
        by_head.setdefault(head, []).append((last, t))
    groups: list[list[Term]] = []
    for members in by_head.values():
        lasts = {last for last, _ in members}
        # The lemmatizer is asked only when renderings differ in their last word alone.
        keyed: dict[str, list[Term]] = {}
        for last, t in members:
            # A word meets the dictionary form that another rendering has (same_word).
            key = last
            if len(lasts) > 1 and last:
                base = lemma(last)
                key = base if base in lasts else last
            dictionary_form[id(t)] = key == last
            keyed.setdefault(key, []).append(t)
        groups.extend(g for g in keyed.values() if any(id(t) in contested for t in g))
    reps: dict[int, tuple[Term, list[Term]]] = {}
    for group in groups:
        # The most frequent form; on a tie the better status, the dictionary form (singular),
        # then the form seen first in the inputs (by file, line and record: not by the order
        # the records were merged in).
        rep = min(group, key=lambda t: (-t.support, -_records_seen(t), _STATUS_RANK[t.status],
                                        not dictionary_form[id(t)], _first_source(t), t.text))
        best = min((t.status for t in group if id(t) in contested), key=_STATUS_RANK.__getitem__)
        for t in group:
            if t is not rep and id(t) in contested:
                t.status = Status.ADMITTED
        rep.status = best
        for t in group:
            if id(t) in contested:
                reps[id(t)] = (rep, group)
    ordered: list[Term] = []
    seen: set[int] = set()
    for t in rivals:
        rep, _ = reps[id(t)]
        if id(rep) not in seen:
            seen.add(id(rep))
            ordered.append(rep)
    return ordered, {id(rep): group for rep, group in reps.values()}


def _first_source(t: Term) -> tuple[str, int, str]:
    return min((_source_key(s) for s in t.sources), default=("\uffff", 0, ""))


def _group_support(groups: dict[int, list[Term]], t: Term) -> int:
    return sum(m.support for m in groups.get(id(t), [t]))


def _drop_conflict_note(concept: Concept) -> None:
    concept.notes = [n for n in concept.notes if not n.startswith("conflict:")]


def settle(concept: Concept) -> Concept:
    """Fix statuses after a merge (see module docstring); returns the same concept."""
    rivals = _contested(concept)
    groups: dict[int, list[Term]] = {}
    if rivals and sum(1 for t in concept.terms if (_SIDE.get(t.lang) or _side(t.lang)) == "en") > 1:
        rivals, groups = _fold_forms(concept, rivals)
    if (
        len(rivals) == 1
        and rivals[0].status is Status.CANDIDATE
        and len({s.record if s.record is not None else s.path
                 for m in groups.get(id(rivals[0]), [rivals[0]]) for s in m.sources})
        >= AGREEING_RECORDS
        and all(any(t is m for m in groups.get(id(rivals[0]), [rivals[0]]))
                for t in concept.terms_for("en") if t.origin != ORIGIN_TITLE)
    ):
        # Several records paired the same rendering (in one case, number or hyphenation or
        # another), each on its own (position in its lists, weak evidence), and nothing
        # competes: their agreement confirms it.
        for t in concept.terms:
            if t.status is Status.CANDIDATE:
                t.status = Status.PREFERRED
        concept.status = Status.PREFERRED
    confirmed = [t for t in rivals if t.status in _CONFIRMED]
    if len(rivals) > 1 and len(confirmed) == 1:
        # One rendering was paired confidently, the others only by structure: the confident
        # one stands, the others stay candidates for a reviewer (no conflict).
        confirmed[0].status = Status.PREFERRED
        _drop_conflict_note(concept)
        rivals = []
    if len(rivals) > 1 and not confirmed:
        # Structure alone paired every rendering: none is promoted; a conflict all the same.
        for t in rivals:
            t.status = Status.CANDIDATE
        rivals = sorted(rivals, key=lambda t: -_group_support(groups, t))
        concept.status = Status.CANDIDATE
        _drop_conflict_note(concept)
        concept.notes.append("conflict: " + " | ".join(t.text for t in rivals))
        rivals = []
    if len(rivals) > 1:
        ranked = sorted(rivals, key=lambda t: -_group_support(groups, t))
        top_is_clear = _group_support(groups, ranked[0]) > _group_support(groups, ranked[1])
        _drop_conflict_note(concept)
        if top_is_clear:
            # One rendering seen strictly more often: preferred, the others admitted. Not a
            # conflict (only a tie is): nothing is left for a reviewer to choose.
            for i, t in enumerate(ranked):
                t.status = Status.PREFERRED if i == 0 else Status.ADMITTED
        else:
            for t in ranked:
                t.status = Status.CANDIDATE
            concept.status = Status.CANDIDATE
            concept.notes.append("conflict: " + " | ".join(t.text for t in ranked))
    # (A list of one is sorted already: most concepts of a build come from one record.)
    if len(concept.terms) > 1:
        concept.terms.sort(key=_term_sort_key)
    concept.domains.sort()
    if len(concept.sources) > 1:
        concept.sources.sort(key=_source_key)
    for t in concept.terms:
        if len(t.sources) > 1:
            t.sources.sort(key=_source_key)
    return concept


def find_conflict(concept: Concept) -> Conflict | None:
    """The conflict a concept carries (several competing English renderings), or None.

    An admitted form of a competing rendering (another case, number or hyphenation of it, see
    :func:`_fold_forms`) is that rendering's variant, not a rival."""
    if concept.kind is Kind.PERSON or not any(n.startswith("conflict:") for n in concept.notes):
        return None
    forms = [
        t for t in concept.terms_for("en")
        if t.origin != ORIGIN_TITLE and t.status is not Status.DEPRECATED
    ]
    if any(t.status is Status.ADMITTED for t in forms):
        from termkit.english import same_rendering

        heads = [t for t in forms if t.status is not Status.ADMITTED]
        forms = [t for t in forms if t.status is not Status.ADMITTED
                 or not any(same_rendering(t.text, h.text) for h in heads)]
    rivals = forms
    if len(rivals) < 2:
        return None
    zh = concept.first("zh-Hant") or concept.first("zh")
    return Conflict(
        zh=zh.text if zh else concept.id,
        renderings=[(t.text, list(t.sources)) for t in rivals],
        totals=[total_sources(t) for t in rivals],
    )


def _source_key(s: Source) -> tuple[str, int, str]:
    return (s.path, s.line or 0, s.record or "")


_LANG_ORDER = {"zh-hant": 0, "zh-hans": 1, "en": 2}


def _term_sort_key(t: Term) -> tuple[int, str, int, int, str]:
    base = t.lang.lower()
    group = 3
    for prefix, rank in _LANG_ORDER.items():
        if base == prefix or base.startswith(prefix + "-"):
            group = rank
            break
    return (group, base, _STATUS_RANK[t.status], -t.support, t.text)


def sort_key(concept: Concept) -> tuple[int, str, str]:
    """Glossary order: keywords, persons, titles, other terms; then by Simplified form."""
    kind, key = _key_of(concept)
    return (_KIND_ORDER.get(kind, 9), key, concept.id)
