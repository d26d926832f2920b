"""termkit: bilingual Chinese-English glossaries from article records, and the tools they drive.

Library first: every command of the ``termkit`` CLI is a thin wrapper around functions in
these modules. Heavy dependencies (OpenCC, pypinyin, lxml, the dictionary) are imported
lazily so that importing :mod:`termkit` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
