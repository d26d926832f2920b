"""Word-aware locking: the general words that keep a glossary form from firing inside a word.

A glossary form should be locked only where it stands as a word of the text: ``供應`` is a
word in ``穩定供應``, not in ``供應鏈`` (supply chain) or ``提供應用`` (provide applications),
and ``強生`` is not a word in ``加強生態``. Both lock engines read a text the way OpenCC reads
one, by *forward maximum matching*: at each position the longest dictionary key wins and the
scan goes on after it. This module adds general words to the lock's dictionary as entries
that lock nothing (they leave their text to OpenCC), so the maximum match itself refuses to
cut them:

- a general word that *contains* a form (``供應鏈`` ⊃ ``供應``), and
- a general word at least as long as the form that *crosses its left edge* (``提供`` ends
  where ``供應`` starts): reading left to right, the word comes first and the form is never
  reached (a shorter word does not count: ``說文`` does not cut ``說文字體系``'s ``文字體系``);
- a form crossed on its *right edge* by a general word (``檔案`` after ``文件檔``) is
  refused when the rest of the form is a general word too: ``文件檔案`` reads as
  ``文件|檔案``, so the pair becomes an entry of its own. When the rest is itself a glossary
  form (``東協`` of ``東協助``), the glossary tells the compound apart and the form wins.
  When the crossing word is a form itself (``成長率`` after ``經濟成長``), the pair reads
  whole and locks that form, which stands as a word there (``經濟|成長率``): a *locking
  pair*. A locking pair is refused in turn where a general word crosses its own right edge
  and what it leaves is a word (``執行檔名稱`` reads ``執行檔|名稱``, not ``執行|檔名|稱``);
  that entry locks what it leaves when that is a form.

General words are CC-CEDICT's headwords (both scripts) and the keys of OpenCC's phrase
dictionaries, two characters or longer. A glossary form always beats a general word of the
same text (the user's compounds win over the general list), and forms of concepts with the
prop ``lock-match: substring`` are not kept from firing by any word.

The decision is data: the bounding words are keys of the lock dictionary that lock nothing,
and each locking pair a key that locks one form inside it (:func:`bounding_keys`).
The Python lock runs an Aho–Corasick automaton over forms and words (short texts are read by
dictionary look-ups instead, :func:`read_keys`: the same reading without building an automaton
over hundreds of thousands of keys); the compiled lock writes
both into OpenCC's normalization dictionary (:mod:`termkit.convert.compiled_lock`), words
mapped to themselves. Both take the leftmost-longest keys, so both lock the same places.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import marshal
import re
from collections.abc import Collection, Iterable
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from termkit.lexicon import cache_dir, write_cache

# Bump when what bounding_words returns for the same forms changes (old caches are ignored).
WORDS_VERSION = 6
SMALL = 200  # fewer forms than this are computed at once (well under 0.1 s), not cached
KEEP_CACHES = 12  # word lists of other glossaries (and configs, topics) kept on disk
# Characters read by dictionary look-ups (read_keys) before an automaton is built instead.
LOOKUP_BUDGET = 20_000

# OpenCC's phrase dictionaries (both scripts, every region): their keys are words OpenCC
# itself reads as one unit.
PHRASE_DICTS = (
    "STPhrases", "TSPhrases", "TWPhrases", "TWPhrasesRev", "TWVariantsPhrases",
    "TWVariantsRevPhrases", "HKPhrases", "HKPhrasesRev", "HKVariantsPhrases",
    "HKVariantsRevPhrases", "STPhrases_GeneratedFromRegionalPhrases",
)

# A general word is used only if it is plain text OpenCC's dictionary format can carry as a
# key and a value: no separators, no comment mark, no private-use or description characters.
_PLAIN_WORD = re.compile(r"^[^\s#\x00\ufeff\u2ff0-\u2fff\u31ef\ue000-\uf8ff]{2,}$")


@functools.cache
def general_words() -> frozenset[str]:
    """CC-CEDICT headwords and OpenCC phrase keys, both scripts, two characters or more."""
    from termkit.convert.opencc_data import dictionary
    from termkit.lexicon import get_word_list

    words = {w for w in get_word_list().headwords() if _PLAIN_WORD.match(w)}
    for name in PHRASE_DICTS:
        try:
            keys = dictionary(name)
        except (OSError, ValueError):  # pragma: no cover - an OpenCC build without it
            continue
        words.update(k for k in keys if _PLAIN_WORD.match(k))
    return frozenset(words)


@functools.cache
def _sources_stamp() -> str:
    """What the general words are made from: the CC-CEDICT file and OpenCC's phrase
    dictionaries, by content (:func:`~termkit.lexicon.file_stamp`), not by path or time: every
    environment that installed the same releases shares one cached word list (by the
    installation's path, each venv built its own, and a few venvs evicted each other's)."""
    import opencc

    from termkit.convert.configs import opencc_share_dir
    from termkit.lexicon import cedict_path, file_stamp

    parts = [file_stamp(cedict_path()), str(getattr(opencc, "__version__", ""))]
    for name in PHRASE_DICTS:
        path = Path(opencc_share_dir()) / f"{name}.ocd2"
        parts.append(file_stamp(path) if path.is_file() else "-")  # a build without it
    return "-".join(parts)


@functools.cache
def _by_length() -> tuple[tuple[str, ...], ...]:
    """The general words grouped by length: index ``n`` holds the words of ``n`` characters."""
    groups: dict[int, list[str]] = {}
    for w in general_words():
        groups.setdefault(len(w), []).append(w)
    longest = max(groups, default=0)
    return tuple(tuple(sorted(groups.get(n, ()))) for n in range(longest + 1))


@functools.cache
def _joined() -> tuple[str, list[int]]:
    """Every general word on one line each, and the offset where each line starts."""
    words = sorted(general_words())
    text = "\n" + "\n".join(words) + "\n"
    starts: list[int] = []
    pos = 1
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return text, starts


def clear_caches() -> None:
    """Forget what this process derived from :func:`general_words` (the words by length,
    joined, and small glossaries' bounding words), e.g. after the word list was swapped."""
    _by_length.cache_clear()
    _joined.cache_clear()
    _small_bounding_keys.cache_clear()


def _scan(forms: Collection[str], *, left_only: bool = False
          ) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """Words containing a form, words ending in a proper prefix of a form, and for each
    proper suffix of a form the words it starts (all general words, none equal to the piece).

    By look-ups: each proper suffix and prefix of each general word against the pieces of the
    forms, one pass of set operations per piece length (a few hundred thousand slices in
    all), rather than one automaton hit per piece found, which cost seconds for a large
    glossary and again for each of its topics."""
    # A word crossing the left edge counts when it is not shorter than the form (the
    # shortest form with that prefix, when several share it); with left_only, any word.
    shortest: dict[str, int] = {}
    suffixes: dict[int, set[str]] = {}
    for f in forms:
        size = 0 if left_only else len(f)
        for k in range(1, len(f)):
            head = f[:k]
            if shortest.get(head, size + 1) > size:
                shortest[head] = size
            if not left_only:
                suffixes.setdefault(len(f) - k, set()).add(f[k:])
    heads_by_len: dict[int, set[str]] = {}
    for head in shortest:
        heads_by_len.setdefault(len(head), set()).add(head)
    containing: set[str] = set()
    left: set[str] = set()
    starting: dict[str, set[str]] = {}
    groups = _by_length()
    for n in range(2, len(groups)):
        group = groups[n]
        if not group:
            continue
        for m in range(1, n):
            heads = heads_by_len.get(m)
            if heads:  # words of n characters whose last m characters begin a form
                if not left_only:
                    heads = {h for h in heads if shortest[h] <= n}
                left.update([w for w in group if w[n - m:] in heads])
            tails = suffixes.get(m)
            if tails:  # words of n characters whose first m characters end a form
                for w in [w for w in group if w[:m] in tails]:
                    starting.setdefault(w[:m], set()).add(w)
    if not left_only and forms:
        # Forms inside longer words: one automaton pass over the words joined by line breaks
        # (few hits, unlike the pieces).
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for f in forms:
            automaton.add_word(f, len(f))
        automaton.make_automaton()
        text, starts = _joined()
        for end, size in automaton.iter(text):
            start = end - size + 1
            w_start = starts[bisect.bisect_right(starts, start) - 1]
            w_end = text.index("\n", start)
            if w_end - w_start > size:
                containing.add(text[w_start:w_end])
    return containing, left, starting


# A key that reads whole and locks the form at [start, end) inside it (a locking pair).
Inner = tuple[int, int]


def bounding_words(forms: Collection[str], free: Collection[str] = ()) -> list[str]:
    """The general words (and word pairs) that keep ``forms`` from firing inside words.

    Sorted; none of them is a form. ``free`` forms (``lock-match: substring``) are left to
    fire wherever they occur: no word that crosses or contains one is returned. Locking pairs
    are among them (:func:`bounding_keys` says which form each locks).
    """
    return bounding_keys(forms, free)[0]


def bounding_keys(forms: Collection[str], free: Collection[str] = ()
                  ) -> tuple[list[str], dict[str, Inner]]:
    """:func:`bounding_words`, and the locking pairs among them: key -> the ``(start, end)``
    of the form it locks. Computed once per set of forms and cached on disk (about a second
    for 5,000 forms)."""
    forms = set(forms)
    free = set(free) & forms
    if len(forms) < SMALL:
        words, inner = _small_bounding_keys(frozenset(forms), frozenset(free))
        return list(words), dict(inner)
    target = _cache_path(forms, free)
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        data = marshal.loads(target.read_bytes())
        if isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], list):
            return data[0], dict(data[1])
    found, pairs = _bounding_keys(forms, free)
    write_cache(target, (found, pairs), "lockwords-v*.marshal", keep=KEEP_CACHES)
    return found, pairs


