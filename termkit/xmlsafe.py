"""Safe XML parsing: no external entities, no DTD loading, no network, no entity bombs.

Every XML reader in termkit gets its parser from here, so the policy lives in one place.
lxml errors are turned into :class:`~termkit.errors.FormatError` with line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from termkit.errors import FormatError


def parser(*, remove_blank_text: bool = False, target: Any = None) -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    # ``target``: lxml's parser-target interface; one with no callbacks builds nothing, which
    # makes a cheap well-formedness check (``feed`` raises ``XMLSyntaxError`` like a parse).
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
        target=target,
    )


class HeadRecorder:
    """A read-through stream that keeps the first bytes read (``head``): the prolog, where a
    declaration refused after parsing is to be found again (lxml keeps no line for it)."""

    def __init__(self, stream: Any, keep: int = 1 << 20) -> None:
        self.stream = stream
        self.keep = keep
        self.head = b""

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.stream.read(size)
        if len(self.head) < self.keep:
            self.head += data[: self.keep - len(self.head)]
        return data


def declaration_line(head: bytes, name: str, encoding: str | None) -> int | None:
    """The line where ``<!ENTITY name`` starts in the first bytes of a document, or None.

    ``encoding``: the document's, when lxml knows it (it does not yet during iterparse); else
    it is told from the first bytes as XML says (appendix F: a byte order mark, the UTF-16
    shape of ``<?``, the declaration's ``encoding``).
    """
    encoding = encoding or _sniff_encoding(head)
    try:
        text = head.decode(encoding, errors="replace")
    except LookupError:
        text = head.decode("utf-8", errors="replace")
    # Comments, processing instructions and quoted literals are stepped over whole: a
    # declaration shown in a comment or in an earlier entity's value is not this one.
    declared = re.compile(r"(<!--.*?-->|<\?.*?\?>|\"[^\"]*\"|'[^']*')|<!ENTITY\s+(?:%\s+)?"
                          + re.escape(name) + r"(?=[\s\"'])", re.DOTALL)
    m = next((m for m in declared.finditer(text) if m.group(1) is None), None)
    if m is None:
        return None
    before = text[: m.start()]
    # XML's line ends (2.11): CR LF, CR and LF each end one line.
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


_DECLARED = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _sniff_encoding(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return "utf-16-le" if not head.startswith(b"\xff\xfe") else "utf-16"
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return "utf-16-be" if not head.startswith(b"\xfe\xff") else "utf-16"
    m = _DECLARED.match(head.removeprefix(b"\xef\xbb\xbf"))
    return m.group(1).decode("ascii") if m else "utf-8"


def check_tree(doc: Any, path: str, head: bytes | None = None) -> None:
    """Refuse a parsed document that declares entities (call once on the root's tree).

    ``head``: the document's first bytes (a :class:`HeadRecorder`'s), to name the line of the
    declaration; without them, or when they do not reach it, the error has no line.
    """
    # Internal entity declarations are how "billion laughs" works; real TMX/TBX/XLIFF never
    # need them, so a document that declares any is refused outright.
    dtd = doc.docinfo.internalDTD
    if dtd is not None:
        for ent in dtd.iterentities():
            line = (declaration_line(head, ent.name, doc.docinfo.encoding)
                    if head is not None else None)
            raise FormatError(
                f"entity declarations are not allowed (found {ent.name!r})",
                path=path,
                line=line,
            )


def parse(stream: IO[bytes], path: str) -> Any:
    """Parse a whole document safely; returns an lxml ``ElementTree``."""
    safe = parser()
    etree.clear_error_log()
    recorder = HeadRecorder(stream)
    try:
        doc = etree.parse(recorder, safe)  # type: ignore[arg-type]  # read() is all lxml uses
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    except OSError as exc:
        # lxml reports bytes that do not match the declared encoding of a file it reads by
        # name ("Error reading file ...") as an OSError; its error log has the position.
        raise log_error(safe.error_log, path, str(exc)) from None
    check_tree(doc, path, recorder.head)
    return doc


def iterparse_context(stream: Any, tags: tuple[str, ...] | None = None,
                      events: tuple[str, ...] = ("end",)) -> Any:
    """lxml's own iterparse object with the safe options, for hot loops that cannot afford a wrapper.

    The caller must call :func:`check_tree` on the root's tree before using any element and
    turn ``etree.XMLSyntaxError`` into :func:`syntax_error`; :func:`iterparse` does both.
    """
    kwargs: dict[str, Any] = dict(
        events=events,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    if tags:
        kwargs["tag"] = tags
    # iterparse logs into the thread's global error log: start it empty, so the position
    # :func:`syntax_error` finds there belongs to this document.
    etree.clear_error_log()
    return etree.iterparse(stream, **kwargs)


_POSITION_SUFFIX = re.compile(r",?\s*line \d+, column \d+\s*$")


# libxml2's advice when a document passes its size limits names an option of the C library
# (which termkit leaves off on purpose: huge_tree=False above); say what the limit is instead.
_HUGE_ADVICE = re.compile(r",?\s*try XML_PARSE_HUGE\b")
_DEPTH_ADVICE = re.compile(r"Excessive depth in document: (\d+),?\s*use XML_PARSE_HUGE option")


def _message(text: str) -> str:
    """libxml2's message on one line, without the position it repeats at the end."""
    text = _POSITION_SUFFIX.sub("", " ".join(text.split())).rstrip(" ,")
    if _HUGE_ADVICE.search(text):
        text = _HUGE_ADVICE.sub("", text) + " (more than 10,000,000 bytes in one piece: " \
            "libxml2's limit for safe parsing)"
    text = _DEPTH_ADVICE.sub(r"elements nested more than \1 deep (libxml2's limit for safe "
                             "parsing)", text)
    return text or "not well-formed"


def log_error(log: Any, path: str, fallback: str) -> FormatError:
    """The :class:`FormatError` for the last positioned error in an lxml log (else ``fallback``)."""
    for entry in reversed(list(log or ())):
        if entry.level >= etree.ErrorLevels.ERROR and entry.line > 0:
            return FormatError(f"malformed XML: {_message(entry.message)}", path=path,
                               line=entry.line, column=entry.column or None)
    return FormatError(f"malformed XML: {_message(fallback)}", path=path)


def syntax_error(exc: etree.XMLSyntaxError, path: str) -> FormatError:
    """The :class:`FormatError` for an lxml syntax error, with its line and column.

    When libxml2 stops without a position (``0:0: no element found``, as iterparse reports an
    undefined entity or bad bytes with lxml 6.2), the first error of its log names the place.
    """
    line, col = exc.position if exc.position else (0, 0)
    if not line:
        return log_error(exc.error_log, path, exc.msg or str(exc))
    return FormatError(f"malformed XML: {_message(exc.msg or str(exc))}", path=path, line=line,
                       column=col)


def iterparse(stream: Any, path: str, tags: tuple[str, ...] | None = None,
              events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    """Stream ``(event, element)`` pairs safely; the caller clears elements it is done with."""
    recorder = HeadRecorder(stream)
    checked = False
    try:
        context = iterparse_context(recorder, tags, events)
        # At the first event, whichever it is: end events only, or tags that leave out the
        # root, never give the root's start event (the check was skipped for them).
        for event, elem in context:
            if not checked:
                check_tree(elem.getroottree(), path, recorder.head)
                checked = True
            yield event, elem
        if not checked and context.root is not None:  # no element asked for was found
            check_tree(context.root.getroottree(), path, recorder.head)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
