"""File-aware conversion: TMX, XLIFF, TBX, PO, CSV/TSV and plain text, touching Chinese only.

Structured files are converted on their raw text so every byte outside Chinese content
stays the same: XML is first parsed with :mod:`termkit.xmlsafe` (malformed input is refused
with its line and column), then a token pass over the text rewrites only the character data
of Chinese elements (TMX ``<seg>`` of Chinese ``<tuv>``s without inline-code content, XLIFF
``<target>`` when the target language is Chinese, TBX Chinese ``langSec``/``langSet``) and,
on request, the language attributes (:mod:`termkit.convert.retag`: no language twice in a unit).
PO files are rewritten line by line (``msgstr``
literals; the header's ``Language``). CSV/TSV convert the cells of columns whose header is a
Chinese language tag, and of a glossary table's term columns of such a language (``zh-Hans
variants``, ``… candidates``, ``… deprecated``). Plain text is streamed in chunks (:meth:`Converter.convert_stream`).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import BinaryIO

from termkit import lang, xmlsafe
from termkit.convert.converter import Converter
from termkit.convert.retag import Piece, duplicates, is_chinese, is_lang_prop, retag_value
from termkit.errors import EncodingError, FormatError, InputError, UsageError
from termkit.textio import first_line, refuse_utf32

KINDS = ("text", "html", "tmx", "xliff", "tbx", "po", "csv", "tsv")

_EXTENSIONS = {
    ".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".tbx": "tbx", ".po": "po",
    ".pot": "po", ".csv": "csv", ".tsv": "tsv", ".html": "html", ".htm": "html",
    ".xhtml": "html",
}


def detect_kind(path: str, explicit: str | None = None) -> str:
    """The kind of file to convert: ``explicit``, else from the extension, else ``text``."""
    if explicit:
        if explicit not in KINDS:
            raise UsageError(f"unknown file kind {explicit!r}", hint="one of: " + ", ".join(KINDS))
        return explicit
    return _EXTENSIONS.get(PurePath(path).suffix.lower(), "text")


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; :class:`EncodingError` with position."""
    wide = _with_bom(data, path)
    if wide is not None:
        return wide[0]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start: exc.start].decode("utf-8", "replace")) + 1
        raise EncodingError(
            "not valid UTF-8", path=path, line=line, column=column,
            hint=utf8_hint(data),
        ) from None


# iconv's names of the encodings termkit.textio recognizes besides UTF-8.
_ICONV = {"cp950": "BIG5", "gb18030": "GB18030", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}


def utf8_hint(data: bytes) -> str:
    """What to do with ``data`` that is not UTF-8: the encoding its start reads as, if any
    (:func:`termkit.textio.decode_text`), and the ``iconv`` command that converts it."""
    from termkit.textio import decode_text

    sample = data[: 1 << 16]
    encoding = ""
    for cut in range(4):  # the sample may end inside a character
        with contextlib.suppress(InputError):
            encoding = decode_text(sample[: len(sample) - cut], "")[1]
            break
    name = _ICONV.get(encoding)
    if name is None:  # none termkit reads: naming one (BIG5) would send Latin-1 text astray
        return ("convert it to UTF-8 first, from the encoding it was written in "
                "(iconv -f ENCODING -t UTF-8 FILE); it does not read as UTF-16, Big5 or GB18030")
    return f"it reads as {name}: convert it to UTF-8 first (iconv -f {name} -t UTF-8 FILE)"


def _decode_page(data: bytes, path: str) -> tuple[str, str | None]:
    """An HTML page's text, and the codec to write it back in: None for UTF-8 and UTF-16
    (:func:`decode`, :func:`_encode_like`); else the encoding the page names for itself in a
    ``<meta>`` (Big5, GBK/GB2312, or a Western one: a page so saved writes Chinese as character
    references), where its bytes read in it, as a browser reads it; else the UTF-8 error."""
    from termkit.records.htmlpage import declared_encoding
    from termkit.textio import decode_as

    try:
        return decode(data, path), None
    except EncodingError:
        for codec in declared_encoding(data, western=True):
            try:
                return decode_as(data, codec), codec
            except UnicodeDecodeError:
                continue
        raise


