"""Format checks that protect what software reads: placeholders, tags, control characters.

One small function per check, each ``(segment, options) -> findings``: ``printf``,
``brace-format``, ``xml-tags``, ``escapes``, ``newlines``, ``whitespace``, ``plurals`` and
``length``. A PO plural entry is checked form by form (``msgstr[0]`` against ``msgid`` or
``msgid_plural``, the other forms against ``msgid_plural``). Each function returns quickly when
the texts cannot hold what it looks for (no ``%``, no ``{`` …): most units pay a few
substring tests.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from termkit.check import findings as F
from termkit.check import inline
from termkit.check.baseline import ignored_checks
from termkit.check.config import Options
from termkit.check.findings import Finding
from termkit.check.placeholders import attributes, brace_names, printf_specs, tags
from termkit.check.segment import Segment

_PLURAL = re.compile(r"po:msgstr\[(\d+)\]")


def forms(seg: Segment) -> list[tuple[str, str, str | None, str]]:
    """``(label, source, other_source, target)`` per target form; ``other_source`` is the
    plural msgid a form may follow instead (Chinese has one form, which answers msgid_plural).
    Computed once per segment (every check asks)."""
    cache = seg.cache
    if cache is not None and "forms" in cache:
        result: list[tuple[str, str, str | None, str]] = cache["forms"]
        return result
    assert seg.target is not None
    plural = seg.props.get("po:msgid_plural") if seg.props else None
    if plural is None:
        out: list[tuple[str, str, str | None, str]] = [("", seg.source, None, seg.target)]
    else:
        out = [("msgstr[0]: ", seg.source, plural, seg.target)]
        for key, value in sorted(seg.props.items()):
            m = _PLURAL.fullmatch(key)
            if m and value:
                out.append((f"msgstr[{m.group(1)}]: ", plural, seg.source, value))
    if cache is None:
        seg.cache = cache = {}
    cache["forms"] = out
    return out


def _code_forms(seg: Segment) -> list[tuple[str, str, str | None, str]]:
    """:func:`forms`, but a side with inline codes reads with their native content in place
    (the placeholder of ``<ph>%s</ph>`` is an argument the target must keep)."""
    if seg.source_markup is None and seg.target_markup is None:
        return forms(seg)
    assert seg.target is not None
    return [("", inline.native_text(seg.source, seg.source_markup),
             None, inline.native_text(seg.target, seg.target_markup))]


def _flags(seg: Segment) -> str:
    return seg.props.get("po:flags", "") if seg.props else ""


# --------------------------------------------------------------------------- printf


def _printf_args(text: str) -> tuple[dict[int | str, tuple[str, str]], dict[int | str, tuple[int, int, str]]]:
    """Argument -> (conversion kind, layout flags), and argument -> (span, text) of its first
    directive. A ``*`` width or precision takes an ``int`` argument of its own, before the
    directive's value (``%*d`` takes two: msgfmt -c counts them so)."""
    kinds: dict[int | str, tuple[str, str]] = {}
    where: dict[int | str, tuple[int, int, str]] = {}
    counter = 0
    for spec in printf_specs(text):
        span = (spec.start, spec.end, spec.text)
        for star in spec.stars:
            if star is None:
                counter += 1
                star = counter
            kinds.setdefault(star, ("int", ""))
            where.setdefault(star, span)
        arg = spec.arg
        if arg is None:
            counter += 1
            arg = counter
        kinds.setdefault(arg, (spec.conv, spec.flags))
        where.setdefault(arg, span)
    return kinds, where


def _printf_diff(source: str, target: str) -> list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]]:
    """One problem per directive: an argument missing, of another type, or written with other
    flags (``%-10s`` -> ``%10s`` moves the column), and an argument the source does not take.
    A directive that takes two arguments (``%.*s``) is reported once."""
    s_kinds, s_where = _printf_args(source)
    t_kinds, t_where = _printf_args(target)
    problems: list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]] = []
    seen: set[tuple[int, int]] = set()
    for arg, (kind, flags) in s_kinds.items():
        start, end, text = s_where[arg]
        if (start, end) in seen:
            continue
        if arg not in t_kinds:
            seen.add((start, end))
            problems.append((f"{text} is missing in the target", (start, end), None))
        elif t_kinds[arg] != (kind, flags):
            seen.add((start, end))
            ts, te, ttext = t_where[arg]
            other = " (other flags)" if t_kinds[arg][0] == kind else ""
            problems.append((f"{ttext} in the target where the source has {text}{other}", (start, end), (ts, te)))
    t_seen: set[tuple[int, int]] = set()
    for arg in t_kinds:
        if arg not in s_kinds:
            ts, te, ttext = t_where[arg]
            if (ts, te) in t_seen:
                continue
            t_seen.add((ts, te))
            problems.append((f"{ttext} is not in the source", None, (ts, te)))
    return problems


