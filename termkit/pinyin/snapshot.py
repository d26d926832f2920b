"""A snapshot of pypinyin's dictionaries, so annotation need not import pypinyin.

Owns :class:`PypinyinData`, pypinyin's character and phrase dictionaries kept in the termkit
cache folder, from which the annotator reads pypinyin's readings and segmentation without
importing pypinyin (importing it costs 0.25-0.5 s, most of ``termkit pinyin``'s start-up). The
snapshot is rebuilt from pypinyin when its dictionary files change.
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import re
from bisect import bisect_left
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

SNAPSHOT_VERSION = 1


class PypinyinData:
    """pypinyin's dictionaries (characters, phrases, what counts as Chinese) without pypinyin.

    Answers what ``pypinyin.pinyin(..., style=Style.TONE)`` answers for the common cases and
    ``None`` for the others (a character without a reading), which callers then ask pypinyin.
    Phrases are kept in shards by first character, parsed when a text needs them.
    """

    def __init__(self, shards: dict[str, str], hans: str) -> None:
        # shards: character -> its readings ("a,b" or ""), NUL, the phrases starting with it
        # ("\n"-joined, sorted), NUL, their readings ("\n"-joined; " " between characters, ","
        # between heteronyms). hans: pypinyin's RE_HANS pattern.
        self._shards = shards
        self.hans = re.compile(hans)
        # first character -> (its phrases, sorted; their raw readings), split on first use.
        # Phrases are found by bisection (a piece is a phrase prefix when the first phrase not
        # below it starts with it): splitting a shard is two C calls, where building a set of
        # every prefix of every phrase was most of the cost of a text with many new characters.
        self._lists: dict[str, tuple[list[str], list[str]]] = {}
        self._phrases: dict[str, tuple[tuple[str, ...], ...]] = {}  # parsed entries, by phrase

    def char(self, ch: str) -> str | None:
        """pypinyin's readings of one character (``"zhōng,zhòng"``), None when it has none."""
        shard = self._shards.get(ch)
        if shard is None:
            return None
        return shard.partition("\0")[0] or None

    def chars(self) -> dict[int, str]:
        """Every character reading as pypinyin's ``PINYIN_DICT`` holds them (code point keys)."""
        out: dict[int, str] = {}
        for ch, shard in self._shards.items():
            reads = shard.partition("\0")[0]
            if reads:
                out[ord(ch)] = reads
        return out

    def _list(self, first: str) -> tuple[list[str], list[str]]:
        found = self._lists.get(first)
        if found is None:
            found = ([], [])
            shard = self._shards.get(first)
            if shard is not None:
                _, phrases, reads = shard.split("\0")
                if phrases:
                    names, values = phrases.split("\n"), reads.split("\n")
                    if len(names) != len(values):
                        raise ValueError(f"snapshot shard {first!r}: phrases and readings differ")
                    if names != sorted(names):  # the builder sorts them; bisection needs it
                        pairs = sorted(zip(names, values, strict=True))
                        names, values = [n for n, _ in pairs], [v for _, v in pairs]
                    found = (names, values)
            self._lists[first] = found  # whole or not at all: safe to share between threads
        return found

    def phrase(self, word: str) -> tuple[tuple[str, ...], ...] | None:
        """The phrase entry of ``word`` (readings per character), None when not a phrase."""
        found = self._phrases.get(word)
        if found is None and word:
            names, values = self._list(word[0])
            i = bisect_left(names, word)
            if i < len(names) and names[i] == word:
                found = self._phrases[word] = tuple(tuple(r.split(",")) for r in values[i].split(" "))
        return found

    def cut(self, run: str) -> list[str]:
        """pypinyin's segmentation of a run of Chinese characters (its strict max-match).

        At each position the longest phrase along the chain of phrase prefixes is taken;
        with none, one character, except that a chain running to the end of the run without
        any phrase leaves all the remaining characters single (as pypinyin's cutter does).
        """
        if len(run) > 1 and self.phrase(run) is not None:
            # The whole run is a phrase (most terms): every prefix of it leads on to it, and
            # nothing is longer.
            return [run]
        out: list[str] = []
        i, n = 0, len(run)
        while i < n:
            names = self._list(run[i])[0]
            size = len(names)
            best = 0
            k = 1
            while i + k <= n:
                piece = run[i : i + k]
                at = bisect_left(names, piece)
                if at == size or not names[at].startswith(piece):
                    break  # no phrase starts with this piece: the chain ends
                if names[at] == piece:
                    best = k
                k += 1
            if best:
                out.append(run[i : i + best])
                i += best
            elif i + k > n:  # the prefix chain reached the end: the rest stays single
                out.extend(run[i:])
                break
            else:
                out.append(run[i])
                i += 1
        return out

    def readings(self, word: str, heteronym: bool) -> tuple[tuple[str, ...], ...] | None:
        """``pypinyin.pinyin([word], Style.TONE, heteronym)`` as tuples; None if a character has no reading."""
        items = self.phrase(word)
        if items is None:
            chars = []
            for ch in word:
                reads = self.char(ch)
                if reads is None:
                    return None  # pypinyin's error handling decides
                chars.append(tuple(reads.split(",")))
            items = tuple(chars)
        out = []
        for item in items:
            chosen = item if heteronym else item[:1]
            # pypinyin drops repeated and empty readings, and keeps [""] when none is left.
            kept = tuple(dict.fromkeys(r for r in chosen if r))
            out.append(kept or ("",))
        return tuple(out)


