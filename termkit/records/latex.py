"""LaTeX sources of a thesis or article (``.tex``): the record its template's fields hold.

Chinese thesis templates keep the bilingual record in macros or in the keys of a setup
macro, each template with its own names: ucasthesis ``\\keywords{…}`` / ``\\KEYWORDS{…}``,
``\\title{…}`` / ``\\TITLE{…}``, ``\\author{…}`` / ``\\AUTHOR{…}``; thuthesis, ustcthesis,
SJTUThesis and ntu-thesis ``\\thusetup{keywords = {…}, keywords* = {…}, title* = {…}}``;
pkuthss and hithesis ``ckeywords = {…}``, ``ekeywords = {…}``, ``ctitle``; others
``\\ckeywords{…}`` / ``\\ekeywords{…}``, ``\\keywordszh{…}``, ``\\enkeywords{…}``,
``\\chinesekeywords{…}``. This reader takes them all by the shape of the name rather than by
template:

=====================================  ===========================================================
a macro ``\\NAME{…}`` or a key         ``NAME`` (case ignored, a ``*`` after it allowed) is
``NAME = {…}`` / ``NAME = value``      ``keyword(s)``, ``title`` or ``author``, optionally with a
                                       language mark before (``c``, ``e``, ``en``, ``cn``, ``zh``,
                                       ``ch``, ``chinese``, ``english``) or after (``zh``, ``en``,
                                       ``cn``, ``ch``, ``chinese``, ``english``)
keywords                               split like a keyword line (``，`` ``,`` ``；`` ``、`` …,
                                       ``\\quad`` and ``\\zhspace`` as the space they print); a
                                       name's mark says the list's language (``*``, ``e…``,
                                       ``…en``: English; ``c…``, ``…zh``: Chinese); a bare
                                       name's field holding Han characters is the Chinese list
                                       (its Latin items, ``eBPF``, ``RISC-V``, stay in it), one
                                       without is the English list; of two bare fields holding
                                       Han, the one with fewer such items is English (an item
                                       ``Internet of Things (物联网)``)
title                                  Chinese or English by script; a second one of a
                                       language is kept as a section
author                                 names (``\\and`` between several); Chinese names and
                                       as many romanized ones are paired by position
=====================================  ===========================================================

Comments (``%`` to the end of the line, not ``\\%``) and the blocks LaTeX skips
(``\\iffalse … \\fi``, a ``comment`` environment) are left out first, so a template's sample
kept behind ``%`` or in such a block is not read. Values are turned into the text they print with
pylatexenc (``\\&`` -> ``&``, ``~`` -> a space, ``\\LaTeX{}`` -> ``LaTeX``, ``\\mbox{…}`` and
``\\textbf{…}`` -> their text, a line break ``\\\\`` joined as a wrapped line is). A macro
being defined (``\\newcommand\\keywords[1]{…#1…}``: a parameter ``#1`` in it; ``\\#`` is
text, ``C\\#语言``) is not a value. What a field prints
elsewhere is not its text: notes and references (``\\thanks``, ``\\footnote``, ``\\cite``,
``\\ref``, ``\\index``, ``\\inst``), and in an author field the marks (math such as
``$^{1,2}$``, ``\\textsuperscript``) and the address lines after a name's ``\\\\``. A key
inside a command's ``[…]`` options (``\\begin{tcolorbox}[title=注意]``) is not a field. Names
with another prefix (``\\subtitle``, ``pdftitle``, ``\\titleformat``, ``\\maketitle``) are not
fields.

Where the source prints its keywords as labelled lines instead (``\\noindent\\textbf{關鍵字：}
…``, ``{\\bf Keywords:} …`` in an abstract file, as several Taiwanese templates do), no
keyword field is found: the source is then read as the text it prints (pylatexenc again,
line structure kept) with the labelled-page reader, when that text has field labels
(:func:`termkit.records.scan.is_labelled`: two labels or more at line starts, ``關鍵字：``,
``Keywords:`` …), and the title and author fields fill what that text does not give. Text
without labels (a chapter) is not taken for keywords.

One file is one record, its id the file stem. A field whose ``{`` is never closed, or braces
nested more than 64 deep, is a :class:`~termkit.errors.FormatError` at its line; a source with
a title or author but no keyword is a record without keywords (as a page without a keyword
line is); one with no field and no keyword printed either (a chapter, a class file) is an
:class:`~termkit.errors.InputError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from termkit.errors import FormatError, InputError
from termkit.model import Notice, Record
from termkit.records.assemble import keyword_items, people, set_keywords, set_title
from termkit.records.script import clean, has_han, join_lines

__all__ = ["is_latex", "latex_fields", "parse_latex"]

_PREFIX = r"(?:c|e|en|cn|zh|ch|chinese|english)?"
_SUFFIX = r"(?:zh|en|cn|ch|chinese|english)?"
_NAME = re.compile(rf"^({_PREFIX})(keywords?|title|author)({_SUFFIX})$")
_ENGLISH_MARKS = frozenset({"e", "en", "english"})
_CHINESE_MARKS = frozenset({"c", "cn", "zh", "ch", "chinese"})
# ``\NAME``, ``\NAME*``, ``\NAME[short]`` before a brace; ``NAME = `` / ``NAME* =`` as a key.
_MACRO = re.compile(r"\\([A-Za-z]+)(\*?)[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?=\{)")
_KEY = re.compile(r"(?<![\\\w])([A-Za-z]+)(\*?)[ \t]*=[ \t]*")
_FIRST_MACRO = re.compile(r"^\\[A-Za-z@]")
# A macro parameter (``#1``, ``##1``) in a value: the value is a definition's body. ``\#``
# prints '#' (``C\#语言``).
_PARAMETER = re.compile(r"(?<!\\)#+[1-9]")
# Blocks LaTeX skips: ``\iffalse … \fi`` (TeX's conditionals nested inside it counted, as TeX
# counts them while skipping: its primitives and the kernel's ``\if@…``; ``\ifthenelse`` is
# a macro, no conditional) and the comment package's ``comment`` environment.
_IF_WORD = re.compile(
    r"\\(if(?:false|true|x|num|dim|odd|case|cat|vmode|hmode|mmode|inner|void|hbox|vbox|eof"
    r"|defined|csname|fontchar|@[A-Za-z@]*)?|fi|begin\{comment\}|end\{comment\})"
    r"(?![A-Za-z@])")
_AND = re.compile(r"\\and\b")
# In an author field, math and superscripts are marks (an affiliation's number, a
# corresponding author's star: ``张三$^{1,2}$``, ``Li Si\textsuperscript{*}``), never a name.
# ``\\`` (with its ``*`` or ``[2mm]``) in an author field: the lines after a name's first are
# its address (LaTeX's \author{Name \\ Affiliation \and Name \\ Affiliation}), not names.
_LINE_BREAK = re.compile(r"\\\\\*?(?:[ \t]*\[[^\]\n]*\])?")
_AUTHOR_MARK = re.compile(r"\\textsuperscript\s*\{[^{}]*\}|(?<!\\)\$[^$]*(?<!\\)\$")


def _without_comments(text: str) -> str:
    """``text`` with every comment (an unescaped ``%`` to the end of its line) removed."""
    if "%" not in text:
        return text
    out = []
    for line in text.split("\n"):
        cut = line.find("%")
        while cut != -1:
            slashes = 0  # the backslashes right before it (counted back, not re-stripped)
            while slashes < cut and line[cut - slashes - 1] == "\\":
                slashes += 1
            if slashes % 2 == 0:
                line = line[:cut]
                break
            cut = line.find("%", cut + 1)
        out.append(line)
    return "\n".join(out)


def _without_disabled(text: str) -> str:
    """``text`` with the blocks LaTeX skips blanked, each line break kept (so every line keeps
    its number): ``\\iffalse … \\fi`` and ``\\begin{comment} … \\end{comment}``, where
    a template keeps its sample fields."""
    if "\\iffalse" not in text and "\\begin{comment}" not in text:
        return text
    out: list[str] = []
    at = 0
    skip_from = -1
    depth = 0
    closer = ""
    for m in _IF_WORD.finditer(text):
        word = m.group(1)
        if skip_from < 0:
            if word == "iffalse" or word == "begin{comment}":
                out.append(text[at:m.start()])
                skip_from, depth = m.start(), 1
                closer = "fi" if word == "iffalse" else "end{comment}"
            continue
        if closer == "fi":
            if word.startswith("if"):
                depth += 1
            elif word == "fi":
                depth -= 1
        elif word == "end{comment}":
            depth = 0
        if depth == 0:
            out.append("\n" * text.count("\n", skip_from, m.end()))
            at, skip_from = m.end(), -1
    if skip_from >= 0:  # never closed: LaTeX skips to the end
        out.append("\n" * text.count("\n", skip_from))
        at = len(text)
    out.append(text[at:])
    return "".join(out)


def _live(text: str) -> str:
    """What LaTeX reads of ``text``: comments and skipped blocks left out, lines kept."""
    return _without_disabled(_without_comments(text))


# What brace matching reads: an escape (``\{``, ``\%``, skipped whole), a brace, a comma, a line end.
_BRACE_MARKS = re.compile(r"\\.?|[{},\n]", re.S)


def _marks(text: str, start: int) -> Iterator[tuple[int, str, int]]:
    """(index, character, brace depth before it) of each brace, comma and line end of ``text``
    from ``start``, escaped characters skipped; ordinary text is passed over by the pattern."""
    depth = 0
    for m in _BRACE_MARKS.finditer(text, start):
        c = m.group()
        if c[0] == "\\":
            continue
        yield m.start(), c, depth
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1


def _group(text: str, start: int) -> int | None:
    """The index after the brace group opening at ``text[start] == "{"``; None if unclosed."""
    for i, c, depth in _marks(text, start):
        if c == "}" and depth == 1:
            return i + 1
    return None


def _bare_value(text: str, start: int) -> int:
    """Where an unbraced key value ends: a ``,`` or ``}`` outside braces, or the line's end."""
    for i, c, depth in _marks(text, start):
        if c == "\n" or (depth == 0 and c in ",}"):
            return i
    return len(text)


