"""PO syntax errors with line and column, found before polib sees the text.

polib reads what it understands and guesses the rest: ``msgstr garbage`` (text without
quotes) becomes an empty translation, an unterminated string loses its last character, a
``msgstr[5]`` without ``msgid_plural`` is accepted. :func:`scan` reads the text as GNU
``msgfmt`` does and returns every problem as a :class:`PoSyntaxError` (1-based line and
column), so the reader can refuse the file with the first one and ``termkit check`` can report
them all and still check the entries that are whole (:func:`blank_broken`).

What is reported (msgfmt's wording in brackets where it differs):

* a line that is neither a comment, a keyword with a string, nor a string (``keyword
  "garbage" unknown`` / ``syntax error``);
* a string not closed on its line (``end-of-line within string``; msgfmt names the *next*
  line, this scanner the line of the string, with the column of its opening quote);
* an unknown escape such as ``\\q`` (``invalid control sequence``; same column as msgfmt:
  the character after the backslash);
* a NUL byte in the text, or a NUL or EOT (the msgctxt separator) written as an escape;
* keywords out of order: ``msgstr`` before ``msgid``, two ``msgctxt``/``msgstr``, a
  ``msgid`` without ``msgstr`` (``missing 'msgstr' section``), ``msgid_plural`` answered by a
  plain ``msgstr``, ``msgstr[N]`` without ``msgid_plural`` (``missing 'msgid_plural'
  section``), plural indexes that do not count up from 0;
* ``msgstr[N]`` beyond the header's ``nplurals``, or fewer forms than it;
* the same ``msgctxt``/``msgid`` twice (``duplicate message definition``).

* a comment between an entry's keywords, or before a string that continues its msgstr
  (``missing 'msgstr' section``, ``syntax error``), and an entry obsolete (``#~``) on some
  lines only (``inconsistent use of #~``).

Obsolete entries (``#~``) are scanned like the others (msgfmt does too) and count as
duplicates, but not for plural counts; ``#|`` previous-msgid lines only need well-formed
strings. What gettext reads and polib does not is rewritten for it (:attr:`Scan.rewrites`,
:func:`readable`): two strings on one line (``msgstr "b" "c"``) and a string continued after
a backslash at the end of a line.
msgfmt accepts ``\\0`` and stops the string there in the compiled catalog; here it is an error,
because a NUL cannot survive in any other format termkit writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["PoSyntaxError", "Scan", "blank_broken", "readable", "scan"]


@dataclass(frozen=True, slots=True)
class PoSyntaxError:
    """One syntax problem: 1-based ``line`` and ``column`` (None for a whole entry).

    ``kind`` is ``"plurals"`` for a number of plural forms other than the header's
    ``nplurals`` (the entry itself is readable), else ``"syntax"``.
    """

    line: int
    column: int | None
    message: str
    kind: str = "syntax"


@dataclass(slots=True)
class _Entry:
    start: int  # first line of the entry, its comments included (1-based)
    end: int  # last line (1-based)
    obsolete: bool
    key_line: int  # line of msgid (or of the first keyword)
    msgctxt: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    plural_line: int | None = None  # line of msgstr[0]
    plurals: int = 0
    broken: bool = False


@dataclass(slots=True)
class Scan:
    """Every problem found, and which line ranges hold an entry that cannot be read."""

    errors: list[PoSyntaxError] = field(default_factory=list)
    broken: list[tuple[int, int]] = field(default_factory=list)  # (first, last) lines
    # Lines rewritten (1-based) so that polib reads what msgfmt reads: several strings on one
    # line joined into one, a string continued after a backslash at the end of a line joined
    # onto the line it starts on (the lines it took are then empty).
    rewrites: dict[int, str] = field(default_factory=dict)


_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?")
_WORD = re.compile(r"[^\s\"#]+")
_SHOWN = 40  # characters of an unknown keyword an error quotes
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\", '"': '"'}
_OCTAL = frozenset("01234567")
_HEX = frozenset("0123456789abcdefABCDEF")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def _strings(text: str, pos: int, line: int, errors: list[PoSyntaxError],
             spans: list[tuple[int, int]] | None = None) -> list[str] | None:
    """The quoted strings of ``text`` from ``pos`` on (decoded); None after a syntax error.
    ``spans`` (a list) receives each string's span, quotes included."""
    values: list[str] = []
    n = len(text)
    while True:
        while pos < n and text[pos] in " \t\r\f\v":
            pos += 1
        if pos >= n or text[pos] == "#":  # msgfmt allows a comment after the strings
            return values
        if text[pos] != '"':
            word = _WORD.match(text, pos)
            what = word.group() if word else text[pos]
            why = (
                "after the closing quote (a double quote inside the string needs a backslash)"
                if values or (pos > 0 and text[pos - 1] == '"')
                else "where a string in double quotes was expected"
            )
            errors.append(PoSyntaxError(line, pos + 1, f"unexpected text {what!r} {why}"))
            return None
        start = pos
        pos += 1
        out: list[str] = []
        while True:
            if pos >= n:
                errors.append(PoSyntaxError(line, start + 1, "unterminated string (no closing double quote on this line)"))
                return None
            ch = text[pos]
            if ch == '"':
                pos += 1
                if spans is not None:
                    spans.append((start, pos))
                break
            if ch != "\\":
                out.append(ch)
                pos += 1
                continue
            pos += 1
            esc = text[pos] if pos < n else ""
            if esc and esc in _ESCAPES:
                out.append(_ESCAPES[esc])
                pos += 1
            elif esc and esc in _OCTAL:
                end = pos
                while end < n and end - pos < 3 and text[end] in _OCTAL:
                    end += 1
                out.append(chr(int(text[pos:end], 8) & 0xFF))
                pos = end
            elif esc == "x" and pos + 1 < n and text[pos + 1] in _HEX:
                end = pos + 1
                while end < n and text[end] in _HEX:
                    end += 1
                out.append(chr(int(text[pos + 1 : end], 16) & 0xFF))
                pos = end
            elif not esc:
                errors.append(PoSyntaxError(line, start + 1, "unterminated string (the line ends in a backslash)"))
                return None
            else:
                errors.append(PoSyntaxError(line, pos + 1, f"invalid escape sequence \\{esc}"))
                return None
            if out[-1] in "\x00\x04":
                what = "NUL" if out[-1] == "\x00" else "EOT (the msgctxt separator)"
                errors.append(PoSyntaxError(line, pos, f"{what} character written as an escape"))
                return None
        values.append("".join(out))


