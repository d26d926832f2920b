"""match_name on real people's names and published romanizations (tests/data/names/names.tsv)."""

from __future__ import annotations

import pytest

from termkit.pinyin.names import match_details, match_name
from tests.conftest import DATA

THRESHOLD = 0.5  # the contract the record pairing codes against


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (DATA / "names" / "names.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("zh\t"):
            continue
        zh, romanized, system, source = line.split("\t")
        rows.append((zh, romanized, system, source))
    return rows


def test_name_list_is_big_enough_and_sourced() -> None:
    rows = _rows()
    assert len(rows) >= 40
    assert len({r[0] for r in rows}) >= 40  # distinct people
    assert all(r[3] for r in rows)
    assert {r[2] for r in rows} == {"pinyin", "wade-giles", "irregular"}


@pytest.mark.parametrize("row", [r for r in _rows() if r[2] != "irregular"], ids=lambda r: r[1])
def test_pinyin_and_wade_giles_pairs_match(row: tuple[str, str, str, str]) -> None:
    zh, romanized, _system, _source = row
    assert match_name(zh, romanized) >= THRESHOLD


def test_irregular_spellings_mostly_match() -> None:
    """Gwoyeu Romatzyh (Ying-jeou), dialect (In-Hong) and misspelt (Chih-Hshing) names.

    Measured: all but 郝柏村 / Hau Pei-tsun (GR surname Hau for 郝 Hǎo) match.
    """
    rows = [r for r in _rows() if r[2] == "irregular"]
    matched = [r for r in rows if match_name(r[0], r[1]) >= THRESHOLD]
    assert len(rows) >= 15
    assert len(matched) >= len(rows) - 1


def test_contract_pairs_from_the_pairing_work() -> None:
    pairs = [
        ("張國城", "Kuo-Cheng Chang"), ("王嘉州", "Chia-Chou Wang"), ("黃志雄", "Chih-Hshing Huang"),
        ("董毓國", "Yu-Kwo Tung"), ("林彥汝", "Lin, Yen-Ju"), ("羅延康", "Lo, In-Hong"),
        ("白書齊", "Shu-Chi Pai"), ("郑丹丹", "ZHENG Dandan"), ("鄭珮琪", "Pei-Chi Cheng"),
        ("尤千美", "Chien-Mei Yu"), ("郭峻志", "Chun-Chih Kuo"), ("陳恆楨", "Chen, Heng-Chen"),
    ]
    for zh, romanized in pairs:
        assert match_name(zh, romanized) >= THRESHOLD, (zh, romanized)
    # every name against every other person's romanization is below the threshold
    for zh, _ in pairs:
        for other_zh, romanized in pairs:
            if other_zh != zh:
                assert match_name(zh, romanized) < THRESHOLD, (zh, romanized)


def test_wrong_pairs_are_below_threshold() -> None:
    """Every name against every other person's published romanization (about 3,600 pairs)."""
    rows = _rows()
    above = [
        (zh, romanized)
        for zh, _, _, _ in rows
        for other, romanized, _, _ in rows
        if other != zh and match_name(zh, romanized) >= THRESHOLD
    ]
    assert above == []


def test_a_misspelling_scores_lower_than_the_right_spelling() -> None:
    right = match_name("黃志雄", "Chih-Hsiung Huang")
    slip = match_name("黃志雄", "Chih-Hshing Huang")
    assert right == 1.0 and THRESHOLD <= slip < right


def test_a_non_standard_syllable_matches_by_its_start_with_a_low_score() -> None:
    # "Home" spells no syllable of any system; it starts like 宏 hong (h + o), the other
    # syllables are right: the same person, a personal spelling, a lower score.
    fuzzy = match_name("劉晉宏", "Liu, Jin-Home")
    assert THRESHOLD <= fuzzy < match_name("劉晉宏", "Liu, Jin-Hong")
    # A valid spelling of another syllable is another name, not a personal spelling.
    assert match_name("劉晉宏", "Liu, Jin-Hao") < THRESHOLD
    # Starting like the syllable is not enough when another syllable is wrong.
    assert match_name("劉晉宏", "Liu, Tsung-Home") < THRESHOLD


@pytest.mark.parametrize(
    "romanized",
    [
        "Chang Kuo-Cheng", "Kuo-Cheng Chang", "Chang, Kuo-Cheng", "CHANG Kuo-cheng",
        "Kuo-ch'eng Chang", "Chang Kuo-ch'êng", "Chang Kuocheng", "Zhang Guocheng",
        "Guocheng Zhang", "ZHANG Guocheng", "Jhang Guo-cheng", "Jang Guo-cheng",
    ],
)
def test_forms_of_one_name(romanized: str) -> None:
    """Hanyu Pinyin, Wade-Giles with and without apostrophes/hyphens, Tongyong (Jhang),
    MPS II (Jang), both orders, comma and all-caps forms."""
    assert match_name("張國城", romanized) >= 0.9


def test_heteronym_surnames_and_given_names() -> None:
    assert match_name("曾國藩", "Tseng Kuo-fan") == 1.0
    assert match_name("曾国藩", "Zeng Guofan") == 1.0
    assert match_name("單田芳", "Shan Tianfang") == 1.0
    assert match_name("解振华", "Xie Zhenhua") == 1.0
    # 長 reads zhǎng or cháng; 謝長廷 is Hsieh Chang-ting (cháng)
    assert match_name("謝長廷", "Hsieh Chang-ting") == 1.0


def test_details_say_what_matched() -> None:
    m = match_details("林彥汝", "Lin, Yen-Ju")
    assert (m.surname, m.given, m.surname_first, m.reading) == ("lin", "yen-ju", True, "lin yenju")
    assert match_details("", "Lin").score == 0.0
    assert match_name("林彥汝", "") == 0.0
