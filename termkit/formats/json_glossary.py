"""The glossary as JSON (``glossary.json``): every field of the model, for scripts.

Schema (version 1)::

    {"format": "termkit-glossary", "version": 1, "header": {...},
     "concepts": [{"id", "kind", "status", "confidence", "domains", "sources", "notes",
                   "props", "terms": [{"text", "lang", "status", "origin", "pinyin",
                                       "support", "sources", "part_of_speech",
                                       "term_type", "note", "zhuyin"}]}],
     "conflicts": [{"zh", "renderings": [{"en", "sources"}]}]}

A source is ``{"path", "line", "record"}``. Keys keep this order; output is deterministic.
Writing is :mod:`termkit.formats.json_write`; this module reads.
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from termkit import jsonsafe
from termkit.errors import FormatError
from termkit.formats.json_write import FORMAT_NAME
from termkit.formats.json_write import to_dict as to_dict  # the structure, for scripts
from termkit.formats.json_write import write_glossary as write_glossary  # the registry's entry
from termkit.model import Concept, Conflict, Glossary, Kind, Source, Status, Term


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
