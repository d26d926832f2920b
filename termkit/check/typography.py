"""Chinese typography checks, per target locale: one small function per check.

``punctuation-width``, ``quote-style``, ``ellipsis``, ``dash`` and ``cjk-latin-spacing`` look
at Chinese targets only (language ``zh`` with Chinese characters in the text);
``double-space`` and ``repeated-word`` at every target. Placeholders, tags, URLs and e-mails
are masked first (:func:`~termkit.check.placeholders.masked`): a ``:`` in ``https://`` or the
``.`` of ``%.2f`` is not punctuation. Every finding carries the span of the offending
characters and the form to write instead.
"""

from __future__ import annotations

import re
from itertools import islice, pairwise

from termkit.check import findings as F
from termkit.check.config import Options
from termkit.check.findings import Finding
from termkit.check.placeholders import masked
from termkit.check.segment import Segment

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_HAS_HAN = re.compile(f"[{HAN}]")
_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF = {v: k for k, v in _FULL.items()}
# Masked placeholders count as Latin text (\x1a), masked tags as nothing (\x1b).
_LATIN = "A-Za-z0-9\x1a"


def _chinese(seg: Segment) -> str | None:
    """The masked target when it is Chinese text, else None."""
    target = seg.target
    if not target or seg.target_lang.language != "zh":
        return None
    cache = seg.cache if seg.cache is not None else {}
    seg.cache = cache
    if "zh" not in cache:  # five checks ask: look once
        cache["zh"] = masked(target) if _HAS_HAN.search(target) else None
    result: str | None = cache["zh"]
    return result


def _finding(seg: Segment, check: str, m: re.Match[str], message: str, fix: str) -> Finding:
    return seg.finding(check, message, found=m.group(), expected=(fix,), target_span=m.span())


# --------------------------------------------------------------------------- punctuation width

# Half-width mark after a Chinese character (a "." must end the sentence: not "設定檔.conf",
# not "..." which is the ellipsis check's, not the "./" of a command "./configure"; a ".\"
# stays a full stop, as real catalogs end sentences in a literal "\n"); or ",;?!" between
# Latin text and Chinese.
_HALF_AFTER_HAN = re.compile(f"(?<=[{HAN}])(?:[,:;?!]|\\.(?![\\w.]|/[\\w.~-]))|(?<=[{_LATIN}])[,;?!](?=[{HAN}])")
_SEPARATOR = re.compile(r"[,;:](?=[^\s]|\Z)")
_FULL_IN_LATIN = re.compile(f"(?<=[{_LATIN}])[，。：；？！](?= ?[{_LATIN}])")


def punctuation_width(seg: Segment, opts: Options) -> list[Finding]:
    """``punctuation-width``: ``,.:;?!`` after Chinese text (write ``，。：；？！``), or the
    full-width marks inside a Latin run (``Hello，world``)."""
    if not seg.target or seg.target_lang.language != "zh":
        return []
    text = masked(seg.target)
    out = []
    # A mark the source uses as a separator ("fonts;fontface;", "a,b") stays as it is.
    separators = {m.group() for m in _SEPARATOR.finditer(seg.source)}
    for m in _HALF_AFTER_HAN.finditer(text):
        if m.group() in separators and not text[m.end() : m.end() + 1].isspace():
            continue
        fix = _FULL[m.group()]
        out.append(_finding(seg, F.PUNCTUATION_WIDTH, m, f"half-width {m.group()!r} in Chinese text; write {fix!r}", fix))
    for m in _FULL_IN_LATIN.finditer(text):
        fix = _HALF[m.group()]
        out.append(_finding(seg, F.PUNCTUATION_WIDTH, m, f"full-width {m.group()!r} inside Latin text; write {fix!r}", fix))
    return out


# --------------------------------------------------------------------------- quote style

