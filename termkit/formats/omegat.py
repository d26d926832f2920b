"""OmegaT glossaries: UTF-8 tab-separated ``source<TAB>target<TAB>comment`` lines, no header row.

Writing (default English -> Traditional Chinese for Taiwan; ``locale`` picks the Chinese
side, ``reverse=True`` puts Chinese in the source column):

* the first line is a ``#`` comment naming the languages and carrying the Emacs-style
  ``-*- coding: utf-8 -*-`` cookie OmegaT looks for; OmegaT skips ``#`` lines;
* tabs, carriage returns and newlines inside a field are replaced by a space, and fields are
  stripped, as OmegaT strips them when reading. The format has no escaping: OmegaT reads a
  line at a time, splits it at tabs and takes each field as written (a ``\\n`` stays two
  characters), so no spelling of a line break in a term reaches OmegaT as one; the space is
  what it can match, as it matches a glossary term by its words. A term that held a tab or
  line break keeps its exact form in the comment column (``source lines``/``target lines``
  items, escaped as glossary.txt escapes values), which termkit's reader restores while the
  term still reads as written (an edited term is taken as it stands);
* a concept whose source term starts with ``#`` is skipped (OmegaT would read it as a comment);
* the comment column is compact ``key: value`` items joined by ``"; "`` — ``pinyin``,
  ``domain`` (one item per domain), ``status`` (when not candidate), ``kind`` (when not
  term), ``confidence``, ``prop NAME`` (one per prop, the value escaped as in glossary.txt;
  ``prop: {JSON}`` for a name that item cannot hold), ``origin`` (of the Chinese term, when
  OpenCC made it), ``note`` (one per note), ``source lines``/``target lines`` (above),
  ``id`` — with ``\\`` and ``;`` inside values
  escaped by a backslash; rows are sorted by source, target and id.

Reading skips blank and ``#`` lines, takes the languages from the caller's
``source_lang``/``target_lang``, else our first-line comment when it is there, else the
``omegat.project`` of the project the glossary is in (:func:`project_languages`), else
English -> ``zh-Hans-CN`` when the targets hold more Simplified than Traditional characters
and ``zh-Hant-TW`` otherwise; and reads a comment that is not entirely our ``key: value`` items as one note.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from termkit import lang as langtags
from termkit import xmlsafe
from termkit.errors import FormatError
from termkit.formats.delimited import (
    decode,
    is_chinese,
    parse_kind,
    parse_status,
    pick_term,
    refuse_control_characters,
    skip_notice,
    target_tag,
    zh_pinyin,
    zh_zhuyin,
)
from termkit.formats.po_write import MADE, prop_line
from termkit.formats.termkit_text import escape, unescape
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

_FIRST_LINE = "# Glossary in tab-separated format: {src} -> {tgt} -*- coding: utf-8 -*-"
_LANGS_RE = re.compile(r"^#.*?:\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\s*->\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)")
_KEYS = ("pinyin", "zhuyin", "domain", "status", "kind", "note", "id")


_BREAKS = re.compile(r"[\t\r\n]")


def _field(text: str) -> str:
    # The format has no escaping: a tab or line break would split the row.
    if "\t" in text or "\n" in text or "\r" in text:
        text = _BREAKS.sub(" ", text)
    return text.strip()


def _esc(value: str) -> str:
    return _field(value).replace("\\", "\\\\").replace(";", "\\;")


_STATUS_ITEM = {status: f"status: {status.value}" for status in Status}
_KIND_ITEM = {kind: f"kind: {kind.value}" for kind in Kind}


def _lines_item(side: str, text: str) -> str | None:
    """The ``source lines``/``target lines`` item of a term that a field cannot hold whole."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return None
    return f"{side} lines: {escape(text)}".replace("\\", "\\\\").replace(";", "\\;")


def _comment(concept: Concept, zh: Term | None, lines: list[str]) -> str:
    items: list[str] = []
    pinyin = zh_pinyin(concept, zh)
    if pinyin:
        items.append(f"pinyin: {_esc(pinyin)}")
    zhuyin = zh_zhuyin(concept, zh)
    if zhuyin:
        items.append(f"zhuyin: {_esc(zhuyin)}")
    if concept.domains:
        items += [f"domain: {_esc(d)}" for d in concept.domains if _field(d)]
    if concept.status is not Status.CANDIDATE:
        items.append(_STATUS_ITEM.get(concept.status) or f"status: {concept.status.value}")
    if concept.kind is not Kind.TERM:
        items.append(_KIND_ITEM.get(concept.kind) or f"kind: {concept.kind.value}")
    # termkit's fields OmegaT has no column for, as in PO's translator comments: how sure the
    # pairing is, its evidence and other props (values escaped as glossary.txt escapes them,
    # so a line break survives), and whether OpenCC made the Chinese term (the lock reads it).
    if concept.confidence is not None:
        items.append(f"confidence: {float(concept.confidence)!r}")
    if concept.props:
        # (not stripped as other items: the escaped line holds no tab or line break, and a
        # value's trailing space is part of it)
        items += [prop_line(k, concept.props[k]).replace("\\", "\\\\").replace(";", "\\;")
                  for k in sorted(concept.props)]
    if zh is not None and zh.origin is not None and zh.origin.startswith(MADE):
        items.append(f"origin: {_esc(zh.origin)}")
    if concept.notes:
        items += [f"note: {_esc(n)}" for n in concept.notes if _field(n)]
    items += lines
    items.append(f"id: {_esc(concept.id)}")
    return "; ".join(items)


