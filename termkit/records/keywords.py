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
  so do Latin items on the line of the last Chinese item when only single spaces set that
  line's items apart and the English list follows on a line of its own (``機器學習 遷移學習
  Hadoop Spark`` above ``machine learning; transfer learning``);
* keywords that alternate between the languages, pair by pair (``Penghu;澎湖;Taiwan
  Classical Poetry;台灣古典詩``: every run of one script one or two items long), are
  sorted by script;
* Latin-only items before the Chinese part are Chinese when English items follow it.
  When nothing follows, they are English if they are at least half as many as the Chinese
  items (an English-first layout: ``realism ; 現實主義``), else Chinese (a Chinese list
  that starts with a Latin term: ``EcoLexicon;术语学;术语知识库;启示``);
* with no English item at all, Chinese keywords that carry their English in brackets, most
  of them and two at least (``深度學習（deep learning）、長短期記憶(LSTM)``), give the
  English list from the brackets, in their order, and lose the brackets.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from termkit.records.fields import parse_date, parse_pages, starts_volume_line
from termkit.records.labels import Field, match_label, match_unknown_label
from termkit.records.script import (
    HAN,
    KEYWORD_SEPARATORS,
    clean,
    count,
    dot_items,
    has_han,
    is_other_script,
    is_prose,
    is_sentence,
    short_item_list,
)

_PRIMARY = frozenset(";；")
_ALWAYS = frozenset("、，")
# A round bracket may be closed in the other width (``DS(Data-Strobe）``, ``（GCR)``, as PDF
# conversions and hand typing leave them): an opener expects its kind, not its width.
_OPEN = {"(": ")", "（": ")", "[": "]", "【": "】", "《": "》", "〈": "〉"}
_KIND = {"）": ")"}  # the full-width closer as the kind it closes
_CLOSE = frozenset(_OPEN.values()) | frozenset(_KIND)
_BRACKETS = re.compile(r"[(（\[【《〈]")
_IN_BRACKETS = re.compile(r"[(（\[【《〈][^()（）\[\]【】《》〈〉]*[)）\]】》〉]")  # innermost
_SPLIT_PRIMARY = re.compile("[;；、，]")
_SPLIT_COMMAS = re.compile("[、，,]")
_WITH_PRIMARY = _PRIMARY | _ALWAYS
_WITHOUT_PRIMARY = _ALWAYS | {","}
_COMMA = frozenset(",")


def _split_on(text: str, seps: frozenset[str]) -> list[str]:
    """Split at any char in ``seps`` that is not inside brackets."""
    # Without brackets a compiled split does it (the common case, and much faster).
    if _BRACKETS.search(text) is None:
        if seps == _WITH_PRIMARY:
            return _SPLIT_PRIMARY.split(text)
        if seps == _WITHOUT_PRIMARY:
            return _SPLIT_COMMAS.split(text)
        if seps == _COMMA:
            return text.split(",")
    never_closed = _unclosed_openers(text)
    items: list[str] = []
    depth: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if i not in never_closed:
                depth.append(_OPEN[ch])
        elif ch in _CLOSE:
            if depth and depth[-1] == _KIND.get(ch, ch):
                depth.pop()
        elif ch in seps and not depth:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def _unclosed_openers(text: str) -> frozenset[int]:
    """The positions of the brackets ``text`` opens and never closes.

    A bracket left open (``學業壓力（大學生；焦慮``, a typing slip or a bracket the line broke
    off) holds no list: the separators after it separate as if it were not there, so it
    swallows none of the keywords after it.
    """
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append((_OPEN[ch], i))
        elif ch in _CLOSE and stack and stack[-1][0] == _KIND.get(ch, ch):
            stack.pop()
    return frozenset(i for _, i in stack)


# Separators used when a line has none of ``;；、，,``: a tab or two spaces or more, an
# ideographic space, bullets, slashes, and single spaces between Chinese words.
_WIDE_SPACE = re.compile(r"\t|\u3000|(?<=\S) {2,}(?=\S)")
_BULLETS = re.compile(r"[★☆•●○■□◆◇▪►]")
# An asterisk standing alone between spaces is a bullet too (``* 機器學習 * 遷移學習``: a
# list of inline items copied as Markdown, where such an asterisk is text); ``A*演算法``,
# ``A* algorithm`` and significance stars (``0.23**``) are none.
_STAR_BULLET = re.compile(r"(?:^|\s+)\*(?=\s)\s*")
_SLASH = re.compile(r"\s*[/／]\s*")
_BARS = re.compile(r"\s*[|｜]\s*")
_KANA_DOT = re.compile(r"\s*[・･]\s*")  # the katakana middle dot (Japanese-style lists)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-]{1,7}")
_HAN_COMMA = re.compile(f"[{HAN}],[{HAN}]")
_LEADING_BULLET = re.compile(r"^(?:[★☆•●○■□◆◇▪►‣]\s*|[-–—*·]\s+)")


