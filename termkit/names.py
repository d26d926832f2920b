"""Chinese personal names: surnames, romanization (Hanyu Pinyin, Wade-Giles) and matching.

STUB: owned by the names/pinyin work (issue 5); signatures are the contract.
"""

from __future__ import annotations


def split_name(zh: str) -> tuple[str, str]:
    """Split a Chinese name into (surname, given name); compound surnames are recognised."""
    return zh[:1], zh[1:]


def match_name(zh: str, romanized: str) -> float:
    """Score 0..1 for whether ``romanized`` renders the Chinese name ``zh``."""
    return 0.0


def name_pinyin(zh: str) -> str:
    """Hanyu Pinyin with tone marks, surname read as a surname: 張國城 -> Zhāng Guóchéng."""
    return zh
