"""Unlabelled pages: the keyword block is chosen by its shape, not by its place.

Each page is built from the facts of a dev record (titles, names, keywords as published),
laid out with one of the quirks the issue lists: an author line with a comma or a space
inside the parentheses, a Kangxi radical from PDF text, a title containing ``、``.
"""

from __future__ import annotations

from termkit.pinyin.names import match_name
from termkit.records import parse_records
from termkit.records.keywords import split_keywords

KEYWORDS = "排球 ; 心理技能訓練 ; 自我對話 ; Volleyball ; Psychological Skills Training ; Self-Talk"
ZH = ["排球", "心理技能訓練", "自我對話"]
EN = ["Volleyball", "Psychological Skills Training", "Self-Talk"]


def _page(*blocks: str) -> bytes:
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def test_comma_inside_the_parentheses_of_an_author() -> None:
    (rec,) = parse_records(
        _page("探討排球運動員自我對話、效能與表現之研究", "邱士銓(Chiu,Shih-Chuan)", KEYWORDS),
        "p.txt",
    )
    assert [(p.zh, p.en) for p in rec.authors] == [("邱士銓", "Chiu,Shih-Chuan")]
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert rec.title_zh == "探討排球運動員自我對話、效能與表現之研究"


def test_space_inside_a_chinese_name_and_a_surname_outside_the_common_list() -> None:
    (rec,) = parse_records(
        _page("Title of the article", "丁 娟(Ding Juan);龎寶宏(Pao-Hung Pang)", KEYWORDS), "p.txt"
    )
    assert [(p.zh, p.en) for p in rec.authors] == [
        ("丁 娟", "Ding Juan"),
        ("龎寶宏", "Pao-Hung Pang"),
    ]
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


def test_kangxi_radical_kept_as_printed_and_matched_folded() -> None:
    (rec,) = parse_records(_page("中文標題之研究", "王⾦波\nWang Jinbo", KEYWORDS), "p.txt")
    assert [(p.zh, p.en) for p in rec.authors] == [("王⾦波", "Wang Jinbo")]
    assert match_name("王⾦波", "Wang Jinbo") == match_name("王金波", "Wang Jinbo") == 1.0


def test_keyword_block_after_a_list_shaped_title_and_author_block() -> None:
    # The title is a list joined by 、 and the author block has both scripts and
    # semicolons: the keyword line still wins by its shape.
    (rec,) = parse_records(
        _page(
            "聽、說、讀、寫之研究",
            "陳心怡(Hsin-Yi Chen);龎寶宏(Pao-Hung Pang);唐宜楨(I-Chen Tang)",
            KEYWORDS,
            "15卷1期(2018 / 03 / 01)",
        ),
        "p.txt",
    )
    assert rec.title_zh == "聽、說、讀、寫之研究"
    assert len(rec.authors) == 3
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)
    assert (rec.volume, rec.issue) == ("15", "1")


def test_keyword_block_before_the_author_block() -> None:
    (rec,) = parse_records(
        _page("Title of the article", KEYWORDS, "黃志雄(Chih-Hshing Huang)"), "p.txt"
    )
    assert (rec.keywords_zh, rec.keywords_en) == (ZH, EN)


def test_separators_without_punctuation() -> None:
    assert split_keywords("青少年心理健康  雙親教養態度  人格特質 ") == [
        "青少年心理健康",
        "雙親教養態度",
        "人格特質",
    ]
    assert split_keywords("党建工作/标杆院系/内在逻辑") == ["党建工作", "标杆院系", "内在逻辑"]
    assert split_keywords("TCP/IP") == ["TCP/IP"]
    assert split_keywords("★ 企業資源規劃系統 ★ 資訊系統評估") == [
        "企業資源規劃系統",
        "資訊系統評估",
    ]
    assert split_keywords("全民阅读 图书馆 读者工作") == ["全民阅读", "图书馆", "读者工作"]
    assert split_keywords("college student mental health") == ["college student mental health"]
    assert split_keywords("- voting behavior") == ["voting behavior"]
