"""Glossary-locked Traditional/Simplified conversion of text (OpenCC + an Aho–Corasick lock).

This module owns the conversion of *text*: the glossary lock and streaming over large inputs. Files with
markup (TMX, PO, XLIFF, TBX, CSV/TSV) are handled by :mod:`termkit.convert.files` on top of
:class:`Converter`.

How the lock works: every Chinese form of every glossary concept that has a form for the
config's target variant goes into an Aho–Corasick automaton (compiled, built once per
:class:`Converter`). Matches are chosen leftmost, longest first. Each match is replaced by a
private-use placeholder character that OpenCC leaves alone, the whole text goes through
OpenCC in one call (so OpenCC sees the same context it would without a glossary, except that
a locked term is a hard boundary), and the placeholders are replaced by the concepts' target
forms. Converting the text between matches segment by segment gives the same result (a
property test checks it) but costs one OpenCC call per segment, tens of thousands per MB with
a large glossary; one call with placeholders costs one.

For large inputs the same lock is compiled into OpenCC itself (:mod:`termkit.convert.compiled_lock`):
the forms become a dictionary of a first normalization step that swaps each for a code, and a
last chain step swaps codes for target forms, so no per-match Python work is left. The output
is identical (a differential test compares the two); :class:`Converter` picks the compiled
lock once a text of ``ENGINE_MIN`` characters arrives, and keeps the Python lock for short
texts and for what the compiled lock cannot take. Measured figures are in
``benchmarks/bench_convert.py``.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any

from termkit import lang
from termkit.convert.configs import CONFIG_VARIANTS, check_config, opencc_converter
from termkit.convert.words import LOOKUP_BUDGET
from termkit.errors import UsageError
from termkit.model import Concept, Glossary, Status, Term

# MediaWiki's variant fallbacks (LanguageConverter for zh): which region stands in for another.
_REGION_FALLBACK: dict[str | None, tuple[str, ...]] = {
    None: (),
    "TW": ("HK", "MO"),
    "HK": ("MO", "TW"),
    "MO": ("HK", "TW"),
    "CN": ("SG", "MY"),
    "SG": ("MY", "CN"),
    "MY": ("SG", "CN"),
}
_DEFAULT_REGIONS = {"Hant": ("TW", "HK", "MO"), "Hans": ("CN", "SG", "MY")}

# Concept prop set by the MediaWiki reader on ``A=>zh-tw:B`` rules: only exact variants apply.
ONE_WAY_PROP = "mediawiki-direction"

# Concept props of the lock (see README "What the lock guarantees"):
# - ``lock-topic-only``: forms (space-separated) that lock only when one of the concept's
#   topics (its domains) is switched on; written by termkit.convert.regional from evidence.
# - ``lock-match: substring``: the concept's forms lock wherever they occur, inside words too.
TOPIC_ONLY_PROP = "lock-topic-only"
MATCH_PROP = "lock-match"
ALL_TOPICS = "all"

# Above this many distinct first characters the automaton scans UTF-8 bytes (see Converter).
BYTES_MODE_FANOUT = 256  # crossover measured between ~100 and ~600

# Lock engines (see Converter): the lock compiled into OpenCC, or the Python lock; "auto"
# compiles it once a text of ENGINE_MIN characters comes (building costs ~0.1 s).
ENGINES = ("auto", "opencc", "python")
ENGINE_MIN = 20_000

# Default size of the chunks a stream is cut into (characters). Large on purpose: the compiled
# lock walks a dictionary of hundreds of thousands of keys, and what one OpenCC call has
# brought into the CPU caches is lost between calls (Python's buffers of the next chunk
# evict it). Measured on bench_convert's dense text, 2^20 instead of 2^18 characters cut
# the locked conversion's time by 5-10% (peak memory of a stream 12 -> 34 MB, still bounded);
# plain OpenCC does not care.
CHUNK = 1 << 20


@functools.lru_cache(maxsize=4096)
def _norm(tag: str) -> str:
    return lang.normalize(tag)


@functools.lru_cache(maxsize=4096)
def _parse(tag: str) -> lang.Tag:
    return lang.parse(tag)


@functools.lru_cache(maxsize=4096)
def _is_chinese(tag: str) -> bool:
    return lang.is_chinese(tag)


def _candidate_tags(target: str, one_way: bool) -> list[str]:
    """Tags to look for, best first: the exact variant, its script, then fallback regions."""
    t = lang.parse(target)
    if not t.is_chinese or t.script is None:
        return [str(t)]
    tags = [str(t)]
    if t.region is not None:
        tags.append(f"zh-{t.script}")
    if one_way:
        return tags
    regions = _REGION_FALLBACK.get(t.region, ()) if t.region else _DEFAULT_REGIONS[t.script]
    tags.extend(f"zh-{t.script}-{r}" for r in regions)
    return tags


# Origin of a form termkit made with OpenCC (termkit.glossary.scripts.chinese_forms):
# ``opencc:s2t`` for the Traditional form of a term printed in Simplified, and so on.
_OPENCC_ORIGIN = "opencc:"


def _target_with_quality(concept: Concept, target: str) -> tuple[str, int] | None:
    found = _target_term(concept, target)
    return (found[0].text, found[1]) if found else None


def _target_term(concept: Concept, target: str) -> tuple[Term, int] | None:
    """The concept's term for ``target`` and how close its tag is (0 exact variant, 1
    script, then fallback regions); a preferred term first, and among those a printed
    form before one OpenCC made."""
    one_way = concept.props.get(ONE_WAY_PROP) == "one-way"
    usable = [t for t in concept.terms if t.text and t.status is not Status.DEPRECATED]
    for quality, tag in enumerate(_candidate_tags(target, one_way)):
        found = [t for t in usable if _norm(t.lang) == tag]
        if found:
            preferred = [t for t in found if t.status is Status.PREFERRED] or found
            printed = [t for t in preferred if not (t.origin or "").startswith(_OPENCC_ORIGIN)]
            return (printed or preferred)[0], quality
    return None


def _made_target(concept: Concept, term: Term, config: str, source_script: str | None) -> str:
    """The locked target for ``config`` when the concept's form for it is ``term``.

    A form OpenCC made with another config (``opencc:s2t``: the generic Traditional of a
    term printed in Simplified) is no evidence for this config's variant: locking to it
    wrote 軟件工程, 啓示, 信息技術 into ``s2twp`` output where plain OpenCC writes 軟體工程,
    啟示, 資訊科技. Such a term locks to this config's conversion of the printed form (in
    the config's source script) instead; a form made by this very config, or a concept
    with no printed form in the source script, keeps ``term``.
    """
    origin = term.origin or ""
    if not origin.startswith(_OPENCC_ORIGIN) or origin[len(_OPENCC_ORIGIN):] == config:
        return term.text
    for t in concept.terms:
        if t.text and _is_chinese(t.lang) and not (t.origin or "").startswith(_OPENCC_ORIGIN) \
                and t.status is not Status.DEPRECATED and _parse(t.lang).script == source_script:
            return str(opencc_converter(config).convert(t.text))
    return term.text


def target_form(concept: Concept, target: str) -> str | None:
    """The concept's form for ``target``: exact variant, then script, then MediaWiki fallbacks."""
    found = _target_with_quality(concept, target)
    return found[0] if found else None


