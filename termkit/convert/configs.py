"""OpenCC configs: which variant each reads and writes, which exist, one cached converter each.

Owns the facts every part of conversion shares and nothing else, so that the converter, the
OpenCC data reader, the audit and the file converters can all import it without a cycle.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from termkit.errors import UsageError

# Target and source variant of each OpenCC config shipped with the PyPI package. ``ja`` is
# Japanese Shinjitai (t2jp): no Chinese glossary form can be its target.
CONFIG_VARIANTS: dict[str, tuple[str, str]] = {
    "s2t": ("zh-Hans", "zh-Hant"),
    "t2s": ("zh-Hant", "zh-Hans"),
    "s2tw": ("zh-Hans", "zh-Hant-TW"),
    "tw2s": ("zh-Hant-TW", "zh-Hans"),
    "s2twp": ("zh-Hans-CN", "zh-Hant-TW"),
    "tw2sp": ("zh-Hant-TW", "zh-Hans-CN"),
    "s2hk": ("zh-Hans", "zh-Hant-HK"),
    "hk2s": ("zh-Hant-HK", "zh-Hans"),
    "s2hkp": ("zh-Hans-CN", "zh-Hant-HK"),
    "hk2sp": ("zh-Hant-HK", "zh-Hans-CN"),
    "t2tw": ("zh-Hant", "zh-Hant-TW"),
    "tw2t": ("zh-Hant-TW", "zh-Hant"),
    "t2hk": ("zh-Hant", "zh-Hant-HK"),
    "hk2t": ("zh-Hant-HK", "zh-Hant"),
    "t2jp": ("zh-Hant", "ja"),
    "jp2t": ("ja", "zh-Hant"),
}

# The config that undoes each config (for round trips in the audit).
INVERSE: dict[str, str] = {
    "s2t": "t2s", "t2s": "s2t", "s2tw": "tw2s", "tw2s": "s2tw", "s2twp": "tw2sp",
    "tw2sp": "s2twp", "s2hk": "hk2s", "hk2s": "s2hk", "s2hkp": "hk2sp", "hk2sp": "s2hkp",
    "t2tw": "tw2t", "tw2t": "t2tw", "t2hk": "hk2t", "hk2t": "t2hk", "t2jp": "jp2t",
    "jp2t": "t2jp",
}


def opencc_share_dir() -> str:
    """The folder holding the bundled OpenCC configs and dictionaries."""
    import opencc

    return os.path.join(os.path.dirname(opencc.__file__), "clib", "share", "opencc")


@functools.cache
def valid_configs() -> tuple[str, ...]:
    """Names of the OpenCC configs this installation provides (without ``.json``), sorted."""
    import opencc

    return tuple(sorted(c[: -len(".json")] for c in opencc.CONFIGS))


def check_config(name: str) -> str:
    """Return the config name without ``.json``; :class:`UsageError` listing valid ones."""
    stem = name[: -len(".json")] if name.endswith(".json") else name
    if stem not in valid_configs() or stem not in CONFIG_VARIANTS:
        raise UsageError(
            f"unknown OpenCC config {name!r}",
            hint="valid configs: " + ", ".join(valid_configs()),
        )
    return stem


def opencc_converter(config: str) -> Any:
    """One OpenCC converter per config (building one costs up to ~80 ms), cached for the
    process (:func:`termkit.scriptconv.converter`: the one every part of termkit uses)."""
    from termkit.scriptconv import converter

    return converter(check_config(config))


def source_variant(config: str) -> str:
    """The variant a config reads (``tw2sp`` -> ``zh-Hant-TW``)."""
    return CONFIG_VARIANTS[check_config(config)][0]


def target_variant(config: str) -> str:
    """The variant a config writes (``tw2sp`` -> ``zh-Hans-CN``)."""
    return CONFIG_VARIANTS[check_config(config)][1]
