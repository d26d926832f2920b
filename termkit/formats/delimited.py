"""Shared core of the text exchange formats: CSV/TSV tables, term choice per locale, decoding.

This module owns the decisions the PO, OmegaT, CSV and TSV modules share:

* :func:`decode` turns input bytes into text (via :mod:`termkit.textio`: UTF-8/16 with or
  without BOM, Big5, GB18030; newlines normalized) with a located error;
* :func:`target_tag` / :func:`pick_term` choose which term of a concept a one-term-per-side
  format writes for a locale (``zh_TW`` takes ``zh-Hant-TW``, else ``zh-Hant``, else another
  ``zh-Hant-*``; preferred before admitted before candidate before deprecated);
* the CSV/TSV table layout (:func:`write_table`, :func:`read_table`, :func:`iter_table_units`):
  a header row naming the language columns (BCP 47 tags, ``en`` first, then ``zh-Hant*``,
  ``zh-Hans*``), then ``pinyin,domain,status,note,id``, then ``kind``/``source`` when any
  concept needs them, then one column per ``Concept.props`` key. One row per concept, one
  term per language column (the preferred one: other synonyms are not carried). Cells are
  quoted RFC 4180 style when they hold the delimiter, a quote, ``\n`` or ``\r``; lists sit
  in one cell (domains joined by ``"; "``, notes and sources by newlines, so a note read back
  is one line); ``\r`` inside a cell comes back as ``\n`` (newlines are normalized on read);
* :func:`glossary_from_units`: one concept per translation unit, for importing formats that
  only have units (XLIFF).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO

from termkit import lang as langtags
from termkit.errors import EncodingError, FormatError, UsageError
from termkit.formats.glossary_units import source_from_text
from termkit.model import (
    Concept,
    Glossary,
    Kind,
    Notice,
    Source,
    Status,
    Term,
    Unit,
    Variant,
    concept_id,
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

    if not data or data == codecs.BOM_UTF8:
        return ""
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
    want = parse_tag(tag)
    best: tuple[int, int, int] | None = None
    chosen: Term | None = None
    for i, term in enumerate(concept.terms):
        if not term.text.strip():
            continue
        have = parse_tag(term.lang)
        if exact:
            if have != want:
                continue
            rank = 0
        else:
            if have.language != want.language or have.script != want.script:
                continue
            rank = 0 if have.region == want.region else 1 if have.region is None else 2
        key = (rank, _STATUS_RANK.get(term.status, 2), i)
        if best is None or key < best:
            best, chosen = key, term
    return chosen


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


# --------------------------------------------------------------------------- tables

# Fixed columns, in the order they are written; aliases accepted on read.
FIXED = ("pinyin", "domain", "status", "note", "id")
OPTIONAL = ("zhuyin", "kind", "source")
_ALIASES = {
    "pinyin": "pinyin", "romanization": "pinyin",
    "domain": "domain", "domains": "domain", "subject": "domain", "subject field": "domain",
    "status": "status",
    "note": "note", "notes": "note", "comment": "note", "comments": "note",
    "id": "id", "concept": "id", "concept id": "id",
    "kind": "kind",
    "zhuyin": "zhuyin", "bopomofo": "zhuyin",
    "source": "source", "sources": "source",
}
# Column names that are languages although they are not tags.
_LANG_NAMES = {
    "english": "en",
    "chinese": "zh",
    "traditional chinese": "zh-Hant", "chinese (traditional)": "zh-Hant", "繁體中文": "zh-Hant",
    "simplified chinese": "zh-Hans", "chinese (simplified)": "zh-Hans", "简体中文": "zh-Hans",
}
_TAG_RE = re.compile(r"^(?P<lang>[A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$")
# Three-letter primary subtags accepted as languages (others, like "pos", are ordinary columns).
_THREE = {"eng", "zho", "chi", "cmn", "yue", "jpn", "kor", "fra", "fre", "deu", "ger", "spa"}


def _lang_column(name: str) -> str | None:
    low = name.strip().lower()
    if low in _ALIASES:
        return None
    if low in _LANG_NAMES:
        return _LANG_NAMES[low]
    m = _TAG_RE.match(name.strip())
    if m and (len(m.group("lang")) == 2 or m.group("lang").lower() in _THREE):
        return langtags.normalize(name)
    return None


def _tag_order(tag: str) -> tuple[int, str]:
    t = parse_tag(tag)
    if t.language == "en":
        return (0, tag)
    if t.is_chinese:
        return ({"Hant": 1, "Hans": 2}.get(t.script or "", 3), tag)
    return (4, tag)


def table_columns(glossary: Glossary) -> tuple[list[str], list[str], list[str]]:
    """(language columns, optional columns, prop columns) for writing ``glossary``."""
    tags = {normalize_tag(t.lang) for c in glossary.concepts for t in c.terms if t.text.strip()}
    langs = sorted(tags, key=_tag_order) if tags else ["en", "zh-Hant", "zh-Hans"]
    optional: list[str] = []
    if any(t.zhuyin for c in glossary.concepts for t in c.terms):
        optional.append("zhuyin")
    if any(c.kind is not Kind.TERM for c in glossary.concepts):
        optional.append("kind")
    if any(c.sources for c in glossary.concepts):
        optional.append("source")
    taken = {n.lower() for n in (*langs, *FIXED, *OPTIONAL)}
    props = sorted({k for c in glossary.concepts for k in c.props})
    return langs, optional, [k if k.lower() not in taken else f"x-{k}" for k in props]


def _quote(cell: str, delimiter: str) -> str:
    # RFC 4180 quoting by hand: the csv module leaves a lone "\r" unquoted when the line
    # terminator is "\n", and a reader would then end the row there.
    if any(ch in cell for ch in (delimiter, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_table(glossary: Glossary, stream: BinaryIO, delimiter: str) -> list[Notice]:
    """Write one row per concept under a header row (RFC 4180 quoting, ``\\n`` line ends)."""
    langs, optional, props = table_columns(glossary)
    prop_keys = sorted({k for c in glossary.concepts for k in c.props})
    out: list[str] = []

    def writerow(cells: list[str]) -> None:
        out.append(delimiter.join(_quote(c, delimiter) for c in cells) + "\n")

    writerow([*langs, *FIXED, *optional, *props])
    skipped = 0
    for c in glossary.concepts:
        chosen = [pick_term(c, tag, exact=True) for tag in langs]
        if not any(chosen):
            skipped += 1
            continue
        zh = next((t for t, tag in zip(chosen, langs, strict=True) if t and is_chinese(tag)), None)
        row = [t.text if t else "" for t in chosen]
        row += [
            zh_pinyin(c, zh) or "",
            "; ".join(c.domains),
            c.status.value,
            "\n".join(c.notes),
            c.id,
        ]
        if "zhuyin" in optional:
            row.append(zh_zhuyin(c, zh) or "")
        if "kind" in optional:
            row.append(c.kind.value)
        if "source" in optional:
            row.append("\n".join(str(s) for s in c.sources))
        row += [c.props.get(k, "") for k in prop_keys]
        writerow(row)
    stream.write("".join(out).encode("utf-8"))
    return [skip_notice(skipped, "no terms")] if skipped else []


@dataclass(slots=True)
class Row:
    """One data row of a table, by column role."""

    line: int
    terms: list[tuple[str, str]]  # (tag, text), in column order, non-empty only
    fixed: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


def _rows(stream: BinaryIO, path: str, delimiter: str) -> Iterator[Row]:
    text = decode(stream.read(), path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    roles: list[tuple[str, str]] = []  # ("lang", tag) | ("fixed", name) | ("extra", name)
    last = 0
    try:
        for cells in reader:
            line = last + 1
            last = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = cells
                roles = _header_roles(cells, path, line)
                continue
            if len(cells) > len(roles) and any(c.strip() for c in cells[len(roles):]):
                raise FormatError(
                    f"row has {len(cells)} cells but the header names {len(roles)} columns",
                    path=path,
                    line=line,
                )
            row = Row(line, [])
            for (role, name), value in zip(roles, cells, strict=False):
                if role == "lang":
                    if value.strip():
                        row.terms.append((name, value))
                elif role == "fixed":
                    row.fixed[name] = value
                elif value != "":
                    row.extra[name] = value
            yield row
    except csv.Error as exc:
        raise FormatError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}",
                          path=path, line=reader.line_num or 1) from None
    if header is None:
        raise FormatError("no header row", path=path, line=1,
                          hint="the first row must name the language columns, e.g. en,zh-Hant,zh-Hans")


def _header_roles(cells: list[str], path: str, line: int) -> list[tuple[str, str]]:
    roles: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(cells, 1):
        name = cell.strip()
        tag = _lang_column(name)
        if tag is not None:
            if tag in seen:
                raise FormatError(
                    f"columns {seen[tag]} and {i} both name language {tag}", path=path, line=line
                )
            seen[tag] = i
            roles.append(("lang", tag))
        elif name.lower() in _ALIASES:
            roles.append(("fixed", _ALIASES[name.lower()]))
        else:
            roles.append(("extra", name or f"column{i}"))
    if len(seen) < 2:
        found = ", ".join(seen) or "none"
        raise FormatError(
            f"the header names fewer than two language columns (found: {found})",
            path=path,
            line=line,
            hint="name columns with language tags, e.g. en,zh-Hant,zh-Hans",
        )
    return roles


def read_table(stream: BinaryIO, path: str, delimiter: str, origin: str) -> Glossary:
    """Read a CSV/TSV glossary: one concept per row with at least one term."""
    glossary = Glossary()
    for row in _rows(stream, path, delimiter):
        if not row.terms:
            glossary.notices.append(Notice("row without terms skipped", path, row.line))
            continue
        status = Status.CANDIDATE
        props = dict(row.extra)
        raw_status = row.fixed.get("status", "").strip()
        if raw_status:
            parsed = parse_status(raw_status)
            if parsed is None:
                glossary.notices.append(Notice(f"unknown status {raw_status!r} kept as a property", path, row.line))
                props["status"] = raw_status
            else:
                status = parsed
        kind = parse_kind(row.fixed.get("kind", "")) or Kind.TERM
        pinyin = row.fixed.get("pinyin", "").strip() or None
        zhuyin = row.fixed.get("zhuyin", "").strip() or None
        here = Source(path, row.line)
        terms = [
            Term(
                text=text,
                lang=tag,
                status=status,
                origin=origin,
                pinyin=pinyin if is_chinese(tag) else None,
                sources=[here],
                zhuyin=zhuyin if is_chinese(tag) else None,
            )
            for tag, text in row.terms
        ]
        cid = row.fixed.get("id", "").strip() or concept_id(
            kind, "\x1e".join(f"{tag}\x1f{text}" for tag, text in row.terms)
        )
        glossary.concepts.append(
            Concept(
                id=cid,
                kind=kind,
                terms=terms,
                domains=[d.strip() for d in row.fixed.get("domain", "").split(";") if d.strip()],
                status=status,
                sources=[source_from_text(s) for s in row.fixed.get("source", "").split("\n") if s.strip()],
                notes=[n for n in row.fixed.get("note", "").split("\n") if n.strip()],
                props=props,
            )
        )
    return glossary


def iter_table_units(stream: BinaryIO, path: str, delimiter: str) -> Iterator[Unit]:
    """One translation unit per row (for checks): a variant per non-empty language cell."""
    for row in _rows(stream, path, delimiter):
        if not row.terms:
            continue
        notes = [n for n in row.fixed.get("note", "").split("\n") if n.strip()]
        yield Unit(
            id=row.fixed.get("id", "").strip() or None,
            variants=[Variant(tag, text) for tag, text in row.terms],
            source_lang=row.terms[0][0],
            props=dict(row.extra),
            notes=notes,
            location=Source(path, row.line),
        )


def glossary_from_units(units: Iterable[Unit], path: str, origin: str) -> Glossary:
    """One concept per translation unit (see :func:`termkit.glossary.glossary_from_units`)."""
    from termkit.glossary import glossary_from_units as build

    return build(units, path, origin)
