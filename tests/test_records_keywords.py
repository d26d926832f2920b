"""Keyword lines: splitting and sorting into Chinese and English, by example and by property."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from termkit.records.keywords import assign_keywords, split_keywords
from termkit.records.labels import lookup
from termkit.records.script import is_prose


def sort_line(*lines: str) -> tuple[list[str], list[str]]:
    kw = assign_keywords(
        [(item, n) for n, line in enumerate(lines, 1) for item in split_keywords(line)]
    )
    return kw.zh, kw.en


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("a ; b ; c", ["a", "b", "c"]),
        ("企業對企業 (B to B)、服務品質", ["企業對企業 (B to B)", "服務品質"]),
        (
            "Business to Business (B to B), Service Quality",
            ["Business to Business (B to B)", "Service Quality"],
        ),
        ("fMRI,", ["fMRI"]),
        ("學習共同體 、教師專業發展 、", ["學習共同體", "教師專業發展"]),
        ("Gunboat diplomacy, 1919-1991; sea power", ["Gunboat diplomacy, 1919-1991", "sea power"]),
        ("關鍵詞：現實主義；權力平衡", ["現實主義", "權力平衡"]),
        ("Keywords: realism, power", ["realism", "power"]),
        (
            "teachers' development ; 聽覺-運動交互作用",
            ["teachers' development", "聽覺-運動交互作用"],
        ),
        ("a (x, y) , b", ["a (x, y)", "b"]),
        ("  ", []),
    ],
)
def test_split_keywords(line: str, items: list[str]) -> None:
    assert split_keywords(line) == items


def test_latin_terms_closing_the_chinese_list_are_chinese() -> None:
    zh, en = sort_line(
        "多任務學習、卷積神經網路、遷移學習、ResNeSt、Grad-CAM、LIME",
        "Multi-Task Learning, Convolutional Neural Networks, Transfer Learning, ResNeSt, Grad-CAM, LIME",
    )
    assert zh == ["多任務學習", "卷積神經網路", "遷移學習", "ResNeSt", "Grad-CAM", "LIME"]
    assert en[:3] == ["Multi-Task Learning", "Convolutional Neural Networks", "Transfer Learning"]
    assert en[3:] == ["ResNeSt", "Grad-CAM", "LIME"]


def test_latin_term_that_is_not_repeated_is_english() -> None:
    assert sort_line("現實主義 ; 權力平衡 ; realism ; balance of power") == (
        ["現實主義", "權力平衡"],
        ["realism", "balance of power"],
    )


def test_english_first_layout() -> None:
    assert sort_line("realism ; balance of power ; 現實主義 ; 權力平衡") == (
        ["現實主義", "權力平衡"],
        ["realism", "balance of power"],
    )


def test_chinese_only_list_starting_with_a_latin_term() -> None:
    assert sort_line("EcoLexicon;术语学;术语知识库;启示") == (
        ["EcoLexicon", "术语学", "术语知识库", "启示"],
        [],
    )


def test_english_only() -> None:
    assert sort_line("term, profession principle") == ([], ["term", "profession principle"])


def test_kana_and_hangul_keywords_are_other() -> None:
    kw = assign_keywords(
        [("第二語言焦慮", 1), ("ことばの不安", 1), ("언어 불안", 1), ("anxiety", 1)]
    )
    assert (kw.zh, kw.en, kw.other) == (
        ["第二語言焦慮"],
        ["anxiety"],
        ["ことばの不安", "언어 불안"],
    )


# ----------------------------------------------------------------------------- property

_HAN = st.sampled_from(list("現實主義權力平衡越南外交政策术语学知识库启示資訊安全內部控制"))
_LATIN_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'",
    min_size=1,
    max_size=8,
).filter(lambda w: w[0].isalnum())
def _no_label_head(keyword: str) -> bool:
    # A line starting ``Keyword 0 ; …`` is a label and its list by design (``Key Words
    # Pathogenesis ; …``): keywords that begin with a label word are left out here.
    words = keyword.split()
    return all(lookup(" ".join(words[:n])) is None for n in range(1, min(len(words), 3) + 1))


_LATIN_KEYWORD = (
    st.lists(_LATIN_WORD, min_size=1, max_size=4).map(" ".join).filter(_no_label_head)
)
# A Chinese keyword: Han characters, sometimes around a Latin term (术语知识库EcoLexicon).
_HAN_KEYWORD = st.builds(
    lambda a, mid, b: a + mid + b,
    st.text(alphabet=_HAN, min_size=1, max_size=6),
    st.one_of(st.just(""), _LATIN_WORD, _LATIN_WORD.map(lambda w: f" ({w})")),
    st.text(alphabet=_HAN, max_size=3),
)
_SEPARATOR = st.sampled_from([" ; ", ";", "；", "、", ",", ", ", "，", " 、"])


@st.composite
def keyword_lists(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    zh = draw(st.lists(_HAN_KEYWORD, min_size=1, max_size=6, unique=True))
    en = draw(st.lists(_LATIN_KEYWORD, min_size=1, max_size=6, unique_by=str.casefold))
    # Latin terms shared by both lists close the Chinese list (ResNeSt, Grad-CAM, LIME).
    shared = [
        t
        for t in draw(st.lists(_LATIN_WORD, max_size=3, unique_by=str.casefold))
        if t.casefold() not in {e.casefold() for e in en}
    ]
    return zh + shared, en + shared


@settings(max_examples=200, deadline=None)
@given(keyword_lists(), _SEPARATOR, _SEPARATOR, st.booleans(), st.booleans())
def test_random_keyword_lines_split_back(
    lists: tuple[list[str], list[str]], sep_zh: str, sep_en: str, two_lines: bool, trailing: bool
) -> None:
    zh, en = lists
    if ";" in sep_zh + sep_en or "；" in sep_zh + sep_en:
        # With ; present a comma no longer separates: use one semicolon for both parts.
        sep_zh = sep_en = sep_zh if sep_zh.strip() in ";；" else sep_en
    end = sep_en.strip() if trailing else ""
    if two_lines:
        lines = [sep_zh.join(zh) + end, sep_en.join(en) + end]
    else:
        lines = [sep_zh.join(zh) + sep_en + sep_en.join(en) + end]
    assert sort_line(*lines) == (zh, en)


@settings(max_examples=100, deadline=None)
@given(keyword_lists(), _SEPARATOR, st.booleans())
def test_random_keyword_lines_in_a_page_read_back(
    lists: tuple[list[str], list[str]], sep: str, two_lines: bool
) -> None:
    from termkit.records import parse_records

    zh, en = lists
    # An English "list" of one number or number range alone on its line is a page count
    # or a page range (a field of its own, which ends a keyword block), not a keyword.
    assume(not (two_lines and len(en) == 1 and set(en[0]) <= set("0123456789- ")))
    block = sep.join(zh) + ("\n" if two_lines else sep) + sep.join(en)
    page = (
        "\n\nThe influence of implementing information security policy of the bank.\n\n"
        "實施資訊安全政策對銀行之影響\n\n董毓國 / Yu-Kwo Tung\n\n" + block + "\n\n2017年\n"
    )
    (rec,) = parse_records(page.encode("utf-8"), "p.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (zh, en)
    assert rec.authors[0].en == "Yu-Kwo Tung" and rec.date == "2017"


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("機器學習，深度學習，神經網路，自然語言處理。", ["機器學習", "深度學習", "神經網路", "自然語言處理"]),
        ("机器学习；深度学习；神经网络。", ["机器学习", "深度学习", "神经网络"]),
        ("Machine learning, deep learning, neural network.", ["Machine learning", "deep learning", "neural network"]),
        ("Trade policy, U.S.", ["Trade policy", "U.S."]),  # an abbreviation keeps its dot
        ("Ellipsis, and so on...", ["Ellipsis", "and so on..."]),
    ],
)
def test_a_list_closed_by_a_full_stop_is_a_list(line: str, items: list[str]) -> None:
    # Authors often end a keyword list like a sentence; the stop belongs to no keyword.
    assert split_keywords(line) == items
    assert not is_prose(line)


def test_a_short_sentence_with_a_full_stop_stays_prose() -> None:
    assert is_prose("本研究以問卷調查法，探討員工滿意度與組織承諾之關係。")
    assert is_prose("本研究發現，員工滿意度與組織承諾呈正相關，且工作壓力具有調節效果。")
    assert is_prose("本研究發現，員工滿意度高，組織承諾亦高。")  # short clauses, joined by 亦


def test_english_keywords_run_together_after_spaced_chinese_ones() -> None:
    # Both lists on one labelled line: the Chinese keywords set apart by spaces, the English
    # ones run together. The English run is kept as one item (pairing cuts it); a line that
    # is no keyword field keeps today's reading, and a run shorter than the Chinese list
    # (no room for one English word a keyword) is no English list.
    line = "社會支持 生活事件 人格特質 social support life events personality traits"
    items = ["社會支持", "生活事件", "人格特質", "social support life events personality traits"]
    assert split_keywords(line, field=True) == items
    assert split_keywords("關鍵詞：" + line) == items
    assert split_keywords(line) == [line]
    assert split_keywords("社會支持 生活事件 人格特質 support", field=True) == [
        "社會支持 生活事件 人格特質 support"
    ]
    assert sort_line("關鍵詞 " + line) == (items[:3], items[3:])


def _items(*texts: str) -> list[tuple[str, int | None]]:
    return [(t, 3) for t in texts]


def test_english_in_brackets_after_each_chinese_keyword_is_the_english_list() -> None:
    out = assign_keywords(_items("深度學習（deep learning）", "股價預測(Stock Price Prediction)",
                                 "長短期記憶(LSTM)", "臺灣"))
    assert out.zh == ["深度學習", "股價預測", "長短期記憶", "臺灣"]
    assert out.en == ["deep learning", "Stock Price Prediction", "LSTM"]
    assert out.en_line == 3


@pytest.mark.parametrize("texts", [
    # An English list of its own: the brackets are part of their keywords.
    ("企業資源規劃(ERP)", "客戶關係管理(CRM)", "enterprise resource planning",
     "customer relationship management"),
    # One bracket among several keywords says nothing about the list.
    ("企業資源規劃(ERP)", "供應鏈", "物流", "資訊系統"),
    # Chinese in the brackets, or a Latin term glossed in Chinese.
    ("深度學習（深層學習）", "股價預測（股票）"),
    ("Tobit(迴歸)", "Logit(迴歸)"),
])
def test_brackets_that_are_no_english_list_stay(texts: tuple[str, ...]) -> None:
    out = assign_keywords(_items(*texts))
    assert [*out.zh, *out.en] == list(texts)


def test_a_page_with_english_in_brackets_pairs_each_keyword_with_its_own() -> None:
    from termkit.align import pair_record
    from termkit.records import parse_records

    page = ("深度學習於股價預測之應用\n\n林怡君\n\n"
            "關鍵詞：深度學習（deep learning）、股價預測（stock price prediction）、"
            "長短期記憶（long short-term memory）\n")
    rec = parse_records(page.encode(), "page.txt")[0]
    pairs = {(p.zh, p.en) for p in pair_record(rec).pairs}
    assert pairs == {("深度學習", "deep learning"), ("股價預測", "stock price prediction"),
                     ("長短期記憶", "long short-term memory")}


def test_a_cell_of_both_lists_cut_where_only_a_space_sets_them_apart() -> None:
    # A repository's table cell holds both lists, each set apart by ";", and only a space
    # where the Chinese list ends and the English begins.
    zh, en = sort_line("社會支持;生活事件;心理健康 social support;life events;mental health")
    assert zh == ["社會支持", "生活事件", "心理健康"]
    assert en == ["social support", "life events", "mental health"]


@pytest.mark.parametrize("line", [
    "地理資訊;GIS 應用;geographic information;GIS application",  # Latin first: one keyword
    "社會支持;心理健康 mental;生活事件;social support;life events",  # not where the lists meet
])
def test_a_space_between_scripts_elsewhere_stays_in_its_keyword(line: str) -> None:
    zh, en = sort_line(line)
    assert [k for k in zh + en if " " in k and any("\u4e00" <= c <= "\u9fff" for c in k)]


def test_a_title_listing_latitudes_is_no_bilingual_keyword_line() -> None:
    # ``20N``, ``25N`` are numbers with a unit letter, in neither list's script: a title that
    # lists them with 、 is no list of Chinese and English keywords (before, it was taken
    # for the keyword line and the real keyword lines, set apart by spaces only, were lost).
    from termkit.records import parse_records

    title = "颱風路徑對降雨分布之影響--以20N、25N、30N三個緯度帶為例"
    page = (f"\n\nThe Effect of Typhoon Tracks on Rainfall Distribution\n\n\n{title}\n\n\n"
            "王大明\nDa-Ming Wang\n\n\n颱風路徑 降雨分布 緯度帶\n"
            "typhoon track; rainfall distribution; latitude band\n")
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_zh == title
    assert rec.keywords_zh == ["颱風路徑", "降雨分布", "緯度帶"]
