"""review17: `build FOLDER` reads *.md pages since 335a76a, and so the README.md that a folder
of saved records usually carries is read as an article page: its lines become keyword pairs
in the glossary (a file list item paired with the provenance sentence), exit 0, no warning.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.inprocess import invoke

EXAMPLE = Path(__file__).parent.parent / "termkit" / "data" / "example-record.txt"

README = """# Thesis records

Saved from the NDLTD site on 2024-05-01. See [the site](https://ndltd.ncl.edu.tw/) for terms of use.

- `a.txt`: 越南外交政策
"""


def _terms(glossary: Path) -> list[str]:
    return [line for line in glossary.read_text(encoding="utf-8").splitlines()
            if line.startswith("term ")]


@pytest.mark.xfail(strict=True, reason=(
    "records (folder discovery / page reading): a folder's README.md is read as a record page "
    "and adds the keyword pair 'a.txt: 越南外交政策' / 'Saved from the NDLTD site …' to the "
    "glossary without a warning (readers4's area)"))
def test_a_readme_beside_the_records_adds_nothing_to_the_glossary(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(EXAMPLE, plain / "a.txt")
    documented = tmp_path / "documented"
    shutil.copytree(plain, documented)
    (documented / "README.md").write_text(README, encoding="utf-8")
    code, _out, err = invoke("build", plain, "-o", tmp_path / "o1", "--no-exports", "-q")
    assert code == 0, err
    code, _out, err = invoke("build", documented, "-o", tmp_path / "o2", "--no-exports", "-q")
    assert code == 0, err
    assert _terms(tmp_path / "o2" / "glossary.txt") == _terms(tmp_path / "o1" / "glossary.txt")