def keyword_label(line: str) -> str | None:
    """The text after a leading keyword label (``關鍵詞：``, ``【关键词】``, ``Key words:``).

    None when the line does not start with a keyword label followed by a colon, bracket,
    tab or wide space (or, for a Chinese label, a space and the list).
    """
    m = match_label(line)
    if m is None or m.label.field is not Field.KEYWORDS:
        return None
    # A bare ``Keyword`` (no colon) may be a keyword itself; a label followed by a space
    # and a list (``关键词 病机;中医``, ``Key Words stroke; …``) is a label.
    if not m.separated and not m.value:
        return None
    return m.value


def bare_keyword_label(line: str) -> bool:
    """True for a line that is a keyword label and nothing else (``关键词``, ``Keywords:``).

    Above a list of one keyword per line it heads the list; it is not one of the keywords.
    """
    m = match_label(line)
    return m is not None and m.label.field is Field.KEYWORDS and not m.value


def strip_label(line: str) -> str:
    """Remove a leading keyword label (``關鍵詞：``, ``Keywords:``, ``【关键词】`` …)."""
    value = keyword_label(line)
    return line if value is None else value


def strip_bullet(item: str) -> str:
    """Remove a list bullet before a keyword (``★ 企業資源規劃系統``, ``- voting behavior``)."""
    return _LEADING_BULLET.sub("", item, count=1).strip()


def _fallback_split(text: str, field: bool = False) -> list[str]:
    """Split a line that has none of the usual separators (see :func:`split_keywords`);
    ``field``: the line is a keyword field's value."""
    if count(_BULLETS, text) >= 2:
        return _BULLETS.split(text)
    if " * " in f" {text.strip()} " and count(_STAR_BULLET, text.strip()) >= 1:
        pieces = _STAR_BULLET.split(text.strip())
        if sum(1 for p in pieces if p.strip()) >= 2:
            return pieces
    if _WIDE_SPACE.search(text.strip()):
        return _WIDE_SPACE.split(text.strip())
    bars = count(_BARS, text)
    if bars >= 2 or (bars == 1 and field):
        # ``行動學習｜擴增實境｜學習成效``: one bar alone sets apart items in a field only (a
        # page's title may name its site after one).
        return _BARS.split(text)
    dotted = _KANA_DOT.split(text)
    if len(dotted) >= 2 and all(_dotted_item(piece) for piece in dotted):
        return dotted
    slashes = count(_SLASH, text)
    if slashes >= 2 or (slashes == 1 and (has_han(text) or " " in text.strip())):
        return _SLASH.split(text)
    items = dot_items(text)
    if items is not None:
        return items
    tokens = text.split()
    if field:
        run = _english_run(tokens)
        if run is not None:
            return run
    # Chinese keywords separated by single spaces (``智慧图书馆 服务体系 用户需求``), among
    # them ones with a Latin term (``BIM技术``), an acronym (``GIS``) or a one-word Latin
    # term (``ResNeSt``, ``Grad-CAM``), as long as the Chinese ones are the most.
    if len(tokens) < 2 or not all(_spaced_item(t) for t in tokens):
        return [text]
    han = sum(1 for t in tokens if has_han(t))
    return tokens if han >= 2 and 2 * han >= len(tokens) else [text]


def _dotted_item(piece: str) -> bool:
    """True for a piece of a line split at ``・`` that reads as a keyword of its own: Latin
    text, or Han text the dictionary reads as common words (``行動|學習``, ``擴增實境``), none a
    proper noun, a character alone only in a piece of four or more, half of it in words. A
    transliterated name is dotted so too (``約翰・洛克``, ``漢娜・鄂蘭``): its pieces are proper
    nouns (``約翰``) or characters that spell sounds, alone in the segmentation (``洛|克``,
    ``馬克|斯``)."""
    text = piece.strip()
    if not text or not has_han(text):
        return bool(text)
    from termkit.lexicon import get_lexicon

    lexicon = get_lexicon()
    words = lexicon.segment(text)
    if any(lexicon.is_proper_noun(w) for w in words):
        return False
    alone = sum(1 for w in words if len(w) == 1)
    return not alone or (len(text) >= 4 and 2 * alone <= len(text))


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[.,]?")


