"""TMX → units, the fast way: libxml2 checks the document, regular expressions take the usual ``<tu>`` apart.

:func:`read_units` is what :func:`termkit.formats.tmx.iter_units` runs. Building an lxml
element per ``<tu>`` (iterparse) and reading it back through element proxies cost about twice
what libxml2 needs just to check the same bytes, so for the common file this module
splits the work:

* the whole document is fed, in blocks cut after a ``</tu>``, to a safe lxml parser whose
  target has no callbacks (:func:`termkit.xmlsafe.parser`): libxml2 checks well-formedness
  with the usual safety options and builds nothing;
* the ``<tu>`` elements of a block that was accepted are read with regular expressions that
  only match a strict subset of XML (a ``<tu>`` holding ``<tuv>``\\ s of one plain ``<seg>``
  each; attributes as ``name="value"``; character and predefined entity references only), so
  what they capture means exactly what lxml would make of it;
* any other ``<tu>`` (notes, props, inline codes, comments, CDATA...) is parsed on its own by
  lxml and converted by the iterparse reader's own code (:func:`termkit.formats.tmx_parse.unit_of`).

Whatever this module cannot vouch for — a prolog with an internal DTD subset or namespaces, an
encoding other than UTF-8, a lone CR, anything but ``<tu>`` elements and white space in the
body, an unknown entity, a malformed document, a stream that cannot seek — makes it start
again with the iterparse reader (:func:`termkit.formats.tmx_parse.iterparse_units`) from where the
stream started, skipping the units already delivered. That reader is the reference: the
units, their order, the errors and their FILE:LINE:COL are the same either way (tested on
every sample, generated files and hypothesis-made documents). Line numbers follow libxml2:
the line of the ``>`` closing the ``<tu>`` start tag, counting ``\\n`` characters.
"""

from __future__ import annotations

import codecs
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, NamedTuple

from lxml import etree

from termkit import xmlsafe
from termkit.errors import FormatError
from termkit.formats.tmx_parse import (
    MISSING,
    Header,
    iterparse_units,
    new_source,
    normalize_lang,
    read_header,
    source_lang,
    tu_attribute_props,
    unit_of,
)
from termkit.model import Unit, Variant

BLOCK = 1 << 20  # bytes read at a time; a block is cut after its last </tu>
_MAX_PENDING = 64 * BLOCK  # a <tu> (or a body without any) larger than this: iterparse's
_MAX_CACHED = 4096  # distinct <tuv> attribute strings remembered per file

_WS = "[ \t\n]*+"
# tuid/srclang values taken as written: no reference to expand, no white space to normalize.
_PLAIN = '[^"<&\t\n]*+'
# A <tuv> holding one <seg> of text; its attributes are checked apart (and cached per file).
_TUV = f"{_WS}<tuv((?:[ \t\n][^<>]*+)?)>{_WS}<seg>([^<]*+)</seg>{_WS}</tuv>"
_TUV_RE = re.compile(_TUV)
_TUV_NC = f"{_WS}<tuv(?:[ \t\n][^<>]*+)?>{_WS}<seg>[^<]*+</seg>{_WS}</tuv>"  # no groups
# A <tu> of such <tuv>s, the first two taken by the pattern itself (the usual pair needs no
# second search). Groups: 1 all attributes, 2 tuid, 3 srclang, 4 other attributes, 5 white
# space before the first <tuv>, 6-7 its attributes and text, 8-9 the second's, 10 the others.
_TU_RE = re.compile(
    f'{_WS}<tu((?: tuid="({_PLAIN})")?(?: srclang="({_PLAIN})")?((?:[ \t\n][^<>]*+)?))>'
    f"([ \t\n]*+)<tuv((?:[ \t\n][^<>]*+)?)>{_WS}<seg>([^<]*+)</seg>{_WS}</tuv>"
    f"(?:{_TUV}((?:{_TUV_NC})*+))?{_WS}</tu>")
_TU_START = re.compile("[ \t\n]*<tu(?=[ \t\n>])")
# A <tu> start tag and the white space after it (a text node, when there is any).
_FIRST_TEXT = re.compile(
    "<tu(?:[ \t\n]+[^ \t\n=]+[ \t\n]*=[ \t\n]*(?:\"[^\"]*\"|'[^']*'))*[ \t\n]*>([ \t\n]*)[<&]")