def write_glossary(
    glossary: Glossary,
    stream: BinaryIO,
    *,
    locale: str = "zh_TW",
    reverse: bool = False,
    **options: object,
) -> list[Notice]:
    """Write an OmegaT glossary (en -> ``locale``, or the reverse); returns notices on skips."""
    zh_tag = target_tag(locale)
    src_tag, tgt_tag = (zh_tag, "en") if reverse else ("en", zh_tag)
    rows: list[tuple[str, str, str, str]] = []
    missing: dict[str, int] = {}
    hashed = 0
    for c in glossary.concepts:
        en, zh = pick_term(c, "en"), pick_term(c, zh_tag)
        src, tgt = (zh, en) if reverse else (en, zh)
        src_text = _field(src.text) if src is not None else ""
        tgt_text = _field(tgt.text) if tgt is not None else ""
        if not src_text or not tgt_text:
            lack = src_tag if not src_text else tgt_tag
            missing[lack] = missing.get(lack, 0) + 1
            continue
        if src_text.startswith("#"):
            hashed += 1
            continue
        assert src is not None and tgt is not None
        lines = [item for item in (_lines_item("source", src.text),
                                   _lines_item("target", tgt.text)) if item]
        rows.append((src_text, tgt_text, c.id, _comment(c, zh, lines)))
    rows.sort()
    out = [_FIRST_LINE.format(src=langtags.to_short(src_tag), tgt=langtags.to_short(tgt_tag))]
    out += [f"{s}\t{t}\t{comment}" for s, t, _, comment in rows]
    text = "\n".join(out) + "\n"
    columns = (src_tag, tgt_tag, "comment")
    refuse_control_characters(text, ((cid, columns, (s, t, comment)) for s, t, cid, comment in rows))
    stream.write(text.encode("utf-8"))
    notices = [skip_notice(n, f"no {tag} term") for tag, n in sorted(missing.items())]
    if hashed:
        notices.append(skip_notice(hashed, "source term starts with '#' (OmegaT reads it as a comment)"))
    return notices


# --------------------------------------------------------------------------- reading

_ITEM_RE = re.compile(
    r"^(pinyin|zhuyin|domain|status|kind|note|id|confidence|origin|source lines|target lines"
    r"|prop|prop .+?): (.*)$", re.S)


def _split_items(comment: str) -> list[str]:
    if "\\" not in comment:
        return comment.split("; ")  # nothing escaped: the common case, done fast
    items, buf, i = [], [], 0
    while i < len(comment):
        ch = comment[i]
        if ch == "\\" and i + 1 < len(comment):
            buf.append(comment[i : i + 2])
            i += 2
            continue
        if comment.startswith("; ", i):
            items.append("".join(buf))
            buf = []
            i += 2
            continue
        buf.append(ch)
        i += 1
    items.append("".join(buf))
    return items


