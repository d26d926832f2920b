"""Bulk imports (deferred unit indexes): same results as the normal mode, and crash safety.

A bulk import drops the unit table's key and source indexes, looks duplicates and conflicts
up in memory, and builds the indexes at the end (termkit.tm.bulk). These tests check it
against a plain definition (the distinct units by content, the sources with several
targets), against the normal mode on the same input, and with real processes: killed while
the indexes are pending, killed inside the final index build, two imports of the same units
at once, searches while a bulk import runs.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.cli import cli
from termkit.model import Unit, Variant
from termkit.tm import bulk
from termkit.tm.schema import UNIT_INDEXES
from termkit.tm.search import search
from termkit.tm.store import open_store

_SRC = ["node", "pod", "Node", "cluster", "container image", "service"]
_TGT = ["节点", "節點", "容器组", "豆荚", "集群", "容器镜像", "服务"]


def _units(picks: list[tuple[int, int, bool]]) -> list[Unit]:
    # Few distinct texts: many exact duplicates (same content) and conflicts (one source,
    # several targets), within a batch and across batches.
    return [Unit(None, [Variant("en", _SRC[s]), Variant("zh-Hant-TW" if tw else "zh-Hans",
                                                         _TGT[t])], "en")
            for s, t, tw in picks]


def _indexes(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit'")}
    finally:
        conn.close()


def _content(db: Path) -> list[tuple[object, ...]]:
    """Every unit row but its source row id, and the index rows, for comparing two files."""
    conn = sqlite3.connect(db)
    try:
        units = conn.execute(
            "SELECT id, hash, src, tgt, score, flagged, meta, variants FROM unit ORDER BY id"
        ).fetchall()
        counts = conn.execute("SELECT lang, n FROM lang_count ORDER BY lang").fetchall()
        for index in ("zh_index", "word_index"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        rows = [conn.execute(f"SELECT rowid FROM {index} ORDER BY rowid").fetchall()
                for index in ("zh_index", "word_index")]
        return [*units, *counts, *rows]
    finally:
        conn.close()


_PICK = st.tuples(st.integers(0, len(_SRC) - 1), st.integers(0, len(_TGT) - 1), st.booleans())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PICK, max_size=4), st.lists(_PICK, min_size=1, max_size=40),
       st.integers(1, 12))
def test_bulk_import_matches_the_definition_and_the_normal_mode(
        tmp_path_factory: pytest.TempPathFactory, before: list[tuple[int, int, bool]],
        picks: list[tuple[int, int, bool]], batch: int) -> None:
    tmp = tmp_path_factory.mktemp("bulk")
    reports = {}
    start = bulk.start
    for mode in ("bulk", "normal"):
        db = tmp / f"{mode}.sqlite"
        with open_store(str(db)) as store:
            store.import_units(_units(before), batch_size=100, created="2026-01-01T00:00:00Z")
            entered: list[bool] = []
            bulk.start = _spy(start, mode == "bulk", entered)  # type: ignore[assignment]
            try:
                reports[mode] = store.import_units(_units(picks), batch_size=batch,
                                                   created="2026-01-01T00:00:00Z")
            finally:
                bulk.start = start
            # Bulk mode exactly when the first full batch is at least the store's size.
            full = len(picks) >= batch
            stored_before = len({(s, t, tw) for s, t, tw in before})
            assert entered == ([mode == "bulk" and stored_before <= batch] if full else [])
        assert _indexes(db) == set(UNIT_INDEXES)  # never left pending
    # The definition: distinct units by content; conflicts are the sources of added units
    # with more than one distinct target among all stored units, both compared folded (any
    # case; Traditional and Simplified spellings are one text).
    distinct = list(dict.fromkeys([*before, *picks]))
    new = [p for p in dict.fromkeys(picks) if p not in set(before)]
    targets: dict[str, set[str]] = {}
    for s, t, _tw in distinct:
        targets.setdefault(_SRC[s].lower(), set()).add(_fold(_TGT[t]))
    want_conflicts = sorted((src, sorted(targets[src]))
                            for src in {_SRC[s].lower() for s, _, _ in new}
                            if len(targets[src]) > 1)
    for mode, report in reports.items():
        assert report.added == len(new), mode
        assert report.duplicates == len(picks) - len(new), mode
        got = sorted((c.source.lower(), sorted({_fold(t) for t in c.targets}))
                     for c in report.conflicts)
        assert got == want_conflicts, mode
    assert _content(tmp / "bulk.sqlite") == _content(tmp / "normal.sqlite")


def _spy(start: Callable[[sqlite3.Connection, int], bulk.Known | None], allow: bool,
         entered: list[bool]) -> Callable[[sqlite3.Connection, int], bulk.Known | None]:
    """bulk.start, or the normal mode when not ``allow``; records whether bulk mode began."""
    def spy(conn: sqlite3.Connection, first: int) -> bulk.Known | None:
        known = start(conn, first) if allow else None
        entered.append(known is not None)
        return known
    return spy


def _fold(zh: str) -> str:
    # The one Traditional spelling among the targets (OpenCC t2s of it is checked below).
    return {"節點": "节点"}.get(zh, zh)


def test_fold_table_is_opencc() -> None:
    import opencc

    assert opencc.OpenCC("t2s.json").convert("節點") == "节点"
    assert all(opencc.OpenCC("t2s.json").convert(t) == t for t in _TGT if t != "節點")


def test_too_many_known_units_switch_to_the_normal_mode(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "MAX_KNOWN", 120)
    units = [Unit(f"u{i}", [Variant("en", f"Sentence {i}."), Variant("zh-Hans", f"第{i}句。")],
                  "en") for i in range(400)]
    seen: list[set[str]] = []
    db = tmp_path / "tm.sqlite"
    with open_store(str(db)) as store:
        report = store.import_units(units + units[:50], batch_size=50,
                                    progress=lambda n: seen.append(_indexes(db)))
        assert (report.added, report.duplicates) == (400, 50)
    # Pending while fewer than MAX_KNOWN units were known, then built, and never dropped again.
    assert seen[0] == set() and seen[-1] == set(UNIT_INDEXES)
    first_built = next(i for i, s in enumerate(seen) if s)
    assert all(s == set(UNIT_INDEXES) for s in seen[first_built:])
    assert 2 <= first_built < len(seen) - 1


# A child importing N units in batches of B, printing after each commit, then sleeping. With
# "kill-in-build" it kills itself inside the final index build, after the first index; with
# "reverse" it reads the units in reverse order.
_IMPORTER = textwrap.dedent(
    """
    import os, signal, sys, time
    from termkit.model import Unit, Variant
    from termkit.tm import bulk
    from termkit.tm.store import open_store

    db, total, batch, slow, how = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \\
        float(sys.argv[4]), sys.argv[5]

    if how == "kill-in-build":
        def build(conn):
            sql = list(bulk.UNIT_INDEXES.values())
            conn.execute(sql[0])
            print("built one", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        bulk.build = build

    def units():
        for k in range(total):
            if k and k % batch == 0:
                time.sleep(slow)
            i = total - 1 - k if how == "reverse" else k
            yield Unit(f"u{i}", [Variant("en", f"Sentence number {i} about pods and nodes."),
                                 Variant("zh-Hans", f"关于容器组和节点的第{i}个句子。")], "en")

    with open_store(db) as store:
        report = store.import_units(units(), batch_size=batch,
                                    progress=lambda n: print(n, flush=True))
    print("done", report.added, report.duplicates, flush=True)
    """
)


def _start(db: Path, total: int, batch: int, slow: float, how: str = "-"
           ) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _IMPORTER, str(db), str(total), str(batch),
                             str(slow), how], stdout=subprocess.PIPE, text=True)


def _check(db: Path, expected: int | None = None) -> int:
    """Integrity, every unit indexed under its two sides, no duplicate; the unit count."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for index in ("zh_index", "word_index"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        ids = [r[0] for r in conn.execute("SELECT id FROM unit ORDER BY id")]
        for index, pos in (("word_index", 0), ("zh_index", 1)):
            rows = [r[0] for r in conn.execute(f"SELECT rowid FROM {index} ORDER BY rowid")]
            assert rows == [i * 64 + pos for i in ids]
        tuids = [r[0] for r in conn.execute("SELECT meta ->> 'tuid' FROM unit")]
        assert len(tuids) == len(set(tuids))  # no unit twice
        counts = dict(conn.execute("SELECT lang, n FROM lang_count"))
        assert counts == ({"en": len(ids), "zh-Hans": len(ids)} if ids else {})
    finally:
        conn.close()
    if expected is not None:
        assert len(ids) == expected
    return len(ids)


def test_killed_while_indexes_pending_then_search_and_reimport(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    proc = _start(db, 400, 50, 0.3)
    assert proc.stdout is not None
    assert [proc.stdout.readline().strip() for _ in range(3)] == ["50", "100", "150"]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _indexes(db) == set()  # killed in the pending state …
    partial = _check(db)
    assert 150 <= partial < 400
    # … where searches are right (they do not use the pending indexes), and stats say so …
    code = CliRunner().invoke(cli, ["tm", "stats", "--db", str(db)])
    assert code.exit_code == 0 and "index pending:" in code.stdout
    with open_store(str(db), create=False) as store:
        assert store.stats()["index_pending"] is True
        hit = search(store, "关于容器组和节点的第149个句子。")[0]
        assert (hit.score, hit.unit.unit.id) == (100, "u149")
        assert search(store, "关于容器组和节点的第399个句子。", min_score=100) == []
    # … and the re-run completes the indexes, then adds only what is missing.
    proc = _start(db, 400, 50, 0.0)
    out, _ = proc.communicate(timeout=60)
    assert out.splitlines()[-1] == f"done {400 - partial} {partial}"
    assert _indexes(db) == set(UNIT_INDEXES)
    _check(db, 400)
    assert "index pending" not in CliRunner().invoke(cli, ["tm", "stats", "--db", str(db)]).stdout
    with open_store(str(db), create=False) as store:
        assert store.stats()["index_pending"] is False
        hit = search(store, "关于容器组和节点的第399个句子。")[0]
        assert (hit.score, hit.unit.unit.id) == (100, "u399")


def test_killed_inside_the_index_build(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    proc = _start(db, 120, 50, 0.0, "kill-in-build")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert out.splitlines() == ["50", "100", "120", "built one"]
    assert _indexes(db) == set()  # the half-built set was rolled back with its transaction
    _check(db, 120)
    proc = _start(db, 130, 50, 0.0)
    out, _ = proc.communicate(timeout=60)
    assert out.splitlines()[-1] == "done 10 120"
    assert _indexes(db) == set(UNIT_INDEXES)
    _check(db, 130)


def test_two_imports_of_the_same_units_at_once(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    with open_store(str(db)):
        pass  # created once, so the two children do not race to create the schema
    # One in order, one in reverse order: each adds the units it reaches first (both in the
    # bulk mode, the store being empty), and finds the other's as duplicates.
    procs = [_start(db, 600, 50, 0.1), _start(db, 600, 50, 0.1, "reverse")]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    done = [o.splitlines()[-1].split() for o in outs]
    added = [int(d[1]) for d in done]
    assert sum(added) == 600 and all(int(d[1]) + int(d[2]) == 600 for d in done)
    assert min(added) > 0  # they did run at the same time
    assert _indexes(db) == set(UNIT_INDEXES)
    _check(db, 600)


_SEARCHER = textwrap.dedent(
    """
    import sys, time
    from termkit.tm.search import search
    from termkit.tm.store import open_store

    db, seconds = sys.argv[1], float(sys.argv[2])
    n, counts = 0, set()
    end = time.time() + seconds
    with open_store(db, create=False) as store:
        while time.time() < end:
            hits = search(store, "关于容器组和节点的第7个句子。")
            assert hits and hits[0].score == 100 and hits[0].unit.unit.id == "u7", hits
            counts.add(store.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0])
            n += 1
    print(n, len(counts), flush=True)
    """
)


def test_searches_while_a_bulk_import_runs(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    _start(db, 100, 100, 0.0).communicate(timeout=60)
    importer = _start(db, 3000, 150, 0.15)  # first batch (150) > store (100): bulk mode
    assert importer.stdout is not None
    assert importer.stdout.readline().strip() == "150"
    assert _indexes(db) == set()
    searchers = [subprocess.Popen([sys.executable, "-c", _SEARCHER, str(db), "2"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    for s in searchers:
        stdout, stderr = s.communicate(timeout=120)
        assert s.returncode == 0, stderr
        searches, counts = map(int, stdout.split())
        assert searches > 5 and counts > 1
    out, _ = importer.communicate(timeout=120)
    assert out.splitlines()[-1] == "done 2900 100"
    assert _indexes(db) == set(UNIT_INDEXES)
    _check(db, 3000)


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("mode", ["bulk", "normal"])
@pytest.mark.parametrize("layout", ["one batch", "two batches", "stored first"])
def test_same_content_in_another_order_is_another_source(tmp_path: Path, mode: str,
                                                         layout: str) -> None:
    # Without a source language the first variant is the source: A's is English, B's Chinese.
    # They share a content hash but not a source key, so both are stored, in every mode and
    # batch layout (found by review: the modes used to disagree).
    a = Unit(None, [Variant("en", "node"), Variant("zh-Hans", "节点")], None)
    b = Unit(None, [Variant("zh-Hans", "节点"), Variant("en", "node")], None)
    db = tmp_path / "tm.sqlite"
    start = bulk.start
    entered: list[bool] = []
    bulk.start = _spy(start, mode == "bulk", entered)  # type: ignore[assignment]
    try:
        with open_store(str(db)) as store:
            if layout == "stored first":
                store.import_units([a], batch_size=1)
                reports = [store.import_units([b], batch_size=1)]
            else:
                size = 2 if layout == "one batch" else 1
                reports = [store.import_units([a, b], batch_size=size)]
            again = store.import_units([b, a, a], batch_size=1)
    finally:
        bulk.start = start
    assert (mode == "bulk") == any(entered)
    assert sum(r.added for r in reports) == (2 if layout != "stored first" else 1)
    assert sum(r.duplicates for r in reports) == 0
    assert (again.added, again.duplicates) == (0, 3)
    assert _count(db) == 2
    assert _indexes(db) == set(UNIT_INDEXES)
