"""Running a command with its stderr on a pseudo-terminal, as a user at a terminal sees it.

Progress lines and first-use notes appear only when stderr is a terminal, so the tests of
them run the command as a child process with a pseudo-terminal for its stderr (POSIX only).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def termkit_argv(*args: str, prefix: list[str] | None = None) -> list[str]:
    """The command line of ``termkit ARGS`` in this interpreter (after ``prefix``)."""
    return [*(prefix or []), sys.executable, "-m", "termkit", *args]


def run_on_a_terminal(argv: list[str], env: dict[str, str] | None = None, *,
                      terminal: bool = True, timeout: float = 300) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``argv`` run with its stderr on a pseudo-terminal
    (``terminal=False``: on a pipe, for the same command without one)."""
    import pty

    leader, follower = pty.openpty()
    done = subprocess.run(argv, stderr=follower if terminal else subprocess.PIPE,
                          stdout=subprocess.PIPE, timeout=timeout, check=False, env=env)
    os.close(follower)
    seen = b""
    try:
        while chunk := os.read(leader, 65536):
            seen += chunk
    except OSError:  # the follower side closed: all read
        pass
    os.close(leader)
    err = seen if terminal else done.stderr
    return done.returncode, done.stdout.decode("utf-8"), err.decode("utf-8")


def warm_dictionaries(folder: Path) -> None:
    """Copy this machine's dictionary caches, not the lock's word lists, into the cache
    ``folder`` of a test: only the word list is then cold (no CC-CEDICT rebuild for nothing)."""
    from termkit.lexicon import cache_dir

    folder.mkdir(parents=True, exist_ok=True)
    for cached in cache_dir().glob("*.marshal") if cache_dir().is_dir() else ():
        if not cached.name.startswith("lockwords-"):
            shutil.copy(cached, folder / cached.name)
