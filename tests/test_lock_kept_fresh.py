"""How many of the original lock's right changes the current lock keeps, on fresh prose sets.

Issue #12 asks that at least 70% of the spans judged right still be produced, measured against
the spans of the *original* lock: substring matching with every concept of the regional
glossary applied (today ``Converter(direction, glossary, topics=("all",), words=False)``). On
the dev paragraphs that is 205 of 286 (``tests/test_lock_dev.py``). Each fresh set's own judged
file holds only the spans of the lock at its first contact, so for the sets below every other
span of the original lock is judged too, in ``judged_freshN_original.jsonl`` beside it (same
fields, ``"lock": "original"``; judged after the fact, by the rules of
``tests/data/lock/PROVENANCE.md`` and the set's README). The test prints (``pytest -s``), for
each set and beside the dev figures: the original lock's right / wrong / neutral spans and
precision right/(right+wrong), the current default lock's kept right / wrong / neutral and
precision, and *right kept*: the original lock's right spans the current lock still produces,
over all of the original lock's right spans. It fails when the original lock (or the current
one) makes a change that neither judged file judges, so the figures stay complete; no threshold
is asserted, these sets are for measuring, not tuning.
"""

from __future__ import annotations

import collections
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests import lockeval

DIRECTIONS = lockeval.DIRECTIONS
# name: (paragraph files, the set's own judged file(s), the original lock's other spans)
SETS: dict[str, tuple[dict[str, Path], tuple[Path, ...], Path]] = {
    s.name: (s.files, s.judged, lockeval.DATA / s.name / f"judged_{s.name}_original.jsonl")
    # from fresh4 on: the sets for which every span of the original lock is judged too
    for s in lockeval.FRESH_SETS[lockeval.FRESH_SETS.index(lockeval.FRESH["fresh4"]):]
}
ORIGINAL = {"topics": ("all",), "words": False}  # the lock the issue measures against
CURRENT: dict[str, Any] = {}  # the default options


@cache
def _result(name: str, direction: str, lock: str) -> lockeval.Result:
    files, own, original = SETS[name]
    return lockeval.regional_result(direction, files, (*own, original),
                                    **(ORIGINAL if lock == "original" else CURRENT))


def _span(row: dict[str, Any]) -> tuple[str, str, int, tuple[tuple[int, str, str], ...]]:
    """A judged span: its place and its lock matches (two files may judge one place, each a
    span of its own lock: the original lock's span there may be another, differently judged)."""
    terms = tuple(sorted((t["offset"], t["form"], t["target"]) for t in row["terms"]))
    return row["direction"], row["paragraph_id"], row["offset"], terms


def _figures(kept: collections.Counter[str]) -> str:
    r, w, n = kept["right"], kept["wrong"], kept["neutral"]
    precision = f"{r / (r + w):.3f}" if r + w else "  -  "
    return f"{r:3} / {w:3} / {n:3}  precision {precision}"


def _line(name: str, original: collections.Counter[str], current: collections.Counter[str],
          right_kept: int) -> str:
    share = right_kept / original["right"] if original["right"] else 1.0
    return (f"{name:24} original lock {_figures(original)}   current lock {_figures(current)}   "
            f"right kept {right_kept:3} / {original['right']:3} = {share:.3f}")


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_original_lock_judgement_names_a_real_place(name: str) -> None:
    files, own, original = SETS[name]
    rows = lockeval.judged((original,))
    assert rows
    lockeval.assert_judgements(rows, files)
    assert all(r["lock"] == "original" for r in rows)
    # no lock match is judged in both files (a span of the original lock that merges a match
    # the set's own file judges with one it does not judges only the other), so no change is
    # counted twice
    def matches(judged: list[dict[str, Any]]) -> set[tuple[str, str, int, str, str]]:
        return {(r["direction"], r["paragraph_id"], t["offset"], t["form"], t["target"])
                for r in judged for t in r["terms"]}

    assert matches(lockeval.judged(own)).isdisjoint(matches(rows))


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_original_lock_span_is_judged(name: str) -> None:
    # Every change of the original lock is judged in one of the two files, and every
    # judgement of the original-lock file is a change the original lock makes (none is stale).
    _files, _own, original = SETS[name]
    rows = lockeval.judged((original,))
    kept = 0
    for d in DIRECTIONS:
        res = _result(name, d, "original")
        assert res.new == [], [s["context"] for s in res.new]
        kept += sum(1 for r in res.rows if r.get("lock") == "original")
    assert kept == len(rows)


def test_right_kept_on_fresh_sets() -> None:
    lines = ["", "right kept: the original lock's right spans (no word boundaries, every topic) "
                 "that the current lock (default options) still produces; right / wrong / neutral",
             "plain OpenCC: no change"]
    # dev: the original lock's spans are judged_dev's (termkit 80f688d), as test_lock_dev
    dev_rows = lockeval.judged()
    dev_original = collections.Counter(r["verdict"] for r in dev_rows)
    dev_current = sum((lockeval.regional_result(d).kept for d in DIRECTIONS), collections.Counter())
    lines.append(_line("dev (test_lock_dev)", dev_original, dev_current, dev_current["right"]))
    total_original: collections.Counter[str] = collections.Counter()
    total_kept = 0
    for name in sorted(SETS):
        original: collections.Counter[str] = collections.Counter()
        current: collections.Counter[str] = collections.Counter()
        right_kept = 0
        for d in DIRECTIONS:
            orig, cur = _result(name, d, "original"), _result(name, d, "current")
            assert orig.new == [] and cur.new == []  # complete figures
            original += orig.kept
            current += cur.kept
            # each result reads the judged files itself: rows are matched by place and matches
            produced = {_span(r) for r in orig.rows if r["verdict"] == "right"}
            right_kept += sum(1 for r in cur.rows if r["verdict"] == "right" and _span(r) in produced)
        lines.append(_line(name, original, current, right_kept))
        total_original += original
        total_kept += right_kept
    lines.append(f"{'fresh sets together':24} original right {total_original['right']}, "
                 f"kept {total_kept}: {total_kept / total_original['right']:.3f}")
    print("\n".join(lines))
    assert total_original["right"] > 0
