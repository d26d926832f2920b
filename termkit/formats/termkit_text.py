"""The termkit glossary file: an editable, diff-friendly text format (``*.glossary.txt``).

One block per concept, blocks separated by blank lines, sorted by the glossary order::

    # termkit glossary 1
    # source: termkit/data/example-record.txt

    [c3a1f0e2b4d5]
    kind: keyword
    status: preferred
    confidence: 0.91
    domain: 人文學
    source: termkit/data/example-record.txt:8 record=000_0b41616da47512dd
    term zh-Hant: 現實主義
      status: preferred
      origin: record
      pinyin: xiànshí zhǔyì
      source: termkit/data/example-record.txt:8 record=000_0b41616da47512dd
    term en: realism
      status: preferred

Concept lines start in column 0 (``kind``, ``status``, ``confidence``, ``domain``,
``source``, ``sources-total``, ``note``, ``prop NAME``); ``term LANG: TEXT`` opens a term whose
attributes follow indented by two spaces (any indentation reads so; ``status``, ``origin``, ``pinyin``, ``zhuyin``,
``support``, ``source``, ``sources-total``, ``pos``, ``type``, ``note``). ``sources-total``
says how many sources there are in all when the ``source`` lines are only the first few
(:mod:`termkit.provenance`; the full list is in the ``*.sources.jsonl`` sidecar). Repeatable keys repeat the line;
any other key given twice in a concept or term is an error. Values run to the end of the
line; a backslash escapes newline (``\\n``), tab (``\\t``) and itself (``\\\\``). Lines
starting with ``#`` are comments; ``# key: value`` lines before the first block are the
header. Unknown keys are errors (with their line), so a typo never loses data silently.
"""

from __future__ import annotations

import math
import re
from typing import Any, BinaryIO

from termkit.errors import FormatError
from termkit.lang import is_well_formed
from termkit.model import Concept, Glossary, Kind, Source, Status, Term
from termkit.textio import control_character

MAGIC = "# termkit glossary 1"

_SOURCE_RE = re.compile(r"^(?P<path>.*?)(?::(?P<line>[0-9]{1,18}))?(?: record=(?P<record>.+))?$")
_NEWLINES = re.compile(r"\r\n?")
_HEADER_RE = re.compile(r"^#\s*(?P<key>[A-Za-z][\w-]*):\s?(?P<value>.*)$")


def escape(value: str) -> str:
    """Escape a value so it fits on one line."""
    if "\\" not in value and "\n" not in value and "\t" not in value and "\r" not in value:
        return value  # the usual value: nothing to escape (four scans in C beat one search)
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")



def unescape(value: str) -> str:
    """Undo :func:`escape`."""
    if "\\" not in value:  # most values: nothing to undo (reading a large glossary is 2x faster)
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def format_source(s: Source) -> str:
    """``path[:line][ record=ID]``."""
    return str(s)


def parse_source(text: str) -> Source:
    """Inverse of :func:`format_source`."""
    m = _SOURCE_RE.match(text)
    assert m is not None  # the pattern matches any string
    line = m.group("line")
    return Source(m.group("path"), int(line) if line else None, m.group("record"))


_KIND_LINE = {k: f"kind: {k.value}" for k in Kind}
_STATUS_LINE = {s: f"status: {s.value}" for s in Status}
_TERM_STATUS_LINE = {s: f"  status: {s.value}" for s in Status}


