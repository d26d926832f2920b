"""Pinyin annotation on pypinyin, with glossary readings and word grouping.

STUB: owned by the pinyin work (issue 5); signatures are the contract.
"""

from __future__ import annotations


def term_pinyin(text: str) -> str:
    """Tone-mark pinyin of a term, syllables grouped into words, proper nouns capitalized.

    現實主義 -> "xiànshí zhǔyì"; 越南外交政策 -> "Yuènán wàijiāo zhèngcè".
    """
    return text
