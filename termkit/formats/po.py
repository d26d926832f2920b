"""gettext PO catalogs: one catalog per Chinese locale out (:mod:`.po_write`), any catalog in.

Writing (``write_glossary(glossary, stream, locale="zh_TW", reverse=False)``, in
:mod:`termkit.formats.po_write`):

* ``msgid`` is the English term (the preferred one), ``msgstr`` the Chinese term of the
  locale's script (``zh_TW`` -> ``zh-Hant-TW``, else ``zh-Hant``, else another ``zh-Hant-*``;
  ``zh_CN`` -> ``zh-Hans-CN``/``zh-Hans``/``zh-Hans-*``; ``zh_HK`` -> ``zh-Hant-HK``, else
  ``zh-Hant``, else another region; see :func:`~termkit.formats.delimited.pick_term`);
  ``reverse=True`` swaps them and writes
  ``Language: en`` with ``X-Source-Language: zh_TW``;
* ``msgctxt`` is the concept id, only where several concepts share a ``msgid``;
* translator comments carry ``pinyin:``, ``zhuyin:`` (when present), ``domain:``, ``status:``, ``kind:``,
  ``confidence:``, ``prop NAME: value`` (escaped as in glossary.txt; ``prop: {JSON}`` for a
  name that line cannot hold), ``origin:`` (of the Chinese term, when OpenCC made it), ``note:``
  (``note+`` continues a multi-line note; a note holding a carriage return is one
  ``note-escaped:`` line, escaped as in glossary.txt) and ``id:`` lines (a line ending in ``\\`` or
  whitespace gets a ``|`` appended, see :func:`~termkit.formats.po_write.guard`); ``#:`` references are the
  concept's sources (``path:line``; ``%``, ``:``, ``\\`` and whitespace in a path are
  percent-encoded, as translate-toolkit decodes them; record ids are not carried);
* the header has Project-Id-Version, Language, MIME-Version, Content-Type (UTF-8),
  Content-Transfer-Encoding and Plural-Forms (``nplurals=1; plural=0;``), and empty
  PO-Revision-Date/Last-Translator/Language-Team so ``msgfmt --check-header`` is silent;
  no timestamp unless ``revision_date`` is given;
* entries are sorted by msgid, msgctxt, msgstr; lines are not wrapped; concepts with no term
  on one side are skipped and reported in the returned notices.

The ``confidence``, ``prop`` and ``origin`` lines are read back only from a catalog termkit
wrote (``X-Generator: termkit``); in another catalog they are translator comments.

Reading decodes the bytes itself (BOM, else UTF-16 without a BOM when its NUL bytes say so,
else the header's charset, else UTF-8, else Big5 or
GB18030 as :mod:`termkit.textio` detects them — a catalog in another encoding without a
charset, like the LISA kit's Latin-1 French PO, is refused with a located error), scans it
for syntax errors as msgfmt would (:mod:`termkit.formats.po_syntax`; the first one is a
:class:`FormatError` with line and column) and hands the *text* to polib, never a path. Obsolete (``#~``) entries are
skipped (counted in a notice); fuzzy entries become candidates; plurals keep ``msgstr[0]`` as
the term and the other forms as ``po:`` properties. The catalog language comes from the
``Language`` header, else from a file name like ``glossary.zh_TW.po``.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, BinaryIO

from termkit import lang as langtags
from termkit.errors import FormatError, InputError
from termkit.formats.delimited import (
    decode,
    encoding_error,
    is_chinese,
    parse_kind,
    parse_status,
)
from termkit.formats.po_syntax import PoSyntaxError, readable, scan
from termkit.formats.po_write import GENERATOR
from termkit.formats.po_write import write_glossary as write_glossary  # the registry's entry
from termkit.formats.termkit_text import unescape
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
from termkit.textio import BINARY, control_character, decode_utf16_without_bom, refuse_utf32

_ID_RE = re.compile(r"^c[0-9a-f]{12}(?:#\d+)?$")


# --------------------------------------------------------------------------- writing
# (termkit.formats.po_write; the reader undoes what it encodes)


def _unquote_path(path: str) -> str:
    if "%" not in path:
        return path
    return re.sub(
        r"(?:%[0-9A-Fa-f]{2})+",
        lambda m: bytes.fromhex(m.group().replace("%", "")).decode("utf-8", "replace"),
        path,
    )


# A comment line the writer guarded (see termkit.formats.po_write.guard) ends in one more "|".
_UNGUARD = re.compile(r"[\s\\]\|+$")


def _unguard(line: str) -> str:
    return line[:-1] if line.endswith("|") and _UNGUARD.search(line) else line


# --------------------------------------------------------------------------- reading


class _Content(str):
    """PO text for polib, split on ``\\n`` only.

    polib splits content with ``str.splitlines``, which also breaks at U+2028, U+0085,
    ``\\x1c``… — characters that may sit inside a quoted string.
    """

    __slots__ = ()

    def splitlines(self, keepends: bool = False) -> list[str]:
        return [line.removesuffix("\r") for line in self.split("\n")]


_CHARSET_RE = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def _decode(data: bytes, path: str) -> tuple[str, list[Notice]]:
    """The catalog's text, and a notice when the encoding had to be guessed."""
    refuse_utf32(data[:4], path)  # its NULs would pass for UTF-16 without a BOM, or UTF-8
    if data.startswith(b"\xef\xbb\xbf"):
        return decode(data, path), []
    # UTF-16 without a BOM (iconv -t UTF-16LE): its ASCII is valid UTF-8 too, NULs and all,
    # so the layout of the NUL bytes decides first, as termkit.textio does for other inputs.
    # The header's charset is not looked at: it names the encoding the file was made in.
    wide = decode_utf16_without_bom(data, path)
    if wide is not None:
        return wide[0], []
    m = _CHARSET_RE.search(data)
    declared = m.group(1).decode("ascii") if m else None
    if declared is None or declared.upper() in {"CHARSET", "UTF-8", "UTF8"}:
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError as exc:
            if declared is not None:
                raise encoding_error(data, exc, path, "UTF-8") from None
            # No charset: a Big5 or GB18030 catalog can be told apart reliably. What is
            # left is decoded as Latin-1, the legacy charset of header-less Western
            # catalogs (the LISA kit's French PO), and said so: any byte string decodes
            # as Latin-1, so the result must be checked by a person.
            with contextlib.suppress(InputError):
                return decode(data, path), []
            if control_character(data.decode("latin-1")):
                # Neither UTF-8 nor Chinese, with control bytes: an image, a zip, a database
                # (a NUL in valid UTF-8 text is a syntax error the scanner locates)
                raise InputError(BINARY, path=path) from None
            line = data[: exc.start].count(b"\n") + 1
            notice = Notice(
                "no charset declared and the text is not UTF-8, Big5 or GB18030: decoded as "
                "Latin-1 (ISO-8859-1); check accented letters, or add a Content-Type header",
                path,
                line,
            )
            return data.decode("latin-1"), [notice]
    try:
        return data.decode(declared), []
    except LookupError:
        assert m is not None  # declared comes from it
        start = m.start(1)
        raise FormatError(f"unknown charset {declared!r} in the header", path=path,
                          line=data.count(b"\n", 0, start) + 1,
                          column=start - data.rfind(b"\n", 0, start)) from None
    except UnicodeDecodeError as exc:
        raise encoding_error(data, exc, path, declared) from None


