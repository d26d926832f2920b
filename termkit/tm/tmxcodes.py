"""Inline codes of stored segments written as TMX 1.4b inline elements.

The memory keeps a segment's inline codes as its file wrote them (:attr:`Variant.markup`):
TMX's own ``bpt/ept/it/ph/hi/sub/ut``, or XLIFF's — ``<g id="1">``, ``<x/>``, ``<bx/>``,
``<ex/>``, ``<ph id="1">``, ``<bpt id="1">`` in 1.2, ``<pc>``, ``<ph disp="%s"/>``,
``<sc/>``, ``<ec/>``, ``<mrk>`` in 2.0. TMX has no ``g`` or ``pc`` and its ``ph`` takes
``x``, not ``id``, so this module owns rewriting markup into elements the TMX 1.4b DTD
allows (a memory of TMX files is written unchanged):

* an element TMX has, with attributes TMX allows, is kept;
* XLIFF 1.2 ``ph``, ``bpt``, ``ept``, ``it``, ``sub`` keep their content (the native code)
  and become the TMX element of the same name: ``id`` becomes ``x`` (when a number), ``ctype``
  ``type``, the pair key (``rid``, else ``id``) a number ``i`` shared by ``bpt`` and ``ept``,
  ``it``'s ``open``/``close`` TMX's ``begin``/``end``;
* a paired XLIFF code that wraps text (``g``, ``pc``) becomes ``bpt`` … ``ept`` around the
  text; a standalone one (``x``, 2.0 ``ph``, ``cp``) ``ph``, an opening or closing one
  (``bx``/``sc``, ``ex``/``ec``) ``it`` with ``pos`` ``begin``/``end``. Their native code,
  which XLIFF does not carry, is the XLIFF tag itself (``&lt;g id="1"&gt;``), so nothing it
  said is lost;
* an annotation (``mrk``, ``sm``, ``em``) is no code: its text is kept, the tag dropped.

Markup that does not parse (a prefix whose declaration was lost) is written as plain text.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from termkit import xmlsafe
from termkit.model import Unit, Variant

# TMX 1.4b inline elements and their attributes (the LISA DTD).
TMX_ATTRS = {
    "bpt": {"i", "x", "type"},
    "ept": {"i"},
    "it": {"pos", "x", "type"},
    "ph": {"x", "assoc", "type"},
    "hi": {"x", "type"},
    "sub": {"datatype", "type"},
    "ut": {"x"},
}
_PAIRED = {"g", "pc"}  # XLIFF codes wrapping text
_OPENING = {"bx", "sc"}
_CLOSING = {"ex", "ec"}
_ANNOTATIONS = {"mrk", "sm", "em"}


def _local(elem: Any) -> str:
    tag = elem.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_tmx(elem: Any) -> bool:
    name = _local(elem)
    allowed = TMX_ATTRS.get(name)
    if allowed is None or not isinstance(elem.tag, str) or elem.tag != name:
        return False
    if any(k not in allowed for k in elem.attrib):
        return False
    if name in ("bpt", "ept") and elem.get("i") is None:
        return False
    return name != "it" or elem.get("pos") in ("begin", "end")


def _tag(elem: Any, closing: bool = False) -> str:
    """The XLIFF tag as text: the native code of a code XLIFF gives none for."""
    name = _local(elem)
    if closing:
        return f"</{name}>"
    attrs = "".join(f' {k}="{v}"' for k, v in elem.attrib.items())
    empty = "/" if len(elem) == 0 and not elem.text and name not in _PAIRED else ""
    return f"<{name}{attrs}{empty}>"


def _number(value: str | None) -> str | None:
    return value if value is not None and value.isdigit() else None


class _Codes:
    """Rewrites one segment's markup, numbering ``bpt``/``ept`` pairs uniquely within it."""

    def __init__(self, root: Any) -> None:
        used = [int(e.get("i")) for e in root.iter("bpt", "ept")
                if _is_tmx(e) and str(e.get("i")).isdigit()]
        self.next_i = max(used, default=0) + 1
        self.pairs: dict[str, str] = {}

    def fresh(self) -> str:
        i = str(self.next_i)
        self.next_i += 1
        return i

    def pair(self, key: str | None) -> str:
        if key is None:
            return self.fresh()
        if key not in self.pairs:
            self.pairs[key] = self.fresh()
        return self.pairs[key]

    def convert(self, src: Any, dst: Any) -> None:
        """Append the TMX form of ``src``'s content (text and children) to ``dst``."""
        _text(dst, src.text)
        for child in src:
            if isinstance(child.tag, str):
                self.element(child, dst)
            _text(dst, child.tail)

    def element(self, e: Any, dst: Any) -> None:
        name = _local(e)
        if _is_tmx(e):
            new = etree.SubElement(dst, name, dict(e.attrib))
            self.convert(e, new)
            return
        if name in _PAIRED:
            i = self.fresh()
            start = etree.SubElement(dst, "bpt", _attrs(i=i, x=_number(e.get("id")),
                                                         type=e.get("ctype") or e.get("type")))
            start.text = _tag(e)
            self.convert(e, dst)
            end = etree.SubElement(dst, "ept", {"i": i})
            end.text = _tag(e, closing=True)
            return
        if name in _ANNOTATIONS:
            self.convert(e, dst)
            return
        if name in ("bpt", "ept"):  # XLIFF 1.2 native codes of a pair
            attrs = _attrs(i=self.pair(e.get("rid") or e.get("id")))
            if name == "bpt":
                attrs.update(_attrs(x=_number(e.get("id")), type=e.get("ctype")))
            new = etree.SubElement(dst, name, attrs)
            self.convert(e, new)
            return
        if name == "sub":  # XLIFF 1.2 text inside a native code
            new = etree.SubElement(dst, name, _attrs(datatype=e.get("datatype"),
                                                     type=e.get("ctype")))
            self.convert(e, new)
            return
        if name in ("ph", "it") and (e.text or len(e)):  # XLIFF 1.2, native code inside
            attrs = _attrs(x=_number(e.get("id")), type=e.get("ctype"))
            if name == "it":
                attrs["pos"] = "end" if e.get("pos") in ("close", "end") else "begin"
            new = etree.SubElement(dst, name, attrs)
            self.convert(e, new)
            return
        if name in _OPENING or name in _CLOSING or name == "it":
            closing = name in _CLOSING or e.get("pos") in ("close", "end")
            new = etree.SubElement(dst, "it", _attrs(pos="end" if closing else "begin",
                                                      x=_number(e.get("id") or e.get("startRef"))))
        else:  # x, 2.0 ph, cp and any other code: a standalone placeholder
            new = etree.SubElement(dst, "ph", _attrs(x=_number(e.get("id")), type=e.get("ctype")))
        new.text = _tag(e)


