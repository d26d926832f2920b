"""English morphology in pairing: forms of one word that the light stemmer and the glosses
spell differently, and the word families a gloss word stands for.

Each rule is general English morphology (no term, record or site named); each test was
written to fail before its rule and pairs keywords that CC-CEDICT glosses with another form
of the word. The negative cases keep the rules from joining unrelated words.
"""

from __future__ import annotations

import pytest

from termkit.align import pair_keywords
from termkit.align.keys import (
    analyse_en,
    analyse_zh,
    gloss_abbreviations,
    gloss_suffixes,
    same_family,
    silent_e,
)
from termkit.align.score import score_pair
from termkit.lexicon import Entry, Lexicon, get_lexicon


def _glosses(word: str) -> list[str]:
    return [g for e in get_lexicon().lookup(word) for g in e.glosses]


def _score(zh: str, en: str) -> tuple[float, list[str]]:
    s = score_pair(analyse_zh(zh, get_lexicon()), analyse_en(en))
    return s.value, s.evidence


def test_silent_e_forms() -> None:
    assert silent_e("nurs") == "nurse"  # nurs(ing)
    assert silent_e("merge") == "merg"
    assert silent_e("cultivat") == "cultivate"
    assert silent_e("play") is None and silent_e("data") is None and silent_e("use") is None


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("看護", "nursing"),  # "to nurse": the stemmer leaves nurs(ing)
        ("合併", "merging"),  # "to merge"
        ("採購", "purchasing"),  # "to purchase": a word family before, the word itself now
    ],
)
def test_an_inflected_word_meets_its_gloss_without_the_silent_e(zh: str, en: str) -> None:
    value, evidence = _score(zh, en)
    assert value == 1.0 and evidence == [f"dict:{zh}={en}"]


def test_a_final_silent_e_drops_before_a_derivational_ending() -> None:
    assert same_family("mobile", "mobility")
    assert same_family("nature", "natural")
    assert same_family("secure", "security")
    assert same_family("behave", "behavior")
    # Not before a single letter, nor for short words: police is no policy, rate no ratio.
    assert not same_family("police", "policy")
    assert not same_family("rate", "ratio")


def test_a_characters_word_of_the_segments_family_counts_as_the_family() -> None:
    # 族群 "ethnic group": "ethnicity" is also a gloss of the character 族, which alone
    # said little (a character's word); as the family of "ethnic" it renders 族群.
    ethnicity, _ = _score("族群性", "Ethnicity")
    boundary, _ = _score("族群性", "Ethnic boundary")
    assert ethnicity > 0.5 > boundary
    pairs, _, _ = pair_keywords(
        ["客家", "認同", "族群性"], ["Ethnicity", "Identity", "Hakka", "Ethnic boundary"]
    )
    assert ("族群性", "Ethnicity") in {(p.zh, p.en) for p in pairs}


def test_a_word_another_segment_renders_better_is_no_modifier_of_the_head() -> None:
    # 演奏 "to perform on a musical instrument": "music" is of the family of its "musical",
    # but 音樂 renders "music" itself; the English head "playing" is left to 演奏 (its
    # character 奏, "to play"), so the heads are not taken for unmatched.
    value, evidence = _score("音樂演奏", "music playing")
    assert value > 0.5 and "head-unmatched" not in evidence


def test_suffixes_cited_by_the_glosses() -> None:
    assert {"ization", "ize"} <= set(gloss_suffixes(_glosses("化")))
    assert {"ness", "ity"} <= set(gloss_suffixes(_glosses("性")))
    assert {"er", "ist"} <= set(gloss_suffixes(_glosses("者")))
    assert gloss_suffixes(_glosses("政策")) == ()


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("在地化", "localization"),  # 在地 "local" + 化 "-ization"
        ("個人化", "personalization"),
        ("族群性", "Ethnicity"),  # 族群 "ethnic group" + 性 "-ity"
    ],
)
def test_a_suffix_segment_is_rendered_by_the_derived_word(zh: str, en: str) -> None:
    value, evidence = _score(zh, en)
    assert value >= 0.8
    assert f"dict:{zh[-1]}={en}" in evidence


def test_a_suffix_alone_renders_nothing() -> None:
    # "Identity" ends in -ity, but renders no segment before 性.
    assert _score("族群性", "Identity")[0] == 0.0


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("線上學習", "on-line learning"),  # gloss "online"; "on" is no content word
        ("合作", "co-operation"),  # gloss "cooperation"
        ("電郵", "e-mail"),  # gloss "email"
    ],
)
def test_a_hyphenated_compound_meets_the_closed_gloss(zh: str, en: str) -> None:
    assert _score(zh, en)[0] == 1.0


def test_an_acronym_cited_after_the_name_in_a_gloss() -> None:
    # "human immunodeficiency virus (HIV)": the gloss names the acronym itself; "(TCM)"
    # before a traditional-medicine gloss labels it and abbreviates nothing.
    assert gloss_abbreviations(_glosses("人類免疫缺陷病毒")) == ("hiv",)
    assert gloss_abbreviations(_glosses("三焦")) == ()
    assert _score("人類免疫缺陷病毒", "HIV") == (1.0, ["dict:人類免疫缺陷病毒=HIV"])


def test_a_long_name_in_a_gloss_spells_an_acronym() -> None:
    # A made-up dictionary: a gloss of four content words is an explanation, not a
    # translation, but its initials still spell the acronym of the name.
    lex = Lexicon.from_entries([
        Entry("甲乙丙丁", "甲乙丙丁", "jia3 yi3 bing3 ding1", ("quick brown fox jumping",)),
    ])
    score = score_pair(analyse_zh("甲乙丙丁", lex), analyse_en("QBFJ"))
    assert score.value >= 0.85 and score.evidence == ["acronym:QBFJ"]
    assert score_pair(analyse_zh("甲乙丙丁", lex), analyse_en("QBJF")).value == 0.0
