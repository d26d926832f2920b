"""The whole-unit checks: ``empty-target`` and ``untranslated``.

The term checks live in :mod:`termkit.check.terms`, the script and region checks in
:mod:`termkit.check.variants`. Every check is a small function over one
:class:`~termkit.check.segment.Segment` that returns findings as data.
"""

from __future__ import annotations

import re

from termkit.check import findings as F
from termkit.check.findings import Finding
from termkit.check.matching import has_han
from termkit.check.segment import Segment

# --------------------------------------------------------------------------- whole-unit checks


def empty_target(seg: Segment) -> list[Finding]:
    """``empty-target``: the source has text and the target is missing or blank."""
    if seg.source.strip() and not (seg.target or "").strip():
        what = "no target" if seg.target is None else "the target is blank"
        return [seg.finding(F.EMPTY_TARGET, f"{what} for a source with text")]
    return []


# Placeholders and markup that say nothing about whether text was translated.
_NOT_WORDS = re.compile(r"%(\d+\$)?[-+ #0-9.]*[a-zA-Z]|\{[^{}]*\}|<[^<>]*>|&\w+;|https?://\S+")


_PLAIN_WORD = re.compile(r"(?<![\w-])[a-z]{2,}(?![\w-])")


def untranslated(seg: Segment) -> list[Finding]:
    """``untranslated``: the target repeats a source that has words to translate.

    Only between different languages (a zh-CN -> zh-TW unit may legitimately be unchanged).
    An English source needs at least one plain lower-case word of two letters or more: names
    (``Mike Haertel``), acronyms and command lines (``opencc_dict -i input_file``) are kept
    as they are on purpose. A Chinese source always has words to translate.
    """
    if not seg.target or seg.source_lang.language == seg.target_lang.language:
        return []
    words = seg.source.split()
    if not words or words != seg.target.split():  # equal up to whitespace
        return []
    rest = _NOT_WORDS.sub(" ", " ".join(words))
    if not has_han(rest) and not _PLAIN_WORD.search(rest):
        return []
    return [seg.finding(F.UNTRANSLATED, "the target is identical to the source")]