def _attrs(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v is not None}


def _text(dst: Any, text: str | None) -> None:
    if not text:
        return
    if len(dst):
        dst[-1].tail = (dst[-1].tail or "") + text
    else:
        dst.text = (dst.text or "") + text


def tmx_markup(markup: str) -> str | None:
    """``markup`` with inline codes TMX 1.4b allows (None: it does not parse; use the text)."""
    try:
        root = etree.fromstring(f"<seg>{markup}</seg>", xmlsafe.parser())
    except etree.XMLSyntaxError:
        return None
    if all(_is_tmx(e) for e in root.iterdescendants() if isinstance(e.tag, str)):
        return markup
    out = etree.Element("seg")
    _Codes(root).convert(root, out)
    if len(out) == 0:
        return None  # only annotations: the plain text says it all
    inner = etree.tostring(out, encoding="unicode")
    return inner[len("<seg>"):-len("</seg>")]


def tmx_unit(unit: Unit) -> Unit:
    """The unit with every side's markup in TMX form (the same object when nothing changes)."""
    if all(v.markup is None for v in unit.variants):
        return unit
    variants = []
    for v in unit.variants:
        markup = tmx_markup(v.markup) if v.markup is not None else None
        variants.append(v if markup == v.markup else
                        Variant(v.lang, v.text, markup, v.props, v.notes))
    return Unit(unit.id, variants, unit.source_lang, unit.props, unit.notes, unit.location)
