"""Pinyin of an HTML page: readings added to the text a reader sees, nothing else changed.

``pinyin -i page.html`` used to read a page as plain text, so readings landed inside its
scripts (``var 软件(ruǎnjiàn) = 1``), its attributes and its title. Here the page is cut into
tokens (:func:`termkit.htmlsafe.page_tokens`, the tokenizer ``convert`` reads pages with) and
only the text between tags gets readings: as ruby, one ``<ruby>`` per written word as
:func:`termkit.pinyin.ruby.ruby_word` writes it, or inline, ``中文(zhōngwén)``.

Left as written: every tag and attribute, entity references, comments, the doctype, the
content of ``<script>`` and ``<style>``, text an element marks as another language written
with Han characters (``<span lang="ja">``, as ``convert`` leaves it), text that already has
readings (inside ``<ruby>``, ``<rt>``, ``<rp>``), and the text of elements that show no markup
(``<title>``, ``<textarea>``, ``<option>``: a ruby there would show as its tags). A word an
inline tag cuts (理<b>发</b>店) is read piece by piece.

The page comes out in UTF-8 (tone marks are not in Big5 or GB2312): a ``<meta charset>``, a
``<meta http-equiv="content-type">`` or an XML declaration that names another encoding is
made to name UTF-8, so a browser reads the page as it is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from termkit.htmlsafe import ATTRIBUTE, OpenElements, page_tokens, unquoted
from termkit.pinyin.readings import han_run
from termkit.pinyin.render import render_inline
from termkit.pinyin.ruby import ruby_word
from termkit.pinyin.tokens import Style, Token

# Elements whose text gets no readings: it has them already, or shows no markup.
_KEPT = frozenset({"ruby", "rt", "rp", "title", "textarea", "option"})
# An encoding named in a meta tag's content (``text/html; charset=big5``) or an XML declaration.
_CHARSET_IN_CONTENT = re.compile(r"(charset\s*=\s*)([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(r"""(encoding\s*=\s*)(["'])([\w.:-]+)\2""", re.I)


def renderer(fmt: str, style: Style = Style.TONE, *, heteronym: bool = False
             ) -> Callable[[Sequence[Token]], str]:
    """How a piece of a page's text is written with its readings: ``ruby`` or ``inline``.
    Text that is no Chinese is written as it stood in the page."""
    if fmt == "inline":
        return lambda tokens: render_inline(tokens, style, heteronym=heteronym)
    if fmt != "ruby":
        raise ValueError(f"a page gets its readings as ruby or inline, not {fmt!r}")
    return lambda tokens: "".join(
        ruby_word(t, style, heteronym=heteronym) if t.chinese else t.text for t in tokens)


def annotate_page(page: str, annotate: Callable[[str], Sequence[Token]],
                  render: Callable[[Sequence[Token]], str]) -> str:
    """``page`` with the readings of its shown text (see the module docstring): ``annotate``
    reads a piece of text into tokens, ``render`` writes them (:func:`renderer`)."""
    out: list[str] = []
    elements = OpenElements()
    han = han_run()
    for kind, tag, token in page_tokens(page):
        if kind == "data":
            shown = not (elements.code or elements.foreign or elements.within(_KEPT))
            out.append(render(annotate(token)) if shown and han.search(token) else token)
            continue
        if kind == "start":
            elements.start(tag, token)
            if tag == "meta":
                token = _meta_in_utf8(token)
        elif kind == "end":
            elements.end(tag)
        elif kind == "other" and token.startswith("<?xml"):
            token = _XML_ENCODING.sub(lambda m: _utf8(m.group(3), m.group(1) + m.group(2),
                                                      m.group(2)), token, count=1)
        out.append(token)
    return "".join(out)


def _utf8(name: str, before: str, after: str = "") -> str:
    """``before`` + ``utf-8`` + ``after``, or the encoding ``name`` kept where it is UTF-8."""
    kept = name.lower().replace("_", "-") in ("utf-8", "utf8")
    return before + (name if kept else "utf-8") + after


def _meta_in_utf8(tag: str) -> str:
    """A meta tag that names the page's encoding, naming UTF-8 (see the module docstring)."""
    lowered = tag.lower()
    if "charset" not in lowered:
        return tag
    out: list[str] = []
    pos = 0
    for m in ATTRIBUTE.finditer(tag):
        key, value = m.group(1).lower(), m.group(3)
        quote = value[0] if value[:1] in "\"'" else ""
        inner = unquoted(value)
        if key == "charset":
            new = _utf8(inner.strip(), "")
        elif key == "content" and "charset" in inner.lower():
            new = _CHARSET_IN_CONTENT.sub(lambda c: _utf8(c.group(2), c.group(1)), inner, count=1)
        else:
            continue
        out += [tag[pos:m.start(3)], quote + new + quote]
        pos = m.end(3)
    out.append(tag[pos:])
    return "".join(out)
