"""Merging: support, provenance, Traditional/Simplified meeting, conflicts kept."""

from __future__ import annotations

from pathlib import Path

from termkit.glossary import build_glossary, chinese_forms, load_glossary, merge_glossaries
from termkit.model import Kind, Pair, Pairing, Record, Status


def _pairing(source: str, pairs: list[tuple[str, str]], *, domains: list[str] | None = None) -> Pairing:
    rec = Record(source=source, id=source.split(".")[0], lines={"keywords": 5})
    rec.subjects = [[d, d + "綜合"] for d in domains or []]
    return Pairing(
        record=rec,
        pairs=[Pair(zh, en, 0.9, ("test",)) for zh, en in pairs],
    )


def _en(glossary, zh_hans: str) -> list[tuple[str, str, int]]:
    for c in glossary.concepts:
        hans = c.first("zh-Hans")
        if hans is not None and hans.text == zh_hans:
            return [(t.text, t.status.value, t.support) for t in c.terms_for("en")]
    raise AssertionError(f"no concept for {zh_hans}")


def test_chinese_forms_record_which_config_produced_them() -> None:
    assert chinese_forms("權力平衡") == [
        ("zh-Hant", "權力平衡", "record"),
        ("zh-Hans", "权力平衡", "opencc:t2s"),
    ]
    assert chinese_forms("术语") == [("zh-Hant", "術語", "opencc:s2t"), ("zh-Hans", "术语", "record")]
    same = chinese_forms("越南外交政策")
    assert [lang for lang, _, _ in same] == ["zh-Hant", "zh-Hans"]
    assert {text for _, text, _ in same} == {"越南外交政策"}


def test_same_pair_again_gains_support_and_keeps_both_sources() -> None:
    g = build_glossary([_pairing("a.txt", [("權力平衡", "balance of power")]),
                        _pairing("b.txt", [("权力平衡", "Balance of Power")])])
    assert len(g.concepts) == 1
    (concept,) = g.concepts
    # Two case forms of one term (#14): one preferred (on a tie, the one seen first), the
    # other an admitted variant; together they count as one rendering, not a conflict.
    en = concept.terms_for("en")
    assert [(t.text, t.status.value, t.support) for t in en] == [
        ("balance of power", "preferred", 1), ("Balance of Power", "admitted", 1)
    ]
    assert sorted(s.path for t in en for s in t.sources) == ["a.txt", "b.txt"]
    assert g.conflicts == []
    # The Traditional form printed in a.txt and the Simplified form printed in b.txt are both
    # marked as printed, not as converted.
    assert {t.lang: t.origin for t in concept.terms if t.lang.startswith("zh")} == {
        "zh-Hant": "record",
        "zh-Hans": "record",
    }


def test_different_renderings_are_a_conflict_never_merged() -> None:
    g = build_glossary([_pairing("a.txt", [("權力平衡", "balance of power")]),
                        _pairing("b.txt", [("權力平衡", "power balance")])])
    assert len(g.conflicts) == 1
    conflict = g.conflicts[0]
    assert conflict.zh == "權力平衡"
    assert sorted(en for en, _ in conflict.renderings) == ["balance of power", "power balance"]
    assert {en: [s.path for s in srcs] for en, srcs in conflict.renderings} == {
        "balance of power": ["a.txt"],
        "power balance": ["b.txt"],
    }
    # A tie: neither rendering is preferred.
    assert sorted(_en(g, "权力平衡")) == [("balance of power", "candidate", 1), ("power balance", "candidate", 1)]


def test_majority_rendering_becomes_preferred_and_is_not_a_conflict() -> None:
    # Only a tie is a conflict (README): a rendering seen strictly more often is preferred.
    g = build_glossary([
        _pairing("a.txt", [("權力平衡", "balance of power")]),
        _pairing("b.txt", [("權力平衡", "balance of power")]),
        _pairing("c.txt", [("權力平衡", "power balance")]),
    ])
    assert sorted(_en(g, "权力平衡")) == [("balance of power", "preferred", 2), ("power balance", "admitted", 1)]
    assert g.conflicts == []
    assert not any(n.startswith("conflict:") for c in g.concepts for n in c.notes)


def test_domains_union_and_sorted_deterministic_order() -> None:
    p1 = _pairing("a.txt", [("現實主義", "realism"), ("權力平衡", "balance of power")], domains=["社會科學"])
    p2 = _pairing("b.txt", [("現實主義", "realism")], domains=["人文學"])
    g1 = build_glossary([p1, p2])
    g2 = build_glossary([p2, p1])
    assert [c.id for c in g1.concepts] == [c.id for c in g2.concepts]
    real = next(c for c in g1.concepts if c.first("en") and c.first("en").text == "realism")  # type: ignore[union-attr]
    assert real.domains == ["人文學", "社會科學"]


