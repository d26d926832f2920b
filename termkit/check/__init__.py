"""Translation QA: terminology, format and Chinese typography checks; findings as data.

Every check, its family, severity and an example are in :data:`CHECKS`
(:mod:`termkit.check.findings`). Families:

* ``terms`` (need a glossary): ``missing-term``, ``forbidden-term``, ``inconsistent``
  (:mod:`termkit.check.terms`);
* ``variants``: ``wrong-script``, ``wrong-region`` (regional glossaries)
  (:mod:`termkit.check.variants`);
* ``unit``: ``untranslated``, ``empty-target`` (:mod:`termkit.check.checks`);
* ``format``: ``printf``, ``brace-format``, ``xml-tags``, ``escapes``, ``newlines``,
  ``whitespace``, ``plurals``, ``length`` (:mod:`termkit.check.format_checks`) and ``numbers``,
  ``urls``, ``emails``, ``accelerators``, ``brackets`` (:mod:`termkit.check.text_checks`);
* ``typography``: ``punctuation-width``, ``quote-style``, ``ellipsis``, ``dash``,
  ``cjk-latin-spacing``, ``double-space``, ``repeated-word`` (:mod:`termkit.check.typography`);
* ``syntax``: PO syntax errors as ``msgfmt -c`` finds them, with line and column; the rest of
  the file is still checked.

Library API: :func:`check_units` (units in memory), :func:`check_files` (paths; unreadable
files become errors in the result, the other files are still checked), :class:`Checker`
(compile once, run many), :class:`Options` and :func:`select` (:mod:`termkit.check.config`),
inline markers and baselines (:mod:`termkit.check.baseline`) and the renderers in
:mod:`termkit.check.report` and :mod:`termkit.check.html`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from termkit.check.config import Options, select
from termkit.check.engine import Checker, Stats, check_units, parse_checks
from termkit.check.findings import CHECKS, FAMILIES, Finding, Severity
from termkit.check.inputs import read_inputs
from termkit.errors import TermkitError
from termkit.model import Glossary, Notice

__all__ = [
    "CHECKS",
    "FAMILIES",
    "CheckResult",
    "Checker",
    "Finding",
    "Options",
    "Severity",
    "Stats",
    "check_files",
    "check_units",
    "parse_checks",
    "select",
]


@dataclass(slots=True)
class CheckResult:
    """Findings of a run over files, the files, the unit count, and the input errors."""

    findings: list[Finding]
    files: list[str]
    units: int
    errors: list[TermkitError] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
    # What reading the files called for saying (a PO Language header its name contradicts).
    notices: list[Notice] = field(default_factory=list)


def check_files(
    paths: Sequence[str],
    glossary: Glossary | None = None,
    *,
    pairs: Sequence[tuple[str, str]] = (),
    regional: Sequence[Glossary] = (),
    checks: Iterable[str] | None = None,
    options: Options | None = None,
    format: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    topics: Collection[str] = (),
    on_prepare: Callable[[], None] | None = None,
) -> CheckResult:
    """Check translation files (and line-aligned text pairs) as one file set.

    ``glossary`` None runs every check that needs none (format, typography, script …).
    ``topics``: regional forms kept for a topic count only when it is chosen (``--topic``).
    ``on_prepare`` is called before a first regional check computes the lock's word list of
    a large glossary (seconds; :class:`~termkit.check.index.RegionIndex`).
    """
    checker = Checker(glossary, regional=regional, checks=checks, options=options, topics=topics,
                      on_prepare=on_prepare)
    inputs = read_inputs(
        paths, pairs=pairs, format=format, source_lang=source_lang, target_lang=target_lang
    )
    stats = Stats()
    findings = checker.run(
        inputs.units, source_lang=source_lang, target_lang=target_lang, stats=stats
    )
    syntax = [f for f in inputs.syntax if f.check in checker.checks]
    if syntax:
        findings = sorted([*findings, *syntax], key=Finding.sort_key)
    return CheckResult(findings, inputs.files, stats.units, inputs.errors, stats, inputs.notices)
