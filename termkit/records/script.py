"""Script tests shared by the record readers: Han characters, kana/Hangul, prose shape.

Small pure functions on strings; compiled patterns live at module level so the readers
stay well under a millisecond per record.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK Radicals Supplement and Kangxi Radicals (U+2E80-U+2FDF) count as Han: PDF text
# extraction prints ``⾦`` (U+2FA6) for ``金``. Matching folds them with :func:`fold`.
HAN = r"\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u3007"
_HAN = re.compile(f"[{HAN}]")
_RADICALS = re.compile(r"[\u2e80-\u2fdf]")
# Kana (without the middle dot U+30FB, which Chinese text also uses) and Hangul: a keyword
# written with them is Japanese or Korean, neither Chinese nor English.
_OTHER = re.compile(
    r"[\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SENTENCE_END = re.compile(r"[a-z)\]]{2}[.!?][\"”’']?\s+[A-Z\"“‘(]")
_SPACES = re.compile(r"[ \t\u3000]+")
# The characters that separate keywords in a list line.
KEYWORD_SEPARATORS = re.compile(r"[;；、，,]")
# Wide gaps that separate keywords in a line with none of those: a tab, an ideographic
# space, two spaces or more between two pieces of text.
_WIDE_GAP = re.compile(r"\t|\u3000|(?<=\S) {2,}(?=\S)")
# Han characters of running text (a particle, a copula, a preposition, a pronoun): most
# clauses hold one, few keywords do (36 of the 1,384 Chinese keywords of the dev and real
# records; 60% of the pieces between commas on the stored real pages).
_CLAUSE_HAN = re.compile("[的是在了為为對对將将把被其並并於于]")


def count(pattern: re.Pattern[str], text: str) -> int:
    """How many times ``pattern`` matches in ``text``, without a list of the matches.

    ``len(pattern.findall(text))`` holds every match as a string object of its own, some 80
    bytes each: a 50 MB line of Chinese took over a gigabyte to count its characters.
    """
    return pattern.subn("", text)[1]


def display_width(text: str) -> int:
    """Columns ``text`` takes as printed: two for a wide character (Han, full-width
    punctuation), one for any other."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def has_han(text: str) -> bool:
    """True if ``text`` contains a Han character."""
    # An ASCII string holds none (isascii is a flag, not a scan): readers ask this of every
    # item and line, half of them English, about a hundred times a record.
    return not text.isascii() and _HAN.search(text) is not None


def fold(text: str) -> str:
    """``text`` with radical code points (``⾦``) folded to the ideographs they stand for (NFKC).

    Only for matching: records keep what the page printed. Other characters are left alone
    (full NFKC would also fold full-width punctuation, which the readers read as printed).
    """
    if text.isascii() or _RADICALS.search(text) is None:
        return text
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def has_latin(text: str) -> bool:
    """True if ``text`` contains a Latin letter."""
    return _LATIN.search(text) is not None


def is_other_script(text: str) -> bool:
    """True if ``text`` is Japanese or Korean (contains kana or Hangul)."""
    return not text.isascii() and _OTHER.search(text) is not None


def han_share(text: str) -> float:
    """Han characters as a share of Han characters plus Latin letters (0 when neither)."""
    han = count(_HAN, text)
    latin = count(_LATIN, text)
    return han / (han + latin) if han + latin else 0.0


def is_chinese_text(text: str) -> bool:
    """Decide the language of a paragraph by its share of Han characters.

    A Chinese abstract quotes English terms, but one Han character carries about as much
    as a five-letter word, so a quarter of the letters being Han already means Chinese.
    """
    return han_share(text) >= 0.25


