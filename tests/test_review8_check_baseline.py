"""A baseline report whose `findings` is not a list of objects.

`--baseline` reads an earlier `--to json` report; `"findings": 5` stopped `termkit check` with
an internal error (TypeError: 'int' object is not iterable), and findings that were not
objects were dropped without a word, so a hand-edited baseline hid less than it said.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"


def check(cwd: Path, *args: str) -> tuple[int, str, str]:
    return invoke("check", "--no-config", PO, *args, cwd=cwd)


@pytest.mark.parametrize(("findings", "says"), [
    (5, "findings must be a list"),
    ({"file": "x"}, "findings must be a list"),
    ([{"file": "x", "check": "numbers"}, 5], "finding 2 is not an object"),
    (["numbers"], "finding 1 is not an object"),
])
def test_a_baseline_whose_findings_are_not_objects_is_refused(
        tmp_path: Path, findings: object, says: str) -> None:
    baseline = tmp_path / "base.json"
    baseline.write_text(json.dumps({"schema": "termkit-check/1", "findings": findings}), "utf-8")
    code, out, err = check(tmp_path, "--baseline", str(baseline))
    assert (code, out) == (2, "")
    assert err == f"Error: {baseline}: the baseline is not a termkit check JSON report: {says}\n"


def test_a_real_baseline_still_hides_its_findings(tmp_path: Path) -> None:
    code, out, _ = check(tmp_path, "--to", "json", "-o", "base.json")
    assert code == 1
    report = json.loads((tmp_path / "base.json").read_text("utf-8"))
    assert report["findings"]
    code, out, err = check(tmp_path, "--baseline", "base.json")
    assert code == 0, err
    assert out.startswith("0 findings")

