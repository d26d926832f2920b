"""The per-term safety report: how plain OpenCC treats each glossary term.

For each Chinese term and config whose source script matches the term: what plain OpenCC
makes of it, whether that differs from the concept's form for the config's target variant,
which step of the config's chain changed it (replicated step by step, see
:mod:`termkit.opencc_data`; ``replica_exact`` says whether the replica agrees with the real
chain), whether converting back with the inverse config returns the original, and which
characters have several candidates in OpenCC's character tables. Terms whose plain
conversion differs from the glossary, or does not survive a round trip, need locking.
Each row also gives the term's risk — ``any`` (locks in any text) or ``topic`` (locks only
with one of its topics switched on) — with the evidence the regional glossary recorded, and
a few general words the term does not lock inside (word-aware matching).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from termkit import lang
from termkit.convert.configs import CONFIG_VARIANTS, INVERSE, check_config, opencc_converter
from termkit.convert.converter import (
    ALL_TOPICS,
    MATCH_PROP,
    build_locks,
    in_scope,
    locked_target,
)
from termkit.convert.opencc_data import dictionary, run_steps
from termkit.convert.regional import EVIDENCE_PROP
from termkit.model import Concept, Glossary

DEFAULT_CONFIGS = ("s2t", "t2s", "s2twp", "tw2sp", "s2hk", "hk2s")


@dataclass(slots=True)
class AuditRow:
    """What plain OpenCC does to one term under one config."""

    concept: str
    term: str
    lang: str
    config: str
    opencc: str
    expected: str | None  # the glossary's form for the target variant, if it has one
    differs: bool | None  # None when the glossary has no form to compare with
    changed_by: list[str] = field(default_factory=list)  # chain steps that changed the text
    replica_exact: bool = True
    back: str = ""
    round_trip: bool = True
    one_to_many: dict[str, list[str]] = field(default_factory=dict)
    risk: str = "any"  # "any": locks in any text; "topic": only with one of ``topics`` on
    topics: list[str] = field(default_factory=list)
    risk_reason: str = ""
    not_inside: list[str] = field(default_factory=list)  # general words it does not lock in

    @property
    def needs_lock(self) -> bool:
        """True when plain OpenCC gets this term wrong or loses it on the way back."""
        return bool(self.differs) or not self.round_trip

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (fields in declaration order plus ``needs_lock``)."""
        return {
            "concept": self.concept, "term": self.term, "lang": self.lang,
            "config": self.config, "opencc": self.opencc, "expected": self.expected,
            "differs": self.differs, "changed_by": self.changed_by,
            "replica_exact": self.replica_exact, "back": self.back,
            "round_trip": self.round_trip, "one_to_many": self.one_to_many,
            "needs_lock": self.needs_lock, "risk": self.risk, "topics": self.topics,
            "risk_reason": self.risk_reason, "not_inside": self.not_inside,
        }


def one_to_many(text: str, script: str) -> dict[str, list[str]]:
    """Characters of ``text`` with several candidates in the other script (``script`` = source)."""
    table = dictionary("STCharacters" if script == "Hans" else "TSCharacters")
    found: dict[str, list[str]] = {}
    for ch in text:
        cands = table.get(ch, ())
        if len(cands) > 1 and ch not in found:
            found[ch] = list(cands)
    return found


def audit_term(text: str, tag: str, config: str, expected: str | None, concept: str = "") -> AuditRow:
    """Audit one term under one config."""
    cfg = check_config(config)
    plain = opencc_converter(cfg).convert(text)
    steps = run_steps(text, cfg)
    changed: list[str] = []
    prev = text
    for step, out in steps:
        if out != prev:
            changed.append(step.label)
        prev = out
    back = opencc_converter(INVERSE[cfg]).convert(plain)
    script = lang.script_of(tag) or lang.script_of(CONFIG_VARIANTS[cfg][0]) or "Hant"
    return AuditRow(
        concept=concept, term=text, lang=tag, config=cfg, opencc=plain, expected=expected,
        differs=None if expected is None else plain != expected, changed_by=changed,
        replica_exact=prev == plain, back=back, round_trip=back == text,
        one_to_many=one_to_many(text, script),
    )


