"""Readers of article records: page text (unlabelled or labelled), RIS, JSON Lines, BibTeX,
EndNote (Refer and XML), NoteExpress, CNKI E-Study and RefWorks exports, LaTeX sources.

``read_records(path)`` reads a file (``-`` for stdin), ``parse_records(data, path)`` reads
bytes already in memory. Both decode with :func:`termkit.textio.decode_text` (UTF-8 with or
without BOM, UTF-16 with or without BOM, Big5/CP950, GB18030) and pick the format:

1. ``format=`` when given (one of :data:`FORMATS`; anything else is a
   :class:`~termkit.errors.UsageError`);
2. the extension, in any case: ``.ris`` -> RIS (a RefWorks export saved under that name,
   opening with ``RT type``, is RefWorks), ``.jsonl``/``.ndjson`` -> JSON Lines,
   ``.bib`` -> BibTeX, ``.enw`` -> EndNote/Refer, ``.net`` -> NoteExpress, ``.tex``/``.ltx``
   -> LaTeX;
3. the content: a first non-blank line starting with ``TY  -`` is RIS, one starting with
   ``{Field}: value`` is a NoteExpress export (Wanfang, VIP) when another of the first five
   lines is such a field line too (else page text), one starting with ``{`` is JSON
   Lines, ``@type{`` BibTeX, ``%X `` (a Refer tag) EndNote/Refer, an ``RT type`` line
   followed by two-letter tag lines (``T1``, ``A1``, ``K1``) a RefWorks export, ``<xml><records>``
   an EndNote XML export (:mod:`termkit.records.endnotexml`); a LaTeX
   source (its first line a control word, ``\\keywords{…}`` or ``keywords = {…}`` fields in
   it: :mod:`termkit.records.latex`; by name ``.tex``/``.ltx``); a ``DataType: 1`` line or
   ``Title-题名:`` field lines are a CNKI E-Study export; page text
   with two field labels or more at line starts (``題名：``, ``關鍵詞``, ``Key words:`` …)
   is a labelled page (:mod:`termkit.records.labelled`);
4. otherwise unlabelled page text (:mod:`termkit.records.page`).

Page text written as Markdown (``# title``, ``**研究生:**``, ``- item``, ``[text](url)``,
table rows) is judged and read as the text it shows (:mod:`termkit.records.markdown`); so
is a page saved or pasted as HTML (a doctype, ``<html>``, enough block and table tags, or a
``.html``/``.htm`` name: :mod:`termkit.records.htmlpage`), whose ``<meta charset>`` names
its encoding where the bytes are not UTF-8.

Without ``format=``, a glossary or translation file (by a name the format registry knows, or
by its text where records may have that name: ``*.txt``, ``*.json``) is refused, pointing at
``termkit import``: it holds no records, and read as a page it gives junk pairs
(:func:`exchange_kind`).

Record ids: page text -> the file stem (``STEM#N`` when a file holds several records);
RIS -> the ``ID`` tag, else ``STEM#N``; JSON Lines -> the ``id`` field, else ``STEM#N``;
BibTeX -> the entry key; EndNote -> ``STEM#N`` (N counts records from 1). Standard input
has the stem ``stdin``.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import PurePath

from termkit.errors import InputError, UsageError
from termkit.io import read_bytes
from termkit.model import Notice, Record, has_term_text

# Each format's reader: its module in this package and the function that parses a text into
# records, imported when the format is first read (reading one format loads only its reader).
_READERS = {
    "page": ("page", "parse_page"),
    "labelled": ("labelled", "parse_labelled"),
    "ris": ("ris", "parse_ris"),
    "jsonl": ("jsonl", "parse_jsonl"),
    "bibtex": ("bibtex", "parse_bibtex"),
    "endnote": ("endnote", "parse_endnote"),
    "endnotexml": ("endnotexml", "parse_endnote_xml"),
    "noteexpress": ("noteexpress", "parse_noteexpress"),
    "estudy": ("estudy", "parse_estudy"),
    "refworks": ("refworks", "parse_refworks"),
    "latex": ("latex", "parse_latex"),
}
FORMATS = tuple(_READERS)
_EXTENSIONS = {
    ".ris": "ris",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".enw": "endnote",
    # NoteExpress's own file name for its exports (Wanfang's sample ``….NET``)
    ".net": "noteexpress",
}
# File names a folder of records is read for (``termkit build FOLDER``): the extensions
# above, and page text saved as text, HTML or Markdown (a page copied "as Markdown" is read as
# the text it shows, :mod:`termkit.records.markdown`).
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", *_EXTENSIONS)
# LaTeX sources are read when named (``termkit extract abstract.tex``), not gathered from a
# folder: a thesis folder's chapters and class files hold no record.
_EXTENSIONS |= {".tex": "latex", ".ltx": "latex"}
# What each format of the registry (termkit.formats) is called in a message; a format added
# to the registry later is called by its title until it gets a phrase here.
_KINDS = {
    "termkit": "a termkit glossary", "json": "a termkit JSON glossary", "tmx": "a TMX file",
    "tbx": "a TBX file", "xliff": "an XLIFF file", "po": "a PO catalog",
    "omegat": "an OmegaT glossary", "csv": "a CSV table", "tsv": "a TSV table",
    "xlsx": "an Excel workbook", "mediawiki": "MediaWiki conversion rules",
}
# Last suffixes a records file may have whatever the rest of its name says: page text is any
# ``*.txt`` (``medical-glossary.txt`` is an article), JSON Lines records are often saved as
# ``*.json``. A glossary with such a name is known by its text instead.
_RECORD_SUFFIXES = frozenset({*EXTENSIONS, ".json"})
_EXCHANGE_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(tmx|martif|tbx|xliff)\b",
    re.DOTALL | re.IGNORECASE)
_EXCHANGE_ROOTS = {"tmx": "a TMX file", "martif": "a TBX file", "tbx": "a TBX file",
                   "xliff": "an XLIFF file"}
# termkit's JSON glossary; MediaWiki conversion groups (JSON) and rule text (-{zh-tw:…}-)
_JSON_GLOSSARY = re.compile(r'\A\s*\{\s*"format"\s*:\s*"termkit-glossary"')
_CGROUP_JSON = re.compile(r'\A\s*\{.*?"rules"\s*:\s*\[\s*\{[^{}]*"conv"\s*:', re.DOTALL)
_RULE_TEXT = re.compile(r"\A\s*-\{[^{}\n]*?zh(?:-[A-Za-z]{2,4})?\s*:", re.IGNORECASE)
# The sources file a build writes beside its glossary (termkit.provenance.sidecar_lines).
_SIDECAR = re.compile(r'\A\s*\{"id": "[^"\n]*", "total": \d+, "sources": \[')
SIDECAR_KIND = "a termkit sources file (glossary.sources.jsonl, written by build)"
# The conflicts a build writes with --conflicts (termkit.provenance.conflict_lines).
_CONFLICTS = re.compile(r'\A\s*\{"zh": "[^"\n]*", "renderings": \[\{"en": ')
CONFLICTS_KIND = "a termkit conflicts file (written by build --conflicts)"
_PO_ENTRY = re.compile(r'^msgid\s+"[^\n]*\n(?:"[^\n]*\n)*msgstr(?:\[0\])?\s+"', re.MULTILINE)
_BIBTEX_START = re.compile(r"^@\s*[A-Za-z]+\s*[{(]")
_REFER_TAG = re.compile(r"^%[A-Z0-9@+?!#$&()*^~\]\[<>=]\s")

__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "exchange_kind", "parse_records", "read_records",
           "record_stem"]


def record_stem(path: str) -> str:
    """The id stem of records read from ``path`` (``stdin`` for ``-``)."""
    return "stdin" if path == "-" else PurePath(path).stem


def detect_format(path: str, text: str) -> str:
    """One of :data:`FORMATS` from the file name, then from the decoded content."""
    by_name = _EXTENSIONS.get(PurePath(path).suffix.lower()) if path != "-" else None
    if by_name == "ris" and text.lstrip().startswith("RT "):
        from termkit.records.refworks import is_refworks

        if is_refworks(text):  # CNKI's RefWorks export saved as .ris (no RIS opens so)
            return "refworks"
    if by_name:
        return by_name
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        from termkit.records.noteexpress import is_field_line, is_noteexpress

        if is_field_line(stripped):
            # one quoted field line opening prose is page text, not an export nor JSON
            if is_noteexpress(text):
                return "noteexpress"
            break
        if stripped.startswith("{"):
            return "jsonl"
        if len(stripped) >= 5 and stripped[:2] == "TY" and stripped[2:].lstrip(" ").startswith("-"):
            return "ris"
        if _BIBTEX_START.match(stripped):
            return "bibtex"
        if _REFER_TAG.match(stripped):
            return "endnote"
        if stripped.startswith("RT "):
            from termkit.records.refworks import is_refworks

            if is_refworks(text):
                return "refworks"
        if stripped.startswith("<"):
            from termkit.records.endnotexml import is_endnote_xml

            if is_endnote_xml(text):
                return "endnotexml"
        break
    from termkit.records.estudy import is_estudy
    from termkit.records.latex import is_latex
    from termkit.records.scan import is_labelled

    if "\\" in text and is_latex(text):
        return "latex"
    if is_estudy(text):
        return "estudy"

    return "labelled" if is_labelled(text, path) else "page"


def exchange_kind(path: str, text: str | None = None) -> str | None:
    """``"a TMX file"`` … when ``path`` (by name, or its ``text``) is a glossary or
    translation file rather than records; None otherwise.

    By name: any extension of the format registry (:mod:`termkit.formats`: ``.tmx``, ``.po``,
    ``.omegat.tsv``, ``.utf8``, ``.tkg`` …), unless the name's last suffix is one records
    have too (``.txt``, ``.json``, the record extensions): ``medical-glossary.txt`` may be an
    article saved as page text and ``records.json`` JSON Lines records, so such a file is
    judged by its text: a termkit glossary (text or JSON), a TMX/TBX/XLIFF root, PO entries,
    MediaWiki conversion groups (JSON) or rule text (``-{zh-hans:…;zh-hant:…}-``), a TSV or
    CSV table under a glossary header row (:func:`termkit.formats.columns.header_row`), or
    the sources file a build writes (``glossary.sources.jsonl``).
    """
    kind = None if path == "-" else _kind_by_name(path)
    if kind or text is None:
        return kind
    head = text[:4096]
    if head.lstrip().startswith("# termkit glossary"):
        return _KINDS["termkit"]
    if _JSON_GLOSSARY.match(head):
        return _KINDS["json"]
    if _CGROUP_JSON.match(head) or _RULE_TEXT.match(head):
        return _KINDS["mediawiki"]
    if _SIDECAR.match(head):
        return SIDECAR_KIND
    if _CONFLICTS.match(head):
        return CONFLICTS_KIND
    root = _EXCHANGE_ROOT.match(head)
    if root:
        return _EXCHANGE_ROOTS[root.group(1).lower()]
    if _PO_ENTRY.search(head):
        return "a PO catalog"
    from termkit.formats import table_by_header

    # A TSV or CSV glossary (`import -o terms.txt --to tsv`), known by its header row.
    table = table_by_header(head.lstrip("\ufeff").encode("utf-8"))
    return _KINDS[table] if table else None


def _kind_by_name(path: str) -> str | None:
    from termkit import formats
    from termkit.errors import UnknownFormatError

    if PurePath(path).suffix.lower() in _RECORD_SUFFIXES:
        return None
    try:
        fmt = formats.detect(path)
    except UnknownFormatError:
        return None
    return _KINDS.get(fmt.name, fmt.title)


def build_output_kind(path: str) -> str | None:
    """What a file of a build's own output is (its sources file, its ``--conflicts`` file),
    from its first bytes; None for any other file, or one that cannot be read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(256).decode("utf-8", errors="replace")
    except OSError:
        return None
    if _SIDECAR.match(head):
        return SIDECAR_KIND
    if _CONFLICTS.match(head):
        return CONFLICTS_KIND
    return None


