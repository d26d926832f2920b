"""The translation memory: an SQLite store with import, search, pre-translation and analysis.

Modules: :mod:`~termkit.tm.schema` (the file: schema, migrations, opening checks),
:mod:`~termkit.tm.store` (import, reading, conflicts, stats), :mod:`~termkit.tm.bulk`
(large imports: deferred unit indexes), :mod:`~termkit.tm.index` (FTS5 rows and token
counts), :mod:`~termkit.tm.search` (prefilter and CAT-style score), :mod:`~termkit.tm.fold`
(search form of a segment), :mod:`~termkit.tm.segment` (sentence splitting),
:mod:`~termkit.tm.sentalign` (sentence alignment), :mod:`~termkit.tm.fromrecords` (units from
article records), :mod:`~termkit.tm.sources` (input readers, import tags),
:mod:`~termkit.tm.export` (TMX out), :mod:`~termkit.tm.scripts` (Chinese variants and their
conversion), :mod:`~termkit.tm.bands` (match bands), :mod:`~termkit.tm.leverage` (the best
match of a document's segment, 101 in context), :mod:`~termkit.tm.codes` (placeholders),
:mod:`~termkit.tm.fill` (pre-translation decisions), :mod:`~termkit.tm.fill_po` and
:mod:`~termkit.tm.fill_xml` (writers), :mod:`~termkit.tm.pretranslate` (a file, by format),
:mod:`~termkit.tm.analyze` (job analysis), :mod:`~termkit.tm.maintain` (delete, edit).
"""

from __future__ import annotations

from termkit.tm.store import DEFAULT_DB, ImportReport, Store, StoredUnit, open_store

__all__ = ["DEFAULT_DB", "ImportReport", "Store", "StoredUnit", "open_store"]