def locked_target(concept: Concept, config: str) -> str | None:
    """What the concept's forms lock to under ``config`` (:func:`build_locks`): its form for
    the config's target variant, or, when OpenCC made that form with another config, this
    config's conversion of the printed form (:func:`_made_target`)."""
    config = check_config(config)
    src, dst = CONFIG_VARIANTS[config]
    found = _target_term(concept, dst)
    if found is None:
        return None
    return _made_target(concept, found[0], config, _parse(src).script)


@dataclass(frozen=True, slots=True)
class Lock:
    """One locked form: the text found, what replaces it, and the concept it belongs to."""

    form: str
    target: str
    concept: str
    free: bool = False  # ``lock-match: substring``: locks inside words too


def _topic_only_entries(concept: Concept) -> tuple[str, ...]:
    """The entries of the concept's ``lock-topic-only`` prop: ``form`` or ``form@Hans`` /
    ``form@Hant``. Entries are separated by white space (a hand-written prop may use tabs),
    but a form may hold spaces itself (a film title, ``致命清算 第一章``), so the concept's
    own forms that do are read whole (longest first) before the rest is split; a piece of a
    form (``第一章``) is then no entry."""
    listed = concept.props.get(TOPIC_ONLY_PROP)
    if not listed:
        return ()
    spaced = tuple(t.text for t in concept.terms if len(t.text.split()) > 1)
    return _read_entries(listed, spaced)


