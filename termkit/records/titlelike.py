"""Title-like text: the shape of an article title, read from one line or one item alone.

A page copied without its blank lines runs the titles into the keyword lines; told apart by
their place they no longer are, but by their content they mostly are. Keywords are short
noun phrases; titles are longer and built like titles (:func:`title_like`):

* English: many words (nine or more); six or more with a subtitle after a colon or a dash;
  five or more with a title's opening (``A Study of``, ``The Effect of``, ``Research on``,
  ``Toward``, ``How``, ``The X of Y`` …);
* Chinese: many Han characters (fifteen or more); ten or more with a title's ending
  (``…之研究``, ``…為例``, ``…之影響``, ``…初探``, ``…的启示``) or opening (``論…``,
  ``試論…``, ``關於…``, ``基於…``; eight or more for an opening); twelve or more with a
  subtitle (after a colon or a dash) or with words joined by a particle (``之``, ``與``,
  ``的``, ``對`` …), which titles have and keywords, noun compounds, rarely do.

Each test is a habit of titles in general: a long keyword (a survey's or a law's name) is
rarely as long as a title, and one built like a title (``The Dream of the Red Chamber``) is
read as a title only at the head of a page, before any keyword (see
:mod:`termkit.records.runon`).
"""

from __future__ import annotations

import re

from termkit.records.script import HAN, count, has_han

_HAN_CHAR = re.compile(f"[{HAN}]")
# Han characters a Chinese item has when it is certainly a title; when a title's ending or
# opening makes it one (an opening from OPENED_HAN); when a subtitle or a particle does.
LONG_HAN = 15
MARKED_HAN = 10
OPENED_HAN = 8
JOINED_HAN = 12
# Words an English item has when it is certainly a title, and when a subtitle or a title's
# opening make it one.
LONG_WORDS = 9
SUBTITLED_WORDS = 6
OPENED_WORDS = 5

# What joins the parts of a Chinese title: a subtitle mark, or a particle between words.
_HAN_JOINS = re.compile(
    f"[{HAN}][)）」』》]?\\s*(?:[:：]|——|─|—|--?|－)\\s*[「『《(（]?[{HAN}]"
    f"|[{HAN}][之的與与及和對对][{HAN}]"
)
_HAN_OPENING = re.compile("^(?:試論|试论|淺談|浅谈|淺論|浅论|論|论|關於|关于|基於|基于|從|从)")
_HAN_ENDING = re.compile(
    "(?:研究|探討|探讨|探究|探析|初探|淺析|浅析|芻議|刍议|析論|析论|述評|述评|為例|为例"
    "|之影響|的影響|的影响|之比較|的比較|的比较|之分析|的分析|之建構|的建构|之探索|的探索"
    "|啟示|启示|進展|进展|綜述|综述)"
    r"\s*[)）」』》]?$"
)
_EN_SUBTITLE = re.compile(r"\S\s*(?::\s|\s[-–—]+\s?|[–—]|\s-(?=[A-Za-z]))")
_EN_OPENING = re.compile(
    r"^(?:a\s+(?:case\s+)?study|an?\s+(?:analysis|investigation|exploration|examination"
    r"|evaluation|assessment|comparison|overview|review|approach)"
    r"|the\s+(?:effects?|impacts?|influences?|role|relationships?|development|construction"
    r"|formation|practice|application|use|study|analysis)"
    r"|research\s+(?:on|into)|stud(?:y|ies)\s+(?:on|of)|on\s+the|towards?|exploring"
    r"|investigating|examining|analy[sz]ing|understanding|rethinking|revisiting|how|why|what"
    r"|(?:the|an?)\s+\S+(?:\s+\S+)?\s+of)\b",
    re.IGNORECASE,
)
# Words that join the parts of an English title: a line ending in one, or a line opening
# with one in lower case, is half of a title wrapped in two (``… between Mindfulness and`` /
# ``Academic Stress``, ``… Academic Stress`` / ``among College Students``).
_JOINING = frozenset((
    "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "as", "and", "or",
    "between", "among", "within", "without", "via", "about", "over", "under", "during",
    "through", "toward", "towards", "across", "against", "beyond", "versus", "vs", "upon",
    "the", "a", "an",
))
# What a title line cut before its end ends with (a comma, a colon or a dash before the rest).
_CUT_END = tuple(",:;-–—&")


def wrapped_title(title: str, line: str) -> bool:
    """True if ``line`` reads as the rest of the English title line ``title`` wrapped in two:
    ``title`` ends with a word that joins (``and``, ``of``, ``the``), a comma, a colon or a
    dash, or ``line`` opens with a joining word in lower case (``among College Students``).
    A title never ends so, and a keyword, a name or a new field never opens so."""
    words, following = title.split(), line.split()
    if not words or not following or has_han(title) or has_han(line):
        return False
    first = following[0]
    return (
        words[-1].lower() in _JOINING
        or title.endswith(_CUT_END)
        or (first in _JOINING and first.islower() and first not in ("a", "an", "the"))
    )


def title_like(text: str) -> bool:
    """True if ``text`` (a line or one item of it) is built like a title, not a keyword."""
    text = text.strip()
    if has_han(text):
        n = count(_HAN_CHAR, text)
        if n >= LONG_HAN:
            return True
        if n < MARKED_HAN:
            return n >= OPENED_HAN and _HAN_OPENING.match(text) is not None
        if _HAN_OPENING.match(text) or _HAN_ENDING.search(text):
            return True
        return n >= JOINED_HAN and _HAN_JOINS.search(text) is not None
    words = len(text.split())
    if words >= LONG_WORDS:
        return True
    if words >= SUBTITLED_WORDS and _EN_SUBTITLE.search(text):
        return True
    return words >= OPENED_WORDS and _EN_OPENING.match(text) is not None
