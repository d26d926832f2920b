"""The glossary lock on a seventh fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh7/`` holds 151 paragraphs from the same kinds of sources as the dev
paragraphs and the six earlier fresh sets (see its PROVENANCE.md): Wikipedia-derived text from
other articles of the two dataset files fresh4–fresh6 read (CMRC 2018 train, DRCD test), and a
technical book chapter, a meeting transcript, the PRC and ROC labour laws and the Python tutorial's
appendix in both scripts, used by none of them. It was committed before termkit was run on it, and
every place where the current lock with default options changes plain OpenCC's output there is
judged right, wrong or neutral (``judged_fresh7.jsonl``). No rule has been decided on this set.
The test prints (``pytest -s``) kept right / wrong / neutral, precision right/(right+wrong), and
changes and wrong changes per 1,000 characters, by direction and source kind, beside plain OpenCC
(no change at all). It fails when the lock makes a change that nobody has judged, so the figures
stay complete. No precision floor is asserted: these paragraphs are for measuring, not for tuning.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tests import lockeval
from tests.test_lock_fresh import FILES as FRESH_FILES
from tests.test_lock_fresh2 import FILES as FRESH2_FILES
from tests.test_lock_fresh3 import FILES as FRESH3_FILES
from tests.test_lock_fresh4 import FILES as FRESH4_FILES
from tests.test_lock_fresh5 import FILES as FRESH5_FILES
from tests.test_lock_fresh6 import FILES as FRESH6_FILES

FRESH7 = lockeval.DATA / "fresh7"
FILES = {"s2twp": FRESH7 / "zh_cn.fresh7.jsonl", "tw2sp": FRESH7 / "zh_tw.fresh7.jsonl"}
JUDGED = (FRESH7 / "judged_fresh7.jsonl",)
DIRECTIONS = ("s2twp", "tw2sp")
# The two dataset files fresh4–fresh6 also read: other articles of them (the id's last part is the
# CMRC article id / the DRCD paragraph id, which names its article), checked by assert_disjoint.
SHARED_WITH_FRESH4_TO_6 = {("DeerEyre/bert-qa", "data/cmrc2018_train.json"),
                           ("yenchangchen131/dataset", "data/raw/drcd.json")}


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def _drcd_articles(files: dict[str, Path]) -> set[str]:
    """The DRCD article of each DRCD paragraph: fresh4's ids end in ``ARTICLE-PARAGRAPH``,
    fresh5's to fresh7's in ``ARTICLE_PARAGRAPH``."""
    return {p["id"].split("-")[3].split("_")[0] for d in DIRECTIONS
            for p in lockeval.paragraphs(d, files) if "-drcd-" in p["id"]}


def test_every_fresh7_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 40
    lockeval.assert_judgements(rows, FILES)


def test_fresh7_paragraphs_share_nothing_with_dev_or_earlier_fresh_sets() -> None:
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES, FRESH2_FILES, FRESH3_FILES,
                                     FRESH4_FILES, FRESH5_FILES, FRESH6_FILES),
                             SHARED_WITH_FRESH4_TO_6)
    fresh = _drcd_articles(FILES)
    assert fresh and fresh.isdisjoint(_drcd_articles(FRESH4_FILES) | _drcd_articles(FRESH5_FILES)
                                      | _drcd_articles(FRESH6_FILES))


def test_fresh7_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh7 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