# build_locks asks once per form, for 10k forms of the regional glossary: the prop is read
# once per (prop, spaced forms), not once per form (that made build_locks ~25% slower).
@functools.lru_cache(maxsize=8192)
def _read_entries(listed: str, spaced: tuple[str, ...]) -> tuple[str, ...]:
    rest = listed.strip()
    if not spaced:  # no form holds a space: the entries are the pieces
        return tuple(rest.split())
    forms = sorted(set(spaced), key=len, reverse=True)
    out: list[str] = []
    while rest:
        for entry in (f + tail for f in forms for tail in ("@Hans", "@Hant", "")):
            if rest.startswith(entry) and rest[len(entry):len(entry) + 1].strip() == "":
                break
        else:
            entry = rest.split(None, 1)[0]
        out.append(entry)
        rest = rest[len(entry):].lstrip()
    return tuple(out)


def _entries(entries: tuple[str, ...], form: str) -> int:
    """How many of a ``lock-topic-only`` prop's ``entries`` name ``form``: one when it is
    listed for every script, else one per script it is listed for."""
    if form in entries:
        return 1
    return sum(f"{form}@{sc}" in entries for sc in ("Hans", "Hant"))


def _listed(concept: Concept, form: str, script: str | None) -> bool:
    """True when the concept's ``lock-topic-only`` prop lists ``form`` for ``script`` (for
    any script when ``script`` is None)."""
    entries = _topic_only_entries(concept)
    if not entries:  # most concepts: no prop
        return False
    if form in entries:  # listed for every script
        return True
    if script is None:
        return any(f"{form}@{sc}" in entries for sc in ("Hans", "Hant"))
    return f"{form}@{script}" in entries


def in_scope(concept: Concept, form: str, topics: Collection[str], script: str | None = None) -> bool:
    """True when ``form`` of ``concept``, read in a text of ``script``, locks with ``topics`` on.

    A form listed in the concept's ``lock-topic-only`` prop (``文件`` for any script,
    ``文件@Hans`` for Simplified text only; ``script=None``: listed for any script) locks only
    when one of the concept's domains is
    among ``topics`` (or ``topics`` holds ``"all"``); every other form, and every form of a
    concept without the prop (a user's own glossary), always locks.
    """
    if TOPIC_ONLY_PROP not in concept.props or not _listed(concept, form, script):
        return True
    return ALL_TOPICS in topics or any(d in topics for d in concept.domains)


def build_locks(glossary: Glossary | None, config: str,
                topics: Collection[str] = ()) -> dict[str, Lock]:
    """Map every Chinese form of the glossary to its locked target form for ``config``.

    Forms out of scope for ``topics`` (:func:`in_scope`) are left out, and so are forms
    whose target breaks its lines differently (the text keeps its lines).

    When one string is a form of several concepts with different targets, the concept with
    the closer target wins (exact variant, then script, then fallback region), then the one
    in which the string is a form of the config's source variant, then of the source script,
    then the first concept in glossary order. The choice is deterministic.
    """
    if glossary is None:
        return {}
    config = check_config(config)
    src, dst = CONFIG_VARIANTS[config]
    src_tag = lang.parse(src)
    ranked: dict[str, tuple[tuple[int, int, int], Lock]] = {}
    for order, concept in enumerate(glossary.concepts):
        found = _target_term(concept, dst)
        if found is None:
            continue
        target, quality = _made_target(concept, found[0], config, src_tag.script), found[1]
        one_way = concept.props.get(ONE_WAY_PROP) == "one-way"
        for term in concept.terms:
            if not term.text or "\x00" in term.text or not _is_chinese(term.lang):
                continue
            if one_way and term.lang != "zh" and term.text != target:
                continue  # a one-way rule converts its source text only, not its outputs
            if not in_scope(concept, term.text, topics, src_tag.script):
                continue
            if term.text.count("\n") != target.count("\n"):
                # A title one record printed on two lines and another on one: locking it would
                # join or split lines of the text, which plain OpenCC never does (and a
                # line-aligned file, or check's newlines rule, depends on).
                continue
            t = _parse(term.lang)
            if t == src_tag:
                rank = 0
            elif t.script is not None and t.script == src_tag.script:
                rank = 1
            elif term.text == target:
                rank = 2
            else:
                rank = 3
            key = (quality, rank, order)
            prev = ranked.get(term.text)
            if prev is None or key < prev[0]:
                free = concept.props.get(MATCH_PROP) == "substring"
                ranked[term.text] = (key, Lock(term.text, target, concept.id, free))
    return {form: entry[1] for form, entry in ranked.items()}


