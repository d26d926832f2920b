"""One rendering, one term (#14): English renderings that differ only by case, number or
hyphenation are one term (the most frequent form preferred, the others admitted variants),
not a conflict; different words stay apart."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from termkit.align import pair_record
from termkit.english import lemma, same_rendering
from termkit.glossary import build_glossary, merge_glossaries
from termkit.model import Pair, Pairing, Record
from termkit.records import read_records

DEV2 = Path(__file__).parent / "data" / "records" / "dev2.jsonl"


def _pairing(record: str, pairs: list[tuple[str, str]]) -> Pairing:
    return Pairing(record=Record(source="r.jsonl", id=record),
                   pairs=[Pair(zh, en, 0.9, ("test",)) for zh, en in pairs])


def _english(g, zh: str) -> dict[str, tuple[str, int]]:  # type: ignore[no-untyped-def]
    (concept,) = [c for c in g.concepts if any(t.text == zh for t in c.terms)]
    return {t.text: (t.status.value, t.support) for t in concept.terms_for("en")}


@pytest.mark.parametrize(("a", "b"), [
    ("Problems", "problem"),
    ("university libraries", "University Library"),
    ("Countermeasures", "countermeasure"),
    ("long-term care", "long term care"),
    ("women", "woman"),
])
def test_same_term_in_another_case_number_or_hyphenation(a: str, b: str) -> None:
    assert same_rendering(a, b) and same_rendering(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("news", "new"), ("physics", "physic"), ("data", "datum"),  # a lemmatizer's classic traps
    ("Du Fu", "Tu Fu"), ("civil reading", "reading for all"),
    ("developing countries", "developed countries"),
    ("college", "colleges and universities"),
    ("university library", "university and college libraries"),
])
def test_different_words_never_meet(a: str, b: str) -> None:
    assert not same_rendering(a, b)


def test_tied_case_and_number_forms_are_one_term_not_a_conflict() -> None:
    g = build_glossary([_pairing("r1", [("問題", "Problems")]), _pairing("r2", [("問題", "problem")])])
    assert g.conflicts == []
    # A tie between forms of one term: the dictionary form, lower case, stands for it.
    assert _english(g, "問題") == {"problem": ("preferred", 1), "Problems": ("admitted", 1)}


def test_most_frequent_form_is_preferred_and_the_group_counts_together() -> None:
    g = build_glossary([
        _pairing("r1", [("高校圖書館", "university libraries")]),
        _pairing("r2", [("高校圖書館", "university libraries")]),
        _pairing("r3", [("高校圖書館", "University Library")]),
        _pairing("r4", [("高校圖書館", "academic library")]),
        _pairing("r5", [("高校圖書館", "academic library")]),
    ])
    # 3 sightings of one term (in two forms) against 2 of another: no tie, no conflict.
    assert g.conflicts == []
    assert _english(g, "高校圖書館") == {
        "university libraries": ("preferred", 2),
        "University Library": ("admitted", 1),
        "academic library": ("admitted", 2),
    }


def test_a_tie_between_different_terms_stays_a_conflict_with_variants_aside() -> None:
    g = build_glossary([
        _pairing("r1", [("杜甫", "Du Fu")]),
        _pairing("r2", [("杜甫", "du fu")]),
        _pairing("r3", [("杜甫", "Tu Fu")]),
        _pairing("r4", [("杜甫", "Tu Fu")]),
    ])
    (conflict,) = g.conflicts
    assert sorted(en for en, _ in conflict.renderings) == ["Du Fu", "Tu Fu"]


def test_folding_is_independent_of_record_order_and_idempotent() -> None:
    pairings = [_pairing(f"r{i}", [("對策", en)]) for i, en in
                enumerate(["Countermeasures", "countermeasure", "countermeasures", "Countermeasure"])]
    results = set()
    for order in itertools.permutations(pairings):
        g = build_glossary(list(order))
        results.add(tuple(sorted(_english(g, "對策").items())))
        again = merge_glossaries([g])
        assert _english(again, "對策") == _english(g, "對策")
    assert len(results) == 1


def test_dev2_conflicts_are_real_choices_only() -> None:
    """The real records: no remaining conflict is between forms of one term, and every concept
    with several forms of one term keeps one preferred (or candidate) form and admits the rest."""
    g = build_glossary([pair_record(r) for r in read_records(str(DEV2))])
    for conflict in g.conflicts:
        for (a, _), (b, _) in itertools.combinations(conflict.renderings, 2):
            assert not same_rendering(a, b), conflict
    assert any({en for en, _ in k.renderings} == {"Du Fu", "Tu Fu"} for k in g.conflicts)
    folded = 0
    for c in g.concepts:
        english = [t for t in c.terms_for("en") if t.origin == "record"]
        for a, b in itertools.combinations(english, 2):
            if same_rendering(a.text, b.text):
                folded += 1
                assert "admitted" in {a.status.value, b.status.value}
    assert folded >= 2


def test_lemma_is_lower_case() -> None:
    assert lemma("taiwan") == "taiwan"
