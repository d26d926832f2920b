"""The translation-memory file: schema, migrations, and the checks made when opening it.

This module owns what makes an SQLite file a termkit translation memory:
``PRAGMA application_id`` marks it, ``PRAGMA user_version`` is its schema version, and
:data:`_MIGRATIONS` brings an older file up to date step by step (each step one
transaction, re-checked under the write lock so two processes never migrate twice). A file
that is not SQLite, an SQLite database of another program, a newer schema or a corrupted
file is refused with a :class:`~termkit.errors.DatabaseError` naming the file. Connections
run in WAL mode (readers do not block the writer) with a busy timeout.

Tables (see :mod:`termkit.tm.store` for how they are used):

* ``unit`` — one row per translation unit: a 64-bit content hash, 64-bit keys of the folded
  source text and of the folded targets, one unique index on (source, targets, hash) that
  serves both duplicate detection (importing the same unit twice adds nothing) and conflict
  detection (one source, several targets) — during a large import it may be absent for a
  while, see :data:`UNIT_INDEXES` — the import it came from, the alignment score and
  flag, the unit's own metadata (TMX ``tuid``, source language, props, notes, line, record id)
  and its language sides, both as compact JSON. One row per unit, few columns: with Python's
  sqlite3 the cost of an insert grows with the number of bound values;
* ``source`` — one row per (file, creation date, domain) of an import, shared by its units;
* ``lang_count`` — the number of segments per language tag, kept up to date by imports;
* ``token_df`` — per index and token, how many sides hold it (see :mod:`termkit.tm.index`);
* ``tm_meta`` — a few named values: the folding the index was built with, the highest unit id
  ever deleted (ids are never reused);
* ``zh_index`` and ``word_index`` — FTS5 indexes (contentless, ``detail=none``: only "which
  rows contain this token", the smallest index that can prefilter) over the tokens of
  :mod:`termkit.tm.fold`: Han/Latin trigrams for Chinese, words for other languages. Their
  rowid is ``unit id * 64 + position of the side in the unit``.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from termkit.errors import DatabaseError, UsageError
from termkit.io import note_input, require_parent

APPLICATION_ID = 0x544B544D  # "TKTM"
SCHEMA_VERSION = 3

_V1 = """
CREATE TABLE source(
  id INTEGER PRIMARY KEY,
  origin TEXT,
  created TEXT NOT NULL,
  domain TEXT
);
CREATE TABLE unit(
  id INTEGER PRIMARY KEY,
  hash INTEGER NOT NULL,
  src INTEGER NOT NULL,
  tgt INTEGER NOT NULL,
  source INTEGER NOT NULL REFERENCES source(id),
  score REAL,
  flagged INTEGER NOT NULL,
  meta TEXT,
  variants TEXT NOT NULL
);
CREATE UNIQUE INDEX unit_key ON unit(src, tgt, hash);
CREATE TABLE lang_count(lang TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE VIRTUAL TABLE zh_index USING fts5(
  tokens, content='', detail=none, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE word_index USING fts5(
  tokens, content='', detail=none, tokenize='unicode61 remove_diacritics 0');
"""
# v2: provenance queries ("what came from this file", stats per origin) use an index.
_V2 = "CREATE INDEX unit_source ON unit(source);"

# v3: token document frequencies in a table of their own (a search looks its tokens up there
# instead of in FTS5's vocabulary, which counts by reading posting lists), named values, and
# the index rebuilt with the v3 token rules (each number of a long Chinese segment is a token).
_V3 = """
CREATE TABLE token_df(
  idx INTEGER NOT NULL,
  tok TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY(idx, tok)
) WITHOUT ROWID;
CREATE TABLE tm_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _rebuild_index(conn: sqlite3.Connection) -> None:
    from termkit.tm.index import rebuild

    rebuild(conn)


_Step = str | Callable[[sqlite3.Connection], None]
_MIGRATIONS: list[tuple[int, list[_Step]]] = [
    (1, [_V1]), (2, [_V2]), (3, [_V3, _rebuild_index])]

# The secondary indexes of the unit table (v1 and v2 above), re-creatable at any time. A large
# import into an empty or small store drops them and builds each once at the end
# (:mod:`termkit.tm.bulk`): a missing one is the "index pending" state, completed by the next
# import (or the next batch of a running one).
UNIT_INDEXES: dict[str, str] = {
    "unit_key": "CREATE UNIQUE INDEX IF NOT EXISTS unit_key ON unit(src, tgt, hash)",
    "unit_source": "CREATE INDEX IF NOT EXISTS unit_source ON unit(source)",
}

_SQLITE_MAGIC = b"SQLite format 3\x00"


def db_error(path: str, exc: sqlite3.Error) -> DatabaseError:
    """A :class:`DatabaseError` naming the file for an SQLite failure."""
    text = str(exc)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseError(
            f"not a usable termkit translation memory ({text})",
            path=path,
            hint="the file is corrupted or belongs to another program; use another --db",
        )
    if "locked" in text or "busy" in text:
        return DatabaseError(f"database is busy ({text})", path=path,
                             hint="another process holds it; try again")
    return DatabaseError(f"database error: {text}", path=path)


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, unless SQLite already has.

    After some failures (a full disk, an I/O error, no memory) SQLite rolls the transaction
    back itself; a ROLLBACK then fails with "no transaction is active", and that error would
    take the place of the one that says what went wrong.
    """
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _check_header(path: str) -> None:
    p = Path(path)
    if not p.exists():
        return
    if p.is_dir():
        raise DatabaseError("is a directory, not a translation memory", path=path)
    if not p.is_file():  # /dev/null, a FIFO: SQLite said "disk I/O error" or waited
        raise DatabaseError("is not a regular file, so not a translation memory", path=path,
                            hint="give --db the path of a memory file")
    if p.stat().st_size == 0:
        return
    with open(p, "rb") as fh:
        magic = fh.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise DatabaseError(
            "not a termkit translation memory (not an SQLite file: foreign or corrupted)",
            path=path,
            hint="use another --db, or move the file away",
        )


def migrate(conn: sqlite3.Connection, path: str, upto: int = SCHEMA_VERSION) -> int:
    """Apply the schema steps after the file's ``user_version`` up to ``upto``; the new version."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    for step, script in _MIGRATIONS:
        if version < step <= upto:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-read inside the write lock: another process may have migrated meanwhile.
                now = conn.execute("PRAGMA user_version").fetchone()[0]
                if now < step:
                    for part in script:
                        if callable(part):
                            part(conn)
                            continue
                        for statement in part.split(";"):
                            if statement.strip():
                                conn.execute(statement)
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version = {step}")
                conn.execute("COMMIT")
            except BaseException:
                rollback(conn)
                raise
            version = step
    return version


def connect(path: str, *, create: bool = True, timeout: float = 30.0) -> sqlite3.Connection:
    """Open (and with ``create``, create or upgrade) the SQLite file of a translation memory.

    A foreign or corrupted file raises :class:`DatabaseError` naming the file; so does a
    missing file when ``create`` is false.
    """
    if not path:  # SQLite would open the current folder's name, or a memory of nothing
        raise UsageError("--db is empty", hint="give the path of a memory file")
    if path.endswith(("/", os.sep)) and not os.path.isdir(path):
        # SQLite drops the slash and makes a file; a trailing slash names a folder.
        raise DatabaseError("names a folder, not a memory file", path=path)
    if not create and not os.path.exists(path):
        raise DatabaseError("no such translation memory", path=path,
                            hint="create it with `termkit tm import`")
    if not os.path.exists(path):
        require_parent(path)  # a new memory's folder must exist, as for any output
    _check_header(path)
    # The file and its journals are inputs of the run: no output may replace them
    # (`tm export --db tm.sqlite -o tm.sqlite`).
    note_input(path, path + "-wal", path + "-shm")
    try:
        return _open(path, path, create=create, timeout=timeout, read_only=False)
    except sqlite3.Error as exc:
        if create or not _cannot_write_beside(exc) or _wal_holds_data(path):
            raise db_error(path, exc) from None
    # A reader where it may not write (a read-only share, another user's memory): WAL mode
    # needs its -wal and -shm files beside the memory even to read, so with no journal left
    # to replay the file is read as it stands, unchanged and unlocked.
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro&immutable=1"
    try:
        return _open(path, uri, create=False, timeout=timeout, read_only=True)
    except sqlite3.Error as exc:
        raise db_error(path, exc) from None


def _cannot_write_beside(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "readonly" in text or "unable to open" in text


def _wal_holds_data(path: str) -> bool:
    try:
        return os.path.isfile(path + "-wal") and os.path.getsize(path + "-wal") > 0
    except OSError:
        return True


def _open(path: str, target: str, *, create: bool, timeout: float,
          read_only: bool) -> sqlite3.Connection:
    """Connect to ``target`` (the path, or a read-only URI) and check it is a memory."""
    conn = sqlite3.connect(target, timeout=timeout, isolation_level=None, uri=read_only)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id == 0 and version == 0:
            tables = conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
            if tables:
                raise DatabaseError(
                    "not a termkit translation memory (an SQLite database of another program)",
                    path=path, hint="use another --db")
        elif app_id != APPLICATION_ID:
            raise DatabaseError(
                f"not a termkit translation memory (SQLite application id {app_id:#x})",
                path=path, hint="use another --db")
        if version < 0:
            raise DatabaseError(
                f"translation memory schema {version} is not a version termkit writes",
                path=path, hint="the file is corrupted; use another --db")
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"translation memory schema {version} is newer than this termkit "
                f"({SCHEMA_VERSION})", path=path, hint="upgrade termkit")
        if read_only:
            if version < SCHEMA_VERSION:
                raise DatabaseError(
                    f"translation memory schema {version} must be upgraded, and its folder "
                    "cannot be written", path=path,
                    hint="copy it into a folder you may write, or run termkit there once")
            return conn
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # 256 MB of page cache (allocated only as used): at a million units the unique-hash
        # and source-key indexes take random inserts, which stay in memory this way.
        conn.execute("PRAGMA cache_size = -262144")
        if version < SCHEMA_VERSION:
            if not create and version == 0:
                raise DatabaseError("empty file, not a translation memory", path=path)
            migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn
