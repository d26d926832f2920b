"""TMX 1.4b: streaming read (TMX 1.1–1.4b) and streaming write, as units or as a glossary.

:func:`iter_units` runs the chunked reader of :mod:`termkit.formats.tmx_read` (libxml2 checks
the bytes, regular expressions read the usual ``<tu>``; about twice as fast), which hands
over to the reference reader of :mod:`termkit.formats.tmx_parse` for anything it cannot vouch
for. That one uses lxml's iterparse (with
:mod:`termkit.xmlsafe`'s options and checks) with events only for ``<header>`` and ``<tu>``
and frees the handled ``<tu>`` elements in batches of 512, so memory stays bounded whatever
the file size (about 28 MB peak RSS for a million units; 44 MB for the chunked reader).
It accepts UTF-8 or UTF-16 (BOM and encoding declaration are lxml's business), ``xml:lang``
or TMX 1.1 ``lang``, ``srclang="*all*"``, any case or spelling of language tag (normalized
with :func:`termkit.lang.normalize`), and inline codes: ``Variant.markup`` keeps the inner XML of
``<seg>`` when it has codes and ``Variant.text`` is the plain text (``bpt/ept/ph/it/ut/sub``
content is native code and is left out of it; ``hi`` content is text and kept).
In the iterparse reader, lxml calls (element proxies, attribute and text access) and object
creation are most of the cost after parsing, so :func:`unit_of` takes a short path for the
usual ``<tuv>`` holding one plain ``<seg>``, language tags are cached per file and each
``Unit.location`` is built without the frozen dataclass ``__init__``.

Writing produces the XML text of one ``<tu>`` at a time and writes it in batches (no tree):
building an lxml element per unit cost more than all of translate-toolkit's per-unit work.
Escaping is done here (``&<>`` and CR in text; also quotes, tab and newline in attributes), and
text XML 1.0 cannot hold (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) is
*rejected* with a :class:`~termkit.errors.FormatError` naming the concept or unit — never
silently dropped. Inline markup is written as given after lxml has checked it is well-formed.
Output is UTF-8 without BOM, ``\n`` line ends, no timestamp unless ``creation_date`` is given.

A glossary becomes one ``<tu tuid=CONCEPT-ID>`` per concept and one ``<tuv>`` per term (TMX
DTD order: note, prop, tuv; in a tuv: note, prop, seg); everything termkit knows about a concept
or term goes into ``<prop type="x-…">`` (``x-kind``, ``x-status``, ``x-confidence``,
``x-domain``, ``x-source`` on the tu; ``x-lang``, ``x-status``, ``x-origin``, ``x-pinyin``,
``x-zhuyin``, ``x-support``, ``x-part-of-speech``, ``x-term-type``, ``x-source`` on a tuv), concept notes are
tu ``<note>``s and a term note a tuv ``<note>``, so write → read gives back the same glossary
(tested with hypothesis). ``x-lang`` is written only when the tag on the tuv would not read back
as the term's tag (``zh-Hant`` written as ``zh-TW``). Reading a TMX written by another tool
keeps its props (tuv props as ``tuv:LANG:TYPE`` in ``Concept.props``) and adds provenance
(``origin="import:tmx"``, a source pointing at the ``<tu>``'s line).

Known limits: repeated props of one type are joined with a newline in ``Unit.props``, and
:func:`write_units` writes such a value back as repeated props (one per line), so units keep
their several ``x-domain`` values through a read and a write;
``Glossary.conflicts`` and ``notices`` are not carried; a concept without terms cannot be a
``<tu>`` (the DTD needs one ``<tuv>``) and is skipped.
"""


from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, BinaryIO

from lxml import etree

from termkit import __version__, xmlsafe
from termkit.errors import FormatError
from termkit.formats.glossary_units import (
    check_xml_text,
    output_tag,
    source_from_text,
    source_to_text,
)
from termkit.formats.tmx_parse import (
    CREATION_TOOL,
    TU_ATTRIBUTE_PROP,
    TU_ATTRIBUTES,
    Header,
    Tu,
    Tuv,
    join_props,
    normalize_lang,
    read_elements,
    read_tu,
)
from termkit.formats.tmx_read import read_units
from termkit.model import Concept, Glossary, Kind, Source, Status, Term, Unit, concept_id

# Prop types termkit writes (and reads back into fields).
P_KIND, P_STATUS, P_CONFIDENCE, P_DOMAIN, P_SOURCE = (
    "x-kind", "x-status", "x-confidence", "x-domain", "x-source")
