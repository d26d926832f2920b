"""Outputs that fail while being written name themselves, and options that contradict each
other are refused instead of one silently winning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE = ROOT / "glossaries" / "example"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"
PO = ROOT / "tests" / "data" / "check" / "clean.zh_TW.po"


def termkit(*args: object, cwd: Path) -> tuple[int, str, str]:
    return invoke(*args, cwd=cwd)


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


def limited_file_size(limit: int) -> None:
    """In the child: files may not grow past ``limit`` bytes (a write past it fails with
    EFBIG, as on a full disk) and the signal that would kill the process is ignored."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and SIGXFSZ")
def test_a_build_that_cannot_write_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    records = (ROOT / "tests/data/records/dev.jsonl").read_bytes()
    (tmp_path / "dev.jsonl").write_bytes(records)
    done = subprocess.run(
        [sys.executable, "-m", "termkit", "build", "dev.jsonl", "-o", "out", "-q"],
        cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: limited_file_size(20_000))
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert err.startswith("Error: out/glossary."), err  # which of the files
    assert err.rstrip().endswith(": cannot write: File too large"), err
    assert len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev.jsonl"]


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and SIGXFSZ")
@pytest.mark.parametrize("args", [
    ["convert", "-c", "t2s", RECORD, "-o", "out.txt"],
    ["export", ROOT / "glossaries" / "cross-strait.glossary.txt", "-o", "out.tmx"],
    ["import", ROOT / "glossaries" / "cross-strait.glossary.txt", "-o", "out.csv"],
    ["pinyin", "-i", RECORD, "-o", "out.html"],
])
def test_a_file_that_cannot_grow_is_named_and_left_out(tmp_path: Path,
                                                       args: list[object]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "termkit", *map(str, args)], cwd=tmp_path, capture_output=True,
        stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: limited_file_size(2_000))
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert err == f"Error: {args[-1]}: cannot write: File too large\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and SIGXFSZ")
def test_opencc_tables_that_cannot_be_written_out_are_an_error_not_a_bug(tmp_path: Path) -> None:
    # detect reads OpenCC's character tables, which opencc_dict writes out as text into a
    # temporary folder first; with no room there, the tool dies (SIGXFSZ) and that is a
    # failure to write, named, not "internal error (a bug in termkit)".
    (tmp_path / "in.txt").write_text("這是繁體中文，这是简体。\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "termkit", "detect", "--expect", "hant", "in.txt"], cwd=tmp_path,
        capture_output=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: limited_file_size(2_000))
    err = done.stderr.decode()
    assert done.returncode == 2, err  # detect: 2 for errors
    assert err.startswith("Error: ") and "STCharacters" in err and "cannot write" in err, err
    assert "internal error" not in err and len(err.splitlines()) == 1, err
