"""Chinese script and region of TM segments, and their conversion to another variant.

This module owns which OpenCC conversions take a stored Chinese segment to the variant a file
or an export wants (Simplified -> ``zh-Hant-TW`` is ``s2twp``: Taiwan phrases, not only
characters) and runs them through the glossary-locked converter of :mod:`termkit.convert`, one
converter per configuration. A segment tagged plain ``zh`` has its script guessed from its
text. Used by ``tm export --variant`` and by pre-translation (a zh-TW file is never filled
with Simplified text).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from termkit import lang as langtags
from termkit.model import Glossary

# The variants a whole export can be converted to.
EXPORT_VARIANTS = {"zh-TW": "zh-Hant-TW", "zh-CN": "zh-Hans-CN"}


def with_script(text: str, tag: str) -> str:
    """The tag with a script guessed from the text when the tag has none (plain ``zh``)."""
    t = langtags.parse(tag)
    if t.script is not None:
        return tag
    from termkit.tm.fold import t2s

    return "zh-Hans" if t2s(text) == text else "zh-Hant"


def configs(target: str, tag: str) -> list[str]:
    """OpenCC configs taking a segment tagged ``tag`` to ``target`` (empty: already there).

    ``target`` is a normalized Chinese tag: ``zh-Hant-TW``, ``zh-Hant-HK``, ``zh-Hant``,
    ``zh-Hans-CN``, ``zh-Hans`` … (a region other than TW/HK counts as none).
    """
    want = langtags.parse(target)
    have = langtags.parse(tag)
    if want.script == "Hant":
        if want.region == "TW":
            if have.script == "Hans":
                return ["s2twp"]
            if have.region == "HK":
                return ["hk2t", "t2tw"]
            return [] if have.region == "TW" else ["t2tw"]
        if want.region == "HK":
            if have.script == "Hans":
                return ["s2hk"]
            if have.region == "TW":
                return ["tw2t", "t2hk"]
            return [] if have.region == "HK" else ["t2hk"]
        return ["s2t"] if have.script == "Hans" else []
    if have.script == "Hant":
        return {"TW": ["tw2sp"], "HK": ["hk2sp"]}.get(have.region or "", ["t2s"])
    return []


class Converters:
    """Glossary-locked converters, built once per OpenCC configuration."""

    def __init__(self, glossary: Glossary | None = None, topics: Collection[str] = ()) -> None:
        self.glossary = glossary
        self.topics = frozenset(topics)  # the glossary's topic-only forms that lock too
        self.cache: dict[str, Any] = {}

    def run(self, names: list[str], text: str) -> str:
        """``text`` through each configuration in turn."""
        from termkit.convert import Converter

        for name in names:
            conv = self.cache.get(name)
            if conv is None:
                conv = self.cache[name] = Converter(name, self.glossary, topics=self.topics)
            text = conv.convert(text)
        return text

    def to_variant(self, text: str, tag: str, target: str) -> str:
        """``text`` (a segment tagged ``tag``) in the ``target`` variant."""
        names = configs(target, with_script(text, tag))
        return self.run(names, text) if names else text
