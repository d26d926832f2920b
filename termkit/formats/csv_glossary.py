"""CSV glossaries: a header row naming the language columns, one row per concept.

Layout and reading rules live in :mod:`termkit.formats.table` (shared with TSV): the
header names at least two language columns in any tag spelling (``en``, ``zh-TW``,
``zh_Hant``, ``English``), plus ``pinyin,domain,status,note,id`` and any extra columns, which
are kept in ``Concept.props``. Quoting follows RFC 4180 (``csv`` module), lines end in ``\\n``,
output is UTF-8 without a BOM unless ``bom=True`` (Excel needs one to read UTF-8); a BOM on
input is tolerated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from termkit.formats.table import iter_table_units, read_table, write_table
from termkit.model import Glossary, Notice, Unit


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: object) -> list[Notice]:
    """Write ``glossary`` as CSV (option ``bom=True``: start with a UTF-8 BOM, for Excel).

    Returns notices on skipped concepts; other options are ignored.
    """
    return write_table(glossary, stream, ",", bom=bool(options.get("bom", False)))


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a CSV glossary (one concept per row)."""
    return read_table(stream, path, ",", "import:csv")


def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Each CSV row as a translation unit (a variant per non-empty language cell)."""
    return iter_table_units(stream, path, ",")
