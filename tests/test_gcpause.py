"""A check run holds back full garbage collections (termkit.gcpause.held_full_gc) and gives the
collector's thresholds back afterwards, also when the batch fails."""

from __future__ import annotations

import gc

import pytest

from termkit.gcpause import held_full_gc


def test_held_full_gc_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    enabled = gc.isenabled()
    with held_full_gc():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]  # young collections still run
        assert full > 1_000_000
        assert gc.isenabled() == enabled
    assert gc.get_threshold() == before


def test_held_full_gc_restores_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), held_full_gc():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before
