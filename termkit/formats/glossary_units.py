"""Helpers shared by the XML exchange formats (TMX, TBX, XLIFF).

This module owns the small, format-independent decisions those formats share:

* which characters XML 1.0 can hold (:func:`check_xml_text`): termkit *rejects* text with
  C0 control characters (other than tab, newline, carriage return), lone surrogates or
  U+FFFE/U+FFFF with a :class:`~termkit.errors.FormatError` naming the concept, instead of
  silently dropping them, so a written file is always a lossless copy of the glossary;
* how a :class:`~termkit.model.Source` is written as text and read back
  (``path[:line][ record=ID]``, the ``str()`` form, readable in CAT tools; a JSON object when
  that form would read back differently, e.g. a path ending in ``:12``);
* how language tags are chosen for output (``lang_style="short"`` gives ``zh-TW``/``zh-CN``,
  ``"bcp47"`` gives ``zh-Hant-TW``/``zh-Hans-CN``);
* how translation units become concepts (:func:`unit_to_concept`), used by the XLIFF reader.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from termkit import jsonsafe
from termkit import lang as langtags
from termkit.errors import FormatError, UsageError
from termkit.model import Concept, Kind, Source, Term, Unit, concept_id

# XML 1.0 Char production minus what we accept: tab, LF, CR and everything from U+0020 up,
# except surrogates and the two non-characters U+FFFE/U+FFFF.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

LANG_STYLES = ("short", "bcp47")


def bad_xml_char(text: str) -> str | None:
    """The first character of ``text`` that XML 1.0 cannot hold, or None."""
    m = _BAD_XML.search(text)
    return m.group() if m else None


def check_xml_text(text: str, where: str) -> str:
    """Return ``text`` unchanged, or raise :class:`FormatError` if XML 1.0 cannot hold it."""
    ch = bad_xml_char(text)
    if ch is not None:
        raise FormatError(
            f"{where}: character U+{ord(ch):04X} cannot be written to XML 1.0",
            hint="remove control characters from the text before exporting",
        )
    return text


@lru_cache(maxsize=1 << 16)
def source_to_text(source: Source) -> str:
    """``path[:line][ record=ID]`` (readable in CAT tools), or JSON when that form is ambiguous.

    The readable form is used whenever :func:`source_from_text` gives the same source back;
    a path such as ``a.txt:12`` or ``x record=y`` is written as
    ``{"path": …, "line": …, "record": …}`` instead, so the round trip is always lossless.
    Cached: a record's sources repeat in each of its concepts and terms, in every export.
    """
    text = str(source)
    if not text.startswith(_JSON_START) and _parse_readable(text) == source:
        return text
    return json.dumps({"path": source.path, "line": source.line, "record": source.record},
                      ensure_ascii=False, sort_keys=True)


_SOURCE_RE = re.compile(r"^(?P<path>.*?)(?::(?P<line>[0-9]{1,18}))?(?: record=(?P<record>.*))?$", re.S)
_JSON_START = '{"line"'


def _parse_readable(text: str) -> Source:
    m = _SOURCE_RE.match(text)
    assert m is not None  # the pattern matches any string
    line = m.group("line")
    return Source(m.group("path"), int(line) if line else None, m.group("record"))


def source_from_text(text: str) -> Source:
    """Parse :func:`source_to_text` output back into a :class:`Source`."""
    if text.startswith(_JSON_START):
        try:
            data = jsonsafe.loads(text, "<source>")
            line = data.get("line")
            if line is not None and not isinstance(line, int):
                raise TypeError("line")
            return Source(str(data["path"]), line, data.get("record"))
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    return _parse_readable(text)


def output_tag(tag: str, style: str = "short") -> str:
    """The language tag to write for ``tag``: ``zh-TW`` (short) or ``zh-Hant-TW`` (bcp47)."""
    if style not in LANG_STYLES:
        raise UsageError(f"unknown lang_style {style!r}", hint="use 'short' or 'bcp47'")
    t = langtags.parse(tag)
    if not t.is_chinese:
        return str(t)
    if style == "short":
        return langtags.to_short(tag)
    region = t.region or {"Hant": "TW", "Hans": "CN"}.get(t.script or "")
    return str(langtags.Tag("zh", t.script, region))


_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def xml_id(value: str) -> str:
    """``value`` if it is usable as an XML ID (NCName), else a stable id derived from it."""
    if _NCNAME.match(value) and value.isascii():
        return value
    return concept_id("id", value)


def unit_to_concept(unit: Unit, path: str, origin: str) -> Concept:
    """A glossary concept from a translation unit: one term per non-empty language side."""
    terms: list[Term] = []
    for v in unit.variants:
        if not v.text.strip():
            continue
        src = [unit.location] if unit.location is not None else []
        terms.append(Term(text=v.text, lang=v.lang, origin=origin, sources=list(src)))
    key = "\x1e".join(f"{t.lang}\x1f{t.text}" for t in terms)
    cid = unit.id or concept_id(Kind.TERM, key)
    sources = [unit.location] if unit.location is not None else [Source(path)]
    return Concept(
        id=cid,
        kind=Kind.TERM,
        terms=terms,
        sources=sources,
        notes=list(unit.notes),
        props=dict(unit.props),
    )
