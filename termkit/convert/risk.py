"""Which regional rules are safe in any text, from evidence: CC-CEDICT senses and OpenCC.

A conversion group of Wikipedia is written for the pages that include it (an IT article, an
EU article): ``文件→文件`` (document, not file) or ``数字→數位`` (digital, not number) are right
there and wrong in most other text. This module looks at each rule ``form → target`` and
decides whether it can lock in any text or only when one of its topics is switched on, with
the reason in words. The evidence, in order:

1. **A guard** (no English original, one zh-Hans and one zh-Hant form): it only keeps a
   longer word whole, so it is safe.
2. **Another region's form that is the text's own general word**: a form of one script
   (``皇室`` of zh-Hant-HK) read in text of the other script, where the same characters are
   a CC-CEDICT or OpenCC word, for a rule that gives its own form for that script
   (zh-Hans-CN ``王室``): in that text the characters are the text's own word (``日本皇室``),
   which the rule does not describe. Forms that are the target (a lock that keeps a word,
   ``文件`` for ``文件``) are not concerned.
3. **The rule's own form for the whole script is OpenCC's output** (``伊麗莎白`` for zh-Hant
   beside ``伊莉莎白`` for zh-Hant-TW): the rule accepts what OpenCC writes, so its regional
   form is a preference, not a correction.
3b. **The mainland writes the form itself** (rules to zh-Hans-CN only): by the word counts of
   a mainland corpus (:mod:`termkit.convert.wordcounts`, jieba's dictionary), the form in
   Simplified characters is written at least twice as often as the rule's target (``取得``
   11,882 against ``获取`` 1,306; ``供应`` 2,615 against ``供给`` 1,175): mainland text's own
   general word, which the rule replaces with one field's word (software's 'get', a
   law's 'supply') or with another name (``沙特`` Saudi Arabia → ``萨特`` Sartre). Both
   words must be counted at least 5 times: jieba gives rare words 3 or 4, and a longer
   word it does not list may be one it splits (``首席执行官`` is ``首席`` + ``执行官`` there),
   so a missing count says nothing. No such corpus of Taiwan text is at hand, so rules to
   zh-Hant-TW are not judged this way.
4. **No English original** otherwise: the rule is topical unless the form is a name or
   has one CC-CEDICT sense that the target shares.
5. **A name** (a CC-CEDICT proper noun, or a form of a name group — People,
   PoliticiansUK, PresidentsUS, Nobel Prize — that CC-CEDICT does not list as a common word:
   ``住宅`` 'residence' in such a group, English 'Housing', is judged as a word) rendered with
   at least twice or at most half as many syllables: a different name (a nickname or another
   person), not a regional spelling. A name is topical too when it is **rendered as a common
   word** while OpenCC already writes a name: OpenCC's output has a CC-CEDICT gloss of the
   rule's English word family, and the target is a common CC-CEDICT word none of whose
   glosses is (``臉書`` 'Facebook' → ``脸谱``, in CC-CEDICT also 'types of facial makeup in
   operas', where OpenCC writes ``脸书`` 'Facebook'): a preference that reads as another word.
6. **Keeping a form OpenCC's regional phrase table changes** (the target is the form in the
   other script, OpenCC's Taiwan or mainland phrase writes something else) for a word with
   several CC-CEDICT senses: the rule picks one sense against OpenCC's general choice.
7. **An office or body of one country** (a rule of a country's group — EU, IMF, Korea,
   Laos, MY, PoliticiansUK, PresidentsUS, US Government — whose form CC-CEDICT does not
   list and whose English is a phrase of common words, ``Permanent Secretary``).
8. **Narrowing OpenCC's word**: the target holds OpenCC's own output and more (``主記憶體``
   for ``記憶體``): a specialist's term in place of the general one.
9. **A target of another sense**: the form means the rule's English, and the target is a
   word CC-CEDICT knows none of whose glosses (regional ones included) is of the English
   word's family (``令牌`` 'token' → ``權杖`` 'scepter'; ``波特`` 'baud' → ``鮑`` 'abalone'):
   the target is that word only in the rule's field.
10. **OpenCC's regional phrase against a target no dictionary knows**: OpenCC's Taiwan or
   mainland phrase table writes a word CC-CEDICT gives the rule's English sense
   (``資料挖掘`` → ``数据挖掘`` 'data mining'), and the rule's target (``数据捕捞``) is neither
   in CC-CEDICT nor in OpenCC's phrase tables: a preference against a curated mapping.
11. **Senses**: the form has several CC-CEDICT senses (regional and meta glosses aside) and
   fewer than two thirds of them share a word with the rule's English original or the
   target's senses, or it has one sense and that shares no word with the English original
   (nor cites its acronym: 'chief executive officer (CEO)' is the sense of 'CEO'). A
   "general term for X" gloss is the sense X (``管線`` 'pipeline; general term for pipes,
   cables etc' has two).

Anything else is safe: a form CC-CEDICT does not list (a term rather than a general word),
a form with one sense, or one whose senses the rule covers. Library code: it returns data
and never prints; :mod:`termkit.convert.regional` writes the result into the glossary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from termkit import lang
from termkit.convert.configs import opencc_converter
from termkit.model import Concept

NAME_GROUPS = frozenset({"People", "PoliticiansUK", "PresidentsUS", "Nobel Prize"})
# Groups about one country's or body's institutions.
COUNTRY_GROUPS = frozenset({"EU", "IMF", "Korea", "Laos", "MY", "PoliticiansUK", "PresidentsUS",
                            "US Government"})

# CC-CEDICT glosses that are no sense of their own: classifiers, cross-references, spelling.
_META = re.compile(
    r"^(?:CL:|see\b|see also\b|(?:old |archaic |erhua |Japanese )?variant of\b|also written\b|"
    r"abbr\. (?:for|of)\b|(?:Taiwan |also )?pr\.|used in\b|surname\b)", re.IGNORECASE)
# Glosses about another region's usage: "(Tw) calculator", "(Taiwan and Hong Kong usage)".
_REGIONAL = re.compile(r"\((?:Tw|Taiwan|HK|Hong Kong|PRC|mainland|Singapore|Macau)\b[^)]*\)|"
                       r"\b(?:Taiwan|Hong Kong|PRC|mainland China) usage\b|"
                       r"\bin (?:the )?(?:PRC|Taiwan|Hong Kong|mainland China)\b", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
_GENERAL_TERM = re.compile(r"^(?:general|generic|collective|umbrella) term for\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Risk:
    """The verdict on one rule ``form → target``: safe in any text, or for its topics only."""

    form: str
    target: str
    topical: bool
    reason: str


@functools.cache
def _lexicon():  # type: ignore[no-untyped-def]
    from termkit.lexicon import get_lexicon

    return get_lexicon()


def _glosses(word: str, regional: bool) -> tuple[list[tuple[frozenset[str], str]], list[str]]:
    """CC-CEDICT's glosses of ``word`` as (stemmed English words, gloss), and the words its
    bare "variant of X" glosses point to.

    Proper-noun entries count only when the word has no common entry; meta glosses
    (classifiers, cross-references) are left out, and so are glosses about another region's
    usage unless ``regional``.
    """
    from termkit.lexicon import gloss_phrases, variant_refs

    entries = _lexicon().lookup(word)
    common = [e for e in entries if not e.pinyin[:1].isupper()]
    out: list[tuple[frozenset[str], str]] = []
    refs: list[str] = []
    for e in common or entries:
        refs.extend(variant_refs(e.glosses))
        for gloss in e.glosses:
            if _META.match(gloss) or (not regional and _REGIONAL.search(gloss)):
                continue
            # "general term for pipes, cables etc" is a sense (the word names them all),
            # though the lexicon reads "... term for X" as a cross-reference.
            phrased = _GENERAL_TERM.sub("", gloss)
            words = frozenset(w for p in gloss_phrases((phrased,)) for w in p)
            if words:
                out.append((words, gloss))
    return out, refs


@functools.lru_cache(maxsize=1 << 14)
def senses(word: str, follow: bool = True) -> tuple[tuple[frozenset[str], str], ...]:
    """The senses CC-CEDICT gives ``word``: (stemmed English words, gloss), one per gloss.

    Proper-noun entries count only when the word has no common entry; meta glosses
    (classifiers, cross-references) and glosses about another region's usage are left out;
    a bare "variant of X" follows X once.
    """
    out, refs = _glosses(word, regional=False)
    if follow and not out:
        for ref in refs:
            if ref != word:
                out.extend(senses(ref, False))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 14)
def meanings(word: str) -> tuple[tuple[frozenset[str], str], ...]:
    """Every gloss CC-CEDICT gives ``word``, regional ones included (``software (Tw)``): what
    the word can mean to a reader of some region, as (stemmed English words, gloss).

    Meta glosses are left out; a bare "variant of X" follows X once, as :func:`senses`.
    """
    out, refs = _glosses(word, regional=True)
    if not out:
        for ref in refs:
            if ref != word:
                out.extend(senses(ref, False))
    return tuple(out)


def _known_word(word: str) -> bool:
    """A word of CC-CEDICT or of OpenCC's phrase tables (:func:`~termkit.convert.words.general_words`)."""
    from termkit.convert.words import general_words

    return word in general_words()


