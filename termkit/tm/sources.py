"""Where imported units come from: translation files through the format registry, or records.

This module owns choosing the reader for each ``tm import`` input: TMX, PO, XLIFF and
bilingual TSV go through :mod:`termkit.formats` (``iter_units``; a target its file says is no
translation yet is dropped: :mod:`termkit.tm.states`); article records (RIS,
JSON Lines, abstract pages) through :func:`termkit.records.read_records` and
:mod:`termkit.tm.fromrecords`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import PurePath

from termkit.errors import UnknownFormatError
from termkit.model import Source, Unit

RECORD_FORMAT = "records"


def unit_formats() -> list[str]:
    """The names ``tm import --format`` takes: the registry's formats that hold translation
    units, and ``records``."""
    from termkit import formats

    return sorted([f.name for f in formats.formats() if f.can_read_units] + [RECORD_FORMAT])


def is_records(path: str, fmt: str | None) -> bool:
    """True when ``path`` is to be read as article records: by ``fmt``, else by an extension
    no translation format claims and ``termkit build`` reads (``.ris``, ``.bib``, ``.enw`` …)."""
    if fmt is not None:
        return fmt == RECORD_FORMAT
    from termkit import formats
    from termkit.records import EXTENSIONS

    try:
        formats.detect(path)
    except UnknownFormatError:
        return PurePath(path).suffix.lower() in EXTENSIONS
    return False


def check_source(path: str, fmt: str | None = None) -> None:
    """Raise the error reading ``path`` would start with: missing, unreadable, a folder, or a
    format that cannot be told or read as units. Nothing is read (so an empty file is found
    by reading it: a file of ``/proc`` has size 0 and text); of ``-`` (stdin) only the format
    is checked: it needs ``fmt``."""
    from termkit.io import check_readable

    if path != "-":
        check_readable(path)
    if is_records(path, fmt):
        return
    from termkit import formats
    from termkit.errors import UsageError

    known = f"tm import reads: {', '.join(unit_formats())}"
    if fmt is not None and fmt not in {f.name for f in formats.formats()}:
        raise UsageError(f"unknown format {fmt!r}", hint=known)
    if fmt is None and path == "-":
        # A usage error (exit 2), as `termkit import -` says it: stdin has no name to tell.
        raise UsageError("reading stdin needs a format option", hint=f"pass --format ({known})")
    try:
        reader = formats.detect(path, fmt)
    except UnknownFormatError as exc:  # the registry's hint names formats without units
        exc.hint = f"pass --format ({known})"
        raise
    if not reader.can_read_units:  # as the registry says when asked for its units
        raise UsageError(f"format {reader.name!r} has no translation units", path=path,
                         hint=known)


def iter_file_units(path: str, fmt: str | None = None, *,
                    progress: Callable[[int], None] | None = None) -> Iterator[Unit]:
    """Stream the units of one input file (``-`` is stdin; then pass ``fmt``).

    ``progress``, when given, is called with the number of bytes read so far (translation
    files, as they are read; records, once the file is read).
    """
    from termkit.inputs import counting
    from termkit.io import check_readable

    check_readable(path)
    if is_records(path, fmt):
        from termkit.records import read_records
        from termkit.tm.fromrecords import units_from_records

        records = read_records(path)
        if progress is not None:
            from termkit.inputs import input_size

            progress(input_size(path) or 0)
        yield from units_from_records(records)
        return
    from termkit import formats
    from termkit.io import open_input
    from termkit.tm.states import without_drafts

    reader = formats.detect(path, fmt)
    with open_input(path) as fh:
        # A target its file says is no translation yet must not be leveraged as one.
        yield from without_drafts(reader.iter_units(counting(fh, progress), path))


def tag_units(units: Iterator[Unit], *, origin: str | None = None,
              client: str | None = None, tmx_attributes: bool = True) -> Iterator[Unit]:
    """The units with ``origin`` as their origin file name and ``client`` as ``x-client``.

    Without ``tmx_attributes`` the ``<tu>`` attributes a TMX reader kept (creation and change
    date and user, usage count, last usage date: props ``tmx:NAME``) are dropped.
    """
    from termkit.formats.tmx_parse import TU_ATTRIBUTE_PROP
    from termkit.tm.store import PROP_CLIENT, PROP_ORIGIN

    for unit in units:
        if not tmx_attributes and unit.props:
            for key in [k for k in unit.props if k.startswith(TU_ATTRIBUTE_PROP)]:
                del unit.props[key]
        if origin is not None:
            unit.props.pop(PROP_ORIGIN, None)  # an exported unit's origin prop would win
            loc = unit.location
            unit.location = Source(origin, loc.line if loc else None, loc.record if loc else None)
        if client is not None:
            unit.props[PROP_CLIENT] = client
        yield unit