P_LANG, P_ORIGIN, P_PINYIN, P_SUPPORT, P_POS, P_TERM_TYPE = (
    "x-lang", "x-origin", "x-pinyin", "x-support", "x-part-of-speech", "x-term-type")
P_ZHUYIN = "x-zhuyin"
_TU_PROPS = {P_KIND, P_STATUS, P_CONFIDENCE, P_DOMAIN, P_SOURCE}
_TUV_PROPS = {P_LANG, P_STATUS, P_ORIGIN, P_PINYIN, P_ZHUYIN, P_SUPPORT, P_POS, P_TERM_TYPE, P_SOURCE}
def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Stream the translation units of a TMX 1.1–1.4b file."""
    return read_units(stream, path)


def _status(value: str) -> Status | None:
    try:
        return Status(value)
    except ValueError:
        return None


def _tu_to_concept(tu: Tu, path: str, foreign: bool) -> Concept:
    concept = Concept(id=tu.id or "", kind=Kind.TERM, notes=list(tu.notes))
    extra: list[tuple[str, str]] = []
    for key, value in tu.props:
        if key == P_KIND and value in Kind._value2member_map_:
            concept.kind = Kind(value)
        elif key == P_STATUS and _status(value) is not None:
            concept.status = Status(value)
        elif key == P_CONFIDENCE and _is_float(value):
            concept.confidence = float(value)
        elif key == P_DOMAIN:
            concept.domains.append(value)
        elif key == P_SOURCE:
            concept.sources.append(source_from_text(value))
        else:
            extra.append((key, value))
    for tuv in tu.tuvs:
        term = Term(text=tuv.text, lang=normalize_lang(tuv.lang))
        if tuv.notes:
            term.note = "\n".join(tuv.notes)
        for key, value in tuv.props:
            if key == P_LANG:
                term.lang = value
            elif key == P_STATUS and _status(value) is not None:
                term.status = Status(value)
            elif key == P_ORIGIN:
                term.origin = value
            elif key == P_PINYIN:
                term.pinyin = value
            elif key == P_ZHUYIN:
                term.zhuyin = value
            elif key == P_SUPPORT and value.isdigit():
                term.support = int(value)
            elif key == P_POS:
                term.part_of_speech = value
            elif key == P_TERM_TYPE:
                term.term_type = value
            elif key == P_SOURCE:
                term.sources.append(source_from_text(value))
            else:
                extra.append((f"tuv:{term.lang}:{key}", value))
        if foreign and term.origin is None:
            term.origin = "import:tmx"
        concept.terms.append(term)
    concept.props = join_props(extra)
    if foreign:  # provenance of the import, after any sources the file itself names
        concept.sources.append(Source(path, tu.line))
    if not concept.id:
        key = "\x1e".join(f"{t.lang}\x1f{t.text}" for t in concept.terms)
        concept.id = concept_id(Kind.TERM, key)
    return concept


def _is_float(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a TMX file as a glossary: one concept per ``<tu>``, one term per ``<tuv>``."""
    header = Header()
    concepts: list[Concept] = []
    foreign: bool | None = None
    for tu in read_elements(stream, path, header, read_tu):
        if foreign is None:
            foreign = not header.is_termkit
        concepts.append(_tu_to_concept(tu, path, foreign))
    return Glossary(concepts=concepts, header=join_props(header.props))


# --------------------------------------------------------------------------- writing


def _tmx_date(value: str) -> str:
    """``2026-11-28T07:00:00Z`` or ``20261128T070000Z`` → the TMX form ``YYYYMMDDThhmmssZ``."""
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) == 8:
        digits += "000000"
    if len(digits) != 14:
        from termkit.errors import UsageError

        raise UsageError(f"bad creation_date {value!r}", hint="use ISO 8601, e.g. 2026-01-31T12:00:00Z")
    return f"{digits[:8]}T{digits[8:]}Z"


# Writing builds the markup as text: building an lxml element per <tu> cost more than the whole
# of translate-toolkit's per-unit work, so escaping is done here (and tested against the DTD,
# lxml and translate-toolkit). Text is checked for characters XML 1.0 cannot hold first.
_TEXT_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                           "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"})
# One search finds both what must be escaped and what XML 1.0 cannot hold (then re-checked).
_SPECIAL_TEXT = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL_ATTR = re.compile('[&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')


