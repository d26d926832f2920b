"""The kinds of evidence behind a pair, and how detailed evidence strings map to them.

Owned by the pairing work. A pair carries detailed evidence (``dict:權力=power``,
``acronym:IS``, ``name:chang kuocheng``, ``position`` …) for people reading ``extract --json``,
and the *kinds* those details amount to, which the glossary stores as ``prop evidence`` and a
reviewer filters on:

=============== ==========================================================================
``dictionary``  CC-CEDICT glosses explain most of both keywords
``partial``     CC-CEDICT glosses explain only part of one side (a shared head word …)
``latin``       the same Latin-script tokens on both sides (``LOD``, ``B to B``)
``acronym``     an English acronym spelled by the initials of the Chinese term's glosses,
                or a Chinese-side abbreviation spelled by the English words' initials
``name``        a romanized personal name matching the Chinese name (Hanyu Pinyin,
                Wade-Giles, Tongyong, MPS II)
``place``       part of the English romanizes the Chinese (a place name, a transliterated
                term), the rest rendered by the dictionary (``大鵬灣`` – ``Dapeng Bay``)
``position``    the same place in two lists found to be parallel, or within a gap between
                anchors that keep one order (detail ``gap``)
``elimination`` the one keyword left on each side of lists otherwise paired
``title``       a rendering attested by the English title
=============== ==========================================================================
"""

from __future__ import annotations

from collections.abc import Iterable

KINDS = (
    "acronym",
    "dictionary",
    "elimination",
    "latin",
    "name",
    "partial",
    "place",
    "position",
    "title",
)

# Dictionary evidence at least this strong explains both keywords (otherwise: partial).
DICTIONARY_EXPLAINS = 0.6

_PREFIXES = {
    "dict": "dictionary",
    "latin": "latin",
    "identical": "latin",
    "acronym": "acronym",
    "acronym-letters": "partial",
    "name": "name",
    "place": "place",
    "position": "position",
    "gap": "position",
    "elimination": "elimination",
    "title": "title",
}
# Qualifiers saying the dictionary evidence covers only part of the pair.
_WEAKENING = frozenset({"head-only", "head-unmatched", "head-mismatch"})


def kinds_of(evidence: Iterable[str], dictionary_value: float = 1.0) -> tuple[str, ...]:
    """The sorted, unique kinds of ``evidence`` details.

    ``dictionary_value`` is the dictionary coverage score of the pair: below
    :data:`DICTIONARY_EXPLAINS`, or with a head qualifier, dictionary details count as
    ``partial``.
    """
    details = list(evidence)
    weak = dictionary_value < DICTIONARY_EXPLAINS or any(d in _WEAKENING for d in details)
    found: set[str] = set()
    for detail in details:
        kind = _PREFIXES.get(detail.partition(":")[0])
        if kind is None:
            continue
        if kind == "dictionary" and weak:
            kind = "partial"
        found.add(kind)
    return tuple(sorted(found))
