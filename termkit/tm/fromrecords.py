"""Translation units from article records: the title pair and aligned abstract sentences.

This module owns turning a :class:`~termkit.model.Record` into units: the Chinese and English
titles become one unit; when both abstracts exist they are split into sentences
(:mod:`termkit.tm.segment`) and aligned (:mod:`termkit.tm.sentalign`), one unit per link that
has text on both sides, carrying its alignment score; links below the threshold are kept and
flagged. Units carry the record id and the record's first subject as their domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from termkit.model import Record, Source, Unit, Variant
from termkit.tm.segment import split_en, split_zh
from termkit.tm.sentalign import DEFAULT_THRESHOLD, align
from termkit.tm.store import PROP_DOMAIN, PROP_FLAGGED, PROP_RECORD, PROP_SCORE


def chinese_tag(text: str) -> str:
    """``zh-Hans`` when OpenCC t2s leaves the text unchanged, else ``zh-Hant``."""
    from termkit.convert.configs import opencc_converter

    return "zh-Hans" if opencc_converter("t2s").convert(text) == text else "zh-Hant"


def _props(record: Record) -> dict[str, str]:
    props = {PROP_RECORD: record.id}
    if record.domains:
        props[PROP_DOMAIN] = record.domains[0]
    return props


def units_from_record(
    record: Record, *, lexicon: Any = None, threshold: float = DEFAULT_THRESHOLD
) -> list[Unit]:
    """The units of one record: title pair first, then aligned abstract sentences in order."""
    out: list[Unit] = []
    if record.title_zh and record.title_en:
        out.append(Unit(
            id=f"{record.id}:title",
            variants=[Variant(chinese_tag(record.title_zh), record.title_zh.strip()),
                      Variant("en", record.title_en.strip())],
            source_lang="en",
            props=_props(record),
            location=Source(record.source, record.lines.get("title_zh"), record.id),
        ))
    if record.abstract_zh and record.abstract_en:
        zh = split_zh(record.abstract_zh)
        en = split_en(record.abstract_en)
        tag = chinese_tag(record.abstract_zh)
        line = record.lines.get("abstract_zh")
        for n, link in enumerate(align(zh, en, lexicon=lexicon, threshold=threshold)):
            if not link.zh or not link.en:
                continue  # a sentence without counterpart is not a translation unit
            props = _props(record)
            props[PROP_SCORE] = f"{link.score:.4f}"
            if not link.ok:
                props[PROP_FLAGGED] = "1"
            out.append(Unit(
                id=f"{record.id}:abstract:{n}",
                variants=[Variant(tag, "".join(zh[i] for i in link.zh)),
                          Variant("en", " ".join(en[j] for j in link.en))],
                source_lang="en",
                props=props,
                location=Source(record.source, line, record.id),
            ))
    return out


def units_from_records(records: Iterable[Record], *, lexicon: Any = None) -> Iterator[Unit]:
    """Units of many records, in record order."""
    if lexicon is None:
        from termkit.lexicon import get_lexicon

        lexicon = get_lexicon()
    for record in records:
        yield from units_from_record(record, lexicon=lexicon)
