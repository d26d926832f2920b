"""The romanized names of known Chinese authors, found on a Latin line by their sound.

Journal pages print the authors twice: in Chinese near the top, romanized in the English
half (``LI Ke, MA jian``; ``Wu Chuang, Sun Bo, Wang Chunlei, Li Jing``). A copied page
does not always keep the romanized line clean: the affiliation may follow the last name
with no separator left (``…,SUN HongyiTaizhou Hospital of …``), the given name may be in
lower case. Such a line is not read by its shape but by the names it must hold: piece i
of the line has to render the i-th Chinese name (:func:`termkit.pinyin.names.match_name`:
Hanyu Pinyin, Wade-Giles and the other systems, either name order). Pieces are split at
``,``, ``;``, ``、``, ``and``, or a wide gap (two spaces, a tab, an ideographic space) as a PDF's columns copy
(``WANG Jianguo  LIU Xiaoyan``; the caller takes affiliation marks such as ``1,2`` off
first), and where that gives too few, before a surname in capitals (``WANG Jianguo LIU
Xiaoyan``); a surname, a comma and the given name (``Lin, Cai-Ying``) are one. Only the
last piece may carry text after the name (the affiliation); a word glued to the name
(``HongyiTaizhou``: a lower-case letter, then a capital) is cut there. A line that does not render every name, in order, gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from termkit.model import Person
from termkit.records.script import has_han

# match_name() score from which a piece of the line is taken for the Chinese name: higher
# than the pairing's threshold, as here the line itself is only known by these names.
MATCH = 0.75
# Score from which two names printed as a pair (``羅延康`` above ``Lo, In-Hong``) are taken as
# one person: as low as the pairing's own (termkit.align.pair.NAME_THRESHOLD), since their
# place already pairs them.
PAIRED = 0.5
# A romanized name is two to four words (``Li Jing``, ``Ou Yang Xiu``, ``Kuei-Hsiu Lee``).
_MAX_WORDS = 4
_PIECES = re.compile(r"\s*(?:[,;，；、]|\s(?:and|&)\s|\t|  |\u3000)\s*")
# A name glued to the next word: ``HongyiTaizhou`` -> ``Hongyi`` | ``Taizhou``.
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# Mainland pages print the surname in capitals, which sets names apart where no separator
# does (``WANG Jianguo LIU Xiaoyan``): a space after a lower-case letter, before such a word.
_CAPITAL_SURNAME = re.compile(r"(?<=[a-z])\s+(?=[A-Z][A-Z'’-]+\b)")
_MARKS = re.compile(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡＊]+$")


def _candidates(piece: str, last: bool) -> list[str]:
    """The ways a piece may hold a name: whole, or (the last piece only) its first words."""
    words = piece.split()
    if not words:
        return []
    if not last:
        return [" ".join(_MARKS.sub("", w) for w in words)] if len(words) <= _MAX_WORDS else []
    glued = _GLUE.search(piece)
    if glued is not None:
        words = piece[: glued.start()].split()
    words = [_MARKS.sub("", w) for w in words]
    return [" ".join(words[:n]) for n in range(min(len(words), _MAX_WORDS), 0, -1)]


def romanizations(people: Sequence[Person], line: str) -> list[str] | None:
    """The romanized names of the Chinese-only ``people`` at the start of ``line``, or None.

    ``line`` must have no Han character and hold, piece by piece, as many names as there
    are people, each rendering its Chinese name (see the module docstring).
    """
    text = line.strip()
    if not people or has_han(text) or not text[:1].isalpha():
        return None
    if any(not p.zh or p.en for p in people):
        return None
    pieces = [p for p in _PIECES.split(text) if p]
    if len(pieces) < len(people):
        pieces = [q for p in pieces for q in _CAPITAL_SURNAME.split(p) if q]
    if len(pieces) < len(people):
        return None
    from termkit.pinyin.names import match_name

    names: list[str] = []
    j = 0  # the next piece
    for i, person in enumerate(people):
        assert person.zh is not None
        last = i == len(people) - 1
        best, best_score, used = None, 0.0, 1
        for option, size in _options(pieces, j, last):
            score = float(match_name(person.zh, option))
            if score > best_score or (score == best_score and best is not None and size == used):
                # Among equal scores the shorter option (tried later) wins: no trailing words.
                best, best_score, used = option, score, size
        if best is None or best_score < MATCH or not best[:1].isupper():
            return None
        names.append(best)
        j += used
    return names


def _options(pieces: list[str], j: int, last: bool) -> list[tuple[str, int]]:
    """(name, pieces used) that may start at piece ``j``: the piece, or the piece and the
    next one as a surname, a comma and the given name (``Lin, Cai-Ying``)."""
    if j >= len(pieces):
        return []
    options = [(option, 1) for option in _candidates(pieces[j], last)]
    if j + 1 < len(pieces) and len(pieces[j].split()) == 1:
        surname = _MARKS.sub("", pieces[j])
        options += [(f"{surname}, {given}", 2) for given in _candidates(pieces[j + 1], last)
                    if len(given.split()) <= 2]
    return options


def sounded(people: Sequence[Person] | None) -> bool:
    """True if the authors have romanized names and most of them (at least half) render
    the Chinese ones by sound (a name may be romanized in a way no system writes)."""
    from termkit.pinyin.names import match_name

    if not people or not all(p.zh and p.en for p in people):
        return False
    hits = sum(match_name(p.zh or "", p.en or "") >= PAIRED for p in people)
    return 2 * hits >= len(people)