def _joined_strings(line: str, spans: list[tuple[int, int]]) -> str:
    """``line`` with its strings ``spans`` (two or more) written as one: ``"b" "c"`` ->
    ``"bc"``, as gettext reads them (escapes are kept as written)."""
    body = "".join(line[a + 1 : b - 1] for a, b in spans)
    return f'{line[: spans[0][0]]}"{body}"{line[spans[-1][1]:]}'


def _open_string(line: str) -> bool:
    """True when ``line`` ends inside a string, in a backslash that escapes the line end
    (gettext then goes on with the next line: ``"ab\\`` + ``cd"`` is ``"abcd"``). Comment
    and obsolete lines are left alone."""
    body = line.lstrip(" \t")
    if body.startswith("#"):
        return False
    inside = False
    i, n = len(line) - len(body), len(line)
    while i < n:
        ch = line[i]
        if inside and ch == "\\":
            if i == n - 1:
                return True
            i += 2
            continue
        if ch == '"':
            inside = not inside
        elif ch == "#" and not inside:
            return False  # a comment after the strings
        i += 1
    return False


def _join_continued(lines: list[str], rewrites: dict[int, str]) -> None:
    """Join each string continued after a backslash at the end of a line onto its first
    line (the lines it took become empty, so every other line keeps its number)."""
    i = 0
    while i < len(lines):
        line = lines[i].removesuffix("\r")
        if not _open_string(line):
            i += 1
            continue
        first, joined = i, line
        while _open_string(joined) and i + 1 < len(lines):
            i += 1
            joined = joined[:-1] + lines[i].removesuffix("\r")
            lines[i] = ""
            rewrites[i + 1] = ""
        lines[first] = rewrites[first + 1] = joined
        i += 1


