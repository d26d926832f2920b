"""review22 (fixed): an earlier build's conflicts file is read as a record.

83bfcdc claimed: "a folder read as input that holds an earlier build's output (its
glossary.sources.jsonl as termkit writes it) has those outputs left out with a note, and the
user's files beside them read", and the note says "its files are not read as records". Only
the files a build writes by default are left out. ``termkit build papers -o papers/out
--conflicts papers/out/conflicts.jsonl`` -- keeping the conflicts for a reviewer beside the
glossary they belong to -- writes a JSON Lines file there too; ``termkit build papers -o
out2`` then prints the note and reads ``papers/out/conflicts.jsonl`` as a JSONL record file:
an empty record ``conflicts#1`` is counted (3 records from 2 pages) and listed by ``termkit
extract papers``. Before 83bfcdc the second build stopped with an error instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA
from tests.inprocess import invoke

EXAMPLE = DATA.parent.parent / "termkit" / "data" / "example-record.txt"


def papers(tmp_path: Path, *, conflicts: bool) -> Path:
    """Two pages that disagree on one rendering, built once into papers/out."""
    folder = tmp_path / "papers"
    (folder / "out").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "first.txt")
    text = EXAMPLE.read_text(encoding="utf-8").replace("; realism ;", "; pragmatism ;")
    (folder / "second.txt").write_text(text, encoding="utf-8")
    extra = ["--conflicts", "papers/out/conflicts.jsonl"] if conflicts else []
    code, _out, err = invoke("build", "papers", "-o", "papers/out", *extra, cwd=tmp_path)
    assert code == 0, err
    return folder


def records_read(tmp_path: Path) -> str:
    code, _out, err = invoke("build", "papers", "-o", "out2", cwd=tmp_path)
    assert code == 0, err
    assert "the output of an earlier build" in err
    return err.strip().splitlines()[-1]


def test_an_earlier_build_without_conflicts_file_is_left_out(tmp_path: Path) -> None:
    papers(tmp_path, conflicts=False)
    assert records_read(tmp_path).startswith("2 record(s) -> ")


def test_an_earlier_builds_conflicts_file_is_no_record(tmp_path: Path) -> None:
    folder = papers(tmp_path, conflicts=True)
    assert (folder / "out" / "conflicts.jsonl").read_text(encoding="utf-8").startswith('{"zh": ')
    assert records_read(tmp_path).startswith("2 record(s) -> ")
