"""The standard library's HTML tokenizer, made to read any tag soup a browser reads.

:class:`html.parser.HTMLParser` raises AssertionError on a ``<![`` that opens neither a CDATA
section nor one of IE's ``<![if …]>`` sections (``<![foo]>``, ``<![ if !supportLists ]>`` with
spaces, 5,865 of 30,000 random tag-soup strings); HTML reads any such ``<![`` as a bogus comment
up to the next ``>``. Every HTML reader in termkit (page records, ``convert`` and ``pinyin`` of
pages) takes its tokenizer from here, so a page one reads the others read too.

:func:`page_tokens` cuts a page into tokens that give it back byte for byte, and
:class:`OpenElements` follows which text is code or another language's: what ``convert`` and
``pinyin`` share when they change a page's text and nothing else.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser


class HTMLTokenizer(HTMLParser):
    """:class:`~html.parser.HTMLParser` that reads an unknown ``<![`` as HTML does."""

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![…]]>``: a CDATA section or IE's ``<![if …]>`` as the parser knows them; any
        other ``<![`` is a bogus comment up to the next ``>``, as HTML parses it (the
        parser's own reading raises AssertionError on it)."""
        where = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # the failed scan moved the position past '<![' first (_markupbase._scan_name):
            # put it back, or every later token is reported that much too far on
            self.lineno, self.offset = where
            return self.parse_bogus_comment(i, report)


# --------------------------------------------------------------------------- page tokens
# What `convert` and `pinyin` share when they change the text of a page and nothing else.

# The names a page is saved under, and its top: a BOM, an XML declaration, the processing
# instructions after it (an XHTML page's <?xml-stylesheet …?>) and comments may come before a
# doctype or the <html>, <head> or <body> start tag.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PAGE_TOP = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*(?:<!DOCTYPE\s+html|<(?:html|head|body)[\s>])",
    re.IGNORECASE | re.DOTALL)
# How much of a file's start tells whether it opens as a page (a licence comment may come
# before the doctype).
PAGE_HEAD_BYTES = 4096

# One attribute of a start tag: name, ``=`` and its value, quoted or not. An unquoted value
# runs to a space or ``>`` (``content=text/html;charset=big5``), as HTML's tokenizer and
# html.parser read it.
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>][^\s>]*)""")
CODE_ELEMENTS = frozenset({"script", "style"})  # elements whose content is code, kept as it is
LANG_ATTRIBUTES = frozenset({"lang", "xml:lang"})
# Other languages written with Han characters: text an element marks as one of them
# (zh.wikipedia's {{lang|ja|…}} writes <span lang="ja">) is theirs, not Chinese.
OTHER_HAN = frozenset({"ja", "jpn", "ko", "kor", "vi", "vie"})
# Elements with no content, and those a same-level start tag ends (HTML's implied end tags).
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "param", "source", "track", "wbr", "keygen"})
# A <p> is closed by the start tags the HTML standard's "in body" rules list (each closes a p
# element in button scope): a <nav>, <aside>, <header>, <li> … after a <p lang="ja"> holds no
# Japanese.
IMPLIED_END = {"p": frozenset({"p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4",
                               "h5", "h6", "pre", "blockquote", "section", "article", "form",
                               "hr", "address", "aside", "center", "details", "dialog", "dir",
                               "fieldset", "figcaption", "figure", "footer", "header",
                               "hgroup", "main", "menu", "nav", "search", "summary", "listing",
                               "xmp", "plaintext", "li", "dd", "dt"}),
               "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}),
               "dd": frozenset({"dt", "dd"}), "td": frozenset({"td", "th", "tr"}),
               "th": frozenset({"td", "th", "tr"}), "tr": frozenset({"tr"}),
               "option": frozenset({"option", "optgroup"}), "rt": frozenset({"rt", "rp"}),
               "rp": frozenset({"rt", "rp"})}


class _Cutter(HTMLTokenizer):
    """The page cut into its tokens by the tokenizer, each token as (kind, tag name, its text
    as written): offsets come from the parser's positions, so the tokens joined give back the
    page byte for byte."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        for m in re.finditer("\n", text):
            self.lines.append(m.end())
        self.events: list[tuple[int, str, str]] = []

    def _mark(self, kind: str, tag: str = "") -> None:
        line, col = self.getpos()
        self.events.append((self.lines[line - 1] + col, kind, tag))

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._mark("start", tag)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._mark("start", tag)

    def handle_endtag(self, tag: str) -> None:
        self._mark("end", tag)

    def handle_data(self, data: str) -> None:
        self._mark("data")

    def handle_entityref(self, name: str) -> None:
        self._mark("ref")

    def handle_charref(self, name: str) -> None:
        self._mark("ref")

    def handle_comment(self, data: str) -> None:
        self._mark("other")

    def handle_decl(self, decl: str) -> None:
        self._mark("other")

    def handle_pi(self, data: str) -> None:
        self._mark("other")

    def unknown_decl(self, data: str) -> None:
        self._mark("other")


