"""Pairing rules one by one: the example record, elimination, Latin tokens, acronyms, heads,
title variants, authors, and the assignment algorithm against brute force."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.align import pair_authors, pair_keywords, pair_record
from termkit.align.assign import best_assignment
from termkit.align.keys import analyse_en, analyse_zh, same_family
from termkit.align.pair import CONFIDENT, MIN_SCORE
from termkit.align.score import acronym_letters, score_pair
from termkit.align.structure import gap_cells
from termkit.lexicon import Entry, Lexicon, get_lexicon
from termkit.model import Kind, Person, Record, Status

from .conftest import SEED

HAN = re.compile(r"[\u4e00-\u9fff]")


def _example() -> Record:
    """The bundled example page, read with the few facts this test needs."""
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    keywords = next(ln for ln in lines if " ; " in ln).split(" ; ")
    author = next(m for ln in lines if (m := re.fullmatch(r"(\S+)\((.+)\)", ln)))
    return Record(
        source=str(SEED),
        id="example",
        title_en=lines[0],
        keywords_zh=[k for k in keywords if HAN.search(k)],
        keywords_en=[k for k in keywords if not HAN.search(k)],
        authors=[Person(author.group(1), author.group(2))],
    )


def test_example_record() -> None:
    record = _example()
    assert record.title_en == (
        "An Analysis of Vietnam's Foreign Policy from the Perspective of Balance of Power"
    )
    pairing = pair_record(record)
    assert {(p.zh, p.en) for p in pairing.pairs} == {
        ("現實主義", "realism"),
        ("權力平衡", "balance of power"),
        ("越南外交政策", "Vietnam diplomacy"),
    }
    assert pairing.unpaired_zh == [] and pairing.unpaired_en == []
    # The title renders 越南外交政策 differently from the keyword list; 權力平衡 as listed.
    assert [(v.zh, v.en, v.kind) for v in pairing.variants] == [
        ("越南外交政策", "Vietnam's foreign policy", Kind.TITLE)
    ]
    assert [(a.zh, a.en) for a in pairing.authors] == [("張國城", "Kuo-Cheng Chang")]
    assert pairing.title is None  # the page has no Chinese title
    balance = next(p for p in pairing.pairs if p.zh == "權力平衡")
    assert "dict:平衡=balance" in balance.evidence and "dict:權力=power" in balance.evidence


def test_pairs_follow_meaning_not_order() -> None:
    pairs, uz, ue = pair_keywords(
        ["服務品質", "客戶滿意度"], ["Customer Satisfaction", "Service Quality"]
    )
    assert [(p.zh, p.en) for p in pairs] == [
        ("服務品質", "Service Quality"),
        ("客戶滿意度", "Customer Satisfaction"),
    ]
    assert uz == [] and ue == []


def test_unrelated_keywords_of_different_length_stay_unpaired_but_the_first() -> None:
    # Lists of different length are not closed sets: without evidence nothing pairs, except
    # the first keywords (a record must not come out empty), and only as a candidate.
    pairs, uz, ue = pair_keywords(
        ["認知地圖", "手繪簡圖"], ["realism", "balance of power", "tips"]
    )
    assert [(p.zh, p.en, p.status, p.kinds) for p in pairs] == [
        ("認知地圖", "realism", Status.CANDIDATE, ("position",))
    ]
    assert uz == ["手繪簡圖"] and ue == ["balance of power", "tips"]


def test_lists_without_evidence_pair_by_position_as_candidates() -> None:
    # Equal length and nothing against the diagonal: the lists are taken as parallel, and
    # every pair is a candidate carried for a reviewer, below the confident threshold.
    pairs, uz, ue = pair_keywords(["核保", "復效"], ["Underwriting", "Reinstatement"])
    assert [(p.zh, p.en) for p in pairs] == [("核保", "Underwriting"), ("復效", "Reinstatement")]
    assert all(p.status is Status.CANDIDATE and p.kinds == ("position",) for p in pairs)
    assert all(p.score < CONFIDENT for p in pairs)
    assert uz == ue == []


def test_parallel_lists_pair_every_leftover_by_position() -> None:
    # Two anchors on the diagonal make the lists parallel; the three keywords the dictionary
    # cannot pair take their places, and a weak match across the diagonal (門診 "services" /
    # "emergency services") gives way to it.
    zh = ["兒童", "固定就醫場所", "門診", "急診", "住院"]
    en = ["children", "regular sources of care", "ambulatory care", "emergency services",
          "hospitalization"]
    pairs, uz, ue = pair_keywords(zh, en)
    assert [(p.zh, p.en) for p in pairs] == list(zip(zh, en, strict=True))
    status = {p.zh: p.status for p in pairs}
    assert status["兒童"] is status["住院"] is Status.PREFERRED
    assert status["門診"] is status["急診"] is Status.CANDIDATE
    assert "position" in pairs[1].kinds
    assert uz == ue == []


def test_an_anchor_off_the_diagonal_stops_position() -> None:
    # 現實主義/realism sits off the diagonal: the lists are not parallel, and the two
    # keywords without evidence are not paired by place.
    pairs, uz, ue = pair_keywords(
        ["核保", "復效", "現實主義"], ["realism", "Underwriting", "Reinstatement"]
    )
    assert [(p.zh, p.en) for p in pairs] == [("現實主義", "realism")]
    assert uz == ["核保", "復效"] and ue == ["Underwriting", "Reinstatement"]


def test_elimination_in_lists_of_equal_length() -> None:
    pairs, uz, ue = pair_keywords(["現實主義", "啟示"], ["realism", "tips"])
    tips = pairs[1]
    assert (tips.zh, tips.en) == ("啟示", "tips")
    assert tips.evidence[:2] == ("elimination", "position")
    assert tips.kinds == ("elimination", "position")
    assert tips.score < pairs[0].score
    assert (tips.status, pairs[0].status) == (Status.CANDIDATE, Status.PREFERRED)
    assert uz == ue == []


def test_no_elimination_when_lengths_differ() -> None:
    pairs, uz, ue = pair_keywords(["現實主義", "啟示"], ["realism", "tips", "study"])
    assert [(p.zh, p.en) for p in pairs] == [("現實主義", "realism")]
    assert uz == ["啟示"] and ue == ["tips", "study"]


def test_elimination_across_positions_is_a_candidate() -> None:
    # The leftovers sit at different positions: the lists are not parallel, but the list is
    # closed (equal length, everything else paired), so the one left on each side pairs by
    # elimination alone, as a candidate.
    pairs, uz, ue = pair_keywords(
        ["啟示", "現實主義", "權力平衡"], ["realism", "tips", "balance of power"]
    )
    got = {(p.zh, p.en): p for p in pairs}
    assert set(got) == {("啟示", "tips"), ("現實主義", "realism"), ("權力平衡", "balance of power")}
    assert got[("啟示", "tips")].kinds == ("elimination",)
    assert got[("啟示", "tips")].status is Status.CANDIDATE
    assert got[("現實主義", "realism")].status is Status.PREFERRED
    assert uz == ue == []


def test_no_elimination_when_more_than_one_is_left_across_positions() -> None:
    pairs, uz, ue = pair_keywords(
        ["啟示", "核保", "現實主義", "權力平衡"],
        ["realism", "tips", "Underwriting", "balance of power"],
    )
    assert [(p.zh, p.en) for p in pairs] == [
        ("現實主義", "realism"),
        ("權力平衡", "balance of power"),
    ]
    assert uz == ["啟示", "核保"] and ue == ["tips", "Underwriting"]


def test_weak_evidence_pairs_among_the_keywords_left_over() -> None:
    # A dev record's lists, the English rotated by one: 固定就醫場所 / "regular sources of
    # care" share only 固定 "regular" (too weak to pair among all the keywords), but among the
    # two left on each side it points one way without doubt; the last two share nothing and
    # stay unpaired (no elimination after a pair made on weak evidence alone).
    pairs, uz, ue = pair_keywords(
        ["兒童", "固定就醫場所", "門診", "急診", "住院"],
        ["regular sources of care", "ambulatory care", "emergency services",
         "hospitalization", "children"],
    )
    got = {(p.zh, p.en): p for p in pairs}
    weak = got[("固定就醫場所", "regular sources of care")]
    assert weak.status is Status.CANDIDATE and weak.kinds == ("elimination", "partial")
    assert weak.score < got[("兒童", "children")].score
    assert ("急診", "ambulatory care") not in got
    assert uz == ["急診"] and ue == ["ambulatory care"]


def test_weak_evidence_left_over_pairs_only_without_doubt() -> None:
    # Both keywords left share their one gloss word with the same English keyword, as
    # strongly: no pair (the lists are not parallel: the one anchor is off the diagonal).
    pairs, uz, ue = pair_keywords(
        ["固定場所", "現實主義", "固定地點"], ["tips", "regular sources of care", "realism"]
    )
    assert [(p.zh, p.en) for p in pairs] == [("現實主義", "realism")]
    assert uz == ["固定場所", "固定地點"] and ue == ["tips", "regular sources of care"]


def test_weak_evidence_left_over_in_lists_of_different_length() -> None:
    # A dev record's lists with a Chinese keyword dropped: "library" has no counterpart.
    # 读者工作 / "reader service" share one modifier (读者 "reader"), the best of its row and
    # column in the whole lists: it pairs, as a candidate. 全民阅读 / "civil reading" share
    # only their heads (阅读 "reading"): too weak where a keyword may have no counterpart.
    pairs, uz, ue = pair_keywords(
        ["全民阅读", "读者工作"], ["civil reading", "library", "reader service"]
    )
    assert [(p.zh, p.en, p.status, p.kinds) for p in pairs] == [
        ("读者工作", "reader service", Status.CANDIDATE, ("elimination", "partial")),
    ]
    assert uz == ["全民阅读"] and ue == ["civil reading", "library"]
    # Another Chinese keyword shares "reader" with "reader service" as much: no pair.
    pairs, uz, ue = pair_keywords(
        ["现实主义", "读者工作", "读者培训"], ["library", "reader service", "realism", "museum"]
    )
    assert [(p.zh, p.en) for p in pairs] == [("现实主义", "realism")]
    assert uz == ["读者工作", "读者培训"]


def _made_up_lexicon() -> Lexicon:
    words = {"甲乙": "unit", "丙丁": "effort", "戊己": "landing", "庚辛": "voyage",
             "壬癸": "recorder", "子丑": "fish", "寅卯": "boat", "辰巳": "route",
             "午未": "volume", "申酉": "data"}
    return Lexicon.from_entries([Entry(w, w, "x1 x2", (g,)) for w, g in words.items()])


def test_acronym_letters_out_of_order_are_weak_evidence() -> None:
    lex = _made_up_lexicon()
    # unit, effort, landing: "LUE" is not spelled in order, but every letter is there.
    key = analyse_zh("甲乙丙丁戊己", lex)
    assert score_pair(key, analyse_en("LUE")).value == 0.0
    letters = acronym_letters(key, analyse_en("LUE"))
    assert 0 < letters.value < MIN_SCORE and letters.evidence == ["acronym-letters:LUE"]
    assert acronym_letters(key, analyse_en("XYZ")).value == 0.0
    assert acronym_letters(key, analyse_en("LXYZ")).value == 0.0  # one letter of four


def test_acronyms_left_over_pair_by_their_letters() -> None:
    # Two acronyms left over in lists of equal length: each finds most of its letters in
    # one Chinese keyword's glosses (voyage, recorder: V?R), none in the other's.
    lex = _made_up_lexicon()
    pairs, uz, ue = pair_keywords(
        ["甲乙丙丁戊己", "子丑寅卯", "庚辛壬癸"], ["VDR", "LUE", "fish boat"], lex
    )
    got = {(p.zh, p.en): p for p in pairs}
    assert set(got) == {("甲乙丙丁戊己", "LUE"), ("庚辛壬癸", "VDR"), ("子丑寅卯", "fish boat")}
    assert got[("庚辛壬癸", "VDR")].kinds == ("elimination", "partial")
    assert got[("庚辛壬癸", "VDR")].status is Status.CANDIDATE
    assert uz == ue == []
    # unit, effort, route, volume give two letters of either acronym: undecided until
    # voyage, recorder, data (out of order) has taken VDR; then LUE is looked at again.
    pairs, uz, ue = pair_keywords(
        ["甲乙丙丁辰巳午未", "子丑寅卯", "庚辛壬癸申酉"], ["VDR", "LUE", "fish boat"], lex
    )
    assert {(p.zh, p.en) for p in pairs} == {
        ("甲乙丙丁辰巳午未", "LUE"), ("庚辛壬癸申酉", "VDR"), ("子丑寅卯", "fish boat")
    }


def test_latin_tokens_and_identical_keywords() -> None:
    pairs, _, _ = pair_keywords(
        ["ResNeSt", "企業對企業 (B to B)", "新冠肺炎"],
        ["COVID-19", "Business to Business (B to B)", "ResNeSt"],
    )
    got = {p.zh: p for p in pairs}
    assert got["ResNeSt"].en == "ResNeSt" and got["ResNeSt"].evidence == ("identical",)
    assert got["企業對企業 (B to B)"].en == "Business to Business (B to B)"
    assert "latin:b to b" in got["企業對企業 (B to B)"].evidence
    assert got["新冠肺炎"].en == "COVID-19"


def test_acronym_from_gloss_initials() -> None:
    lex = get_lexicon()
    # functionality, magnetic, resonate, (造), image: f-M-R-I.
    score = score_pair(analyse_zh("功能性磁振造影", lex), analyse_en("fMRI"))
    assert score.value > 0.5 and score.evidence == ["acronym:fMRI"]
    # Initials of single characters alone do not make an acronym (custom-people-sign).
    assert score_pair(analyse_zh("俗民誌", lex), analyse_en("CPS")).value == 0.0


def test_parenthesised_abbreviation_needs_no_counterpart() -> None:
    en = analyse_en("Scholarship of teaching and learning (SoTL)")
    assert en.abbreviations == ("SoTL",)
    assert [w for w, _ in en.words] == ["Scholarship", "teaching", "learning"]
    assert en.words[en.head][0] == "Scholarship"  # head before "of"


def test_crossed_heads_are_only_candidates() -> None:
    # 輔導團 is a group (head 團); "group counseling" is counseling: the words overlap but
    # the heads cross. Authors publish such loose renderings too (創新管理 "Management
    # innovation"), so the pair is made on its evidence, but never preferred.
    lex = get_lexicon()
    score = score_pair(analyse_zh("輔導團", lex), analyse_en("solution-focused group counseling"))
    assert "head-mismatch" in score.evidence
    pairs, _, _ = pair_keywords(["輔導團"], ["solution-focused group counseling", "study"])
    assert [(p.zh, p.en, p.status) for p in pairs] == [
        ("輔導團", "solution-focused group counseling", Status.CANDIDATE)
    ]
    assert pairs[0].score < 0.5 and "partial" in pairs[0].kinds


def test_crossed_heads_do_not_block_parallel_lists() -> None:
    # In lists found parallel, a crossed pair on the diagonal is still the counterpart.
    pairs, uz, ue = pair_keywords(
        ["創新管理", "資訊安全", "內部控制"],
        ["Management innovation", "information security", "internal control"],
    )
    assert [(p.zh, p.en) for p in pairs] == [
        ("創新管理", "Management innovation"),
        ("資訊安全", "information security"),
        ("內部控制", "internal control"),
    ]
    assert pairs[0].status is Status.CANDIDATE and "position" in pairs[0].evidence
    assert uz == ue == []


def test_post_modifier_prepositions_find_the_head() -> None:
    # "off" opens a post-modifier like "of": the head of "Waters off Taiwan" is "waters".
    en = analyse_en("Northeastern Waters off Taiwan")
    assert en.words[en.head][0] == "Waters"
    lex = get_lexicon()
    score = score_pair(analyse_zh("臺灣東北海域", lex), analyse_en("Northeastern Waters off Taiwan"))
    assert "head-mismatch" not in score.evidence and score.value >= 0.5


def test_generic_head_alone_is_weak() -> None:
    # "study" only renders the generic head of 遷移學習 (transfer learning).
    pairs, _, _ = pair_keywords(["遷移學習", "現實主義"], ["realism", "study", "anxiety"])
    assert [(p.zh, p.en) for p in pairs] == [("現實主義", "realism")]


def test_word_families() -> None:
    assert same_family("identify", "identification")
    assert same_family("loyal", "loyalty")
    assert same_family("democracy", "democratic")
    assert not same_family("internal", "intervention")
    assert not same_family("realize", "realism")
    assert not same_family("form", "formal")  # too short to tell


def test_title_variant_stops_at_a_coordination() -> None:
    record = Record(
        source="t",
        id="t",
        title_en="The Influence of Service Quality on Customer Satisfaction and Customer Loyalty",
        keywords_zh=["客戶滿意度", "現實主義"],
        keywords_en=["satisfaction of customers", "realism"],
    )
    pairing = pair_record(record)
    assert [(v.zh, v.en) for v in pairing.variants] == [("客戶滿意度", "customer satisfaction")]


def test_title_variant_keeps_acronyms_and_skips_equal_renderings() -> None:
    record = Record(
        source="t",
        id="t",
        title_en="Application and Enlightenment of Term Knowledge Base “EcoLexicon”",
        keywords_zh=["术语知识库", "启示", "EcoLexicon"],
        keywords_en=["terminology knowledge base", "tips", "EcoLexicon"],
    )
    pairing = pair_record(record)
    # "Enlightenment" renders 启示 but is one word: a single title word is never a variant.
    assert [(v.zh, v.en) for v in pairing.variants] == [("术语知识库", "term knowledge base")]
    assert all(v.kind is Kind.TITLE and 0 < v.score <= 1 for v in pairing.variants)
    assert all(v.status is Status.ADMITTED and "title" in v.kinds for v in pairing.variants)


def test_no_title_variant_from_a_generic_word() -> None:
    # 風險管理 is "risk management"; the title's "Risk" alone renders only half of it, and
    # 機器翻譯 is not "Translation". Neither becomes a variant.
    record = Record(
        source="t",
        id="t",
        title_en="Risk and Translation: Machine Translation Quality in Project Risk Assessment",
        keywords_zh=["風險管理", "機器翻譯"],
        keywords_en=["risk management", "MT"],
    )
    pairing = pair_record(record)
    assert [(v.zh, v.en) for v in pairing.variants] == [("機器翻譯", "machine translation")]


def test_title_pair() -> None:
    record = Record(source="t", id="t", title_zh="權力平衡", title_en="Balance of Power")
    pairing = pair_record(record)
    assert pairing.title is not None
    assert (pairing.title.zh, pairing.title.en, pairing.title.kind) == (
        "權力平衡",
        "Balance of Power",
        Kind.TITLE,
    )


def test_authors_that_do_not_match_become_notices() -> None:
    persons = [
        Person("張國城", "Kuo-Cheng Chang", line=5),
        Person("張國城", "Mary Smith", line=6),
        Person("王嘉州", None),
        Person(None, "Chia-Chou Wang"),
    ]
    pairs, unmatched, notices = pair_authors(persons, path="page.txt")
    assert [(p.zh, p.en, p.kind) for p in pairs] == [("張國城", "Kuo-Cheng Chang", Kind.PERSON)]
    assert unmatched == [persons[1]]
    assert [(n.path, n.line) for n in notices] == [("page.txt", 6)]
    assert "Mary Smith" in notices[0].message and "張國城" in notices[0].message


_MATRIX = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.sampled_from([0.0, 0.1, 0.3, 0.35, 0.5, 0.8, 1.0]), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(_MATRIX)
def test_assignment_matches_brute_force(weights: list[list[float]]) -> None:
    rows, cols = len(weights), len(weights[0])
    pairs = best_assignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    got = sum(weights[i][j] for i, j in pairs)
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(weights[i][perm[i]] for i in range(rows)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(weights[perm[j]][j] for j in range(cols)))
    assert abs(got - best) < 1e-9


def test_one_extra_keyword_keeps_parallel_lists_parallel() -> None:
    # Four Chinese, five English keywords in the same order, the extra one last: the anchors
    # fix the only alignment with one gap, and position pairs what CC-CEDICT lacks.
    pairs, uz, ue = pair_keywords(
        ["資訊安全", "核保", "內部控制", "現實主義"],
        ["information security", "Underwriting", "internal control", "realism", "anxiety"],
    )
    assert [(p.zh, p.en) for p in pairs] == [
        ("資訊安全", "information security"),
        ("核保", "Underwriting"),
        ("內部控制", "internal control"),
        ("現實主義", "realism"),
    ]
    assert pairs[1].status is Status.CANDIDATE and pairs[1].kinds == ("position",)
    assert (uz, ue) == ([], ["anxiety"])


def test_one_extra_keyword_where_the_gap_is_unknown_fills_nothing() -> None:
    # The extra English keyword sits before or after "Underwriting": nothing tells which, so
    # 核保 is not paired by position with either.
    pairs, uz, ue = pair_keywords(
        ["資訊安全", "核保", "內部控制"],
        ["information security", "anxiety", "Underwriting", "internal control"],
    )
    assert [(p.zh, p.en) for p in pairs] == [
        ("資訊安全", "information security"),
        ("內部控制", "internal control"),
    ]
    assert uz == ["核保"] and sorted(ue) == ["Underwriting", "anxiety"]


def test_one_extra_keyword_found_elsewhere_is_the_one_left_out() -> None:
    # "education reform" shares 教育 with a keyword already paired: the extra facet of it,
    # so the alignment leaves it out and 文獻計量 pairs with the last keyword.
    pairs, _, ue = pair_keywords(
        ["新工科", "創新教育", "比較研究", "文獻計量"],
        ["new engineering", "innovation education", "comparative research",
         "education reform", "bibliometrics"],
    )
    assert ("文獻計量", "bibliometrics") in {(p.zh, p.en) for p in pairs}
    assert ue == ["education reform"]


def test_unequal_lists_out_of_order_get_no_position_pairs() -> None:
    # An anchor off every one-gap alignment: the lists are not parallel.
    pairs, uz, _ = pair_keywords(
        ["資訊安全", "核保", "內部控制"],
        ["internal control", "Underwriting", "information security", "anxiety"],
    )
    assert {(p.zh, p.en) for p in pairs} == {
        ("資訊安全", "information security"),
        ("內部控制", "internal control"),
    }
    assert uz == ["核保"]


def test_extra_keywords_in_one_place_leave_the_rest_parallel() -> None:
    # Two English keywords inserted before the last one: the lists are two items apart, so
    # the one-gap alignment does not apply, but the anchors keep one order and the extra
    # items sit together; the stretch between the first two anchors pairs by place.
    zh = ["資訊安全", "核保", "復效", "內部控制", "現實主義"]
    en = ["information security", "Underwriting", "Reinstatement", "internal control",
          "anxiety", "tips", "realism"]
    pairs, uz, ue = pair_keywords(zh, en)
    got = {(p.zh, p.en): p for p in pairs}
    assert set(got) == {
        ("資訊安全", "information security"),
        ("核保", "Underwriting"),
        ("復效", "Reinstatement"),
        ("內部控制", "internal control"),
        ("現實主義", "realism"),
    }
    for key in (("核保", "Underwriting"), ("復效", "Reinstatement")):
        assert got[key].status is Status.CANDIDATE and got[key].score < CONFIDENT
        assert got[key].evidence == ("gap",) and got[key].kinds == ("position",)
    assert got[("現實主義", "realism")].status is Status.PREFERRED
    assert uz == [] and ue == ["anxiety", "tips"]


def test_an_uneven_gap_gets_no_position_pairs() -> None:
    # The extra English keywords sit around "Reinstatement" (three English items against one
    # Chinese between two anchors): nothing says which one renders 復效, so it stays
    # unpaired, while the even stretch before it (核保 / Underwriting) pairs by place.
    zh = ["資訊安全", "核保", "內部控制", "復效", "現實主義"]
    en = ["information security", "Underwriting", "internal control", "anxiety",
          "Reinstatement", "tips", "realism"]
    pairs, uz, ue = pair_keywords(zh, en)
    made = {(p.zh, p.en): p.evidence for p in pairs}
    assert made[("核保", "Underwriting")] == ("gap",)
    assert all(zh_ != "復效" for zh_, _ in made)
    assert uz == ["復效"] and ue == ["anxiety", "Reinstatement", "tips"]


def test_extra_keywords_in_two_places_fill_nothing() -> None:
    # Items missing in two places: the anchors' order alone does not say the lists are the
    # same list with a run of extra items, so position pairs nothing.
    pairs, uz, _ = pair_keywords(
        ["資訊安全", "核保", "內部控制", "復效", "現實主義"],
        ["information security", "anxiety", "Underwriting", "internal control", "tips",
         "Reinstatement", "realism"],
    )
    assert all(p.status is Status.PREFERRED for p in pairs)
    assert uz == ["核保", "復效"]


def test_gap_cells() -> None:
    # Anchors (0,0) and (2,4): two English items inserted between them; the even stretch
    # after the last anchor pairs by place, the uneven one does not.
    assert gap_cells(4, 6, [(0, 0), (2, 4)]) == {(3, 5)}
    assert gap_cells(5, 7, [(0, 0), (3, 3), (4, 6)]) == {(1, 1), (2, 2)}
    assert gap_cells(4, 6, [(0, 0), (2, 4), (1, 5)]) is None  # crossing anchors
    assert gap_cells(4, 6, [(1, 1)]) is None  # one anchor fixes no order
    assert gap_cells(5, 7, [(1, 2), (3, 5)]) is None  # extra items before and between


def test_a_shared_number_is_no_evidence() -> None:
    lex = get_lexicon()
    score = score_pair(analyse_zh("已被瀏覽 5743 次", lex), analyse_en("visited 5743 times"))
    assert not any(e.startswith("latin:") for e in score.evidence)
    assert score_pair(analyse_zh("甲 2019", lex), analyse_en("2019 figures")).value == 0.0
    # Letters and digits together are still a shared token ("3D GIS").
    assert score_pair(analyse_zh("5G網路", lex), analyse_en("5G")).value > 0


def test_taiwan_terms_read_through_openccs_mainland_phrases() -> None:
    # 匯流排 ('bus') is not a CC-CEDICT headword; OpenCC's Taiwan phrases write it 总线, which
    # is ('computer bus'). 排程 ('scheduling') likewise becomes 调度 ('to schedule').
    lex = get_lexicon()
    assert analyse_zh("匯流排", lex).segments == ("总线",)
    assert score_pair(analyse_zh("匯流排", lex), analyse_en("bus")).value >= CONFIDENT
    assert score_pair(analyse_zh("排程", lex), analyse_en("scheduling")).value >= CONFIDENT
    # In crossed lists the evidence pairs them where position cannot.
    pairs, _, _ = pair_keywords(["匯流排", "排程"], ["scheduling", "bus"], lex)
    assert {(p.zh, p.en) for p in pairs} == {("匯流排", "bus"), ("排程", "scheduling")}
    # A keyword the dictionary already covers keeps its own reading.
    assert analyse_zh("資訊安全", lex).segments == ("資訊", "安全")
