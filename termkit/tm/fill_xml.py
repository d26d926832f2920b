"""Pre-translation of XLIFF 1.2, XLIFF 2.0 and TMX files (the document tree edited with lxml).

* **XLIFF 1.2** (and 1.0/1.1): each ``<trans-unit>`` (unless ``translate="no"``) is a
  segment, or, when it has a ``<seg-source>`` of ``<mrk mtype="seg">`` segments (Trados's
  SDLXLIFF, Okapi, memoQ), each of those is, filled into the target's segment with the same
  ``mid`` (a missing target is made as the seg-source is, each segment empty: the tool that
  wrote the file cannot open a target without its segments). A target in state ``new`` or
  ``needs-translation`` is untranslated (Okapi copies the source into it). A fill adds
  ``<target>`` after ``<source>`` (or ``<seg-source>``) with ``state="translated"`` and
  ``state-qualifier="exact-match"`` for 101/100, else ``state="needs-review-translation"``
  and ``state-qualifier="fuzzy-match"`` (``needs-translation`` while a segment of the unit
  is still untranslated), and a ``<note from="termkit">`` with the score (after the unit's
  XLIFF elements, before other namespaces' ones, as the schema orders them); in SDLXLIFF each
  filled segment's ``sdl:seg`` gets Trados's confirmation level (``conf="Translated"`` for
  an exact fill, else ``Draft``), ``origin="tm"`` and the ``percent``; in memoQ's MQXLIFF a
  filled unit's ``mq:status`` becomes ``Pretranslated`` and ``mq:percent`` its score, as memoQ
  marks a row it filled from a memory.
  ``target-language`` is set on ``<file>`` if absent.
* **XLIFF 2.0**: each ``<segment>`` of a unit is a segment; a fill adds ``<target>`` and sets
  the segment's ``state`` (``translated``, or ``initial`` for a fuzzy fill); the note goes to
  the unit's ``<notes>`` (created before ``originalData``/segments, as the schema orders it).
  ``trgLang`` is set on the root if absent.
* **TMX** as a source file: each ``<tu>`` with a source ``<tuv>`` but no target one gets a
  ``<tuv>`` in the target language (``--target-lang``), with a note and an ``x-state`` prop
  (``translated`` or ``fuzzy``).

Inline codes: when the new source has inline elements, a match whose stored source has the
same elements (same names, in order) gives its stored target with the codes renumbered to the
new source's, a native code (``ph``, ``bpt``, ``ept``, ``it``) with the new source's content
too; when a code's content or attributes differ from the stored source's (``%d`` for ``%s``),
the fill is fuzzy ("placeholders adapted"). A match without them gives plain text and is
filled as fuzzy, to place the codes.
A Chinese target converted to another script has only its text converted, never its codes.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

from lxml import etree

from termkit import lang as langtags
from termkit import xmlsafe
from termkit.errors import FormatError, UsageError
from termkit.formats.xliff import name_locale
from termkit.tm.fill import Engine, Fill, Options, Request, Summary
from termkit.tm.scripts import Converters
from termkit.tm.store import Store

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TEXT_INLINE = {"g", "mrk", "pc"}  # inline elements whose content is text


def _local(elem: Any) -> str:
    tag = elem.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(elem: Any) -> str:
    tag = elem.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}" if ns else name


def _plain(elem: Any) -> str:
    """The text of a source/target/seg: content of text-bearing inline elements kept."""
    parts = [elem.text or ""]
    for child in elem:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        name = _local(child)
        if name in _TEXT_INLINE:
            parts.append(_plain(child))
        elif name == "cp":
            with contextlib.suppress(ValueError):
                parts.append(chr(int(child.get("hex", ""), 16)))
        parts.append(child.tail or "")
    return "".join(parts)


def _codes(elem: Any) -> list[Any]:
    return [e for e in elem.iterdescendants() if isinstance(e.tag, str)]


def _fragment(markup: str, ns: str) -> Any | None:
    try:
        return etree.fromstring(f'<x xmlns="{ns}">{markup}</x>' if ns else f"<x>{markup}</x>",
                                xmlsafe.parser())
    except etree.XMLSyntaxError:
        return None


def _code_key(code: Any) -> tuple[Any, ...]:
    """What a code says apart from its id: attributes and, for a native code, its content."""
    attrs = tuple(sorted((k, v) for k, v in code.attrib.items() if k != "id"))
    if _local(code) in _TEXT_INLINE:
        return (attrs,)
    inner = (code.text or "") + "".join(
        etree.tostring(c, encoding="unicode", with_tail=True) for c in code)
    return (attrs, inner)


def _set_content(code: Any, new: Any) -> None:
    """Give ``code`` the text and children of ``new`` (copies), keeping its own tail."""
    for child in list(code):
        code.remove(child)
    code.text = new.text
    for child in new:
        code.append(copy.deepcopy(child))


def _convert_texts(root: Any, convert: Any) -> None:
    """Convert the text nodes of a fragment, never its tags or attributes."""
    for e in root.iter():
        if e is not root and e.tail:
            e.tail = convert(e.tail)
        if isinstance(e.tag, str) and e.text and (e is root or _local(e) in _TEXT_INLINE):
            e.text = convert(e.text)


class _Writer:
    """Puts fills into target elements (plain text, or markup with carried codes)."""

    def __init__(self, engine: Engine, converters: Converters) -> None:
        self.engine = engine
        self.converters = converters

    def content(self, target: Any, source: Any, fill: Fill) -> bool:
        """Fill ``target`` for ``source``; False when the source's codes could not be placed."""
        codes = _codes(source)
        if not codes:
            target.text = fill.text
            return True
        placed = self._markup(target, source, codes, fill)
        if not placed:
            target.text = fill.text
        return placed

    def _markup(self, target: Any, source: Any, codes: list[Any], fill: Fill) -> bool:
        match = fill.match
        if match is None or match.target is None or not match.target.markup \
                or not match.source.markup:
            return False
        ns = _ns(source)
        tm_src, tm_tgt = _fragment(match.source.markup, ns), _fragment(match.target.markup, ns)
        if tm_src is None or tm_tgt is None:
            return False
        old = _codes(tm_src)
        if [_local(e) for e in old] != [_local(e) for e in codes]:
            return False
        by_id = {e.get("id"): (e, new) for e, new in zip(old, codes, strict=True)
                 if e.get("id") is not None}
        changed = False
        for e in _codes(tm_tgt):
            pair = by_id.get(e.get("id"))
            if pair is None:
                return False
            stored, new = pair
            changed = changed or _code_key(stored) != _code_key(new)
            e.attrib.clear()
            e.attrib.update(dict(new.attrib))
            if _local(e) not in _TEXT_INLINE:
                # A native code (``<ph>%d</ph>``) is the new source's, content and all: the
                # stored one's ``%s`` would be a wrong placeholder in the target.
                _set_content(e, new)
        if changed:
            # The codes were adapted to the new source: a translator checks the result.
            fill.adapted = True
            fill.exact = False
        if fill.converted:
            names = fill.converted.split("+")
            _convert_texts(tm_tgt, lambda t: self.converters.run(names, t))
        target.text = tm_tgt.text
        for child in list(tm_tgt):
            target.append(child)
        return True


