"""Review decisions on concepts (pure functions), the list's search and filters, saving."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.formats.termkit_text import dumps, loads
from termkit.glossary import find_conflict
from termkit.model import Concept, Kind, Source, Status, Term
from termkit.review import decisions
from termkit.review.decisions import DecisionError
from termkit.review.listing import Filters, Index, fold
from termkit.review.session import concept_block
from termkit.review.sources import marks
from tests.review_support import (
    BALANCE,
    CANDIDATE,
    CONFLICT,
    FIXTURE,
    REALISM,
    make_build,
    make_session,
)


def _fixture() -> dict[str, Concept]:
    glossary = loads((FIXTURE / "glossary.txt").read_text("utf-8"), "glossary.txt")
    return {c.id: c for c in glossary.concepts}


def test_decisions_never_change_their_input() -> None:
    concepts = _fixture()
    for cid, action, params in [
        (CANDIDATE, "approve", {}), (REALISM, "reject", {}),
        (CONFLICT, "pick", {"rendering": "civil reading"}), (BALANCE, "note", {"note": "n"}),
        (BALANCE, "edit", {"zh-Hant": "勢力均衡", "en": "power balance"}),
    ]:
        before = copy.deepcopy(concepts[cid])
        after = decisions.apply(concepts[cid], action, params)
        assert concepts[cid] == before, action
        assert after != before, action


def test_approve_promotes_one_candidate_per_language() -> None:
    concept = Concept("c1", Kind.KEYWORD, [
        Term("甲", "zh-Hant", Status.CANDIDATE), Term("A", "en", Status.CANDIDATE),
        Term("a", "en", Status.ADMITTED), Term("B", "en", Status.DEPRECATED)],
        status=Status.CANDIDATE)
    result = decisions.approve(concept)
    assert result.status is Status.PREFERRED
    assert [t.status for t in result.terms] == [
        Status.PREFERRED, Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED]


def test_approve_keeps_an_existing_preferred_term() -> None:
    concept = Concept("c1", Kind.KEYWORD, [
        Term("A", "en", Status.PREFERRED), Term("B", "en", Status.CANDIDATE)],
        status=Status.CANDIDATE)
    assert [t.status for t in decisions.approve(concept).terms] == [
        Status.PREFERRED, Status.ADMITTED]


def test_conflict_must_be_picked_not_approved_or_edited() -> None:
    concept = _fixture()[CONFLICT]
    assert [t.text for t in decisions.rivals(concept)] == ["civil reading", "reading for all"]
    with pytest.raises(DecisionError, match="pick the preferred one first"):
        decisions.approve(concept)
    with pytest.raises(DecisionError, match="pick the preferred rendering"):
        decisions.edit(concept, {"en": "nationwide reading"})
    with pytest.raises(DecisionError, match="not one of the renderings"):
        decisions.pick(concept, "nationwide reading")
    picked = decisions.pick(concept, "civil reading")
    assert find_conflict(picked) is None and decisions.rivals(picked) == []
    with pytest.raises(DecisionError, match="no conflict"):
        decisions.pick(picked, "civil reading")
    # once picked, the rendering can be edited and the concept approved
    assert decisions.edit(picked, {"en": "nationwide reading"}).first("en").text == "nationwide reading"  # type: ignore[union-attr]
    assert decisions.approve(picked).status is Status.PREFERRED


def test_reject_leaves_chinese_and_title_statuses_alone() -> None:
    concept = Concept("c1", Kind.KEYWORD, [
        Term("甲", "zh-Hant", Status.PREFERRED), Term("甲", "zh-Hans", Status.PREFERRED),
        Term("A", "en", Status.PREFERRED), Term("A b", "en", Status.ADMITTED, origin="title")])
    result = decisions.reject(concept)
    assert result.status is Status.DEPRECATED
    assert [t.status for t in result.terms] == [
        Status.PREFERRED, Status.PREFERRED, Status.DEPRECATED, Status.DEPRECATED]


def test_edit_person_recomputes_the_name_reading() -> None:
    concept = Concept("c1", Kind.PERSON, [
        Term("張國城", "zh-Hant", Status.PREFERRED, "record", "Zhāng Guóchéng"),
        Term("张国城", "zh-Hans", Status.PREFERRED, "opencc:t2s", "Zhāng Guóchéng"),
        Term("Kuo-Cheng Chang", "en", Status.PREFERRED)])
    result = decisions.edit(concept, {"zh-Hant": "曾國城"})
    assert result.first("zh-Hans").text == "曾国城"  # type: ignore[union-attr]
    assert result.first("zh-Hant").pinyin == "Zēng Guóchéng"  # type: ignore[union-attr] # surname reading


def test_edit_simplified_by_hand_is_kept_when_traditional_changes_later() -> None:
    concept = _fixture()[REALISM]
    step1 = decisions.edit(concept, {"zh-Hans": "写实主义"})
    assert step1.first("zh-Hant").text == "現實主義"  # type: ignore[union-attr]
    assert step1.first("zh-Hans").origin == "review"  # type: ignore[union-attr]
    assert step1.first("zh-Hant").pinyin == "xiěshí zhǔyì"  # type: ignore[union-attr]
    step2 = decisions.edit(step1, {"zh-Hant": "寫實主義"})
    assert step2.first("zh-Hans").text == "写实主义"  # type: ignore[union-attr]
    assert step2.props["edited"] == "zh-Hant zh-Hans"


def test_edit_recomputes_zhuyin_when_the_glossary_has_it() -> None:
    concept = Concept("c1", Kind.KEYWORD, [
        Term("權力", "zh-Hant", Status.PREFERRED, "record", "quánlì", zhuyin="ㄑㄩㄢˊ ㄌㄧˋ"),
        Term("权力", "zh-Hans", Status.PREFERRED, "opencc:t2s", "quánlì", zhuyin="ㄑㄩㄢˊ ㄌㄧˋ"),
        Term("power", "en", Status.PREFERRED)])
    result = decisions.edit(concept, {"zh-Hant": "平衡"})
    assert [t.zhuyin for t in result.terms[:2]] == ["ㄆㄧㄥˊ ㄏㄥˊ"] * 2
    assert result.terms[2].zhuyin is None


def test_edit_english_onto_an_existing_rendering_merges_them() -> None:
    src1, src2 = Source("a.txt", 1, "r1"), Source("b.txt", 2, "r2")
    concept = Concept("c1", Kind.KEYWORD, [
        Term("甲", "zh-Hant", Status.PREFERRED), Term("Alpha", "en", Status.PREFERRED, sources=[src1]),
        Term("alpha", "en", Status.ADMITTED, support=2, sources=[src2])])
    result = decisions.edit(concept, {"en": "alpha"})
    en = result.terms_for("en")
    assert [(t.text, t.support, t.sources) for t in en] == [("alpha", 3, [src1, src2])]


@pytest.mark.parametrize(("values", "message"), [
    ({"en": "realism"}, "nothing was changed"),
    ({"en": "  realism  "}, "nothing was changed"),
    ({"en": ""}, "cannot be empty"),
    ({"zh-Hant": "現實\x00主義"}, "control character U\\+0000"),
    ({"en": "two\nlines"}, "must be one line"),
    ({"english": "x"}, "unknown field 'english'"),
])
def test_edit_refusals(values: dict[str, str], message: str) -> None:
    with pytest.raises(DecisionError, match=message):
        decisions.edit(_fixture()[REALISM], values)


def test_unknown_decision() -> None:
    with pytest.raises(DecisionError, match="unknown decision 'merge'"):
        decisions.apply(_fixture()[REALISM], "merge", {})


# --------------------------------------------------------------------------- listing


def test_fold_removes_tones_case_and_width() -> None:
    assert fold("Quánlì PÍNGHÉNG") == "quanli pingheng"
    assert fold("lǜ ｑｕａｎ") == "lu quan"
    assert fold("權力平衡") == "權力平衡"


def test_filters_ignore_unknown_values_and_clamp_paging() -> None:
    f = Filters.from_query({"status": "approved", "kind": "keyword", "conflict": "maybe",
                            "page": "-3", "per_page": "100000", "q": "  x  "})
    assert (f.status, f.kind, f.conflict, f.page, f.per_page, f.q) == ("", "keyword", "", 1, 500, "x")
    assert Filters.from_query({"page": "two"}).page == 1
    assert f.query(page=2) == "q=x&kind=keyword&per_page=500&page=2"


def test_paging_past_the_end_shows_the_last_page() -> None:
    index = Index.build(_fixture().values())
    n = len(index.entries)
    assert n > 8
    page = index.page(Filters(page=99, per_page=4))
    last = -(-n // 4)
    assert page.page == page.pages == last and page.first == (last - 1) * 4 + 1
    assert len(page.entries) == n - (last - 1) * 4


def test_index_update_moves_a_decided_concept_out_of_the_work_group() -> None:
    concepts = list(_fixture().values())
    index = Index.build(concepts)
    order = [index.entries[i].id for i in index.order()]
    assert order[:2] == [CONFLICT, CANDIDATE]
    pos = next(i for i, c in enumerate(concepts) if c.id == CANDIDATE)
    index.update(decisions.approve(concepts[pos]), pos)
    assert [index.entries[i].id for i in index.order()][:2] == [CONFLICT, order[2]]
    assert index.facets()["status"]["candidate"] == 1


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=12), st.lists(st.text(min_size=1, max_size=4), max_size=3))
def test_marks_keep_the_text(text: str, needles: list[str]) -> None:
    pieces = marks(text, needles)
    assert "".join(p for p, _ in pieces) == text
    for piece, hit in pieces:
        if hit:
            assert any(piece.lower() == n.lower() for n in needles)


# --------------------------------------------------------------------------- saving


def test_saving_writes_what_the_glossary_writer_writes(tmp_path: Path) -> None:
    build = make_build(tmp_path, exports=False)
    session = make_session(build)
    for cid, action, params in [(CANDIDATE, "approve", {}), (REALISM, "note", {"note": "a\tb"}),
                                (CONFLICT, "pick", {"rendering": "reading for all"})]:
        session.decide(cid, action, params, version=None)
    assert (build / "glossary.txt").read_text("utf-8") == dumps(session.glossary)
    session.undo()
    assert (build / "glossary.txt").read_text("utf-8") == dumps(session.glossary)
    assert all(concept_block(c) in dumps(session.glossary) for c in session.glossary.concepts)


def test_review_refuses_other_formats(tmp_path: Path) -> None:
    from termkit.errors import InputError, UsageError

    other = tmp_path / "glossary.csv"
    other.write_text("en,zh-Hant\nrealism,現實主義\n", "utf-8")
    with pytest.raises(UsageError, match="edits termkit glossary files"):
        make_session(other)
    with pytest.raises(InputError, match=r"no glossary\.txt in this folder"):
        make_session(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        make_session(tmp_path / "missing.txt")


def test_approve_of_a_conflict_with_a_leading_rendering_picks_it() -> None:
    concept = Concept("c1", Kind.KEYWORD, [
        Term("對策", "zh-Hant", Status.PREFERRED),
        Term("countermeasure", "en", Status.PREFERRED, support=2),
        Term("solutions", "en", Status.ADMITTED)],  # (a case or number form would be a variant)
        status=Status.CANDIDATE, notes=["conflict: countermeasure | solutions"])
    assert decisions.leading(concept) is concept.terms[1]
    result = decisions.approve(concept)
    assert result.status is Status.PREFERRED and result.notes == []
    assert [t.status for t in result.terms] == [Status.PREFERRED, Status.PREFERRED, Status.ADMITTED]
    assert find_conflict(result) is None
    tied = _fixture()[CONFLICT]
    assert decisions.leading(tied) is None
