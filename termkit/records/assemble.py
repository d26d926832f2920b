"""Filling a record from tagged fields: shared by the BibTeX and EndNote/Refer readers.

Tagged exports name their fields but not always their language: a database puts the
English title in the same ``title``/``%T`` slot as the Chinese one, or in a field of its
own (``%Q`` translated title, ``title_en``, ``englishtitle`` …). These helpers place
values by an explicit language when the field name gives one, else by script.
"""

from __future__ import annotations

import re

from termkit.model import Notice, Person, Record, Section
from termkit.records.authors import parse_author_line
from termkit.records.fields import iso_date, page_range
from termkit.records.keywords import assign_keywords, split_keywords
from termkit.records.script import has_han, is_chinese_text, is_other_script

_ENGLISH = re.compile(
    r"(?:^|[_\-.\s])(?:en|eng|english|translated|trans|foreign)(?:$|[_\-.\s])|^(?:en|eng|english|translated|foreign)|(?:en|eng|english)$"
)
_CHINESE = re.compile(
    r"(?:^|[_\-.\s])(?:zh|cn|chi|chinese)(?:$|[_\-.\s])|^(?:zh|cn|chinese)|(?:zh|cn|chinese)$"
)
_YEAR_MONTH = re.compile(
    r"^\s*((?:1[89]|20)\d\d)(?:\s*[-/.年]\s*(\d{1,2}))?(?:\s*[-/.月]\s*(\d{1,2}))?"
)
_COMPACT_DATE = re.compile(r"^\s*((?:1[89]|20)\d\d)(\d\d)(\d\d)\s*$")
_PAGES = re.compile(r"^\s*[pP]{0,2}\.?\s*(\d+)\s*(?:-{1,2}|–|—|~|～)\s*(\d+)\s*$")


def language_of_name(name: str) -> str | None:
    """``en``/``zh`` when a field name marks a language (``title_en``, ``englishtitle``,
    ``keywords-zh``, ``cnkeywords``), else None."""
    key = name.casefold()
    if _ENGLISH.search(key):
        return "en"
    if _CHINESE.search(key):
        return "zh"
    return None


def set_title(rec: Record, value: str, line: int | None, lang: str | None = None) -> None:
    """Put a title in its slot (by ``lang`` or script); a second one becomes a section."""
    slot = f"title_{lang or ('zh' if has_han(value) else 'en')}"
    if getattr(rec, slot) is None:
        setattr(rec, slot, value)
        if line is not None:
            rec.lines[slot] = line
    else:
        rec.sections.append(Section(slot, value, line))


def add_abstract(rec: Record, value: str, line: int | None, lang: str | None = None) -> None:
    """Append an abstract paragraph in its language (by ``lang`` or the share of Han)."""
    lang = lang or ("zh" if is_chinese_text(value) else "en")
    slot = f"abstract_{lang}"
    old = getattr(rec, slot)
    setattr(rec, slot, value if old is None else f"{old}\n{value}")
    if line is not None:
        rec.lines.setdefault(slot, line)


def keyword_items(value: str) -> list[str]:
    """The keywords of one tagged value: split at newlines, then like a keyword line."""
    return [item for part in value.split("\n") for item in split_keywords(part, field=True)]


def set_keywords(
    rec: Record,
    items: list[tuple[str, int | None, str | None]],
    path: str,
) -> None:
    """Sort (keyword, line, language-or-None) items into the record's two lists.

    Items with a language from their field name go to that list; the others are sorted by
    script like a page's keyword block. Japanese or Korean items are kept apart.
    """
    if not items:
        return
    known = {
        "zh": [(t, n) for t, n, lang in items if lang == "zh"],
        "en": [(t, n) for t, n, lang in items if lang == "en"],
    }
    kw = assign_keywords([(t, n) for t, n, lang in items if lang is None])
    other = list(kw.other)
    zh = [(t, n) for t, n in known["zh"] if not is_other_script(t)]
    en = [(t, n) for t, n in known["en"] if not is_other_script(t)]
    other += [t for t, _ in known["zh"] + known["en"] if is_other_script(t)]
    rec.keywords_zh = [t for t, _ in zh] + [t for t in kw.zh if t not in {x for x, _ in zh}]
    rec.keywords_en = [t for t, _ in en] + [t for t in kw.en if t not in {x for x, _ in en}]
    first = next((n for _, n, _ in items if n is not None), None)
    if first is not None:
        rec.lines["keywords"] = first
        zh_line = zh[0][1] if zh else kw.zh_line
        en_line = en[0][1] if en else kw.en_line
        if zh_line is not None and rec.keywords_zh:
            rec.lines["keywords_zh"] = zh_line
        if en_line is not None and rec.keywords_en:
            rec.lines["keywords_en"] = en_line
    if other:
        rec.sections.append(Section("keywords_other", "\n".join(other), first))
        rec.notices.append(
            Notice(f"keywords in a third language kept apart: {', '.join(other)}", path, first)
        )


def people(names: list[tuple[str, int | None]]) -> list[Person]:
    """Authors from names given one per field or line; one list per script is paired."""
    found: list[Person] = []
    for value, line in names:
        for p in parse_author_line(value, strict=False) or []:
            found.append(Person(p.zh, p.en, line))
    zh = [p for p in found if p.zh and not p.en]
    en = [p for p in found if p.en and not p.zh]
    if zh and len(zh) == len(en) and len(zh) + len(en) == len(found):
        return [Person(a.zh, b.en, a.line) for a, b in zip(zh, en, strict=True)]
    return found


def date_of(value: str) -> str | None:
    """An ISO date from ``2014``, ``2014-09``, ``2014/09/01``, ``2014年9月``, or None; also
    ISO 8601's basic form ``20140901``, where a library catalogue's ``19980600`` (NCL's 出版日期)
    is June 1998: a month or day of ``00`` is not known."""
    compact = _COMPACT_DATE.match(value)
    if compact is not None:
        year, month, day = compact.groups()
        if month == "00":
            return year if day == "00" else None
        return iso_date(year, month, None if day == "00" else day)
    m = _YEAR_MONTH.match(value)
    if m is None:
        return None
    return iso_date(m.group(1), m.group(2), m.group(3) if m.group(2) else None)


def pages_of(value: str) -> str | None:
    """``113-129`` from ``113--129``, ``pp. 113-129``, ``113~129``; a single page as is."""
    m = _PAGES.match(value)
    if m:
        return page_range(m.group(1), m.group(2)) or value.strip()
    value = value.strip()
    return value or None