_MAX_DEPTH = 64  # braces nested deeper than any template's fields: not read (nor recursed)


def _check_depth(body: str, path: str) -> None:
    depth = 0
    for at, c in enumerate(body):
        if c == "{" and (at == 0 or body[at - 1] != "\\"):
            depth += 1
            if depth > _MAX_DEPTH:
                line = body.count("\n", 0, at) + 1
                raise FormatError(f"braces nested more than {_MAX_DEPTH} deep", path=path,
                                  line=line, column=at - body.rfind("\n", 0, at))
        elif c == "}" and depth and (at == 0 or body[at - 1] != "\\"):
            depth -= 1


def _in_options(body: str, starts: list[int]) -> set[int]:
    """Which of ``starts`` (ascending) stand inside a command's ``[…]`` options (innermost
    group a bracket, not a brace): ``title=注意`` of ``\\begin{tcolorbox}[title=注意]`` or a
    plot's ``[title={Loss}]`` is an option of that command, not a record field."""
    inside: set[int] = set()
    stack: list[str] = []
    want = iter(starts)
    nxt = next(want, None)
    i = 0
    while nxt is not None and i < len(body):
        while nxt is not None and nxt <= i:
            if stack and stack[-1] == "[":
                inside.add(nxt)
            nxt = next(want, None)
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c in "{[":
            stack.append(c)
        elif c == "}":
            while stack and stack.pop() != "{":
                pass  # a ``[`` left open inside the group (``[0,1)``) ends with it
        elif c == "]" and stack and stack[-1] == "[":
            stack.pop()
        i += 1
    return inside