def risk_of(concept: Concept, form: str, script: str | None) -> tuple[str, list[str], str]:
    """``(risk, topics, reason)`` of one form read in ``script`` text (see :func:`in_scope`).

    The reason comes from the concept's ``lock-evidence`` prop (written by
    :mod:`termkit.convert.regional`); a concept without one is a user's own: it always locks.
    """
    topical = not in_scope(concept, form, (), script)
    reason = ""
    for entry in concept.props.get(EVIDENCE_PROP, "").split(" | "):
        head, sep, rest = entry.partition(": ")
        if sep and head.split(" → ")[0] == form:
            level, _, why = rest.partition(": ")
            reason = why
            if (level == "topic") == topical:
                break
    if not reason:
        substring = concept.props.get(MATCH_PROP) == "substring"
        reason = "a user's own concept: always locks" + (
            ", inside words too (lock-match: substring)" if substring else " where it stands as a word")
    return ("topic" if topical else "any"), (list(concept.domains) if topical else []), reason


def _inside(forms: set[str], config: str, limit: int = 3) -> dict[str, list[str]]:
    """Up to ``limit`` general words per form that contain it (where it does not lock)."""
    import ahocorasick

    from termkit.convert.words import bounding_words, general_words

    if not forms:
        return {}
    automaton = ahocorasick.Automaton()
    for f in forms:
        automaton.add_word(f, f)
    automaton.make_automaton()
    found: dict[str, list[str]] = {}
    general = general_words()
    for word in bounding_words(forms):
        if word not in general:
            continue  # a word pair (經濟|成長率): no word a reader would look up
        for _end, f in automaton.iter(word):
            got = found.setdefault(f, [])
            if len(got) < limit and word not in got and word != f:
                got.append(word)
    return found


def audit_glossary(glossary: Glossary, configs: Iterable[str] = DEFAULT_CONFIGS, *,
                   words: bool = True, on_prepare: Callable[[], None] | None = None
                   ) -> list[AuditRow]:
    """Audit every Chinese term of ``glossary`` under each config whose source script it has.

    Each row also says whether the term locks in any text or only with a topic on (and why),
    and, with ``words``, a few general words it does not lock inside. ``on_prepare`` is
    called once before the lock's word list of a large glossary is first computed (seconds,
    then cached on disk).
    Rows come in glossary order, then config order, then term order.
    """
    from termkit.convert.words import keys_ready

    cfgs: Sequence[str] = [check_config(c) for c in configs]
    inside: dict[str, dict[str, list[str]]] = {}
    if words:
        for cfg in cfgs:
            # (a form holding a line break locks wherever it stands whole: no word is read
            # across it, Converter)
            forms = {f for f in build_locks(glossary, cfg, (ALL_TOPICS,)) if "\n" not in f}
            if on_prepare is not None and not keys_ready(forms):
                on_prepare()
                on_prepare = None
            inside[cfg] = _inside(forms, cfg)
    rows: list[AuditRow] = []
    for concept in glossary.concepts:
        for cfg in cfgs:
            src_script = lang.script_of(CONFIG_VARIANTS[cfg][0])
            expected = locked_target(concept, cfg)
            seen: set[str] = set()
            for term in concept.terms:
                if not lang.is_chinese(term.lang) or not term.text or term.text in seen:
                    continue
                if lang.script_of(term.lang) != src_script:
                    continue
                seen.add(term.text)
                row = audit_term(term.text, lang.normalize(term.lang), cfg, expected, concept.id)
                row.risk, row.topics, row.risk_reason = risk_of(concept, term.text, src_script)
                row.not_inside = inside.get(cfg, {}).get(term.text, [])
                rows.append(row)
    return rows