def _families(words: frozenset[str]) -> frozenset[str]:
    """English word families: the first five letters of each stem (``integrate`` and
    ``integrated``, ``optimize`` and ``optimization`` are one family)."""
    return frozenset(w[:5] for w in words)


def english_words(text: str) -> frozenset[str]:
    """Stemmed content words of an English original (``/`` separates alternatives)."""
    from termkit.lexicon import english_tokens

    return frozenset(s for _, s in english_tokens(text.replace("/", " ")))


def _syllables(text: str) -> int:
    return len(_HAN.findall(text))


def _common_phrase(english: str) -> bool:
    """An English original of two or more words, all of them common English (a title or
    the name of a body, not a person's or a place's name)."""
    words = [w for alt in english.split("/") for w in english_words(alt)]
    return len(words) >= 2 and all(w in _lexicon().gloss_vocabulary for w in words)


def _english(concept: Concept) -> str:
    return " / ".join(t.text for t in concept.terms if t.lang == "en")


def is_guard(concept: Concept) -> bool:
    """A rule without an English original whose only forms are one zh-Hans and one zh-Hant."""
    return not _english(concept) and sorted(t.lang for t in concept.terms) == ["zh-Hans", "zh-Hant"]


def _other_script_word(concept: Concept, form: str, target: str, read_in: str) -> str | None:
    """The reason ``form``, read in ``read_in`` text, is another region's form that is the
    text's own general word (see the module docstring, 2), or None."""
    from termkit.convert.words import general_words

    if form == target:
        return None
    tags = [t.lang for t in concept.terms if t.text == form]
    if not tags or any(lang.script_of(t) in (None, read_in) for t in tags):
        return None
    own = [t.text for t in concept.terms
           if lang.is_chinese(t.lang) and lang.script_of(t.lang) == read_in and t.text]
    if not own or form not in general_words():
        return None
    return (f"a form of {', '.join(sorted(set(tags)))}; in zh-{read_in} text {form} is a word of "
            f"its own, and the rule's own zh-{read_in} form is {own[0]}")


