"""The glossary lock on an eighth fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/fresh8/`` holds 151 paragraphs from the same kinds of sources as the dev
paragraphs and the seven earlier fresh sets (see its PROVENANCE.md): Wikipedia-derived text from
other articles of two dataset files earlier sets read (CMRC 2018 trial, DRCD test), and a technical
book section, a newspaper interview transcript, the PRC and ROC patent laws and the Python
tutorial's chapter on input and output in both scripts, used by none of them. It was committed
before termkit was run on it, and every place where the current lock with default options changes
plain OpenCC's output there is judged right, wrong or neutral (``judged_fresh8.jsonl``). No rule
has been decided on this set. The test prints (``pytest -s``) kept right / wrong / neutral,
precision right/(right+wrong), and changes and wrong changes per 1,000 characters, by direction
and source kind, beside plain OpenCC (no change at all). It fails when the lock makes a change that
nobody has judged, so the figures stay complete. No precision floor is asserted: these paragraphs
are for measuring, not for tuning.
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
from tests.test_lock_fresh7 import FILES as FRESH7_FILES

FRESH8 = lockeval.DATA / "fresh8"
FILES = {"s2twp": FRESH8 / "zh_cn.fresh8.jsonl", "tw2sp": FRESH8 / "zh_tw.fresh8.jsonl"}
JUDGED = (FRESH8 / "judged_fresh8.jsonl", FRESH8 / "judged_fresh8_pairs.jsonl")
DIRECTIONS = ("s2twp", "tw2sp")
# The two dataset files earlier fresh sets also read: other articles of them (the id's last part is
# the CMRC article id / the DRCD paragraph id, which names its article), checked by assert_disjoint.
SHARED_BY_ARTICLE = {("ymcui/cmrc2018", "data/cmrc2018_trial.json"),
                     ("yenchangchen131/dataset", "data/raw/drcd.json")}


@cache
def _result(direction: str) -> lockeval.Result:
    return lockeval.regional_result(direction, FILES, JUDGED)  # the default options


def _drcd_articles(files: dict[str, Path]) -> set[str]:
    """The DRCD article of each DRCD paragraph: the dev set's and fresh4's ids end in
    ``ARTICLE-PARAGRAPH``, fresh5's to fresh8's in ``ARTICLE_PARAGRAPH``."""
    out = set()
    for d in DIRECTIONS:
        for p in lockeval.paragraphs(d, files):
            if "-drcd-" in p["id"]:
                rest = p["id"].split("-drcd-")[1]
                out.add(rest.split("-")[0].split("_")[0])
    return out


def test_every_fresh8_judgement_names_a_real_place() -> None:
    rows = lockeval.judged(JUDGED)
    assert len(rows) >= 20
    lockeval.assert_judgements(rows, FILES)


def test_fresh8_paragraphs_share_nothing_with_dev_or_earlier_fresh_sets() -> None:
    lockeval.assert_disjoint(FILES, (lockeval.FILES, FRESH_FILES, FRESH2_FILES, FRESH3_FILES,
                                     FRESH4_FILES, FRESH5_FILES, FRESH6_FILES, FRESH7_FILES),
                             SHARED_BY_ARTICLE)
    fresh = _drcd_articles(FILES)
    older = set().union(*(_drcd_articles(f) for f in (lockeval.FILES, FRESH4_FILES, FRESH5_FILES,
                                                       FRESH6_FILES, FRESH7_FILES)))
    assert fresh and older and fresh.isdisjoint(older)


def test_fresh8_paragraphs_with_the_regional_glossary() -> None:
    results = {d: _result(d) for d in DIRECTIONS}
    text, kept, new = lockeval.report("current lock (default options), fresh8 paragraphs",
                                      results, FILES, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text
