"""review17: `build FOLDER` reads *.md pages since 335a76a, and so the README.md that a folder
of saved records usually carries was read as an article page: its lines became keyword pairs
in the glossary (a file list item paired with the provenance sentence), exit 0, no warning.
A folder's README, LICENSE and the like are now left out unless --include names them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.inprocess import invoke

EXAMPLE = Path(__file__).parent.parent / "termkit" / "data" / "example-record.txt"

README = """# Thesis records

Saved from the NDLTD site on 2024-05-01. See [the site](https://ndltd.ncl.edu.tw/) for terms of use.

- `a.txt`: 越南外交政策
"""


def _terms(glossary: Path) -> list[str]:
    return [line for line in glossary.read_text(encoding="utf-8").splitlines()
            if line.startswith("term ")]


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


def test_include_takes_a_readme_again(tmp_path: Path) -> None:
    # Asked for by name, a README is read like any page (it is the user's decision).
    shutil.copy(EXAMPLE, tmp_path / "README.txt")
    code, _out, err = invoke("build", tmp_path, "-o", tmp_path / "o", "--no-exports", "-q",
                             "--include", "README*")
    assert code == 0, err
    code, _out, err = invoke("build", tmp_path / "README.txt", "-o", tmp_path / "o2",
                             "--no-exports", "-q")
    assert code == 0, err
    assert _terms(tmp_path / "o" / "glossary.txt") == _terms(tmp_path / "o2" / "glossary.txt")
    assert _terms(tmp_path / "o" / "glossary.txt")
