"""Writing a built glossary into a folder: the glossary itself plus every export.

With ``max_sources`` the glossary and the exports list at most that many sources per concept
and term (with the total), and the full lists go to ``glossary.sources.jsonl`` beside
``glossary.txt`` (see :mod:`termkit.provenance`), so that every file but the sidecar grows
with the number of concepts, not of records.

The folder is staged (see :func:`termkit.io.staged_directory`): if any writer fails,
nothing in the target folder changes. :func:`paused_gc` is how a build runs its batch (no full collections).
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
from collections.abc import Iterator
from typing import Any

from termkit import formats
from termkit.model import Glossary
from termkit.provenance import SIDECAR_SUFFIX, limit_sources, sidecar_lines

GLOSSARY_FILE = "glossary.txt"
JSON_FILE = "glossary.json"
SOURCES_FILE = "glossary" + SIDECAR_SUFFIX

# (file name, format, writer options): the exports `termkit build` writes next to the glossary.
EXPORTS: list[tuple[str, str, dict[str, Any]]] = [
    ("glossary.tmx", "tmx", {}),
    ("glossary.tbx", "tbx", {}),
    ("glossary.zh_TW.po", "po", {"locale": "zh_TW"}),
    ("glossary.zh_CN.po", "po", {"locale": "zh_CN"}),
    ("glossary.omegat.tsv", "omegat", {}),
    ("glossary.csv", "csv", {}),
]


def _available(fmt_name: str) -> bool:
    return importlib.util.find_spec(formats.get(fmt_name).module) is not None


def write_build(
    glossary: Glossary, outdir: str, *, exports: bool = True, max_sources: int | None = None
) -> list[str]:
    """Write ``glossary.txt``, ``glossary.json`` and the exports into ``outdir``; return the names.

    With ``max_sources``, the files list at most that many sources per concept and term and
    ``glossary.sources.jsonl`` holds them all (see the module docstring).
    """
    from termkit.io import staged_directory

    full = glossary
    if max_sources is not None:
        glossary = limit_sources(glossary, max_sources)

    plan: list[tuple[str, str, dict[str, Any]]] = [
        (GLOSSARY_FILE, "termkit", {}),
        (JSON_FILE, "json", {}),
    ]
    if exports:
        plan.extend(e for e in EXPORTS if _available(e[1]))
    with staged_directory(outdir) as stage:
        for name, fmt_name, options in plan:
            with open(stage / name, "wb") as fh:
                formats.get(fmt_name).write_glossary(glossary, fh, **options)
        if max_sources is not None:
            with open(stage / SOURCES_FILE, "w", encoding="utf-8", newline="\n") as text:
                text.writelines(sidecar_lines(full))
    names = [name for name, _, _ in plan]
    return names if max_sources is None else [names[0], SOURCES_FILE, *names[1:]]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold back Python's full garbage collections for a batch; the thresholds come back after.

    A build keeps everything it makes — records, pairings, the glossary, dictionary caches:
    millions of objects for a few thousand records — and while that heap grows, the
    interpreter's full collections walk all of it again and again: a third of the CPU time of
    a fresh-vocabulary build. Young collections still run (the little cyclic garbage a build
    makes dies young), reference counting frees the rest, and a full collection can run again
    once the batch is over.
    """
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
