"""Decoding text bytes whose encoding is not declared: UTF-8/16, Big5 (CP950) and GB18030.

This module owns one decision: which of the encodings Chinese text files are found in a
byte string is written in. Order of tests:

1. empty input (or only a byte order mark) -> :class:`InputError` ``empty file``;
2. a byte order mark decides: UTF-8 (``utf-8-sig``), UTF-16 LE/BE (``utf-16-le``/``-be``);
3. NUL bytes (without a UTF-16 BOM) or other C0 control characters (anything but tab,
   line feed, vertical tab, form feed, carriage return) -> ``binary file, not text``, unless
   the bytes are UTF-16 without a BOM: nearly all NUL bytes on one side of the code units
   (the high byte of every ASCII character, line feeds included) and strict decoding works
   (readers of formats that default to UTF-8, such as PO, ask
   :func:`decode_utf16_without_bom` first: ASCII in UTF-16 is valid UTF-8, NULs and all);
4. strict UTF-8 (``utf-8``);
5. strict CP950 (Microsoft's Big5, a superset of plain Big5) and strict GB18030. Many byte
   strings decode in both, so when both succeed the one whose CJK characters are more often
   *common* wins. "Common" is the union of the Big5 "frequently used" block (A440–C67E,
   5401 characters) and GB 2312 level 1 (B0A1–D7F9, 3755 characters): both tables were
   built by frequency, so genuine text scores ~95% and text read in the wrong encoding
   scores far lower (it lands on rarely used characters, kana, Greek or private-use code
   points). Ties (e.g. a handful of characters) go to CP950;
6. if neither succeeds, or the best decoding is implausible (fewer than a third of its CJK
   characters common), :class:`EncodingError` points at the line and column of the first
   bad byte of the most plausible attempt.

Line breaks are normalized (``\\r\\n`` and ``\\r`` become ``\\n``) and a BOM is removed.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from termkit.errors import EncodingError, InputError

UNDECODABLE = "cannot decode bytes as UTF-8, UTF-16, Big5 or GB18030"
# What a file that holds no text is called, by every reader.
BINARY = "binary file, not text"

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_NEWLINES = re.compile(r"\r\n?")
# Characters that count in plausibility: non-ASCII except punctuation both scripts share
# (general punctuation, CJK symbols, full-width forms), which says nothing about encoding.
_SCORED = re.compile(r"[^\x00-\x7f\u2000-\u206f\u3000-\u303f\uff00-\uffef]")
# Enough characters to tell the encodings apart; scoring a whole big file adds nothing.
_SAMPLE = 4000
_PLAUSIBLE = 1 / 3


def _two_byte_block(lead: range, trail: list[int], codec: str) -> set[str]:
    chars: set[str] = set()
    for hi in lead:
        for lo in trail:
            try:
                chars.add(bytes((hi, lo)).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


@cache
def common_chars() -> frozenset[str]:
    """Frequently used Han characters: Big5 A440–C67E plus GB 2312 level 1 (built once)."""
    big5_trail = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    big5 = _two_byte_block(range(0xA4, 0xC7), big5_trail, "cp950")
    # Big5 C6A1-C6FE is past the frequently-used block (it ends at C67E).
    big5 -= _two_byte_block(range(0xC6, 0xC7), list(range(0xA1, 0xFF)), "cp950")
    gb = _two_byte_block(range(0xB0, 0xD8), list(range(0xA1, 0xFF)), "gb2312")
    return frozenset(c for c in big5 | gb if _CJK.match(c))


def plausibility(text: str) -> tuple[float, int]:
    """(share of common Han characters among the non-ASCII letters, number sampled).

    Kana, Greek, private-use or rare Han characters all count against a decoding.
    """
    scored = _SCORED.findall(text)[:_SAMPLE]
    if not scored:
        return 1.0, 0
    common = common_chars()
    return sum(1 for c in scored if c in common) / len(scored), len(scored)


def location(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """1-based (line, column in characters) of byte ``offset`` when decoding as ``encoding``."""
    prefix = data[:offset].decode(encoding, errors="replace")
    prefix = _NEWLINES.sub("\n", prefix)
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column


def _undecodable(data: bytes, path: str, offset: int, encoding: str) -> EncodingError:
    line, column = location(data, offset, encoding)
    return EncodingError(
        UNDECODABLE, path=path, line=line, column=column, hint="save the file as UTF-8"
    )


def utf32(head: bytes) -> str | None:
    """iconv's name of the UTF-32 that ``head`` (a file's first 4 bytes) starts in, or None.

    With a byte order mark ``UTF-32``; without one, an ASCII character and three NULs says
    ``UTF-32LE``, three NULs and an ASCII character ``UTF-32BE`` (as XML's autodetection
    reads them). Checked before UTF-16: ``FF FE 00 00`` starts with UTF-16's LE mark.
    """
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "UTF-32"
    if len(head) >= 4 and head[1:4] == b"\x00\x00\x00" and 0 < head[0] < 0x80:
        return "UTF-32LE"
    if len(head) >= 4 and head[:3] == b"\x00\x00\x00" and 0 < head[3] < 0x80:
        return "UTF-32BE"
    return None


def refuse_utf32(head: bytes, path: str) -> None:
    """Raise :class:`EncodingError` when ``head`` starts a UTF-32 file, with what to do."""
    name = utf32(head)
    if name is not None:
        raise EncodingError("UTF-32, which termkit does not read", path=path,
                            hint=f"convert it to UTF-8 first (iconv -f {name} -t UTF-8 FILE)")


# A file of a byte order mark and nothing else: what editors save for "no text".
BOM_ONLY = "empty file (only a byte order mark)"


def holds_no_text(data: bytes) -> bool:
    """True for bytes that are no text at all: nothing, or a byte order mark alone.

    For a command whose empty input is an empty text (``pinyin`` as ``convert``), where
    :func:`decode_text` refuses them as an empty file (a glossary or a record must hold
    something).
    """
    return data in (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


_LINE_END = re.compile(r"\r\n?|\n")


def first_line(text: str) -> str:
    """The first line of ``text`` (a BOM left out), whatever ends lines: LF, CRLF or a CR
    alone (classic Mac, Excel for Mac's CSV), which the csv module refuses outside quotes."""
    return _LINE_END.split(text.lstrip("\ufeff"), maxsplit=1)[0]


def control_character(text: str) -> str | None:
    """The first character of ``text`` that makes a file binary, not text, or None.

    C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and
    DEL: what :func:`decode_text` refuses. Writers of text formats check their output with
    it, so termkit never writes a file it would then refuse to read.
    """
    m = _CONTROL_CHARS.search(text)
    return m.group() if m else None


def _finish(text: str, path: str) -> str:
    if _CONTROL_CHARS.search(text):
        raise InputError(BINARY, path=path)
    return _NEWLINES.sub("\n", text)


def _same_number(exc: UnicodeError) -> tuple[str, int]:
    """A byte cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1 control of
    its own number, as the WHATWG Encoding standard's windows-1252 reads it."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - a decode handler only
        raise exc
    return "".join(chr(b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error("termkit-windows-1252", _same_number)
# Declared codecs decoded with a handler of their own: cp1252 as browsers read it.
_DECLARED_ERRORS = {"cp1252": "termkit-windows-1252"}


def decode_as(data: bytes, encoding: str) -> str:
    """``data`` decoded with an encoding :func:`decode_text` named (its line ends kept):
    ``cp1252`` as browsers read windows-1252, every other codec strictly."""
    return data.decode(encoding, _DECLARED_ERRORS.get(encoding, "strict"))


def decode_text(data: bytes, path: str, *, declared: tuple[str, ...] = ()) -> tuple[str, str]:
    """Decode ``data`` to text with normalized newlines; return (text, encoding name).

    Encoding names: ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be`` (with or without
    a BOM), ``cp950``, ``gb18030``. Raises :class:`InputError` for empty or binary input and
    :class:`EncodingError` (with line and column) for bytes in none of these encodings.

    ``declared``: codecs the document names for itself (an HTML page's ``<meta charset>``,
    :func:`termkit.records.htmlpage.declared_encoding`). A BOM and valid UTF-8 still win;
    otherwise the first declared codec that decodes every byte is taken instead of the
    guess between Big5 and GB18030 (``big5hkscs`` too, which only a declaration selects).
    """
    if not data:
        raise InputError("empty file", path=path)
    refuse_utf32(data[:4], path)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            if not body:
                raise InputError(BOM_ONLY, path=path)
            inner = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                text = body.decode(inner)
            except UnicodeDecodeError as exc:
                raise _undecodable(body, path, exc.start, inner) from None
            return _finish(text, path), encoding
    if _CONTROL_BYTES.search(data):
        codec = utf16_without_bom(data)
        if codec is not None:
            return _finish(data.decode(codec), path), codec
        raise InputError(BINARY, path=path)
    try:
        return _finish(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as exc:
        failures = [(exc.start, "utf-8")]
    for encoding in declared:
        try:
            return _finish(decode_as(data, encoding), path), encoding
        except UnicodeDecodeError:
            continue
    candidates: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(("cp950", "gb18030")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            failures.append((exc.start, encoding))
            continue
        share, count = plausibility(text)
        if count and share < _PLAUSIBLE:
            failures.append((_first_non_ascii(data), encoding))
            continue
        # Higher share wins; on a tie the earlier encoding (cp950) wins.
        candidates.append((share, -rank, encoding, text))
    if candidates:
        _share, _rank, encoding, text = max(candidates)
        return _finish(text, path), encoding
    codec = plausible_utf16(data)  # Chinese in UTF-16 without a BOM and without NUL bytes
    if codec is not None:
        return _finish(data.decode(codec), path), codec
    # Report where the attempt that got furthest failed: that is the likeliest encoding
    # (on a tie, the one tried first: UTF-8).
    offset, encoding = max(failures, key=lambda f: (f[0], -failures.index(f)))
    raise _undecodable(data, path, offset, encoding)


def utf16_layout(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes of ``data`` sit as in UTF-16 text
    without a BOM, else None (nothing is decoded).

    ASCII characters (line feeds at least) put a NUL byte on the high side of each code unit;
    characters such as U+4E00 一 put a few on the other side, random bytes as many on each.
    """
    if b"\x00" not in data:
        return None
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    if nul_odd >= 2 and nul_odd > 4 * nul_even:
        return "utf-16-le"
    if nul_even >= 2 and nul_even > 4 * nul_odd:
        return "utf-16-be"
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` reads as UTF-16 without a BOM, else None.

    Strict decoding must work, and either the NUL bytes say so (:func:`utf16_layout`) or the
    text is Chinese by its characters (:func:`plausible_utf16`: a line of Chinese has a NUL
    byte or two at most, and 一 U+4E00 puts one on the other side).
    """
    if len(data) % 2:
        return None
    codec = utf16_layout(data)
    if codec is None:
        return plausible_utf16(data)
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


# Chinese text in UTF-16 read by its characters: this many scored, nearly all common ones
# (genuine text scores about 95%; random even-length bytes land on a common Han character
# about one time in eight).
_UTF16_SAMPLE = 4
_UTF16_COMMON = 0.8


def plausible_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` decodes strictly as that and reads as
    Chinese text: no control character but whitespace, at least :data:`_UTF16_SAMPLE`
    scored characters, nearly all of them common Han characters (:func:`plausibility`)."""
    if len(data) % 2 or not data:
        return None
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _CONTROL_CHARS.search(text):
            continue
        share, count = plausibility(text)
        if count >= _UTF16_SAMPLE and share >= _UTF16_COMMON and (best is None or share > best[0]):
            best = (share, codec)
    return None if best is None else best[1]


def decode_utf16_without_bom(data: bytes, path: str) -> tuple[str, str] | None:
    """(text, codec) when ``data`` is UTF-16 without a BOM by its NUL bytes, else None.

    For formats whose readers take UTF-8 unless told otherwise (PO): ASCII text in UTF-16 is
    also valid UTF-8, NULs and all, so the layout is looked at first. Strict decoding; a bad
    code unit (a lone surrogate, an odd last byte) is an :class:`EncodingError` at its line
    and column. Line breaks are left as they are; input with a BOM gives None.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    codec = utf16_layout(data)
    if codec is None:
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        line, column = location(data, exc.start, codec)
        name = codec.upper().replace("-LE", "LE").replace("-BE", "BE")
        raise EncodingError(
            f"not valid {name} ({exc.reason})", path=path, line=line, column=column,
            hint="save the file as UTF-8",
        ) from None


def _first_non_ascii(data: bytes) -> int:
    for i, byte in enumerate(data):
        if byte >= 0x80:
            return i
    return 0


def has_cjk(text: str) -> bool:
    """True if ``text`` contains at least one Han character."""
    return _CJK.search(text) is not None
