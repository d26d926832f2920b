"""Writing gettext PO catalogs: one catalog per Chinese locale (the layout is in :mod:`.po`).

Two steps: :func:`plan_catalog` decides what the catalog holds (which term of each concept,
its comments and references, a ``msgctxt`` where a ``msgid`` is shared, the sort order, the
header and metadata, notices about the concepts left out), and :func:`render` writes the text
— the text polib writes for the same catalog with ``wrapwidth=0`` (no wrapping), written
directly: building a polib entry per concept and letting polib format it cost as much as
all the other exports of a build together. The test suite keeps polib as the oracle.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO

from termkit import lang as langtags
from termkit.formats.delimited import pick_term, skip_notice, target_tag, zh_pinyin, zh_zhuyin
from termkit.formats.termkit_text import escape
from termkit.model import Concept, Glossary, Kind, Notice, Status

GENERATOR = "termkit"


@lru_cache(maxsize=4096)
def _quote_path(path: str) -> str:
    # polib splits references on whitespace and on the last ':'; keep paths intact.
    # (Cached: every concept of a record has the record's path.)
    return re.sub(r"[%:\s\\]", lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), path)


def _one_line(text: str) -> str:
    # gettext breaks comment lines at LF only, but translate-toolkit and editors also at CR.
    return text.replace("\n", " ").replace("\r", " ")


_KIND_TEXT = {kind: f"kind: {kind.value}" for kind in Kind}
_STATUS_TEXT = {status: f"status: {status.value}" for status in Status}


# Origin of a form termkit made with OpenCC (termkit.glossary.scripts.chinese_forms).
MADE = "opencc:"


def prop_line(name: str, value: str) -> str:
    """A concept prop as a comment line: ``prop NAME: value`` (the value escaped onto one line
    as glossary.txt escapes it), or ``prop: {"NAME": "value"}`` (JSON) when NAME could not be
    read back from the readable form."""
    if name and ": " not in name and not any(c in name for c in "\t\n\r\\") \
            and not name.startswith(("{", ":")) and name.strip() == name:
        return f"prop {name}: {escape(value)}"
    return "prop: " + json.dumps({name: value}, ensure_ascii=False)


def _comment_lines(concept: Concept, pinyin: str | None, zhuyin: str | None,
                   origin: str | None) -> list[str]:
    """The translator comment lines of an entry, guarded (the status and kind lines need no
    guard: they end in a letter); ``pinyin`` and ``zhuyin``: the readings written for the
    entry's Chinese term (:func:`zh_pinyin`, :func:`zh_zhuyin`), ``origin`` its origin, the
    only parts of the lines that depend on which term it is."""
    lines: list[str] = []
    if pinyin:
        lines.append(guard(f"pinyin: {_one_line(pinyin)}"))
    if zhuyin:
        lines.append(guard(f"zhuyin: {_one_line(zhuyin)}"))
    if concept.domains:
        lines += [guard(f"domain: {_one_line(d)}") for d in concept.domains if d.strip()]
    lines.append(_STATUS_TEXT.get(concept.status) or guard(f"status: {concept.status.value}"))
    if concept.kind is not Kind.TERM:
        lines.append(_KIND_TEXT.get(concept.kind) or guard(f"kind: {concept.kind.value}"))
    # termkit's fields that gettext has no place for, in glossary.txt's spelling (read back
    # from termkit's own catalogs only): how sure the pairing is, its evidence and other
    # props, and whether OpenCC made the Chinese term (the lock reads that).
    if concept.confidence is not None:
        lines.append(f"confidence: {float(concept.confidence)!r}")
    lines += [guard(prop_line(k, concept.props[k])) for k in sorted(concept.props)]
    if origin is not None and origin.startswith(MADE):
        lines.append(guard(f"origin: {_one_line(origin)}"))
    for note in concept.notes:
        if "\r" in note:
            # No raw CR in a PO file (translate-toolkit and editors break lines there, and
            # read what follows as a keyword): the note on one line, escaped as in glossary.txt.
            lines.append(guard(f"note-escaped: {escape(note)}"))
            continue
        parts = note.split("\n")
        lines.append(guard(f"note: {parts[0]}"))
        lines += [guard(f"note+ {p}") for p in parts[1:]]
    lines.append(guard(f"id: {concept.id}"))
    return lines


# gettext reads a backslash at the end of any line, comments included, as a line
# continuation, and polib strips whitespace at both ends of a line. A comment line that ends
# in a backslash or whitespace (optionally followed by pipes) gets one more "|" on write,
# which the reader removes again.
_GUARDED = re.compile(r"[\s\\]\|*$")


def guard(line: str) -> str:
    """A comment line made safe to write (one more ``|`` after a trailing ``\\`` or space)."""
    last = line[-1:]
    if last != "|" and last != "\\" and not last.isspace():
        return line  # the common case, without the search (which needs one of these last)
    return line + "|" if _GUARDED.search(line) else line


def _newline_ends_differ(a: str, b: str) -> bool:
    # msgfmt rejects an entry whose msgid and msgstr disagree on a leading/trailing newline.
    return a.startswith("\n") != b.startswith("\n") or a.endswith("\n") != b.endswith("\n")


@dataclass(slots=True)
class PlannedEntry:
    """One entry of a catalog: texts, translator comment lines (guarded), references."""

    msgid: str
    msgstr: str
    concept: Concept
    comments: list[str]
    msgctxt: str | None = None
    occurrences: list[tuple[str, str]] = field(default_factory=list)  # (path, line or "")


@dataclass(slots=True)
class Catalog:
    """What a catalog holds, in writing order: header comment, metadata, entries."""

    header: str  # the header comment, "\n"-separated lines (guarded)
    metadata: list[tuple[str, str]]  # in the order polib writes them
    entries: list[PlannedEntry]
    notices: list[Notice]


def plan_catalog(
    glossary: Glossary,
    *,
    locale: str = "zh_TW",
    reverse: bool = False,
    revision_date: str | None = None,
) -> Catalog:
    """The catalog for one locale, and notices about the concepts left out."""
    return plan_catalogs(glossary, [locale], reverse=reverse, revision_date=revision_date)[0]


def plan_catalogs(
    glossary: Glossary,
    locales: Sequence[str],
    *,
    reverse: bool = False,
    revision_date: str | None = None,
) -> list[Catalog]:
    """:func:`plan_catalog` for each of ``locales``, in one pass over the concepts: what does
    not depend on the locale (the English term, the references, the comment lines when the
    Chinese terms chosen read the same) is worked out once per concept and shared."""
    zh_tags = [target_tag(locale) for locale in locales]
    planned: list[list[PlannedEntry]] = [[] for _ in zh_tags]
    missing: list[dict[str, int]] = [{} for _ in zh_tags]
    newline_mismatch = [0 for _ in zh_tags]
    occurred: dict[int, tuple[str, str]] = {}  # the glossary keeps its sources alive meanwhile
    for c in glossary.concepts:
        en = pick_term(c, "en")
        occurrences: list[tuple[str, str]] | None = None
        comments: tuple[str | None, str | None, str | None, list[str]] | None = None
        for i, zh_tag in enumerate(zh_tags):
            zh = pick_term(c, zh_tag)
            src, tgt = (zh, en) if reverse else (en, zh)
            if src is None or tgt is None:
                src_tag, tgt_tag = (zh_tag, "en") if reverse else ("en", zh_tag)
                lack = src_tag if src is None else tgt_tag
                missing[i][lack] = missing[i].get(lack, 0) + 1
                continue
            if _newline_ends_differ(src.text, tgt.text):
                newline_mismatch[i] += 1
                continue
            if occurrences is None:
                occurrences = []
                for s in c.sources:
                    occurrence = occurred.get(id(s))  # by identity: a record's concepts share sources
                    if occurrence is None:
                        line = str(s.line) if s.line is not None else ""
                        occurrence = occurred[id(s)] = (_quote_path(s.path), line)
                    occurrences.append(occurrence)
            pinyin, zhuyin = zh_pinyin(c, zh), zh_zhuyin(c, zh)
            origin = zh.origin if zh is not None and zh.origin is not None \
                and zh.origin.startswith(MADE) else None
            if comments is None or comments[:3] != (pinyin, zhuyin, origin):
                comments = (pinyin, zhuyin, origin, _comment_lines(c, pinyin, zhuyin, origin))
            # (The lists are shared between the catalogs' entries, and never changed.)
            planned[i].append(PlannedEntry(src.text, tgt.text, c, comments[3], None, occurrences))
    return [
        _catalog(glossary, zh_tag, planned[i], missing[i], newline_mismatch[i],
                 reverse=reverse, revision_date=revision_date)
        for i, zh_tag in enumerate(zh_tags)
    ]


def _catalog(
    glossary: Glossary,
    zh_tag: str,
    planned: list[PlannedEntry],
    missing: dict[str, int],
    newline_mismatch: int,
    *,
    reverse: bool,
    revision_date: str | None,
) -> Catalog:
    """The catalog of the entries planned for one locale: contexts, order, header, notices."""
    posix = langtags.to_posix(zh_tag)
    src_tag, tgt_tag = (zh_tag, "en") if reverse else ("en", zh_tag)
    # msgctxt only where a msgid is shared; the concept id keeps it unique and stable.
    by_msgid: dict[str, list[PlannedEntry]] = {}
    for p in planned:
        by_msgid.setdefault(p.msgid, []).append(p)
    for group in by_msgid.values():
        if len(group) < 2:
            continue
        used: dict[str, int] = {}
        for p in sorted(group, key=lambda p: (p.concept.id, p.msgstr)):
            n = used.get(p.concept.id, 0) + 1
            used[p.concept.id] = n
            p.msgctxt = p.concept.id if n == 1 else f"{p.concept.id}#{n}"
    planned.sort(key=lambda p: (p.msgid, p.msgctxt or "", p.msgstr))

    header = [f"Glossary exported by termkit ({langtags.to_posix(src_tag)} -> {langtags.to_posix(tgt_tag)})"]
    header += [f"{_one_line(k)}: {_one_line(v)}" for k, v in glossary.header.items()]
    metadata = [
        ("Project-Id-Version", "termkit glossary"),
        ("PO-Revision-Date", revision_date or ""),
        ("Last-Translator", ""),
        ("Language-Team", ""),
        ("Language", "en" if reverse else posix),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", "nplurals=1; plural=0;" if not reverse else "nplurals=2; plural=(n != 1);"),
        ("X-Generator", GENERATOR),
    ]
    if reverse:
        metadata.append(("X-Source-Language", posix))
    notices = [skip_notice(n, f"no {tag} term") for tag, n in sorted(missing.items())]
    if newline_mismatch:
        notices.append(skip_notice(newline_mismatch, "terms begin or end with a newline on one side only"))
    return Catalog("\n".join(guard(line) for line in header), metadata, planned, notices)


# --------------------------------------------------------------------------- text

def _escape(text: str) -> str:
    """A PO string's escapes (polib's, in its order)."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    return (
        text.replace("\\", r"\\").replace("\t", r"\t").replace("\r", r"\r").replace("\n", r"\n")
        .replace("\v", r"\v").replace("\b", r"\b").replace("\f", r"\f").replace('"', r"\"")
    )


