"""The compiled form of the glossaries the checks run against.

:class:`TermIndex` numbers every English and Chinese form of every concept (the number is
the matcher key), keeps its status and normal form, and compiles one Chinese and one
English matcher over all of them. :class:`RegionIndex` does the same for the regional forms
(terms tagged ``zh-Hans-CN``, ``zh-Hant-TW``, ``zh-Hant-HK`` …) that drive ``wrong-region``.
Both are built once per run; every unit is then one automaton pass per side.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from termkit.check.matching import ChineseMatcher, EnglishMatcher, Match, fold_zh, tokens
from termkit.check.segment import parse_tag
from termkit.model import Concept, Glossary, Status

APPROVED = frozenset({Status.PREFERRED, Status.ADMITTED})
_STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.CANDIDATE: 2, Status.DEPRECATED: 3}

# Regions on each side of the strait; a form of any region on the target's side is at home.
HANT_SIDE = frozenset({"TW", "HK", "MO"})
HANS_SIDE = frozenset({"CN", "SG", "MY"})
_FALLBACK = {
    "TW": ("TW", "HK", "MO"),
    "HK": ("HK", "MO", "TW"),
    "MO": ("MO", "HK", "TW"),
    "CN": ("CN", "SG", "MY"),
    "SG": ("SG", "MY", "CN"),
    "MY": ("MY", "SG", "CN"),
}


@dataclass(frozen=True, slots=True)
class Form:
    """One term of one concept, as the matchers know it."""

    concept: int  # index into TermIndex.concepts
    lang: str  # normalized BCP 47 tag
    text: str
    status: Status
    norm: str  # folded Chinese text, or the normalized English tokens joined by spaces
    zh: bool
    script: str | None = None
    region: str | None = None

    @property
    def rank(self) -> int:
        """Status order: preferred, admitted, candidate, deprecated."""
        return _STATUS_RANK[self.status]


class TermIndex:
    """All forms of all concepts of a glossary, with a matcher per language."""

    def __init__(self, glossary: Glossary) -> None:
        """Number the forms and compile the matchers."""
        self.concepts: list[Concept] = list(glossary.concepts)
        self.forms: list[Form] = []
        self.by_concept: list[list[int]] = []
        for ci, concept in enumerate(self.concepts):
            keys: list[int] = []
            for term in concept.terms:
                text = term.text.strip()
                if not text:
                    continue
                tag = parse_tag(term.lang)
                if tag.language == "zh":
                    form = Form(ci, str(tag), text, term.status, fold_zh(text), True,
                                tag.script, tag.region)
                elif tag.language == "en":
                    norm = " ".join(caps or n for n, caps, _, _ in tokens(text))
                    if not norm:
                        continue
                    form = Form(ci, str(tag), text, term.status, norm, False)
                else:
                    continue
                keys.append(len(self.forms))
                self.forms.append(form)
            self.by_concept.append(keys)
        # Per concept and side (index 1 = Chinese, 0 = English), looked up for every match:
        # all forms best status first, the approved ones, the usable (not deprecated) ones.
        self._sorted: list[tuple[list[int], list[int]]] = []
        self.approved: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        self.usable: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        for keys in self.by_concept:
            per_side = [
                sorted(
                    (k for k in keys if self.forms[k].zh is zh),
                    key=lambda k: (self.forms[k].rank, k),
                )
                for zh in (False, True)
            ]
            self._sorted.append((per_side[0], per_side[1]))
            ok = [tuple(k for k in side if self.forms[k].status in APPROVED) for side in per_side]
            use = [
                tuple(k for k in side if self.forms[k].status is not Status.DEPRECATED)
                for side in per_side
            ]
            self.approved.append((ok[0], ok[1]))
            self.usable.append((use[0], use[1]))
        # Per key, for the term checks: its concept with the approved and the usable keys of
        # the other side (where a source form's renderings are looked for); and what a
        # rendering records of it (normal form, text, status rank).
        self.target_of = [
            (f.concept, self.approved[f.concept][0 if f.zh else 1],
             self.usable[f.concept][0 if f.zh else 1])
            for f in self.forms
        ]
        self.rendering_of = [(f.norm, f.text, f.rank) for f in self.forms]
        self.deprecated = frozenset(
            k for k, f in enumerate(self.forms) if f.status is Status.DEPRECATED
        )
        self.zh = ChineseMatcher((f.text, k) for k, f in enumerate(self.forms) if f.zh)
        self.en = EnglishMatcher((f.text, k) for k, f in enumerate(self.forms) if not f.zh)

    def forms_of(self, concept: int, *, zh: bool) -> list[int]:
        """Keys of a concept's forms in Chinese (``zh=True``) or English, best status first."""
        return self._sorted[concept][1 if zh else 0]

    def concept_id(self, concept: int) -> str:
        """The glossary id of a concept."""
        return self.concepts[concept].id