_BAD_COUNT = -1  # a Plural-Forms whose nplurals is missing or not a whole number from 1


def _nplurals(header: str | None) -> int | None:
    """The header's ``nplurals``; None without a Plural-Forms, ``_BAD_COUNT`` for a bad one."""
    if header is None:
        return None
    for raw in header.split("\n"):
        key, _, value = raw.partition(":")
        if key.strip().lower() == "plural-forms":
            m = _NPLURALS.search(value)
            if m is None or not re.search(r"nplurals\s*=\s*\d+\s*(;|$)", value) or int(m.group(1)) < 1:
                return _BAD_COUNT
            return int(m.group(1))
    return None


def _plural_forms_line(lines: list[str], entry: _Entry) -> int:
    """The line of the header entry that holds ``Plural-Forms`` (else its msgid's line)."""
    for lineno in range(entry.key_line, min(entry.end, len(lines)) + 1):
        if "plural-forms" in lines[lineno - 1].lower():
            return lineno
    return entry.key_line


_ANY = "_any"  # continuation strings accepted and not kept (msgid_plural, msgstr[N], after errors)


def scan(text: str) -> Scan:
    """Every syntax problem of a PO catalog's decoded ``text``, in line order."""
    result = Scan()
    errors = result.errors
    entries: list[_Entry] = []
    cur: _Entry | None = None
    state = "start"  # start, ctx, id, plural, str, strn
    target: str | None = None  # the value continuation strings extend (None: none allowed)
    pending: int | None = None  # first line of the comments before the next keyword
    comment: int | None = None  # a comment line after the msgstr (the entry may not go on)
    last_index = -1

    def fail(line: int, column: int | None, message: str) -> None:
        errors.append(PoSyntaxError(line, column, message))
        if cur is not None:
            cur.broken = True
        else:
            result.broken.append((line, line))

    def finish() -> None:
        nonlocal cur
        if cur is not None:
            if state in ("id", "plural"):
                fail(cur.key_line, None, "msgid without msgstr")
            elif state == "ctx":
                fail(cur.key_line, None, "msgctxt without msgid")
            entries.append(cur)
        cur = None

    lines = text.split("\n")
    if "\\\n" in text or "\\\r\n" in text:
        _join_continued(lines, result.rewrites)
    for lineno, raw in enumerate(lines, 1):
        line = raw.removesuffix("\r")
        nul = line.find("\x00")
        if nul >= 0:
            fail(lineno, nul + 1, "NUL byte in the text")
        body = line.lstrip(" \t")
        obsolete = body.startswith("#~")
        if obsolete:
            body = body[2:]
        if body.startswith(("#", "|")) and not (obsolete and not body.startswith("|")):
            if body.startswith(("#|", "|")):  # previous msgid: only its strings are checked
                at = len(line) - len(body) + (1 if body.startswith("|") else 2)
                problems: list[PoSyntaxError] = []
                _strings(line, at + _after_keyword(line[at:]), lineno, problems)
                for p in problems:
                    fail(p.line, p.column, p.message)
            if cur is not None and state != "start" and comment is None:
                comment = lineno  # an error if the entry goes on after it
            if pending is None and state in ("start", "str", "strn"):
                pending = lineno
            continue
        body = body.lstrip(" \t")
        indent = len(line) - len(body)
        if not body:
            continue
        if cur is not None and not body.startswith(("msgctxt", "msgid")):
            cur.end = lineno  # a msgctxt/msgid may open the next entry: see below
        if cur is not None and body.startswith('"') and target is not None:
            _inconsistent(cur, obsolete, lineno, fail)
            if comment is not None:
                fail(lineno, indent + 1, _after_comment("a string after", comment))
        if body.startswith('"'):
            spans: list[tuple[int, int]] = []
            values = _strings(line, indent, lineno, errors, spans)
            if len(spans) > 1:
                result.rewrites[lineno] = _joined_strings(line, spans)
            if values is None or target is None:
                if values is not None:
                    fail(lineno, indent + 1, "a string with no keyword before it")
                elif cur is not None:
                    cur.broken = True
                else:
                    result.broken.append((lineno, lineno))
            elif target != _ANY and cur is not None:
                setattr(cur, target, (getattr(cur, target) or "") + "".join(values))
            continue
        m = _KEYWORD.match(body)
        if m is None or (m.end() < len(body) and body[m.end()] not in ' \t"'):
            word = _WORD.match(body)
            name = word.group() if word else body[:1]
            # a line of minified code or data is one "word": the error line shows its start
            shown = f"{name!r}" if len(name) <= _SHOWN else f"{name[:_SHOWN]!r}…"
            fail(lineno, indent + 1, f"unknown keyword {shown}; text must be in double quotes")
            target = _ANY if cur is not None else None
            continue
        keyword, index = m.group(1), m.group(2)
        col = indent + 1
        if keyword in ("msgctxt", "msgid") and state != "ctx":
            finish()
            cur = _Entry(pending if pending is not None else lineno, lineno, obsolete, lineno)
            state = "start"
        elif cur is not None:  # a keyword that goes on with the entry
            _inconsistent(cur, obsolete, lineno, fail)
            if comment is not None and state in ("id", "plural"):
                # msgfmt: "missing 'msgstr' section" at the msgid, then "syntax error" here
                fail(cur.key_line, None, _after_comment("msgid without msgstr before", comment))
            elif comment is not None:
                fail(lineno, indent + 1, _after_comment(f"{m.group()} after", comment))
        if cur is not None:
            cur.end = lineno
        pending = comment = None
        spans = []
        values = _strings(line, indent + m.end(), lineno, errors, spans)
        if len(spans) > 1:
            result.rewrites[lineno] = _joined_strings(line, spans)
        if values is None:
            if cur is not None:
                cur.broken = True
            else:
                result.broken.append((lineno, lineno))
        elif not values:
            fail(lineno, indent + m.end() + 1, f"no string after {m.group()}")
        value = "".join(values or [])
        target = _ANY
        if keyword == "msgctxt":
            assert cur is not None
            if state == "ctx":
                fail(lineno, col, "a second msgctxt in one entry")
            else:
                cur.msgctxt, state, target = value, "ctx", "msgctxt"
        elif keyword == "msgid":
            assert cur is not None
            cur.key_line, cur.msgid, state, target = lineno, value, "id", "msgid"
        elif keyword == "msgid_plural":
            if state != "id" or index is not None:
                fail(lineno, col, "msgid_plural that does not follow a msgid")
            else:
                state = "plural"
        elif index is None:  # msgstr
            if state == "id" and cur is not None:
                cur.msgstr, state, target = value, "str", "msgstr"
            elif state == "plural":
                fail(lineno, col, "msgid_plural needs msgstr[0], msgstr[1] …, not msgstr")
                state = "str"
            else:
                fail(lineno, col, "msgstr where a msgid was expected")
                state = "str" if cur is not None else "start"
        else:  # msgstr[N]
            n = int(index)
            if state == "id" and cur is not None:
                fail(cur.key_line, None, f"msgstr[{n}] without msgid_plural")
                state, last_index = "strn", n
            elif state == "plural" and cur is not None:
                if n != 0:
                    fail(lineno, col, f"the first plural form is msgstr[{n}], not msgstr[0]")
                cur.plural_line, cur.plurals, cur.msgstr = lineno, 1, value
                state, last_index = "strn", n
            elif state == "strn" and cur is not None and cur.plural_line is not None:
                if n != last_index + 1:
                    fail(lineno, col, f"msgstr[{n}] after msgstr[{last_index}]: plural forms count up from 0")
                cur.plurals += 1
                last_index = n
            elif state != "strn":
                fail(lineno, col, f"msgstr[{n}] without msgid and msgid_plural")
                state = "strn" if cur is not None else "start"
    finish()
    _whole_catalog(entries, result, lines)
    result.broken.extend((e.start, e.end) for e in entries if e.broken)
    result.broken.sort()
    errors.sort(key=lambda e: (e.line, e.column or 0))
    return result