# Placeholder candidates: private-use characters OpenCC has no mapping for.
_MARKERS = [chr(c) for c in range(0xE000, 0xE100)]


def _marker_for(text: str) -> str:
    for m in _MARKERS:
        if m not in text:
            return m
    raise UsageError("text uses every private-use placeholder termkit could use")  # pragma: no cover


class Converter:
    """OpenCC for one config plus the glossary lock; build once, convert many texts."""

    def __init__(self, config: str, glossary: Glossary | None = None, *,
                 engine: str = "auto", topics: Collection[str] = (),
                 words: bool = True) -> None:
        if engine not in ENGINES:
            raise UsageError(f"unknown lock engine {engine!r}", hint="one of: " + ", ".join(ENGINES))
        self.config = check_config(config)
        self.engine = engine
        self.topics = frozenset(topics)
        self.word_aware = words
        self._engine: Any = None  # the compiled OpenCC lock, built on first need
        self._engine_tried = False
        self.source, self.target = CONFIG_VARIANTS[self.config]
        self._cc = opencc_converter(self.config)
        locks = build_locks(glossary, self.config, self.topics)
        # Forms holding a line break (a title printed on two lines) are found in a pass of
        # their own before the lock proper (:meth:`_split_broken`): the word list, the
        # compiled lock's dictionaries (line-based) and the stream's cuts after a line end
        # all read a line break as the end of a key.
        self.locks = {f: lk for f, lk in locks.items() if "\n" not in f}
        self.broken_locks = {f: lk for f, lk in locks.items() if "\n" in f}
        # … in a text with Windows line ends too, written back with the text's own.
        self.broken_locks.update(
            (f.replace("\n", "\r\n"), replace(lk, form=f.replace("\n", "\r\n"),
                                                target=lk.target.replace("\n", "\r\n")))
            for f, lk in list(self.broken_locks.items()) if "\r" not in f)
        self._broken: Any = None  # their automaton, built on first need
        # The beginnings of those forms up to and including each line break: a stream is
        # not cut after a line that ends with one (convert_stream).
        self._broken_heads = sorted({f[:i + 1] for f in self.broken_locks
                                     for i, c in enumerate(f) if c == "\n"})
        self.max_term = max((len(f) for f in self.locks), default=0)
        self._automaton: Any = None  # built on first need: the compiled lock does without
        self._words: list[str] | None = None  # bounding words, computed on first need
        # The locking pairs among them (words.bounding_keys): key -> (start, end, index of
        # the form it locks). Read whole, such a key locks that form only.
        self._pairs: dict[str, tuple[int, int, int]] = {}
        self._targets = [lk.target for lk in self.locks.values()]
        # pyahocorasick finds a node's children by linear search. A small glossary scans the
        # text itself (one step per character); a large one puts thousands of children under
        # the root, so it scans UTF-8 bytes seen as Latin-1 text instead (at most 64 children
        # per node; measured ~6x faster with 20k forms, ~4x slower with 200). UTF-8 is
        # self-synchronising, so byte matches always start and end on character boundaries.
        first_chars = {form[0] for form in self.locks}
        self._bytes = len(first_chars) > BYTES_MODE_FANOUT
        self._lens: list[int] = []  # scanned length of each key, with the automaton
        # With the automaton: word index -> (scanned start, end, index) of a pair's form.
        self._inner: dict[int, tuple[int, int, int]] = {}
        self._table: dict[str, int] | None = None  # key -> target index (-1: a word), short texts
        self._pair_inner: list[tuple[int, int, int]] = []  # with the table: its pairs' forms
        self._longest = 0
        # Until LOOKUP_BUDGET characters have been read, texts are read by dictionary look-ups
        # instead of building the Aho–Corasick automaton (building one over the regional
        # glossary's forms and words takes ~0.5 s, more than a one-line conversion needs).
        self._budget = LOOKUP_BUDGET

    def words_ready(self) -> bool:
        """False when the first conversion will first compute the bounding words of a large
        glossary (seconds; cached on disk for later runs): a command may say so first."""
        if self._words is not None or not self.word_aware or not self.locks:
            return True
        from termkit.convert.words import keys_ready

        return keys_ready(self.locks, [f for f, lk in self.locks.items() if lk.free])

    def bounding_words(self) -> list[str]:
        """General words that keep the forms from locking inside words (:mod:`~termkit.convert.words`).

        Empty when word-aware matching is off (``words=False``).
        """
        if self._words is None:
            if not self.word_aware or not self.locks:
                self._words = []
            else:
                from termkit.convert.words import bounding_keys

                free = [f for f, lk in self.locks.items() if lk.free]
                self._words, pairs = bounding_keys(self.locks, free)
                index = {form: i for i, form in enumerate(self.locks)}
                self._pairs = {key: (i, j, index[key[i:j]]) for key, (i, j) in pairs.items()}
        return self._words

    def _scanner(self) -> Any:
        """The Aho–Corasick automaton of the locked forms and bounding words.

        Values index the keys: below ``len(self.locks)`` a form (and its target), above a
        word that locks nothing, or a locking pair (:attr:`_inner`: the form it locks).
        """
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            n_forms = len(self.locks)
            for idx, form in enumerate(itertools.chain(self.locks, self.bounding_words())):
                key = form.encode("utf-8").decode("latin-1") if self._bytes else form
                automaton.add_word(key, idx)
                self._lens.append(len(key))
                pair = self._pairs.get(form)
                if pair is not None:
                    i, j, target = pair
                    if self._bytes:
                        i, j = len(form[:i].encode("utf-8")), len(form[:j].encode("utf-8"))
                    self._inner[idx - n_forms] = (i, j, target)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def plain(self, text: str) -> str:
        """OpenCC alone, no glossary."""
        if "\x00" in text:
            # OpenCC reads C strings in some chains and loses what follows a NUL: convert
            # the pieces between NULs (no dictionary key holds one, so nothing spans them).
            return "\x00".join([self.plain(p) for p in text.split("\x00")])
        result: str = self._cc.convert(text)
        return result

    def _lookup_spans(self, text: str) -> list[tuple[int, int, int]]:
        """:meth:`_spans` by dictionary look-ups (:func:`~termkit.convert.words.read_keys`),
        in characters, with no automaton to build: for short texts."""
        from termkit.convert.words import read_keys

        if self._table is None:
            table = dict.fromkeys(self.bounding_words(), -1)
            n_forms = len(self.locks)
            # a locking pair reads as an index above the forms', turned into its form below
            table.update((key, n_forms + k) for k, key in enumerate(self._pairs))
            table.update((form, idx) for idx, form in enumerate(self.locks))
            self._table = table
            self._longest = max(map(len, table), default=0)
            self._pair_inner = list(self._pairs.values())  # by the index above the forms'
        spans = read_keys(self._table, self._longest, text)
        if not self._pairs:
            return spans
        n_forms, inner = len(self.locks), self._pair_inner
        return [(s, e, k) if k < n_forms else
                (s + inner[k - n_forms][0], s + inner[k - n_forms][1], inner[k - n_forms][2])
                for s, e, k in spans]

    def _use_lookups(self, text: str) -> bool:
        """True when ``text`` is read by look-ups (short, and no automaton built yet)."""
        if self._automaton is not None or len(text) > self._budget:
            return False
        self._budget -= len(text)
        return True

    def _spans(self, scanned: str) -> list[tuple[int, int, int]]:
        """Locked matches ``(start, end, target index)`` in the scanned form of a text.

        Forward maximum matching over forms and bounding words, as OpenCC reads a text:
        leftmost-longest keys, not overlapping; the words among them lock nothing.
        """
        scanner = self._scanner()  # first: it fills self._lens and self._inner
        lens = self._lens
        n_forms = len(self._targets)
        inner = self._inner
        # iter() reports matches by end position, so for one start the last one reported
        # is the longest: a dict keeps exactly that. (iter_long() is not used: it misses
        # matches after a failed longer candidate, found by randomized tests.)
        best = {end - lens[idx] + 1: idx for end, idx in scanner.iter(scanned)}
        spans: list[tuple[int, int, int]] = []
        pos = 0
        for start in sorted(best):
            if start >= pos:
                idx = best[start]
                pos = start + lens[idx]
                if idx < n_forms:
                    spans.append((start, pos, idx))
                elif inner and idx - n_forms in inner:
                    i, j, target = inner[idx - n_forms]
                    spans.append((start + i, start + j, target))
        return spans

    def _broken_spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where the forms holding a line break stand whole in ``text``: ``(start, end,
        target)``, leftmost-longest, not overlapping."""
        if not self.broken_locks or "\n" not in text:
            return []
        if self._broken is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for form, lk in self.broken_locks.items():
                automaton.add_word(form, (len(form), lk.target))
            automaton.make_automaton()
            self._broken = automaton
        from termkit.aho import leftmost_longest

        return [(end - size + 1, end + 1, target) for end, (size, target)
                in leftmost_longest(self._broken.iter(text), itemgetter(0))]

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Locked spans ``(start, end, target)`` in characters, leftmost-longest, not overlapping.

        Forms holding a line break are found first; the others between them."""
        broken = self._broken_spans(text)
        if not broken:
            return self._line_matches(text)
        out: list[tuple[int, int, str]] = []
        pos = 0
        for start, end, target in [*broken, (len(text), len(text), "")]:
            out.extend((s + pos, e + pos, t) for s, e, t in self._line_matches(text[pos:start]))
            if end > start:
                out.append((start, end, target))
            pos = end
        return out

    def _line_matches(self, text: str) -> list[tuple[int, int, str]]:
        """:meth:`matches` of the forms without a line break."""
        if not self.locks:
            return []
        if self._use_lookups(text):
            return [(s, e, self._targets[i]) for s, e, i in self._lookup_spans(text)]
        if not self._bytes:
            return [(s, e, self._targets[i]) for s, e, i in self._spans(text)]
        data = text.encode("utf-8")
        out: list[tuple[int, int, str]] = []
        char_pos = byte_pos = 0
        for start, end, idx in self._spans(data.decode("latin-1")):
            char_pos += len(data[byte_pos:start].decode("utf-8"))
            length = len(data[start:end].decode("utf-8"))
            out.append((char_pos, char_pos + length, self._targets[idx]))
            char_pos += length
            byte_pos = end
        return out

    def convert(self, text: str) -> str:
        """Convert ``text``: locked terms get their target form, the rest goes through OpenCC.

        A form holding a line break locks where it stands whole, its break as the glossary
        has it; the text between such forms is converted in one call, each form a hard
        boundary as every locked form is."""
        broken = self._broken_spans(text)
        if not broken:
            return self._convert_lines(text)
        bounds = [0, *(x for s, e, _ in broken for x in (s, e)), len(text)]
        pieces = [text[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2)]
        marker = _marker_for(text)
        converted = self._convert_lines(marker.join(pieces)).split(marker)
        if len(converted) != len(pieces):  # pragma: no cover - a target holding the marker
            converted = [self._convert_lines(p) for p in pieces]
        middle = itertools.chain.from_iterable(
            zip([t for _s, _e, t in broken], converted[1:], strict=True))
        return converted[0] + "".join(middle)

    def _convert_lines(self, text: str) -> str:
        """:meth:`convert` with the forms without a line break."""
        if not self.locks:
            return self.plain(text)
        # The compiled lock first: it refuses a text holding a NUL (among others), so a large
        # text is not scanned for one twice.
        if self.engine == "opencc" or (self.engine == "auto" and len(text) >= ENGINE_MIN):
            engine = self.compiled_lock()
            if engine is not None:
                out: str | None = engine.convert(text)
                if out is not None:
                    return out
        if "\x00" in text:  # see plain(); no locked form holds a NUL either
            return "\x00".join([self._convert_lines(p) for p in text.split("\x00")])
        return self._convert_python(text)

    def compiled_lock(self) -> Any:
        """The lock compiled into OpenCC (:mod:`termkit.convert.compiled_lock`), built on first call.

        ``None`` when there is nothing to lock or the lock cannot be compiled (the Python lock
        then does the work, with the same output).
        """
        if not self._engine_tried and self.locks:
            from termkit.convert.compiled_lock import compile_lock

            self._engine_tried = True
            words = self.bounding_words()
            self._engine = compile_lock(self.config, {f: lk.target for f, lk in self.locks.items()},
                                        words, {key: (i, j, self._targets[t])
                                                for key, (i, j, t) in self._pairs.items()})
        return self._engine

    def _convert_python(self, text: str) -> str:
        """The lock in Python: Aho–Corasick matches, placeholders, one OpenCC call."""
        in_bytes = False
        if self._use_lookups(text):
            scanned = text
            spans = self._lookup_spans(text)
        else:
            in_bytes = self._bytes
            scanned = text.encode("utf-8").decode("latin-1") if in_bytes else text
            spans = self._spans(scanned)
        if not spans:
            return self.plain(text)
        marker = _marker_for(text)
        # Comprehensions and C-level joins: this runs once per match on large inputs.
        bounds = [0, *(x for s, e, _ in spans for x in (s, e)), len(scanned)]
        pieces = [scanned[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2)]
        if in_bytes:
            joined = marker.encode("utf-8").decode("latin-1").join(pieces)
            joined = joined.encode("latin-1").decode("utf-8")
        else:
            joined = marker.join(pieces)
        converted = self.plain(joined).split(marker)
        if len(converted) != len(pieces):  # pragma: no cover - OpenCC never touches PUA
            raise UsageError("OpenCC changed a placeholder; cannot lock terms in this text")
        targets = self._targets
        middle = itertools.chain.from_iterable(
            zip([targets[idx] for _s, _e, idx in spans], converted[1:], strict=True)
        )
        return converted[0] + "".join(middle)

    def convert_parts(self, parts: list[str]) -> list[str]:
        """Convert pieces of one text that must stay apart (markup between them) in one call."""
        if len(parts) == 1:
            return [self.convert(parts[0])]
        marker = _marker_for("".join(parts))
        out = self.convert(marker.join(parts)).split(marker)
        if len(out) != len(parts):  # pragma: no cover - a target form containing the marker
            return [self.convert(p) for p in parts]
        return out

    def convert_stream(self, chunks: Iterable[str], chunk_size: int = CHUNK) -> Iterator[str]:
        """Convert a stream of text pieces in bounded chunks that never split a line or term.

        Chunks are cut after a line end; a line longer than ``4 * chunk_size`` is cut at a
        space or Chinese sentence punctuation that no glossary term spans.
        """
        buf: list[str] = []
        size = 0
        for piece in chunks:
            buf.append(piece)
            size += len(piece)
            if size < chunk_size:
                continue
            text = "".join(buf)
            cut = self._line_cut(text)
            if cut == 0 and len(text) >= 4 * chunk_size:
                cut = self._safe_cut(text, chunk_size)
            if cut <= 0:
                buf, size = [text], len(text)
                continue
            yield self.convert(text[:cut])
            rest = text[cut:]
            buf, size = ([rest], len(rest)) if rest else ([], 0)
        if buf:
            yield self.convert("".join(buf))

    def _line_cut(self, text: str) -> int:
        """The position after the last line end of ``text`` that no form holding a line
        break may cross (0 when there is none): the text before it must not end with such a
        form's beginning up to one of its line breaks, since its rest may follow."""
        cut = text.rfind("\n") + 1
        heads = self._broken_heads
        while cut > 0 and heads and any(text.endswith(h, 0, cut) for h in heads):
            cut = text.rfind("\n", 0, cut - 1) + 1
        return cut

    def _safe_cut(self, text: str, window: int) -> int:
        """A position after a separator in the last ``window`` characters that no locked term
        spans (0 when there is none)."""
        spans = self.matches(text)
        covered = [(s, e) for s, e, _ in spans]
        pos = len(text) - 1
        stop = max(0, len(text) - window)
        while pos > stop:
            if text[pos] in " \t。！？；，":
                cut = pos + 1
                if not any(s < cut < e for s, e in covered):
                    return cut
            pos -= 1
        return 0


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic of a glossary (a domain of its concepts) and how many forms wait for it."""

    name: str
    concepts: int
    topic_only: int  # forms that lock only when this topic (or another of theirs) is on


def list_topics(glossary: Glossary) -> list[Topic]:
    """The topics of ``glossary``'s concepts, sorted by name, with their counts."""
    concepts: dict[str, int] = {}
    waiting: dict[str, int] = {}
    for c in glossary.concepts:
        # (form, script) entries of its lock-topic-only prop (forms may hold spaces)
        entries = _topic_only_entries(c)
        listed = sum(_entries(entries, form) for form in {t.text for t in c.terms if t.text}) \
            if entries else 0
        for d in c.domains:
            concepts[d] = concepts.get(d, 0) + 1
            waiting[d] = waiting.get(d, 0) + listed
    return [Topic(name, concepts[name], waiting[name]) for name in sorted(concepts)]


