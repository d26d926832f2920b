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
    """Write the glossary as indented UTF-8 JSON with a final newline."""
    text = json.dumps(to_dict(glossary), ensure_ascii=False, indent=1)
    stream.write((text + "\n").encode("utf-8"))


def _src(d: dict[str, Any]) -> Source:
    return Source(str(d["path"]), d.get("line"), d.get("record"))


def from_dict(data: dict[str, Any], path: str = "<json>") -> Glossary:
    """Inverse of :func:`to_dict`; :class:`FormatError` on a wrong structure."""
    if data.get("format") != FORMAT_NAME:
        raise FormatError(f"not a termkit glossary JSON (format must be {FORMAT_NAME!r})", path=path, line=1)
    try:
        concepts = [
            Concept(
                id=c["id"],
                kind=Kind(c.get("kind", "term")),
                status=Status(c.get("status", "candidate")),
                confidence=c.get("confidence"),
                domains=list(c.get("domains", [])),
                sources=[_src(s) for s in c.get("sources", [])],
                notes=list(c.get("notes", [])),
                props=dict(c.get("props", {})),
                terms=[
                    Term(
                        text=t["text"],
                        lang=t["lang"],
                        status=Status(t.get("status", "candidate")),
                        origin=t.get("origin"),
                        pinyin=t.get("pinyin"),
                        support=int(t.get("support", 1)),
                        sources=[_src(s) for s in t.get("sources", [])],
                        part_of_speech=t.get("part_of_speech"),
                        term_type=t.get("term_type"),
                        note=t.get("note"),
                        zhuyin=t.get("zhuyin"),
                    )
                    for t in c.get("terms", [])
                ],
            )
            for c in data.get("concepts", [])
        ]
        conflicts = [
            Conflict(k["zh"], [(r["en"], [_src(s) for s in r.get("sources", [])]) for r in k["renderings"]])
            for k in data.get("conflicts", [])
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise FormatError(f"bad glossary JSON structure: {exc}", path=path) from None
    return Glossary(concepts=concepts, conflicts=conflicts, header=dict(data.get("header", {})))


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a glossary JSON file."""
    raw = stream.read()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FormatError("not UTF-8", path=path, line=raw[: exc.start].count(b"\n") + 1) from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict):
        raise FormatError("a glossary JSON file holds one object", path=path, line=1)
    if "format" not in data and isinstance(data.get("rules"), list):
        # A MediaWiki conversion group saved as plain *.json (as zhconv-rs names them).
        from termkit.formats import mediawiki

        return mediawiki.read_glossary(io.BytesIO(raw), path)
    return from_dict(data, path)