def _text(value: str, where: str) -> str:
    if _SPECIAL_TEXT.search(value) is None:
        return value
    return check_xml_text(value, where).translate(_TEXT_ESC)


def _attr(value: str, where: str) -> str:
    if _SPECIAL_ATTR.search(value) is None:
        return value
    return check_xml_text(value, where).translate(_ATTR_ESC)


@lru_cache(maxsize=4096)
def _lang_attr(tag: str, style: str) -> str:
    return _attr(output_tag(tag, style), "language tag")


def _markup(markup: str, where: str) -> str:
    """Inline markup is written as given, once lxml has confirmed it is well-formed."""
    check_xml_text(markup, where)
    try:
        etree.fromstring(f"<seg>{markup}</seg>", xmlsafe.parser())
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{where}: inline markup is not well-formed XML: {exc.msg}") from None
    return markup


def tu_xml(
    tuid: str | None,
    srclang: str | None,
    notes: Iterable[str],
    props: Iterable[tuple[str, str]],
    tuvs: Iterable[tuple[str, str, str | None, Iterable[tuple[str, str]], Iterable[str]]],
    what: str = "concept",
) -> str:
    """One ``<tu>`` as XML text. TMX DTD order: note, prop, tuv; inside tuv: note, prop, seg.

    Props named ``tmx:creationdate`` … (:data:`TU_ATTRIBUTES`, kept by the readers) are written
    back as the ``<tu>`` attributes they came from.
    """
    where = f"{what} {tuid}" if tuid else "unit"  # errors name a glossary's concept or a unit
    out = ["<tu"]
    if tuid is not None:
        out.append(f' tuid="{_attr(tuid, where)}"')
    if srclang:
        out.append(f' srclang="{srclang}"')  # callers pass _lang_attr() output
    props = list(props)
    attributes = {k[len(TU_ATTRIBUTE_PROP):]: v for k, v in props
                  if k.startswith(TU_ATTRIBUTE_PROP)
                  and k[len(TU_ATTRIBUTE_PROP):] in TU_ATTRIBUTES}
    if attributes:
        props = [(k, v) for k, v in props if k[len(TU_ATTRIBUTE_PROP):] not in attributes
                 or not k.startswith(TU_ATTRIBUTE_PROP)]
        for name in TU_ATTRIBUTES:
            if name in attributes:
                out.append(f' {name}="{_attr(attributes[name], where)}"')
    out.append(">\n")
    for note in notes:
        out.append(f"<note>{_text(note, where)}</note>\n")
    for key, value in props:
        out.append(f'<prop type="{_attr(key, where)}">{_text(value, where)}</prop>\n')
    for lang, text, markup, tprops, tnotes in tuvs:
        out.append(f'<tuv xml:lang="{lang}">')  # callers pass _lang_attr() output
        for note in tnotes:
            out.append(f"<note>{_text(note, where)}</note>")
        for key, value in tprops:
            out.append(f'<prop type="{_attr(key, where)}">{_text(value, where)}</prop>')
        seg = _markup(markup, where) if markup is not None else _text(text, where)
        out.append(f"<seg>{seg}</seg></tuv>\n")
    out.append("</tu>\n")
    return "".join(out)


def _write(
    stream: BinaryIO,
    tus: Iterable[str],
    *,
    srclang: str,
    header_props: Iterable[tuple[str, str]] = (),
    creation_date: str | None = None,
    segtype: str = "phrase",
) -> None:
    attrs = {
        "creationtool": CREATION_TOOL,
        "creationtoolversion": __version__,
        "segtype": segtype,
        "o-tmf": CREATION_TOOL,
        "adminlang": "en",
        "srclang": srclang,
        "datatype": "plaintext",
    }
    if creation_date:
        attrs["creationdate"] = _tmx_date(creation_date)
    head = ["<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n<header"]
    head += [f' {k}="{_attr(v, "header")}"' for k, v in attrs.items()]
    head.append(">")
    head += [f'<prop type="{_attr(k, "header")}">{_text(v, "header")}</prop>'
             for k, v in header_props]
    head.append("</header>\n<body>\n")
    stream.write("".join(head).encode("utf-8"))
    chunk: list[str] = []
    for tu in tus:
        chunk.append(tu)
        if len(chunk) >= 512:  # bounded buffer, few large writes
            stream.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    chunk.append("</body>\n</tmx>\n")
    stream.write("".join(chunk).encode("utf-8"))


