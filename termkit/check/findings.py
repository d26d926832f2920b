"""What a check reports: the check ids, their severities, and the :class:`Finding` value.

Check ids and default severities (also listed by ``termkit check --help``):

=================  ========  ==============================================================
id                 severity  what it finds
=================  ========  ==============================================================
missing-term       error     a glossary term is in the source and none of its approved
                             (preferred or admitted) renderings is in the target
forbidden-term     error     a deprecated rendering is used in the target
inconsistent       warning   one source term rendered differently across units of the file set
wrong-script       error     Simplified characters in a Traditional target, or the reverse
wrong-region       error     mainland vocabulary in a Taiwan/Hong Kong target, or the reverse
untranslated       warning   the target repeats the source
empty-target       warning   the source has text, the target is missing or blank
=================  ========  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Order for comparisons (warning < error)."""
        return _RANK[self]


_RANK = {Severity.WARNING: 1, Severity.ERROR: 2}

MISSING_TERM = "missing-term"
FORBIDDEN_TERM = "forbidden-term"
INCONSISTENT = "inconsistent"
WRONG_SCRIPT = "wrong-script"
WRONG_REGION = "wrong-region"
UNTRANSLATED = "untranslated"
EMPTY_TARGET = "empty-target"

# id -> (severity, one-line description); the order is the report order.
CHECKS: dict[str, tuple[Severity, str]] = {
    MISSING_TERM: (Severity.ERROR, "glossary term in the source, no approved rendering in the target"),
    FORBIDDEN_TERM: (Severity.ERROR, "deprecated rendering used in the target"),
    INCONSISTENT: (Severity.WARNING, "same source term rendered differently across units"),
    WRONG_SCRIPT: (Severity.ERROR, "Simplified characters in a Traditional target, or the reverse"),
    WRONG_REGION: (Severity.ERROR, "mainland vocabulary in a Taiwan/Hong Kong target, or the reverse"),
    UNTRANSLATED: (Severity.WARNING, "target identical to the source"),
    EMPTY_TARGET: (Severity.WARNING, "source has text, target missing or blank"),
}
CHECK_ORDER = {name: i for i, name in enumerate(CHECKS)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one translation unit.

    ``source_span``/``target_span`` are ``(start, end)`` character offsets of the term in
    ``source``/``target`` (None when the finding is about the whole unit). ``term`` is the
    glossary form that was matched in the source; ``found`` the offending text in the
    target; ``expected`` the approved renderings or the suggested form.
    """

    check: str
    severity: Severity
    path: str
    line: int | None
    unit: str | None
    source_lang: str | None
    target_lang: str | None
    source: str
    target: str
    message: str
    term: str | None = None
    found: str | None = None
    expected: tuple[str, ...] = ()
    concept: str | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    index: int = 0  # position of the unit in its file (0-based), for a stable order

    def sort_key(self) -> tuple[str, int, int, str, int, int, int, str]:
        """Report order: file, unit position, line, target language, check, spans."""
        return (
            self.path,
            self.index,
            self.line or 0,
            self.target_lang or "",
            CHECK_ORDER.get(self.check, 99),
            (self.source_span or (0, 0))[0],
            (self.target_span or (0, 0))[0],
            self.term or self.found or "",
        )
