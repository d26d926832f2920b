"""A build runs with full garbage collections held back (termkit.build.paused_gc): the
collector's thresholds come back afterwards, young collections still free what a build drops."""

from __future__ import annotations

import gc

import pytest

from termkit.build import paused_gc


def test_paused_gc_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with paused_gc():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full > 1_000_000  # no full collection in a batch
        with paused_gc():
            pass
        assert gc.get_threshold() == (young, middle, full)  # an inner pause ends inside
    assert gc.get_threshold() == before


def test_paused_gc_restores_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before


def test_a_build_makes_no_full_collection_and_little_cyclic_garbage() -> None:
    from termkit.align import pair_record
    from termkit.glossary import build_glossary
    from termkit.records import parse_records
    from tests.devrecords import load_all_dev, render_page

    pages = [render_page(r).encode() for r in load_all_dev()]
    for run in range(2):  # the first run also loads dictionaries and caches
        gc.collect()
        full_before = gc.get_stats()[2]["collections"]
        young_before = gc.get_stats()[0]["collections"]
        with paused_gc():
            records = [r for i, p in enumerate(pages) for r in parse_records(p, f"dev{i}-{run}.txt")]
            glossary = build_glossary([pair_record(r) for r in records])
            assert gc.get_stats()[2]["collections"] == full_before
            assert gc.get_stats()[0]["collections"] > young_before
            # What young collections left for a full one: cycles that survived them.
            leftover = gc.collect()
        assert len(glossary) > 400
    assert leftover < 1_000
