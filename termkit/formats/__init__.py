"""Format registry: one module per format, each with symmetric read/write on streams.

A format module registers a :class:`Format` here by name and file extensions. Glossary
formats read into and write from a :class:`~termkit.model.Glossary`; translation-file
formats also (or only) stream :class:`~termkit.model.Unit` objects. Paths are handled at
the edge (CLI, :mod:`termkit.io`); these functions take binary streams.

Contract for each module ``termkit/formats/<name>.py``:

* ``read_glossary(stream: BinaryIO, path: str) -> Glossary`` (``path`` is for messages);
* ``write_glossary(glossary: Glossary, stream: BinaryIO, **options) -> list[Notice] | None``
  (notices say what the format could not hold, e.g. concepts skipped);
* optionally ``iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]`` and
  ``write_units(units: Iterable[Unit], stream: BinaryIO, **options) -> None``.

Errors are :class:`~termkit.errors.FormatError` with path, line and column. What every
reader returns is checked here (:mod:`termkit.formats.validate`: language tags, finite
numbers), so a new format module inherits the checks.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, BinaryIO

from termkit.errors import UnknownFormatError, UsageError
from termkit.model import Glossary, Notice, Unit


@dataclass(frozen=True, slots=True)
class Format:
    """A registered format: its name, a title for help texts, extensions, and its module."""

    name: str
    title: str
    extensions: tuple[str, ...]
    module: str  # imported lazily

    def _load(self) -> Any:
        return importlib.import_module(self.module)

    @property
    def can_read_glossary(self) -> bool:
        return hasattr(self._load(), "read_glossary")

    @property
    def can_write_glossary(self) -> bool:
        return hasattr(self._load(), "write_glossary")

    @property
    def can_read_units(self) -> bool:
        return hasattr(self._load(), "iter_units")

    def read_glossary(self, stream: BinaryIO, path: str) -> Glossary:
        fn: Callable[[BinaryIO, str], Glossary] | None = getattr(self._load(), "read_glossary", None)
        if fn is None:
            raise UsageError(f"format {self.name!r} cannot be read as a glossary")
        _refuse_utf32(stream, path)
        from termkit.formats.validate import check_glossary

        return check_glossary(fn(stream, path), path)

    def write_glossary(self, glossary: Glossary, stream: BinaryIO, **options: Any) -> list[Notice]:
        """Write ``glossary``; returns the writer's notices (concepts it had to skip …)."""
        fn = getattr(self._load(), "write_glossary", None)
        if fn is None:
            raise UsageError(f"format {self.name!r} cannot be written as a glossary")
        result = fn(glossary, stream, **options)
        return [n for n in result if isinstance(n, Notice)] if isinstance(result, list) else []

    def iter_units(self, stream: BinaryIO, path: str) -> Iterator[Unit]:
        fn = getattr(self._load(), "iter_units", None)
        if fn is None:
            raise UsageError(f"format {self.name!r} has no translation units", path=path)
        from termkit.formats.validate import check_units

        _refuse_utf32(stream, path)
        result: Iterator[Unit] = fn(stream, path)
        return check_units(result, path)

    def write_units(self, units: Iterable[Unit], stream: BinaryIO, **options: Any) -> None:
        fn = getattr(self._load(), "write_units", None)
        if fn is None:
            raise UsageError(f"format {self.name!r} cannot be written from translation units")
        fn(units, stream, **options)


def _refuse_utf32(stream: BinaryIO, path: str) -> None:
    """Refuse a UTF-32 input before a reader misreads it (its mark starts as UTF-16's; lxml
    reads it in some ways and not others): every reader then says the same thing."""
    from termkit.textio import refuse_utf32

    try:
        if not stream.seekable():
            return  # the reader's own error stands
        start = stream.tell()
        head = stream.read(4)
        stream.seek(start)
    except (AttributeError, OSError, ValueError):
        return
    refuse_utf32(head, path)


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> None:
    """Add a format to the registry (names and extensions must be unique)."""
    _REGISTRY[fmt.name] = fmt


