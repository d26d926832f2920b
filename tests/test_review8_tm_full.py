"""A translation memory on a full disk says the disk is full.

When a write fails with SQLITE_FULL (or an I/O error), SQLite may roll the transaction back
itself; the ROLLBACK termkit then issued failed in turn, and that second error replaced the
first: `tm import` onto a full disk said ``database error: cannot rollback - no transaction
is active``. ``PRAGMA max_page_count`` makes a memory full without a full disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import DatabaseError
from termkit.model import Unit, Variant
from termkit.tm.store import open_store


def units(n: int) -> list[Unit]:
    return [Unit(id=str(i), variants=[Variant("en", f"unit {i} of the balance of power " * 8),
                                      Variant("zh-Hant", f"權力平衡第{i}單位" * 8)],
                 source_lang="en") for i in range(n)]


@pytest.mark.parametrize("batch_size", [200, 5000])  # several batches, and one bulk batch
def test_an_import_into_a_full_memory_says_it_is_full(tmp_path: Path, batch_size: int) -> None:
    db = str(tmp_path / "tm.sqlite")
    with open_store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 4}")
        with pytest.raises(DatabaseError) as caught:
            store.import_units(iter(units(3000)), batch_size=batch_size)
    assert "database or disk is full" in str(caught.value)
    assert str(caught.value).startswith(f"{db}: ")
    # What was committed before is whole: the memory opens and counts its units.
    with open_store(db) as store:
        count = store.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
    assert 0 <= count < 3000


@pytest.mark.parametrize("command", [["import", "{tmx}"], ["stats"], ["search", "realism"]])
def test_a_device_or_fifo_is_no_memory(tmp_path: Path, command: list[str]) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    fifo = tmp_path / "fifo.sqlite"
    os.mkfifo(fifo)
    tmx = ROOT / "glossaries" / "example" / "glossary.tmx"
    for db in ("/dev/null", str(fifo)):
        done = subprocess.run(
            [sys.executable, "-m", "termkit", "tm", *[a.format(tmx=tmx) for a in command],
             "--db", db], cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
        assert done.returncode in (1, 2), done.stderr
        assert done.stderr.decode() == (
            f"Error: {db}: is not a regular file, so not a translation memory; give --db the "
            "path of a memory file\n")
