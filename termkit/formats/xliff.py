"""XLIFF 1.2 and 2.0 reading (1.0/1.1 files without a namespace work too); no writing.

XLIFF 1.x: every ``<trans-unit>`` is a unit with its ``<source>``/``<target>`` and ``<note>``s;
languages come from ``source-language``/``target-language`` on ``<file>`` (or ``xml:lang`` on
source/target). XLIFF 2.0: every ``<unit>`` is a unit whose ``<segment>``s (and ``<ignorable>``s)
are joined in order; languages are ``srcLang``/``trgLang`` on the root (``xml:lang`` on a
target wins). Inline codes are kept: ``Variant.markup`` is the inner XML of source/target
(namespace declarations dropped) when it has elements, ``Variant.text`` the plain text
(``g``/``mrk``/``pc`` content kept, native-code elements ``bpt/ept/ph/it/sub`` left out,
``cp`` turned back into its character). Units are streamed with ``iterparse`` + ``clear()``.

A unit marked ``translate="no"`` is no translation unit and is skipped. Trados Studio's
``.sdlxliff`` and memoQ's ``.mqxliff`` are XLIFF 1.2 and are read as such.

A unit with a target keeps its workflow marks as props (readers decide what they mean,
:mod:`termkit.tm.states`); a file's glossary (:func:`read_glossary`) keeps none of them:

* XLIFF 1.2: the ``<target>``'s ``state`` (``xliff:state``) and ``state-qualifier``
  (``xliff:state-qualifier``) as written, and the ``<trans-unit>``'s ``approved``
  (``xliff:approved``: "whether a translation is final or has passed its final review";
  the standard gives these three no default, so an absent one is not recorded);
* XLIFF 2.0: ``state`` is on each ``<segment>``, "Default value: initial" (XLIFF 2.0,
  attribute ``state``), so a segment without it is ``initial``, a draft. The unit's ``xliff:state`` is
  its least advanced segment's (``initial`` < ``translated`` < ``reviewed`` < ``final``),
  counting segments without a target, which leave the joined target short of the source;
  that segment's ``subState`` ("a user-defined status", meaningful to its prefix's owner
  only) is kept as ``xliff:subState``;
* SDLXLIFF: the least advanced ``conf`` (confirmation level) of the unit's ``<sdl:seg>``s
  as ``sdl:conf`` (``Draft``, ``Translated``, ``RejectedTranslation``, …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from termkit import lang as langtags
from termkit import xmlsafe
from termkit.errors import FormatError
from termkit.formats.glossary_units import unit_to_concept
from termkit.formats.inline import joined_text, text_and_markup
from termkit.model import Glossary, Source, Unit, Variant

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Inline elements whose content is text (the others hold native codes or are empty).
_TEXT_INLINE = {"g", "mrk", "pc"}
_XMLNS_RE = re.compile(r' xmlns(?::\w+)?="[^"]*"')
PROP_STATE = "xliff:state"
PROP_STATE_QUALIFIER = "xliff:state-qualifier"  # XLIFF 1.2 <target state-qualifier>
PROP_APPROVED = "xliff:approved"  # XLIFF 1.2 <trans-unit approved>
PROP_SUBSTATE = "xliff:subState"  # XLIFF 2.0 <segment subState>
PROP_SDL_CONF = "sdl:conf"  # Trados Studio (SDLXLIFF) <sdl:seg conf>: its confirmation level
# XLIFF 1.2 segmented unit (<seg-source>): how many of its segments the target leaves empty
PROP_UNTRANSLATED_SEGMENTS = "xliff:untranslated-segments"
_NATIVE_CODES = frozenset({"x", "ph", "bx", "ex", "bpt", "ept", "it"})
WORKFLOW_PROPS = (PROP_STATE, PROP_STATE_QUALIFIER, PROP_APPROVED, PROP_SUBSTATE, PROP_SDL_CONF)
_SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
_STATES_20 = ("initial", "translated", "reviewed", "final")  # XLIFF 2.0 order of progress


def _local(elem: Any) -> str:
    tag = elem.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _plain(elem: Any) -> str:
    name = _local(elem)
    if name == "cp":  # XLIFF 2.0 code point of a character XML cannot hold
        try:
            return chr(int(elem.get("hex", ""), 16))
        except ValueError:
            return ""
    if name not in _TEXT_INLINE:
        return ""
    return joined_text(elem, _plain)


def _content(elem: Any) -> tuple[str, str | None]:
    """Plain text and (when there are inline elements) inner XML of a source/target, without
    the namespace declarations serializing a child repeats."""
    return text_and_markup(elem, _plain, lambda xml: _XMLNS_RE.sub("", xml))


def _preserved(elem: Any) -> bool:
    """True when ``xml:space="preserve"`` is in force at ``elem`` (on it or the nearest
    ancestor that says)."""
    while elem is not None:
        space = elem.get(XML_SPACE)
        if space is not None:
            return bool(space == "preserve")
        elem = elem.getparent()
    return False


def _unindented(text: str, markup: str | None) -> tuple[str, str | None]:
    """``text`` (and ``markup``) without the run of whitespace at either end when that run
    holds a line break: the file's indentation, where ``xml:space`` is not ``preserve``.

    XLIFF leaves whitespace to the tool unless ``xml:space="preserve"`` (its default is
    ``default``), and pretty-printed files put the content of a source or target on a line
    of its own: Kimai's targets and pcec-style 2.0 sources began with a line break and
    twenty spaces, which became the text of terms and memory units. A space at either end
    (Angular's `` Settings ``) is kept, and so is every line break inside."""
    stripped = text.strip()
    if not stripped:
        # Nothing but layout (an untranslated ``<target>`` on lines of its own): empty; any
        # inline codes it holds keep their order, without the layout around them.
        if "\n" not in text:
            return text, markup
        return "", (markup.strip() or None) if markup is not None else None
    start = text.index(stripped[0])
    end = start + len(stripped)
    lead, trail = text[:start], text[end:]
    if "\n" in lead:
        text = text[start:]
        if markup is not None and markup.startswith(lead):
            markup = markup[len(lead):]
    if "\n" in trail:
        text = text[: len(text) - len(trail)]
        if markup is not None and markup.endswith(trail):
            markup = markup[: len(markup) - len(trail)]
    return text, markup


def _variant(elem: Any, default_lang: str | None) -> Variant | None:
    if elem is None:
        return None
    tag = elem.get(XML_LANG) or default_lang
    text, markup = _content(elem)
    if not _preserved(elem):
        text, markup = _unindented(text, markup)
    return Variant(lang=langtags.normalize(tag) if tag else "und", text=text, markup=markup)


def _edge_space(text: str) -> tuple[str, str]:
    """The whitespace ``text`` starts with and the whitespace it ends with."""
    stripped = text.strip()
    if not stripped:
        return text, ""
    start = text.index(stripped[0])
    return text[:start], text[start + len(stripped):]


def _unindent_segmented(target: Any, source: Any) -> None:
    """Give a segmented XLIFF 1.2 ``<target>`` the edge whitespace of its ``<source>``.

    Okapi, Trados (SDLXLIFF) and memoQ write a target as ``<mrk mtype="seg">`` segments
    beside a ``<seg-source>``; the whitespace around the segments is the file's indentation
    (a line break and tabs), not text: the unit's own edge whitespace is its ``<source>``'s.
    Before, the indentation became the target's text, so every such unit failed the
    newline and whitespace checks and went into the memory with its tabs."""
    segments = [c for c in target if _local(c) == "mrk" and c.get("mtype") == "seg"]
    if not segments:
        return
    lead, trail = _edge_space(_content(source)[0] if source is not None else "")
    if not (target.text or "").strip():
        target.text = lead
    last = segments[-1]
    if last.getnext() is None and not (last.tail or "").strip():
        last.tail = trail


# Trados Studio's confirmation levels, least advanced first (a segment without ``conf`` is
# "Not Translated"; that one is left to the target's own text).
_SDL_LEVELS = ("Draft", "RejectedTranslation", "Translated", "RejectedSignOff",
               "ApprovedTranslation", "ApprovedSignOff")


def _sdl_conf(elem: Any) -> str | None:
    """The least advanced confirmation level of a SDLXLIFF unit's segments, or None."""
    levels = [seg.get("conf") for seg in elem.iter(f"{{{_SDL_NS}}}seg") if seg.get("conf")]
    if not levels:
        return None
    return min(levels, key=lambda c: _SDL_LEVELS.index(c) if c in _SDL_LEVELS else len(_SDL_LEVELS))


def _seg_marks(elem: Any) -> list[Any]:
    return [m for m in elem.iter() if _local(m) == "mrk" and m.get("mtype") == "seg"]


def _untranslated_segments(seg_source: Any, target: Any) -> int:
    """How many segments of a segmented unit's ``<seg-source>`` its target leaves empty (no
    text and no code; none when the target is not segmented: it translates the unit whole)."""
    theirs = {m.get("mid"): m for m in _seg_marks(target)}
    if not theirs:
        return 0
    missing = 0
    for m in _seg_marks(seg_source):
        mine = theirs.get(m.get("mid"))
        if mine is None or not ("".join(mine.itertext()).strip() or any(
                _local(e) in _NATIVE_CODES for e in mine.iterdescendants())):
            missing += 1
    return missing


def _unit_12(elem: Any, src_lang: str | None, trg_lang: str | None, path: str) -> Unit:
    source = target = seg_source = None
    notes: list[str] = []
    for child in elem:
        name = _local(child)
        if name == "source" and source is None:
            source = child
        elif name == "target" and target is None:
            target = child
        elif name == "seg-source" and seg_source is None:
            seg_source = child
        elif name == "note":
            notes.append(child.text or "")
    # a segment the target leaves empty: the unit is not translated yet (Trados and memoQ
    # write every segment of the target, empty until it is translated)
    missing = _untranslated_segments(seg_source, target) \
        if seg_source is not None and target is not None else 0
    if target is not None:
        _unindent_segmented(target, source)
    variants = [v for v in (_variant(source, src_lang), _variant(target, trg_lang)) if v]
    props: dict[str, str] = {}
    if target is not None:
        marks = ((PROP_STATE, target.get("state")),
                 (PROP_STATE_QUALIFIER, target.get("state-qualifier")),
                 (PROP_APPROVED, elem.get("approved")))
        props = {k: v for k, v in marks if v}
        conf = _sdl_conf(elem)
        if conf:
            props[PROP_SDL_CONF] = conf
        if missing:
            props[PROP_UNTRANSLATED_SEGMENTS] = str(missing)
    return Unit(
        id=elem.get("id"),
        variants=variants,
        source_lang=variants[0].lang if variants and source is not None else None,
        props=props,
        notes=notes,
        location=Source(path, elem.sourceline),
    )


def _join(parts: list[tuple[str, str | None]]) -> tuple[str, str | None]:
    text = "".join(t for t, _ in parts)
    if all(m is None for _, m in parts):
        return text, None
    return text, "".join(m if m is not None else _escape(t) for t, m in parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _part(elem: Any, kind: str) -> tuple[str, str | None]:
    """The content of a 2.0 ``<segment>``'s source or target, without its layout where
    ``xml:space`` is not ``preserve``: a pretty-printed unit puts each segment's content on
    lines of its own, and joined, the layout inside became line breaks of the unit's text.
    An ``<ignorable>``'s whitespace is the text between segments and is kept."""
    content = _content(elem)
    if kind != "segment" or _preserved(elem):
        return content
    return _unindented(*content)


def _unit_20(elem: Any, src_lang: str | None, trg_lang: str | None, path: str) -> Unit:
    sources: list[tuple[str, str | None]] = []
    targets: list[tuple[str, str | None]] = []
    has_target = False
    target_lang = trg_lang
    states: list[tuple[str, str | None]] = []  # (state, subState) of each segment
    kept = {"source": False, "target": False}  # a side with xml:space="preserve" somewhere
    notes: list[str] = []
    for child in elem:
        name = _local(child)
        if name in ("segment", "ignorable"):
            src = tgt = None
            for sub in child:
                sname = _local(sub)
                if sname == "source":
                    src = sub
                elif sname == "target":
                    tgt = sub
            if src is not None:
                sources.append(_part(src, name))
                kept["source"] = kept["source"] or _preserved(src)
            if name == "segment":
                # XLIFF 2.0: state "Default value: initial"; subState only beside a state.
                states.append((child.get("state") or "initial", child.get("subState")))
            if tgt is not None:
                has_target = True
                target_lang = tgt.get(XML_LANG) or target_lang
                targets.append(_part(tgt, name))
                kept["target"] = kept["target"] or _preserved(tgt)
            elif src is not None and name == "ignorable":
                targets.append(_content(src))  # ignorable whitespace is the same on both sides
        elif name == "notes":
            notes.extend(n.text or "" for n in child if _local(n) == "note")
    variants: list[Variant] = []
    if sources:
        text, markup = _join(sources)
        if not kept["source"]:
            text, markup = _unindented(text, markup)
        variants.append(Variant(langtags.normalize(src_lang) if src_lang else "und", text, markup))
    if has_target:
        text, markup = _join(targets)
        if not kept["target"]:
            text, markup = _unindented(text, markup)
        variants.append(
            Variant(langtags.normalize(target_lang) if target_lang else "und", text, markup))
    props: dict[str, str] = {}
    if has_target and states:
        state, substate = min(states, key=lambda s: (
            _STATES_20.index(s[0]) if s[0] in _STATES_20 else len(_STATES_20)))
        props[PROP_STATE] = state
        if substate:
            props[PROP_SUBSTATE] = substate
    return Unit(
        id=elem.get("id"),
        variants=variants,
        source_lang=variants[0].lang if sources else None,
        props=props,
        notes=notes,
        location=Source(path, elem.sourceline),
    )


def name_locale(path: str) -> str | None:
    """The target language a file name gives a file that names none itself.

    Angular's ``ng extract-i18n`` writes ``source-language`` only, and the translated copy is
    told apart by its name, ``messages.zh.xlf``; Symfony's are ``messages.zh_CN.xlf``. Before,
    such a target's language was ``und``: its Chinese terms were no Chinese to ``import``,
    and ``check`` ran none of its Chinese checks. A bare three-letter part (``my-app.xlf``) is
    more often a word than a language, so it counts only when the C library has locales for it
    (``messages.yue.xlf``), as a two-letter language or a locale with a script or region does."""
    named = langtags.locale_in_file_name(path)
    if named is None or (len(named) == 3 and named.isalpha() and not langtags.has_locales(named)):
        return None
    return named


def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Stream the translation units of an XLIFF 1.x or 2.0 file."""
    named = name_locale(path)
    depth = 0
    version2 = False
    src_lang: str | None = None
    trg_lang: str | None = None
    for event, elem in xmlsafe.iterparse(stream, path, events=("start", "end")):
        name = _local(elem)
        if event == "start":
            if depth == 0:
                if name != "xliff":
                    raise FormatError(
                        f"not an XLIFF file: expected root element <xliff>, found <{name}>",
                        path=path, line=elem.sourceline)
                version2 = elem.get("version", "").startswith("2") or "document:2" in elem.tag
                src_lang = elem.get("srcLang")
                trg_lang = elem.get("trgLang")
            elif name == "file" and not version2:
                src_lang = elem.get("source-language") or src_lang
                trg_lang = elem.get("target-language") or trg_lang
            depth += 1
            continue
        depth -= 1
        if (name == "trans-unit" and not version2) or (name == "unit" and version2):
            if elem.get("translate") == "no":
                # Not to be translated (XLIFF 1.2 and 2.0 alike): Trados Studio writes one such
                # unit for every run of codes between segments, a source of tags and the file's
                # indentation, which became units of whitespace in the memory.
                pass
            elif version2:
                yield _unit_20(elem, src_lang, trg_lang or named, path)
            else:
                yield _unit_12(elem, src_lang, trg_lang or named, path)
            elem.clear()
            parent = elem.getparent()
            while parent is not None and elem.getprevious() is not None:
                del parent[0]


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read an XLIFF file as a glossary: each unit with text becomes a concept (source + target)."""
    concepts = []
    for unit in iter_units(stream, path):
        # XLIFF ids are unique only inside one <file>: the concept id comes from the content.
        for key in WORKFLOW_PROPS:
            unit.props.pop(key, None)
        if unit.id is not None:
            unit.props["xliff:id"] = unit.id
            unit.id = None
        concept = unit_to_concept(unit, path, "import:xliff")
        if concept.terms:
            concepts.append(concept)
    return Glossary(concepts=concepts)
