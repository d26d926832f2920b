"""Keywords analysed for pairing: Chinese segments with the English words that attest them,
English content words, head words, Latin tokens and acronyms.

Owned by the pairing work. A Chinese keyword is segmented with CC-CEDICT (both scripts); each
segment gets a :class:`Support`, the English stems its glosses attest and how strongly (its own
short glosses; glosses of dictionary words inside it; glosses of its characters; long
explanatory glosses only weakly). An English keyword becomes its content-word stems, its head
noun, and its acronym or parenthesised abbreviation. Results are cached per keyword and per
segment, since keywords repeat across the records of a build.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from termkit.align.spelling import spelling_variants
from termkit.lexicon import (
    STOP_WORDS,
    Lexicon,
    english_tokens,
    gloss_phrases,
    stem,
    variant_refs,
)

# Grammatical characters that an English rendering usually drops or turns into a stop word
# (之 "of", 與 "and", 對 "to" in 企業對企業 "business to business"): they neither need nor
# give evidence.
FUNCTION_CHARS = frozenset("之的與与和及或對对於于以在其而並并")

_LATIN = re.compile(r"[A-Za-z0-9]+")
_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9]{1,9}$")
_PAREN_TAIL = re.compile(r"^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")

# Match strengths of one English word against one Chinese segment.
EXACT = 1.0  # a gloss word of the segment itself
INNER = 0.9  # a gloss word of a dictionary word inside the segment (外交 in 外交政策)
MORPH = 0.8  # same word family (identify / identification)
CHAR = 0.5  # a gloss word of one character of an unknown or unmatched segment
HEAD_WEIGHT = 2  # weight of the head segment / head word in coverage
MAX_EQUIVALENT = 3  # content words in a gloss phrase that still reads as a translation
MAX_ACRONYM = 6  # content words of a longer gloss phrase whose initials still make an acronym
STRONG = 0.8  # matches at least this strong count as evidence for heads and titles
PREFIX = 4  # word-family candidates are found by their first letters (soci-ety, soci-al)


def is_han(ch: str) -> bool:
    """True for CJK ideographs (the blocks CC-CEDICT headwords use)."""
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def looks_like_acronym(token: str) -> bool:
    """``CPS``, ``fMRI``, ``SoTL``: a short token with at least two capitals."""
    return bool(_ACRONYM.match(token)) and sum(c.isupper() for c in token) >= 2


# English plurals the light stemmer leaves alone, both ways (women / woman).
_IRREGULAR_PAIRS = (
    ("woman", "women"), ("man", "men"), ("child", "children"), ("person", "people"),
    ("foot", "feet"), ("tooth", "teeth"), ("mouse", "mice"), ("goose", "geese"),
    ("criterion", "criteria"), ("phenomenon", "phenomena"), ("analysis", "analyse"),
)
IRREGULAR = {a: b for a, b in _IRREGULAR_PAIRS} | {b: a for a, b in _IRREGULAR_PAIRS}

# Derivational endings that turn a noun into an adjective or back (society/social,
# history/historical, economy/economic, China/Chinese, Korea/Korean): two words whose roots
# agree after removing one of them belong to one family.
_DERIVATIONAL = ("ical", "ally", "ity", "ety", "ese", "ian", "al", "ic", "an", "y", "a")


def _root(word: str) -> str:
    for ending in _DERIVATIONAL:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


# Latin verb roots whose noun takes another form (perceive/perception, reduce/reduction,
# describe/description, consume/consumption, solve/solution): the verb's ending as the noun
# spells it, so that the two share a prefix.
_ROOT_ALTERNATIONS = (
    ("ceive", "cept"), ("duce", "duct"), ("scribe", "script"), ("sume", "sumpt"),
    ("olve", "olut"),
)


def _alternate(word: str) -> str:
    for verb, noun in _ROOT_ALTERNATIONS:
        if word.endswith(verb):
            return word[: -len(verb)] + noun
    return word


def same_family(a: str, b: str) -> bool:
    """Two stems of one word family (loyal/loyalty, identify/identification, society/social,
    perceive/perception).

    The shorter stem (5+ letters) must be a prefix of the longer, or share 6+ letters with
    it and differ only in its last two (democracy/democratic), or both must end in one of a
    few derivational endings around a common root of 4+ letters (society/social), or a Latin
    verb root must alternate into its noun's (perceive/perception); a shared prefix alone is
    not enough (internal/intervention, realize/realism).
    """
    if _related(a, b):
        return True
    alt_a, alt_b = _alternate(a), _alternate(b)
    return (alt_a != a or alt_b != b) and _related(alt_a, alt_b)


def _related(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    if n < 5:
        return False
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    if p == n or (p >= 6 and p >= n - 2):
        return True
    ra, rb = _root(a), _root(b)
    return (ra == rb and ra != a and rb != b) or _drops_e(a, b) or _drops_e(b, a)


def _drops_e(word: str, other: str) -> bool:
    """``other`` is ``word`` with its final silent e dropped before a vowel-initial ending of
    two letters or more, as English derivation does (mobile / mobility, nature / natural,
    secure / security); not before a single letter (police / policy)."""
    if len(word) < 6 or word[-1] != "e":
        return False
    base = word[:-1]
    rest = other[len(base) :]
    return other.startswith(base) and len(rest) >= 2 and rest[0] in "aeiou"


@functools.lru_cache(maxsize=1 << 16)
def silent_e(stem: str) -> str | None:
    """``stem`` with a final silent e restored or dropped: the light stemmer cannot always
    tell that -ing/-ed took one (nurs(ing) / nurse, cultivat(ing) / cultivate), and a
    gloss may give either form. None for short words and words ending in a vowel or w/x/y."""
    if len(stem) < 4 or not stem.isalpha():
        return None
    if stem[-1] == "e":
        return stem[:-1] if len(stem) >= 5 else None
    return None if stem[-1] in "aiouwxy" else stem + "e"


@functools.lru_cache(maxsize=1 << 16)
def other_forms(stem: str) -> tuple[str, ...]:
    """Other spellings of ``stem`` a gloss may use: British / American
    (:func:`~termkit.align.spelling.spelling_variants`), then the silent e
    (:func:`silent_e`)."""
    forms = spelling_variants(stem)
    e = silent_e(stem)
    return forms if e is None or e in forms else (*forms, e)


@dataclass(slots=True)
class Support:
    """The English words that attest one Chinese segment, by strength.

    The gloss words of the segment's characters (``chars``: a dozen or more per character)
    are looked up when a word is asked for, not copied into ``strength`` and ``share`` for
    every segment: most are never asked for.
    """

    # stem -> EXACT / INNER; memoizes the words asked for since (character and explanatory
    # words, MORPH, misses)
    strength: dict[str, float]
    by_prefix: dict[str, tuple[str, ...]]
    initials: tuple[str, ...]  # initial letters of its gloss phrases and words, for acronyms
    # Share of the segment that a word inside it renders (外交 is half of 外交政策); a word
    # of one of its characters renders ``char_share`` of it, a word not listed all of it.
    share: dict[str, float] = field(default_factory=dict)
    # The segment's own translation phrases (stems): a rendering of the whole segment holds
    # all the words of one of them ("risk management" for 風險管理, not "risk" alone).
    phrases: tuple[tuple[str, ...], ...] = ()
    # Gloss words of its characters (CHAR strength unless listed in ``strength``), the
    # share of the segment one character is, and the words of its own glosses (those render
    # the whole segment, whatever its characters say).
    chars: frozenset[str] = frozenset()
    char_share: float = 1.0
    direct: frozenset[str] = frozenset()
    # Words of its long explanatory glosses ("sth uniquely enjoyed by a certain group of
    # people"): weak evidence (CHAR), looked up like the characters' words.
    explained: frozenset[str] = frozenset()
    # English suffixes its glosses give it as a bound morpheme (化 "-ization", "-ize"; 性
    # "-ness or -ity"; 者 "-er", "-ist"): an English word so derived renders it too.
    suffixes: tuple[str, ...] = ()
    # English prefixes its glosses give a single character as a bound morpheme (無 "un-",
    # 非 "non-; un-; in-; de-", 超 "super-", 子 "sub-"): an English word so derived from a
    # rendering of the segment after it renders the two together.
    prefixes: tuple[str, ...] = ()

    def match(self, stem: str) -> float:
        """How strongly the English stem renders this segment (0 when it does not)."""
        found = self.strength.get(stem)
        if found is None:
            found = self._listed(stem)
            if found is None:
                found = 0.0
                other = IRREGULAR.get(stem)
                strength = None if other is None else self._listed(other)
                forms = other_forms(stem)
                if strength is not None:
                    found = strength
                elif forms and (spelled := self._spelled(stem, forms)):
                    found = spelled
                elif len(stem) >= 5:
                    found = self._family(stem, forms)
            elif found < MORPH and len(stem) >= 5:
                # Listed only by a character's or an explanatory gloss, but of the family of
                # the segment's own words ("class" of 類 beside 類別's "classification",
                # "ethnicity" of 族 beside 族群's "ethnic"): the family says more.
                family = self._family(stem, other_forms(stem))
                if family > found:
                    found = family
                    self.share.setdefault(stem, 1.0)
            self.strength[stem] = found
        return found

    def _spelled(self, stem: str, forms: tuple[str, ...]) -> float:
        """The strength of the first of ``stem``'s other spellings the glosses list
        (behaviour / behavior), sharing its share of the segment; 0 when none is."""
        for form in forms:
            strength = self._listed(form)
            if strength:  # (0.0: a word asked for before and not found)
                if form in self.share:
                    self.share[stem] = self.share[form]
                elif form in self.chars and form not in self.direct:
                    self.share[stem] = self.char_share
                return strength
        return 0.0

    def _family(self, stem: str, forms: tuple[str, ...]) -> float:
        """MORPH when a word of ``stem``'s family (or of one of its other spellings') is
        listed, sharing its share of the segment; 0 when none is."""
        for form in (stem, *forms) if forms else (stem,):
            for cand in self.by_prefix.get(form[:PREFIX], ()):
                if same_family(form, cand):
                    if cand in self.share:
                        self.share[stem] = self.share[cand]
                    return MORPH
        return 0.0

    def _listed(self, stem: str) -> float | None:
        """The strength of a word the segment's glosses list (its own, inner words' or its
        characters', or a word of its long explanatory glosses), or None."""
        found = self.strength.get(stem)
        if found is None and (stem in self.chars or stem in self.explained):
            found = CHAR
        return found

    def share_of(self, stem: str, default: float) -> float:
        """The share of the segment that ``stem`` renders, ``default`` for a word not listed."""
        found = self.share.get(stem)
        if found is None:
            if stem in self.chars and stem not in self.direct:
                return self.char_share
            return default
        return found

    def cover(self, stem: str) -> float:
        """How much of this segment the English stem renders (strength times share)."""
        return self.match(stem) * self.share_of(stem, 1.0)