_BIG_LINE = 65535  # libxml2 keeps line numbers below this in its nodes; see _big_line
_TRAILER = re.compile("[ \t\n]*</body>[ \t\n]*</tmx>[ \t\n]*")
_ATTR = re.compile(
    "[ \t\n]+((?:xml:)?[A-Za-z_][-.\\w]*)[ \t\n]*=[ \t\n]*(?:\"([^\"<]*)\"|'([^'<]*)')")
_REF = re.compile("&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));|&")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_BODY = re.compile(rb"<body(?:[ \t\r\n][^<>]*)?>")
_MAX_PROLOG = 4 * BLOCK  # a header larger than this: leave it to iterparse
_PROLOG_END = b"</body></tmx>"
_QUOTED = rb"""(?:"[^"]*"|'[^']*')"""
_DOCTYPE = re.compile(  # <!DOCTYPE name>, with a SYSTEM or PUBLIC id, and no internal subset
    rb"<!DOCTYPE[ \t\r\n]+[^ \t\r\n\[>]+(?:[ \t\r\n]+(?:SYSTEM[ \t\r\n]+" + _QUOTED
    + rb"|PUBLIC[ \t\r\n]+" + _QUOTED + rb"[ \t\r\n]+" + _QUOTED + rb"))?[ \t\r\n]*>")


class _Unsuitable(Exception):
    """This reader cannot vouch for the input: the iterparse reader takes over."""


# The XML declaration of a UTF-16 document, and the encoding it may name for this reader to
# read it as UTF-8: none (the byte-order mark says it) or plain UTF-16.
_DECLARATION = re.compile(r"<\?xml[ \t\r\n][^>]*?\?>")
_ENCODING = re.compile(r"([ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*)([\"'])([^\"']*)\2")


class _Utf16:
    """A UTF-16 stream with a byte-order mark, read as UTF-8 (declaration rewritten to match).

    Lines and their content are unchanged, so units and their lines are those of the original;
    anything odd (no declaration's blessing, invalid UTF-16) is :class:`_Unsuitable`, and the
    iterparse reader reads the original stream.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder("utf-16")("strict")
        self.first = True

    def read(self, size: int) -> bytes:
        """About ``size`` bytes of the document as UTF-8; ``b""`` at its end."""
        text = ""
        while not text:
            raw = self.raw.read(size)
            try:
                text = self.decoder.decode(raw, final=not raw)
            except UnicodeDecodeError:
                raise _Unsuitable from None
            if not raw:
                break
        if self.first and text:
            self.first = False
            text = self._declaration(text)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate that decoding let through
            raise _Unsuitable from None

    @staticmethod
    def _declaration(text: str) -> str:
        if not text.startswith("<?xml"):
            return text
        m = _DECLARATION.match(text)
        if m is None:
            raise _Unsuitable  # a declaration longer than a block: not worth the trouble
        enc = _ENCODING.search(m.group())
        if enc is None:
            return text
        if enc.group(3).upper() not in ("UTF-16", "UTF16"):
            raise _Unsuitable  # what libxml2 makes of a mismatch is iterparse's to say
        decl = m.group()[: enc.start(3)] + "UTF-8" + m.group()[enc.end(3):]
        return decl + text[m.end():]


def _check_utf16(stream: BinaryIO) -> None:
    """Decode the whole stream first: :class:`_Unsuitable` if it is not valid UTF-16.

    libxml2 converts UTF-16 ahead of parsing, so the iterparse reader reports an invalid
    sequence before units that precede it; checking first keeps the units delivered before
    the error the same (none from this reader).
    """
    decoder = codecs.getincrementaldecoder("utf-16")("strict")
    try:
        while raw := stream.read(BLOCK):
            decoder.decode(raw)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _Unsuitable from None


class _Null:
    """A parser target with no callbacks: libxml2 checks the document and builds nothing."""

    def close(self) -> None:
        return None


def read_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Stream the units of a TMX file; the iterparse reader takes over whatever this one cannot vouch for."""
    try:
        start = stream.tell() if stream.seekable() else None
    except (AttributeError, OSError):
        start = None
    if start is None or not _DIRECT_INIT:  # the reader that handles everything
        return iterparse_units(stream, path)
    return _units(stream, path, start)


