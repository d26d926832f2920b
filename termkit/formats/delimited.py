"""Shared core of the text exchange formats: term choice per locale, decoding, table helpers.

This module owns the decisions the PO, OmegaT, CSV and TSV modules share:

* :func:`decode` turns input bytes into text (via :mod:`termkit.textio`: UTF-8/16 with or
  without BOM, Big5, GB18030; newlines normalized) with a located error;
* :func:`target_tag` / :func:`pick_term` choose which term of a concept a one-term-per-side
  format writes for a locale (``zh_TW`` takes ``zh-Hant-TW``, else ``zh-Hant``, else another
  ``zh-Hant-*``; preferred before admitted before candidate before deprecated);
* the helpers every table writer and reader uses (cached tag parsing, status and kind
  values, the notice for skipped concepts); the table layout itself is
  :mod:`termkit.formats.table`;
* :func:`glossary_from_units`: one concept per translation unit, for importing formats that
  only have units (XLIFF).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Sequence
from functools import lru_cache

from termkit import lang as langtags
from termkit.errors import EncodingError, FormatError, UsageError
from termkit.model import (
    Concept,
    Glossary,
    Kind,
    Notice,
    Status,
    Term,
    Unit,
)

# --------------------------------------------------------------------------- decoding


def encoding_error(
    data: bytes, exc: UnicodeDecodeError, path: str, encoding: str, hint: str | None = None
) -> EncodingError:
    """An :class:`EncodingError` pointing at the line and (byte) column of the bad byte."""
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return EncodingError(
        f"not valid {encoding} (byte 0x{data[start]:02X})",
        path=path,
        line=line,
        column=column,
        hint=hint or f"save the file as {encoding}",
    )


def decode(data: bytes, path: str) -> str:
    """Decode a text input with :func:`termkit.textio.decode_text` (UTF-8/16, Big5, GB18030).

    Line breaks come back as ``\n`` (so a ``\r`` inside a quoted CSV cell becomes ``\n``);
    an empty input is an empty text here, not an error: an empty glossary is still a glossary.
    """
    from termkit.textio import decode_text

    if not data or data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return ""  # decode_text refuses these as empty files; the reader says what it is
    return decode_text(data, path)[0]


# --------------------------------------------------------------------------- choosing terms

# The gettext locales termkit writes catalogs for, and the BCP 47 tag of their script.
LOCALES = {"zh_TW": "zh-Hant-TW", "zh_CN": "zh-Hans-CN", "zh_HK": "zh-Hant-HK"}

_STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.CANDIDATE: 2, Status.DEPRECATED: 3}


@lru_cache(maxsize=4096)
def parse_tag(tag: str) -> langtags.Tag:
    """:func:`termkit.lang.parse`, cached: writers ask about the same few tags per term."""
    return langtags.parse(tag)


@lru_cache(maxsize=4096)
def normalize_tag(tag: str) -> str:
    """:func:`termkit.lang.normalize`, cached."""
    return str(parse_tag(tag))


def is_chinese(tag: str) -> bool:
    """:func:`termkit.lang.is_chinese`, cached."""
    return parse_tag(tag).is_chinese


def target_tag(locale: str) -> str:
    """The BCP 47 tag for a Chinese locale option (``zh_TW`` -> ``zh-Hant-TW``)."""
    tag = langtags.parse(locale)
    if not tag.is_chinese or tag.script is None:
        raise UsageError(
            f"unknown Chinese locale {locale!r}", hint="use zh_TW, zh_CN or zh_HK"
        )
    region = tag.region or {"Hant": "TW", "Hans": "CN"}[tag.script]
    return str(langtags.Tag("zh", tag.script, region))


def pick_term(concept: Concept, tag: str, *, exact: bool = False) -> Term | None:
    """The term a one-term-per-language format writes for ``tag``, or None.

    Same script required; the exact region first, then no region, then another region.
    With ``exact`` only terms whose (normalized) tag equals ``tag`` qualify.
    """
    ranks = _RANKS.get((tag, exact)) or _tag_ranks(tag, exact)
    chosen: Term | None = None
    # The least (rank, status rank) wins, the first term of several equal ones: every writer
    # asks this of every concept, so the pair is one number (rank * 4 + status rank, status
    # ranks being below 4), and the text is checked last.
    best = 1 << 30
    for term in concept.terms:
        rank = ranks.get(term.lang)
        if rank is None:
            rank = ranks[term.lang] = _tag_rank(tag, term.lang, exact)
        if rank < 0:
            continue
        key = rank * 4 + _STATUS_RANK.get(term.status, 2)
        if key >= best or not term.text.strip():
            continue
        chosen, best = term, key
    return chosen


def exact_picks(concept: Concept) -> dict[int, Term]:
    """What :func:`pick_term` with ``exact`` gives for every tag of ``concept``, in one pass:
    ``{exact_key(tag): term}`` (a tag whose key is missing has no term).

    Tables ask this for each of their language columns of every concept; one pass over the
    terms answers them all.
    """
    best: dict[int, Term] = {}
    ranks: dict[int, int] = {}
    for term in concept.terms:
        key = _EXACT_KEYS.get(term.lang)
        if key is None:
            key = exact_key(term.lang)
        status = _STATUS_RANK.get(term.status, 2)
        if status >= ranks.get(key, 99) or not term.text.strip():
            continue
        best[key] = term
        ranks[key] = status
    return best


# A tag -> the identity of its parsed form's first equal seen (pick_term's exact test
# compares parsed tags): an int compares and hashes in C, a parsed tag in Python code.
_EXACT_KEYS: dict[str, int] = {}
_EXACT_CLASSES: dict[langtags.Tag, int] = {}


def exact_key(tag: str) -> int:
    """A number equal for two tags exactly when their parsed forms are (``exact_picks``)."""
    key = _EXACT_KEYS.get(tag)
    if key is None:
        if len(_EXACT_KEYS) > 4096:
            _EXACT_KEYS.clear()  # the classes stay: keys of tags seen before do not change
        key = _EXACT_KEYS[tag] = _EXACT_CLASSES.setdefault(parse_tag(tag), len(_EXACT_CLASSES))
    return key


# (wanted tag, exact) -> {a term's tag: its rank for that tag, -1 when it does not qualify}.
# Every writer asks the same few tags for every concept of a glossary.
_RANKS: dict[tuple[str, bool], dict[str, int]] = {}


def _tag_ranks(tag: str, exact: bool) -> dict[str, int]:
    found = _RANKS.get((tag, exact))
    if found is None:
        if len(_RANKS) > 1024:
            _RANKS.clear()
        found = _RANKS[tag, exact] = {}
    return found


def _tag_rank(tag: str, lang: str, exact: bool) -> int:
    """0 exact region, 1 no region, 2 another region (same language and script); -1 none."""
    want, have = parse_tag(tag), parse_tag(lang)
    if exact:
        return 0 if have == want else -1
    if have.language != want.language or have.script != want.script:
        return -1
    return 0 if have.region == want.region else 1 if have.region is None else 2


def zh_zhuyin(concept: Concept, preferred: Term | None = None) -> str | None:
    """The zhuyin to write for a concept: the chosen term's, else any Chinese term's."""
    if preferred is not None and preferred.zhuyin:
        return preferred.zhuyin
    for t in concept.terms:
        if t.zhuyin and is_chinese(t.lang):
            return t.zhuyin
    return None


def zh_pinyin(concept: Concept, preferred: Term | None = None) -> str | None:
    """The pinyin to write for a concept: the chosen term's, else any Chinese term's."""
    if preferred is not None and preferred.pinyin:
        return preferred.pinyin
    for t in concept.terms:
        if t.pinyin and is_chinese(t.lang):
            return t.pinyin
    return None


def refuse_control_characters(text: str, rows: Iterable[tuple[str, Sequence[str], Sequence[str]]]) -> None:
    """Raise :class:`FormatError` when ``text``, a text table about to be written, holds a
    character that makes a file binary (termkit would refuse to read what it wrote).

    ``rows``: (concept id, column names, cells) to name where the character is; looked at
    only when ``text`` holds one (one search over the whole output otherwise).
    """
    from termkit.textio import control_character

    if control_character(text) is None:
        return
    for concept_id, names, cells in rows:
        for name, cell in zip(names, cells, strict=True):
            ch = control_character(cell)
            if ch is not None:
                raise FormatError(
                    f"concept {concept_id}: column {name!r} holds U+{ord(ch):04X}, a control "
                    "character that would make the file binary, not text",
                    hint="remove it from the glossary",
                )
    raise FormatError("the table holds a control character that would make the file binary, "
                      "not text")  # in the header: a language tag or column name


def skip_notice(count: int, reason: str) -> Notice:
    """One aggregated notice for concepts a writer left out."""
    noun = "concept" if count == 1 else "concepts"
    return Notice(f"{count} {noun} skipped: {reason}")


def parse_status(value: str) -> Status | None:
    """A :class:`Status` from its value (case-insensitive), or None."""
    try:
        return Status(value.strip().lower())
    except ValueError:
        return None


def parse_kind(value: str) -> Kind | None:
    """A :class:`Kind` from its value (case-insensitive), or None."""
    try:
        return Kind(value.strip().lower())
    except ValueError:
        return None


def glossary_from_units(units: Iterable[Unit], path: str, origin: str) -> Glossary:
    """One concept per translation unit (see :func:`termkit.glossary.glossary_from_units`)."""
    from termkit.glossary import glossary_from_units as build

    return build(units, path, origin)
