"""``benchmarks/run.py``, the runner the README names: options it does not know are refused.

It used to take every argument starting with ``-`` but ``--quick`` for nothing, so
``python benchmarks/run.py --help`` started every benchmark (a quarter of an hour), and a
NAME that matched no script ran nothing and exited 0.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def _runner(monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[list[str]]]:
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls: list[list[str]] = []

    def call(cmd: list[str], *args: Any, **kwargs: Any) -> int:
        calls.append(cmd)
        return 0

    monkeypatch.setattr(subprocess, "call", call)
    return module, calls


def test_help_lists_the_names_and_runs_nothing(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    run, calls = _runner(monkeypatch)
    for flag in ("--help", "-h"):
        assert run.main([flag]) == 0
        out = capsys.readouterr().out
        assert "[--quick] [NAME...]" in out and "convert" in out and "lock_reading" in out
    assert calls == []


def test_unknown_option_and_unknown_name_are_refused(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    run, calls = _runner(monkeypatch)
    assert run.main(["--qiuck"]) == 2
    assert "unknown option '--qiuck'" in capsys.readouterr().err
    assert run.main(["convrt"]) == 2
    assert "no benchmark named 'convrt'" in capsys.readouterr().err
    assert calls == []


def test_names_and_quick_pick_the_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    run, calls = _runner(monkeypatch)
    assert run.main(["--quick", "convert"]) == 0
    assert [Path(c[1]).name for c in calls] == ["bench_convert.py"]
    assert all(c[2:] == ["--quick"] for c in calls)