def _marked_language(prefix: str, suffix: str, star: str) -> str | None:
    """The language a field's name marks: ``en`` for an English mark before or after the name
    or a ``*`` after it (``ekeywords``, ``englishkeywords``, ``keywordsen``, ``keywords*``),
    ``zh`` for a Chinese one (``ckeywords``, ``keywordszh``); None for a bare name."""
    if star or prefix in _ENGLISH_MARKS or suffix in _ENGLISH_MARKS:
        return "en"
    if prefix in _CHINESE_MARKS or suffix in _CHINESE_MARKS:
        return "zh"
    return None


def latex_fields(text: str, path: str = "") -> list[tuple[str, str, int, str | None]]:
    """``(kind, LaTeX value, line, language)`` of every record field in a LaTeX source, in
    file order; ``kind`` is ``keywords``, ``title`` or ``author``, ``language`` the one its
    name marks (``en``, ``zh``) or None."""
    body = _live(text)
    if "{" * 8 in body or body.count("{") > _MAX_DEPTH:
        _check_depth(body, path)
    found: list[tuple[int, str, str, str | None]] = []
    keys = [m for m in _KEY.finditer(body) if _NAME.match(m.group(1).casefold())]
    options = _in_options(body, [m.start() for m in keys]) if keys else set()
    for pattern in (_MACRO, _KEY):
        matches = pattern.finditer(body) if pattern is _MACRO else iter(keys)
        for m in matches:
            name = _NAME.match(m.group(1).casefold())
            if name is None or m.start() in options:
                continue
            kind = "keywords" if name.group(2).startswith("keyword") else name.group(2)
            lang = _marked_language(name.group(1), name.group(3), m.group(2))
            start = m.end()
            if start < len(body) and body[start] == "{":
                end = _group(body, start)
                if end is None:
                    line = body.count("\n", 0, m.start()) + 1
                    raise FormatError(
                        f"the value of {m.group(0).strip()} is never closed (no '}}' matches "
                        "its '{')", path=path, line=line, column=m.start() - body.rfind(
                            "\n", 0, m.start()))
                value = body[start + 1:end - 1]
            elif pattern is _KEY:
                value = body[start:_bare_value(body, start)]
            else:
                continue
            if _PARAMETER.search(value) or not value.strip():
                continue  # a macro being defined (``#1``), or nothing given
            found.append((m.start(), kind, value, lang))
    found.sort(key=lambda f: f[0])
    return [(kind, value, body.count("\n", 0, at) + 1, lang) for at, kind, value, lang in found]


