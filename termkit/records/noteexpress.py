"""NoteExpress exports (the ``{Field}: value`` text Wanfang Data, VIP and NoteExpress write).

A record is a run of field lines ``{Reference Type}: Journal Article``, ``{Title}: …``,
``{Translated Title}: …``, one line per author and per keyword (``{Author}: 许雅琼``,
``{Keywords}: 乳腺癌``; the exporters put a space before every value after the first,
``{Keywords}:  焦虑``). A ``{Reference Type}`` line starts a record; in a file that has such
lines, only they do (a blank line inside an abstract does not end its record), and in one
without, blank lines separate the records. A line without a field name continues the value
above it (Wanfang breaks long abstracts), after a blank line too. A field's name is whatever
the braces hold (``{Author Address}``, ``{ISBN/ISSN}``, ``{Type of Work}``, a template's own
``{Database_Provider}``, ``{# of Volumes}`` or ``{文献类型}``), so no field line is ever read
as the value above it. The fields are EndNote's generic fields by name, so each is read as its
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

A file is taken for an export by its text (:func:`is_noteexpress`) when its first non-blank
line is a field line and so is another of the first few: a page or a note that opens by
quoting one field (``{Title}: 是题名字段``) and goes on in prose is page text.
"""

from __future__ import annotations

import re

from termkit.errors import InputError
from termkit.model import Record
from termkit.records.endnote import group_fields, records_from_fields

__all__ = ["is_field_line", "is_noteexpress", "parse_noteexpress"]

# A field name: anything but braces and line ends, from a character other than a space
# (EndNote's book fields are ``{# of Volumes}``); a JSON object never closes its first
# brace just before a colon.
_FIELD = re.compile(r"^\{([^{}\s][^{}\n]{0,60})\}\s*:(.*)$")
# Non-blank lines at the top of a file among which a second field line must stand.
_HEAD_LINES = 5
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


def is_field_line(line: str) -> bool:
    """Whether ``line`` is a NoteExpress field line (``{Title}: …``)."""
    return _FIELD.match(line.strip()) is not None


def is_noteexpress(text: str) -> bool:
    """Whether ``text`` opens as a NoteExpress export: its first non-blank line is a field
    line, and so is another of its first few non-blank lines."""
    head = []
    for line in text.split("\n"):
        if line.strip():
            head.append(line)
            if len(head) == _HEAD_LINES:
                break
    if not head or not is_field_line(head[0]):
        return False
    return sum(1 for line in head if is_field_line(line)) >= 2


def parse_noteexpress(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a NoteExpress export."""
    records = group_fields(
        text, _fields, starts=_type_line, path=path,
        before_first="text before the first field line: not a NoteExpress field line "
                     "(expected '{Field}: value')",
    )
    if not records:
        raise InputError("no NoteExpress record found (no '{Field}: value' line)", path=path)
    return records_from_fields(records, path, stem)


def _fields(line: str, number: int) -> list[tuple[str, str]] | None:
    m = _FIELD.match(line.strip())
    if m is None:
        return None
    name = m.group(1).strip()
    return [(_TAGS.get(name.lower(), name), m.group(2).strip())]


def _type_line(line: str) -> bool:
    m = _FIELD.match(line.strip())
    return m is not None and m.group(1).strip().lower() == "reference type"
