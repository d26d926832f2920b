"""Keyword lines: splitting them into items and sorting the items into Chinese and English.

Splitting (:func:`split_keywords`): when a line has ``;`` or ``；`` those are the
separators (an English keyword may then contain a comma); ``、`` and ``，`` always separate;
otherwise ``,`` separates too. Separators inside parentheses do not count, so
``企業對企業 (B to B)`` and ``Scholarship of teaching and learning (SoTL)`` stay whole.
Empty items (a trailing separator) are dropped. A leading label such as ``關鍵詞：`` or
``Keywords:`` is removed.

Sorting (:func:`assign_keywords`) works on the items of a whole keyword block in reading
order, whatever the lines were:

* an item with kana or Hangul is a third language (Japanese, Korean): it goes to neither
  list, the caller adds a notice and keeps it in a section;
* an item with a Han character is Chinese;
* the Chinese part runs from the first to the last Chinese item; Latin-only items inside
  it (``EcoLexicon;术语学;…``) are Chinese keywords too;
* Latin-only items after the Chinese part are English, except a run right after it whose
  every item is repeated later in the English part: those (``ResNeSt、Grad-CAM、LIME``
  followed by ``…, ResNeSt, Grad-CAM, LIME``) close the Chinese list;
* Latin-only items before the Chinese part are Chinese when English items follow it.
  When nothing follows, they are English if they are at least half as many as the Chinese
  items (an English-first layout: ``realism ; 現實主義``), else Chinese (a Chinese list
  that starts with a Latin term: ``EcoLexicon;术语学;术语知识库;启示``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termkit.records.script import clean, has_han, is_other_script

_PRIMARY = frozenset(";；")
_ALWAYS = frozenset("、，")
_OPEN = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》", "〈": "〉"}
_CLOSE = frozenset(_OPEN.values())
LABEL = re.compile(
    r"^\s*(?:關鍵[詞字]|关键[词字]|關鍵詞彙|Key\s*words?|KEY\s*WORDS?|Keywords?|Subject terms?)"
    r"\s*(?:[(（][^)）]{0,8}[)）])?\s*[:：]\s*",
)


_BRACKETS = re.compile(r"[(（\[【《〈]")
_SPLIT_PRIMARY = re.compile("[;；、，]")
_SPLIT_COMMAS = re.compile("[、，,]")
_WITH_PRIMARY = _PRIMARY | _ALWAYS
_WITHOUT_PRIMARY = _ALWAYS | {","}


def _split_on(text: str, seps: frozenset[str]) -> list[str]:
    """Split at any char in ``seps`` that is not inside brackets."""
    # Without brackets a compiled split does it (the common case, and much faster).
    if _BRACKETS.search(text) is None:
        if seps == _WITH_PRIMARY:
            return _SPLIT_PRIMARY.split(text)
        if seps == _WITHOUT_PRIMARY:
            return _SPLIT_COMMAS.split(text)
    items: list[str] = []
    depth: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth.append(_OPEN[ch])
        elif ch in _CLOSE:
            if depth and depth[-1] == ch:
                depth.pop()
        elif ch in seps and not depth:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def strip_label(line: str) -> str:
    """Remove a leading ``關鍵詞：``/``Keywords:`` label."""
    return LABEL.sub("", line, count=1)


def split_keywords(line: str) -> list[str]:
    """Split one keyword line into its items (see the module docstring for the rules)."""
    text = strip_label(line)
    seps = _WITH_PRIMARY if (";" in text or "；" in text) else _WITHOUT_PRIMARY
    return [item for item in (clean(p) for p in _split_on(text, seps)) if item]


@dataclass(slots=True)
class Keywords:
    """The result of sorting keyword items: both lists, third-language items, lines."""

    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    zh_line: int | None = None
    en_line: int | None = None


def assign_keywords(items: list[tuple[str, int | None]]) -> Keywords:
    """Sort (keyword, line) items in reading order into Chinese, English and other."""
    out = Keywords()
    kept: list[tuple[str, int | None]] = []
    for text, line in items:
        if is_other_script(text):
            out.other.append(text)
        else:
            kept.append((text, line))
    han = [i for i, (text, _) in enumerate(kept) if has_han(text)]
    if not han:
        zh_idx: set[int] = set()
    else:
        first, last = han[0], han[-1]
        post = [kept[i][0].casefold() for i in range(last + 1, len(kept))]
        if post:
            k = 0
            # A Latin run right after the Chinese part that reappears later closes it.
            while k < len(post) - 1 and post[k] in post[k + 1 :]:
                k += 1
            zh_idx = set(range(0, last + 1 + k))
        elif 2 * first >= len(han):
            zh_idx = set(range(first, last + 1))
        else:
            zh_idx = set(range(0, last + 1))
    for i, (text, line) in enumerate(kept):
        if i in zh_idx:
            out.zh.append(text)
            if out.zh_line is None:
                out.zh_line = line
        else:
            out.en.append(text)
            if out.en_line is None:
                out.en_line = line
    return out
