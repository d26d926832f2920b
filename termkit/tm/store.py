"""The translation-memory store: import, reading units back, conflicts and statistics.

This module owns what happens to units in the database (the file itself — schema,
migrations, opening checks — is :mod:`termkit.tm.schema`). Imports commit in batches, each
batch one transaction, so a killed import leaves whole batches only and re-running it
completes it: a unit already stored (same content hash, looked up by its source key) is
counted as a duplicate, never added twice. A unit whose source is already stored with other
targets is added too and reported as a conflict. An import whose first batch is at least as
large as the store builds the unit table's secondary indexes once at the end instead of row by
row (:mod:`termkit.tm.bulk`, with the crash-safe "index pending" state it defines).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import gc
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from termkit.errors import DatabaseError
from termkit.model import Notice, Source, Unit, Variant
from termkit.tm import bulk
from termkit.tm.fold import NO_TARGET, fold_many, is_chinese_tag, key64
from termkit.tm.index import SLOTS, Postings, next_unit_id
from termkit.tm.schema import SCHEMA_VERSION, connect, db_error, migrate, rollback

__all__ = ["SCHEMA_VERSION", "SLOTS", "Store", "StoredUnit", "migrate", "open_store"]

DEFAULT_DB = "termkit-tm.sqlite"
DEFAULT_BATCH = 50_000  # units per transaction: random index pages are written once per batch

# Unit props that termkit maps to columns (and writes back on export).
PROP_DOMAIN = "x-domain"
PROP_SCORE = "x-align-score"
PROP_FLAGGED = "x-align-flagged"
PROP_CREATED = "x-created"
PROP_ORIGIN = "x-origin"
PROP_RECORD = "x-record"
PROP_CLIENT = "x-client"  # kept as a unit prop (exported as one); `tm delete --client` reads it
COLUMN_PROPS = (PROP_DOMAIN, PROP_SCORE, PROP_FLAGGED, PROP_CREATED, PROP_ORIGIN, PROP_RECORD)


@dataclass(slots=True)
class StoredUnit:
    """A unit as stored: the unit itself plus the store's own columns."""

    id: int
    unit: Unit
    created: str
    domain: str | None = None  # several domains are kept one per line (see ``domains``)
    score: float | None = None
    flagged: bool = False

    @property
    def domains(self) -> list[str]:
        """The unit's domains, each a separate value (a TMX ``<tu>`` may have several)."""
        return split_domains(self.domain)


def split_domains(domain: str | None) -> list[str]:
    """The domains stored in one ``domain`` value: one per line, empty lines dropped.

    A TMX unit with several ``x-domain`` props is read with their values joined by a newline
    (``Unit.props`` holds one value per type), and stored that way.
    """
    if not domain:
        return []
    return [d for d in domain.split("\n") if d]


@dataclass(slots=True)
class Conflict:
    """One source segment with more than one target: every unit is kept and listed."""

    source_lang: str
    source: str
    units: list[int]
    targets: list[str]


