"""Whether a record's two keyword lists are in one order, and where position may pair.

Owned by the pairing work; the decisions that use these cells are :mod:`termkit.align.pair`'s.
An *anchor* is a pair the evidence makes with confidence; the anchors show whether the lists
keep one order (the same place in both: parallel lists; one extra item: a sequence alignment
with one gap; several extra items in one place: gaps between anchors) and so which other
cells position may fill.
"""

from __future__ import annotations

import itertools

from termkit.align.score import Score

Cell = tuple[int, int]

# Alignments of lists one item apart whose evidence differs by less than this are tied.
TIE = 0.05
# Anchors that must increase in both lists before position pairs within the gaps between them.
GAP_ANCHORS = 2


def _gap_paths(n: int, m: int) -> list[tuple[int, list[Cell]]]:
    """Every order-preserving alignment of lists of n and m items (|n - m| = 1) that leaves
    one item of the longer list out: (index of the item left out, its cells)."""
    short, long_ = min(n, m), max(n, m)
    out = []
    for gap in range(long_):
        cells = [(k, k if k < gap else k + 1) for k in range(short)]
        out.append((gap, cells if n < m else [(j, i) for i, j in cells]))
    return out


def parallel_cells(
    scores: list[list[Score]],
    anchors: list[Cell],
    support: frozenset[Cell] | None = None,
    min_support: int = 0,
) -> frozenset[Cell] | None:
    """The cells of the order-preserving alignment the anchors lie on that position may
    fill; None when the lists are not found parallel.

    Lists of equal length are parallel when every anchor is on the diagonal (position may
    fill all of it) and at least ``min_support`` cells of ``support`` (pairs the evidence
    alone makes without doubt, see :func:`unambiguous`) are on it too. A list one item
    longer is parallel with one extra item when at least two anchors or other ``support``
    cells fix the order and all of the anchors lie on one alignment that leaves one item
    out (like a sequence alignment with one gap). Where the anchors allow the gap in several
    places, the evidence on each alignment decides, counting for each the evidence that the
    item it leaves out renders an anchored keyword of the other list (an extra English
    keyword is typically a facet of one already paired: "education reform" beside "'three
    creations' education"); cells the best alignments do not agree on are not filled by
    position. ``support`` defaults to the anchors alone.
    """
    n, m = len(scores), len(scores[0])
    anchored = set(anchors)
    known = anchored | (support or set())
    if n == m:
        diagonal = frozenset((k, k) for k in range(n))
        if anchored <= diagonal and len(known & diagonal) >= min_support:
            return diagonal
        return None
    if abs(n - m) != 1 or len(known) < GAP_ANCHORS:
        return None
    rows = {i for i, _ in anchors}
    cols = {j for _, j in anchors}
    best: list[tuple[float, list[Cell]]] = []
    for gap, cells in _gap_paths(n, m):
        if not anchored <= set(cells) or len(known.intersection(cells)) < GAP_ANCHORS:
            continue
        value = sum(scores[i][j].value for i, j in cells)
        # The item left out: its evidence with keywords already paired elsewhere.
        if n < m:
            value += max((scores[i][gap].value for i in rows), default=0.0)
        else:
            value += max((scores[gap][j].value for j in cols), default=0.0)
        best.append((value, cells))
    if not best:
        return None
    top = max(v for v, _ in best)
    tied = [set(cells) for v, cells in best if v >= top - TIE]
    return frozenset(set.intersection(*tied))


def unambiguous(scores: list[list[Score]], floor: float) -> frozenset[Cell]:
    """Cells whose evidence (at least ``floor``) is the best of their row and of their
    column, ahead of every other by more than :data:`TIE`: pairs the evidence alone makes
    without doubt, however weak ("collaborative governance" for 協力治理 on the shared
    "collaborative" alone, when nothing else in either list shares anything with them)."""
    n, m = len(scores), len(scores[0])
    cols = [[scores[i][j].value for i in range(n)] for j in range(m)]
    out = set()
    for i, row in enumerate(scores):
        values = [s.value for s in row]
        j = max(range(m), key=values.__getitem__)
        top = values[j]
        if top < floor:
            continue
        if any(v > top - TIE for k, v in enumerate(values) if k != j):
            continue
        if any(v > top - TIE for k, v in enumerate(cols[j]) if k != i):
            continue
        out.add((i, j))
    return frozenset(out)