def _direct_init_is_safe() -> bool:
    """Whether filling a Variant and a Unit slot by slot gives what their constructors give.

    The hot loop does that to save the dataclass ``__init__`` calls. Should the model change
    (a field, a ``__post_init__``, frozen), this turns the chunked reader off instead.
    """
    try:
        if ([f.name for f in dataclasses.fields(Variant)] != list(_VARIANT_SLOTS)
                or [f.name for f in dataclasses.fields(Unit)] != list(_UNIT_SLOTS)
                or hasattr(Variant, "__post_init__") or hasattr(Unit, "__post_init__")):
            return False
        variant = object.__new__(Variant)
        values: tuple[Any, ...] = ("en", "t", None, {}, [])
        for name, value in zip(_VARIANT_SLOTS, values, strict=True):
            setattr(variant, name, value)
        unit = object.__new__(Unit)
        values = ("u", [variant], "en", {}, [], None)
        for name, value in zip(_UNIT_SLOTS, values, strict=True):
            setattr(unit, name, value)
        made = Unit("u", [Variant("en", "t")], "en")
        return unit == made and repr(unit) == repr(made)
    except Exception:  # any surprise: the constructors it is
        return False


_VARIANT_SLOTS = ("lang", "text", "markup", "props", "notes")
_UNIT_SLOTS = ("id", "variants", "source_lang", "props", "notes", "location")
_DIRECT_INIT = _direct_init_is_safe()


def _unescape(value: str) -> str:
    """Expand character and predefined entity references (any other entity: not ours to read)."""

    def expand(m: re.Match[str]) -> str:
        hexa, dec, name = m.groups()
        if name:
            return _NAMED[name]
        if hexa or dec:
            try:
                return chr(int(hexa, 16) if hexa else int(dec))
            except (ValueError, OverflowError):
                raise _Unsuitable from None
        raise _Unsuitable  # a bare "&": an entity lxml would keep as a reference node

    return _REF.sub(expand, value)


def _attributes(text: str) -> dict[str, str] | None:
    """The attributes of a start tag as lxml reads them, or None when they are not plain."""
    out: dict[str, str] = {}
    pos = 0
    while (m := _ATTR.match(text, pos)) is not None:
        name, value = m.group(1), m.group(2)
        if value is None:
            value = m.group(3)
        if name.startswith("xmlns") or name in out:
            return None  # namespaces change what the elements are: lxml's business
        # Attribute-value normalization (XML 1.0 §3.3.3): literal white space becomes a space.
        value = value.replace("\t", " ").replace("\n", " ")
        out[name] = _unescape(value) if "&" in value else value
        pos = m.end()
    return out if not text[pos:].strip(" \t\n") else None


def _tuv_lang(text: str) -> str:
    """The normalized language of a ``<tuv>`` from its attributes ("" if it must go to lxml)."""
    attrs = _attributes(text)
    if attrs is None:
        return ""
    lang = attrs.get("xml:lang") or attrs.get("lang")
    return normalize_lang(lang) if lang else ""


def _prolog(stream: BinaryIO, checker: Any, header: Header) -> tuple[bytes, int]:
    """Read and check everything up to ``<body>``; returns the bytes after it and their line."""
    head = b""
    while (m := _BODY.search(head)) is None:
        block = stream.read(BLOCK)
        if not block or len(head) > _MAX_PROLOG:
            raise _Unsuitable
        head += block
    prolog = head[: m.end()]
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Unsuitable  # UTF-32 (UTF-16 comes here as UTF-8, see _Utf16): iterparse decodes it
    try:
        # The prolog closed by hand: if "<body>" were inside a comment, CDATA section or
        # processing instruction, this could not parse. Entities would be refused by check_tree.
        root = etree.fromstring(prolog + _PROLOG_END, xmlsafe.parser())
        checker.feed(prolog)
    except etree.XMLSyntaxError:
        raise _Unsuitable from None
    info = root.getroottree().docinfo
    body = root[-1] if len(root) else None
    if info.internalDTD is not None and not _doctype_without_subset(prolog):
        raise _Unsuitable  # declarations can change what attributes and entities mean
    if (root.tag != "tmx"
            or (info.encoding or "").upper() not in ("UTF-8", "UTF8")
            or body is None or body.tag != "body" or len(body) or body.text is not None
            or body.nsmap or any("{" in e.tag for e in root.iter() if isinstance(e.tag, str))
            or next(root.iter("tu"), None) is not None):
        raise _Unsuitable
    headers = list(root.iter("header"))
    if len(headers) > 1:
        raise _Unsuitable
    if headers:
        read_header(headers[0], header)
    return head[m.end():], prolog.count(b"\n") + 1


