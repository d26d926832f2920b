"""Encoding detection: BOMs, UTF-8, Big5/CP950, GB18030, empty, binary and bad bytes."""

from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from termkit.errors import EncodingError, InputError
from termkit.textio import UNDECODABLE, common_chars, decode_text
from tests.conftest import DATA, SEED

RECORDS = DATA / "records"
# The example uses the Simplified heading 主题分类; Big5 has no 题/类, so Big5 and
# "both scripts" tests use the Traditional heading 主題分類 (the reader knows both).
EXAMPLE = SEED.read_text(encoding="utf-8")
EXAMPLE_TRAD = EXAMPLE.replace("主题分类", "主題分類")


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (EXAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + EXAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + EXAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + EXAMPLE.encode("utf-16-be"), "utf-16-be"),
        (EXAMPLE.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_example_in_each_encoding(raw: bytes, encoding: str) -> None:
    assert decode_text(raw, "example.txt") == (EXAMPLE, encoding)


def test_example_in_big5() -> None:
    raw = EXAMPLE_TRAD.encode("cp950")
    # The same bytes also decode as GB18030 (into nonsense): detection must not pick it.
    raw.decode("gb18030")
    assert decode_text(raw, "example.txt") == (EXAMPLE_TRAD, "cp950")


def test_plain_big5_codec_output_is_read_too() -> None:
    assert decode_text(EXAMPLE_TRAD.encode("big5"), "x") == (EXAMPLE_TRAD, "cp950")


def test_simplified_text_in_gb18030_that_also_decodes_as_big5() -> None:
    # 术语知识库 in GB bytes is valid CP950 too (as other characters).
    text = "术语知识库EcoLexicon的应用与启示\n郑丹丹 张梦宇 朱波\n"
    raw = text.encode("gb18030")
    raw.decode("cp950")
    assert decode_text(raw, "x") == (text, "gb18030")


@pytest.mark.parametrize(
    ("name", "encoding", "title"),
    [
        ("big5.txt", "cp950", "來臺陸生的政治態度與臺灣主權接受程度"),
        ("gb18030.txt", "gb18030", "术语知识库EcoLexicon的应用与启示"),
        ("utf8_bom.txt", "utf-8-sig", "來臺陸生的政治態度與臺灣主權接受程度"),
        ("utf16le_bom.txt", "utf-16-le", "來臺陸生的政治態度與臺灣主權接受程度"),
    ],
)
def test_committed_fixtures(name: str, encoding: str, title: str) -> None:
    text, found = decode_text((RECORDS / name).read_bytes(), name)
    assert found == encoding
    assert title in text.split("\n")
    assert "\ufeff" not in text


def test_line_endings_are_normalized() -> None:
    text, _ = decode_text((RECORDS / "crlf.txt").read_bytes(), "crlf.txt")
    assert "\r" not in text
    assert text == (RECORDS / "chinese_title.txt").read_text(encoding="utf-8")
    assert decode_text(b"a\rb\r\nc\n", "x") == ("a\nb\nc\n", "utf-8")


def test_empty_file() -> None:
    with pytest.raises(InputError, match="empty file") as info:
        decode_text(b"", "empty.txt")
    assert info.value.path == "empty.txt"


@pytest.mark.parametrize(
    "raw",
    [
        (RECORDS / "binary.bin").read_bytes(),
        b"text with a NUL\x00 inside",
        b"bell \x07 control",
        codecs.BOM_UTF16_LE + "escape \x1b[0m".encode("utf-16-le"),
    ],
)
def test_binary_input(raw: bytes) -> None:
    with pytest.raises(InputError, match="binary file, not text"):
        decode_text(raw, "b")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(codec: str) -> None:
    # Some Windows tools write UTF-16 without a byte order mark; the NUL of every ASCII
    # character made it "binary file, not text".
    assert decode_text(EXAMPLE.encode(codec), "x.txt") == (EXAMPLE, codec)
    # All Chinese but the line feeds; 一 (U+4E00) puts a NUL byte on the other side.
    mostly_chinese = "權力平衡與現實主義\n一國兩制\n越南外交政策\n外交\n政策\n"
    assert decode_text(mostly_chinese.encode(codec), "x.txt") == (mostly_chinese, codec)


def test_pinyin_streams_utf16_without_bom() -> None:
    from termkit.textstream import detect_encoding, iter_decoded

    raw = EXAMPLE.encode("utf-16-le")
    with io.BytesIO(raw) as fh:
        codec, skip = detect_encoding(fh, "x.txt")
        assert "".join(iter_decoded(fh, codec, skip, size=64)) == EXAMPLE


def test_tab_and_form_feed_are_text() -> None:
    assert decode_text(b"a\tb\fc", "x") == ("a\tb\fc", "utf-8")


def test_undecodable_fixture_points_at_line_and_column() -> None:
    with pytest.raises(EncodingError) as info:
        decode_text((RECORDS / "undecodable.txt").read_bytes(), "undecodable.txt")
    err = info.value
    # Line 3 is 張國城(Ku then the bad byte: six characters before it, so column 7.
    assert (err.path, err.line, err.column) == ("undecodable.txt", 3, 7)
    assert str(err).startswith(f"undecodable.txt:3:7: {UNDECODABLE}")


def test_bad_byte_in_big5_text_is_located_in_big5_characters() -> None:
    lines = EXAMPLE_TRAD.split("\n")
    raw = bytearray("\n".join(lines[:6]).encode("cp950") + b"\n")
    raw += "現實".encode("cp950") + b"\xff" + "\n".join(lines[6:]).encode("cp950")
    with pytest.raises(EncodingError) as info:
        decode_text(bytes(raw), "b5.txt")
    assert (info.value.line, info.value.column) == (7, 3)


def test_latin1_is_not_mistaken_for_chinese() -> None:
    with pytest.raises(EncodingError) as info:
        decode_text("Café au lait\nréunion à Paris\n".encode("latin-1"), "fr.txt")
    assert (info.value.line, info.value.column) == (1, 4)


def test_bad_utf16_is_an_encoding_error() -> None:
    raw = codecs.BOM_UTF16_LE + "ab\n".encode("utf-16-le") + b"\x00\xd8\x41\x00"
    with pytest.raises(EncodingError) as info:
        decode_text(raw, "u16")
    assert info.value.line == 2


def _encodable(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_BIG5_COMMON = sorted(c for c in common_chars() if _encodable(c, "cp950"))
_GB_COMMON = sorted(c for c in common_chars() if _encodable(c, "gb2312"))


# Detection is statistical: a string of a few characters can be ambiguous (about 1 in 130
# six-character GB strings also reads as common Big5 characters, and ties go to Big5).
# Record files are hundreds of characters long; 30 keeps the odds of a tie below 1e-7.
@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_BIG5_COMMON), min_size=30, max_size=80))
def test_random_common_traditional_text_round_trips_through_big5(text: str) -> None:
    assert decode_text(text.encode("cp950"), "x") == (text, "cp950")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_GB_COMMON), min_size=30, max_size=80))
def test_random_common_simplified_text_round_trips_through_gb18030(text: str) -> None:
    raw = text.encode("gb18030")
    # Some GB byte strings are valid UTF-8 as well (一 is D2 BB, Cyrillic һ in UTF-8);
    # UTF-8 is tried first by design, so those are not this test's business.
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        assume(False)
    assert decode_text(raw, "x") == (text, "gb18030")
