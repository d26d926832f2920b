"""Pairing under the differences real records show (see ``python -m tests.pairmutations``):
each test is one general weakness the perturbed dev lists exposed, shown on made-up lists.

The keywords here are invented for the test (ordinary dictionary words, a made-up product
name), not dev text, so no test pins a dev record's answer.
"""

from __future__ import annotations

from termkit.align import pair_keywords
from termkit.align.keys import analyse_en, analyse_zh
from termkit.align.score import Score, score_pair
from termkit.align.structure import moved_cells, parallel_cells, unambiguous
from termkit.lexicon import get_lexicon


def _pairs(zh: list[str], en: list[str]) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in pair_keywords(zh, en, get_lexicon())[0]}


def test_latin_keyword_meets_its_inflected_form_with_evidence() -> None:
    # A keyword written in Latin letters on the Chinese side ("Zorblex", a product name)
    # and its English plural: the same word, so the pair has evidence naming it. It used to
    # score 1.0 with no evidence at all, and pairing crashed when such a pair sat in
    # parallel lists beside one paired by position only.
    lex = get_lexicon()
    for zh, en in (("Zorblex", "Zorblexes"), ("Zorblexes", "Zorblex")):
        score = score_pair(analyse_zh(zh, lex), analyse_en(en))
        assert score.value >= 0.9
        assert any(e.startswith("latin:") for e in score.evidence), score
    # Parallel lists in which one pair has no evidence at all (a made-up English word): it
    # pairs by position and elimination, the Latin one by its evidence.
    zh = ["Zorblex", "寿险核保", "知识平台"]
    en = ["Zorblexes", "qwerty", "knowledge platforms"]
    pairs = {p.zh: p for p in pair_keywords(zh, en, get_lexicon())[0]}
    assert {(p.zh, p.en) for p in pairs.values()} == set(zip(zh, en, strict=True))
    assert pairs["寿险核保"].evidence[:2] == ("elimination", "position")
    assert "latin:zorblex" in pairs["Zorblex"].evidence


def test_closed_compound_renders_an_open_gloss_phrase() -> None:
    # English closes compounds the dictionary writes open (網頁 "web page", 熱狗 "hot
    # dog"): "webpages" and "hotdog" are the same words. Crossed lists, so position cannot
    # pair them: only this evidence can.
    lex = get_lexicon()
    assert score_pair(analyse_zh("網頁", lex), analyse_en("webpages")).value >= 0.9
    assert _pairs(["網頁", "熱狗"], ["hotdog", "webpage"]) == {
        ("網頁", "webpage"), ("熱狗", "hotdog")
    }


def test_british_and_american_spellings_meet() -> None:
    # CC-CEDICT glosses 國防 "defense", 中心 "center", 兒科 "pediatrics", 行為 "behavior";
    # keywords written in British English (mainland journals often are) are the same words.
    lex = get_lexicon()
    for zh, en in (("國防", "defence"), ("中心", "centre"), ("兒科", "paediatrics"),
                   ("行為", "behaviour"), ("組織", "organisation"), ("計畫", "programme")):
        assert score_pair(analyse_zh(zh, lex), analyse_en(en)).value >= 0.9, (zh, en)
    assert _pairs(["國防", "中心", "兒科"], ["paediatrics", "defence", "centre"]) == {
        ("國防", "defence"), ("中心", "centre"), ("兒科", "paediatrics")
    }
    # and the other way where the dictionary spells a word the British way (編目 "to make a
    # catalogue")
    assert score_pair(analyse_zh("編目", lex), analyse_en("catalog")).value >= 0.9


def test_spelling_variants_both_ways() -> None:
    from termkit.align.spelling import spelling_variants
    from termkit.lexicon import stem

    for british, american in (("behaviour", "behavior"), ("organisation", "organization"),
                              ("centre", "center"), ("modelling", "modeling"),
                              ("analysed", "analyzed"), ("catalogue", "catalog"),
                              ("judgement", "judgment"), ("paediatric", "pediatric")):
        assert stem(american) in spelling_variants(stem(british)), british
    for word in ("model", "counselor", "catalog", "behavior"):
        assert spelling_variants(stem(word)), word
    assert spelling_variants("map") == ()


def _matrix(n: int, m: int, cells: dict[tuple[int, int], float]) -> list[list[Score]]:
    return [[Score(cells.get((i, j), 0.0), ["dict:x"] if (i, j) in cells else [])
             for j in range(m)] for i in range(n)]


def test_unambiguous_pairs_lead_their_row_and_column() -> None:
    scores = _matrix(3, 3, {(0, 0): 0.9, (1, 1): 0.35, (1, 2): 0.34, (2, 2): 0.4})
    # (1, 1) is tied with (1, 2) in its row; (2, 2) leads its row and column.
    assert unambiguous(scores, 0.3) == {(0, 0), (2, 2)}