def dumps(glossary: Glossary) -> str:
    """The whole glossary as text."""
    out: list[str] = [MAGIC]
    # A record's sources repeat in each of its concepts and terms: escaped once (by identity:
    # the concepts share the record's Source objects, and the glossary keeps them alive).
    sources: dict[int, str] = {}

    def source(s: Source) -> str:
        found = sources.get(id(s))
        if found is None:
            found = sources[id(s)] = escape(format_source(s))
        return found

    for key in sorted(glossary.header):
        out.append(f"# {key}: {escape(glossary.header[key])}")
    # A term's status and origin lines, by status and origin: a few values repeat.
    tails: dict[tuple[Status, str | None], str] = {}

    def tail(status: Status, origin: str | None) -> str:
        found = tails.get((status, origin))
        if found is None:
            found = _TERM_STATUS_LINE[status]
            if origin:
                found += f"\n  origin: {escape(origin)}"
            tails[status, origin] = found
        return found

    for c in glossary.concepts:
        # A concept's lines are gathered in few strings (with their line breaks): fewer list
        # items and joins than one item per line, the same text.
        head = f"\n[{c.id}]\n{_KIND_LINE[c.kind]}\n{_STATUS_LINE[c.status]}"
        if c.confidence is not None:
            head += f"\nconfidence: {c.confidence:g}"
        out.append(head)
        if c.domains:
            out.extend([f"domain: {escape(d)}" for d in c.domains])
        out.extend([f"source: {source(s)}" for s in c.sources])
        if c.sources_total is not None and c.sources_total > len(c.sources):
            out.append(f"sources-total: {c.sources_total}")
        if c.notes:
            out.extend([f"note: {escape(n)}" for n in c.notes])
        if c.props:
            out.extend([f"prop {k}: {escape(c.props[k])}" for k in sorted(c.props)])
        for t in c.terms:
            block = f"term {t.lang}: {escape(t.text)}\n{tail(t.status, t.origin)}"
            if t.pinyin:
                block += f"\n  pinyin: {escape(t.pinyin)}"
            if t.zhuyin:
                block += f"\n  zhuyin: {escape(t.zhuyin)}"
            if t.support != 1:
                block += f"\n  support: {t.support}"
            if t.part_of_speech:
                block += f"\n  pos: {escape(t.part_of_speech)}"
            if t.term_type:
                block += f"\n  type: {escape(t.term_type)}"
            if t.note:
                block += f"\n  note: {escape(t.note)}"
            for s in t.sources:
                block += f"\n  source: {source(s)}"
            if t.sources_total is not None and t.sources_total > len(t.sources):
                block += f"\n  sources-total: {t.sources_total}"
            out.append(block)
    text = "\n".join(out) + "\n"
    if control_character(text) is not None:  # never write what read_glossary refuses
        _refuse_control_character(glossary)
    return text


def _refuse_control_character(glossary: Glossary) -> None:
    for c in glossary.concepts:
        values = [*c.domains, *c.notes, *c.props.values(), *c.props]
        for t in c.terms:
            values += [t.text, t.lang, t.origin or "", t.pinyin or "", t.zhuyin or "",
                       t.part_of_speech or "", t.term_type or "", t.note or ""]
            values += [str(s) for s in t.sources]
        values += [str(s) for s in c.sources]
        for value in values:
            bad = control_character(value)
            if bad is not None:
                raise FormatError(f"concept {c.id}: {value!r:.40} holds U+{ord(bad):04X}, a "
                                  "control character a glossary file cannot hold",
                                  hint="remove it from the glossary")
    raise FormatError("the glossary header holds a control character a glossary file cannot hold")


def write_glossary(glossary: Glossary, stream: BinaryIO, **options: Any) -> None:
    """Write ``glossary`` as UTF-8 text (no BOM, ``\\n`` line ends)."""
    stream.write(dumps(glossary).encode("utf-8"))


def _enum(cls: Any, value: str, path: str, lineno: int) -> Any:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise FormatError(
            f"unknown {cls.__name__.lower()} {value!r}", path=path, line=lineno, hint=f"use one of: {allowed}"
        ) from None


