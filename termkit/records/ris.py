"""RIS: tagged bibliographic records (``TY  - JOUR`` … ``ER  -``), several per file.

A tag line is two characters (a capital letter, then a capital letter or digit), two
spaces (one is tolerated), a hyphen and a space, then the value (``ER  -`` may end after
the hyphen). A line
that is not a tag line continues the value of the previous tag. Tags read:

=========  ==============================================================================
TY         starts a record (its value is kept as section ``TY``)
TI, T1     title; English or Chinese by script (``TT`` and ``ST`` likewise, if no title)
T2, JO,    venue (the first one present)
JF, JA, BT
AU, A1     author: ``張國城(Kuo-Cheng Chang)``, ``王小明 / Hsiao-Ming Wang``, or one name
           per ``AU`` line; when the names come one per script (all Chinese ones and as
           many romanized ones) they are paired by position
KW         one keyword per line (``;`` inside a value also separates), both languages;
           sorted into Chinese and English like a page's keyword block
AB, N2     abstract; Chinese or English by the share of Han characters
PY, Y1, DA date (``2014``, ``2014/09/01``, ``2014/09/01/``); the most precise one wins
VL, IS     volume, issue
SP, EP     first and last page -> ``pages`` ``SP-EP``
ID         the record id (else ``STEM#N``)
ER         ends the record
=========  ==============================================================================

Any other tag is kept as a :class:`~termkit.model.Section` named after the tag.

Malformed input: non-blank text before the first ``TY`` or between ``ER`` and the next
``TY`` is a :class:`~termkit.errors.FormatError` at that line. A record that reaches the end
of the file (or the next ``TY``) without ``ER`` is kept, with a notice: its data is whole,
only the terminator is missing, and refusing the file would lose every record in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termkit.errors import FormatError, InputError
from termkit.model import Notice, Person, Record, Section
from termkit.records.authors import parse_author_line
from termkit.records.fields import iso_date
from termkit.records.keywords import assign_keywords
from termkit.records.script import clean, has_han, is_chinese_text, join_lines

_TAG = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$")
_RIS_DATE = re.compile(r"^(\d{4})(?:[/\-.](\d{1,2})?(?:[/\-.](\d{1,2})?)?)?")
_TITLE_TAGS = ("TI", "T1")
_ALT_TITLE_TAGS = ("TT", "ST")
_VENUE_TAGS = ("T2", "JO", "JF", "JA", "BT")
_DATE_TAGS = ("DA", "Y1", "PY")


@dataclass(slots=True)
class _Raw:
    """One record's tags in file order: (tag, value, line)."""

    start: int
    tags: list[tuple[str, str, int]] = field(default_factory=list)
    closed: bool = False


def _scan(text: str, path: str) -> list[_Raw]:
    raws: list[_Raw] = []
    current: _Raw | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip()
        m = _TAG.match(line)
        if m:
            tag, value = m.group(1), clean(m.group(2) or "")
            if tag == "TY":
                # A TY inside an open record starts the next one; the open one keeps
                # closed=False and gets a notice.
                current = _Raw(number)
                raws.append(current)
                current.tags.append((tag, value, number))
            elif current is None or current.closed:
                raise FormatError(
                    f"tag {tag} outside a record; a record starts with a TY line",
                    path=path,
                    line=number,
                    column=1,
                )
            elif tag == "ER":
                current.closed = True
            else:
                current.tags.append((tag, value, number))
        elif line.strip():
            if current is None or current.closed:
                where = "before the first TY line" if current is None else "after ER"
                raise FormatError(
                    f"text {where}: not an RIS tag line (expected 'XX  - value')",
                    path=path,
                    line=number,
                    column=1,
                )
            tag, value, first = current.tags[-1]
            current.tags[-1] = (tag, join_lines([value, line]), first)
    return raws


def _date(value: str) -> str | None:
    m = _RIS_DATE.match(value)
    if not m:
        return None
    month = m.group(2) or None
    day = (m.group(3) or None) if month else None
    return iso_date(m.group(1), month, day)


def _authors(values: list[tuple[str, int]]) -> list[Person]:
    people: list[Person] = []
    for value, line in values:
        found = parse_author_line(value, strict=False) or []
        people.extend(Person(p.zh, p.en, line) for p in found)
    zh = [p for p in people if p.zh and not p.en]
    en = [p for p in people if p.en and not p.zh]
    if zh and len(zh) == len(en) and len(zh) + len(en) == len(people):
        return [Person(a.zh, b.en, a.line) for a, b in zip(zh, en, strict=True)]
    return people


