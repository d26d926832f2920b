"""Where a concept was seen: its sources, and the record context behind each one.

* **Sources.** A build folder may hold ``glossary.sources.jsonl`` beside ``glossary.txt``: one
  JSON object per concept, ``{"id", "total", "sources": [{"path", "line", "record"}],
  "terms": [{"lang", "text", "sources"}]}``, the full list where the glossary keeps only the
  first few. :class:`Sidecar` reads it by concept id (an index of line offsets, built on first
  use); without it the glossary's own sources are used.
* **Record context.** For a source, :class:`RecordFiles` reads the file it names with the
  record readers (:func:`termkit.records.read_records`) and finds the record by id, else by
  line, for its titles, authors and keyword lines. Files are parsed once and cached (a few at
  a time), and re-read when they change.

Path safety: this module is only ever given sources that come from the glossary or its
sidecar, never a path from a request; a path names a regular file (not a device, pipe or
folder) of at most :data:`MAX_FILE_BYTES`, or it is not read.
"""

from __future__ import annotations

import os
import re
import stat
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termkit import jsonsafe
from termkit.errors import FormatError, TermkitError
from termkit.model import Record, Source

SIDECAR_SUFFIX = ".sources.jsonl"
MAX_FILE_BYTES = 256 * 1024 * 1024
CACHED_FILES = 8


def sidecar_path(glossary_path: Path) -> Path:
    """``glossary.txt`` -> ``glossary.sources.jsonl`` in the same folder."""
    name = glossary_path.name
    stem = name[:-4] if name.endswith(".txt") else name
    return glossary_path.with_name(stem + SIDECAR_SUFFIX)


@dataclass(frozen=True, slots=True)
class SourceList:
    """The sources of one concept: those known, how many there are in all, and per term."""

    sources: tuple[Source, ...]
    total: int
    terms: tuple[tuple[str, str, tuple[Source, ...]], ...] = ()  # (lang, text, sources)


def _source(obj: object) -> Source | None:
    if not isinstance(obj, dict) or not isinstance(obj.get("path"), str):
        return None
    line, record = obj.get("line"), obj.get("record")
    return Source(
        obj["path"],
        line if isinstance(line, int) and not isinstance(line, bool) else None,
        record if isinstance(record, str) else None,
    )


