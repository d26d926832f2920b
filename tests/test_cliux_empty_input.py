"""Empty input is an empty text: `pinyin` annotates it as `convert` and `detect` read it.

`convert` and `detect` turned an empty stdin or file into empty output with status 0, while
`pinyin` refused the same input with "Error: -: empty file" (and a file holding only a byte
order mark, which editors save for "no text", with "empty file (only a byte order mark)").
A pipeline that happens to carry no text (`grep … | termkit pinyin`) failed on one command
and not on the other. Now each rendering writes what it writes for text of blank lines:
inline nothing, TSV its header, JSON `[]`, ruby a page with no text.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tests.inprocess import invoke

EMPTIES = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]


@pytest.mark.parametrize("data", EMPTIES, ids=["empty", "utf8-bom", "utf16le-bom", "utf16be-bom"])
@pytest.mark.parametrize("how", ["stdin", "no-input", "file"])
def test_pinyin_annotates_empty_input_as_nothing(tmp_path: Path, data: bytes, how: str) -> None:
    (tmp_path / "in.txt").write_bytes(data)
    args = {"stdin": ["pinyin", "-"], "no-input": ["pinyin"], "file": ["pinyin", "-i", "in.txt"]}
    code, out, err = invoke(*args[how], cwd=tmp_path, input=data)
    assert (code, out, err) == (0, "", "")


@pytest.mark.parametrize("fmt", ["tsv", "json", "ruby"])
@pytest.mark.parametrize("data", EMPTIES[:2], ids=["empty", "utf8-bom"])
def test_each_rendering_of_empty_input_is_that_of_a_blank_line(tmp_path: Path, fmt: str,
                                                               data: bytes) -> None:
    blank = invoke("pinyin", "--to", fmt, "-", cwd=tmp_path, input=b"\n")
    assert blank[0] == 0 and blank[1]  # a header, [] or a page
    assert invoke("pinyin", "--to", fmt, "-", cwd=tmp_path, input=data) == blank


def test_pinyin_of_an_empty_text_argument_is_empty() -> None:
    assert invoke("pinyin", "") == (0, "", "")


@pytest.mark.parametrize("args", [["convert", "-c", "s2t", "-"], ["detect", "--expect", "hant", "-"],
                                  ["pinyin", "-"], ["names", "romanize", "-"]])
def test_every_text_command_takes_empty_stdin(tmp_path: Path, args: list[str]) -> None:
    assert invoke(*args, cwd=tmp_path, input=b"") == (0, "", "")


def test_an_empty_input_written_to_a_file_is_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_bytes(b"")
    assert invoke("pinyin", "-i", "in.txt", "-o", "out.txt", cwd=tmp_path) == (0, "", "")
    assert (tmp_path / "out.txt").read_bytes() == b""
