"""A glossary lock compiled into OpenCC itself: one C++ call converts a text and locks its terms.

The Python lock in :class:`termkit.convert.Converter` finds the locked forms with
Aho–Corasick, puts a placeholder in place of each, runs OpenCC and then puts the target forms
back. On term-dense text that per-match Python work costs as much as OpenCC itself. This
module hands both jobs to OpenCC as two dictionaries in a private copy of the config:

- a **lock** dictionary, run as the first normalization step, maps each locked form to a
  *code* of two private-use characters, and each bounding word (:mod:`termkit.convert.words`)
  to itself. A normalization step is one maximum-match pass over the whole input: leftmost,
  longest first, exactly the Python lock's choice of matches, so a word that crosses a form
  is read whole and the form is not locked there. The config's own normalization (single
  characters: CJK compatibility ideographs) is folded into the same dictionary, so the text is
  read once before segmenting, as plain OpenCC reads it (:func:`character_normalization`).
- **restore** entries map each code back to its target form. They join the dictionary of
  the config's last step, which like every step of the copy is one ``ocd`` dictionary
  (:mod:`termkit.convert.opencc_flat`: the same conversion as OpenCC's groups of ``ocd2``
  dictionaries, read about twice as fast, which pays for the lock's pass). When a config's
  steps cannot be written so, its own steps stay and restoring is an extra last step.

No OpenCC dictionary contains private-use characters, so the steps in between leave codes
alone and no key can span one: a code is a hard boundary, as the Python lock's placeholder
is. The restore entries' keys are codes only, so they change nothing else. Forms sharing
a target share its code. The output is the Python lock's, character for character; a
differential test checks it across configs and generated texts.

What OpenCC's text dictionary format cannot say falls back to the Python lock:

- a form that starts with ``#`` (a comment line) or holds a tab, line break, NUL or U+FEFF, a
  form or target holding a code character or an ideographic description character, or more
  distinct targets than there are codes: the whole lock stays in Python;
- a target holding an ASCII space (OpenCC splits values on spaces), a tab, line break, NUL or
  U+FEFF, or empty: its code starts with ``SPECIAL`` and restores to itself (so the last
  step reads it whole), and Python puts the target in afterwards;
- an input holding NUL, a code character, or an ideographic description character (newer OpenCC
  reads an IDS sequence as one unit, the Python lock does not): :meth:`LockEngine.convert`
  returns ``None`` and the caller uses the Python lock for that text.

Building costs one ``opencc_dict`` run per dictionary (about 0.1 s for 20,000 forms; the
config's own steps up to 0.5 s more for the 55,000 keys of the Simplified-to-Traditional
configs), so
:class:`~termkit.convert.Converter` builds an engine only once it meets a large input.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from termkit.errors import OutputError

# Codes are two characters from U+E100..U+EFFF; a code starting with SPECIAL stands for a
# target restored in Python. U+E000..U+E0FF stay free for the one-character placeholders of
# the Python lock and of Converter.convert_parts, which may reach the engine. (All codes
# encode as UTF-8 starting with byte 0xEE, which no other character shares.)
_CODE_FIRST = 0xE100
_CODE_BASE = 0xF000 - _CODE_FIRST
SPECIAL = "\uefff"
MAX_TARGETS = (_CODE_BASE - 1) * _CODE_BASE
MAX_SPECIALS = _CODE_BASE - 1  # the last would be SPECIAL twice

# What an input must not hold for the engine: NUL (some chains read C strings; Converter
# splits texts at NULs first), ideographic description characters (U+2FF0..U+2FFF, U+31EF)
# and the code range.
_UNSAFE = re.compile("[\x00\u2ff0-\u2fff\u31ef\ue100-\uefff]")
# Most texts hold none of these, which their UTF-8 bytes show faster than the regular
# expression (about 13 ms per 10 MB) reads the text: NUL and the private-use range
# U+E000..U+EFFF (lead byte 0xEE) by one memchr each, U+2FC0..U+2FFF by its lead bytes
# 0xE2 0xBF, U+31EF in the text (one character). Only a text where one of them may be is
# read by the regular expression (:func:`may_be_unsafe`).
E2_TRIES = 64  # 0xE2 lead bytes looked at one by one (quotes, dashes) before one search


def may_be_unsafe(text: str, data: bytes) -> bool:
    """False when ``text`` (``data`` its UTF-8) surely holds nothing :data:`_UNSAFE` matches."""
    if b"\x00" in data or b"\xee" in data or "\u31ef" in text:
        return True
    # U+2000..U+2FFF start with 0xE2 (curly quotes and dashes among them: common in prose);
    # 0xE2 0xBF starts U+2FC0..U+2FFF, the description characters among them.
    pos = data.find(b"\xe2")
    for _ in range(E2_TRIES):
        if pos < 0:
            return False
        if data[pos + 1:pos + 2] == b"\xbf":
            return True
        pos = data.find(b"\xe2", pos + 1)
    return pos >= 0 and data.find(b"\xe2\xbf", pos) >= 0
_IDS_OR_CODE = re.compile("[\u2ff0-\u2fff\u31ef\ue100-\uefff]")  # for targets
_SPECIAL_CODE = re.compile(SPECIAL + "(.)", re.DOTALL)  # a special code in the output


def code(index: int) -> str:
    """The two-character code of the ``index``-th target."""
    return chr(_CODE_FIRST + index // _CODE_BASE) + chr(_CODE_FIRST + index % _CODE_BASE)


def special_code(index: int) -> str:
    """The code of the ``index``-th target restored in Python."""
    return SPECIAL + chr(_CODE_FIRST + index)


# Characters OpenCC's text dictionaries cannot carry as they are: line ends and tabs (the
# format's separators), NUL (dropped with what follows), and U+FEFF (read as a byte-order mark).
_NOT_IN_DICT = "\t\n\r\x00\ufeff"


def _form_ok(form: str) -> bool:
    return bool(form) and not form.startswith("#") and not any(c in form for c in _NOT_IN_DICT) \
        and _IDS_OR_CODE.search(form) is None


def _target_plain(target: str) -> bool:
    """True when OpenCC's text format can carry ``target`` as a value as it is."""
    return bool(target) and not any(c in target for c in " " + _NOT_IN_DICT)