def loads(text: str, path: str) -> Glossary:
    """Parse the text format; :class:`FormatError` with the line of the first problem."""
    glossary = Glossary()
    concept: Concept | None = None
    term: Term | None = None
    seen_block = False
    seen_ids: set[str] = set()
    # The line each single-valued key was given on, in this concept and in this term: a key
    # given twice kept the last value and lost the other without a word.
    concept_keys: dict[str, int] = {}
    term_keys: dict[str, int] = {}
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            if not seen_block:
                m = _HEADER_RE.match(line)
                if m:
                    glossary.header[m.group("key")] = unescape(m.group("value"))
            continue
        if line.startswith("["):
            if not line.endswith("]") or len(line) < 3:
                raise FormatError("a concept header must look like [ID]", path=path, line=lineno)
            cid = line[1:-1].strip()
            if cid in seen_ids:
                raise FormatError(f"duplicate concept id {cid!r}", path=path, line=lineno)
            seen_ids.add(cid)
            concept = Concept(id=cid)
            glossary.concepts.append(concept)
            concept_keys = {}
            term = None
            seen_block = True
            continue
        if concept is None:
            raise FormatError("text before the first [concept] header", path=path, line=lineno)
        # Indented by any whitespace: the writer's two spaces, or a tab or one space typed by
        # hand (which made a term's attribute the concept's without a word).
        indented = line[:1].isspace()
        body = line.strip()
        key, sep, value = body.partition(": ")
        if not sep:
            if body.endswith(":"):
                key, value = body[:-1], ""
            else:
                raise FormatError("expected 'key: value'", path=path, line=lineno, column=len(line) - len(line.lstrip()) + 1)
        value = unescape(value)
        if indented:
            if term is None:
                raise FormatError("term attribute before any 'term LANG: TEXT' line", path=path, line=lineno, column=3)
            if key in _TERM_SINGLE:
                _once(term_keys, key, path, lineno)
            _term_attr(term, key, value, path, lineno)
            continue
        term = None
        if key in _CONCEPT_SINGLE or key.startswith("prop "):
            _once(concept_keys, "prop " + key[5:].strip() if key.startswith("prop ") else key,
                  path, lineno)
        if key.startswith("term "):
            lang = key[5:].strip()
            if not lang or " " in lang or not is_well_formed(lang):
                raise FormatError(f"bad language tag {lang!r}", path=path, line=lineno, column=6,
                                  hint="use BCP 47, e.g. en, zh-Hant-TW")
            if not value:
                raise FormatError("empty term", path=path, line=lineno)
            term = Term(value, lang, Status.CANDIDATE)
            concept.terms.append(term)
            term_keys = {}
        elif key == "kind":
            concept.kind = _enum(Kind, value, path, lineno)
        elif key == "status":
            concept.status = _enum(Status, value, path, lineno)
        elif key == "confidence":
            try:
                concept.confidence = float(value)
            except ValueError:
                raise FormatError(f"confidence must be a number, not {value!r}", path=path, line=lineno) from None
            if not math.isfinite(concept.confidence):
                raise FormatError(f"confidence must be a finite number, not {value!r}", path=path, line=lineno)
        elif key == "domain":
            concept.domains.append(value)
        elif key == "source":
            concept.sources.append(parse_source(value))
        elif key == "sources-total":
            concept.sources_total = _count(value, key, path, lineno)
        elif key == "note":
            concept.notes.append(value)
        elif key.startswith("prop "):
            concept.props[key[5:].strip()] = value
        else:
            raise FormatError(f"unknown key {key!r}", path=path, line=lineno)
    from termkit.glossary import find_conflict

    glossary.conflicts = [c for c in (find_conflict(x) for x in glossary.concepts) if c is not None]
    return glossary


# Keys that hold one value (the others repeat their line: domain, source, note of a concept).
_CONCEPT_SINGLE = frozenset({"kind", "status", "confidence", "sources-total"})
_TERM_SINGLE = frozenset({"status", "origin", "pinyin", "zhuyin", "support", "sources-total",
                          "pos", "type", "note"})


def _once(seen: dict[str, int], key: str, path: str, lineno: int) -> None:
    """Note that ``key`` is given on ``lineno``; a :class:`FormatError` if it was already."""
    if key in seen:
        raise FormatError(f"{key!r} is given twice (first on line {seen[key]})", path=path,
                          line=lineno, hint="keep one of the lines")
    seen[key] = lineno


def _count(value: str, key: str, path: str, lineno: int) -> int:
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise FormatError(f"{key} must be a whole number, not {value!r}", path=path, line=lineno)
    return int(value)


def _term_attr(term: Term, key: str, value: str, path: str, lineno: int) -> None:
    if key == "status":
        term.status = _enum(Status, value, path, lineno)
    elif key == "origin":
        term.origin = value
    elif key == "pinyin":
        term.pinyin = value
    elif key == "zhuyin":
        term.zhuyin = value
    elif key == "support":
        term.support = _count(value, key, path, lineno)
    elif key == "source":
        term.sources.append(parse_source(value))
    elif key == "sources-total":
        term.sources_total = _count(value, key, path, lineno)
    elif key == "pos":
        term.part_of_speech = value
    elif key == "type":
        term.term_type = value
    elif key == "note":
        term.note = value
    else:
        raise FormatError(f"unknown term attribute {key!r}", path=path, line=lineno)


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read a termkit glossary file (UTF-8, BOM tolerated)."""
    data = stream.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FormatError("not UTF-8", path=path, line=line, column=col) from None
    if not text.strip():
        raise FormatError("empty file", path=path)
    if "\r" in text:  # CRLF or a lone CR (classic Mac): a CR in a value is written \r
        text = _NEWLINES.sub("\n", text)
    bad = control_character(text)
    if bad is not None:  # what every text reader refuses (termkit.textio): a binary file
        at = text.index(bad)
        start = text.rfind("\n", 0, at) + 1
        raise FormatError(
            f"control character U+{ord(bad):04X}, which no glossary value can hold",
            path=path, line=text.count("\n", 0, at) + 1, column=at - start + 1, hint="remove it")
    first = text.lstrip().split("\n", 1)[0].strip()
    if first != MAGIC:
        raise FormatError(f"not a termkit glossary (first line must be {MAGIC!r})", path=path, line=1)
    return loads(text, path)