def test_merge_does_not_modify_its_inputs() -> None:
    g1 = build_glossary([_pairing("a.txt", [("權力平衡", "balance of power")])])
    g2 = build_glossary([_pairing("b.txt", [("權力平衡", "balance of power")])])
    before = g1.concepts[0].terms_for("en")[0].support
    merged = merge_glossaries([g1, g2])
    assert merged.concepts[0].terms_for("en")[0].support == 2
    assert g1.concepts[0].terms_for("en")[0].support == before == 1


def test_persons_with_same_chinese_name_but_different_romanization_stay_apart() -> None:
    rec_a = Record(source="a.txt", id="a")
    rec_b = Record(source="b.txt", id="b")
    pa = Pairing(record=rec_a, authors=[Pair("王偉", "Wei Wang", 0.9, (), Kind.PERSON)])
    pb = Pairing(record=rec_b, authors=[Pair("王偉", "Wang Wei", 0.9, (), Kind.PERSON)])
    g = build_glossary([pa, pb])
    persons = [c for c in g.concepts if c.kind is Kind.PERSON]
    assert len(persons) == 2 and g.conflicts == []
    assert all(c.first("en").status is Status.PREFERRED for c in persons)  # type: ignore[union-attr]


def test_general_and_regional_tag_of_the_same_form_merge_into_the_regional_one() -> None:
    from termkit.glossary import merge_glossaries
    from termkit.model import Concept, Glossary, Term

    built = Glossary(concepts=[Concept("c1", Kind.TERM, [Term("權力平衡", "zh-Hant"), Term("balance of power", "en")])])
    imported = Glossary(concepts=[Concept("c2", Kind.TERM, [Term("權力平衡", "zh-Hant-TW"), Term("北韓", "zh-Hant-HK")])])
    (merged,) = merge_glossaries([built, imported]).concepts
    assert sorted((t.lang, t.text) for t in merged.terms) == [
        ("en", "balance of power"),
        ("zh-Hant-HK", "北韓"),
        ("zh-Hant-TW", "權力平衡"),
    ]


def _scored(source: str, zh: str, en: str, status: Status, kinds: tuple[str, ...]) -> Pairing:
    rec = Record(source=source, id=source.split(".")[0], lines={"keywords": 5})
    pair = Pair(zh, en, 0.9 if status is Status.PREFERRED else 0.3, ("test",), Kind.KEYWORD,
                status, kinds)
    return Pairing(record=rec, pairs=[pair])


def test_a_pair_only_structure_supports_is_a_candidate_with_its_evidence() -> None:
    g = build_glossary([_scored("a.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",))])
    (concept,) = g.concepts
    assert concept.status is Status.CANDIDATE
    assert {t.status for t in concept.terms} == {Status.CANDIDATE}
    assert concept.props == {"evidence": "position"}
    assert g.conflicts == []


def test_a_candidate_confirmed_by_a_confident_pair_elsewhere_is_preferred() -> None:
    for order in (1, -1):
        pairings = [
            _scored("a.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",)),
            _scored("b.txt", "核保", "underwriting", Status.PREFERRED, ("dictionary",)),
        ][::order]
        g = build_glossary(pairings)
        (concept,) = g.concepts
        assert concept.status is Status.PREFERRED
        assert _en(g, "核保") == [
            ("underwriting", "preferred", 1), ("Underwriting", "admitted", 1)
        ]
        assert concept.props == {"evidence": "dictionary position"}
        assert g.conflicts == []


def test_a_confident_rendering_wins_over_structural_guesses_without_conflict() -> None:
    g = build_glossary([
        _scored("a.txt", "核保", "Underwriting", Status.PREFERRED, ("dictionary",)),
        _scored("b.txt", "核保", "Reinstatement", Status.CANDIDATE, ("position",)),
        _scored("c.txt", "核保", "Reinstatement", Status.CANDIDATE, ("position",)),
    ])
    # Seen twice by position, once with evidence: the evidence stands; the guess stays a
    # candidate a reviewer can still confirm.
    assert sorted(_en(g, "核保")) == [
        ("Reinstatement", "candidate", 2),
        ("Underwriting", "preferred", 1),
    ]
    assert g.concepts[0].status is Status.PREFERRED
    assert g.conflicts == []


def test_structural_guesses_that_disagree_are_a_conflict_of_candidates() -> None:
    g = build_glossary([
        _scored("a.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",)),
        _scored("b.txt", "核保", "Reinstatement", Status.CANDIDATE, ("position",)),
        _scored("c.txt", "核保", "Reinstatement", Status.CANDIDATE, ("elimination",)),
    ])
    # More sightings do not promote a rendering only structure paired.
    assert sorted(_en(g, "核保")) == [
        ("Reinstatement", "candidate", 2),
        ("Underwriting", "candidate", 1),
    ]
    assert g.concepts[0].status is Status.CANDIDATE
    assert g.concepts[0].props == {"evidence": "elimination position"}
    assert len(g.conflicts) == 1