def _parse(data: bytes, path: str, syntax: list[PoSyntaxError] | None = None) -> Any:
    """The polib catalog of ``data``; decoding notices are kept on it as ``termkit_notices``.

    The text is scanned for syntax errors first (:mod:`termkit.formats.po_syntax`): the first
    one is raised as a :class:`FormatError` with its line and column, unless ``syntax`` is a
    list, which then receives every error while the entries that are whole are still read
    (the lines of broken entries are emptied, so line numbers stay true).
    """
    import polib

    text, notices = _decode(data, path)
    if not text.strip():  # as in every format: polib would read a catalog of nothing
        raise FormatError("empty file", path=path)
    scanned = scan(text)
    if scanned.errors:
        if syntax is None:
            first = scanned.errors[0]
            raise FormatError(
                f"PO syntax error: {first.message}", path=path, line=first.line, column=first.column
            )
        syntax.extend(scanned.errors)
    text = readable(text, scanned)
    if "\n" not in text:
        text += "\n"  # polib treats a one-line string that names an existing file as a path
    try:
        catalog = polib.pofile(_Content(text), wrapwidth=0)
        catalog.termkit_notices = notices
        _first_entry_line(catalog, text)
        return catalog
    except (OSError, ValueError, IndexError, KeyError) as exc:
        message = str(exc)
        m = re.search(r"\(line (\d+)\)", message)
        detail = message.split("):", 1)[1].strip() if "):" in message else ""
        raise FormatError(
            "PO syntax error" + (f": {detail}" if detail else ""),
            path=path,
            line=int(m.group(1)) if m else None,
        ) from None


