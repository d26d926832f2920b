"""Leftmost-longest matching on a pyahocorasick automaton, without ``iter_long``'s misses.

pyahocorasick's ``Automaton.iter_long`` drops a match that can only be reached through the
automaton's fallback links when a longer candidate fails: at the end of the text
(terms ``file`` and ``open file now`` in ``open file`` give nothing) and, more rarely,
within it when the fallback goes through more than one link (upstream issues 133 and 185).
``Automaton.iter`` reports every match correctly (all of them, overlaps included), so the
leftmost-longest reading is chosen from its matches here: the match that starts first, the
longest of those starting there, then the same again after its end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

V = TypeVar("V")


def leftmost_longest(hits: Iterable[tuple[int, V]], size: Callable[[V], int]) -> list[tuple[int, V]]:
    """The leftmost-longest, non-overlapping matches among ``hits``.

    ``hits`` are ``(end index, value)`` as ``Automaton.iter`` yields them (the index of a
    match's last character); ``size(value)`` is the match's length. Returned in the same
    shape, in text order, as ``iter_long`` would return them were it right.
    """
    spans = [(end - size(value) + 1, end, value) for end, value in hits]
    if len(spans) < 2:
        return [(end, value) for _start, end, value in spans]
    spans.sort(key=lambda s: (s[0], s[0] - s[1]))  # by start, the longest first
    out: list[tuple[int, V]] = []
    last = -1
    for start, end, value in spans:
        if start > last:
            out.append((end, value))
            last = end
    return out
