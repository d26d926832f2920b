"""Reading JSON from files safely: every JSON reader in termkit parses through :func:`loads`.

Python's :func:`json.loads` accepts what no other JSON reader does and fails in ways that are
not input errors. Here each of those is a :class:`~termkit.errors.FormatError` naming the file
(and the line when it can be found):

* nesting deeper than :data:`MAX_DEPTH` (deeper input would hit Python's recursion limit, in
  the parser or in any code that walks the value);
* ``NaN``, ``Infinity`` and numbers too large for a float (``1e999999``): not JSON, and not
  writable back as JSON;
* integers longer than Python converts (4,300 digits);
* lone surrogates (``"\\ud800"``): not Unicode, not writable as UTF-8.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from termkit.errors import FormatError

MAX_DEPTH = 100  # real glossaries and records nest 5 levels

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# A high surrogate escape not followed by a low one, or a low one not preceded by a high one.
_LONE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_NON_FINITE = re.compile(r"-?\b(?:NaN|Infinity)\b")


class _Refused(Exception):
    """Raised from inside the parser's hooks; carries the message and a token to locate."""

    def __init__(self, message: str, token: str | re.Pattern[str]) -> None:
        super().__init__(message)
        self.message = message
        self.token = token


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number", _NON_FINITE)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"number {text[:40]} is too large", text)
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise _Refused(f"integer of {len(text.lstrip('-'))} digits is too long", text) from None


def _position(text: str, token: str | re.Pattern[str]) -> tuple[int | None, int | None]:
    if isinstance(token, str):
        index = text.find(token)
    else:
        m = token.search(text)
        index = m.start() if m else -1
    if index < 0:
        return None, None
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _walk(value: Any, check_strings: bool) -> str | None:
    """Why ``value`` is refused (too deep, a lone surrogate), or None; iterative."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            for key, sub in item.items():
                if check_strings and _SURROGATE.search(key):
                    return "object key holds a lone surrogate (\\ud800-\\udfff), which is not Unicode"
                stack.append((sub, depth + 1))
        elif isinstance(item, list):
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            stack.extend((sub, depth + 1) for sub in item)
        elif check_strings and isinstance(item, str) and _SURROGATE.search(item):
            return "string holds a lone surrogate (\\ud800-\\udfff), which is not Unicode"
    return None


def loads(text: str, path: str, *, line: int | None = None) -> Any:
    """Parse one JSON value; :class:`FormatError` (with ``path``) for anything refused above.

    ``line``: the line of the file ``text`` starts on (JSON Lines); errors then report it.
    """
    def where(at_line: int | None, column: int | None) -> tuple[int | None, int | None]:
        if line is None:
            return at_line, column
        return line + (at_line - 1 if at_line else 0), column

    try:
        value = json.loads(
            text, parse_constant=_constant, parse_float=_float, parse_int=_int
        )
    except json.JSONDecodeError as exc:
        at, col = where(exc.lineno, exc.colno)
        raise FormatError(f"malformed JSON: {exc.msg}", path=path, line=at, column=col) from None
    except _Refused as exc:
        at, col = where(*_position(text, exc.token))
        raise FormatError(f"JSON {exc.message}", path=path, line=at, column=col) from None
    except RecursionError:
        raise FormatError(
            f"JSON nested deeper than {MAX_DEPTH} levels", path=path, line=line
        ) from None
    nesting = text.count("[") + text.count("{") > MAX_DEPTH
    escapes = _SURROGATE_ESCAPE.search(text) is not None
    if nesting or escapes:
        reason = _walk(value, escapes)
        if reason is not None:
            found = _position(text, _LONE_ESCAPE) if "surrogate" in reason else (None, None)
            at, col = where(*found)
            raise FormatError(f"JSON {reason}", path=path, line=at, column=col)
    return value
