"""Writing a built glossary into a folder: the glossary itself plus every export.

The folder is staged (see :func:`termkit.io.staged_directory`): if any writer fails,
nothing in the target folder changes. :func:`paused_gc` is how a build runs its batch (no full collections).
"""

from __future__ import annotations

import importlib.util
from typing import Any

from termkit import formats
from termkit.gcpause import paused_gc as paused_gc  # a build's batch (re-exported)
from termkit.model import Glossary

GLOSSARY_FILE = "glossary.txt"
JSON_FILE = "glossary.json"

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


def write_build(glossary: Glossary, outdir: str, *, exports: bool = True) -> list[str]:
    """Write ``glossary.txt``, ``glossary.json`` and the exports into ``outdir``; return the names."""
    from termkit.io import staged_directory

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
    return [name for name, _, _ in plan]
