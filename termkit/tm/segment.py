"""Sentence splitting for Chinese and English paragraphs (abstracts, documentation prose).

This module owns the rules that cut a paragraph into sentences before alignment:

* Chinese: a sentence ends after 。！？；, ASCII ``!`` ``?`` ``;`` or an ellipsis (…), together
  with any closing quotes or brackets right after it. A semicolon inside an open bracket does
  not end a sentence (it separates items of a parenthetical). Splitting at ；/; is deliberate:
  Chinese translators use it where English keeps one sentence, and the aligner's 2–1 links
  put the halves back together.
* English: a sentence ends after ``.`` ``!`` ``?`` (plus closing quotes/brackets) when
  whitespace and an upper-case letter, a digit or an opening quote/bracket follow, but not
  after common abbreviations (e.g., i.e., etc., vs., Dr., Fig. …) or a single initial.

``"".join(split_zh(t))`` and ``" ".join(split_en(t))`` give back ``t`` modulo whitespace.
"""

from __future__ import annotations

import re

_ZH_END = set("。！？；!?;…")
_CLOSERS = set("”’」』）)】》〉\"'］]")
_OPENERS = {"（": "）", "(": ")", "【": "】", "「": "」", "『": "』", "《": "》", "［": "］", "[": "]"}
_SEMICOLONS = set("；;")

# Lower-cased abbreviations (without the final dot) after which a period does not end a sentence.
_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "cf", "al", "approx", "ca", "dr", "mr", "mrs", "ms", "prof",
    "fig", "figs", "eq", "no", "nos", "vol", "pp", "p", "ch", "sec", "st", "jr", "sr", "inc",
    "ltd", "co", "corp", "dept", "univ", "ed", "eds", "resp", "viz", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_EN_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[A-Z0-9])")


def split_zh(text: str) -> list[str]:
    """Split a Chinese paragraph into sentences (punctuation kept with its sentence)."""
    out: list[str] = []
    start = 0
    depth = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _OPENERS.values() and depth > 0:
            depth -= 1
        if ch in _ZH_END and not (ch in _SEMICOLONS and depth > 0):
            j = i + 1
            while j < n and (text[j] in _ZH_END or text[j] in _CLOSERS):
                if text[j] in _OPENERS.values() and depth > 0:
                    depth -= 1
                j += 1
            piece = text[start:j].strip()
            if piece:
                out.append(piece)
            start = i = j
            continue
        i += 1
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at ``text[end]`` closes an abbreviation or an initial."""
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:end])
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        # An initial ("John F. Kennedy", "J. Smith") follows a capitalized word or starts the
        # text; after a lower-case word ("from A to C.") the letter is a word of its own.
        before = text[: m.start()].split()
        return not before or before[-1][:1].isupper()
    return word.lower().rstrip(".") in _ABBREVIATIONS


def split_en(text: str) -> list[str]:
    """Split an English paragraph into sentences."""
    out: list[str] = []
    start = 0
    for m in _EN_BOUNDARY.finditer(text):
        if text[m.start()] == "." and m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        piece = text[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def split(text: str, lang: str) -> list[str]:
    """Split ``text`` with the rules for ``lang`` (Chinese for any ``zh`` tag, else English)."""
    return split_zh(text) if lang.lower().startswith("zh") else split_en(text)