def _as_reference(exc: UnicodeError) -> tuple[bytes, int]:
    """Encoding a page: a character its encoding cannot hold written as a numeric character
    reference (``&#22269;``), as browsers and editors save one; the C1 control a windows-1252
    byte it leaves undefined was read as (:func:`termkit.textio.decode_as`), as that byte."""
    if not isinstance(exc, UnicodeEncodeError):  # pragma: no cover - an encode handler only
        raise exc
    # (a single-byte codec, windows-1252, is a "charmap" one: the bytes it leaves undefined
    # were read as the characters of their own numbers, below 256, and only they fail so)
    single = exc.encoding == "charmap"
    out = b"".join(bytes([ord(c)]) if single and ord(c) < 0x100
                   else f"&#{ord(c)};".encode("ascii") for c in exc.object[exc.start:exc.end])
    return out, exc.end


_AS_REFERENCE = "termkit-html-reference"
codecs.register_error(_AS_REFERENCE, _as_reference)


def _encode_like(text: str, original: bytes) -> bytes:
    if original.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        bom = original[:2]
        enc = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
        return text.encode(enc) if text.startswith("\ufeff") else bom + text.encode(enc)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- XML


_TOKEN_RE = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>"
    r"|[^<]+",
    re.S,
)
_NAME_RE = re.compile(r"</?\s*([^\s/>]+)")
_ATTR_RE = re.compile(r"([^\s=/>]+)\s*=\s*(\"[^\"]*\"|'[^']*')")
_ENTITY_RE = re.compile(r"&[^;\s&<]+;")


@dataclass(slots=True)
class _Frame:
    name: str
    lang: str | None
    convert: bool
    code: bool
    role: str = ""  # "group", "piece" or "lang-prop" while retagging


@dataclass(frozen=True, slots=True)
class XmlRules:
    """Which elements hold convertible text in one XML format."""

    text_elements: frozenset[str]  # text inside these converts when their language is Chinese
    code_elements: frozenset[str]  # native inline codes: their text never converts
    reentry_elements: frozenset[str]  # text again (``<sub>`` inside a code)
    retag: frozenset[str]  # elements whose language attributes --retag rewrites
    lang_attrs: tuple[str, ...] = ("xml:lang",)
    # --retag: one language at most once among the pieces of a group (TMX tuvs of a tu)
    groups: frozenset[str] = frozenset()
    pieces: frozenset[str] = frozenset()
    prop_element: str = ""  # TMX <prop>: an ``x-lang``-style type is retagged with its piece


TMX_RULES = XmlRules(
    frozenset({"seg"}), frozenset({"bpt", "ept", "ph", "it", "ut"}), frozenset({"sub"}),
    frozenset({"tuv", "tu", "header"}), ("xml:lang", "lang"),
    groups=frozenset({"tu"}), pieces=frozenset({"tuv"}), prop_element="prop",
)
XLIFF_RULES = XmlRules(
    frozenset({"target"}), frozenset({"bpt", "ept", "ph", "it"}), frozenset({"sub"}),
    frozenset({"file", "xliff", "target", "alt-trans"}),
)
TBX_RULES = XmlRules(
    frozenset({"langSec", "langSet"}), frozenset(), frozenset(),
    frozenset({"langSec", "langSet"}),
    groups=frozenset({"conceptEntry", "termEntry"}), pieces=frozenset({"langSec", "langSet"}),
)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1): m.group(2)[1:-1] for m in _ATTR_RE.finditer(tag)}


def _rewrite_attrs(tag: str, names: set[str], target: str) -> str:
    """Rewrite the Chinese language values of attributes ``names`` inside one start tag."""

    def sub(m: re.Match[str]) -> str:
        value = m.group(2)[1:-1]
        if m.group(1) not in names or not value or not is_chinese(value):
            return m.group(0)
        quote = m.group(2)[0]
        return m.group(0)[: m.start(2) - m.start(0)] + quote + retag_value(value, target) + quote

    return _ATTR_RE.sub(sub, tag)


# What a converted piece of character data may hold that its XML cannot: markup characters
# (a glossary's locked form such as ``R&D``) and characters XML 1.0 has no place for (a
# control character in a glossary term). Well-formed input holds none of them between its
# entity references, so a match is always something the conversion put there.
_XML_UNSAFE = re.compile(r"[&<\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\]\]>")
_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", "]]>": "]]&gt;"}
_CDATA_ESCAPES = {"&": "&", "<": "<", "]]>": "]]]]><![CDATA[>"}


class _XmlUnsafe(Exception):
    """A converted text holds character ``char``, which XML 1.0 cannot hold."""

    def __init__(self, char: str) -> None:
        super().__init__(char)
        self.char = char


