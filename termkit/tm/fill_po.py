"""Pre-translation of gettext PO catalogs (read and written with polib).

Every live entry but the header is a segment (``msgctxt`` is its context). A fill sets
``msgstr`` (every ``msgstr[N]`` of a plural entry when the catalog has one plural form, as
Chinese catalogs do; plural entries of other catalogs are left alone, counted as unmatched);
a fuzzy fill adds the ``fuzzy`` flag and the matched source as the previous msgid (``#|``),
as ``msgmerge`` does; every fill gets a translator comment with the score. An exact match
whose printf conversions differ from the msgid's in a ``c-format`` (any ``*-format``) entry is
filled as fuzzy, so that ``msgfmt -c`` accepts the catalog. A leading or
trailing newline of the msgid is given to the filled msgstr too (``msgfmt -c`` requires it).
The rest of the catalog is written back as polib writes it, unwrapped, with CRLF line breaks
where most of the input's were.
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from termkit.errors import FormatError
from termkit.formats.po import read_catalog
from termkit.tm.fill import NOTE_PREFIX, Engine, Fill, Options, Request, Summary
from termkit.tm.scripts import Converters
from termkit.tm.store import Store

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def _nplurals(po: Any) -> int:
    m = _NPLURALS.search(po.metadata.get("Plural-Forms", ""))
    return int(m.group(1)) if m else 2


def _translated(entry: Any) -> bool:
    if entry.msgid_plural:
        return any(v for v in entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _newlines_like(msgid: str, text: str) -> str:
    """``text`` starting and ending with a newline exactly when ``msgid`` does."""
    if msgid.startswith("\n") != text.startswith("\n"):
        text = "\n" + text if msgid.startswith("\n") else text.lstrip("\n")
    if msgid.endswith("\n") != text.endswith("\n"):
        text = text + "\n" if msgid.endswith("\n") else text.rstrip("\n")
    return text


def _note(entry: Any, fill: Fill) -> None:
    lines = [line for line in (entry.tcomment or "").split("\n")
             if line and not line.startswith(NOTE_PREFIX)]
    entry.tcomment = "\n".join([*lines, fill.note()])


_PRINTF = re.compile(r"%(?:[0-9]+\$)?[-+ #0']*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?"
                     r"(?:hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcspn])")


def _formats_differ(entry: Any, text: str) -> bool:
    """True when a format-checked entry's msgid and ``text`` convert different values."""
    if not any(f.endswith("-format") and not f.startswith("no-") for f in entry.flags):
        return False
    return sorted(_PRINTF.findall(entry.msgid)) != sorted(_PRINTF.findall(text))


def _apply(entry: Any, fill: Fill, nplurals: int) -> None:
    text = _newlines_like(entry.msgid, fill.text)
    if fill.exact and _formats_differ(entry, text):
        # msgfmt -c would refuse it as a translation: leave it to the translator as fuzzy.
        fill.exact = False
        fill.caveat = "format specifications differ"
    if entry.msgid_plural:
        entry.msgstr_plural = {k: text for k in range(nplurals)}
    else:
        entry.msgstr = text
    flags = [f for f in entry.flags if f != "fuzzy"]
    if fill.exact:
        entry.previous_msgid = None
        entry.previous_msgctxt = None
    else:
        flags.append("fuzzy")
        entry.previous_msgid = fill.tm_source if fill.tm_source != entry.msgid else None
    entry.flags = flags
    _note(entry, fill)


def fill_po(store: Store, data: bytes, path: str, out: BinaryIO, options: Options,
            converters: Converters) -> Summary:
    """Pre-translate a PO catalog's bytes into ``out``."""
    po, source, target, notices = read_catalog(data, path)
    summary = Summary(path, notices=list(notices))
    nplurals = _nplurals(po)
    entries = [e for e in po if not e.obsolete and e.msgid]
    requests = []
    for e in entries:
        fillable = not e.msgid_plural or nplurals == 1
        requests.append(Request(e.msgid if fillable else "", e.msgctxt, _translated(e)))
    engine = Engine(store, options.source_lang or source, options.target_lang or target,
                    options, converters)
    for entry, fill in zip(entries, engine.fills(requests, summary), strict=True):
        if fill is not None:
            _apply(entry, fill, nplurals)
    encoding = po.encoding or "utf-8"
    text = str(po)
    if 2 * data.count(b"\r\n") > data.count(b"\n"):
        # a catalog saved with CRLF keeps them (polib reads and writes LF; a CR in a message
        # is written escaped, ``\r``, so every raw line feed is a line break)
        text = text.replace("\n", "\r\n")
    try:
        out.write(text.encode(encoding))
    except (UnicodeEncodeError, LookupError) as exc:
        raise FormatError(f"cannot write the catalog in its charset {encoding}: {exc}",
                          path=path) from None
    return summary
