"""review12: `import` names an input whose units hold no term, not only one with no unit.

A TMX ``<tu>`` with no ``<tuv>`` or a TBX ``termEntry`` with no ``langSet`` is read as a
concept without a term: the input adds nothing a user can look up, like an empty body.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from tests.test_cli_import_empty import HEADER

TBX = ('<?xml version="1.0"?>\n<martif type="TBX" xml:lang="en"><martifHeader><fileDesc>'
       '<sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>{body}</body>'
       '</text></martif>\n')


@pytest.mark.parametrize(("name", "text"), [
    ("units.tmx", HEADER.format(body="<body><tu></tu><tu/></body>")),
    ("entries.tbx", TBX.format(body='<termEntry id="c1"></termEntry>')),
])
def test_an_input_whose_units_hold_no_term_is_named(tmp_path: Path, name: str, text: str) -> None:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "g.glossary.txt"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Warning: {src}: no terms or translation units in it" in result.stderr


def test_an_input_with_one_term_is_not_named(tmp_path: Path) -> None:
    src = tmp_path / "one.tbx"
    src.write_text(TBX.format(body='<termEntry id="c1"><langSet xml:lang="en"><tig><term>file</term>'
                                   '</tig></langSet></termEntry>'), encoding="utf-8")
    out = tmp_path / "g.glossary.txt"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "no terms or translation units" not in result.stderr
    assert "term en: file" in out.read_text(encoding="utf-8")
