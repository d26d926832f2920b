"""Running the checks: compile the glossaries once, walk the units, collect findings.

:class:`Checker` holds the compiled glossaries (when there are any), which checks to run and
their options; :meth:`Checker.run` takes units (from any number of files: ``inconsistent``
compares across all of them) and returns findings sorted by file, unit and check. The unit
checks are data: :data:`SEGMENT_CHECKS` maps each id to one small function
``(segment, options) -> findings``. Findings silenced by an inline marker in the unit's notes
(``termkit: ignore=numbers``) are dropped here. Each check is timed, for the benchmark and for
``--stats``. The run goes chunk by chunk (:data:`CHUNK` segments), one check after the other
over a chunk, and puts each segment's findings back in check order: the findings and their
order are those of a segment-by-segment run, each check is timed once per chunk, and its code
and tables stay warm.

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
from termkit.check.findings import FAMILIES, Finding
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
# Segments checked together, one check after the other. Small enough that the memoized
# masked texts (placeholders.masked keeps 8,192) of a chunk are still there for the next check.
CHUNK = 1024


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
        on_prepare: Callable[[], None] | None = None,
    ) -> None:
        """Compile the term matchers (when there is a glossary) and the regional one (when
        ``wrong-region`` is on and there is a glossary or a regional glossary).

        ``topics``: the regional forms kept for a topic count only when it is chosen, as in
        ``convert --topic``. ``on_prepare``: see :class:`RegionIndex`.
        """
        self.checks = parse_checks(checks)
        self.options = replace(options or Options(), running=frozenset(self.checks))
        self.index = TermIndex(glossary) if glossary is not None else None
        self.regional: RegionIndex | None = None
        if F.WRONG_REGION in self.checks and (glossary is not None or regional):
            self.regional = RegionIndex([g for g in (glossary, *regional) if g is not None],
                                        topics, on_prepare)
        self.segment_checks = [(k, fn) for k, fn in SEGMENT_CHECKS.items() if k in self.checks]
        # Positions of the checks to run on a Chinese target, and on any other (the Chinese
        # typography checks have nothing to look at there), each with its trigger characters.
        self._for_zh = [(i, k) for i, (k, _fn) in enumerate(self.segment_checks)]
        self._for_other = [(i, k) for i, (k, _fn) in enumerate(self.segment_checks)
                           if k not in ZH_ONLY]
        # (Chinese target, plural entry, triggers present) -> positions of the checks to call
        self._plans: dict[tuple[bool, bool, frozenset[str]], frozenset[int]] = {}

    def _plan(self, key: tuple[bool, bool, frozenset[str]]) -> frozenset[int]:
        """The segment checks to call: a plural entry's forms are texts of their own (every
        check runs); otherwise those whose triggers are present, or that have none (and not
        ``plurals``, which looks at plural entries only)."""
        zh, plural, present = key
        plan = frozenset(
            i
            for i, k in (self._for_zh if zh else self._for_other)
            if plural or (k != F.PLURALS and (k not in TRIGGERS or not TRIGGERS[k].isdisjoint(present)))
        )
        if len(self._plans) < _PLAN_CACHE:
            self._plans[key] = plan
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
        # Target language seen per (file, source language): a unit without a target (PO
        # msgstr "", XLIFF without <target>) is reported in its file's target language.
        seen_targets: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        steps = self._unit_steps()
        unit_times = [0.0] * len(_UNIT_STEPS)
        check_times = [0.0] * len(self.segment_checks)
        chunk: list[Segment] = []
        ran = stats.segments
        for path, position, unit in units:
            stats.units += 1
            for seg in segments(
                unit, path, position, source_lang=source_lang, target_lang=target_lang
            ):
                if seg.target is not None:
                    seen_targets[(path, seg.source_tag)][seg.target_tag] += 1
                chunk.append(seg)
            if len(chunk) >= CHUNK:
                self._chunk(chunk, steps, out, renderings, unit_times, check_times, stats.clock)
                stats.segments += len(chunk)
                chunk = []
        if chunk:
            self._chunk(chunk, steps, out, renderings, unit_times, check_times, stats.clock)
            stats.segments += len(chunk)
        if stats.segments > ran:
            for name, step_on, seconds in zip(_UNIT_STEPS, steps, unit_times, strict=True):
                if step_on:
                    stats.add(name, seconds)
        for (name, _fn), seconds in zip(self.segment_checks, check_times, strict=True):
            stats.add(name, seconds)
        out = [_fill_target_lang(f, seen_targets) for f in out]
        if F.INCONSISTENT in on and self.index is not None:
            t0 = stats.clock()
            out.extend(T.inconsistent(renderings, self.index))
            stats.add(F.INCONSISTENT, stats.clock() - t0)
        out.sort(key=Finding.sort_key)
        return out

    def _unit_steps(self) -> tuple[bool, ...]:
        """Which of :data:`_UNIT_STEPS` run, asked once per run rather than once per segment."""
        on = self.checks
        return (
            F.EMPTY_TARGET in on,
            F.UNTRANSLATED in on,
            bool(on & TERM_CHECKS) and self.index is not None,
            F.WRONG_SCRIPT in on,
            F.WRONG_REGION in on and self.regional is not None,
        )

    def _chunk(
        self,
        segs: list[Segment],
        steps: tuple[bool, ...],
        out: list[Finding],
        renderings: list[T.Rendering],
        unit_times: list[float],
        check_times: list[float],
        now: Callable[[], float],
    ) -> None:
        """Run every check over a chunk of segments, one check after the other (so each is
        timed once per chunk, not once per segment), and add the findings to ``out`` in the
        order of a segment-by-segment run: by segment, then in check order."""
        hits: list[tuple[int, list[Finding]]] = []  # (segment position, findings)
        add = hits.append
        empty_on, untranslated_on, terms_on, script_on, region_on = steps
        if empty_on:
            t0 = now()
            for j, seg in enumerate(segs):
                if found := C.empty_target(seg):
                    add((j, found))
            unit_times[0] += now() - t0
        if untranslated_on:
            t0 = now()
            for j, seg in enumerate(segs):
                if found := C.untranslated(seg):
                    add((j, found))
            unit_times[1] += now() - t0
        if terms_on:
            t0 = now()
            self._terms(segs, add, renderings)
            unit_times[2] += now() - t0
        if script_on:
            t0 = now()
            index = self.index
            for j, seg in enumerate(segs):
                if found := V.wrong_script(seg, index):
                    add((j, found))
            unit_times[3] += now() - t0
        if region_on:
            t0 = now()
            regional = self.regional
            for j, seg in enumerate(segs):
                if found := V.wrong_region(seg, regional):
                    add((j, found))
            unit_times[4] += now() - t0
        if self.segment_checks:
            self._segment_checks(segs, add, check_times, now)
        if not hits:
            return
        hits.sort(key=_position)  # stable: a segment's findings stay in check order
        for j, found in hits:
            seg = segs[j]
            notes = seg.notes
            if notes and (silenced := ignored_checks(notes)):
                found = [f for f in found if f.check not in silenced]
            if _keyed(seg):
                found = [f for f in found if f.check not in _SOURCE_COMPARED]
            out.extend(found)

    def _terms(
        self,
        segs: list[Segment],
        add: Callable[[tuple[int, list[Finding]]], None],
        renderings: list[T.Rendering],
    ) -> None:
        """The term matching shared by missing-term, forbidden-term and inconsistent."""
        on = self.checks
        missing_on, forbidden_on = F.MISSING_TERM in on, F.FORBIDDEN_TERM in on
        inconsistent_on = F.INCONSISTENT in on
        index = self.index
        assert index is not None
        for j, seg in enumerate(segs):
            missing, forbidden, seen = T.terms(seg, index)
            if missing_on and missing:
                add((j, missing))
            if forbidden_on and forbidden:
                add((j, forbidden))
            if inconsistent_on and seen:
                renderings.extend(seen)

    def _segment_checks(
        self,
        segs: list[Segment],
        add: Callable[[tuple[int, list[Finding]]], None],
        check_times: list[float],
        now: Callable[[], float],
    ) -> None:
        """The checks of :data:`SEGMENT_CHECKS`, each called only on the segments that hold
        its trigger characters (segments grouped by the checks they need)."""
        plans = self._plans
        groups: dict[tuple[bool, bool, frozenset[str]], list[int]] = {}
        for j, seg in enumerate(segs):
            if not seg.target or _skip_format(seg):
                continue
            key = (
                seg.target_lang.language == "zh",
                bool(seg.props) and "po:msgid_plural" in seg.props,
                present_triggers(*_trigger_texts(seg)),
            )
            group = groups.get(key)
            if group is None:
                groups[key] = [j]
            else:
                group.append(j)
        if not groups:
            return
        planned = []
        for key, js in groups.items():
            plan = plans.get(key)
            planned.append((self._plan(key) if plan is None else plan, js))
        options = self.options
        for i, (_name, fn) in enumerate(self.segment_checks):
            t0 = now()
            for plan, js in planned:
                if i in plan:
                    for j in js:
                        if found := fn(segs[j], options):
                            add((j, found))
            check_times[i] += now() - t0


def _trigger_texts(seg: Segment) -> tuple[str, str]:
    """The texts whose characters decide which checks a segment needs: a side with inline
    codes adds its markup (a ``%s`` inside ``<ph>`` is for printf, the ``<`` for xml-tags)."""
    source, target = seg.source, seg.target or ""
    if seg.source_markup is not None:
        source = f"{source}\ue000{seg.source_markup}"
    if seg.target_markup is not None:
        target = f"{target}\ue000{seg.target_markup}"
    return source, target


def _position(hit: tuple[int, list[Finding]]) -> int:
    return hit[0]


# Units whose target is not a translation of the source text.
_CREDITS = frozenset({"translator-credits", "translator_credits", "TRANSLATORS"})


# A message key standing for the source text (Symfony and Kimai XLIFF, key-based PO: the
# unit's id is the source, ``http_error.suggestion``): checks that compare the target with the
# source have nothing to compare it with. Before, Symfony's `%count%` read as printf `%c`
# missing from the source and every tag of a CDATA target as added.
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9-]*(?:[._][A-Za-z0-9-]+)+")
_SOURCE_COMPARED = frozenset(
    {name for name in FAMILIES["format"] if name != F.PLURALS} | {F.UNTRANSLATED})


def _keyed(seg: Segment) -> bool:
    """True when the segment's source is its unit's message key, not text."""
    return seg.unit == seg.source and _KEY.fullmatch(seg.source) is not None


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
