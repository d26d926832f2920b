"""Pairing of Chinese and English keywords, author names and titles within one record.

This module owns the decisions: which English keyword renders which Chinese keyword
(a best one-to-one assignment over dictionary, Latin-token and acronym evidence, with the
position in the lists as a weak prior), which authors' two names match, and the title pair
with its title-attested keyword variants. The evidence itself is computed in
:mod:`termkit.align.score`, the assignment in :mod:`termkit.align.assign` and the title
spans in :mod:`termkit.align.titles`.

Precision comes first: a keyword nothing supports stays unpaired rather than being forced
onto a leftover, because a wrong pair poisons the glossary built from it. The rules:

* every Chinese–English candidate gets a score 0..1 (:func:`termkit.align.score.score_pair`);
  candidates below a floor are never paired (higher for lists of different length, where
  some keywords have no counterpart at all);
* the best one-to-one assignment maximizes the total score, the same index in lists of
  equal length adding a small bonus (the lists are usually parallel);
* in lists of equal length, when every other keyword paired confidently, the one left on
  each side at the same index is paired by elimination with a low score (``"elimination"``);
  never when the lengths differ or the leftovers sit at different positions (then the lists
  are not parallel and elimination pairs wrongly, as scrambled dev records show).
"""

from __future__ import annotations

from collections.abc import Sequence

from termkit.align.assign import best_assignment
from termkit.align.keys import EnKey, ZhKey, analyse_en, analyse_zh
from termkit.align.score import Score, score_pair
from termkit.align.titles import title_variants
from termkit.lexicon import Lexicon, get_lexicon
from termkit.model import Kind, Notice, Pair, Pairing, Person, Record

# A candidate needs this much evidence (before the position bonus) to be paired at all.
# Lists of equal length are usually two versions of one list, so a pair is likely to exist;
# lists of different length leave keywords without counterpart, so ask for more evidence.
MIN_SCORE = 0.3
MIN_SCORE_OPEN = 0.45
# Same index in lists of equal length: a weak prior that only breaks near-ties.
POSITION_BONUS = 0.1
# Pairing the last keyword on each side by elimination needs every other pair this sure.
CONFIDENT = 0.4
ELIMINATION_SCORE = 0.4
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


def _pair(zh_keys: list[ZhKey], en_keys: list[EnKey]) -> tuple[list[Pair], list[str], list[str]]:
    same_length = len(zh_keys) == len(en_keys)
    floor = MIN_SCORE if same_length else MIN_SCORE_OPEN
    scores: list[list[Score]] = [[score_pair(z, e) for e in en_keys] for z in zh_keys]
    weights = [
        [
            (s.value + (POSITION_BONUS if same_length and i == j else 0.0))
            if s.value >= floor
            else 0.0
            for j, s in enumerate(row)
        ]
        for i, row in enumerate(scores)
    ]
    chosen: dict[int, tuple[int, float, tuple[str, ...]]] = {}
    for i, j in best_assignment(weights) if zh_keys and en_keys else []:
        evidence = list(scores[i][j].evidence)
        if same_length and i == j:
            evidence.append("position")
        chosen[i] = (j, min(1.0, weights[i][j]), tuple(evidence))
    left_zh = [i for i in range(len(zh_keys)) if i not in chosen]
    used = {j for j, _, _ in chosen.values()}
    left_en = [j for j in range(len(en_keys)) if j not in used]
    # Elimination: with lists of equal length, when every other keyword paired confidently,
    # the one left on each side, at the same position, is taken as a pair (lower score).
    # Lists of different length are not closed sets, so nothing is paired that way there.
    if (
        same_length
        and len(left_zh) == 1
        and len(left_en) == 1
        and left_zh[0] == left_en[0]
        and all(score >= CONFIDENT for _, score, _ in chosen.values())
    ):
        i = j = left_zh[0]
        partial = [e for e in scores[i][j].evidence if e.startswith(("dict:", "latin:"))]
        value = min(1.0, ELIMINATION_SCORE + 0.2 * scores[i][j].value)
        chosen[i] = (j, value, ("elimination", "position", *partial))
        left_zh, left_en = [], []
    pairs = [
        Pair(zh_keys[i].text, en_keys[j].text, round(score, 4), evidence, Kind.KEYWORD)
        for i, (j, score, evidence) in sorted(chosen.items())
    ]
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
            pairs.append(Pair(person.zh, person.en, round(score, 4), ("name-match",), Kind.PERSON))
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


def pair_record(record: Record, *, lexicon: Lexicon | None = None) -> Pairing:
    """Pair the keywords, authors and titles of one record."""
    lex = lexicon if lexicon is not None else get_lexicon()
    zh_keys = [analyse_zh(z, lex) for z in record.keywords_zh]
    en_keys = [analyse_en(e) for e in record.keywords_en]
    pairs, unpaired_zh, unpaired_en = _pair(zh_keys, en_keys)
    result = Pairing(record=record, pairs=pairs, unpaired_zh=unpaired_zh, unpaired_en=unpaired_en)
    path = record.source
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
