"""`check --input-format NAME` with a name no format has, or a format without translation
units, is a usage error before anything is read: one `Error:` line, exit 2, no report.

Before, each input was tried with it and failed on its own: stdout still got a report
("0 findings … 1 file(s) could not be read"), and `-o report.json` was written, for a run
that could never check anything (`import --format nope` refuses at once).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

PO = Path("/work/shared/data/samples/po/opencc-0.1.2-zh_TW.po")
TMX = ROOT / "glossaries" / "example" / "glossary.tmx"


@pytest.mark.parametrize(("name", "says"), [
    ("nope", "unknown format 'nope'; known formats: "),
    ("tbx", "format 'tbx' has no translation units; "),
    ("termkit", "format 'termkit' has no translation units; "),
])
def test_a_format_check_cannot_read_is_a_usage_error(tmp_path: Path, name: str, says: str) -> None:
    src = tmp_path / "in.tmx"
    src.write_bytes(TMX.read_bytes())
    code, out, err = invoke("check", src, "--input-format", name, "-o", "report.json",
                            cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {says}") and err.count("\n") == 1, err
    assert not (tmp_path / "report.json").exists()


def test_a_known_input_format_still_checks(tmp_path: Path) -> None:
    src = tmp_path / "in.data"
    src.write_bytes(TMX.read_bytes())
    code, out, err = invoke("check", src, "--input-format", "tmx", cwd=tmp_path)
    assert code in (0, 1), err
    assert "in 1 file(s)" in out and "could not be read" not in out
