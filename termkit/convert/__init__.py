"""Traditional ↔ Simplified conversion on OpenCC with glossary terms locked.

The package, one module a concern: :mod:`~termkit.convert.configs` (OpenCC configs and their
variants), :mod:`~termkit.convert.converter` (the glossary lock and text conversion),
:mod:`~termkit.convert.compiled_lock` (the same lock compiled into OpenCC for large inputs),
:mod:`~termkit.convert.words` (the general words that keep forms from locking inside words),
:mod:`~termkit.convert.risk` (which regional rules are safe in any text, from evidence),
:mod:`~termkit.convert.opencc_data` (OpenCC's dictionaries and chain steps, read as data),
:mod:`~termkit.convert.files` (TMX, XLIFF, TBX, PO, CSV/TSV converted in their Chinese content),
:mod:`~termkit.convert.retag` (the language tags ``--retag`` writes, and the duplicates it leaves out),
:mod:`~termkit.convert.audit` (what OpenCC does to each glossary term),
:mod:`~termkit.convert.detect` (characters of the other script) and
:mod:`~termkit.convert.regional` (the cross-strait glossary built from conversion groups).
"""

from __future__ import annotations

from termkit.convert.configs import (
    CONFIG_VARIANTS,
    INVERSE,
    check_config,
    opencc_converter,
    opencc_share_dir,
    source_variant,
    target_variant,
    valid_configs,
)
from termkit.convert.converter import (
    ALL_TOPICS,
    ENGINE_MIN,
    ENGINES,
    MATCH_PROP,
    ONE_WAY_PROP,
    TOPIC_ONLY_PROP,
    Converter,
    Topic,
    build_locks,
    convert_text,
    in_scope,
    list_topics,
    load_lock_glossaries,
    locked_target,
    parse_topics,
    target_form,
    topic_words,
)

__all__ = [
    "ALL_TOPICS",
    "CONFIG_VARIANTS",
    "ENGINES",
    "ENGINE_MIN",
    "INVERSE",
    "MATCH_PROP",
    "ONE_WAY_PROP",
    "TOPIC_ONLY_PROP",
    "Converter",
    "Topic",
    "build_locks",
    "check_config",
    "convert_text",
    "in_scope",
    "list_topics",
    "load_lock_glossaries",
    "locked_target",
    "opencc_converter",
    "opencc_share_dir",
    "parse_topics",
    "source_variant",
    "target_form",
    "target_variant",
    "topic_words",
    "valid_configs",
]
