"""Page text saved or pasted as HTML, read as the text a browser shows.

A thesis or article page saved from a browser (``.html``, ``.htm``) or pasted or piped in as
markup holds its fields in tags: ``<tr><th>中文關鍵詞:</th><td>網路成癮、大學生</td></tr>``
(NDLTD), ``<div><span>关键词：</span><p><a>…</a></p></div>`` (CNKI-like), ``<dl>`` lists,
``<meta name="citation_keywords">`` in the head of journal pages. The page and labelled
readers know labels and items as a browser shows them, so such a page is first turned into
its shown text, much as a browser's ``innerText`` gives it (:func:`shown_lines`):

* block elements (``p``, ``div``, headings, ``li``, ``tr``, ``table``, ``hr`` …) and ``<br>``
  break lines; ``p`` and headings leave a blank line, as a browser's copy does, so the
  blocks the page reader reads stay apart; list items are one per line;
* table cells become label TAB value (``<th>中文關鍵詞:</th><td>…</td>`` gives
  ``中文關鍵詞:<TAB>…``), and so do ``<dt>``/``<dd>`` pairs; a block inside a cell (``<td><p>``,
  ``<td><ul><li>``) does not push its first line off the cell's line, its further lines
  follow as lines of their own (as the Markdown step reads ``<br>`` in a cell);
* ``script``, ``style``, ``title``, ``nav``, ``aside``, ``noscript``, ``template``,
  ``select``, ``textarea``, ``svg``, ``iframe``, media, comments, the label of a form
  control (``<label for=…>``, a search box's placeholder), elements hidden by the ``hidden``
  attribute or an inline ``display:none``/``visibility:hidden``, and the page's furniture
  named so by a class or id word (``nav``, ``menu``, ``sidebar``, ``side``, ``breadcrumb``,
  ``footer``, ``toolbar``: ``main-nav``, ``CatalogSide``) show nothing: a sidebar listing
  the page's sections (``摘要``, ``关键词``, ``相似文献``) reads as bare labels and a heading
  over other articles;
* character references are decoded, white space collapses as CSS ``white-space: normal``
  says (a run of spaces, tabs and newlines is one space, none at a line's ends; a newline
  between two Han characters is a space too, as Chromium shows it, so items listed one per
  source line stay apart), ``<pre>`` and an inline ``white-space: pre``/``pre-wrap`` keep
  their spaces and lines, a no-break space becomes a space as a browser's copy gives it;
* where the author plainly meant items apart the reading departs from the browser's: in a
  keyword field (a keyword label's line, or the lines under a keyword label standing
  alone) a run of spaces inside a source line is a gap of two spaces (``machine learning
  transfer learning`` with two spaces between the items), and sibling links or spans with
  nothing but white space between them (``<a>机器学习</a><a>迁移学习</a>``, run together by a
  browser) are separate items, two spaces apart; so are they on a line made of such
  siblings only (an author line of name links);
* the Highwire and Dublin Core tags of the head (``citation_title``, ``citation_author``,
  ``citation_keywords``, ``DC.title``, ``DC.creator``, ``DC.subject``) are read where the
  shown text lacks what they hold (:func:`_meta_shown`: keywords count as shown when they
  stand as a list, not when a title or abstract happens to use one) are put before the
  body as a labelled line, one per field and language (a tag's ``xml:lang`` or ``lang``
  decides, else its script). Without such a title tag, the part of the document's
  ``<title>`` (``題名 - 網站名``) that a shown line is, whole, is put first as the title:
  it tells the page's title from the sidebar, search box and menu lines above it. (``題名：``, ``作者：``, ``關鍵詞：`` for Chinese text,
  ``Title:``, ``Authors:``, ``Keywords:`` for other), so a page whose body a script would
  have filled still gives its record. The generic ``keywords`` tag is site vocabulary, not
  the article's, and is never read.

Each shown line keeps the number of the file line its text starts on (:func:`shown_lines`
gives (line number, text) pairs), so errors, notices and a record's ``lines`` point into the
file.

The markup is read with the standard library's :class:`html.parser.HTMLParser`: no network,
no entity expansion from a DTD, no error on tag soup. Its one weakness, a construct left open
to the end of the input (``<a <a <a …``, ``<!--`` without ``-->``), which it rescans from every
``<`` (time quadratic in the input), is taken away first: such a ``<`` is text
(:func:`_close_open_constructs`).

A page is HTML (:func:`is_html`) by its content — a doctype or an ``<html>``, ``<head>`` or
``<body>`` tag at the top, or enough block and table tags (four or more, two of them closing
tags, on a page with no Markdown marks) — or by a ``.html``/``.htm`` name with any tag in it.
Plain and Markdown page text has none of this and reads as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from termkit.htmlsafe import (
    ATTRIBUTE,
    PAGE_SUFFIXES,
    PAGE_TOP,
    VOID_ELEMENTS,
    HTMLTokenizer,
    unquoted,
)
from termkit.records.script import has_han

__all__ = ["declared_encoding", "is_html", "shown_lines"]

_ROOT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"<(/?)(?:table|tbody|thead|tr|td|th|div|p|ul|ol|li|dl|dt|dd|h[1-6]|section|article|main)"
    r"(?=[\s>/])[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--)>",
                      re.DOTALL)
# Block and table tags a page needs, and how many of them closing tags, to be HTML by its
# content alone.
_BLOCK_TAGS = 4
_CLOSING_TAGS = 2
_HEAD_CHARS = 4096

# Elements that show nothing (their text is code, a fallback or page navigation).
_HIDDEN = frozenset({"script", "style", "title", "nav", "noscript", "template", "select",
                     "datalist", "textarea", "svg", "iframe", "canvas", "audio", "video",
                     "object", "aside"})
# Words of a class or id that name a page's furniture: navigation, menus, sidebars, footers
# and toolbars (``main-nav``, ``CatalogSide``, ``site_footer``, ``wxToolbar``).
_FURNITURE_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "sidebar",
                              "side", "breadcrumb", "breadcrumbs", "footer", "toolbar"})
_NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Elements closed by the start of another of the same kind (``<li>a<li>b``).
_SELF_CLOSING_BY_SIBLING = frozenset({"p", "li", "dt", "dd", "td", "th", "tr", "option"})
# Line breaks an element asks for before and after it: two (a blank line) for paragraphs
# and headings, as a browser's copy gives them; one for other blocks.
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "details",
    "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
    "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "ol",
    "plaintext", "pre", "search", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul", "xmp", "dt", "dd",
})
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
# A run of spaces or tabs inside a line of the source, and the mark that stands for it (or
# for the boundary between two sibling links or spans) until the line's field is known.
_SOURCE_GAP = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_GAP = "\ue000"
# Inline elements whose siblings are items of their own (a keyword or an author each).
_ITEM_TAGS = frozenset({"a", "span"})
# Inline styles under which a browser keeps the source's spaces and line breaks, as in <pre>.
_PRE_STYLE = re.compile(r"(?:^|;)\s*white-space\s*:\s*(?:pre|pre-wrap|break-spaces)\b", re.IGNORECASE)

# Meta tags read where the body lacks their field (lower-cased names).
_META_FIELDS = {
    "citation_title": "title", "dc.title": "title", "dcterms.title": "title",
    "citation_author": "authors", "dc.creator": "authors", "dcterms.creator": "authors",
    "citation_keywords": "keywords", "dc.subject": "keywords", "dcterms.subject": "keywords",
}
_META_LABELS = {"title": ("題名：", "Title: "), "authors": ("作者：", "Authors: "),
                "keywords": ("關鍵詞：", "Keywords: ")}
_META_JOIN = {"title": " ", "authors": "；", "keywords": "；"}
_META_SPLIT = re.compile(r"\s*[;；]\s*")
_WORD = re.compile(r"\w")
# A document title is the article's title and the site's name, parted by a dash or a bar.
_TITLE_PARTS = re.compile(r"\s+[-|_–—:]\s+|\s*[|｜_]\s*|\s*[–—]+\s*")
_TITLE_LETTERS = 4
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Han characters and other letters a keyword line may hold besides its items: its label
# (``中文關鍵詞``, ``关键词``, ``Key words``).
_LABEL_HAN = 6
_LABEL_LETTERS = 12

# The encoding of a <meta charset> value or of a content="…; charset=…" beside
# http-equiv="Content-Type"; comments hold no declaration (HTML's prescan skips them).
_META_TAG = re.compile(r"<meta(?=[\s/>])[^>]*>", re.IGNORECASE)
_CHARSET_NAME = re.compile(r"^\s*[\"']?\s*([A-Za-z0-9_.:-]+)")
_CHARSET_IN_CONTENT = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# WHATWG encoding labels of the encodings the readers know besides UTF-8/16, with the codecs
# tried for each (Big5 as Microsoft's CP950, then HKSCS; GBK and GB2312 as GB18030).
_DECLARED = {
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950",
                     "x-big5", "big5hkscs"), ("cp950", "big5hkscs")),
    **dict.fromkeys(("gbk", "gb2312", "gb18030", "x-gbk", "chinese", "csgb2312", "csiso58gb231280",
                     "gb_2312", "gb_2312-80", "iso-ir-58", "cp936", "windows-936", "euc-cn"),
                    ("gb18030",)),
}


# Western single-byte labels, all windows-1252 to a browser (the WHATWG Encoding standard);
# the five bytes Python's cp1252 leaves undefined are read as the standard reads them, byte by
# byte (:func:`termkit.textio.decode_text`), the rest of the page still windows-1252.
_WESTERN = dict.fromkeys(("iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp1252",
                          "windows-1252", "us-ascii", "ascii", "x-cp1252", "cp819", "ibm819"),
                         ("cp1252",))


def declared_encoding(data: bytes, *, western: bool = False) -> tuple[str, ...]:
    """The codecs an HTML page's ``<meta charset>`` or ``http-equiv`` Content-Type names,
    when it names Big5 or GBK/GB18030 (in the first 4,096 bytes), or, with ``western``, a
    Western single-byte encoding (windows-1252, as browsers read ISO-8859-1 and ASCII: a page
    saved so holds Chinese only as character references); () otherwise.

    As HTML's prescan reads it: the first meta tag outside comments that names an encoding
    decides (a commented-out ``<!-- <meta charset="big5"> -->`` left above the page's own
    declaration names nothing), and a ``content`` names one only beside
    ``http-equiv="Content-Type"`` (a description that speaks of charsets names none)."""
    head = data[:_HEAD_CHARS]
    if b"<meta" not in head.lower():
        return ()
    text = _COMMENT.sub("", head.decode("latin-1"))
    for tag in _META_TAG.finditer(text):
        attributes = {m.group(1).lower(): unquoted(m.group(3))
                      for m in reversed(list(ATTRIBUTE.finditer(tag.group())))}
        name = None
        if "charset" in attributes:
            name = _CHARSET_NAME.match(attributes["charset"])
        elif attributes.get("http-equiv", "").strip().lower() == "content-type":
            name = _CHARSET_IN_CONTENT.search(attributes.get("content", ""))
        if name:
            label = name.group(1).lower()
            return _DECLARED.get(label, ()) or (_WESTERN.get(label, ()) if western else ())
    return ()


def is_html(text: str, path: str | None = None) -> bool:
    """True if ``text`` is an HTML page (see the module): by its top, by enough block tags,
    or by a ``.html``/``.htm`` name with a tag in it."""
    if "<" not in text:
        return False
    head = text[:_HEAD_CHARS]
    if PAGE_TOP.match(head) or _ROOT_TAG.search(head):
        return True
    if path and path != "-" and PurePath(path).suffix.lower() in PAGE_SUFFIXES:
        return _ANY_TAG.search(text) is not None
    closing = 0
    for blocks, m in enumerate(_BLOCK_TAG.finditer(text), 1):
        closing += bool(m.group(1))
        if blocks >= _BLOCK_TAGS and closing >= _CLOSING_TAGS:
            from termkit.records.markdown import is_markdown

            return not is_markdown(text)
    return False


def _close_open_constructs(text: str) -> str:
    """``text`` with every ``<`` that opens a construct left open to the end of the input
    written as ``&lt;`` (shown as text, as the parser would show it, but in linear time).

    A start or end tag, declaration or processing instruction needs a ``>`` after it, a
    comment a ``-->``; the parser rescans the rest of the input from every ``<`` whose
    construct never closes.
    """
    last_gt = text.rfind(">")
    last_comment_end = max(text.rfind("-->"), text.rfind("--!>"))

    def fix(m: re.Match[str]) -> str:
        start = m.start()
        closer = last_comment_end if m.group().startswith("<!--") else last_gt
        return m.group() if closer > start else "&lt;" + m.group()[1:]

    return re.sub(r"<(?:!--|[A-Za-z/!?])", fix, text)


def _furniture(*names: str | None) -> bool:
    """True if a class or id names page furniture (see ``_FURNITURE_WORDS``), by its words:
    parts between hyphens, underscores and spaces, and camel-case humps."""
    return any(word.lower() in _FURNITURE_WORDS
               for name in names if name for word in _NAME_WORD.findall(name))


@dataclass(slots=True)
class _Line:
    number: int = 0
    parts: list[str] = field(default_factory=list)
    blank: bool = True  # nothing but tabs so far
    spaced: bool = True  # ends with a tab (or holds nothing): a space here shows nothing
    loose: bool = False  # some text outside sibling links or spans

    def add(self, text: str, number: int) -> None:
        if self.blank:
            self.number = number
            self.blank = False
        self.parts.append(text)
        self.spaced = text.endswith(("\t", " "))

    def text(self) -> str:
        return "".join(self.parts).replace("\xa0", " ").strip(" \t")


class _Shown(HTMLTokenizer):
    """The text of a page as shown, line by line (see the module)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.line = _Line()
        self.started = False  # some text shown yet
        self.breaks = 0  # line breaks asked for since the last text
        self.space = False  # a collapsible space since the last text
        self.hiding: list[str] = []  # the hidden element being skipped, and its nesting
        self.pre = 0
        self.cells: list[int] = []  # cells seen in the current row, per open table
        self.fresh_cell = False  # a cell opened, no text in it yet
        self.term = False  # inside a <dt>
        self.after_term = False  # a <dt> shown, no other text since
        self.items = 0  # depth inside links and spans
        self.item_closed = ""  # the top-level link or span just closed, white space since
        self.gap = False  # the next text starts a sibling link or span: an item boundary
        self.styled_pre: list[list[str | int]] = []  # [tag, nesting] of white-space:pre elements
        self.meta: list[tuple[int, str, str, str]] = []  # (line, field, lang, content)
        self.title: list[str] = []  # the document's <title>
        self.title_line = 0

    # -- output

    def _ask(self, count: int) -> None:
        if self.started and not self.fresh_cell:
            self.breaks = max(self.breaks, count)

    def _new_line(self, number: int) -> None:
        text = self.line.text()
        if not self.line.loose:
            text = text.replace(_GAP, "  ")  # a line of sibling items only: their boundaries
        self.lines.append((self.line.number, text))
        self.line = _Line(number)
        self.space = False
        self.item_closed, self.gap = "", False

    def _emit(self, text: str, number: int) -> None:
        """Shown text (no collapsible space at its ends, unless in ``<pre>``)."""
        if self.started and self.breaks:
            if self.line.blank:  # a <br> ended the line: it was one of the breaks
                self.line = _Line(number)
            else:
                self._new_line(number)
            self.lines.extend((number, "") for _ in range(self.breaks - 1))
        self.breaks = 0
        if self.gap and not self.line.blank and not self.line.spaced:
            self.line.add(_GAP, number)
        elif self.space and not self.line.spaced:
            self.line.add(" ", number)
        self.space = self.gap = False
        self.item_closed = ""
        if not self.items:
            self.line.loose = True
        self.line.add(text, number)
        self.started = True
        self.fresh_cell = False
        if not self.term:
            self.after_term = False

    def _tab(self, number: int) -> None:
        """Separate a cell (or a ``<dd>``) from the one before it on its line."""
        if self.started:
            self.breaks = 0
            self.space = False
            self.line.parts.append("\t")
            self.line.spaced = True
            self.fresh_cell = True

    # -- parser events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        number = self.getpos()[0]
        if tag == "meta":
            self._meta(attrs, number)
            return
        if self.hiding:
            if tag == self.hiding[0] and tag not in VOID_ELEMENTS:
                self.hiding.append(tag)
            return
        values = dict(attrs)
        if tag in _ITEM_TAGS:
            if not self.items and self.item_closed == tag:
                self.gap = True  # a sibling of the link or span before it
            self.items += 1
        elif tag not in VOID_ELEMENTS:
            self.item_closed = ""
        if self.styled_pre and tag == self.styled_pre[-1][0]:
            self.styled_pre[-1][1] = int(self.styled_pre[-1][1]) + 1
        elif _PRE_STYLE.search(values.get("style") or "") is not None and tag not in VOID_ELEMENTS:
            self.styled_pre.append([tag, 1])
            self.pre += 1
        if tag == "title" and not self.title_line:
            self.title_line = number
        if (tag in _HIDDEN or "hidden" in values or (tag == "label" and "for" in values)
                or _HIDING_STYLE.search(values.get("style") or "") is not None
                or _furniture(values.get("class"), values.get("id"))):
            if tag not in VOID_ELEMENTS:
                self.hiding.append(tag)
            return
        if tag == "br":
            if self.started:
                if self.breaks:  # a break after a block: the block's breaks and one more
                    self.breaks += 1
                else:
                    self._new_line(number)
                self.fresh_cell = False
            return
        if tag in ("td", "th"):
            if not self.cells:
                self.cells.append(0)
            if self.cells[-1]:
                self._tab(number)
            self.cells[-1] += 1
            self.after_term = False
            return
        if tag == "dd" and self.after_term:
            self._tab(number)
            self.after_term = False
            return
        if tag == "table":
            self.fresh_cell = False
            self.cells.append(0)
        elif tag == "tr":
            if not self.cells:
                self.cells.append(0)
            self.cells[-1] = 0
            self.fresh_cell = False
        elif tag == "pre":
            self.pre += 1
        elif tag == "dt":
            self.term = True
            self.after_term = True
        if tag in _PARAGRAPH:
            self._ask(2)
        elif tag in _BLOCK:
            self._ask(1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hiding:
            if tag == self.hiding[-1]:
                self.hiding.pop()
            return
        if tag in _ITEM_TAGS and self.items:
            self.items -= 1
            self.item_closed = "" if self.items else tag
        if self.styled_pre and tag == self.styled_pre[-1][0]:
            self.styled_pre[-1][1] = int(self.styled_pre[-1][1]) - 1
            if not self.styled_pre[-1][1]:
                self.styled_pre.pop()
                self.pre -= 1
        if tag == "table" and self.cells:
            self.cells.pop()
        elif tag == "pre" and self.pre:
            self.pre -= 1
        elif tag == "dt":
            self.term = False
        elif tag == "dl":
            self.after_term = False
        if tag in ("td", "th", "dd"):
            return  # the next cell's tab or the row's end breaks the line
        if tag == "tr":
            self.fresh_cell = False
        if tag in _PARAGRAPH:
            self._ask(2)
        elif tag in _BLOCK:
            self._ask(1)

    def handle_data(self, data: str) -> None:
        if self.hiding:
            if self.hiding[0] == "title" and len(self.hiding) == 1:
                self.title.append(data)
            return
        number = self.getpos()[0]
        if self.pre:
            for k, part in enumerate(data.split("\n")):
                if k and self.started:
                    self._new_line(number + k)
                    self.breaks = 0
                if part:
                    self._emit(part, number + k)
            return
        stripped = data.strip(" \t\n\r\f")
        if not stripped:
            self.space = self.space or bool(data)
            return
        start = data.index(stripped[0])
        if start:
            self.space = True
        # (a run of spaces inside a line of the source is marked: a gap between items in a
        # keyword field, one space elsewhere, see shown_lines)
        shown = _COLLAPSIBLE.sub(" ", _SOURCE_GAP.sub(_GAP, stripped))
        self._emit(shown, number + data.count("\n", 0, start))
        if len(stripped) + start < len(data):
            self.space = True

    def _meta(self, attrs: list[tuple[str, str | None]], number: int) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        kind = _META_FIELDS.get(values.get("name", "").strip().lower())
        content = _COLLAPSIBLE.sub(" ", values.get("content", "")).strip()
        if kind and content:
            lang = values.get("xml:lang") or values.get("lang") or ""
            self.meta.append((number, kind, lang.lower(), content))

    def finish(self) -> list[tuple[int, str]]:
        self.close()
        if not self.line.blank:
            self._new_line(0)
        return self.lines


def _meta_shown(kind: str, items: list[str], lines: list[str], every: list[str]) -> bool:
    """True if the shown ``lines`` (case-folded) hold what a meta field lists: the title or
    half the authors anywhere; keywords as a list — a line holding two of them (one, if that
    is all) and nothing else but ``every`` keyword of the other language, separators and a
    label; or half of them each on a line of its own. A title or an abstract using a
    keyword or two does not show the list."""
    folded = [item.casefold() for item in items]
    if kind != "keywords":
        flat = " ".join(lines)
        return 2 * sum(item in flat for item in folded) >= len(folded)
    need = min(2, len(folded))
    longest_first = sorted({item.casefold() for item in every}, key=len, reverse=True)
    for line in lines:
        if sum(item in line for item in folded) < need:
            continue
        rest = line
        for item in longest_first:
            rest = rest.replace(item, " ")
        han = len(_HAN.findall(rest))
        if han <= _LABEL_HAN and len(_WORD.findall(rest)) - han <= _LABEL_LETTERS:
            return True
    alone = {line.strip(" \t;；,，、") for line in lines}
    return 2 * sum(item in alone for item in folded) >= len(folded)


def _meta_lines(meta: list[tuple[int, str, str, str]], shown: list[str]) -> list[tuple[int, str]]:
    """Labelled lines for what the meta tags hold and the shown text lacks (see the module)."""
    lines = [_COLLAPSIBLE.sub(" ", line).casefold() for line in shown]
    out: list[tuple[int, str]] = []
    for kind in ("title", "authors", "keywords"):
        by_script: dict[bool, tuple[int, list[str]]] = {}
        for number, k, lang, content in meta:
            if k != kind:
                continue
            # The language a tag names decides; without one, Han text is Chinese.
            chinese = lang.startswith("zh") or (not lang.startswith("en") and has_han(content))
            items = [content] if kind == "title" else [i for i in _META_SPLIT.split(content) if i]
            _, seen = by_script.setdefault(chinese, (number, []))
            seen += [item for item in items if item not in seen]
        for chinese in (True, False):
            if chinese not in by_script:
                continue
            number, items = by_script[chinese]
            if kind == "title":
                items = items[:1]
            every = [item for _, seen in by_script.values() for item in seen]
            if _meta_shown(kind, items, lines, every):
                continue  # the body shows them: they are read there
            label = _META_LABELS[kind][0 if chinese else 1]
            joiner = _META_JOIN[kind] if chinese else "; "
            out.append((number, label + joiner.join(items)))
    if out:
        out.append((out[-1][0], ""))
    return out


def _document_title(title: str, number: int, shown: list[str]) -> list[tuple[int, str]]:
    """A labelled title line for the part of the document's ``<title>`` (``題名 - 網站``) that
    a shown line is, whole: the page's own title among its lines (see the module)."""
    lines = {_COLLAPSIBLE.sub(" ", line).strip().casefold() for line in shown}
    for part in _TITLE_PARTS.split(_COLLAPSIBLE.sub(" ", title).strip()):
        if len(_WORD.findall(part)) >= _TITLE_LETTERS and part.casefold() in lines:
            label = _META_LABELS["title"][0 if has_han(part) else 1]
            return [(number, label + part), (number, "")]
    return []


def _gaps_resolved(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines with each marked gap (a run of spaces in the source, a boundary between sibling
    links or spans) two spaces in a keyword field and one space elsewhere, as a browser
    shows it. A keyword field is a keyword label's line (``關鍵詞：…``, ``關鍵詞<TAB>…``) and
    the lines under a keyword label standing alone, up to the next label."""
    from termkit.records.keywords import bare_keyword_label, keyword_label
    from termkit.records.labels import match_label

    out: list[tuple[int, str]] = []
    under_label = False
    for number, text in lines:
        if text.strip():
            label = match_label(text.replace(_GAP, " "))
            field_line = keyword_label(text.replace(_GAP, "  ")) is not None
            if label is not None:
                under_label = bare_keyword_label(text.replace(_GAP, " "))
            if _GAP in text:
                text = text.replace(_GAP, "  " if field_line or under_label else " ")
        out.append((number, text))
    return out


def shown_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) pairs of an HTML page as a browser shows it (see the module)."""
    parser = _Shown()
    parser.feed(_close_open_constructs(text))
    lines = _gaps_resolved(parser.finish())
    shown = [t for _, t in lines]
    extra = _meta_lines(parser.meta, shown) if parser.meta else []
    if parser.title and not any(k == "title" for _, k, _, _ in parser.meta):
        extra = _document_title("".join(parser.title), parser.title_line, shown) + extra
    while lines and not lines[-1][1]:
        lines.pop()
    return extra + lines
