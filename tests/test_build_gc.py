"""A build runs with the cycle collector held back (termkit.build.paused_gc): the collector
comes back afterwards as it was, what the batch left alive is frozen (never walked again), and a
build leaves next to no cyclic garbage."""

from __future__ import annotations

import gc

import pytest

from termkit.build import paused_gc


def test_paused_gc_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    assert gc.isenabled()
    with paused_gc():
        young, middle, full = gc.get_threshold()
        assert not gc.isenabled()
        assert (young, middle) == before[:2]
        assert full > 1_000_000  # no full collection in a batch
        with paused_gc():
            pass
        assert gc.get_threshold() == (young, middle, full)  # an inner pause ends inside
        assert not gc.isenabled()
    assert gc.get_threshold() == before
    assert gc.isenabled()
    gc.unfreeze()  # give this test process its objects back


def test_paused_gc_freezes_what_the_batch_leaves_alive() -> None:
    gc.unfreeze()
    with paused_gc():
        kept = [[i] for i in range(1000)]  # tracked containers made in the batch
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    assert frozen >= len(kept)
    assert gc.get_count()[0] < len(kept)  # they are not left to the next young collection


def test_paused_gc_restores_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    gc.unfreeze()
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_a_build_makes_no_collection_and_little_cyclic_garbage() -> None:
    from termkit.align import pair_record
    from termkit.glossary import build_glossary
    from termkit.records import parse_records
    from tests.devrecords import load_all_dev, render_page

    pages = [render_page(r).encode() for r in load_all_dev()]
    for run in range(2):  # the first run also loads dictionaries and caches
        gc.collect()
        before = [s["collections"] for s in gc.get_stats()]
        with paused_gc():
            records = [r for i, p in enumerate(pages) for r in parse_records(p, f"dev{i}-{run}.txt")]
            glossary = build_glossary([pair_record(r) for r in records])
            assert [s["collections"] for s in gc.get_stats()] == before
            # The cyclic garbage of a whole batch, which only a collection frees.
            leftover = gc.collect()
        assert len(glossary) > 400
        gc.unfreeze()
    assert leftover < 100  # 564 before the recursive matchers broke their own cycles