def test_records_agreeing_on_a_structural_pair_confirm_it() -> None:
    # Two records paired 智慧圖書館 with "Smart library" each on its own (position in
    # parallel lists), and no record renders it otherwise: their agreement confirms it.
    g = build_glossary([
        _scored("a.txt", "智慧圖書館", "Smart library", Status.CANDIDATE, ("partial", "position")),
        _scored("b.txt", "智慧图书馆", "Smart library", Status.CANDIDATE, ("position",)),
    ])
    (concept,) = g.concepts
    assert _en(g, "智慧图书馆") == [("Smart library", "preferred", 2)]
    assert concept.status is Status.PREFERRED
    assert {t.status for t in concept.terms} == {Status.PREFERRED}
    assert concept.props == {"evidence": "partial position"}
    assert g.conflicts == []


def test_one_record_seen_twice_is_no_agreement() -> None:
    # The same record read from two files (one id) is one sighting, not two records.
    one = _scored("a.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",))
    again = _scored("copy/a.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",))
    again.record.id = one.record.id
    g = build_glossary([one, again])
    assert [st for _, st, _ in _en(g, "核保")] == ["candidate"]
    assert g.concepts[0].status is Status.CANDIDATE


def test_a_rejected_rendering_blocks_agreement() -> None:
    # A reviewer's deprecated rendering still competes: agreement does not overrule it.
    pairings = [
        _scored("a.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",)),
        _scored("b.txt", "核保", "Underwriting", Status.CANDIDATE, ("position",)),
    ]
    g = build_glossary(pairings)
    g.concepts[0].terms[-1].status = Status.DEPRECATED
    rejected = _scored("c.txt", "核保", "Reinstatement", Status.CANDIDATE, ("position",))
    merged = merge_glossaries([g, build_glossary([rejected])])
    assert sorted(_en(merged, "核保")) == [
        ("Reinstatement", "candidate", 1),
        ("Underwriting", "deprecated", 2),
    ]


def test_concepts_without_chinese_or_english_stay_apart() -> None:
    # The LTAC TBX sample (tests/data/formats/tbx/, ISO/LTAC) has 45 conceptEntries; six are
    # bibliography entries with one `zu` term each. Every concept with neither a Chinese nor
    # an English term had the same merge key, so importing it gave 40 concepts: the six
    # became one concept with six unrelated terms.
    from termkit.glossary import load_glossary

    from .conftest import DATA

    path = DATA / "formats" / "tbx" / "ltac-core_structure_good.tbx"
    g = merge_glossaries([load_glossary(str(path))])
    assert len(g.concepts) == 45
    zulu = sorted(t.text for c in g.concepts for t in c.terms if t.lang == "zu")
    assert len(zulu) == 6
    assert all(len(c.terms) == 1 for c in g.concepts if c.terms[0].lang == "zu")
    # The same foreign-only concept seen twice still meets itself.
    again = merge_glossaries([load_glossary(str(path)), load_glossary(str(path))])
    assert len(again.concepts) == 45


def test_two_glossaries_numbering_their_concepts_alike_merge_into_one_that_reads_back(
        tmp_path: Path) -> None:
    # Two users' glossaries each call their first concept [c1]: the merge kept both ids, and
    # `import a b -o merged.txt` wrote a glossary refused on reading ("duplicate concept id").
    from tests.inprocess import invoke

    for name, zh, en in (("a", "数据", "data"), ("b", "模型", "model")):
        (tmp_path / f"{name}.txt").write_text(
            f"# termkit glossary 1\n\n[c1]\nkind: term\nterm zh-Hans: {zh}\nterm en: {en}\n",
            encoding="utf-8")
    merged = tmp_path / "merged.txt"
    code, _out, err = invoke("import", tmp_path / "a.txt", tmp_path / "b.txt", "-o", merged)
    assert code == 0
    assert "concept id 'c1' is used by another concept" in err
    code, _out, err = invoke("import", merged, "-o", tmp_path / "again.txt")
    assert (code, err) == (0, "")
    ids = [c.id for c in load_glossary(str(merged)).concepts]
    assert len(ids) == len(set(ids)) == 2 and "c1" in ids
    # Deterministic: the same inputs give the same file.
    code, _out, _err = invoke("import", tmp_path / "a.txt", tmp_path / "b.txt", "-o", tmp_path / "m2.txt")
    assert (tmp_path / "m2.txt").read_bytes() == merged.read_bytes()