def _first_entry_line(catalog: Any, text: str) -> None:
    """Give the first entry of a catalog without a header its line: polib numbers an entry by
    its first line (comments included) but leaves 0 on the first one when no header comes
    before it, which made sources and findings say ``FILE:0``."""
    for entry in catalog:
        if not entry.linenum:
            first = re.search(r"\S", text)  # the entry starts on the first line with text
            entry.linenum = text.count("\n", 0, first.start()) + 1 if first else 1
        break


def read_catalog(data: bytes, path: str) -> tuple[Any, str, str, list[Notice]]:
    """A catalog as polib reads it, for callers that rewrite it (pre-translation).

    Returns the polib ``POFile`` (lines not re-wrapped on output), the source and target
    language tags (from the headers or the file name) and the notices of decoding.
    """
    po = _parse(data, path)
    source, target, notices = _languages(po, path)
    return po, source, target, [*po.termkit_notices, *notices]


def locale_from_name(path: str) -> str | None:
    """The locale a PO file name carries (``glossary.zh_TW.po`` -> ``zh_TW``), or None."""
    name = PurePath(path).name
    return langtags.locale_in_file_name(name) if name.endswith((".po", ".pot")) else None


# A locale folder's name in gettext's install layout: zh_TW, zh_Hant, sr@latin, pt_BR.UTF-8.
_LOCALE_DIR = re.compile(r"[a-z]{2,3}(?:[_-][A-Z][a-z]{3})?(?:[_-][A-Z]{2})?(?:\.[\w-]+)?(?:@\w+)?")


def locale_from_folder(path: str) -> str | None:
    """The locale of a catalog kept in gettext's install layout, ``LOCALE/LC_MESSAGES/
    DOMAIN.po`` (``locale/zh_TW/LC_MESSAGES/django.po`` -> ``zh_TW``), or None."""
    parts = PurePath(path.replace("\\", "/")).parts
    if len(parts) < 3 or parts[-2] != "LC_MESSAGES" or not _LOCALE_DIR.fullmatch(parts[-3]):
        return None
    return re.split(r"[.@]", parts[-3])[0]


def _languages(po: Any, path: str, source_lang: str | None = None) -> tuple[str, str, list[Notice]]:
    notices: list[Notice] = []
    # "zh_CN.UTF-8" and "sr@latin" style suffixes are locale details, not language.
    language = re.split(r"[.@]", (po.metadata.get("Language") or "").strip())[0]
    named = locale_from_name(path)
    # A bare three-letter name is a catalog's domain as often as a language (job.po, app.po,
    # web.po): only a two-letter name or one with a script or region contradicts a header, and
    # without a header a bare three-letter name is a language only when the C library has
    # locales for it (fil.po, ast.po, yue.po, ckb.po in GNOME's and KDE's po/ folders).
    plain_word = named is not None and len(named) == 3 and named.isalpha()
    if plain_word and not langtags.has_locales(named):
        named = None
    # gettext's install layout names the locale by the folder and the domain by the file
    # (locale/zh_Hant/LC_MESSAGES/django.po, whose Language header Django leaves empty).
    folder = locale_from_folder(path) if named is None or plain_word else None
    where = "file name"
    if folder is not None:
        named, plain_word, where = folder, False, "folder"
    # One that only says more or less than the other (zh_Hant.po, Language: zh_TW) agrees.
    if language and named and not plain_word and not langtags.compatible(language, named):
        # gettext goes by the header, and so do we; but a catalog named for one locale whose
        # header says another was usually copied from a sibling (git-l10n's zh_TW.po said
        # zh_CN), and every unit then reads as the wrong script: say why.
        notices.append(Notice(
            f"the Language header says {language} but the {where} says {named}; "
            f"read as {language} (the header)", path))
    if not language:
        if named:
            language = named
        else:
            language = "und"
            notices.append(Notice("no Language header and no locale in the file name; target language unknown (und)", path))
    source = (po.metadata.get("X-Source-Language") or source_lang or "en").strip()
    return langtags.normalize(source), langtags.normalize(language), notices


