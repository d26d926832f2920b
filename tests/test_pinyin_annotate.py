"""Annotation: word grouping, proper nouns, styles, glossary readings, renderings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.errors import UsageError
from termkit.model import Concept, Glossary, Term
from termkit.pinyin import (
    GlossaryReadings,
    Style,
    annotate,
    lines_of,
    parse_style,
    reading,
    render_inline,
    render_tsv,
    term_pinyin,
    to_json,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # GB/T 16159 examples and the contract's keywords (readings from the standard's usage).
        ("現實主義", "xiànshí zhǔyì"),
        ("现实主义", "xiànshí zhǔyì"),
        ("權力平衡", "quánlì pínghéng"),
        ("越南外交政策", "Yuènán wàijiāo zhèngcè"),
        ("中華人民共和國", "Zhōnghuá Rénmín Gònghéguó"),
        ("西安", "Xī'ān"),
        ("兩岸關係", "liǎng'àn guānxì"),
    ],
)
def test_term_pinyin_orthography(text: str, expected: str) -> None:
    assert term_pinyin(text) == expected


def test_non_chinese_text_passes_through() -> None:
    tokens = annotate("企業對企業 (B to B), 2014年")
    assert "".join(t.text for t in tokens) == "企業對企業 (B to B), 2014年"
    assert [t.text for t in tokens if not t.chinese] == [" (B to B), 2014"]
    assert reading(tokens) == "qǐyè duì qǐyè (B to B), 2014 nián"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (Style.TONE, "Yuènán wàijiāo"),
        (Style.TONE3, "Yue4nan2 wai4jiao1"),
        (Style.WADE_GILES, "Yüeh⁴-nan² wai⁴-chiao¹"),
        (Style.ZHUYIN, "ㄩㄝˋ ㄋㄢˊ ㄨㄞˋ ㄐㄧㄠ"),
    ],
)
def test_styles(style: Style, expected: str) -> None:
    assert reading(annotate("越南外交"), style) == expected


def test_zhuyin_is_pypinyins_bopomofo() -> None:
    from pypinyin import Style as PStyle
    from pypinyin import pinyin

    text = "权力平衡与外交政策"
    expected = [p[0] for p in pinyin(text, style=PStyle.BOPOMOFO)]
    got = [s for t in annotate(text, words=False) for s in t.syllables(Style.ZHUYIN)]
    assert got == expected


def test_parse_style() -> None:
    assert parse_style("wade_giles") is Style.WADE_GILES
    with pytest.raises(UsageError, match="unknown pinyin style 'foo'"):
        parse_style("foo")


def _glossary(*pairs: tuple[str, str]) -> Glossary:
    return Glossary(
        [Concept(f"c{i}", terms=[Term(zh, "zh-Hant", pinyin=py)]) for i, (zh, py) in enumerate(pairs)]
    )


def test_glossary_reading_overrides_pypinyin() -> None:
    gloss = _glossary(("單田芳", "Shàn Tiánfāng"), ("銀行", "yínháng"))
    plain = reading(annotate("評書家單田芳"))
    assert "dān" in plain
    tokens = annotate("評書家單田芳", glossary=gloss)
    assert reading(tokens) == "píngshū jiā Shàn Tiánfāng"
    assert [t.source for t in tokens] == ["pypinyin", "pypinyin", "glossary"]
    # a Traditional glossary term also reads Simplified text (terms are matched in both scripts)
    assert reading(annotate("评书家单田芳", glossary=gloss)) == "píngshū jiā Shàn Tiánfāng"


def test_glossary_longest_match_and_heteronyms() -> None:
    gloss = GlossaryReadings()
    assert gloss.add("長", "zhǎng")
    assert gloss.add("長", "cháng")
    assert gloss.add("長江", "Chángjiāng")
    assert not gloss.add("長江", "chang")  # one syllable for two characters
    tokens = annotate("長江長", glossary=gloss, heteronym=True)
    assert [t.text for t in tokens] == ["長江", "長"]
    assert tokens[0].reading() == "Chángjiāng"
    assert tokens[1].candidates() == [["zhǎng", "cháng"]]


def test_glossary_does_not_change_pypinyin_for_other_callers() -> None:
    """No global dictionary is mutated: pypinyin and plain annotation stay the same."""
    from pypinyin import pinyin

    before = pinyin("单田芳的音乐")
    annotate("單田芳的音樂", glossary=_glossary(("單田芳", "Shàn Tiánfāng"), ("音樂", "yīnyuè")))
    assert pinyin("单田芳的音乐") == before
    assert reading(annotate("單田芳")) == "dān tián fāng"
    # and in another process that never saw a glossary
    out = subprocess.run(
        [sys.executable, "-c", "from pypinyin import pinyin; print(pinyin('单田芳的音乐'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert out == str(before)


def test_renderings() -> None:
    text = "現實主義\n權力平衡；越南外交政策\n"
    rows = [(line, annotate(line)) for line in lines_of(text)]
    assert render_inline(annotate("權力平衡；ASEAN")) == "權力平衡(quánlì pínghéng)；ASEAN"
    assert render_tsv(rows) == (
        "term\treading\n"
        "現實主義\txiànshí zhǔyì\n"
        "權力平衡；越南外交政策\tquánlì pínghéng；Yuènán wàijiāo zhèngcè\n"
    )
    data = json.loads(to_json(rows, Style.TONE3))
    assert data[0] == {
        "text": "現實主義",
        "reading": "xian4shi2 zhu3yi4",
        "words": [
            {"text": "現實主義", "reading": "xian4shi2 zhu3yi4",
             "syllables": ["xian4", "shi2", "zhu3", "yi4"], "source": "pypinyin"}
        ],
    }


def test_name_mode() -> None:
    assert reading(annotate("曾國藩", name=True)) == "Zēng Guófān"
    assert render_inline(annotate("單田芳、歐陽修", name=True)) == "單田芳(Shàn Tiánfāng)、歐陽修(Ōuyáng Xiū)"


def test_term_reading_styles() -> None:
    from termkit.pinyin import term_reading

    assert term_reading("權力平衡") == term_pinyin("權力平衡")
    assert term_reading("權力平衡", Style.ZHUYIN) == "ㄑㄩㄢˊ ㄌㄧˋ ㄆㄧㄥˊ ㄏㄥˊ"


_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("權力平衡單田芳银行行长，。；「」 abc123\n\t·〇"),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_tokens_cover_the_text_exactly(text: str) -> None:
    """Whatever the input, tokens give the text back and every character gets a reading."""
    gloss = GlossaryReadings()
    gloss.add("單田芳", "Shàn Tiánfāng")
    for words in (True, False):
        tokens = annotate(text, glossary=gloss, words=words)
        assert "".join(t.text for t in tokens) == text
        for tok in tokens:
            if tok.chinese:
                assert len(tok.readings) == len(tok.text) == sum(tok.parts)
                assert all(r and r[0] for r in tok.readings)
