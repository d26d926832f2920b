"""Keywords printed run together, cut by their counterparts in the other list.

Owned by the pairing work. Some pages print both keyword lists on one line with nothing
between the English keywords (``关键词 新界 六堆 殖民地 New Territories Liudui colony``): the
Chinese ones are set apart by spaces, the English ones are not, and capitals do not tell
where one ends (``colony``, ``construction of identity``). The record readers keep such a
run as one English item (:mod:`termkit.records.keywords`); here it is cut into one group of
words per Chinese keyword, in order (the two lists of one line are parallel), where the
evidence for the pairs (:func:`~termkit.align.score.score_pair`) is highest in total. The
cut is kept only when the evidence supports nearly every group (:func:`tolerated`; most
of them when the run has a word per keyword, which can be cut one way only) and no
run of words across a cut renders a group's Chinese keyword well and better than the group
(a cut through words that render it together), so a single long English keyword beside a
few Chinese ones is left whole.

The other way round (:func:`cut_zh_runs`): a PDF conversion may lose the spaces between
Chinese keywords (``感应电机三电平逆变器 模型参考自适应磁链观测直接转矩控制`` for five keywords,
their five English counterparts set apart by commas). When the Chinese list has fewer items
than the English one, the Chinese items are cut, in order, into as many pieces as there are
English keywords, one piece per English keyword of the same place, where the evidence is
highest in total. Only items of Han characters alone are cut, between the words of their
segmentation, and the cut is kept only when every piece of a cut item renders its English
keyword (:data:`SUPPORTED`) and no piece is a single character, so a Chinese keyword that
stands for two English ones it does not render piece by piece is left whole. When the
Chinese list is one run and no in-order cut holds, the pieces may pair in any order
(:func:`_cut_unordered`: a list printed as links, its English counterpart alphabetical), and
when both lists are one run the English is cut where a word runs into a capital first
(:func:`cut_joined_en`). No piece starts with a one-character suffix or ends with a prefix
(:func:`_cut_points`).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable

from termkit.align.assign import best_assignment
from termkit.align.keys import STRONG, EnKey, ZhKey, analyse_en, analyse_zh, is_han
from termkit.align.score import score_pair
from termkit.align.structure import TIE
from termkit.lexicon import STOP_WORDS, Lexicon, stem

# A group of words is one keyword: it does not end in a function word, nor start with one
# that joins it to a word before (a preposition, a conjunction); an article may start it.
_OPENERS = frozenset({"the", "a", "an"})
# The longest keyword a group may be, in words.
MAX_WORDS = 8
# Evidence a group needs to count as supported.
SUPPORTED = 0.3
# The weight a cut gives a group whose rendered words stand at the wrong end (_out_of_order).
OUT_OF_ORDER = 0.5


def tolerated(n: int) -> int:
    """Groups of ``n`` that may go without evidence: none of two or three, one of four to
    six, two of seven or more (a Chinese keyword may have no English counterpart)."""
    return (n - 1) // 3


def _may_start(word: str) -> bool:
    low = word.lower()
    return low not in STOP_WORDS or low in _OPENERS or word.isupper()


def _may_end(word: str) -> bool:
    return word.lower() not in STOP_WORDS or word.isupper()


@functools.lru_cache(maxsize=4096)
def cut_run(zh: tuple[str, ...], run: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """:func:`split_run` of Chinese keywords given as text (cached: records repeat)."""
    if len(zh) < 2 or len(run.split()) < len(zh):
        return None
    cut = split_run([analyse_zh(z, lexicon) for z in zh], run)
    return None if cut is None else tuple(cut)


def split_run(zh: list[ZhKey], run: str) -> list[str] | None:
    """The English ``run`` cut into one keyword per Chinese keyword of ``zh`` (in order),
    or None when it cannot be, or the evidence does not support the cut."""
    words = run.split()
    n, w = len(zh), len(words)
    if n < 2 or w < n:
        return None
    scores: dict[tuple[int, int, int], float] = {}

    ordered: dict[tuple[int, int, int], float] = {}

    def score(i: int, start: int, end: int) -> float:
        key = (i, start, end)
        found = scores.get(key)
        if found is None:
            group = analyse_en(" ".join(words[start:end]))
            result = score_pair(zh[i], group)
            found = scores[key] = result.value
            ordered[key] = found * (OUT_OF_ORDER if _out_of_order(zh[i], group, result.evidence)
                                    else 1.0)
        return found

    def in_order(i: int, start: int, end: int) -> float:
        """The evidence of a group as the cut weighs it (see :func:`_out_of_order`)."""
        score(i, start, end)
        return ordered[(i, start, end)]

    # best[i][e]: (total evidence, cut) of the first i Chinese keywords over words[:e].
    none = (-1.0, ())
    best: list[list[tuple[float, tuple[int, ...]]]] = [[none] * (w + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, ())
    for i in range(n):
        for start in range(w):
            total, cut = best[i][start]
            if total < 0 or not _may_start(words[start]):
                continue
            for end in range(start + 1, min(w, start + MAX_WORDS) + 1):
                if not _may_end(words[end - 1]) or (i == n - 1 and end != w):
                    continue
                value = total + in_order(i, start, end)
                if value > best[i + 1][end][0]:
                    best[i + 1][end] = (value, (*cut, end))
    total, cut = best[n][w]
    if total < 0:
        return None
    bounds = (0, *cut)
    groups = list(itertools.pairwise(bounds))
    unsupported = 0
    for i, (a, b) in enumerate(groups):
        value = score(i, a, b)
        if value < SUPPORTED:
            unsupported += 1
        elif (across := _best_across(i, a, b, w, score)) >= STRONG and value < across - TIE:
            # Words that render this keyword well together lie across a cut: "machine |
            # learning and deep learning" is no cut of one keyword "machine learning and
            # deep learning".
            return None
    # As many words as keywords can be cut one way only, a word each: the evidence need
    # only confirm most of the groups (``IoT Blockchain SmartContract``, two of three).
    allowed = tolerated(n) if w > n else max(tolerated(n), (n - 1) // 2)
    if unsupported > allowed:
        return None
    return [" ".join(words[a:b]) for a, b in groups]


def _out_of_order(zh: ZhKey, en: EnKey, evidence: list[str]) -> bool:
    """True if the words of ``en`` that render ``zh`` stand at the other end of the group
    from the segments they render: the group opens with words that render nothing while
    the keyword opens with a rendered segment, or it closes so while the keyword closes
    with one. A compound keeps its order in both languages (性別 不安, "gender dysphoria"),
    so a cut that moves a neighbour's unrendered word to the wrong end of a group
    (``dysphoria gender``) is weighed down: a word the dictionary cannot explain otherwise
    draws the cuts to wherever the rendered words make heads. Groups with a function word
    (``quality of life``) may reverse the order and are not judged."""
    if len(en.words) < 2 or len(zh.segments) < 2 or any(
            printed.lower() in STOP_WORDS for printed, _ in en.words):
        return False
    pairs = [e[5:].split("=", 1) for e in evidence if e.startswith("dict:") and "=" in e]
    rendered_segments = {seg for seg, _ in pairs}
    rendering_words = {word for _, word in pairs}
    hits = [printed in rendering_words for printed, _ in en.words]
    if not any(hits):
        return False
    first, last = zh.segments[0] in rendered_segments, zh.segments[-1] in rendered_segments
    return (first and not hits[0]) or (last and not hits[-1])


def _best_across(i: int, a: int, b: int, w: int, score: Callable[[int, int, int], float]) -> float:
    """The best evidence for Chinese keyword ``i`` of a run of up to :data:`MAX_WORDS` of the
    ``w`` words that holds words of its group ``a``..``b`` and words beyond it (0 if none)."""
    return max(
        (
            score(i, start, end)
            for start in range(max(0, a - MAX_WORDS + 1), b)
            for end in range(max(start, a) + 1, min(w, start + MAX_WORDS) + 1)
            if start < a or end > b
        ),
        default=0.0,
    )


# The shortest piece a Chinese keyword run is cut into, in characters.
_MIN_PIECE = 2


def _segment_bounds(text: str, lexicon: Lexicon) -> list[int]:
    """The offsets in ``text`` where its segmentation puts a word boundary: a run is cut
    between words only (``感应电机 | 三电平…``, never ``感应电 | 机三电平…``, whose shorter
    first piece the evidence would favour, its unrendered character left out)."""
    bounds: set[int] = set()
    pos = 0
    for segment in analyse_zh(text, lexicon).segments:
        at = text.find(segment, pos)
        if at < 0:
            break
        bounds.update((at, at + len(segment)))
        pos = at + len(segment)
    return sorted(bounds)


def _affix(char: str, kind: str, lexicon: Lexicon) -> bool:
    """True when a CC-CEDICT gloss of the one character ``char`` calls it a ``kind``
    ("suffix" or "prefix": 性 'suffix forming noun from adjective, -ness or -ity')."""
    return any(kind in gloss for e in lexicon.lookup(char) for gloss in e.glosses)


def _cut_points(text: str, lexicon: Lexicon) -> list[int]:
    """:func:`_segment_bounds` less the places that would cut a one-character affix from
    its word: before a suffix (學習自主性 is never cut ``學習自主 | 性…``), after a prefix."""
    bounds = _segment_bounds(text, lexicon)
    single = {a for a, b in itertools.pairwise(bounds) if b - a == 1}
    return [p for p in bounds
            if not (p in single and _affix(text[p], "suffix", lexicon))
            and not (p - 1 in single and _affix(text[p - 1], "prefix", lexicon))]


# Han characters, each run maybe closed by an acronym or English gloss in brackets.
_GLOSSED_RUN = re.compile(r"(?:[\u3400-\u9fff]+(?:[(（][A-Za-z0-9][A-Za-z0-9 .&/-]*[)）])?)+")
_GLOSS = re.compile(r"[(（][A-Za-z0-9][A-Za-z0-9 .&/-]*[)）]")


def _glossed_cut_points(text: str, lexicon: Lexicon) -> list[int] | None:
    """Where a run of Chinese keywords with bracketed acronyms may be cut: between the
    words of each Han run's segmentation (as :func:`_cut_points`), and right after a
    bracket that a Han character follows (a keyword ends with its acronym, ``…(EGM)|品質…``),
    never before one (the acronym is its keyword's); None when ``text`` holds anything but
    Han characters and such brackets."""
    if _GLOSSED_RUN.fullmatch(text) is None:
        return None
    points: set[int] = set()
    at = 0
    for gloss in [*_GLOSS.finditer(text), None]:
        end = gloss.start() if gloss is not None else len(text)
        run = text[at:end]
        points.update(at + p for p in _cut_points(run, lexicon)
                      if _MIN_PIECE <= p <= len(run) - _MIN_PIECE)
        if gloss is not None and gloss.end() < len(text) and is_han(text[gloss.end()]):
            points.add(gloss.end())
        at = gloss.end() if gloss is not None else len(text)
    return sorted(p for p in points if _MIN_PIECE <= p <= len(text) - _MIN_PIECE)


@functools.lru_cache(maxsize=1024)
def cut_zh_runs(
    zh: tuple[str, ...], en: tuple[str, ...], lexicon: Lexicon
) -> tuple[str, ...] | None:
    """The Chinese keywords ``zh`` cut into one piece per English keyword of ``en`` (in
    order), or None when there are not fewer Chinese keywords than English ones, or the
    evidence does not support a cut (see the module docstring)."""
    n, m = len(zh), len(en)
    if n == 0 or m <= n or m - n > n * 4:
        return None
    en_keys = [analyse_en(e) for e in en]

    def piece_score(text: str, j: int) -> float:
        return score_pair(analyse_zh(text, lexicon), en_keys[j]).value

    # cuts[i][(j, k)]: (total, pieces) of Chinese keyword i cut into k pieces for en[j:j+k],
    # every piece supported; k == 1 is the keyword whole, scored as it is.
    def best_cut(i: int, j: int, k: int) -> tuple[float, tuple[str, ...]] | None:
        text = zh[i]
        if k == 1:
            return piece_score(text, j), (text,)
        if all(is_han(c) for c in text):
            points = [p for p in _cut_points(text, lexicon)
                      if _MIN_PIECE <= p <= len(text) - _MIN_PIECE
                      and is_han(text[p - 1]) and is_han(text[p])]
        else:
            # Only a run of Han characters is cut, or one whose keywords carry their
            # acronyms in brackets (``視覺觸覺評價構造法(EGM)品質機能展開(QFD)``): lost spaces
            # leave nothing else between keywords, and an item with other punctuation or
            # Latin in it was printed as one (``档案利用:档案资源开发``), or its separator is
            # the reader's to know.
            found = _glossed_cut_points(text, lexicon)
            if found is None:
                return None
            points = found
        # f[t][p]: the best (total, pieces) of text[:p] cut into t supported pieces.
        f: list[dict[int, tuple[float, tuple[str, ...]]]] = [{0: (0.0, ())}]
        for t in range(k):
            ends = [*points, len(text)] if t == k - 1 else points
            layer: dict[int, tuple[float, tuple[str, ...]]] = {}
            for start, (total, pieces) in f[t].items():
                for end in ends:
                    if end - start < _MIN_PIECE or (t == k - 1 and end != len(text)):
                        continue
                    piece = text[start:end]
                    value = piece_score(piece, j + t)
                    if value < SUPPORTED:
                        continue
                    if end not in layer or total + value > layer[end][0]:
                        layer[end] = (total + value, (*pieces, piece))
            f.append(layer)
        return f[k].get(len(text))

    # best[i][j]: (total, pieces) of the first i Chinese keywords over en[:j].
    best: list[dict[int, tuple[float, tuple[str, ...], bool]]] = [{0: (0.0, (), False)}]
    for i in range(n):
        layer: dict[int, tuple[float, tuple[str, ...], bool]] = {}
        for j, (total, pieces, cut) in best[i].items():
            for k in range(1, m - j - (n - i - 1) + 1):
                found = best_cut(i, j, k)
                if found is None:
                    continue
                value, parts = found
                end = j + k
                if end not in layer or total + value > layer[end][0]:
                    layer[end] = (total + value, (*pieces, *parts), cut or k > 1)
        best.append(layer)
    result = best[n].get(m)
    if (result is None or not result[2]) and n == 1:
        return _cut_unordered(zh[0], tuple(en), lexicon)
    if result is None or not result[2]:
        return None
    return result[1]


# The most ways of cutting one run that :func:`_cut_unordered` weighs.
MAX_CUTS = 2_000


@functools.lru_cache(maxsize=1024)
def _cut_unordered(text: str, en: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...] | None:
    """The only Chinese keyword ``text`` cut into one piece per English keyword of ``en``,
    paired in any order; None when no cut is supported without doubt.

    A keyword list printed as links loses its separators in a copy
    (``中學輔導教師專業職能學校輔導計畫`` beside three English keywords), and the English list
    of such a page is often in another order (alphabetical, or as the author wrote it):
    the in-order cut of :func:`cut_zh_runs` then finds no support. Here every cut between
    the words of the run's segmentation is weighed by the best one-to-one assignment of its
    pieces to the English keywords (:func:`~termkit.align.assign.best_assignment` over the
    evidence at or above :data:`SUPPORTED`); the best cut is kept when all its pieces but
    :func:`tolerated` are supported, and no other cut comes within :data:`TIE` of its total
    (two ways of cutting that the evidence cannot tell apart leave the run whole).
    """
    m = len(en)
    if m < 2 or len(text) < _MIN_PIECE * m or not all(is_han(c) for c in text):
        return None
    points = [p for p in _cut_points(text, lexicon) if _MIN_PIECE <= p <= len(text) - _MIN_PIECE]
    if len(points) < m - 1 or math.comb(len(points), m - 1) > MAX_CUTS:
        return None
    en_keys = [analyse_en(e) for e in en]

    @functools.cache
    def weight(start: int, end: int, j: int) -> float:
        value = score_pair(analyse_zh(text[start:end], lexicon), en_keys[j]).value
        return value if value >= SUPPORTED else 0.0

    ranked: list[tuple[float, tuple[int, ...]]] = []
    for cut in itertools.combinations(points, m - 1):
        bounds = (0, *cut, len(text))
        if any(b - a < _MIN_PIECE for a, b in itertools.pairwise(bounds)):
            continue
        rows = [[weight(a, b, j) for j in range(m)] for a, b in itertools.pairwise(bounds)]
        cells = best_assignment(rows)
        if len(cells) < m - tolerated(m):
            continue
        ranked.append((sum(rows[i][j] for i, j in cells), bounds))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TIE:
        return None
    bounds = ranked[0][1]
    return tuple(text[a:b] for a, b in itertools.pairwise(bounds))


# A lower-case letter, two or more, then a capital opening a word: where two English
# keywords printed as links meet with nothing between them (``DisabilityComorbidity``).
_JOINED = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


# A run of lower-case letters long enough to be two words glued (``documentsrecords``).
_LOWER_RUN = re.compile(r"[a-z]{7,}")
_MIN_GLUED_WORD = 3


def _glued_lower(en: str, lexicon: Lexicon) -> list[int]:
    """The offsets in ``en`` where two lower-case words run into each other: a run of
    letters that is no word of the dictionary's English glosses but is two of them, one way
    only (``documents|records``, ``ward|long-term``, ``dependent|care``). Keywords printed
    as links in lower case lose the space between them so, and no capital marks the place."""
    vocabulary = lexicon.gloss_vocabulary
    points: list[int] = []
    for m in _LOWER_RUN.finditer(en):
        word = m.group()
        if stem(word) in vocabulary:
            continue
        found = [i for i in range(_MIN_GLUED_WORD, len(word) - _MIN_GLUED_WORD + 1)
                 if stem(word[:i]) in vocabulary and stem(word[i:]) in vocabulary]
        if len(found) == 1:
            points.append(m.start() + found[0])
    return points


def _joined_parts(en: str, lexicon: Lexicon) -> tuple[str, ...]:
    """``en`` cut where a word runs into a capital (:data:`_JOINED`) or into another
    lower-case word (:func:`_glued_lower`)."""
    bounds = sorted({m.start() for m in _JOINED.finditer(en)} | set(_glued_lower(en, lexicon)))
    pieces = [en[a:b] for a, b in itertools.pairwise((0, *bounds, len(en)))]
    return tuple(p.strip() for p in pieces if p.strip())


def cut_joined_en(zh: str, en: str, lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """One Chinese and one English keyword that are both lists printed without separators
    (``社區失能者合併罹病症居家醫療`` / ``DisabilityComorbidityHome Medical Care``): the English
    cut where a word runs into a capital or into another word in lower case
    (``respiratory care wardlong-term …``), the Chinese cut by those pieces
    (:func:`cut_zh_runs`); None when the English has no such place or the Chinese cut is
    not supported (``JavaScript`` beside one Chinese keyword stays whole)."""
    parts = _joined_parts(en, lexicon)
    if len(parts) < 2:
        return None
    cut = cut_zh_runs((zh,), parts, lexicon) or _cut_in_order(zh, parts, lexicon)
    return None if cut is None else (cut, parts)


@functools.lru_cache(maxsize=1024)
def _cut_in_order(text: str, en: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...] | None:
    """The Chinese run ``text`` cut in order into one piece per English keyword of ``en``
    when the English list's own places are certain (its words ran into each other: see
    :func:`cut_joined_en`), so a piece the dictionary cannot render takes its place
    between pieces that are rendered (``膝關節炎`` between the start and ``葡萄糖胺`` beside
    ``Knee osteoarthritis``): all pieces but :func:`tolerated` supported, at least two
    Han characters each, cut between the words of the run's segmentation; None when no
    such cut is found, or two come within :data:`TIE` of each other."""
    m = len(en)
    if m < 2 or len(text) < _MIN_PIECE * m or not all(is_han(c) for c in text):
        return None
    allowed = tolerated(m)
    points = [p for p in _cut_points(text, lexicon) if _MIN_PIECE <= p <= len(text) - _MIN_PIECE]
    ends = [*points, len(text)]
    en_keys = [analyse_en(e) for e in en]

    @functools.cache
    def weight(start: int, end: int, j: int) -> float:
        return score_pair(analyse_zh(text[start:end], lexicon), en_keys[j]).value

    # layer[(end, unsupported)]: the best and second-best totals of text[:end] cut into t
    # pieces, with the bounds of the best.
    Best = tuple[float, float, tuple[int, ...]]
    layer: dict[tuple[int, int], Best] = {(0, 0): (0.0, -math.inf, ())}
    for t in range(m):
        last = t == m - 1
        nxt: dict[tuple[int, int], Best] = {}
        for (start, missing), (total, second, bounds) in layer.items():
            for end in ends:
                if end - start < _MIN_PIECE or (last and end != len(text)):
                    continue
                if not last and end == len(text):
                    continue
                value = weight(start, end, t)
                lack = missing + (value < SUPPORTED)
                if lack > allowed:
                    continue
                key = (end, lack)
                found = (total + value, second + value, (*bounds, end))
                old = nxt.get(key)
                if old is None:
                    nxt[key] = found
                elif found[0] > old[0]:
                    nxt[key] = (found[0], max(old[0], found[1]), found[2])
                else:
                    nxt[key] = (old[0], max(old[1], found[0]), old[2])
        layer = nxt
    finals = sorted((v for (end, _), v in layer.items() if end == len(text)), reverse=True)
    if not finals:
        return None
    total, second, bounds = finals[0]
    runner_up = max(second, finals[1][0] if len(finals) > 1 else -math.inf)
    if total - runner_up < TIE:
        return None
    return tuple(text[a:b] for a, b in itertools.pairwise((0, *bounds)))
