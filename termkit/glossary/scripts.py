"""Chinese scripts of glossary terms: both forms of a term, converted by OpenCC (once)."""

from __future__ import annotations

from termkit.scriptconv import convert

# Origins of terms: printed in a record, attested in a title, or converted by OpenCC.
ORIGIN_RECORD = "record"
ORIGIN_TITLE = "title"


def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` of ``text`` (:func:`termkit.scriptconv.convert`: a term once)."""
    return convert("t2s", text)


def to_traditional(text: str) -> str:
    """OpenCC ``s2t`` of ``text`` (:func:`termkit.scriptconv.convert`: a term once)."""
    return convert("s2t", text)


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
