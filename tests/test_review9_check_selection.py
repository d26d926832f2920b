"""`check` asked for checks it cannot run passed with "0 findings".

`termkit check --checks terms messages.po` (the glossary forgotten) ran nothing, printed
"0 findings" and exit status 0, as did `--checks numbers --skip numbers` and `--skip all`:
a CI job so configured passes for ever. The terminology checks need a glossary (documented:
without -g they do not run), so naming them without one is a usage error, and so is a
selection that leaves no check at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"
GLOSSARY = ROOT / "tests" / "data" / "check" / "fixture.glossary.txt"


@pytest.mark.parametrize(("args", "says"), [
    (["--checks", "terms"], "forbidden-term, inconsistent, missing-term need a glossary; "
                            "give it with -g FILE"),
    (["--checks", "missing-term,numbers"], "missing-term needs a glossary; give it with -g FILE"),
    (["--checks", "numbers", "--skip", "numbers"], "no check left to run; --skip removes every "
                                                   "check chosen"),
    (["--skip", "all"], "no check left to run; --skip removes every check chosen"),
])
def test_a_selection_that_cannot_run_is_refused(tmp_path: Path, args: list[str],
                                                says: str) -> None:
    code, out, err = invoke("check", "--no-config", PO, *args, cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == f"Error: {says} (see 'termkit check --help')\n"


def test_the_same_selections_run_where_they_can(tmp_path: Path) -> None:
    code, out, err = invoke("check", "--no-config", PO, "-g", GLOSSARY, "--checks", "terms",
                            cwd=tmp_path)
    assert code == 1 and "missing-term" in out, err
    # Without --checks, the term checks are left out without a glossary (as documented).
    code, out, err = invoke("check", "--no-config", PO, "--checks", "all", cwd=tmp_path)
    assert code == 1 and "wrong-script" in out, err
    code, out, err = invoke("check", "--no-config", PO, "--skip", "terms", cwd=tmp_path)
    assert code == 1 and "wrong-script" in out, err