@dataclass(slots=True)
class ImportReport:
    """What an import did."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    flagged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


@functools.lru_cache(maxsize=1024)
def family(tag: str) -> str:
    """The language of a tag without script or region (``zh-Hant-TW`` -> ``zh``)."""
    return tag.replace("_", "-").split("-")[0].lower()


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def unit_hash(unit: Unit) -> int:
    """The hash that makes imports idempotent: source language, languages, texts, markup.

    The source language is part of it because it decides which side is the source (and so
    the index key a duplicate is looked up by).
    """
    variants = unit.variants
    if len(variants) == 2:  # the usual unit: two strings compared instead of a sort
        a, b = variants
        first = f"{a.lang}\x1f{a.text}\x1f{a.markup or ''}"
        second = f"{b.lang}\x1f{b.text}\x1f{b.markup or ''}"
        if second < first:
            first, second = second, first
        return key64(f"{unit.source_lang or ''}\x1d{first}\x1e{second}")
    parts = sorted(f"{v.lang}\x1f{v.text}\x1f{v.markup or ''}" for v in variants)
    return key64(f"{unit.source_lang or ''}\x1d" + "\x1e".join(parts))


class Store:
    """An open translation memory. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Turn SQLite failures into :class:`DatabaseError` naming the file."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise db_error(self.path, exc) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on error)."""
        with self.guard():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                rollback(self.conn)
                raise
            self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ import

    def import_units(
        self,
        units: Iterable[Unit],
        *,
        domain: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        created: str | None = None,
        progress: Callable[[int], None] | None = None,
        max_conflicts: int = 100,
    ) -> ImportReport:
        """Add units; duplicates (same source and content) are skipped, conflicts reported.

        Each batch of ``batch_size`` units is one transaction. ``progress`` is called with
        the number of units read so far after each committed batch. A pending index state
        (a killed bulk import) is completed first; a first batch at least as large as the
        store makes this a bulk import (:mod:`termkit.tm.bulk`).
        """
        report = ImportReport()
        stamp = created or _now()
        conflict_keys: set[int] = set()
        batch: list[Unit] = []
        with self.guard():
            bulk.complete(self.conn)  # a killed bulk import's indexes first (see tm.bulk)
        # A first batch at least as large as the store: a bulk import (deferred indexes).
        known: bulk.Known | None = None
        decided = False
        try:
            # The collector stays paused while a batch is read as well as while it is
            # written (see _no_gc); the young generations are collected between batches
            # instead, so garbage cycles a reader might make are freed batch by batch.
            with _no_gc() as collect:
                for unit in units:
                    report.read += 1
                    batch.append(unit)
                    if len(batch) >= batch_size:
                        if not decided:
                            decided = True
                            with self.guard():
                                known = bulk.start(self.conn, len(batch))
                        self._import_batch(batch, domain, stamp, report, conflict_keys, known)
                        batch = []
                        if known is not None and len(known.hashes) > bulk.MAX_KNOWN:
                            known = None  # too many to hold: indexes now, normal mode on
                            with self.guard():
                                bulk.complete(self.conn)
                        collect()
                        if progress is not None:
                            progress(report.read)
                if batch:
                    self._import_batch(batch, domain, stamp, report, conflict_keys, known)
                    batch = []
                    collect()
                    if progress is not None:
                        progress(report.read)
        finally:
            if known is not None:
                # Also when the import fails: a failure here leaves the pending state, which
                # the next import completes.
                with self.guard():
                    bulk.complete(self.conn)
        if conflict_keys:
            report.conflicts = self.conflicts(sorted(conflict_keys)[:max_conflicts])
            if len(conflict_keys) > max_conflicts:
                report.notices.append(
                    Notice(f"{len(conflict_keys)} sources with conflicting targets; "
                           f"first {max_conflicts} listed (see `termkit tm stats`)")
                )
        return report

    def _import_batch(
        self,
        batch: Sequence[Unit],
        domain: str | None,
        stamp: str,
        report: ImportReport,
        conflict_keys: set[int],
        known: bulk.Known | None = None,
    ) -> None:
        kept: list[tuple[Unit, list[Variant], int]] = []
        for unit in batch:
            variants = unit.variants
            # The usual unit has text on every side and no x-lang prop: keep it as it is.
            plain_sides = True
            for v in variants:
                if not v.text or v.text.isspace() or "x-lang" in v.props:
                    plain_sides = False
                    break
            if not plain_sides:
                variants = [_own_lang(v) if "x-lang" in v.props else v
                            for v in variants if v.text.strip() or v.markup]
            loc = unit.location
            if not variants:
                report.skipped += 1
                report.notices.append(Notice("unit without text skipped",
                                             loc.path if loc else None, loc.line if loc else None))
                continue
            if len(variants) > SLOTS:
                report.notices.append(Notice(f"unit with {len(variants)} languages: only the "
                                             f"first {SLOTS} kept", loc.path if loc else None,
                                             loc.line if loc else None))
                variants = variants[:SLOTS]
            if variants is not unit.variants:
                unit = Unit(unit.id, variants, unit.source_lang, unit.props, unit.notes,
                            unit.location)
            kept.append((unit, variants, unit_hash(unit)))
        if not kept:
            return
        chinese_tag: dict[str, bool] = {}  # a batch has few distinct tags: test each once
        zh = []
        for _, vs, _ in kept:
            for v in vs:
                z = chinese_tag.get(v.lang)
                if z is None:
                    z = chinese_tag[v.lang] = is_chinese_tag(v.lang)
                zh.append(z)
        folded = fold_many([v.text for _, vs, _ in kept for v in vs], zh)
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        quote = json.encoder.encode_basestring  # the C string encoder: sides are mostly plain
        keys: list[tuple[int, int]] = []
        pos = 0
        for unit, variants, _h in kept:
            keys.append(source_keys(unit, variants, folded[pos : pos + len(variants)]))
            pos += len(variants)
        with self.transaction() as conn:
            # A duplicate is a unit with the same source key and content hash as a stored one
            # (or one added earlier in this batch): the key of the unique index, in both modes.
            existing: set[tuple[int, int]]
            # Targets per source key: one int, or a set once there are several.
            targets: dict[int, int | set[int]]
            if known is not None:
                # Bulk mode: everything stored is known in memory, but for what other
                # processes committed since the last batch.
                known.catch_up(conn)
                existing, targets = known.hashes, known.targets
            else:
                if bulk.pending(conn):  # a bulk import elsewhere dropped the indexes
                    bulk.build(conn)
                # One look-up by source key gives both the duplicates (same hash) and the
                # targets already stored for each source (conflicts), from the one covering
                # index.
                existing = set()
                targets = {}
                for src, tgt, h in _by_source(conn, sorted({k[0] for k in keys})):
                    existing.add((src, h))
                    if tgt == NO_TARGET:
                        continue
                    known_targets = targets.get(src)
                    if known_targets is None:
                        targets[src] = tgt
                    elif isinstance(known_targets, int):
                        if known_targets != tgt:
                            targets[src] = {known_targets, tgt}
                    else:
                        known_targets.add(tgt)
            uid = next_unit_id(conn)
            sources: dict[tuple[str | None, str, str | None], int] = {}
            unit_rows: list[tuple[Any, ...]] = []
            postings = Postings()
            langs: dict[str, int] = {}
            pos = 0
            for (unit, variants, h), (src, tgt) in zip(kept, keys, strict=True):
                n = len(variants)
                start = pos
                pos += n
                if (src, h) in existing:
                    report.duplicates += 1
                    continue
                existing.add((src, h))  # in bulk mode the set is the store's, not this batch's
                uid += 1
                # Most sources are new: keep their one target as an int, a set only when a
                # second one comes (a set per unit costs more than the rest of this check).
                # A unit with no target is no translation: it conflicts with none (an Xcode
                # export leaves a string untranslated in one file, translates it in another).
                seen_targets = targets.get(src) if tgt != NO_TARGET else tgt
                if seen_targets is None:
                    targets[src] = tgt
                elif isinstance(seen_targets, int):
                    if seen_targets != tgt:
                        targets[src] = {seen_targets, tgt}
                        conflict_keys.add(src)
                else:
                    seen_targets.add(tgt)
                    conflict_keys.add(src)
                if not unit.props and unit.location is None and not unit.notes:
                    # The usual unit: no props, no location, no notes (nothing but tuid and
                    # source language in its metadata).
                    udomain, score, flagged, ucreated = domain, None, False, stamp
                    origin = None
                    meta = None
                else:
                    meta, origin, udomain, score, flagged, ucreated = _unit_meta(
                        unit, domain, stamp)
                # Plain string fields are written with the C string encoder; json.dumps of a
                # small dict per unit costs more than the rest of the row.
                plain = []
                if unit.id is not None:
                    plain.append(f'"tuid":{quote(unit.id)}')
                if unit.source_lang:
                    plain.append(f'"srclang":{quote(unit.source_lang)}')
                if meta:
                    plain.append(dumps(meta)[1:-1])
                meta_text = "{" + ",".join(plain) + "}" if plain else None
                key = (origin, ucreated, udomain)
                sid = sources.get(key)
                if sid is None:
                    sid = sources[key] = _source_id(conn, key)
                sides: list[str] = []
                base = uid * SLOTS - start
                for k, v in enumerate(variants, start):
                    lang = v.lang
                    langs[lang] = langs.get(lang, 0) + 1
                    if v.markup is not None or v.props or v.notes:
                        sides.append(dumps([lang, v.text, v.markup, v.props or None,
                                            v.notes or None]))
                    else:
                        sides.append(f"[{quote(lang)},{quote(v.text)}]")
                    postings.add(base + k, folded[k], zh[k])
                unit_rows.append((uid, h, src, tgt, sid, score, int(flagged),
                                  meta_text, f"[{','.join(sides)}]"))
                report.added += 1
                report.flagged += int(flagged)
            if known is not None:
                known.last = uid
            conn.executemany("INSERT INTO unit VALUES (?,?,?,?,?,?,?,?,?)", unit_rows)
            postings.write(conn)
            conn.executemany(
                "INSERT INTO lang_count(lang, n) VALUES (?, ?)"
                " ON CONFLICT(lang) DO UPDATE SET n = n + excluded.n", sorted(langs.items()))

    # ------------------------------------------------------------------ reading

    def _sources(self) -> dict[int, tuple[str | None, str, str | None]]:
        return {r[0]: (r[1], r[2], r[3])
                for r in self.conn.execute("SELECT id, origin, created, domain FROM source")}

    def get_units(self, ids: Sequence[int]) -> dict[int, StoredUnit]:
        """Stored units by id (missing ids are absent from the result)."""
        out: dict[int, StoredUnit] = {}
        with self.guard():
            sources = self._sources()
            for chunk in _chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                for row in self.conn.execute(
                    f"SELECT id, source, score, flagged, meta, variants FROM unit"
                    f" WHERE id IN ({marks})", chunk,
                ):
                    out[row[0]] = _stored(row, sources, self.path)
        return out

    def iter_units(self, page: int = 1000) -> Iterator[StoredUnit]:
        """Every unit in id (import) order, read page by page."""
        last = 0
        while True:
            with self.guard():
                sources = self._sources()
                rows = self.conn.execute(
                    "SELECT id, source, score, flagged, meta, variants FROM unit"
                    " WHERE id > ? ORDER BY id LIMIT ?", (last, page)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _stored(row, sources, self.path)
            last = rows[-1][0]

    def conflicts(self, keys: Sequence[int] | None = None) -> list[Conflict]:
        """Sources with more than one distinct target (all of them, or those with ``keys``)."""
        with self.guard():
            if keys is None:
                keys = [r[0] for r in self.conn.execute(
                    "SELECT src FROM unit GROUP BY src"
                    f" HAVING COUNT(DISTINCT NULLIF(tgt, {NO_TARGET})) > 1")]
            out: list[Conflict] = []
            for src in keys:
                ids = [r[0] for r in self.conn.execute(
                    "SELECT id FROM unit WHERE src = ? AND tgt != ? ORDER BY id",
                    (src, NO_TARGET))]
                units = self.get_units(ids)
                first = units[ids[0]]
                source = _source_variant(first.unit, first.unit.variants)
                targets = []
                for i in ids:
                    u = units[i].unit
                    s = _source_variant(u, u.variants)
                    targets.append(" | ".join(v.text for v in u.variants if v is not s))
                out.append(Conflict(source.lang, source.text, ids, targets))
        out.sort(key=lambda c: (c.source_lang, c.source))
        return out

    def __len__(self) -> int:
        """The number of units in the memory."""
        with self.guard():
            return int(self.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0])

    def stats(self) -> dict[str, Any]:
        """Counts for ``tm stats``: units, variants, languages, domains, origins, conflicts …"""
        q = self.conn.execute
        with self.guard():
            units = q("SELECT COUNT(*) FROM unit").fetchone()[0]
            langs = dict(q("SELECT lang, n FROM lang_count WHERE n > 0 ORDER BY lang"))
            per_source = q("SELECT source, COUNT(*) FROM unit GROUP BY source").fetchall()
            sources = self._sources()
            flagged = q("SELECT COUNT(*) FROM unit WHERE flagged").fetchone()[0]
            aligned = q("SELECT COUNT(*) FROM unit WHERE score IS NOT NULL").fetchone()[0]
            conflicts = q("SELECT COUNT(*) FROM (SELECT src FROM unit GROUP BY src"
                          f" HAVING COUNT(DISTINCT NULLIF(tgt, {NO_TARGET})) > 1)").fetchone()[0]
            pending = bulk.pending(self.conn)
        domains: dict[str, int] = {}
        origins: dict[str, int] = {}
        for sid, count in per_source:
            if sid not in sources:
                raise DatabaseError(f"units name import #{sid}, which is not in the file",
                                    path=self.path,
                                    hint="the file was edited by hand or is corrupted")
            origin, _created, domain = sources[sid]
            for name in split_domains(domain):  # a unit of two domains counts in both
                domains[name] = domains.get(name, 0) + count
            if origin is not None:
                origins[origin] = origins.get(origin, 0) + count
        size = sum(
            os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p)
        )
        return {
            "path": self.path,
            "schema_version": SCHEMA_VERSION,
            "units": units,
            "variants": sum(langs.values()),
            "languages": langs,
            "domains": dict(sorted(domains.items())),
            "origins": dict(sorted(origins.items())),
            "aligned": aligned,
            "flagged": flagged,
            "conflicts": conflicts,
            "bytes": size,
            # Unit indexes not built yet: a bulk import is running, or was killed (the next
            # import builds them; searches do not need them).
            "index_pending": pending,
        }


