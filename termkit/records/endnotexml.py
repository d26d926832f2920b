"""EndNote XML exports (``File > Export`` as XML: ``<xml><records><record>…``), as EndNote,
Zotero and library systems write them.

Each ``<record>`` is a record; its fields are read as the EndNote/Refer tags they match
(:mod:`termkit.records.endnote`), the text of a field being all the text inside it (EndNote
wraps every value in ``<style>`` elements):

=====================================  ====================================================
``ref-type`` (its ``name``)            reference type (%0, section ``type``)
``titles/title``                       title (%T, Chinese or English by script)
``titles/translated-title``            translated title (%Q)
``titles/secondary-title``             journal (%J) unless ``periodical/full-title`` names it;
                                       else the secondary title (%B)
``contributors/authors/author``        an author each (%A)
``contributors/translated-authors``    translated authors (%H)
``…/secondary-authors``,               a thesis's advisor (%Y, as CNKI's Refer export writes
``…/tertiary-authors``                 the 导师; an ``<author>`` each, or the whole value)
``keywords/keyword``                   a keyword each (%K; one holding several lines or
                                       ``;``-separated items is split as %K is)
``abstract``                           abstract (%X)
``dates/year``, ``dates/pub-dates``    year, date (%D, %8)
``volume``, ``number``, ``pages``      %V, %N, %P
=====================================  ====================================================

Any other field with text (``electronic-resource-num``, ``isbn``, ``language``, ``urls`` …) is
kept as a section under its element name. Read as page text before, such a file gave no record
(a "no keyword line" warning). The XML is parsed safely (:mod:`termkit.xmlsafe`); malformed XML
is a :class:`~termkit.errors.FormatError` at its line.
"""

from __future__ import annotations

import io
import re
from typing import Any

from termkit import xmlsafe
from termkit.errors import InputError
from termkit.model import Record
from termkit.records.endnote import records_from_fields

__all__ = ["is_endnote_xml", "parse_endnote_xml"]

# The top of an EndNote XML export: an optional declaration, comments and a document type
# declaration (its internal subset is the parser's to refuse), then <xml><records>.
_TOP = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
                  r"(?:<!DOCTYPE\s+xml\b[^\[>]*(?:\[.*?\]\s*)?>\s*)?(?:<!--.*?-->\s*)*"
                  r"<xml>\s*<records>", re.DOTALL)
_DECLARATION = re.compile(r"\A(\s*)<\?xml[^>]*\?>")
# Fields read as Refer tags: (path under <record>, tag).
_FIELDS = (
    ("titles/title", "T"),
    ("titles/translated-title", "Q"),
    ("contributors/authors/author", "A"),
    ("contributors/translated-authors/author", "H"),
    ("contributors/secondary-authors/author", "Y"),
    ("contributors/tertiary-authors/author", "Y"),
    ("keywords/keyword", "K"),
    ("abstract", "X"),
    ("dates/year", "D"),
    ("dates/pub-dates/date", "8"),
    ("volume", "V"),
    ("number", "N"),
    ("pages", "P"),
)
# Children of <record> read above (or structural), not kept as sections.
_READ = frozenset({"ref-type", "titles", "contributors", "keywords", "abstract", "dates",
                   "volume", "number", "pages", "periodical", "alt-periodical", "database",
                   "source-app", "rec-number", "foreign-keys"})
_SPLIT = re.compile(r"[\r\n]+")


def is_endnote_xml(text: str) -> bool:
    """Whether ``text`` opens as an EndNote XML export (``<xml><records>`` at its top)."""
    return _TOP.match(text[:4096]) is not None


def _text(elem: Any) -> str:
    return " ".join("".join(elem.itertext()).split())


def parse_endnote_xml(text: str, path: str, stem: str) -> list[Record]:
    """Read every ``<record>`` of an EndNote XML export."""
    # the text is decoded already: its declaration (which may name the file's encoding) goes,
    # on its own line, so every line keeps its number
    body = _DECLARATION.sub(lambda m: m.group(1), text, count=1)
    root = xmlsafe.parse(io.BytesIO(body.encode("utf-8")), path).getroot()
    records: list[list[tuple[str, list[str], int]]] = []
    for rec in root.iter("record"):
        fields: list[tuple[str, list[str], int]] = []
        ref_type = rec.find("ref-type")
        if ref_type is not None:
            fields.append(("0", [ref_type.get("name") or _text(ref_type)], ref_type.sourceline))
        for where, tag in _FIELDS:
            for elem in rec.findall(where):
                value = "".join(elem.itertext())
                parts = [p.strip() for p in _SPLIT.split(value)] if tag == "K" else [_text(elem)]
                fields.extend((tag, [p], elem.sourceline) for p in parts if p)
        for where in ("contributors/secondary-authors", "contributors/tertiary-authors"):
            group = rec.find(where)
            if group is not None and group.find("author") is None and _text(group):
                fields.append(("Y", [_text(group)], group.sourceline))  # no <author> inside
        journal = rec.find("periodical/full-title")
        secondary = rec.find("titles/secondary-title")
        if journal is not None and _text(journal):
            fields.append(("J", [_text(journal)], journal.sourceline))
            if secondary is not None and _text(secondary) and _text(secondary) != _text(journal):
                fields.append(("B", [_text(secondary)], secondary.sourceline))
        elif secondary is not None and _text(secondary):
            fields.append(("J", [_text(secondary)], secondary.sourceline))
        for child in rec:
            if not isinstance(child.tag, str) or child.tag in _READ:
                continue
            value = _text(child)
            if value:
                fields.append((child.tag, [value], child.sourceline))
        if fields:
            records.append(sorted(fields, key=lambda f: f[2] or 0))
    if not records:
        raise InputError("no EndNote XML record found (no <record> with a field)", path=path)
    return records_from_fields(records, path, stem)
