"""Placeholders and inline tags in segment text, and carrying them from a new source into a match.

A TM match may differ from the segment being translated only in its placeholders
(``Delete %d files`` against a stored ``Delete %s files``) or inline tags (``<b>``). Then its
target is right once each placeholder of the stored source is replaced by the one at the same
place in the new source: :func:`carry` does that, and refuses (None) whenever the rest of the
text differs, the counts differ, or the stored target uses a placeholder its source lacks.

Recognized: C/Python printf conversions (``%s``, ``%2$d``, ``%-5.2f``, ``%(name)s``, ``%%``),
brace fields (``{0}``, ``{name}``, ``{}``), and XML/HTML-like tags (``<b>``, ``</a>``,
``<br/>``).
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"%(?:\([A-Za-z_][A-Za-z0-9_]*\)|[0-9]+\$)?[-+ #0']*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?"
    r"(?:hh|h|ll|l|L|q|j|z|t|I64|I32)?[diouxXeEfFgGaAcspn%]"
    r"|\{[A-Za-z0-9_.:!]*\}"
    r"|</?[A-Za-z][A-Za-z0-9:_.-]*(?:\s[^<>]*)?/?>"
)
_MARK = "\ufffc"


def placeholders(text: str) -> list[str]:
    """The placeholders and inline tags of ``text``, in order."""
    return PLACEHOLDER.findall(text)


def skeleton(text: str) -> str:
    """``text`` with each placeholder replaced by U+FFFC."""
    return PLACEHOLDER.sub(_MARK, text)


def carry(new_source: str, tm_source: str, tm_target: str) -> str | None:
    """``tm_target`` with the placeholders of ``new_source`` in place of ``tm_source``'s.

    None when the two sources differ in more than their placeholders, or the mapping is not
    one to one, or the target holds a placeholder that its source does not.
    """
    if skeleton(new_source) != skeleton(tm_source):
        return None
    new, old = placeholders(new_source), placeholders(tm_source)
    if len(new) != len(old):  # pragma: no cover - equal skeletons have equal counts
        return None
    mapping: dict[str, str] = {}
    for a, b in zip(old, new, strict=True):
        if mapping.setdefault(a, b) != b:
            return None
    if len(set(mapping.values())) != len(mapping):
        return None
    if any(p not in mapping for p in placeholders(tm_target)):
        return None
    return PLACEHOLDER.sub(lambda m: mapping[m.group()], tm_target)
