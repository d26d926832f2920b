"""Page text written as Markdown, read through its markup: what a browser would show.

Web archives, reader modes, note-taking tools and "copy as Markdown" browser extensions give
a page's text with its markup: ``# title``, ``**研究生:** 劉威成``, ``## 中文關鍵詞`` over
``- item`` lines, ``[跨性別](https://…)`` links, ``| 中文關鍵詞 | … |`` table rows. The
readers know labels and items as a browser shows them, so a page with such markup is first
turned into the text it stands for, line by line:

* ATX headings (``## 中文關鍵詞``) lose their marks, list bullets (``-``, ``*``, ``+``,
  nested) their marker and indentation, block quotes their ``>``; thematic breaks, setext
  underlines, code fences and link reference definitions (``[1]: https://…``) become blank
  lines (a fence naming its content ``markdown`` wraps the page: its lines are read through,
  not kept as code); a hard break's trailing spaces or backslash go;
* emphasis is taken off where it is markup: ``**…**``, ``__…__``, ``*…*``, ``_…_`` and
  ``~~…~~`` flanking their text as CommonMark says, a Han character beside a delimiter
  counting as a space (``**中文關鍵詞:**女性化``); so the asterisk bullets of a keyword line
  (``*資訊安全 *內部控制``) and significance stars (``0.23**，0.45**``) stay as printed, and
  ``_`` inside a word is no markup;
* links and images keep their text and drop their targets (``[text](url)``,
  ``![alt](src)``, ``[text][ref]``, ``<https://…>``); code spans keep their content;
* table rows (a header row over a delimiter row ``|---|---|``) become their cells with a
  tab between them, as a browser's copy gives them, so ``| 中文關鍵詞 | … |`` is a label
  and its value; the delimiter row becomes a blank line;
* ``<br>`` breaks the line (the parts keep the line's number; inside a table cell the
  value's further parts are lines of their own), other inline HTML tags are dropped,
  character references (``&nbsp;``, ``&amp;``) decoded, and backslash escapes (``\\*``,
  ``1\\.``) give the character they escape.

Line numbers are kept (:func:`unmark_lines` maps each line to the lines it shows), so errors,
notices and a record's ``lines`` still point into the file; the record holds the text as
shown, without markup, as it holds titles and keywords as printed.

A page is Markdown by its content (:func:`is_markdown`), never by a flag: a mark that page
text copied from a browser does not have (a heading line, a line opening with bold text, a
link to an address), or two with ``<br>`` among them. Any other page is read exactly as
before.
"""

from __future__ import annotations

import html
import re

__all__ = ["is_markdown", "unmark_lines"]

# Marks counted by is_markdown: at least this many, anywhere on the page. A heading line, a
# line opening in bold or a link to an address is enough alone: none is text a browser
# shows (a page whose only Markdown is its title as a heading, or one bold label), and none
# of the plain renderings has one; ``<br>`` alone is as likely a fragment of HTML.
_MARKS = 2
_HEADING_MARK = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
# Bold text opening a line, after a bullet or quote if any: a bold label (``**研究生:**``).
_BOLD_OPENING = re.compile(
    r"^[ \t]*(?:[-*+>][ \t]+)?(\*\*|__)(?=\S)[^\n]*?(?<=\S)\1", re.MULTILINE)
# A link or image whose target is an address: a scheme, a path, an anchor or a web host.
_LINK_MARK = re.compile(
    r"!?\[[^\]\n]*\]\((?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|\.\.?/|www\.)[^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)

# Backslash escapes: any ASCII punctuation. Protected as private-use characters while the
# markup is read, so an escaped ``*`` or ``|`` is never markup.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PROTECT_BASE = 0xF0000
_PROTECTED = re.compile(f"[{chr(_PROTECT_BASE + 0x21)}-{chr(_PROTECT_BASE + 0x7E)}]")

_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")
_BARE_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[ \t]*$")
_MARKDOWN_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:markdown|md)[ \t]*$", re.IGNORECASE)
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")
# A link reference definition (``[1]: https://…``) shows nothing.
_DEFINITION = re.compile(
    r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?(?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|www\.)\S*(?:[ \t]+\"[^\"\n]*\")?[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_EMPTY_BULLET = re.compile(r"^[ \t]*[-*+][ \t]*$")
_HARD_BREAK = re.compile(r"(?:[ \t]+|\\)$")

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")
_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"(?:\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]+)>")
_COMMENT = re.compile(r"<!--.*?-->")
_TAG = re.compile(
    r"</?(?:a|abbr|b|big|center|code|del|div|em|font|i|ins|kbd|mark|p|s|small|span|strike|"
    r"strong|sub|sup|u)(?:\s[^<>\n]*)?/?>", re.IGNORECASE)
# Emphasis delimiters flank their text as CommonMark says (an opener is followed by no space,
# and by punctuation only after a space or punctuation; a closer mirrors it), except that a
# Han character counts as a space beside them: ``**中文關鍵詞:**女性化`` is bold as written
# by hand, ``0.23**，0.45**`` (significance stars) is not.
_PUNCT = (r"!-/:-@\[-`{-~\u2010-\u2027\u2030-\u205e\u3000-\u303f\uff01-\uff0f"
          r"\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65")
_SPACE_LIKE = rf"\s{_PUNCT}\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _emphasis(mark: str, inner: str, *, run: bool = False) -> re.Pattern[str]:
    """``mark`` around ``inner`` text; with ``run``, never a part of a longer run (``**``)."""
    d = re.escape(mark)
    if run:
        d = rf"(?<!{d}){d}(?!{d})"
    opener = rf"(?:(?<![^{_SPACE_LIKE}]){d}(?=\S)|{d}(?=[^\s{_PUNCT}]))"
    closer = rf"(?:(?<=\S){d}(?![^{_SPACE_LIKE}])|(?<=[^\s{_PUNCT}]){d})"
    return re.compile(rf"{opener}(?!\s)({inner})(?<!\s){closer}")


_STRONG = (_emphasis("**", r".+?"),
           re.compile(r"(?<!\w)__(?=[^\s_])(.+?)(?<=[^\s_])__(?!\w)"),
           _emphasis("~~", r".+?"))
_EMPHASIS = (_emphasis("*", r"[^*\n]+?", run=True),
             re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_]|[^\s_])_(?![\w_])"))
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_DELIMITER_CELL = re.compile(r"^[ \t]*:?-+:?[ \t]*$")


