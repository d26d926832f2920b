"""`build --json --conflicts -`: two documents for one stdout.

The conflicts (JSON Lines) and the JSON summary were both printed on stdout, one after the
other: a script reading either got the other mixed in (the summary parsed as one more
"conflict", or the summary's reader failed on the conflict lines). `export` and `import`
refuse `--json` with `-o -` for the same reason.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT
from tests.inprocess import invoke

RECORD = ROOT / "termkit" / "data" / "example-record.txt"


def test_json_and_conflicts_on_stdout_are_refused(tmp_path: Path) -> None:
    code, out, err = invoke("build", RECORD, "-o", "out", "--json", "--conflicts", "-",
                            cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == ("Error: --json and --conflicts - would both print on stdout; give "
                   "--conflicts a FILE\n")
    assert list(tmp_path.iterdir()) == []


def test_each_alone_still_prints_on_stdout(tmp_path: Path) -> None:
    code, out, err = invoke("build", RECORD, "-o", "out", "-q", "--json", cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out)["concepts"] == 4
    code, out, err = invoke("build", RECORD, "-o", "out", "-q", "--conflicts", "-",
                            cwd=tmp_path)
    assert code == 0, err
    assert out == ""  # the example has no conflict: no line
    code, out, err = invoke("build", RECORD, "-o", "out", "-q", "--json", "--conflicts",
                            "conflicts.jsonl", cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out)["conflicts"] == 0
    assert (tmp_path / "conflicts.jsonl").read_text(encoding="utf-8") == ""
