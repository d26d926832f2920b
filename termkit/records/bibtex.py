"""BibTeX (``.bib``) exports read with bibtexparser v2.

Parsing is bibtexparser's (v2: ``bibtexparser.parse_string`` with its LaTeX-decoding
middleware, so ``M{\\"u}ller`` reads ``Müller`` and protective braces go); this module
maps the entries' fields onto records:

============================  ===============================================================
``title``                     title, Chinese or English by script; fields named like a
                              title in a language (``title_en``, ``title-zh``, ``entitle``,
                              ``englishtitle``, ``translatedtitle``, ``origtitle``) go to that
                              language
``author``                    ``A and B``; Chinese names, ``Surname, Given`` names, or
                              ``張三(San Zhang)``; a list of Chinese names followed by as
                              many romanized ones is paired by position; ``author_en``-like
                              fields give the romanized names
``keywords``, ``keyword``     split at ``;`` ``,`` ``；`` ``，`` ``、`` and newlines; sorted by
                              script, or by the language in the field name
                              (``keywords_en``, ``enkeywords``, ``keywords-zh``)
``abstract`` (+ language)     abstract, by the field name's language or the share of Han
``journal``, ``journaltitle``,  venue (the first present)
``booktitle``, ``school``
``year``, ``date``, ``month`` date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)
``volume``, ``number``        volume, issue (``issue`` too)
``pages``                     ``113--129`` -> ``113-129``
``advisor``, ``supervisor``   advisors (theses)
``note``, ``extra``           ``original-title: …`` lines (Zotero's way of keeping the
                              other-language title) fill the missing title
============================  ===============================================================

Every other field is kept as a section named after it. The entry key is the record id.

What the Chinese databases put in their BibTeX: the analysis of their export formats in
dearfad/mrhelper (``docs/filters.md``, 2018) found Wanfang's BibTeX export to carry the
Chinese author, title and journal only (no keywords, no abstract, no English side) and
CNKI to offer no BibTeX at all — the English side travels in EndNote/Refer exports
(:mod:`termkit.records.endnote`) or in fields users and reference managers add, which is
what the language-named fields above read.

Malformed input (a block bibtexparser cannot parse, a duplicate field) is a
:class:`~termkit.errors.FormatError` at the block's first line.
"""

from __future__ import annotations

import re
from typing import Any

from termkit.errors import FormatError, InputError
from termkit.model import Record, Section
from termkit.records.assemble import (
    add_abstract,
    date_of,
    keyword_items,
    language_of_name,
    pages_of,
    people,
    set_keywords,
    set_title,
)
from termkit.records.script import clean, has_han

