"""The score of one Chinese–English keyword candidate and the evidence behind it.

Owned by the pairing work. The main signal is a symmetric dictionary coverage: how much of
the English keyword's content words are glosses of the Chinese keyword's segments, and how
much of the Chinese keyword found an English word, combined as an F1 score, the head of each
phrase weighing double; a segment whose glosses make it a suffix (化 "-ization") is rendered
by the word derived with it, and words joined by a hyphen by a gloss that closes the compound
("multi-mode" / "multimode"). Latin tokens shared by both sides (``ResNeSt``, ``B to B``), acronyms
spelled by gloss initials (``fMRI``) and identical strings are further evidence; a number
shared by both sides is none. Phrases whose heads render each other's modifiers are
qualified (``head-mismatch``), not penalized. Choosing among candidates is
:mod:`termkit.align`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from termkit.align.keys import (
    EXACT,
    HEAD_WEIGHT,
    STRONG,
    EnKey,
    ZhKey,
    initials_of,
)
from termkit.align.translit import may_romanize, name_score, place_score
from termkit.lexicon import stem as stem_of

HEAD_ONLY_FACTOR = 0.5  # a pair that shares nothing but its head words
ACRONYM = 0.85  # an abbreviation spelled by the initials of the Chinese segments' glosses
# An acronym half or more of whose letters the segments' initials give, out of order or with
# letters missing: weak evidence, under any floor of pairing by evidence (pair.MIN_SCORE),
# for keywords left over only (acronym_letters).
ACRONYM_LETTERS = 0.25
# Qualifier of a pair whose heads render each other's modifiers: never preferred on its own.
HEAD_MISMATCH = "head-mismatch"


@dataclass(slots=True)
class Score:
    """The score of one candidate pair and what supports it.

    ``dictionary`` is the dictionary coverage alone (0 when the dictionary found nothing), so
    the kinds of evidence can tell full dictionary support from partial.
    """

    value: float
    evidence: list[str]
    dictionary: float = 0.0


def _acronym_score(acronym: str, zh: ZhKey) -> float:
    """Share of the Chinese segments whose gloss initials spell the acronym, in order."""
    letters = acronym.lower()
    n, m = len(letters), len(zh.segments)
    if n < 3 or m == 0:
        return 0.0
    # best[i][j]: (fewest skipped segments, -letters from words) spelling letters[:i] with
    # segments[:j]. Initials of single characters alone are too easy to line up (俗民誌 would
    # spell "CPS" as custom-people-sign), so at least one letter must come from a word.
    inf = (m + 1, 0)
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0, 0)
    for j in range(m):
        from_word = len(zh.segments[j]) > 1
        for i in range(n + 1):
            cur = best[i][j]
            if cur >= inf:
                continue
            best[i][j + 1] = min(best[i][j + 1], (cur[0] + 1, cur[1]))  # no letter here
            for ini in zh.supports[j].initials:
                k = i + len(ini)
                if k <= n and letters[i:k] == ini:
                    cand = (cur[0], cur[1] - (1 if from_word else 0))
                    best[k][j + 1] = min(best[k][j + 1], cand)
    skipped, words = best[n][m]
    if words == 0 or skipped > (1 if n >= 4 else 0):
        return 0.0
    return 0.85 * (m - skipped) / m


def acronym_letters(zh: ZhKey, en: EnKey) -> Score:
    """Weak evidence that the English keyword, an acronym, abbreviates the Chinese one when
    the glosses' initials do not spell it in order (a letter of a word the Chinese leaves
    out; another word order: 單位努力卸魚量, "landings per unit effort"): the share of its
    letters that distinct segments give as initials of their glosses' words, when that is
    half of them or more (two at least), times :data:`ACRONYM_LETTERS`. Not part of
    :func:`score_pair`: it is asked only among keywords left over in lists of equal length
    (see :mod:`termkit.align.pair`), so it never weighs on the order of the lists."""
    value = _acronym_letters(en.acronym, zh) if en.acronym is not None and zh.segments else 0.0
    return Score(value, [f"acronym-letters:{en.acronym}"] if value else [])


def _acronym_letters(acronym: str, zh: ZhKey) -> float:
    letters = [c for c in acronym.lower() if c.isalpha()]
    n = len(letters)
    if n < 3:
        return 0.0
    given = [{ini[0] for ini in sup.initials} for sup in zh.supports]
    owner: dict[int, int] = {}  # segment -> letter index (a maximum matching)

    def augment(k: int, seen: set[int]) -> bool:
        for j, offered in enumerate(given):
            if letters[k] in offered and j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = k
                    return True
        return False

    matched = sum(1 for k in range(n) if augment(k, set()))
    if matched < max(2, (n + 1) // 2):
        return 0.0
    return round(ACRONYM_LETTERS * matched / n, 4)


def spelled_span(letters: str, zh: ZhKey) -> tuple[int, int] | None:
    """The run of Chinese segments (start, end) whose gloss initials spell ``letters`` in
    order, every segment giving at least one letter ("is": 資訊 information, 系統 system)."""
    for start in range(len(zh.segments)):
        end = _spell_initials(letters, zh, 0, start, False)
        if end is not None:
            return start, end
    return None


def _spell_initials(letters: str, zh: ZhKey, i: int, j: int, word: bool) -> int | None:
    # End of the segments from j whose initials spell letters[i:], or None. Initials of single
    # characters alone are too easy to line up (俗民誌 would spell "CPS" as custom-people-sign):
    # at least one segment must be a word. (A module function, not a recursive closure: a
    # closure calling itself is a reference cycle, and builds run without the cycle collector.)
    if i == len(letters):
        return j if word else None
    if j >= len(zh.segments):
        return None
    for ini in zh.supports[j].initials:
        if letters.startswith(ini, i):
            end = _spell_initials(letters, zh, i + len(ini), j + 1, word or len(zh.segments[j]) > 1)
            if end is not None:
                return end
    return None


def _latin_score(zh: ZhKey, en: EnKey) -> float:
    if not zh.latin:
        return 0.0
    if not zh.segments:
        # A Latin keyword on the Chinese side: identical, or sharing most words (inflected
        # or not; the same words inflected cover each other fully, see coverage()).
        if zh.latin == en.tokens:
            return 1.0
        zh_stems = [stem_of(t) for t in zh.latin]
        en_stems = [stem_of(t) for t in en.tokens]
        shared = sum(1 for t in set(zh_stems) & set(en_stems) if not t.isdigit())
        return 0.8 * 2 * shared / (len(set(zh_stems)) + len(set(en_stems)))
    if all(t.isdigit() for t in zh.latin):
        # A shared number ("瀏覽 5743 次" / "browsed 5743 times", a year, a count) says
        # nothing about whether the words around it translate each other.
        return 0.0
    n = len(zh.latin)
    for i in range(len(en.tokens) - n + 1):
        if en.tokens[i : i + n] == zh.latin:
            return 0.9  # "企業對企業 (B to B)" / "Business to Business (B to B)"
    return 0.0


def score_pair(zh: ZhKey, en: EnKey) -> Score:
    """Score 0..1 that ``en`` renders ``zh``, with evidence strings."""
    if (not zh.latin and en.acronym is None and not en.capitals
            and zh.shares_nothing(en.stems, en.stem_prefixes) and not _prefix_derived(zh, en)
            and not may_romanize(zh.text, en.text)):
        # Nothing in common, as most candidates of a record's lists: no Latin token or
        # acronym to compare, no stem the dictionary links to a segment, no romanized word
        # to read as a name or a place. Every kind of evidence below would find nothing.
        return Score(0.0, [], 0.0)
    latin = _latin_score(zh, en)
    if latin >= 1.0:
        return Score(1.0, ["identical"])
    evidence: list[str] = []
    best = 0.0
    if zh.latin and latin > 0:
        best = latin
        evidence.append("latin:" + " ".join(zh.latin))
    # Acronyms: "fMRI" spelled by the glosses of 功能性 磁 振 影; or the Chinese keyword's
    # own Latin abbreviation expanding the English words ("(LLM)" / "Large Language Models").
    if en.acronym is not None and zh.segments:
        acr = _acronym_score(en.acronym, zh)
        if acr > best:
            best = acr
            evidence = [f"acronym:{en.acronym}"]
    for tok in zh.latin:
        if len(tok) >= 2 and en.words and initials_of(en.words) == tok and best < 0.85:
            best = 0.85
            evidence = [f"acronym:{tok}"]
    dict_value, dict_evidence = coverage(zh, en)
    if dict_value > best:
        best = dict_value
        evidence = dict_evidence + [
            e for e in evidence if e.startswith("latin:") and e not in dict_evidence
        ]
    elif dict_value > 0:
        evidence += [e for e in dict_evidence if e.startswith("dict:")]
    if best < 0.9 and zh.segments:
        # Names and places: romanized English the dictionary cannot explain.
        name = name_score(zh.text, en.text)
        if name > best:
            best, evidence = name, [f"name:{en.text}"]
        else:
            place, place_evidence = place_score(zh, en)
            if place > best:
                best, evidence = place, place_evidence
    return Score(round(min(best, 1.0), 4), evidence, round(dict_value, 4))


def coverage(zh: ZhKey, en: EnKey) -> tuple[float, list[str]]:
    """Symmetric dictionary coverage (F1 of English-word and Chinese-character coverage)."""
    if not en.words or not (zh.segments or zh.latin):
        return 0.0, []
    abbreviated = {
        wi: span
        for wi in en.capitals
        if (span := spelled_span(en.words[wi][0].lower(), zh)) is not None
    }
    if (not abbreviated and zh.shares_nothing(en.stems, en.stem_prefixes)
            and not _prefix_derived(zh, en)):
        return 0.0, []  # nothing in common: the usual case, decided without the full loop
    # Numbers are neutral on both sides: a shared one proves nothing (see _latin_score).
    latin = zh.words
    m = len(zh.segments)
    supports = zh.supports
    # The head (last Chinese segment; English head noun) says what kind of thing a term
    # names, so it weighs double on both sides: "advisory group" is a group like 輔導團.
    seg_weight = zh.seg_weight
    seg_best = [0.0] * m  # share of each segment rendered (match strength x share)
    seg_hit = [0.0] * m  # strongest match of each segment, whatever its share
    seg_word = [-1] * m
    en_total = en_weight = 0.0
    word_seg: list[int] = []
    word_best: list[float] = []
    for wi, (_printed, stem) in enumerate(en.words):
        best, where = 0.0, -1
        if stem in latin:
            best, where = EXACT, -2
        for j in range(m):
            sup = supports[j]
            s = sup.match(stem)
            if s > best:
                best, where = s, j
            if s > seg_hit[j]:
                seg_hit[j] = s
            c = sup.cover(stem) if s else 0.0
            if c > seg_best[j]:
                seg_best[j], seg_word[j] = c, wi
        span = abbreviated.get(wi)
        if span is not None and best < ACRONYM:
            # "IS" in "IS Evaluation": initials of the glosses of 資訊 系統 in 資訊系統評估.
            best, where = ACRONYM, span[0]
            for j in range(*span):
                seg_hit[j] = max(seg_hit[j], ACRONYM)
                if seg_best[j] < ACRONYM:
                    seg_best[j], seg_word[j] = ACRONYM, wi
        word_seg.append(where)
        word_best.append(best)
    if en.joined:
        _join_hyphened(zh, en, word_best, word_seg, seg_best, seg_hit, seg_word)
    if zh.suffixed:
        _cover_suffixes(zh, en, word_best, word_seg, seg_best, seg_hit, seg_word)
    if zh.prefixed:
        _cover_prefixes(zh, en, word_best, word_seg, seg_best, seg_hit, seg_word)
    for wi, (_printed, stem) in enumerate(en.words):
        w = 0 if stem.isdigit() else HEAD_WEIGHT if wi == en.head else 1
        en_total += w * word_best[wi]
        en_weight += w
    if not en_weight:
        return 0.0, []
    en_cov = en_total / en_weight
    weight = float(sum(seg_weight))
    covered = sum(seg_weight[j] * seg_best[j] for j in range(m))
    if latin:
        weight += len(latin)
        stems = {st for _, st in en.words}
        covered += sum(1 for t in latin if t in stems)
    zh_cov = covered / weight if weight else 0.0
    if en_cov <= 0 or zh_cov <= 0:
        return 0.0, []
    value = 2 * en_cov * zh_cov / (en_cov + zh_cov)
    spelled = {wi for wi in abbreviated if word_best[wi] == ACRONYM}
    evidence = [
        f"dict:{zh.segments[j]}={en.words[seg_word[j]][0]}"
        for j in range(m)
        if seg_best[j] > 0 and seg_word[j] >= 0 and seg_word[j] not in spelled
    ]
    # English words found among the Chinese keyword's own Latin words ("Liferays" for the
    # "Liferay" of a keyword without Chinese characters): evidence as much as a gloss.
    if -2 in word_seg:
        evidence += [f"latin:{en.words[wi][1]}" for wi, where in enumerate(word_seg) if where == -2]
    for wi in sorted(spelled):
        start, end = abbreviated[wi]
        evidence.append(f"acronym:{en.words[wi][0]}={''.join(zh.segments[start:end])}")
    if _crossed_heads(zh, en, word_seg, seg_hit, seg_word):
        # 輔導團 (an advisory *group*) vs "group counseling" (a kind of *counseling*): the
        # English head renders a Chinese modifier and the Chinese head an English modifier,
        # so the two phrases may name different things. But authors publish such loose
        # renderings as the counterpart too (創新服務 "Service innovation"), so this is no
        # evidence against the pair: the score stands and the qualifier keeps the pair a
        # candidate for a reviewer (see termkit.align.pair).
        evidence.append(HEAD_MISMATCH)
    elif _head_unmatched(zh, en, word_best, seg_word, word_seg):
        # "Controlled Experiment" / 資訊治理: the Chinese head renders an English modifier
        # while the English head (what the term names) finds nothing. Chinese terms often end
        # in a generic noun that translators drop (模式, 歷程), English heads are not dropped.
        value *= HEAD_ONLY_FACTOR
        evidence.append("head-unmatched")
    elif _only_heads(zh, en, word_best, seg_hit):
        # "study" / 遷移學習, "Perceived Value" / 民主價值: only the generic head word is shared
        # and the modifiers that make the term specific find nothing. Too weak on its own;
        # such a pair can still be made by elimination in a closed list.
        value *= HEAD_ONLY_FACTOR
        evidence.append("head-only")
    return value, evidence


def _join_hyphened(
    zh: ZhKey, en: EnKey, word_best: list[float], word_seg: list[int],
    seg_best: list[float], seg_hit: list[float], seg_word: list[int],
) -> None:
    """Two English words joined by a hyphen that a segment's glosses write as one word
    ("multi-mode" for a gloss "multimode") render that segment together, as strongly as the
    closed word does, when that is more than either does alone."""
    for wi, count, joined in en.joined:
        best, where = 0.0, -1
        for j, sup in enumerate(zh.supports):
            s = sup.match(joined)
            if s > best:
                best, where = s, j
        if best < STRONG or best <= max(word_best[wi : wi + count]):
            continue
        for k in range(wi, wi + count):
            word_best[k], word_seg[k] = best, where
        seg_hit[where] = max(seg_hit[where], best)
        c = zh.supports[where].cover(joined)
        if c > seg_best[where]:
            seg_best[where], seg_word[where] = c, wi


def _cover_suffixes(
    zh: ZhKey, en: EnKey, word_best: list[float], word_seg: list[int],
    seg_best: list[float], seg_hit: list[float], seg_word: list[int],
) -> None:
    """A segment that is a suffix by its glosses (性 "-ity", 化 "-ization", 者 "-er") is
    rendered by the English word that renders the segment before it and ends in that
    suffix: "ethnicity" for 族群|性, "virtualization" for 虛擬|化."""
    for j in zh.suffixed:
        if seg_hit[j] >= STRONG:
            continue
        suffixes = zh.supports[j].suffixes
        for wi, (printed, stem) in enumerate(en.words):
            best = word_best[wi]
            if best < STRONG or word_seg[wi] != j - 1:
                continue
            low = printed.lower()
            if any(
                (form.endswith(x) and len(form) - len(x) >= 3)
                for x in suffixes
                for form in (low, stem)
            ) and best > seg_best[j]:
                seg_best[j], seg_hit[j], seg_word[j] = best, max(seg_hit[j], best), wi


def _prefix_derived(zh: ZhKey, en: EnKey) -> list[tuple[int, int, str]]:
    """(English word, prefix segment, stem of the word's rest) for each English word that
    begins with an English prefix a segment's glosses cite (無 "un-", 非 "non-") followed by
    four letters or more: candidates of :func:`_cover_prefixes`; [] for most keywords."""
    if not zh.prefixed:
        return []
    out = []
    for j in zh.prefixed:
        for wi, (printed, _stem) in enumerate(en.words):
            low = printed.lower()
            for p in zh.supports[j].prefixes:
                rest = low[len(p):].lstrip("-") if low.startswith(p) else ""
                if len(rest) >= 4 and rest.isalpha():
                    out.append((wi, j, stem_of(rest)))
                    break
    return out


def _cover_prefixes(
    zh: ZhKey, en: EnKey, word_best: list[float], word_seg: list[int],
    seg_best: list[float], seg_hit: list[float], seg_word: list[int],
) -> None:
    """A segment that is a prefix by its glosses (無 "un-", 非 "non-", 超 "super-") and the
    segment after it are rendered together by the English word made of that prefix and a
    word rendering the second segment: "unsupervised" for 無|監督, "subsystem" for 子|系統
    (the rest of the word must render the second segment strongly, as a gloss or of its
    word family)."""
    for wi, j, rest in _prefix_derived(zh, en):
        nxt = zh.supports[j + 1]
        s = nxt.match(rest)
        if s < STRONG or s <= word_best[wi]:
            continue
        word_best[wi], word_seg[wi] = s, j + 1
        for k, value in ((j, s), (j + 1, nxt.cover(rest))):
            seg_hit[k] = max(seg_hit[k], s)
            if value > seg_best[k]:
                seg_best[k], seg_word[k] = value, wi


def _head_unmatched(
    zh: ZhKey, en: EnKey, word_best: list[float], seg_word: list[int], word_seg: list[int]
) -> bool:
    if en.head < 0 or zh.head < 0 or len(en.words) < 2:
        return False
    by = seg_word[zh.head]
    return (
        word_best[en.head] < STRONG
        and by >= 0
        and by != en.head
        and word_seg[by] == zh.head  # (not a word another segment renders better: 音樂 "music")
        and (zh.supports[zh.head].match(en.words[by][1]) >= STRONG)
    )


def _only_heads(zh: ZhKey, en: EnKey, word_best: list[float], seg_hit: list[float]) -> bool:
    if len(zh.segments) + len(zh.latin) < 2 and len(en.words) < 2:
        return False
    en_hits = {i for i, b in enumerate(word_best) if b >= STRONG}
    zh_hits = {j for j, b in enumerate(seg_hit) if b >= STRONG}
    return en_hits <= {en.head} and zh_hits <= {zh.head}


def _crossed_heads(
    zh: ZhKey, en: EnKey, word_seg: list[int], seg_hit: list[float], seg_word: list[int]
) -> bool:
    if en.head < 0 or zh.head < 0 or len(zh.segments) < 2 or len(en.words) < 2:
        return False
    if en.head > 0 and en.words[0][0].lower().endswith("ing"):
        # "Generating Charges" for 罪名生成: a gerund and its object may head the phrase
        # (charge generation), so the head is not known and the order proves nothing.
        return False
    head_seg = word_seg[en.head]
    if head_seg < 0 or head_seg == zh.head:
        return False
    head_stem = en.words[en.head][1]
    if zh.supports[head_seg].match(head_stem) < STRONG:
        return False
    if seg_hit[zh.head] < STRONG or seg_word[zh.head] == en.head:
        return False
    return zh.supports[zh.head].match(head_stem) < STRONG
