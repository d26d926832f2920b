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

import re
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
from termkit.gcpause import collector_off
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

# The stats names of the checks :meth:`Checker._segment` times before the segment checks.
_UNIT_STEPS = (F.EMPTY_TARGET, F.UNTRANSLATED, "match-terms", F.WRONG_SCRIPT, F.WRONG_REGION)

# What a check needs to find anything: one of these characters in the source or the target
# (or, for the pseudo-characters "  " and "://", a double space in the target and a URL
# scheme or "www." in the source). When a segment has none of them the check would return no
# finding, so it is not called at all; each function keeps its own test as well. One scan of
# both texts per segment collects what is present, and the checks to call are worked out once
# per combination (a handful in a real file). Checks left out here have no such character
# (spaces at the ends, lengths, Chinese next to Latin …) or one too common to help (``.``).
_CONTROLS = "\t\r\\" + "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)]))
DOUBLE_SPACE = "  "
URL_START = "://"
TRIGGERS: dict[str, frozenset[str]] = {
    F.PRINTF: frozenset("%"),
    F.BRACE_FORMAT: frozenset("{"),
    F.XML_TAGS: frozenset("<"),
    F.ESCAPES: frozenset(_CONTROLS),
    F.NEWLINES: frozenset("\n"),
    F.NUMBERS: frozenset("0123456789"),
    F.URLS: frozenset({URL_START}),
    F.EMAILS: frozenset("@"),
    F.ACCELERATORS: frozenset("_&"),
    F.BRACKETS: frozenset(TC.BRACKET_CHARS),
    F.QUOTE_STYLE: frozenset(TY.QUOTE_CHARS),
    F.DASH: frozenset(TY.DASH_CHARS),
    F.DOUBLE_SPACE: frozenset({DOUBLE_SPACE}),
}
_TRIGGER = re.compile(
    "[" + re.escape("".join(sorted({c for t in TRIGGERS.values() for c in t if len(c) == 1}))) + "]"
)
_PLAN_CACHE = 4096  # combinations remembered per Checker