_SUPPORT_CACHE: weakref.WeakKeyDictionary[Lexicon, dict[str, Support]] = weakref.WeakKeyDictionary()
_EQUIVALENTS: weakref.WeakKeyDictionary[
    Lexicon, dict[str, tuple[list[tuple[str, ...]], set[str]]]
] = weakref.WeakKeyDictionary()


def _cache_of(caches: weakref.WeakKeyDictionary[Lexicon, dict[str, Any]], lexicon: Lexicon) -> dict[str, Any]:
    found = caches.get(lexicon)
    if found is None:
        found = caches[lexicon] = {}
    return found

# Where a long gloss's leading name ends: "Ghost Festival on 15th day of 7th lunar month".
_NAME_END = re.compile(
    r"\s(?:on|in|of|for|at|when|which|that|with|where|from|by|during|held|used|as)\s|[,;(]"
)
_PARENTHESIZED = re.compile(r"\(([^()]*)\)")


def _title_case(text: str) -> bool:
    words = _LATIN.findall(text)
    return bool(words) and all(w[0].isupper() or w.lower() in STOP_WORDS for w in words)


def _proper_phrases(lexicon: Lexicon, word: str) -> tuple[list[tuple[str, ...]], set[str]]:
    """Name phrases and descriptive words of a proper noun's glosses.

    In "Penghu county (Pescadores Islands), Taiwan" the name is what comes before the first
    comma, and a parenthesized form is another name of it; what follows the comma says where
    the place is ("Taiwan"), which is no rendering of it, and so does a parenthesized phrase
    opening with a preposition ("New Territories (in Hong Kong)").
    """
    entries = list(lexicon.lookup(word))
    for ref in variant_refs(tuple(g for e in entries for g in e.glosses)):
        if ref != word:
            entries.extend(lexicon.lookup(ref))
    names: list[tuple[str, ...]] = []
    described: set[str] = set()
    for entry in entries:
        for gloss in entry.glosses:
            head, _, tail = gloss.partition(",")
            aside = _PARENTHESIZED.findall(head)
            # "(in Hong Kong)" after 新界's "New Territories" says where, like a tail does.
            where = [a for a in aside if a.split()[:1] and a.split()[0].lower() in STOP_WORDS]
            for text in (head, *(a for a in aside if a not in where)):
                for p in gloss_phrases((text,)):
                    if p and tuple(p) not in names:
                        names.append(tuple(p))
            for text in (tail, *where):
                if text:
                    described.update(w for p in gloss_phrases((text,)) for w in p)
    return names, described