def _english_run(tokens: list[str]) -> list[str] | None:
    """A keyword field of Chinese keywords set apart by single spaces, then the English ones
    run together with nothing between them (``新界 六堆 客家 New Territories Liudui
    Hakka``): the Chinese items and the English run as one item, at least as many words as
    there are Chinese keywords (where one English keyword ends is for pairing to find, by
    their counterparts: :func:`termkit.align.pair_record`); else None."""
    k = 0
    while k < len(tokens) and has_han(tokens[k]):
        k += 1
    rest = tokens[k:]
    if k < 2 or len(rest) < k or not all(_spaced_item(t) for t in tokens[:k]):
        return None
    if not all(_LATIN_WORD.fullmatch(t) for t in rest):
        return None
    if not any(_PLAIN_WORD.fullmatch(t) for t in rest):
        return None  # only terms (``ResNeSt Grad-CAM LIME``): Latin items of the list, no English
    return [*tokens[:k], " ".join(rest)]


# An ordinary English word (``Territories``, ``of``): letters, a capital first at most. Terms
# (``ResNeSt``, ``Grad-CAM``, ``LIME``, ``Web2.0``) are items of a Chinese list of their own.
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]+")


@lru_cache(maxsize=8192)
def spaced_only(line: str) -> bool:
    """True if the items of ``line`` are set apart by single spaces and nothing else
    (``智慧图书馆 服务体系 ResNeSt``). A Chinese title may have that shape around a Latin
    word (``ChatGPT 輔助 程式設計教學之成效``): such a line is a list by its place (under a
    label, in the keyword block), never for certain by its Latin items."""
    if " " not in line.strip() or any(c in line for c in ";；、，,"):
        return False  # most lines: no single-spaced items
    text = _without_final_stop(strip_label(line)).strip()
    tokens = text.split(" ")
    return len(tokens) >= 2 and list(split_keywords(line)) == tokens


# A one-word Latin term among Chinese keywords: a capital or a digit in it (``ResNeSt``,
# ``Grad-CAM``, ``EcoLexicon``, ``Web2.0``); a lower-case word (``of``) is running text.
_LATIN_TERM = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.&'\-]*[A-Za-z0-9+#]")


def _spaced_item(token: str) -> bool:
    if token[0] in _OPEN:
        return False  # ``主題 (Topic)``: a parenthesis belongs to the word before it
    if has_han(token):
        return len(token) >= 2
    if _ACRONYM.fullmatch(token) is not None:
        return True
    if token[:1].isdigit() and len(token) >= 3 and _NUMBER_ONLY.match(token) is not None:
        return True  # ``社區韌性 災後重建 921``: a number keyword (``1949年``, ``1937-1945``)
    return (
        _LATIN_TERM.fullmatch(token) is not None
        and any(c.isupper() or c.isdigit() for c in token)
        and any(c.isalpha() for c in token)
    )


def _split_commas(item: str) -> list[str]:
    """An ASCII comma inside an item of a semicolon list, when it separates two keywords.

    Between Han characters (``中药性能,归经理论``; not between digits, ``1,2-二氯乙烷``) it
    always does; in English when the parts are short phrases and one starts in lower
    case (``education reform, bibliometric``), not in ``Beijing, China`` or ``Chen, Y.``.
    """
    parts = [p.strip() for p in _split_on(item, _COMMA)]  # not inside brackets: ``(B2B, B2C)``
    if len(parts) < 2 or any(not p for p in parts):
        return [item]
    if all(has_han(p) for p in parts):
        return parts if _HAN_COMMA.search(item) else [item]
    if any(has_han(p) for p in parts):
        return [item]
    if not any(p[0].islower() for p in parts) and not _tight_phrases(item, parts):
        return [item]
    if any(len(p.split()) > 5 or is_sentence(p) or p[:1].isdigit() for p in parts):
        return [item]
    return parts


def _tight_phrases(item: str, parts: list[str]) -> bool:
    """True for capitalised phrases of two words or more joined by commas with no space after
    them (``Underdeveloped areas,General practitioners`` in a list separated by ``; ``): a
    separator typed in haste, not the comma of a place or a name (``Beijing, China``,
    ``Chen,Y.``)."""
    return _SPACED_COMMA.search(item) is None and all(len(p.split()) >= 2 for p in parts)


_SPACED_COMMA = re.compile(r",\s")


# A list number before a keyword: ``1.``, ``1、``, ``1)``, ``(1)``, at the line's start or
# after a space or a separator, and not the start of a decimal (``1.5T``).
_NUMBER_MARK = re.compile(
    r"(?:^|(?<=[\s;；,，、]))(?:[(（](\d{1,2})[)）]|(\d{1,2})[.．、)）](?!\d))\s*"
)


_NUMBER_FIRST = frozenset("(（0123456789")


