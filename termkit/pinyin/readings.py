"""pypinyin's readings of Chinese runs, looked up on the Simplified form, without pypinyin's import.

Owns the lookups the annotator, the name reader and the compatibility layer share:
:func:`simplified_key` (OpenCC ``t2s`` of a run, same length), :func:`han_run` (what pypinyin
counts as Chinese), :func:`char_readings` (its per-character table) and
:func:`pypinyin_readings` / :func:`pypinyin_readings_many` (readings per character of a run,
segmented as pypinyin segments it, mapped back to the original characters). The tables come from
the snapshot in :mod:`termkit.pinyin.snapshot` when it can be used, else from pypinyin itself.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from termkit.pinyin.snapshot import PypinyinData


@cache
def _data() -> PypinyinData | None:
    # pypinyin's dictionaries without importing pypinyin (see termkit.pinyin.snapshot).
    from termkit.pinyin.snapshot import pypinyin_data

    return pypinyin_data()


@cache
def han_run() -> re.Pattern[str]:
    """What pypinyin counts as a run of Chinese characters (searching, not anchored)."""
    data = _data()
    if data is not None:
        pattern = data.hans.pattern
    else:
        from pypinyin.constants import RE_HANS

        pattern = RE_HANS.pattern
    # pypinyin's own definition of "has a reading": runs split the same way it splits them.
    return re.compile(pattern.lstrip("^").rstrip("$"))


@cache
def char_readings() -> dict[int, str]:
    """pypinyin's readings per code point (comma-separated tone-mark readings)."""
    data = _data()
    if data is not None:
        return data.chars()  # the snapshot of pypinyin's PINYIN_DICT
    from pypinyin.constants import PINYIN_DICT

    return dict(PINYIN_DICT)  # a private copy: never mutated, never shared


def simplified_key(text: str) -> str:
    """``text`` in Simplified characters for phrase lookup, same length, else ``text`` itself."""
    from termkit.scriptconv import convert

    converted = convert("t2s", text)
    return converted if len(converted) == len(text) else text


def _keep_each(chars: str) -> list[list[str]]:
    # pypinyin errors= policy: a character without a reading stays one item by itself.
    return [[c] for c in chars]


def pypinyin_readings(original: str, key: str, heteronym: bool) -> list[tuple[str, ...]]:
    """Tone-mark readings per character of a Chinese run, looked up on its Simplified form."""
    return pypinyin_readings_many([original], [key], heteronym)[0]


def pypinyin_readings_many(
    originals: list[str], keys: list[str], heteronym: bool
) -> list[list[tuple[str, ...]]]:
    """`pypinyin_readings` for many runs (each run segmented alone, as pypinyin does)."""
    out: list[list[tuple[str, ...]]] = []
    for original, key in zip(originals, keys, strict=True):
        result = _run_readings(key, heteronym)
        if original == key:
            out.append(result)
            continue
        # t2s may merge characters with different readings (乾/干): keep only readings the
        # original character has, else use the original character's own reading.
        out.append([
            _own_readings(ch, simp, reads, heteronym) if ch != simp else (reads or (ch,))
            for ch, simp, reads in zip(original, key, result, strict=True)
        ])
    return out


# pypinyin's readings of one word of its own segmentation, per heteronym flag. A text repeats
# its words, and pypinyin's per-word conversion (a deepcopy of the phrase entry, style dispatch
# per syllable) was most of the annotation time. Keys are pypinyin's own words, so the result is
# exactly what pypinyin returns for the word (it converts each word of a run independently).
# pypinyin's dictionaries are taken as fixed for the process (they are never changed here).
_WORD_READINGS: dict[tuple[str, bool], tuple[tuple[str, ...], ...]] = {}
_WORD_READINGS_MAX = 1 << 18  # cleared when full: bounded memory on endless input


def _word_readings(word: str, heteronym: bool) -> tuple[tuple[str, ...], ...]:
    found = _WORD_READINGS.get((word, heteronym))
    if found is None:
        data = _data()
        found = data.readings(word, heteronym) if data is not None else None
        if found is None and data is not None and _unread(data, word):
            # pypinyin keeps a Chinese character it has no reading for as its own reading
            # (the _keep_each policy): answered without importing pypinyin, which costs
            # 0.3 s for one rare character in a build (tests/test_pinyin_speed.py holds the
            # answer to pypinyin's).
            found = ((word,),)
        if found is None:
            from pypinyin import Style as PStyle
            from pypinyin import pinyin

            got = pinyin([word], style=PStyle.TONE, heteronym=heteronym, errors=cast(Any, _keep_each))
            found = tuple(tuple(r) for r in got)
        if not _SANDHI.keys().isdisjoint(word):
            found = _citation_tones(word, found)
        if len(_WORD_READINGS) >= _WORD_READINGS_MAX:
            _WORD_READINGS.clear()
        _WORD_READINGS[word, heteronym] = found
    return found


