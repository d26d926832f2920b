"""Shared state and strategies of the fuzz suite (tests/test_fuzz.py).

Counters feed the terminal summary (``fuzz: N cases tried ...``, see conftest); ``EXAMPLES``
is the number of hypothesis examples per reader, raised by ``pytest --fuzz-long``.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import strategies as st

EXAMPLES = 12
LONG_EXAMPLES = 400

TRIED: Counter[str] = Counter()
REFUSED: Counter[str] = Counter()

# Bytes that break parsers in interesting ways: NUL and C0 controls, invalid UTF-8 lead and
# continuation bytes, a BOM, surrogate and non-BMP encodings, markup and JSON delimiters.
NASTY = [
    b"\x00", b"\x01", b"\x1b", b"\x7f", b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xed\xa0\x80",
    b"\xef\xbb\xbf", b"\xf0\x9f\x98", b"<", b">", b"&", b"&foo;", b"&#0;", b"]]>", b"<!--",
    b'"', b"'", b"\\", b"\\u", b"\\ud800", b"{", b"}", b"[", b"]", b",", b":", b"\n", b"\r",
    b"\t", b"NaN", b"1e999999", b"-", b"#", b"%", b"msgid", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"\xa4\xa4", b"\x81\x30\x81\x30", "權".encode(), "\U00020000".encode(),
]


def _truncate(data: bytes, draw: Any) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _insert(data: bytes, draw: Any) -> bytes:
    at = draw(st.integers(0, len(data)))
    piece = draw(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=8))
    return data[:at] + piece * draw(st.integers(1, 3)) + data[at:]


def _delete(data: bytes, draw: Any) -> bytes:
    a = draw(st.integers(0, len(data)))
    b = draw(st.integers(a, min(len(data), a + 64)))
    return data[:a] + data[b:]


def _duplicate(data: bytes, draw: Any) -> bytes:
    a = draw(st.integers(0, len(data)))
    b = draw(st.integers(a, min(len(data), a + 200)))
    return data[:b] + data[a:b] + data[b:]


def _nest(data: bytes, draw: Any) -> bytes:
    depth = draw(st.sampled_from([50, 200, 1000, 20_000]))
    at = draw(st.integers(0, len(data)))
    opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}"), (b"<x>", b"</x>"),
                                           (b"<seg><bpt>", b"</bpt></seg>")]))
    return data[:at] + opener * depth + closer * depth + data[at:]


def _encoding(data: bytes, draw: Any) -> bytes:
    text = data.decode("utf-8", "replace")
    codec = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "big5", "gb18030",
                                  "latin-1", "cp1252", "utf-32", "shift_jis"]))
    return text.encode(codec, "replace")


_JSON_VALUES = st.sampled_from(
    ["high", "", True, False, None, 0, -1, 2**70, 1.5, [], {}, [1, [2]], {"a": None},
     "\u0000", "!!!bad-tag!!!", "zh_TW", "x" * 300]
)


def _spots(value: Any) -> list[tuple[Any, Any]]:
    spots: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            keys: Any = list(item)
        elif isinstance(item, list):
            keys = range(len(item))
        else:
            continue
        for k in keys:
            spots.append((item, k))
            stack.append(item[k])
    return spots


def _retyped(value: Any, draw: Any) -> str:
    spots = _spots(value)
    if spots:
        container, key = draw(st.sampled_from(spots))
        container[key] = draw(_JSON_VALUES)
    return json.dumps(value, ensure_ascii=False)


def _retype(data: bytes, draw: Any) -> bytes:
    """Replace one value of a JSON document (or of one JSON line) by one of another type."""
    text = data.decode("utf-8", "replace")
    try:
        return _retyped(json.loads(text), draw).encode("utf-8")
    except (ValueError, RecursionError):  # not JSON, or nested deeper than json can read
        pass
    lines = text.split("\n")
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    try:
        lines[at] = _retyped(json.loads(lines[at]), draw)
    except (ValueError, RecursionError):
        return data
    return "\n".join(lines).encode("utf-8")


MUTATIONS = {
    "truncate": _truncate,
    "insert": _insert,
    "delete": _delete,
    "duplicate": _duplicate,
    "nest": _nest,
    "encoding": _encoding,
    "retype": _retype,
}


@st.composite
def corrupted(draw: Any, seed: bytes, kinds: tuple[str, ...] = tuple(MUTATIONS)) -> bytes:
    """``seed`` after one to three corruptions."""
    data = seed
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(kinds))
        data = MUTATIONS[kind](data, draw)
    return data
