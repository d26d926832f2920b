"""CSV glossaries: a header row naming the language columns, one row per concept.

Layout and reading rules live in :mod:`termkit.formats.delimited` (shared with TSV): the
header names at least two language columns in any tag spelling (``en``, ``zh-TW``,
``zh_Hant``, ``English``), plus ``pinyin,domain,status,note,id`` and any extra columns, which
are kept in ``Concept.props``. Quoting follows RFC 4180 (``csv`` module), lines end in ``\\n``,
output is UTF-8 without a BOM; a BOM on input is tolerated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from termkit.formats.delimited import iter_table_units, read_table, write_table
from termkit.model import Glossary, Notice, Unit


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: object) -> list[Notice]:
    """Write ``glossary`` as CSV (no options; others are ignored); returns notices on skips."""
    return write_table(glossary, stream, ",")


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a CSV glossary (one concept per row)."""
    return read_table(stream, path, ",", "import:csv")


def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Each CSV row as a translation unit (a variant per non-empty language cell)."""
    return iter_table_units(stream, path, ",")