def _pypinyin_folder() -> Path | None:
    spec = find_spec("pypinyin")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _snapshot_file(folder: Path) -> Path | None:
    # Named after pypinyin's dictionary files (their content): a new pypinyin, a new snapshot.
    from termkit.lexicon import cache_dir, file_stamp

    stamp = []
    for name in (
        "pinyin_dict.json", "phrases_dict.json", "pinyin_dict.py", "phrases_dict.py", "constants.py"
    ):
        try:
            stamp.append(file_stamp(folder / name))
        except OSError:
            return None

    name = f"pypinyin-v{SNAPSHOT_VERSION}-m{marshal.version}-{'-'.join(stamp)}.marshal"
    return cache_dir() / name


def _build_snapshot(folder: Path) -> dict[str, Any]:
    # pypinyin's own data files, read as pypinyin reads them, not its live dictionaries: a
    # program may have changed those (load_phrases_dict), and the snapshot outlives the process.
    from pypinyin.constants import RE_HANS

    codes = json.loads((folder / "pinyin_dict.json").read_text("utf-8"))
    phrase_dict = json.loads((folder / "phrases_dict.json").read_text("utf-8"))
    chars = {chr(int(code)): reads for code, reads in codes.items()}
    by_first: dict[str, list[str]] = {}
    for phrase in phrase_dict:
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase)
    shards: dict[str, str] = {}
    for ch in sorted(set(chars) | set(by_first)):
        phrases = sorted(by_first.get(ch, []))
        reads = [" ".join(",".join(r) for r in phrase_dict[p]) for p in phrases]
        shards[ch] = "\0".join((chars.get(ch, ""), "\n".join(phrases), "\n".join(reads)))
    return {"version": SNAPSHOT_VERSION, "shards": shards, "hans": RE_HANS.pattern}


def _encodable(data: dict[str, Any]) -> bool:
    # The separators must not occur in the data (they never do in pypinyin's dictionaries).
    for shard in data["shards"].values():
        reads, phrases, preads = shard.split("\0")
        if "\n" in reads or any(" " in p or "," in p for p in phrases.split("\n")):
            return False
        if preads.count("\n") != phrases.count("\n"):
            return False
    return True


@cache
def pypinyin_data() -> PypinyinData | None:
    """The process-wide snapshot of pypinyin's dictionaries; None when it cannot be used.

    Built from pypinyin (and cached, atomic write) on first use; not used when
    ``PYPINYIN_NO_PHRASES`` changes what pypinyin loads.
    """
    if os.environ.get("PYPINYIN_NO_PHRASES"):
        return None
    folder = _pypinyin_folder()
    target = _snapshot_file(folder) if folder is not None else None
    if folder is None or target is None:
        return None
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        data = marshal.loads(target.read_bytes())
        if isinstance(data, dict) and data.get("version") == SNAPSHOT_VERSION:
            return PypinyinData(data["shards"], data["hans"])
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
    if not os.access(target.parent, os.W_OK):
        return None  # no cache to keep it in: building it every run would cost more than pypinyin
    try:
        data = _build_snapshot(folder)
    except (OSError, ValueError, KeyError):
        return None  # not the layout this snapshot knows: ask pypinyin itself
    if not _encodable(data):
        return None
    from termkit.lexicon import write_cache

    write_cache(target, data, "pypinyin-v*.marshal")
    return PypinyinData(data["shards"], data["hans"])
