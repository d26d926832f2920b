"""Standard input given twice among the INPUTs.

Stdin can be read once: `build - -` failed on the second (`-: empty file`), while `extract`,
`import`, `check` and `tm import` read an empty second input and went on as if the user had
meant it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

RECORD = ROOT / "termkit" / "data" / "example-record.txt"
PO = ROOT / "tests" / "data" / "check" / "clean.zh_TW.po"


@pytest.mark.parametrize(("args", "data", "code"), [
    (["build", "-", "-", "-o", "out"], RECORD, 2),
    (["extract", "-", "-"], RECORD, 2),
    (["import", "-", "-", "--format", "po", "-o", "out.glossary.txt"], PO, 2),
    (["check", "-", "-", "--input-format", "po"], PO, 2),
    (["tm", "import", "-", "-", "--format", "po", "--db", "tm.sqlite"], PO, 2),
])
def test_stdin_twice_is_a_usage_error(tmp_path: Path, args: list[str], data: Path,
                                      code: int) -> None:
    done = subprocess.run([sys.executable, "-m", "termkit", *args], cwd=tmp_path,
                          capture_output=True, input=data.read_bytes(),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    err = done.stderr.decode()
    assert done.returncode == code, err
    assert done.stdout == b""
    assert err.startswith("Error: `-` (stdin) is given twice"), err
    assert len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
