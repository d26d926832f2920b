"""The reference TMX reader: lxml's iterparse over ``<header>`` and ``<tu>`` elements.

Owns reading a TMX document element by element (with :mod:`termkit.xmlsafe`'s options and
checks), the ``<tu>``/``<tuv>`` records the glossary reader and writer share (:class:`Tu`,
:class:`Tuv`, :class:`Header`), and :func:`iterparse_units`, which works for any TMX and is
what the chunked reader (:mod:`termkit.formats.tmx_read`) hands over to for anything it cannot
vouch for. The handled ``<tu>`` elements are freed in batches of 512, so memory stays bounded
whatever the file size. In this reader lxml calls (element proxies, attribute and text access)
and object creation are most of the cost after parsing, so :func:`unit_of` takes a short path
for the usual ``<tuv>`` holding one plain ``<seg>``, language tags are cached per file and each
``Unit.location`` is built without the frozen dataclass ``__init__``.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, BinaryIO, TypeVar

from lxml import etree

from termkit import lang as langtags
from termkit import xmlsafe
from termkit.errors import FormatError
from termkit.formats.inline import joined_text, text_and_markup
from termkit.model import Source, Unit, Variant

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
T = TypeVar("T")
CREATION_TOOL = "termkit"

# Inline elements whose content is text to translate; the others hold native codes.
_TEXT_INLINE = {"hi"}

# A memory has few distinct tags and millions of uses: parse each spelling once.
normalize_lang = lru_cache(maxsize=4096)(langtags.normalize)


@dataclass(slots=True)
class Tuv:
    lang: str  # as written in the file
    text: str
    markup: str | None = None
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Tu:
    id: str | None
    srclang: str | None = None
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tuvs: list[Tuv] = field(default_factory=list)
    line: int | None = None


@dataclass(slots=True)
class Header:
    attrs: dict[str, str] = field(default_factory=dict)
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    default_src: str | None = None  # normalized srclang, set once the header is read

    @property
    def srclang(self) -> str | None:
        value = self.attrs.get("srclang")
        return None if value is None or value.strip().lower() == "*all*" else value

    @property
    def is_termkit(self) -> bool:
        return self.attrs.get("creationtool") == CREATION_TOOL


# --------------------------------------------------------------------------- reading


def _plain(elem: Any) -> str:
    """Text of an inline element as a reader sees it: ``hi`` keeps its text, codes do not."""
    if not isinstance(elem.tag, str) or elem.tag not in _TEXT_INLINE:
        return ""
    return joined_text(elem, _plain)


def _seg(seg: Any) -> tuple[str, str | None]:
    """Plain text and (when there are inline codes) the inner XML of a ``<seg>``."""
    return text_and_markup(seg, _plain)


def _lang_of(elem: Any) -> str | None:
    return elem.get(XML_LANG) or elem.get("lang")


def _props_notes(elem: Any, props: list[tuple[str, str]], notes: list[str]) -> None:
    for child in elem:
        tag = child.tag
        if tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            notes.append(child.text or "")


def read_tu(elem: Any, path: str, header: Header) -> Tu:
    tu = Tu(id=elem.get("tuid"), srclang=elem.get("srclang"), line=elem.sourceline)
    for child in elem:
        tag = child.tag
        if tag == "tuv":
            lang = _lang_of(child)
            if not lang:
                raise FormatError("<tuv> without xml:lang", path=path, line=child.sourceline)
            tuv = Tuv(lang=lang, text="")
            for sub in child:
                stag = sub.tag
                if stag == "seg":
                    tuv.text, tuv.markup = _seg(sub)
                elif stag == "prop":
                    tuv.props.append((sub.get("type", ""), sub.text or ""))
                elif stag == "note":
                    tuv.notes.append(sub.text or "")
            tu.tuvs.append(tuv)
        elif tag == "prop":
            tu.props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            tu.notes.append(child.text or "")
    return tu


def check_root(elem: Any, path: str, head: bytes | None = None) -> None:
    """At the first event: the root must be ``<tmx>`` and the document must declare no entities
    (``head``, the first bytes read, names the line of a declaration)."""
    # xmlsafe checks these on a root start event, which is not asked for here (see read_elements).
    tree = elem.getroottree()
    root = tree.getroot()
    if root.tag != "tmx":
        raise FormatError(
            f"not a TMX file: expected root element <tmx>, found <{root.tag}>",
            path=path, line=root.sourceline)
    xmlsafe.check_tree(tree, path, head)


def read_header(elem: Any, header: Header) -> None:
    header.attrs = {k: v for k, v in elem.attrib.items() if isinstance(k, str)}
    header.default_src = normalize_lang(header.srclang) if header.srclang else None
    _props_notes(elem, header.props, header.notes)


def no_units(recorder: Recorder, path: str) -> None:
    """No ``<header>`` or ``<tu>`` was seen: fine for an empty ``<tmx>``, an error otherwise."""
    found = root_name(recorder.head)
    if found != "tmx":
        raise FormatError(
            f"not a TMX file: expected root element <tmx>, found <{found}>", path=path)


def read_elements(stream: BinaryIO, path: str, header: Header,
          convert: Callable[[Any, str, Header], T]) -> Iterator[T]:
    """Stream the ``<tu>`` elements of a TMX file; fills ``header`` when it is seen."""
    seen_root = False
    count = 0
    # Only <header> and <tu> produce events, and only at their end: the parser skips the rest
    # in C, which is what makes reading fast. The root and the entity policy are checked at
    # the first event.
    recorder = Recorder(stream)
    try:
        for _, elem in xmlsafe.iterparse_context(recorder, tags=("header", "tu")):
            if not seen_root:
                check_root(elem, path, recorder.head)
                seen_root = True
            tag = elem.tag
            if tag == "tu":
                yield convert(elem, path, header)
                # Free what was parsed: this unit now, the emptied units before it in batches.
                elem.clear()
                count += 1
                if count % 512 == 0:
                    del elem.getparent()[:-1]
            elif tag == "header":
                read_header(elem, header)
    except etree.XMLSyntaxError as exc:
        raise xmlsafe.syntax_error(exc, path) from None
    if not seen_root:
        no_units(recorder, path)


# A read-through stream that keeps the first bytes, to name a wrong root or the line of an
# entity declaration afterwards.
Recorder = xmlsafe.HeadRecorder


def root_name(head: bytes) -> str:
    """The name of the first element in the first bytes of a document ("?" if none)."""
    try:
        for _, elem in xmlsafe.iterparse(io.BytesIO(head), "-", events=("start",)):
            return str(elem.tag)
    except FormatError:
        pass
    return "?"


def join_props(props: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in props:
        out[key] = f"{out[key]}\n{value}" if key in out else value
    return out


def _source_maker() -> Callable[[str, int | None], Source]:
    """``Source(path, line)``, made faster by setting its slots directly when that is safe.

    The frozen dataclass ``__init__`` goes through ``object.__setattr__`` per field, which cost
    as much as building a Variant. Setting the slots gives an equal, equally hashable object;
    it is checked once here, and any change to :class:`Source` falls back to the constructor.
    """
    try:
        slots = Source.__dict__
        set_path, set_line, set_record = (slots[n].__set__ for n in ("path", "line", "record"))

        def make(path: str, line: int | None) -> Source:
            src: Source = object.__new__(Source)
            set_path(src, path)
            set_line(src, line)
            set_record(src, None)
            return src

        fast, slow = make("p", 1), Source("p", 1)
        if ([f.name for f in dataclasses.fields(Source)] == ["path", "line", "record"]
                and fast == slow and hash(fast) == hash(slow)):
            return make
    except Exception:  # any surprise means: use the constructor
        pass
    return Source


new_source = _source_maker()
MISSING: Any = object()


# <tu> attributes kept as unit props named ``tmx:NAME`` (written back as attributes).
TU_ATTRIBUTES = ("creationdate", "creationid", "changedate", "changeid", "usagecount",
                 "lastusagedate")
TU_ATTRIBUTE_PROP = "tmx:"


def tu_attribute_props(attrs: Any) -> dict[str, str]:
    """The kept ``<tu>`` attributes of a mapping of attributes, as unit props."""
    return {TU_ATTRIBUTE_PROP + name: attrs[name] for name in TU_ATTRIBUTES if name in attrs}


def unit_of(elem: Any, path: str, line: int | None, langs: dict[str, str],
             source_lang: str | None) -> Unit:
    """One ``<tu>`` element as a :class:`Unit` (``langs`` caches tags as written → normalized).

    Per unit, lxml calls (element proxies, attribute and text access) are most of the cost
    after parsing, so this makes as few as it can: the usual ``<tuv>`` holding exactly one
    ``<seg>`` of plain text takes a short path; anything else takes the general one.
    """
    new_variant = Variant
    variants: list[Variant] = []
    props: dict[str, str] = {}
    notes: list[str] = []
    for child in elem:
        tag = child.tag
        if tag == "tuv":
            lang = child.get(XML_LANG) or child.get("lang")
            if not lang:
                raise FormatError("<tuv> without xml:lang", path=path, line=child.sourceline)
            norm = langs.get(lang)
            if norm is None:
                norm = langs[lang] = normalize_lang(lang)
            if len(child) == 1:
                seg = child[0]
                if seg.tag == "seg" and not len(seg):
                    variants.append(new_variant(norm, seg.text or "", None, {}, []))
                    continue
            text = ""
            markup = None
            vprops: dict[str, str] = {}
            vnotes: list[str] = []
            for sub in child:
                stag = sub.tag
                if stag == "seg":
                    if len(sub):
                        text, markup = _seg(sub)
                    else:
                        text = sub.text or ""
                elif stag == "prop":
                    key = sub.get("type", "")
                    value = sub.text or ""
                    vprops[key] = f"{vprops[key]}\n{value}" if key in vprops else value
                elif stag == "note":
                    vnotes.append(sub.text or "")
            variants.append(new_variant(norm, text, markup, vprops, vnotes))
        elif tag == "prop":
            key = child.get("type", "")
            value = child.text or ""
            props[key] = f"{props[key]}\n{value}" if key in props else value
        elif tag == "note":
            notes.append(child.text or "")
    attrib = elem.attrib
    if len(attrib) > ("tuid" in attrib) + ("srclang" in attrib):
        props.update(tu_attribute_props(attrib))
    return Unit(elem.get("tuid"), variants, source_lang, props, notes, new_source(path, line))


def source_lang(written: str | None, header: Header) -> str | None:
    """A ``<tu>``'s source language: its own ``srclang``, else (or for ``*all*``) the header's."""
    if written is None or written.lower() == "*all*":
        return header.default_src
    return normalize_lang(written)


def iterparse_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Units through lxml's iterparse: works for any TMX; the fallback of the chunked reader."""
    header = Header()
    recorder = Recorder(stream)
    langs: dict[str, str] = {}  # tag as written -> normalized (a memory has few distinct tags)
    sources: dict[str | None, str | None] = {}  # srclang as written (or None) -> source_lang
    make_unit = unit_of
    seen_root = False
    count = 0
    try:
        for _, elem in xmlsafe.iterparse_context(recorder, tags=("header", "tu")):
            if not seen_root:
                check_root(elem, path, recorder.head)
                seen_root = True
            if elem.tag != "tu":
                if elem.tag == "header":
                    read_header(elem, header)
                    sources = {}  # "*all*" and no srclang now mean the header's srclang
                continue
            written = elem.get("srclang")
            src = sources.get(written, MISSING)
            if src is MISSING:
                src = sources[written] = source_lang(written, header)
            yield make_unit(elem, path, elem.sourceline, langs, src)
            # Free what was parsed: whole units in batches (one call frees 512 of them).
            count += 1
            if count % 512 == 0:
                del elem.getparent()[:-1]
    except etree.XMLSyntaxError as exc:
        raise xmlsafe.syntax_error(exc, path) from None
    if not seen_root:
        no_units(recorder, path)
