"""The glossary lock on a third fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh3/`` holds 205 paragraphs from the same kinds of sources as the dev
paragraphs and the two earlier fresh sets, from files (for the Wikipedia-derived text: articles)
used by none of them (see its PROVENANCE.md), committed before termkit was run on them, and
every place where the current lock with default options changes plain OpenCC's output there,
judged right, wrong or neutral (``judged_fresh3.jsonl``). No rule has been decided on it. The
test prints (``pytest -s``) kept right / wrong / neutral, precision right/(right+wrong), and
changes and wrong changes per 1,000 characters, by direction and source kind, beside plain
OpenCC (no change at all). It fails when the lock makes a change that nobody has judged, so the
figures stay complete. No precision floor is asserted: these paragraphs are for measuring, not
for tuning.
"""

from __future__ import annotations

from functools import cache

from tests import lockeval
from tests.test_lock_fresh import FILES as FRESH_FILES
from tests.test_lock_fresh2 import FILES as FRESH2_FILES

FRESH3 = lockeval.DATA / "fresh3"
FILES = {"s2twp": FRESH3 / "zh_cn.fresh3.jsonl", "tw2sp": FRESH3 / "zh_tw.fresh3.jsonl"}
JUDGED = (FRESH3 / "judged_fresh3.jsonl",)
DIRECTIONS = ("s2twp", "tw2sp")
# the one file every fresh set reads, for other articles (CMRC 2018 trial split)
SHARED_BY_ARTICLE = {("ymcui/cmrc2018", "data/cmrc2018_trial.json")}


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def test_every_fresh3_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 108
    lockeval.assert_judgements(rows, FILES)


def test_fresh3_paragraphs_share_nothing_with_dev_or_earlier_fresh_sets() -> None:
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES, FRESH2_FILES), SHARED_BY_ARTICLE)


def test_fresh3_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh3 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
