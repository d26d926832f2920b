"""``--retag``: the language tag a converted piece of a file gets, and which pieces to leave out.

A file converted to another variant of Chinese keeps its structure; with ``--retag`` the
language tags of what was converted change too. Three rules, shared by every file kind:

- :func:`retag_value` spells the target variant the way the old tag was spelled (``zh_TW``
  -> ``zh_CN``, ``zh-tw`` -> ``zh-cn``) and at the old tag's precision: a tag that named only a
  script (``zh-Hant``, the ``x-lang`` props termkit writes) gets only the target's script,
  one that named a region gets the target's region. A tag already in the target's script,
  when the target names no region, is left as it is (``s2t`` keeps ``zh-HK``). The language
  stays as written (``zh-cmn-Hans`` -> ``zh-cmn-Hant``, ``yue-Hans`` -> ``yue-Hant``).
- :func:`is_lang_prop` tells which TMX ``<prop>`` types carry a language (``x-lang`` and the
  like): they are retagged with their ``<tuv>``.
- :func:`duplicates` decides, for the pieces of one group (the ``<tuv>``s of a ``<tu>``, the
  ``langSec``s of a TBX concept, the columns of a table), which retagged pieces to leave out so
  that no language appears twice: a piece whose new language the group already had before
  conversion (the group's own piece in that language is kept: it was written for it), and a
  piece identical to one kept before it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from termkit import lang

_LANG_PROP_TYPES = frozenset({"lang", "language", "locale", "xml:lang"})


def _parts(tag: str) -> list[str]:
    return [p for p in tag.replace("_", "-").strip().split("-") if p]


@functools.lru_cache(maxsize=4096)
def parse(tag: str) -> lang.Tag:
    """:func:`termkit.lang.parse`, cached: a file repeats the same few tags on every unit."""
    return lang.parse(tag)


def is_chinese(tag: str) -> bool:
    """:func:`termkit.lang.is_chinese`, cached."""
    return parse(tag).is_chinese


@functools.lru_cache(maxsize=4096)
def retag_value(old: str, target: str) -> str:
    """``target`` spelled the way ``old`` was (``zh_TW`` -> ``zh_CN``, ``zh-Hant`` -> ``zh-Hans``)."""
    was, to = parse(old), parse(target)
    if to.is_chinese and to.region is None and was.script is not None and was.script == to.script:
        return old  # already in the target script, and the target names no region
    written = _parts(old)
    # The language as written, extended language subtags included (``zh-cmn``, ``cmn``,
    # ``yue``): converting the script changes neither the language nor the dialect.
    k = 1
    while k < len(written) and len(written[k]) == 3 and written[k].isalpha():
        k += 1
    language, parts = written[:k], written[k:]
    spelled_script = any(len(p) == 4 and p.isalpha() for p in parts)
    spelled_region = any(len(p) == 2 and p.isalpha() for p in parts)
    if to.is_chinese and spelled_script:
        new = str(lang.Tag("zh", to.script, to.region if spelled_region else None))
    else:
        new = lang.to_short(target)
    if to.is_chinese and [p.lower() for p in language] != ["zh"] and new.startswith("zh"):
        new = "-".join(p.lower() for p in language) + new[2:]
    if "_" in old:
        new = new.replace("-", "_")
    if old.islower() and parts:  # "zh-tw" style, not a bare "zh" or "zh-yue"
        new = new.lower()
    return new


def is_lang_prop(prop_type: str) -> bool:
    """True for a TMX ``<prop type>`` that names the language of its ``<tuv>`` (``x-lang``)."""
    name = prop_type.strip().lower()
    if name.startswith("x-"):
        name = name[2:]
    return name in _LANG_PROP_TYPES


@dataclass(frozen=True, slots=True)
class Piece:
    """One language-tagged part of a group, before and after conversion."""

    before: str | None  # its language tag in the input (None: not tagged)
    after: str | None  # its language tag in the output
    text: str = ""  # its converted content (pieces with equal tag and text are the same)

    @property
    def moved(self) -> bool:
        """True when retagging changed the language this piece declares."""
        if self.before is None or self.after is None:
            return False
        return parse(self.before) != parse(self.after)


def same_variant(a: str, b: str) -> bool:
    """True when two tags name the same language variant (a missing region matches any).

    ``zh-Hans`` and ``zh-CN`` are the same variant; ``zh-CN`` and ``zh-SG`` are not.
    """
    x, y = parse(a), parse(b)
    if x.language != y.language:
        return False
    if x.script is None or y.script is None:
        return x == y
    return x.script == y.script and (x.region is None or y.region is None or x.region == y.region)


def duplicates(pieces: Sequence[Piece]) -> set[int]:
    """Indexes of the retagged pieces to leave out so that no language appears twice."""
    had = [p.before for p in pieces if p.before is not None and not p.moved]
    drop: set[int] = set()
    kept: list[Piece] = []
    for i, piece in enumerate(pieces):
        if not piece.moved or piece.after is None:
            continue
        after = piece.after
        if any(same_variant(after, tag) for tag in had) or any(
            same_variant(after, k.after or "") and k.text == piece.text for k in kept
        ):
            drop.add(i)
        else:
            kept.append(piece)
    return drop
