"""A segment: one source text and one target text of a translation unit, with its location.

A unit with several target languages (a TMX ``<tu>`` with ``zh-CN`` and ``zh-TW``) gives one
segment per target. :func:`segments` decides which variant is the source: the ``--source-lang``
given by the caller, else the unit's own ``source_lang``, else its first variant.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from termkit import lang as langtags
from termkit.check.findings import CHECKS, Finding
from termkit.model import Unit


@dataclass(slots=True)
class Segment:
    """What the checks look at; ``target`` is None when the unit has no target at all."""

    path: str
    line: int | None
    unit: str | None
    index: int
    source_lang: langtags.Tag
    target_lang: langtags.Tag
    source: str
    target: str | None
    cache: dict[str, Any] | None = None  # per-segment memo for checks (rarely needed)
    source_tag: str = ""  # str(source_lang), computed once
    target_tag: str = ""
    props: Mapping[str, str] = field(default_factory=dict)  # the unit's (PO flags, plurals …)
    notes: Sequence[str] = ()  # the unit's notes (PO comments)
    # The inner XML of each side when it has inline codes (XLIFF, TMX; ``Variant.markup``):
    # the plain texts above leave the codes out (:mod:`termkit.check.inline` reads them).
    source_markup: str | None = None
    target_markup: str | None = None

    def __post_init__(self) -> None:
        if not self.source_tag:
            self.source_tag = _tag_text(self.source_lang)
        if not self.target_tag:
            self.target_tag = _tag_text(self.target_lang)

    @property
    def direction(self) -> str | None:
        """``zh-en``, ``en-zh`` or None when the checks of terms do not apply."""
        s, t = self.source_lang.language, self.target_lang.language
        if s == "zh" and t == "en":
            return "zh-en"
        if s == "en" and t == "zh":
            return "en-zh"
        return None

    def finding(self, check: str, message: str, **fields: Any) -> Finding:
        """A finding of ``check`` located at this segment."""
        return Finding(
            check=check,
            severity=CHECKS[check].severity,
            path=self.path,
            line=self.line,
            unit=self.unit,
            source_lang=self.source_tag,
            target_lang=self.target_tag,
            source=self.source,
            target=self.target or "",
            message=message,
            index=self.index,
            **fields,
        )


# Tags repeat on every unit of a file: parse each spelling once (Tag is an immutable value).
parse_tag = functools.lru_cache(maxsize=1024)(langtags.parse)


@functools.lru_cache(maxsize=1024)
def _tag_text(tag: langtags.Tag) -> str:
    return str(tag)


@functools.lru_cache(maxsize=4096)
def _matches(tag: str, want: langtags.Tag) -> bool:
    t = parse_tag(tag)
    if t.language != want.language:
        return False
    # A part the file's tag leaves out is compatible: "zh" is a zh-Hant-TW target if asked.
    return all(
        w is None or h is None or w == h
        for w, h in ((want.script, t.script), (want.region, t.region))
    )


# How the variants of a unit are read, by the languages involved: (source position, source
# tag and its text, (target position, tag, its text) per target, the tag of a unit without a
# target or None when it has none to report). Units of one file repeat a handful of layouts.
_Layout = tuple[int, langtags.Tag, str, tuple[tuple[int, langtags.Tag, str], ...],
                "langtags.Tag | None"]
_LAYOUTS: dict[tuple[str | None, str | None, str | None, tuple[str, ...]], _Layout | None] = {}
_LAYOUTS_KEPT = 4096


def _layout(
    source_lang: str | None, target_lang: str | None, unit_source: str | None,
    langs: tuple[str, ...],
) -> _Layout | None:
    src_tag = source_lang or unit_source or langs[0]
    want_src = parse_tag(src_tag)
    si = next((i for i, lang in enumerate(langs) if _matches(lang, want_src)), None)
    if si is None:
        return None
    want_tgt = parse_tag(target_lang) if target_lang else None
    src_parsed = parse_tag(langs[si])
    if want_src.script and not src_parsed.script:
        src_parsed = want_src
    targets: list[tuple[int, langtags.Tag, str]] = []
    for i, lang in enumerate(langs):
        if i == si or not (want_tgt is None or _matches(lang, want_tgt)):
            continue
        tag = parse_tag(lang)
        # An explicit --target-lang fills in what the file's tag leaves out (zh -> zh-Hant-TW).
        if want_tgt is not None and (tag.script is None or tag.region is None):
            tag = langtags.Tag(
                tag.language, tag.script or want_tgt.script, tag.region or want_tgt.region
            )
        targets.append((i, tag, _tag_text(tag)))
    untranslated = None
    if not targets:
        if len(langs) > 1:
            return None  # translated, but not into the language asked for: not ours to judge
        untranslated = want_tgt or langtags.Tag("und")
    return si, src_parsed, _tag_text(src_parsed), tuple(targets), untranslated


def segments(
    unit: Unit,
    path: str,
    index: int,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> list[Segment]:
    """The segments of one unit (none when it has no source text)."""
    variants = unit.variants
    if not variants:
        return []
    key = (source_lang, target_lang, unit.source_lang, tuple([v.lang for v in variants]))
    try:
        layout = _LAYOUTS[key]
    except KeyError:
        layout = _layout(*key)
        if len(_LAYOUTS) < _LAYOUTS_KEPT:
            _LAYOUTS[key] = layout
    if layout is None:
        return []
    si, src_parsed, src_text, targets, untranslated = layout
    source = variants[si].text
    source_markup = variants[si].markup
    line = unit.location.line if unit.location else None
    if untranslated is not None:
        return [Segment(path, line, unit.id, index, src_parsed, untranslated, source, None,
                        None, src_text, _tag_text(untranslated), unit.props, unit.notes,
                        source_markup)]
    return [
        Segment(path, line, unit.id, index, src_parsed, tag, source, variants[ti].text, None,
                src_text, tag_text, unit.props, unit.notes, source_markup, variants[ti].markup)
        for ti, tag, tag_text in targets
    ]
