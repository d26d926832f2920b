"""Evidence that generalizes beyond the dictionary's own words: names and places as keywords,
abbreviations inside keywords, English heads before a post-modifier, word families, proper
nouns' glosses, near-duplicate keywords, and the kinds of evidence a pair carries.

The examples are the kinds of keyword issue #11 lists (poets, bays, temples, ``IS
Evaluation``, ``support for democracy``); each rule is checked against its negative too.
"""

from __future__ import annotations

import pytest

from termkit.align import pair_keywords
from termkit.align.evidence import KINDS, kinds_of
from termkit.align.keys import analyse_en, analyse_zh, same_family
from termkit.align.score import score_pair
from termkit.align.translit import name_score, place_score
from termkit.lexicon import get_lexicon
from termkit.model import Status


def _score(zh: str, en: str) -> tuple[float, list[str]]:
    s = score_pair(analyse_zh(zh, get_lexicon()), analyse_en(en))
    return s.value, s.evidence


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("白萩", "Bai Qiu"),  # Hanyu Pinyin
        ("覃子豪", "Chin Tzu-Hao"),  # Wade-Giles, hyphenated given name
        ("紀弦", "Chi Hsien"),
        ("曾先枝", "Xian-Zhi Zeng"),  # given name first
        ("陳雪", "Chen-syue"),  # surname and Tongyong given name in one hyphenated word
        ("郭良蕙", "Kuo Liang-Huai"),  # a misspelled syllable still matches, lower
    ],
)
def test_person_names_as_keywords(zh: str, en: str) -> None:
    value, evidence = _score(zh, en)
    assert value >= 0.75 and evidence == [f"name:{en}"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("白萩", "White Autumn"),  # English words, not a romanization
        ("陳雪", "Standard drama"),
        ("白萩", "Wang Qiu"),  # another family's name
        ("現實主義", "Bai Qiu"),  # not a name (no surname)
    ],
)
def test_not_names(zh: str, en: str) -> None:
    assert name_score(zh, en) == 0.0


def test_places_romanized_with_a_generic_head_from_the_dictionary() -> None:
    lex = get_lexicon()
    for zh, en, run in [
        ("大鵬灣", "Dapeng Bay", "Dapeng=大鵬"),
        ("十方大覺寺", "Shifang-Dajue Temple", "Shifang-Dajue=十方大覺"),
    ]:
        value, evidence = place_score(analyse_zh(zh, lex), analyse_en(en))
        assert value > 0.9
        assert f"place:{run}" in evidence
        assert any(e.startswith("dict:") for e in evidence)  # Bay / Temple from CC-CEDICT


def test_no_place_without_a_romanization() -> None:
    lex = get_lexicon()
    # The head alone, a romanization of other characters, lower-case syllable-like words.
    for zh, en in [("大鵬灣", "Bay"), ("大鵬灣", "Taipei Bay"), ("大鵬灣", "dapeng bay")]:
        assert place_score(analyse_zh(zh, lex), analyse_en(en)) == (0.0, [])


def test_single_syllables_are_never_taken_for_a_place() -> None:
    lex = get_lexicon()
    # "Long" spells 龍 but one syllable is too easy a coincidence.
    assert place_score(analyse_zh("龍潭", lex), analyse_en("Long Pond")) == (0.0, [])


def test_names_and_places_pair_in_scrambled_lists() -> None:
    pairs, uz, ue = pair_keywords(
        ["大鵬灣", "覃子豪", "現實主義"], ["realism", "Dapeng Bay", "Chin Tzu-Hao"]
    )
    got = {p.zh: (p.en, p.kinds, p.status) for p in pairs}
    assert got["大鵬灣"][0] == "Dapeng Bay" and "place" in got["大鵬灣"][1]
    assert got["覃子豪"] == ("Chin Tzu-Hao", ("name",), Status.PREFERRED)
    assert uz == ue == []


def test_abbreviation_inside_an_english_keyword() -> None:
    # "IS" = information system: the initials of 資訊 and 系統's glosses; Evaluation = 評估.
    value, evidence = _score("資訊系統評估", "IS Evaluation")
    assert value > 0.9
    assert "acronym:IS=資訊系統" in evidence and "dict:評估=Evaluation" in evidence
    # Spelled by single characters only, an abbreviation is a coincidence.
    assert _score("俗民誌", "CPS")[0] == 0.0
    pairs, _, _ = pair_keywords(
        ["資訊系統成功", "資訊系統評估"], ["IS Evaluation", "Information System Success"]
    )
    assert {(p.zh, p.en) for p in pairs} == {
        ("資訊系統評估", "IS Evaluation"),
        ("資訊系統成功", "Information System Success"),
    }