def topic_words(glossary: Glossary, config: str, text: str) -> dict[str, dict[str, int]]:
    """Per topic, the words of ``text`` whose conversion that topic changes, counted.

    ``text`` is read as the lock reads it with every topic on (word-aware); a form counts for
    a topic when, with that topic on, it locks to another target than the default scope's
    lock (or, locked by none, plain OpenCC's output). A form several concepts keep for
    different topics counts for each topic that changes it, whichever concept each one
    brings. What ``convert --list-topics INPUT`` shows, so a user can see which topics a
    text would use. Read with every topic on, a longer form of another topic can cover a
    word (政務次長 over 次長) that a single topic would lock: that word is not counted for it.
    """
    script = lang.parse(CONFIG_VARIANTS[check_config(config)][0]).script
    # form -> the concepts that keep it for a topic (only these forms can change with one)
    keepers: dict[str, list[Concept]] = {}
    for c in glossary.concepts:
        if TOPIC_ONLY_PROP in c.props:
            for t in c.terms:
                if t.text and _listed(c, t.text, script) \
                        and c not in keepers.setdefault(t.text, []):
                    keepers[t.text].append(c)
    if not keepers:
        return {}
    default = build_locks(glossary, config)
    conv = Converter(config, glossary, topics=(ALL_TOPICS,))
    # Concepts holding a form, in glossary order: build_locks over them alone picks the same
    # lock for that form as over the whole glossary (its ranking keeps glossary order).
    holders: dict[str, list[Concept]] = {}
    changes: dict[str, list[str]] = {}  # form -> the topics that change it
    out: dict[str, dict[str, int]] = {}
    for start, end, _target in conv.matches(text):
        form = text[start:end]
        if form not in keepers:
            continue
        if form not in changes:
            if not holders:
                for c in glossary.concepts:
                    for name in {t.text for t in c.terms}:
                        if name in keepers:
                            holders.setdefault(name, []).append(c)
            before = default[form].target if form in default else conv.plain(form)
            topics = sorted({d for c in keepers[form] for d in c.domains})
            own = Glossary(concepts=holders[form])
            changes[form] = [d for d in topics
                             if (lk := build_locks(own, config, (d,)).get(form)) is not None
                             and lk.target != before]
        for topic in changes[form]:
            counts = out.setdefault(topic, {})
            counts[form] = counts.get(form, 0) + 1
    return out