# ---------------------------------------------------------------------- helpers


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@contextlib.contextmanager
def _no_gc() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector paused while an import reads and writes its batches.

    A batch is tens of thousands of units (a few hundred thousand acyclic tuples, lists,
    dataclasses and strings) alive at once; with the collector running, each allocation burst
    makes it traverse them, and its full collections traverse them again: about 0.9 of 11.8
    CPU seconds in a measured 200,000-unit import for the writing alone, and as much again
    while the batch is read. Nothing an import builds creates reference cycles. The context
    gives a function to call between batches: it collects the young generations (cheap once a
    batch is released) when the collector was enabled, so the cycles a reader might create
    are still freed; the previous state is restored however the import ends.
    """
    enabled = gc.isenabled()
    gc.disable()

    def collect() -> None:
        if enabled:
            gc.collect(1)

    try:
        yield collect
    finally:
        if enabled:
            gc.enable()


def _unit_meta(unit: Unit, domain: str | None, stamp: str
               ) -> tuple[dict[str, Any], str | None, str | None, float | None, bool, str]:
    """(metadata, origin, domain, score, flagged, created) of a unit with props or a location."""
    meta: dict[str, Any] = {}
    if unit.props:
        props = dict(unit.props)
        udomain = props.pop(PROP_DOMAIN, None) or domain
        score = _float(props.pop(PROP_SCORE, None))
        flagged = props.pop(PROP_FLAGGED, "") in ("1", "true", "yes")
        ucreated = props.pop(PROP_CREATED, None) or stamp
        origin = props.pop(PROP_ORIGIN, None)
        record = props.pop(PROP_RECORD, None)
        if props:
            meta["props"] = props
    else:
        udomain, score, flagged, ucreated = domain, None, False, stamp
        origin = record = None
    loc = unit.location
    if loc is not None:
        if origin is None:
            origin = loc.path
        if record is None:
            record = loc.record
        if loc.line is not None and loc.path == origin:
            meta["line"] = loc.line
    if record is not None:
        meta["record"] = record
    if unit.notes:
        meta["notes"] = unit.notes
    return meta, origin, udomain, score, flagged, ucreated


def _source_id(conn: sqlite3.Connection, key: tuple[str | None, str, str | None]) -> int:
    row = conn.execute(
        "SELECT id FROM source WHERE origin IS ? AND created = ? AND domain IS ?", key).fetchone()
    if row is not None:
        return int(row[0])
    cur = conn.execute("INSERT INTO source(origin, created, domain) VALUES (?,?,?)", key)
    assert cur.lastrowid is not None
    return cur.lastrowid


def _by_source(conn: sqlite3.Connection, srcs: list[int]) -> Iterator[tuple[int, int, int]]:
    """(source key, target key, hash) of the stored units with these source keys."""
    for chunk in _chunks(srcs, 900):
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(f"SELECT src, tgt, hash FROM unit WHERE src IN ({marks})", chunk)


def _source_variant(unit: Unit, variants: Sequence[Variant]) -> Variant:
    """The variant in the unit's source language, else the first one."""
    if unit.source_lang:
        want = unit.source_lang.lower()
        for v in variants:
            if v.lang.lower() == want:
                return v
        fam = family(want)
        for v in variants:
            if family(v.lang) == fam:
                return v
    return variants[0]


