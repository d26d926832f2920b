"""Inline codes of XLIFF and TMX segments, as the format checks compare them.

The XLIFF and TMX readers give each side's plain text without its inline codes (a
``<ph>%s</ph>`` is not text a reader sees) and keep the inner XML in ``Variant.markup``. A
target that loses a code loses what the code stands for (an argument, a tag, a line break), so
``xml-tags`` compares the codes of both sides (:func:`codes`) and ``printf`` and
``brace-format`` read the text with each code's native content in place (:func:`native_text`:
``Open <ph id="1">%s</ph> now`` is ``Open %s now``).

A code is told apart by its element, its ``id`` (XLIFF; ``startRef`` for an XLIFF 2.0
``<ec>``) and, for codes whose content is native data (``ph``, ``bpt``, ``ept``, ``it``, ``ut``),
that content: a target keeps the source's codes, in any order. Codes whose content is text
(``g``, ``pc``, TMX ``hi``) are compared without it, since the text is translated. Annotations
(``mrk``, XLIFF 2.0 ``sm``/``em``) are not codes (a tool may mark a term on one side only) and
``cp`` is a character: neither is compared, though the text inside an ``mrk`` is read.

An XLIFF 2.0 ``<ph/>`` is empty: its original data sits in the unit's ``<originalData>``,
which the reader does not keep, and the code carries ``disp`` ("display text", what a tool
shows for it) and ``equiv`` ("equivalent text", what stands for it in plain text). Their value
is the code's content here (``disp`` first), so ``<ph id="1" disp="%s"/>`` holds the argument
``%s`` for ``printf`` and differs from ``<ph id="1" disp="%d"/>``.

Each native code records where its content lies in :func:`native_text` (``Code.at``), so a
placeholder check can tell which code holds a placeholder it finds lost (:func:`holding`).
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any, NamedTuple

from lxml import etree

from termkit import xmlsafe

# Codes whose content is the original (native) code, not text to translate.
NATIVE = frozenset({"ph", "bpt", "ept", "it", "ut"})
# Elements around text to translate: compared as codes, their content read as text.
CONTAINERS = frozenset({"g", "pc", "hi"})
# Not codes: annotations, and a character XML cannot hold (XLIFF 2.0 ``cp``).
ANNOTATIONS = frozenset({"mrk", "sm", "em"})


class Code(NamedTuple):
    """One inline code: what identifies it, and how a finding shows it."""

    name: str
    id: str
    content: str
    shown: str
    at: tuple[int, int] = (0, 0)  # the content's span in native_text (native codes)

    @property
    def key(self) -> tuple[str, str, str]:
        """What must be the same on both sides."""
        return self.name, self.id, self.content


def _local(elem: Any) -> str:
    tag = elem.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _start_tag(elem: Any, name: str, empty: bool) -> str:
    attrs = "".join(f' {etree.QName(k).localname}="{v}"' for k, v in elem.attrib.items())
    return f"<{name}{attrs}{'/' if empty else ''}>"


def _native(elem: Any) -> str:
    """A native code's content: its text, without the translatable ``<sub>`` flows in it."""
    return (elem.text or "") + "".join(child.tail or "" for child in elem)


class _Text:
    """The native text being built, and its length so far."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, part: str) -> None:
        self.parts.append(part)
        self.size += len(part)


def _walk(elem: Any, codes: list[Code], text: _Text) -> None:
    text.add(elem.text or "")
    for child in elem:
        name = _local(child)
        if name in NATIVE:
            content = _native(child)
            if not content and not len(child):
                # XLIFF 2.0 <ph/>: its display or equivalent text stands for the data.
                content = child.get("disp") or child.get("equiv") or ""
            shown = etree.tostring(child, encoding="unicode", with_tail=False)
            codes.append(Code(name, child.get("id") or "", content, shown,
                              (text.size, text.size + len(content))))
            text.add(content)
        elif name == "cp":
            with contextlib.suppress(ValueError):  # a bad hex is no character
                text.add(chr(int(child.get("hex", ""), 16)))
        elif name in ANNOTATIONS:
            _walk(child, codes, text)
        elif name:
            ident = child.get("id") or child.get("startRef") or ""
            container = name in CONTAINERS or len(child) or child.text
            codes.append(Code(name, ident, "", _start_tag(child, name, not container),
                              (text.size, text.size)))
            if container:
                _walk(child, codes, text)
        text.add(child.tail or "")


@functools.lru_cache(maxsize=4096)
def _parse(markup: str) -> tuple[tuple[Code, ...], str] | None:
    try:
        root = etree.fromstring(f"<m>{markup}</m>", xmlsafe.parser())
    except etree.XMLSyntaxError:  # a prefix whose declaration the reader dropped
        return None
    codes: list[Code] = []
    text = _Text()
    _walk(root, codes, text)
    return tuple(codes), "".join(text.parts)


def codes(markup: str | None) -> tuple[Code, ...]:
    """The inline codes of one side's markup, in document order (none without markup)."""
    parsed = _parse(markup) if markup else None
    return parsed[0] if parsed else ()


def native_text(text: str, markup: str | None) -> str:
    """``text`` with each native code's content in place (``text`` itself without markup)."""
    parsed = _parse(markup) if markup else None
    return parsed[1] if parsed else text


class Difference(NamedTuple):
    """One code that differs: the source's (None: not in the source) and the target's (None:
    missing in the target), and the message."""

    source: Code | None
    target: Code | None
    message: str


def differences(source: tuple[Code, ...], target: tuple[Code, ...]) -> list[Difference]:
    """What differs between the codes of the two sides, one per code: missing from the
    target, changed in it (same element and id, other content), or not in the source."""
    left = list(target)
    missing: list[Code] = []
    for code in source:
        same = next((i for i, t in enumerate(left) if t.key == code.key), None)
        if same is None:
            missing.append(code)
        else:
            del left[same]
    out = []
    for code in missing:
        other = next((i for i, t in enumerate(left) if t.key[:2] == code.key[:2]), None)
        if other is None:
            out.append(Difference(code, None, f"{code.shown} is missing in the target"))
        else:
            changed = left.pop(other)
            out.append(Difference(code, changed, f"{changed.shown} in the target where the "
                                                 f"source has {code.shown}"))
    out += [Difference(None, code, f"{code.shown} is not in the source") for code in left]
    return out


def holding(codes: tuple[Code, ...], span: tuple[int, int] | None) -> Code | None:
    """The native code whose content holds ``span`` of :func:`native_text` (None: none)."""
    if span is None:
        return None
    start, end = span
    return next((c for c in codes if c.at[0] <= start and end <= c.at[1] and c.at[0] < c.at[1]),
                None)