# The tone changes pinyin orthography does not write (GB/T 16159-2012 marks a syllable's own
# tone, 标原调，不标变调, as CC-CEDICT does): 一 and 不 change their tone before another
# syllable in speech, and pypinyin's phrase table writes the change in some words only
# (一定 yídìng but 一共 yīgòng, 不是 búshì but 不但 bùdàn). Other readings (不 fǒu) are the
# character's own, kept. A neutral tone is no change: where CC-CEDICT reads the word's 一 or 不
# neutral in every entry (对不起 dui4 bu5 qi3, 来不及 lai2 bu5 ji2), it is written without a
# mark (duìbuqǐ), which pypinyin's table does not (duìbùqǐ).
_SANDHI: dict[str, dict[str, str]] = {"一": {"yí": "yī", "yì": "yī"}, "不": {"bú": "bù"}}
_NEUTRAL = {"一": "yi", "不": "bu"}


def _citation_tones(word: str, found: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """``found`` (readings per character of ``word``) with 一 and 不 in their own tones: the
    changed tone becomes the citation tone, first, and stays no other candidate."""
    out = list(found)
    for i, (ch, reads) in enumerate(zip(word, found, strict=True)):
        changes = _SANDHI.get(ch)
        if changes is not None and reads and reads[0] in changes:
            out[i] = tuple(dict.fromkeys(changes.get(r, r) for r in reads))
    if len(word) > 1:
        for i in _neutral_sandhi(word):
            own = _NEUTRAL[word[i]]
            out[i] = (own, *(r for r in out[i] if r != own))
    return tuple(out)


def _neutral_sandhi(word: str) -> tuple[int, ...]:
    """Where CC-CEDICT reads ``word``'s 一 or 不 in the neutral tone (its word list)."""
    from termkit.pinyin.words import word_index

    return word_index().words.neutral_sandhi(word)


def _unread(data: PypinyinData, word: str) -> bool:
    """One character pypinyin counts as Chinese but has no reading for (a rare extension-B
    character t2s gives, say)."""
    return len(word) == 1 and data.char(word) is None and data.hans.fullmatch(word) is not None


def _run_readings(key: str, heteronym: bool) -> list[tuple[str, ...]]:
    """pypinyin's readings of one run, word by word of pypinyin's own segmentation."""
    flat: list[tuple[str, ...]] = []
    for word in _pypinyin_words(key):
        flat.extend(_word_readings(word, heteronym))
    if len(flat) != len(key):
        # A character pypinyin could not place: read the run character by character.
        from pypinyin import Style as PStyle
        from pypinyin import pinyin

        flat = [tuple(pinyin(c, style=PStyle.TONE, heteronym=heteronym)[0]) for c in key]
    return flat


def _pypinyin_words(key: str) -> list[str]:
    """The words ``pypinyin.pinyin(key)`` converts one by one (its segmentation)."""
    data = _data()
    if data is not None and data.hans.match(key):
        return data.cut(key)  # pypinyin's cutter on the snapshot, identical results
    from pypinyin.constants import PHRASES_DICT, RE_HANS
    from pypinyin.seg import mmseg

    if RE_HANS.match(key) and PHRASES_DICT:
        # What pypinyin's seg() does for a run that is all Chinese, minus its per-character
        # pre-split (a regular-expression match per character).
        return list(mmseg.seg.cut(key))
    from pypinyin.seg.simpleseg import seg

    return list(seg(key))


@lru_cache(maxsize=65536)
def _own_readings(ch: str, simp: str, reads: tuple[str, ...], heteronym: bool) -> tuple[str, ...]:
    """The readings in ``reads`` (the word's, read on its Simplified form ``simp``) that ``ch``
    has, else ``ch``'s own pypinyin reading.

    Where ``ch`` is the Traditional character OpenCC writes for ``simp`` (the one ``simp``
    usually stands for, not 乾 for 干) and CC-CEDICT gives ``ch`` the word's readings, they are
    ``ch``'s whatever pypinyin's table of ``ch`` lists: 沒 has only méi there, CC-CEDICT also
    mò, so 沒收 reads mòshōu as 没收 does (髒亂 stays zāngluàn: 脏's zàng is not 髒's).
    """
    own = char_readings().get(ord(ch), "").split(",")
    kept = [r for r in reads if r in own]
    if not kept and reads and _round_trip(simp) == ch and set(reads) <= _cedict_readings(ch):
        return reads
    # pinyin(ch)[0]: one character is one word of pypinyin's segmentation.
    chosen = kept or _word_readings(ch, heteronym)[0]
    return tuple(chosen) if chosen else (ch,)


@lru_cache(maxsize=4096)
def _cedict_readings(ch: str) -> frozenset[str]:
    """The tone-mark readings CC-CEDICT gives the character ``ch`` (沒: méi, mò; 髒: zāng):
    the check that a reading pypinyin's table lacks is the character's, not a reading of its
    Simplified form only (脏 zàng is never 髒's). Loads the dictionary, on the rare texts
    that need it."""
    from termkit.lexicon import get_lexicon
    from termkit.pinyin.romanize import marked

    return frozenset(marked(e.pinyin.lower()) for e in get_lexicon().lookup(ch))


def _round_trip(simp: str) -> str:
    """The Traditional character OpenCC writes for the Simplified character ``simp``."""
    from termkit.scriptconv import convert

    return convert("s2t", simp)


# --------------------------------------------------------------------------- glossary readings

