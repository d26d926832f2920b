"""JSON Lines records: one JSON object per line, blank lines ignored.

Schema (every field optional; numbers are accepted where a string is expected):

====================  ===========================  ==========================================
field                 type                         meaning
====================  ===========================  ==========================================
``id``                string                       record id (else ``STEM#N``, N from 1)
``title_en``          string                       English title
``title_zh``          string                       Chinese title
``authors``           list of ``{"zh", "en"}``     authors; either name may be missing or
                      objects, list of strings,    null; strings are read like a page's
                      or one string                author line (``張國城(Kuo-Cheng Chang)``)
``keywords_zh``       list of strings, or string   Chinese keywords (a string is split at
                                                   ``;`` ``；`` ``、`` ``，`` ``,``)
``keywords_en``       list of strings, or string   English keywords
``keywords``          list of strings, or string   both languages mixed, sorted like a
                                                   page's keyword block; used only when
                                                   ``keywords_zh``/``keywords_en`` are absent
``volume``            string                       volume
``issue``             string                       issue
``date``              string                       ISO 8601 ``YYYY[-MM[-DD]]``
``pages``             string                       ``113-129``
``venue``             string                       journal, proceedings or school
``abstract_zh``       string                       Chinese abstract
``abstract_en``       string                       English abstract
``subjects``          list of lists of strings,    subject paths ``[["人文學", "人文學綜合"]]``
                      or string of ``A > B`` lines
``references``        list of strings              works cited
``citing``            list of strings              works citing this one
``advisors``          like ``authors``                 a thesis's advisors (``advisor`` is an alias)
``authors_raw``       string                       alias of ``authors`` (printed form)
``keywords_raw``      string                       alias of ``keywords``
``volume_issue_raw``  string                       a page's volume line (``10卷3期(2014 /
                                                   09 / 01)``): fills volume, issue, date
``pages_raw``         string                       a page's page range (``113 - 129``)
``subject_raw``       string                       alias of ``subjects``
anything else         any                          kept as a section named after the field
                                                   (text, or JSON for non-strings)
====================  ===========================  ==========================================

An alias is read only when its field is absent; otherwise it is kept as a section. So
``tests/data/records/dev.jsonl`` (the development set) reads directly.

Errors (:class:`~termkit.errors.FormatError`, with line and column): a line that is not
valid JSON, a value that is not an object, a field of the wrong type.
"""

from __future__ import annotations

import json
from typing import Any

from termkit import jsonsafe
from termkit.errors import FormatError, InputError
from termkit.model import Person, Record, Section
from termkit.records.authors import parse_authors
from termkit.records.fields import parse_pages, parse_subject, parse_volume
from termkit.records.keywords import assign_keywords, split_keywords

_STRINGS = (
    "title_en",
    "title_zh",
    "volume",
    "issue",
    "date",
    "pages",
    "venue",
    "abstract_zh",
    "abstract_en",
)
_ALIASES = {
    "authors_raw": "authors",
    "keywords_raw": "keywords",
    "subject_raw": "subjects",
    "volume_issue_raw": "volume",
    "pages_raw": "pages",
    "advisor": "advisors",
}