def test_english_head_stands_before_a_prepositional_post_modifier() -> None:
    for text, head in [
        ("support for democracy", "support"),
        ("satisfaction with democracy", "satisfaction"),
        ("the Nutrition and Health Survey in Taiwan", "Survey"),
        ("balance of power", "balance"),
        ("advisory group", "group"),
    ]:
        en = analyse_en(text)
        assert en.words[en.head][0] == head


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (["民主支持", "民主滿意度"], ["support for democracy", "satisfaction with democracy"]),
        (["民主滿意度", "民主支持"], ["support for democracy", "satisfaction with democracy"]),
        (
            ["古典詩", "澎湖古典詩", "臺灣古典詩"],
            ["classic poetry", "Pescadores classic poetry", "Taiwan classic poetry"],
        ),
        (
            ["澎湖古典詩", "古典詩", "臺灣古典詩"],
            ["classic poetry", "Pescadores classic poetry", "Taiwan classic poetry"],
        ),
    ],
)
def test_near_duplicates_are_not_rotated(zh: list[str], en: list[str]) -> None:
    # Partial matches weigh by how much of each side they explain, so the keyword that
    # explains all of the other wins even against the list order.
    want = {
        "民主支持": "support for democracy",
        "民主滿意度": "satisfaction with democracy",
        "古典詩": "classic poetry",
        "澎湖古典詩": "Pescadores classic poetry",
        "臺灣古典詩": "Taiwan classic poetry",
    }
    pairs, uz, ue = pair_keywords(zh, en)
    assert {p.zh: p.en for p in pairs} == {z: want[z] for z in zh}
    assert all(p.status is Status.PREFERRED for p in pairs)
    assert uz == ue == []


def test_a_proper_nouns_location_is_no_rendering_of_it() -> None:
    # CC-CEDICT: 澎湖 "Penghu county (Pescadores Islands), Taiwan": Pescadores names it,
    # Taiwan only says where it is.
    lex = get_lexicon()
    key = analyse_zh("澎湖", lex)
    assert key.supports[0].match("pescadore") == 1.0
    assert key.supports[0].match("taiwan") < 0.8


def test_a_long_glosss_leading_name_is_a_rendering() -> None:
    # 中元節 "Ghost Festival on 15th day of 7th lunar month when offerings are made …".
    value, _ = _score("中元節", "Ghost festival")
    assert value == 1.0


def test_word_families_across_derivational_endings() -> None:
    assert same_family("society", "social")
    assert same_family("chinese", "china")
    assert same_family("historical", "history")
    assert not same_family("german", "germ")
    assert _score("社會支持", "social support")[0] > 0.9
    assert _score("女性自傳", "Women's Autobiographies")[0] > 0.9  # women / woman


def test_kinds_of_evidence() -> None:
    assert kinds_of(["dict:權力=power", "dict:平衡=balance"], 1.0) == ("dictionary",)
    assert kinds_of(["dict:價值=Value", "head-only"], 0.33) == ("partial",)
    assert kinds_of(["position", "dict:研究=Research"], 0.33) == ("partial", "position")
    assert kinds_of(["elimination", "position"]) == ("elimination", "position")
    assert kinds_of(["identical"]) == ("latin",)
    assert kinds_of(["acronym:IS=資訊系統", "dict:評估=Evaluation"], 0.93) == (
        "acronym",
        "dictionary",
    )
    assert kinds_of(["name:Bai Qiu"]) == ("name",)
    assert kinds_of(["place:Dapeng=大鵬", "dict:灣=Bay"], 0.29) == ("partial", "place")
    assert set(kinds_of(["title", "dict:越南=Vietnam"])) <= set(KINDS)


def test_every_pair_carries_kinds_from_the_vocabulary() -> None:
    pairs, _, _ = pair_keywords(
        ["現實主義", "核保", "大鵬灣", "覃子豪", "資訊系統評估"],
        ["realism", "Underwriting", "Dapeng Bay", "Chin Tzu-Hao", "IS Evaluation"],
    )
    assert len(pairs) == 5
    for p in pairs:
        assert p.kinds and set(p.kinds) <= set(KINDS)
        assert p.kinds == tuple(sorted(p.kinds))
    underwriting = next(p for p in pairs if p.zh == "核保")
    # The only keyword the evidence leaves, at its place: elimination and position.
    assert underwriting.kinds == ("elimination", "position")
    assert underwriting.status is Status.CANDIDATE