def equivalents(lexicon: Lexicon, word: str) -> tuple[list[tuple[str, ...]], set[str]]:
    """The gloss phrases of ``word`` that translate it, and the words of those that explain it.

    Short phrases (up to :data:`MAX_EQUIVALENT` content words) translate; long ones explain,
    except their leading name when it is one ("Ghost Festival on 15th day of …"). A proper
    noun's glosses give its names, not the places that locate it (:func:`_proper_phrases`).
    """
    cache = _cache_of(_EQUIVALENTS, lexicon)
    found = cache.get(word)
    if found is None:
        found = cache[word] = _equivalents(lexicon, word)
    return found


def _equivalents(lexicon: Lexicon, word: str) -> tuple[list[tuple[str, ...]], set[str]]:
    if lexicon.is_proper_noun(word):
        own, described = _proper_phrases(lexicon, word)
    else:
        own, described = list(lexicon.phrases(word)), set()
    phrases = [p for p in own if len(p) <= MAX_EQUIVALENT]
    long = [p for p in own if len(p) > MAX_EQUIVALENT]
    explained = described | {w for p in long for w in p}
    if long:
        for entry in lexicon.lookup(word):
            for gloss in entry.glosses:
                name = _NAME_END.split(gloss, maxsplit=1)[0]
                if name != gloss and _title_case(name):
                    for p in gloss_phrases((name,)):
                        if len(p) <= MAX_EQUIVALENT and tuple(p) not in phrases:
                            phrases.append(tuple(p))
    explained -= {w for p in phrases for w in p}
    return phrases, explained