def clean(text: str) -> str:
    """Collapse runs of spaces and tabs (ASCII and ideographic) and strip the ends."""
    # Most lines have nothing to collapse; skipping the regex halves page parsing time.
    if "  " in text or "\t" in text or "\u3000" in text:
        return _SPACES.sub(" ", text).strip()
    return text.strip()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space between two Han characters, one space otherwise."""
    out = ""
    for raw in lines:
        line = clean(raw)
        if not line:
            continue
        if out and not (has_han(out[-1]) and has_han(line[0])):
            out += " "
        out += line
    return out


@lru_cache(maxsize=8192)
def is_prose(text: str) -> bool:
    """True for a paragraph of running text (an abstract), never for a keyword line.

    Sentence punctuation between words (two sentence ends, or one in twenty words or
    more), a Chinese full stop, or sheer length decide it.
    """
    if "。" in text and len(text) >= 20 and not _list_with_full_stop(text):
        return True
    # One sentence end in a short text is a title with a question in it (``Who Are the
    # Independent Voters? The Difference …``); running text has more words or sentences.
    ends = count(_SENTENCE_END, text)
    if (ends >= 2 or (ends == 1 and len(text.split()) >= 20)) and dot_items(text) is None:
        return True  # (short phrases between full stops are a keyword list, not sentences)
    # Long lines and many words make prose only when separators are sparse: a keyword line
    # of twenty keywords is long too, but has a separator every few words.
    # (a line with none of the separator characters may separate by wide gaps)
    separators = count(KEYWORD_SEPARATORS, text) or count(_WIDE_GAP, text.strip())
    if len(text) >= 400 and separators * 25 < len(text):
        return True
    if "，" in text and len(text) >= 100 and count(_HAN, text) >= 100:
        return not short_item_list(text)
    if text.count(" ") < 44:
        return False
    words = len(text.split())
    return words >= 45 and separators * 6 < words


# The most Han characters a keyword item usually has (a longer item is a title or a clause).
SHORT_ITEM = 12


def short_item_list(text: str) -> bool:
    """True for a line of many short items between list separators, however long: a long
    keyword list (a thesis may print thirty keywords or more), not running text.

    Eight pieces or more between separators (``;；、，,``, else wide gaps), each a short
    phrase (:data:`SHORT_ITEM` Han characters, twice that for one long term; six words at
    most), and at most one piece in five holding a Han character of running text: a
    clause between commas holds one more often than not.
    """
    body = text.strip()
    pieces = KEYWORD_SEPARATORS.split(body)
    if len(pieces) < 3:
        pieces = _WIDE_GAP.split(body)
    pieces = [p.strip() for p in pieces]
    if pieces and not pieces[-1]:
        pieces.pop()  # a separator closing the list
    if len(pieces) < 8 or not all(pieces):
        return False
    clauses = 0
    for piece in pieces:
        if has_han(piece):
            if len(piece) > 2 * SHORT_ITEM:
                return False
            clauses += _CLAUSE_HAN.search(piece) is not None
        elif len(piece.split()) > 6:
            return False
    return 5 * clauses <= len(pieces)
# A keyword list closed by a full stop (``長期演進，上行排程演算法，封包延遲。``): three items or
# more between list separators, each at most SHORT_ITEM long (one of them up to twice that),
# no other full stop, and none of
# the particles and conjunctions that join clauses (``亦``, ``且``, ``而``, ``了`` …), which
# terms do not hold.
_CLAUSE_MARKS = re.compile("[了也且而並并亦但即則则乃]")


def _list_with_full_stop(text: str) -> bool:
    """True for a short-item list whose only Chinese full stop ends it (not a sentence)."""
    body = text.rstrip()
    if body.count("。") != 1 or not body.endswith("。") or _CLAUSE_MARKS.search(body):
        return False
    items = [i.strip() for i in KEYWORD_SEPARATORS.split(body[:-1])]
    # One item may be a long term (``中小學教師專業發展評鑑實施計畫``), not a clause.
    longer = sum(1 for i in items if len(i) > SHORT_ITEM)
    return len(items) >= 3 and all(0 < len(i) <= 2 * SHORT_ITEM for i in items) and longer <= 1


_LATIN_START = re.compile(r"[A-Z0-9\"“‘'(]")
# Closing punctuation that ends a Chinese title before its English translation starts.
_HAN_TAIL = "）)」』》〉】？！?!.。:：*＊"
def _parallel_halves(zh: str, en: str) -> bool:
    """A Chinese title of four Han characters or more, and an English one of two words or
    more opening with a capital, or with a word capitalised inside (``e-Learning``, ``iPad``):
    ``E = mc2 的研究`` is no parallel title."""
    return (
        len(_HAN.findall(zh)) >= 4 and not has_han(en)
        and len(en.split()) >= 2 and has_latin(en)
        and (_LATIN_START.match(en) is not None or _INNER_CAPITAL.match(en) is not None)
    )


# ISBD's parallel title: the title, `` = `` (or a full-width ＝), the title in another language.
# An equals sign with no space around it belongs to a title (``「一＝多」``, ``Y=aX+b``).
_PARALLEL_SIGN = re.compile(r"\s+[=＝]\s+")
_INNER_CAPITAL = re.compile(r"[a-z]+-?[A-Z]")


def _parallel_split(text: str) -> tuple[str, str] | None:
    """(Chinese, English) halves of ``Title = Parallel title``: the one spaced sign whose two
    sides are a Chinese and an English title (``F = ma 與牛頓力學 = F = ma and Newtonian
    Mechanics`` has three signs, and one such split), else None."""
    found = []
    for m in _PARALLEL_SIGN.finditer(text):
        a, b = text[:m.start()].strip(), text[m.end():].strip()
        if _parallel_halves(a, b):
            found.append((a, b))
        elif _parallel_halves(b, a):
            found.append((b, a))
    return found[0] if len(found) == 1 else None


def split_scripts(line: str) -> tuple[str, str] | None:
    """``(Chinese, English)`` when ``line`` is a Chinese text followed by its English one.

    ``盈餘的資訊品質對盈餘管理行為的影響 Does Earnings Information Quality …?`` splits after
    the last Han character (and the punctuation closing the Chinese part) when the rest is
    three Latin words or more starting with a capital; ``利用VDR船位…`` or ``基於 ResNet 之研究``
    do not split. The reverse order (English, then Chinese) splits the same way. A library
    catalogue's parallel title (``走過C型肝炎鄉 = Walking through Hepatitis C``, ISBD) splits
    at its sign.
    """
    text = line.strip()
    if "=" in text or "＝" in text:
        # A library catalogue's ``Title = Parallel title`` (ISBD): the sign says it.
        parallel = _parallel_split(text)
        if parallel is not None:
            return parallel
    hans = [m.start() for m in _HAN.finditer(text)]
    if len(hans) < 4:
        return None
    last = hans[-1] + 1
    while last < len(text) and text[last] in _HAN_TAIL:
        last += 1
    head, tail = text[:last].strip(), text[last:].strip()
    if tail and _LATIN_START.match(tail) and len(tail.split()) >= 3 and not _HAN.search(tail):
        return head, tail
    first = hans[0]
    head, tail = text[:first].strip(), text[first:].strip()
    if (
        head
        and _LATIN_START.match(head)
        and len(head.split()) >= 3
        and has_latin(head)
        and not _LATIN.search(tail)
    ):
        return tail, head
    return None


# A full stop between two keywords (``Smart library. Service system. User needs.``): after
# a word of two letters or more (so ``U.S. stock`` stays whole), before a capital; with no
# space after it (``Information literacy.Higher education.``, a copy that lost the spaces)
# only between a lower-case word of two letters or more and a capitalised one (``Web2.0``,
# ``ASP.NET``, ``Node.js`` stay whole).
_DOT_SEPARATOR = re.compile(
    r"(?<=[a-z0-9)\]][a-z0-9)\]])\.\s+(?=[A-Z0-9\"“‘(])|(?<=[a-z]{2})\.(?=[A-Z][a-z])"
)
# Words of running text that keyword phrases do not use: they make a piece a sentence.
# Matched in lower case only, so ``IT governance`` or ``May Fourth Movement`` stay phrases.
_SENTENCE_WORDS = frozenset(
    (
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
        "does", "did", "we", "our", "this", "these", "it", "its", "can", "could", "will",
        "would", "should", "may", "might", "must", "shall", "which", "that",
    )
)


def is_sentence(text: str, *, clues: int = 1) -> bool:
    """True if ``text`` reads as a clause (``has been browsed 38 times``), not a noun phrase.

    ``clues``: how many words of running text (``is``, ``has``, ``been``, ``we`` …, in lower
    case) it takes.
    """
    words = text.split()
    if len(words) < 3:
        return False
    return sum(1 for w in words if w.strip(",.;:") in _SENTENCE_WORDS) >= clues


def dot_items(text: str) -> list[str] | None:
    """The items of an English list separated by full stops, or None if it is not one.

    Two items or more, each a short phrase (six words at most, no verb of running text),
    and either a full stop after the last one or three items at least.
    """
    body = text.strip()
    final = body.endswith(".")
    if final:
        body = body[:-1].rstrip()
    if "." not in body:
        return None
    parts = _DOT_SEPARATOR.split(body)
    if len(parts) < 2 or (len(parts) < 3 and not final):
        return None
    if any(not p or len(p.split()) > 6 or has_han(p) or is_sentence(p) for p in parts):
        return None
    return [p.strip() for p in parts]
