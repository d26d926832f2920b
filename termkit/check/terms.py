"""The term checks: ``missing-term``, ``forbidden-term`` and ``inconsistent``.

:func:`terms` runs the term matchers once per segment (source side: leftmost-longest matches;
target side: every form present) and serves both ``missing-term`` and ``forbidden-term``; it
also returns which glossary rendering each source concept got, which :func:`inconsistent`
compares across the whole file set once every unit has been seen.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from termkit.check import findings as F
from termkit.check.findings import Finding
from termkit.check.index import TermIndex
from termkit.check.matching import Match, fold_zh, has_han
from termkit.check.segment import Segment


class Rendering(NamedTuple):
    """How one source concept was rendered in one segment (for ``inconsistent``)."""

    concept: int
    target_lang: str
    norm: str  # normal form of the rendering: the identity compared across units
    text: str  # the glossary form that matched
    rank: int
    seg: Segment
    term: str  # the source form
    source_span: tuple[int, int]
    target_span: tuple[int, int]


# A Rendering from a tuple, without the Python-level __new__ of a named tuple (hot path).
new_rendering = functools.partial(tuple.__new__, Rendering)


def _target_matches(seg: Segment, index: TermIndex) -> list[Match]:
    if seg.direction == "zh-en":
        return index.en.all(seg.target or "")
    return index.zh.all(seg.target or "")


def terms(seg: Segment, index: TermIndex) -> tuple[list[Finding], list[Finding], list[Rendering]]:
    """``missing-term`` and ``forbidden-term`` findings, and the renderings seen."""
    target = seg.target
    if not target:
        return [], [], []
    s, t = seg.source_lang.language, seg.target_lang.language
    if s == "zh" and t == "en":
        zh_side = 0
    elif s == "en" and t == "zh":
        zh_side = 1
    else:
        return [], [], []
    if target.isspace():
        return [], [], []
    if zh_side:
        spans, present = index.en.longest_spans(seg.source), index.zh.present(target)
    else:
        spans, present = index.zh.longest_spans(seg.source), index.en.present(target)
    if not spans and not present:
        return [], [], []
    missing: list[Finding] = []
    renderings: list[Rendering] = []
    seen: set[int] = set()
    target_of = index.target_of
    rendering_of = index.rendering_of
    absent = present.keys().isdisjoint
    tag = seg.target_tag
    # Several concepts may share one source form (homonyms, PO entries with contexts): the
    # translator chose one meaning, so the place is fine when any of them is rendered.
    # Leftmost-longest places do not overlap, so each comes once; a concept counts at its
    # first place only. for/else loops below: no generator per concept on this hot path.
    for start, end, keys in spans:
        rendered = False
        unrendered: list[tuple[int, tuple[int, ...]]] = []
        for key in keys:
            ci, approved, usable = target_of[key]
            if ci in seen:
                continue
            seen.add(ci)
            if not absent(approved) and (not zh_side or _as_word(approved, present, seg, index)):
                rendered = True
            elif approved:
                if zh_side and any(_split_present(rendering_of[k][0], seg) for k in approved):
                    rendered = True
                else:
                    unrendered.append((key, approved))
            for k in usable:
                if k in present:
                    renderings.append(
                        new_rendering((ci, tag, *rendering_of[k], seg, rendering_of[key][1],
                                       (start, end), present[k]))
                    )
                    break
        if rendered or not unrendered:
            continue
        for key, approved in unrendered:
            form = index.forms[key]
            expected = _expected(index, approved, seg)
            missing.append(
                seg.finding(
                    F.MISSING_TERM,
                    f"{form.text!r} is not rendered as {' / '.join(repr(e) for e in expected)}",
                    term=form.text,
                    expected=expected,
                    concept=index.concept_id(form.concept),
                    source_span=(start, end),
                )
            )
    forbidden = (
        []
        if index.deprecated.isdisjoint(present)
        else _forbidden(seg, index, _target_matches(seg, index))
    )
    return missing, forbidden, renderings


def _as_word(keys: Sequence[int], present: dict[int, tuple[int, int]], seg: Segment,
             index: TermIndex) -> bool:
    """True when one of the Chinese renderings ``keys`` occurs in the target as a word, not
    straddling two words of the target's reading.

    會計 in 開會計劃 ('hold a meeting' + 'plan' for "Accounting plan for the meeting") is the
    end of 開會 and the start of 計劃, not 'accounting'. An occurrence straddles when the
    target's CC-CEDICT segmentation (:meth:`termkit.lexicon.WordList.segment`, as ``pinyin``
    groups words: 開會|計劃) puts a word across each of its edges, reading it as a word
    costs the target a word more (開|會計|劃), and one of the two words translates a word of
    the source (開會 'meet': "meeting"). Max-match segmentation errs often, so each condition
    keeps a true rendering: 主|要图|标的 puts words across 图标, but 主要|图标|的 is no longer;
    中签|名将 is shorter than 中|签名|将, but 'win a ballot' and 'famous general' say nothing
    of "the signature will be removed" (on 148 real catalogs, the first two conditions alone
    rejected such renderings as often as they caught lost ones). A rendering inside a longer
    word (會計 in 會計師事務所) or crossed on one edge only (東協 in 東協助理, as the
    glossary lock reads it) counts."""
    spans = [present[k] for k in keys if k in present]
    target = seg.target or ""
    if any(not _crossable(target, start, end) for start, end in spans):
        return True  # most renderings: no dictionary word could cross both edges
    cache = seg.cache if seg.cache is not None else {}
    seg.cache = cache
    words: list[tuple[int, int]] | None = cache.get("word-spans")
    if words is None:
        words, pos = [], 0
        for word in _segment(seg.target or ""):
            words += [(pos, pos + len(word))] * len(word)  # the word around each character
            pos += len(word)
        cache["word-spans"] = words
    wanted = set(keys)
    for start, end in [*spans, *((m.start, m.end) for m in _zh_matches(seg, index)
                                 if m.key in wanted)]:
        left, left_end = words[start]
        right, right_end = words[end - 1]
        if not (left < start < left_end < end and start < right < end < right_end):
            return True
        forced = len(_segment(target[:start])) + 1 + len(_segment(target[end:]))
        if forced <= len(set(words)):
            return True
        if not _translates(seg.source, (target[left:left_end], target[right:right_end])):
            return True
    return False


# The longest word looked for across an edge of a rendering before segmenting (longer
# crossing words are rare, and the segmentation decides anyway).
_CROSSING = 4


def _crossable(text: str, start: int, end: int) -> bool:
    """True when dictionary words could cross both edges of ``text[start:end]``: one that
    starts before it and ends inside it, and one that starts inside it and ends after it
    (a few look-ups, before any segmentation)."""
    if start == 0 or end >= len(text) or not has_han(text[start - 1]) or not has_han(text[end]):
        return False
    from termkit.lexicon import get_word_list

    words = get_word_list()
    return (any(text[a:b] in words for b in range(start + 1, min(end, start + _CROSSING))
                for a in range(max(0, b - _CROSSING), start))
            and any(text[a:b] in words for a in range(max(start + 1, end - _CROSSING + 1), end)
                    for b in range(end + 1, min(len(text), a + _CROSSING) + 1)))


def _segment(text: str) -> list[str]:
    from termkit.lexicon import get_word_list

    return get_word_list().segment(text)


def _translates(source: str, words: tuple[str, ...]) -> bool:
    """True when a CC-CEDICT gloss of one of ``words`` shares a content word with the
    English ``source`` (stems compared, stop words left out)."""
    from termkit.lexicon import english_tokens, get_lexicon

    stems = {s for _, s in english_tokens(source)}
    lexicon = get_lexicon()
    return any(not stems.isdisjoint(lexicon.english_words(w)) for w in words)


def _zh_matches(seg: Segment, index: TermIndex) -> list[Match]:
    """Every Chinese form in the target, overlaps included (a rendering may occur twice)."""
    cache = seg.cache if seg.cache is not None else {}
    seg.cache = cache
    found: list[Match] | None = cache.get("zh-all")
    if found is None:
        found = cache["zh-all"] = index.zh.all(seg.target or "")
    return found


# A Chinese rendering may be split by words the sentence puts inside it (读取…失败 for
# "failed to read" in 读取归档 %s 失败): two parts of two characters or more, in order, at
# most this many characters apart, count as the rendering.
SPLIT_GAP = 16


def _split_present(norm: str, seg: Segment) -> bool:
    """True when the folded rendering ``norm`` occurs in the target cut in two, in order."""
    if len(norm) < 4:
        return False
    if seg.cache is None:
        seg.cache = {}
    folded = seg.cache.get("folded-target")
    if folded is None:
        folded = seg.cache["folded-target"] = fold_zh(seg.target or "")
    for cut in range(2, len(norm) - 1):
        head, tail = norm[:cut], norm[cut:]
        i = folded.find(head)
        while i >= 0:
            after = i + len(head)
            if folded.find(tail, after, after + SPLIT_GAP + len(tail)) >= 0:
                return True
            i = folded.find(head, i + 1)
    return False


def _expected(index: TermIndex, keys: Sequence[int], seg: Segment) -> tuple[str, ...]:
    """The texts of ``keys``, only those written in the target's script when there are any,
    and of those the target region's own when there are any."""
    script = seg.target_lang.script
    texts = [index.forms[k].text for k in keys]
    if script:
        mine = [k for k in keys if index.forms[k].script == script]
        region = seg.target_lang.region
        local = [k for k in mine if region and index.forms[k].region == region]
        texts = [index.forms[k].text for k in local or mine] or texts
    return tuple(dict.fromkeys(texts))