def closed_compounds(phrases: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Gloss phrases of two or more words written as one word, as English often closes a
    compound the dictionary leaves open ("hot spot" / "hotspot", "web page" / "webpage"):
    each a one-word phrase, a word of the segment's (or an inner word's) glosses, so either
    spelling renders it. (Title spans keep to the phrases as printed.)"""
    return [("".join(p),) for p in phrases if len(p) > 1]


def support(lexicon: Lexicon, segment: str) -> Support:
    """The (cached) :class:`Support` of one segment."""
    cache = _cache_of(_SUPPORT_CACHE, lexicon)
    found = cache.get(segment)
    if found is None:
        found = cache[segment] = build_support(lexicon, segment)
    return found


def build_support(lexicon: Lexicon, segment: str) -> Support:
    """A new :class:`Support` of one segment (:func:`support` keeps one per segment)."""
    # Short gloss phrases are translation equivalents; long ones ("sth uniquely enjoyed by a
    # certain group of people") explain, and their words are weak evidence.
    phrases, explained = equivalents(lexicon, segment)
    direct = {w for p in phrases for w in p}
    # Closed compounds of gloss phrases are words of the glosses too, but never the stem of
    # a word family (by_prefix), which they are not.
    closed = {"".join(p) for p in phrases if len(p) > 1}  # (closed_compounds, inline)
    # Acronym letters come from the segment's own glosses, not from words inside it.
    inner: set[str] = set()
    inner_closed: set[str] = set()
    chars: frozenset[str] = frozenset()
    share: dict[str, float] = {}
    n = len(segment)
    if n > 1:
        # Dictionary words inside the segment, e.g. 外交 and 政策 inside 外交政策.
        for size in range(n - 1, 1, -1):
            for i in range(n - size + 1):
                sub = segment[i : i + size]
                if sub in lexicon:
                    for p in equivalents(lexicon, sub)[0]:
                        inner.update(p)
                        for w in p:
                            share.setdefault(w, size / n)  # longest inner word first
                        if len(p) > 1:  # its closed compound (closed_compounds)
                            joined = "".join(p)
                            inner_closed.add(joined)
                            share.setdefault(joined, size / n)
        # The gloss words of its characters, looked up when asked for (Support.match).
        chars = chars.union(
            *(lexicon.english_words(ch) for ch in segment if ch not in FUNCTION_CHARS)
        )
    inner -= direct
    by_prefix: dict[str, list[str]] = {}
    for word in sorted(direct | inner):  # sorted: the first family match must not depend on hashing
        if len(word) >= 5:
            by_prefix.setdefault(word[:PREFIX], []).append(word)
    if closed or inner_closed:
        direct |= closed
        inner = (inner | inner_closed) - direct
    for w in direct.intersection(share):  # (the same dict as filtering every item, in C)
        del share[w]
    # A segment spells part of an acronym with the initials of a whole gloss phrase
    # ("neural network" -> "nn") or the initial of a phrase's first word ("magnetic" -> "m").
    initials: set[str] = set()
    for p in phrases:
        initials.add("".join(w[0] for w in p))
        initials.add(p[0][0])
    # Long names spell acronyms too ("chronic obstructive pulmonary disease"), and a gloss
    # may cite the acronym itself after the name: "... disease (COPD)", a word of the gloss.
    if explained:  # (the words of long phrases: most segments have none)
        initials.update(
            "".join(w[0] for w in p)
            for p in lexicon.phrases(segment)
            if MAX_EQUIVALENT < len(p) <= MAX_ACRONYM
        )
    # Glosses citing an acronym or a suffix are few: look closer only at those.
    marked = [g for e in lexicon.lookup(segment) for g in e.glosses if g[-1:] == ")" or "-" in g]
    cited = gloss_abbreviations(marked) if marked else ()
    if cited:
        direct.update(cited)
        initials.update(cited)
    strength = dict.fromkeys(inner, INNER)
    strength.update(dict.fromkeys(direct, EXACT))
    return Support(
        strength,
        {k: tuple(v) for k, v in by_prefix.items()},
        tuple(sorted(initials, key=lambda s: (-len(s), s))),
        share,
        tuple(phrases),
        chars,
        1 / n,
        frozenset(direct),
        frozenset(explained.difference(direct, inner)) if explained else frozenset(),
        # (A suffix is a bound morpheme of a character or two: 性, 化, 主義.)
        gloss_suffixes(marked) if marked and n <= 2 else (),
        gloss_prefixes(marked) if marked and n == 1 else (),
    )


# A gloss that ends in the acronym of the name before it: "World Health Organization (WHO)".
_CITED_ACRONYM = re.compile(r"^(.+?)\s*\(([A-Za-z][A-Za-z0-9]{1,9})\)$")


def gloss_abbreviations(glosses: Iterable[str]) -> tuple[str, ...]:
    """The acronyms (lower case) CC-CEDICT ``glosses`` cite after the name they abbreviate
    ("chronic obstructive pulmonary disease (COPD)" -> "copd"); a parenthesis that is no
    acronym of the words before it (a label such as "(TCM)", a formula) is none."""
    found: dict[str, None] = {}
    for gloss in glosses:
        if gloss.endswith(")"):
            m = _CITED_ACRONYM.match(gloss)
            if m is not None and looks_like_acronym(m.group(2)) and _is_acronym_of(*m.group(2, 1)):
                found[m.group(2).lower()] = None
    return tuple(found) if found else ()


# An English suffix cited in a gloss: "-ization", "corresponding to -ness or -ity", '"-able"'.
_SUFFIX_GLOSS = re.compile(r"(?<![\w-])-([a-z]{2,})(?![\w-])")


def gloss_suffixes(glosses: Iterable[str]) -> tuple[str, ...]:
    """The English suffixes CC-CEDICT ``glosses`` cite (化 "-ization", 性 "-ness or -ity",
    者 "-er", 學 "-ology"), in the order cited, or ()."""
    found: dict[str, None] = {}
    for gloss in glosses:
        if "-" in gloss:
            found.update(dict.fromkeys(_SUFFIX_GLOSS.findall(gloss)))
    return tuple(found) if found else ()


# An English prefix cited in a gloss: "un-", "non-; un-; in-; de-", "super-".
_PREFIX_GLOSS = re.compile(r"(?<![\w-])([a-z]{2,})-(?![\w-])")


def gloss_prefixes(glosses: Iterable[str]) -> tuple[str, ...]:
    """The English prefixes CC-CEDICT ``glosses`` cite (無 "un-", 非 "non-", 超 "super-"), in
    the order cited, or ()."""
    found: dict[str, None] = {}
    for gloss in glosses:
        if "-" in gloss:
            found.update(dict.fromkeys(_PREFIX_GLOSS.findall(gloss)))
    return tuple(found) if found else ()


@dataclass(slots=True)
class ZhKey:
    """A Chinese keyword analysed: content segments with their support, Latin tokens, head."""

    text: str
    segments: tuple[str, ...]
    supports: tuple[Support, ...]
    latin: tuple[str, ...]  # lower-case Latin/digit tokens in order ("b", "to", "b")
    head: int  # index of the head segment (the last one: Chinese compounds are head-final)
    # Derived once for speed: coverage weights (the head counts double), and every stem or
    # 5-letter prefix that can match some segment (most candidate pairs share none).
    seg_weight: tuple[int, ...] = ()
    vocab: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()  # first PREFIX letters of family candidates
    # Stems of the Latin tokens that are words, not numbers: "Liferay" meets "Liferays"
    words: frozenset[str] = frozenset()
    # Segments after the first whose glosses cite English suffixes (族群|性: "-ity").
    suffixed: tuple[int, ...] = ()
    # Segments before the last whose glosses cite English prefixes (無|監督: "un-").
    prefixed: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        self.words = frozenset(stem(t) for t in self.latin if not t.isdigit())
        if any(sup.prefixes for sup in self.supports[:-1]):
            self.prefixed = tuple(
                j for j, sup in enumerate(self.supports[:-1]) if sup.prefixes
            )
        if any(sup.suffixes for sup in self.supports[1:]):
            self.suffixed = tuple(j for j, sup in enumerate(self.supports) if j and sup.suffixes)
        self.seg_weight = tuple(
            len(s) * (HEAD_WEIGHT if j == self.head else 1) for j, s in enumerate(self.segments)
        )
        # Unions taken in C.
        self.vocab = frozenset(self.latin).union(
            self.words,
            *(sup.strength for sup in self.supports), *(sup.chars for sup in self.supports),
            *(sup.explained for sup in self.supports),
        )
        self.prefixes = frozenset().union(*(sup.by_prefix for sup in self.supports))

    def shares_nothing(self, stems: frozenset[str], prefixes: frozenset[str]) -> bool:
        """True when none of ``stems`` (with their first letters ``prefixes``) can match a
        segment: neither a listed word nor a word-family candidate."""
        return self.vocab.isdisjoint(stems) and self.prefixes.isdisjoint(prefixes)

    def may_render(self, stem: str) -> bool:
        """False when the English stem can match no segment (:meth:`shares_nothing` of one)."""
        return stem in self.vocab or stem[:PREFIX] in self.prefixes


# Endings whose other spelling changes a word's first PREFIX letters when it is short
# (fibre / fiber, metre, odour / odor, and the American forms the other way).
_SHORT_SPELLED = ("re", "er", "our", "or")


@dataclass(slots=True)
class EnKey:
    """An English keyword analysed: content words, all tokens, head word, acronym."""

    text: str
    words: tuple[tuple[str, str], ...]  # (printed, stem); a parenthesised abbreviation dropped
    tokens: tuple[str, ...]  # every Latin/digit token, lower-case, in order
    head: int  # index into words of the head noun, -1 when there are no words
    acronym: str | None = None  # the whole keyword when it is one acronym ("CPS")
    abbreviations: tuple[str, ...] = field(default=())  # "(SoTL)" after its expansion
    capitals: tuple[int, ...] = field(default=())  # words that are abbreviations ("IS", "GIS")
    # Words joined by a hyphen: (first content word, how many content words, the stem of
    # the compound written as one word), "multi-mode" (i, 2, "multimode"), "on-line" (i, 1,
    # "online"): a gloss may close the compound.
    joined: tuple[tuple[int, int, str], ...] = field(default=())
    # Derived once for speed: the stems of the words and their first PREFIX letters, to
    # tell with two set operations that a candidate shares nothing with a Chinese keyword.
    stems: frozenset[str] = frozenset()
    stem_prefixes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        stems = [st for _, st in self.words]
        # With the other standard's spellings where they may start otherwise or be short
        # (paediatric / pediatric, fibre / fiber, odour / odor): Support.match finds a word
        # by its other spellings, and the others share their first letters with it.
        for st in list(stems):
            if "ae" in st or "oe" in st or st.endswith(_SHORT_SPELLED):
                stems += spelling_variants(st)
        if self.joined:
            stems += [st for _, _, st in self.joined]
        self.stem_prefixes = frozenset(st[:PREFIX] for st in stems)
        # So is a word with its silent e dropped or restored (nurse / nurs(ing)), whose first
        # letters are the word's own (silent_e keeps words of four letters or more).
        forms = [e for st in stems if (e := silent_e(st)) is not None]
        self.stems = frozenset(stems).union(forms)


@functools.lru_cache(maxsize=1 << 16)
def analyse_zh(text: str, lexicon: Lexicon) -> ZhKey:
    """Segment a Chinese keyword and collect the support of each content segment (cached).

    A Taiwan term CC-CEDICT lacks may be there in its mainland form: OpenCC's Taiwan phrase
    table rewrites ``排程`` as ``调度`` ('to schedule') and ``匯流排`` as ``总线`` ('computer
    bus'). When that rewriting changes the keyword (beyond the plain script conversion) and
    the dictionary then covers more of it, the rewritten keyword's segments are used.
    """
    key = _analyse_zh(text, text, lexicon)
    known = _known(key, lexicon)
    if known >= 1.0:
        # Dictionary words cover the keyword whole (most keywords): no rewriting can cover
        # more, so the OpenCC conversions that would tell are not made.
        return key
    regional = mainland_form(text)
    if regional is None:
        return key
    other = _analyse_zh(text, regional, lexicon)
    return other if _known(other, lexicon) > known else key


def _known(key: ZhKey, lexicon: Lexicon) -> float:
    """The share of the keyword's segment characters in dictionary words of two or more."""
    total = sum(len(s) for s in key.segments)
    known = sum(len(s) for s in key.segments if len(s) > 1 and s in lexicon)
    return known / total if total else 0.0


@functools.lru_cache(maxsize=1 << 16)
def mainland_form(text: str) -> str | None:
    """``text`` through OpenCC's Taiwan-to-mainland phrases (``tw2sp``) when that differs
    from its plain Simplified form (``t2s``), else None."""
    if not any(is_han(c) for c in text):
        return None
    from termkit.scriptconv import convert

    regional = convert("tw2sp", text)
    return regional if regional != convert("t2s", text) else None


def _analyse_zh(text: str, reading: str, lexicon: Lexicon) -> ZhKey:
    """The :class:`ZhKey` of ``text``, segmented as ``reading``."""
    segments: list[str] = []
    latin: list[str] = []
    for seg in lexicon.segment(reading):
        if _LATIN.fullmatch(seg):
            latin.append(seg.lower())
        elif any(is_han(c) for c in seg) and seg not in FUNCTION_CHARS:
            segments.append(seg)
    if not segments:
        latin = [t.lower() for t in _LATIN.findall(reading)]
    return ZhKey(
        text,
        tuple(segments),
        tuple(support(lexicon, s) for s in segments),
        tuple(latin),
        len(segments) - 1,
    )


def initials_of(words: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    """Initial letters of (printed, stem) words, lower-case: "Large Language Models" -> "llm"."""
    return "".join(p[0].lower() for p, _ in words)


@functools.lru_cache(maxsize=1 << 16)
def analyse_en(text: str) -> EnKey:
    """Content words, tokens, head and acronyms of an English keyword (cached)."""
    body = text
    abbreviations: tuple[str, ...] = ()
    m = _PAREN_TAIL.match(text)
    if m is not None and m.group(1):
        inner = m.group(2)
        # "Scholarship of teaching and learning (SoTL)": the abbreviation repeats the words
        # before it, so it is not a further word needing a Chinese counterpart.
        if looks_like_acronym(inner) and _is_acronym_of(inner, m.group(1)):
            body, abbreviations = m.group(1), (inner,)
    words = content_words(_uncamelled(_SOFT_BREAK.sub("", body)) if "?" in body else _uncamelled(body))
    tokens = tuple(t.lower() for t in _LATIN.findall(text))
    stripped = text.strip()
    acronym = stripped if looks_like_acronym(stripped) else None
    capitals = tuple(i for i, (printed, _) in enumerate(words) if is_abbreviation(printed))
    joined = _hyphen_joined(body, words) if "-" in body else ()
    return EnKey(
        text, words, tokens, _head_index(body, words), acronym, abbreviations, capitals, joined
    )


# A line-break hyphen that a conversion turned into ``? `` inside a word (``Re? cords
# management``, ``ar? chives``): no question mark stands between two letters so.
_SOFT_BREAK = re.compile(r"(?<=[A-Za-z])\? (?=[a-z])")
# Words of four letters or more written together, each capitalised, with no space in the
# whole keyword (``KnowledgeManagement``, a copy that lost every space in a keyword).
_CAMEL_PART = re.compile(r"[A-Z][a-z]{3,}")
_CAMEL_WORDS = re.compile(r"(?:[A-Z][a-z]{3,}){2,}")
_MIN_CAMELLED = 12


def _uncamelled(body: str) -> str:
    """``body`` with spaces put back between the capitalised words of a keyword printed
    without them (``CelebrityArchive`` -> ``Celebrity Archive``), so its words meet their
    dictionary glosses. Only a keyword of twelve letters or more with no space, all of
    capitalised words of four letters or more: a name or product written so (``JavaScript``,
    ``PowerPoint``, ``YouTube``) is shorter or has a shorter part."""
    if " " in body or len(body) < _MIN_CAMELLED or _CAMEL_WORDS.fullmatch(body) is None:
        return body
    return " ".join(_CAMEL_PART.findall(body))


_HYPHENED = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]+)-(?=([A-Za-z]+)(?![A-Za-z0-9]))")


