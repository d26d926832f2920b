"""Which characters of a Chinese text belong to the other script.

Suspects are the characters that exist in one script only according to OpenCC's character
dictionaries (:func:`termkit.opencc_data.script_only_chars`: 权 is Simplified-only, 權
Traditional-only; 后, 干, 台 are shared and never suspect). A suspect is confirmed by converting
the whole text with the OpenCC config of the target's region (``s2tw``, ``s2hk``, ``s2t`` or
``t2s``, phrase dictionaries included) and keeping only the positions that conversion changes,
so a Hong Kong target may keep the characters Hong Kong writes.
"""

from __future__ import annotations

import functools

from termkit.check.matching import char_table, convert

# The Traditional config per region: Taiwan and Hong Kong keep their own variant characters
# (台 stays 台 for Taiwan, where plain s2t would insist on 臺).
_TO_HANT = {"TW": "s2tw", "HK": "s2hk", "MO": "s2hk"}


def hant_config(region: str | None) -> str:
    """The OpenCC config that writes Traditional characters for ``region``."""
    return _TO_HANT.get(region or "", "s2t")


@functools.cache
def simplified_only() -> frozenset[str]:
    """Characters that only Simplified text uses.

    Changed by ``s2t``, ``s2tw`` and ``s2hk`` alike and left alone by ``t2s``: a character one
    Traditional standard keeps is not foreign (台 is rewritten 臺 by ``s2tw`` but kept by
    ``s2hk``, and Taiwan writes 台灣 every day).
    """
    t2s = char_table("t2s")
    changed = set(char_table("s2t")) & set(char_table("s2tw")) & set(char_table("s2hk"))
    return frozenset(chr(c) for c in changed if c not in t2s)


@functools.cache
def traditional_only() -> frozenset[str]:
    """Characters that only Traditional text uses (``t2s`` changes them, ``s2t`` does not)."""
    s2t, t2s = char_table("s2t"), char_table("t2s")
    return frozenset(chr(c) for c in t2s if c not in s2t)


@functools.cache
def _suspects(script: str) -> frozenset[str]:
    """Characters of the other script: OpenCC's dictionaries when readable, else the tables."""
    try:
        from termkit.convert.opencc_data import script_only_chars
    except ImportError:  # pragma: no cover - the module ships with termkit
        return simplified_only() if script == "Hant" else traditional_only()
    hans, hant = script_only_chars()
    return hans if script == "Hant" else hant


def foreign_positions(text: str, script: str, region: str | None = None) -> list[int]:
    """Offsets of characters in ``text`` that do not belong to ``script`` (``Hant``/``Hans``)."""
    if script == "Hant":
        config = hant_config(region)
        suspects = _suspects("Hant")
    elif script == "Hans":
        suspects, config = _suspects("Hans"), "t2s"
    else:
        return []
    if suspects.isdisjoint(text):
        return []
    converted = convert(text, config)
    if len(converted) != len(text):
        # A phrase changed length (rare): fall back to the character sets alone.
        return [i for i, c in enumerate(text) if c in suspects]
    return [
        i for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b and a in suspects
    ]


def runs(positions: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of offsets as ``(start, end)`` spans."""
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and out[-1][1] == p:
            out[-1] = (out[-1][0], p + 1)
        else:
            out.append((p, p + 1))
    return out