class _Line:
    """One JSON line being read: its text and number, for error locations."""

    def __init__(self, path: str, number: int, text: str) -> None:
        self.path = path
        self.number = number
        self.text = text

    def error(self, key: str, message: str) -> FormatError:
        column = self.text.find(json.dumps(key, ensure_ascii=False))
        return FormatError(
            f"field {key!r} {message}",
            path=self.path,
            line=self.number,
            column=column + 1 if column >= 0 else None,
        )

    def string(self, key: str, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(key, "must be a string")
        return str(value)

    def strings(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            return split_keywords(value) if key.startswith("keywords") else [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
        ):
            raise self.error(key, "must be a list of strings")
        return [str(v) for v in value]


def _authors(line: _Line, key: str, value: Any) -> list[Person]:
    if isinstance(value, str):
        return [Person(p.zh, p.en, line.number) for p in parse_authors(value, strict=False) or []]
    if not isinstance(value, list):
        raise line.error(key, "must be a list or a string")
    people: list[Person] = []
    for item in value:
        if isinstance(item, str):
            people.extend(_authors(line, key, item))
        elif isinstance(item, dict):
            zh, en = item.get("zh"), item.get("en")
            if zh is not None:
                zh = line.string(key, zh)
            if en is not None:
                en = line.string(key, en)
            if zh or en:
                people.append(Person(zh or None, en or None, line.number))
        else:
            raise line.error(key, 'must hold objects {"zh", "en"} or strings')
    return people


def _subjects(line: _Line, key: str, value: Any) -> list[list[str]]:
    if isinstance(value, str):
        return [p for p in (parse_subject(x) for x in value.split("\n")) if p]
    if not isinstance(value, list) or not all(isinstance(v, list) for v in value):
        raise line.error(key, "must be a list of lists of strings")
    return [[line.string(key, s) for s in path] for path in value]


def _record(line: _Line, obj: dict[str, Any], stem: str, index: int) -> Record:
    rec = Record(source=line.path, id=f"{stem}#{index}")
    n = line.number
    used: set[str] = set()
    for key, value in obj.items():
        if value is None:
            continue
        target = _ALIASES.get(key, key)
        if key in _ALIASES and obj.get(target) is not None:
            # The field itself is present: keep the alias as a section.
            rec.sections.append(Section(key, _text(value), n))
            continue
        if target == "id":
            rec.id = line.string(key, value)
        elif target in _STRINGS and key not in ("volume_issue_raw", "pages_raw"):
            setattr(rec, target, line.string(key, value))
        elif key == "volume_issue_raw":
            vol = parse_volume(line.string(key, value))
            if vol is None:
                rec.sections.append(Section(key, line.string(key, value), n))
                continue
            for name in ("volume", "issue", "date", "pages"):
                if getattr(vol, name) is not None and obj.get(name) is None:
                    setattr(rec, name, getattr(vol, name))
                    rec.lines[name] = n
            continue
        elif key == "pages_raw":
            pages = parse_pages(line.string(key, value))
            if pages is None:
                rec.sections.append(Section(key, line.string(key, value), n))
                continue
            rec.pages = pages
        elif target == "authors":
            rec.authors = _authors(line, key, value)
        elif target == "advisors":
            rec.advisors = _authors(line, key, value)
        elif target in ("keywords_zh", "keywords_en"):
            setattr(rec, target, line.strings(key, value))
        elif target == "keywords":
            if "keywords_zh" in obj or "keywords_en" in obj:
                rec.sections.append(Section(key, _text(value), n))
                continue
            kw = assign_keywords([(k, n) for k in _keyword_items(line, key, value)])
            rec.keywords_zh, rec.keywords_en = kw.zh, kw.en
            if kw.other:
                rec.sections.append(Section("keywords_other", "\n".join(kw.other), n))
        elif target == "subjects":
            rec.subjects = _subjects(line, key, value)
        elif target in ("references", "citing"):
            setattr(rec, target, line.strings(key, value))
        else:
            rec.sections.append(Section(key, _text(value), n))
            continue
        used.add(target)
    for name in sorted(used - {"id"}):
        rec.lines[name] = n
    if "keywords" in used:
        rec.lines.update(keywords_zh=n, keywords_en=n)
    elif used & {"keywords_zh", "keywords_en"}:
        rec.lines["keywords"] = n  # where the keyword pairs' sources point
    return rec


def _keyword_items(line: _Line, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [k for part in value.split("\n") for k in split_keywords(part)]
    return line.strings(key, value)


def _text(value: Any) -> str:
    return (
        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    )


def parse_jsonl(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a JSON Lines text."""
    records: list[Record] = []
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        line = _Line(path, number, raw)
        obj = jsonsafe.loads(raw, path, line=number)
        if not isinstance(obj, dict):
            raise FormatError(
                "each line must be a JSON object ({...})", path=path, line=number, column=1
            )
        records.append(_record(line, obj, stem, len(records) + 1))
    if not records:
        raise InputError("no JSON record found (only blank lines)", path=path)
    return records
