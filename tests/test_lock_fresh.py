"""The glossary lock on fresh prose, collected after the rules: its figure, and nothing unjudged.

``tests/data/lock/fresh/`` holds 289 paragraphs from the same kinds of sources as the dev
paragraphs but from other files (see its PROVENANCE.md), committed before termkit was run on
them, and every place where a lock changes plain OpenCC's output there, judged right, wrong or
neutral (``judged_fresh.jsonl``: the current lock's changes and those of the old always-on
lock). The test prints (``pytest -s``), for the current lock with default options, for
``--topic all`` and for the old lock (every topic, no word boundaries): kept right / wrong /
neutral, precision right/(right+wrong), and changes and wrong changes per 1,000 characters, by
source kind, beside plain OpenCC (no change at all). It fails when a lock makes a change that
nobody has judged, so the figures stay complete (the current lock's own figure, and the checks
that the set is fresh, are in ``tests/test_lock_fresh_sets.py`` with the later sets). No precision floor is asserted: these
paragraphs are for measuring, not for tuning, and their figure is whatever it is (one rule was
decided on them since, see PROVENANCE.md: the figure after it is a tuned one).
"""

from __future__ import annotations

import collections
from functools import cache

import pytest

from tests import lockeval

FILES = lockeval.FRESH["fresh"].files
JUDGED = lockeval.FRESH["fresh"].judged
DIRECTIONS = lockeval.DIRECTIONS
# name -> Converter options: every topic on, and the old lock
# (the default options are measured on every set by tests/test_lock_fresh_sets.py)
LOCKS = {"current lock, --topic all": (("all",), True),
         "old lock (all topics, no word boundaries)": (("all",), False)}


@cache
def _result(direction: str, topics: tuple[str, ...], words: bool) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED, topics=topics, words=words)


@pytest.mark.parametrize("lock", list(LOCKS))
def test_fresh_paragraphs_with_the_regional_glossary(lock: str) -> None:
    topics, words = LOCKS[lock]
    results = {d: _result(d, topics, words) for d in DIRECTIONS}
    text, kept, new = lockeval.report(f"{lock}, fresh paragraphs", results, FILES)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text


def test_the_current_lock_beats_the_old_one_on_fresh_text() -> None:
    # Not a threshold read off these paragraphs: the claim of issue #12 is that the new rules
    # remove more wrong changes than right ones, and this checks it where no rule was tuned.
    def kept(topics: tuple[str, ...], words: bool) -> collections.Counter[str]:
        return sum((_result(d, topics, words).kept for d in DIRECTIONS), collections.Counter())

    new, old = kept((), True), kept(("all",), False)
    assert new["wrong"] < old["wrong"]
    assert new["right"] / (new["right"] + new["wrong"]) > old["right"] / (old["right"] + old["wrong"])
