"""review21: UTF-16 without a BOM whose bytes are also valid UTF-8 is converted as UTF-8.

49ec678: "convert and detect read plain text in UTF-16 (with a BOM, as Notepad's 'Unicode'
saves, or without)". `convert.files.wide_or_utf8` only looks for UTF-16 when the file is *not*
valid UTF-8. But many Chinese characters are two ASCII bytes in UTF-16LE (歐 U+6B50 is ``50 6B``,
``Pk``), and a line feed is ``0A 00``: a glossary term list of such words, one a line, is a
valid UTF-8 file of Latin letters and NUL bytes. `convert -c t2s` then writes it back
unchanged (exit 0, nothing converted) and `detect --expect hans` finds nothing, while
`pinyin -i` reads the very same file as the Chinese it is (its NUL bytes sit where UTF-16LE puts
them: `textio.utf16_layout` says utf-16-le), and the same text with a BOM is converted. Measured on the dev records' Chinese keywords: 44 of
369 (12%), each with its line feed, are valid UTF-8 in UTF-16LE (教師專業發展, 內部控制, 性別 …),
so a short term list of one to three lines is often one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

# Three Traditional terms (OpenCC's own phrase tables hold them) whose UTF-16LE bytes are all
# ASCII: the file decodes as UTF-8.
TEXT = "歐洲共同市場\n無機化合物\n放射性同位素\n"
SIMPLIFIED = "欧洲共同市场\n无机化合物\n放射性同位素\n"


def test_premise_the_bytes_are_valid_utf8() -> None:
    TEXT.encode("utf-16-le").decode("utf-8")  # no UnicodeDecodeError


def write(tmp_path: Path, bom: bytes) -> Path:
    path = tmp_path / "terms.txt"
    path.write_bytes(bom + TEXT.encode("utf-16-le"))
    return path


def test_pinyin_reads_it_as_utf16(tmp_path: Path) -> None:
    """What holds: pinyin -i reads the file as Chinese."""
    code, out, err = invoke("pinyin", "-i", write(tmp_path, b""))
    assert (code, err) == (0, "")
    assert out.startswith("歐洲共同市場(Ōuzhōu Gòngtóng Shìchǎng)\n")


def test_with_a_bom_it_converts(tmp_path: Path) -> None:
    """What holds: the same text with a BOM is converted and written back in UTF-16."""
    out = tmp_path / "out.txt"
    code, _, err = invoke("convert", "-c", "t2s", write(tmp_path, b"\xff\xfe"), "-o", out)
    assert (code, err) == (0, "")
    assert out.read_bytes().decode("utf-16") == SIMPLIFIED


@pytest.mark.xfail(strict=True, reason="review21: convert reads UTF-16LE without a BOM as UTF-8 "
                   "when its bytes happen to be valid UTF-8 (NULs and all), and writes it back "
                   "unconverted, exit 0")
def test_without_a_bom_it_converts(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    code, _, err = invoke("convert", "-c", "t2s", write(tmp_path, b""), "-o", out)
    assert (code, err) == (0, "")
    assert out.read_bytes().decode("utf-16-le") == SIMPLIFIED


@pytest.mark.xfail(strict=True, reason="review21: detect reads UTF-16LE without a BOM as UTF-8 "
                   "when its bytes happen to be valid UTF-8 and finds no Traditional character")
def test_without_a_bom_detect_finds_the_traditional_characters(tmp_path: Path) -> None:
    code, out, _ = invoke("detect", "--expect", "hans", write(tmp_path, b""))
    assert code == 1
    assert "歐 is Traditional" in out