def present_triggers(source: str, target: str) -> frozenset[str]:
    """The trigger characters (and pseudo-characters) of :data:`TRIGGERS` in a segment."""
    # One scan over both texts, joined by a character that is no trigger.
    found = _TRIGGER.findall(f"{source}\ue000{target}")
    if DOUBLE_SPACE in target:
        found.append(DOUBLE_SPACE)
    if URL_START in source or "www." in source:
        found.append(URL_START)
    return frozenset(found)


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
        self._unit_times = [0.0] * len(_UNIT_STEPS)
        # Positions of the checks to run on a Chinese target, and on any other (the Chinese
        # typography checks have nothing to look at there), each with its trigger characters.
        self._for_zh = [(i, k, fn) for i, (k, fn) in enumerate(self.segment_checks)]
        self._for_other = [
            (i, k, fn) for i, (k, fn) in enumerate(self.segment_checks) if k not in ZH_ONLY
        ]
        # (Chinese target, plural entry, triggers present) -> the checks to call
        self._plans: dict[tuple[bool, bool, frozenset[str]], list[tuple[int, SegmentCheck]]] = {}
        self._steps = (False,) * 8  # which unit steps run (set by run)

    def _plan(
        self, zh: bool, plural: bool, present: frozenset[str]
    ) -> list[tuple[int, SegmentCheck]]:
        """The segment checks to call: a plural entry's forms are texts of their own (every
        check runs); otherwise those whose triggers are present, or that have none (and not
        ``plurals``, which looks at plural entries only)."""
        plan = [
            (i, fn)
            for i, k, fn in (self._for_zh if zh else self._for_other)
            if plural or (k != F.PLURALS and (k not in TRIGGERS or not TRIGGERS[k].isdisjoint(present)))
        ]
        if len(self._plans) < _PLAN_CACHE:
            self._plans[(zh, plural, present)] = plan
        return plan

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
        """Check ``(path, position, unit)`` triples; findings sorted by file, unit, check.

        The cyclic garbage collector is off meanwhile (:func:`termkit.gcpause.collector_off`):
        the run makes no cyclic garbage, and the collections would walk the findings and
        renderings kept until the end again and again.
        """
        with collector_off():
            return self._run(units, source_lang, target_lang,
                             stats if stats is not None else Stats())

    def _run(
        self,
        units: Iterable[tuple[str, int, Unit]],
        source_lang: str | None,
        target_lang: str | None,
        stats: Stats,
    ) -> list[Finding]:
        out: list[Finding] = []
        renderings: list[T.Rendering] = []
        on = self.checks
        clock = stats.clock
        # Target language seen per (file, source language): a unit without a target (PO
        # msgstr "", XLIFF without <target>) is reported in its file's target language.
        seen_targets: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        # Seconds of the unit, term and variant checks, in this order (added to stats at the
        # end: one addition per check and segment, not a method call).
        self._unit_times = [0.0] * len(_UNIT_STEPS)
        # Which unit steps run, asked once per run rather than once per segment.
        terms_on = bool(on & TERM_CHECKS) and self.index is not None
        self._steps = (
            F.EMPTY_TARGET in on,
            F.UNTRANSLATED in on,
            terms_on,
            terms_on and F.MISSING_TERM in on,
            terms_on and F.FORBIDDEN_TERM in on,
            terms_on and F.INCONSISTENT in on,
            F.WRONG_SCRIPT in on,
            F.WRONG_REGION in on and self.regional is not None,
        )
        ran = stats.segments
        for path, position, unit in units:
            stats.units += 1
            for seg in segments(
                unit, path, position, source_lang=source_lang, target_lang=target_lang
            ):
                stats.segments += 1
                if seg.target is not None:
                    seen_targets[(path, seg.source_tag)][seg.target_tag] += 1
                found = self._segment(seg, on, renderings, clock)
                if found and seg.notes:
                    silenced = ignored_checks(seg.notes)
                    if silenced:
                        found = [f for f in found if f.check not in silenced]
                out.extend(found)
        if stats.segments > ran:
            steps_on = (
                F.EMPTY_TARGET in on,
                F.UNTRANSLATED in on,
                bool(on & TERM_CHECKS) and self.index is not None,
                F.WRONG_SCRIPT in on,
                F.WRONG_REGION in on and self.regional is not None,
            )
            for name, step_on, seconds in zip(_UNIT_STEPS, steps_on, self._unit_times, strict=True):
                if step_on:
                    stats.add(name, seconds)
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
        now: Callable[[], float],
    ) -> list[Finding]:
        found: list[Finding] = []
        spent = self._unit_times
        empty_on, untranslated_on, terms_on, missing_on, forbidden_on, inconsistent_on, \
            script_on, region_on = self._steps
        t0 = now()
        if empty_on:
            found.extend(C.empty_target(seg))
            t1 = now()
            spent[0] += t1 - t0
            t0 = t1
        if untranslated_on:
            found.extend(C.untranslated(seg))
            t1 = now()
            spent[1] += t1 - t0
            t0 = t1
        if terms_on:
            missing, forbidden, seen = T.terms(seg, self.index)  # type: ignore[arg-type]
            t1 = now()
            spent[2] += t1 - t0
            if missing_on and missing:
                found.extend(missing)
            if forbidden_on and forbidden:
                found.extend(forbidden)
            if inconsistent_on and seen:
                renderings.extend(seen)
            t0 = now()
        if script_on:
            found.extend(V.wrong_script(seg, self.index))
            t1 = now()
            spent[3] += t1 - t0
            t0 = t1
        if region_on:
            found.extend(V.wrong_region(seg, self.regional))
            spent[4] += now() - t0
        if seg.target and self.segment_checks and not _skip_format(seg):
            options = self.options
            times = self._times
            key = (
                seg.target_lang.language == "zh",
                bool(seg.props) and "po:msgid_plural" in seg.props,
                present_triggers(seg.source, seg.target),
            )
            plan = self._plans.get(key)
            if plan is None:
                plan = self._plan(*key)
            t0 = now()
            for i, fn in plan:
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
