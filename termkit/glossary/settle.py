"""Statuses after a merge, and the conflicts a glossary carries.

A single rendering keeps its best status (a candidate in one record and preferred in another
is preferred). Among several renderings, one paired confidently wins over renderings only
structure paired, which stay candidates; among several confident ones, the one with strictly
more support is preferred and the others admitted, and a tie leaves all of them candidates (a
:class:`~termkit.model.Conflict`: both renderings stay, each with its sources, neither silently
preferred). A candidate rendering that :data:`AGREEING_RECORDS` (2) or more records paired,
each on its own, with no other rendering of the term, is preferred: independent records
agreeing on a pair is evidence no single record gives. Otherwise renderings only structure
paired never become preferred (several of them are a conflict too). Title-attested variants
are always admitted.
"""

from __future__ import annotations

from termkit.glossary.keys import CONFIRMED, STATUS_RANK, side, source_key, term_sort_key
from termkit.glossary.scripts import ORIGIN_TITLE
from termkit.model import Concept, Conflict, Kind, Status, Term, total_sources


def _contested(concept: Concept) -> list[Term]:
    """English renderings that compete to be the concept's rendering (not title variants)."""
    if concept.kind is Kind.PERSON:
        return []
    return [
        t
        for t in concept.terms_for("en")
        if t.origin != ORIGIN_TITLE and t.status is not Status.DEPRECATED
        and t.status is not Status.ADMITTED
    ]


# Records that must pair a rendering independently before agreement confirms it.
AGREEING_RECORDS = 2


def _records_seen(term: Term) -> int:
    """How many records a term was seen in (sources without a record id count by file)."""
    return len({s.record if s.record is not None else s.path for s in term.sources})


def _fold_forms(concept: Concept, rivals: list[Term]) -> tuple[list[Term], dict[int, list[Term]]]:
    """Fold English renderings that are one term in another case, number or hyphenation
    (:func:`termkit.english.same_rendering`) into one: the most frequent form stands for the
    group (with the best status of its competing forms), the others become admitted variants.

    Returns the representatives, in the order of ``rivals``, and each representative's group
    (by ``id``), admitted forms of the same term from earlier merges included.
    """
    from termkit.english import lemma, split_rendering

    forms = [
        t for t in concept.terms_for("en")
        if t.origin != ORIGIN_TITLE and t.status is not Status.DEPRECATED
    ]
    contested = {id(t) for t in rivals}
    by_head: dict[str, list[tuple[str, Term]]] = {}
    dictionary_form: dict[int, bool] = {}
    for t in forms:
        head, last = split_rendering(t.text)
        by_head.setdefault(head, []).append((last, t))
    groups: list[list[Term]] = []
    for members in by_head.values():
        lasts = {last for last, _ in members}
        # The lemmatizer is asked only when renderings differ in their last word alone.
        keyed: dict[str, list[Term]] = {}
        for last, t in members:
            # A word meets the dictionary form that another rendering has (same_word).
            key = last
            if len(lasts) > 1 and last:
                base = lemma(last)
                key = base if base in lasts else last
            dictionary_form[id(t)] = key == last
            keyed.setdefault(key, []).append(t)
        groups.extend(g for g in keyed.values() if any(id(t) in contested for t in g))
    reps: dict[int, tuple[Term, list[Term]]] = {}
    for group in groups:
        # The most frequent form; on a tie the better status, the dictionary form (singular),
        # then the form seen first in the inputs (by file, line and record: not by the order
        # the records were merged in).
        rep = min(group, key=lambda t: (-t.support, -_records_seen(t), STATUS_RANK[t.status],
                                        not dictionary_form[id(t)], _first_source(t), t.text))
        best = min((t.status for t in group if id(t) in contested), key=STATUS_RANK.__getitem__)
        for t in group:
            if t is not rep and id(t) in contested:
                t.status = Status.ADMITTED
        rep.status = best
        for t in group:
            if id(t) in contested:
                reps[id(t)] = (rep, group)
    ordered: list[Term] = []
    seen: set[int] = set()
    for t in rivals:
        rep, _ = reps[id(t)]
        if id(rep) not in seen:
            seen.add(id(rep))
            ordered.append(rep)
    return ordered, {id(rep): group for rep, group in reps.values()}


def _first_source(t: Term) -> tuple[str, int, str]:
    return min((source_key(s) for s in t.sources), default=("\uffff", 0, ""))


def _group_support(groups: dict[int, list[Term]], t: Term) -> int:
    return sum(m.support for m in groups.get(id(t), [t]))


def _drop_conflict_note(concept: Concept) -> None:
    concept.notes = [n for n in concept.notes if not n.startswith("conflict:")]


