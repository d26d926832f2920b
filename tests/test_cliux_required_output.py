"""`termkit import INPUT` without -o says that -o is missing.

It said "Error: empty output file name; give a file name, or - for stdout" (exit 2): the
shared ``output_option`` gave the required option an explicit ``default=None``, which click
8.2 and later take as a value given, so its "Missing option" check never ran and the
command went on with no output name.
"""

from __future__ import annotations

import click

from tests.conftest import ROOT
from tests.inprocess import invoke
from tests.test_cli_conventions import LEAVES

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


def test_import_without_output_names_the_option() -> None:
    code, out, err = invoke("import", EXAMPLE)
    assert (code, out) == (2, "")
    assert err == "Error: Missing option '-o' / '--output' (see 'termkit import --help')\n"


def test_no_required_option_carries_a_default() -> None:
    # A default on a required option, None included, silences click's check (see above), in
    # any command; click marks "no default" with its own sentinel.
    found = [(" ".join(path), p.opts) for path, cmd in LEAVES for p in cmd.params
             if isinstance(p, click.Option) and p.required
             and type(p.default).__name__ != "Sentinel"]
    assert found == []