QUOTE_CHARS = "\"'“”‘’「」『』"
DASH_CHARS = "-—–―－"
_ANY_QUOTE = re.compile(f"[{QUOTE_CHARS}]")
_ANY_DOTS = re.compile("[.。．…]")
_ANY_DASH = re.compile(f"[{DASH_CHARS}]")
_CURLY = re.compile("“[^“”]*”|‘[^‘’]*’")
_CORNER = re.compile("「[^「」]*」|『[^『』]*』")
_ASCII = re.compile(f"\"[^\"\\n]*[{HAN}][^\"\\n]*\"|(?<![A-Za-z])'[^'\\n]*[{HAN}][^'\\n]*'(?![A-Za-z])")


def quote_style(seg: Segment, opts: Options) -> list[Finding]:
    """``quote-style``: quotes of the other locale's style, or ASCII quotes around Chinese
    text. Taiwan, Hong Kong and Macau (``zh-Hant``) write 「」 and 『』 inside; the mainland,
    Singapore and Malaysia (``zh-Hans``) write “” and ‘’ (``quote-style`` may force one)."""
    text = _chinese(seg)
    if text is None or not _ANY_QUOTE.search(text):
        return []
    style = opts.quote_style
    if style == "auto":
        tag = seg.target_lang
        if tag.script == "Hant" or (tag.script is None and tag.region in ("TW", "HK", "MO")):
            style = "corner"
        elif tag.script == "Hans" or (tag.script is None and tag.region in ("CN", "SG", "MY")):
            style = "curly"
        else:
            return []
    out = []
    wrong, open_, close = (_CURLY, "「『", "」』") if style == "corner" else (_CORNER, "“‘", "”’")
    name = "「」" if style == "corner" else "“”"
    for m in wrong.finditer(text):
        inner = 0 if m.group()[0] in "“「" else 1
        fix = open_[inner] + m.group()[1:-1] + close[inner]
        out.append(_finding(seg, F.QUOTE_STYLE, m, f"{m.group()[0]}{m.group()[-1]} quotes in a {seg.target_lang} target; write {fix}", fix))
    for m in _ASCII.finditer(text):
        fix = open_[0] + m.group()[1:-1] + close[0]
        out.append(_finding(seg, F.QUOTE_STYLE, m, f"ASCII quotes around Chinese text; write {name[0]}…{name[1]}", fix))
    return out


# --------------------------------------------------------------------------- ellipsis, dash

_ELLIPSIS = re.compile(f"(?<=[{HAN}，。、：；！？」』）])\\s?(?:\\.{{2,}}|。{{2,}}|．{{2,}}|(?<!…)…(?!…)|…{{3,}})")
_DASH = re.compile(f"(?<=[{HAN}])\\s?(?:-{{2,}}|(?<!—)—(?!—)|–+|―+|－+|—{{3,}})\\s?(?=[{HAN}])")


def ellipsis(seg: Segment, opts: Options) -> list[Finding]:
    """``ellipsis``: ``...``, ``。。。`` or a single ``…`` after Chinese text (write ``……``)."""
    text = _chinese(seg)
    if text is None or not _ANY_DOTS.search(text):
        return []
    return [_finding(seg, F.ELLIPSIS, m, f"{m.group().strip()!r} in Chinese text; write '……'", "……") for m in _ELLIPSIS.finditer(text)]


def dash(seg: Segment, opts: Options) -> list[Finding]:
    """``dash``: ``--``, a single ``—``, ``–`` or ``－`` between Chinese text (write ``——``)."""
    text = _chinese(seg)
    if text is None or not _ANY_DASH.search(text):
        return []
    return [_finding(seg, F.DASH, m, f"{m.group().strip()!r} as a dash in Chinese text; write '——'", "——") for m in _DASH.finditer(text)]


# --------------------------------------------------------------------------- spacing

