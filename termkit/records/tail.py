"""The end of an abstract page: the subject block and the numbered lists.

A ``主题分类``/``主題分類`` heading starts the subject block (``人文學 > 人文學綜合`` lines, the
first one possibly on the heading's line); a numbered list starting at ``1.`` (or ``[1]``)
after a blank line is the reference list, a second one restarting at 1 the list of citing
works, further ones are kept as sections. Lines of neither are handed back to the page
reader.
"""

from __future__ import annotations

import re

from termkit.model import Record, Section
from termkit.records.fields import SUBJECT_HEADING, parse_subject
from termkit.records.script import clean, join_lines

_NUMBERED = re.compile(r"^\s*(?:(\d{1,4})\.|\[(\d{1,4})\])\s+(\S.*)$")


def tail_start(lines: list[tuple[int, str]]) -> int:
    """Index of the first line of the subject block or the numbered lists, or len(lines)."""
    previous_blank = True
    for i, (_, raw) in enumerate(lines):
        if SUBJECT_HEADING.match(raw) and len(raw) < 200:
            return i
        m = _NUMBERED.match(raw)
        if m and previous_blank and (m.group(1) or m.group(2)) == "1":
            return i
        previous_blank = not raw.strip()
    return len(lines)


def read_tail(rec: Record, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Read subjects and numbered lists into ``rec``; return the lines left over."""
    lists: list[list[tuple[str, int]]] = []
    mode: str | None = None
    leftover: list[tuple[int, str]] = []
    blank_since_item = False
    for number, raw in lines:
        line = clean(raw)
        if not line:
            blank_since_item = True
            leftover.append((number, ""))
            continue
        heading = SUBJECT_HEADING.match(line)
        numbered = _NUMBERED.match(raw)
        if heading:
            mode = "subjects"
            rec.lines.setdefault("subjects", number)
            rest = heading.group(1)
            path = parse_subject(rest) if rest else None
            if path:
                rec.subjects.append(path)
            elif rest:
                leftover.append((number, rest))
        elif mode == "subjects" and (path := parse_subject(line)):
            rec.subjects.append(path)
        elif numbered:
            n = int(numbered.group(1) or numbered.group(2))
            if n == 1 or not lists:
                lists.append([])
            lists[-1].append((clean(numbered.group(3)), number))
            mode = "list"
            blank_since_item = False
        elif mode == "list" and not blank_since_item and lists:
            text, first = lists[-1][-1]
            lists[-1][-1] = (join_lines([text, line]), first)
        else:
            mode = None
            leftover.append((number, line))
    for index, items in enumerate(lists):
        if index == 0:
            rec.references = [t for t, _ in items]
            rec.lines["references"] = items[0][1]
        elif index == 1:
            rec.citing = [t for t, _ in items]
            rec.lines["citing"] = items[0][1]
        else:
            text = "\n".join(f"{i}. {t}" for i, (t, _) in enumerate(items, 1))
            rec.sections.append(Section("list", text, items[0][1]))
    return leftover
