"""Large imports with deferred unit indexes: the "index pending" state and its completion.

Keeping the unit table's unique key index (duplicate and conflict look-ups) and its source
index up to date row by row costs about as much as writing the rows themselves at a million
units (random inserts into a large B-tree). An import whose first batch is at least as large
as the whole store ("bulk" import) instead:

1. drops those indexes (:data:`termkit.tm.schema.UNIT_INDEXES`) in one transaction, and reads
   the content hash and the source and target keys of every stored unit into memory
   (:class:`Known`): the store is small, by the rule above;
2. writes its batches as usual (each one transaction, the FTS5 postings included, so searches
   see every committed batch), looking duplicates and conflicts up in memory. Before each
   batch, inside its write transaction, it reads the units other processes committed since
   (ids above the last one it knows: ids only grow), so a concurrent import never makes it
   add a unit twice;
3. builds the indexes once, on the filled table, in one transaction (:func:`complete`).

The missing indexes *are* the pending state: dropping and creating them is transactional,
so a kill at any point leaves either the indexes or their absence, never half of them, and
every committed unit was checked against every unit committed before it. Searches do not
use these indexes (they read the FTS5 tables and the unit primary key), so their results are
the same in the pending state. Every import starts by completing a pending state (a killed
bulk import is thus finished by the next one, which then finds its units as duplicates), and
an import in the normal mode completes it before each batch, so its look-ups always use the
index. Building an index that another process has meanwhile built is a no-op
(``IF NOT EXISTS``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from termkit.tm.fold import NO_TARGET
from termkit.tm.schema import UNIT_INDEXES, rollback

# Units held in memory at most (source key and hash, source and target keys: ~250 bytes each; the
# peak memory of a measured 1M-unit import grew from 0.5 to 0.74 GB, the final index sort
# included); past this a bulk import builds the indexes and goes on in the normal mode.
MAX_KNOWN = 2_000_000


@dataclass(slots=True)
class Known:
    """What a bulk import knows of the stored units.

    ``hashes``: every (source key, content hash) pair, the duplicate key of
    :meth:`termkit.tm.store.Store.import_units`; ``targets``: per source key, the target key (one int)
    or the target keys (a set, once there are several: a conflict); ``last``: the highest
    unit id read or written.
    """

    hashes: set[tuple[int, int]] = field(default_factory=set)
    targets: dict[int, int | set[int]] = field(default_factory=dict)
    last: int = 0

    def catch_up(self, conn: sqlite3.Connection) -> None:
        """Read the units committed after ``last`` (call inside the write transaction)."""
        hashes, targets = self.hashes, self.targets
        last = self.last
        for uid, src, tgt, h in conn.execute(
                "SELECT id, src, tgt, hash FROM unit WHERE id > ? ORDER BY id", (last,)):
            hashes.add((src, h))
            if tgt == NO_TARGET:
                last = uid
                continue
            known = targets.get(src)
            if known is None:
                targets[src] = tgt
            elif isinstance(known, int):
                if known != tgt:
                    targets[src] = {known, tgt}
            else:
                known.add(tgt)
            last = uid
        self.last = last


def pending(conn: sqlite3.Connection) -> bool:
    """True when a unit index is missing (a bulk import running, or killed)."""
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit'")}
    return not names.issuperset(UNIT_INDEXES)


def build(conn: sqlite3.Connection) -> None:
    """Create the missing unit indexes (call inside a write transaction)."""
    for sql in UNIT_INDEXES.values():
        conn.execute(sql)


def complete(conn: sqlite3.Connection) -> None:
    """Complete a pending state: build the missing unit indexes in one transaction."""
    if not pending(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        build(conn)
    except BaseException:
        rollback(conn)
        raise
    conn.execute("COMMIT")


def start(conn: sqlite3.Connection, first_batch: int) -> Known | None:
    """Enter the bulk mode when the store holds at most ``first_batch`` units.

    Returns what is known of the stored units, or None (the store is too large: the caller
    stays in the normal mode).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        stored = conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
        known = None
        if stored <= min(first_batch, MAX_KNOWN):
            for name in UNIT_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {name}")
            known = Known()
            known.catch_up(conn)
    except BaseException:
        rollback(conn)
        raise
    conn.execute("COMMIT")
    return known