def source_keys(unit: Unit, variants: Sequence[Variant], forms: Sequence[str]) -> tuple[int, int]:
    """64-bit keys of the folded source and of the folded targets (for conflict detection).

    ``forms`` are the folded texts of ``variants`` (the unit's sides as stored).
    """
    i = 0
    if len(variants) == 2:  # the usual unit: no generators, one family look-up per side
        a, b = variants
        want = unit.source_lang
        if want and a.lang != want and (b.lang == want or (
                family(a.lang) != family(want) and family(b.lang) == family(want))):
            i = 1
        j = 1 - i
        return (key64(f"{family(variants[i].lang)}\x1f{forms[i]}"),
                key64(f"{family(variants[j].lang)}\x1f{forms[j]}"))
    if unit.source_lang:
        want = unit.source_lang
        i = next((k for k, v in enumerate(variants) if v.lang == want), -1)
        if i < 0:
            fam = family(want)
            i = next((k for k, v in enumerate(variants) if family(v.lang) == fam), 0)
    source_key = key64(family(variants[i].lang) + "\x1f" + forms[i])
    targets = sorted(family(v.lang) + "\x1f" + f
                     for k, (v, f) in enumerate(zip(variants, forms, strict=True)) if k != i)
    return source_key, key64("\x1e".join(targets))