def keys_ready(forms: Collection[str], free: Collection[str] = ()) -> bool:
    """Whether :func:`bounding_keys` of these forms is quick: few forms, or a list cached on
    disk by an earlier run. Otherwise the first call reads the general word list against
    every form (seconds for a large glossary), which a command may want to say first."""
    forms = set(forms)
    if len(forms) < SMALL:
        return True
    try:
        return _cache_path(forms, set(free) & forms).exists()
    except OSError:  # a cache folder that cannot be looked into: computed, as bounding_keys does
        return False


def _cache_path(forms: set[str], free: set[str]) -> Path:
    """Where the bounding keys of ``forms`` are cached: keyed by the forms, the free forms
    and the sources the general words come from."""
    key = hashlib.sha1(_sources_stamp().encode("utf-8"))
    for group in (sorted(forms), sorted(free)):
        key.update("\x1e".join(group).encode("utf-8") + b"\x1f")
    return cache_dir() / f"lockwords-v{WORDS_VERSION}-{key.hexdigest()[:20]}.marshal"


@functools.lru_cache(maxsize=64)
def _small_bounding_keys(forms: frozenset[str], free: frozenset[str]
                         ) -> tuple[tuple[str, ...], tuple[tuple[str, Inner], ...]]:
    """:func:`_bounding_keys` of a small glossary, kept for the process (a few glossaries
    are often read many times: each check, audit and converter of one run)."""
    found, pairs = _bounding_keys(set(forms), set(free))
    return tuple(found), tuple(sorted(pairs.items()))


