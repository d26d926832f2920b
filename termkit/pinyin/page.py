"""Pinyin of an HTML page: readings added to the text a reader sees, nothing else changed.

``pinyin -i page.html`` used to read a page as plain text, so readings landed inside its
scripts (``var 软件(ruǎnjiàn) = 1``), its attributes and its title. Here the page is cut into
tokens (:func:`termkit.htmlsafe.page_tokens`, the tokenizer ``convert`` reads pages with) and
only the text between tags gets readings: as ruby, one ``<ruby>`` per written word as
:func:`termkit.pinyin.ruby.ruby_word` writes it, or inline, ``中文(zhōngwén)``.

A character reference that stands for a Chinese character (``&#20013;``, as pages saved from
Latin-1 editors and Big5 pages with HKSCS characters write it) is read as that character, with
the text around it, and stays the ruby base as written: ``<ruby>&#20013;<rt>zhōng</rt>``.

Left as written: every tag and attribute, other entity references, comments, the doctype, the
content of ``<script>`` and ``<style>`` (and of the elements whose content a browser reads as
text to their end tag, tags and all: ``<title>``, ``<textarea>``, ``<xmp>``, ``<iframe>``,
``<noembed>``, ``<noframes>``, ``<plaintext>``), text an element marks as another language written
with Han characters (``<span lang="ja">``, as ``convert`` leaves it) or as a Chinese language
other than Mandarin (``lang="yue"``, ``nan``, ``hak`` …: Mandarin readings would mislead), text that already has
readings (inside ``<ruby>``, ``<rt>``, ``<rp>``), computer text (``<code>``, ``<kbd>``,
``<samp>``: a reading would be copied with a string literal or a command; the prose of a
``<pre>`` around them still gets readings), the text of elements that show no markup
(``<option>``: a ruby there would show as its tags), and the text of SVG and MathML outside an SVG
``<foreignObject>``: HTML's tree construction ends an ``<svg>`` or ``<math>`` at a ``<ruby>``
start tag, so the rest of a drawing would fall out of it. A word an inline tag cuts
(理<b>发</b>店) is read piece by piece.

The page comes out in UTF-8 (tone marks are not in Big5 or GB2312): a ``<meta charset>``, a
``<meta http-equiv="content-type">`` or an XML declaration that names another encoding is
made to name UTF-8, so a browser reads the page as it is written. A page that said its
encoding by a byte order mark, or said none in a meta tag and was not in UTF-8 (a browser reads such a page
in its locale's encoding), starts with UTF-8's byte order mark, which a browser reads before
anything else. Line ends are kept as the page has them (:func:`pinyin_page`).
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable, Sequence

from termkit.htmlsafe import ATTRIBUTE, OTHER_HAN, OpenElements, page_tokens, unquoted
from termkit.pinyin.readings import han_run
from termkit.pinyin.render import render_inline
from termkit.pinyin.ruby import ruby_word
from termkit.pinyin.tokens import Style, Token

# Elements whose text gets no readings: it has them already, or shows no markup.
_KEPT = frozenset({"ruby", "rt", "rp", "option"})
# Computer text: code, keyboard input, program output. A reading inside it would be copied
# with it (a string literal or a command that no longer runs); the prose around gets readings.
_COMPUTER_TEXT = frozenset({"code", "kbd", "samp"})
# Text an element marks as a language whose readings are not Mandarin's gets none: the other
# Han-writing languages (as convert leaves them) and the Chinese languages besides Mandarin
# (Cantonese, Min, Hakka, Wu, Gan, Xiang, Jin …): pinyin of 佢哋係 would tell a reader how
# Mandarin says characters no Mandarin speaker writes, not how the text is said.
_NOT_MANDARIN = OTHER_HAN | frozenset({
    "yue", "nan", "hak", "wuu", "cdo", "cjy", "gan", "hsn", "cpx", "czh", "czo", "mnp"})
# Elements whose content HTML's tokenizer reads as text up to their end tag (RCDATA and raw
# text; <plaintext> to the end of the page), which html.parser cuts into tags: a tag inside one
# is text (a textarea holding a page's source), and a ruby there would show as its tags.
_RAW_TEXT = frozenset({"title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"})
# Foreign content (the tokenizer gives tag names in lower case), and SVG's element that holds
# HTML again.
_FOREIGN_ROOTS = frozenset({"svg", "math"})
_HTML_IN_SVG = "foreignobject"
# An encoding named in a meta tag's content (``text/html; charset=big5``, the name quoted or
# not, as browsers read it) or an XML declaration.
_CHARSET_IN_CONTENT = re.compile(r"""(charset\s*=\s*["']?\s*)([\w.:-]+)""", re.I)
# Control characters (not NUL, tab or line ends) that text pasted into pages carries.
_STRAY_CONTROLS = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
_XML_ENCODING = re.compile(r"""(encoding\s*=\s*)(["'])([\w.:-]+)\2""", re.I)


Render = Callable[[Sequence[Token], Sequence[str]], str]


def renderer(fmt: str, style: Style = Style.TONE, *, heteronym: bool = False) -> Render:
    """How a piece of a page's text is written with its readings: ``ruby`` or ``inline``.
    The function takes the tokens of the piece's text (character references read as the
    characters they stand for) and each character as the page writes it; text that is no
    Chinese, and every character reference, is written as it stood in the page."""
    if fmt == "inline":
        return lambda tokens, written: render_inline(tokens, style, heteronym=heteronym,
                                                     written=written)
    if fmt != "ruby":
        raise ValueError(f"a page gets its readings as ruby or inline, not {fmt!r}")

    def ruby(tokens: Sequence[Token], written: Sequence[str]) -> str:
        out: list[str] = []
        pos = 0
        for t in tokens:
            out.append(ruby_word(t, style, heteronym=heteronym,
                                 written=written[pos : pos + len(t.text)]))
            pos += len(t.text)
        return "".join(out)

    return ruby


def pinyin_page(data: bytes, path: str, annotate: Callable[[str], Sequence[Token]],
                render: Render) -> bytes:
    """The page held in ``data`` (read from ``path``, for errors) with its readings, in UTF-8
    (see the module docstring): line ends as the page has them, a byte order mark where the
    page's encoding was said by one or not said at all in another encoding than UTF-8."""
    from termkit.records.htmlpage import declared_encoding
    from termkit.textio import decode_as, decode_text, holds_no_text

    if holds_no_text(data):
        return b""
    bom = next((b for b in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
                if data.startswith(b)), b"")
    # decode_text finds the encoding (and reports bad bytes by line); its text has its line
    # ends made \n, so the page is decoded again as it is. It refuses control characters as
    # a binary file's: a page keeps the ones pasted into its text (a browser shows the page),
    # so they are blanked for the encoding's sake; no Big5 or GB byte sequence holds one. NUL
    # bytes (UTF-16 without a BOM, or a binary file) and UTF-16 with its BOM are left to it.
    probe = data if bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in data \
        else _STRAY_CONTROLS.sub(b" ", data)
    encoding = decode_text(probe, path, declared=declared_encoding(data, western=True))[1]
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    page, said = _annotate(decode_as(data[len(bom):], codec), annotate, render)
    mark = codecs.BOM_UTF8 if bom or (codec != "utf-8" and not said) else b""
    return mark + page.encode("utf-8")


def annotate_page(page: str, annotate: Callable[[str], Sequence[Token]],
                  render: Render) -> str:
    """``page`` with the readings of its shown text (see the module docstring): ``annotate``
    reads a piece of text into tokens, ``render`` writes them (:func:`renderer`)."""
    return _annotate(page, annotate, render)[0]


def _annotate(page: str, annotate: Callable[[str], Sequence[Token]],
              render: Render) -> tuple[str, bool]:
    """:func:`annotate_page`, and whether the page names its encoding in a meta tag (the
    declaration a browser reading HTML takes)."""
    out: list[str] = []
    elements = OpenElements(_NOT_MANDARIN)
    han = han_run()
    said = False
    raw: str | None = None  # the raw text element open, whose end tag alone ends it
    text: list[str] = []  # the shown text read so far and not written: pieces as written

    def flush() -> None:
        if text:
            out.append(_with_readings(text, han, annotate, render))
            text.clear()

    for kind, tag, token in page_tokens(page):
        if (raw is None and kind in ("data", "ref") and not (token[:1] == "<" and len(token) > 1)
                and _shown(elements)):
            text.append(token)
            continue
        flush()
        if raw is not None:
            if kind == "end" and tag == raw:
                raw = None
                elements.end(tag)
            out.append(token)
            continue
        if kind == "data" and token[:1] == "<" and len(token) > 1:
            # a construct left open (<![CDATA[ with no ]]>): html.parser gives it as text up to
            # its first '>', where a browser reads a bogus comment that a ruby's '>' would end;
            # a comment left open (<!-- with no -->) runs to the end of the page
            if token.startswith("<!--"):
                raw = "!--"  # no end tag has that name: the rest is kept as written
            out.append(token)
            continue
        if kind == "start":
            elements.start(tag, token)
            if tag in _RAW_TEXT and not token.endswith("/>"):
                raw = tag
            elif tag == "meta":
                token, named = _meta_in_utf8(token)
                said = said or named
        elif kind == "end":
            elements.end(tag)
        elif kind == "other" and token.startswith("<?xml"):
            # rewritten, but not counted as saying the encoding: a browser reading the page as
            # HTML (XHTML 1.0 served as text/html) ignores it
            token = _XML_ENCODING.sub(lambda m: _utf8(m.group(3), m.group(1) + m.group(2),
                                                      m.group(2)), token, count=1)
        out.append(token)
    flush()
    return "".join(out), said


def _shown(elements: OpenElements) -> bool:
    """True where the text is shown and gets readings (see the module docstring)."""
    return not (elements.code or elements.foreign or elements.within(_KEPT | _COMPUTER_TEXT)
                or _in_foreign_content(elements))


def _with_readings(pieces: Sequence[str], han: re.Pattern[str],
                   annotate: Callable[[str], Sequence[Token]], render: Render) -> str:
    """Shown text, its pieces as the page writes them (text and character references), with
    readings: a reference that stands for a Chinese character is read as that character and
    stays the ruby base as written (``<ruby>&#20013;<rt>zhōng</rt></ruby>``), so a word a
    reference cuts is read whole; other references are written as they stood."""
    chars: list[str] = []
    written: list[str] = []
    for piece in pieces:
        ch = html.unescape(piece) if piece[:1] == "&" else None
        if ch is not None and len(ch) == 1 and han.fullmatch(ch):
            chars.append(ch)
            written.append(piece)
        else:
            chars.append(piece)
            written.extend(piece)
    text = "".join(chars)
    if not han.search(text):
        return "".join(pieces)
    return render(annotate(text), written)


def _in_foreign_content(elements: OpenElements) -> bool:
    """True inside ``<svg>`` or ``<math>``, unless an SVG ``<foreignObject>`` is open inside."""
    for tag, _foreign in reversed(elements.stack):
        if tag == _HTML_IN_SVG:
            return False
        if tag in _FOREIGN_ROOTS:
            return True
    return False


def _utf8(name: str, before: str, after: str = "") -> str:
    """``before`` + ``utf-8`` + ``after``, or the encoding ``name`` kept where it is UTF-8."""
    kept = name.lower().replace("_", "-") in ("utf-8", "utf8")
    return before + (name if kept else "utf-8") + after


def _meta_in_utf8(tag: str) -> tuple[str, bool]:
    """A meta tag that names the page's encoding, naming UTF-8 (see the module docstring),
    and whether it names one."""
    if "charset" not in tag.lower():
        return tag, False
    attributes = list(ATTRIBUTE.finditer(tag))
    # a content names the encoding only beside http-equiv="content-type" (a description that
    # speaks of charsets is text): the HTML standard's prescan
    pragma = any(m.group(1).lower() == "http-equiv"
                 and unquoted(m.group(3)).strip().lower() == "content-type" for m in attributes)
    said = False
    out: list[str] = []
    pos = 0
    for m in attributes:
        key, value = m.group(1).lower(), m.group(3)
        quote = value[0] if value[:1] in "\"'" else ""
        inner = unquoted(value)
        if key == "charset":
            new = _utf8(inner.strip(), "")
        elif key == "content" and pragma and "charset" in inner.lower():
            new = _CHARSET_IN_CONTENT.sub(lambda c: _utf8(c.group(2), c.group(1)), inner, count=1)
        else:
            continue
        said = said or key == "charset" or _CHARSET_IN_CONTENT.search(inner) is not None
        out += [tag[pos:m.start(3)], quote + new + quote]
        pos = m.end(3)
    out.append(tag[pos:])
    return "".join(out), said
