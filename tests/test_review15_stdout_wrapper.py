"""The stdout that names its failures (termkit.io.name_stdout_failures) keeps what the
original stdout promised: unbuffered under `python -u` / PYTHONUNBUFFERED, and a stream that
is not a plain file descriptor (a Windows console's own raw stream) is left as Python made it.

cliux replaced any text stdout on fd 1 with a 64 kB-buffered writer: `python -u -m termkit …`
(a log watched through `| tee`) held each line back until exit, and on Windows the console's
raw stream, which writes text through the console API, would have been bypassed by os.write
of UTF-8 bytes. Found by review15.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from termkit import io as tio
from tests.conftest import ROOT

WRITE_AND_VANISH = (
    "import os, sys\n"
    "from termkit.io import name_stdout_failures\n"
    "name_stdout_failures()\n"
    "sys.stdout.write('line one\\n')\n"
    "os._exit(0)  # no flush at exit: only what was written through is there\n"
)


def run(unbuffered: bool) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONUNBUFFERED", None)
    flags = ["-u"] if unbuffered else []
    return subprocess.run([sys.executable, *flags, "-c", WRITE_AND_VANISH], env=env,
                          capture_output=True, timeout=60, check=True).stdout


def test_python_u_still_writes_at_once() -> None:
    assert run(unbuffered=True) == b"line one\n"


def test_buffered_by_default() -> None:
    # The other half: without -u the text waits in the buffer (a flush writes it), so the
    # test above can fail.
    assert run(unbuffered=False) == b""


class ConsoleLike(io.RawIOBase):
    """A raw stream on fd 1 that is not a FileIO (as Windows' _WindowsConsoleIO is not)."""

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1

    def write(self, data: object) -> int:
        return len(memoryview(data))  # type: ignore[arg-type]


def test_a_console_stream_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    console = io.TextIOWrapper(io.BufferedWriter(ConsoleLike()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", console)
    tio.name_stdout_failures()
    assert sys.stdout is console


def test_a_file_descriptor_stream_is_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    # The other half: stdout over a FileIO on fd 1 gets the naming writer.
    plain = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", plain)
    tio.name_stdout_failures()
    assert sys.stdout is not plain
    assert isinstance(sys.stdout, io.TextIOWrapper)
    assert sys.stdout.encoding == "utf-8"
