"""review21: the errors of `convert`/`detect` on UTF-16 input (49ec678).

* A UTF-16 file with a BOM and a bad code unit (a lone surrogate on line 2, as a truncated copy
  or a broken editor leaves) is refused as `Error: FILE: not valid UTF-16: illegal UTF-16
  surrogate`: no line, where the project's errors are `Error: FILE:LINE: what is wrong` and
  `pinyin -i` names the same file's line (`bad.txt:2:1`); termkit.textio's reader of UTF-16
  without a BOM gives line and column too.
* A short UTF-16LE file without a BOM (one term of two characters, 銀行) is refused, and the
  hint says "it is not UTF-16, Big5 or GB18030" of a file that decodes strictly as UTF-16LE
  into two common characters (and as neither Big5 nor GB18030). Too short to tell, it
  may be; but "it is not UTF-16" is false.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.inprocess import invoke

SHORT = "銀行".encode("utf-16-le")
COMMANDS = [("convert", "-c", "t2s"), ("detect", "--expect", "hans")]


def bad_utf16(tmp_path: Path) -> Path:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe" + "臺灣\n".encode("utf-16-le") + b"\x00\xd8A\x00")
    return path


def test_pinyin_names_the_line(tmp_path: Path) -> None:
    """What holds: pinyin -i gives the line of the bad code unit."""
    code, _, err = invoke("pinyin", "-i", bad_utf16(tmp_path))
    assert code == 1
    assert "bad.txt:2:" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_code_unit_is_reported_at_its_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    code, _, err = invoke(*command, bad_utf16(tmp_path))
    assert code in (1, 2)
    assert re.search(r"Error: .*bad\.txt:2(:\d+)?: ", err), err


def test_premise_the_short_file_is_neither_big5_nor_gb18030() -> None:
    for codec in ("utf-8", "big5", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            SHORT.decode(codec)


def test_a_short_utf16_file_is_not_said_to_be_no_utf16(tmp_path: Path) -> None:
    path = tmp_path / "term.txt"
    path.write_bytes(SHORT)
    code, _, err = invoke("convert", "-c", "t2s", path)
    assert code == 0 or "not UTF-16" not in err, err
