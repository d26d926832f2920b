"""review20: short Chinese text in UTF-16 without a byte order mark is refused as "not UTF-16".

`pinyin -i FILE` reads "a file (UTF-8, UTF-16, Big5 or GB18030)" (its --help), and the README
says records come "in UTF-8 (with or without BOM), UTF-16 (with or without BOM), Big5/CP950 or
GB18030 (detected)". UTF-16 without a BOM is recognised by its NUL bytes alone: at least two on
the high side of the code units (the high byte of ASCII characters, line feeds included) and
four times as many as on the other side. A single line of Chinese has one at most (its line
feed), and each 一 (U+4E00, low byte 00) puts one on the other side, so two lines holding one 一
are refused too: `pinyin -i` says "binary file, not text" and `convert` "it is not UTF-16,
Big5 or GB18030" — of files that decode strictly as UTF-16LE, every character a common one.

And `convert` and `detect` (which take `-i FILE` "kept from pinyin") refuse even the two-line
file `pinyin -i` reads, with the same "it is not UTF-16" of a UTF-16 file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

LINE = "中華民國的歷史很長，這是一段測試文字。"  # holds 一 (U+4E00)


def utf16le(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "text.txt"
    path.write_bytes(text.encode("utf-16-le"))
    return path


TWO_LINES = "權力平衡\n越南外交政策\n"


def test_pinyin_reads_two_lines(tmp_path: Path) -> None:
    """What holds: two lines (two NUL bytes) with no U+xx00 character are recognised."""
    path = utf16le(tmp_path, TWO_LINES)
    code, out, err = invoke("pinyin", "-i", path)
    assert (code, err) == (0, "")
    assert out == "權力平衡(quánlì pínghéng)\n越南外交政策(Yuènán wàijiāo zhèngcè)\n"


@pytest.mark.parametrize("command", [("convert", "-c", "t2s"), ("detect", "--expect", "hant")])
def test_convert_and_detect_read_what_pinyin_reads(tmp_path: Path,
                                                    command: tuple[str, ...]) -> None:
    path = utf16le(tmp_path, TWO_LINES)
    code, _, err = invoke(*command, "-i", path)
    assert "not UTF-16" not in err
    assert code == 0, err


@pytest.mark.parametrize("text", [LINE, f"{LINE}\n", f"{LINE}\n{LINE}\n"])
def test_short_text_is_read(tmp_path: Path, text: str) -> None:
    path = utf16le(tmp_path, text)
    assert path.read_bytes().decode("utf-16-le") == text  # the oracle: it is UTF-16LE
    code, out, err = invoke("pinyin", "-i", path)
    assert (code, err) == (0, "")
    assert "中" in out
