"""Inline markup in translation units (a TMX ``<seg>``, an XLIFF ``<source>`` or ``<target>``).

Both readers keep two things of such an element: the plain text a reader sees (each format
says which inline elements carry text) and, when there are inline elements, the inner XML that
keeps them for writing back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree


def joined_text(elem: Any, plain: Callable[[Any], str]) -> str:
    """``elem``'s own text, then each child as ``plain`` reads it and the child's tail."""
    parts = [elem.text or ""]
    for child in elem:
        parts.append(plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def text_and_markup(elem: Any, plain: Callable[[Any], str],
                    clean: Callable[[str], str] | None = None) -> tuple[str, str | None]:
    """Plain text (:func:`joined_text`) and, when ``elem`` has children, its inner XML (each
    child serialized with its tail, passed through ``clean``); ``None`` without children."""
    if len(elem) == 0:
        return elem.text or "", None
    markup = [elem.text or ""]
    for child in elem:
        xml = etree.tostring(child, encoding="unicode", with_tail=True)
        markup.append(clean(xml) if clean is not None else xml)
    return joined_text(elem, plain), "".join(markup)