def formats() -> list[Format]:
    """All registered formats, by name."""
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def get(name: str) -> Format:
    """The format called ``name``; :class:`UsageError` listing the known ones otherwise."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UsageError(f"unknown format {name!r}", hint=f"known formats: {known}") from None


# The names a file can have for its format to be told, for messages (the common ones first).
NAMED_LIKE = "glossary.txt, .json, .tbx, .tmx, .po, .csv, …"


def detect(path: str, explicit: str | None = None, *, option: str | None = "--format",
           by_content: bool = True) -> Format:
    """The format for ``path``: ``explicit`` if given, else by the longest matching extension,
    else, for a file whose name tells none, by its first bytes when termkit writes that
    format under any name (:func:`_own_glossary`: termkit text and JSON glossaries, TSV and
    CSV tables under a header row of column names or the one termkit writes).

    ``option``: the caller's option that names a format, for the error when the name does not
    tell it (``--glossary-format`` …); None where there is none (the file must be renamed).
    ``by_content=False`` decides by the name alone: for a path about to be written, whose
    old content says nothing of the format wanted.
    """
    if explicit:
        return get(explicit)
    name = PurePath(path).name.lower()
    best: tuple[int, Format] | None = None
    for fmt in _REGISTRY.values():
        for ext in fmt.extensions:
            if name.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), fmt)
    if best is None and path != "-" and by_content:
        own = _own_glossary(path)
        if own is not None:
            return _REGISTRY[own]
    if (best is not None and best[1].name == "termkit" and name.endswith("glossary.txt")
            and path != "-" and by_content and _omegat_project_glossary(path)):
        # OmegaT names a project's own glossary glossary/glossary.txt, the name termkit
        # gives its text format: before, such a file was refused as "not a termkit glossary".
        return _REGISTRY["omegat"]
    if best is None:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownFormatError(
            "cannot tell the format from the file name",
            path=path,
            hint=f"pass {option} (one of: {known})" if option else
            f"name the file after its format ({NAMED_LIKE})",
        )
    return best[1]


# The glossary formats termkit writes under any name, known by their first bytes: `import -o
# merged.txt` writes the termkit text format (its default when the name does not tell), and
# `import -o terms.txt --to tsv` a TSV table; a file termkit wrote must read back under the
# name it was given.
_OWN_HEADS = ((b"# termkit glossary", "termkit"),)
# The first line OmegaT writes in a glossary it creates (and termkit in its OmegaT export).
_OMEGAT_HEAD = b"# Glossary in tab-separated format"
_JSON_HEAD = re.compile(rb'\A\s*\{\s*"format"\s*:\s*"termkit-glossary"')
_TABLES = (("tsv", "\t"), ("csv", ","))


def _own_glossary(path: str) -> str | None:
    """The format of the file at ``path`` by its first bytes (after a UTF-8 BOM): a termkit
    glossary (text or JSON), or a TSV or CSV table under a header row
    (:func:`termkit.formats.columns.header_row`); None otherwise, or when it cannot be
    read (the reader reports that)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    head = head.removeprefix(b"\xef\xbb\xbf")
    for start, name in _OWN_HEADS:
        if head.startswith(start):
            return name
    if head.startswith(_OMEGAT_HEAD):
        return "omegat"
    if _JSON_HEAD.match(head):
        return "json"
    return table_by_header(head)


def _omegat_project_glossary(path: str) -> bool:
    """True when the ``glossary.txt`` at ``path`` is an OmegaT glossary, not termkit's text
    format: it starts with the line OmegaT writes, or its first line is no comment and holds
    a tab (OmegaT reads a glossary without the line alike)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return False
    first = head.split(b"\n", 1)[0]
    return first.startswith(_OMEGAT_HEAD) or (not first.startswith(b"#") and b"\t" in first)


def table_by_header(head: bytes) -> str | None:
    """``"tsv"`` or ``"csv"`` when the first line of ``head``, split by that format's
    delimiter, is a glossary table's header row (:func:`~termkit.formats.columns.header_row`);
    None otherwise."""
    import csv

    from termkit.formats.columns import header_row

    try:
        # the first line, whatever ends it (a CR alone too: the csv module refuses one)
        line = re.split(rb"\r\n?|\n", head, maxsplit=1)[0].decode("utf-8")
    except UnicodeDecodeError:
        return None
    for name, delimiter in _TABLES:
        if delimiter in line and header_row(next(csv.reader([line], delimiter=delimiter))):
            return name
    return None


# The built-in formats. Extensions are matched longest first (".omegat.tsv" before ".tsv").
for _fmt in (
    Format("termkit", "termkit glossary (editable text)", ("glossary.txt", ".tkg"), "termkit.formats.termkit_text"),
    Format("json", "termkit glossary JSON", (".json",), "termkit.formats.json_glossary"),
    Format("tmx", "TMX 1.4b translation memory", (".tmx",), "termkit.formats.tmx"),
    Format("tbx", "TBX termbase (v3 TBX-Basic; v2 on request)", (".tbx",), "termkit.formats.tbx"),
    Format("xliff", "XLIFF 1.2 / 2.0", (".xlf", ".xliff", ".sdlxliff", ".mqxliff"), "termkit.formats.xliff"),
    Format("po", "gettext PO catalog", (".po", ".pot"), "termkit.formats.po"),
    Format("omegat", "OmegaT glossary (tab-separated)", (".omegat.tsv", ".utf8"), "termkit.formats.omegat"),
    Format("csv", "CSV with a header row of language columns", (".csv",), "termkit.formats.csv_glossary"),
    Format("tsv", "TSV with a header row of language columns", (".tsv",), "termkit.formats.tsv_glossary"),
    Format("xlsx", "Excel workbook (.xlsx) with a header row of language columns", (".xlsx",), "termkit.formats.xlsx"),
    Format("mediawiki", "MediaWiki conversion groups (JSON or -{…}- rule text)", (".cgroup.json", ".rules.txt"), "termkit.formats.mediawiki"),
):
    register(_fmt)
