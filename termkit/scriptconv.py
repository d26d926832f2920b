"""OpenCC conversion of terms between Chinese scripts, shared by every stage of a build.

One OpenCC converter per config for the process (pairing, glossary building and pinyin each
kept their own before), and the conversions of short texts remembered: a build converts each
keyword to Simplified when it pairs it (its mainland reading), when it makes its glossary
forms and when it reads its pinyin, and once is enough. Longer texts (the runs of a document
being annotated) are converted each time, not kept. (Measured: an OpenCC call on a keyword
costs 1.5-6 us, so this saves little time; it saves converters and keeps one answer.)
"""

from __future__ import annotations

import functools
from typing import Any

# Texts up to this many characters (terms, keywords, names, titles) are converted once.
SHORT = 200


@functools.cache
def converter(config: str) -> Any:
    """The process's OpenCC converter for ``config``: a name OpenCC knows, without ``.json``
    (validate user input with :func:`termkit.convert.check_config` first)."""
    import opencc  # lazy: termkit --help stays fast

    return opencc.OpenCC(f"{config}.json")


def convert(config: str, text: str) -> str:
    """OpenCC ``config`` of ``text``; a short text is converted once per process."""
    if len(text) <= SHORT:
        return _convert_short(config, text)
    return str(converter(config).convert(text))


@functools.lru_cache(maxsize=1 << 16)
def _convert_short(config: str, text: str) -> str:
    return str(converter(config).convert(text))


def mostly_simplified(text: str) -> bool:
    """True when ``text`` holds more Simplified than Traditional characters: a character counts
    as Simplified where OpenCC's s2t changes it and t2s leaves it, and the other way round
    (OpenCC's character tables in memory; nothing is written to disk)."""
    to_hant = str(converter("s2t").convert(text))
    to_hans = str(converter("t2s").convert(text))
    if not len(to_hant) == len(to_hans) == len(text):  # pragma: no cover - char tables keep length
        return False
    simplified = sum(a != t and b == t for t, a, b in zip(text, to_hant, to_hans, strict=True))
    traditional = sum(b != t and a == t for t, a, b in zip(text, to_hant, to_hans, strict=True))
    return simplified > traditional
