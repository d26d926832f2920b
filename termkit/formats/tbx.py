"""TBX termbases: the registry's entry point (reading in :mod:`.tbx_read`, writing in :mod:`.tbx_write`).

``write_glossary(glossary, stream, tbx_version=3)`` writes TBX v3 TBX-Basic (DCA style);
``tbx_version=2`` writes a TBX v2 ``martif`` for tools that know only v2 (translate-toolkit,
older CAT tools). ``read_glossary`` reads both versions.
"""

from __future__ import annotations

from termkit.formats.tbx_read import read_glossary
from termkit.formats.tbx_write import write_glossary

__all__ = ["read_glossary", "write_glossary"]