def _hyphen_joined(
    body: str, words: tuple[tuple[str, str], ...]
) -> tuple[tuple[int, int, str], ...]:
    """(first word, number of content words, stem of the compound written as one word) for
    each two words joined by a hyphen ("multi-mode" -> "multimode"; "on-line" -> "online",
    whose "on" is no content word)."""
    out = []
    for m in _HYPHENED.finditer(body):
        first, second = m.group(1), m.group(2)
        closed = stem((first + second).lower())
        for i in range(len(words)):
            if words[i][0] == first and i + 1 < len(words) and words[i + 1][0] == second:
                out.append((i, 2, closed))
                break
            if words[i][0] == second and first.lower() in STOP_WORDS:
                out.append((i, 1, closed))
                break
    return tuple(out)


_CAPITALS = re.compile(r"[A-Z]{2,6}")
_POSSESSIVE_S = re.compile(r"(?<=[A-Za-z])['’]s\b")


def content_words(text: str) -> tuple[tuple[str, str], ...]:
    """Content words as (printed, stem), as :func:`~termkit.lexicon.english_tokens` finds
    them, but keeping capitalized abbreviations that spell a stop word ("IS", information
    system; "IT")."""
    if not _CAPITALS.search(text):
        return tuple(english_tokens(text))
    out: list[tuple[str, str]] = []
    for tok in _LATIN.findall(_POSSESSIVE_S.sub("", text)):
        low = tok.lower()
        if low not in STOP_WORDS:
            out.append((tok, stem(low)))
        elif _CAPITALS.fullmatch(tok):
            out.append((tok, low))
    return tuple(out)


