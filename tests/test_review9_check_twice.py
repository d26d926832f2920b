"""`check` given one file twice (`check po/ po/zh_TW.po`, or the same name twice) checked it
twice: every finding was reported twice and the summary counted two files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.inprocess import invoke

PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"


def test_a_file_given_twice_is_checked_once(tmp_path: Path) -> None:
    (tmp_path / "po").mkdir()
    shutil.copy(PO, tmp_path / "po" / "zh_TW.po")
    once = invoke("check", "--no-config", "po/zh_TW.po", cwd=tmp_path)
    assert once[0] == 1 and "in 1 file(s)" in once[1]
    for args in (["po/zh_TW.po", "po/zh_TW.po"], ["po/zh_TW.po", "po"],
                 ["po/zh_TW.po", "./po/../po/zh_TW.po"]):
        assert invoke("check", "--no-config", *args, cwd=tmp_path) == once


def test_two_files_are_still_two(tmp_path: Path) -> None:
    (tmp_path / "po").mkdir()
    shutil.copy(PO, tmp_path / "po" / "a.po")
    shutil.copy(PO, tmp_path / "po" / "b.po")
    code, out, _ = invoke("check", "--no-config", "po", cwd=tmp_path)
    assert code == 1 and "in 2 file(s), 18 unit(s)" in out