def test_one_anchor_and_unambiguous_weak_pairs_find_lists_one_item_apart() -> None:
    # Four Chinese keywords, five English ones: one confident pair and two weak ones that
    # nothing else competes with, all on one alignment. The anchor alone fixes no order;
    # with the weak pairs the lists are parallel, and the English keyword left out is the
    # one that renders an anchored keyword ("education reform" beside "education").
    scores = _matrix(4, 5, {(0, 0): 0.9, (1, 1): 0.35, (3, 4): 0.35, (0, 2): 0.3})
    assert parallel_cells(scores, [(0, 0)]) is None
    support = unambiguous(scores, 0.3)
    assert parallel_cells(scores, [(0, 0)], support) == {(0, 0), (1, 1), (2, 3), (3, 4)}
    # An anchor off every such alignment still says no.
    assert parallel_cells(scores, [(0, 0), (3, 1)], support) is None


def test_one_moved_keyword_leaves_the_rest_parallel() -> None:
    # The first English keyword put last: every other pair on one shifted diagonal.
    rotated = {(0, 5): 1.0, (1, 0): 0.9, (2, 1): 0.8, (3, 2): 0.9}
    scores = _matrix(6, 6, rotated)
    anchors = sorted(rotated)
    assert parallel_cells(scores, anchors) is None
    assert moved_cells(scores, anchors, unambiguous(scores, 0.3)) == {
        (1, 0), (2, 1), (3, 2), (4, 3), (5, 4)
    }
    # Two anchors on the rest cannot vouch for two cells left to position alone.
    fewer = {(0, 5): 1.0, (1, 0): 0.9, (2, 1): 0.8}
    scores = _matrix(6, 6, fewer)
    assert moved_cells(scores, sorted(fewer), unambiguous(scores, 0.3)) is None
    # Nor does a scrambled list where no single move explains the anchors.
    scrambled = {(0, 3): 1.0, (1, 0): 0.9, (2, 4): 0.8, (3, 1): 0.9, (4, 2): 0.9}
    scores = _matrix(5, 5, scrambled)
    assert moved_cells(scores, sorted(scrambled), unambiguous(scores, 0.3)) is None


def test_rotated_english_list_pairs_what_evidence_cannot() -> None:
    # The English list rotated by one; two keywords have no evidence at all (made-up
    # English), and the four with dictionary evidence show every other keyword in place.
    zh = ["深度學習", "神經網路", "自然語言", "機器翻譯", "甲方案", "乙方案"]
    en = ["neural network", "natural language", "machine translation", "qwerty", "asdfgh",
          "deep learning"]
    pairs = {p.zh: p for p in pair_keywords(zh, en, get_lexicon())[0]}
    assert (pairs["甲方案"].en, pairs["乙方案"].en) == ("qwerty", "asdfgh")
    assert pairs["甲方案"].status.value == "candidate"
    assert "position" in pairs["甲方案"].evidence
    assert pairs["深度學習"].en == "deep learning"


def test_a_lone_keyword_takes_its_clear_counterpart_not_the_first() -> None:
    # One Chinese keyword, three English ones: nothing reaches the floor of lists of
    # different length, but one English keyword shares "sleep" with it and none other
    # shares anything. That one is the candidate, not the first English keyword.
    pairs = pair_keywords(["睡眠品質"], ["academic burnout", "peer support", "sleep disturbance"],
                          get_lexicon())[0]
    assert [(p.zh, p.en, p.status.value) for p in pairs] == [
        ("睡眠品質", "sleep disturbance", "candidate")
    ]
    # With nothing to go by, the lists still start together.
    pairs = pair_keywords(["睡眠品質"], ["academic burnout", "peer support"], get_lexicon())[0]
    assert [(p.zh, p.en) for p in pairs] == [("睡眠品質", "academic burnout")]


def test_weak_evidence_across_the_diagonal_unseats_a_presumed_parallel_list() -> None:
    # Lists of equal length with no confident pair are presumed parallel. But when the
    # only clear evidence pairs the first Chinese keyword with the last English one, the
    # presumption rests on nothing: that pair is made, and position pairs nothing else.
    zh = ["睡眠品質", "甲方案", "乙方案"]
    en = ["qwerty", "asdfgh", "sleep disturbance"]
    assert _pairs(zh, en) == {("睡眠品質", "sleep disturbance")}
    # The same evidence on the diagonal confirms it: position pairs the rest.
    assert _pairs(zh, ["sleep disturbance", "qwerty", "asdfgh"]) == {
        ("睡眠品質", "sleep disturbance"), ("甲方案", "qwerty"), ("乙方案", "asdfgh")
    }


def test_romanized_names_in_a_lower_case_list() -> None:
    # Some sites print every English keyword in lower case, names too.
    zh = ["深度學習", "王小明", "李大同"]
    en = ["li ta-tung", "deep learning", "wang hsiao-ming"]
    assert _pairs(zh, en) == {
        ("深度學習", "deep learning"), ("王小明", "wang hsiao-ming"), ("李大同", "li ta-tung")
    }
    # Lower-case common words are still no name ("gaze" splits into syllables too).
    lex = get_lexicon()
    assert score_pair(analyse_zh("高澤", lex), analyse_en("gaze")).value < 0.5
