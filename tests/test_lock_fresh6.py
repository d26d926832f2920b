"""The glossary lock on a sixth fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh6/`` holds 150 paragraphs from the same kinds of sources as the dev
paragraphs and the five earlier fresh sets (see its PROVENANCE.md): Wikipedia-derived text from
other articles of the two dataset files fresh4 and fresh5 read (CMRC 2018 train, DRCD test), and a
technical book file, two meeting transcripts and two medical laws used by none of them. It was
committed before termkit was run on it, and every place where the current lock with default
options changes plain OpenCC's output there is judged right, wrong or neutral
(``judged_fresh6.jsonl``). No rule has been decided on this set. The test prints (``pytest -s``)
kept right / wrong / neutral, precision right/(right+wrong), and changes and wrong changes per
1,000 characters, by direction and source kind, beside plain OpenCC (no change at all). It fails
when the lock makes a change that nobody has judged, so the figures stay complete. No precision
floor is asserted: these paragraphs are for measuring, not for tuning.
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

FRESH6 = lockeval.DATA / "fresh6"
FILES = {"s2twp": FRESH6 / "zh_cn.fresh6.jsonl", "tw2sp": FRESH6 / "zh_tw.fresh6.jsonl"}
JUDGED = (FRESH6 / "judged_fresh6.jsonl",)
DIRECTIONS = ("s2twp", "tw2sp")
# The two dataset files fresh4 and fresh5 also read: other articles of them (the id's last part is
# the CMRC article id / the DRCD paragraph id, which names its article), checked by assert_disjoint.
SHARED_WITH_FRESH4_AND_5 = {("DeerEyre/bert-qa", "data/cmrc2018_train.json"),
                            ("yenchangchen131/dataset", "data/raw/drcd.json")}


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def _drcd_articles(files: dict[str, Path]) -> set[str]:
    """The DRCD article of each DRCD paragraph: fresh4's ids end in ``ARTICLE-PARAGRAPH``,
    fresh5's and fresh6's in ``ARTICLE_PARAGRAPH``."""
    return {p["id"].split("-")[3].split("_")[0] for d in DIRECTIONS
            for p in lockeval.paragraphs(d, files) if "-drcd-" in p["id"]}


def test_every_fresh6_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 60
    lockeval.assert_judgements(rows, FILES)


def test_fresh6_paragraphs_share_nothing_with_dev_or_earlier_fresh_sets() -> None:
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES, FRESH2_FILES, FRESH3_FILES,
                                     FRESH4_FILES, FRESH5_FILES), SHARED_WITH_FRESH4_AND_5)
    fresh = _drcd_articles(FILES)
    assert fresh and fresh.isdisjoint(_drcd_articles(FRESH4_FILES) | _drcd_articles(FRESH5_FILES))


def test_fresh6_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh6 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
