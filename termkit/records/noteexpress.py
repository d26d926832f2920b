"""NoteExpress exports (the ``{Field}: value`` text Wanfang Data, VIP and NoteExpress write).

A record is a run of field lines ``{Reference Type}: Journal Article``, ``{Title}: …``,
``{Translated Title}: …``, one line per author and per keyword (``{Author}: 许雅琼``,
``{Keywords}: 乳腺癌``; the exporters put a space before every value after the first,
``{Keywords}:  焦虑``). Records are separated by blank lines, and a ``{Reference Type}`` line
starts a new one. A line without a field name continues the value above it (Wanfang breaks
long abstracts). The fields are EndNote's generic fields by name, so each is read as its
EndNote/Refer tag (:mod:`termkit.records.endnote`):

=======================================  ================================================
``{Title}`` / ``{Translated Title}``     %T / %Q: the title in each language, by script
``{Author}`` / ``{Translated Author}``   %A / %H: names, paired by position
``{Keywords}``, ``{Translated Keywords}`` %K: keywords, sorted by script
``{Abstract}``, ``{Translated Abstract}`` %X
``{Journal}``, ``{Secondary Title}``     %J, %B (venue)
``{Year}``, ``{Date}``                   %D, %8
``{Volume}``, ``{Issue}``, ``{Pages}``   %V, %N, %P
``{Reference Type}``                     %0 (section ``type``)
=======================================  ================================================

Any other field (``{Author Address}``, ``{Translated Journal}``, ``{DOI}``, ``{URL}`` …) is
kept as a section under its own name. Text before the first field line is a
:class:`~termkit.errors.FormatError` at its line.
"""

from __future__ import annotations

import re

from termkit.errors import FormatError, InputError
from termkit.model import Record
from termkit.records.endnote import records_from_fields

__all__ = ["is_noteexpress", "parse_noteexpress"]

_FIELD = re.compile(r"^\{([A-Za-z][A-Za-z0-9 /&.-]*)\}\s*:(.*)$")
_TAGS = {
    "reference type": "0",
    "title": "T",
    "translated title": "Q",
    "author": "A",
    "translated author": "H",
    "keywords": "K",
    "translated keywords": "K",
    "abstract": "X",
    "translated abstract": "X",
    "journal": "J",
    "secondary title": "B",
    "year": "D",
    "date": "8",
    "volume": "V",
    "issue": "N",
    "pages": "P",
}


def is_noteexpress(line: str) -> bool:
    """Whether a file's first non-blank line is a NoteExpress field line."""
    return _FIELD.match(line.strip()) is not None


def parse_noteexpress(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a NoteExpress export."""
    records: list[list[tuple[str, list[str], int]]] = []
    current: list[tuple[str, list[str], int]] | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        m = _FIELD.match(line.strip())
        if m is None:
            if current:
                current[-1][1].append(line.strip())
                continue
            if records and records[-1]:
                # A broken value after a blank line: it continues the last field.
                records[-1][-1][1].append(line.strip())
                continue
            raise FormatError("text before the first field line: not a NoteExpress field line "
                              "(expected '{Field}: value')", path=path, line=number, column=1)
        name = m.group(1).strip()
        tag = _TAGS.get(name.lower(), name)
        if current is None or (tag == "0" and current):
            current = []
            records.append(current)
        current.append((tag, [m.group(2).strip()], number))
    if not records:
        raise InputError("no NoteExpress record found (no '{Field}: value' line)", path=path)
    return records_from_fields(records, path, stem)