def _doctype_without_subset(prolog: bytes) -> bool:
    """Whether the one ``<!DOCTYPE`` of the prolog only names a DTD (declares nothing itself)."""
    at = prolog.find(b"<!DOCTYPE")
    return (at >= 0 and prolog.count(b"<!DOCTYPE") == 1
            and _DOCTYPE.match(prolog, at) is not None)


def _big_line(line: int, first_text: str) -> int:
    """The line lxml gives an element whose start tag ends on ``line`` >= 65535.

    libxml2 keeps 16-bit line numbers in elements; past 65534 it finds the line of an element
    through its first child, which for a text node is the line where that text (up to 300
    characters, read at once) ends. The iterparse reader reports that line, so this one does
    too, for the one first child it can reckon without lxml: white space before the first
    child element (what every TMX writer puts there).
    """
    if not first_text or len(first_text) >= 300 or first_text.strip(" \t\n"):
        raise _Unsuitable
    return line + first_text.count("\n")


class _Shape(NamedTuple):
    """A ``<tu>`` of two plain ``<tuv>``\\ s as the file writes them, with holes for the values.

    Most files write every unit alike: same white space, same languages, same ``srclang``.
    A pattern that is the last unit's text with the tuid and the two segment texts as holes
    matches the next ones far faster than the general one, and everything but the holes is
    known in advance: the languages, the source language and the line offsets.
    """

    match: Callable[[str, int], re.Match[str] | None]
    has_tuid: bool
    k_tag: int  # newlines before the ">" of the <tu> start tag
    k_all: int  # newlines in the whole unit (the holes hold none)
    k_space: int  # newlines between <tu> and <tuv> (-1: not a text lxml's line rule can use)
    lang1: str
    lang2: str
    source_lang: str | None


_NO_SHAPE = _Shape(re.compile("(?!)").match, False, 0, 0, -1, "", "", None)
_MAX_SHAPES = 100  # shapes made per file, at most
_SEG_HOLE = "([^<\n]*+)"  # no newline: the line offsets stay constant


def _shape_of(m: re.Match[str], text: str, pos: int, variants: list[Variant],
              source_lang: str | None) -> _Shape:
    """The shape of the unit ``m`` (a :data:`_TU_RE` match at ``pos`` with two plain tuvs)."""
    holes = [(m.span(7), _SEG_HOLE), (m.span(9), _SEG_HOLE)]
    if m.group(2) is not None:
        holes.insert(0, (m.span(2), f"({_PLAIN})"))
    parts = []
    at = pos
    inside = 0  # newlines inside the holes of this unit
    for (a, b), hole in holes:
        parts += [re.escape(text[at:a]), hole]
        inside += text.count("\n", a, b)
        at = b
    end = m.end()
    parts.append(re.escape(text[at:end]))
    space = m.group(5)
    try:
        k_space = _big_line(0, space)
    except _Unsuitable:
        k_space = -1
    return _Shape(re.compile("".join(parts)).match, m.group(2) is not None,
                  text.count("\n", pos, m.end(1)), text.count("\n", pos, end) - inside,
                  k_space, variants[0].lang, variants[1].lang, source_lang)


class _NotPlain(Exception):
    """This ``<tu>`` is not for the regular expressions: lxml parses it."""