def _xml_safe(text: str, escapes: dict[str, str]) -> str:
    """``text`` with the markup the conversion put in it escaped (``escapes``);
    :class:`_XmlUnsafe` for a character no escape can carry."""
    if _XML_UNSAFE.search(text) is None:  # the usual text: one scan
        return text

    def sub(m: re.Match[str]) -> str:
        if m.group() not in escapes:
            raise _XmlUnsafe(m.group())
        return escapes[m.group()]

    return _XML_UNSAFE.sub(sub, text)


def _convert_text_node(raw: str, conv: Converter) -> str:
    # Entity references stay as written; the text between them converts in one OpenCC call.
    if "&" not in raw:
        return _xml_safe(conv.convert(raw), _XML_ESCAPES)
    parts = _ENTITY_RE.split(raw)
    refs = _ENTITY_RE.findall(raw)
    converted = conv.convert_parts(parts)
    out = [_xml_safe(converted[0], _XML_ESCAPES)]
    for ref, part in zip(refs, converted[1:], strict=True):
        out.append(ref)
        out.append(_xml_safe(part, _XML_ESCAPES))
    return "".join(out)


@dataclass(slots=True)
class _Piece:
    """A retagged element of a group being written: where it is in the output, its tags."""

    start: int  # index in the output list (its leading whitespace included)
    end: int = -1
    tag: str | None = None  # language attribute before / after retagging
    new_tag: str | None = None
    prop: str | None = None  # ``x-lang``-style prop before / after
    new_prop: str | None = None
    text: list[str] = field(default_factory=list)  # converted text inside it

    def piece(self) -> Piece:
        if self.prop is not None:
            return Piece(self.prop, self.new_prop, "".join(self.text))
        return Piece(self.tag, self.new_tag, "".join(self.text))


def _drop_duplicates(out: list[str], group: list[_Piece]) -> None:
    """Blank the retagged pieces of a closed group whose language it already has."""
    for i in duplicates([p.piece() for p in group]):
        for j in range(group[i].start, group[i].end):
            out[j] = ""


def convert_xml_text(text: str, conv: Converter, rules: XmlRules, *, retag: bool = False,
                     kind: str = "xml") -> str:
    """Rewrite the Chinese character data of a (well-formed) XML document given as text.

    With ``retag``, Chinese language attributes (and, in a TMX ``<tuv>``, ``x-lang``-style
    props) become the converter's target variant, and a converted piece whose new language
    its group already had is left out (:func:`termkit.convert.retag.duplicates`).

    Markup characters a glossary's locked form brings (``&``, ``<``, ``]]>``) are escaped; a
    character XML 1.0 cannot hold is a :class:`FormatError` at its line.
    """
    last: list[re.Match[str]] = []

    def tokens() -> Iterator[re.Match[str]]:
        for m in _TOKEN_RE.finditer(text):
            last[:] = [m]
            yield m

    try:
        return _convert_xml_tokens(tokens(), conv, rules, retag=retag, kind=kind)
    except _XmlUnsafe as exc:
        tok = last[0].group()  # the text that failed: its line is where its content starts
        start = last[0].start() + len(tok) - len(tok.lstrip())
        line = text.count("\n", 0, start) + 1
        raise FormatError(
            f"the conversion writes U+{ord(exc.char[0]):04X} here, a character XML 1.0 cannot "
            "hold (from a glossary's form)", line=line,
            hint="remove control characters from the glossary") from None


