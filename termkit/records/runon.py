"""Pages copied without their blank lines: which reading to doubt, and the lines grouped by
what each one is.

Some browsers and PDF viewers drop the blank lines of a page, so the title, the author line,
the keyword lines and the volume line run together into one block, which the page reader
(:mod:`termkit.records.page`) then misreads as a list of keywords, or as nothing. For such a
page it asks this module:

* :func:`doubtful`: may a reading have run fields together (no keyword list in one script,
  neither a title nor an author, or a "keyword" that is a volume, page, date or author line)?
* :func:`line_groups`: the lines as blocks by kind — a volume, page, date, prose or author
  line alone (:func:`field_line`), a Chinese name line with its romanization under it (paired
  by sound), a keyword line of each script together, and lines of one item each together
  while they go from one script to the other once;
* :func:`misread`: did the first reading take for a keyword what the second reads as a
  title, an author's name or a field line?
"""

from __future__ import annotations

from dataclasses import dataclass

from termkit.model import Person, Record
from termkit.records.authors import parse_authors
from termkit.records.fields import parse_date, parse_pages, starts_volume_line
from termkit.records.keywords import split_keywords
from termkit.records.romanized import PAIRED
from termkit.records.script import SHORT_ITEM, has_han, has_latin, is_prose
from termkit.records.shapes import certain_keyword_line


@dataclass(slots=True)
class LineGroup:
    """Lines read as one block, with their line numbers."""

    lines: list[str]
    numbers: list[int]


def doubtful(record: Record) -> bool:
    """True if a reading may have run fields together: no keyword list in one of the
    scripts, neither a title nor an author, or a keyword that is a field line."""
    if not (record.keywords_zh and record.keywords_en):
        return True
    if record.title_zh is None and record.title_en is None and not record.authors:
        return True
    return any(_field_item(item) for item in (*record.keywords_zh, *record.keywords_en))


def _field_item(item: str) -> bool:
    """:func:`field_line` for a keyword: names with their romanization need both scripts."""
    if starts_volume_line(item) or parse_pages(item) or parse_date(item):
        return True
    return has_han(item) and has_latin(item) and field_line(item)


def misread(record: Record, by_line: Record) -> bool:
    """True if ``record`` has a keyword that ``by_line`` reads as a title or an author's
    name, or that is a field line of its own (volume, pages, date, prose, authors)."""
    fields = {by_line.title_zh, by_line.title_en}
    for person in by_line.authors:
        fields |= {person.zh, person.en}
    return any(
        item in fields or field_line(item)
        for item in (*record.keywords_zh, *record.keywords_en)
    )


def field_line(line: str) -> bool:
    """A line that is a field of its own on a page: volume, pages, date, prose, or authors
    with their romanized names that render them by sound."""
    if starts_volume_line(line) or parse_pages(line) or parse_date(line) or is_prose(line):
        return True
    if certain_keyword_line(line):
        return False
    return _sounded(parse_authors(line))


def _sounded(people: list[Person] | None) -> bool:
    """True if the authors have romanized names and most of them (at least half) render
    the Chinese ones by sound (a name may be romanized in a way no system writes)."""
    from termkit.pinyin.names import match_name

    if not people or not all(p.zh and p.en for p in people):
        return False
    sounded = sum(match_name(p.zh or "", p.en or "") >= PAIRED for p in people)
    return 2 * sounded >= len(people)


def line_groups(lines: list[tuple[int, str]]) -> list[LineGroup]:
    """Blocks for a page that lost its blank lines: each line that is a field of its own
    (:func:`field_line`, a certain keyword line; a Chinese name with its romanization on
    the next line is one block of two) stands alone, and the lines between them stay
    together while :func:`_same_run` says they belong together."""
    kept = [(number, raw.strip()) for number, raw in lines if raw.strip()]
    blocks: list[LineGroup] = []
    run: LineGroup | None = None
    i = 0
    while i < len(kept):
        number, line = kept[i]
        if i + 1 < len(kept) and _name_pair(line, kept[i + 1][1]):
            blocks.append(LineGroup([line, kept[i + 1][1]], [number, kept[i + 1][0]]))
            run = None
            i += 2
            continue
        if blocks and _other_half(blocks[-1].lines, line):
            blocks[-1].lines.append(line)
            blocks[-1].numbers.append(number)
            run = None
        elif field_line(line) or certain_keyword_line(line):
            blocks.append(LineGroup([line], [number]))
            run = None
        else:
            if run is None or not _same_run(run.lines, line):
                run = LineGroup([], [])
                blocks.append(run)
            run.lines.append(line)
            run.numbers.append(number)
        i += 1
    return blocks


def _same_run(run: list[str], line: str) -> bool:
    """True if ``line`` continues ``run``: lines of one item each, in one script or in two
    (the Chinese keywords one per line, then the English ones; a title in each script),
    but not back to the first script (a line after the lists)."""
    if _listy(line) or _listy(run[-1]):
        return False
    if has_han(line) == has_han(run[-1]):
        return True
    return all(has_han(x) == has_han(run[0]) for x in run)


def _other_half(block: list[str], line: str) -> bool:
    """True if ``line`` is a list of short items in one script and ``block`` is one such
    line in the other (the Chinese keyword line, then the English one): the two halves of
    one keyword list, one block as on a page with blank lines, so that a title in each
    script run together (a block of two one-item lines) is not taken for the list."""
    if len(block) != 1 or not (_listy(block[0]) and _listy(line)):
        return False
    if field_line(block[0]) or field_line(line):
        return False
    items = (split_keywords(block[0]), split_keywords(line))
    if not all(_short(item) for half in items for item in half):
        return False  # a title with commas in it
    first, second = ({has_han(item) for item in half} for half in items)
    return len(first) == len(second) == 1 and first != second


def _short(item: str) -> bool:
    """A keyword's length: at most SHORT_ITEM Han characters, or 6 words."""
    return len(item) <= SHORT_ITEM if has_han(item) else len(item.split()) <= 6


def _listy(line: str) -> bool:
    """A line of several items (a keyword line, or a title with ``、`` in it)."""
    return len(split_keywords(line)) > 1


def _name_pair(line: str, following: str) -> bool:
    """A line of Chinese names with their romanizations on the next line
    (:func:`_sounded`)."""
    if not has_han(line) or has_han(following):
        return False
    return _sounded(parse_authors(f"{line}\n{following}"))