class _Scanner:
    """State of a file's reading and the rare cases of :func:`_units`' loop."""

    def __init__(self, path: str, header: Header, line: int) -> None:
        self.path = path
        self.header = header
        self.line = line  # the line the next block starts on
        self.langs: dict[str, str] = {}  # for unit_of: tag as written -> normalized
        self.tuv_langs: dict[str, str] = {}  # <tuv> attributes as written -> normalized tag
        self.sources: dict[str | None, str | None] = {}  # srclang as written -> source_lang
        self.shape = _NO_SHAPE
        self.parser = xmlsafe.parser()  # for the <tu> elements lxml reads on their own
        self.shapes = 0  # how many were made (a file whose units all differ stops at a limit)

    def unit(self, text: str, pos: int, line: int) -> tuple[Unit, int, int]:
        """The ``<tu>`` at ``pos`` (by the general pattern, else lxml); its end and the next line."""
        m = _TU_RE.match(text, pos)
        if m is None:
            return self.fragment(text, pos, line)
        _, tuid, written, extra, space, attrs, seg, attrs2, seg2, rest = m.groups()
        kept: dict[str, str] = {}
        try:
            if extra:
                tuid, written, kept = self.tu_attributes(m.group(1))
            variants = [Variant(self.lang(attrs), _unescape(seg) if "&" in seg else seg)]
            if attrs2 is not None:
                variants.append(Variant(self.lang(attrs2),
                                        _unescape(seg2) if "&" in seg2 else seg2))
                for attrs, seg in _TUV_RE.findall(rest or ""):
                    variants.append(Variant(self.lang(attrs),
                                            _unescape(seg) if "&" in seg else seg))
        except _NotPlain:
            return self.fragment(text, pos, line)
        src = self.sources.get(written, MISSING)
        if src is MISSING:
            src = self.sources[written] = source_lang(written, self.header)
        stag = m.end(1)
        tu_line = line + text.count("\n", pos, stag)
        end = m.end()
        if tu_line >= _BIG_LINE:
            tu_line = _big_line(tu_line, space)
        if not extra and attrs2 is not None and not rest and self.shapes < _MAX_SHAPES:
            self.shapes += 1
            self.shape = _shape_of(m, text, pos, variants, src)
        unit = Unit(tuid, variants, src, kept, location=new_source(self.path, tu_line))
        return unit, end, line + text.count("\n", pos, end)

    def lang(self, attrs: str) -> str:
        """The normalized language of a ``<tuv>`` from its attributes (:class:`_NotPlain` if none)."""
        lang = self.tuv_langs.get(attrs)
        if lang is None:
            lang = _tuv_lang(attrs)
            if len(self.tuv_langs) < _MAX_CACHED:
                self.tuv_langs[attrs] = lang
        if not lang:
            raise _NotPlain
        return lang

    @staticmethod
    def tu_attributes(text: str) -> tuple[str | None, str | None, dict[str, str]]:
        """``tuid``, ``srclang`` and the kept attributes (props) of a ``<tu>``.

        Raises :class:`_NotPlain` if the attributes are odd.
        """
        attrs = _attributes(text)
        if attrs is None:
            raise _NotPlain
        return attrs.get("tuid"), attrs.get("srclang"), tu_attribute_props(attrs)

    def fragment(self, text: str, pos: int, line: int) -> tuple[Unit, int, int]:
        """The ``<tu>`` at ``pos`` parsed on its own by lxml; returns it, its end and the next line."""
        m = _TU_START.match(text, pos)
        if m is None:
            raise _Unsuitable  # not a <tu>: comments, other elements... are iterparse's business
        start = m.end() - 3
        end = text.find("</tu>", start) + 5
        if end < 5:
            raise _Unsuitable
        try:
            # A wrong cut (a "</tu>" inside a comment or CDATA section) leaves it unclosed: an error.
            elem: Any = etree.fromstring(text[start:end], self.parser)
        except etree.XMLSyntaxError:
            raise _Unsuitable from None
        if elem.tag != "tu" or next(elem.iterdescendants("tu", "header"), None) is not None:
            # a namespaced <tu> is no unit for iterparse; a <tu> or <header> inside is one more
            raise _Unsuitable
        tu_line = line + text.count("\n", pos, start) + elem.sourceline - 1
        if tu_line >= _BIG_LINE:
            first = _FIRST_TEXT.match(text, start)
            tu_line = _big_line(tu_line, first.group(1) if first else "")
        try:
            unit = unit_of(elem, self.path, tu_line, self.langs,
                            source_lang(elem.get("srclang"), self.header))
        except FormatError:
            raise _Unsuitable from None  # the iterparse reader reports it, with its position
        return unit, end, line + text.count("\n", pos, end)


