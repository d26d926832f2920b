"""Readers of article records: abstract-page text, RIS and JSON Lines.

STUB: owned by the records work; signatures are the contract.
"""

from __future__ import annotations

from termkit.model import Record


def read_records(path: str, *, format: str | None = None) -> list[Record]:
    """Read every record in ``path`` (``-`` for stdin); format detected unless given."""
    raise NotImplementedError