# What _form_ok and _target_plain refuse in a word, as one character class.
_NOT_PLAIN_WORD = re.compile("[ \t\n\r\x00\ufeff\u2ff0-\u2fff\u31ef\ue100-\uefff]")
_JOIN = "\x1f"  # joins the words for one scan (a word holding it is checked one by one)


def _plain_words(words: Collection[str]) -> bool:
    """``all(_form_ok(w) and _target_plain(w) for w in words)``, read as one joined text.

    The word-by-word check took about a second for the 870,000 keys of a 10,000-concept
    glossary; the joined text is scanned by one regular expression in about 30 ms. Any doubt
    (a word holding the joining character) falls back to the word-by-word check.
    """
    if not words:
        return True
    joined = _JOIN.join(words)
    if joined.count(_JOIN) != len(words) - 1:  # a word holds _JOIN: no certain split
        return all(_form_ok(w) and _target_plain(w) for w in words)
    # Every word is non-empty, starts with no "#" and holds no refused character.
    return bool(joined) and _NOT_PLAIN_WORD.search(joined) is None \
        and not joined.startswith(("#", _JOIN)) and not joined.endswith(_JOIN) \
        and _JOIN + "#" not in joined and _JOIN + _JOIN not in joined


@dataclass(frozen=True)
class LockEngine:
    """One OpenCC converter that locks: see the module docstring."""

    converter: Any
    specials: dict[str, str]  # second character of a special code -> target, restored in Python
    # OpenCC's conversion of UTF-8 bytes under the Python wrapper's convert(), which encodes
    # the text itself (:func:`_bytes_convert`); None: call the wrapper.
    raw: Any = None

    def convert(self, text: str) -> str | None:
        """Convert and lock ``text``; ``None`` when it needs the Python lock (see module doc)."""
        if self.raw is None:
            if _UNSAFE.search(text) is not None:
                return None
            out: str = self.converter.convert(text)
        else:
            # Encoded once, for the check and for OpenCC (the wrapper would encode it again).
            data = text.encode("utf-8")
            if may_be_unsafe(text, data) and _UNSAFE.search(text) is not None:
                return None
            out = self.raw(self.converter, data, len(data))
        if self.specials and SPECIAL in out:
            # One regex pass that copies the text once (splitting at each code and joining
            # again copied it three times: a tenth of the whole conversion on dense text).
            specials = self.specials
            out = _SPECIAL_CODE.sub(lambda m: specials[m[1]], out)
        return out