def repeated_props(props: dict[str, str]) -> list[tuple[str, str]]:
    """``Unit.props`` as ``<prop>`` pairs, sorted; a value of several lines is one prop per line.

    The readers join repeated props of one type with a newline (``Unit.props`` holds one
    value per type); this gives them back as the repeated props they were.
    """
    return [(key, part) for key, value in sorted(props.items()) for part in value.split("\n")]


def write_units(units: Iterable[Unit], stream: BinaryIO, **options: Any) -> None:
    """Write translation units as TMX 1.4b (options: ``lang_style``, ``srclang``, ``creation_date``)."""
    lang_style = options.get("lang_style", "short")
    srclang = options.get("srclang") or "*all*"
    if srclang != "*all*":
        srclang = output_tag(srclang, lang_style)
    else:
        output_tag("en", lang_style)  # validates the option before anything is written

    def tus() -> Iterator[str]:
        tag = _lang_attr
        special = _SPECIAL_ATTR.search
        for u in units:
            variants = u.variants
            if not (u.props or u.notes) and all(
                v.markup is None and not v.props and not v.notes for v in variants
            ):
                # Fast path for the common plain unit: one search over all its strings
                # decides that nothing needs escaping or rejecting.
                texts = [v.text for v in variants]
                if u.id is not None:
                    texts.append(u.id)
                if special("".join(texts)) is None:
                    out = [f'<tu tuid="{u.id}"' if u.id is not None else "<tu"]
                    if u.source_lang:
                        out.append(f' srclang="{tag(u.source_lang, lang_style)}"')
                    out.append(">\n")
                    for v in variants:
                        out.append(f'<tuv xml:lang="{tag(v.lang, lang_style)}"><seg>{v.text}</seg></tuv>\n')
                    out.append("</tu>\n")
                    yield "".join(out)
                    continue
            yield tu_xml(
                u.id,
                tag(u.source_lang, lang_style) if u.source_lang else None,
                u.notes,
                repeated_props(u.props) if u.props else (),
                [(tag(v.lang, lang_style), v.text, v.markup,
                  repeated_props(v.props) if v.props else (), v.notes) for v in u.variants],
                what="unit",
            )

    _write(stream, tus(), srclang=srclang, creation_date=options.get("creation_date"))


def concept_tu(concept: Concept, lang_style: str) -> Tu:
    """A concept as the ``Tu`` data a glossary's ``<tu>`` holds (its props and tuvs).

    :func:`write_glossary` writes the same ``<tu>`` text directly; this is its reference
    (``tu_xml(concept_tu(c))``, compared in the tests)."""
    props: list[tuple[str, str]] = [(P_KIND, concept.kind.value), (P_STATUS, concept.status.value)]
    if concept.confidence is not None:
        props.append((P_CONFIDENCE, repr(float(concept.confidence))))
    props += [(P_DOMAIN, d) for d in concept.domains]
    props += [(P_SOURCE, source_to_text(s)) for s in concept.sources]
    props += sorted(concept.props.items())
    tuvs: list[Tuv] = []
    for term in concept.terms:
        tag = _lang_attr(term.lang, lang_style)
        tprops: list[tuple[str, str]] = []
        if normalize_lang(tag) != term.lang:
            tprops.append((P_LANG, term.lang))  # keeps zh-Hant apart from zh-Hant-TW
        tprops.append((P_STATUS, term.status.value))
        if term.origin is not None:
            tprops.append((P_ORIGIN, term.origin))
        if term.pinyin is not None:
            tprops.append((P_PINYIN, term.pinyin))
        if term.zhuyin is not None:
            tprops.append((P_ZHUYIN, term.zhuyin))
        if term.support != 1:
            tprops.append((P_SUPPORT, str(term.support)))
        if term.part_of_speech is not None:
            tprops.append((P_POS, term.part_of_speech))
        if term.term_type is not None:
            tprops.append((P_TERM_TYPE, term.term_type))
        tprops += [(P_SOURCE, source_to_text(s)) for s in term.sources]
        notes = [term.note] if term.note is not None else []
        tuvs.append(Tuv(lang=tag, text=term.text, props=tprops, notes=notes))
    return Tu(id=concept.id, props=props, notes=list(concept.notes), tuvs=tuvs)


_KIND_PROP = {k: f'<prop type="{P_KIND}">{k.value}</prop>\n' for k in Kind}
_STATUS_PROP = {s: f'<prop type="{P_STATUS}">{s.value}</prop>\n' for s in Status}
_TUV_STATUS_PROP = {s: f'<prop type="{P_STATUS}">{s.value}</prop>' for s in Status}


