"""review20: `tm delete --origin` matches the path as typed at import, not the file name.

`tm delete --help`: "--origin NAME  Units imported from this origin (file name)"; `tm import
--origin`: "Origin recorded on the units instead of the file name". What is recorded is the
INPUT exactly as it was typed: after `termkit tm import --db tm.sqlite po/x.po` (or an absolute
path), `tm delete --origin x.po` — the file name — selects nothing, and so does `po/x.po`
typed from another folder; both say "0 units deleted" and exit 0.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.inprocess import invoke

NAME = "opencc-0.1.2-zh_CN.po"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "po").mkdir()
    shutil.copy(DATA / "po" / NAME, tmp_path / "po" / NAME)
    code, _, err = invoke("tm", "import", "--db", "tm.sqlite", "-q", f"po/{NAME}", cwd=tmp_path)
    assert code == 0, err
    return tmp_path


def would_delete(cwd: Path, db: str, origin: str) -> str:
    code, out, err = invoke("tm", "delete", "--db", db, "--origin", origin, "--dry-run", cwd=cwd)
    assert code == 0, err
    return out.strip().splitlines()[-1]


def test_the_path_as_typed_selects_the_units(project: Path) -> None:
    assert would_delete(project, "tm.sqlite", f"po/{NAME}") == "40 units would be deleted (dry run)"


@pytest.mark.parametrize("where", ["name", "other-folder"])
def test_the_file_name_selects_the_units(project: Path, where: str) -> None:
    if where == "name":
        result = would_delete(project, "tm.sqlite", NAME)
    else:
        result = would_delete(project / "po", "../tm.sqlite", NAME)
    assert result == "40 units would be deleted (dry run)"