def is_latex(text: str) -> bool:
    """A LaTeX source: its first line that is not blank or a comment starts with a control
    word (``\\documentclass``, ``\\keywords{…}``), and it holds a record field."""
    for line in _live(text[:65536]).split("\n"):
        stripped = line.strip()
        if stripped:
            if not _FIRST_MACRO.match(stripped):
                return False
            break
    else:
        return False
    try:
        return bool(latex_fields(text))
    except FormatError:
        return True


# Macros whose argument is a note, a mark or a reference (their pylatexenc argument specs):
# footnotes and a title's or author's \thanks, citations, cross-references, index entries,
# the affiliation marks of llncs (\inst) and IEEEtran (\IEEEauthorrefmark).
_NOTES = {
    "thanks": "{", "footnote": "[{", "footnotemark": "[", "footnotetext": "[{",
    "cite": "*[[{", "citep": "*[[{", "citet": "*[[{", "upcite": "*[[{", "supercite": "*[[{",
    "parencite": "*[[{", "textcite": "*[[{", "autocite": "*[[{",
    "ref": "{", "eqref": "{", "pageref": "{", "autoref": "{", "cref": "{", "label": "{",
    "index": "{", "inst": "{", "IEEEauthorrefmark": "{",
}


@lru_cache(maxsize=1)
def _decoder() -> tuple[Any, Any]:
    from pylatexenc import latexwalker, macrospec
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    walker_db = latexwalker.get_default_latex_context_db()
    walker_db.add_context_category("termkit", prepend=True, macros=[
        macrospec.std_macro("mbox", False, 1),
        macrospec.std_macro("hspace", True, 1),
        macrospec.std_macro("zhspace", False, 0),
        *(macrospec.std_macro(name, spec) for name, spec in _NOTES.items()),
    ])
    text_db = get_default_latex_context_db()
    # Spacing macros print the space that separates keywords (ustcthesis's ``\zhspace``).
    gap = "\u3000"
    text_db.add_context_category("termkit", prepend=True, macros=[
        MacroTextSpec("LaTeX", simplify_repl="LaTeX"),
        MacroTextSpec("LaTeXe", simplify_repl="LaTeX2e"),
        MacroTextSpec("TeX", simplify_repl="TeX"),
        MacroTextSpec("mbox", discard=False),
        MacroTextSpec("zhspace", simplify_repl=gap),
        MacroTextSpec("quad", simplify_repl=gap),
        MacroTextSpec("qquad", simplify_repl=gap),
        MacroTextSpec("hspace", simplify_repl=gap),
        # notes, marks and references print elsewhere (a footnote) or a number, never the
        # field's text: a title's \thanks{基金} is not part of the title
        *(MacroTextSpec(name, simplify_repl="") for name in _NOTES),
    ])
    return walker_db, LatexNodes2Text(latex_context=text_db, math_mode="text",
                                      strict_latex_spaces=True)


_CONTROL_WORD = re.compile(r"\\(?:[A-Za-z@]+\*?|(.))")
_UNESCAPED_GROUPING = re.compile(r"(?<!\\)[{}$]")
_UNESCAPED_TIE = re.compile(r"(?<!\\)~")


def _plain(value: str) -> str:
    """A LaTeX value with its markup stripped: what is left when pylatexenc cannot read it."""
    text = _UNESCAPED_TIE.sub(" ", _UNESCAPED_GROUPING.sub("", value))
    return _CONTROL_WORD.sub(lambda m: "\n" if m.group(1) == "\\" else (m.group(1) or " "), text)