def _convert_xml_tokens(tokens: Iterator[re.Match[str]], conv: Converter, rules: XmlRules, *,
                        retag: bool, kind: str) -> str:
    out: list[str] = []
    stack: list[_Frame] = [_Frame("", None, False, False)]
    target_lang: str | None = None  # XLIFF: file target-language / trgLang
    group: list[_Piece] | None = None  # pieces of the open group (retag only)
    piece: _Piece | None = None
    lang_names = set(rules.lang_attrs) | {"srclang", "target-language", "trgLang"}
    for m in tokens:
        tok = m.group(0)
        top = stack[-1]
        if tok.startswith("<![CDATA["):
            if top.convert and not top.code:
                tok = "<![CDATA[" + _xml_safe(conv.convert(tok[9:-3]), _CDATA_ESCAPES) + "]]>"
                if piece is not None:
                    piece.text.append(tok[9:-3])
            out.append(tok)
            continue
        if tok.startswith(("<!", "<?")):
            out.append(tok)
            continue
        if tok.startswith("</"):
            if len(stack) > 1:
                frame = stack.pop()
                out.append(tok)
                if frame.role == "piece" and piece is not None:
                    piece.end = len(out)
                    piece = None
                elif frame.role == "group" and group is not None:
                    _drop_duplicates(out, group)
                    group = None
                continue
            out.append(tok)
            continue
        if tok.startswith("<"):
            nm = _NAME_RE.match(tok)
            name = _local(nm.group(1)) if nm else ""
            attrs = _attrs(tok)
            if kind == "xliff":
                if name == "file" and "target-language" in attrs:
                    target_lang = attrs["target-language"]
                elif name == "xliff" and "trgLang" in attrs:
                    target_lang = attrs["trgLang"]
            own = next((attrs[a] for a in rules.lang_attrs if a in attrs), None)
            cur_lang = own if own is not None else top.lang
            if kind == "xliff" and name == "target" and own is None:
                cur_lang = target_lang
            convert = top.convert or (
                name in rules.text_elements and cur_lang is not None and is_chinese(cur_lang)
            )
            code = top.code
            if name in rules.code_elements:
                code = True
            elif name in rules.reentry_elements:
                code = False
            role = ""
            if retag and name in rules.retag:
                tok = _rewrite_attrs(tok, lang_names, conv.target)
            empty = tok.rstrip().endswith("/>")
            if retag and not empty:
                if name in rules.groups and group is None:
                    group, role = [], "group"
                elif name in rules.pieces and group is not None and piece is None:
                    start = len(out) - 1 if out and out[-1].isspace() else len(out)
                    new_own = retag_value(own, conv.target) if own and is_chinese(own) else own
                    piece, role = _Piece(start, tag=own, new_tag=new_own), "piece"
                    group.append(piece)
                elif (name == rules.prop_element and piece is not None
                      and is_lang_prop(attrs.get("type", ""))):
                    role = "lang-prop"
            if not empty:
                stack.append(_Frame(name, cur_lang, convert, code, role))
            out.append(tok)
            continue
        if top.role == "lang-prop" and piece is not None:
            value = tok.strip()
            if value and is_chinese(value):
                piece.prop, piece.new_prop = value, retag_value(value, conv.target)
                tok = tok.replace(value, piece.new_prop)
        elif top.convert and not top.code:
            tok = _convert_text_node(tok, conv)
            if piece is not None:
                piece.text.append(tok)
        out.append(tok)
    return "".join(out)


# The root element each kind must have (local name), and how the readers name the kind.
_ROOTS = {
    "tmx": (("tmx",), "not a TMX file: expected root element <tmx>"),
    "xliff": (("xliff",), "not an XLIFF file: expected root element <xliff>"),
    "tbx": (("tbx", "martif"),
            "not a TBX file: expected root element <tbx> (TBX v3) or <martif> (TBX v2)"),
}


def convert_xml(data: bytes, path: str, conv: Converter, kind: str, *, retag: bool = False) -> bytes:
    """Convert a TMX, XLIFF or TBX document (bytes in, bytes out).

    A document of another kind (``--format xliff`` on a TMX, a ``.xlf`` that holds other
    XML) is refused as the readers of these formats refuse it: nothing in it would convert.
    """
    root = xmlsafe.parse(io.BytesIO(data), path).getroot()  # malformed XML: its position
    names, expected = _ROOTS[kind]
    name = str(root.tag).rsplit("}", 1)[-1]  # without its namespace ({urn:…}xliff)
    if name not in names:
        raise FormatError(f"{expected}, found <{name}>", path=path, line=root.sourceline)
    text = decode(data, path)
    rules = {"tmx": TMX_RULES, "xliff": XLIFF_RULES, "tbx": TBX_RULES}[kind]
    try:
        converted = convert_xml_text(text, conv, rules, retag=retag, kind=kind)
    except FormatError as exc:
        raise exc.at(path) from None
    return _encode_like(converted, data)


# --------------------------------------------------------------------------- PO

_PO_KEY_RE = re.compile(r'^(#~\s*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"')
_PO_CONT_RE = re.compile(r'^(#~\s*)?"')
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
               "f": "\f", "v": "\v"}
_PO_UNESCAPES = {v: "\\" + k for k, v in _PO_ESCAPES.items()}


def _po_unescape(raw: str) -> str:
    return re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1), m.group(0)), raw)


def _po_escape(text: str) -> str:
    return "".join(_PO_UNESCAPES.get(ch, ch) for ch in text)


