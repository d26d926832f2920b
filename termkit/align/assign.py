"""The best one-to-one assignment between two small sets (Hungarian algorithm).

Owned by the pairing work. Written from the textbook description of the Kuhn–Munkres
algorithm with potentials (O(n^3)); no third-party code.
"""

from __future__ import annotations

from collections.abc import Sequence


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) maximizing the total weight; zero-weight cells are never paired.

    ``weights`` is a rectangular matrix of non-negative numbers (rows may outnumber
    columns or the reverse). Each row and each column is used at most once.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    top = max(max(r) for r in weights)
    # Square cost matrix for minimization; padding cells cost as much as a zero weight.
    cost = [
        [top - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match_col = [0] * (n + 1)  # match_col[j] = row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match_col[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match_col[j0]
            delta, j1 = inf, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_col[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match_col[j0] = match_col[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = match_col[j] - 1
        c = j - 1
        if i < rows and c < cols and weights[i][c] > 0:
            pairs.append((i, c))
    return sorted(pairs)