def _to_text(value: str) -> str:
    """The text ``value`` prints (pylatexenc), its line breaks kept as newlines."""
    from pylatexenc import latexwalker

    walker_db, to_text = _decoder()
    try:
        walker = latexwalker.LatexWalker(value, latex_context=walker_db, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
        text = str(to_text.nodelist_to_text(nodes))
    except Exception:  # pylatexenc fails on some broken markup even when tolerant
        text = _plain(value)
    return text.replace("\u00a0", " ")


def latex_text(value: str) -> str:
    """The text a LaTeX value prints, on one line (line breaks joined as wrapped lines are)."""
    if "\\" not in value and "$" not in value and "~" not in value and "{" not in value:
        return join_lines(value.split("\n"))
    return join_lines(_to_text(value).split("\n"))


def printed_text(text: str) -> str:
    """The text a LaTeX source prints, its lines kept (comments left out); braces nested
    deeper than any template's are refused by :func:`latex_fields` before this runs."""
    return _to_text(_live(text))


def _from_printed(text: str, path: str, stem: str, fields: Record) -> list[Record]:
    """The record of a source whose keywords are printed lines, read as the text it prints."""
    from termkit.records.labelled import parse_labelled
    from termkit.records.scan import is_labelled

    shown = printed_text(text)
    records: list[Record] = []
    if is_labelled(shown, path):  # keywords printed under their labels, not any text
        try:
            records = parse_labelled(shown, path, stem)
        except InputError:
            records = []
    record = records[0] if len(records) == 1 else None
    if record is None or not (record.keywords_zh or record.keywords_en):
        if fields.title_zh or fields.title_en or fields.authors:
            return [fields]  # no keyword: a record without them, as a page without a keyword line
        raise InputError(
            "no record fields in this LaTeX source (no \\keywords{…}, keywords = {…}, "
            "\\title{…} or \\author{…} and their language variants, and no keyword line "
            "printed)", path=path,
            hint="name the file that holds them: the abstract or the template's setup "
            "(abstract.tex, cover.tex, setup.tex, Frontmatter.tex …), not a chapter")
    # Line numbers in the printed text are not the source's: only the fields' lines are kept.
    record.lines = dict(fields.lines)
    record.notices = [Notice(n.message, path) for n in record.notices]
    # The title and author fields name what the printed text may not show.
    for slot in ("title_zh", "title_en"):
        if getattr(fields, slot) is not None:
            setattr(record, slot, getattr(fields, slot))
    if fields.authors:
        record.authors = fields.authors
    return [record]


def _list_languages(lists: list[tuple[list[str], int, str | None]]) -> list[str]:
    """The language of each keyword field: the one its name marks; else Chinese when an item
    holds Han characters (its Latin items, ``eBPF``, stay in it), English when none does. When
    the bare names would make every field Chinese, the one with the fewest items holding Han
    is English (``\\KEYWORDS{Internet of Things (物联网), …}`` beside ``\\keywords{物联网，…}``:
    an English item may gloss itself in Chinese, an English list is mostly Latin)."""
    share = [sum(has_han(item) for item in items) / len(items) for items, _l, _m in lists]
    langs = [marked or ("zh" if han else "en")
             for (_i, _l, marked), han in zip(lists, share, strict=True)]
    bare = [k for k, (_i, _l, marked) in enumerate(lists) if marked is None]
    if len(lists) >= 2 and bare and all(lang == "zh" for lang in langs):
        fewest = min(bare, key=lambda k: share[k])
        if share[fewest] < min(share[k] for k in range(len(lists)) if k != fewest):
            langs[fewest] = "en"
    return langs


def parse_latex(text: str, path: str, stem: str) -> list[Record]:
    """Read the record of a LaTeX source (one record, id ``stem``)."""
    fields = latex_fields(text, path)
    rec = Record(source=path, id=stem)
    names: list[tuple[str, int | None]] = []
    lists: list[tuple[list[str], int, str | None]] = []
    for kind, value, line, marked in fields:
        if kind == "keywords":
            items = keyword_items(latex_text(value))
            if items:
                lists.append((items, line, marked))
        elif kind == "title":
            title = clean(latex_text(value))
            if title:
                set_title(rec, title, line)
        else:
            for part in _AND.split(_AUTHOR_MARK.sub("", value)):
                first = next((line for line in _LINE_BREAK.split(part) if line.strip()), "")
                name = clean(latex_text(first))
                if name:
                    names.append((name, line))
                    rec.lines.setdefault("authors", line)
    # Chinese names first, then the romanized ones, as people() pairs them.
    names.sort(key=lambda n: not has_han(n[0]))
    rec.authors = people(names)
    keywords: list[tuple[str, int | None, str | None]] = [
        (item, line, lang)
        for (items, line, _m), lang in zip(lists, _list_languages(lists), strict=True)
        for item in items]
    if not keywords:
        return _from_printed(text, path, stem, rec)
    set_keywords(rec, keywords, path)
    return [rec]