def _sources(items: object) -> tuple[Source, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(s for s in (_source(x) for x in items) if s is not None)


class Sidecar:
    """Random access by concept id to a ``*.sources.jsonl`` file."""

    def __init__(self, path: Path) -> None:
        """Remember the file; nothing is read until the first :meth:`get`."""
        self.path = path
        self._offsets: dict[str, tuple[int, int]] | None = None
        self.problems: list[str] = []

    def _index(self) -> dict[str, tuple[int, int]]:
        if self._offsets is None:
            offsets: dict[str, tuple[int, int]] = {}
            id_re = re.compile(rb'"id"\s*:\s*"([^"\\]+)"')
            with open(self.path, "rb") as fh:
                pos = 0
                for number, line in enumerate(fh, start=1):
                    m = id_re.search(line)
                    if m:
                        offsets.setdefault(m.group(1).decode("utf-8", "replace"), (pos, len(line)))
                    elif line.strip():
                        self.problems.append(f"{self.path}:{number}: no concept id")
                    pos += len(line)
            self._offsets = offsets
        return self._offsets

    def get(self, concept_id: str) -> SourceList | None:
        """The sources of ``concept_id``, or None when the sidecar does not list it."""
        where = self._index().get(concept_id)
        if where is None:
            return None
        with open(self.path, "rb") as fh:
            fh.seek(where[0])
            raw = fh.read(where[1])
        try:
            # The safe reader: a line nested thousands deep raised RecursionError out of the
            # page, NaN passed as a number. A line it refuses is as good as none.
            obj = jsonsafe.loads(raw.decode("utf-8"), str(self.path))
        except (UnicodeDecodeError, FormatError):
            return None
        if not isinstance(obj, dict) or obj.get("id") != concept_id:
            return None
        sources = _sources(obj.get("sources"))
        total = obj.get("total")
        terms = []
        for t in obj.get("terms") or []:
            if isinstance(t, dict) and isinstance(t.get("lang"), str) and isinstance(t.get("text"), str):
                terms.append((t["lang"], t["text"], _sources(t.get("sources"))))
        return SourceList(
            sources,
            total if isinstance(total, int) and total >= len(sources) else len(sources),
            tuple(terms),
        )


@dataclass(frozen=True, slots=True)
class RecordContext:
    """What a source's record says: titles, authors and keywords, or why it is not shown."""

    source: Source
    record_id: str | None = None
    title_zh: str | None = None
    title_en: str | None = None
    authors: tuple[str, ...] = ()
    keywords_zh: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    problem: str | None = None


def _authors(record: Record) -> tuple[str, ...]:
    out = []
    for p in record.authors:
        if p.zh and p.en:
            out.append(f"{p.zh} ({p.en})")
        elif p.zh or p.en:
            out.append(p.zh or p.en or "")
    return tuple(out)


def _first_line(record: Record) -> int:
    return min(record.lines.values(), default=0)


@dataclass(slots=True)
class _Parsed:
    key: tuple[int, int, int]
    by_id: dict[str, Record]
    by_line: list[tuple[int, Record]]
    problem: str | None = None


class RecordFiles:
    """Reads the record files named by sources, relative paths against ``base_dirs`` in order."""

    def __init__(self, base_dirs: Sequence[Path]) -> None:
        """``base_dirs``: where relative source paths may be (the working folder first)."""
        self.base_dirs = list(base_dirs)
        self._cache: OrderedDict[Path, _Parsed] = OrderedDict()
        self.opened: list[Path] = []  # every file parsed, for the record (and the tests)

    def resolve(self, path: str) -> Path | None:
        """The regular file a source names, or None."""
        p = Path(path)
        candidates = [p] if p.is_absolute() else [d / p for d in self.base_dirs]
        for c in candidates:
            try:
                st = c.stat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                return c
        return None

    def _parsed(self, path: Path) -> _Parsed:
        st = path.stat()
        key = (st.st_ino, st.st_size, st.st_mtime_ns)
        have = self._cache.get(path)
        if have is not None and have.key == key:
            self._cache.move_to_end(path)
            return have
        if st.st_size > MAX_FILE_BYTES:
            parsed = _Parsed(key, {}, [], f"file larger than {MAX_FILE_BYTES // 2**20} MiB")
        else:
            from termkit.records import read_records

            self.opened.append(path)
            try:
                records = read_records(os.fspath(path))
                parsed = _Parsed(
                    key,
                    {r.id: r for r in records},
                    sorted(((_first_line(r), r) for r in records), key=lambda x: x[0]),
                )
            except TermkitError as exc:
                parsed = _Parsed(key, {}, [], f"cannot read records: {exc.message}")
        self._cache[path] = parsed
        while len(self._cache) > CACHED_FILES:
            self._cache.popitem(last=False)
        return parsed

    def context(self, source: Source) -> RecordContext:
        """The record context of one source (``problem`` says why when there is none)."""
        path = self.resolve(source.path)
        if path is None:
            return RecordContext(source, problem="file not found")
        parsed = self._parsed(path)
        if parsed.problem:
            return RecordContext(source, problem=parsed.problem)
        record = parsed.by_id.get(source.record) if source.record else None
        if record is None and source.line is not None:
            before = [r for first, r in parsed.by_line if first <= source.line]
            record = before[-1] if before else None
        if record is None:
            return RecordContext(source, problem="record not found in the file")
        return RecordContext(
            source,
            record_id=record.id,
            title_zh=record.title_zh,
            title_en=record.title_en,
            authors=_authors(record),
            keywords_zh=tuple(record.keywords_zh),
            keywords_en=tuple(record.keywords_en),
        )


def marks(text: str, needles: Iterable[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into pieces, True for the pieces that are one of ``needles``
    (case-insensitive, longest first), for highlighting the pair in its record."""
    words = sorted({n for n in needles if n.strip()}, key=len, reverse=True)
    if not words or not text:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
