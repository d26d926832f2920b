"""Language tags: read every spelling tools use, write what each format expects.

Inside termkit tags are BCP 47: ``en``, ``zh-Hant``, ``zh-Hans``, optionally with a region
(``zh-Hant-TW``, ``zh-Hans-CN``, ``zh-Hant-HK``). Readers meet ``zh-TW``, ``zh_TW``,
``zh_Hant_TW``, ``zho-TW``, ``ZH-cn``, ``chi``, ``zh``, POSIX locales (``zh_TW.UTF-8``);
:func:`normalize` maps them all. A tag that is not well-formed BCP 47 (RFC 5646) is kept as
written, so :func:`is_well_formed` refuses it wherever it ends up (readers check every tag
they return, see :mod:`termkit.formats.validate`): ``!!!bad-tag!!!`` never becomes ``!!!bad``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

# Regions whose default script is known.
_HANT_REGIONS = {"TW", "HK", "MO"}
_HANS_REGIONS = {"CN", "SG", "MY"}
_ZH_CODES = {"zh", "zho", "chi", "cmn"}
_LEGACY_ZH_SCRIPTS = {"CHS": "Hans", "CHT": "Hant"}


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


# RFC 5646 section 2.1, case-insensitive: langtag, private use, and the irregular
# grandfathered tags (the regular ones match langtag).
_LANGTAG = re.compile(
    r"""(?:
        (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})   # language, extlang
        (?:-[a-z]{4})?                                # script
        (?:-(?:[a-z]{2}|[0-9]{3}))?                   # region
        (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*      # variants
        (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*           # extensions
        (?:-x(?:-[a-z0-9]{1,8})+)?                    # private use
      | x(?:-[a-z0-9]{1,8})+
      | en-gb-oed | i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)
      | sgn-(?:be-fr|be-nl|ch-de)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# POSIX locale decorations: zh_TW.UTF-8, sr_RS@latin.
_POSIX_TAIL = re.compile(r"(?:\.[A-Za-z0-9-]*)?(?:@[A-Za-z0-9]*)?$")


@lru_cache(maxsize=4096)
def is_well_formed(tag: str) -> bool:
    """True for a well-formed BCP 47 tag; ``_`` counts as ``-`` (``zh_TW``), POSIX tails ignored."""
    cleaned = _POSIX_TAIL.sub("", tag.strip()).replace("_", "-")
    return bool(cleaned) and _LANGTAG.fullmatch(cleaned) is not None


def parse(tag: str) -> Tag:
    """Parse any common spelling of a language tag (``zh_Hant_TW``, ``zho-TW``, ``en-us``).

    A tag that is not well-formed BCP 47 comes back whole as the language, unchanged.
    """
    stripped = tag.strip()
    if not stripped:
        return Tag("und")
    if not is_well_formed(stripped):
        return Tag(stripped)
    cleaned = _POSIX_TAIL.sub("", stripped).replace("_", "-")
    if cleaned[:2].lower() in ("x-", "i-") or cleaned.lower().startswith("sgn-"):
        return Tag(cleaned.lower())  # private use and grandfathered tags stay whole
    parts = [p for p in cleaned.split("-") if p]
    language = parts[0].lower()
    if language in _ZH_CODES:
        language = "zh"
    elif language == "eng":
        language = "en"
    script: str | None = None
    region: str | None = None
    if language == "zh" and len(parts) > 1 and parts[1].upper() in _LEGACY_ZH_SCRIPTS:
        # Microsoft's legacy tags (.NET before 2.0, resx and TMX exports of its tools):
        # zh-CHS is Simplified, zh-CHT Traditional; read as a bare zh they lost the script.
        script = _LEGACY_ZH_SCRIPTS[parts[1].upper()]
        parts = parts[:1] + parts[2:]
    for p in parts[1:]:
        if len(p) == 1:
            break  # an extension or private use (en-US-u-ca-gregory): no script or region after
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


def compatible(a: str, b: str) -> bool:
    """True when neither tag contradicts the other: the same language, and no script or
    region that both name and name differently (``zh_Hant`` and ``zh_TW``, ``zh`` and
    ``zh_CN`` are compatible; ``zh_HK`` and ``zh_TW`` are not)."""
    x, y = parse(a), parse(b)
    return (x.language == y.language
            and (x.script is None or y.script is None or x.script == y.script)
            and (x.region is None or y.region is None or x.region == y.region))


# A locale just before a file's extension: messages.zh_CN.xlf, glossary.zh-Hant.po, zh_TW.po.
_NAME_LOCALE_RE = re.compile(
    r"(?:^|[._-])([a-z]{2,3}(?:[_-][A-Z][a-z]{3})?(?:[_-][A-Z]{2})?)\.[A-Za-z0-9]+$")


def locale_in_file_name(name: str) -> str | None:
    """The locale a file name carries just before its extension (``messages.zh_CN.xlf`` ->
    ``zh_CN``, ``zh_TW.po`` -> ``zh_TW``), as written, or None."""
    m = _NAME_LOCALE_RE.search(name.replace("\\", "/").rsplit("/", 1)[-1])
    return m.group(1) if m else None


def has_locales(code: str | None) -> bool:
    """True when ``code`` is a language the C library has locales for, as the table of locale
    names Python keeps lists them (``locale.locale_alias``, after X11's and glibc's): a bare
    three-letter part of a file name is a language (``yue.po``, ``fil.po``) when this holds,
    else more often a word (``app.po``, ``my-app.xlf``)."""
    return code is not None and code.lower() in _languages_with_locales()


@cache
def _languages_with_locales() -> frozenset[str]:
    import locale

    # the table's values are the locales (fil_PH.UTF-8); its keys hold aliases (iso_8859_1)
    return frozenset(re.split(r"[_.@]", value)[0] for value in locale.locale_alias.values())


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