def _empty(target: Any) -> None:
    """Remove a target's content (text and inline elements), keeping its attributes and tail."""
    attrib = dict(target.attrib)
    target.clear(keep_tail=True)
    target.attrib.update(attrib)


def _parse(data: bytes, path: str) -> Any:
    import io

    return xmlsafe.parse(io.BytesIO(data), path)


# The XML declaration a document opens with (after a UTF-8 byte order mark), and its encoding.
_DECLARATION = re.compile(rb"(\xef\xbb\xbf)?(<\?xml\s[^>]*\?>)")
_DECLARED_ENCODING = re.compile(rb"""(\sencoding\s*=\s*)(["'])([^"']*)\2""")


def _write(tree: Any, out: BinaryIO, data: bytes) -> None:
    """The document in UTF-8, opening and ending as the original ``data`` did: its byte order
    mark, its own XML declaration (quotes, standalone; naming UTF-8 where it named another
    encoding), none where it had none, and what stands around the root element as it was
    written (white space, comments, a doctype, the final line break). So a file in which nothing
    was filled comes out as it went in, up to what the parser normalizes. Its line breaks are
    CRLF where most of the input's are (a file saved on Windows): the parser reads CRLF as LF,
    and lxml writes LF, which gave such a file mixed line breaks and changed every line of it
    (a line break inside a value it writes as ``&#10;``, a CR as ``&#13;``)."""
    utf8 = _in_utf8(data)
    encoding = "utf-8" if utf8 is not data else (tree.docinfo.encoding or "utf-8")
    data = utf8
    bom = data.startswith(codecs.BOM_UTF8)
    pos = len(codecs.BOM_UTF8) if bom else 0
    m = _DECLARATION.match(data, pos)
    decl = b""
    if m is not None:
        decl = _DECLARED_ENCODING.sub(_utf8_named, m.group(2), count=1)
        pos = m.end()
    around = _around_root(data, pos, encoding)
    body = etree.tostring(tree.getroot() if around else tree, encoding="UTF-8",
                          xml_declaration=False, with_tail=False)
    if 2 * data.count(b"\r\n") > data.count(b"\n"):
        body = body.replace(b"\n", b"\r\n")
    if around is not None:
        out.write((codecs.BOM_UTF8 if bom else b"") + decl + around[0] + body + around[1])
        return
    # what stands around the root could not be told apart: lxml's own, as written before
    rest = data[pos:]
    out.write((codecs.BOM_UTF8 if bom else b"") + decl + rest[:len(rest) - len(rest.lstrip())])
    out.write(body)
    end = data.rstrip(b" \t")
    if end.endswith(b"\n") or not data:
        out.write(b"\r\n" if end.endswith(b"\r\n") else b"\n")


