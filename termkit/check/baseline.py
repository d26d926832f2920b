"""Silencing findings: inline markers in a unit's notes, and a baseline report.

* **Inline**: a note of the unit (in PO, a translator comment ``# termkit: ignore=numbers``;
  in XLIFF and TMX, a note) that says ``termkit: ignore=ID[,ID…]`` silences those checks (ids
  or families) for that unit; ``termkit: ignore`` alone silences all of them.
* **Baseline**: ``--baseline REPORT.json`` (an earlier ``--format json`` report) hides the
  findings already in it, matched by file, unit key and check, never by line number, so the
  report of an old project stays quiet while its lines move; a unit with more findings of a
  check than the baseline had shows the extra ones.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from termkit import jsonsafe
from termkit.check.findings import CHECKS, FAMILIES, Finding
from termkit.errors import FormatError, InputError

_MARKER = re.compile(r"termkit:\s*ignore\b(?:\s*=\s*([\w,\s-]+))?")

Key = tuple[str, str, str]


@functools.lru_cache(maxsize=4096)
def _parse(notes: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for note in notes:
        if "termkit" not in note:
            continue
        for m in _MARKER.finditer(note):
            if m.group(1) is None:
                return frozenset(CHECKS)
            for name in re.split(r"[,\s]+", m.group(1).strip()):
                if name == "all":
                    return frozenset(CHECKS)
                out.update(FAMILIES.get(name, (name,) if name in CHECKS else ()))
    return frozenset(out)


def ignored_checks(notes: Sequence[str]) -> frozenset[str]:
    """The checks an inline marker in ``notes`` silences (unknown names are ignored)."""
    return _parse(tuple(notes))


def key(f: Finding) -> Key:
    """What a baseline matches on: file, unit key and check."""
    return (f.path, f.unit or "", f.check)


def load_baseline(path: str) -> Counter[Key]:
    """The findings of an earlier JSON report, counted per key."""
    try:
        data = jsonsafe.loads(Path(path).read_text("utf-8"), path)
    except OSError as exc:
        raise InputError(f"cannot read the baseline: {exc.strerror or exc}", path=path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"the baseline is not a JSON report: {exc}", path=path) from None
    except FormatError as exc:  # malformed, nested too deep, NaN, huge numbers (jsonsafe)
        raise InputError(f"the baseline is not a JSON report: {exc.message}", path=path,
                         line=exc.line, column=exc.column) from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("termkit-check/"):
        raise InputError("the baseline is not a termkit check JSON report (--format json)", path=path)
    findings = data.get("findings", [])
    if not isinstance(findings, list):
        raise InputError("the baseline is not a termkit check JSON report: findings must be a "
                         "list", path=path)
    counts: Counter[Key] = Counter()
    for number, item in enumerate(findings, 1):
        if not isinstance(item, dict):  # dropped before: the baseline hid less than it said
            raise InputError("the baseline is not a termkit check JSON report: finding "
                             f"{number} is not an object", path=path)
        counts[(str(item.get("file", "")), str(item.get("unit") or ""), str(item.get("check", "")))] += 1
    return counts


def apply_baseline(findings: Iterable[Finding], baseline: Counter[Key]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were hidden."""
    left = Counter(baseline)
    kept: list[Finding] = []
    hidden = 0
    for f in findings:
        k = key(f)
        if left[k] > 0:
            left[k] -= 1
            hidden += 1
        else:
            kept.append(f)
    return kept, hidden
