"""Pinyin orthography beyond review20's cases: CC-CEDICT (the dictionary termkit ships, CC BY-SA
4.0) is the oracle for erhua, 一/不 and proper nouns; termkit's own readings of the plain words
are the oracle for exclamations read inside a sentence."""

from __future__ import annotations

import pytest

from termkit.lexicon import capital_division, get_lexicon
from termkit.pinyin import Style, annotate, term_pinyin, term_reading
from tests.test_review20_pinyin_orthography import bare, cedict


def test_yi_and_bu_keep_their_own_tone_wherever_cedict_gives_it() -> None:
    """Every CC-CEDICT word reading 一 yi1 or 不 bu4 (some 3,000 places), read character by
    character: never the changed tone yí, yì or bú (GB/T 16159-2012 writes the own tone)."""
    places, changed = 0, []
    for _, simp, syl in cedict():
        at = [i for i, (ch, s) in enumerate(zip(simp, syl, strict=True))
              if (ch, s.lower()) in (("一", "yi1"), ("不", "bu4"))]
        if not at:
            continue
        places += len(at)
        got = [s.lower() for tok in annotate(simp, words=False) for s in tok.syllables()]
        changed.extend(simp for i in at if got[i] in ("yí", "yì", "bú"))
    assert places > 2000
    assert changed == []


def test_er_read_as_a_syllable_stays_a_syllable() -> None:
    """Words whose every CC-CEDICT entry ends in the syllable er (女兒 nu:3 er2, 嬰兒 ying1 er2)
    keep it: only the r5 of erhua joins the syllable before it."""
    rows = [simp for _, simp, syl in cedict()
            if len(simp) > 1 and simp.endswith("儿") and syl[-1] in ("er2", "er5")
            and not get_lexicon().is_erhua(simp)]
    assert len(rows) > 30
    wrong = [simp for simp in rows if not bare(term_pinyin(simp)).lower().endswith("er")]
    assert wrong == []
    assert term_pinyin("儿子") == "érzi" and term_pinyin("女儿") == "nǚ'ér"


def test_erhua_inside_a_word_is_written_with_r() -> None:
    """CC-CEDICT words with a 儿 read r5 before their last character (今儿个 jin1 r5 ge4,
    刺儿头 ci4 r5 tou2, 哪儿跟哪儿): each such 儿 is an r on the syllable before it."""
    rows = [(simp, syl) for _, simp, syl in cedict()
            if "r5" in syl[:-1] and simp[syl.index("r5")] == "儿"]
    assert len(rows) > 30
    wrong = [simp for simp, syl in rows
             if bare(term_pinyin(simp)).replace(" ", "").lower()
             != "".join(s[:-1].replace("u:", "u") for s in syl).lower()]
    print(f"inner erhua spelled otherwise than CC-CEDICT: {len(wrong)}/{len(rows)} {wrong}")
    assert len(wrong) <= 0.1 * len(rows), wrong
    assert term_pinyin("今儿个") == "jīnrgè" and term_pinyin("哪兒跟哪兒") == "nǎrgēnnǎr"


@pytest.mark.parametrize(("style", "expected"), [
    (Style.TONE, "qù nǎr wánr"),
    (Style.TONE3, "qu4 na3r wan2r"),
    (Style.ZHUYIN, "ㄑㄩˋ ㄋㄚˇ ㄦ ㄨㄢˊ ㄦ"),
])
def test_erhua_in_every_style(style: Style, expected: str) -> None:
    assert term_reading("去哪兒玩兒", style) == expected
    assert term_reading("去哪儿玩儿", style) == expected


def test_erhua_syllables_in_json_tokens() -> None:
    (tok,) = annotate("哪儿")
    assert tok.syllables() == ["nǎ", "r"] and tok.reading() == "nǎr"


def test_an_exclamation_alone_is_one_word() -> None:
    """我去 "what the ...!" said alone (its own run of Chinese) is the exclamation."""
    assert get_lexicon().is_exclamation("我去")
    assert term_pinyin("我去") == "wǒqù"
    assert term_pinyin("我去！") == "wǒqù！"


@pytest.mark.parametrize(("text", "words"), [
    ("我知道了吗", ["我", "知道", "了", "吗"]),
    ("我靠墙", ["我", "靠", "墙"]),
    ("我去学校", ["我", "去", "学校"]),
])
def test_an_exclamation_inside_a_sentence_is_its_words(text: str, words: list[str]) -> None:
    """An entry whose every sense is an exclamation (知道了 "OK!", 我靠 "crap!") is read as
    the words it is made of where more text follows; each word as termkit writes it alone."""
    lex = get_lexicon()
    assert any(lex.is_exclamation(text[i:j])
               for i in range(len(text)) for j in range(i + 2, len(text) + 1))
    assert term_pinyin(text) == " ".join(term_pinyin(w) for w in words)


def test_idioms_and_proper_nouns_are_no_exclamations() -> None:
    lex = get_lexicon()
    assert not lex.is_exclamation("光阴似箭")  # "... How time flies!" (idiom)
    assert not lex.is_exclamation("游戏王")  # "Yu-Gi-Oh!" (a title)
    assert not lex.is_exclamation("你好") and lex.is_exclamation("天哪")


@pytest.mark.parametrize(("pinyin", "length", "division"), [
    ("Bei3 jing1 Da4 xue2", 4, (2, 2)),
    ("Wang2 Li4", 2, (1, 1)),
    ("Yue4 nan2", 2, (2,)),
    ("da4 xue2", 2, None),
    ("Ka3 er3 · Ma3 ke4 si1", 5, None),
])
def test_capital_division(pinyin: str, length: int, division: tuple[int, ...] | None) -> None:
    assert capital_division(pinyin, length) == division


def test_a_proper_noun_inside_a_sentence_keeps_its_words() -> None:
    assert term_pinyin("北京大学的学生") == "Běijīng Dàxué de xuéshēng"
    assert term_pinyin("北京大學的學生") == "Běijīng Dàxué de xuéshēng"
    assert term_pinyin("中华人民共和国") == "Zhōnghuá Rénmín Gònghéguó"
    assert term_pinyin("马来西亚") == "Mǎláixīyà"  # one word: CC-CEDICT capitalizes Ma3 only


def test_an_exclamation_beside_a_glossary_term_is_its_words() -> None:
    """A glossary term cuts the run of Chinese into pieces, but 我去 before 银行 is still
    inside a sentence: apart, as without the glossary."""
    from termkit.pinyin import GlossaryReadings, reading

    gloss = GlossaryReadings.from_glossary(None)
    assert gloss.add("银行", "yínháng")
    tokens = annotate("我去银行", glossary=gloss)
    assert [t.source for t in tokens] == ["pypinyin", "pypinyin", "glossary"]
    assert reading(tokens) == term_pinyin("我去银行") == "wǒ qù yínháng"
    assert reading(annotate("我去", glossary=gloss)) == "wǒqù"