_NOT_TITLES = frozenset(
    {
        "booktitle",
        "journaltitle",
        "shorttitle",
        "eventtitle",
        "maintitle",
        "issuetitle",
        "subtitle",
        "titleaddon",
        "seriestitle",
    }
)
_PLAIN = frozenset({"title", "keywords", "keyword", "abstract", "author"})
_VENUES = ("journal", "journaltitle", "booktitle", "school", "institution")
_ORIGINAL = re.compile(r"^\s*original[-_ ]title\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_AND = re.compile(r"\s+and\s+")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _value(raw: Any) -> str:
    text = str(raw)
    return clean(text.replace("{", "").replace("}", "").replace("\n", " "))


def _date(fields: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    if "date" in fields:
        date = date_of(fields["date"][0])
        if date:
            return date, fields["date"][1]
    if "year" not in fields:
        return None
    year, line = fields["year"]
    date = date_of(year)
    if date and len(date) == 4 and "month" in fields:
        month = fields["month"][0].strip().casefold()[:3]
        number = _MONTHS.get(month) or (int(month) if month.isdigit() else None)
        if number and 1 <= number <= 12:
            date = f"{date}-{number:02d}"
    return (date, line) if date else None


def _entry(entry: Any, path: str) -> Record:
    rec = Record(source=path, id=str(entry.key))
    rec.sections.append(Section("type", str(entry.entry_type), entry.start_line + 1))
    fields: dict[str, tuple[str, int]] = {}
    order: list[str] = []
    for f in entry.fields:
        key = str(f.key).casefold()
        fields[key] = (_value(f.value), f.start_line + 1)
        order.append(key)
    authors: list[tuple[str, int | None]] = []
    keywords: list[tuple[str, int | None, str | None]] = []
    used: set[str] = set()
    for key in order:
        value, line = fields[key]
        if not value:
            used.add(key)
            continue
        lang = None if key in _PLAIN else language_of_name(key)
        if "title" in key and key not in _NOT_TITLES:
            set_title(rec, value, line, lang)
        elif "keyword" in key:
            keywords.extend((item, line, lang) for item in keyword_items(fields[key][0]))
        elif "abstract" in key:
            add_abstract(rec, value, line, lang)
        elif key == "author" or ("author" in key and lang is not None):
            authors.extend((name, line) for name in _AND.split(value) if name.strip())
            rec.lines.setdefault("authors", line)
        elif key in ("advisor", "advisors", "supervisor", "supervisors"):
            found = people([(n, line) for n in _AND.split(value) if n.strip()])
            rec.advisors.extend(found)
            rec.lines.setdefault("advisors", line)
        else:
            continue
        used.add(key)
    rec.authors = people(authors)
    set_keywords(rec, keywords, path)
    for key in _VENUES:
        if key in fields and fields[key][0]:
            rec.venue, rec.lines["venue"] = fields[key]
            used.add(key)
            break
    date = _date(fields)
    if date:
        rec.date, rec.lines["date"] = date
        used |= {"year", "date", "month"} & set(fields)
    for key, slot in (("volume", "volume"), ("number", "issue"), ("issue", "issue")):
        if key in fields and fields[key][0] and getattr(rec, slot) is None:
            setattr(rec, slot, fields[key][0])
            rec.lines[slot] = fields[key][1]
            used.add(key)
    if "pages" in fields and fields["pages"][0]:
        rec.pages = pages_of(fields["pages"][0])
        rec.lines["pages"] = fields["pages"][1]
        used.add("pages")
    for key in ("note", "extra", "annote"):
        if key not in fields:
            continue
        for m in _ORIGINAL.finditer(fields[key][0].replace("; ", "\n")):
            other = clean(m.group(1))
            slot = "title_zh" if has_han(other) else "title_en"
            if getattr(rec, slot) is None:
                set_title(rec, other, fields[key][1])
    for key in order:
        if key not in used:
            rec.sections.append(Section(key, fields[key][0], fields[key][1]))
    return rec


def parse_bibtex(text: str, path: str, stem: str) -> list[Record]:
    """Read every entry of a BibTeX text (``stem`` is unused: entries carry their keys)."""
    import logging

    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware

    log = logging.getLogger("bibtexparser")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        # bibtexparser logs each failed block; termkit reports it as an error instead, and
        # a library does not print (without a handler, Python's last resort would).
        log.addHandler(logging.NullHandler())

    # LaTeX decoding costs most of the parse; a file without a backslash has nothing to decode.
    middleware = [LatexDecodingMiddleware()] if "\\" in text else []
    library = bibtexparser.parse_string(text, append_middleware=middleware)
    if library.failed_blocks:
        block = min(library.failed_blocks, key=lambda b: b.start_line or 0)
        exc = getattr(block, "error", None)
        error = str(getattr(exc, "abort_reason", None) or exc or "").strip()
        message = error.split("\n")[0].split(". Note:")[0].rstrip(".") or "malformed block"
        raise FormatError(
            f"malformed BibTeX: {message}", path=path, line=(block.start_line or 0) + 1, column=1
        )
    if not library.entries:
        raise InputError("no BibTeX entry found (no @type{key, …} block)", path=path)
    return [_entry(e, path) for e in library.entries]