def _literal_span(line: str, path: str, lineno: int) -> tuple[int, int]:
    start = line.index('"')
    end = line.rstrip("\r\n").rstrip().rfind('"')
    if end <= start:
        raise FormatError("unterminated string", path=path, line=lineno, column=start + 1)
    return start + 1, end


def _is_header(entries: list[tuple[str, list[int]]], idx: int, lines: list[str], path: str) -> bool:
    """True when entry ``idx`` is the msgstr of ``msgid ""`` without msgctxt (the header)."""
    if idx == 0 or entries[idx - 1][0] != "msgid" or (idx > 1 and entries[idx - 2][0] == "msgctxt"):
        return False
    prev_idxs = entries[idx - 1][1]
    if lines[prev_idxs[0]].startswith("#~"):
        return False
    return all(
        lines[i][slice(*_literal_span(lines[i], path, i + 1))] == "" for i in prev_idxs
    )


def _retag_language(raw: str, target: str) -> str:
    def sub(m: re.Match[str]) -> str:
        value = m.group(2)
        return m.group(1) + (retag_value(value, target) if lang.is_chinese(value) else value)

    return re.sub(r"(Language:\s*)([A-Za-z_@\-]+)", sub, raw)


def convert_po_text(text: str, conv: Converter, path: str = "-", *, retag: bool = True) -> str:
    """Convert every ``msgstr`` of a PO file; keep all other bytes; update ``Language``."""
    from termkit.formats.po_syntax import scan

    # A broken catalog is refused as msgfmt would refuse it, with its line and column, rather
    # than converted around the break.
    problems = scan(text).errors
    if problems:
        first = problems[0]
        raise FormatError(
            f"PO syntax error: {first.message}", path=path, line=first.line, column=first.column
        )
    lines = text.splitlines(keepends=True)
    out = list(lines)
    entries: list[tuple[str, list[int]]] = []  # (keyword, line indexes of its literals)
    current: tuple[str, list[int]] | None = None
    for i, line in enumerate(lines):
        km = _PO_KEY_RE.match(line)
        if km:
            current = (km.group(2), [i])
            entries.append(current)
            continue
        if current is not None and _PO_CONT_RE.match(line):
            current[1].append(i)
            continue
        current = None
    first_msgstr = True
    for idx, (key, idxs) in enumerate(entries):
        spans = [_literal_span(lines[i], path, i + 1) for i in idxs]
        raws = [lines[i][s:e] for i, (s, e) in zip(idxs, spans, strict=True)]
        if key == "msgstr" and first_msgstr:
            first_msgstr = False
            if _is_header(entries, idx, lines, path):
                if retag:
                    for i, raw, (s, e) in zip(idxs, raws, spans, strict=True):
                        out[i] = lines[i][:s] + _retag_language(raw, conv.target) + lines[i][e:]
                continue
        if not key.startswith("msgstr"):
            continue
        values = [_po_unescape(r) for r in raws]
        joined = "".join(values)
        converted = conv.convert(joined)
        if converted == joined:
            continue
        if len(converted) == len(joined):
            # Same length (the usual case): split at the original line boundaries.
            pieces, pos = [], 0
            for v in values:
                pieces.append(converted[pos: pos + len(v)])
                pos += len(v)
        else:
            pieces = conv.convert_parts(values)
        for i, raw, value, piece, (s, e) in zip(idxs, raws, values, pieces, spans, strict=True):
            if piece != value:
                out[i] = lines[i][:s] + _po_escape(piece) + lines[i][e:]
            else:
                out[i] = lines[i][:s] + raw + lines[i][e:]
    return "".join(out)


def convert_po(data: bytes, path: str, conv: Converter, *, retag: bool = True) -> bytes:
    """Convert a PO catalog (bytes in, bytes out); a UTF-8 byte order mark is kept.

    UTF-16 with a BOM, or without one (:func:`termkit.textio.decode_utf16_without_bom`,
    as the PO reader decides), is written back in the same encoding.
    """
    from termkit.textio import decode_utf16_without_bom

    wide = decode_utf16_without_bom(data, path)
    if wide is not None:
        text, codec = wide
        return convert_po_text(text, conv, path, retag=retag).encode(codec)
    text = decode(data, path)
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # not PO syntax: set aside, put back
    return _encode_like(bom + convert_po_text(text[len(bom):], conv, path, retag=retag), data)


# --------------------------------------------------------------------------- CSV / TSV


