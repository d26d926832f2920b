"""The translation memory: an SQLite store with import, fuzzy search, concordance and export.

Modules: :mod:`~termkit.tm.schema` (the file: schema, migrations, opening checks),
:mod:`~termkit.tm.store` (import, reading, conflicts, stats), :mod:`~termkit.tm.bulk`
(large imports: deferred unit indexes), :mod:`~termkit.tm.search`
(prefilter and CAT-style score), :mod:`~termkit.tm.fold` (search form of a segment),
:mod:`~termkit.tm.segment` (sentence splitting), :mod:`~termkit.tm.sentalign` (sentence
alignment), :mod:`~termkit.tm.fromrecords` (units from article records),
:mod:`~termkit.tm.sources` (input readers), :mod:`~termkit.tm.export` (TMX out, script variants).
"""

from __future__ import annotations

from termkit.tm.store import DEFAULT_DB, ImportReport, Store, StoredUnit, open_store

__all__ = ["DEFAULT_DB", "ImportReport", "Store", "StoredUnit", "open_store"]
