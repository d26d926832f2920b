"""Pairing of Chinese and English keywords, author names and titles within one record.

This module owns the decisions: which English keyword renders which Chinese keyword, how
sure each pair is (``preferred`` or ``candidate``), which authors' two names match, and the
title pair with its title-attested keyword variants. The evidence for one candidate pair is
computed in :mod:`termkit.align.score` (dictionary, Latin tokens, acronyms) and
:mod:`termkit.align.translit` (names and places as keywords), the assignment in
:mod:`termkit.align.assign` and the title spans in :mod:`termkit.align.titles`.

The rules, for the keyword lists of one record:

* every Chinese–English candidate gets an evidence score 0..1; the best one-to-one
  assignment over the candidates above a floor (higher for lists of different length, where
  some keywords have no counterpart) gives the pairs the evidence supports, the same index in
  lists of equal length breaking near-ties;
* **parallel lists.** Most records list their keywords in the same order in both languages.
  When the lists have equal length and every confident pair (an *anchor*) sits on the
  diagonal, the lists are taken as parallel: the assignment is made again with a prior for
  the diagonal, so every keyword the evidence leaves over is paired with the one at its
  index (``position``; ``elimination`` as well when it is the only one left), and weak
  evidence across the diagonal gives way to it. With one anchor or none, the presumption
  yields when the pairs the evidence makes without doubt lie more often off the diagonal
  than on it;
* **one extra keyword.** When one list is one item longer and at least two anchors all lie
  on one order-preserving alignment that leaves one item out (a sequence alignment with one
  gap), the lists are parallel along it: position fills the cells the best alignments agree
  on, and evidence pairs at the floor of equal lists (:func:`~termkit.align.structure.parallel_cells`).
  A keyword dropped from one list often leaves a single anchor; then weaker pairs the
  evidence makes without doubt (each the best of its row and column by a clear margin,
  :func:`~termkit.align.structure.unambiguous`) count with it towards the two;
* **extra keywords in one place.** When lists two or more items apart have at least two
  anchors in the same order in both lists and the items one list lacks sit together (one
  gap between consecutive anchors, or before the first, or after the last, is uneven),
  the keywords of every even gap pair by place within it (``gap``, a kind of position
  evidence), always as candidates (:func:`~termkit.align.structure.gap_cells`);
* **one keyword moved.** When the anchors of lists of equal length (or one item apart)
  leave the diagonal but setting one anchored pair aside leaves every other anchor and
  every unambiguous pair on one alignment of the rest (the first English keyword put last,
  two neighbours swapped), position fills that alignment, provided the pairs it holds by
  evidence outnumber the cells it leaves to position
  (:func:`~termkit.align.structure.moved_cells`);
* **scrambled lists.** When an anchor is off the alignment, position says nothing; only
  evidence pairs, and, when exactly one keyword is left on each side of lists of equal
  length and every other keyword paired, those two (``elimination``). When several are
  left on each side, the set left is still closed: evidence too weak to pair among all
  the keywords (at least :data:`LEFTOVER_SCORE`; for an English acronym, also the letters
  its Chinese keyword's glosses give out of order, :func:`~termkit.align.score.acronym_letters`)
  pairs there when it points one way without doubt among those left (``elimination`` with
  its partial evidence), and what is left then is looked at again; what that leaves is not
  eliminated further, as nothing but the weak pairs supports it;
* other lists of different length are not closed sets: only evidence pairs them (below
  :data:`MIN_SCORE_OPEN` too, down to :data:`MIN_SCORE`, a pair left over whose evidence is
  the best of its row and column in the whole lists without doubt and shares more than its
  heads, as ``elimination`` with that evidence); a record
  whose lists gave no pair at all pairs the one candidate its evidence points to without
  doubt, however weak, and else its first keywords (lists start together), as a candidate;
* a pair's status is ``preferred`` when its score reaches :data:`CONFIDENT`, else
  ``candidate``: a pair that only structure supports is kept for a reviewer to confirm,
  never promoted here (agreement across records may confirm it when a glossary is merged,
  see :mod:`termkit.glossary`). A pair whose heads render each other's modifiers
  (``head-mismatch``: 輔導團, a group, and "group counseling") is made on its evidence but
  stays a candidate. Its evidence kinds (:mod:`termkit.align.evidence`) travel with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from termkit.align.assign import best_assignment
from termkit.align.evidence import kinds_of
from termkit.align.keys import EnKey, ZhKey, analyse_en, analyse_zh, is_han
from termkit.align.runs import cut_joined_en, cut_run, cut_zh_runs
from termkit.align.score import HEAD_MISMATCH, Score, acronym_letters, score_pair
from termkit.align.structure import (
    Cell,
    gap_cells,
    moved_candidates,
    moved_cells,
    parallel_cells,
    unambiguous,
)
from termkit.align.titles import title_variants
from termkit.lexicon import STOP_WORDS, Lexicon, get_lexicon
from termkit.model import Kind, Notice, Pair, Pairing, Person, Record, Status

# A candidate needs this much evidence (before any position bonus) to be paired by evidence.
# Lists of equal length are usually two versions of one list, so a pair is likely to exist;
# lists of different length leave keywords without counterpart, so ask for more evidence.
MIN_SCORE = 0.3
MIN_SCORE_OPEN = 0.45
# Same index in lists of equal length: a weak prior that only breaks near-ties.
POSITION_BONUS = 0.1
# Evidence this strong makes an anchor: the pairs that decide whether lists are parallel.
ANCHOR = 0.5
# In parallel lists, the diagonal's prior: more than weak evidence across it.
PARALLEL_PRIOR = 0.3
# Among the keywords evidence and structure left over in lists of equal length, evidence
# this weak still pairs when it points one way without doubt.
LEFTOVER_SCORE = 0.1
# Evidence that only heads are shared, or that heads cross: too weak to pair open lists.
_QUALIFIED = frozenset({"head-only", "head-unmatched", HEAD_MISMATCH})
# Pairs at or above this score are preferred; below it, candidates.
CONFIDENT = 0.5
# The score of a pair only structure supports (plus a share of any partial evidence):
# always below CONFIDENT.
STRUCTURE_SCORE = 0.3
# match_name() score from which an author's two names are taken as one person.
NAME_THRESHOLD = 0.5


def pair_keywords(
    zh: Sequence[str], en: Sequence[str], lexicon: Lexicon | None = None
) -> tuple[list[Pair], list[str], list[str]]:
    """Pair Chinese with English keywords: (pairs in Chinese order, unpaired zh, unpaired en)."""
    lex = lexicon if lexicon is not None else get_lexicon()
    zh_keys = [analyse_zh(z, lex) for z in zh]
    en_keys = [analyse_en(e) for e in en]
    return _pair(zh_keys, en_keys)


def _assign(
    scores: list[list[Score]], floor: float, path: dict[int, int], prior: float, fill: bool
) -> dict[int, int]:
    """Best one-to-one assignment over the evidence at or above ``floor``; ``prior`` is added
    on the cells of ``path`` (row -> column), which with ``fill`` are candidates even
    without evidence."""
    weights = []
    for i, row in enumerate(scores):
        on = path.get(i, -1)
        weights.append([
            (s.value + (prior if j == on else 0.0))
            if s.value >= floor
            else (prior if fill and j == on else 0.0)
            for j, s in enumerate(row)
        ])
    return dict(best_assignment(weights))


def _structure_pair(score: Score, *reasons: str) -> tuple[float, tuple[str, ...]]:
    """Score and evidence of a pair structure supports, with any partial evidence it has."""
    partial = [
        e for e in score.evidence if e.startswith(("dict:", "latin:", "name:", "place:", "acronym"))
    ]
    value = min(CONFIDENT - 0.01, STRUCTURE_SCORE + 0.2 * score.value)
    return value, (*reasons, *partial)


def _order(
    scores: list[list[Score]], anchors: list[Cell], complete: bool
) -> tuple[frozenset[Cell] | None, frozenset[Cell] | None]:
    """The alignment position may fill (parallel lists, one item apart or one keyword
    moved) or the cells within even gaps between anchors; (None, None) when the lists show
    no order. The anchors decide first; where they are too few to, the pairs the evidence
    makes without doubt (:func:`~termkit.align.structure.unambiguous`) count with them,
    unless the evidence already paired every keyword of the shorter list (``complete``:
    nothing is left for position to fill)."""
    n, m = len(scores), len(scores[0])
    found = parallel_cells(scores, anchors)
    if found is not None and (len(anchors) > 1 or not _contradicted(scores, found)):
        return found, None
    between = gap_cells(n, m, anchors)
    if between:
        return None, between
    # (Either needs lists at most one item apart; one keyword moved, two anchors near the
    # diagonal: cheap tests first.)
    if complete or abs(n - m) > 1 or not anchors or (
        n == m and not moved_candidates(n, m, anchors)
    ):
        return None, None
    support = unambiguous(scores, MIN_SCORE)
    if n != m:
        found = parallel_cells(scores, anchors, support)
        if found is not None:
            return found, None
    return moved_cells(scores, anchors, support), None


def _contradicted(scores: list[list[Score]], diagonal: frozenset[Cell]) -> bool:
    """Lists of equal length with one anchor or none, taken as parallel for want of
    evidence against it, whose unambiguous weak pairs lie more often off the diagonal than
    on it (a list in another order: the presumption of parallel lists rests on nothing)."""
    clear = unambiguous(scores, MIN_SCORE)
    off = sum(1 for c in clear if c not in diagonal)
    return off > len(clear) - off


def _with_acronym_letters(
    scores: list[list[Score]], zh_keys: list[ZhKey], en_keys: list[EnKey],
    rows: list[int], cols: list[int],
) -> list[list[Score]]:
    """``scores`` with the weak evidence of acronyms' letters
    (:func:`~termkit.align.score.acronym_letters`) where the cells of ``rows`` x ``cols``
    have none."""
    acronyms = [j for j in cols if en_keys[j].acronym is not None]
    if not acronyms:
        return scores
    out = [list(row) for row in scores]
    for i in rows:
        for j in acronyms:
            if not out[i][j].value:
                out[i][j] = acronym_letters(zh_keys[i], en_keys[j])
    return out


def _leftover_pairs(
    scores: list[list[Score]], rows: list[int], cols: list[int], closed: bool
) -> list[Cell]:
    """The cells among the keywords left over (``rows`` x ``cols``) whose weak evidence
    points one way without doubt (:func:`~termkit.align.structure.unambiguous`): within
    the leftovers of lists of equal length (``closed``; at least :data:`LEFTOVER_SCORE`),
    within the whole lists otherwise (at least :data:`MIN_SCORE`, and not a pair sharing
    no more than its heads, see :mod:`termkit.align.score`), since a keyword left over in
    lists of different length may have no counterpart at all."""
    if not closed:
        left = set(rows), set(cols)
        return sorted(
            (i, j)
            for i, j in unambiguous(scores, MIN_SCORE)
            if i in left[0] and j in left[1] and not _QUALIFIED.intersection(scores[i][j].evidence)
        )
    sub = [[scores[i][j] for j in cols] for i in rows]
    return sorted((rows[a], cols[b]) for a, b in unambiguous(sub, LEFTOVER_SCORE))


def _pair(zh_keys: list[ZhKey], en_keys: list[EnKey]) -> tuple[list[Pair], list[str], list[str]]:
    n, m = len(zh_keys), len(en_keys)
    if not n or not m:
        return [], [z.text for z in zh_keys], [e.text for e in en_keys]
    same_length = n == m
    floor = MIN_SCORE if same_length else MIN_SCORE_OPEN
    scores: list[list[Score]] = [[score_pair(z, e) for e in en_keys] for z in zh_keys]
    diagonal = {k: k for k in range(n)} if same_length else {}
    chosen = _assign(scores, floor, diagonal, POSITION_BONUS, False)
    anchors = [(i, j) for i, j in chosen.items() if scores[i][j].value >= ANCHOR]
    paired = sum(1 for i, j in chosen.items() if scores[i][j].value >= floor)
    found, between = _order(scores, anchors, paired == min(n, m))
    path: frozenset[Cell] = frozenset()
    gaps: frozenset[Cell] = frozenset()
    if found is not None:
        # Parallel lists: the alignment's prior outweighs weak evidence across it, and the
        # keywords the evidence leaves over pair with their counterpart on it.
        path, floor = found, MIN_SCORE
        chosen = _assign(scores, floor, dict(path), PARALLEL_PRIOR, True)
    elif between:
        # One order, several extra items in one place: position pairs within the even gaps
        # (as candidates, ``gap``); evidence pairs as in any lists of different length.
        gaps = between
        chosen = _assign(scores, floor, dict(gaps), PARALLEL_PRIOR, True)
    made: dict[int, tuple[int, float, tuple[str, ...], float]] = {}
    structural: list[int] = []  # rows paired by structure alone
    for i, j in chosen.items():
        s = scores[i][j]
        if s.value >= floor:
            on_path = (i, j) in path
            value = min(1.0, s.value + (POSITION_BONUS if on_path else 0.0))
            evidence = (*s.evidence, "position") if on_path else tuple(s.evidence)
            if (i, j) in gaps:
                evidence = (*evidence, "gap")
            made[i] = (j, value, evidence, s.dictionary)
        else:
            structural.append(i)
            made[i] = (j, *_structure_pair(s, "gap" if (i, j) in gaps else "position"),
                       s.dictionary)
    left_zh = [i for i in range(n) if i not in made]
    used = {j for j, _, _, _ in made.values()}
    left_en = [j for j in range(m) if j not in used]
    if path and same_length and len(structural) == 1 and not left_zh and not left_en:
        # The only keyword not paired by evidence: elimination as well as position.
        (i,) = structural
        j, value, evidence, dictionary = made[i]
        made[i] = (j, value, ("elimination", *evidence), dictionary)
    elif same_length and len(left_zh) == 1 and len(left_en) == 1:
        # Scrambled lists of equal length, all paired but one on each side.
        i, j = left_zh[0], left_en[0]
        made[i] = (j, *_structure_pair(scores[i][j], "elimination"), scores[i][j].dictionary)
        left_zh, left_en = [], []
    elif left_zh and left_en and (not same_length or len(left_zh) > 1):
        # Lists of equal length with several keywords left on each side: among those left
        # only, weak evidence that points one way without doubt pairs (the set is closed
        # and small now: a partial gloss match such as one modifier in common, when no
        # other keyword left shares anything with either); what is left then is looked at
        # again, as long as that pairs more.
        left_scores = (
            _with_acronym_letters(scores, zh_keys, en_keys, left_zh, left_en)
            if same_length else scores
        )
        while left_zh and left_en:
            cells = _leftover_pairs(left_scores, left_zh, left_en, same_length)
            if not cells:
                break
            for i, j in cells:
                s = left_scores[i][j]
                made[i] = (j, *_structure_pair(s, "elimination"), s.dictionary)
            left_zh = [i for i in left_zh if i not in made]
            left_en = [j for j in left_en if all(j != k for k, _, _, _ in made.values())]
    if not made:
        # Nothing paired: the one pair the evidence points to without doubt, however weak
        # (婚姻暴力, "violence", and "domestic violence" among three English keywords);
        # else lists of different length still start together.
        clear = unambiguous(scores, MIN_SCORE)
        if clear:
            i, j = max(clear, key=lambda c: (scores[c[0]][c[1]].value, -c[0], -c[1]))
            s = scores[i][j]
            made[i] = (j, s.value, tuple(s.evidence), s.dictionary)
        else:
            i = j = 0
            made[0] = (0, *_structure_pair(scores[0][0], "position"), scores[0][0].dictionary)
        left_zh = [k for k in left_zh if k != i]
        left_en = [k for k in left_en if k != j]
    pairs = []
    for i, (j, value, evidence, dictionary) in sorted(made.items()):
        if HEAD_MISMATCH in evidence:
            value = min(value, CONFIDENT - 0.01)  # heads crossed: for a reviewer to confirm
        pairs.append(
            Pair(
                zh_keys[i].text,
                en_keys[j].text,
                round(value, 4),
                evidence,
                Kind.KEYWORD,
                Status.PREFERRED if value >= CONFIDENT else Status.CANDIDATE,
                kinds_of(evidence, dictionary),
            )
        )
    return (
        pairs,
        [zh_keys[i].text for i in left_zh],
        [en_keys[j].text for j in left_en],
    )


def pair_authors(
    persons: Sequence[Person], *, path: str | None = None, line: int | None = None
) -> tuple[list[Pair], list[Person], list[Notice]]:
    """Pair each author's Chinese and romanized names when they match (names.match_name)."""
    from termkit.pinyin.names import match_name

    pairs: list[Pair] = []
    unmatched: list[Person] = []
    notices: list[Notice] = []
    for person in persons:
        if not person.zh or not person.en:
            continue
        score = float(match_name(person.zh, person.en))
        if score >= NAME_THRESHOLD:
            pairs.append(
                Pair(
                    person.zh, person.en, round(score, 4), ("name-match",), Kind.PERSON,
                    kinds=("name",),
                )
            )
        else:
            unmatched.append(person)
            notices.append(
                Notice(
                    f"author name {person.en!r} does not match {person.zh!r}",
                    path,
                    person.line if person.line is not None else line,
                )
            )
    return pairs, unmatched, notices


