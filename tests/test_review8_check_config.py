"""A pyproject.toml whose `tool` or `tool.termkit` is not a table.

`termkit check` looks for `[tool.termkit.check]` in the nearest pyproject.toml, and a file
with `tool = 5` or `[tool] termkit = 5` stopped it with an internal error (AttributeError:
'int' object has no attribute 'get'), even when termkit was not configured there at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"


def check(cwd: Path, *args: str) -> tuple[int, str, str]:
    return invoke("check", PO, *args, cwd=cwd)


@pytest.mark.parametrize("text", ["tool = 5\n", "tool = [1, 2]\n", "[tool]\nother = 1\n"])
def test_a_pyproject_without_a_termkit_table_is_no_configuration(tmp_path: Path,
                                                                  text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err = check(tmp_path)
    default = check(tmp_path, "--no-config")
    assert (code, out, err) == default
    assert code == 1 and "3 findings" in out


@pytest.mark.parametrize("text", ["[tool]\ntermkit = 5\n", "[tool]\ntermkit = 'check'\n"])
def test_a_termkit_entry_that_is_no_table_is_an_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    for args in ([], ["--config", str(tmp_path / "pyproject.toml")]):
        code, out, err = check(tmp_path, *args)
        assert (code, out) == (2, "")
        assert err.startswith(f"Error: {tmp_path / 'pyproject.toml'}: [tool.termkit] must be a "
                              "table"), err
        assert len(err.splitlines()) == 1


def test_a_folder_given_as_the_configuration_is_named_as_one(tmp_path: Path) -> None:
    code, out, err = check(tmp_path, "--config", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {tmp_path}: a folder, not a configuration file")
    code, out, err = check(tmp_path, "--config", str(tmp_path / "missing.toml"))
    assert code == 2 and "no such configuration file" in err
