"""The compiled form of the glossaries the checks run against.

:class:`TermIndex` numbers every English and Chinese form of every concept (the number is
the matcher key), keeps its status and normal form, and compiles one Chinese and one
English matcher over all of them. :class:`RegionIndex` does the same for the regional forms
(terms tagged ``zh-Hans-CN``, ``zh-Hant-TW``, ``zh-Hant-HK`` …) that drive ``wrong-region``,
with one matcher per script of the targets checked (a topic may hide a form in one script
only). Both are built once per run; every unit is then one automaton pass per side.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from termkit.check.matching import ChineseMatcher, EnglishMatcher, Match, fold_zh, tokens
from termkit.check.segment import parse_tag
from termkit.formats.mediawiki import ONE_WAY_PROP
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


# Origin of a form OpenCC made (termkit.glossary.scripts.chinese_forms: ``opencc:s2t`` …).
_OPENCC_ORIGIN = "opencc:"
# The regional renderings a concept whose other-script form OpenCC made also has: what
# ``convert`` locks its terms to under each config (termkit.convert.locked_target).
_REGIONAL_CONFIGS = (("s2twp", "zh-Hant-TW"), ("s2hk", "zh-Hant-HK"), ("tw2sp", "zh-Hans-CN"))


def _regional_renderings(ci: int, concept: Concept, have: list[Form]) -> list[Form]:
    """Forms for the regional targets of a concept whose Traditional (or Simplified) form
    OpenCC made with the generic config (``opencc:s2t``): a glossary built from mainland
    records has 軟件工程 for 软件工程, and ``convert -c s2twp`` writes 軟體工程, so a zh-TW
    target is right with either (the ``wrong-region`` check judges the region's usage)."""
    from termkit.convert import locked_target

    known = {f.text for f in have if f.zh}
    out: list[Form] = []
    for config, tag_text in _REGIONAL_CONFIGS:
        text = locked_target(concept, config)
        if not text or text in known:
            continue
        tag = parse_tag(tag_text)
        same_script = [f for f in have if f.zh and f.script == tag.script]
        if not same_script:
            continue
        status = min(same_script, key=lambda f: f.rank).status
        known.add(text)
        out.append(Form(ci, str(tag), text, status, fold_zh(text), True, tag.script, tag.region))
    return out


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
            if any((t.origin or "").startswith(_OPENCC_ORIGIN) for t in concept.terms):
                for form in _regional_renderings(ci, concept, [self.forms[k] for k in keys]):
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
        # A one-way rule's source (MediaWiki ``A ⇒ zh-cn B``: a deprecated bare ``zh`` term)
        # is deprecated only in the variants the rule writes, not in every Chinese target.
        self.deprecated_in: dict[int, frozenset[str]] = {}
        for k in self.deprecated:
            f = self.forms[k]
            concept = self.concepts[f.concept]
            if f.zh and f.lang == "zh" and concept.props.get(ONE_WAY_PROP) == "one-way":
                self.deprecated_in[k] = frozenset(
                    part for g in (self.forms[j] for j in self.by_concept[f.concept])
                    if g.zh and g.status is not Status.DEPRECATED
                    for part in (g.region, g.script) if part
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

    def __init__(self, glossaries: list[Glossary], topics: Collection[str] = (),
                 on_prepare: Callable[[], None] | None = None) -> None:
        """Keep concepts with forms for at least two regions.

        ``on_prepare`` is called once, before the first word-by-word reading computes the
        lock's word list of a large glossary (seconds, then cached on disk): a command may
        say so on the terminal.

        A form out of scope for ``topics`` (``lock-topic-only`` and no chosen topic, see
        :func:`termkit.convert.in_scope`) is not looked for, as ``convert`` does not lock it;
        it still counts as a region's own form. Whether it is out of scope depends on the
        script of the text it is looked for in (``文件@Hans``: only in Simplified text), as
        ``convert`` decides by the script of the text it reads, so the matchers are built per
        script of the targets checked, when first needed (:meth:`word_matches`).

        Matching is script-folded, so a form also matches its spelling in the other script
        (丢失 in 丟失), which ``convert`` never locks (its keys are spellings): a form listed
        topic-only for any script counts there only with its topic, and where the text holds
        its very spelling, as ``convert`` decides for that script.
        """
        from termkit.convert import TOPIC_ONLY_PROP

        self.forms: list[tuple[int, str, str]] = []  # (concept, region, text)
        self.regions: list[dict[str, str]] = []  # per concept: region -> first form text
        self.topics = frozenset(topics)
        self.on_prepare = on_prepare
        # (concept index, the concept, form text) of every form a topic may hide
        self._listed: list[tuple[int, Concept, str]] = []
        for g in glossaries:
            for concept in g.concepts:
                by_region: dict[str, str] = {}
                for term in concept.terms:
                    tag = parse_tag(term.lang)
                    if (
                        tag.language == "zh"
                        and tag.region
                        and term.text.strip()
                        and term.status is not Status.DEPRECATED
                    ):
                        by_region.setdefault(tag.region, term.text.strip())
                if len(by_region) < 2:
                    continue
                ci = len(self.regions)
                self.regions.append(by_region)
                for region, text in by_region.items():
                    self.forms.append((ci, region, text))
                if concept.props.get(TOPIC_ONLY_PROP):
                    self._listed.extend((ci, concept, text) for text in by_region.values())
        # per script of the text read: (matcher, keys that count only where the text holds
        # the form's own spelling, word-aware reading built on first use)
        self._by_script: dict[str | None, tuple[ChineseMatcher, frozenset[int], list[Any]]] = {}

    def matcher(self, script: str | None) -> ChineseMatcher:
        """The matcher of the forms looked for in a text of ``script`` (``Hant``/``Hans``;
        None: a text of either, where a form listed for one script is not looked for)."""
        return self._for_script(script)[0]

    def _for_script(self, script: str | None) -> tuple[ChineseMatcher, frozenset[int], list[Any]]:
        found = self._by_script.get(script)
        if found is None:
            from termkit.convert import in_scope

            hidden = {(ci, text) for ci, concept, text in self._listed
                      if not in_scope(concept, text, self.topics, script)}
            # in scope for this script, out of scope for another: as spelled only
            literal = {(ci, text) for ci, concept, text in self._listed
                       if (ci, text) not in hidden
                       and not in_scope(concept, text, self.topics, None)}
            matcher = ChineseMatcher((text, k) for k, (ci, _, text) in enumerate(self.forms)
                                     if (ci, text) not in hidden)
            keys = frozenset(k for k, (ci, _, text) in enumerate(self.forms)
                             if (ci, text) in literal)
            found = self._by_script[script] = (matcher, keys, [])
        return found

    def word_matches(self, text: str, script: str | None = None) -> list[Match]:
        """Regional forms found where they stand as words of ``text`` (script-folded), a
        text written in ``script``.

        The reading of the glossary lock (:class:`termkit.convert.words.WordMatcher`): a
        form inside a longer word (供應 in 供應鏈) is not found.
        """
        matcher, literal, words = self._for_script(script)
        # Most texts hold no regional form at all: one automaton pass that stops at the
        # first form found decides it before the word-by-word reading.
        if not matcher.occurs(text):
            return []
        if not words:
            from termkit.convert.words import WordMatcher, keys_ready

            forms = matcher.folded_forms()
            if self.on_prepare is not None and not keys_ready(forms):
                self.on_prepare()
                self.on_prepare = None
            words.append(WordMatcher(forms))
        folded = matcher.fold(text)
        return [Match(k, start, end) for start, end, form in words[0].matches(folded)
                for k in matcher.keys_of(form)
                if k not in literal or text[start:end] == self.forms[k][2]]

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