_TOUCHING = re.compile(f"(?<=[{HAN}])(?=[{_LATIN}])|(?<=[{_LATIN}])(?=[{HAN}])")
_SPACED = re.compile(f"(?<=[{HAN}])[ \\u00a0]+(?=[{_LATIN}])|(?<=[{_LATIN}])[ \\u00a0]+(?=[{HAN}])")


def cjk_latin_spacing(seg: Segment, opts: Options) -> list[Finding]:
    """``cjk-latin-spacing``: with ``require``, Chinese touching Latin letters or digits
    (``使用GTK``); with ``forbid``, a space between them (``使用 GTK``); ``off`` by default."""
    style = opts.cjk_latin_spacing
    if style == "off":
        return []
    text = _chinese(seg)
    if text is None:
        return []
    out = []
    if style == "require":
        for m in _TOUCHING.finditer(text):
            pos = m.start()
            span = (pos - 1, pos + 1)
            out.append(seg.finding(F.CJK_LATIN_SPACING, f"no space between {seg.target[pos - 1]!r} and {seg.target[pos]!r} (cjk-latin-spacing = require)", found=seg.target[pos - 1 : pos + 1], expected=(seg.target[pos - 1] + " " + seg.target[pos],), target_span=span))  # type: ignore[index]
    else:
        for m in _SPACED.finditer(text):
            out.append(_finding(seg, F.CJK_LATIN_SPACING, m, "space between Chinese and Latin text (cjk-latin-spacing = forbid)", ""))
    return out


_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def double_space(seg: Segment, opts: Options) -> list[Finding]:
    """``double-space``: runs of two or more spaces inside a target whose source has none
    (a source that aligns columns with spaces leaves the target free to realign them)."""
    target = seg.target
    if not target or "  " not in target:
        return []
    if _RUN.search(seg.source):  # column alignment: the translator realigns it
        return []
    runs = list(_RUN.finditer(target))
    return [_finding(seg, F.DOUBLE_SPACE, m, f"{len(m.group())} spaces in a row", " ") for m in runs]


# --------------------------------------------------------------------------- repeated words

# Function characters that Chinese never doubles (unlike 常常, 看看, 謝謝): 的的 is a slip.
_HAN_REPEAT = re.compile("([的是在和与與将將把被对對为為从從也就都而或及之这這请請已以于於并並])\\1")
_WORD_REPEAT = re.compile(r"\b([A-Za-z]+) \1\b", re.IGNORECASE)


def _aabb(text: str, i: int) -> bool:
    """True when the doubled character at ``i`` opens the AABB reduplication of a dictionary
    word (的的確確 from 的確, 是是非非 from 是非): a standard form, not a slip."""
    b = text[i + 2 : i + 3]
    if not b or text[i + 3 : i + 4] != b:
        return False
    from termkit.lexicon import get_word_list  # loaded only for such a rare shape

    return text[i] + b in get_word_list()


def repeated_word(seg: Segment, opts: Options) -> list[Finding]:
    """``repeated-word``: ``的的``, ``the the`` (unless the source repeats the same word)."""
    target = seg.target
    if not target:
        return []
    out = []
    if seg.target_lang.language == "zh" and _HAS_HAN.search(target):
        out += [_finding(seg, F.REPEATED_WORD, m, f"{m.group()!r}: {m.group(1)!r} twice", m.group(1)) for m in _HAN_REPEAT.finditer(target) if not _aabb(target, m.start())]
    words = target.lower().split(" ")
    # two equal neighbours at all (a C-level pass) before the exact test
    if not any(map(str.__eq__, words, islice(words, 1, None))) or not any(
        a == b and a.isalpha() for a, b in pairwise(words)
    ):
        return out
    source_pairs = {m.group(1).lower() for m in _WORD_REPEAT.finditer(seg.source)}
    for m in _WORD_REPEAT.finditer(target):
        if m.group(1).lower() not in source_pairs and not m.group(1).isdigit():
            out.append(_finding(seg, F.REPEATED_WORD, m, f"{m.group(1)!r} twice", m.group(1)))
    return out