def _refuse_exchange(path: str, kind: str | None) -> None:
    if kind in (SIDECAR_KIND, CONFLICTS_KIND):
        raise InputError(
            f"{kind}, not article records", path=path,
            hint="it lists what a build found in its records; build the records "
            "themselves (leave it out of a folder with --exclude)")
    if kind:
        raise InputError(
            f"{kind}, not article records", path=path,
            hint="`termkit import` reads glossaries and translation files (leave it out of a "
            "folder with --exclude; --format page reads it as page text all the same)")


def parse_records(data: bytes, path: str, *, format: str | None = None) -> list[Record]:
    """Decode ``data`` and read every record in it; ``path`` names it in ids and errors.

    Without ``format``, a glossary or translation file (any format of the registry, see
    :func:`exchange_kind`) is an :class:`InputError`: it holds no records.
    """
    from termkit.records.htmlpage import declared_encoding
    from termkit.textio import decode_text

    if format is not None and format not in FORMATS:
        raise UsageError(f"unknown record format {format!r}; choose one of {', '.join(FORMATS)}")
    if format is None:
        _refuse_exchange(path, exchange_kind(path))
    text, _encoding = decode_text(data, path, declared=declared_encoding(data))
    if format is None:
        _refuse_exchange(path, exchange_kind(path, text))
    chosen = format or detect_format(path, text)
    records = _parse(chosen, text, path, record_stem(path))
    for record in records:
        _drop_textless_keywords(record)
    return records


