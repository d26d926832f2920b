"""`convert --in-place` on a file that cannot be replaced: a pipe, a FIFO, a device.

`--in-place -` was refused, but `--in-place /dev/stdin` (a pipe) read the text, then wrote the
conversion back into the pipe it came from: a small input's conversion was lost with exit
status 0, and a large one (more than the pipe holds) hung for ever, as did a FIFO given by
name. `/dev/null` "converted" to nothing with status 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke


def test_a_pipe_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    text = "權力平衡\n".encode() * 100_000  # more than a pipe holds
    done = subprocess.run(
        [sys.executable, "-m", "termkit", "convert", "-c", "t2s", "--in-place", "/dev/stdin"],
        input=text, capture_output=True, timeout=60, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode() == (
        "Error: /dev/stdin: --in-place replaces regular files only, and this is a pipe (FIFO); "
        "convert it with -o FILE instead\n")


def test_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text("權力\n", encoding="utf-8")
    # Nothing opens the FIFO (that would wait for a writer) and nothing is converted.
    code, out, err = invoke("convert", "-c", "t2s", "--in-place", "a.txt", fifo, cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == (f"Error: {fifo}: --in-place replaces regular files only, and this is a "
                   "pipe (FIFO); convert it with -o FILE instead\n")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "權力\n"


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_is_refused(device: str, tmp_path: Path) -> None:
    code, out, err = invoke("convert", "-c", "t2s", "--in-place", device, cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == (f"Error: {device}: --in-place replaces regular files only, and this is a "
                   "device; convert it with -o FILE instead\n")


def test_regular_files_and_links_to_them_are_still_converted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("權力\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    code, _, err = invoke("convert", "-c", "t2s", "--in-place", "link.txt", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "权力\n"
    assert (tmp_path / "link.txt").is_symlink()