def _bytes_convert(converter: Any) -> Any:
    """The method under ``converter.convert`` that takes UTF-8 bytes and their length (the
    ``opencc`` package's wrapper encodes the text and calls it), or ``None`` when this OpenCC
    build has no such method or it does not convert as the wrapper does."""
    for cls in type(converter).__mro__[1:]:
        method = cls.__dict__.get("convert")
        if method is None:
            continue
        sample = "漢字轉換，汉字转换 abc\n"
        try:
            data = sample.encode("utf-8")
            if method(converter, data, len(data)) == converter.convert(sample):
                return method
        except Exception:  # any other signature or failure: keep the wrapper
            return None
        return None
    return None


def _holds_any(table: dict[int, Any], texts: list[str]) -> bool:
    """True when one of ``texts`` holds a character (code point) that ``table`` maps."""
    points = sorted(table)
    ranges: list[tuple[int, int]] = []
    for cp in points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    pattern = "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                            for a, b in ranges) + "]"
    return re.search(pattern, "\n".join(texts)) is not None


def character_normalization(config: str) -> dict[str, str] | None:
    """The config's normalization steps as one character mapping, when that is all they are.

    Every bundled config normalizes with one dictionary of single characters (CJK
    compatibility ideographs to their unified forms). Such steps can be folded into the lock
    dictionary, so the locked conversion reads the text once before segmenting, as plain
    OpenCC does. ``None`` when a step is anything else (a group, phrases, several values).
    """
    from termkit.convert.opencc_data import config_json, dictionary

    mapping: dict[str, str] = {}
    for step in config_json(config).get("normalization", []):
        node = step.get("dict", {})
        name = str(node.get("file", ""))
        if node.get("type") != "ocd2" or not name.endswith(".ocd2"):
            return None
        try:
            entries = dictionary(name.removesuffix(".ocd2"))
        except (OSError, ValueError, subprocess.CalledProcessError, OutputError):
            return None
        if any(len(k) != 1 or len(v) != 1 or len(v[0]) != 1 for k, v in entries.items()):
            return None
        # Applied after the steps before it: compose, then add the new keys.
        mapping = {k: entries.get(v, (v,))[0] for k, v in mapping.items()}
        for k, (v,) in entries.items():
            mapping.setdefault(k, v)
    return mapping