def is_abbreviation(word: str) -> bool:
    """An all-capital word of 2-6 letters (``IS``, ``GIS``, ``HCA``): an acronym to spell."""
    return bool(_CAPITALS.fullmatch(word))


def _is_acronym_of(acronym: str, phrase: str) -> bool:
    """``SoTL`` abbreviates "Scholarship of Teaching and Learning" (capitals = initials)."""
    caps = "".join(c for c in acronym if c.isupper()).lower()
    content = initials_of(english_tokens(phrase))
    every = "".join(t[0].lower() for t in _LATIN.findall(phrase))
    return caps == content or acronym.lower() == every or acronym.lower() == content


# Prepositions that open a post-modifier: the head of the noun phrase stands before them.
# Every English preposition that can follow a noun (the head of "Waters off Taiwan" is
# "waters"), not only the stop words among them.
_POST_MODIFIERS = frozenset({
    "of", "for", "with", "in", "on", "to", "from", "by", "among", "amongst", "between",
    "under", "at", "about", "toward", "towards", "within", "without", "across", "through",
    "throughout", "during", "against", "into", "onto", "upon", "via", "versus", "vs", "off",
    "over", "beyond", "around", "near", "along", "alongside", "behind", "amid", "inside",
    "outside", "above", "below", "beneath", "beside", "per", "after", "before", "since",
    "until", "despite", "regarding", "concerning", "as", "like", "unlike",
})


def _head_index(body: str, words: tuple[tuple[str, str], ...]) -> int:
    # English noun phrases are head-final ("advisory group") unless a prepositional
    # post-modifier follows the head ("balance of power", "support for democracy",
    # "satisfaction with democracy", "the Nutrition and Health Survey in Taiwan").
    if not words:
        return -1
    n_before = 0
    for tok in _LATIN.findall(_POSSESSIVE_S.sub("", body)):
        low = tok.lower()
        if low in _POST_MODIFIERS and not _CAPITALS.fullmatch(tok):
            break
        if low not in STOP_WORDS or _CAPITALS.fullmatch(tok):
            n_before += 1
    if 0 < n_before < len(words):
        return n_before - 1
    return len(words) - 1
