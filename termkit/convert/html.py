"""Convert an HTML page: the text a reader sees, never the page's code or markup.

``convert`` of a ``.html`` file read it as plain text, so OpenCC rewrote everything in it:
the identifiers and string keys of its scripts (``var 软件 = …``, a JSON key a script looks up),
its style sheets, and with ``--retag`` the page's ``lang`` still named the old variant. Here a
page is cut into markup and text by the shape of its tokens, and only these are converted:

- the text between tags (entity references such as ``&amp;`` kept as written; a Chinese
  character written as a reference, ``&#20013;``, is text, written as a reference again); text that
  inline tags cut (理<b>发</b>店, a ruby's base characters between their readings) converts as
  the one text a reader sees, cut back at the tags, when the conversion keeps each piece's
  length (OpenCC's phrases and glossary forms read across the tags); otherwise, and across
  blocks, line breaks and references, each piece converts alone;
- the attributes a reader sees: ``title``, ``alt``, ``placeholder``, ``label``, ``summary``,
  ``aria-label``, ``aria-description``, ``aria-placeholder``, ``aria-roledescription``,
  ``aria-valuetext``, and ``content`` of a ``<meta>`` whose ``name`` or ``property`` is a
  description, keywords, title or author (``og:title`` …), and ``value`` of an ``<input>``
  button (``submit``, ``button``, ``reset``), its label.

Text and shown attributes of an element whose ``lang`` names another language written with
Han characters (Japanese, Korean, Vietnamese: ``<span lang="ja">国際交流</span>``, as Chinese
Wikipedia quotes them) are that language's, kept as written, up to the element's end (its end
tag, an ancestor's, or the start tag that ends it implicitly, ``<p>`` after ``<p>``).

``<script>`` and ``<style>`` contents, comments, the doctype and processing
instructions are copied as they are. With ``retag``, Chinese ``lang`` and ``xml:lang`` values
and a ``<meta http-equiv="content-language">`` become the target variant, spelled as before.

The page is cut into tokens by the standard library's HTML tokenizer (:mod:`html.parser`,
which also knows that a script's content is no markup; :func:`termkit.htmlsafe.page_tokens`,
shared with ``pinyin`` of pages) and put back from the text of those tokens as written: every byte outside the converted text stays where it was. (A parser that
builds a tree, such as lxml or html5lib, writes its own serialization back: other quotes,
entities and whitespace.)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from termkit.convert.converter import Converter
from termkit.convert.retag import is_chinese, retag_value
from termkit.htmlsafe import ATTRIBUTE, LANG_ATTRIBUTES, OpenElements, page_tokens, unquoted

_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# Attributes whose values are text shown to a reader (or read aloud).
_SHOWN = frozenset({
    "title", "alt", "placeholder", "label", "summary", "aria-label", "aria-description",
    "aria-placeholder", "aria-roledescription", "aria-valuetext",
})
# A <meta> whose content a reader sees: a page's description, keywords, title, author, site
# name, an image's alternative text (og:image:alt, twitter:image:alt), an application's name
# (application-name, apple-mobile-web-app-title).
_META_SHOWN = re.compile(
    r"(?:^|[:-])(?:description|keywords|title|author|site_name|alt)$|^application-name$", re.I)
# An <input> whose value is its label on the page (a button), not data the form sends.
_BUTTON_TYPES = frozenset({"submit", "button", "reset"})
# Inline elements a word may run through (理<b>发</b>店, every character of a <ruby> base):
# text on both sides of their tags is one run. The text of <rt> and <rp> (a ruby's reading and
# its fallback brackets) is a run of its own; the base text goes on around it.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i",
                     "ins", "del", "kbd", "mark", "q", "rb", "ruby", "s", "samp", "small", "span",
                     "strong", "sub", "sup", "time", "u", "var", "wbr"})
_ANNOTATION = frozenset({"rt", "rp"})


def convert_html_text(text: str, conv: Converter, *, retag: bool = False) -> str:
    """``text``, an HTML page, with its visible text converted (see the module docstring).

    Every piece of text and every shown attribute value is converted in one OpenCC call, the
    pieces kept apart: a page of many short elements costs one call, not one per element.
    Text that inline tags cut into pieces (理<b>发</b>店, a ruby's characters) is converted as
    one text too, and taken when it keeps every piece's length (see :func:`_convert_pieces`).
    """
    out: list[str | _Pending] = []
    pending: list[str] = []
    runs: list[int] = []  # the run of inline text each pending piece belongs to
    run = 0  # the current run of text between block boundaries
    annotation = 0  # inside <rt>/<rp>: its text is a run of its own

    def later(piece: str, quote: str | None = None, of: int = -1) -> _Pending:
        pending.append(piece)
        runs.append(of)
        return _Pending(len(pending) - 1, quote)

    elements = OpenElements()
    for kind, tag, token in _cjk_refs_as_text(page_tokens(text)):
        if kind == "data" and not elements.code:
            out.append(token if elements.foreign else later(token, None, -1 if annotation else run))
            continue
        if kind in ("start", "end") and tag in _ANNOTATION:
            # <rt> after <rt> ends the first (its end tag may be left out, as HTML allows)
            annotation = 1 if kind == "start" else 0
        elif kind == "end" and tag == "ruby":
            annotation = 0
        elif not (kind in ("start", "end") and tag in _INLINE):
            run += 1  # a block, a line break, an image, a reference, a comment: the run ends
        if kind == "start":
            foreign = elements.start(tag, token)
            out.extend(_start_tag(token, tag, retag, conv.target, later, shown=not foreign))
        else:
            if kind == "end":
                elements.end(tag)
            out.append(token)  # a reference, comment, declaration or code, as written
    converted = _convert_pieces(pending, conv, runs)
    return "".join(x if isinstance(x, str) else x.text(pending, converted) for x in out)


def _cjk_refs_as_text(tokens: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The page's tokens with each CJK character reference (``&#20013;``) joined to the text
    around it, as the reader sees it: 中國 written as two references converts as the word."""
    out: list[tuple[str, str, str]] = []
    for kind, tag, token in tokens:
        if kind == "ref" and _cjk_char(token):
            kind = "data"
        if kind == "data" and out and out[-1][0] == "data":
            out[-1] = ("data", "", out[-1][2] + token)
        else:
            out.append((kind, tag, token))
    return out


@dataclass(frozen=True, slots=True)
class _Pending:
    """A piece of text converted with the others; ``quote`` for an attribute value."""

    index: int
    quote: str | None = None

    def text(self, original: list[str], converted: list[str]) -> str:
        new = converted[self.index]
        if self.quote is None:
            return new
        if new == original[self.index]:
            return self.quote + new + self.quote
        quote = self.quote or '"'  # an unquoted value that may now hold a space
        return quote + new.replace(quote, "&quot;" if quote == '"' else "&#39;") + quote


def _convert_pieces(parts: list[str], conv: Converter, runs: list[int]) -> list[str]:
    """Text pieces converted in one call, entity references kept as written.

    Pieces of one run (``runs``: the same number, not -1) are also converted joined, as the
    text a reader sees (头<rt>tóu</rt>发 reads 头发, which OpenCC writes 頭髮 where 发 alone is
    發), and the joined result is cut back at the pieces' lengths when it has the joined
    text's length and every piece converted alone kept its own (a phrase that changes length,
    s2twp's 内存 -> 記憶體, cannot be cut back at the tags: the pieces stay as converted alone).
    """
    out = _convert_apart(parts, conv)
    members: dict[tuple[int, int], list[int]] = {}
    cuts: dict[int, int] = {}  # a piece holding a reference (``R&D``) cuts its run there
    for i, r in enumerate(runs):
        if r < 0 or not parts[i]:
            continue
        if _ENTITY.search(parts[i]):
            cuts[r] = cuts.get(r, 0) + 1
            continue
        members.setdefault((r, cuts.get(r, 0)), []).append(i)
    joined = [m for m in members.values() if len(m) > 1]
    if not joined:
        return out
    together = conv.convert_parts(["".join(parts[i] for i in m) for m in joined])
    for m, text in zip(joined, together, strict=True):
        if len(text) != sum(len(parts[i]) for i in m) or any(
                len(out[i]) != len(parts[i]) for i in m):
            continue
        pos = 0
        for i in m:
            piece = text[pos:pos + len(parts[i])]
            pos += len(parts[i])
            out[i] = _escape_new(parts[i], piece) if (
                piece.count("<") > parts[i].count("<") or piece.count("&") > parts[i].count("&")
            ) else piece
    return out


def _convert_apart(parts: list[str], conv: Converter) -> list[str]:
    """Text pieces converted in one call, each apart, entity references kept as written; the
    text of a Chinese character written as a reference (``&#20013;``, ``&#x570B;``) converts
    with the text around it (:func:`_with_chars`)."""
    split = [_with_chars(p) for p in parts]
    flat = [text for pieces, _refs in split for text, _chars in pieces]
    converted = iter(conv.convert_parts(flat) if any(flat) else flat)
    out: list[str] = []
    for part, (pieces, found) in zip(parts, split, strict=True):
        new = [_as_written(text, chars, next(converted), conv) for text, chars in pieces]
        joined = [new[0]]
        for ref, piece in zip(found, new[1:], strict=True):
            joined += [ref, piece]
        text = "".join(joined)
        if text.count("<") > part.count("<") or (
                _CJK_REF.sub("", text).count("&") > _CJK_REF.sub("", part).count("&")):
            # a glossary's form brought markup characters (``R&D``): escaped, as the page's own
            text = _escape_new(part, text)
        out.append(text)
    return out


# A numeric character reference to a CJK character (U+2E80 on: radicals, punctuation, kana,
# Han, Hangul, compatibility forms): text to convert. Others (``&#38;``, ``&amp;``) stay apart.
# Leading zeros are allowed, as browsers read them (``&#0000020013;`` is 中).
_CJK_REF = re.compile(r"&#(?:0*([0-9]{1,7})|[xX]0*([0-9a-fA-F]{1,6}));")
_CJK_FIRST = 0x2E80
_SURROGATES = range(0xD800, 0xE000)


def _cjk_char(ref: str) -> str:
    """The CJK character a numeric reference writes; "" for any other reference, and for a
    surrogate code point (``&#xD800;``), which is no character (a browser shows U+FFFD) and
    cannot be converted or written in UTF-8: kept as written."""
    m = _CJK_REF.fullmatch(ref)
    if m is None:
        return ""
    code = int(m.group(1), 10) if m.group(1) else int(m.group(2), 16)
    if code in _SURROGATES:
        return ""
    return chr(code) if _CJK_FIRST <= code <= sys.maxunicode else ""


def _with_chars(part: str) -> tuple[list[tuple[str, dict[int, str]]], list[str]]:
    """``part`` cut at its entity references but for CJK character references, which are read
    as their characters: the pieces (text, and where in it a reference stood -> the reference
    as written), and the references cut at."""
    pieces: list[tuple[str, dict[int, str]]] = []
    refs: list[str] = []
    text: list[str] = []
    chars: dict[int, str] = {}
    pos = 0
    for m in _ENTITY.finditer(part):
        text.append(part[pos:m.start()])
        pos = m.end()
        char = _cjk_char(m.group())
        if char:
            chars[sum(map(len, text))] = m.group()
            text.append(char)
            continue
        pieces.append(("".join(text), chars))
        refs.append(m.group())
        text, chars = [], {}
    text.append(part[pos:])
    pieces.append(("".join(text), chars))
    return pieces, refs


def _as_written(old: str, chars: dict[int, str], new: str, conv: Converter) -> str:
    """A converted piece with the characters that were references written as references
    again, in their own form (decimal or hexadecimal; unchanged ones exactly as they were).
    A conversion that changes the length (a phrase such as 内存 -> 記憶體) cannot tell which new
    characters stood for references: a piece written in references alone is written so again,
    in its first one's form; in a piece of both, each run of references and each run of
    characters between them converts as a text of its own (``存&#x5185;&#x5B58;``: 存, then
    内存 written in references again), so no reference is left unconverted."""
    if not chars:
        return new
    if len(new) == len(old):
        return "".join(_written(ch, old[at], chars.get(at)) for at, ch in enumerate(new))
    if len(chars) == len(old):
        form = chars[0]
        return "".join(_reference(ch, form) for ch in new)
    runs = [(at, len(group)) for at, group in _groupby_refs(len(old), chars)]
    texts = conv.convert_parts([old[at:at + n] for at, n in runs])
    out: list[str] = []
    for (at, n), text in zip(runs, texts, strict=True):
        if at not in chars:
            out.append(text)
        elif len(text) == n:
            out += [_written(ch, old[at + i], chars[at + i]) for i, ch in enumerate(text)]
        else:
            out += [_reference(ch, chars[at]) for ch in text]
    return "".join(out)


def _groupby_refs(size: int, chars: dict[int, str]) -> list[tuple[int, list[int]]]:
    """The positions ``0..size-1`` in runs of references (in ``chars``) and of characters:
    each run's first position and its positions."""
    runs: list[tuple[int, list[int]]] = []
    for at in range(size):
        if runs and (runs[-1][0] in chars) == (at in chars):
            runs[-1][1].append(at)
        else:
            runs.append((at, [at]))
    return runs


def _written(new: str, old: str, ref: str | None) -> str:
    """One converted character: as the character where it was one; where it was a reference,
    that reference as written when unchanged, else a reference of the same form."""
    if ref is None:
        return new
    return ref if new == old else _reference(new, ref)


def _reference(ch: str, form: str) -> str:
    """``ch`` as a numeric reference written as ``form`` is: ``&#x…;``/``&#X…;`` in hexadecimal
    (capital digits where ``form`` has them), else decimal."""
    if form[2:3] in "xX":
        digits = f"{ord(ch):X}" if form[3:-1].isupper() else f"{ord(ch):x}"
        return f"&#{form[2]}{digits};"
    return f"&#{ord(ch)};"


def _escape_new(old: str, new: str) -> str:
    """``new`` with ``&`` and ``<`` escaped, but for entity references ``old`` already held."""
    refs = set(_ENTITY.findall(old))
    pieces = re.split(f"({_ENTITY.pattern})", new)
    # (a CJK character written as a reference again, :func:`_as_written`, is the page's text)
    return "".join(p if p in refs or _cjk_char(p) else p.replace("&", "&amp;").replace("<", "&lt;")
                   for p in pieces)


def _start_tag(tag: str, name: str, retag: bool, target: str,
               later: Callable[[str, str], _Pending], *, shown: bool = True
               ) -> list[str | _Pending]:
    """A start tag as pieces: its shown attribute values to convert (``later``; none when
    not ``shown``, in an element of another language) and, with ``retag``, its Chinese
    language values rewritten to ``target``."""
    if "=" not in tag:
        return [tag]
    attrs = {m.group(1).lower(): unquoted(m.group(3)) for m in ATTRIBUTE.finditer(tag)}
    button = name == "input" and attrs.get("type", "").strip().lower() in _BUTTON_TYPES
    meta_shown = name == "meta" and bool(
        _META_SHOWN.search(attrs.get("name", "") or attrs.get("property", "")))
    content_language = name == "meta" and attrs.get("http-equiv", "").lower() == "content-language"
    out: list[str | _Pending] = []
    pos = 0
    for m in ATTRIBUTE.finditer(tag):
        key, value = m.group(1).lower(), m.group(3)
        quote = value[0] if value[:1] in "\"'" else ""
        inner = unquoted(value)
        if shown and (key in _SHOWN or (key == "content" and meta_shown)
                      or (key == "value" and button)):
            out += [tag[pos:m.start(3)], later(inner, quote)]
        elif retag and key in LANG_ATTRIBUTES and inner and is_chinese(inner):
            out.append(tag[pos:m.start(3)] + quote + retag_value(inner, target) + quote)
        elif retag and key == "content" and content_language and inner:
            # Content-Language is a list (``zh-CN, en``, as HTTP's header): each Chinese tag
            out.append(tag[pos:m.start(3)] + quote + _retag_list(inner, target) + quote)
        else:
            continue
        pos = m.end(3)
    out.append(tag[pos:])
    return out


def _retag_list(value: str, target: str) -> str:
    """A comma-separated list of language tags with its Chinese ones retagged to ``target``."""
    out: list[str] = []
    for piece in re.split(r"(,)", value):
        tag = piece.strip()
        new = retag_value(tag, target) if tag and tag != "," and is_chinese(tag) else tag
        out.append(piece.replace(tag, new) if tag else piece)
    return "".join(out)