def _settle_person(concept: Concept) -> None:
    """One person printed in several ways (merged by :func:`~termkit.glossary.keys.person_key_of`):
    the form seen most is preferred, on a tie the one in running order (no comma: as pages
    print names, and as English text cites them), then the first by text; the others are
    admitted variants. Deterministic whatever order the records came in."""
    forms = [t for t in concept.terms_for("en") if t.status is not Status.DEPRECATED]
    if len(forms) < 2:
        return
    ranked = sorted(forms, key=lambda t: (-t.support, "," in t.text, t.text))
    best = min((t.status for t in forms), key=STATUS_RANK.__getitem__)
    ranked[0].status = best
    for t in ranked[1:]:
        if t.status is Status.PREFERRED:
            t.status = Status.ADMITTED


def settle(concept: Concept) -> Concept:
    """Fix statuses after a merge (see the module docstring); returns the same concept."""
    if concept.kind is Kind.PERSON:
        _settle_person(concept)
    rivals = _contested(concept)
    groups: dict[int, list[Term]] = {}
    if rivals and sum(1 for t in concept.terms if side(t.lang) == "en") > 1:
        rivals, groups = _fold_forms(concept, rivals)
    if (
        len(rivals) == 1
        and rivals[0].status is Status.CANDIDATE
        and len({s.record if s.record is not None else s.path
                 for m in groups.get(id(rivals[0]), [rivals[0]]) for s in m.sources})
        >= AGREEING_RECORDS
        and all(any(t is m for m in groups.get(id(rivals[0]), [rivals[0]]))
                for t in concept.terms_for("en") if t.origin != ORIGIN_TITLE)
    ):
        # Several records paired the same rendering (in one case, number or hyphenation or
        # another), each on its own (position in its lists, weak evidence), and nothing
        # competes: their agreement confirms it.
        for t in concept.terms:
            if t.status is Status.CANDIDATE:
                t.status = Status.PREFERRED
        concept.status = Status.PREFERRED
    confirmed = [t for t in rivals if t.status in CONFIRMED]
    if len(rivals) > 1 and len(confirmed) == 1:
        # One rendering was paired confidently, the others only by structure: the confident
        # one stands, the others stay candidates for a reviewer (no conflict).
        confirmed[0].status = Status.PREFERRED
        _drop_conflict_note(concept)
        rivals = []
    if len(rivals) > 1 and not confirmed:
        # Structure alone paired every rendering: none is promoted; a conflict all the same.
        for t in rivals:
            t.status = Status.CANDIDATE
        rivals = sorted(rivals, key=lambda t: (-_group_support(groups, t), t.text))
        concept.status = Status.CANDIDATE
        _drop_conflict_note(concept)
        concept.notes.append("conflict: " + " | ".join(t.text for t in rivals))
        rivals = []
    if len(rivals) > 1:
        ranked = sorted(rivals, key=lambda t: (-_group_support(groups, t), t.text))
        top_is_clear = _group_support(groups, ranked[0]) > _group_support(groups, ranked[1])
        _drop_conflict_note(concept)
        if top_is_clear:
            # One rendering seen strictly more often: preferred, the others admitted. Not a
            # conflict (only a tie is): nothing is left for a reviewer to choose.
            for i, t in enumerate(ranked):
                t.status = Status.PREFERRED if i == 0 else Status.ADMITTED
        else:
            for t in ranked:
                t.status = Status.CANDIDATE
            concept.status = Status.CANDIDATE
            concept.notes.append("conflict: " + " | ".join(t.text for t in ranked))
    # (A list of one is sorted already: most concepts of a build come from one record.)
    if len(concept.terms) > 1:
        concept.terms.sort(key=term_sort_key)
    concept.domains.sort()
    if len(concept.sources) > 1:
        concept.sources.sort(key=source_key)
    for t in concept.terms:
        if len(t.sources) > 1:
            t.sources.sort(key=source_key)
    return concept


def find_conflict(concept: Concept) -> Conflict | None:
    """The conflict a concept carries (several competing English renderings), or None.

    An admitted form of a competing rendering (another case, number or hyphenation of it, see
    :func:`_fold_forms`) is that rendering's variant, not a rival."""
    if concept.kind is Kind.PERSON or not any(n.startswith("conflict:") for n in concept.notes):
        return None
    forms = [
        t for t in concept.terms_for("en")
        if t.origin != ORIGIN_TITLE and t.status is not Status.DEPRECATED
    ]
    if any(t.status is Status.ADMITTED for t in forms):
        from termkit.english import same_rendering

        heads = [t for t in forms if t.status is not Status.ADMITTED]
        forms = [t for t in forms if t.status is not Status.ADMITTED
                 or not any(same_rendering(t.text, h.text) for h in heads)]
    rivals = forms
    if len(rivals) < 2:
        return None
    zh = concept.first("zh-Hant") or concept.first("zh")
    return Conflict(
        zh=zh.text if zh else concept.id,
        renderings=[(t.text, list(t.sources)) for t in rivals],
        totals=[total_sources(t) for t in rivals],
    )
