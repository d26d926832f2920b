"""Writing the glossary JSON (``glossary.json``; the schema is in :mod:`.json_glossary`).

:func:`to_dict` is the structure; :func:`write_glossary` writes exactly
``json.dumps(to_dict(glossary), ensure_ascii=False, indent=1)`` plus a newline, but builds the
text from the model directly (:func:`dumps`): the standard encoder runs in pure Python when it
indents, and was most of a build's export time on this one file.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from termkit.model import Concept, Conflict, Glossary, Kind, Source, Status, Term

FORMAT_NAME = "termkit-glossary"
VERSION = 1


def _source(s: Source) -> dict[str, Any]:
    return {"path": s.path, "line": s.line, "record": s.record}


def to_dict(glossary: Glossary) -> dict[str, Any]:
    """The JSON-ready structure of a glossary."""
    return {
        "format": FORMAT_NAME,
        "version": VERSION,
        "header": dict(sorted(glossary.header.items())),
        "concepts": [
            {
                "id": c.id,
                "kind": c.kind.value,
                "status": c.status.value,
                "confidence": c.confidence,
                "domains": list(c.domains),
                "sources": [_source(s) for s in c.sources],
                "notes": list(c.notes),
                "props": dict(sorted(c.props.items())),
                "terms": [
                    {
                        "text": t.text,
                        "lang": t.lang,
                        "status": t.status.value,
                        "origin": t.origin,
                        "pinyin": t.pinyin,
                        "support": t.support,
                        "sources": [_source(s) for s in t.sources],
                        "part_of_speech": t.part_of_speech,
                        "term_type": t.term_type,
                        "note": t.note,
                        "zhuyin": t.zhuyin,
                    }
                    for t in c.terms
                ],
            }
            for c in glossary.concepts
        ],
        "conflicts": [
            {"zh": k.zh, "renderings": [{"en": en, "sources": [_source(s) for s in srcs]} for en, srcs in k.renderings]}
            for k in glossary.conflicts
        ],
    }


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: Any) -> None:
    """Write the glossary as indented UTF-8 JSON with a final newline (see the module)."""
    # Encoded piece by piece: one text of the whole glossary would be copied and widened
    # (CJK, then any character beyond the BMP) more than once on its way to bytes.
    stream.write(b"".join([text.encode("utf-8") for text in chunks(glossary)]) + b"\n")


# --------------------------------------------------------------------------- fast writing

_STR = json.encoder.encode_basestring  # the C encoder json.dumps uses with ensure_ascii=False
# Newline and indentation for each depth (json's indent=1: one space per level).
_IND = ["\n" + " " * d for d in range(16)]


class _Unusual(Exception):
    """A value of a type the model does not declare: the standard encoder decides."""


def _scalar(value: object) -> str:
    """JSON for a value the model declares (string, number, None), as json.dumps writes it."""
    if isinstance(value, str):
        return _STR(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    raise _Unusual


def _object(items: list[str], depth: int) -> str:
    """``{…}`` of already encoded ``"key": value`` items, at ``depth``."""
    if not items:
        return "{}"
    inner = _IND[depth + 1]
    return "{" + inner + ("," + inner).join(items) + _IND[depth] + "}"


def _array(items: list[str], depth: int) -> str:
    if not items:
        return "[]"
    inner = _IND[depth + 1]
    return "[" + inner + (("," + inner).join(items)) + _IND[depth] + "]"


def _strings(values: list[str], depth: int) -> str:
    return _array([_scalar(v) for v in values], depth)


def _mapping(values: dict[str, str], depth: int) -> str:
    items = []
    for k, v in sorted(values.items()):
        if not isinstance(k, str):
            raise _Unusual
        items.append(f"{_STR(k)}: {_scalar(v)}")
    return _object(items, depth)


class _Sources:
    """Encoded sources, cached per depth: a source repeats in its concept and every term.

    Keyed by identity (a record's concepts share its Source objects, and the glossary keeps
    them alive while it is written): hashing a dataclass runs Python code for every lookup.
    """

    __slots__ = ("cache",)

    def __init__(self) -> None:
        self.cache: dict[tuple[int, int], str] = {}

    def one(self, s: Source, depth: int) -> str:
        key = (id(s), depth)
        found = self.cache.get(key)
        if found is None:
            inner = _IND[depth + 1]
            found = self.cache[key] = (
                "{" + inner + '"path": ' + _scalar(s.path) + "," + inner + '"line": '
                + _scalar(s.line) + "," + inner + '"record": ' + _scalar(s.record) + _IND[depth] + "}"
            )
        return found

    def many(self, sources: list[Source], depth: int) -> str:
        if len(sources) == 1:  # most terms and concepts: one source, its array cached too
            key = (id(sources[0]), -depth)
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = _array([self.one(sources[0], depth + 1)], depth)
            return found
        return _array([self.one(s, depth + 1) for s in sources], depth)


def _template(keys: tuple[str, ...], depth: int) -> str:
    """A %-template of an object with ``keys`` at ``depth``, one ``%s`` per value."""
    inner = _IND[depth + 1]
    return "{" + ",".join(f"{inner}{_STR(k)}: %s" for k in keys) + _IND[depth] + "}"


# A term sits at depth 4 (document, concepts, concept, terms); a concept at depth 2.
_TERM = _template(
    ("text", "lang", "status", "origin", "pinyin", "support", "sources", "part_of_speech",
     "term_type", "note", "zhuyin"),
    4,
)
_CONCEPT = _template(
    ("id", "kind", "status", "confidence", "domains", "sources", "notes", "props", "terms"), 2
)


# Enum values as JSON, looked up: an enum member's .value is a Python-level descriptor call.
_ENUM_JSON: dict[object, str] = {m: _STR(m.value) for e in (Status, Kind) for m in e}


# A term whose part of speech, type, note and zhuyin are null and whose other values are
# strings and an int (most terms) is written from a template made for its language, status,
# origin and support: only its text, pinyin and sources are encoded for it.
_Shapes = dict[tuple[str, object, str | None, int], str]


def _shape(lang: str, status: object, origin: str | None, support: int) -> str:
    """The %-template of such a term, with slots for text, pinyin and sources."""
    def fixed(text: str) -> str:
        return text.replace("%", "%%")

    return _TERM % (
        "%s", fixed(_STR(lang)), fixed(_ENUM_JSON.get(status) or _scalar(status.value)),  # type: ignore[attr-defined]
        "null" if origin is None else fixed(_STR(origin)), "%s", int.__repr__(support),
        "%s", "null", "null", "null", "null",
    )


def _term(t: Term, sources: _Sources, one_source: dict[int, str], shapes: _Shapes) -> str:
    text, lang, origin, pinyin, support = t.text, t.lang, t.origin, t.pinyin, t.support
    srcs = t.sources
    # Most terms have one source, whose array at this depth is kept by the source's identity.
    encoded = one_source.get(id(srcs[0])) if len(srcs) == 1 else None
    if encoded is None:
        encoded = sources.many(srcs, 5)
        if len(srcs) == 1:
            one_source[id(srcs[0])] = encoded
    if (t.part_of_speech is None and t.term_type is None and t.note is None and t.zhuyin is None
            and text.__class__ is str and lang.__class__ is str and support.__class__ is int
            and (origin is None or origin.__class__ is str)
            and (pinyin is None or pinyin.__class__ is str)):
        key = (lang, t.status, origin, support)
        template = shapes.get(key)
        if template is None:
            template = shapes[key] = _shape(lang, t.status, origin, support)
        return template % (_STR(text), "null" if pinyin is None else _STR(pinyin), encoded)
    pos, ttype, note, zhuyin = t.part_of_speech, t.term_type, t.note, t.zhuyin
    # Strings and None inline (most values): _scalar for the rest, as it writes them.
    return _TERM % (
        _STR(text) if text.__class__ is str else _scalar(text),
        _STR(lang) if lang.__class__ is str else _scalar(lang),
        _ENUM_JSON.get(t.status) or _scalar(t.status.value),
        _STR(origin) if origin.__class__ is str else "null" if origin is None else _scalar(origin),
        _STR(pinyin) if pinyin.__class__ is str else "null" if pinyin is None else _scalar(pinyin),
        int.__repr__(support) if support.__class__ is int else _scalar(support),
        encoded,
        "null" if pos is None else _scalar(pos),
        "null" if ttype is None else _scalar(ttype),
        "null" if note is None else _scalar(note),
        "null" if zhuyin is None else _scalar(zhuyin),
    )


def _concept(c: Concept, sources: _Sources, one_source: dict[int, str],
             props: dict[tuple[str, str], str], shapes: _Shapes) -> str:
    cid, domains, notes, items = c.id, c.domains, c.notes, c.props
    mapping: str | None = "{}" if not items else None
    if len(items) == 1:  # most concepts: one property, its object kept by key and value
        ((key, value),) = items.items()
        if value.__class__ is str:
            mapping = props.get((key, value))
            if mapping is None:
                mapping = props[key, value] = _mapping(items, 3)
    if mapping is None:
        mapping = _mapping(items, 3)
    return _CONCEPT % (
        _STR(cid) if cid.__class__ is str else _scalar(cid),
        _ENUM_JSON.get(c.kind) or _scalar(c.kind.value),
        _ENUM_JSON.get(c.status) or _scalar(c.status.value),
        _scalar(c.confidence),
        _strings(domains, 3) if domains else "[]",
        sources.many(c.sources, 3),
        _strings(notes, 3) if notes else "[]",
        mapping,
        _array([_term(t, sources, one_source, shapes) for t in c.terms], 3),
    )


def _conflict(k: Conflict, sources: _Sources) -> str:
    renderings = [
        _object(['"en": ' + _scalar(en), '"sources": ' + sources.many(srcs, 5)], 4)
        for en, srcs in k.renderings
    ]
    return _object(['"zh": ' + _scalar(k.zh), '"renderings": ' + _array(renderings, 3)], 2)


def chunks(glossary: Glossary) -> list[str]:
    """The text of :func:`dumps` in pieces (joined, they are that text).

    Built from the model directly; a value of a type the model does not declare (a number
    among the domains of a hand-edited JSON file …) leaves the work to :func:`json.dumps`.
    """
    i1, i2 = _IND[1], _IND[2]
    try:
        sources = _Sources()
        head = (
            "{" + i1 + f'"format": {_STR(FORMAT_NAME)},' + i1 + f'"version": {VERSION},' + i1
            + '"header": ' + _mapping(glossary.header, 1) + "," + i1 + '"concepts": '
        )
        one_source: dict[int, str] = {}
        props: dict[tuple[str, str], str] = {}
        shapes: _Shapes = {}
        concepts = [_concept(c, sources, one_source, props, shapes) for c in glossary.concepts]
        conflicts = _array([_conflict(k, sources) for k in glossary.conflicts], 1)
    except (_Unusual, AttributeError, TypeError):
        return [json.dumps(to_dict(glossary), ensure_ascii=False, indent=1)]
    tail = "," + i1 + '"conflicts": ' + conflicts + _IND[0] + "}"
    if not concepts:
        return [head + "[]" + tail]
    # The concepts one by one, so that the caller can encode them piece by piece.
    out = [head + "[" + i2]
    sep = "," + i2
    out.extend(text if i == 0 else sep + text for i, text in enumerate(concepts))
    out.append(i1 + "]" + tail)
    return out


def dumps(glossary: Glossary) -> str:
    """The glossary as ``json.dumps(to_dict(glossary), ensure_ascii=False, indent=1)`` gives it."""
    return "".join(chunks(glossary))
