"""Pre-translation decisions: what each segment of a file gets from the memory.

This module owns the decisions, whatever the file format (the writers are
:mod:`termkit.tm.fill_po` and :mod:`termkit.tm.fill_xml`; :mod:`termkit.tm.pretranslate`
chooses between them):

* a segment that already has a translation is kept, unless ``overwrite``;
* a stored translation that its own file marked fuzzy or to review (PO ``fuzzy``, an XLIFF
  state: :mod:`termkit.tm.states`), or an alignment the memory flagged as doubtful
  (``tm import --format records``), is filled as fuzzy, never as exact;
* otherwise it gets the best match at or above ``min_score``
  (:class:`termkit.tm.leverage.Leverager`): 101 and 100 are filled as translated, lower
  scores as fuzzy (to review), with the score in a note;
* a Chinese target in another script or region than the file's is converted with the
  glossary-locked converter (:mod:`termkit.tm.scripts`): a zh-TW file never gets Simplified
  text;
* when a fuzzy match differs from the new source only in placeholders or inline tags, the
  new source's are carried into the target (:func:`termkit.tm.codes.carry`);
* the summary counts the filled segments by band, and those kept or left without a match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from termkit import lang as langtags
from termkit.model import Glossary, Notice
from termkit.tm.bands import NO_MATCH, Bands
from termkit.tm.codes import carry
from termkit.tm.leverage import Leverage, Leverager, Segment
from termkit.tm.scripts import Converters, configs, with_script
from termkit.tm.store import Store

NOTE_PREFIX = "termkit-tm:"  # notes written by pre-translation start with this


@dataclass(slots=True)
class Request:
    """One segment of a file to pre-translate."""

    source: str
    context: str | None = None
    translated: bool = False  # it has a translation already


@dataclass(slots=True)
class Fill:
    """What to write into one segment."""

    score: int
    band: str
    text: str
    tm_source: str
    unit_id: int
    exact: bool  # filled as translated (101/100), else as fuzzy
    converted: str | None = None  # the conversion applied (``s2twp``), if any
    adapted: bool = False  # placeholders or inline tags carried from the new source
    match: Leverage | None = None  # the match it comes from
    caveat: str | None = None  # why an exact match is filled as fuzzy

    def note(self) -> str:
        """The note written with the target: score, unit and what was changed."""
        parts = [f"{NOTE_PREFIX} {self.score}% match, unit #{self.unit_id}"]
        if self.caveat:
            parts.append(self.caveat)
        if self.converted:
            parts.append(f"converted ({self.converted})")
        if self.adapted:
            parts.append("placeholders adapted")
        return ", ".join(parts)


@dataclass(slots=True)
class Summary:
    """Counts of one file (or a total): segments filled per band, kept, unmatched."""

    path: str
    segments: int = 0
    kept: int = 0  # already translated, left as they were
    filled: dict[str, int] = field(default_factory=dict)
    unmatched: int = 0
    notices: list[Notice] = field(default_factory=list)

    def add(self, other: Summary) -> None:
        """Add another file's counts to this one."""
        self.segments += other.segments
        self.kept += other.kept
        self.unmatched += other.unmatched
        for band, n in other.filled.items():
            self.filled[band] = self.filled.get(band, 0) + n


@dataclass(slots=True)
class Options:
    """Pre-translation options."""

    min_score: int = 75
    overwrite: bool = False
    glossary: Glossary | None = None
    topics: frozenset[str] = frozenset()  # topics whose topic-only glossary forms lock too
    bands: Bands = field(default_factory=Bands)
    source_lang: str | None = None  # default: the file's
    target_lang: str | None = None  # default: the file's (required for TMX)


class Engine:
    """Matches and fills for the segments of one file."""

    def __init__(self, store: Store, source_lang: str, target_lang: str, options: Options,
                 converters: Converters) -> None:
        self.options = options
        self.target_lang = langtags.normalize(target_lang)
        self.leverager = Leverager(store, source_lang=langtags.normalize(source_lang),
                                   target_lang=self.target_lang, min_score=options.min_score)
        self.converters = converters

    def fills(self, requests: Sequence[Request], summary: Summary) -> list[Fill | None]:
        """One fill (or None: kept, or no match) per request, counted in ``summary``."""
        segments = [Segment(r.source, r.context) for r in requests]
        out: list[Fill | None] = []
        for i, req in enumerate(requests):
            summary.segments += 1
            if req.translated and not self.options.overwrite:
                summary.kept += 1
                out.append(None)
                continue
            fill = self.fill(segments, i) if req.source.strip() else None
            if fill is None:
                summary.unmatched += 1
            else:
                summary.filled[fill.band] = summary.filled.get(fill.band, 0) + 1
            out.append(fill)
        return out

    def fill(self, segments: Sequence[Segment], i: int) -> Fill | None:
        """The fill of segment ``i`` (None when nothing reaches the minimum score)."""
        match = self.leverager.best(segments, i)
        if match is None or match.target is None:
            return None
        # A translation its own file marked fuzzy, or a pair the aligner doubted, is no exact
        # match whatever its score: a translator must review it.
        caveat = match.doubt()
        band = self.options.bands.of(match.score, doubted=caveat is not None)
        if band == NO_MATCH:
            return None
        text = match.target.text
        converted = None
        if langtags.is_chinese(self.target_lang) and langtags.is_chinese(match.target.lang):
            names = configs(self.target_lang, with_script(text, match.target.lang))
            if names:
                text = self.converters.run(names, text)
                converted = "+".join(names)
        adapted = False
        if match.score < 100:
            carried = carry(segments[i].source, match.source.text, text)
            if carried is not None and carried != text:
                text, adapted = carried, True
        return Fill(match.score, band, text, match.source.text, match.unit.id,
                    match.score >= 100 and caveat is None, converted, adapted, match, caveat)