def _record(raw: _Raw, path: str, record_id: str) -> Record:
    rec = Record(source=path, id=record_id)
    authors: list[tuple[str, int]] = []
    keywords: list[tuple[str, int | None]] = []
    abstracts: dict[str, list[str]] = {"zh": [], "en": []}
    dates: list[tuple[str, int]] = []
    pages: dict[str, tuple[str, int]] = {}
    alt_titles: list[tuple[str, int]] = []
    for tag, value, line in raw.tags:
        if not value and tag != "TY":
            continue
        if tag in _TITLE_TAGS:
            _set_title(rec, value, line)
        elif tag in _ALT_TITLE_TAGS:
            alt_titles.append((value, line))
        elif tag in _VENUE_TAGS and rec.venue is None:
            rec.venue = value
            rec.lines["venue"] = line
        elif tag in ("AU", "A1"):
            authors.append((value, line))
            rec.lines.setdefault("authors", line)
        elif tag == "KW":
            keywords.extend((k, line) for k in (clean(p) for p in re.split("[;；]", value)) if k)
            rec.lines.setdefault("keywords", line)
        elif tag in ("AB", "N2"):
            lang = "zh" if is_chinese_text(value) else "en"
            abstracts[lang].append(value)
            rec.lines.setdefault(f"abstract_{lang}", line)
        elif tag in _DATE_TAGS:
            dates.append((value, line))
        elif tag == "VL":
            rec.volume = value
            rec.lines["volume"] = line
        elif tag == "IS":
            rec.issue = value
            rec.lines["issue"] = line
        elif tag in ("SP", "EP"):
            pages[tag] = (value, line)
        elif tag == "ID":
            rec.id = value
        else:
            rec.sections.append(Section(tag, value, line))
    for value, line in alt_titles:
        slot = "title_zh" if has_han(value) else "title_en"
        if getattr(rec, slot) is None:
            _set_title(rec, value, line)
    rec.authors = _authors(authors)
    if keywords:
        kw = assign_keywords(keywords)
        rec.keywords_zh, rec.keywords_en = kw.zh, kw.en
        if kw.zh_line is not None:
            rec.lines["keywords_zh"] = kw.zh_line
        if kw.en_line is not None:
            rec.lines["keywords_en"] = kw.en_line
        if kw.other:
            rec.sections.append(Section("keywords_other", "\n".join(kw.other), None))
            rec.notices.append(
                Notice(f"keywords in a third language kept apart: {', '.join(kw.other)}", path)
            )
    if abstracts["zh"]:
        rec.abstract_zh = "\n".join(abstracts["zh"])
    if abstracts["en"]:
        rec.abstract_en = "\n".join(abstracts["en"])
    _set_date(rec, dates)
    _set_pages(rec, pages)
    if not raw.closed:
        rec.notices.append(Notice("record has no ER line; kept as it is", path, raw.start))
    return rec


def _set_title(rec: Record, value: str, line: int) -> None:
    script = "zh" if has_han(value) else "en"
    if getattr(rec, f"title_{script}") is None:
        setattr(rec, f"title_{script}", value)
        rec.lines[f"title_{script}"] = line
    else:
        rec.sections.append(Section(f"title_{script}", value, line))


def _set_date(rec: Record, dates: list[tuple[str, int]]) -> None:
    best: tuple[str, int] | None = None
    for value, line in dates:
        date = _date(value)
        if date and (best is None or len(date) > len(best[0])):
            best = (date, line)
    if best:
        rec.date, rec.lines["date"] = best


def _set_pages(rec: Record, pages: dict[str, tuple[str, int]]) -> None:
    if "SP" not in pages:
        return
    first, line = pages["SP"]
    last = pages.get("EP", ("", line))[0]
    rec.pages = f"{first}-{last}" if last and last != first else first
    rec.lines["pages"] = line


def parse_ris(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of an RIS text."""
    raws = _scan(text, path)
    if not raws:
        raise InputError("no RIS record found (no TY line)", path=path)
    return [_record(raw, path, f"{stem}#{n}") for n, raw in enumerate(raws, 1)]
