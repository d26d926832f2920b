"""The glossary as JSON (``glossary.json``): every field of the model, for scripts.

Schema (version 1)::

    {"format": "termkit-glossary", "version": 1, "header": {...},
     "concepts": [{"id", "kind", "status", "confidence", "domains", "sources", "notes",
                   "props", "terms": [{"text", "lang", "status", "origin", "pinyin",
                                       "support", "sources", "part_of_speech",
                                       "term_type", "note", "zhuyin"}]}],
     "conflicts": [{"zh", "renderings": [{"en", "sources"}]}]}

A source is ``{"path", "line", "record"}``. Keys keep this order; output is deterministic.
"""

from __future__ import annotations

import io
import json
from typing import Any, BinaryIO

from termkit import jsonsafe
from termkit.errors import FormatError
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
    """Write the glossary as indented UTF-8 JSON with a final newline.

    The text is exactly ``json.dumps(to_dict(glossary), ensure_ascii=False, indent=1)``,
    built directly from the model (:func:`dumps`): the standard encoder runs in pure Python
    when it indents, and spends most of a build's export time on this one file.
    """
    # Encoded piece by piece: one text of the whole glossary would be copied and widened
    # (CJK, then any character beyond the BMP) more than once on its way to bytes.
    stream.write(b"".join([text.encode("utf-8") for text in chunks(glossary)]) + b"\n")


class _Bad(Exception):
    """A value of the wrong type: the message names the field."""


def _str(d: dict[str, Any], key: str, default: str | None = None, *, where: str) -> str:
    value = d.get(key, default)
    if not isinstance(value, str):
        raise _Bad(f"{where}: {key!r} must be a string, not {value!r:.60}")
    return value


def _opt_str(d: dict[str, Any], key: str, *, where: str) -> str | None:
    value = d.get(key)
    if value is not None and not isinstance(value, str):
        raise _Bad(f"{where}: {key!r} must be a string or null, not {value!r:.60}")
    return value


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object, not {value!r:.60}")
    return value


def _list(d: dict[str, Any], key: str, *, where: str) -> list[Any]:
    value = d.get(key, [])
    if not isinstance(value, list):
        raise _Bad(f"{where}: {key!r} must be a list, not {value!r:.60}")
    return value


def _strings(d: dict[str, Any], key: str, *, where: str) -> list[str]:
    items = _list(d, key, where=where)
    for item in items:
        if not isinstance(item, str):
            raise _Bad(f"{where}: {key!r} must hold strings, not {item!r:.60}")
    return list(items)


def _int(d: dict[str, Any], key: str, default: int | None, *, where: str) -> int | None:
    value = d.get(key, default)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise _Bad(f"{where}: {key!r} must be a whole number, not {value!r:.60}")
    return value


def _confidence(d: dict[str, Any], *, where: str) -> float | None:
    value = d.get("confidence")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Bad(f"{where}: 'confidence' must be a number, not {value!r:.60}")
    return float(value)


def _enum(cls: Any, d: dict[str, Any], key: str, default: str, *, where: str) -> Any:
    value = _str(d, key, default, where=where)
    try:
        return cls(value)
    except ValueError:
        known = ", ".join(m.value for m in cls)
        raise _Bad(f"{where}: {key!r} must be one of {known}, not {value!r:.60}") from None


def _sources(d: dict[str, Any], *, where: str) -> list[Source]:
    out = []
    for s in _list(d, "sources", where=where):
        s = _obj(s, f"{where}: a source")
        out.append(Source(_str(s, "path", where=f"{where} source"),
                          _int(s, "line", None, where=f"{where} source"),
                          _opt_str(s, "record", where=f"{where} source")))
    return out


def _term(t: Any, where: str) -> Term:
    t = _obj(t, f"{where}: a term")
    return Term(
        text=_str(t, "text", where=where),
        lang=_str(t, "lang", where=where),
        status=_enum(Status, t, "status", "candidate", where=where),
        origin=_opt_str(t, "origin", where=where),
        pinyin=_opt_str(t, "pinyin", where=where),
        support=_int(t, "support", 1, where=where) or 0,
        sources=_sources(t, where=where),
        part_of_speech=_opt_str(t, "part_of_speech", where=where),
        term_type=_opt_str(t, "term_type", where=where),
        note=_opt_str(t, "note", where=where),
        zhuyin=_opt_str(t, "zhuyin", where=where),
    )


