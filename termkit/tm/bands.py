"""Match bands, as CAT tools report them: repetitions, 101 (in context), 100, fuzzy bands, none.

The fuzzy bands are given by their lower edges (default 95, 85, 75, 50: the bands 95–99,
85–94, 75–84 and 50–74); a score below the lowest edge is "no match". 101 is an exact match
whose context (the neighbouring segments, or the PO ``msgctxt``) matches as well.

A match the memory doubts (a translation its own file marked fuzzy or to review, an
alignment it flagged: :meth:`termkit.tm.leverage.Leverage.doubt`) is never 101 or 100: it
goes to the best fuzzy band, since it is filled as fuzzy and a translator reviews it. CAT
tools do the same by lowering its score: OmegaT takes 40 points off a PO translation marked
fuzzy (its Fuzzy Matches pane and match statistics), Trados Studio subtracts penalties from a
match's base score. termkit keeps the score as found (the fill's note gives it) and only
moves the band.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from termkit.errors import UsageError

DEFAULT_EDGES = (95, 85, 75, 50)
REPETITION = "repetitions"
CONTEXT = "101"
EXACT = "100"
NO_MATCH = "no match"
CONTEXT_SCORE = 101


@dataclass(frozen=True, slots=True)
class Bands:
    """Band names and the score each starts at, best first."""

    edges: tuple[int, ...] = DEFAULT_EDGES

    @classmethod
    def parse(cls, text: str) -> Bands:
        """Bands from lower edges written ``95,85,75,50`` (strictly decreasing, 1–99)."""
        try:
            edges = tuple(int(part) for part in text.split(",") if part.strip())
        except ValueError:
            raise UsageError(f"bad band edges {text!r}", hint="write e.g. 95,85,75,50") from None
        if not edges or any(not 1 <= e <= 99 for e in edges) or any(
                a <= b for a, b in itertools.pairwise(edges)):
            raise UsageError(f"bad band edges {text!r}",
                             hint="strictly decreasing numbers from 99 to 1, e.g. 95,85,75,50")
        return cls(edges)

    def fuzzy_names(self) -> list[str]:
        """The fuzzy band names (``95-99`` …), best first."""
        tops = [99] + [e - 1 for e in self.edges[:-1]]
        return [f"{lo}-{hi}" if lo != hi else str(lo) for lo, hi in zip(self.edges, tops,
                                                                        strict=True)]

    def names(self) -> list[str]:
        """Every band, in report order."""
        return [REPETITION, CONTEXT, EXACT, *self.fuzzy_names(), NO_MATCH]

    def of(self, score: int | None, *, doubted: bool = False) -> str:
        """The band of a match score (None: no match); 101 is the in-context band.

        A ``doubted`` exact match (101 or 100) is in the best fuzzy band.
        """
        if score is None:
            return NO_MATCH
        if doubted:
            score = min(score, 99)
        if score >= CONTEXT_SCORE:
            return CONTEXT
        if score >= 100:
            return EXACT
        for name, edge in zip(self.fuzzy_names(), self.edges, strict=True):
            if score >= edge:
                return name
        return NO_MATCH
