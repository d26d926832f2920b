"""The measuring scripts the README tells a reader to run refuse a name they do not know
with a message listing the names, not a KeyError traceback (``python -m tests.pagevariants
--help`` and ``python -m tests.pairmutations --failures NAME`` with a mistyped NAME)."""

from __future__ import annotations

import pytest

from . import pagevariants, pairmutations


def test_pagevariants_help_and_unknown_family(capsys: pytest.CaptureFixture[str]) -> None:
    pagevariants.main(["--help"])
    out = capsys.readouterr().out
    assert "[-v] [FAMILY...]" in out and "ndltd colon" in out and "|---" not in out
    with pytest.raises(SystemExit) as stop:
        pagevariants.main(["ndltd colom"])
    assert "no family named 'ndltd colom'" in str(stop.value.code)
    assert "noblank slash" in str(stop.value.code)


def test_pairmutations_unknown_perturbation(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        pairmutations.main(["--failures", "English rotated"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "no perturbation named 'English rotated'" in err and "English rotated by one" in err
