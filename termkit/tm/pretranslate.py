"""Pre-translation ("leverage") of a file: PO, XLIFF 1.2/2.0 or TMX, chosen by name or option.

The decisions are :mod:`termkit.tm.fill`'s; the writers :mod:`termkit.tm.fill_po` (polib) and
:mod:`termkit.tm.fill_xml` (lxml).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import BinaryIO

from termkit import formats
from termkit.errors import UnknownFormatError, UsageError
from termkit.tm.fill import Options, Summary
from termkit.tm.fill_po import fill_po
from termkit.tm.fill_xml import fill_tmx, fill_xliff
from termkit.tm.scripts import Converters
from termkit.tm.store import Store

__all__ = ["FORMATS", "Options", "Summary", "detect_format", "pretranslate_stream"]


# The file names of the formats pre-translation fills, as the format registry gives them
# (Trados's .sdlxliff and memoQ's .mqxliff are XLIFF 1.2).
FORMATS = {ext: name for name in ("po", "xliff", "tmx") for ext in formats.get(name).extensions}


def detect_format(path: str, fmt: str | None = None) -> str:
    """``po``, ``xliff`` or ``tmx`` from ``fmt`` or the file name."""
    if fmt is not None:
        if fmt not in ("po", "xliff", "tmx"):
            raise UsageError(f"cannot pre-translate format {fmt!r}", hint="use po, xliff or tmx")
        return fmt
    found = FORMATS.get(PurePath(path).suffix.lower())
    if found is None:
        raise UnknownFormatError("cannot tell the format from the file name", path=path,
                                 hint="use --format po, xliff or tmx")
    return found


def pretranslate_stream(store: Store, data: bytes, path: str, out: BinaryIO, *,
                        fmt: str | None = None, options: Options | None = None,
                        converters: Converters | None = None) -> Summary:
    """Pre-translate one file's bytes into ``out``; the summary of what was filled."""
    options = options or Options()
    converters = converters or Converters(options.glossary, options.topics)
    kind = detect_format(path, fmt)
    if kind == "po":
        return fill_po(store, data, path, out, options, converters)
    if kind == "xliff":
        return fill_xliff(store, data, path, out, options, converters)
    return fill_tmx(store, data, path, out, options, converters)