def list_number(line: str) -> tuple[int, str] | None:
    """(number, rest) of a line that starts with a list number (``1. 客戶忠誠度``,
    ``(2)內部控制``), or None."""
    if line.lstrip()[:1] not in _NUMBER_FIRST:
        return None  # most lines: no regular expression
    m = _NUMBER_MARK.match(line.strip())
    if m is None or m.end() == len(line.strip()):
        return None
    return int(m.group(1) or m.group(2)), line.strip()[m.end() :]


def numbered_items(line: str) -> list[str] | None:
    """The items of a numbered list on one line (``1. 大型語言模型  2. 跨領域研究``,
    ``(1)資訊安全 (2)內部控制``): numbers from 1 on, one more each time, or None."""
    text = line.strip()
    marks = list(_NUMBER_MARK.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    numbers = [int(m.group(1) or m.group(2)) for m in marks]
    if numbers != list(range(1, len(numbers) + 1)):
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end() : end].strip().rstrip(";；,，、").strip() for m, end in zip(marks, ends, strict=True)]
    return items if all(items) else None


_LONE_STOP = re.compile(r"(?<=[A-Za-z]{4})\.\s*$")


def field_lines(values: Sequence[str]) -> list[str]:
    """The value lines of a labelled keyword field with the decoration of a list taken off:
    list numbers counting from 1 at the head of the lines (``1. 大型語言模型`` / ``2. …``,
    ``(1)資訊安全``: a numbered list, one item a line; a list of one keeps its ``1.`` too,
    which alone reads as the body's first heading), and the closing full stop of a field of
    one Latin item (``realism.``; not an abbreviation's: ``U.S.``, ``Co.``)."""
    out = list(values)
    expected = 1
    for k, line in enumerate(out):
        found = list_number(line)
        if found is None or found[0] != expected or numbered_items(line) is not None:
            if k == 0:
                break
            continue  # the rest of an item, wrapped
        out[k], expected = found[1], expected + 1
    if len(out) == 1 and not has_han(out[0]) and out[0].count(".") == 1 \
            and KEYWORD_SEPARATORS.search(out[0]) is None:
        out[0] = _LONE_STOP.sub("", out[0])
    return out


def split_keywords(line: str, field: bool = False) -> list[str]:
    """Split one keyword line into its items (see the module docstring for the rules).

    With none of ``;；、，,`` in the line, a tab or two spaces or more, ``★``-like bullets,
    slashes (two or more, or one with Chinese text or spaces around the items: ``A/B``
    alone, like ``TCP/IP``, stays whole), or single spaces between Chinese words separate.
    ``field``: the line is the value of a keyword field (or starts with a keyword label),
    so a run of English words after Chinese items set apart by spaces is the English list
    run together (see :func:`_english_run`).
    """
    return list(_split_cached(line, field))


_FINAL_STOP = re.compile(r"(?<=[^\s.。．])[.。．]\s*$")


def _without_final_stop(text: str) -> str:
    """A list closed by a full stop loses it (``…，封包遺失率。``, ``…, Packet Loss Ratio.``):
    only with list separators in the line, and not after an abbreviation's own dot
    (``U.S.``) or an ellipsis; a single keyword loses a closing ideographic full stop
    (``談戀愛。``)."""
    if KEYWORD_SEPARATORS.search(text) is None:
        # One keyword closed by an ideographic full stop (``談戀愛。``): no keyword ends so.
        return text[:-1].rstrip() if text.endswith("。") and text.count("。") == 1 else text
    found = _FINAL_STOP.search(text)
    if found is None:
        return text
    last = KEYWORD_SEPARATORS.split(text[: found.start()])[-1]
    return text if "." in last else text[: found.start()]


def clear_caches() -> None:
    """Forget cached keyword-line splits and label matches (for benchmarks and tests)."""
    _split_cached.cache_clear()
    match_label.cache_clear()
    is_prose.cache_clear()
    is_keyword_line.cache_clear()
    spaced_only.cache_clear()


@lru_cache(maxsize=8192)
def _split_cached(line: str, field: bool) -> tuple[str, ...]:
    # The page reader asks about the same line several times (shape, then items).
    value = keyword_label(line)
    text = _without_final_stop(line if value is None else field_lines([value])[0])
    if value is not None:
        # A field whose label names its language (``中文關鍵詞``) holds that language's list,
        # no English run (see :func:`_english_run`); a bare ``關鍵詞`` field may hold both.
        label = match_label(line)
        field = label is None or label.label.lang is None
    numbered = numbered_items(text) if text[:1] in _NUMBER_FIRST else None
    # Separators inside brackets separate nothing (``企業對企業(B2B、B2C)`` in a list set
    # apart by spaces): the kind of list is told by what stands outside them.
    bare = _IN_BRACKETS.sub("", text) if _BRACKETS.search(text) is not None else text
    if numbered is not None:
        parts = numbered
    elif ";" in bare or "；" in bare:
        parts = _split_on(text, _WITH_PRIMARY)
        if "," in bare:
            parts = [piece for part in parts for piece in _split_commas(part)]
    elif any(c in bare for c in "、，,"):
        parts = _split_on(text, _WITHOUT_PRIMARY)
    else:
        parts = _fallback_split(text, field)
    return tuple(item for item in (strip_bullet(clean(p)) for p in parts) if item)