# What may stand before the root element (after the declaration) and after it: white space,
# comments, processing instructions, and before it a doctype (its internal subset, which the
# safe parser allows without entity declarations, in brackets).
_PROLOG = re.compile(rb"(?:\s+|<!--.*?-->|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*", re.S)
_EPILOG = re.compile(rb"(?:\s+|<!--.*?-->|<\?.*?\?>)*\Z", re.S)


def _around_root(data: bytes, pos: int, encoding: str) -> tuple[bytes, bytes] | None:
    """The bytes before the root element's start tag (from ``pos``) and after its end, in
    UTF-8; None where they cannot be told apart or read in the document's ``encoding``."""
    head = _PROLOG.match(data, pos)
    if head is None or data[head.end():head.end() + 1] != b"<" or data[
            head.end() + 1:head.end() + 2] in (b"!", b"?"):
        return None
    close = data.rfind(b">")
    while close > head.end():
        tail = _EPILOG.match(data, close + 1)
        if tail is not None and not data[:close + 1].endswith((b"-->", b"?>")):
            break
        close = data.rfind(b">", 0, close)
    else:
        return None
    try:
        before = data[pos:head.end()].decode(encoding).encode("utf-8")
        after = data[close + 1:].decode(encoding).encode("utf-8")
    except (UnicodeDecodeError, LookupError):
        return None
    return before, after


