"""Keys, ranks and order shared by building, merging and settling glossaries.

A concept's merge key (:func:`concept_key`: its Simplified form, plus the romanization for
persons and the English for titles), the side of a language tag (:func:`side`), the rank of
term statuses, and the sort keys that make every glossary's order the same on every run.
"""

from __future__ import annotations

from termkit.glossary.scripts import to_simplified
from termkit.model import Concept, Kind, Source, Status, Term

# The concept property holding the kinds of evidence behind a pair (space-separated, sorted).
EVIDENCE_PROP = "evidence"

STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.CANDIDATE: 2, Status.DEPRECATED: 3}
"""Statuses from best to worst (a merge keeps the better one)."""
CONFIRMED = frozenset({Status.PREFERRED, Status.ADMITTED})
"""Statuses of a rendering paired with confidence (not structure alone)."""

_KIND_ORDER = {Kind.KEYWORD: 0, Kind.PERSON: 1, Kind.TITLE: 2, Kind.TERM: 3}


def norm(text: str) -> str:
    """``text`` with its spacing collapsed and its case folded (how forms are compared)."""
    return " ".join(text.split()).casefold()


def concept_key(kind: Kind, zh: str | None, en: str | None = None) -> str:
    """The merge key of a concept: its Simplified Chinese form (plus the romanization for persons,
    the English for titles and for concepts without Chinese)."""
    # Spacing collapsed as in English: a title's line break (a subtitle's own line) is the
    # space an export without line breaks writes for it (OmegaT's TSV).
    zkey = " ".join(to_simplified(zh).split()) if zh else ""
    if kind in (Kind.PERSON, Kind.TITLE) or not zkey:
        return f"{zkey}\x1f{norm(en or '')}"
    return zkey


# match_name() score from which a romanization is read as a spelling of the Chinese name when
# persons are merged (the score from which pairing takes two names as one person).
PERSON_MATCH = 0.5


def person_spelling(zh: str, en: str) -> str | None:
    """The spelling of a person's name that forms printed differently share, or None when the
    name matcher (:func:`termkit.pinyin.names.match_details`) does not read ``en`` as ``zh``.

    ``surname|given|order``: the surname and the given name's syllables run together, case
    folded (``Chia-Chou``, ``Chia Chou``, ``chiachou`` are one spelling), and the order in
    running text: ``Wang, Chia-Chou`` (inverted with a comma, as BibTeX and RIS print
    authors) is ``Chia-Chou Wang``; ``Wang Chia-Chou`` without a comma is another order, kept
    apart as a different printed name. Different spellings (Wade-Giles ``Chia-Chou`` and
    pinyin ``Jiazhou``) are different keys: two people can share a Chinese name.
    """
    from termkit.pinyin.names import match_details

    found = match_details(zh, en)
    if found.score < PERSON_MATCH or not found.surname:
        return None
    given = found.given.replace("-", "")
    order = "given-first" if "," in en or not found.surname_first else "surname-first"
    return f"{found.surname.casefold()}|{given.casefold()}|{order}"


# Language tag -> "zh", "en" or "" by its lower-case start (tags repeat: asked once each).
_SIDE: dict[str, str] = {}


def side(lang: str) -> str:
    """``"zh"``, ``"en"`` or ``""``: the side of the glossary a language tag belongs to."""
    found = _SIDE.get(lang)
    if found is None:
        low = lang.lower()
        found = "zh" if low.startswith("zh") else "en" if low.startswith("en") else ""
        if len(_SIDE) < 4096:
            _SIDE[lang] = found
    return found


def key_of(concept: Concept) -> tuple[Kind, str]:
    """A concept's kind and merge key (:func:`concept_key` of its first Chinese and English terms;
    a concept with neither is keyed by its first term and its language)."""
    zh = en = None
    for t in concept.terms:
        s = _SIDE.get(t.lang) or side(t.lang)
        if s == "zh":
            if zh is None:
                zh = t.text
        elif s == "en" and en is None:
            en = t.text
    if zh is None and en is None and concept.terms:
        # Neither Chinese nor English (a termbase's German-only or bibliography entries):
        # without this every such concept had the key "" and all of them became one.
        first = concept.terms[0]
        return concept.kind, f"\x1f\x1f{first.lang.lower()}\x1f{norm(first.text)}"
    return concept.kind, concept_key(concept.kind, zh, en)


def person_key_of(concept: Concept) -> str | None:
    """For a person concept, its Simplified name and :func:`person_spelling` of its first
    English form: the key that concepts of one person printed differently share. None for
    other kinds, or when the matcher does not read the romanization as the name."""
    if concept.kind is not Kind.PERSON:
        return None
    zh = next((t.text for t in concept.terms if side(t.lang) == "zh"), None)
    en = next((t.text for t in concept.terms if side(t.lang) == "en"), None)
    if zh is None or en is None:
        return None
    spelling = person_spelling(zh, en)
    return None if spelling is None else f"{to_simplified(zh)}\x1f{spelling}"


def source_key(s: Source) -> tuple[str, int, str]:
    """Sources in input order: by file, line and record."""
    return (s.path, s.line or 0, s.record or "")


_LANG_ORDER = {"zh-hant": 0, "zh-hans": 1, "en": 2}


def term_sort_key(t: Term) -> tuple[int, str, int, int, str]:
    """A concept's terms: Traditional, Simplified, English, others; best status, most support first."""
    order = _TERM_ORDER.get(t.lang) or _term_order(t.lang)
    return (order[0], order[1], STATUS_RANK[t.status], -t.support, t.text)


# Language tag -> (group, lower-case tag) for term_sort_key: a build sorts the terms of every
# concept, and its tags are a few repeated.
_TERM_ORDER: dict[str, tuple[int, str]] = {}


def _term_order(lang: str) -> tuple[int, str]:
    base = lang.lower()
    group = 3
    for prefix, rank in _LANG_ORDER.items():
        if base == prefix or base.startswith(prefix + "-"):
            group = rank
            break
    if len(_TERM_ORDER) < 4096:
        _TERM_ORDER[lang] = (group, base)
    return group, base


def sort_key(concept: Concept) -> tuple[int, str, str]:
    """Glossary order: keywords, persons, titles, other terms; then by Simplified form."""
    kind, key = key_of(concept)
    return (_KIND_ORDER.get(kind, 9), key, concept.id)
