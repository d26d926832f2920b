"""English renderings compared as a translator means them: one term in another number or case.

:func:`same_rendering` says whether two English renderings are one term written differently:
every word but the last equal ignoring letter case, hyphens and spaces (``long-term`` and
``long term``, ``University Library`` and ``university library``), and the last words equal or of
one the other's dictionary form (``problems`` and ``problem``, ``university libraries`` and
``university library``; :func:`same_word`).
Different words never meet: no stemming, no edit distance, no list of exceptions.

Lemmas come from simplemma (MIT, no dependencies; its English lexicon of inflected forms),
loaded on the first call that needs one: importing it costs about 40 ms and its English data
about 0.15 s of CPU time, paid only when two renderings differ in their last word. Why
simplemma rather than inflect or inflection, measured on the English keywords of the dev
records: see the README ("One rendering, one term").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> tuple[str, ...]:
    """Case-folded words (NFKC), hyphens, apostrophes and punctuation as separators."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one case-folded English word (itself when simplemma knows none)."""
    import simplemma  # lazy: see the module docstring

    return str(simplemma.lemmatize(word, lang="en")).casefold()


def split_rendering(text: str) -> tuple[str, str]:
    """``(everything before the last word, folded, without spaces), last word)``."""
    ws = words(text)
    if not ws:
        return unicodedata.normalize("NFKC", text).casefold(), ""
    return "".join(ws[:-1]), ws[-1]


def same_rendering(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ at most by case, hyphens, spaces and the number (or
    other inflection) of their last word."""
    head_a, last_a = split_rendering(a)
    head_b, last_b = split_rendering(b)
    if head_a != head_b:
        return False
    return last_a == last_b or same_word(last_a, last_b)


def same_word(a: str, b: str) -> bool:
    """True when two case-folded words are equal or one is the other's dictionary form
    (``libraries``/``library``, ``women``/``woman``, ``criteria``/``criterion``). Two
    inflections of a third word do not meet (``developing``/``developed``)."""
    if a == b:
        return True
    if not a or not b:
        return False
    return lemma(a) == b or lemma(b) == a