def _in_utf8(data: bytes) -> bytes:
    """``data`` in UTF-8 where the document is in UTF-32 or UTF-16 (told by its byte order
    mark or its first character, as XML's own detection does), for reading its declaration,
    white space and last line break; other documents are ASCII-compatible: as they are."""
    head = data[:4]
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
                       (b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be")):
        if head.startswith(bom):
            return data.decode(codec, errors="ignore").encode("utf-8")
    return data


def _utf8_named(m: re.Match[bytes]) -> bytes:
    if m.group(3).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        return m.group(0)
    return m.group(1) + m.group(2) + b"UTF-8" + m.group(2)


def fill_xliff(store: Store, data: bytes, path: str, out: BinaryIO, options: Options,
               converters: Converters) -> Summary:
    """Pre-translate an XLIFF 1.x or 2.0 document's bytes into ``out``."""
    tree = _parse(data, path)
    root = tree.getroot()
    if _local(root) != "xliff":
        raise FormatError(f"not an XLIFF file: root element <{_local(root)}>", path=path,
                          line=root.sourceline)
    fill = _fill_20 if root.get("version", "").startswith("2") else _fill_12
    summary = fill(store, tree, path, options, converters)
    _write(tree, out, data)
    return summary


def _langs(source: str | None, target: str | None, options: Options,
           path: str) -> tuple[str, str]:
    src = options.source_lang or source
    # An Angular messages.zh.xlf names its target language only in its name, as `check`,
    # `import` and `tm import` read it (termkit.formats.xliff.name_locale).
    tgt = options.target_lang or target or name_locale(path)
    if not src or not tgt:
        raise UsageError(f"{path}: the file names no {'source' if not src else 'target'} "
                         "language", hint="give --source-lang / --target-lang")
    return src, tgt


def _fill_12(store: Store, tree: Any, path: str, options: Options,
             converters: Converters) -> Summary:
    summary = Summary(path)
    root = tree.getroot()
    ns = _ns(root)
    for file_el in root.iter(_q(ns, "file")):
        src, tgt = _langs(file_el.get("source-language"), file_el.get("target-language"),
                          options, path)
        if not file_el.get("target-language"):
            file_el.set("target-language", langtags.to_short(tgt))
        units = [u for u in file_el.iter(_q(ns, "trans-unit")) if u.get("translate") != "no"]
        of_unit = {id(u): _slots_12(u, ns) for u in units}
        slots = [slot for u in units for slot in of_unit[id(u)]]
        engine = Engine(store, src, tgt, options, converters)
        writer = _Writer(engine, converters)
        requests = [Request(_plain(s.source), None, s.done) for s in slots]
        filled: dict[int, list[tuple[_Slot, Fill, bool]]] = {}
        for slot, fill in zip(slots, engine.fills(requests, summary), strict=True):
            if fill is None:
                continue
            target = _target_of(slot, ns)
            placed = writer.content(target, slot.source, fill)
            filled.setdefault(id(slot.unit), []).append((slot, fill, placed))
        for u in units:
            if id(u) in filled:
                _mark_12(u, ns, of_unit[id(u)], filled[id(u)])
    return summary


_SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
_MQ_NS = "MQXliff"  # memoQ's namespace (its .mqxliff), as memoQ writes it
_NO_TRANSLATION = frozenset({"new", "needs-translation"})


@dataclass(slots=True)
class _Slot:
    """One segment of an XLIFF 1.2 unit to fill: the unit's ``<source>`` and ``<target>``, or
    one ``<mrk mtype="seg">`` of its ``<seg-source>`` and the target's segment with its ``mid``
    (None when there is none yet)."""

    unit: Any
    source: Any
    target: Any | None
    done: bool
    mid: str | None = None  # the segment's id in a segmented unit
    segments: int = 1  # how many segments the unit has


def _segments(elem: Any) -> list[Any]:
    return [m for m in elem.iter("{*}mrk") if m.get("mtype") == "seg"]


def _slots_12(u: Any, ns: str) -> list[_Slot]:
    """The segments of an XLIFF 1.2 unit: one per ``<mrk mtype="seg">`` of a ``<seg-source>``
    (Trados's SDLXLIFF, Okapi, memoQ: a target keeps that structure, one segment per source
    segment, or the tool that wrote it cannot open it), else the whole unit."""
    source, target = u.find(_q(ns, "source")), u.find(_q(ns, "target"))
    seg_source = u.find(_q(ns, "seg-source"))
    segments = _segments(seg_source) if seg_source is not None else []
    # a target in state new or needs-translation is no translation (Okapi and Crowdin copy
    # the source into it), as the XLIFF reader takes it
    untranslated = target is not None and target.get("state") in _NO_TRANSLATION
    if not segments or any(m.get("mid") is None for m in segments):
        if source is None:
            return []
        done = target is not None and not untranslated and bool(_plain(target).strip())
        return [_Slot(u, source, target, done)]
    theirs = {m.get("mid"): m for m in _segments(target)} if target is not None else {}
    # a target written as plain text, not in segments, translates the unit whole
    whole = target is not None and not theirs and not untranslated and bool(_plain(target).strip())
    out = []
    for m in segments:
        mine = theirs.get(m.get("mid"))
        done = whole or (mine is not None and not untranslated and bool(_plain(mine).strip()))
        out.append(_Slot(u, m, mine, done, m.get("mid"), len(segments)))
    return out


def segment_sources(data: bytes, path: str) -> list[str] | None:
    """The source text of each segment :func:`fill_xliff` would fill in an XLIFF 1.2 file
    with segmented units (``<seg-source>``), in order, for ``tm analyze`` to count what
    pre-translation matches; None for other XLIFF (a unit is a segment there)."""
    root = _parse(data, path).getroot()
    if _local(root) != "xliff" or root.get("version", "").startswith("2"):
        return None
    ns = _ns(root)
    if root.find(f".//{_q(ns, 'seg-source')}") is None:
        return None
    return [_plain(slot.source) for u in root.iter(_q(ns, "trans-unit"))
            if u.get("translate") != "no" for slot in _slots_12(u, ns)]


def _target_of(slot: _Slot, ns: str) -> Any:
    """The element a fill is written into, emptied: the unit's ``<target>`` (added after its
    ``<source>`` or ``<seg-source>`` when missing) or, in a segmented unit, the target's
    segment (a target, or a segment, that is missing is made as the source's segmentation
    is, each segment empty)."""
    u = slot.unit
    if slot.mid is None:
        target = slot.target
        if target is None:
            target = etree.Element(_q(ns, "target"))
            after = u.find(_q(ns, "seg-source"))
            (after if after is not None else slot.source).addnext(target)
        else:
            _empty(target)
        return target
    if slot.target is not None:
        _empty(slot.target)
        return slot.target
    whole = u.find(_q(ns, "target"))
    if whole is None or not _segments(whole):
        # the seg-source's structure with every segment empty (text between segments and
        # codes outside them as the source has them), as Trados and Okapi make a target
        seg_source = u.find(_q(ns, "seg-source"))
        mirror = copy.deepcopy(seg_source)
        mirror.tag = _q(ns, "target")
        mirror.attrib.clear()
        for m in _segments(mirror):
            _empty(m)
        if whole is None:
            seg_source.addnext(mirror)
        else:
            attrib = dict(whole.attrib)
            whole.getparent().replace(whole, mirror)
            mirror.attrib.update(attrib)
            mirror.tail = whole.tail
        whole = mirror
    found = next((m for m in _segments(whole) if m.get("mid") == slot.mid), None)
    if found is None:  # the target lacks this segment: added at its end
        found = etree.SubElement(whole, _q(ns, "mrk"), {"mtype": "seg", "mid": slot.mid})
    return found


def _mark_12(u: Any, ns: str, slots: list[_Slot], fills: list[tuple[_Slot, Fill, bool]]
             ) -> None:
    """A filled unit's state (on its ``<target>``: translated when every segment of ``slots``
    is filled exactly or was translated before, needs-translation while one is not filled), Trados's confirmation level of each filled
    segment (``conf``: Translated for an exact fill, Draft otherwise) and one note per fill."""
    target = u.find(_q(ns, "target"))
    filled = {id(slot) for slot, _f, _p in fills}
    exact = all(fill.exact and placed for _s, fill, placed in fills)
    if not all(slot.done or id(slot) in filled for slot in slots):
        # a segment is still untranslated (empty, or a copy of its source): so is the unit
        state = target.get("state") if target.get("state") in _NO_TRANSLATION \
            else "needs-translation"
    else:
        state = "translated" if exact else "needs-review-translation"
    target.set("state", state)
    target.set("state-qualifier", "exact-match" if exact else "fuzzy-match")
    if u.get(f"{{{_MQ_NS}}}status") is not None and fills:
        # memoQ's row state and match rate, as memoQ writes a row it filled from a memory
        u.set(f"{{{_MQ_NS}}}status", "Pretranslated")
        u.set(f"{{{_MQ_NS}}}percent", str(min(min(f.score for _s, f, _p in fills), 100)))
    sdl = {seg.get("id"): seg for seg in u.iter(f"{{{_SDL_NS}}}seg")}
    for slot, fill, placed in fills:
        seg = sdl.get(slot.mid) if slot.mid is not None else None
        if seg is not None:
            seg.set("conf", "Translated" if fill.exact and placed else "Draft")
            seg.set("origin", "tm")
            seg.set("percent", str(min(fill.score, 100)))
        note = etree.Element(_q(ns, "note"))
        _add_note_12(u, ns, note)
        note.set("from", "termkit")
        where = f"segment {slot.mid}: " if slot.segments > 1 else ""
        note.text = where + fill.note() + ("" if placed else ", inline codes to place")


def _add_note_12(unit: Any, ns: str, note: Any) -> None:
    """Add ``note`` to an XLIFF 1.2 ``<trans-unit>`` where the schema puts notes: after its
    last XLIFF element, before the other namespaces' elements that close a unit (Trados's
    ``<sdl:seg-defs>``, memoQ's ``<mq:…>``)."""
    last = None
    for child in unit:
        if isinstance(child.tag, str) and _ns(child) == ns:
            last = child
    if last is None:  # pragma: no cover - a unit has its <source>
        unit.append(note)
    else:
        last.addnext(note)
        if last.tail and not last.tail.strip():
            note.tail = last.tail  # the file's indentation, kept between the elements


def _notes_of(unit: Any, ns: str) -> Any:
    notes = unit.find(_q(ns, "notes"))
    if notes is not None:
        return notes
    notes = etree.Element(_q(ns, "notes"))
    for child in unit:
        if _local(child) in ("originalData", "segment", "ignorable") and _ns(child) == ns:
            child.addprevious(notes)
            return notes
    unit.append(notes)  # pragma: no cover - a unit has at least one segment
    return notes


def _fill_20(store: Store, tree: Any, path: str, options: Options,
             converters: Converters) -> Summary:
    summary = Summary(path)
    root = tree.getroot()
    ns = _ns(root)
    src, tgt = _langs(root.get("srcLang"), root.get("trgLang"), options, path)
    if not root.get("trgLang"):
        root.set("trgLang", langtags.to_short(tgt))
    items = []
    for unit in root.iter(_q(ns, "unit")):
        if unit.get("translate") == "no":
            continue
        for seg in unit.iterchildren(_q(ns, "segment")):
            source = seg.find(_q(ns, "source"))
            target = seg.find(_q(ns, "target"))
            if source is None:
                continue
            done = target is not None and bool(_plain(target).strip())
            items.append((unit, seg, source, target, Request(_plain(source), None, done)))
    engine = Engine(store, src, tgt, options, converters)
    writer = _Writer(engine, converters)
    for (unit, seg, source, target, _r), fill in zip(
            items, engine.fills([i[4] for i in items], summary), strict=True):
        if fill is None:
            continue
        if target is None:
            target = etree.SubElement(seg, _q(ns, "target"))
        else:
            _empty(target)
        placed = writer.content(target, source, fill)
        seg.set("state", "translated" if fill.exact and placed else "initial")
        note = etree.SubElement(_notes_of(unit, ns), _q(ns, "note"))
        note.set("category", "termkit-tm")
        note.set("appliesTo", "target")
        where = f"segment {seg.get('id')}: " if seg.get("id") else ""
        note.text = where + fill.note() + ("" if placed else ", inline codes to place")
    return summary


def _tuv_lang(tuv: Any) -> str:
    return langtags.normalize(tuv.get(XML_LANG) or tuv.get("lang") or "und")


def fill_tmx(store: Store, data: bytes, path: str, out: BinaryIO, options: Options,
             converters: Converters) -> Summary:
    """Pre-translate a TMX document used as a source file (``options.target_lang`` needed)."""
    tree = _parse(data, path)
    root = tree.getroot()
    if _local(root) != "tmx":
        raise FormatError(f"not a TMX file: root element <{_local(root)}>", path=path,
                          line=root.sourceline)
    header = root.find("header")
    head_src = header.get("srclang") if header is not None else None
    if not options.target_lang:
        raise UsageError(f"{path}: a TMX file needs --target-lang (the language to fill)")
    tgt = langtags.normalize(options.target_lang)
    summary = Summary(path)
    items = []
    src = options.source_lang or (head_src if head_src and head_src != "*all*" else None)
    for tu in root.iter("tu"):
        tuvs = list(tu.iterchildren("tuv"))
        want = options.source_lang or tu.get("srclang") or src
        source = next((t for t in tuvs if want and langtags.same_language(_tuv_lang(t), want)),
                      tuvs[0] if tuvs else None)
        if source is None or source.find("seg") is None:
            continue
        src = src or _tuv_lang(source)
        done = any(t is not source and _tuv_lang(t) == tgt and t.find("seg") is not None
                   and _plain(t.find("seg")).strip() for t in tuvs)
        items.append((tu, source, Request(_plain(source.find("seg")), None, done)))
    if not items:
        _write(tree, out, data)
        return summary
    engine = Engine(store, src or _tuv_lang(items[0][1]), tgt, options, converters)
    for (tu, source, _r), fill in zip(items, engine.fills([i[2] for i in items], summary),
                                      strict=True):
        if fill is None:
            continue
        placed = not _codes(source.find("seg"))
        old = next((t for t in tu.iterchildren("tuv")
                    if t is not source and _tuv_lang(t) == tgt), None)
        if old is not None:
            tu.remove(old)  # an empty target (a filled one is kept unless --overwrite)
        tuv = etree.SubElement(tu, "tuv")
        tuv.set(XML_LANG, langtags.to_short(tgt))
        note = etree.SubElement(tuv, "note")
        note.text = fill.note() + ("" if placed else ", inline codes to place")
        prop = etree.SubElement(tuv, "prop")
        prop.set("type", "x-state")
        prop.text = "translated" if fill.exact and placed else "fuzzy"
        seg = etree.SubElement(tuv, "seg")
        seg.text = fill.text
    _write(tree, out, data)
    return summary
