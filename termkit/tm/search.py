"""Fuzzy search and concordance over the translation memory.

This module owns the CAT-style score and the two-stage search:

1. **Prefilter.** The query is folded and cut into index tokens (:mod:`termkit.tm.fold`):
   trigrams (and, for a few characters, bigrams) of Han/Latin/digit runs for Chinese, words
   otherwise. The rarest tokens are looked up until a postings budget is spent (document
   frequencies estimated from the sampled ``token_df`` table, see :mod:`termkit.tm.index`;
   a token the sample lacks counts as rare); rows sharing the most of them, weighted by inverse
   document frequency and summed inside SQLite (contentless FTS5 tables have no BM25 rank),
   become candidates. Rows holding every indexed token of the query (an AND query) come
   first, so an exact (folded) match is found however common its tokens are. A query without
   any token (one Chinese character, or no run of two letters), or with at most two tokens
   that no row holds, is looked up by exact text in both scripts and by a length-bounded scan
   of the segments.
2. **Re-score** with rapidfuzz Levenshtein distances.

The score (0–100) is an integer: 100 only when the segment equals the query exactly; otherwise
``floor(100 * (n - d) / n)`` capped at 99, where ``d`` is the edit distance and ``n`` the longer
length. Chinese is compared character by character (never lower than its score with
punctuation and spaces left out, as English words leave them out); English word by word
(tokens), but never lower than its character score, so a one-letter typo in a short segment is not counted as a
whole wrong word. The best of the raw text and the folded form counts, which keeps the score
of a one-character edit in ``[90, 99]`` for any segment of at least 10 characters (one raw
edit costs at most 1 in ``n >= 10``), and lets a Simplified query score 99 against the same
sentence in Traditional.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from termkit.tm.fold import (
    fold,
    fold_many,
    is_chinese_tag,
    looks_chinese,
    s2t,
    t2s,
    word_tokens,
    zh_tokens,
)
from termkit.tm.index import WORD, ZH, doc_freqs
from termkit.tm.store import SLOTS, Store, StoredUnit, damaged, family

_WORD = re.compile(r"\w+", re.UNICODE)
_NON_WORD = re.compile(r"\W+", re.UNICODE)
POSTINGS_BUDGET = 20_000  # rows read from the index per query, at most
MAX_TOKENS = 16
# A query with this many distinct tokens or fewer, none of which any row holds, is looked up
# like a query without tokens (a length-bounded scan).
FEW_TOKENS = 2


@dataclass(slots=True)
class Match:
    """One search hit: the score, the matching segment, and the whole stored unit."""

    score: int
    lang: str
    text: str
    unit: StoredUnit


def _ratio(distance: int, longest: int) -> int:
    if longest == 0:
        return 100
    return (100 * (longest - distance)) // longest


@functools.cache
def _distance() -> Callable[..., int]:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance


def _char_score(a: str, b: str) -> int:
    return _ratio(_distance()(a, b), max(len(a), len(b)))


def _word_score(a: str, b: str) -> int:
    ta, tb = _WORD.findall(a), _WORD.findall(b)
    return _ratio(_distance()(ta, tb), max(len(ta), len(tb)))


def score(query: str, text: str, *, chinese: bool | None = None,
          query_folded: str | None = None, text_folded: str | None = None) -> int:
    """The CAT-style match score (0–100) of ``text`` against ``query``."""
    if query == text:
        return 100
    if chinese is None:
        chinese = looks_chinese(query)
    qf = query_folded if query_folded is not None else fold(query, chinese)
    tf = text_folded if text_folded is not None else fold(text, chinese)
    best = max(_char_score(query, text), _char_score(qf, tf))
    if not chinese:
        best = max(best, _word_score(qf, tf))
    else:
        # Punctuation is no character of the translation: a changed final mark costs a point,
        # as in English (whose words leave punctuation out), not a character of a short text.
        qw, tw = _NON_WORD.sub("", qf), _NON_WORD.sub("", tf)
        if qw and tw:
            best = max(best, _char_score(qw, tw))
    return min(best, 99)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _index_for(chinese: bool) -> str:
    return "zh_index" if chinese else "word_index"


def _doc_freqs(store: Store, index: str, tokens: Sequence[str]) -> dict[str, int]:
    return doc_freqs(store.conn, ZH if index == "zh_index" else WORD, tokens)


def _tokens(folded: str, chinese: bool, mode: str) -> list[str]:
    toks = zh_tokens(folded, mode) if chinese else word_tokens(folded)
    return sorted(set(toks))


def _exact_rows(store: Store, index: str, tokens: Sequence[str], freqs: dict[str, int],
                forms: Sequence[str], limit: int) -> list[int]:
    """Rows whose side is exactly one of ``forms`` (the query in either script).

    The rows holding every indexed token of the query are narrowed, inside SQLite, to units
    whose JSON holds one of the forms as a whole string (quotes included), so an exact match
    is found however many units share its tokens.
    """
    if not tokens:
        return []
    rare = sorted(tokens, key=lambda t: (freqs[t], t))[:8]
    quoted = [json.encoder.encode_basestring(f) for f in forms]
    where = " OR ".join("instr(u.variants, ?) > 0" for _ in quoted)
    sql = (f"SELECT f.rowid FROM {index} f JOIN unit u ON u.id = f.rowid / {SLOTS}"
           f" WHERE {index} MATCH ? AND ({where}) LIMIT ?")
    return [r[0] for r in store.conn.execute(
        sql, [" AND ".join(_quote(t) for t in rare), *quoted, limit])]


def _script_forms(text: str) -> list[str]:
    """``text`` as written, in Simplified and in Traditional (OpenCC t2s / s2t)."""
    return sorted({text, t2s(text), s2t(text)})


def _scan(store: Store, where: str, params: Sequence[object], limit: int | None) -> list[int]:
    """Row ids (unit * 64 + side) of sides passing a filter on ``unit.variants`` (JSON).

    A full scan: only for queries too short for the index.
    """
    sql = (f"SELECT u.id * {SLOTS} + CAST(j.key AS INTEGER) FROM unit u, json_each(u.variants) j"
           f" WHERE {where} ORDER BY u.id, j.key")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in store.conn.execute(sql, list(params))]


def candidates(store: Store, query: str, folded: str, chinese: bool, *, limit: int = 300,
               min_score: int = 0) -> list[int]:
    """Variant row ids worth re-scoring for a query (exact candidates first)."""
    index = _index_for(chinese)
    every = _tokens(folded, chinese, "query")
    anchored = _tokens(folded, chinese, "index")
    if not every:
        # No token (one or two characters, or no run of three letters): exact text in either
        # script; below --min 50 (or for longer token-less text) a length-bounded scan.
        return _without_tokens(store, query, folded, min_score=min_score, limit=limit)
    freqs = _doc_freqs(store, index, sorted(set(every) | set(anchored)))
    forms = _script_forms(query) if chinese else [query]
    found = _exact_rows(store, index, anchored, freqs, forms, limit)
    chosen: list[str] = []
    spent = 0
    for t in sorted(every, key=lambda t: (freqs[t], t)):
        if chosen and (spent + freqs[t] > POSTINGS_BUDGET or len(chosen) >= MAX_TOKENS):
            break
        chosen.append(t)
        spent += freqs[t]
    seen = set(found)
    out = list(found)
    if chosen:
        # Rank rows by the summed inverse document frequency of the tokens they share with
        # the query, inside SQLite (contentless FTS5 tables have no BM25 rank).
        # The weight log(1 + N / df) with a fixed N: only the order of the sums matters.
        parts = []
        params: list[object] = []
        for t in chosen:
            parts.append(f"SELECT rowid, ? AS w FROM {index} WHERE {index} MATCH ?")
            params += [math.log(1 + 1e6 / freqs[t]), _quote(t)]
        sql = (f"SELECT rowid FROM ({' UNION ALL '.join(parts)}) GROUP BY rowid"
               " ORDER BY SUM(w) DESC, rowid LIMIT ?")
        for (rowid,) in store.conn.execute(sql, [*params, limit]):
            if rowid not in seen:
                out.append(rowid)
                seen.add(rowid)
    if not out and len(set(every)) <= FEW_TOKENS:
        # A query of a few tokens that no row shares (``00 00 000`` against ``00 00 0100``:
        # one edit took the only trigrams) is looked up as a query without tokens.
        return _without_tokens(store, query, folded, min_score=min_score, limit=limit)
    return out


def _without_tokens(store: Store, query: str, folded: str, *, min_score: int,
                    limit: int) -> list[int]:
    """Rows for a query the index cannot look up: its exact text in either script, and
    (unless it is one or two characters asked for at 50 or more) rows of a length that can
    score ``min_score``."""
    forms = _script_forms(query)
    marks = ",".join("?" * len(forms))
    found = _scan(store, f"j.value ->> 1 IN ({marks})", forms, None)
    if not folded or (len(folded) <= 2 and min_score >= 50):
        return found
    low = max(min_score, 1)
    rows = _scan(store, "length(j.value ->> 1) BETWEEN ? AND ?",
                 (len(folded) * low // 100, len(folded) * 100 // low + 1), limit * 20)
    return found + [r for r in rows if r not in found]


def search(
    store: Store,
    query: str,
    *,
    lang: str | None = None,
    min_score: int = 70,
    limit: int = 10,
    pool: int = 150,
) -> list[Match]:
    """Fuzzy matches for ``query``, best first (score, then unit id); one hit per unit.

    ``lang`` restricts the matched side (default: Chinese when the query reads as Chinese —
    see :func:`~termkit.tm.fold.looks_chinese` — else every non-Chinese language).
    """
    chinese = looks_chinese(query) if lang is None else is_chinese_tag(lang)
    qf = fold(query, chinese)
    with store.guard():
        ids = candidates(store, query, qf, chinese, limit=pool, min_score=min_score)
        # a unit with no translation (a catalog's untranslated message) is no match to use
        rows = _rows(store, ids, translated=True)
    rows = [r for r in rows if _lang_ok(r[1], lang, chinese)]
    forms = fold_many([r[2] for r in rows], [chinese] * len(rows))
    best: dict[int, tuple[int, int, str, str]] = {}  # unit -> (score, -variant, lang, text)
    for (vid, vlang, text), form in zip(rows, forms, strict=True):
        s = score(query, text, chinese=chinese, query_folded=qf, text_folded=form)
        if s < min_score:
            continue
        unit = vid // SLOTS
        prev = best.get(unit)
        if prev is None or (s, -vid) > prev[:2]:
            best[unit] = (s, -vid, vlang, text)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    units = store.get_units([u for u, _ in ranked])
    return [Match(s, vlang, text, units[u]) for u, (s, _v, vlang, text) in ranked]


def _rows(store: Store, ids: Sequence[int], *, translated: bool = False
          ) -> list[tuple[int, str, str]]:
    """(row id, language, text) of index rows, in row-id order; with ``translated``, only of
    units with text in two languages or more."""
    by_unit: dict[int, list[int]] = {}
    for rowid in ids:
        by_unit.setdefault(rowid // SLOTS, []).append(rowid % SLOTS)
    out: list[tuple[int, str, str]] = []
    units = sorted(by_unit)
    for chunk in _chunks(units, 500):
        marks = ",".join("?" * len(chunk))
        for uid, sides_text in store.conn.execute(
            f"SELECT id, variants FROM unit WHERE id IN ({marks})", chunk
        ):
            try:
                sides = json.loads(sides_text)
                if not isinstance(sides, list):
                    raise TypeError("variants")
                if translated and len({str(lang) for lang, text, *_ in sides if text}) < 2:
                    continue
                for k in sorted(by_unit[uid]):
                    if k < len(sides):
                        out.append((uid * SLOTS + k, str(sides[k][0]), str(sides[k][1])))
            except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
                raise damaged(uid, f"bad variants ({type(exc).__name__})", store.path) from None
    out.sort()
    return out


def concordance(
    store: Store, term: str, *, lang: str | None = None, limit: int = 50
) -> list[Match]:
    """Units with a segment containing ``term`` (folded: any case, Chinese in either script).

    Chinese terms match anywhere in a segment; in other languages the term matches as it is
    written, punctuation included, and as whole words (``file`` is not found in ``files`` nor
    in ``input_file``; ``input_file`` not in ``input file`` nor ``--input=[file]``).
    """
    chinese = looks_chinese(term) if lang is None else is_chinese_tag(lang)
    tf = fold(term, chinese)
    if not tf:
        return []
    index = _index_for(chinese)
    hits: list[tuple[int, str, str]] = []
    seen: set[int] = set()
    with store.guard():
        tokens = _tokens(tf, chinese, "anchored")
        if tokens:
            freqs = _doc_freqs(store, index, tokens)
            rare = sorted(tokens, key=lambda t: (freqs[t], t))[:6]
            rowids: Iterable[tuple[int]] = store.conn.execute(
                f"SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid",
                (" AND ".join(_quote(t) for t in rare),))
        else:
            rowids = _scan_forms(store, term)
        needle = tf if chinese else _whole_words(tf)
        batch: list[int] = []
        for (rowid,) in rowids:
            if rowid // SLOTS in seen:
                continue
            batch.append(rowid)
            if len(batch) < 200:
                continue
            _confirm(store, batch, needle, chinese, lang, hits, seen, limit)
            batch = []
            if len(hits) >= limit:
                break
        if batch and len(hits) < limit:
            _confirm(store, batch, needle, chinese, lang, hits, seen, limit)
    units = store.get_units([h[0] for h in hits])
    return [Match(100, vlang, text, units[u]) for u, vlang, text in hits]


def _scan_forms(store: Store, term: str) -> Iterable[tuple[int]]:
    """Rows whose text contains ``term`` in either script (terms too short for the index)."""
    forms = _script_forms(term)
    where = " OR ".join("instr(j.value ->> 1, ?) > 0" for _ in forms)
    if any(c in term for c in '"\\') or any(ord(c) < 32 for c in term):
        return [(r,) for r in _scan(store, where, forms, None)]
    # Prefilter on the whole JSON text of the unit (cheap), then on each side.
    pre = " OR ".join("instr(u.variants, ?) > 0" for _ in forms)
    return [(r,) for r in _scan(store, f"({pre}) AND ({where})", forms + forms, None)]


def _whole_words(folded: str) -> re.Pattern[str]:
    """The folded term as it must occur: its text as it is, punctuation included, not inside
    a longer word (a word: letters, digits and underscores, so ``input_file`` is one)."""
    head = r"(?<!\w)" if re.match(r"\w", folded) else ""
    tail = r"(?!\w)" if re.search(r"\w$", folded) else ""
    return re.compile(head + re.escape(folded) + tail)


def _confirm(store: Store, rowids: list[int], needle: str | re.Pattern[str], chinese: bool,
             lang: str | None, hits: list[tuple[int, str, str]], seen: set[int],
             limit: int) -> None:
    rows = [r for r in _rows(store, rowids) if _lang_ok(r[1], lang, chinese)]
    forms = fold_many([r[2] for r in rows], [chinese] * len(rows))
    for (vid, vlang, text), form in zip(rows, forms, strict=True):
        unit = vid // SLOTS
        if unit in seen or len(hits) >= limit:
            continue
        if needle in form if isinstance(needle, str) else needle.search(form):
            seen.add(unit)
            hits.append((unit, vlang, text))


def _lang_ok(vlang: str, want: str | None, chinese: bool) -> bool:
    if want is not None:
        return family(vlang) == family(want)
    return is_chinese_tag(vlang) == chinese


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
