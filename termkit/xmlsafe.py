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


def check_tree(doc: Any, path: str) -> None:
    """Refuse a parsed document that declares entities (call once on the root's tree)."""
    # Internal entity declarations are how "billion laughs" works; real TMX/TBX/XLIFF never
    # need them, so a document that declares any is refused outright.
    dtd = doc.docinfo.internalDTD
    if dtd is not None:
        for ent in dtd.iterentities():
            raise FormatError(
                f"entity declarations are not allowed (found {ent.name!r})",
                path=path,
                line=1,
            )


def parse(stream: IO[bytes], path: str) -> Any:
    """Parse a whole document safely; returns an lxml ``ElementTree``."""
    safe = parser()
    etree.clear_error_log()
    try:
        doc = etree.parse(stream, safe)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    except OSError as exc:
        # lxml reports bytes that do not match the declared encoding of a file it reads by
        # name ("Error reading file ...") as an OSError; its error log has the position.
        raise log_error(safe.error_log, path, str(exc)) from None
    check_tree(doc, path)
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
    try:
        for event, elem in iterparse_context(stream, tags, events):
            if event == "start" and elem.getparent() is None:
                check_tree(elem.getroottree(), path)
            yield event, elem
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
