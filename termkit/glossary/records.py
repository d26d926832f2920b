"""A record's glossary from its pairing (a concept per keyword pair, author and title), many
records' glossaries merged into one, and zhuyin readings added to a glossary.

A keyword pair that only structure supports (see :mod:`termkit.align.pair`) becomes a
*candidate* concept whose terms are candidates; a confident pair a *preferred* one. The kinds
of evidence behind the pair are the concept property ``evidence`` (space-separated, sorted;
merging unites them).
"""

from __future__ import annotations

from collections.abc import Iterable

from termkit.glossary.keys import EVIDENCE_PROP, concept_key
from termkit.glossary.merge import merge_record_glossaries
from termkit.glossary.scripts import ORIGIN_RECORD, ORIGIN_TITLE, chinese_forms
from termkit.model import (
    Concept,
    Glossary,
    Kind,
    Notice,
    Pair,
    Pairing,
    Source,
    Status,
    Term,
    concept_id,
    has_term_text,
)


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


def _has_text(pair: Pair) -> bool:
    return has_term_text(pair.zh) and has_term_text(pair.en)


def glossary_from_pairing(pairing: Pairing) -> Glossary:
    """The glossary of one record: a concept per keyword pair, matched author and title."""
    record = pairing.record
    domains = record.domains
    concepts: dict[str, Concept] = {}

    # A pair needs text on both sides: a concept of blank or punctuation terms (an empty
    # item a JSON record or a list kept) is never written.
    kw_source = record.source_for("keywords")
    for pair in pairing.pairs:
        if not _has_text(pair):
            continue
        concept = _pair_concept(Kind.KEYWORD, pair, kw_source, _keyword_pinyin(pair.zh), domains)
        concepts[concept.id] = concept

    title_source = record.source_for("title_en")
    for variant in pairing.variants:
        target = concepts.get(concept_id(Kind.KEYWORD, concept_key(Kind.KEYWORD, variant.zh)))
        if target is not None and has_term_text(variant.en):
            target.terms.append(
                Term(variant.en, "en", Status.ADMITTED, ORIGIN_TITLE, None, 1, [title_source])
            )

    au_source = record.source_for("authors")
    for pair in pairing.authors:
        if not _has_text(pair):
            continue
        # A person belongs to no subject field of the article.
        concept = _pair_concept(Kind.PERSON, pair, au_source, _name_pinyin(pair.zh), [])
        concepts[concept.id] = concept

    if pairing.title is not None and _has_text(pairing.title):
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