def _crosses(a: Cell, b: Cell) -> bool:
    """Two pairs that cannot both lie on one order-preserving alignment."""
    return (a[0] - b[0]) * (a[1] - b[1]) <= 0


def moved_cells(
    scores: list[list[Score]], anchors: list[Cell], support: frozenset[Cell]
) -> frozenset[Cell] | None:
    """The cells position may fill in lists that keep one order but for one keyword moved
    elsewhere (the first English keyword put last, two neighbours swapped); None when no
    single move explains the anchors.

    For each anchor in turn, its two keywords are set aside (the evidence pairs them
    wherever they stand); if the rest of the lists is then parallel (:func:`parallel_cells`)
    with every anchor and every ``support`` cell on its alignment, and at least
    :data:`GAP_ANCHORS` of them there, that alignment is a candidate. Where several moves
    explain the anchors, only the cells their alignments agree on are filled.
    """
    found: list[set[Cell]] = []
    n, m = len(scores), len(scores[0])
    known = set(anchors) | support
    for i0, j0 in anchors:
        rows = [i for i in range(n) if i != i0]
        cols = [j for j in range(m) if j != j0]
        if not rows or not cols:
            continue
        at_row = {i: k for k, i in enumerate(rows)}
        at_col = {j: k for k, j in enumerate(cols)}
        reduced = [[scores[i][j] for j in cols] for i in rows]
        rest = {(at_row[i], at_col[j]) for i, j in known if i != i0 and j != j0}
        rest_anchors = [(at_row[i], at_col[j]) for i, j in anchors if (i, j) != (i0, j0)]
        if any(i == i0 or j == j0 for i, j in known if (i, j) != (i0, j0)):
            continue  # another pair of the moved keywords: no single move
        aligned = parallel_cells(reduced, sorted(rest), frozenset(rest), GAP_ANCHORS)
        if aligned is None or not rest <= aligned or not rest_anchors:
            continue
        found.append({(rows[i], cols[j]) for i, j in aligned})
    if not found:
        return None
    cells: set[Cell] = set.intersection(*found)
    # The move must be better attested than what it decides: more pairs on the alignment
    # made by evidence than left to position, and at least one left to it.
    filled = len(cells - known)
    if not 0 < filled < len(cells & known):
        return None
    return frozenset(cells)


def gap_cells(n: int, m: int, anchors: list[Cell]) -> frozenset[Cell] | None:
    """The cells position may fill between anchors that keep one order; None when the
    anchors do not show the lists in one order with their extra items in one place.

    The anchors, sorted, cut both lists into gaps: before the first anchor, between two
    consecutive ones, after the last. When at least :data:`GAP_ANCHORS` anchors increase in
    both lists and at most one gap holds different numbers of items on the two sides (the
    items one list has and the other lacks sit together, as in a sequence alignment with
    one run of gaps), every other gap holds the same items in both lists: they pair by
    place within it. The uneven gap says nothing about where in it the extra items are and
    is not filled. This extends :func:`parallel_cells` (one extra item) to lists several
    items apart; anchors crossing, or extra items in two places, fill nothing.
    """
    if len(anchors) < GAP_ANCHORS:
        return None
    ordered = sorted(anchors)
    if any(b[1] <= a[1] for a, b in itertools.pairwise(ordered)):
        return None
    bounds = [(-1, -1), *ordered, (n, m)]
    spans = list(itertools.pairwise(bounds))
    if sum(1 for (i0, j0), (i1, j1) in spans if i1 - i0 != j1 - j0) > 1:
        return None
    cells: set[Cell] = set()
    for (i0, j0), (i1, j1) in spans:
        if i1 - i0 == j1 - j0:
            cells.update((i0 + k, j0 + k) for k in range(1, i1 - i0))
    return frozenset(cells)