@dataclass(slots=True)
class _Info:
    """What our translator comments say, plus the lines that are free text."""

    pinyin: str | None = None
    zhuyin: str | None = None
    domains: list[str] = field(default_factory=list)
    status: Status | None = None
    kind: Kind | None = None
    notes: list[str] = field(default_factory=list)
    id: str | None = None
    confidence: float | None = None
    props: dict[str, str] = field(default_factory=dict)
    origin: str | None = None  # of the Chinese term


_COMMENT_RE = re.compile(
    r"^(pinyin|zhuyin|domain|status|kind|note|note-escaped|id): ?(.*)$|^note\+ ?(.*)$", re.S)


def _own_field(line: str, info: _Info) -> bool:
    """Read one of the lines termkit writes for the fields gettext has no place for
    (``confidence:``, ``prop NAME:``, ``prop: {JSON}``, ``origin:``) into ``info``; False when
    ``line`` is none of them (or not well formed: then it stays a comment)."""
    if line.startswith("confidence: "):
        with contextlib.suppress(ValueError):
            number = float(line[len("confidence: "):])
            if math.isfinite(number):
                info.confidence = number
                return True
        return False
    if line.startswith("prop: "):
        try:
            data = json.loads(line[len("prop: "):])
        except ValueError:
            return False
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            return False
        info.props.update(data)
        return True
    if line.startswith("prop ") and ": " in line:
        name, _, value = line[len("prop "):].partition(": ")
        if name.strip():
            info.props[name.strip()] = unescape(value)
            return True
        return False
    if line.startswith("origin: ") and line[len("origin: "):].strip():
        info.origin = line[len("origin: "):].strip()
        return True
    return False


def _read_comments(tcomment: str, ours: bool = False) -> _Info:
    """What the translator comments say; ``ours``: the catalog is termkit's (its X-Generator),
    so its lines for the fields gettext has no place for are read too (in another catalog
    they stay comments)."""
    info = _Info()
    free: list[str] = []
    last_was_note = False
    for raw in tcomment.split("\n") if tcomment else []:
        line = _unguard(raw)
        m = _COMMENT_RE.match(line)
        if m is None:
            if not (ours and _own_field(line, info)):
                free.append(line)
            last_was_note = False
            continue
        key, value, more = m.group(1), m.group(2), m.group(3)
        if key is None:  # "note+": continues the previous note
            if last_was_note:
                info.notes[-1] += "\n" + more
            else:
                free.append(line)
            continue
        last_was_note = key == "note"
        if key == "pinyin":
            info.pinyin = value
        elif key == "zhuyin":
            info.zhuyin = value
        elif key == "domain":
            info.domains.append(value)
        elif key == "status":
            info.status = parse_status(value)
        elif key == "kind":
            info.kind = parse_kind(value)
        elif key == "note":
            info.notes.append(value)
        elif key == "note-escaped":  # a note holding a CR, escaped as in glossary.txt
            info.notes.append(unescape(value))
        else:
            info.id = value.strip()
    if any(f.strip() for f in free):
        info.notes.append("\n".join(free).strip("\n"))
    return info


def _translation(entry: Any) -> str:
    if entry.msgstr_plural:
        return str(entry.msgstr_plural.get(0, entry.msgstr_plural.get("0", "")))
    return str(entry.msgstr)


def _entry_props(entry: Any) -> dict[str, str]:
    props: dict[str, str] = {}
    flags = [f for f in entry.flags if f and f != "fuzzy"]
    if flags:
        props["po:flags"] = ", ".join(flags)
    if entry.comment:
        props["po:extracted-comment"] = entry.comment
    if entry.msgid_plural:
        props["po:msgid_plural"] = entry.msgid_plural
    for index, value in sorted((int(k), v) for k, v in entry.msgstr_plural.items()):
        if index:
            props[f"po:msgstr[{index}]"] = value
    for name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
        value = getattr(entry, name)
        if value is not None:
            props["po:" + name.replace("_", "-")] = value
    return props