def _bounding_keys(forms: set[str], free: set[str]) -> tuple[list[str], dict[str, Inner]]:
    bounded = forms - free
    containing, left, starting = _scan(bounded)
    words = general_words()
    extra = (containing | left) - forms
    pairs: dict[str, Inner] = {}
    for f in bounded:
        for k in range(1, len(f)):
            head, tail = f[:k], f[k:]
            if head not in words or head in forms:
                continue  # a form as head: the glossary itself tells the compound apart
            for w in starting.get(tail, ()):
                union = head + w
                if union in forms:
                    continue
                if w in bounded:
                    extra.add(union)
                    # The crossing word is a form: it locks there, unless the pair is a
                    # general word itself, which reads whole and locks nothing (互联网络, with
                    # 互联网 and 网络 both forms), as it does when that form is the only one.
                    if union not in words:
                        pairs[union] = (k, len(union))
                elif w not in forms and w not in containing:
                    # A free form crossing (it fires wherever it occurs) or a word that holds
                    # a form (兼容性 of 向后兼容性, holding 兼容): the crossed form stands.
                    extra.add(union)
    # A locking pair crossed on its right edge, inside its form (執行|檔名 by 名稱), by a
    # general word, where what it leaves is a word or a form (執行檔): that reading wins.
    if pairs:
        after = _scan(set(pairs))[2]
        for pair, (start, _end) in list(pairs.items()):
            for j in range(start + 1, len(pair)):
                rest = pair[:j]
                if rest not in words and rest not in bounded:
                    continue
                for w in after.get(pair[j:], ()):
                    union = rest + w
                    if union in forms or union in pairs:
                        continue
                    extra.add(union)
                    if rest in bounded and union not in words:
                        pairs[union] = (0, j)
    # Words that cross those words' left edges: reading left to right, they come first and
    # keep a bounding word from being read where it is not one (开发|软件, not 开|发软|件).
    extra |= _scan(extra, left_only=True)[1] - forms
    if free:
        c2, l2, s2 = _scan(free)
        extra -= c2 | l2
        extra -= {f[:k] + w for f in free for k in range(1, len(f)) for w in s2.get(f[k:], ())}
    return sorted(extra), {p: inner for p, inner in sorted(pairs.items()) if p in extra}


