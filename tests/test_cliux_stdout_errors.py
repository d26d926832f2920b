"""A failed write to standard output names it, as a failed write to a file does.

With stdout on a full device (`termkit pinyin 中文 > /dev/full`, `convert … -o -`) every
command said only `Error: No space left on device` (which output?), `check` and `detect`
alike, and `termkit --help` / `--version` ended in a Python traceback. `-o /dev/full` was
already `Error: /dev/full: cannot write: …`; stdout is now `<stdout>`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"
PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"
RECORDS = ROOT / "tests" / "data" / "records" / "dev.jsonl"

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")

FULL = "Error: <stdout>: cannot write: No space left on device\n"


def run_to_full(args: list[object], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TERMKIT_DEBUG", None)
    with open("/dev/full", "wb") as full:
        return subprocess.run([sys.executable, "-m", "termkit", *map(str, args)], cwd=cwd,
                              env=env, stdout=full, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, text=True, timeout=120)


@pytest.mark.parametrize(("args", "code"), [
    (["pinyin", "中文"], 1),
    (["pinyin", "--name", "王小明"], 1),
    (["convert", "-c", "s2t", EXAMPLE], 1),
    (["convert", "-c", "s2t", EXAMPLE, "-o", "-"], 1),
    (["export", EXAMPLE, "--to", "tmx", "-o", "-"], 1),
    (["export", EXAMPLE, "--to", "xlsx", "-o", "-"], 1),
    (["import", EXAMPLE, "-o", "-"], 1),
    (["names", "romanize", "王小明"], 1),
    (["audit", EXAMPLE], 1),
    (["extract", RECORDS], 1),
    (["lookup", "-g", EXAMPLE, "權力平衡"], 2),  # status 1 means "nothing found"
    (["check", PO, "-g", EXAMPLE], 2),         # status 1 means "findings"
    (["detect", "--expect", "hans", EXAMPLE], 2),
    (["--help"], 1),
    (["--version"], 1),
    (["pinyin", "--help"], 1),
])
def test_a_full_stdout_is_named(tmp_path: Path, args: list[object], code: int) -> None:
    done = run_to_full(args, tmp_path)
    assert (done.returncode, done.stderr) == (code, FULL)


def test_a_full_stdout_leaves_no_file(tmp_path: Path) -> None:
    # stdout is not a file termkit makes: nothing appears in the folder either.
    done = run_to_full(["export", EXAMPLE, "--to", "po", "-o", "-"], tmp_path)
    assert (done.returncode, done.stderr) == (1, FULL)
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_is_still_quiet(tmp_path: Path) -> None:
    # `termkit … | head`: the reader went away; that is not an error to print.
    big = tmp_path / "big.txt"
    big.write_text("中文測試\n" * 100_000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "pinyin", "-i", str(big)],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert first and err == b""
