"""review30: tables whose lines end in a CR alone (Excel for Mac's "CSV (Macintosh)").

termkit reads such tables (the csv module takes a lone CR as a line end), but two places that
look at a table's first line split on LF only, took the whole file for that line and handed it
to the csv module, which refuses a CR outside quotes; both came out as `Error: internal error
(a bug in termkit …)`:
- `convert` of a `.csv` whose header names no Chinese column (to say "nothing converted");
- every command that tells a glossary table by its header (`import g.txt`, `lookup -g g.txt`,
  `extract g.txt`), when the file's name does not say CSV.

Oracle: the same tables with LF line ends, which were read all along.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

TAGGED = "en,zh-CN\nsoftware,软件\nnetwork,网络\n"
UNTAGGED = "English,Chinese\nsoftware,软件\nnetwork,网络\n"


def _mac(text: str) -> bytes:
    return text.replace("\n", "\r").encode("utf-8")


def test_convert_reports_an_untagged_mac_table_as_unconverted(tmp_path: Path) -> None:
    (tmp_path / "lf.csv").write_bytes(UNTAGGED.encode("utf-8"))
    (tmp_path / "cr.csv").write_bytes(_mac(UNTAGGED))
    code, out, err = invoke("convert", "--config", "s2t", "lf.csv", cwd=tmp_path)
    assert code == 0 and out == UNTAGGED and "nothing converted" in err, err
    code, out, err = invoke("convert", "--config", "s2t", "cr.csv", cwd=tmp_path)
    assert code == 0, err
    assert out.encode("utf-8") == _mac(UNTAGGED)
    assert "nothing converted" in err


def test_convert_still_converts_a_tagged_mac_table(tmp_path: Path) -> None:
    (tmp_path / "lf.csv").write_bytes(TAGGED.encode("utf-8"))
    (tmp_path / "cr.csv").write_bytes(_mac(TAGGED))
    code, lf, err = invoke("convert", "--config", "s2t", "lf.csv", cwd=tmp_path)
    assert code == 0 and "網絡" in lf, err
    code, cr, err = invoke("convert", "--config", "s2t", "cr.csv", cwd=tmp_path)
    assert code == 0, err
    assert cr.encode("utf-8") == _mac(lf)


@pytest.mark.parametrize("command", [["import", "-o", "-"], ["extract"]], ids=["import", "extract"])
def test_a_mac_table_named_txt_is_told_by_its_header(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "lf.txt").write_bytes(TAGGED.encode("utf-8"))
    (tmp_path / "cr.txt").write_bytes(_mac(TAGGED))
    lf = invoke(*command, "lf.txt", cwd=tmp_path)
    cr = invoke(*command, "cr.txt", cwd=tmp_path)
    assert "internal error" not in cr[2], cr[2]
    assert cr[0] == lf[0]
    assert (cr[1], cr[2]) == (lf[1].replace("lf.txt", "cr.txt"), lf[2].replace("lf.txt", "cr.txt"))


def test_lookup_reads_a_mac_table_named_txt(tmp_path: Path) -> None:
    (tmp_path / "cr.txt").write_bytes(_mac(TAGGED))
    code, out, err = invoke("lookup", "-g", "cr.txt", "software", cwd=tmp_path)
    assert code == 0, err
    assert "网络" not in out and "软件" in out