def read_keys(table: dict[str, int], longest: int, text: str) -> list[tuple[int, int, int]]:
    """Forward maximum matching by dictionary look-ups: ``(start, end, value)`` of the keys read.

    ``table`` maps keys to values; keys with a negative value are read but not returned
    (words that lock nothing); ``longest`` is the length of the longest key. At each
    position the longest key wins and the reading goes on after it. About a microsecond per
    character and key length: the engines use it for short texts, where building an
    Aho–Corasick automaton over hundreds of thousands of keys would cost more.
    """
    return read_sized(table, {}, text, every=tuple(range(longest, 0, -1)))


def key_sizes(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each first character of ``keys``, the lengths of the keys it starts, longest first."""
    keys = [k for k in keys if k]
    sizes: dict[str, list[int]] = {}
    # The distinct (first character, length) pairs, gathered at C level: far fewer than keys.
    for first, size in set(zip(map(itemgetter(0), keys), map(len, keys), strict=True)):
        sizes.setdefault(first, []).append(size)
    return {c: tuple(sorted(s, reverse=True)) for c, s in sizes.items()}


def read_sized(
    table: dict[str, int], sizes: dict[str, tuple[int, ...]], text: str, *, every: tuple[int, ...] = ()
) -> list[tuple[int, int, int]]:
    """:func:`read_keys`, trying at each position only the lengths of the keys that start
    with its character (:func:`key_sizes`): two or three look-ups a character instead of one
    per length up to the longest key. A character ``sizes`` does not hold tries ``every``
    length (longest first; :func:`read_keys` passes them all)."""
    out: list[tuple[int, int, int]] = []
    pos, n = 0, len(text)
    get = table.get
    lengths = sizes.get
    while pos < n:
        for size in lengths(text[pos], every):
            if pos + size <= n:
                value = get(text[pos:pos + size])
                if value is not None:
                    if value >= 0:
                        out.append((pos, pos + size, value))
                    pos += size
                    break
        else:
            pos += 1
    return out


def firing(locks: dict[str, str], words: Iterable[str], text: str,
           pairs: dict[str, Inner] | None = None) -> list[tuple[int, int, str]]:
    """Locked spans of ``text`` by forward maximum matching, the reference the engines follow.

    ``locks`` maps forms to targets, ``words`` are keys that lock nothing, except the
    locking ``pairs`` among them, which lock the form at ``(start, end)`` inside. Slow (a
    dictionary look-up per length and position): for tests and explanations, not for
    conversion.
    """
    table: dict[str, str | None] = dict.fromkeys(words)
    table.update(locks)
    inner = pairs or {}
    longest = max((len(k) for k in table), default=0)
    out: list[tuple[int, int, str]] = []
    pos = 0
    while pos < len(text):
        for size in range(min(longest, len(text) - pos), 0, -1):
            piece = text[pos : pos + size]
            if piece in table:
                target = table[piece]
                if target is not None:
                    out.append((pos, pos + size, target))
                elif piece in inner:
                    start, end = inner[piece]
                    out.append((pos + start, pos + end, locks[piece[start:end]]))
                pos += size
                break
        else:
            pos += 1
    return out


class WordMatcher:
    """Forms found where they stand as words: the lock's reading, for checks and audits.

    Forward maximum matching over the forms and their :func:`bounding_words`, as both lock
    engines read a text (character positions; no conversion). ``words=False`` reads the
    forms alone (leftmost-longest).
    """

    def __init__(self, forms: Iterable[str], free: Collection[str] = (), *,
                 words: bool = True) -> None:
        self.forms = sorted(set(forms))
        bounding, pairs = bounding_keys(self.forms, free) if words and self.forms else ([], {})
        # forms, then the locking pairs (each reads as the form inside it), then the words
        self._inner = list(pairs.values())
        self._keys = [*self.forms, *pairs, *(w for w in bounding if w not in pairs)]
        self._n_forms = len(self.forms)
        self._n_locking = self._n_forms + len(pairs)
        self._automaton: Any = None  # built once the look-ups have read their budget
        self._table: dict[str, int] | None = None
        self._sizes: dict[str, tuple[int, ...]] = {}
        # Building the automaton costs about as much as reading a character by look-ups per
        # key (0.4 s for the 250,000 keys of the cross-strait glossary): a check reads the few
        # texts that hold a form by look-ups and never builds it.
        self._budget = max(LOOKUP_BUDGET, len(self._keys))

    def _scanner(self) -> Any:
        import ahocorasick

        if self._automaton is None:
            self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for idx, key in enumerate(self._keys):
                self._automaton.add_word(key, idx)
            self._automaton.make_automaton()
        return self._automaton

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of every form read as a word of ``text``, in order."""
        if not self._keys:
            return []
        keys = self._keys
        if self._automaton is None and len(text) <= self._budget:
            self._budget -= len(text)
            if self._table is None:
                # forms and pairs keep their position, the bounding words read as -1
                self._table = dict(zip(keys, chain(range(self._n_locking),
                                                   repeat(-1, len(keys) - self._n_locking)),
                                       strict=True))
                self._sizes = key_sizes(keys)
            return [self._found(s, i) for s, _e, i in read_sized(self._table, self._sizes, text)]
        best = {end - len(keys[idx]) + 1: idx for end, idx in self._scanner().iter(text)}
        out: list[tuple[int, int, str]] = []
        pos = 0
        for start in sorted(best):
            if start >= pos:
                idx = best[start]
                pos = start + len(keys[idx])
                if idx < self._n_locking:
                    out.append(self._found(start, idx))
        return out

    def _found(self, start: int, idx: int) -> tuple[int, int, str]:
        """``(start, end, form)`` of the key ``idx`` read at ``start``: a locking pair gives
        the form inside it."""
        key = self._keys[idx]
        if idx < self._n_forms:
            return start, start + len(key), key
        i, j = self._inner[idx - self._n_forms]
        return start + i, start + j, key[i:j]
