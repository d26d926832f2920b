"""A text file holding only a byte order mark is an empty file, as a file of no byte is.

`termkit pinyin -i FILE` refused an empty FILE ("empty file") but annotated a BOM-only one
as a text of one empty line: exit status 0, one blank line out. Such a file is what an
editor saves for "nothing" (Notepad's UTF-8, a spreadsheet's UTF-16 export of no row); PO
files already treated it as empty (test_review9_empty_po). The same holds for every command
that reads text through termkit.textio / termkit.textstream (records, `detect`).

Since then `pinyin` reads an empty input as an empty text, as `convert` and `detect` do
(tests/test_cliux_empty_input.py): a BOM-only input still goes with an empty one, both
annotated as nothing, exit status 0.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from termkit.errors import InputError
from termkit.textio import decode_text
from termkit.textstream import detect_encoding
from tests.inprocess import invoke

BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


@pytest.mark.parametrize("bom", BOMS.values(), ids=BOMS.keys())
def test_pinyin_reads_a_bom_only_file_as_an_empty_one(tmp_path: Path, bom: bytes) -> None:
    src = tmp_path / "t.txt"
    src.write_bytes(bom)
    (tmp_path / "empty.txt").write_bytes(b"")
    empty = invoke("pinyin", "-i", tmp_path / "empty.txt", cwd=tmp_path)
    assert invoke("pinyin", "-i", src, cwd=tmp_path) == empty == (0, "", "")


def test_pinyin_reads_a_bom_only_stdin_as_an_empty_one(tmp_path: Path) -> None:
    assert invoke("pinyin", "-i", "-", cwd=tmp_path, input=BOMS["utf-8"]) == (0, "", "")


@pytest.mark.parametrize("bom", BOMS.values(), ids=BOMS.keys())
def test_the_decoders_call_it_empty(bom: bytes) -> None:
    with pytest.raises(InputError, match=r"empty file \(only a byte order mark\)"):
        decode_text(bom, "t.txt")
    with pytest.raises(InputError, match=r"empty file \(only a byte order mark\)"):
        detect_encoding(io.BytesIO(bom), "t.txt")


@pytest.mark.parametrize("name", BOMS)
def test_a_bom_and_one_character_still_reads(name: str) -> None:
    data = BOMS[name] + "中".encode(name)
    assert decode_text(data, "t.txt")[0] == "中"
    assert detect_encoding(io.BytesIO(data), "t.txt") == (name, len(BOMS[name]))


def test_pinyin_of_a_bom_and_text(tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_bytes(BOMS["utf-8"] + "中文\n".encode())
    code, out, err = invoke("pinyin", "-i", src, "--no-words", cwd=tmp_path)
    assert code == 0, err
    assert "zhōng" in out