def _csv_records(text: str, path: str) -> Iterator[list[tuple[int, int, bool]]]:
    """Yield each record as ``(start, end, quoted)`` spans of its fields' content."""
    i, n, line = 0, len(text), 1
    while i < n:
        fields: list[tuple[int, int, bool]] = []
        while True:
            if i < n and text[i] == '"':
                start = i + 1
                j = start
                while True:
                    j = text.find('"', j)
                    if j < 0:
                        raise FormatError("unterminated quoted field", path=path, line=line)
                    if j + 1 < n and text[j + 1] == '"':
                        j += 2
                        continue
                    break
                fields.append((start, j, True))
                line += text.count("\n", start, j)
                i = j + 1
            else:
                j = i
                while j < n and text[j] not in ",\r\n":
                    j += 1
                fields.append((i, j, False))
                i = j
            if i < n and text[i] == ",":
                i += 1
                continue
            break
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        line += 1
        yield fields


def convert_table_text(text: str, conv: Converter, sep: str, path: str = "-", *,
                       retag: bool = False) -> str:
    """Convert the Chinese columns (header cell is a Chinese tag) of a CSV or TSV table."""
    if sep == "\t":
        rows: list[list[tuple[int, int, bool]]] = []
        pos = 0
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            cells, start = [], pos
            for cell in body.split("\t"):
                cells.append((start, start + len(cell), False))
                start += len(cell) + 1
            rows.append(cells)
            pos += len(line)
    else:
        rows = list(_csv_records(text, path))
    if not rows:
        return text
    header = [text[s:e].strip() for s, e, _q in rows[0]]
    roles = [_column_role(h) for h in header]
    # The cells converted: a Chinese language column's and its term columns' (a glossary
    # table's 'zh-Hans variants', 'zh-Hans candidates', 'zh-Hans deprecated').
    chinese = {i for i, role in enumerate(roles) if role is not None and role[0] != "about"}
    edits: list[tuple[int, int, str]] = []
    dropped: set[int] = set()
    if retag:
        new_tags = [None if role is None else retag_value(role[1], conv.target) for role in roles]
        new_header = [h if tag is None else tag + h[len(role[1]):] if role is not None else h
                      for h, tag, role in zip(header, new_tags, roles, strict=True)]
        dropped = _dropped_columns(header, new_header, roles, new_tags)
        for i, role in enumerate(roles):
            if role is not None:
                s, e, _q = rows[0][i]
                edits.append((s, e, new_header[i]))
    for number, row in enumerate(rows[1:], 2):
        for i in chinese:
            if i < len(row) and i not in dropped:
                s, e, quoted = row[i]
                cell = text[s:e]
                new = conv.convert(cell.replace('""', '"') if quoted else cell)
                if new != cell:
                    edits.append((s, e, _table_cell(new, sep, quoted, path, number)))
    out = _apply_edits(text, edits)
    if dropped:
        return _drop_columns(out, sep, path, dropped)
    return out


def _table_cell(value: str, sep: str, quoted: bool, path: str, line: int) -> str:
    """A converted cell as its table writes it: a glossary's locked form may bring a comma,
    a quote or a line break, which a CSV cell holds quoted and a TSV cell cannot hold."""
    if sep == "\t":
        if "\t" in value or "\n" in value or "\r" in value:
            what = "a tab" if "\t" in value else "a line break"
            raise FormatError(f"the conversion writes {what} into a cell here (from a glossary's "
                              "form), which a TSV cell cannot hold", path=path, line=line,
                              hint="convert a CSV copy of the table instead")
        return value
    if quoted:  # the span is the content between the quotes
        return value.replace('"', '""')
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for s, e, new in sorted(edits):
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _drop_columns(text: str, sep: str, path: str, columns: set[int]) -> str:
    """The table without ``columns``; every other byte of the kept cells as it was."""
    if sep == "\t":
        lines = text.splitlines(keepends=True)
        return "".join(
            sep.join(c for i, c in enumerate(body.split(sep)) if i not in columns) + line[len(body):]
            for line in lines for body in [line.rstrip("\r\n")]
        )
    edits = []
    for row in _csv_records(text, path):
        raw = [(s - 1, e + 1) if quoted else (s, e) for s, e, quoted in row]
        kept = sep.join(text[s:e] for i, (s, e) in enumerate(raw) if i not in columns)
        edits.append((raw[0][0], raw[-1][1], kept))
    return _apply_edits(text, edits)


def _looks_like_tag(cell: str) -> bool:
    return re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", cell) is not None


_LEADING_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*(?![-_A-Za-z0-9])")