def _cites(gloss: str, english: str) -> bool:
    """The gloss cites the English original's acronym: 'chief executive officer (CEO)' for
    'CEO' (gloss phrases leave what is in brackets out)."""
    acronyms = set(_ACRONYM.findall(english))
    return bool(acronyms) and bool(acronyms & set(_ACRONYM.findall(gloss)))


def _common_word(word: str) -> bool:
    """CC-CEDICT lists ``word`` as a common word (an entry whose pinyin is not capitalized)."""
    return any(not e.pinyin[:1].isupper() for e in _lexicon().lookup(word))


def _name_as_common_word(english: str, plain: str, target: str) -> str | None:
    """The reason a name's target is a common word of another sense where OpenCC's own
    output is already a name for the English (see the module docstring, 5), or None."""
    meant = _families(english_words(english))
    if not meant or plain == target:
        return None
    named = [g for e in _lexicon().lookup(plain) for g in e.glosses
             if _families(english_words(g)) & meant]
    common = [g for e in _lexicon().lookup(target) if not e.pinyin[:1].isupper()
              for g in e.glosses if not _META.match(g)]
    if not named or not common or any(_families(english_words(g)) & meant for g in common):
        return None
    return (f"a name rendered as a common word: OpenCC writes {plain} ('{named[0]}' in "
            f"CC-CEDICT); {target} is also '{common[0]}'")


