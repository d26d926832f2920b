"""What must survive translation untouched: printf and brace placeholders, tags, URLs, e-mails.

Each parser returns what the format checks compare; :func:`protected_spans` gives the spans
of all of them, so the number, bracket and typography checks can look past them (a ``{0}``
is not a bracket, the ``2`` of ``%2$s`` not a number, the ``.`` of a URL not punctuation).

printf follows the C ``printf`` grammar (``%[N$][flags][width][.prec][length]conversion``,
``%%`` a literal) and Python's ``%(name)s``; brace format follows Python's
``str.format`` (``{}``, ``{0}``, ``{name!r:>10}``, ``{{`` a literal) and ICU MessageFormat
(``{count, plural, one {# file} other {# files}}``: argument names only, the sub-messages
are text).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# C and Python printf. A space flag is left out on purpose: "50% of" is not "% o".
# A ``*`` width or precision takes an argument of its own (``*2$``: argument 2).
PRINTF = re.compile(
    r"%(?:(?P<pos>[1-9]\d*)\$|\((?P<name>[A-Za-z_][\w.-]*)\))?"
    r"(?P<flags>[-+#0']*)(?:\d+|(?P<wstar>\*(?:(?P<wpos>\d+)\$)?))?"
    r"(?:\.(?:\d+|(?P<pstar>\*(?:(?P<ppos>\d+)\$)?)))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|Z|t|I64|I32|I)?(?P<conv>[diouxXeEfFgGaAcspnCSm%])"
    r"|%<PRI(?P<pri>[diouxX])(?P<size>8|16|32|64|MAX|PTR|FAST\d+|LEAST\d+)>"
)
# Python str.format / ICU argument: "{" then a name or index, then "}" or ! : , (not "{{").
BRACE = re.compile(r"(?<!\{)\{(?!\{)\s*(?P<name>[A-Za-z_][\w.\-]*|\d*)\s*(?P<rest>[!:,}])")
TAG = re.compile(r"</?(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s+[^<>]*?)?)\s*(?P<self>/?)>")
ATTR = re.compile(r"""([\w:.-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
# Brackets end a URL: "https://x.org/a(_S)" and "(see https://x.org)" are common in UI text.
URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'()，。、；：！？（）「」『』【】《》]*[^\s<>\"'()，。、；：！？（）「」『』【】《》.,;:!?\]]")
EMAIL = re.compile(r"\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);")
_ICU = re.compile(r"\{\s*[A-Za-z_][\w]*\s*,\s*(?:plural|select|selectordinal)\s*,")


class Printf(NamedTuple):
    """One printf directive: its argument (number, name or None), type and span; its flags
    that change the output's layout (``-``, ``+``, ``#``, ``0``, sorted) and the arguments
    its ``*`` width and precision take (a number, or None for the next one), in order."""

    arg: int | str | None
    conv: str
    start: int
    end: int
    text: str
    flags: str = ""
    stars: tuple[int | None, ...] = ()


def printf_specs(text: str) -> list[Printf]:
    """The printf directives of ``text``, ``%%`` left out."""
    out = []
    for m in PRINTF.finditer(text):
        if m.group("pri"):
            # gettext's <inttypes.h> macros: a type of its own (msgfmt tells PRIu64 from %d)
            out.append(Printf(None, f"{_conv_kind(m.group('pri'), '')}<{m.group('size')}>",
                              m.start(), m.end(), m.group()))
            continue
        conv = m.group("conv")
        if conv == "%":
            continue
        arg: int | str | None = int(m.group("pos")) if m.group("pos") else m.group("name")
        stars = tuple(int(m.group(p)) if m.group(p) else None
                      for s, p in (("wstar", "wpos"), ("pstar", "ppos")) if m.group(s))
        flags = "".join(sorted(set(m.group("flags")) - {"'"}))
        out.append(Printf(arg, _conv_kind(conv, m.group("len") or ""), m.start(), m.end(),
                          m.group(), flags, stars))
    return out


def _conv_kind(conv: str, length: str) -> str:
    """Conversions that take the same argument type compare equal (%d and %i, %e and %g)."""
    if conv in "di":
        base = "int"
    elif conv in "ouxX":
        base = "uint"
    elif conv in "eEfFgGaA":
        base = "float"
    else:
        base = conv
    return base + length


