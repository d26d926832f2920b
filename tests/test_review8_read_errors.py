"""An input that fails while it is being read names itself in the one error line.

A file that opens but whose reads fail (a disk error, a vanished network mount; here
``/proc/self/mem``, whose first page is never mapped, so every read is EIO) said only
``Error: Input/output error`` in the commands that stream their input (`convert`, `pinyin`,
`detect`, `import`, `export`, `lookup`, `audit`, `tm import`, `review`): which of the files?
A closed stdin said ``Error: standard input is closed`` without the ``-:``, and
`check --pair - TARGET` blamed TARGET for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="Linux /proc")

EXAMPLE = ROOT / "glossaries" / "example"
BAD = "/proc/self/mem"


def run(*args: str, cwd: Path) -> tuple[int, str]:
    code, _, err = invoke(*args, cwd=cwd)
    return code, err


def termkit(*args: str, cwd: Path, close_stdin: bool = False) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "termkit", *args], cwd=cwd, capture_output=True,
        stdin=None if close_stdin else subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=(lambda: os.close(0)) if close_stdin else None)
    return done.returncode, done.stderr.decode("utf-8", "replace")


def the_error(code: int, err: str, expected_code: int) -> str:
    """The one error line (after any warnings), checked for exit status and shape."""
    assert code == expected_code, err
    assert "Traceback" not in err and "internal error" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(("args", "code"), [
    (["convert", "-c", "s2t", BAD], 1),
    (["pinyin", "-i", BAD], 1),
    (["detect", "--expect", "hant", BAD], 2),
    (["import", BAD, "--format", "tmx", "-o", "out.glossary.txt"], 1),
    (["export", BAD, "--from", "termkit", "--to", "tmx"], 1),
    (["lookup", "realism", "-g", BAD, "--glossary-format", "termkit"], 2),
    (["audit", BAD, "--glossary-format", "json"], 1),
    (["tm", "import", BAD, "--format", "tmx", "--db", "tm.sqlite"], 1),
    (["review", BAD, "--no-browser"], 1),
])
def test_a_failing_read_names_the_file(tmp_path: Path, args: list[str], code: int) -> None:
    line = the_error(*run(*args, cwd=tmp_path), code)
    assert line.startswith(f"Error: {BAD}: cannot read: "), line
    assert line.endswith("Input/output error"), line


@pytest.mark.parametrize(("args", "code"), [
    (["check", "--pair", "-", "{target}"], 2),
    (["build", "-", "-o", "out"], 1),
    (["import", "-", "--format", "po", "-o", "out.glossary.txt"], 1),
    (["tm", "import", "-", "--format", "tmx", "--db", "tm.sqlite"], 1),
    (["names", "romanize", "-"], 1),
])
def test_a_closed_stdin_is_named_as_stdin(tmp_path: Path, args: list[str], code: int) -> None:
    target = tmp_path / "target.txt"
    target.write_text("權力平衡\n", encoding="utf-8")
    args = [a.format(target=target) for a in args]
    line = the_error(*termkit(*args, cwd=tmp_path, close_stdin=True), code)
    assert line == "Error: -: cannot read: standard input is closed", line
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.glossary.txt").exists()


def test_units_read_from_stdin_come_from_dash(tmp_path: Path) -> None:
    # A TMX on stdin that breaks off: the error points into `-`, as every other command
    # names stdin, not into `<stdin>`.
    data = (EXAMPLE / "glossary.tmx").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "termkit", "tm", "import", "-", "--format", "tmx",
         "--db", "tm.sqlite"], cwd=tmp_path, capture_output=True, input=data[: len(data) // 2],
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    line = the_error(done.returncode, done.stderr.decode(), 1)
    assert line.startswith("Error: -:"), line
