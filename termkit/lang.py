"""Language tags: read every spelling tools use, write what each format expects.

Inside termkit tags are BCP 47: ``en``, ``zh-Hant``, ``zh-Hans``, optionally with a region
(``zh-Hant-TW``, ``zh-Hans-CN``, ``zh-Hant-HK``). Readers meet ``zh-TW``, ``zh_TW``,
``zh_Hant_TW``, ``zho-TW``, ``ZH-cn``, ``chi``, ``zh``; :func:`normalize` maps them all.
"""

from __future__ import annotations

from dataclasses import dataclass

# Regions whose default script is known.
_HANT_REGIONS = {"TW", "HK", "MO"}
_HANS_REGIONS = {"CN", "SG", "MY"}
_ZH_CODES = {"zh", "zho", "chi", "cmn"}


@dataclass(frozen=True, slots=True)
class Tag:
    """A parsed language tag."""

    language: str  # "zh", "en", …
    script: str | None = None  # "Hant" / "Hans"
    region: str | None = None  # "TW", "CN", …

    def __str__(self) -> str:
        return "-".join(p for p in (self.language, self.script, self.region) if p)

    @property
    def is_chinese(self) -> bool:
        return self.language == "zh"


def parse(tag: str) -> Tag:
    """Parse any common spelling of a language tag (``zh_Hant_TW``, ``zho-TW``, ``en-us``)."""
    parts = [p for p in tag.replace("_", "-").strip().split("-") if p]
    if not parts:
        return Tag("und")
    language = parts[0].lower()
    if language in _ZH_CODES:
        language = "zh"
    elif language == "eng":
        language = "en"
    script: str | None = None
    region: str | None = None
    for p in parts[1:]:
        if len(p) == 4 and p.isalpha():
            script = p.title()
        elif (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit()):
            region = p.upper()
    if language == "zh" and script is None and region is not None:
        if region in _HANT_REGIONS:
            script = "Hant"
        elif region in _HANS_REGIONS:
            script = "Hans"
    return Tag(language, script, region)


def normalize(tag: str) -> str:
    """The BCP 47 form termkit uses inside (``zh_TW`` -> ``zh-Hant-TW``, ``EN-us`` -> ``en-US``)."""
    return str(parse(tag))


def is_chinese(tag: str) -> bool:
    """True for any Chinese tag."""
    return parse(tag).is_chinese


def script_of(tag: str) -> str | None:
    """``Hant``, ``Hans`` or None when the tag does not say."""
    return parse(tag).script


def same_language(a: str, b: str) -> bool:
    """Case- and spelling-insensitive comparison of two tags (``zh-TW`` == ``zh_Hant_TW``)."""
    return parse(a) == parse(b)


def to_short(tag: str) -> str:
    """The short tag most CAT tools expect: ``zh-TW``, ``zh-CN``, ``zh-HK``, ``en``.

    A Chinese tag without region gets the usual one for its script (Hant -> TW, Hans -> CN).
    """
    t = parse(tag)
    if not t.is_chinese:
        return str(Tag(t.language, t.script, t.region))
    region = t.region
    if region is None:
        region = {"Hant": "TW", "Hans": "CN"}.get(t.script or "")
    return f"zh-{region}" if region else "zh"


def to_posix(tag: str) -> str:
    """The gettext locale name: ``zh_TW``, ``zh_CN``, ``en``."""
    return to_short(tag).replace("-", "_")