def is_markdown(text: str) -> bool:
    """True if ``text`` is page text with Markdown markup (see the module): a heading line,
    a line opening with bold text or a link to an address, or two marks with ``<br>``
    breaks among them."""
    if not any(mark in text for mark in ("#", "**", "__", "](", "<br", "<BR")):
        return False
    for pattern in (_HEADING_MARK, _BOLD_OPENING, _LINK_MARK):
        if pattern.search(text) is not None:
            return True
    return _BREAK.subn("", text)[1] >= _MARKS


def _protect(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), text)


def _restore(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m.group()) - _PROTECT_BASE), text)


def _inline(text: str) -> str:
    """Inline markup of one protected line (or cell) taken off; ``<br>`` left in place."""
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    if "[" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _COMMENT.sub("", text)
        text = _TAG.sub("", text)
    for pattern in _STRONG:
        previous = None
        while previous != text:  # nested or overlapping runs: ***a***, **a __b__**
            previous, text = text, pattern.sub(r"\1", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return text


def _block(text: str) -> str:
    """A protected line without its block marks (quote, heading, bullet, hard break)."""
    if (_FENCE.match(text) or _THEMATIC_BREAK.match(text) or _SETEXT_UNDERLINE.match(text)
            or _DEFINITION.match(text)):
        return ""
    text = _QUOTE.sub("", text)
    if _HEADING.match(text):
        text = _CLOSING_HASHES.sub("", _HEADING.sub("", text, count=1))
    elif _EMPTY_BULLET.match(text):
        return ""
    else:
        text = _BULLET.sub("", text, count=1)
    return _HARD_BREAK.sub("", text)


def _cells(row: str) -> list[str]:
    inner = row.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return inner.split("|")


def _delimiter_row(row: str) -> bool:
    cells = _cells(row)
    return "-" in row and all(_DELIMITER_CELL.match(c) for c in cells)


def _table_row(row: str) -> list[str]:
    """A table row as lines: its cells joined by tabs, a cell's ``<br>`` parts after."""
    cells = [[_inline(part).strip() for part in _BREAK.split(cell)] for cell in _cells(row)]
    if not any(part for cell in cells for part in cell):
        return [""]
    heads = [cell[0] if len(cell) == 1 or i == len(cells) - 1 else " ".join(p for p in cell if p)
             for i, cell in enumerate(cells)]
    return ["\t".join(heads).strip(), *(p for p in cells[-1][1:] if p)]


def _table_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that are rows of a table: a header row (a line with a bar) over
    a delimiter row, and the lines with a bar under them up to a blank line."""
    rows: set[int] = set()
    i = 1
    while i < len(lines):
        if "|" in lines[i - 1] and "|" in lines[i] and _delimiter_row(lines[i]):
            rows |= {i - 1, i}
            i += 1
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.add(i)
                i += 1
        i += 1
    return rows


def unmark_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, text) pairs of Markdown page text as it shows (see the module).

    A line broken by ``<br>`` gives several pairs with its number; every other line one.
    """
    protected = [_protect(text) for _, text in lines]
    table = _table_lines(protected)
    out: list[tuple[int, str]] = []
    fenced = wrapped = False
    for i, ((number, _), text) in enumerate(zip(lines, protected, strict=True)):
        if _FENCE.match(text):
            # A fence that names its content Markdown (````` ```markdown `````, as tools that
            # hand out a page's text as Markdown wrap it) holds the page: read through, not
            # shown as code, up to the bare fence that closes it.
            if not fenced and not wrapped and _MARKDOWN_FENCE.match(_restore(text)):
                wrapped = True
            elif wrapped and not fenced and _BARE_FENCE.match(_restore(text)):
                wrapped = False
            else:
                fenced = not fenced
            out.append((number, ""))
            continue
        if fenced:  # code: shown as written
            out.append((number, _restore(text)))
            continue
        if i in table:
            parts = [""] if _delimiter_row(text) else _table_row(_QUOTE.sub("", text))
        else:
            parts = [_inline(part) for part in _BREAK.split(_block(text))]
        out += [(number, _restore(part).rstrip()) for part in parts]
    return out
