"""What a stored translation's own file said about it: translated, to review, or none at all.

This module owns reading the workflow marks translation files carry into the memory:

* a PO entry marked ``fuzzy`` (prop ``po:fuzzy``) is a translation to review;
* an XLIFF target's state (prop ``xliff:state``, :mod:`termkit.formats.xliff`): XLIFF 1.2
  ``new`` and ``needs-translation`` say the target is no translation yet (often a copy of the
  source), so ``tm import`` keeps the unit's source only; ``needs-adaptation``,
  ``needs-l10n`` and the ``needs-review-*`` states, and XLIFF 2.0 ``initial`` (what
  ``tm pretranslate`` writes for a fuzzy fill), say it is a draft to review. ``translated``,
  ``signed-off``, ``final`` and ``reviewed`` (and no state) are translations.

A translation to review is filled as fuzzy whatever its score (:mod:`termkit.tm.fill`). An
XLIFF 2.0 target without a ``state`` is taken as translated although the standard's default
is ``initial``: files written without states are mostly finished translations.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from termkit.formats.xliff import PROP_STATE
from termkit.model import Unit

UNTRANSLATED = frozenset({"new", "needs-translation"})
TO_REVIEW = frozenset({"needs-adaptation", "needs-l10n", "needs-review-adaptation",
                       "needs-review-l10n", "needs-review-translation", "initial"})


def to_review(props: Mapping[str, str]) -> str | None:
    """Why a stored translation is a draft by its own file's word (None: it is not)."""
    if props.get("po:fuzzy") == "yes":
        return "fuzzy in the memory"
    state = props.get(PROP_STATE)
    if state in TO_REVIEW:
        return f"{state} in the memory"
    return None


def without_drafts(units: Iterator[Unit]) -> Iterator[Unit]:
    """The units with a target their file says is no translation cut to their source side."""
    for unit in units:
        if unit.props.get(PROP_STATE) in UNTRANSLATED and len(unit.variants) > 1:
            source = next((v for v in unit.variants if v.lang == unit.source_lang),
                          unit.variants[0])
            unit.variants = [source]
        yield unit
