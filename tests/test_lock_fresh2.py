"""The glossary lock on a second fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh2/`` holds 188 paragraphs from the same kinds of sources as the dev
paragraphs and the first fresh set, from files (for the Wikipedia-derived text: articles) used
by neither (see its PROVENANCE.md), committed before termkit was run on them, and every place
where the current lock with default options changes plain OpenCC's output there, judged right,
wrong or neutral (``judged_fresh2.jsonl``). The first fresh set had a rule decided on it; this one
has not. The test prints (``pytest -s``) kept right / wrong / neutral, precision
right/(right+wrong), and changes and wrong changes per 1,000 characters, by direction and source
kind, beside plain OpenCC (no change at all). It fails when the lock makes a change that nobody
has judged, so the figures stay complete. No precision floor is asserted: these paragraphs are
for measuring, not for tuning.
"""

from __future__ import annotations

from functools import cache

from tests import lockeval
from tests.test_lock_fresh import FILES as FRESH_FILES

FRESH2 = lockeval.DATA / "fresh2"
FILES = {"s2twp": FRESH2 / "zh_cn.fresh2.jsonl", "tw2sp": FRESH2 / "zh_tw.fresh2.jsonl"}
JUDGED = (FRESH2 / "judged_fresh2.jsonl",)
DIRECTIONS = ("s2twp", "tw2sp")
# the one file both fresh sets read, for other articles (CMRC 2018 trial split)
SHARED_BY_ARTICLE = {("ymcui/cmrc2018", "data/cmrc2018_trial.json")}


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def test_every_fresh2_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 57
    lockeval.assert_judgements(rows, FILES)


def test_fresh2_paragraphs_share_nothing_with_dev_or_fresh() -> None:
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES), SHARED_BY_ARTICLE)


def test_fresh2_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh2 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