def _runs_of_several(zh: ZhKey, en: EnKey) -> bool:
    """True if a Chinese keyword and an English one both repeat a word: a word of two Han
    characters or more twice in the Chinese segmentation, a content word twice in the
    English. One term does not say a word twice in both languages; a list of several
    keywords printed without separators often does (keywords of one field share words)."""
    segments = [s for s in zh.segments if len(s) >= 2 and all(is_han(c) for c in s)]
    if len(set(segments)) == len(segments):
        return False
    words = [printed.casefold() for printed, _ in en.words
             if printed.casefold() not in STOP_WORDS and len(printed) >= 3]
    return len(set(words)) < len(words)


def pair_record(record: Record, *, lexicon: Lexicon | None = None) -> Pairing:
    """Pair the keywords, authors and titles of one record."""
    lex = lexicon if lexicon is not None else get_lexicon()
    zh_keys = [analyse_zh(z, lex) for z in record.keywords_zh]
    cut = (
        cut_run(tuple(record.keywords_zh), record.keywords_en[0], lex)
        if len(record.keywords_en) == 1
        else None
    )
    if cut is not None:
        # One English item of many words beside several Chinese keywords: the English list
        # printed run together, cut where the evidence of the pairs says (align.runs).
        record = replace(record, keywords_en=list(cut))
    zh_cut = (
        cut_zh_runs(tuple(record.keywords_zh), tuple(record.keywords_en), lex)
        if cut is None and 0 < len(record.keywords_zh) < len(record.keywords_en)
        else None
    )
    if zh_cut is not None:
        # Fewer Chinese keywords than English ones, and some Chinese item renders several
        # English keywords piece by piece: Chinese keywords whose separators were lost,
        # cut where the evidence of the pairs says (align.runs).
        record = replace(record, keywords_zh=list(zh_cut))
        zh_keys = [analyse_zh(z, lex) for z in record.keywords_zh]
    joined = (
        cut_joined_en(record.keywords_zh[0], record.keywords_en[0], lex)
        if cut is None and zh_cut is None
        and len(record.keywords_zh) == 1 and len(record.keywords_en) == 1
        else None
    )
    if joined is not None:
        # One keyword each side, both lists printed without separators: the English cut
        # where a word runs into a capital, the Chinese by those pieces (align.runs).
        record = replace(record, keywords_zh=list(joined[0]), keywords_en=list(joined[1]))
        zh_keys = [analyse_zh(z, lex) for z in record.keywords_zh]
    en_keys = [analyse_en(e) for e in record.keywords_en]
    pairs, unpaired_zh, unpaired_en = _pair(zh_keys, en_keys)
    several = (cut is None and zh_cut is None and joined is None and len(pairs) == 1
               and len(zh_keys) == 1 and len(en_keys) == 1
               and _runs_of_several(zh_keys[0], en_keys[0]))
    if several:
        # One item each side that both repeat a word: most likely two lists printed run
        # together that no cut could take apart (``文化治理天水市乡村文化建设乡村振兴`` /
        # ``Cultural Governance Tianshui Rural Cultural Construction Rural Revitalization``),
        # not one term: the pair stands for a reviewer to confirm or take apart.
        pairs = [replace(pairs[0], status=Status.CANDIDATE,
                         evidence=(*pairs[0].evidence, "runs"))]
    result = Pairing(record=record, pairs=pairs, unpaired_zh=unpaired_zh, unpaired_en=unpaired_en)
    path = record.source
    if cut is not None:
        result.notices.append(Notice(
            f"English keywords printed without separators, cut by their Chinese counterparts "
            f"into {len(cut)}: {' | '.join(cut)}", path, record.lines.get("keywords"),
        ))
    if zh_cut is not None:
        result.notices.append(Notice(
            f"Chinese keywords printed without separators, cut by their English counterparts "
            f"into {len(zh_cut)}: {' | '.join(zh_cut)}", path, record.lines.get("keywords"),
        ))
    if several:
        result.notices.append(Notice(
            "One keyword each side, both saying a word twice: keyword lists printed without "
            "separators that no cut takes apart, maybe; paired whole as a candidate",
            path, record.lines.get("keywords"),
        ))
    if joined is not None:
        result.notices.append(Notice(
            f"Both keyword lists printed without separators, cut into {len(joined[0])}: "
            f"{' | '.join(joined[0])} / {' | '.join(joined[1])}", path, record.lines.get("keywords"),
        ))
    authors, unmatched, notices = pair_authors(
        record.authors, path=path, line=record.lines.get("authors")
    )
    result.authors, result.unmatched_authors = authors, unmatched
    result.notices.extend(notices)
    if record.title_zh and record.title_en:
        result.title = Pair(record.title_zh, record.title_en, 1.0, ("record",), Kind.TITLE)
    if record.title_en and pairs:
        keys = {k.text: k for k in zh_keys}
        result.variants = title_variants(record.title_en, [(keys[p.zh], p.en) for p in pairs], lex)
    return result
