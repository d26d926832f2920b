"""Format checks on what the text says: numbers, URLs, e-mails, accelerators, brackets.

One small function per check, ``(segment, options) -> findings``. Numbers and brackets are
read with placeholders, tags and URLs masked (:func:`~termkit.check.placeholders.masked`), so
``%2$s`` has no number and ``{0}`` no bracket.
"""

from __future__ import annotations

import re

from termkit.check import findings as F
from termkit.check.config import Options
from termkit.check.findings import Finding
from termkit.check.format_checks import forms
from termkit.check.placeholders import EMAIL, URL, masked
from termkit.check.segment import Segment

# --------------------------------------------------------------------------- numbers

# ASCII digits with optional thousands/decimal separators; not part of a word (UTF-8, MP3,
# x86_64) or of a longer number.
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.,\-])[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9_])")
_DIGIT = re.compile("[0-9]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}
_CN_NUMERAL = re.compile("[〇零一二两兩三四五六七八九十百千万萬亿億]+")


def chinese_numeral(text: str) -> int | None:
    """The value of a Chinese numeral (三, 十二, 一百零五, 二〇二四, 两千), or None."""
    if not text:
        return None
    if all(c in _CN_DIGITS for c in text):  # digit by digit: 二〇二四
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        else:
            unit = _CN_UNITS[c]
            if unit >= 10_000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
    return total + section + (digit or 0)


def _normal(number: str) -> str:
    """``1,000`` and ``1000`` compare equal; so do ``2.0`` and ``2.0``."""
    if "," in number and "." not in number and re.fullmatch(r"\d{1,3}(,\d{3})+", number):
        return number.replace(",", "")
    return number


def numbers(seg: Segment, opts: Options) -> list[Finding]:
    """``numbers``: a number of the source is not in the target. A Chinese target may write
    it in Chinese numerals (3 -> 三); full-width digits (２０) count with ``fullwidth-digits``."""
    out = []
    for label, source, _other, target in forms(seg):
        if not _DIGIT.search(source):
            continue
        wanted = [(m.group(), m.span()) for m in _NUMBER.finditer(masked(source))]
        if not wanted:
            continue
        plain = masked(target)
        if opts.fullwidth_digits:
            plain = plain.translate(_FULLWIDTH)
        have = {_normal(m.group()) for m in _NUMBER.finditer(plain)}
        # Chinese numerals are read only when a number is not there in digits (most are)
        if seg.target_lang.language == "zh" and any(_normal(n) not in have for n, _ in wanted):
            have.update(str(v) for v in map(chinese_numeral, _CN_NUMERAL.findall(plain)) if v is not None)
        seen: set[str] = set()
        for number, span in wanted:
            key = _normal(number)
            if key in have or key in seen:
                continue
            seen.add(key)
            out.append(seg.finding(F.NUMBERS, f"{label}{number} is not in the target", source_span=span if not label else None))
    return out


# --------------------------------------------------------------------------- urls, e-mails


def _same_items(seg: Segment, check: str, pattern: re.Pattern[str], what: str, probe: str) -> list[Finding]:
    out = []
    for label, source, _other, target in forms(seg):
        if probe not in source:
            continue
        seen: set[str] = set()
        for m in pattern.finditer(source):
            if m.group() in target or m.group() in seen:
                continue
            seen.add(m.group())
            out.append(seg.finding(check, f"{label}{what} {m.group()} is not in the target", source_span=m.span() if not label else None))
    return out


def urls(seg: Segment, opts: Options) -> list[Finding]:
    """``urls``: a URL of the source is not in the target, character for character."""
    if "://" not in seg.source and "www." not in seg.source:
        return []
    return _same_items(seg, F.URLS, URL, "URL", "")


def emails(seg: Segment, opts: Options) -> list[Finding]:
    """``emails``: an e-mail address of the source is not in the target."""
    return _same_items(seg, F.EMAILS, EMAIL, "e-mail address", "@")


# --------------------------------------------------------------------------- accelerators

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CN_ACCEL = re.compile(r"[(（]([_&])([A-Za-z0-9])[)）]")


def accelerator(text: str) -> tuple[str, str, int] | None:
    """The accelerator of a UI string: ``(marker, key, offset)`` for ``_File``, ``E_xit``,
    ``&File``; None when there is none or the text looks like an identifier (``file_name``)."""
    for marker in "_&":
        count = text.count(marker)
        if count == 0:
            continue
        if marker == "&":
            cleaned = re.sub(r"&&|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);| & ", "", text)
            if cleaned.count("&") != 1:
                continue
            m = re.search(r"&([^\W_])", text.replace("&&", "\0\0"))
        else:
            if count != 1:
                continue
            m = re.search(r"_([^\W_])", text)
            if m is None:
                continue
            before = text[: m.start()]
            # snake_case identifiers and option names (--line_buffered) are not accelerators
            if (before[-1:].isalnum() and " " not in text and text.lower() == text) or "--" in before:
                continue
            if before[-1:] == "%" or "$" in before[-1:] or text[m.start() - 1 : m.start()] == "{":
                continue
        if m is not None:
            return marker, m.group(1), m.start()
    return None


def accelerators(seg: Segment, opts: Options) -> list[Finding]:
    """``accelerators``: the source's accelerator (``_File``, ``&File``) is missing, doubled,
    uses another marker, or sits on a Chinese character; ``檔案(_F)`` is the Chinese form,
    with the source's marker and key (``Save &As`` -> ``另存為(&A)``)."""
    source, target = seg.source, seg.target or ""
    if "_" not in source and "&" not in source:
        return []
    found = accelerator(source)
    if found is None:
        return []
    marker, key, pos = found
    src_span = (pos, pos + 2)
    cn = list(_CN_ACCEL.finditer(target))
    inline = [m for m in re.finditer(re.escape(marker) + r"([^\W_])", target) if not _CN_ACCEL.match(target, max(m.start() - 1, 0))]
    if marker == "&":
        inline = [m for m in inline if not re.match(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+);", target[m.start():])]
    total = len(cn) + len(inline)
    if total == 0:
        other = "&" if marker == "_" else "_"
        if other in target and accelerator(target):
            return [seg.finding(F.ACCELERATORS, f"the accelerator uses {accelerator(target)[0]!r}, the source {marker!r}", source_span=src_span)]  # type: ignore[index]
        return [seg.finding(F.ACCELERATORS, f"the accelerator {marker}{key} is missing in the target (Chinese style: …({marker}{key.upper()}))", source_span=src_span)]
    if total > 1:
        spans = [m.span() for m in (*cn, *inline)]
        return [seg.finding(F.ACCELERATORS, f"{total} accelerators in the target, one in the source", source_span=src_span, target_span=min(spans))]
    if cn:
        # the Chinese form …(_F): the source's marker (GTK shows "(&F)" as text), and its key
        m = cn[0]
        if m.group(1) != marker:
            return [seg.finding(F.ACCELERATORS, f"the accelerator uses {m.group(1)!r}, the source {marker!r}", source_span=src_span, target_span=m.span())]
        if m.group(2).lower() != key.lower():
            return [seg.finding(F.ACCELERATORS, f"the accelerator key is {m.group(2)!r}, the source's {key!r}; write …({marker}{key.upper()})", source_span=src_span, target_span=m.span())]
    if inline and re.match(f"[{_HAN}]", inline[0].group(1)):
        m = inline[0]
        return [seg.finding(F.ACCELERATORS, f"the accelerator is on the Chinese character {m.group(1)!r}, which no keyboard types; write …({marker}{key.upper()})", source_span=src_span, target_span=m.span())]
    return []


# --------------------------------------------------------------------------- brackets

_PAIRS = {"(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "｛": "｝", "「": "」", "『": "』",
          "【": "】", "〈": "〉", "《": "》", "〔": "〕", "〖": "〗"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_WIDTH = str.maketrans("（［｛）］｝", "([{)]}")
BRACKET_CHARS = "".join(_PAIRS) + "".join(_CLOSERS)
_BRACKET = re.compile("[" + re.escape(BRACKET_CHARS) + "]")


def _bracket_problems(text: str) -> list[tuple[str, tuple[int, int]]]:
    problems: list[tuple[str, tuple[int, int]]] = []
    stack: list[tuple[str, int]] = []
    for m in _BRACKET.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _PAIRS:
            stack.append((ch, pos))
            continue
        opener = _CLOSERS[ch]
        if stack and stack[-1][0] == opener:
            stack.pop()
        elif stack and stack[-1][0].translate(_WIDTH) == opener.translate(_WIDTH):
            start = stack.pop()[1]
            problems.append((f"{text[start]} is closed by {ch} (mixed widths)", (start, pos + 1)))
        else:
            problems.append((f"{ch} has no opening {opener}", (pos, pos + 1)))
    problems += [(f"{ch} is never closed", (pos, pos + 1)) for ch, pos in stack]
    return problems


def brackets(seg: Segment, opts: Options) -> list[Finding]:
    """``brackets``: brackets in the target unbalanced or closed by the other width
    (``（…)``), unless the source is unbalanced the same way (list items such as ``1)``)."""
    out = []
    for label, source, _other, target in forms(seg):
        if not _BRACKET.search(target):
            continue
        problems = _bracket_problems(masked(target))
        if not problems:
            continue
        src = masked(source)
        if len(_bracket_problems(src.translate(_WIDTH))) >= len(problems):
            continue
        for message, span in problems:
            out.append(seg.finding(F.BRACKETS, label + message, target_span=span if not label else None))
    return out
