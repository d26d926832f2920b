"""Round trips of a glossary through every export format, compared field by field.

Each format is written with its writer (as ``termkit export`` does) and read back as
``termkit import`` does (the format's reader, then a merge), and every concept of the original
is compared with the one it came back as: the table in the README ("What each format keeps")
is made from :func:`kept_table` and checked by ``tests/test_export_loss.py``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from termkit import formats
from termkit.glossary import merge_glossaries
from termkit.model import Concept, Glossary, Source, Term

# (column, format, writer options); PO and OmegaT hold one Chinese locale each.
EXPORTS: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("json", "json", {}),
    ("termkit", "termkit", {}),
    ("TMX", "tmx", {}),
    ("TBX v3", "tbx", {}),
    ("TBX v2", "tbx", {"tbx_version": 2}),
    ("PO", "po", {"locale": "zh_TW"}),
    ("OmegaT", "omegat", {"locale": "zh_TW"}),
    ("CSV", "csv", {}),
    ("xlsx", "xlsx", {}),
)

_EXT = {"json": "x.json", "termkit": "glossary.txt", "tmx": "x.tmx", "tbx": "x.tbx",
        "po": "x.zh_TW.po", "omegat": "x.omegat.tsv", "csv": "x.csv", "xlsx": "x.xlsx"}


def round_trip(glossary: Glossary, fmt: str, options: dict[str, object]) -> Glossary:
    """``glossary`` written in ``fmt`` and read back and merged, as ``import`` does."""
    out = io.BytesIO()
    formats.get(fmt).write_glossary(glossary, out, **options)
    out.seek(0)
    read = formats.get(fmt).read_glossary(out, _EXT[fmt])
    return merge_glossaries([read])


def _zh(c: Concept) -> str | None:
    for t in c.terms:
        if t.lang.lower().startswith("zh-hant"):
            return t.text
    return None


def _en(c: Concept) -> str | None:
    for t in c.terms:
        if t.lang.lower().startswith("en"):
            return t.text
    return None


def _side(lang: str) -> str:
    low = lang.lower()
    for s in ("zh-hant", "zh-hans", "en"):
        if low == s or low.startswith(s + "-"):
            return s
    return low


def _terms(c: Concept, sides: set[str]) -> dict[tuple[str, str], Term]:
    return {(_side(t.lang), t.text): t for t in c.terms if _side(t.lang) in sides}


@dataclass(frozen=True, slots=True)
class Field:
    """One compared field: its name, which concepts hold a value of it (``applies``: a field
    left at its default everywhere would seem kept by a format that drops it), and how a
    concept and its copy are compared."""

    name: str
    applies: Callable[[Concept, set[str]], bool]
    same: Callable[[Concept, Concept, set[str]], bool]


def _any_term(get: Callable[[Term], bool]) -> Callable[[Concept, set[str]], bool]:
    return lambda c, sides: any(get(t) for t in _terms(c, sides).values())


def _term_field(get: Callable[[Term], object]) -> Callable[[Concept, Concept, set[str]], bool]:
    """Equal on every term that came back (the terms themselves are a field of their own)."""
    def same(a: Concept, b: Concept, sides: set[str]) -> bool:
        ta, tb = _terms(a, sides), _terms(b, sides)
        return all(get(t) == get(tb[k]) for k, t in ta.items() if k in tb)
    return same


def _places(sources: list[Source]) -> set[tuple[str, int | None]]:
    return {(s.path, s.line) for s in sources}


def _records(sources: list[Source]) -> set[str | None]:
    return {s.record for s in sources}


def _always(c: Concept, sides: set[str]) -> bool:
    return True


def _made(t: Term) -> str:
    """The origin of a form OpenCC made (``opencc:s2t``; what the lock reads), else empty."""
    return t.origin if (t.origin or "").startswith("opencc:") else ""


FIELDS: tuple[Field, ...] = (
    Field("concept id", _always, lambda a, b, s: a.id == b.id),
    Field("kind", _always, lambda a, b, s: a.kind == b.kind),
    Field("concept status", _always, lambda a, b, s: a.status == b.status),
    Field("confidence", lambda c, s: c.confidence is not None,
          lambda a, b, s: a.confidence == b.confidence),
    Field("domains", lambda c, s: bool(c.domains), lambda a, b, s: a.domains == b.domains),
    Field("notes", lambda c, s: bool(c.notes), lambda a, b, s: set(a.notes) <= set(b.notes)),
    Field("evidence and other props", lambda c, s: bool(c.props),
          lambda a, b, s: a.props == b.props),
    Field("concept sources: file and line", lambda c, s: bool(c.sources),
          lambda a, b, s: _places(a.sources) <= _places(b.sources)),
    Field("concept sources: record id", lambda c, s: bool(c.sources),
          lambda a, b, s: _records(a.sources) <= _records(b.sources)),
    Field("terms: every form", _always,
          lambda a, b, s: set(_terms(a, s)) == set(_terms(b, s))),
    Field("term status", _always, _term_field(lambda t: t.status)),
    Field("term origin", _any_term(lambda t: t.origin is not None),
          _term_field(lambda t: t.origin)),
    Field("term origin: made by OpenCC", _any_term(lambda t: bool(_made(t))), _term_field(_made)),
    Field("pinyin", _any_term(lambda t: t.pinyin is not None), _term_field(lambda t: t.pinyin)),
    Field("support", _any_term(lambda t: t.support != 1), _term_field(lambda t: t.support)),
    Field("term sources", _any_term(lambda t: bool(t.sources)),
          _term_field(lambda t: set(t.sources))),
)


@dataclass(slots=True)
class Loss:
    """What one format kept of one glossary: per field, of how many concepts holding a value
    of it, how many kept it."""

    concepts: int  # concepts in the original
    returned: int  # concepts read back
    kept: dict[str, tuple[int, int]]  # field -> (kept, concepts holding a value)


def measure(glossary: Glossary, fmt: str, options: dict[str, object]) -> Loss:
    """Compare every concept of ``glossary`` with the concept it comes back as from ``fmt``
    (found by its Traditional and first English form; a concept not found keeps nothing)."""
    back = round_trip(glossary, fmt, options)
    # The languages a format holds: PO and OmegaT one Chinese locale.
    sides = {"zh-hant", "en"} if fmt in ("po", "omegat") else {"zh-hant", "zh-hans", "en"}
    by_pair: dict[tuple[str | None, str | None], list[Concept]] = {}
    for c in back.concepts:
        for t in c.terms:
            if _side(t.lang) == "en":
                by_pair.setdefault((_zh(c), t.text), []).append(c)
    kept = {f.name: (0, 0) for f in FIELDS}
    for a in glossary.concepts:
        copies = by_pair.get((_zh(a), _en(a)), [])
        copy = next((c for c in copies if c.id == a.id), copies[0] if copies else None)
        for f in FIELDS:
            if f.applies(a, sides):
                n, total = kept[f.name]
                kept[f.name] = (n + (copy is not None and f.same(a, copy, sides)), total + 1)
    return Loss(len(glossary.concepts), len(back.concepts), kept)


def kept_table(glossary: Glossary, exports: Sequence[tuple[str, str, dict[str, object]]] = EXPORTS
               ) -> str:
    """The Markdown table of what each format keeps of ``glossary``: ✓ kept by every concept
    that holds the field, – by none, else how many of them. (A PO or OmegaT file holds one
    Chinese locale: a field of the other script's terms is not counted for it, so its ✓ may
    stand for fewer concepts than the number in brackets.)"""
    losses = [(name, measure(glossary, fmt, opts)) for name, fmt, opts in exports]
    rows = ["| field (concepts holding it) | " + " | ".join(name for name, _ in losses) + " |",
            "|---|" + "---|" * len(losses)]
    rows.append(f"| concepts read back ({len(glossary.concepts)}) | "
                + " | ".join(str(loss.returned) for _, loss in losses) + " |")
    for f in FIELDS:
        total = losses[0][1].kept[f.name][1]
        cells = []
        for _, loss in losses:
            n, own = loss.kept[f.name]
            cells.append("–" if n == 0 else "✓" if n == own else f"{n}")
        rows.append(f"| {f.name} ({total}) | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