def _forbidden(seg: Segment, index: TermIndex, tmatches: list[Match]) -> list[Finding]:
    forms = index.forms
    deprecated = index.deprecated
    bad: dict[tuple[int, int], list[int]] = defaultdict(list)
    good: set[tuple[int, int]] = set()
    target = seg.target_lang
    for key, start, end in tmatches:
        if key in deprecated:
            scope = index.deprecated_in.get(key)
            if scope is not None and target.region not in scope and target.script not in scope:
                continue  # a one-way rule's source, in a variant the rule does not write
            bad[(start, end)].append(key)
        else:
            good.add((start, end))
    out: list[Finding] = []
    for (start, end), keys in sorted(bad.items()):
        if (start, end) in good:
            continue  # the same text is also an accepted form of some concept
        # Part of a longer accepted term ("power balance" inside an accepted longer name).
        if any(a <= start and end <= b for a, b in good):
            continue
        k = min(keys)
        ci = forms[k].concept
        target_is_zh = forms[k].zh
        approved = _expected(index, index.approved[ci][1 if target_is_zh else 0], seg)
        found = (seg.target or "")[start:end]
        hint = f"; use {' / '.join(repr(a) for a in approved)}" if approved else ""
        out.append(
            seg.finding(
                F.FORBIDDEN_TERM,
                f"deprecated rendering {found!r}{hint}",
                term=forms[k].text,
                found=found,
                expected=approved,
                concept=index.concept_id(ci),
                target_span=(start, end),
            )
        )
    return out


