"""OpenCC's own conversion, each step read with one dictionary: the same output, about twice as fast.

A bundled config reads most steps through a *group* of ``.ocd2`` (marisa trie) dictionaries:
phrases first, then characters. OpenCC 1.4 resolves a group at each position of the text as
follows (its ``PrefixMatch`` table):

- ``short_circuit``: the first dictionary of the group that has a key starting there decides,
  with its longest such key; a later dictionary's longer key does not count;
- ``union``: the longest key of any dictionary; for a key in several, the first one's value.

A conversion writes the first candidate of an entry. So one dictionary read by plain longest
match gives the same result as the group: a union keeps every key (the first dictionary's
value where several share one); a short-circuit group keeps a later dictionary's key only when
no earlier dictionary has that key or a prefix of it (wherever the later key starts, an earlier
dictionary with a prefix of it would decide). Written in OpenCC's ``ocd`` format (a
double-array trie), one dictionary per step converts 1.6–2.5 times faster than the bundled
groups, with the same output: ``tests/test_convert_flat.py`` checks every config on every key
of its dictionaries, alone and run together.

:mod:`termkit.convert.compiled_lock` builds the locked conversion on these steps, so the lock's
own pass over the text is paid for by the faster steps. Plain conversion (no glossary) stays
on OpenCC's own configs.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from termkit.errors import OutputError

# Characters OpenCC's text dictionary format cannot carry in a key or value as they are:
# its separators (tab, line end; a space between candidates), NUL and U+FEFF.
_NOT_IN_KEY = "\t\n\r\x00\ufeff"
_NOT_IN_VALUE = _NOT_IN_KEY + " "


@dataclass(frozen=True)
class FlatConfig:
    """A config's segmentation and conversion chain, each as one mapping read by longest match.

    ``segmentation`` holds the keys of the segmentation dictionary (``None`` when the config
    does not segment: its chain then reads the whole text); ``chain`` one mapping per step.
    """

    segmentation: frozenset[str] | None
    chain: tuple[dict[str, str], ...]


def _plain(key: str, value: str) -> bool:
    return bool(key) and bool(value) and not key.startswith("#") \
        and not any(c in key for c in _NOT_IN_KEY) and not any(c in value for c in _NOT_IN_VALUE)


def step_entries(node: dict[str, Any]) -> dict[str, str] | None:
    """One mapping that converts as the dictionary node of a config does; ``None`` when the
    node is something this module does not know to be equivalent (see the module doc)."""
    from termkit.convert.opencc_data import dictionary

    kind = node.get("type")
    if kind == "group":
        parts = [step_entries(d) for d in node.get("dicts", [])]
        if not parts or any(p is None for p in parts):
            return None
        return merge_group(str(node.get("match_policy")), [p for p in parts if p is not None])
    name = str(node.get("file", ""))
    if kind != "ocd2" or not name.endswith(".ocd2") or os.path.dirname(name):
        return None
    try:
        entries = dictionary(name.removesuffix(".ocd2"))
    except (OSError, ValueError, subprocess.CalledProcessError, OutputError):
        return None
    out: dict[str, str] = {}
    for key, values in entries.items():
        if not values or not _plain(key, values[0]):
            return None
        out[key] = values[0]
    return out


def merge_group(policy: str, parts: list[dict[str, str]]) -> dict[str, str] | None:
    """One mapping that longest match reads as OpenCC reads a group of ``parts`` under
    ``policy`` (``short_circuit`` or ``union``, see the module doc); ``None`` for another."""
    if policy not in ("short_circuit", "union"):
        return None
    merged: dict[str, str] = {}
    for part in parts:
        if policy == "union":
            for key, value in part.items():
                merged.setdefault(key, value)
            continue
        earlier = set(merged)  # keys of the dictionaries before this one only
        merged.update((key, value) for key, value in part.items()
                      if not any(key[:i] in earlier for i in range(1, len(key) + 1)))
    return merged


@functools.lru_cache(maxsize=4)  # ~55,000 entries for the Simplified-to-Traditional configs
def flat_config(config: str) -> FlatConfig | None:
    """``config``'s segmentation and chain as single mappings; ``None`` if one cannot be."""
    from termkit.convert.opencc_data import config_json

    data = config_json(config)
    segmentation: frozenset[str] | None = None
    if "segmentation" in data:
        seg = data["segmentation"]
        keys = step_entries(seg.get("dict", {})) if seg.get("type") == "mmseg" else None
        if keys is None:
            return None
        segmentation = frozenset(keys)
    chain: list[dict[str, str]] = []
    for step in data.get("conversion_chain", []):
        entries = step_entries(step.get("dict", {}))
        if entries is None:
            return None
        chain.append(entries)
    if not chain:
        return None
    return FlatConfig(segmentation, tuple(chain))


def write_dict(tool: str, entries: Iterable[tuple[str, str]], path: str) -> None:
    """Build an ``ocd`` dictionary at ``path`` from ``(key, value)`` pairs with ``opencc_dict``."""
    source = path + ".txt"
    with open(source, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(f"{key}\t{value}\n" for key, value in entries)
    try:
        subprocess.run([tool, "-i", source, "-o", path, "-f", "text", "-t", "ocd"],
                       check=True, capture_output=True)
    finally:
        os.unlink(source)


def flat_steps(flat: FlatConfig, folder: str, tool: str,
               last_extra: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """The ``segmentation`` and ``conversion_chain`` of a config file for ``flat``, with their
    dictionaries written into ``folder``. ``last_extra`` entries join the last step's
    dictionary (keys no other step has, such as the lock's codes)."""
    out: dict[str, Any] = {}
    if flat.segmentation is not None:
        path = os.path.join(folder, "segmentation.ocd")
        write_dict(tool, ((k, k) for k in sorted(flat.segmentation)), path)
        out["segmentation"] = {"type": "mmseg", "dict": {"type": "ocd", "file": path}}
    chain: list[dict[str, Any]] = []
    last = len(flat.chain) - 1
    for index, entries in enumerate(flat.chain):
        path = os.path.join(folder, f"step{index}.ocd")
        items: Iterable[tuple[str, str]] = entries.items()
        if index == last:
            items = [*items, *last_extra]
        write_dict(tool, items, path)
        chain.append({"dict": {"type": "ocd", "file": path}})
    out["conversion_chain"] = chain
    return out