def _blocks(stream: BinaryIO, checker: Any, pending: bytes) -> Iterator[tuple[str, bool]]:
    """The rest of the document in blocks of whole ``<tu>`` elements, each checked by libxml2.

    Yields ``(text, last)``; raises :class:`_Unsuitable` where the iterparse reader must take over.
    """
    eof = False
    while not eof:
        block = stream.read(BLOCK)
        if block:
            pending += block
            cut = pending.rfind(b"</tu>") + 5
            if cut < 5:
                if len(pending) > _MAX_PENDING:
                    raise _Unsuitable
                continue
            piece, pending = pending[:cut], pending[cut:]
        else:
            eof = True
            piece, pending = pending, b""
        if b"xml:id" in piece:
            # libxml2 checks xml:id values (unique, a name) only while building a tree.
            raise _Unsuitable
        try:
            checker.feed(piece)
            if eof:
                checker.close()
            text = piece.decode("utf-8")
        except (etree.XMLSyntaxError, UnicodeDecodeError):
            raise _Unsuitable from None
        if "\r" in text:
            # libxml2 counts a CRLF as one line and a lone CR as none, then reads both as LF.
            if text.count("\r") != text.count("\r\n"):
                raise _Unsuitable
            text = text.replace("\r\n", "\n")
        yield text, eof


def _units(stream: BinaryIO, path: str, start: int) -> Iterator[Unit]:
    """The chunked reader; from the first thing it cannot vouch for, the iterparse reader.

    Units are only built from blocks libxml2 has accepted, and the iterparse reader gives the
    same units in the same order, so it can take over at any point by skipping the units
    already delivered.
    """
    delivered = 0
    original = stream
    try:
        head = stream.read(4)
        stream.seek(start)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff") and head[2:4] != b"\x00\x00":  # not UTF-32
            _check_utf16(stream)
            stream.seek(start)
            stream = _Utf16(stream)  # type: ignore[assignment]
        checker = xmlsafe.parser(target=_Null())
        header = Header()
        pending, line = _prolog(stream, checker, header)
        scanner = _Scanner(path, header, line)
        # The hot loop: the units shaped like the last one (see _Shape) are built here, with
        # local names and Variant/Unit filled directly (see _direct_init_is_safe); the others
        # go to the scanner.
        shape = scanner.shape
        match, has_tuid, k_tag, k_all, k_space, lang1, lang2, src = shape
        new_variant = Variant
        new_unit = Unit
        make_source = new_source
        new = object.__new__
        for text, last in _blocks(stream, checker, pending):
            pos = 0
            end = len(text)
            while pos < end:
                m = match(text, pos)
                if m is None:
                    if last and _TRAILER.fullmatch(text, pos):
                        break
                    unit, pos, line = scanner.unit(text, pos, line)
                    yield unit
                    delivered += 1
                    if scanner.shape is not shape:
                        shape = scanner.shape
                        match, has_tuid, k_tag, k_all, k_space, lang1, lang2, src = shape
                    continue
                if has_tuid:
                    tuid, seg, seg2 = m.groups()
                else:
                    tuid = None
                    seg, seg2 = m.groups()
                pos = m.end()
                tu_line = line + k_tag
                line += k_all
                if tu_line >= _BIG_LINE:  # see _big_line
                    if k_space < 0:
                        raise _Unsuitable
                    tu_line += k_space
                v = new(new_variant)
                v.lang = lang1
                v.text = _unescape(seg) if "&" in seg else seg
                v.markup = None
                v.props = {}
                v.notes = []
                v2 = new(new_variant)
                v2.lang = lang2
                v2.text = _unescape(seg2) if "&" in seg2 else seg2
                v2.markup = None
                v2.props = {}
                v2.notes = []
                unit = new(new_unit)
                unit.id = tuid
                unit.variants = [v, v2]
                unit.source_lang = src
                unit.props = {}
                unit.notes = []
                unit.location = make_source(path, tu_line)
                yield unit
                delivered += 1
        return
    except _Unsuitable:
        pass
    original.seek(start)
    yield from itertools.islice(iterparse_units(original, path), delivered, None)
