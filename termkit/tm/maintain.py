"""Keeping the memory clean: select units, delete them, correct a target.

This module owns changes to stored units after their import:

* :func:`select` — unit ids by id, by a term they contain (concordance), by origin file (as
  recorded, or its last path names: :func:`matching_origins`), by domain, by client
  (``x-client`` prop); the criteria given must all hold;
* :func:`delete` — removes units with their index rows and counts, in one transaction;
  their ids are never given to new units (``tm_meta.last_deleted_id``);
* :func:`edit_target` — replaces the text of one target side: the unit's content hash,
  target key (conflicts) and index rows follow; a unit that would become a copy of another
  is refused.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from termkit import lang as langtags
from termkit.errors import DatabaseError, UsageError
from termkit.model import Unit, Variant
from termkit.tm import index
from termkit.tm.fold import fold_many, is_chinese_tag
from termkit.tm.store import PROP_CLIENT, SLOTS, Store, StoredUnit, source_keys, unit_hash

MAX_ID = 2**63 - 1  # SQLite's largest integer: no unit has a greater id


def select(store: Store, *, ids: Sequence[int] = (), contains: str | None = None,
           lang: str | None = None, origin: str | None = None, domain: str | None = None,
           client: str | None = None) -> list[int]:
    """Ids of the units meeting every criterion given (sorted); at least one is needed."""
    if not (ids or contains or origin or domain or client):
        raise UsageError("nothing selects the units",
                         hint="give --id, --contains, --origin, --domain or --client")
    where: list[str] = []
    params: list[object] = []
    if ids:
        # An id past SQLite's integers selects nothing (and would not fit a query parameter).
        real = [i for i in ids if 1 <= i <= MAX_ID]
        where.append(f"u.id IN ({','.join('?' * len(real))})")
        params += real
    if origin is not None:
        origins = matching_origins(store, origin)
        where.append(f"s.origin IN ({','.join('?' * len(origins))})")
        params += origins
    if domain is not None:
        # One of the unit's domains (several are stored one per line).
        where.append("instr(char(10) || s.domain || char(10), char(10) || ? || char(10)) > 0")
        params.append(domain)
    if client is not None:
        where.append("json_extract(u.meta, ?) = ?")
        params += [f'$.props."{PROP_CLIENT}"', client]
    found: set[int] | None = None
    if where:
        with store.guard():
            found = {r[0] for r in store.conn.execute(
                "SELECT u.id FROM unit u JOIN source s ON s.id = u.source"
                f" WHERE {' AND '.join(where)}", params)}
    if contains:
        from termkit.tm.search import concordance

        hits = {m.unit.id for m in concordance(store, contains, lang=lang, limit=1 << 62)}
        found = hits if found is None else found & hits
    assert found is not None
    return sorted(found)


def _parts(path: str) -> list[str]:
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    while parts and parts[0] == "..":  # a path typed from elsewhere: its last names count
        parts.pop(0)
    return parts


def matching_origins(store: Store, origin: str) -> list[str]:
    """The stored origins ``origin`` names (sorted): the one equal to it, else those whose
    path ends with its path names — an import records the path as it was typed (``po/x.po``,
    ``/home/me/po/x.po``), and ``x.po`` or ``../po/x.po`` name that file too.

    A name that ends several stored paths selects none of them: deleting units of files the
    user did not mean is worse than asking which (:class:`UsageError`, listing them).
    """
    with store.guard():
        stored = sorted({r[0] for r in store.conn.execute(
            "SELECT origin FROM source WHERE origin IS NOT NULL")})
    if origin in stored:
        return [origin]
    want = _parts(origin)
    if not want:
        return []
    found = [o for o in stored if _parts(o)[-len(want):] == want]
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
        raise UsageError(f"origin {origin!r} names {len(found)} imported files: {shown}",
                         hint="give more of the path, as the import recorded it")
    return found


def delete(store: Store, ids: Sequence[int]) -> int:
    """Delete units by id (missing ids ignored); the number deleted."""
    ids = [i for i in ids if 1 <= i <= MAX_ID]
    if not ids:
        return 0
    deleted = 0
    with store.transaction() as conn:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT id, variants FROM unit WHERE id IN ({marks})",
                                chunk).fetchall()
            sides = [s for uid, text in rows for s in index.unit_sides(text, uid)]
            index.remove_sides(conn, sides)
            langs: dict[str, int] = {}
            for _rowid, lang, _text in sides:
                langs[lang] = langs.get(lang, 0) + 1
            conn.executemany("UPDATE lang_count SET n = n - ? WHERE lang = ?",
                             [(n, lang) for lang, n in sorted(langs.items())])
            conn.execute(f"DELETE FROM unit WHERE id IN ({marks})", chunk)
            deleted += len(rows)
            if rows:
                top = max(r[0] for r in rows)
                before = index.get_meta(conn, "last_deleted_id")
                index.set_meta(conn, "last_deleted_id", str(max(top, int(before or 0))))
    return deleted


def _side_json(v: Variant) -> list[object]:
    if v.markup is not None or v.props or v.notes:
        return [v.lang, v.text, v.markup, v.props or None, v.notes or None]
    return [v.lang, v.text]


def _target_index(stored: StoredUnit, lang: str | None) -> int:
    unit = stored.unit
    src_lang = unit.source_lang
    candidates = [k for k, v in enumerate(unit.variants)
                  if not (src_lang and langtags.same_language(v.lang, src_lang))]
    targets = ", ".join(unit.variants[k].lang for k in candidates)
    if lang is not None:
        candidates = [k for k in candidates if langtags.same_language(unit.variants[k].lang,
                                                                      lang)]
        exact = [k for k in candidates
                 if langtags.normalize(unit.variants[k].lang) == langtags.normalize(lang)]
        candidates = exact or candidates
        if not candidates:  # the message listed every side, the source too, after "no"
            source = (f" ({lang} is its source language)"
                      if src_lang and langtags.same_language(lang, src_lang) else "")
            raise UsageError(f"unit #{stored.id} has no target side in {lang}{source}",
                             hint=f"its target sides: {targets or 'none'}")
    if len(candidates) != 1:
        raise UsageError(f"unit #{stored.id} has {len(candidates) or 'no'} target sides "
                         f"({targets or 'none'})", hint="name one with --lang")
    return candidates[0]


def edit_target(store: Store, uid: int, text: str, *, lang: str | None = None) -> StoredUnit:
    """Replace the text of unit ``uid``'s target side (``lang`` picks one among several)."""
    if not text.strip():
        raise UsageError("the new target is empty", hint="use `termkit tm delete` instead")
    stored = store.get_units([uid]).get(uid) if 1 <= uid <= MAX_ID else None
    if stored is None:
        raise DatabaseError(f"no unit #{uid}", path=store.path)
    k = _target_index(stored, lang)
    old = stored.unit.variants[k]
    variants = list(stored.unit.variants)
    variants[k] = Variant(old.lang, text, None, dict(old.props), list(old.notes))
    unit: Unit = replace(stored.unit, variants=variants)
    forms = fold_many([v.text for v in variants], [is_chinese_tag(v.lang) for v in variants])
    src, tgt = source_keys(unit, variants, forms)
    h = unit_hash(unit)
    rowid = uid * SLOTS + k
    with store.transaction() as conn:
        twin = conn.execute("SELECT id FROM unit WHERE src = ? AND hash = ? AND id != ?",
                            (src, h, uid)).fetchone()
        if twin is not None:
            raise UsageError(f"unit #{uid} would become a copy of unit #{twin[0]}",
                             hint=f"delete #{uid} instead")
        index.remove_sides(conn, [(rowid, old.lang, old.text)])
        conn.execute("UPDATE unit SET hash = ?, src = ?, tgt = ?, variants = ? WHERE id = ?",
                     (h, src, tgt, json.dumps([_side_json(v) for v in variants],
                                              ensure_ascii=False, separators=(",", ":")), uid))
        index.sides_postings([(rowid, old.lang, text)]).write(conn)
    return store.get_units([uid])[uid]