# How much more often mainland text must write a form than the rule's target (3b).
OWN_WORD_RATIO = 2


def _mainland_own_word(simplified: str, target: str) -> str | None:
    """The reason a rule to zh-Hans-CN replaces mainland text's own, more common word
    (``simplified``, the form in Simplified characters) with ``target`` (see the module
    docstring, 3b), or None."""
    from termkit.convert.wordcounts import FLOOR, mainland_count

    if simplified == target:
        return None
    own, theirs = mainland_count(simplified), mainland_count(target)
    if theirs < FLOOR or own < OWN_WORD_RATIO * theirs:
        return None
    return (f"mainland text writes {simplified} {own:,} times to {target}'s {theirs:,} "
            "(jieba's word counts): the rule replaces its own general word")


def assess(concept: Concept, form: str, target: str, config: str) -> Risk:
    """Whether the rule ``form → target`` of ``concept`` (converted by ``config``) is safe."""
    def verdict(topical: bool, reason: str) -> Risk:
        return Risk(form, target, topical, reason)

    english = _english(concept)
    if is_guard(concept):
        return verdict(False, "a guard rule: keeps a longer word whole")
    plain = opencc_converter(config).convert(form)
    script_only = opencc_converter("s2t" if config.startswith("s") else "t2s").convert(form)
    read_in = "Hans" if config.startswith("s") else "Hant"
    other = _other_script_word(concept, form, target, read_in)
    if other is not None:
        return verdict(True, other)
    found = senses(form)
    # A form of a name group is a name unless CC-CEDICT lists it as a common word (住宅
    # 'residence' in a group of US presidents' offices, English 'Housing').
    name = _lexicon().is_proper_noun(form) or (
        bool(NAME_GROUPS & set(concept.domains)) and not _common_word(form))
    script_tag = "zh-Hant" if config.startswith("s") else "zh-Hans"
    if plain != target and any(t.lang == script_tag and t.text == plain for t in concept.terms):
        # The rule itself writes OpenCC's output for the whole script (zh-Hant 伊麗莎白 beside
        # zh-Hant-TW 伊莉莎白): the regional form is a preference, not a correction.
        return verdict(True, f"the rule's own {script_tag} form is {plain}, OpenCC's output; "
                             f"{target} is one region's preference")
    region_own = _mainland_own_word(script_only, target) if config == "tw2sp" else None
    if region_own is not None:
        return verdict(True, region_own)
    if not english and not _lexicon().is_proper_noun(form):
        # Without an English original, only CC-CEDICT can say what the rule means: one
        # sense, shared by the target, or nothing to go by.
        shared = frozenset().union(*(w for w, _ in senses(target)))
        if len(found) == 1 and found[0][0] & shared:
            return verdict(False, f"no English original; one sense in CC-CEDICT ({found[0][1]}), "
                                  "the target's too")
        return verdict(True, "no English original, and CC-CEDICT does not settle the sense")
    if name:
        a, b = _syllables(form), _syllables(target)
        if a and b and (b >= 2 * a or a >= 2 * b):
            return verdict(True, f"a name rendered as a different name ({a} → {b} syllables)")
        as_word = _name_as_common_word(english, plain, target)
        if as_word is not None:
            return verdict(True, as_word)
        if not (COUNTRY_GROUPS & set(concept.domains) and _common_phrase(english)):
            return verdict(False, "a name rendered alike")
    if COUNTRY_GROUPS & set(concept.domains) and not found and _common_phrase(english):
        return verdict(True, f"an office or body of one country ('{english}')")
    if len(found) >= 2 and target == script_only and plain != target:
        plain_words = frozenset().union(*(w for w, _ in meanings(plain)))
        if plain_words and not any(words & plain_words for words, _ in found):
            # OpenCC's regional phrase writes a word none of whose senses the form has
            # (程序 'procedure; order; computer program' → 进程 'course of events; process'
            # in a law's 行政程序): there OpenCC narrows a general word to one field's, and
            # the rule that keeps the form is the general choice, whatever its English.
            return verdict(False, f"keeps {form} where OpenCC's regional phrase writes {plain}, "
                                  f"which has none of its {len(found)} senses in CC-CEDICT")
        return verdict(True, f"keeps {form} where OpenCC's regional phrase writes {plain}, "
                             f"for a word of {len(found)} senses in CC-CEDICT")
    if plain != target and len(plain) < len(target) and plain in target:
        return verdict(True, f"narrows OpenCC's {plain} to {target}")
    meant = _families(english_words(english))
    if plain not in (script_only, target) and meant and not meanings(target) \
            and not _known_word(target):
        # OpenCC's regional phrase table writes a word CC-CEDICT gives the rule's sense;
        # the rule's target is in no dictionary: a preference against a curated mapping.
        plain_senses = meanings(plain)
        if any(_families(w) & meant for w, _ in plain_senses):
            return verdict(True, f"OpenCC's regional phrase writes {plain} ('{plain_senses[0][1]}' "
                                 f"in CC-CEDICT); no dictionary knows {target}")
    if not found:
        return verdict(False, "not in CC-CEDICT: a term, not a general word")
    if target != script_only and meant and any(_families(w) & meant for w, _ in found):
        # The form means the English; does the target? A target CC-CEDICT knows, none of
        # whose glosses (its regional ones included: 軟體 'software (Tw)') is of the English
        # word's family, is the word for another sense (令牌 'token' → 權杖 'scepter').
        target_senses = meanings(target)
        if target_senses and not any(_families(w) & meant for w, _ in target_senses):
            glosses = "; ".join(g for _, g in target_senses[:3])
            return verdict(True, f"the target {target} means '{glosses}' in CC-CEDICT, "
                                 f"not '{english}'")
    covered_by = english_words(english)
    if target != script_only:
        covered_by = covered_by.union(*(w for w, _ in senses(target)))
    covered = sum(1 for words, _ in found if words & covered_by)
    glosses = "; ".join(g for _, g in found[:4]) + ("; …" if len(found) > 4 else "")
    if len(found) == 1:
        if found[0][0] & english_words(english) or _cites(found[0][1], english):
            return verdict(False, "one sense in CC-CEDICT, the rule's")
        return verdict(True, f"its one CC-CEDICT sense ({glosses}) is not '{english}'")
    if covered * 3 < len(found) * 2:
        return verdict(True, f"{covered} of {len(found)} CC-CEDICT senses match '{english}' "
                             f"or {target}'s ({glosses})")
    return verdict(False, f"{covered} of {len(found)} CC-CEDICT senses match '{english}' "
                          f"or {target}'s")
