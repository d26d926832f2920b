"""Running the checks: compile the glossaries once, walk the units, collect findings.

:class:`Checker` holds the compiled glossaries (when there are any), which checks to run and
their options; :meth:`Checker.run` takes units (from any number of files: ``inconsistent``
compares across all of them) and returns findings sorted by file, unit and check. The unit
checks are data: :data:`SEGMENT_CHECKS` maps each id to one small function
``(segment, options) -> findings``. Findings silenced by an inline marker in the unit's notes
(``termkit: ignore=numbers``) are dropped here. Each check is timed, for the benchmark and for
``--stats``.

Without a glossary the term checks (``missing-term``, ``forbidden-term``, ``inconsistent``)
have nothing to compare and do not run; ``wrong-script`` needs none, ``wrong-region`` needs
the regional glossaries.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from termkit.check import checks as C
from termkit.check import findings as F
from termkit.check import format_checks as FC
from termkit.check import terms as T
from termkit.check import text_checks as TC
from termkit.check import typography as TY
from termkit.check import variants as V
from termkit.check.baseline import ignored_checks
from termkit.check.config import Options, select
from termkit.check.findings import Finding
from termkit.check.index import RegionIndex, TermIndex
from termkit.check.segment import Segment, segments
from termkit.model import Glossary, Unit

TERM_CHECKS = frozenset({F.MISSING_TERM, F.FORBIDDEN_TERM, F.INCONSISTENT})

SegmentCheck = Callable[[Segment, Options], list[Finding]]
ZH_ONLY = frozenset({F.PUNCTUATION_WIDTH, F.QUOTE_STYLE, F.ELLIPSIS, F.DASH, F.CJK_LATIN_SPACING})

# The checks that look at one translated segment at a time, in report order. They run only
# on segments with a target (a missing one is empty-target's).
SEGMENT_CHECKS: dict[str, SegmentCheck] = {
    F.PRINTF: FC.printf,
    F.BRACE_FORMAT: FC.brace_format,
    F.XML_TAGS: FC.xml_tags,
    F.ESCAPES: FC.escapes,
    F.NEWLINES: FC.newlines,
    F.NUMBERS: TC.numbers,
    F.URLS: TC.urls,
    F.EMAILS: TC.emails,
    F.ACCELERATORS: TC.accelerators,
    F.WHITESPACE: FC.whitespace,
    F.BRACKETS: TC.brackets,
    F.PLURALS: FC.plurals,
    F.LENGTH: FC.length,
    F.PUNCTUATION_WIDTH: TY.punctuation_width,
    F.QUOTE_STYLE: TY.quote_style,
    F.ELLIPSIS: TY.ellipsis,
    F.DASH: TY.dash,
    F.CJK_LATIN_SPACING: TY.cjk_latin_spacing,
    F.DOUBLE_SPACE: TY.double_space,
    F.REPEATED_WORD: TY.repeated_word,
}


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
    """Check ids for ids and family names (None means all); :class:`UsageError` names the
    known ones."""
    return select(None if names is None else list(names))


class Checker:
    """Compiled glossaries plus the set of checks to run and their options."""

    def __init__(
        self,
        glossary: Glossary | None = None,
        *,
        regional: Sequence[Glossary] = (),
        checks: Iterable[str] | None = None,
        options: Options | None = None,
        topics: Collection[str] = (),
    ) -> None:
        """Compile the term matchers (when there is a glossary) and the regional one (when
        ``wrong-region`` is on and there is a glossary or a regional glossary).

        ``topics``: the regional forms kept for a topic count only when it is chosen, as in
        ``convert --topic``.
        """
        self.checks = parse_checks(checks)
        self.options = options or Options()
        self.index = TermIndex(glossary) if glossary is not None else None
        self.regional: RegionIndex | None = None
        if F.WRONG_REGION in self.checks and (glossary is not None or regional):
            self.regional = RegionIndex([g for g in (glossary, *regional) if g is not None],
                                        topics)
        self.segment_checks = [(k, fn) for k, fn in SEGMENT_CHECKS.items() if k in self.checks]
        self._times = [0.0] * len(self.segment_checks)  # per segment check, added to Stats per run
        # Positions of the checks to run on a Chinese target, and on any other (the Chinese
        # typography checks have nothing to look at there).
        self._for_zh = [(i, fn) for i, (_k, fn) in enumerate(self.segment_checks)]
        self._for_other = [
            (i, fn) for i, (k, fn) in enumerate(self.segment_checks) if k not in ZH_ONLY
        ]

    @property
    def active(self) -> frozenset[str]:
        """The checks that really run (the term checks need a glossary)."""
        on = set(self.checks)
        if self.index is None:
            on -= TERM_CHECKS
        if self.regional is None:
            on.discard(F.WRONG_REGION)
        return frozenset(on)

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
                found = self._segment(seg, on, renderings, stats)
                if found and seg.notes:
                    silenced = ignored_checks(seg.notes)
                    if silenced:
                        found = [f for f in found if f.check not in silenced]
                out.extend(found)
        for (name, _fn), seconds in zip(self.segment_checks, self._times, strict=True):
            stats.add(name, seconds)
        self._times = [0.0] * len(self.segment_checks)
        out = [_fill_target_lang(f, seen_targets) for f in out]
        if F.INCONSISTENT in on and self.index is not None:
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
        add = stats.add
        if F.EMPTY_TARGET in on:
            t0 = now()
            found.extend(C.empty_target(seg))
            add(F.EMPTY_TARGET, now() - t0)
        if F.UNTRANSLATED in on:
            t0 = now()
            found.extend(C.untranslated(seg))
            add(F.UNTRANSLATED, now() - t0)
        if on & TERM_CHECKS and self.index is not None:
            t0 = now()
            missing, forbidden, seen = T.terms(seg, self.index)
            add("match-terms", now() - t0)
            if F.MISSING_TERM in on:
                found.extend(missing)
            if F.FORBIDDEN_TERM in on:
                found.extend(forbidden)
            if F.INCONSISTENT in on:
                renderings.extend(seen)
        if F.WRONG_SCRIPT in on:
            t0 = now()
            found.extend(V.wrong_script(seg, self.index))
            add(F.WRONG_SCRIPT, now() - t0)
        if F.WRONG_REGION in on and self.regional is not None:
            t0 = now()
            found.extend(V.wrong_region(seg, self.regional))
            add(F.WRONG_REGION, now() - t0)
        if seg.target and not _skip_format(seg):
            options = self.options
            times = self._times
            t0 = now()
            for i, fn in self._for_zh if seg.target_lang.language == "zh" else self._for_other:
                result = fn(seg, options)
                t1 = now()
                times[i] += t1 - t0
                t0 = t1
                if result:
                    found.extend(result)
        return found


# Units whose target is not a translation of the source text.
_CREDITS = frozenset({"translator-credits", "translator_credits", "TRANSLATORS"})


def _skip_format(seg: Segment) -> bool:
    """Fuzzy PO entries (gettext does not use them; msgfmt -c does not check them either) and
    translator-credit entries get no format or typography checks."""
    return seg.source in _CREDITS or (bool(seg.props) and seg.props.get("po:fuzzy") == "yes")


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
    glossary: Glossary | None = None,
    *,
    regional: Sequence[Glossary] = (),
    checks: Iterable[str] | None = None,
    options: Options | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    path: str = "-",
    topics: Collection[str] = (),
) -> list[Finding]:
    """Check translation units against a glossary; the units form one file set.

    Each unit's own ``location`` names its file and line; ``path`` is used for units without.
    """
    checker = Checker(glossary, regional=regional, checks=checks, options=options,
                      topics=topics)

    def triples() -> Iterable[tuple[str, int, Unit]]:
        for i, u in enumerate(units):
            yield (u.location.path if u.location else path), i, u

    return checker.run(triples(), source_lang=source_lang, target_lang=target_lang)
