"""TBX reading: TBX v3 (``tbx``, DCA or DCT style) and TBX v2 (``martif``) into a glossary.

Entries (``conceptEntry``/``termEntry``) become concepts; language sections
(``langSec``/``langSet``) and term sections (``termSec``/``tig``/``ntig``+``termGrp``) become
terms. Known data categories map onto fields (subjectField → domains, source → sources,
partOfSpeech, termType, administrativeStatus or TBX-Min usageStatus → status, ``pinyin: `` notes →
pinyin, see :mod:`termkit.formats.tbx_write`; in a file termkit wrote, the notes that carry a
concept's kind, status, confidence and props and a term's origin and support go back into those
fields); every other ``descrip``/``admin``/``termNote``
is kept in ``Concept.props`` under its type (``LANG:type`` for language- or term-level ones,
repeated values joined by a newline). Files are parsed whole (TBX glossaries are small) through
:mod:`termkit.xmlsafe`; files that are well-formed but not DTD-valid (Heartsome) are read as
far as they make sense.
"""

from __future__ import annotations

import math
from typing import Any, BinaryIO

from termkit import jsonsafe, xmlsafe
from termkit import lang as langtags
from termkit.errors import FormatError
from termkit.formats.glossary_units import source_from_text
from termkit.formats.tbx_write import (
    GENERATOR_TYPE,
    GENERATOR_V2,
    NOTE_CONFIDENCE,
    NOTE_ESCAPE,
    NOTE_KIND,
    NOTE_ORIGIN,
    NOTE_PROP,
    NOTE_PROP_JSON,
    NOTE_STATUS,
    NOTE_SUPPORT,
    PINYIN_PREFIX,
    ZHUYIN_PREFIX,
)
from termkit.model import Concept, Glossary, Kind, Source, Status, Term, concept_id

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

STATUS_FROM_TBX = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.DEPRECATED,
    # TBX-Min usageStatus and the bare spellings some tools write
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "superseded": Status.DEPRECATED,
}
_STATUS_TYPES = {"administrativeStatus", "usageStatus"}
# Element names that carry a data category in their "type" attribute (DCA style).
_TYPED = {"descrip", "admin", "termNote", "ref", "xref", "transac"}
_GROUPS = {"descripGrp", "adminGrp", "termNoteGrp", "transacGrp"}


def _local(elem: Any) -> str:
    tag = elem.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _text(elem: Any) -> str:
    return "".join(elem.itertext())