def _after_comment(what: str, comment: int) -> str:
    return (f"{what} the comment on line {comment}: a comment cannot come inside an entry "
            "(comments go before its msgctxt or msgid)")


def _inconsistent(cur: _Entry, obsolete: bool, lineno: int,
                  fail: Callable[[int, int | None, str], None]) -> None:
    """An entry whose lines are partly obsolete (``#~``) and partly not (msgfmt: "inconsistent
    use of #~")."""
    if obsolete != cur.obsolete:
        fail(lineno, 1, "inconsistent use of #~: an entry is obsolete on all its lines or on none")


def _after_keyword(rest: str) -> int:
    """Offset of the first string in a ``#|`` line (after ``msgid`` and the like)."""
    stripped = rest.lstrip(" \t")
    m = _KEYWORD.match(stripped)
    return len(rest) - len(stripped) + (m.end() if m else 0)


def _whole_catalog(entries: list[_Entry], result: Scan, lines: list[str]) -> None:
    """Checks that need the header or other entries: plural counts and duplicates."""
    head = next(
        (e for e in entries if e.msgid == "" and e.msgctxt is None and not e.obsolete), None)
    nplurals = _nplurals(head.msgstr if head is not None else None)
    if nplurals == _BAD_COUNT and head is not None:
        result.errors.append(PoSyntaxError(
            _plural_forms_line(lines, head), None,
            "the header's Plural-Forms needs nplurals=N, a whole number from 1 (e.g. "
            "'nplurals=1; plural=0;' for Chinese)", "plurals"))
        nplurals = None
    seen: dict[tuple[str | None, str], int] = {}
    for e in entries:
        if e.msgid is None:
            continue
        key = (e.msgctxt, e.msgid)
        # obsolete entries count too, as msgfmt counts them (msgmerge never writes an
        # obsolete entry beside a live one with the same msgid)
        if key in seen and not e.broken:
            result.errors.append(
                PoSyntaxError(e.key_line, None, f"duplicate message definition (first at line {seen[key]})")
            )
        seen.setdefault(key, e.key_line)
        if e.obsolete:
            continue
        if nplurals is not None and e.plural_line is not None and not e.broken and e.plurals != nplurals:
            more = e.plurals > nplurals
            result.errors.append(
                PoSyntaxError(
                    e.plural_line,
                    None,
                    f"{e.plurals} plural form(s) but the header says nplurals={nplurals}"
                    + (f" (msgstr[{nplurals}] and after are beyond it)" if more else ""),
                    "plurals",
                )
            )


def readable(text: str, scanned: Scan) -> str:
    """``text`` as polib should read it: the lines of :attr:`Scan.rewrites` rewritten, then
    the lines of broken entries emptied (:func:`blank_broken`); line numbers stay true."""
    if scanned.rewrites:
        lines = text.split("\n")
        for lineno, new in scanned.rewrites.items():
            lines[lineno - 1] = new
        text = "\n".join(lines)
    return blank_broken(text, scanned.broken)


def blank_broken(text: str, broken: list[tuple[int, int]]) -> str:
    """``text`` with the lines of broken entries emptied, so line numbers stay true."""
    if not broken:
        return text
    lines = text.split("\n")
    for first, last in broken:
        for i in range(first - 1, min(last, len(lines))):
            lines[i] = ""
    return "\n".join(lines)
