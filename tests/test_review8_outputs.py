"""Outputs that fail while being written name themselves, and options that contradict each
other are refused instead of one silently winning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"
PO = ROOT / "tests" / "data" / "check" / "clean.zh_TW.po"


def termkit(*args: object, cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "termkit", *map(str, args)], cwd=cwd,
                          capture_output=True, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    return done.returncode, done.stdout.decode(), done.stderr.decode("utf-8", "replace")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(("args", "code"), [
    (["export", EXAMPLE / "glossary.txt", "--to", "tmx"], 1),
    (["export", EXAMPLE / "glossary.txt", "--to", "xlsx"], 1),
    (["import", EXAMPLE / "glossary.tmx"], 1),
    (["convert", "-c", "t2s", RECORD], 1),
    (["pinyin", "-i", RECORD], 1),
    (["check", PO, "--to", "html"], 2),
])
def test_a_full_device_as_output_is_named(tmp_path: Path, args: list[object], code: int) -> None:
    # A character device is written through (not replaced); when it is full the error said
    # only "No space left on device".
    done, _, err = termkit(*args, "-o", "/dev/full", cwd=tmp_path)
    assert done == code, err
    assert err == "Error: /dev/full: cannot write: No space left on device\n"


def test_tm_analyze_refuses_csv_and_json_together(tmp_path: Path) -> None:
    # Both printed formats asked for: JSON was printed and --csv ignored without a word.
    done, out, err = termkit("tm", "analyze", PO, "--db", "tm.sqlite", "--csv", "--json",
                             cwd=tmp_path)
    assert done == 2
    assert out == ""
    assert err.startswith("Error: ") and "--csv" in err and "--json" in err
    assert len(err.splitlines()) == 1
