"""SIGTERM (``kill PID``, ``timeout``, a service manager stopping a job) ends a command as
Ctrl-C does.

Python's default for SIGTERM ends the process on the spot: no ``finally`` runs, so a write in
progress left its temporary file (``.out.txt.termkit-PID.XXXX.tmp``, or a whole staged
``.out.termkit-PID.XXXX.tmp/`` folder of a build) beside the output, and the exit status was
-15 with nothing said. Now the run unwinds as for Ctrl-C: temporary files removed, the
previous output untouched, ``Terminated`` on stderr and exit status 143 (128 + SIGTERM).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"

# `termkit ARGS` whose TMX writer, once it has begun, says so on stdout and then takes
# SECONDS: a long write the test can signal in the middle of.
SLOW_WRITE = """
import sys, time
import termkit.formats.tmx as tmx

real = tmx.write_glossary
seconds = float(sys.argv[1])

def slow(glossary, stream, **options):
    stream.write(b"<?xml")
    print("writing", flush=True)
    time.sleep(seconds)
    stream.seek(0)
    stream.truncate()
    return real(glossary, stream, **options)

tmx.write_glossary = slow
sys.argv = ["termkit", *sys.argv[2:]]
from termkit.cli import main
main()
"""


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def signal_while_writing(args: list[str], cwd: Path, seconds: float,
                         sigterm: object = signal.SIG_DFL) -> tuple[int, str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, str(seconds), *args], cwd=cwd,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGTERM, sigterm))  # type: ignore[arg-type]
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line == b"writing\n", proc.communicate()[1].decode()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, err.decode()


@pytest.mark.parametrize(("args", "old"), [
    (["export", str(EXAMPLE), "-o", "out.tmx"], "out.tmx"),
    (["build", str(RECORD), "-o", "out", "-q", "-j", "1"], "out/glossary.tmx"),
])
def test_sigterm_during_a_write_removes_the_temporary_and_keeps_the_old_output(
        tmp_path: Path, args: list[str], old: str) -> None:
    (tmp_path / old).parent.mkdir(exist_ok=True)
    (tmp_path / old).write_text("the previous output\n", encoding="utf-8")
    code, err = signal_while_writing(args, tmp_path, 60)
    assert code == 128 + signal.SIGTERM, err
    assert err == "Terminated\n"
    assert temporaries(tmp_path) == [] and temporaries((tmp_path / old).parent) == []
    assert (tmp_path / old).read_text(encoding="utf-8") == "the previous output\n"


def test_an_ignored_sigterm_stays_ignored(tmp_path: Path) -> None:
    # Callers that ignore SIGTERM (`nohup`-style) keep it ignored: the run goes on.
    code, err = signal_while_writing(["export", str(EXAMPLE), "-o", "out.tmx"], tmp_path, 0.5,
                                     sigterm=signal.SIG_IGN)
    assert (code, err) == (0, "")
    assert (tmp_path / "out.tmx").read_bytes() == (EXAMPLE.parent / "glossary.tmx").read_bytes()
    assert temporaries(tmp_path) == []


def test_a_worker_ends_quietly_on_sigterm() -> None:
    # Forked workers inherit the parent's handler: a worker the pool terminates (or that a
    # group signal reaches) must end as the system ends it, without a traceback.
    script = (
        "import os, signal\n"
        "from termkit.cli import terminate_on_sigterm\n"
        "from termkit.parallel import ordered_map\n"
        "terminate_on_sigterm()\n"
        "def handler(_):\n"
        "    return signal.getsignal(signal.SIGTERM) is signal.SIG_DFL\n"
        "print(list(ordered_map(handler, range(2), 2)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stderr == b""
    assert done.stdout == b"[True, True]\n"
