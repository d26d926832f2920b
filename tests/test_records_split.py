"""Records pasted one after another with only blank lines between them are read one by one.

Before, the page reader read such a file as one record: it took one keyword list and dropped
the other records without a word. The oracle here is each page read alone: a file of two
real pages (the dev records and the bundled example, rendered as the example's layout) must
give the same two records, keywords and titles, as the two pages read apart.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from termkit.records import parse_records
from tests import devrecords, pagevariants
from tests.conftest import ROOT

EXAMPLE = (ROOT / "termkit" / "data" / "example-record.txt").read_text(encoding="utf-8")


def _titled() -> list[dict[str, Any]]:
    """Dev records with a title: a page without one has no head to start a record with."""
    return [r for r in devrecords.load_all_dev() if r.get("title_zh") or r.get("title_en")]


def _read(text: str) -> list[tuple[Any, ...]]:
    return [(r.keywords_zh, r.keywords_en, r.title_zh, r.title_en)
            for r in parse_records(text.encode("utf-8"), "pages.txt")]


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return [EXAMPLE] + [devrecords.render_page(r) for r in _titled()]


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n\n"])
def test_two_pages_in_one_file_read_as_each_page_alone(pages: list[str], gap: str) -> None:
    alone = [_read(p) for p in pages]
    assert all(len(a) == 1 for a in alone)
    wrong = []
    for i in range(len(pages) - 1):
        got = _read(pages[i].rstrip("\n") + gap + pages[i + 1])
        if got != alone[i] + alone[i + 1]:
            wrong.append(i)
    assert wrong == [], f"{len(wrong)} of {len(pages) - 1} joined pages misread: {wrong[:10]}"


def test_three_pages_and_where_each_record_starts(pages: list[str]) -> None:
    text = "\n\n".join(p.strip("\n") for p in pages[:3]) + "\n"
    records = parse_records(text.encode("utf-8"), "pages.txt")
    assert [r.id for r in records] == ["pages#1", "pages#2", "pages#3"]
    lines = text.split("\n")
    for rec, page in zip(records[1:], pages[1:3], strict=True):
        first = page.strip("\n").split("\n")[0]
        notice = rec.notices[0]
        assert "read from here on" in str(notice)
        assert notice.line is not None and lines[notice.line - 1] == first
    assert not any("read from here on" in str(n) for n in records[0].notices)


def test_a_single_page_is_never_cut() -> None:
    """Each dev record's page, in every rendering and every site family of
    tests/pagevariants.py (fields in both languages, in any order), is one record."""
    renders = [devrecords.render_page, devrecords.render_labelled,
               devrecords.render_page_without_blank_lines, *pagevariants.FAMILIES.values()]
    for rec in devrecords.load_all_dev():
        for render in renders:
            assert len(parse_records(render(rec).encode("utf-8"), "p.txt")) == 1, rec["id"]


def test_a_list_printed_twice_or_without_a_head_starts_no_record() -> None:
    """A list right under another list (a tag line over the article's own list), or one
    under lines that only end a record (volume, pages), is no new record."""
    page = devrecords.render_page(_titled()[0])
    block = [b for b in page.split("\n\n") if ";" in b or "、" in b or "," in b][-1].strip()
    twice = page.replace(block, block + "\n\n" + block, 1)
    assert len(parse_records(twice.encode("utf-8"), "p.txt")) == 1
    tail = page.rstrip("\n") + "\n\n10卷3期(2014 / 09 / 01)\n\n113 - 129\n\n" + block + "\n"
    assert len(parse_records(tail.encode("utf-8"), "p.txt")) == 1


def test_form_feeds_still_separate_records(pages: list[str]) -> None:
    text = "\f".join(pages[:2])
    assert [r.id for r in parse_records(text.encode("utf-8"), "pages.txt")] == [
        "pages#1", "pages#2"]
    assert _read(text) == _read(pages[0]) + _read(pages[1])


def _same_site_pairs() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Consecutive dev records that the labelled rendering prints in the same site's style:
    what a user pastes from one site."""
    by_style: dict[str, list[dict[str, Any]]] = {}
    for rec in devrecords.load_all_dev():
        by_style.setdefault(devrecords.labelled_style(rec), []).append(rec)
    return [(a, b) for group in by_style.values() for a, b in pairwise(group)]


def test_labelled_pages_of_one_site_in_one_file() -> None:
    """A title, author or keyword label printed again, exactly, once the record before has
    its keywords in both languages, starts the next record. 66 of the 81 joins read as the
    pages do alone: the others join records whose labels differ between the two (the
    rendering varies the label language record by record) or whose first label repeated is
    none of those (a venue line first)."""
    pairs = _same_site_pairs()
    right = 0
    for a, b in pairs:
        pa, pb = devrecords.render_labelled(a), devrecords.render_labelled(b)
        right += _read(pa.rstrip("\n") + "\n\n" + pb) == _read(pa) + _read(pb)
    assert len(pairs) == 81
    assert right >= 66, f"{right} of {len(pairs)}"


@pytest.mark.parametrize("page", [
    # Fields in both languages, one after the other: one record.
    "題名：風險管理之研究\n作者：王小明\n關鍵詞：風險管理；保險\n\n"
    "Title: A Study of Risk Management\nAuthor: Hsiao-Ming Wang\n"
    "Keywords: risk management; insurance\n",
    # A third language's keywords after both lists: one record.
    "論文名稱(中文)：風險管理之研究\n研究生(中文)：王小明\n關鍵字(中)：風險管理、保險\n"
    "關鍵字(英)：risk management, insurance\n關鍵字(日)：リスク管理\n",
    # A Chinese list with Latin items, then the English one: one record.
    "中文篇名：多任務學習之研究\n中文關鍵詞：多任務學習、遷移學習、ResNeSt、LIME\n"
    "英文關鍵詞：Multi-Task Learning, Transfer Learning, ResNeSt, LIME\n",
])
def test_a_labelled_page_in_both_languages_is_one_record(page: str) -> None:
    assert len(parse_records(page.encode("utf-8"), "p.txt")) == 1


def test_two_labelled_records_and_where_the_second_starts() -> None:
    one = "題名：風險管理之研究\n作者：王小明\n關鍵詞：風險管理；保險；risk management；insurance\n"
    two = "題名：機器翻譯評估\n作者：李大同\n關鍵詞：機器翻譯；評估；machine translation；evaluation\n"
    records = parse_records((one + "\n" + two).encode("utf-8"), "p.txt")
    assert [(r.title_zh, r.keywords_zh, r.keywords_en) for r in records] == [
        ("風險管理之研究", ["風險管理", "保險"], ["risk management", "insurance"]),
        ("機器翻譯評估", ["機器翻譯", "評估"], ["machine translation", "evaluation"]),
    ]
    assert records[1].notices[0].line == 5 and "read from here on" in str(records[1].notices[0])


@pytest.mark.parametrize(("second", "warned"), [
    ("关键词：机器翻译；评估\nKey words: machine translation; evaluation\n", True),
    ("关键词：风险\n", False),  # a one-item tag line is set apart silently
    ("关键词：保險；風險管理\n", False),  # the same list again, in another order
])
def test_a_second_keyword_list_kept_apart_is_named(second: str, warned: bool) -> None:
    """A labelled page holding another list of the same language that starts no record (no
    label printed again exactly: here 关键词 after 關鍵詞) keeps it apart as a section; a list
    of several items sharing none of the record's keywords is named in a warning, as another
    record's may be (15 of the 37 joins of two stored real pages that are read as one record)."""
    page = ("關鍵詞：風險管理；保險\nKeywords: risk management; insurance\n\n" + second)
    (rec,) = parse_records(page.encode("utf-8"), "p.txt")
    assert rec.keywords_zh == ["風險管理", "保險"]
    said = [n for n in rec.notices if "was kept apart" in str(n)]
    assert bool(said) is warned, rec.notices
    if warned:
        assert said[0].line == 4


FIRST = ("Title\n\n遊客參與燈會之休閒效益研究\n\nAuthors\n\n陳美存\n\n"
         "Key Words\n\n主題意象 ; 吸引力 ; 滿意度 ; theme image ; attraction ; satisfaction\n\n")


@pytest.mark.parametrize("second", [
    # another site's page: one label over both lists, one keyword per line
    "关键词\n深度学习\n计算机视觉\n目标检测\ndeep learning\ncomputer vision\ntarget detection\n",
    # another site's page: a field per language
    "關鍵字(中) ★ 語者識別\n★ 關鍵詞萃取\n關鍵字(英) ★ Speaker Recognition\n★ Keyword Spotting\n",
])
def test_another_records_whole_list_after_a_whole_list_is_kept_apart_and_named(second: str) -> None:
    """Two labelled pages of different sites pasted together: no label is printed again, so
    no record starts, but after a keyword field that is a whole list in both languages, a
    second whole list (or a list of one language sharing none of its items) is another
    record's. It is kept as a section, not paired, and a warning names its line; before,
    both pages' keywords were paired together without a word (22 of the 37 joins of two
    stored real pages read as one record)."""
    (rec,) = parse_records((FIRST + second).encode("utf-8"), "p.txt")
    assert rec.keywords_zh == ["主題意象", "吸引力", "滿意度"]
    assert rec.keywords_en == ["theme image", "attraction", "satisfaction"]
    said = [n for n in rec.notices if "was kept apart" in str(n)]
    assert said and said[0].line == FIRST.count("\n") + 1, rec.notices
    kept = "\n".join(s.text for s in rec.sections)
    assert all(item in kept for item in ("deep learning", "深度学习")) or \
        all(item in kept for item in ("Keyword Spotting", "語者識別"))


def test_a_page_with_its_title_after_a_whole_list_starts_a_record_there() -> None:
    """A thesis system's page (a field per language), then a repository's (one field, both):
    no label is printed again, but a title field after a record's whole list in both
    languages, with a keyword field under it, starts the next record. Before, the second
    page's list was kept apart with a warning and its title was lost to the first record."""
    first = ("論文名稱：關鍵詞萃取及語者辨識系統之研製\n"
             "關鍵字(中)：語者識別；關鍵詞萃取；語音辨識\n"
             "關鍵字(英)：Speaker Recognition; Keyword Spotting\n\n")
    second = ("標題: 國中學生數學學習動機之研究\n"
              "關鍵字: learning motivation;學習動機;gifted student;資優生\n")
    one, two = parse_records((first + second).encode("utf-8"), "p.txt")
    assert (one.title_zh, one.keywords_zh, one.keywords_en) == (
        "關鍵詞萃取及語者辨識系統之研製", ["語者識別", "關鍵詞萃取", "語音辨識"],
        ["Speaker Recognition", "Keyword Spotting"])
    assert (two.title_zh, two.keywords_zh, two.keywords_en) == (
        "國中學生數學學習動機之研究", ["學習動機", "資優生"], ["learning motivation", "gifted student"])
    assert [n.line for n in two.notices if "read from here on" in str(n)] == [5]
    assert not [n for r in (one, two) for n in r.notices if "kept apart" in str(n)]


def test_a_title_under_the_subject_rows_stays_with_its_record() -> None:
    """A repository's item page prints its title under its subject rows; pasted twice, the
    second page starts at its author row (printed again), not at the first page's title."""
    page = ("dc.contributor.author\t王小明\ndc.subject\t鋰離子電池\ndc.subject\t彈性常數\n"
            "dc.subject\tlithium-ion battery\ndc.subject\telastic constants\n"
            "dc.title\t鋰離子電池界面力學研究\n")
    other = page.replace("王小明", "李大同").replace("鋰離子電池界面力學研究", "電池材料研究")
    one, two = parse_records((page + "\n" + other).encode("utf-8"), "p.txt")
    assert [one.title_zh, two.title_zh] == ["鋰離子電池界面力學研究", "電池材料研究"]
    assert [p.zh for p in two.authors] == ["李大同"]
    assert [n.line for n in two.notices if "read from here on" in str(n)] == [8]


def test_a_whole_list_printed_twice_is_set_apart_silently() -> None:
    second = "關鍵詞\n\n吸引力 ; 主題意象 ; 滿意度 ; attraction ; theme image ; satisfaction\n"
    (rec,) = parse_records((FIRST + second).encode("utf-8"), "p.txt")
    assert rec.keywords_zh == ["主題意象", "吸引力", "滿意度"]
    assert not [n for n in rec.notices if "kept apart" in str(n)]


def test_no_stored_real_page_alone_sets_a_list_apart() -> None:
    pages = sorted((ROOT / "tests" / "data" / "records").glob("real*/**/*.txt"))
    assert len(pages) >= 50
    warned = [p.name for p in pages for r in parse_records(p.read_bytes(), str(p))
              if any("was kept apart" in str(n) for n in r.notices)]
    assert warned == []


def test_a_field_repeating_half_of_a_whole_list_is_set_apart_silently() -> None:
    """A keyword field in both languages, then its English half again under ``Keywords:``
    (review12): the repeat is set apart (kept as a section, no warning) and the field in both
    languages is sorted by script; before, its English items stayed in the Chinese list."""
    page = ("題名：深度學習於目標偵測之研究\n作者：張三\n"
            "關鍵詞：深度學習；目標偵測；Deep Learning；Object Detection\n"
            "Keywords: deep learning; object detection\n")
    (rec,) = parse_records(page.encode("utf-8"), "p.txt")
    assert rec.keywords_zh == ["深度學習", "目標偵測"]
    assert rec.keywords_en == ["Deep Learning", "Object Detection"]
    assert not [n for n in rec.notices if "kept apart" in str(n)]
    assert any("deep learning" in s.text for s in rec.sections)
