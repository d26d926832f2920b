"""What every reader's result must satisfy before termkit uses it: checked in one place.

:class:`~termkit.formats.Format` runs these on whatever a format module returns, so no
reader (present or future) can hand the rest of termkit a glossary or unit that a writer
would choke on or write out wrong:

* language tags are well-formed BCP 47 (``!!!bad-tag!!!`` never becomes ``xml:lang="!!!bad"``);
* a concept's confidence is a finite number (no ``nan`` or ``inf``, which no format can write);
* texts are strings, not empty (``term zh-Hans:`` with nothing after it cannot be read back),
  without control characters (every text format refuses those as binary).

Errors are :class:`~termkit.errors.FormatError` naming the file, and the line or the concept.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from termkit.errors import FormatError
from termkit.lang import is_well_formed
from termkit.model import Concept, Glossary, Unit
from termkit.textio import control_character


def bad_tag(tag: object) -> str | None:
    """Why ``tag`` is not a usable language tag, or None when it is."""
    if not isinstance(tag, str):
        return f"language tag must be a string, not {tag!r:.40}"
    if not is_well_formed(tag):
        return f"bad language tag {tag!r:.60} (not BCP 47, e.g. en, zh-Hant-TW)"
    return None


def bad_confidence(value: object) -> str | None:
    """Why ``value`` is not a usable confidence (None or a finite number), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"confidence must be a number, not {value!r:.40}"
    if not math.isfinite(value):
        return f"confidence must be a finite number, not {value!r}"
    return None


def _concept_problem(c: Concept) -> str | None:
    problem = bad_confidence(c.confidence)
    if problem:
        return problem
    for t in c.terms:
        if not isinstance(t.text, str):
            return f"term text must be a string, not {t.text!r:.40}"
        if not t.text:  # (white space is text: a real catalog translates msgid "\n")
            return f"empty {t.lang} term (a term needs text)"
        bad = control_character(t.text)
        if bad is not None:
            return f"term {t.text!r:.40} holds U+{ord(bad):04X}, a control character no term can hold"
        problem = bad_tag(t.lang)
        if problem:
            return problem
    return None


def check_glossary(glossary: Glossary, path: str) -> Glossary:
    """``glossary`` unchanged, or :class:`FormatError` for its first unusable concept."""
    for c in glossary.concepts:
        problem = _concept_problem(c)
        if problem:
            where = next((s for t in c.terms for s in t.sources if s.path == path), None)
            where = where or next((s for s in c.sources if s.path == path), None)
            raise FormatError(f"concept {c.id}: {problem}", path=path,
                              line=where.line if where else None)
    return glossary


def check_units(units: Iterable[Unit], path: str) -> Iterator[Unit]:
    """The units, streamed; :class:`FormatError` at the first with an unusable language tag."""
    good: set[str] = set()  # a file has few distinct tags: check each once
    for unit in units:
        for v in unit.variants:
            if v.lang not in good:
                problem = bad_tag(v.lang)
                if problem:
                    line = unit.location.line if unit.location else None
                    raise FormatError(problem, path=path, line=line)
                good.add(v.lang)
        yield unit