def _column_role(cell: str) -> tuple[str, str, str] | None:
    """What a header cell of a Chinese language names, with the tag as written: ``("lang",
    tag, "")``; ``("terms", tag, kind)`` for a glossary table's ``TAG variants``, ``TAG
    candidates`` and ``TAG deprecated`` (more terms of that language); ``("about", tag,
    kind)`` for ``TAG status`` and ``TAG origin`` (about the term in column TAG). None for
    any other column."""
    from termkit.formats.columns import (
        origin_column,
        others_column,
        term_status_column,
        variants_column,
    )

    if cell and lang.is_chinese(cell) and _looks_like_tag(cell):
        return ("lang", cell, "")
    m = _LEADING_TAG.match(cell)
    if m is None or not lang.is_chinese(m.group()):
        return None
    if variants_column(cell) is not None:
        return ("terms", m.group(), "variants")
    others = others_column(cell)
    if others is not None:
        return ("terms", m.group(), others[1])
    if term_status_column(cell) is not None:
        return ("about", m.group(), "status")
    if origin_column(cell) is not None:
        return ("about", m.group(), "origin")
    return None


def _dropped_columns(header: list[str], new_header: list[str],
                     roles: list[tuple[str, str, str] | None],
                     new_tags: list[str | None]) -> set[int]:
    """The retagged columns to leave out: a language column whose language the table already
    has would be a second one, and so would a term column of a kind its new language already
    has; a status or origin column goes with its language column."""
    lang_pieces = [Piece(h, n) if role is None or role[0] == "lang" else Piece(None, None)
                   for h, n, role in zip(header, new_header, roles, strict=True)]
    dropped = duplicates(lang_pieces)
    kinds = {role[2] for role in roles if role is not None and role[0] == "terms"}
    for kind in kinds:
        pieces = [Piece(role[1], tag) if role is not None and role[0] == "terms"
                  and role[2] == kind else Piece(None, None)
                  for role, tag in zip(roles, new_tags, strict=True)]
        dropped |= duplicates(pieces)
    gone = {lang.normalize(header[i]) for i in dropped
            if roles[i] is not None and roles[i][0] == "lang"}  # type: ignore[index]
    dropped |= {i for i, role in enumerate(roles)
                if role is not None and role[0] == "about" and lang.normalize(role[1]) in gone}
    return dropped


# --------------------------------------------------------------------------- entry points


_HAN_CHAR = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
# A Chinese language on an XML element or file: xml:lang, srclang, source-/target-language,
# srcLang/trgLang (TMX, TBX, XLIFF 1.2 and 2).
_XML_ZH = re.compile(r"""(?:lang|language)\s*=\s*["']\s*zh""", re.IGNORECASE)


def untagged_chinese(data: bytes, path: str, kind: str) -> bool:
    """A structured file (``kind`` from :func:`detect_kind`) holding Chinese text that no
    Chinese language tag marks: no header cell of a CSV or TSV is one (``English,Chinese``),
    no element of a TMX, TBX or XLIFF file has one. Its conversion changes nothing."""
    if kind not in ("csv", "tsv", "tmx", "xliff", "tbx"):
        return False
    text = decode(data, path)
    if not _HAN_CHAR.search(text):
        return False
    if kind in ("csv", "tsv"):
        first = first_line(text)  # the header row (a CR alone may end it)
        cells = first.split("\t") if kind == "tsv" else next(csv.reader([first]), [])
        return not any(lang.is_chinese(c.strip()) and _looks_like_tag(c.strip()) for c in cells)
    return _XML_ZH.search(text) is None


def convert_bytes(data: bytes, path: str, conv: Converter, kind: str, *, retag: bool = False) -> bytes:
    """Convert a whole file held in memory; ``kind`` from :func:`detect_kind`."""
    refuse_utf32(data[:4], path)  # its mark reads as UTF-16's: nothing would be found in it
    if kind in ("tmx", "xliff", "tbx"):
        return convert_xml(data, path, conv, kind, retag=retag)
    if kind == "po":
        return convert_po(data, path, conv, retag=True)
    if kind == "html":
        from termkit.convert.html import convert_html_text

        text, codec = _decode_page(data, path)
        page = convert_html_text(text, conv, retag=retag)
        return _encode_like(page, data) if codec is None else page.encode(codec, _AS_REFERENCE)
    if kind in ("csv", "tsv"):
        text = decode(data, path)
        return _encode_like(convert_table_text(text, conv, "," if kind == "csv" else "\t", path,
                                               retag=retag), data)
    return _encode_like(conv.convert(decode(data, path)), data)