def brace_names(text: str) -> list[tuple[str, int, int]]:
    """Argument names of brace placeholders, with spans; ICU sub-messages are skipped."""
    if "{" not in text:
        return []
    if _ICU.search(text):
        return _icu_names(text)
    out = []
    for m in BRACE.finditer(text):
        if m.group("rest") in "}!:":
            close = text.find("}", m.end() - 1)
            out.append((m.group("name"), m.start(), close + 1 if close >= 0 else m.end()))
    return out


def _icu_names(text: str) -> list[tuple[str, int, int]]:
    """ICU MessageFormat: ``{name}`` / ``{name, type, …}`` anywhere, sub-message text skipped."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(text)

    def message(i: int, depth: int) -> int:
        # text until the "}" that closes this message (depth > 0) or the end
        while i < n:
            ch = text[i]
            if ch == "'" and i + 1 < n and text[i + 1] in "{}'":  # ICU quoting
                j = text.find("'", i + 1)
                i = n if j < 0 else j + 1
            elif ch == "{":
                i = argument(i)
            elif ch == "}" and depth:
                return i
            else:
                i += 1
        return i

    def argument(i: int) -> int:
        m = re.compile(r"\{\s*([A-Za-z_]\w*|\d+)\s*([,}])").match(text, i)
        if m is None:
            return i + 1
        out.append((m.group(1), i, m.end()))
        if m.group(2) == "}":
            return m.end()
        j = m.end()
        # "type" [, style] or "plural, [offset:n] key {msg} key {msg} …"
        while j < n and text[j] != "}":
            if text[j] == "{":
                end = message(j + 1, 1)
                j = end + 1
            else:
                j += 1
        return j + 1

    message(i, 0)
    return out


def tags(text: str) -> list[re.Match[str]]:
    """Markup tags (``<b>``, ``</a>``, ``<br/>``) in ``text``."""
    if "<" not in text:
        return []
    return list(TAG.finditer(text))


def attributes(attrs: str) -> dict[str, str]:
    """The attributes of a tag as a dict (values unquoted)."""
    return {m.group(1): m.group(2) or m.group(3) or m.group(4) or "" for m in ATTR.finditer(attrs)}


# What protected_spans looks for, in this order. Every match of a part holds a certain text
# (URL "://" or "www.", e-mail "@", tag "<", entity "&", printf "%"): a part whose text is
# absent cannot match, and leaving it out of the alternation changes no match (the e-mail
# part alone retries every word of a text at every letter).
_PROTECTED = (
    ("url", URL.pattern),
    ("email", EMAIL.pattern),
    ("tag", TAG.pattern),
    ("entity", ENTITY.pattern),
    ("printf", PRINTF.pattern.replace("(?P<", "(?P<p_")),
)


@functools.cache
def _protect(parts: tuple[bool, ...]) -> re.Pattern[str] | None:
    """The alternation of the parts of :data:`_PROTECTED` flagged True (None for none)."""
    chosen = [
        pattern if name == "printf" else f"(?P<{name}>{pattern})"
        for (name, pattern), on in zip(_PROTECTED, parts, strict=True)
        if on
    ]
    return re.compile("|".join(chosen)) if chosen else None


@functools.lru_cache(maxsize=8192)
def protected_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Spans of URLs, e-mails, tags, entities, printf and brace placeholders, in order, each
    with True when it stands for text (a placeholder, a URL) and False for markup."""
    if not ("%" in text or "{" in text or "<" in text or "@" in text or "&" in text
            or "://" in text or "www." in text):
        return ()
    pattern = _protect(("://" in text or "www." in text, "@" in text, "<" in text, "&" in text,
                        "%" in text))
    spans = [] if pattern is None else [
        (m.start(), m.end(), m.lastgroup not in ("tag", "entity"))
        for m in pattern.finditer(text)
        if m.group() != "%%"
    ]
    spans += [(s, e, True) for _name, s, e in brace_names(text)]
    return tuple(sorted(spans))


@functools.lru_cache(maxsize=8192)
def masked(text: str) -> str:
    """``text`` with placeholders and URLs replaced by ``\x1a`` and markup by ``\x1b``
    (one per character, so offsets are kept). Memoized: several checks mask the same text."""
    spans = protected_spans(text)
    if not spans:
        return text
    parts = []
    last = 0
    for s, e, is_text in spans:
        if s < last:
            continue
        parts.append(text[last:s])
        parts.append(("\x1a" if is_text else "\x1b") * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)
