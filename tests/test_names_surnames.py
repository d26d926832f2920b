"""Surnames as surnames, compound surnames, romanization styles, and the shipped data files."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from termkit.pinyin import romanize
from termkit.pinyin.names import name_pinyin, romanize_name, split_name, surnames


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        ("曾國藩", "Zēng Guófān"), ("單田芳", "Shàn Tiánfāng"), ("张国城", "Zhāng Guóchéng"),
        ("張國城", "Zhāng Guóchéng"), ("區", "Ōu"), ("解", "Xiè"), ("仇", "Qiú"), ("查", "Zhā"),
        ("蓋", "Gě"), ("朴", "Piáo"), ("繁", "Pó"), ("单田芳", "Shàn Tiánfāng"),
        ("歐陽修", "Ōuyáng Xiū"), ("欧阳修", "Ōuyáng Xiū"), ("司馬遷", "Sīmǎ Qiān"),
        ("諸葛亮", "Zhūgě Liàng"), ("尉遲恭", "Yùchí Gōng"), ("万俟卨", "Mòqí Xiè"),
    ],
)
def test_name_pinyin(zh: str, expected: str) -> None:
    assert name_pinyin(zh) == expected


@pytest.mark.parametrize(
    "compound",
    ["歐陽", "司馬", "諸葛", "上官", "司徒", "夏侯", "東方", "皇甫", "尉遲", "公孫", "令狐", "長孫",
     "慕容", "宇文", "端木", "欧阳", "司马", "诸葛", "东方", "尉迟", "公孙", "长孙", "万俟"],
)
def test_compound_surnames_in_both_scripts(compound: str) -> None:
    assert split_name(compound + "明") == (compound, "明")
    assert split_name(compound) == (compound[0], compound[1])  # nothing left for a given name


def test_romanize_styles() -> None:
    assert romanize_name("張國城", "pinyin") == "Zhang Guocheng"
    assert romanize_name("張國城", "tone") == "Zhāng Guóchéng"
    assert romanize_name("張國城", "wade-giles") == "Chang Kuo-ch'êng"
    assert romanize_name("張國城", "passport") == "Chang Kuo-Cheng"
    assert romanize_name("歐陽自遠", "passport") == "Ouyang Tzu-Yuan"
    with pytest.raises(Exception, match="unknown name style"):
        romanize_name("張國城", "yale")


def _published_rows() -> list[tuple[str, str, str]]:
    from tests.conftest import DATA

    rows = []
    for line in (DATA / "names" / "names.tsv").read_text("utf-8").splitlines():
        if not line.startswith("#") and not line.startswith("zh\t"):
            zh, romanized, system, _ = line.split("\t")
            rows.append((zh, romanized, system))
    return rows


def _fold(text: str) -> str:
    return romanize.ascii_fold(text)


def test_romanization_reproduces_published_names() -> None:
    """Published pinyin names are reproduced exactly; published Wade-Giles given names too
    (surnames may use a registered spelling instead, e.g. Lee for 李: those are in the table)."""
    checked = 0
    for zh, published, system in _published_rows():
        words = [w for w in published.replace(",", " ").split() if w != "Frank"]
        if system == "pinyin":
            assert {_fold(w) for w in romanize_name(zh, "pinyin").split()} == {_fold(w) for w in words}
            checked += 1
        elif system == "wade-giles":
            surname, given = romanize_name(zh, "passport").split(" ", 1)
            assert _fold(given) in _fold("".join(words)), (zh, published)
            table = surnames().get(split_name(zh)[0])
            allowed = {_fold(surname)} | {_fold(o) for o in (table.other if table else ())}
            assert {_fold(w) for w in words} & allowed, (zh, published)
            checked += 1
    assert checked >= 40


def _data_rows(name: str) -> tuple[list[str], list[list[str]]]:
    text = resources.files("termkit").joinpath(f"data/{name}").read_text("utf-8")
    lines = text.splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return header, rows


@pytest.mark.parametrize("name", ["surnames.tsv", "romanization.tsv"])
def test_data_files_have_source_and_licence_and_are_sorted(name: str) -> None:
    header, rows = _data_rows(name)
    text = "\n".join(header)
    assert "Source" in text and "Licence" in text
    columns, body = rows[0], rows[1:]
    assert all(len(r) == len(columns) for r in body)
    keys = [r[0] for r in body]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(unicodedata.is_normalized("NFC", "\t".join(r)) for r in body)


def test_surname_readings_are_readings_pypinyin_knows() -> None:
    from pypinyin import Style, pinyin

    for entry in {id(e): e for e in surnames().values()}.values():
        sylls = entry.syllables
        assert len(sylls) == len(entry.traditional)
        for ch, syl in zip(entry.traditional, sylls, strict=True):
            known = pinyin(ch, style=Style.TONE, heteronym=True)[0]
            assert syl in known, (entry.traditional, syl, known)


@pytest.mark.parametrize(
    ("pinyin", "wade_giles"),
    [
        # Published Wade-Giles forms (names above, and the classic examples of the system).
        ("zhōng", "chung"), ("qīng", "ch'ing"), ("xióng", "hsiung"), ("rì", "jih"), ("zì", "tzŭ"),
        ("sī", "ssŭ"), ("cí", "tz'ŭ"), ("guó", "kuo"), ("kuò", "k'uo"), ("duō", "to"),
        ("xué", "hsüeh"), ("yuè", "yüeh"), ("yǒu", "yu"), ("ér", "êrh"), ("gè", "ko"),
        ("kě", "k'o"), ("hé", "ho"), ("dé", "tê"), ("zhè", "chê"), ("yī", "i"), ("jiàn", "chien"),
        ("qū", "ch'ü"), ("guì", "kuei"), ("duì", "tui"), ("yán", "yen"), ("zhī", "chih"),
    ],
)
def test_wade_giles_table(pinyin: str, wade_giles: str) -> None:
    assert romanize.wade_giles(pinyin) == wade_giles


def test_every_syllable_pypinyin_knows_is_in_the_table() -> None:
    from pypinyin.constants import PINYIN_DICT

    table = romanize.table()
    for readings in PINYIN_DICT.values():
        for r in readings.split(","):
            assert romanize.plain(r) in table, r


def test_split_word() -> None:
    assert romanize.split_word("quánlì pínghéng", 4) == ["quán", "lì", "píng", "héng"]
    assert romanize.split_word("Xī'ān", 2) == ["Xī", "ān"]
    assert romanize.split_word("xian", 2) == ["xi", "an"]
    assert romanize.split_word("Yue4nan2", 2) == ["Yue4", "nan2"]
    assert romanize.split_word("abc", 1) is None