# Lines that are no keyword list: a table of contents (dot leaders), an address, a
# citation (a year in parentheses then a full stop, or a reference type mark such as
# ``[J]``), two Chinese full stops.
_DOT_LEADERS = re.compile(r"\.{4,}|…{2,}|·{4,}|．{3,}")
_ADDRESS = re.compile(r"https?://|www\.")
_CITATION = re.compile(
    r"[(（]\s*(?:19|20)\d\d[a-z]?\s*[)）]\s*[.。,，]|\[(?:[JMCDNRSPZ]|EB/OL)\]"
)
# A numbered heading of the article's body (``0 引言``, ``1. Introduction``, ``1.2 背景``,
# ``一、前言``); ``3 Gorges`` or ``2 型糖尿病`` stay keywords.
_HEADING = re.compile(
    r"^\s*(?:\d{1,2}\.(?:\d{1,2}\.?)*\s+\S|0\s+[\u3400-\u9fff]"
    r"|[一二三四五六七八九十]{1,3}\s*[、．.]|第\s*[一二三四五六七八九十\d]{1,3}\s*[章節节])"
)


# A page count: ``109``, ``23頁``, ``pp. 45``; a ``p`` before the number needs its dot
# (``p53``, ``P300`` are genes and brain waves, keywords).
_BARE_NUMBER = re.compile(
    r"^(?:[頁页]|p\.|pp\.?)?\s*\d+\s*(?:[頁页]|pp?\.?|pages?)?$", re.IGNORECASE
)
# A number, a year or a range of them alone (``921``, ``1949年``, ``1937-1945``): a page
# count, a year or a page range under the lists, or a keyword in a list of one keyword per
# line.
# What a list line ends in when the list goes on under it (``…；專利布局；``).
LIST_END = tuple(";；,，、/")
_NUMBER_ONLY = re.compile(r"^\d{1,4}(?:\s*[-–~～]\s*\d{1,4})?\s*年?$")
_NON_DIGIT = re.compile(r"\D")
_OPENING_BRACKETS = "【[〔〖［"


_POSTAL_CODE = re.compile(r"\d{4,}")


def affiliation_line(line: str) -> bool:
    """A line wholly in parentheses holding a list or a postal code: the authors'
    affiliation under their names (``（1. 某大學 文學院，北京 100871；2. …）``,
    ``(Department of …, … University)``), never a keyword (``(B to B)`` has neither)."""
    text = line.strip()
    if len(text) < 3 or text[0] not in "(（" or text[-1] not in ")）":
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "(（"
        depth -= ch in ")）"
        if depth == 0 and i < len(text) - 1:
            return False  # ``(1) … (2)``: the first bracket closes before the end
    inner = text[1:-1]
    return KEYWORD_SEPARATORS.search(inner) is not None or _POSTAL_CODE.search(inner) is not None


def field_of_its_own(line: str) -> bool:
    """A line that is a bibliographic field, never a keyword: a bare number (a page count,
    ``109``, ``23頁``), a volume, issue, page or date line, an affiliation in parentheses
    (:func:`affiliation_line`), or a field under a bracketed label that is not a keyword
    label (``【期号】 3``, ``[出版日期] …``)."""
    text = line.strip()
    if _BARE_NUMBER.match(text) or starts_volume_line(text) or affiliation_line(text):
        return True
    if parse_pages(text) or parse_date(text):
        return True
    if not text or text[0] not in _OPENING_BRACKETS:
        return False
    m = match_label(text)
    if m is not None:
        return m.label.field is not Field.KEYWORDS
    return match_unknown_label(text) is not None


def numbered_line(line: str) -> bool:
    """True for a line holding a numbered list of several items (``1. 緒論 2. 文獻探討``)."""
    return line.lstrip()[:1] in _NUMBER_FIRST and numbered_items(line) is not None


def number_only(line: str) -> bool:
    """True for a number, a year or a range alone on its line (``921``, ``1949年``,
    ``1937-1945``): a field of its own (:func:`field_of_its_own`) under a list, or a keyword
    inside one (:func:`number_goes_on`)."""
    text = line.strip()
    return text[:1].isdigit() and _NUMBER_ONLY.match(text) is not None


