"""`termkit --help` / `--version` with stdout closed (`>&-`, cron) is one `Error:` line, as every
command's output to a closed stdout is, not a Python traceback.

cliux made a failing stdout while click prints --help or --version one line (`> /dev/full`),
but a closed stdout raises a plain OSError there, which reached the console script's main()
and printed a traceback. Found by review15.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["pinyin", "--help"]])
def test_help_to_a_closed_stdout_is_one_error_line(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TERMKIT_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "termkit", *args], cwd=tmp_path,
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, timeout=120,
                          preexec_fn=lambda: os.close(1))
    err = done.stderr.decode()
    assert (done.returncode, err) == (1, "Error: standard output is closed\n")


def test_debug_still_shows_an_oserror_as_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    # The closed-stdout case is caught by its own class: an OSError a command raises under
    # --debug still reaches the console script as itself (its traceback is what --debug is for).
    import io

    import termkit.cli as cli_module
    from termkit.cli.pinyin import pinyin as command

    def broken(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "a bug's own OSError")

    monkeypatch.setattr(command, "callback", broken)
    monkeypatch.setattr(cli_module, "terminate_on_sigterm", lambda: None)
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # left alone: not a TextIOWrapper on fd 1
    monkeypatch.setattr(sys, "argv", ["termkit", "--debug", "pinyin", "中文"])
    with pytest.raises(PermissionError, match="a bug's own OSError"):
        cli_module.main()