def iter_text_blocks(stream: BinaryIO, path: str, size: int = 1 << 20) -> Iterator[str]:
    """Decode a UTF-8 byte stream in blocks of about ``size`` bytes that end after a newline.

    Far fewer Python steps than line by line; errors still carry their line and column.
    """
    pending = b""
    lines_before = 0
    # One read of the underlying file per call where the stream offers it: a buffered read()
    # of a pipe loops in C until it has ``size`` bytes, and a Ctrl-C that lands between two
    # of its reads is only seen when the next one returns (never, if the writer stalls).
    read = getattr(stream, "read1", None) or stream.read
    while True:
        block = read(size)
        buf = pending + block
        if not buf:
            return
        if block:
            cut = buf.rfind(b"\n") + 1
            if cut == 0:
                if len(buf) < 4 * size:
                    pending = buf
                    continue
                # A huge line: cut before the last character start (never inside a character).
                cut = len(buf) - 1
                while cut > 0 and buf[cut] & 0xC0 == 0x80:
                    cut -= 1
        else:
            cut = len(buf)
        chunk, pending = buf[:cut], buf[cut:]
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            line_start = chunk.rfind(b"\n", 0, exc.start) + 1
            raise EncodingError(
                "not valid UTF-8", path=path,
                line=lines_before + chunk.count(b"\n", 0, exc.start) + 1,
                column=len(chunk[line_start:exc.start].decode("utf-8", "replace")) + 1,
                hint=utf8_hint(chunk),
            ) from None
        lines_before += text.count("\n")
        yield text
        if not block and not pending:
            return


def read_wide(stream: BinaryIO, path: str) -> tuple[str, bytes, str] | None:
    """(text, byte order mark, codec) of a seekable stream in UTF-16 — with a BOM, as
    Windows Notepad's "Unicode" saves, or without one as :func:`termkit.textio.decode_text`
    recognizes it — else None (the stream is read again from its start as UTF-8).

    For plain text that is not UTF-8: the whole text is read, converted and written back in
    the encoding it came in, where UTF-8 text is streamed.
    """
    from termkit.textio import utf16_without_bom

    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    wide = _with_bom(data, path)
    if wide is not None:
        return wide
    found = utf16_without_bom(data)
    return (data.decode(found), b"", found) if found is not None else None


def _with_bom(data: bytes, path: str) -> tuple[str, bytes, str] | None:
    """(text, byte order mark, codec) of UTF-16 bytes with a BOM, else None; a bad code unit
    is ``not valid UTF-16`` at its line and column."""
    from termkit.textio import location

    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(codec), bom, codec
            except UnicodeDecodeError as exc:
                line, column = location(body, exc.start, codec)
                raise EncodingError(f"not valid UTF-16: {exc.reason}", path=path, line=line,
                                    column=column) from None
    return None


def wide_or_utf8(stream: BinaryIO, path: str) -> tuple[str, bytes, str] | None:
    """:func:`read_wide` of a stream that is not UTF-8, None for UTF-8 text (checked in
    constant memory first, :func:`validate_utf8`); the UTF-8 error when it is neither.

    A NUL byte in the first block says UTF-16 before UTF-8 is tried: Chinese in UTF-16 is
    often valid UTF-8 too (歐洲 is ``50 6B 32 6D``, the line feed ``0A 00``), and would be
    written back unconverted; with NULs and no UTF-16 reading it is no text at all.
    """
    stream.seek(0)
    head = stream.read(1 << 16)
    stream.seek(0)
    if b"\x00" in head:
        wide = read_wide(stream, path)
        if wide is None:
            raise InputError("binary file, not text", path=path)
        return wide
    try:
        validate_utf8(stream, path)
    except EncodingError:
        wide = read_wide(stream, path)
        if wide is None:
            raise
        return wide
    stream.seek(0)
    return None


def validate_utf8(stream: BinaryIO, path: str) -> None:
    """Check a whole stream decodes, in constant memory, before any output is written."""
    for _ in iter_text_blocks(stream, path):
        pass


def convert_text_stream(stream: BinaryIO, path: str, conv: Converter,
                        write: Callable[[bytes], object]) -> None:
    """Stream plain UTF-8 text through ``conv`` in bounded chunks."""
    for piece in conv.convert_stream(iter_text_blocks(stream, path)):
        write(piece.encode("utf-8"))
