"""Reliability of the TM store with real processes: killed imports and concurrent readers."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from termkit.tm.search import search
from termkit.tm.store import open_store

# A child that imports N synthetic units in batches of 50, printing after each commit and
# then slowing down, so the parent can kill it between (or during) batches.
_IMPORTER = textwrap.dedent(
    """
    import sys, time
    from termkit.model import Unit, Variant
    from termkit.tm.store import open_store

    db, total, slow = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])

    def units():
        for i in range(total):
            if i and i % 50 == 0:
                time.sleep(slow)
            yield Unit(f"u{i}", [Variant("en", f"Sentence number {i} about pods and nodes."),
                                 Variant("zh-Hans", f"关于容器组和节点的第{i}个句子。")], "en")

    def progress(n):
        print(n, flush=True)

    with open_store(db) as store:
        store.import_units(units(), batch_size=50, progress=progress)
    print("done", flush=True)
    """
)


def _start(db: Path, total: int, slow: float) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _IMPORTER, str(db), str(total), str(slow)],
                            stdout=subprocess.PIPE, text=True)


def _consistent(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for index in ("zh_index", "word_index"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        units = conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
        # Every unit has its two sides; the per-language counts match the units.
        assert conn.execute("SELECT COUNT(*) FROM unit WHERE json_array_length(variants) != 2"
                            ).fetchone()[0] == 0
        counts = dict(conn.execute("SELECT lang, n FROM lang_count"))
        assert counts == ({"en": units, "zh-Hans": units} if units else {})
        # Each index holds exactly the rows of its variants (English side, Chinese side).
        for index, pos in (("word_index", 0), ("zh_index", 1)):
            rows = [r[0] for r in conn.execute(f"SELECT rowid FROM {index} ORDER BY rowid")]
            assert rows == [r[0] * 64 + pos for r in conn.execute("SELECT id FROM unit ORDER BY id")]
        return int(units)
    finally:
        conn.close()


def test_killed_import_is_consistent_and_rerun_completes(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    proc = _start(db, 400, 0.3)
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip() for _ in range(3)]  # three batches committed
    assert seen == ["50", "100", "150"]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _consistent(db)
    assert 150 <= partial < 400  # whole batches only
    proc = _start(db, 400, 0.0)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out.strip().endswith("done")
    assert _consistent(db) == 400
    with open_store(str(db), create=False) as store:
        ids = [s.unit.id for s in store.iter_units()]
        assert sorted(ids) == sorted(f"u{i}" for i in range(400))  # no duplicates
        hit = search(store, "关于容器组和节点的第399个句子。")[0]
        assert (hit.score, hit.unit.unit.id) == (100, "u399")


_SEARCHER = textwrap.dedent(
    """
    import sys, time
    from termkit.tm.search import search
    from termkit.tm.store import open_store

    db, seconds = sys.argv[1], float(sys.argv[2])
    n = 0
    seen = set()
    with open_store(db, create=False) as store:
        search(store, "关于容器组和节点的第7个句子。")  # warm up: the clock starts after it
        end = time.time() + seconds
        while time.time() < end:
            hits = search(store, "关于容器组和节点的第7个句子。")
            assert hits and hits[0].score == 100, hits
            seen.add(store.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0])
            n += 1
    print(n, len(seen), flush=True)
    """
)


def test_two_searchers_while_a_third_process_imports(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    first = _start(db, 100, 0.0)
    first.communicate(timeout=60)
    importer = _start(db, 3000, 0.05)
    searchers = [subprocess.Popen([sys.executable, "-c", _SEARCHER, str(db), "3"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    started = time.time()
    results = [s.communicate(timeout=120) for s in searchers]
    out, _ = importer.communicate(timeout=120)
    for s, (stdout, stderr) in zip(searchers, results, strict=True):
        assert s.returncode == 0, stderr
        searches, counts = map(int, stdout.split())
        assert searches > 5  # searches kept running …
        assert counts > 1  # … while the import committed batches (the unit count changed)
    assert importer.returncode == 0 and out.strip().endswith("done")
    assert time.time() - started < 100
    assert _consistent(db) == 3000