def page_tokens(text: str) -> list[tuple[str, str, str]]:
    """``text``, a page, as (kind, tag, text as written) tokens whose texts joined are the
    page: kinds ``start``, ``end`` (tag names lower-case), ``data`` (text between tags, an
    entity reference apart), ``ref`` (``&amp;``, ``&#20013;``) and ``other`` (comments,
    the doctype, processing instructions). A script's or style's content is ``data``."""
    cutter = _Cutter(text)
    cutter.feed(text)
    cutter.close()
    events = cutter.events
    if not events:  # an empty page, or one of markup the tokenizer reports nothing for (``</>``)
        return [("data", "", text)] if text else []
    out: list[tuple[str, str, str]] = []
    if events[0][0] > 0:
        out.append(("data", "", text[: events[0][0]]))
    for (start, kind, tag), nxt in zip(events, [*events[1:], (len(text), "", "")], strict=True):
        if nxt[0] > start:
            out.append((kind, tag, text[start : nxt[0]]))
    return out


def unquoted(value: str) -> str:
    """An attribute value without its quotes."""
    return value[1:-1] if value[:1] in "\"'" and len(value) >= 2 else value


def lang_of(tag: str) -> str | None:
    """The ``lang`` (or ``xml:lang``) a start tag gives, None when it gives none."""
    if "lang" not in tag.lower():
        return None
    for m in ATTRIBUTE.finditer(tag):
        if m.group(1).lower() in LANG_ATTRIBUTES:
            return unquoted(m.group(3)).strip() or None
    return None


# BCP 47's grandfathered tags for Chinese languages, which no subtag rule reads (RFC 5646's
# registry gives their preferred values: zh-hakka and i-hak are hak, zh-xiang hsn, zh-guoyu
# cmn).
_GRANDFATHERED = {"zh-hakka": "hak", "i-hak": "hak", "zh-xiang": "hsn", "zh-guoyu": "cmn"}


def language_of(tag: str) -> str:
    """The language a ``lang`` value names, lower-case: its first subtag, or the extended
    language after ``zh`` (``zh-yue`` and ``zh-min-nan`` name Cantonese and Min Nan, as
    ``yue`` and ``nan`` do; the grandfathered ``zh-hakka`` and ``zh-xiang`` name Hakka and
    Xiang, as ``hak`` and ``hsn`` do)."""
    folded = tag.strip().replace("_", "-").lower()
    if folded in _GRANDFATHERED:
        return _GRANDFATHERED[folded]
    parts = folded.split("-")
    if parts[0] == "zh" and len(parts) > 1 and (len(parts[1]) == 3 or parts[1] == "min"):
        return "nan" if parts[1] == "min" else parts[1]
    return parts[0]


class OpenElements:
    """The elements open at a point of a page read token by token, as far as the text's
    language and code go: ``code`` inside a script or style, ``foreign`` inside an element
    whose ``lang`` names another language written with Han characters (up to its end tag,
    an ancestor's, or the start tag that ends it implicitly, ``<p>`` after ``<p>``)."""

    def __init__(self, other: frozenset[str] = OTHER_HAN) -> None:
        self.stack: list[tuple[str, bool]] = []  # (tag, in another Han-writing language)
        self.code = False
        self.other = other  # the language subtags whose text is not the reader's Chinese

    @property
    def foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def within(self, tags: frozenset[str]) -> bool:
        """True when an element named in ``tags`` is open."""
        return any(t in tags for t, _ in self.stack)

    def start(self, tag: str, token: str) -> bool:
        """Open the element of the start tag ``token``; whether its text is another
        language's."""
        self.code = tag in CODE_ELEMENTS and not token.endswith("/>")
        while self.stack and tag in IMPLIED_END.get(self.stack[-1][0], ()):
            self.stack.pop()  # <p> … <p>, <li> … <li>: the first one ends here
        foreign = self.foreign
        lang = lang_of(token)
        if lang is not None:
            foreign = language_of(lang) in self.other
        if tag not in VOID_ELEMENTS and not token.endswith("/>"):
            self.stack.append((tag, foreign))
        return foreign

    def end(self, tag: str) -> None:
        """Close the element ``tag`` (and those open inside it)."""
        if tag in CODE_ELEMENTS:
            self.code = False
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass
