"""The review list: which concepts a page shows, in which order, filtered and paged on the server.

Order: concepts with a conflict first, then candidates, then the rest, each group in glossary
order, so the work comes first. Filters: status, kind, domain, evidence kind, has-conflict, and
a text search over every form, the concept id and the pinyin with or without tone marks and
spaces (``quanli pingheng``, ``quanlipingheng`` and ``quánlì`` all find 權力平衡).

An :class:`Index` keeps one small :class:`Entry` per concept (the folded search text included),
built once; a decision replaces the entry of its concept only. Filtering 100,000 entries is
one pass in Python (tens of milliseconds), so no database is needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from termkit.glossary import find_conflict
from termkit.model import Concept, Kind, Status

PER_PAGE = 50
MAX_PER_PAGE = 500
CONFLICT_CHOICES = ("yes", "no")


# Combining marks (accents, tone marks) left after NFKD decomposition.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Search form of a text: case-folded, compatibility forms (full-width letters)
    decomposed, tone marks and other accents removed. (Normalization and a regular
    expression run in C: a per-character loop in Python costs seconds at 100,000 concepts.)"""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _MARKS.sub("", unicodedata.normalize("NFKD", folded))


_SQUEEZE = re.compile("[ '’\\-·\u00a0]")


def _squeeze(text: str) -> str:
    return _SQUEEZE.sub("", text)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the list needs to know about one concept."""

    id: str
    position: int  # index in the glossary
    status: Status
    kind: Kind
    domains: tuple[str, ...]
    evidence: tuple[str, ...]
    conflict: bool
    text: str  # folded forms, pinyin and id, one per line
    squeezed: str  # the same without spaces, apostrophes and hyphens

    @property
    def rank(self) -> int:
        """0 for a conflict, 1 for a candidate, 2 for the rest."""
        if self.conflict:
            return 0
        return 1 if self.status is Status.CANDIDATE else 2


def evidence_of(concept: Concept) -> tuple[str, ...]:
    """The evidence kinds of the concept's pair (``prop evidence``), sorted; () when absent."""
    return tuple(sorted(set(concept.props.get("evidence", "").split())))


def make_entry(concept: Concept, position: int) -> Entry:
    """The list entry of ``concept`` at ``position`` in the glossary."""
    parts = [concept.id]
    for term in concept.terms:
        parts.append(term.text)
        if term.pinyin:
            parts.append(term.pinyin)
    text = fold("\n".join(parts))
    return Entry(
        id=concept.id,
        position=position,
        status=concept.status,
        kind=concept.kind,
        domains=tuple(concept.domains),
        evidence=evidence_of(concept),
        conflict=find_conflict(concept) is not None,
        text=text,
        squeezed=_squeeze(text),
    )


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return min(max(number, low), high)


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters and page of one list request (the query string of the page)."""

    status: str = ""
    kind: str = ""
    domain: str = ""
    evidence: str = ""
    conflict: str = ""
    q: str = ""
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        """Read a query string; unknown values of closed sets are ignored (no filter)."""
        status = params.get("status", "")
        kind = params.get("kind", "")
        conflict = params.get("conflict", "")
        return cls(
            status=status if status in {s.value for s in Status} else "",
            kind=kind if kind in {k.value for k in Kind} else "",
            domain=params.get("domain", "").strip(),
            evidence=params.get("evidence", "").strip(),
            conflict=conflict if conflict in CONFLICT_CHOICES else "",
            q=params.get("q", "").strip()[:200],
            page=_int(params.get("page"), 1, 1, 10**9),
            per_page=_int(params.get("per_page"), PER_PAGE, 1, MAX_PER_PAGE),
        )

    def query(self, **changes: object) -> str:
        """The query string of these filters with ``changes`` applied (defaults left out)."""
        values = replace(self, **changes)  # type: ignore[arg-type]
        pairs = [
            (name, str(getattr(values, name)))
            for name in ("q", "status", "kind", "domain", "evidence", "conflict")
            if getattr(values, name)
        ]
        if values.per_page != PER_PAGE:
            pairs.append(("per_page", str(values.per_page)))
        if values.page != 1:
            pairs.append(("page", str(values.page)))
        return urlencode(pairs)

    @property
    def active(self) -> bool:
        """Whether any filter (not just the page) is set."""
        return bool(self.status or self.kind or self.domain or self.evidence or self.conflict
                    or self.q)

    def matches(self, entry: Entry) -> bool:
        """Whether ``entry`` passes every filter."""
        if self.status and entry.status.value != self.status:
            return False
        if self.kind and entry.kind.value != self.kind:
            return False
        if self.domain and self.domain not in entry.domains:
            return False
        if self.evidence and self.evidence not in entry.evidence:
            return False
        if self.conflict and entry.conflict != (self.conflict == "yes"):
            return False
        return not self.q or _text_matches(self.q, entry)


def _text_matches(q: str, entry: Entry) -> bool:
    wanted = fold(q)
    if _squeeze(wanted) in entry.squeezed:
        return True
    return all(token in entry.text for token in wanted.split())


@dataclass(slots=True)
class Page:
    """One page of the filtered list."""

    entries: list[Entry]
    total: int  # entries that pass the filters
    page: int
    pages: int
    first: int  # 1-based number of the first entry shown


@dataclass(slots=True)
class Index:
    """Entries of every concept, in review order, with facet counts."""

    entries: list[Entry] = field(default_factory=list)
    _order: list[int] | None = None
    _facets: dict[str, Counter[str]] | None = None

    @classmethod
    def build(cls, concepts: Iterable[Concept]) -> Index:
        """Index every concept (the glossary order is the position)."""
        return cls([make_entry(c, i) for i, c in enumerate(concepts)])

    def update(self, concept: Concept, position: int) -> None:
        """Replace the entry of the concept at ``position`` after a decision."""
        old = self.entries[position]
        new = make_entry(concept, position)
        self.entries[position] = new
        if old.rank != new.rank:
            self._order = None
        self._facets = None

    def order(self) -> list[int]:
        """Positions in review order (conflicts, candidates, the rest)."""
        if self._order is None:
            self._order = sorted(range(len(self.entries)),
                                 key=lambda i: (self.entries[i].rank, i))
        return self._order

    def page(self, filters: Filters) -> Page:
        """The page ``filters.page`` of the entries that pass ``filters`` (clamped to the last)."""
        entries = self.entries
        if filters.active:
            chosen = [entries[i] for i in self.order() if filters.matches(entries[i])]
        else:
            chosen = [entries[i] for i in self.order()]
        total = len(chosen)
        pages = max(1, -(-total // filters.per_page))
        page = min(filters.page, pages)
        start = (page - 1) * filters.per_page
        return Page(chosen[start:start + filters.per_page], total, page, pages, start + 1)

    def facets(self) -> dict[str, Counter[str]]:
        """Counts per status, kind, domain, evidence kind and conflict, over every concept."""
        if self._facets is None:
            counts: dict[str, Counter[str]] = {
                "status": Counter(), "kind": Counter(), "domain": Counter(),
                "evidence": Counter(), "conflict": Counter(),
            }
            for e in self.entries:
                counts["status"][e.status.value] += 1
                counts["kind"][e.kind.value] += 1
                counts["domain"].update(e.domains)
                counts["evidence"].update(e.evidence)
                counts["conflict"]["yes" if e.conflict else "no"] += 1
            self._facets = counts
        return self._facets
