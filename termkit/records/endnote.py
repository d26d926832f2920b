"""EndNote/Refer tagged exports (``.enw``, and the ``.txt`` files CNKI and Wanfang export).

A record is a run of tag lines ``%X value`` (``%`` and one tag character, a space, the
value); records are separated by blank lines, and a ``%0`` line starts a new one. A line
without a tag continues the value above it (exported abstracts wrap). Tags read:

=====  ==========================================================================
%0     reference type (kept as section ``type``)
%T     title, Chinese or English by script
%Q     translated title (EndNote's field for the other-language title)
%A     author, one per line (or several joined by ``;``/``，`` as CNKI writes them);
       ``張三(San Zhang)`` pairs in one value; Chinese names then as many romanized
       ones are paired by position
%H     translated author: the romanized names, paired with the ``%A`` names by position
%Y     secondary author: a thesis's advisor (CNKI writes the 导师 there)
%K     keywords, one per line or joined by ``;``; sorted by script
%X     abstract, Chinese or English by the share of Han characters
%J     journal (venue); %B secondary title when there is no %J
%D %8  year, date (the most precise wins)
%V %N  volume, issue
%P     pages (``113-129``, CNKI's ``113~129``; a range after a bare number, as CNKI writes a
       conference paper's page count and then its pages, is the pages)
=====  ==========================================================================

Any other tag (``%+`` affiliation, ``%@`` ISSN, ``%R`` DOI, ``%U`` URL, ``%W`` database,
``%9`` degree, ``%I`` publisher …) is kept as a section named after the tag.

A tag line may also give its value straight after the tag or after a colon (``%+深圳…``,
``%R10.1946/…`` from CNKI's cite box, VIP's ``%+:机构``), and names or keywords run together
on one line, each after its tag (``%A 张三%A 李四``), are split.

Malformed input is a :class:`~termkit.errors.FormatError` at its line: text before the
first tag line, a ``%`` line without a tag character.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from termkit.errors import FormatError, InputError
from termkit.model import Record, Section
from termkit.records.assemble import (
    add_abstract,
    date_of,
    keyword_items,
    pages_of,
    people,
    set_keywords,
    set_title,
)
from termkit.records.script import clean, join_lines

# A tag line: ``%``, the tag character, a space and the value. Exporters also write the
# value straight after the tag or after a colon (CNKI's cite box ``%+深圳市…``, ``%R10.1946/…``;
# VIP's ``%+:机构``): the tag is one character whatever follows it.
_TAG = re.compile(r"^%([^\s%])(?:\s|:\s*)?(.*)$")
# Several names or keywords run together on one tag line, each after its own tag, as CNKI's
# cite box gives them (``%A 张三%A 李四``): split where the line's own tag comes again.
_RUN_TAGS = frozenset("AHKY")


@dataclass(slots=True)
class _Raw:
    start: int
    tags: list[tuple[str, str, int]] = field(default_factory=list)


# One field of a tagged export: its tag, the lines of its value, the line it starts on.
Field = tuple[str, list[str], int]


def group_fields(
    text: str,
    read: Callable[[str, int], list[tuple[str, str]] | None],
    *,
    starts: Callable[[str], bool],
    path: str,
    before_first: str,
) -> list[list[Field]]:
    """The fields of a tagged export (Refer, NoteExpress), one list per record.

    ``read(line, number)`` gives the ``(tag, value)`` fields a line opens (it may raise a
    :class:`FormatError` for a malformed one), or None for a line that continues the value
    above it (a wrapped abstract), after a blank line too. A field tagged ``0`` (the
    reference type) starts a record; in a text with such lines (``starts``), only they do and
    a blank line inside a record does not end it; in one without, blank lines separate the
    records. Text before the first field is a :class:`FormatError` (``before_first``)."""
    records: list[list[Field]] = []
    current: list[Field] | None = None
    lines = text.split("\n")
    typed = any(starts(line) for line in lines)
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if not line.strip():
            if not typed:
                current = None
            continue
        fields = read(line, number)
        if fields is None:
            if current is None and records and records[-1]:
                current = records[-1]  # a wrapped value after a blank line
            if not current:
                raise FormatError(before_first, path=path, line=number, column=1)
            current[-1][1].append(line)
            continue
        for tag, value in fields:
            if current is None or (tag == "0" and current):
                current = []
                records.append(current)
            current.append((tag, [value], number))
    return records


def _tag_fields(line: str, number: int, path: str) -> list[tuple[str, str]] | None:
    m = _TAG.match(line.lstrip())
    if m is None:
        if line.lstrip().startswith("%"):
            raise FormatError(
                "not a Refer tag line (expected '%X value')", path=path, line=number, column=1
            )
        return None
    tag, value = m.group(1), clean(m.group(2) or "")
    if tag in _RUN_TAGS and f"%{tag}" in value:
        return [(tag, clean(v)) for v in re.split(rf"\s*%{tag}(?:\s+|(?=\S))", value)]
    return [(tag, value)]


def _scan(text: str, path: str) -> list[_Raw]:
    fields = group_fields(
        text, lambda line, number: _tag_fields(line, number, path),
        starts=lambda line: line.lstrip().startswith("%0"), path=path,
        before_first="text before the first tag line: not a Refer tag line (expected '%X value')",
    )
    # A wrapped value's lines are joined once, at the end: joining line by line re-reads the
    # value each time, quadratic in the lines of a long abstract.
    return [_Raw(tags[0][2], [(t, parts[0] if len(parts) == 1 else join_lines(parts), n)
                              for t, parts, n in tags])
            for tags in fields]


def _record(raw: _Raw, path: str, record_id: str) -> Record:
    rec = Record(source=path, id=record_id)
    authors: list[tuple[str, int | None]] = []
    translated: list[tuple[str, int | None]] = []
    keywords: list[tuple[str, int | None, str | None]] = []
    dates: list[tuple[str, int]] = []
    for tag, value, line in raw.tags:
        if not value:
            continue
        if tag == "0":
            rec.sections.append(Section("type", value, line))
        elif tag == "T" or tag == "Q":
            set_title(rec, value, line)
        elif tag == "A":
            authors.extend((n, line) for n in _names(value))
            rec.lines.setdefault("authors", line)
        elif tag == "H":
            translated.extend((n, line) for n in _names(value))
        elif tag == "Y":
            rec.advisors.extend(people([(n, line) for n in _names(value)]))
            rec.lines.setdefault("advisors", line)
        elif tag == "K":
            keywords.extend((item, line, None) for item in keyword_items(value))
        elif tag == "X":
            add_abstract(rec, value.strip(), line)
        elif tag == "J" or (tag == "B" and rec.venue is None):
            rec.venue, rec.lines["venue"] = value, line
        elif tag in ("D", "8"):
            dates.append((value, line))
        elif tag == "V":
            rec.volume, rec.lines["volume"] = value, line
        elif tag == "N":
            rec.issue, rec.lines["issue"] = value, line
        elif tag == "P" and rec.pages is None:
            rec.pages, rec.lines["pages"] = pages_of(value), line
        elif tag == "P" and rec.pages and rec.pages.isdigit() and "-" in (pages_of(value) or ""):
            # CNKI writes a conference paper's page count (%P 5) before its page range (%P
            # 269-273): the range is the pages, the count kept as a section
            rec.sections.append(Section("%P", rec.pages, rec.lines["pages"]))
            rec.pages, rec.lines["pages"] = pages_of(value), line
        else:
            # A Refer tag is one character; a field another export names in words (the
            # NoteExpress and E-Study readers hand their unknown fields on) keeps its name.
            rec.sections.append(Section(f"%{tag}" if len(tag) == 1 else tag, value, line))
    rec.authors = people(authors + translated)
    set_keywords(rec, keywords, path)
    best: tuple[str, int] | None = None
    for value, line in dates:
        date = date_of(value)
        if date and (best is None or len(date) > len(best[0])):
            best = (date, line)
    if best:
        rec.date, rec.lines["date"] = best
    return rec


def _names(value: str) -> list[str]:
    """Names in one value: several joined by ``;``/``；`` (CNKI) or one per line."""
    parts = [clean(p) for p in re.split(r"[;；]", value)]
    return [p for p in parts if p]


def parse_endnote(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of an EndNote/Refer text."""
    raws = _scan(text, path)
    if not raws:
        raise InputError("no EndNote/Refer record found (no %X tag line)", path=path)
    return _records(raws, path, stem)


def records_from_fields(fields: list[list[Field]], path: str, stem: str) -> list[Record]:
    """Records of an export that names its fields in words, each field already mapped to its
    Refer tag (``T`` title, ``Q`` translated title, ``A``/``H`` authors, ``K`` keywords, ``X``
    abstract …; a field with no Refer tag under its own name): one list of ``(tag, lines,
    line number)`` per record, a field's lines joined as a wrapped value is, and read exactly
    as the Refer tags are."""
    raws = [_Raw(tags[0][2], [(t, clean(join_lines(parts)), n) for t, parts, n in tags])
            for tags in fields if tags]
    return _records(raws, path, stem)


def _records(raws: list[_Raw], path: str, stem: str) -> list[Record]:
    if len(raws) == 1:
        return [_record(raws[0], path, stem)]
    return [_record(raw, path, f"{stem}#{n}") for n, raw in enumerate(raws, 1)]
