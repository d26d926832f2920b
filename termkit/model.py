"""The data model: records, pairs, glossary concepts and terms, translation units.

Plain dataclasses, no behaviour beyond small helpers. Values that are shared and
compared (``Source``, ``Notice``, ``Pair``, ``Person``) are frozen; the containers that
passes build up (``Record``, ``Concept``, ``Glossary``) are mutable but every pass in
termkit returns new objects rather than changing its input.

Language tags are BCP 47 inside termkit (``en``, ``zh-Hant``, ``zh-Hans``, with a region
``-TW``/``-HK``/``-CN`` when it is known); see :mod:`termkit.lang`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Administrative status of a term or concept (TBX's preferred/admitted/deprecated)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    CANDIDATE = "candidate"
    DEPRECATED = "deprecated"


class Kind(StrEnum):
    """What a concept came from."""

    KEYWORD = "keyword"
    PERSON = "person"
    TITLE = "title"
    TERM = "term"  # imported from another glossary or translation file


@dataclass(frozen=True, slots=True)
class Source:
    """Where something was seen: a file, a line in it, and the record it belongs to."""

    path: str
    line: int | None = None
    record: str | None = None

    def __reduce__(self) -> tuple[type[Source], tuple[str, int | None, str | None]]:
        # Pickled as its fields (see Term.__reduce__).
        return Source, (self.path, self.line, self.record)

    def __str__(self) -> str:
        text = self.path if self.line is None else f"{self.path}:{self.line}"
        return text if self.record is None else f"{text} record={self.record}"


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning collected as data (the library never prints)."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __reduce__(self) -> tuple[type[Notice], tuple[str, str | None, int | None, int | None]]:
        return Notice, (self.message, self.path, self.line, self.column)

    def __str__(self) -> str:
        loc = ":".join(str(p) for p in (self.path, self.line, self.column) if p is not None)
        return f"{loc}: {self.message}" if loc else self.message


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Person:
    """An author as printed: Chinese name, romanized name, or both."""

    zh: str | None = None
    en: str | None = None
    line: int | None = None


@dataclass(slots=True)
class Section:
    """A block of a record page that the reader did not recognise, kept verbatim."""

    name: str
    text: str
    line: int | None = None


@dataclass(slots=True)
class Record:
    """The metadata of one article, as read from a page, RIS entry or JSON line.

    ``lines`` maps a field name (``"keywords"``, ``"authors"``, ``"title_en"`` …) to the
    1-based line where it was found, for provenance and error messages.
    """

    source: str
    id: str
    title_en: str | None = None
    title_zh: str | None = None
    authors: list[Person] = field(default_factory=list)
    advisors: list[Person] = field(default_factory=list)  # a thesis's advisors (指導教授)
    keywords_zh: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    volume: str | None = None
    issue: str | None = None
    date: str | None = None  # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    pages: str | None = None  # "113-129"
    venue: str | None = None
    abstract_zh: str | None = None
    abstract_en: str | None = None
    subjects: list[list[str]] = field(default_factory=list)  # [["人文學", "人文學綜合"], …]
    references: list[str] = field(default_factory=list)
    citing: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)

    def source_for(self, fieldname: str) -> Source:
        """The provenance of one field of this record."""
        return Source(self.source, self.lines.get(fieldname), self.id)

    @property
    def domains(self) -> list[str]:
        """Top-level subject fields (``人文學`` from ``人文學 > 人文學綜合``), in order, unique."""
        seen: list[str] = []
        for path in self.subjects:
            if path and path[0] not in seen:
                seen.append(path[0])
        return seen


@dataclass(frozen=True, slots=True)
class Pair:
    """A Chinese–English pairing with its score (0–1) and the evidence that supports it.

    ``evidence`` holds the details (``dict:權力=power``, ``position`` …); ``kinds`` the kinds of
    evidence they amount to (``dictionary``, ``position``, ``name`` …, see
    :mod:`termkit.align.evidence`). ``status`` is ``preferred`` for a pair at or above the
    pairing's confident threshold and ``candidate`` for one that structure alone (or weak
    evidence) supports, to be confirmed by a reviewer.
    """

    zh: str
    en: str
    score: float
    evidence: tuple[str, ...] = ()
    kind: Kind = Kind.KEYWORD
    status: Status = Status.PREFERRED
    kinds: tuple[str, ...] = ()


@dataclass(slots=True)
class Pairing:
    """Everything pairing found in one record."""

    record: Record
    pairs: list[Pair] = field(default_factory=list)
    unpaired_zh: list[str] = field(default_factory=list)
    unpaired_en: list[str] = field(default_factory=list)
    authors: list[Pair] = field(default_factory=list)
    unmatched_authors: list[Person] = field(default_factory=list)
    title: Pair | None = None
    # Title-attested variants: (Chinese keyword, English phrase from the title).
    variants: list[Pair] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


# --------------------------------------------------------------------------- glossary


@dataclass(slots=True)
class Term:
    """One form of a concept in one language.

    ``origin`` says how the form was obtained: ``"record"`` (printed in a record),
    ``"title"`` (attested in a title), ``"opencc:t2s"`` (converted), ``"import:tmx"`` …
    """

    text: str
    lang: str
    status: Status = Status.CANDIDATE
    origin: str | None = None
    pinyin: str | None = None
    support: int = 1
    sources: list[Source] = field(default_factory=list)
    part_of_speech: str | None = None
    term_type: str | None = None
    note: str | None = None
    zhuyin: str | None = None  # bopomofo reading, added on request (build/export --zhuyin)
    # How many sources there are in all when ``sources`` lists only the first few (see
    # termkit.provenance); None when ``sources`` is the full list.
    sources_total: int | None = None

    def __reduce__(self) -> tuple[type[Term], tuple[Any, ...]]:
        # Pickled as its fields in order, rebuilt by one call (``termkit build --jobs`` sends
        # every record's glossary back from a worker): a third of the bytes and half the
        # time of the slots state dict.
        return Term, (self.text, self.lang, self.status, self.origin, self.pinyin, self.support,
                      self.sources, self.part_of_speech, self.term_type, self.note, self.zhuyin,
                      self.sources_total)


@dataclass(slots=True)
class Concept:
    """A glossary entry: one meaning, its terms in each language, and where it came from."""

    id: str
    kind: Kind = Kind.TERM
    terms: list[Term] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    status: Status = Status.CANDIDATE
    confidence: float | None = None
    sources: list[Source] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Anything a format carried that has no field here (TMX props, TBX descrips …).
    props: dict[str, str] = field(default_factory=dict)
    # How many sources there are in all when ``sources`` lists only the first few.
    sources_total: int | None = None

    def __reduce__(self) -> tuple[type[Concept], tuple[Any, ...]]:
        return Concept, (self.id, self.kind, self.terms, self.domains, self.status,
                         self.confidence, self.sources, self.notes, self.props,
                         self.sources_total)

    def terms_for(self, lang: str) -> list[Term]:
        """Terms whose language tag is ``lang`` or a subtag of it (``zh-Hant`` matches ``zh-Hant-TW``)."""
        want = lang.lower()
        return [
            t for t in self.terms if t.lang.lower() == want or t.lang.lower().startswith(want + "-")
        ]

    def first(self, lang: str) -> Term | None:
        """The preferred (else first) term in ``lang``, or None."""
        terms = self.terms_for(lang)
        for t in terms:
            if t.status is Status.PREFERRED:
                return t
        return terms[0] if terms else None


@dataclass(slots=True)
class Conflict:
    """One Chinese term rendered differently in different records: all renderings kept."""

    zh: str
    renderings: list[tuple[str, list[Source]]]
    # How many sources each rendering has in all, when its list holds only the first few
    # (a glossary read back after termkit.provenance.limit_sources); empty: the lists are full.
    totals: list[int] = field(default_factory=list)

    def total(self, i: int) -> int:
        """How many sources rendering ``i`` has in all."""
        listed = len(self.renderings[i][1])
        return max(self.totals[i], listed) if i < len(self.totals) else listed

    def summary(self, max_sources: int = 3) -> str:
        """One line: each rendering with its number of sources, and at most ``max_sources``
        sources on the whole line (taken in turn from each rendering)."""
        shown: list[list[Source]] = [[] for _ in self.renderings]
        budget, depth = max_sources, 0
        while budget > 0 and any(depth < len(srcs) for _, srcs in self.renderings):
            for i, (_, srcs) in enumerate(self.renderings):
                if budget > 0 and depth < len(srcs):
                    shown[i].append(srcs[depth])
                    budget -= 1
            depth += 1
        parts = []
        for i, (en, _) in enumerate(self.renderings):
            total = self.total(i)
            listed = ", ".join(str(s) for s in shown[i])
            more = total - len(shown[i])
            if more and listed:
                listed += f", +{more} more"
            elif more:
                listed = f"{more} source{'s' if more != 1 else ''}"
            parts.append(f"{en!r} ({listed})")
        return f"{self.zh} has {len(self.renderings)} renderings: {'; '.join(parts)}"

    def __str__(self) -> str:
        return self.summary(max_sources=1 << 30)


@dataclass(slots=True)
class Glossary:
    """A bilingual glossary: concepts sorted by id, conflicts, and collected notices."""

    concepts: list[Concept] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    # Free-form header lines (source, licence) written by formats that have a header.
    header: dict[str, str] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type[Glossary], tuple[Any, ...]]:
        return Glossary, (self.concepts, self.conflicts, self.notices, self.header)

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.concepts)


def total_sources(item: Concept | Term) -> int:
    """How many sources a concept or term has in all (its list may hold only the first few)."""
    listed = len(item.sources)
    return item.sources_total if item.sources_total is not None and item.sources_total > listed else listed


def has_term_text(text: str | None) -> bool:
    """True if ``text`` can be a term read from a record: it holds a letter or a digit (a Han
    character is a letter). Blank text, punctuation, dashes, brackets and invisible marks
    (``…``, ``—``, ``（）``, a zero-width space) name no concept."""
    return text is not None and any(c.isalnum() for c in text)


def concept_id(kind: Kind | str, key: str) -> str:
    """A stable identifier for a concept, usable as an XML ID (``c`` + 12 hex digits)."""
    kind_value = kind.value if isinstance(kind, Kind) else kind
    digest = hashlib.sha1(f"{kind_value}\x1f{key}".encode()).hexdigest()
    return "c" + digest[:12]


# --------------------------------------------------------------------------- translation units


@dataclass(slots=True)
class Variant:
    """One language side of a translation unit.

    ``text`` is the plain text (inline codes removed); ``markup`` keeps the original inline
    content (e.g. the XML inside a TMX ``<seg>``) when it had codes, so writers can be lossless.
    """

    lang: str
    text: str
    markup: str | None = None
    props: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Unit:
    """A translation unit: a TMX ``<tu>``, a PO entry, an XLIFF trans-unit, a TSV row."""

    id: str | None
    variants: list[Variant] = field(default_factory=list)
    source_lang: str | None = None
    props: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    location: Source | None = None

    def text(self, lang: str) -> str | None:
        """The text in ``lang`` (prefix match on the tag, case-insensitive), or None."""
        want = lang.lower()
        for v in self.variants:
            tag = v.lang.lower()
            if tag == want or tag.startswith(want + "-"):
                return v.text
        return None
