"""Terminology checks for translations: findings as data, rendered by the CLI.

Checks (id, severity):

* ``missing-term`` (error): a glossary term is in the source and none of its approved
  (preferred or admitted) renderings is in the target. Chinese terms match without word
  boundaries in either script; English terms ignore case and tolerate plurals, possessives,
  hyphen/space variation and plural inflection, on word boundaries. Concepts with no
  approved rendering in the target language are not checked.
* ``forbidden-term`` (error): a deprecated rendering is in the target (unless the same text
  is also an accepted form of some concept, or part of a longer accepted term).
* ``inconsistent`` (warning): one source concept rendered by different glossary forms in
  different units of the file set (per target language); units using a minority rendering
  are reported.
* ``wrong-script`` (error): Simplified characters in a Traditional target (tag ``zh-Hant*``),
  or the reverse, with the form in the right script.
* ``wrong-region`` (error): the other side's vocabulary (per the regional forms of the
  glossaries: ``zh-Hans-CN``, ``zh-Hant-TW``, ``zh-Hant-HK`` …) in a target with a region,
  with the form for the target's region.
* ``untranslated`` (warning): the target repeats the source.
* ``empty-target`` (warning): the source has text and the target is missing or blank.

Library API: :func:`check_units` (units in memory), :func:`check_files` (paths; bad files
become errors in the result, the other files are still checked), :class:`Checker` (compile
once, run many), and the renderers in :mod:`termkit.check.report`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from termkit.check.engine import Checker, Stats, check_units, parse_checks
from termkit.check.findings import CHECKS, Finding, Severity
from termkit.check.inputs import read_inputs
from termkit.errors import TermkitError
from termkit.model import Glossary

__all__ = [
    "CHECKS",
    "CheckResult",
    "Checker",
    "Finding",
    "Severity",
    "Stats",
    "check_files",
    "check_units",
    "parse_checks",
]


@dataclass(slots=True)
class CheckResult:
    """Findings of a run over files, the files, the unit count, and the input errors."""

    findings: list[Finding]
    files: list[str]
    units: int
    errors: list[TermkitError] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)


def check_files(
    paths: Sequence[str],
    glossary: Glossary,
    *,
    pairs: Sequence[tuple[str, str]] = (),
    regional: Sequence[Glossary] = (),
    checks: Iterable[str] | None = None,
    format: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    topics: Collection[str] = (),
) -> CheckResult:
    """Check translation files (and line-aligned text pairs) as one file set.

    ``topics``: regional forms kept for a topic count only when it is chosen (``--topic``).
    """
    checker = Checker(glossary, regional=regional, checks=checks, topics=topics)
    inputs = read_inputs(
        paths, pairs=pairs, format=format, source_lang=source_lang, target_lang=target_lang
    )
    stats = Stats()
    findings = checker.run(
        inputs.units, source_lang=source_lang, target_lang=target_lang, stats=stats
    )
    return CheckResult(findings, inputs.files, stats.units, inputs.errors, stats)
