"""A glossary that ``termkit import``/``export`` wrote under a name that does not tell its
format (``-o terms.txt --to tsv``) reads back under that name, without ``--format``.

Before, only the termkit text format (``# termkit glossary``) was known by its content: a
TSV, CSV or JSON glossary that termkit itself had written to ``terms.txt`` was refused by
every command ("cannot tell the format from the file name"), and most commands that read a
glossary (``pinyin -g``, ``check -g``) have no option to say it. The oracle is the same
file under the name of its format (``terms.tsv``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"


def _concepts(path: Path, cwd: Path) -> list[dict[str, object]]:
    """The concepts of ``path`` as ``termkit import`` reads them, written as JSON."""
    out = cwd / f"{path.name}.read.json"
    code, _, err = invoke("import", path, "-o", out, cwd=cwd)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    for concept in data["concepts"]:
        concept.pop("sources", None)
        for term in concept.get("terms", []):
            term.pop("sources", None)
    return sorted(data["concepts"], key=lambda c: str(c.get("id")))


@pytest.mark.parametrize("to", ["tsv", "csv", "json"])
def test_a_glossary_written_to_a_txt_name_reads_back(to: str, tmp_path: Path) -> None:
    code, _, err = invoke("import", GLOSSARY, "-o", "terms.txt", "--to", to, cwd=tmp_path)
    assert code == 0, err
    named = tmp_path / f"named.{to}"
    named.write_bytes((tmp_path / "terms.txt").read_bytes())
    assert _concepts(tmp_path / "terms.txt", tmp_path) == _concepts(named, tmp_path)
    # Commands with no option for the glossary's format read it too.
    code, out, err = invoke("pinyin", "-g", "terms.txt", "權力平衡", cwd=tmp_path)
    assert code == 0 and "Error" not in err, err
    code, out, err = invoke("lookup", "-g", "terms.txt", "權力平衡", cwd=tmp_path)
    assert code == 0 and "balance of power" in out, (out, err)


def test_text_that_only_looks_tabular_is_still_refused(tmp_path: Path) -> None:
    """A first line split by tabs or commas that names no two languages tells nothing."""
    for text in ("term\ttranslation\n權力\tpower\n", "a,b,c\n1,2,3\n", "en\n權力\n"):
        odd = tmp_path / "notes.txt"
        odd.write_text(text, encoding="utf-8")
        code, _, err = invoke("lookup", "-g", odd, "權力", cwd=tmp_path)
        assert code == 2 and "cannot tell the format from the file name" in err, (text, err)


@pytest.mark.parametrize("to", ["tsv", "csv"])
def test_build_refuses_a_table_glossary_under_a_txt_name(to: str, tmp_path: Path) -> None:
    # `build` reads any *.txt as page text unless its content says it is a glossary: a TSV or
    # CSV table termkit wrote to terms.txt was read as an article (its header row became an
    # "unpaired English keyword"), while a termkit glossary under that name was refused.
    code, _, err = invoke("import", GLOSSARY, "-o", "terms.txt", "--to", to, cwd=tmp_path)
    assert code == 0, err
    code, _out, err = invoke("build", "terms.txt", "-o", "out", cwd=tmp_path)
    assert code == 1
    assert f"Error: terms.txt: a {to.upper()} table, not article records" in err
    assert not (tmp_path / "out").exists()
    # --format page still reads it as page text, as the hint says
    code, _, err = invoke("build", "terms.txt", "-o", "out", "--format", "page", cwd=tmp_path)
    assert code == 0, err