def _load(config: str, folder: str, tool: str, lock: list[tuple[str, str]],
          restore: list[tuple[str, str]], merged: bool) -> Any:
    """Write the dictionaries and the config into ``folder``; the OpenCC converter or None.

    ``merged``: the lock dictionary holds the config's character normalization too, and
    replaces its normalization steps.
    """
    import opencc

    from termkit.convert.opencc_data import absolute_paths, config_json
    from termkit.convert.opencc_flat import flat_config, flat_steps, write_dict

    data: dict[str, Any] = absolute_paths(config_json(config))
    data["name"] = f"{config} with a termkit glossary lock"
    lock_path = os.path.join(folder, "lock.ocd")
    flat = flat_config(config)
    try:
        write_dict(tool, lock, lock_path)
        if flat is not None:
            # The config's own steps as one dictionary each (termkit.convert.opencc_flat):
            # the same output as its groups, read about twice as fast, which pays for the
            # lock's pass. The restore entries join the last step (their keys are codes,
            # which no other key holds), so restoring costs no pass of its own.
            data.pop("segmentation", None)
            data.update(flat_steps(flat, folder, tool, restore))
        else:
            # Restoring is a step of its own at the end of the chain. Its keys all start with
            # a code character, so no other text can match.
            restore_path = os.path.join(folder, "restore.ocd")
            write_dict(tool, restore, restore_path)
            data["conversion_chain"].append({"dict": {"type": "ocd", "file": restore_path}})
    except (OSError, UnicodeError, subprocess.CalledProcessError):
        return None  # e.g. a lone surrogate in a form: not UTF-8, so not for OpenCC
    # The lock runs first, over the raw text, as the Python lock's scan does. With the
    # config's character normalization folded in, it is the only normalization pass (a
    # dictionary group of the two was measured slower than two passes; one dictionary
    # saves a pass over the text).
    lock_step = {"dict": {"type": "ocd", "file": lock_path}}
    data["normalization"] = [lock_step] if merged else [lock_step, *data.get("normalization", [])]
    config_path = os.path.join(folder, "config.json")
    with open(config_path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    try:
        return opencc.OpenCC(config_path)
    except Exception:  # any OpenCC failure means: keep the Python lock
        return None


def compile_lock(config: str, locks: dict[str, str], words: Collection[str] = (),
                 pairs: dict[str, tuple[int, int, str]] | None = None) -> LockEngine | None:
    """An engine locking ``locks`` (form -> target) under ``config``; ``None`` if it cannot.

    ``words`` (:mod:`termkit.convert.words`) go into the lock dictionary mapped to themselves:
    the maximum match then reads them whole and locks no form that they cross. The locking
    ``pairs`` among them (key -> (start, end, target) of the form inside) map to themselves
    with that form's code in its place (:func:`termkit.convert.words.bounding_keys`).

    ``None`` means: a form the dictionary format cannot carry, no ``opencc_dict`` tool, or a
    tool or OpenCC failure. Callers then keep the Python lock, which gives the same output.
    """
    from termkit.convert.opencc_data import opencc_dict_tool, workdir
    from termkit.errors import MissingDependencyError

    if not locks:
        return None
    if not all(_form_ok(f) and _IDS_OR_CODE.search(t) is None for f, t in locks.items()):
        return None
    if not _plain_words(words):
        return None
    try:
        tool = opencc_dict_tool()
    except MissingDependencyError:
        return None
    # One code per distinct target (several forms often share one).
    targets = sorted(set(locks.values()))
    plain = [t for t in targets if _target_plain(t)]
    other = [t for t in targets if not _target_plain(t)]
    if len(plain) > MAX_TARGETS or len(other) > MAX_SPECIALS:
        return None
    codes = {t: code(i) for i, t in enumerate(plain)}
    codes.update((t, special_code(i)) for i, t in enumerate(other))
    specials = {codes[t][1]: t for t in other}
    lock = [(form, codes[t]) for form, t in locks.items()]
    pairs = pairs or {}
    normalization = character_normalization(config)
    # Characters to single characters (character_normalization), so one str.translate. Most
    # word lists hold none of them (compatibility ideographs): one scan of the joined words
    # says so, and the words are then their own normalization (830,000 per-character joins
    # took about a second for a 10,000-concept glossary).
    normalize = normalization or {}
    table = str.maketrans(normalize)
    present = bool(table) and _holds_any(table, [*words, *pairs])

    def normalized(text: str) -> str:
        return text.translate(table) if present else text

    # With a normalization, one pass instead of two, same output: the two-pass reading takes
    # the same keys (the normalization's are single characters, and a form of the same
    # character wins), and the second pass would map each character of what the first wrote.
    lock.extend((w, normalized(w)) for w in words if w not in locks and w not in pairs)
    lock.extend((w, normalized(w[:i]) + codes[t] + normalized(w[j:]))
                for w, (i, j, t) in pairs.items() if w not in locks)
    lock.extend((k, v) for k, v in normalize.items() if k not in locks)
    # Special codes restore to themselves: the step then reads each as a whole, and never
    # pairs its second character with the first of the next code (a valid code, maybe).
    restore = [*((codes[t], t) for t in plain), *((codes[t], codes[t]) for t in other)]
    folder = tempfile.mkdtemp(prefix="lock-", dir=workdir())
    try:
        converter = _load(config, folder, tool, lock, restore, normalization is not None)
    finally:
        # Built or not, the files can go: OpenCC has read the dictionaries (a long-running
        # process that locks many large texts would otherwise fill its temporary folder).
        shutil.rmtree(folder, ignore_errors=True)
    if converter is None:
        return None
    return LockEngine(converter, specials, _bytes_convert(converter))