def inconsistent(renderings: list[Rendering], index: TermIndex) -> list[Finding]:
    """``inconsistent``: units whose rendering of a source concept differs from the majority.

    The majority rendering is the one most units use (ties: better glossary status, then
    alphabetical); each unit that uses another gets a finding naming both.
    """
    groups: dict[tuple[int, str], list[Rendering]] = defaultdict(list)
    for r in renderings:
        groups[(r.concept, r.target_lang)].append(r)
    out: list[Finding] = []
    for group in groups.values():
        counts = Counter(r.norm for r in group)
        if len(counts) < 2:
            continue
        best_rank: dict[str, tuple[int, str]] = {}
        for r in group:
            best_rank[r.norm] = min(best_rank.get(r.norm, (9, r.text)), (r.rank, r.text))
        major = min(counts, key=lambda n: (-counts[n], best_rank[n], n))
        major_text = best_rank[major][1]
        for r in group:
            if r.norm == major:
                continue
            found = (r.seg.target or "")[r.target_span[0] : r.target_span[1]]
            out.append(
                r.seg.finding(
                    F.INCONSISTENT,
                    f"{r.term!r} rendered as {found!r} here but as {major_text!r} "
                    f"in {counts[major]} other unit(s)",
                    term=r.term,
                    found=found,
                    expected=(major_text,),
                    concept=index.concept_id(r.concept),
                    source_span=r.source_span,
                    target_span=r.target_span,
                )
            )
    return out