_Problem = tuple[str, tuple[int, int] | None, tuple[int, int] | None]


def _printf_problems(seg: Segment) -> list[tuple[str, list[_Problem]]]:
    """(label, problems) per form that ``printf`` reports on."""
    flags = _flags(seg)
    if "no-c-format" in flags or "no-python-format" in flags:
        return []
    out = []
    for label, source, other, target in _code_forms(seg):
        if "%" not in source and "%" not in target:
            continue
        problems = _printf_diff(source, target)
        if problems and other is not None and not _printf_diff(other, target):
            continue
        out.append((label, problems))
    return out


def _in_code(seg: Segment, s_span: tuple[int, int] | None,
             t_span: tuple[int, int] | None) -> str:
    """`` (in <ph id="1">%s</ph>)`` when an inline code holds the placeholder, else ''."""
    if seg.source_markup is None and seg.target_markup is None:
        return ""
    code = _held_code(seg, s_span, t_span)
    return f" (in {code.shown})" if code is not None else ""


def _held_code(seg: Segment, s_span: tuple[int, int] | None,
               t_span: tuple[int, int] | None) -> inline.Code | None:
    """The inline code holding a lost or changed placeholder. The placeholder check counts
    placeholders and points at the last ``%s`` of the source; when the code holding it is
    still in the target (``Copy <ph id="1">%s</ph> to <ph id="2">%s</ph>`` with the first
    one lost), the code that is gone and holds the same content is the one meant."""
    source, target = inline.codes(seg.source_markup), inline.codes(seg.target_markup)
    code = inline.holding(source, s_span) or inline.holding(target, t_span)
    if code is None:
        return None
    changed = inline.differences(source, target)
    if any(code in (d.source, d.target) for d in changed):
        return code
    return next((d.source for d in changed if d.source is not None and d.target is None
                 and d.source.name == code.name and d.source.content == code.content), code)


def _placeholder_findings(seg: Segment, check: str,
                          forms_problems: list[tuple[str, list[_Problem]]]) -> list[Finding]:
    out = []
    # spans point into the plain texts: none where the native codes were read in
    spans = seg.source_markup is None and seg.target_markup is None
    for label, problems in forms_problems:
        first = spans and (not label or label.startswith("msgstr[0]"))
        for message, s_span, t_span in problems:
            out.append(seg.finding(check, label + message + _in_code(seg, s_span, t_span),
                                   source_span=s_span if first else None,
                                   target_span=t_span if first else None))
    return out


def printf(seg: Segment, opts: Options) -> list[Finding]:
    """``printf``: C/Python ``%`` placeholders differ (``%2$s`` may move, types must agree).

    PO ``c-format``/``python-format`` flags make the check strict; ``no-c-format`` (and
    ``no-python-format``) turn it off; without flags it runs when the source has directives.
    A placeholder an inline code holds is named with its code (``xml-tags`` then leaves
    that code to this check).
    """
    return _placeholder_findings(seg, F.PRINTF, _printf_problems(seg))


# --------------------------------------------------------------------------- brace format


def _brace_diff(source: str, target: str) -> list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]]:
    """Named arguments must be present (repeats may differ); ``{}`` must count the same."""
    s = brace_names(source)
    t = brace_names(target)
    s_count = Counter(n for n, _, _ in s)
    t_count = Counter(n for n, _, _ in t)
    problems: list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]] = []
    seen: set[str] = set()
    for name, start, end in s:
        short = t_count[name] < s_count[name] if name == "" else t_count[name] == 0
        if short and name not in seen:
            seen.add(name)
            problems.append((f"{source[start:end]} is missing in the target", (start, end), None))
    for name, start, end in t:
        extra = t_count[name] > s_count[name] if name == "" else s_count[name] == 0
        if extra and name not in seen:
            seen.add(name)
            problems.append((f"{target[start:end]} is not in the source", None, (start, end)))
    return problems


