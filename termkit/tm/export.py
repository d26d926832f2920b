"""Export of the translation memory to TMX (or any unit format), optionally in one script.

This module owns turning stored units back into :class:`~termkit.model.Unit` objects with
their provenance as TMX props (``x-origin``, ``x-record``, ``x-domain``, ``x-created``,
``x-align-score``, ``x-align-flagged``) and the Chinese script conversion for
``--variant zh-TW|zh-CN`` through the glossary-locked converter (:mod:`termkit.convert`).
A tag that the short TMX spelling would change (``zh-Hans`` is written ``zh-CN``) is kept in
a ``x-lang`` tuv prop, so that importing the export gives back exactly the same units.
Inline codes stored as XLIFF wrote them are written as TMX 1.4b codes
(:mod:`termkit.tm.tmxcodes`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import BinaryIO

from termkit import lang as langtags
from termkit.errors import UsageError
from termkit.model import Glossary, Unit, Variant
from termkit.tm.scripts import EXPORT_VARIANTS, Converters, configs, with_script
from termkit.tm.store import (
    PROP_CREATED,
    PROP_DOMAIN,
    PROP_FLAGGED,
    PROP_ORIGIN,
    PROP_RECORD,
    PROP_SCORE,
    Store,
    StoredUnit,
)

PROP_LANG = "x-lang"
VARIANTS = EXPORT_VARIANTS


def to_variant(unit: Unit, target: str, converters: Converters) -> Unit:
    """The unit with its Chinese segments converted to ``target`` (``zh-Hant-TW``/``zh-Hans-CN``)."""
    out: list[Variant] = []
    has_target = any(langtags.normalize(v.lang) == target for v in unit.variants)
    for v in unit.variants:
        if not langtags.is_chinese(v.lang):
            out.append(v)
            continue
        if langtags.normalize(v.lang) == target:
            out.append(v)
            continue
        if has_target:
            continue  # the unit already has this variant: keep the human one
        names = configs(target, with_script(v.text, v.lang))
        text = converters.run(names, v.text) if names else v.text
        markup = converters.run(names, v.markup) if names and v.markup else v.markup
        out.append(Variant(target, text, markup, dict(v.props), list(v.notes)))
        has_target = True
    source_lang = unit.source_lang
    if source_lang and langtags.is_chinese(source_lang):
        source_lang = target
    return Unit(unit.id, out, source_lang, dict(unit.props), list(unit.notes), unit.location)


def tmx_tuid(unit_id: str | None) -> str | None:
    """A unit's id as a TMX ``tuid``: characters XML 1.0 cannot hold written as ``\\xNN``.

    A PO entry's id joins its ``msgctxt`` and ``msgid`` with U+0004, gettext's own separator
    (``ctx\\x04msgid`` in the tuid); the context itself travels in the ``po:msgctxt`` prop.
    Texts are never altered this way: a segment XML cannot hold stays an error.
    """
    from termkit.formats.glossary_units import bad_xml_char

    if unit_id is None or bad_xml_char(unit_id) is None:
        return unit_id
    return "".join(c if bad_xml_char(c) is None else
                   (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
                   for c in unit_id)


def exported_unit(stored: StoredUnit, lang_style: str = "short") -> Unit:
    """A stored unit as it is written: provenance and store columns as props."""
    from termkit.formats.glossary_units import output_tag

    u = stored.unit
    props = dict(u.props)
    props[PROP_CREATED] = stored.created
    if u.location is not None:
        props[PROP_ORIGIN] = u.location.path
        if u.location.record is not None:
            props[PROP_RECORD] = u.location.record
    if stored.domain is not None:
        props[PROP_DOMAIN] = stored.domain
    if stored.score is not None:
        props[PROP_SCORE] = f"{stored.score:.4f}"
    if stored.flagged:
        props[PROP_FLAGGED] = "1"
    variants = []
    for v in u.variants:
        vprops = dict(v.props)
        if langtags.normalize(output_tag(v.lang, lang_style)) != v.lang:
            vprops[PROP_LANG] = v.lang
        variants.append(Variant(v.lang, v.text, v.markup, vprops, list(v.notes)))
    return Unit(tmx_tuid(u.id), variants, u.source_lang, props, list(u.notes), None)


def export_units(
    store: Store,
    *,
    variant: str | None = None,
    glossary: Glossary | None = None,
    lang_style: str = "short",
    topics: Collection[str] = (),
) -> Iterator[Unit]:
    """Every stored unit in import order, ready to write, optionally in one Chinese variant
    (the glossary's topic-only forms lock too for ``topics``, as in ``convert --topic``)."""
    target = None
    if variant is not None:
        target = VARIANTS.get(variant) or VARIANTS.get(langtags.to_short(variant))
        if target is None:
            raise UsageError(f"unknown variant {variant!r}", hint="use zh-TW or zh-CN")
    converters = Converters(glossary, topics)
    for stored in store.iter_units():
        if target is not None:
            stored = StoredUnit(stored.id, to_variant(stored.unit, target, converters),
                                stored.created, stored.domain, stored.score, stored.flagged)
        yield exported_unit(stored, lang_style)


def write_export(
    store: Store,
    stream: BinaryIO,
    *,
    to: str = "tmx",
    variant: str | None = None,
    glossary: Glossary | None = None,
    lang_style: str = "short",
    topics: Collection[str] = (),
) -> None:
    """Write the whole memory to ``stream`` in format ``to`` (default TMX 1.4b)."""
    from termkit import formats

    fmt = formats.get(to)
    units = export_units(store, variant=variant, glossary=glossary, lang_style=lang_style,
                         topics=topics)
    if fmt.name == "tmx":
        from termkit.tm.tmxcodes import tmx_unit

        # Codes stored as XLIFF wrote them (<g id>, <pc>) are no TMX: write TMX's own.
        units = (tmx_unit(u) for u in units)
    fmt.write_units(units, stream, lang_style=lang_style)
