"""The glossary lock on each fresh prose set: its first-contact figure, and nothing unjudged.

``tests/data/lock/freshN/`` (``lockeval.FRESH_SETS``) each hold paragraphs from the same kinds of
sources as the dev paragraphs (see each PROVENANCE.md): Wikipedia-derived text, laws of both
sides, technical books, transcripts and the Python docs in both scripts, from files or articles
no earlier set used. Each was committed before termkit was run on it, and every place where the
lock with default options changes plain OpenCC's output there is judged right, wrong or
neutral (``judged_freshN.jsonl``); no rule has been decided on a set after it was drawn except
where its README says so. The test prints (``pytest -s tests/test_lock_fresh_sets.py -k
fresh7``) kept right / wrong / neutral, precision right/(right+wrong), and changes and wrong
changes per 1,000 characters, by direction and source kind, beside plain OpenCC (no change at
all), and every wrong span. It fails when the lock makes a change that nobody has judged, so the
figures stay complete. No precision floor is asserted: these paragraphs are for measuring, not
for tuning. ``tests/test_lock_fresh.py`` adds the other locks on the first set, and
``tests/test_lock_kept_fresh.py`` the original lock's right spans kept.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests import lockeval

SETS = [pytest.param(s, id=s.name) for s in lockeval.FRESH_SETS]


@cache
def _result(name: str, direction: str) -> lockeval.Result:
    fresh = lockeval.FRESH[name]
    return lockeval.regional_result(direction, fresh.files, fresh.judged)  # the default options


def _earlier(fresh: lockeval.FreshSet) -> list[dict[str, lockeval.Path]]:
    """The dev paragraphs and every set drawn before ``fresh``."""
    before = lockeval.FRESH_SETS[: lockeval.FRESH_SETS.index(fresh)]
    return [lockeval.FILES, *(s.files for s in before)]


@pytest.mark.parametrize("fresh", SETS)
def test_every_judgement_names_a_real_place(fresh: lockeval.FreshSet) -> None:
    rows = lockeval.judged(fresh.judged)
    assert len(rows) >= fresh.min_judged
    lockeval.assert_judgements(rows, fresh.files, once=fresh.once)


@pytest.mark.parametrize("fresh", SETS)
def test_paragraphs_share_nothing_with_dev_or_earlier_sets(fresh: lockeval.FreshSet) -> None:
    earlier = _earlier(fresh)
    lockeval.assert_disjoint(fresh.files, earlier, set(fresh.shared_by_article))
    # DRCD paragraph ids name their article by two patterns (see drcd_articles): no article of
    # an earlier set, whichever pattern it was written in.
    older = set().union(*(lockeval.drcd_articles(f) for f in earlier))
    assert lockeval.drcd_articles(fresh.files).isdisjoint(older)


@pytest.mark.parametrize("fresh", SETS)
def test_paragraphs_with_the_regional_glossary(fresh: lockeval.FreshSet) -> None:
    results = {d: _result(fresh.name, d) for d in lockeval.DIRECTIONS}
    text, kept, new = lockeval.report(f"current lock (default options), {fresh.name} paragraphs",
                                      results, fresh.files, list_wrong=True)
    print(text)
    assert new == []
    assert sum(kept.values()) > 0  # the lock does act on this text


def test_the_registry_names_every_set_on_disk() -> None:
    on_disk = {p.name for p in lockeval.DATA.glob("fresh*") if p.is_dir()}
    assert on_disk == set(lockeval.FRESH)