_NEEDS_ESCAPE = re.compile(r'[\\\t\r\n\v\b\f"]')


def _field(out: list[str], name: str, value: str) -> None:
    """``name "value"``; a value of several lines (``str.splitlines``) as ``name ""`` and
    one quoted line each, as polib writes them without wrapping."""
    lines = value.splitlines(True)
    if len(lines) > 1:
        out.append(f'{name} ""')
        out.extend(f'"{_escape(line)}"' for line in lines)
    else:
        out.append(f'{name} "{_escape(value)}"')


# What makes a value more than ``name "value"``: an escape, or a line break splitlines sees.
_NOT_PLAIN = re.compile('[\\\\\t\r\n\v\b\f"\x1c\x1d\x1e\x85\u2028\u2029]')


# The comment and reference lines of entries, by the identity of their lists (which the
# catalogs of one plan_catalogs share): rendered once for both catalogs.
_Heads = dict[tuple[int, int], str]


def _head(e: PlannedEntry) -> str:
    comment = "\n".join(e.comments)
    # Each line of the comment as "# LINE" (a comment line may hold a line break).
    out = ["# " + comment.replace("\n", "\n# ")] if comment else []
    if e.occurrences:
        out.append("#: " + " ".join([f"{path}:{line}" if line else path
                                     for path, line in e.occurrences]))
    return "\n".join(out)


