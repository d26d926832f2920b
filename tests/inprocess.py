"""Running a termkit command in the test process (click's runner), from a given folder.

Much cheaper than a subprocess (no interpreter start, tables already loaded); use a
subprocess only where the process itself matters (signals, closed standard streams,
resource limits).
"""

from __future__ import annotations

import os
from pathlib import Path


def invoke(*args: object, cwd: Path | None = None,
           input: bytes | str | None = None) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``termkit ARGS`` run here, in ``cwd``."""
    from click.testing import CliRunner

    from termkit.cli import cli

    here = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], input=input, prog_name="termkit")
    finally:
        os.chdir(here)
    return result.exit_code, result.stdout, result.stderr
