"""The best TM match of each segment of a document, with in-context (101) matches.

This module owns choosing, for each segment of a file being analysed or pre-translated, the
one stored unit to use: the best fuzzy score (:func:`termkit.tm.search.search`, unchanged
definition) among units that have a side in the target language; among equal scores, an
in-context match, then a translation its own file did not mark to review nor flagged by the
aligner, then a target already in the wanted script and region, then the newest unit.

An exact match (100) is **in context (101)** when its context matches too:

* for a PO entry with a ``msgctxt``, the stored unit has the same ``po:msgctxt``;
* otherwise when the neighbouring segments match: the unit stored just before it (id - 1,
  same origin file) has the previous segment's text as its source, and the unit just after
  it the next segment's — the document and the file the memory was built from agree around
  the segment. At the start or end of the document the missing neighbour must be missing in
  the memory too (no unit of the same origin there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from termkit import lang as langtags
from termkit.model import Variant
from termkit.tm.bands import CONTEXT_SCORE
from termkit.tm.search import Match, search
from termkit.tm.states import to_review
from termkit.tm.store import Store, StoredUnit, family

POOL = 20  # hits examined per segment


@dataclass(slots=True)
class Segment:
    """One segment of a document: its source text and, for PO, its ``msgctxt``."""

    source: str
    context: str | None = None


@dataclass(slots=True)
class Leverage:
    """The chosen match of a segment: score (101 = in context), the unit and its two sides."""

    score: int
    unit: StoredUnit
    source: Variant
    target: Variant | None

    def doubt(self) -> str | None:
        """Why the stored translation is not to be trusted as it is (None: it is).

        Its own file marked it fuzzy or to review (:func:`termkit.tm.states.to_review`), or
        the aligner flagged the pair (``tm import --format records``).
        """
        said = to_review(self.unit.unit.props)
        if said is not None:
            return said
        if self.unit.flagged:
            return "flagged alignment"
        return None


def _origin(unit: StoredUnit) -> str | None:
    loc = unit.unit.location
    return loc.path if loc is not None else None


def _source_side(unit: StoredUnit, lang: str) -> Variant | None:
    fam = family(lang)
    return next((v for v in unit.unit.variants if family(v.lang) == fam), None)


def _target_side(unit: StoredUnit, matched: Variant, target_lang: str | None) -> Variant | None:
    if target_lang is None:
        return next((v for v in unit.unit.variants if v is not matched), None)
    fam = family(target_lang)
    sides = [v for v in unit.unit.variants if v is not matched and family(v.lang) == fam]
    if not sides:
        return None
    want = langtags.parse(target_lang)

    def closeness(v: Variant) -> tuple[int, int]:
        have = langtags.parse(v.lang)
        return (have.script == want.script, have.region == want.region)

    return max(sides, key=closeness)  # the first of the closest, in stored order


class Leverager:
    """Finds matches for the segments of documents against one store."""

    def __init__(self, store: Store, *, source_lang: str, target_lang: str | None,
                 min_score: int) -> None:
        self.store = store
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.min_score = min_score
        self._hits: dict[str, list[Match]] = {}
        self._neighbours: dict[int, StoredUnit | None] = {}

    def hits(self, text: str) -> list[Match]:
        """Search hits for a segment's text (cached: documents repeat segments)."""
        found = self._hits.get(text)
        if found is None:
            found = search(self.store, text, lang=self.source_lang, min_score=self.min_score,
                           limit=POOL)
            self._hits[text] = found
        return found

    def _unit(self, uid: int) -> StoredUnit | None:
        if uid not in self._neighbours:
            self._neighbours[uid] = self.store.get_units([uid]).get(uid)
        return self._neighbours[uid]

    def _neighbour_ok(self, unit: StoredUnit, offset: int, text: str | None) -> bool:
        other = self._unit(unit.id + offset) if unit.id + offset > 0 else None
        if other is None or _origin(other) != _origin(unit):
            return text is None
        if text is None:
            return False
        side = _source_side(other, self.source_lang)
        return side is not None and side.text == text

    def in_context(self, segments: Sequence[Segment], i: int, unit: StoredUnit) -> bool:
        """True when the exact match ``unit`` of segment ``i`` also matches its context."""
        seg = segments[i]
        if seg.context is not None:
            return unit.unit.props.get("po:msgctxt") == seg.context
        if _origin(unit) is None:
            return False
        prev = segments[i - 1].source if i > 0 else None
        nxt = segments[i + 1].source if i + 1 < len(segments) else None
        return self._neighbour_ok(unit, -1, prev) and self._neighbour_ok(unit, 1, nxt)

    def best(self, segments: Sequence[Segment], i: int) -> Leverage | None:
        """The match chosen for segment ``i`` of a document (None below ``min_score``)."""
        best: tuple[tuple[int, int, int, int, int, int], Leverage] | None = None
        # Among equal scores: a translation not marked fuzzy in its file nor flagged, then the
        # file's script and region, then the newest unit. A doubted exact match ranks as 99.
        want = langtags.parse(self.target_lang) if self.target_lang else None
        for m in self.hits(segments[i].source):
            matched = next((v for v in m.unit.unit.variants
                            if v.lang == m.lang and v.text == m.text), None)
            if matched is None:  # pragma: no cover - a hit is one of its unit's sides
                continue
            target = _target_side(m.unit, matched, self.target_lang)
            if self.target_lang is not None and target is None:
                continue
            score = m.score
            context = score == 100 and self.in_context(segments, i, m.unit)
            if context:
                score = CONTEXT_SCORE
            same_script = same_region = 0
            if want is not None and target is not None:
                have = langtags.parse(target.lang)
                same_script = int(have.script == want.script)
                same_region = int(have.region == want.region)
            sure = int(to_review(m.unit.unit.props) is None and not m.unit.flagged)
            # A doubted exact match counts as the best fuzzy one (as analyze bands it): a
            # trusted 100 of the same source wins over a doubted 101 in context.
            ranked = score if sure or score < 100 else 99
            key = (ranked, sure, score, same_script, same_region, m.unit.id)
            if best is None or key > best[0]:
                best = (key, Leverage(score, m.unit, matched, target))
        return None if best is None else best[1]
