"""review23 (fixed: the name is written with its bytes escaped): a folder holding a file whose name is not UTF-8 (a zip unpacked from a Windows
machine writes GBK names as raw bytes) fails ``build`` with an internal error.

The file is read (Python decodes the name with surrogate escapes), and writing its name as a
source into glossary.txt raises UnicodeEncodeError: "Error: internal error (a bug in
termkit …)", and nothing is built. Names with a line break or a leading dash build fine.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.inprocess import invoke

EXAMPLE = Path(__file__).parent.parent / "termkit" / "data" / "example-record.txt"


def test_a_gbk_file_name_builds(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    # 記錄.txt in GBK, as an archive made on a Chinese Windows machine unpacks it
    shutil.copy(EXAMPLE, os.fsencode(folder) + b"/" + "记录".encode("gbk") + b".txt")
    code, _out, err = invoke("build", folder, "-o", tmp_path / "out")
    assert "internal error" not in err
    assert code == 0, err
    glossary = (tmp_path / "out" / "glossary.txt").read_text(encoding="utf-8")
    # its bytes that are not UTF-8 escaped (glossary.txt doubles a backslash); c2 bc is ¼
    assert "records/\\\\xbc\\\\xc7¼.txt:" in glossary


def test_what_holds_a_name_with_a_line_break_or_a_dash(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "-rec.txt")
    shutil.copy(EXAMPLE, folder / "a\nb.txt")
    code, _out, err = invoke("build", folder, "-o", tmp_path / "out")
    assert code == 0, err
    assert "2 record(s)" in err + _out