def _entry(e: PlannedEntry, heads: _Heads) -> str:
    key = (id(e.comments), id(e.occurrences))
    head = heads.get(key)
    if head is None:
        head = heads[key] = _head(e)
    out = [head] if head else []
    if e.msgctxt is not None:
        _field(out, "msgctxt", e.msgctxt)
    msgid, msgstr = e.msgid, e.msgstr
    if _NOT_PLAIN.search(msgid) is None and _NOT_PLAIN.search(msgstr) is None:
        out.append(f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')  # most entries: as _field writes them
    else:
        _field(out, "msgid", msgid)
        _field(out, "msgstr", msgstr)
        out.append("")
    return "\n".join(out)


def render(catalog: Catalog, heads: _Heads | None = None) -> str:
    """The catalog's text, as polib writes it with ``wrapwidth=0`` (before the final newline
    is trimmed to one). ``heads``: the entries' comment and reference lines rendered so far,
    shared by the catalogs of one :func:`plan_catalogs` (kept while they are alive)."""
    if heads is None:
        heads = {}
    head = []
    for line in catalog.header.split("\n"):
        if not line:
            head.append("#\n")
        elif line[:1] in (",", ":"):
            head.append(f"#{line}\n")
        else:
            head.append(f"# {line}\n")
    meta: list[str] = []
    _field(meta, "msgid", "")
    _field(meta, "msgstr", "\n".join(f"{k}: {v}" for k, v in catalog.metadata) + "\n")
    meta.append("")
    entries = ["\n".join(meta), *(_entry(e, heads) for e in catalog.entries)]
    return "".join(head) + "\n".join(entries)


def write_glossary(
    glossary: Glossary,
    stream: BinaryIO,
    *,
    locale: str = "zh_TW",
    reverse: bool = False,
    revision_date: str | None = None,
    **options: object,
) -> list[Notice]:
    """Write one PO catalog (English -> ``locale``, or the reverse); returns notices on skips."""
    catalog = plan_catalog(glossary, locale=locale, reverse=reverse, revision_date=revision_date)
    stream.write((render(catalog).rstrip("\n") + "\n").encode("utf-8"))
    return catalog.notices


def write_catalogs(
    glossary: Glossary,
    streams: Sequence[tuple[BinaryIO, str]],
    *,
    reverse: bool = False,
    revision_date: str | None = None,
) -> list[list[Notice]]:
    """:func:`write_glossary` for several ``(stream, locale)`` at once (the bytes each would
    write), planned together (:func:`plan_catalogs`); returns each catalog's notices."""
    catalogs = plan_catalogs(glossary, [locale for _, locale in streams], reverse=reverse,
                             revision_date=revision_date)
    heads: _Heads = {}
    for (stream, _), catalog in zip(streams, catalogs, strict=True):
        stream.write((render(catalog, heads).rstrip("\n") + "\n").encode("utf-8"))
    return [catalog.notices for catalog in catalogs]
