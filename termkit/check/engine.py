"""Running the checks: compile the glossaries once, walk the units, collect findings.

:class:`Checker` holds the compiled glossaries and which checks to run; :meth:`Checker.run`
takes units (from any number of files: ``inconsistent`` compares across all of them) and
returns findings sorted by file, unit and check. It also times each check, for the benchmark
and for ``--stats``.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from termkit.check import checks as C
from termkit.check import findings as F
from termkit.check import terms as T
from termkit.check import variants as V
from termkit.check.findings import CHECKS, Finding
from termkit.check.index import RegionIndex, TermIndex
from termkit.check.segment import Segment, segments
from termkit.errors import UsageError
from termkit.model import Glossary, Unit

TERM_CHECKS = frozenset({F.MISSING_TERM, F.FORBIDDEN_TERM, F.INCONSISTENT})


@dataclass(slots=True)
class Stats:
    """Counts and seconds spent per check (``match`` is the shared term matching)."""

    units: int = 0
    segments: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    # The clock the checks are timed with; a benchmark on a busy machine passes
    # time.process_time to count this process's CPU time only.
    clock: Callable[[], float] = time.perf_counter

    def add(self, name: str, seconds: float) -> None:
        """Add time to one bucket."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


def parse_checks(names: Iterable[str] | None) -> frozenset[str]:
    """Validate check ids (None means all); :class:`UsageError` names the known ones."""
    if names is None:
        return frozenset(CHECKS)
    chosen = frozenset(names)
    unknown = sorted(chosen - set(CHECKS))
    if unknown:
        raise UsageError(
            f"unknown check {', '.join(unknown)}", hint=f"known checks: {', '.join(CHECKS)}"
        )
    return chosen


class Checker:
    """Compiled glossaries plus the set of checks to run."""

    def __init__(
        self,
        glossary: Glossary,
        *,
        regional: Sequence[Glossary] = (),
        checks: Iterable[str] | None = None,
        topics: Collection[str] = (),
    ) -> None:
        """Compile the term matchers (and the regional one when ``wrong-region`` is on).

        ``topics``: the regional forms kept for a topic count only when it is chosen, as in
        ``convert --topic``.
        """
        self.checks = parse_checks(checks)
        self.index = TermIndex(glossary)
        self.regional: RegionIndex | None = None
        if F.WRONG_REGION in self.checks:
            self.regional = RegionIndex([glossary, *regional], topics)

    def run(
        self,
        units: Iterable[tuple[str, int, Unit]],
        *,
        source_lang: str | None = None,
        target_lang: str | None = None,
        stats: Stats | None = None,
    ) -> list[Finding]:
        """Check ``(path, position, unit)`` triples; findings sorted by file, unit, check."""
        stats = stats if stats is not None else Stats()
        out: list[Finding] = []
        renderings: list[T.Rendering] = []
        on = self.checks
        clock = stats.clock
        # Target language seen per (file, source language): a unit without a target (PO
        # msgstr "", XLIFF without <target>) is reported in its file's target language.
        seen_targets: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for path, position, unit in units:
            stats.units += 1
            for seg in segments(
                unit, path, position, source_lang=source_lang, target_lang=target_lang
            ):
                stats.segments += 1
                if seg.target is not None:
                    seen_targets[(path, seg.source_tag)][seg.target_tag] += 1
                out.extend(self._segment(seg, on, renderings, stats))
        out = [_fill_target_lang(f, seen_targets) for f in out]
        if F.INCONSISTENT in on:
            t0 = clock()
            out.extend(T.inconsistent(renderings, self.index))
            stats.add(F.INCONSISTENT, clock() - t0)
        out.sort(key=Finding.sort_key)
        return out

    def _segment(
        self,
        seg: Segment,
        on: frozenset[str],
        renderings: list[T.Rendering],
        stats: Stats,
    ) -> list[Finding]:
        found: list[Finding] = []
        now = stats.clock
        if F.EMPTY_TARGET in on:
            t0 = now()
            found.extend(C.empty_target(seg))
            stats.add(F.EMPTY_TARGET, now() - t0)
        if F.UNTRANSLATED in on:
            t0 = now()
            found.extend(C.untranslated(seg))
            stats.add(F.UNTRANSLATED, now() - t0)
        if on & TERM_CHECKS:
            t0 = now()
            missing, forbidden, seen = T.terms(seg, self.index)
            stats.add("match-terms", now() - t0)
            if F.MISSING_TERM in on:
                found.extend(missing)
            if F.FORBIDDEN_TERM in on:
                found.extend(forbidden)
            if F.INCONSISTENT in on:
                renderings.extend(seen)
        if F.WRONG_SCRIPT in on:
            t0 = now()
            found.extend(V.wrong_script(seg, self.index))
            stats.add(F.WRONG_SCRIPT, now() - t0)
        if F.WRONG_REGION in on:
            t0 = now()
            found.extend(V.wrong_region(seg, self.regional))
            stats.add(F.WRONG_REGION, now() - t0)
        return found


def _fill_target_lang(f: Finding, seen: dict[tuple[str, str], Counter[str]]) -> Finding:
    if f.target_lang != "und":
        return f
    counts = seen.get((f.path, f.source_lang or ""))
    if not counts:
        return f
    best = min(counts, key=lambda tag: (-counts[tag], tag))
    return replace(f, target_lang=best)


def check_units(
    units: Iterable[Unit],
    glossary: Glossary,
    *,
    regional: Sequence[Glossary] = (),
    checks: Iterable[str] | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    path: str = "-",
    topics: Collection[str] = (),
) -> list[Finding]:
    """Check translation units against a glossary; the units form one file set.

    Each unit's own ``location`` names its file and line; ``path`` is used for units without.
    """
    checker = Checker(glossary, regional=regional, checks=checks, topics=topics)

    def triples() -> Iterable[tuple[str, int, Unit]]:
        for i, u in enumerate(units):
            yield (u.location.path if u.location else path), i, u

    return checker.run(triples(), source_lang=source_lang, target_lang=target_lang)
