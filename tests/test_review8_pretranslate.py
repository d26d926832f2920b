"""`tm pretranslate` with several INPUTs writes its folder whole or not at all.

With `-o FOLDER`, each file was written as soon as it was filled: a later INPUT that was
missing or broken left the folder made and the earlier files in it (exit 1, a half-done job
that looks done), and two INPUTs with the same name (`a/x.po b/x.po`) wrote one file, the
second replacing the first without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

TMX = ROOT / "glossaries" / "example" / "glossary.tmx"
PO = ROOT / "tests" / "data" / "check" / "clean.zh_TW.po"


@pytest.fixture()
def job(tmp_path: Path) -> Path:
    code, _, err = invoke("tm", "import", "--db", "tm.sqlite", TMX, cwd=tmp_path)
    assert code == 0, err
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.po").write_bytes(PO.read_bytes())
    (tmp_path / "bad.po").write_text('msgid "a"\nmsgstr garbage\n', encoding="utf-8")
    return tmp_path


def pretranslate(cwd: Path, *args: str) -> tuple[int, str, str]:
    return invoke("tm", "pretranslate", "--db", "tm.sqlite", *args, cwd=cwd)


@pytest.mark.parametrize(("last", "says"), [
    ("missing.po", "Error: missing.po: no such file"),
    ("bad.po", "Error: bad.po:2:8: PO syntax error"),
])
def test_a_failing_input_leaves_no_folder(job: Path, last: str, says: str) -> None:
    code, out, err = pretranslate(job, "a/x.po", last, "-o", "filled")
    assert code == 1 and out == ""
    assert err.startswith(says), err
    assert not (job / "filled").exists()


def test_a_failing_input_leaves_an_existing_folder_as_it_was(job: Path) -> None:
    (job / "filled").mkdir()
    (job / "filled" / "x.po").write_text("old", encoding="utf-8")
    code, _, _ = pretranslate(job, "a/x.po", "bad.po", "-o", "filled")
    assert code == 1
    assert [p.name for p in (job / "filled").iterdir()] == ["x.po"]
    assert (job / "filled" / "x.po").read_text(encoding="utf-8") == "old"


def test_two_inputs_of_one_name_are_refused(job: Path) -> None:
    code, out, err = pretranslate(job, "a/x.po", "b/x.po", "-o", "filled")
    assert code == 2 and out == ""
    assert err.startswith("Error: filled/x.po: a/x.po and b/x.po would both be written here")
    assert not (job / "filled").exists()


def test_several_inputs_still_fill_the_folder(job: Path) -> None:
    (job / "c").mkdir()
    (job / "c" / "y.po").write_bytes(PO.read_bytes())
    code, out, err = pretranslate(job, "a/x.po", "c/y.po", "a/x.po", "-o", "filled")
    assert code == 0, err
    assert sorted(p.name for p in (job / "filled").iterdir()) == ["x.po", "y.po"]
    # a/x.po, named twice, is filled and counted once (review30: the total said 27)
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["a/x.po", "c/y.po", "total"]
    assert lines[-1].startswith("total: 18 segments")
    # Each file is what pre-translating it alone gives.
    code, _, err = pretranslate(job, "a/x.po", "-o", "alone.po")
    assert code == 0, err
    assert (job / "filled" / "x.po").read_bytes() == (job / "alone.po").read_bytes()