class RegionIndex:
    """Regional Chinese forms (tags with a region) of the concepts that have several regions.

    :meth:`home_form` gives a concept's form for a target region, falling back to the other
    regions of the same side of the strait (Taiwan -> Hong Kong -> Macau, mainland ->
    Singapore -> Malaysia, as MediaWiki's variant fallbacks do).
    """

    def __init__(self, glossaries: list[Glossary], topics: Collection[str] = ()) -> None:
        """Keep concepts with forms for at least two regions; compile one matcher over them.

        Forms out of scope for ``topics`` in their own script (``lock-topic-only`` and no
        chosen topic, see :func:`termkit.convert.in_scope`) are not looked for, as
        ``convert`` does not lock them; they still count as a region's own form.
        """
        from termkit.convert import in_scope

        self.forms: list[tuple[int, str, str]] = []  # (concept, region, text)
        self.regions: list[dict[str, str]] = []  # per concept: region -> first form text
        hidden: set[tuple[int, str]] = set()  # (concept, text) not looked for
        for g in glossaries:
            for concept in g.concepts:
                by_region: dict[str, str] = {}
                unsought: set[str] = set()
                for term in concept.terms:
                    tag = parse_tag(term.lang)
                    if (
                        tag.language == "zh"
                        and tag.region
                        and term.text.strip()
                        and term.status is not Status.DEPRECATED
                    ):
                        by_region.setdefault(tag.region, term.text.strip())
                        if not in_scope(concept, term.text.strip(), topics, tag.script):
                            unsought.add(term.text.strip())
                if len(by_region) < 2:
                    continue
                ci = len(self.regions)
                hidden.update((ci, text) for text in unsought)
                self.regions.append(by_region)
                for region, text in by_region.items():
                    self.forms.append((ci, region, text))
        self.matcher = ChineseMatcher((text, k) for k, (ci, _, text) in enumerate(self.forms)
                                      if (ci, text) not in hidden)
        self._words: Any = None  # the word-aware reading, built on first use

    def word_matches(self, text: str) -> list[Match]:
        """Regional forms found where they stand as words of ``text`` (script-folded).

        The reading of the glossary lock (:class:`termkit.convert.words.WordMatcher`): a
        form inside a longer word (供應 in 供應鏈) is not found.
        """
        if self._words is None:
            from termkit.convert.words import WordMatcher

            self._words = WordMatcher(self.matcher.folded_forms())
        # Most texts hold no regional form at all: one automaton pass that stops at the
        # first form found decides it before the word-by-word reading.
        if not self.matcher.occurs(text):
            return []
        folded = self.matcher.fold(text)
        return [Match(k, start, end) for start, end, form in self._words.matches(folded)
                for k in self.matcher.keys_of(form)]

    def __len__(self) -> int:
        return len(self.regions)

    def home_form(self, concept: int, region: str) -> str | None:
        """The concept's form for ``region``, or for the nearest region on the same side."""
        forms = self.regions[concept]
        for r in _FALLBACK.get(region, (region,)):
            if r in forms:
                return forms[r]
        return None


def side(region: str | None) -> frozenset[str]:
    """The regions on the same side of the strait as ``region`` (empty when unknown)."""
    if region in HANT_SIDE:
        return HANT_SIDE
    if region in HANS_SIDE:
        return HANS_SIDE
    return frozenset()
