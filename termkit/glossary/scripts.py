"""Chinese scripts of glossary terms: both forms of a term, converted by OpenCC (cached)."""

from __future__ import annotations

import functools

# Origins of terms: printed in a record, attested in a title, or converted by OpenCC.
ORIGIN_RECORD = "record"
ORIGIN_TITLE = "title"


@functools.cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # lazy: building a converter costs ~70 ms

    return opencc.OpenCC(f"{config}.json")


@functools.lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` of ``text`` (cached converter)."""
    return str(_converter("t2s").convert(text))


@functools.lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """OpenCC ``s2t`` of ``text`` (cached converter)."""
    return str(_converter("s2t").convert(text))


def chinese_forms(zh: str) -> list[tuple[str, str, str]]:
    """The Traditional and Simplified forms of a Chinese term, as ``(lang, text, origin)``.

    The printed form keeps origin ``record``; the other script is produced by OpenCC and
    its origin names the config (``opencc:t2s`` or ``opencc:s2t``). A term that is the same
    in both scripts (越南外交政策) still gets both language entries.
    """
    hans = to_simplified(zh)
    if hans != zh:  # printed in Traditional
        return [("zh-Hant", zh, ORIGIN_RECORD), ("zh-Hans", hans, "opencc:t2s")]
    hant = to_traditional(zh)
    if hant != zh:  # printed in Simplified
        return [("zh-Hant", hant, "opencc:s2t"), ("zh-Hans", zh, ORIGIN_RECORD)]
    return [("zh-Hant", zh, ORIGIN_RECORD), ("zh-Hans", zh, ORIGIN_RECORD)]
