"""Text files of any size in bounded memory: the decision of :mod:`termkit.textio`, streamed.

:func:`detect_encoding` reads a seekable byte stream block by block and names the encoding
:func:`termkit.textio.decode_text` would choose for the same bytes (UTF-8/16 by BOM, UTF-8,
else CP950 or GB18030 by plausibility); :func:`iter_decoded` then yields the text in blocks
with newlines normalized, and :func:`windows` regroups blocks into pieces of about a given
size that end where the caller says a piece may end (for pinyin: never inside a run of Chinese
characters, so no word is cut). When the bytes are not text in any of these encodings the
whole input is handed to :func:`~termkit.textio.decode_text` once, so errors are the same,
with the same line and column.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from termkit.errors import InputError
from termkit.textio import BOM_ONLY, decode_text, plausibility, refuse_utf32

BLOCK = 1 << 20  # bytes read at a time

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 4000  # characters scored for plausibility, as textio does
_PLAUSIBLE = 1 / 3
# Characters that count in plausibility (textio's definition).
_SCORED = re.compile(r"[^\x00-\x7f\u2000-\u206f\u3000-\u303f\uff00-\uffef]")


class _Fallback(Exception):
    """The streamed decision cannot be made: decide on the whole input (and report its error)."""


def _blocks(stream: BinaryIO, size: int) -> Iterator[bytes]:
    while True:
        block = stream.read(size)
        if not block:
            return
        yield block


def _decodes(stream: BinaryIO, encoding: str, skip: int, size: int) -> tuple[bool, str]:
    """(decodes strictly to the end, a sample of its scored characters)."""
    stream.seek(skip)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    sample: list[str] = []
    try:
        for block in _blocks(stream, size):
            text = decoder.decode(block)
            if len(sample) < _SAMPLE:
                sample.extend(_SCORED.findall(text)[: _SAMPLE - len(sample)])
            if _CONTROL_CHARS.search(text):
                raise _Fallback
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False, ""
    return True, "".join(sample)


def detect_encoding(stream: BinaryIO, path: str, *, size: int = BLOCK) -> tuple[str, int]:
    """(codec to decode with, bytes of BOM to skip) for a seekable stream, as ``decode_text``.

    Raises what :func:`~termkit.textio.decode_text` raises for the same bytes.
    """
    try:
        return _detect(stream, path, size)
    except _Fallback:
        stream.seek(0)
        data = stream.read()
        _text, encoding = decode_text(data, path)  # raises the precise error
        for bom, name, codec in _BOMS:
            if name == encoding and data.startswith(bom):
                return codec, len(bom)
        return encoding, 0  # UTF-16 without a BOM among them


def _detect(stream: BinaryIO, path: str, size: int) -> tuple[str, int]:
    stream.seek(0)
    head = stream.read(4)
    if not head:
        raise InputError("empty file", path=path)
    refuse_utf32(head, path)
    for bom, _name, codec in _BOMS:
        if head == bom:  # read(4) stopped at the end: nothing after the mark
            raise InputError(BOM_ONLY, path=path)
        if head.startswith(bom):
            ok, _ = _decodes(stream, codec, len(bom), size)
            if not ok:
                raise _Fallback
            return codec, len(bom)
    stream.seek(0)
    for block in _blocks(stream, size):
        if _CONTROL_BYTES.search(block):
            raise _Fallback  # "binary file"
    ok, _ = _decodes(stream, "utf-8", 0, size)
    if ok:
        return "utf-8", 0
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(("cp950", "gb18030")):
        ok, sample = _decodes(stream, encoding, 0, size)
        if not ok:
            continue
        share, count = plausibility(sample)
        if count and share < _PLAUSIBLE:
            continue
        if best is None or (share, -rank) > best[:2]:
            best = (share, -rank, encoding)
    if best is None:
        raise _Fallback  # the error, with its position, comes from decode_text
    return best[2], 0


def iter_decoded(stream: BinaryIO, encoding: str, skip: int = 0, *,
                 size: int = BLOCK) -> Iterator[str]:
    """The stream's text in blocks, ``\\r\\n`` and ``\\r`` turned into ``\\n``."""
    stream.seek(skip)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    held = ""  # a final "\r" waits: the next block may start with "\n"
    for block in _blocks(stream, size):
        text = held + decoder.decode(block)
        held = ""
        if text.endswith("\r"):
            text, held = text[:-1], "\r"
        if text:
            yield text.replace("\r\n", "\n").replace("\r", "\n")
    text = held + decoder.decode(b"", final=True)
    if text:
        yield text.replace("\r\n", "\n").replace("\r", "\n")


def windows(blocks: Iterable[str], size: int, cut: Callable[[str, int, int], int]
            ) -> Iterator[str]:
    """Regroup text blocks into pieces of at most about ``size`` characters.

    ``cut(text, lo, hi)`` gives the last position ``p`` with ``lo < p <= hi`` where a piece may
    end (the rest goes to the next piece), or 0 when there is none. A piece without an allowed
    end grows, and past ``8 * size`` it is cut at ``size`` regardless (a text without any,
    e.g. megabytes of Chinese without a punctuation mark or a space).
    """
    buffer = ""
    start = 0
    for block in blocks:
        buffer = buffer[start:] + block
        start = 0
        while len(buffer) - start >= size:
            at = cut(buffer, start, start + size)
            if at <= start:
                at = cut(buffer, start, min(len(buffer), start + 8 * size))
                if at <= start:
                    if len(buffer) - start < 8 * size:
                        break  # wait for more text
                    at = start + size
            yield buffer[start:at]
            start = at
    if start < len(buffer):
        yield buffer[start:]
