"""held_full_gc holds back full garbage collections and gives the thresholds back afterwards,
also when the batch fails; a check run switches the collector off (collector_off) and on again."""

from __future__ import annotations

import gc

import pytest

from termkit.gcpause import collector_off, held_full_gc


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


def test_collector_off_during_a_check_run_and_back_after() -> None:
    # The check run switches the collector off while it reads units, and on again after.
    from termkit.check import Checker
    from termkit.model import Unit, Variant

    seen: list[bool] = []

    def units():  # type: ignore[no-untyped-def]
        for i in range(3):
            seen.append(gc.isenabled())
            yield "x.po", i, Unit(str(i), [Variant("en", "Open %s"), Variant("zh-TW", "開啟")], "en")

    assert gc.isenabled()
    findings = Checker().run(units())
    assert seen == [False, False, False]
    assert gc.isenabled()
    assert any(f.check == "printf" for f in findings)
    gc.disable()
    try:
        with pytest.raises(RuntimeError), collector_off():
            raise RuntimeError("boom")
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_a_check_run_makes_no_cyclic_garbage() -> None:
    # What lets the run switch the collector off: reference counting frees all it drops.
    from termkit.check import Checker
    from termkit.check.inputs import read_inputs
    from termkit.glossary import load_glossary
    from tests.conftest import ROOT

    data = ROOT / "tests" / "data" / "check"
    glossary = load_glossary(str(data / "fixture.glossary.txt"))
    regional = load_glossary(str(ROOT / "glossaries" / "cross-strait.glossary.txt"))
    checker = Checker(glossary, regional=[regional])
    units = read_inputs([str(data / n) for n in ("seeded.tmx", "seeded.zh_TW.po", "seeded.xlf")]).units
    assert len(units) > 10
    checker.run(units)  # caches warmed
    gc.collect()
    findings = checker.run(units)
    assert findings
    assert gc.collect() == 0