def _parse(chosen: str, text: str, path: str, stem: str) -> list[Record]:
    module, name = _READERS.get(chosen, _READERS["page"])
    parse = getattr(importlib.import_module(f"termkit.records.{module}"), name)
    records: list[Record] = parse(text, path, stem)
    return records


def _drop_textless_keywords(record: Record) -> None:
    """Leave out the keywords with no letter or digit (``""``, ``…``, ``—``, ``（）``), with
    a notice: an empty item of a JSON list, a placeholder printed in a keyword line, names
    no concept (:func:`termkit.model.has_term_text`)."""
    dropped = [k for k in (*record.keywords_zh, *record.keywords_en) if not has_term_text(k)]
    if not dropped:
        return
    record.keywords_zh = [k for k in record.keywords_zh if has_term_text(k)]
    record.keywords_en = [k for k in record.keywords_en if has_term_text(k)]
    listed = ", ".join(repr(k) for k in dropped)
    record.notices.append(Notice(f"keywords with no text left out: {listed}", record.source,
                                 record.lines.get("keywords")))


def read_records(path: str, *, format: str | None = None) -> list[Record]:
    """Read every record in ``path`` (``-`` for stdin); format detected unless given."""
    if format is not None and format not in FORMATS:
        raise UsageError(f"unknown record format {format!r}; choose one of {', '.join(FORMATS)}")
    # A file name that is not UTF-8 (GBK bytes from an archive made on Windows) comes as
    # surrogate escapes, which no UTF-8 output can hold: its records name it with the bytes
    # escaped (``\\xbc\\xc7.txt``), as ls -b shows it.
    shown = os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return parse_records(read_bytes(path), shown, format=format)