def _category(elem: Any) -> tuple[str, str] | None:
    """``(type, value)`` for a data-category element (DCA ``<descrip type=…>`` or DCT ``<basic:x>``)."""
    name = _local(elem)
    if name in _TYPED:
        return elem.get("type", name), _text(elem)
    tag = elem.tag
    if isinstance(tag, str) and tag.startswith("{") and not tag.startswith("{urn:iso:std:iso:30042"):
        return name, _text(elem)  # DCT style: the element name is the data category
    return None


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.header: dict[str, str] = {}
        self.own = False

    def entry(self, elem: Any, doc_lang: str | None) -> Concept:
        concept = Concept(id=elem.get("id") or "", kind=Kind.TERM)
        extra: list[tuple[str, str]] = []
        self._aux(elem, concept, None, extra, "")
        for sec in elem:
            if _local(sec) in ("langSec", "langSet"):
                tag = sec.get(XML_LANG) or sec.get("lang") or doc_lang or "und"
                lang = langtags.normalize(tag)
                self._aux(sec, concept, None, extra, f"{lang}:")
                for ts in sec:
                    name = _local(ts)
                    if name in ("termSec", "tig", "ntig"):
                        term = self.term(ts, lang, extra)
                        if term is not None:
                            concept.terms.append(term)
        if not self.own:
            for t in concept.terms:
                t.origin = t.origin or "import:tbx"
            # provenance of the import, after any sources the file itself names
            concept.sources.append(Source(self.path, elem.sourceline))
        if not concept.id:
            key = "\x1e".join(f"{t.lang}\x1f{t.text}" for t in concept.terms)
            concept.id = concept_id(Kind.TERM, key)
        props: dict[str, str] = {}
        for k, v in extra:
            props[k] = f"{props[k]}\n{v}" if k in props else v
        concept.props = props
        return concept

    def _aux(self, elem: Any, concept: Concept, term: Term | None,
             extra: list[tuple[str, str]], prefix: str) -> None:
        """Handle the auxiliary children (descrip, admin, note, groups) of an entry or section."""
        for child in elem:
            name = _local(child)
            if name in _GROUPS:
                self._aux(child, concept, term, extra, prefix)
                continue
            if name == "note":
                text = _text(child)
                if self.own:
                    if term is None and not prefix and self._concept_field(text, concept, extra):
                        continue
                    if term is not None and self._term_field(text, term):
                        continue
                    if text.startswith(NOTE_ESCAPE):  # a real note that looked like a field
                        text = text[len(NOTE_ESCAPE):]
                        if term is not None:
                            term.note = text if term.note is None else f"{term.note}\n{text}"
                        elif not prefix:
                            concept.notes.append(text)
                        else:
                            extra.append((f"{prefix}note", text))
                        continue
                if term is not None:
                    if text.startswith(PINYIN_PREFIX) and term.pinyin is None:
                        term.pinyin = text[len(PINYIN_PREFIX):]
                    elif text.startswith(ZHUYIN_PREFIX) and term.zhuyin is None:
                        term.zhuyin = text[len(ZHUYIN_PREFIX):]
                    else:
                        term.note = text if term.note is None else f"{term.note}\n{text}"
                elif not prefix:
                    concept.notes.append(text)
                else:
                    extra.append((f"{prefix}note", text))
                continue
            cat = _category(child)
            if cat is None:
                continue
            kind, value = cat
            if kind == "subjectField" and term is None and not prefix:
                concept.domains.append(value)
            elif kind == "source":
                (term.sources if term is not None else concept.sources).append(
                    source_from_text(value))
            elif term is not None and kind == "partOfSpeech":
                term.part_of_speech = value
            elif term is not None and kind == "termType":
                term.term_type = value
            elif term is not None and kind in _STATUS_TYPES:
                status = STATUS_FROM_TBX.get(value.strip().lower())
                if status is not None:
                    term.status = status
                else:
                    extra.append((f"{prefix}{kind}", value))
            else:
                extra.append((f"{prefix}{kind}", value))

    @staticmethod
    def _concept_field(text: str, concept: Concept, extra: list[tuple[str, str]]) -> bool:
        """Read a concept field termkit wrote as a note (tbx_write); False: a plain note."""
        try:
            if text.startswith(NOTE_KIND):
                concept.kind = Kind(text[len(NOTE_KIND):])
            elif text.startswith(NOTE_STATUS):
                concept.status = Status(text[len(NOTE_STATUS):])
            elif text.startswith(NOTE_CONFIDENCE):
                number = float(text[len(NOTE_CONFIDENCE):])
                if not math.isfinite(number):
                    return False
                concept.confidence = number
            elif text.startswith(NOTE_PROP_JSON):
                data = jsonsafe.loads(text[len(NOTE_PROP_JSON):], "<prop>")
                if not isinstance(data, dict) or len(data) != 1:
                    return False
                ((key, value),) = data.items()
                if not isinstance(value, str):
                    return False
                extra.append((str(key), value))
            elif text.startswith(NOTE_PROP) and ": " in text:
                key, _, value = text[len(NOTE_PROP):].partition(": ")
                extra.append((key, value))
            else:
                return False
        except ValueError:
            return False
        return True

    @staticmethod
    def _term_field(text: str, term: Term) -> bool:
        """Read a term field termkit wrote as a note (tbx_write); False: a plain note."""
        if text.startswith(NOTE_ORIGIN) and term.origin is None:
            term.origin = text[len(NOTE_ORIGIN):]
            return True
        if text.startswith(NOTE_SUPPORT):
            value = text[len(NOTE_SUPPORT):]
            if value.isascii() and value.isdigit():
                term.support = int(value)
                return True
        return False

    def term(self, sec: Any, lang: str, extra: list[tuple[str, str]]) -> Term | None:
        term_el = None
        holders = [sec]
        for child in sec:
            if _local(child) == "termGrp":  # v2 ntig: term and termNotes sit in a termGrp
                holders.insert(0, child)
        for holder in holders:
            for child in holder:
                if _local(child) == "term":
                    term_el = child
                    break
            if term_el is not None:
                break
        if term_el is None:
            return None
        term = Term(text=_text(term_el), lang=lang)
        for holder in holders:
            self._aux(holder, Concept(id=""), term, extra, f"{lang}:")
        return term

    def read_header(self, root: Any) -> None:
        for el in root.iter():
            if _local(el) == "sourceDesc":
                for p in el:
                    if _local(p) != "p":
                        continue
                    kind = p.get("type")
                    text = _text(p)
                    if kind == GENERATOR_TYPE:
                        self.own = True
                    elif kind:
                        self.header[kind] = text
                    elif text.startswith(GENERATOR_V2):
                        self.own = True
                    elif self.own and ": " in text:
                        key, _, value = text.partition(": ")
                        self.header[key] = value
                    else:
                        old = self.header.get("description")
                        self.header["description"] = text if old is None else f"{old}\n{text}"
                break


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a TBX v3 or v2 file as a glossary."""
    doc = xmlsafe.parse(stream, path)
    root = doc.getroot()
    name = _local(root)
    if name not in ("tbx", "martif"):
        raise FormatError(
            f"not a TBX file: expected root element <tbx> (TBX v3) or <martif> (TBX v2), found <{name}>",
            path=path, line=root.sourceline)
    reader = _Reader(path)
    for el in root:
        if _local(el) in ("tbxHeader", "martifHeader"):
            reader.read_header(el)
    doc_lang = root.get(XML_LANG)
    concepts: list[Concept] = []
    for el in root.iter():
        if _local(el) in ("conceptEntry", "termEntry"):
            concepts.append(reader.entry(el, doc_lang))
    return Glossary(concepts=concepts, header=reader.header)