def twinned(lines: Iterable[str]) -> frozenset[str]:
    """The numbers alone that stand on two lines or more (``921`` in each list, ``1949年``
    and ``1949``): a number keyword is the same in both languages, a page count or a year
    line stands once."""
    seen: set[str] = set()
    twins: set[str] = set()
    for line in lines:
        if number_only(line):
            key = _NON_DIGIT.sub("", line)
            (twins if key in seen else seen).add(key)
    return frozenset(twins)


def number_goes_on(line: str, after: str, twins: frozenset[str], above: str = "") -> bool:
    """True if ``line``, a number alone in a keyword list, is a keyword: it stands twice on
    the page (:func:`twinned`), a keyword line (no number) follows it (``921`` /
    ``社區韌性``), or the list line ``above`` it ends in a separator (``…；專利布局；`` /
    ``921``: the list goes on). A page count or a year line stands once, under the lists."""
    if not number_only(line):
        return False
    if _NON_DIGIT.sub("", line) in twins or above.rstrip().endswith(LIST_END):
        return True
    return bool(after.strip()) and is_keyword_line(after) and not number_only(after)


def list_end(
    lines: Sequence[str],
    *,
    first_too: bool = False,
    twins: frozenset[str] | None = None,
    number_last: bool = False,
) -> int:
    """The index of the first line after the first (``first_too``: from the first) that ends
    a keyword list (``len(lines)`` if none does): a line that is no keyword line
    (:func:`is_keyword_line`), except a number alone that is a keyword (``921`` /
    ``社區韌性``, :func:`number_goes_on`; ``twins`` default to the numbers twice in
    ``lines``); and a numbered line (``1. 緒論 2. 文獻探討``) under a list that was not
    numbered: the body's table of contents. ``number_last``: a number alone on the last
    line is a keyword too (a labelled page's field that a label closes right under it)."""
    twins = twinned(lines) if twins is None else twins
    first = 1 if len(lines) > 1 and bare_keyword_label(lines[0]) else 0
    numbered = len(lines) > first and numbered_line(lines[first])
    for i in range(0 if first_too else 1, len(lines)):
        line = lines[i]
        if not is_keyword_line(line):
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if number_last and i == len(lines) - 1 and number_only(line):
                continue
            if not number_goes_on(line, after, twins, lines[i - 1] if i else ""):
                return i
        elif not numbered and numbered_line(line):
            return i
    return len(lines)


@lru_cache(maxsize=8192)
def is_keyword_line(line: str) -> bool:
    """False for a line that cannot be part of a keyword list (it ends the list above it).

    Prose (:func:`~termkit.records.script.is_prose`), a field of its own
    (:func:`field_of_its_own`: a bare number, a volume, page or date line, a bracketed
    field), a table of contents, an address, a citation, a numbered heading of the
    article's body, or items that read as clauses (``The thesis has been browsed 38
    times``): keywords are short noun phrases.
    """
    text = line.strip()
    if (len(text) > 300 and not short_item_list(text)) or is_prose(text) or field_of_its_own(text):
        return False
    if _DOT_LEADERS.search(text) or _ADDRESS.search(text) or _CITATION.search(text):
        return False
    if _HEADING.match(text) and numbered_items(text) is None:
        return False
    if text.count("。") >= 2:
        return False
    # Two words of running text make a clause: one (``Theory of what is said``) may be a title
    # kept as a keyword.
    items = split_keywords(text)
    return not any(len(item.split()) >= 4 and is_sentence(item, clues=2) for item in items)


@dataclass(slots=True)
class Keywords:
    """The result of sorting keyword items: both lists, third-language items, lines."""

    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    zh_line: int | None = None
    en_line: int | None = None


def interleaved(scripts: list[bool]) -> bool:
    """True if keywords alternate between the languages (``English;中文;English;中文``).

    Repositories that store each keyword in both languages print them pair by pair:
    every run of one script is one or two items long, and each script has two runs at
    least. A Chinese list then an English one, or a Chinese list with a Latin term or two
    inside it, has a long run somewhere.
    """
    runs: list[tuple[bool, int]] = []
    for script in scripts:
        if runs and runs[-1][0] == script:
            runs[-1] = (script, runs[-1][1] + 1)
        else:
            runs.append((script, 1))
    han_runs = sum(1 for script, _ in runs if script)
    latin_runs = len(runs) - han_runs
    return han_runs >= 2 and latin_runs >= 2 and all(n <= 2 for _, n in runs)


def _paired_out_of_step(kept: list[tuple[str, int | None]], han: list[int]) -> bool:
    """True for pairs printed out of step: ``Penghu;澎湖;Taiwan Classical Poetry;Ocean;…;海洋``.

    The list opens with a Latin item, its Chinese items do not stand together, and there
    are as many of them as Latin items: neither a Chinese list then an English one nor the
    reverse, and a Latin term inside a Chinese list would leave the English one short.
    """
    return (
        2 <= len(han) == len(kept) - len(han)
        and han[0] > 0
        and han[-1] - han[0] + 1 != len(han)
    )


