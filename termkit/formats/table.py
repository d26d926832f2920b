"""Glossary tables: the row-per-concept layout CSV, TSV and Excel share, and its CSV/TSV text.

The layout, as cells (:func:`glossary_rows` writes it, :func:`read_rows` and
:func:`glossary_from_rows` read it; :mod:`termkit.formats.xlsx` uses the same functions):

* a header row naming the language columns (BCP 47 tags, ``en`` first, then ``zh-Hant*``,
  ``zh-Hans*``); on read any spelling (``zh-TW``, ``zh_Hant``, ``English``, ``繁體中文``);
* one ``TAG variants`` column per language in which some concept has admitted terms besides
  the one in its language column (one variant a line; read back split at line breaks and
  ``;``, as admitted terms: the reason a term with ``;`` in it does not survive this column).
  A term's own line break is written ``\\n`` (``\\r`` a carriage return, ``\\\\`` a
  backslash), as glossary.txt escapes values, so a title printed on two lines stays one term;
  the reader undoes these three escapes and leaves any other backslash as it stands;
* ``TAG candidates`` and ``TAG deprecated`` columns likewise for the candidate terms (a
  conflict's renderings, a structure-only candidate beside a confident rendering) and the
  deprecated ones, read back with those statuses;
* then ``pinyin,domain,status,note,id``, then ``zhuyin``/``kind``/``source``/``confidence``
  when any concept needs them, then ``TAG origin`` for each language in which some term was made by OpenCC
  (``opencc:t2s``: the other-script form ``build`` adds), holding that origin (empty for a
  printed term; read back as the term's origin, an empty cell as the reader's own), then one
  column per ``Concept.props`` key; ``TAG status`` (before the origins) for each language in
  which the term of some concept's column has another status than the concept (the
  admitted rendering of a concept in conflict), holding that status (empty where it is the
  row's);
* one row per concept, one term per language column (the preferred one). Lists sit in one
  cell: domains joined by ``"; "``, notes and sources by newlines.

The CSV/TSV text form (:func:`write_table`, :func:`read_table`, :func:`iter_table_units`):
cells quoted RFC 4180 style when they hold the delimiter, a quote, ``\\n`` or ``\\r``; ``\\n``
line ends; UTF-8, with a BOM only on request (``bom=True``: Excel reads a CSV without one as
the ANSI code page, so Chinese shows as mojibake); ``\\r`` inside a cell comes back as ``\\n``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from termkit.errors import FormatError
from termkit.formats.columns import (
    ALIASES,
    CANDIDATES,
    DEPRECATED,
    FIXED,
    ORIGIN,
    TERM_STATUS,
    VARIANTS,
    header_row,
    lang_column,
    origin_column,
    others_column,
    term_status_column,
    variants_column,
)
from termkit.formats.delimited import (
    decode,
    exact_key,
    exact_picks,
    is_chinese,
    normalize_tag,
    parse_kind,
    parse_status,
    parse_tag,
    refuse_control_characters,
    skip_notice,
    zh_pinyin,
    zh_zhuyin,
)
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
from termkit.textio import first_line

# Fixed columns, in the order they are written; aliases accepted on read.
OPTIONAL = ("zhuyin", "kind", "source", "confidence")
# The status of the terms of a "TAG candidates" / "TAG deprecated" column.
_OTHER_STATUS = {CANDIDATES: Status.CANDIDATE, DEPRECATED: Status.DEPRECATED}
_SPLIT_VARIANTS = re.compile(r"[\n;]")
# A list cell's escapes: a term's own line break, carriage return and backslash.
_ITEM_ESCAPES = re.compile(r"\\([\\nr])")
_ITEM_VALUES = {"\\": "\\", "n": "\n", "r": "\r"}


def _list_item(term: str) -> str:
    """A term as a line of a list cell (``TAG variants``, ``TAG candidates``, ``TAG
    deprecated``): its backslashes and line breaks escaped, as glossary.txt escapes them."""
    if "\\" not in term and "\n" not in term and "\r" not in term:
        return term
    return term.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _list_items(cell: str, escaped: bool = True) -> list[str]:
    """The terms of a list cell: one a line (or between ``;``), escapes undone when
    ``escaped`` (a table termkit wrote)."""
    out = []
    for item in _SPLIT_VARIANTS.split(cell):
        item = item.strip()
        if item:
            out.append(_ITEM_ESCAPES.sub(lambda m: _ITEM_VALUES[m.group(1)], item)
                       if escaped and "\\" in item else item)
    return out



def _tag_order(tag: str) -> tuple[int, str]:
    t = parse_tag(tag)
    if t.language == "en":
        return (0, tag)
    if t.is_chinese:
        return ({"Hant": 1, "Hans": 2}.get(t.script or "", 3), tag)
    return (4, tag)


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class Columns:
    """The columns a glossary is written with, in order."""

    langs: list[str]
    variants: list[str]  # languages that get a "TAG variants" column
    candidates: list[str]  # ... a "TAG candidates" column
    deprecated: list[str]  # ... a "TAG deprecated" column
    optional: list[str]
    statuses: list[str]  # languages that get a "TAG status" column
    origins: list[str]  # languages that get a "TAG origin" column
    props: list[str]  # header names of the prop columns (``x-`` added when a name is taken)
    prop_keys: list[str]  # the ``Concept.props`` keys they hold

    @property
    def header(self) -> list[str]:
        return [*self.langs, *(f"{t} {VARIANTS}" for t in self.variants),
                *(f"{t} {CANDIDATES}" for t in self.candidates),
                *(f"{t} {DEPRECATED}" for t in self.deprecated), *FIXED,
                *self.optional, *(f"{t} {TERM_STATUS}" for t in self.statuses),
                *(f"{t} {ORIGIN}" for t in self.origins), *self.props]


def _variants(concept: Concept, tag: str, chosen: Term | None,
              status: Status = Status.ADMITTED) -> list[str]:
    """The terms of ``concept`` of ``status`` (admitted: its variants) in exactly ``tag``
    besides ``chosen``, in order."""
    out: list[str] = []
    for t in concept.terms:
        if (t is not chosen and t.status is status and t.text.strip()
                and normalize_tag(t.lang) == tag and t.text not in out
                and (chosen is None or t.text != chosen.text)):
            out.append(t.text)
    return out


def table_columns(glossary: Glossary) -> Columns:
    """The columns for writing ``glossary`` (language, variants, fixed, optional, props)."""
    tags = {normalize_tag(t.lang) for c in glossary.concepts for t in c.terms if t.text.strip()}
    langs = sorted(tags, key=_tag_order) if tags else ["en", "zh-Hant", "zh-Hans"]
    # Only a concept with an admitted term can have variants (see _variants): the others are
    # not asked, which spares a term choice per concept and language.
    admitted = [c for c in glossary.concepts if any(t.status is Status.ADMITTED for t in c.terms)]
    exact = [exact_key(tag) for tag in langs]
    variants = [
        tag for tag, key in zip(langs, exact, strict=True)
        if any(_variants(c, tag, exact_picks(c).get(key)) for c in admitted)
    ]
    others = []
    for status in (Status.CANDIDATE, Status.DEPRECATED):
        holding = [c for c in glossary.concepts if any(t.status is status for t in c.terms)]
        others.append([tag for tag, key in zip(langs, exact, strict=True)
                       if any(_variants(c, tag, exact_picks(c).get(key), status)
                              for c in holding)])
    optional: list[str] = []
    if any(t.zhuyin for c in glossary.concepts for t in c.terms):
        optional.append("zhuyin")
    if any(c.kind is not Kind.TERM for c in glossary.concepts):
        optional.append("kind")
    if any(c.sources for c in glossary.concepts):
        optional.append("source")
    if any(c.confidence is not None for c in glossary.concepts):
        optional.append("confidence")
    origins = [tag for tag, key in zip(langs, exact, strict=True)
               if any(_made_origin(exact_picks(c).get(key)) for c in glossary.concepts)]
    statuses = [tag for tag, key in zip(langs, exact, strict=True)
                if any(_own_status(c, exact_picks(c).get(key)) for c in glossary.concepts)]
    # A prop named like a column termkit reads (a language, its variants or origin, a fixed
    # or optional column) is written as x-NAME, so it comes back as a prop.
    taken = {n.lower() for n in (*langs, *FIXED, *OPTIONAL)}
    keys = sorted({k for c in glossary.concepts for k in c.props})
    names = [k if k.lower() not in taken and lang_column(k) is None
             and variants_column(k) is None and origin_column(k) is None
             and others_column(k) is None and term_status_column(k) is None else f"x-{k}"
             for k in keys]
    return Columns(langs, variants, others[0], others[1], optional, statuses, origins, names,
                   keys)


def _own_status(concept: Concept, term: Term | None) -> str:
    """The term's status when it is not its concept's (read back, a language column's term
    takes the row's), else empty."""
    if term is None or term.status is concept.status:
        return ""
    return term.status.value


# Origin of a form termkit made with OpenCC (termkit.glossary.scripts.chinese_forms).
_MADE = "opencc:"


def _made_origin(term: Term | None) -> str:
    """The term's origin when OpenCC made it (``opencc:s2t``), else empty."""
    origin = (term.origin or "") if term is not None else ""
    return origin if origin.startswith(_MADE) else ""


def glossary_rows(glossary: Glossary) -> tuple[list[str], list[tuple[Concept, list[str]]], list[Notice]]:
    """The header and one row of cells per concept (concepts without terms are skipped)."""
    cols = table_columns(glossary)
    keys = [exact_key(tag) for tag in cols.langs]
    # The first Chinese language column's term gives the pinyin and zhuyin.
    chinese = [i for i, tag in enumerate(cols.langs) if is_chinese(tag)]
    variant_columns = [(tag, cols.langs.index(tag), Status.ADMITTED) for tag in cols.variants]
    variant_columns += [(tag, cols.langs.index(tag), Status.CANDIDATE) for tag in cols.candidates]
    variant_columns += [(tag, cols.langs.index(tag), Status.DEPRECATED) for tag in cols.deprecated]
    origin_columns = [cols.langs.index(tag) for tag in cols.origins]
    status_columns = [cols.langs.index(tag) for tag in cols.statuses]
    zhuyin, kind, source, confidence = (name in cols.optional for name in OPTIONAL)
    prop_keys = cols.prop_keys
    rows: list[tuple[Concept, list[str]]] = []
    skipped = 0
    for c in glossary.concepts:
        picked = exact_picks(c)
        chosen = [picked.get(key) for key in keys]
        if not any(chosen):
            skipped += 1
            continue
        zh = next((t for t in (chosen[i] for i in chinese) if t), None)
        row = [t.text if t else "" for t in chosen]
        if variant_columns:
            row += ["\n".join([_list_item(t) for t in _variants(c, tag, chosen[i], status)])
                    for tag, i, status in variant_columns]
        row += [
            zh_pinyin(c, zh) or "",
            "; ".join(c.domains),
            _STATUS_VALUE.get(c.status) or c.status.value,
            "\n".join(c.notes),
            c.id,
        ]
        if zhuyin:
            row.append(zh_zhuyin(c, zh) or "")
        if kind:
            row.append(c.kind.value)
        if source:
            row.append("\n".join([str(s) for s in c.sources]))
        if confidence:
            row.append(repr(float(c.confidence)) if c.confidence is not None else "")
        if status_columns:
            row += [_own_status(c, chosen[i]) for i in status_columns]
        if origin_columns:
            row += [_made_origin(chosen[i]) for i in origin_columns]
        if prop_keys:
            row += [c.props.get(k, "") for k in prop_keys]
        rows.append((c, row))
    return cols.header, rows, [skip_notice(skipped, "no terms")] if skipped else []


_STATUS_VALUE = {status: status.value for status in Status}


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class Row:
    """One data row of a table, by column role."""

    line: int
    terms: list[tuple[str, str]]  # (tag, text), in column order, non-empty only
    variants: list[tuple[str, str]] = field(default_factory=list)  # (tag, text) admitted terms
    origins: dict[str, str] = field(default_factory=dict)  # tag -> origin of its column's term
    statuses: dict[str, str] = field(default_factory=dict)  # tag -> its column's term's status
    # (tag, text, status) of the "TAG candidates" and "TAG deprecated" columns
    others: list[tuple[str, str, Status]] = field(default_factory=list)
    fixed: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    stray: list[str] = field(default_factory=list)  # names of cells kept beyond the header


def column_letter(index: int) -> str:
    """The spreadsheet letter of the ``index``-th column, counted from 0 (``A``, ``Z``, ``AA``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_roles(cells: list[str], path: str, line: int, where: str = "") -> list[tuple[str, str]]:
    """The role of each header cell: ``("lang", tag)``, ``("variants", tag)``, ``("candidates",
    tag)``, ``("deprecated", tag)``, ``("origin", tag)``, ``("fixed", name)`` or ``("extra",
    name)``; a :class:`FormatError` unless two languages are named."""
    roles: list[tuple[str, str]] = []
    seen: dict[str, int] = {}  # language tag -> its column
    # (role, key) -> the column already naming it: two columns may not name one thing
    named: dict[tuple[str, str], int] = {}

    def claim(role: str, key: str, what: str, i: int) -> None:
        if (role, key) in named:
            raise FormatError(f"{where}columns {named[role, key]} and {i} both name {what}",
                              path=path, line=line)
        named[role, key] = i
        roles.append((role, key))

    for i, cell in enumerate(cells, 1):
        name = cell.strip()
        tag = lang_column(name)
        vtag = variants_column(name) if tag is None else None
        otag = origin_column(name) if tag is None and vtag is None else None
        others = others_column(name) if tag is None and vtag is None and otag is None else None
        stag = term_status_column(name) if tag is None and vtag is None and otag is None \
            and others is None else None
        if tag is not None:
            claim("lang", tag, f"language {tag}", i)
            seen[tag] = i
        elif vtag is not None:
            claim("variants", vtag, f"variants of {vtag}", i)
        elif others is not None:
            claim(others[1], others[0], f"{others[1]} terms of {others[0]}", i)
        elif stag is not None:
            claim("term-status", stag, f"the status of {stag}", i)
        elif otag is not None:
            claim("origin", otag, f"the origin of {otag}", i)
        elif name.lower() in ALIASES:
            roles.append(("fixed", ALIASES[name.lower()]))
        else:
            roles.append(("extra", name or f"column{i}"))
    if len(seen) < 2:
        found = ", ".join(seen) or "none"
        raise FormatError(
            f"{where}the header names fewer than two language columns (found: {found})",
            path=path,
            line=line,
            hint="name columns with language tags, e.g. en,zh-Hant,zh-Hans",
        )
    return roles


def read_rows(
    records: Iterable[tuple[int, list[str]]], path: str, where: str = "", *, keep_stray: bool = False
) -> Iterator[Row]:
    """Rows of a table given as ``(line, cells)``: the first non-empty one is the header.

    ``where`` prefixes error messages (``"sheet 'Terms': "``). Raises :class:`FormatError`
    when there is no header row or a row has more non-empty cells than the header names,
    unless ``keep_stray``: then such a cell is kept as a property named by its column
    (``column D``) and listed in :attr:`Row.stray`. (In a spreadsheet a cell beside the table
    is a note; in CSV an extra field is more often an unquoted delimiter inside a term.)
    """
    roles: list[tuple[str, str]] | None = None
    escaped = True
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue
        if roles is None:
            roles = header_roles(cells, path, line, where)
            # A table termkit wrote escapes a list cell's terms; a hand-made one keeps them as
            # typed (``\\rho``, ``\\nabla`` LaTeX variants). termkit's is told by its fixed
            # columns, every one spelled as it writes them (``pinyin,domain,status,note,id``):
            # an ``ID`` or ``Concept`` column alone is any numbered glossary's first column.
            escaped = set(FIXED) <= {c.strip() for c in cells}
            continue
        if len(cells) > len(roles) and any(c.strip() for c in cells[len(roles):]) and not keep_stray:
            raise FormatError(
                f"{where}row has {len(cells)} cells but the header names {len(roles)} columns",
                path=path,
                line=line,
            )
        row = Row(line, [])
        for (role, name), value in zip(roles, cells, strict=False):
            if role == "lang":
                if value.strip():
                    row.terms.append((name, value))
            elif role == "variants":
                row.variants += [(name, v) for v in _list_items(value, escaped)]
            elif role in _OTHER_STATUS:
                row.others += [(name, v, _OTHER_STATUS[role]) for v in _list_items(value, escaped)]
            elif role == "term-status":
                if value.strip():
                    row.statuses[name] = value.strip()
            elif role == "origin":
                if value.strip():
                    row.origins[name] = value.strip()
            elif role == "fixed":
                row.fixed[name] = value
            elif value != "":
                row.extra[name] = value
        for index in range(len(roles), len(cells)):
            if cells[index].strip():
                name = f"column {column_letter(index)}"
                row.extra[name] = cells[index]
                row.stray.append(name)
        yield row
    if roles is None:
        raise FormatError(f"{where}no header row", path=path, line=1,
                          hint="the first row must name the language columns, e.g. en,zh-Hant,zh-Hans")


def glossary_from_rows(rows: Iterable[Row], path: str, origin: str, source_path: str | None = None) -> Glossary:
    """One concept per row with at least one term; sources point at ``source_path:LINE``."""
    glossary = Glossary()
    where = source_path or path
    for row in rows:
        if row.stray:
            kept = ", ".join(row.stray)
            glossary.notices.append(Notice(f"cell(s) beyond the header's columns kept as properties: {kept}",
                                           where, row.line))
        if not row.terms and not row.variants and not row.others:
            glossary.notices.append(Notice("row without terms skipped", where, row.line))
            continue
        status = Status.CANDIDATE
        props = dict(row.extra)
        raw_status = row.fixed.get("status", "").strip()
        if raw_status:
            parsed = parse_status(raw_status)
            if parsed is None:
                glossary.notices.append(Notice(f"unknown status {raw_status!r} kept as a property", where, row.line))
                props["status"] = raw_status
            else:
                status = parsed
        kind = parse_kind(row.fixed.get("kind", "")) or Kind.TERM
        raw_confidence = row.fixed.get("confidence", "").strip()
        confidence = None
        if raw_confidence:
            try:
                confidence = float(raw_confidence)
            except ValueError:
                confidence = math.nan
            if not math.isfinite(confidence):
                glossary.notices.append(Notice(
                    f"confidence {raw_confidence!r} is no number, kept as a property", where, row.line))
                props["confidence"] = raw_confidence
                confidence = None
        pinyin = row.fixed.get("pinyin", "").strip() or None
        zhuyin = row.fixed.get("zhuyin", "").strip() or None
        here = Source(where, row.line)
        own: dict[str, Status] = {}
        for tag, raw in row.statuses.items():
            parsed = parse_status(raw)
            if parsed is None:
                glossary.notices.append(Notice(
                    f"unknown status {raw!r} of the {tag} term kept as a property", where, row.line))
                props[f"{tag} status"] = raw
            else:
                own[tag] = parsed
        terms = [
            Term(
                text=text,
                lang=tag,
                status=own.get(tag, status),
                origin=row.origins.get(tag) or origin,
                pinyin=pinyin if is_chinese(tag) else None,
                sources=[here],
                zhuyin=zhuyin if is_chinese(tag) else None,
            )
            for tag, text in row.terms
        ]
        variant_status = Status.ADMITTED if status in (Status.PREFERRED, Status.ADMITTED) else status
        have = {(tag, text) for tag, text in row.terms}
        for tag, text in row.variants:
            if (tag, text) not in have:
                have.add((tag, text))
                terms.append(Term(text=text, lang=tag, status=variant_status, origin=origin, sources=[here]))
        for tag, text, other_status in row.others:
            if (tag, text) not in have:
                have.add((tag, text))
                terms.append(Term(text=text, lang=tag, status=other_status, origin=origin,
                                  sources=[here]))
        cid = row.fixed.get("id", "").strip() or concept_id(
            kind, "\x1e".join(f"{tag}\x1f{text}" for tag, text in
                               row.terms or row.variants or [(t, x) for t, x, _s in row.others])
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
                confidence=confidence,
            )
        )
    return glossary


def units_from_rows(rows: Iterable[Row], path: str) -> Iterator[Unit]:
    """One translation unit per row (for checks and ``tm import``): a variant per non-empty
    language cell, the ``domain`` cell as ``x-domain`` props, extra columns as props."""
    for row in rows:
        if not row.terms:
            continue
        notes = [n for n in row.fixed.get("note", "").split("\n") if n.strip()]
        props = dict(row.extra)
        # The domains as the TMX reader gives them (one x-domain value a line): `tm import`
        # records them as the unit's domains.
        domains = [d.strip() for d in row.fixed.get("domain", "").split(";") if d.strip()]
        if domains and "x-domain" not in props:
            props["x-domain"] = "\n".join(domains)
        yield Unit(
            id=row.fixed.get("id", "").strip() or None,
            variants=[Variant(tag, text) for tag, text in row.terms],
            source_lang=row.terms[0][0],
            props=props,
            notes=notes,
            location=Source(path, row.line),
        )


# --------------------------------------------------------------------------- CSV / TSV text


def _quote(cell: str, delimiter: str) -> str:
    # RFC 4180 quoting by hand: the csv module leaves a lone "\r" unquoted when the line
    # terminator is "\n", and a reader would then end the row there.
    if delimiter in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_table(glossary: Glossary, stream: BinaryIO, delimiter: str, *, bom: bool = False) -> list[Notice]:
    """Write one row per concept under a header row (RFC 4180 quoting, ``\\n`` line ends)."""
    header, rows, notices = glossary_rows(glossary)
    out: list[str] = []
    for cells in [header, *(r for _c, r in rows)]:
        line = delimiter.join(cells)
        # No cell needs quotes when the row holds no quote or line break and no delimiter
        # but the ones between cells (most rows): checked on the row, not cell by cell.
        if ('"' in line or "\n" in line or "\r" in line
                or line.count(delimiter) != len(cells) - 1):
            line = delimiter.join([_quote(c, delimiter) for c in cells])
        out.append(line)
    out.append("")
    text = "\n".join(out)
    refuse_control_characters(text, ((c.id, header, cells) for c, cells in rows))
    stream.write((("\ufeff" if bom else "") + text).encode("utf-8"))
    return notices


def semicolon_header(text: str) -> bool:
    """True when ``text``, a CSV file, separates its header row by semicolons: no comma in the
    first line, and split at ``;`` it is a glossary table's header (:func:`header_row`).

    What Excel writes as "CSV" where the decimal mark is a comma (most of Europe)."""
    first = first_line(text)
    if "," in first or ";" not in first:
        return False
    return header_row(next(csv.reader([first], delimiter=";"), []))


def _text_records(stream: BinaryIO, path: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    text = decode(stream.read(), path)
    if delimiter == "," and semicolon_header(text):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    last = 0
    try:
        for cells in reader:
            line = last + 1
            last = reader.line_num
            yield line, cells
    except csv.Error as exc:
        raise FormatError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}",
                          path=path, line=reader.line_num or 1) from None


def read_table(stream: BinaryIO, path: str, delimiter: str, origin: str) -> Glossary:
    """Read a CSV/TSV glossary: one concept per row with at least one term."""
    return glossary_from_rows(read_rows(_text_records(stream, path, delimiter), path), path, origin)


def iter_table_units(stream: BinaryIO, path: str, delimiter: str) -> Iterator[Unit]:
    """One translation unit per row (for checks): a variant per non-empty language cell."""
    return units_from_rows(read_rows(_text_records(stream, path, delimiter), path), path)