def _brace_problems(seg: Segment) -> list[tuple[str, list[_Problem]]]:
    """(label, problems) per form that ``brace-format`` reports on."""
    if "no-python-brace-format" in _flags(seg):
        return []
    out = []
    for label, source, other, target in _code_forms(seg):
        if "{" not in source and "{" not in target:
            continue
        problems = _brace_diff(source, target)
        if problems and other is not None and not _brace_diff(other, target):
            continue
        out.append((label, problems))
    return out


def brace_format(seg: Segment, opts: Options) -> list[Finding]:
    """``brace-format``: ``{name}``, ``{0}``, ``{}`` and ICU arguments differ (a placeholder an
    inline code holds is named with its code, as in ``printf``)."""
    return _placeholder_findings(seg, F.BRACE_FORMAT, _brace_problems(seg))


# --------------------------------------------------------------------------- xml tags

# Attribute values a translator may (and should) translate.
_TRANSLATABLE = frozenset({"title", "alt", "aria-label", "placeholder", "label", "summary"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source"})


def _tag_key(m: re.Match[str]) -> tuple[str, str, frozenset[tuple[str, str]]]:
    return _key_of(m.group(), m.group("name"), m.group("attrs") or "", m.group("self"))


@functools.lru_cache(maxsize=4096)
def _key_of(
    tag: str, name: str, attr_text: str, self_closing: str
) -> tuple[str, str, frozenset[tuple[str, str]]]:
    """What compares a tag: kind, lower-case name, attributes (translatable values blanked).
    Memoized: the same few tags come back in unit after unit, and each is asked several times."""
    kind = "close" if tag.startswith("</") else "self" if self_closing else "open"
    attrs = attributes(attr_text)
    fixed = frozenset((k, "" if k.lower() in _TRANSLATABLE else v) for k, v in attrs.items())
    return kind, name.lower(), fixed


def _nesting(found: list[re.Match[str]]) -> tuple[str, tuple[int, int]] | None:
    stack: list[re.Match[str]] = []
    for m in found:
        kind, name, _ = _tag_key(m)
        if kind == "open" and name not in _VOID:
            stack.append(m)
        elif kind == "close":
            if stack and stack[-1].group("name").lower() == name:
                stack.pop()
            elif any(s.group("name").lower() == name for s in stack):
                top = stack[-1]
                return f"{m.group()} closes {top.group()} before its own end tag", m.span()
            else:
                return f"{m.group()} has no start tag", m.span()
    if stack:
        return f"{stack[-1].group()} is never closed", stack[-1].span()
    return None


# Markup people put in UI strings (HTML, Pango, DocBook inline); another bare <word> is a
# metavariable of a usage line (<pathname>, <none>), which a translator may translate.
_KNOWN = frozenset(
    ["a", "abbr", "b", "big", "blockquote", "br", "code", "del", "dfn", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "link", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul", "var", "emphasis", "filename", "command", "literal", "replaceable", "userinput", "guimenu", "guilabel", "application", "markup", "x", "g", "bx", "ex", "ph", "it", "mrk"]
)


# OmegaT's tag shortcuts (<g0>, </g0>, <x1/>, <a0>, <s0>: a letter and the tag's number), as
# its project_save.tmx keeps them in the text: markup, never a usage metavariable.
_OMEGAT_SHORTCUT = re.compile(r"[a-z][0-9]+")


def markup_tags(text: str) -> list[re.Match[str]]:
    """The tags of ``text`` that are markup: a known element, an element closed somewhere in
    the text, one with attributes, a self-closing one, or an OmegaT tag shortcut."""
    found = tags(text)
    if not found:
        return []
    closed = {m.group("name").lower() for m in found if m.group().startswith("</")}
    return [
        m for m in found
        if m.group("name").lower() in _KNOWN or m.group("name").lower() in closed
        or m.group("self") or (m.group("attrs") or "").strip()
        or _OMEGAT_SHORTCUT.fullmatch(m.group("name"))
    ]


def _code_differences(seg: Segment, opts: Options) -> list[inline.Difference]:
    """The inline codes that differ, but for those holding a placeholder that ``printf`` or
    ``brace-format`` reports (when it runs): a lost ``<ph>%s</ph>`` is one problem, the lost
    argument, reported once by the placeholder check, which names the code."""
    source, target = inline.codes(seg.source_markup), inline.codes(seg.target_markup)
    found = inline.differences(source, target)
    if not found:
        return found
    held: set[inline.Code] = set()
    for check, problems in ((F.PRINTF, _printf_problems), (F.BRACE_FORMAT, _brace_problems)):
        if check not in opts.running or check in ignored_checks(seg.notes):
            continue
        for _label, listed in problems(seg):
            for _message, s_span, t_span in listed:
                code = _held_code(seg, s_span, t_span)
                if code is not None:
                    held.add(code)
    return [d for d in found if not ({d.source, d.target} & held)]


def xml_tags(seg: Segment, opts: Options) -> list[Finding]:
    """``xml-tags``: the target's tags are not the source's (order may change), are badly
    nested, or carry other attribute values (``title``, ``alt`` … may be translated); and
    the XLIFF or TMX inline codes of the two sides differ (:mod:`termkit.check.inline`)."""
    out = []
    if seg.source_markup is not None or seg.target_markup is not None:
        out += [seg.finding(F.XML_TAGS, d.message) for d in _code_differences(seg, opts)]
    for label, source, _other, target in forms(seg):
        if "<" not in source and "<" not in target:
            continue
        s_tags, t_tags = markup_tags(source), markup_tags(target)
        if not s_tags and not t_tags:
            continue
        s_keys = Counter(_tag_key(m) for m in s_tags)
        t_keys = Counter(_tag_key(m) for m in t_tags)
        t_names = {(k, n) for k, n, _ in t_keys}
        reported: set[tuple[str, str, frozenset[tuple[str, str]]]] = set()
        for m in s_tags:
            key = _tag_key(m)
            if t_keys[key] >= s_keys[key] or key in reported:
                continue
            reported.add(key)
            what = "has other attributes in the target" if key[:2] in t_names else "is missing in the target"
            out.append(seg.finding(F.XML_TAGS, f"{label}{m.group()} {what}", source_span=m.span() if not label else None))
        for m in t_tags:
            key = _tag_key(m)
            if s_keys[key] >= t_keys[key] or key in reported or key[:2] in {(k, n) for k, n, _ in s_keys}:
                continue
            reported.add(key)
            out.append(seg.finding(F.XML_TAGS, f"{label}{m.group()} is not in the source", target_span=m.span() if not label else None))
        if _nesting(s_tags) is None:
            bad = _nesting(t_tags)
            if bad is not None:
                out.append(seg.finding(F.XML_TAGS, label + bad[0], target_span=bad[1] if not label else None))
    return out


# --------------------------------------------------------------------------- escapes, newlines

_CONTROL = re.compile("[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\\\\]")
_NAMES = {"\t": "tab (\\t)", "\r": "carriage return (\\r)", "\\": "backslash"}


def escapes(seg: Segment, opts: Options) -> list[Finding]:
    """``escapes``: tabs, carriage returns, backslashes and other control characters differ
    in number (line breaks are ``newlines``)."""
    out = []
    for label, source, other, target in forms(seg):
        if not _CONTROL.search(source) and not _CONTROL.search(target):
            continue
        s = Counter(_CONTROL.findall(source))
        t = Counter(_CONTROL.findall(target))
        if s == t or (other is not None and Counter(_CONTROL.findall(other)) == t):
            continue
        for ch in sorted(set(s) | set(t)):
            if s[ch] != t[ch]:
                name = _NAMES.get(ch, f"control character U+{ord(ch):04X}")
                span = None
                if t[ch] > s[ch] and not label:
                    pos = target.find(ch)
                    span = (pos, pos + 1)
                out.append(seg.finding(F.ESCAPES, f"{label}{t[ch]} {name} in the target, {s[ch]} in the source", target_span=span))
    return out


def newlines(seg: Segment, opts: Options) -> list[Finding]:
    """``newlines``: line breaks differ at the start or the end (msgfmt -c rejects that),
    or in number."""
    out = []
    for label, source, _other, target in forms(seg):
        if "\n" not in source and "\n" not in target:
            continue
        if source.startswith("\n") != target.startswith("\n"):
            where = "the source" if source.startswith("\n") else "the target"
            out.append(seg.finding(F.NEWLINES, f"{label}only {where} starts with a line break"))
        if source.endswith("\n") != target.endswith("\n"):
            where = "the source" if source.endswith("\n") else "the target"
            out.append(seg.finding(F.NEWLINES, f"{label}only {where} ends with a line break"))
        s, t = source.count("\n"), target.count("\n")
        if s != t:
            out.append(seg.finding(F.NEWLINES, f"{label}{t} line break(s) in the target, {s} in the source"))
    return out


# --------------------------------------------------------------------------- whitespace

_SPACES = frozenset(" \t\u3000")
_LEAD = re.compile(r"[ \t\u3000]*")
_TRAIL = re.compile(r"[ \t\u3000]*(?=\n*\Z)")
# A full-width mark carries its own space: "Name: " -> "名稱：" is right.
_FULLWIDTH_END = re.compile(r"[，。：；？！、）」』】》…—\uff01-\uff0f\uff1a-\uff20]\n*\Z")


def whitespace(seg: Segment, opts: Options) -> list[Finding]:
    """``whitespace``: spaces or tabs at the start or the end differ (a full-width mark at the
    end of a Chinese target stands for the source's ``: `` or ``. ``)."""
    out = []
    for label, source, _other, target in forms(seg):
        # most texts have no space at either end: a few set lookups decide
        if source[:1] not in _SPACES and target[:1] not in _SPACES and (
            source.rstrip("\n")[-1:] not in _SPACES and target.rstrip("\n")[-1:] not in _SPACES
        ):
            continue
        if not target.strip():
            continue
        s_lead, t_lead = _LEAD.match(source), _LEAD.match(target)
        assert s_lead is not None and t_lead is not None
        if s_lead.group() != t_lead.group():
            out.append(seg.finding(F.WHITESPACE, f"{label}starts with {_describe(t_lead.group())}, the source with {_describe(s_lead.group())}", target_span=t_lead.span() if not label and t_lead.group() else None))
        s_end, t_end = _TRAIL.search(source), _TRAIL.search(target)
        assert s_end is not None and t_end is not None
        if s_end.group() != t_end.group():
            if s_end.group() and not t_end.group() and _FULLWIDTH_END.search(target):
                continue
            out.append(seg.finding(F.WHITESPACE, f"{label}ends with {_describe(t_end.group())}, the source with {_describe(s_end.group())}", target_span=t_end.span() if not label and t_end.group() else None))
    return out


def _describe(space: str) -> str:
    if not space:
        return "no space"
    names = {" ": "space", "\t": "tab", "\u3000": "ideographic space"}
    counts = Counter(space)
    return ", ".join(f"{n} {names[c]}{'s' if n > 1 else ''}" for c, n in counts.items())


# --------------------------------------------------------------------------- plurals, length


def plurals(seg: Segment, opts: Options) -> list[Finding]:
    """``plurals``: a plural entry with some forms translated and others empty. (A number of
    forms other than the header's ``nplurals`` is reported by the PO reader, as here too.)"""
    if not seg.props or "po:msgid_plural" not in seg.props or not seg.target:
        return []
    empty = [k.removeprefix("po:") for k, v in sorted(seg.props.items()) if _PLURAL.fullmatch(k) and not v]
    if not empty:
        return []
    return [seg.finding(F.PLURALS, f"plural form(s) {', '.join(empty)} empty while msgstr[0] is translated")]


_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def width(text: str) -> int:
    """Display width in columns: East Asian wide and full-width characters count 2."""
    return len(text) + len(_WIDE.findall(text))


def length(seg: Segment, opts: Options) -> list[Finding]:
    """``length``: the target is much wider than the source (``length-ratio`` times and at
    least ``length-min`` columns more; Chinese characters count two columns)."""
    target = seg.target or ""
    # a target can be at most twice its length wide: most units are decided without counting
    most, least = 2 * len(target), len(seg.source)
    if most <= opts.length_ratio * least or most - least < opts.length_min:
        return []
    # an ASCII text is as wide as it is long (most English texts: no regular expression)
    s = least if seg.source.isascii() else width(seg.source)
    t = len(target) if target.isascii() else width(target)
    if t > opts.length_ratio * s and t - s >= opts.length_min:
        return [seg.finding(F.LENGTH, f"the target is {t} columns wide, the source {s} (more than {opts.length_ratio:g}x)")]
    return []
