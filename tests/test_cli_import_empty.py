"""`import` says so when an input holds no term or unit: a valid but empty file (a TMX whose
body holds no unit, or with no body at all, a glossary of no concept) adds nothing, and an
empty GLOSSARY written without a word was a surprise (review11's open question)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from tests.conftest import DATA

HEADER = ('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
          'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" '
          'o-tmf="t"/>{body}</tmx>\n')


@pytest.mark.parametrize("body", ["", "<body/>", "<body>\n</body>"])
def test_an_input_with_no_unit_is_named_in_a_warning(tmp_path: Path, body: str) -> None:
    empty = tmp_path / "empty.tmx"
    empty.write_text(HEADER.format(body=body), encoding="utf-8")
    out = tmp_path / "g.glossary.txt"
    result = CliRunner().invoke(cli, ["import", str(empty), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Warning: {empty}: no terms or translation units in it" in result.stderr
    assert out.exists()


def test_an_input_with_units_gives_no_such_warning(tmp_path: Path) -> None:
    tmx = next(p for p in sorted(DATA.rglob("*.tmx")) if p.stat().st_size > 2000)
    out = tmp_path / "g.glossary.txt"
    result = CliRunner().invoke(cli, ["import", str(tmx), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "no terms or translation units" not in result.stderr
