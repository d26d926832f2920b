"""Glossary building and merging: pairings -> concepts, many glossaries -> one.

(Work in progress by the core developer: ``load_glossary``/``load_glossaries`` are the
stable contract other modules use.)
"""

from __future__ import annotations

from collections.abc import Sequence

from termkit import formats
from termkit.io import check_readable
from termkit.model import Glossary


def load_glossary(path: str, *, format: str | None = None) -> Glossary:
    """Read one glossary file in any registered format (detected from the name)."""
    check_readable(path)
    fmt = formats.detect(path, format)
    with open(path, "rb") as fh:
        return fmt.read_glossary(fh, path)


def load_glossaries(paths: Sequence[str], *, format: str | None = None) -> Glossary:
    """Read and merge several glossary files (in order; later files add to earlier ones)."""
    result = Glossary()
    for p in paths:
        g = load_glossary(p, format=format)
        result.concepts.extend(g.concepts)
        result.conflicts.extend(g.conflicts)
        result.notices.extend(g.notices)
    return result
