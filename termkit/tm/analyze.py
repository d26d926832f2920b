"""Job analysis: how much of a set of files the memory covers, in the bands CAT tools report.

This module owns the counting. Every segment of every file (PO entries but the header and
obsolete ones, XLIFF units, TMX units' source sides), translated or not, is counted once in
one band (:mod:`termkit.tm.bands`): a segment whose source text already occurred earlier in
the job — in the same file or an earlier one — is a **repetition** (a repeated segment is
translated once); any other gets the band of its best match
(:class:`termkit.tm.leverage.Leverager`, 101 for an exact match in context; an exact match
the memory doubts — fuzzy in its own file, a flagged alignment — counts in the best fuzzy
band, as ``tm pretranslate`` fills it as fuzzy).

Each band counts segments, source **words** and Han **characters**:

* a word is a run of letters, digits and underscores; an apostrophe or a full stop between
  two of them joins (``don't``, ``e.g``, ``3.14``, ``input_file`` are one word each), hyphens
  and other punctuation separate (``built-in`` is two) — close to Unicode's word boundaries
  (UAX #29), which translate-toolkit's ``pocount`` counts by; printf/brace placeholders and
  XML tags are not words here (``pocount`` counts ``%s`` as one);
* Chinese has no spaces between words: each Han character is counted as a character, and
  Latin words inside Chinese text count as words. A Chinese job is quoted by characters, an
  English one by words; both are always given.

A PO plural entry counts the words of ``msgid`` and ``msgid_plural`` (both are translated).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from termkit import lang as langtags
from termkit.model import Notice
from termkit.tm.bands import REPETITION, Bands
from termkit.tm.codes import PLACEHOLDER
from termkit.tm.leverage import Leverager, Segment
from termkit.tm.store import Store

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_WORD = re.compile(r"\w+(?:['\u2019.]\w+)*")
_XML_TAG = re.compile(r"<[^<>]*>")

WORD_RULE = ("words: runs of letters, digits and underscores, joined by an inner ' or . "
             "(placeholders and tags are not words); characters: Han characters, one each")


def count_words(text: str) -> int:
    """Source words of a segment (see the module docstring for the rule)."""
    text = PLACEHOLDER.sub(" ", _XML_TAG.sub(" ", text))
    text = _HAN.sub(" ", text)
    return len(_WORD.findall(text))


def count_chars(text: str) -> int:
    """Han characters of a segment."""
    return len(_HAN.findall(text))


@dataclass(slots=True)
class Counts:
    """Segments, source words and Han characters."""

    segments: int = 0
    words: int = 0
    chars: int = 0

    def add(self, other: Counts) -> None:
        """Add another count to this one."""
        self.segments += other.segments
        self.words += other.words
        self.chars += other.chars


@dataclass(slots=True)
class FileAnalysis:
    """The counts of one file (or of the whole job) per band, and their total."""

    path: str
    bands: dict[str, Counts]
    notices: list[Notice] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        """All bands together."""
        out = Counts()
        for c in self.bands.values():
            out.add(c)
        return out


@dataclass(slots=True)
class JobSegment:
    """A segment to analyse: text matched, text counted, PO context."""

    source: str
    counted: str
    context: str | None = None


@dataclass(slots=True)
class JobFile:
    """A file's segments and languages."""

    path: str
    segments: list[JobSegment]
    source_lang: str
    target_lang: str | None
    notices: list[Notice] = field(default_factory=list)


def read_job_file(path: str, fmt: str | None = None) -> JobFile:
    """The segments of one file of a job (PO, XLIFF, TMX; ``-`` for stdin, with ``fmt``)."""
    from termkit.io import check_readable, read_bytes
    from termkit.tm.pretranslate import detect_format

    check_readable(path)
    kind = detect_format(path, fmt)
    data = read_bytes(path)
    if kind == "po":
        from termkit.formats.po import read_catalog

        po, src, tgt, notices = read_catalog(data, path)
        segs = [JobSegment(e.msgid, e.msgid + ("\n" + e.msgid_plural if e.msgid_plural else ""),
                           e.msgctxt) for e in po if not e.obsolete and e.msgid]
        return JobFile(path, segs, src, None if tgt == "und" else tgt, list(notices))
    import io

    from termkit import formats

    reader = formats.get("xliff" if kind == "xliff" else "tmx")
    segs = []
    src_lang: str | None = None
    tgt_lang: str | None = None
    for unit in reader.iter_units(io.BytesIO(data), path):
        side = _source(unit)
        if side is None:
            continue
        src_lang = src_lang or side.lang
        if tgt_lang is None:
            tgt_lang = next((v.lang for v in unit.variants if v is not side), None)
        segs.append(JobSegment(side.text, side.text))
    if kind == "xliff":
        from termkit.tm.fill_xml import segment_sources

        # a unit of segments (<seg-source>: Trados, Okapi, memoQ) is pre-translated, and so
        # counted, segment by segment
        sources = segment_sources(data, path)
        if sources is not None:
            segs = [JobSegment(text, text) for text in sources]
    return JobFile(path, segs, src_lang or "und", tgt_lang if kind == "xliff" else None)


def _source(unit: Any) -> Any:
    if not unit.variants:
        return None
    if unit.source_lang:
        for v in unit.variants:
            if langtags.same_language(v.lang, unit.source_lang):
                return v
    return unit.variants[0]


def analyze(store: Store, files: Iterable[JobFile], *, bands: Bands | None = None,
            target_lang: str | None = None, source_lang: str | None = None
            ) -> tuple[list[FileAnalysis], FileAnalysis]:
    """Counts per file and for the whole job (repetitions across files counted once)."""
    bands = bands or Bands()
    names = bands.names()
    seen: set[str] = set()
    per_file: list[FileAnalysis] = []
    total = FileAnalysis("total", {n: Counts() for n in names})
    levers: dict[tuple[str, str | None], Leverager] = {}
    for job in files:
        result = FileAnalysis(job.path, {n: Counts() for n in names}, list(job.notices))
        src = langtags.normalize(source_lang or job.source_lang)
        tgt = target_lang or job.target_lang
        key = (src, langtags.normalize(tgt) if tgt else None)
        lever = levers.get(key)
        if lever is None:
            lever = levers[key] = Leverager(store, source_lang=key[0], target_lang=key[1],
                                            min_score=bands.edges[-1])
        segments = [Segment(s.source, s.context) for s in job.segments]
        for i, seg in enumerate(job.segments):
            if seg.source in seen:
                band = REPETITION
            else:
                seen.add(seg.source)
                match = lever.best(segments, i) if seg.source.strip() else None
                band = (bands.of(None) if match is None else
                        bands.of(match.score, doubted=match.doubt() is not None))
            counts = Counts(1, count_words(seg.counted), count_chars(seg.counted))
            result.bands[band].add(counts)
            total.bands[band].add(counts)
        per_file.append(result)
        total.notices += result.notices
    return per_file, total