def _unesc(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def parse_comment(comment: str) -> dict[str, list[str]] | None:
    """Our ``key: value; …`` comment as lists per key, or None when it is free text."""
    if not comment:
        return {}
    parsed: dict[str, list[str]] = {}
    for item in _split_items(comment):
        m = _ITEM_RE.match(item)
        if m is None:
            return None
        # (a prop's name may hold an escaped ';')
        parsed.setdefault(_unesc(m.group(1)), []).append(_unesc(m.group(2)))
    if "confidence" in parsed:
        try:
            if not all(math.isfinite(float(v)) for v in parsed["confidence"]):
                return None
        except ValueError:
            return None
    return parsed


def _props(info: dict[str, list[str]]) -> dict[str, str] | None:
    """The props of a parsed comment (``prop NAME: value`` items, ``prop: {JSON}``), or None
    when a JSON item is not an object of strings (the comment is then free text)."""
    props: dict[str, str] = {}
    for key, values in info.items():
        if key.startswith("prop "):
            props[key[len("prop "):].strip()] = unescape(values[-1])
    for value in info.get("prop", []):
        try:
            data = json.loads(value)
        except ValueError:
            return None
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            return None
        props.update(data)
    return props


def project_languages(path: str) -> tuple[str | None, str | None]:
    """The source and target languages of the OmegaT project a glossary at ``path`` belongs
    to: its ``omegat.project`` (``<source_lang>``, ``<target_lang>``), in the glossary's
    folder or the one above (OmegaT's layout: ``PROJECT/glossary/glossary.txt``); Nones
    when there is none or it cannot be read (the glossary is read without it)."""
    if path == "-":
        return None, None
    here = Path(path).resolve().parent
    for folder in (here, here.parent):
        project = folder / "omegat.project"
        if not project.is_file():
            continue
        try:
            with open(project, "rb") as fh:
                root = xmlsafe.parse(fh, str(project)).getroot()
        except (OSError, FormatError):
            return None, None
        langs = [(root.findtext(f"project/{n}") or "").strip() or None
                 for n in ("source_lang", "target_lang")]
        return langs[0], langs[1]
    return None, None


def _lines(
    stream: BinaryIO, path: str, source_lang: str | None, target_lang: str | None
) -> Iterator[tuple[int, str, str, str, str, str]]:
    """(line, source tag, target tag, source, target, comment) for each entry line."""
    text = decode(stream.read(), path)
    if not text.strip():
        raise FormatError("empty file", path=path)
    src, tgt = source_lang, target_lang
    entries_seen = False
    project: tuple[str | None, str | None] | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = _LANGS_RE.match(line)
            if m and not entries_seen:
                src = src or m.group(1)
                tgt = tgt or m.group(2)
            continue
        if not entries_seen and not (src and tgt):
            # No languages from the caller or our first line: OmegaT keeps them in the
            # project, not the glossary. Before, a zh_CN project's glossary read as
            # zh-Hant-TW, termkit's default, and its Simplified terms as Traditional ones.
            project = project_languages(path)
            src, tgt = src or project[0], tgt or project[1] or _target_by_script(text)
        entries_seen = True
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2:
            raise FormatError(
                "expected source<TAB>target[<TAB>comment]; found no tab",
                path=path,
                line=number,
            )
        if not fields[0] or not fields[1]:
            side = "source" if not fields[0] else "target"
            raise FormatError(f"empty {side} term", path=path, line=number)
        comment = " ".join(f for f in fields[2:] if f)
        yield (
            number,
            langtags.normalize(src or "en"),
            langtags.normalize(tgt or "zh-Hant-TW"),
            fields[0],
            fields[1],
            comment,
        )


def _target_by_script(text: str) -> str:
    """The target language of a glossary that names none (nor does a project): Chinese in the
    script its targets are written in, Simplified for the mainland, else Traditional for
    Taiwan (termkit's default). Before, a zh_CN glossary kept outside its project read as
    zh-Hant-TW and its Simplified terms as Traditional ones."""
    from termkit.scriptconv import mostly_simplified

    targets = "".join(line.split("\t")[1] for line in text.split("\n")
                      if "\t" in line and not line.startswith("#"))
    return "zh-Hans-CN" if mostly_simplified(targets) else "zh-Hant-TW"


def _restored(field: str, info: dict[str, list[str]], side: str) -> str:
    """The term a ``SIDE lines`` item keeps, when the field still reads as its one-line form
    (else the field: the term was edited after it was written)."""
    kept = info.get(f"{side} lines")
    if kept:
        text = unescape(kept[0])
        if _field(text) == field:
            return text
    return field


def read_glossary(
    stream: BinaryIO,
    path: str,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Glossary:
    """Read an OmegaT glossary into concepts (one per line)."""
    glossary = Glossary()
    for number, src_tag, tgt_tag, src, tgt, comment in _lines(stream, path, source_lang, target_lang):
        parsed = parse_comment(comment)
        props = _props(parsed) if parsed is not None else {}
        if props is None:
            parsed, props = None, {}
        info: dict[str, list[str]] = parsed if parsed is not None else {"note": [comment]}
        confidence = float(info["confidence"][0]) if info.get("confidence") else None
        origin = (info.get("origin") or [""])[0] or None
        status = parse_status((info.get("status") or [""])[0]) or Status.CANDIDATE
        kind = parse_kind((info.get("kind") or [""])[0]) or Kind.TERM
        pinyin = (info.get("pinyin") or [""])[0] or None
        zhuyin = (info.get("zhuyin") or [""])[0] or None
        src, tgt = _restored(src, info, "source"), _restored(tgt, info, "target")
        here = Source(path, number)
        terms = [
            Term(
                text=text,
                lang=tag,
                status=status,
                origin=(origin or "import:omegat") if is_chinese(tag) else "import:omegat",
                pinyin=pinyin if is_chinese(tag) else None,
                sources=[here],
                zhuyin=zhuyin if is_chinese(tag) else None,
            )
            for tag, text in ((src_tag, src), (tgt_tag, tgt))
        ]
        cid = (info.get("id") or [""])[0] or concept_id(
            Kind.TERM, f"{src_tag}\x1f{src}\x1e{tgt_tag}\x1f{tgt}"
        )
        glossary.concepts.append(
            Concept(
                id=cid,
                kind=kind,
                terms=terms,
                domains=info.get("domain", []),
                status=status,
                notes=info.get("note", []),
                confidence=confidence,
                props=props,
            )
        )
    return glossary


def iter_units(stream: BinaryIO, path: str) -> Iterator[Unit]:
    """Each glossary line as a translation unit (source and target variants, comment as note)."""
    for number, src_tag, tgt_tag, src, tgt, comment in _lines(stream, path, None, None):
        yield Unit(
            id=None,
            variants=[Variant(src_tag, src), Variant(tgt_tag, tgt)],
            source_lang=src_tag,
            notes=[comment] if comment else [],
            location=Source(path, number),
        )
