"""The glossary lock on a fifth fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh5/`` holds 72 paragraphs from the same kinds of sources as the dev
paragraphs and the four earlier fresh sets (see its PROVENANCE.md): Wikipedia-derived text from
other articles of the two dataset files fresh4 read (CMRC 2018 train, DRCD test), and a technical
book file and two laws used by none of them. It was committed before termkit was run on it, and
every place where the current lock with default options changes plain OpenCC's output there is
judged right, wrong or neutral (``judged_fresh5.jsonl``). fresh4 has become learning data (rules
of ``termkit/convert/risk.py`` were decided on its wrong spans); no rule has been decided on this
set. The test prints (``pytest -s``) kept right / wrong / neutral, precision right/(right+wrong),
and changes and wrong changes per 1,000 characters, by direction and source kind, beside plain
OpenCC (no change at all). It fails when the lock makes a change that nobody has judged, so the
figures stay complete. No precision floor is asserted: these paragraphs are for measuring, not
for tuning.
"""

from __future__ import annotations

from functools import cache

from tests import lockeval
from tests.test_lock_fresh import FILES as FRESH_FILES
from tests.test_lock_fresh2 import FILES as FRESH2_FILES
from tests.test_lock_fresh3 import FILES as FRESH3_FILES
from tests.test_lock_fresh4 import FILES as FRESH4_FILES

FRESH5 = lockeval.DATA / "fresh5"
FILES = {"s2twp": FRESH5 / "zh_cn.fresh5.jsonl", "tw2sp": FRESH5 / "zh_tw.fresh5.jsonl"}
JUDGED = (FRESH5 / "judged_fresh5.jsonl",)
DIRECTIONS = ("s2twp", "tw2sp")
# The two dataset files fresh4 also read: other articles of them (the id's last part is the
# CMRC article id / the DRCD paragraph id, which names its article), checked by assert_disjoint.
SHARED_WITH_FRESH4 = {("DeerEyre/bert-qa", "data/cmrc2018_train.json"),
                      ("yenchangchen131/dataset", "data/raw/drcd.json")}


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def test_every_fresh5_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 32
    lockeval.assert_judgements(rows, FILES)


def test_fresh5_paragraphs_share_nothing_with_dev_or_earlier_fresh_sets() -> None:
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES, FRESH2_FILES, FRESH3_FILES,
                                     FRESH4_FILES), SHARED_WITH_FRESH4)
    # no DRCD article of fresh4 either: its ids end in "ARTICLE-PARAGRAPH", fresh5's in
    # "ARTICLE_PARAGRAPH"
    older = {p["id"].split("-")[3] for d in DIRECTIONS for p in lockeval.paragraphs(d, FRESH4_FILES)
             if "-drcd-" in p["id"]}
    fresh = {p["id"].split("-")[3].split("_")[0] for d in DIRECTIONS
             for p in lockeval.paragraphs(d, FILES) if "-drcd-" in p["id"]}
    assert fresh and older.isdisjoint(fresh)


def test_fresh5_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh5 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
