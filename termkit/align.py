"""Pairing of Chinese and English keywords, author names and titles within a record.

STUB: owned by the pairing work; signatures are the contract.
"""

from __future__ import annotations

from termkit.model import Pairing, Record


def pair_record(record: Record) -> Pairing:
    """Pair the keywords, authors and titles of one record."""
    return Pairing(record=record)
