"""Header cells of a glossary table: which name a language column, which a fixed column.

Shared by the table readers (:mod:`termkit.formats.table`) and the format registry, which
knows a TSV or CSV glossary under any name by its header row (:func:`header_row`). Imports nothing of the formats but the language tags.
"""

from __future__ import annotations

import re

from termkit import lang as langtags

# The fixed columns termkit writes after the language columns, in this order.
FIXED = ("pinyin", "domain", "status", "note", "id")
VARIANTS = "variants"  # "en variants": the admitted terms besides the one in column "en"
_VARIANTS_RE = re.compile(r"^(?P<lang>.+?)\s*(?:\(variants\)|variants)$", re.I)
# "en candidates", "en deprecated": the candidate and the deprecated terms besides the one in
# column "en" (a conflict's renderings, a term not to use).
CANDIDATES = "candidates"
DEPRECATED = "deprecated"
_OTHERS_RE = re.compile(
    r"^(?P<lang>.+?)(?:\s*\((?P<a>candidates|deprecated)\)|\s+(?P<b>candidates|deprecated))$", re.I)
# "zh-Hans origin": where the term in column "zh-Hans" comes from, when a machine made it
# (``opencc:t2s``: the Simplified form build made of a term printed in Traditional).
ORIGIN = "origin"
_ORIGIN_RE = re.compile(r"^(?P<lang>.+?)(?:\s*\(origin\)|\s+origin)$", re.I)
# "en status": the status of the term in column "en" where it is not the row's (an admitted
# rendering of a concept that is still a candidate).
TERM_STATUS = "status"
_TERM_STATUS_RE = re.compile(r"^(?P<lang>.+?)(?:\s*\(status\)|\s+status)$", re.I)
# Aliases of the fixed columns accepted on read (never language columns).
ALIASES = {
    "pinyin": "pinyin", "romanization": "pinyin",
    "domain": "domain", "domains": "domain", "subject": "domain", "subject field": "domain",
    "status": "status",
    "note": "note", "notes": "note", "comment": "note", "comments": "note",
    "id": "id", "concept": "id", "concept id": "id",
    "kind": "kind",
    "zhuyin": "zhuyin", "bopomofo": "zhuyin",
    "source": "source", "sources": "source",
    "confidence": "confidence",
}
# Column names that are languages although they are not tags.
_LANG_NAMES = {
    "english": "en",
    "chinese": "zh",
    "traditional chinese": "zh-Hant", "chinese (traditional)": "zh-Hant", "繁體中文": "zh-Hant",
    "simplified chinese": "zh-Hans", "chinese (simplified)": "zh-Hans", "简体中文": "zh-Hans",
}
_TAG_RE = re.compile(r"^(?P<lang>[A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$")
# Three-letter primary subtags accepted as languages (others, like "pos", are ordinary columns).
_THREE = {"eng", "zho", "chi", "cmn", "yue", "jpn", "kor", "fra", "fre", "deu", "ger", "spa"}


def lang_column(name: str) -> str | None:
    """The language tag a header cell names (``en``, ``zh_TW``, ``English``), else None."""
    low = name.strip().lower()
    if low in ALIASES:
        return None
    if low in _LANG_NAMES:
        return _LANG_NAMES[low]
    m = _TAG_RE.match(name.strip())
    if m and (len(m.group("lang")) == 2 or m.group("lang").lower() in _THREE):
        return langtags.normalize(name)
    return None


def variants_column(name: str) -> str | None:
    """The language whose admitted variants a header cell names (``en variants``, ``zh-Hant
    (variants)``), else None."""
    m = _VARIANTS_RE.match(name.strip())
    return lang_column(m.group("lang")) if m else None


def others_column(name: str) -> tuple[str, str] | None:
    """``(language, "candidates" or "deprecated")`` for a header cell naming the candidate or
    deprecated terms of a language (``en candidates``, ``zh-Hant (deprecated)``), else None."""
    m = _OTHERS_RE.match(name.strip())
    if m is None:
        return None
    tag = lang_column(m.group("lang"))
    return (tag, (m.group("a") or m.group("b")).lower()) if tag is not None else None


def term_status_column(name: str) -> str | None:
    """The language whose term's own status a header cell names (``en status``, ``en
    (status)``), else None."""
    m = _TERM_STATUS_RE.match(name.strip())
    return lang_column(m.group("lang")) if m else None


def origin_column(name: str) -> str | None:
    """The language whose terms' origin a header cell names (``zh-Hans origin``, ``zh-Hans
    (origin)``), else None."""
    m = _ORIGIN_RE.match(name.strip())
    return lang_column(m.group("lang")) if m else None


def names_languages(cells: list[str]) -> bool:
    """True if header ``cells`` name two language columns or more (``en``, ``zh-Hant``,
    ``English`` …): a glossary table's header row, as the table reader requires."""
    return sum(1 for cell in cells if lang_column(cell) is not None) >= 2


def header_row(cells: list[str]) -> bool:
    """True if ``cells`` are surely a glossary table's header row: two language columns or
    more, and either every fixed column termkit writes (``pinyin``, ``domain``, ``status``,
    ``note``, ``id``; its prop columns may be named anything) or nothing but column names
    (languages, ``LANG variants``, ``LANG candidates``, ``LANG deprecated``, ``LANG status``,
    ``LANG origin``, the fixed and optional columns and their
    aliases: a table made by hand, ``en<TAB>zh-Hant``).

    How the format registry knows a glossary table under a name that tells no format
    (``import -o terms.txt --to tsv``). Two language-like cells alone are no sign: an English
    title opening ``AR, VR, and …`` or ``IT, HR, and …`` has them, and a cell of running text
    besides.
    """
    if not names_languages(cells):
        return False
    names = [cell.strip().lower() for cell in cells]
    if all(name in names for name in FIXED):
        return True
    return all(lang_column(cell) is not None or name in ALIASES
               or variants_column(cell) is not None or origin_column(cell) is not None
               or others_column(cell) is not None or term_status_column(cell) is not None
               for cell, name in zip(cells, names, strict=True))
