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
    values = [[s.value for s in row] for row in scores]
    out = set()
    for i, row in enumerate(values):
        top = max(row)
        if top < floor:
            continue
        near = top - TIE
        j = row.index(top)
        if sum(v > near for v in row) > 1 or sum(r[j] > near for r in values) > 1:
            continue
        out.add((i, j))
    return frozenset(out)


def moved_candidates(n: int, m: int, anchors: list[Cell]) -> list[Cell]:
    """The anchors whose move alone might explain the others (a cheap test before
    :func:`moved_cells`): setting one pair aside shifts every other by at most one place, so
    the others must lie within one place of the diagonal (two, in lists one item apart);
    [] when two anchors or none are off it by more, or the lists differ by more."""
    if abs(n - m) > 1 or len(anchors) < 2:
        return []
    bound = 1 if n == m else 2
    far = [a for a in anchors if abs(a[0] - a[1]) > bound]
    return far if len(far) == 1 else [] if far else list(anchors)


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
    n, m = len(scores), len(scores[0])
    known = set(anchors) | support
    movable = moved_candidates(n, m, anchors)
    if len(known) <= GAP_ANCHORS:
        return None  # (two on the rest and the one moved at least)
    found: list[set[Cell]] = []
    for i0, j0 in movable:
        others = [(i, j) for i, j in known if (i, j) != (i0, j0)]
        if any(i == i0 or j == j0 for i, j in others):
            continue  # another pair of the moved keywords: no single move
        # Their places once the moved keywords are set aside; cheap tests first (the
        # same place in lists of equal length, one order in lists one item apart).
        rest = sorted((i - (i > i0), j - (j > j0)) for i, j in others)
        if n == m and any(i != j for i, j in rest):
            continue
        if any(b[1] <= a[1] for a, b in itertools.pairwise(rest)):
            continue
        if not any(c in known and c != (i0, j0) for c in anchors):
            continue  # the rest must hold an anchor, not weak pairs alone
        rows = [i for i in range(n) if i != i0]
        cols = [j for j in range(m) if j != j0]
        reduced = [[scores[i][j] for j in cols] for i in rows]
        aligned = parallel_cells(reduced, rest, frozenset(rest), GAP_ANCHORS)
        if aligned is None:
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
