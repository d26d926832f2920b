"""What a stored translation's own file said about it: translated, to review, or none at all.

This module owns reading the workflow marks translation files carry into the memory:

* a PO entry marked ``fuzzy`` (prop ``po:fuzzy``) is a translation to review;
* an XLIFF target's marks (props of :mod:`termkit.formats.xliff`):

  - XLIFF 1.2 ``state`` ``new`` and ``needs-translation`` say the target is no translation yet
    (often a copy of the source), so ``tm import`` keeps the unit's source only; so does a
    segmented unit (``<seg-source>``: Trados, memoQ, Okapi) whose target leaves a segment
    empty (half a unit's sentences are not its translation);
    ``needs-adaptation``, ``needs-l10n`` and the ``needs-review-*`` states say it is a draft
    to review; ``translated``, ``signed-off`` and ``final`` are translations;
  - XLIFF 1.2 ``approved="no"`` on the unit: the translation "has not passed its final
    review" — a draft to review, whatever its state;
  - XLIFF 1.2 ``state-qualifier``: a ``rejected-*`` one ("the item has been rejected because
    it is incorrect", too long, …) is a draft to review whatever the state; a suggestion
    (``fuzzy-match``, ``mt-suggestion``, ``tm-suggestion``, ``leveraged-mt``) is one only
    when no ``state`` says the target was translated since (a translator confirms a fuzzy
    match by setting ``state="translated"``); the other qualifiers say where a translation
    came from, not how far it is;
  - Trados Studio's SDLXLIFF confirmation level (``sdl:conf``): ``Draft``,
    ``RejectedTranslation`` and ``RejectedSignOff`` are drafts to review, the others
    translations;
  - XLIFF 2.0 ``state``: ``initial`` (also the standard's default for a segment without a
    state, what ``tm pretranslate`` writes for a fuzzy fill) is a draft to review,
    ``translated``, ``reviewed`` and ``final`` are translations; a ``subState`` is the private
    word of its prefix's owner and decides nothing.

A translation to review is filled as fuzzy whatever its score (:mod:`termkit.tm.fill`) and
counts in the best fuzzy band of ``tm analyze``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from termkit.formats.xliff import (
    PROP_APPROVED,
    PROP_SDL_CONF,
    PROP_STATE,
    PROP_STATE_QUALIFIER,
    PROP_UNTRANSLATED_SEGMENTS,
)
from termkit.model import Unit

UNTRANSLATED = frozenset({"new", "needs-translation"})
TO_REVIEW = frozenset({"needs-adaptation", "needs-l10n", "needs-review-adaptation",
                       "needs-review-l10n", "needs-review-translation", "initial"})
# XLIFF 1.2 state-qualifiers that make a target without a state a suggestion, not a translation.
SUGGESTED = frozenset({"fuzzy-match", "mt-suggestion", "tm-suggestion", "leveraged-mt"})
# Trados Studio confirmation levels (SDLXLIFF ``sdl:conf``) of a draft or a rejected target.
SDL_TO_REVIEW = frozenset({"Draft", "RejectedTranslation", "RejectedSignOff"})


def to_review(props: Mapping[str, str]) -> str | None:
    """Why a stored translation is a draft by its own file's word (None: it is not)."""
    if props.get("po:fuzzy") == "yes":
        return "fuzzy in the memory"
    state = props.get(PROP_STATE)
    if state in TO_REVIEW:
        return f"{state} in the memory"
    qualifier = props.get(PROP_STATE_QUALIFIER, "")
    if qualifier.startswith("rejected-") or (state is None and qualifier in SUGGESTED):
        return f"{qualifier} in the memory"
    if props.get(PROP_APPROVED) == "no":
        return "not approved in the memory"
    conf = props.get(PROP_SDL_CONF)
    if conf in SDL_TO_REVIEW:
        return f"{conf} in the memory"
    return None


def without_drafts(units: Iterator[Unit]) -> Iterator[Unit]:
    """The units with a target their file says is no translation cut to their source side:
    by its state, or, in a segmented XLIFF 1.2 unit, by a segment left empty."""
    for unit in units:
        untranslated = unit.props.get(PROP_STATE) in UNTRANSLATED \
            or PROP_UNTRANSLATED_SEGMENTS in unit.props
        if untranslated and len(unit.variants) > 1:
            source = next((v for v in unit.variants if v.lang == unit.source_lang),
                          unit.variants[0])
            unit.variants = [source]
        yield unit
