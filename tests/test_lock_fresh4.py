"""The glossary lock on a fourth fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh4/`` holds 174 paragraphs from the same kinds of sources as the dev
paragraphs and the three earlier fresh sets, from files used by none of them (see its
PROVENANCE.md; the Wikipedia-derived text comes from other splits: CMRC 2018 train, DRCD test),
committed before termkit was run on them, and every place where the current lock with default
options changes plain OpenCC's output there, judged right, wrong or neutral
(``judged_fresh4.jsonl``). No rule has been decided on it. The test prints (``pytest -s``) kept
right / wrong / neutral, precision right/(right+wrong), and changes and wrong changes per 1,000
characters, by direction and source kind, beside plain OpenCC (no change at all). It fails when
the lock makes a change that nobody has judged, so the figures stay complete. No precision floor
is asserted: these paragraphs are for measuring, not for tuning.
"""

from __future__ import annotations

from functools import cache

from tests import lockeval
from tests.test_lock_fresh import FILES as FRESH_FILES
from tests.test_lock_fresh2 import FILES as FRESH2_FILES
from tests.test_lock_fresh3 import FILES as FRESH3_FILES

FRESH4 = lockeval.DATA / "fresh4"
FILES = {"s2twp": FRESH4 / "zh_cn.fresh4.jsonl", "tw2sp": FRESH4 / "zh_tw.fresh4.jsonl"}
JUDGED = (FRESH4 / "judged_fresh4.jsonl",)
DIRECTIONS = ("s2twp", "tw2sp")


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def test_every_fresh4_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 118
    lockeval.assert_judgements(rows, FILES)


def test_fresh4_paragraphs_share_nothing_with_dev_or_earlier_fresh_sets() -> None:
    # no file is shared, not even the Wikipedia-derived ones (other splits), so no article either
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES, FRESH2_FILES, FRESH3_FILES),
                             set())


def test_fresh4_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh4 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
