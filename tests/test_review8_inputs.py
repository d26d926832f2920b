"""Standard input given twice among the INPUTs.

Stdin can be read once: `build - -` failed on the second (`-: empty file`), while `extract`,
`import`, `check` and `tm import` read an empty second input and went on as if the user had
meant it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

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
    done, out, err = invoke(*args, cwd=tmp_path, input=data.read_bytes())
    assert done == code, err
    assert out == ""
    assert err.startswith("Error: `-` (stdin) is given twice"), err
    assert len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