def _concept(c: Any, number: int) -> Concept:
    where = f"concept {number}"
    c = _obj(c, where)
    where = f"concept {number} ({_str(c, 'id', where=where)})"
    props = _obj(c.get("props", {}), f"{where}: 'props'")
    for key, value in props.items():
        if not isinstance(value, str):
            raise _Bad(f"{where}: prop {key!r} must be a string, not {value!r:.60}")
    return Concept(
        id=c["id"],
        kind=_enum(Kind, c, "kind", "term", where=where),
        status=_enum(Status, c, "status", "candidate", where=where),
        confidence=_confidence(c, where=where),
        domains=_strings(c, "domains", where=where),
        sources=_sources(c, where=where),
        notes=_strings(c, "notes", where=where),
        props=dict(props),
        terms=[_term(t, f"{where} term {i}") for i, t in enumerate(_list(c, "terms", where=where), 1)],
    )


def _conflict(k: Any, number: int) -> Conflict:
    where = f"conflict {number}"
    k = _obj(k, where)
    renderings = []
    for r in _list(k, "renderings", where=where):
        r = _obj(r, f"{where}: a rendering")
        renderings.append((_str(r, "en", where=where), _sources(r, where=where)))
    return Conflict(_str(k, "zh", where=where), renderings)


def from_dict(data: dict[str, Any], path: str = "<json>") -> Glossary:
    """Inverse of :func:`to_dict`; :class:`FormatError` naming the field of a wrong structure."""
    if data.get("format") != FORMAT_NAME:
        raise FormatError(f"not a termkit glossary JSON (format must be {FORMAT_NAME!r})", path=path, line=1)
    try:
        concepts = [_concept(c, i) for i, c in enumerate(_list(data, "concepts", where="file"), 1)]
        conflicts = [_conflict(k, i) for i, k in enumerate(_list(data, "conflicts", where="file"), 1)]
        header = _obj(data.get("header", {}), "'header'")
        for key, value in header.items():
            if not isinstance(value, str):
                raise _Bad(f"header {key!r} must be a string, not {value!r:.60}")
    except _Bad as exc:
        raise FormatError(f"bad glossary JSON: {exc}", path=path) from None
    return Glossary(concepts=concepts, conflicts=conflicts, header=dict(header))


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a glossary JSON file."""
    raw = stream.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError("not UTF-8", path=path, line=raw[: exc.start].count(b"\n") + 1) from None
    if not text.strip():
        raise FormatError("empty file", path=path)
    data = jsonsafe.loads(text, path)
    if not isinstance(data, dict):
        raise FormatError("a glossary JSON file holds one object", path=path, line=1)
    if "format" not in data and isinstance(data.get("rules"), list):
        # A MediaWiki conversion group saved as plain *.json (as zhconv-rs names them).
        from termkit.formats import mediawiki

        return mediawiki.read_glossary(io.BytesIO(raw), path)
    return from_dict(data, path)


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
    """Encoded sources, cached per depth: a source repeats in its concept and every term."""

    __slots__ = ("cache",)

    def __init__(self) -> None:
        self.cache: dict[tuple[Source, int], str] = {}

    def one(self, s: Source, depth: int) -> str:
        key = (s, depth)
        found = self.cache.get(key)
        if found is None:
            inner = _IND[depth + 1]
            found = self.cache[key] = (
                "{" + inner + '"path": ' + _scalar(s.path) + "," + inner + '"line": '
                + _scalar(s.line) + "," + inner + '"record": ' + _scalar(s.record) + _IND[depth] + "}"
            )
        return found

    def many(self, sources: list[Source], depth: int) -> str:
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


def _term(t: Term, sources: _Sources) -> str:
    return _TERM % (
        _scalar(t.text),
        _scalar(t.lang),
        _scalar(t.status.value),
        _scalar(t.origin),
        _scalar(t.pinyin),
        _scalar(t.support),
        sources.many(t.sources, 5),
        _scalar(t.part_of_speech),
        _scalar(t.term_type),
        _scalar(t.note),
        _scalar(t.zhuyin),
    )


def _concept(c: Concept, sources: _Sources) -> str:
    return _CONCEPT % (
        _scalar(c.id),
        _scalar(c.kind.value),
        _scalar(c.status.value),
        _scalar(c.confidence),
        _strings(c.domains, 3),
        sources.many(c.sources, 3),
        _strings(c.notes, 3),
        _mapping(c.props, 3),
        _array([_term(t, sources) for t in c.terms], 3),
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
        concepts = [_concept(c, sources) for c in glossary.concepts]
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