def parse_topics(values: Iterable[str], glossary: Glossary | None) -> frozenset[str]:
    """Topic names from ``--topic`` values (comma-separated, repeatable), checked.

    ``all`` switches every topic on; a name matches a topic in any case (``it`` is ``IT``)
    when it folds to one only. An unknown name is a :class:`UsageError` that lists the
    glossary's topics.
    """
    names = {v.strip() for value in values for v in value.split(",") if v.strip()}
    known = {t.name for t in list_topics(glossary)} if glossary is not None else set()
    # ``--topic it`` is IT: a name in another case means the one topic it folds to.
    folded: dict[str, list[str]] = {}
    for name in known | {ALL_TOPICS}:
        folded.setdefault(name.casefold(), []).append(name)
    names = {n if n in known or len(folded.get(n.casefold(), ())) != 1 else folded[n.casefold()][0]
             for n in names}
    unknown = sorted(names - known - {ALL_TOPICS})
    if unknown:
        raise UsageError(f"unknown topic {unknown[0]!r}",
                         hint="topics of the glossaries: " + (", ".join(sorted(known)) or "none")
                         + f"; or {ALL_TOPICS}")
    return frozenset(names)


def load_lock_glossaries(paths: Iterable[str], *, format: str | None = None,
                         format_option: str | None = None) -> Glossary:
    """Read glossary files for locking: concepts concatenated in file order, not merged.

    Merging (:func:`termkit.glossary.load_glossaries`) re-sorts and joins concepts, which
    would change which concept wins a contested form; for locking, earlier files win ties.
    ``format`` and ``format_option`` as for :func:`termkit.glossary.load_glossary`.
    """
    from termkit.glossary import load_glossary

    result = Glossary()
    for p in paths:
        g = load_glossary(p, format=format, format_option=format_option)
        result.concepts.extend(g.concepts)
        result.notices.extend(g.notices)
    return result


@functools.lru_cache(maxsize=8)
def _empty_converter(config: str) -> Converter:
    return Converter(config)


def convert_text(text: str, config: str, glossary: Glossary | None = None,
                 topics: Collection[str] = ()) -> str:
    """Convert one text with ``config`` (e.g. ``"tw2sp"``), locking the glossary's terms."""
    if glossary is None or not glossary.concepts:
        return _empty_converter(check_config(config)).convert(text)
    return Converter(config, glossary, topics=topics).convert(text)
