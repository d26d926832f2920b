"""The bilingual dictionary (CC-CEDICT) behind a cached index.

STUB: owned by the pairing work; signatures are the contract.
"""

from __future__ import annotations
