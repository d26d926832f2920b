"""Writing a built glossary into a folder: the glossary itself plus every export.

With ``max_sources`` the glossary and the exports list at most that many sources per concept
and term (with the total), and the full lists go to ``glossary.sources.jsonl`` beside
``glossary.txt`` (see :mod:`termkit.provenance`), so that every file but the sidecar grows
with the number of concepts, not of records.

The folder is staged (see :func:`termkit.io.staged_directory`): if any writer fails,
nothing in the target folder changes. :func:`paused_gc` is how a build runs its batch (no cycle collection, its
objects frozen after).
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
    """Hold back Python's cycle collector for a batch, and exempt what the batch leaves alive.

    A build keeps everything it makes — records, pairings, the glossary, dictionary caches:
    millions of objects for a few thousand records — until the process ends, and the
    interpreter's collections would walk that heap again and again: full collections were a
    third of the CPU time of a fresh-vocabulary build, young ones (which look at every new
    object twice) 7%, and the full collection that comes due once collection resumes another
    6% (0.5 s for 3,000 records). So the collector is off during the batch, and the objects
    alive at its end are frozen (``gc.freeze``: moved out of every generation, never walked
    again) before it comes back as it was. A build makes next to no cyclic garbage (the
    recursive helpers of the name and acronym matchers do not close over themselves;
    tests/test_build_gc.py keeps it so), and reference counting frees the rest. The cost of
    freezing: a cycle among those objects made garbage later is not collected (the command
    ends with the batch; the library's own functions do not use this).
    """
    enabled = gc.isenabled()
    young, middle, full = gc.get_threshold()
    gc.disable()
    gc.set_threshold(young, middle, 1 << 30)  # should anything collect meanwhile: not a full one
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(young, middle, full)
        if enabled:
            gc.enable()
