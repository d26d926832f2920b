"""TSV glossaries: a header row naming the language columns, one row per concept.

Layout and reading rules live in :mod:`termkit.formats.table` (shared with CSV): the
header names at least two language columns in any tag spelling (``en``, ``zh-TW``,
``zh_Hant``, ``English``), plus ``pinyin,domain,status,note,id`` and any extra columns, which
are kept in ``Concept.props``. Fields are tab-separated; quoting (of tabs, quotes and newlines) is RFC 4180 style, lines end in ``\\n``,
output is UTF-8 without a BOM unless ``bom=True`` (Excel needs one to read UTF-8); a BOM on
input is tolerated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from termkit.formats.table import iter_table_units, read_table, write_table
from termkit.model import Glossary, Notice, Unit


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: object) -> list[Notice]:
    """Write ``glossary`` as TSV (option ``bom=True``: start with a UTF-8 BOM, for Excel).

    Returns notices on skipped concepts; other options are ignored.
    """
    return write_table(glossary, stream, "\t", bom=bool(options.get("bom", False)))


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a TSV glossary (one concept per row)."""
    return read_table(stream, path, "\t", "import:tsv")


def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Each TSV row as a translation unit (a variant per non-empty language cell)."""
    return iter_table_units(stream, path, "\t")
