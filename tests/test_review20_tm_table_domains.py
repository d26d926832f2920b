"""review20: `tm import` of a CSV/Excel glossary drops its `domain` column.

The README: `tm import` tags units with domains ("a unit of several domains — the example
glossary's TMX gives each unit 人文學 and 社會科學 — keeps them as separate values", counted by
`tm stats`, found by `tm delete --domain`), and `--domain NAME` is the "Domain to record on
units that have none". The same example glossary exported by `termkit export` as CSV or Excel
has a `domain` column (`人文學; 社會科學`, read back by `termkit import`); `tm import` of those
files records no domain at all (`tm stats`: `domains: {}`), while it keeps the table's
`evidence` column as a unit property. The oracle is termkit's own TMX export of the glossary.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"


def domains_after_import(tmp_path: Path, to: str) -> dict[str, int]:
    exported = tmp_path / f"example.{to}"
    code, _, err = invoke("export", GLOSSARY, "--to", to, "-o", exported)
    assert code == 0, err
    db = tmp_path / f"{to}.sqlite"
    code, _, err = invoke("tm", "import", "--db", db, "-q", exported)
    assert code == 0, err
    code, out, err = invoke("tm", "stats", "--db", db, "--json")
    assert code == 0, err
    domains = json.loads(out)["domains"]
    assert isinstance(domains, dict)
    return domains


def test_the_tmx_export_keeps_the_domains(tmp_path: Path) -> None:
    """What holds (and the oracle): three keyword concepts, each of both domains."""
    assert domains_after_import(tmp_path, "tmx") == {"人文學": 3, "社會科學": 3}


@pytest.mark.parametrize("to", ["csv", "xlsx"])
def test_a_table_export_keeps_the_domains(tmp_path: Path, to: str) -> None:
    assert domains_after_import(tmp_path, to) == {"人文學": 3, "社會科學": 3}
