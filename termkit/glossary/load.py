"""Reading glossaries: one file in any registered format, or several merged into one."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from termkit import formats
from termkit.errors import UsageError
from termkit.glossary.merge import merge_glossaries
from termkit.io import check_readable, open_input, read_bytes
from termkit.model import Glossary, Notice, Unit


def load_glossary(path: str, *, format: str | None = None,
                  format_option: str | None = "--format") -> Glossary:
    """Read one file as a glossary, in any registered format (detected from the name).

    Glossary formats are read directly; translation-file formats (XLIFF …) give one concept
    per unit. ``-`` reads stdin and then needs ``format``. ``format_option`` is the caller's
    option that gives ``format`` (named when the format cannot be told), or None when it
    has none: then only a file whose name tells its format can be read.
    """
    if path == "-" and not format:
        if format_option is None:
            raise UsageError("a glossary cannot be read from stdin here (its format cannot be "
                             "told)", hint=f"give the glossary's file, named after its format "
                             f"({formats.NAMED_LIKE})")
        raise UsageError("reading stdin needs a format option", hint=f"e.g. {format_option} po")
    check_readable(path)
    fmt = formats.detect(path, format, option=format_option)
    if not (fmt.can_read_glossary or fmt.can_read_units):
        raise UsageError(f"format {fmt.name!r} cannot be imported", path=path)
    with contextlib.ExitStack() as stack:
        stream: BinaryIO
        if path == "-":
            stream = io.BytesIO(read_bytes(path))
        else:
            stream = stack.enter_context(open_input(path))
        if fmt.can_read_glossary:
            return fmt.read_glossary(stream, path)
        return glossary_from_units(fmt.iter_units(stream, path), path, f"import:{fmt.name}")
    raise AssertionError("unreachable")  # pragma: no cover


def glossary_from_units(units: Iterable[Unit], path: str, origin: str) -> Glossary:
    """A glossary with one concept per translation unit that has at least one term."""
    from termkit.formats.glossary_units import unit_to_concept

    glossary = Glossary()
    for unit in units:
        concept = unit_to_concept(unit, path, origin)
        if concept.terms:
            glossary.concepts.append(concept)
        else:
            where = unit.location
            glossary.notices.append(
                Notice("unit without text skipped", path, where.line if where else None)
            )
    return glossary


def load_glossaries(paths: Sequence[str], *, format: str | None = None,
                    format_option: str | None = "--format") -> Glossary:
    """Read several glossary files and merge them into one (arguments as
    :func:`load_glossary`'s)."""
    return merge_glossaries([load_glossary(p, format=format, format_option=format_option)
                             for p in paths])