def _number_closing_one_per_line(kept: list[tuple[str, int | None]]) -> bool:
    """True if the last item is a number alone on its line under two items or more that
    stand each on a line of their own, in one script."""
    if len(kept) < 3 or not number_only(kept[-1][0]):
        return False
    lines = [line for _, line in kept[-3:]]
    return (
        None not in lines
        and len(set(lines)) == 3
        and has_han(kept[-2][0]) == has_han(kept[-3][0])
    )


def _closing_spaced_terms(
    kept: list[tuple[str, int | None]], last: int, spaced: Collection[int]
) -> int:
    """How many Latin items after ``kept[last]``, the last Chinese item, close the Chinese
    list: those on its line when only single spaces set that line's items apart and items
    on a later line follow them (the English list, printed apart); else 0."""
    line = kept[last][1]
    if line is None or line not in spaced:
        return 0
    j = last + 1
    while j < len(kept) and kept[j][1] == line:
        j += 1
    return j - last - 1 if j < len(kept) else 0


def _twice_over(kept: list[tuple[str, int | None]]) -> bool:
    """True if ``kept`` is one list printed twice, one item a line, no line holding two."""
    half = len(kept) // 2
    if not half or 2 * half != len(kept):
        return False
    lines = [line for _, line in kept]
    if None in lines or len(set(lines)) != len(lines):
        return False
    texts = [text.casefold() for text, _ in kept]
    return texts[:half] == texts[half:]


def initials(phrase: str) -> str:
    """The first letters of a phrase's words and hyphenated parts, the acronym that spells it
    (``long short-term memory`` -> ``lstm``, ``Internet of Things`` -> ``IoT``); "" for one
    word or a part that opens with no letter."""
    parts = [p for p in re.split(r"[\s\-‐–]+", phrase) if p]
    letters = "".join(p[0] for p in parts if p[0].isalpha())
    return letters if len(parts) >= 2 and len(letters) == len(parts) else ""


