"""CNKI E-Study exports (知网研学: ``DataType: 1`` then ``Title-题名: …`` lines).

Each field line is an English field name and its Chinese label joined by a hyphen, a colon,
the value: ``Title-题名:``, ``Author-作者:`` (names joined by ``;``), ``Source-刊名:``,
``Keyword-关键词:`` (joined by ``;``), ``Summary-摘要:``, ``Year-年:``, ``PubTime-出版时间:``,
``Roll-卷:``, ``Period-期:``, ``Page-页码:``, ``SrcDatabase-来源库:``, ``Link-链接:``. A record
starts at its ``DataType:`` line (the export puts no blank line between records), or, in
CNKI's custom export (自定义), which writes no ``DataType:`` line and starts each record with
``SrcDatabase-来源库:``, at a field the record being read already holds: every field of these
exports is written once per record (several authors or keywords are joined by ``;``). A line
without a field label continues the value above it; so does a blank line. A label may also be
the field's name again (``DOI-DOI:``, as the custom export writes it). The fields are read as
the EndNote/Refer tags they match (:mod:`termkit.records.endnote`), by their English names;
any other field is kept as a section under its label. Text before the first field line is a
:class:`~termkit.errors.FormatError` at its line.
"""

from __future__ import annotations

import re

from termkit.errors import FormatError, InputError
from termkit.model import Record
from termkit.records.endnote import records_from_fields

__all__ = ["is_estudy", "parse_estudy"]

# English name, hyphen, a label with at least one Han character, colon (either width).
_FIELD = re.compile(r"^([A-Za-z][A-Za-z]*)-([^\s:：]*[\u3400-\u9fff][^\s:：]*)\s*[:：](.*)$")
# A label that is the field's name again (``DOI-DOI:``): read as a field inside an export (a
# line of prose seldom opens so), never enough to take a file for one.
_NAME_TWICE = re.compile(r"^([A-Za-z]+)-(\1)\s*[:：](.*)$", re.IGNORECASE)
_START = re.compile(r"^DataType\s*[:：]")
_TAGS = {
    "datatype": "0",
    "title": "T",
    "author": "A",
    "keyword": "K",
    "keywords": "K",
    "summary": "X",
    "abstract": "X",
    "source": "J",
    "year": "D",
    "pubtime": "8",
    "roll": "V",
    "volume": "V",
    "period": "N",
    "issue": "N",
    "page": "P",
}


def is_estudy(text: str) -> bool:
    """Whether ``text`` opens as an E-Study export: its first non-blank line is a
    ``DataType:`` line or a ``Name-名称:`` field line, and two field lines or more follow."""
    lines = [line.strip() for line in text.split("\n", 60)[:60] if line.strip()]
    if not lines or not (_START.match(lines[0]) or _FIELD.match(lines[0])):
        return False
    return sum(1 for line in lines if _FIELD.match(line)) >= 2


def parse_estudy(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a CNKI E-Study export."""
    records: list[list[tuple[str, list[str], int]]] = []
    current: list[tuple[str, list[str], int]] | None = None
    held: set[str] = set()  # the fields of the record being read, by name and label
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        start = _START.match(line)
        m = _FIELD.match(line) or _NAME_TWICE.match(line)
        if start:
            current = [("0", [line[start.end():].strip()], number)]
            records.append(current)
            held = set()
            continue
        if m is None:
            if current:
                current[-1][1].append(line)
                continue
            raise FormatError("text before the first field line: not an E-Study field line "
                              "(expected 'Name-名称: value')", path=path, line=number, column=1)
        name, label = m.group(1), m.group(2)
        key = f"{name}-{label}"
        tag = _TAGS.get(name.lower(), key)
        if current is None or key.lower() in held:
            # a field written again: the next record (CNKI's custom export has no DataType)
            current, held = [], set()
            records.append(current)
        held.add(key.lower())
        current.append((tag, [m.group(3).strip()], number))
    if not any(records):
        raise InputError("no E-Study record found (no 'Name-名称: value' line)", path=path)
    return records_from_fields(records, path, stem)