def _own_lang(v: Variant) -> Variant:
    """A variant with the exact tag termkit kept in ``x-lang`` on export (``zh-Hans``)."""
    tag = v.props.get("x-lang")
    if tag is None:
        return v
    props = {k: val for k, val in v.props.items() if k != "x-lang"}
    return Variant(tag, v.text, v.markup, props, list(v.notes))


def _float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def damaged(uid: int, what: str, path: str | None) -> DatabaseError:
    """The error for a unit row termkit did not write (edited by hand, or damaged)."""
    return DatabaseError(f"unit #{uid} is damaged: {what}", path=path,
                         hint="the file was edited by hand or is corrupted")


def _stored(row: Sequence[Any], sources: dict[int, tuple[str | None, str, str | None]],
            path: str | None = None) -> StoredUnit:
    if row[1] not in sources:
        raise damaged(row[0], f"it names import #{row[1]}, which is not in the file", path)
    try:
        return _decode_row(row, sources)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise damaged(row[0], f"bad metadata or variants ({type(exc).__name__})", path) from None


def _decode_row(row: Sequence[Any], sources: dict[int, tuple[str | None, str, str | None]]
                ) -> StoredUnit:
    uid, sid, score, flagged, meta_text, sides_text = row
    meta = json.loads(meta_text) if meta_text else {}
    origin, created, domain = sources[sid]
    variants = []
    for side in json.loads(sides_text):
        lang, text = side[0], side[1]
        if len(side) > 2:
            variants.append(Variant(lang, text, side[2], side[3] or {}, side[4] or []))
        else:
            variants.append(Variant(lang, text))
    record = meta.get("record")
    location = Source(origin, meta.get("line"), record) if origin is not None else None
    if location is None and record is not None:
        location = Source("", None, record)
    unit = Unit(
        id=meta.get("tuid"),
        variants=variants,
        source_lang=meta.get("srclang"),
        props=meta.get("props", {}),
        notes=meta.get("notes", []),
        location=location,
    )
    return StoredUnit(uid, unit, created, domain, score, bool(flagged))


def open_store(path: str = DEFAULT_DB, *, create: bool = True, timeout: float = 30.0) -> Store:
    """Open (and with ``create``, create or upgrade) the translation memory at ``path``.

    A foreign or corrupted file raises :class:`DatabaseError` naming the file; so does a
    missing file when ``create`` is false.
    """
    return Store(connect(path, create=create, timeout=timeout), path)