def assign_keywords(
    items: list[tuple[str, int | None]], *, spaced: Collection[int] = ()
) -> Keywords:
    """Sort (keyword, line) items in reading order into Chinese, English and other.

    ``spaced``: the numbers of the lines whose items only single spaces set apart
    (:func:`spaced_only`). Such a line holds no English phrase (a space inside one would
    cut it), so Latin items after its Chinese ones (``機器學習 遷移學習 Hadoop Spark``) are
    terms of the Chinese list when the English list follows on a line of its own.
    """
    out = Keywords()
    kept: list[tuple[str, int | None]] = []
    for text, line in items:
        if is_other_script(text):
            out.other.append(text)
        else:
            kept.append((text, line))
    kept = _split_junction(kept)
    scripts = [has_han(text) for text, _ in kept]
    if _number_closing_one_per_line(kept) and not scripts[-1]:
        # A number has no script: last of a list of one keyword per line, it is on the
        # list of the item before it (``關鍵詞`` / ``社區韌性`` / ``災後重建`` / ``921``, a
        # Chinese list only). Under a list on one line it may be the other list (``主題`` / ``0``).
        scripts[-1] = scripts[-2]
    han = [i for i, script in enumerate(scripts) if script]
    if not han and _twice_over(kept):
        # ``★Liferay`` / ``★Liferay``: a field of both lists whose keywords are Latin terms,
        # each printed once a list, one line each: the first half is the Chinese list.
        zh_idx: set[int] = set(range(len(kept) // 2))
    elif not han:
        zh_idx = set()
    elif interleaved(scripts) or _paired_out_of_step(kept, han):
        zh_idx = set(han)  # ``Penghu;澎湖;Taiwan Classical Poetry;台灣古典詩;…``: by script
    else:
        first, last = han[0], han[-1]
        post = [kept[i][0].casefold() for i in range(last + 1, len(kept))]
        if post:
            k = 0
            # A Latin run right after the Chinese part that reappears later closes it
            # (``post[k] in post[k + 1:]``, through each item's last position: linear).
            last_at = {text: i for i, text in enumerate(post)}
            while k < len(post) - 1 and last_at[post[k]] > k:
                k += 1
            # ... or that is spelled out later (``LSTM`` … ``long short-term memory``), when
            # that leaves the two lists as long as each other: an English list may open with
            # an acronym it spells out further on (``GPU`` … ``graphics processing unit``)
            spelled_at = {initials(text): i for i, text in enumerate(post)}
            spelled_at.pop("", None)
            s = k
            while s < len(post) - 1 and max(last_at[post[s]], spelled_at.get(post[s], -1)) > s:
                s += 1
            if s > k and last + 1 + s == len(post) - s:
                k = s
            k = max(k, _closing_spaced_terms(kept, last, spaced))
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
    return _glossed(out)


# An item of Chinese (no Latin letter) and English (no Han) set apart by spaces only.
_JUNCTION = re.compile(rf"^(?P<zh>[^A-Za-z]*[{HAN}][^A-Za-z]*?)\s+(?P<en>[A-Za-z][^{HAN}]*)$")


def _split_junction(kept: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """``kept`` with the item where one field's two lists meet cut in two, when only a space
    sets them apart there: ``多層次分析;…;碩士論文 multilevel analysis;contextual variable;…``
    (a table cell holding both lists, each list's items set apart by ``;``). Only the one
    item between Chinese items before it and English items after it is cut: elsewhere a
    space between Chinese and Latin is part of a keyword (``GIS 應用``)."""
    if len(kept) == 1:
        return _split_glued(kept[0])
    scripts = [has_han(text) for text, _ in kept]
    for i in range(1, len(kept) - 1):
        if all(scripts[:i + 1]) and not any(scripts[i + 1:]):
            m = _JUNCTION.match(kept[i][0])
            if m is None:
                return kept
            line = kept[i][1]
            return [*kept[:i], (m.group("zh"), line), (m.group("en"), line), *kept[i + 1:]]
    return kept


# One field's two lists glued at one change of script, no space between: Chinese then
# English (``船員人力供需馬可夫鏈Grey theoryMarkov chain``) or English then Chinese.
_GLUED_ZH_FIRST = re.compile(rf"^(?P<zh>[^A-Za-z]*[{HAN}][^A-Za-z]*?)(?P<en>[A-Za-z][^{HAN}]*)$")
_GLUED_EN_FIRST = re.compile(rf"^(?P<en>[^{HAN}]*[A-Za-z][^{HAN}]*?)(?P<zh>[{HAN}][^A-Za-z]*)$")
_HAN_RUN = re.compile(f"[{HAN}]")
_MIN_GLUED_HAN = 4


def _split_glued(item: tuple[str, int | None]) -> list[tuple[str, int | None]]:
    """A field read as one item cut where its script changes, once, when both sides are
    lists run together rather than one keyword's parts: the site printed each keyword as a
    link and the text lost every separator, the two lists' too (``主題關鍵詞:船員人力供需
    馬可夫鏈灰色理論Grey theoryMarkov chainManpower demand and supplySeafarers``). A keyword
    mixing scripts is shorter on one side (``K-Means演算法``, ``3D列印``, ``SWOT分析``):
    the cut needs at least four Han characters on one side and two words or more on the
    other; two changes of script or more (``基於GIS的分析``) are no such field."""
    text, line = item
    m = _GLUED_ZH_FIRST.match(text) or _GLUED_EN_FIRST.match(text)
    if m is None:
        return [item]
    zh, en = m.group("zh").strip(), m.group("en").strip()
    if len(_HAN_RUN.findall(zh)) < _MIN_GLUED_HAN or len(en.split()) < 2:
        return [item]
    parts = (zh, en) if m.re is _GLUED_ZH_FIRST else (en, zh)
    return [(parts[0], line), (parts[1], line)]


# A Chinese keyword with its English in brackets after it (``深度學習（deep learning）``,
# ``長短期記憶(LSTM)``): the English starts with a Latin letter and holds no Han character.
_GLOSSED = re.compile(
    rf"^(?P<zh>[^()（）]*[{HAN}][^()（）]*?)\s*[(（]\s*(?P<en>[A-Za-z][^()（）{HAN}]*?)\s*[)）]$"
)


def _glossed(out: Keywords) -> Keywords:
    """``out`` with the English of its Chinese keywords taken out of their brackets, when
    the page gives no English list but most Chinese keywords (two at least) carry their
    English so (``關鍵詞：深度學習（deep learning）、股價預測（stock price prediction）``): the
    English list is those renderings, in the Chinese order; the Chinese keywords lose their
    brackets. With an English list of its own the page has said what the English keywords
    are, and a bracket stays part of its keyword (``企業資源規劃(ERP)``)."""
    if out.en or len(out.zh) < 2:
        return out
    found = [_GLOSSED.match(text) for text in out.zh]
    glossed = [m for m in found if m is not None]
    if len(glossed) < 2 or 2 * len(glossed) <= len(out.zh):
        return out
    out.zh = [m.group("zh") if m is not None else text for m, text in zip(found, out.zh, strict=True)]
    out.en = [m.group("en") for m in glossed]
    out.en_line = out.zh_line
    return out