def _live_entries(po: Any) -> list[Any]:
    return [e for e in po if not e.obsolete]


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read any PO catalog: one concept per non-obsolete entry."""
    po = _parse(stream.read(), path)
    src_tag, tgt_tag, notices = _languages(po, path)
    glossary = Glossary(notices=[*po.termkit_notices, *notices])
    obsolete = sum(1 for e in po if e.obsolete)
    if obsolete:
        glossary.notices.append(Notice(f"{obsolete} obsolete entries skipped", path))
    ours = str(po.metadata.get("X-Generator", "")).startswith(GENERATOR)
    if ours:
        for line in (po.header or "").split("\n")[1:]:
            key, sep, value = _unguard(line).partition(": ")
            if sep and key.strip():
                glossary.header[key.strip()] = value
    for entry in _live_entries(po):
        info = _read_comments(entry.tcomment, ours)
        msgstr = _translation(entry)
        fuzzy = "fuzzy" in entry.flags
        status = info.status or (
            Status.CANDIDATE if fuzzy or not msgstr else Status.ADMITTED
        )
        here = Source(path, entry.linenum)
        terms: list[Term] = []
        for tag, text in ((src_tag, entry.msgid), (tgt_tag, msgstr)):
            if text:
                terms.append(
                    Term(
                        text=text,
                        lang=tag,
                        status=status,
                        origin=(info.origin or "import:po") if is_chinese(tag) else "import:po",
                        pinyin=info.pinyin if is_chinese(tag) else None,
                        sources=[here],
                        zhuyin=info.zhuyin if is_chinese(tag) else None,
                    )
                )
        props = {**info.props, **_entry_props(entry)}
        our_context = entry.msgctxt is not None and _ID_RE.match(entry.msgctxt)
        if entry.msgctxt is not None and not our_context:
            props["po:msgctxt"] = entry.msgctxt
        cid = info.id or (
            entry.msgctxt.split("#")[0] if our_context else
            concept_id(Kind.TERM, f"po\x1f{entry.msgctxt or ''}\x04{entry.msgid}")
        )
        glossary.concepts.append(
            Concept(
                id=cid,
                kind=info.kind or Kind.TERM,
                terms=terms,
                domains=info.domains,
                status=status,
                sources=[
                    Source(_unquote_path(f), int(n) if str(n).isdigit() else None)
                    for f, n in entry.occurrences
                ],
                notes=info.notes,
                confidence=info.confidence,
                props=props,
            )
        )
    return glossary


def iter_units(
    stream: BinaryIO, path: str, *, syntax: list[PoSyntaxError] | None = None,
    source_lang: str | None = None, notices: list[Notice] | None = None,
) -> Iterator[Unit]:
    """Each non-obsolete entry as a unit: id = msgctxt + EOT + msgid, location = its line.

    With ``syntax`` (a list), syntax errors are appended to it instead of raised, and the
    entries that are whole are still read (``termkit check`` reports the errors as findings).
    ``source_lang``: the msgid's language when the header has no ``X-Source-Language``
    (default ``en``; ``check --source-lang``). ``notices`` (a list) gets what the catalog's
    languages call for (a Language header the file name contradicts).
    """
    po = _parse(stream.read(), path, syntax)
    src_tag, tgt_tag, found = _languages(po, path, source_lang)
    if notices is not None:
        notices.extend(found)
    for entry in _live_entries(po):
        msgstr = _translation(entry)
        variants = [Variant(src_tag, entry.msgid)]
        if msgstr:
            variants.append(Variant(tgt_tag, msgstr))
        props = _entry_props(entry)
        if "fuzzy" in entry.flags:
            props["po:fuzzy"] = "yes"
        if entry.msgctxt is not None:
            props["po:msgctxt"] = entry.msgctxt
        notes = [n for n in (entry.tcomment, entry.comment) if n]
        yield Unit(
            id=entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}",
            variants=variants,
            source_lang=src_tag,
            props=props,
            notes=notes,
            location=Source(path, entry.linenum),
        )