def _tuv_props(tag: str, term: Term, where: str) -> str:
    """A tuv's language prop when it needs one, its status and origin props (what
    :func:`_glossary_tu` writes after the note, before the pinyin)."""
    out = ""
    if normalize_lang(tag) != term.lang:  # keeps zh-Hant apart from zh-Hant-TW
        out = f'<prop type="{P_LANG}">{_text(term.lang, where)}</prop>'
    out += _TUV_STATUS_PROP[term.status]
    if term.origin is not None:
        out += f'<prop type="{P_ORIGIN}">{_text(term.origin, where)}</prop>'
    return out


def _glossary_tu(concept: Concept, lang_style: str, sources: dict[int, str],
                 heads: dict[tuple[str, Status, str | None], str]) -> str:
    """``tu_xml`` of ``concept_tu(concept)``, written directly (same text, same checks in
    the same order: language tags first, then the tu's notes, props and tuvs)."""
    terms = concept.terms
    tags = [_lang_attr(t.lang, lang_style) for t in terms]
    where = f"concept {concept.id}" if concept.id else "unit"  # as tu_xml names it

    def source(s: Source) -> str:
        found = sources.get(id(s))  # by identity: a record's concepts share its sources
        if found is None:
            found = sources[id(s)] = _text(source_to_text(s), where)
        return found

    out = ["<tu>\n" if concept.id is None else f'<tu tuid="{_attr(concept.id, where)}">\n']
    for note in concept.notes:
        out.append(f"<note>{_text(note, where)}</note>\n")
    out.append(_KIND_PROP[concept.kind])
    out.append(_STATUS_PROP[concept.status])
    if concept.confidence is not None:
        out.append(f'<prop type="{P_CONFIDENCE}">{float(concept.confidence)!r}</prop>\n')
    for d in concept.domains:
        out.append(f'<prop type="{P_DOMAIN}">{_text(d, where)}</prop>\n')
    for s in concept.sources:
        out.append(f'<prop type="{P_SOURCE}">{source(s)}</prop>\n')
    for key, value in sorted(concept.props.items()):
        out.append(f'<prop type="{_attr(key, where)}">{_text(value, where)}</prop>\n')
    for term, tag in zip(terms, tags, strict=True):
        if term.note is None:  # most terms: the head kept by language, status and origin
            shape = (term.lang, term.status, term.origin)
            head = heads.get(shape)
            if head is None:
                head = heads[shape] = f'<tuv xml:lang="{tag}">' + _tuv_props(tag, term, where)
            out.append(head)
        else:
            out.append(f'<tuv xml:lang="{tag}">')
            out.append(f"<note>{_text(term.note, where)}</note>")
            out.append(_tuv_props(tag, term, where))
        if term.pinyin is not None:
            out.append(f'<prop type="{P_PINYIN}">{_text(term.pinyin, where)}</prop>')
        if term.zhuyin is not None:
            out.append(f'<prop type="{P_ZHUYIN}">{_text(term.zhuyin, where)}</prop>')
        if term.support != 1:
            out.append(f'<prop type="{P_SUPPORT}">{term.support}</prop>')
        if term.part_of_speech is not None:
            out.append(f'<prop type="{P_POS}">{_text(term.part_of_speech, where)}</prop>')
        if term.term_type is not None:
            out.append(f'<prop type="{P_TERM_TYPE}">{_text(term.term_type, where)}</prop>')
        for s in term.sources:
            out.append(f'<prop type="{P_SOURCE}">{source(s)}</prop>')
        out.append(f"<seg>{_text(term.text, where)}</seg></tuv>\n")
    out.append("</tu>\n")
    return "".join(out)


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: Any) -> None:
    """Write a glossary as TMX 1.4b (options: ``lang_style="short"|"bcp47"``, ``creation_date``)."""
    lang_style = options.get("lang_style", "short")
    output_tag("en", lang_style)  # validates the option before anything is written
    # Each concept's <tu> is written directly: the text tu_xml gives for concept_tu(concept)
    # (the tests compare the two), without the Tu and Tuv objects in between.
    sources: dict[int, str] = {}
    heads: dict[tuple[str, Status, str | None], str] = {}
    tus = (_glossary_tu(c, lang_style, sources, heads) for c in glossary.concepts if c.terms)
    _write(
        stream,
        tus,
        srclang=options.get("srclang", "en"),
        header_props=sorted(glossary.header.items()),
        creation_date=options.get("creation_date"),
    )
