"""Joined labelled pages whose first page prints its own title or author fields under its
keywords (review13).

``labelled_starts`` took a title or author field after a record's whole list in both
languages for the next record's start when a keyword field followed. Pages that print their
authors under their keyword fields (an article database: ``关键词`` / ``Keywords``, then
``作者`` / ``Author``, as in ``tests/pagevariants.py::wanfang``), their title under their
subject rows (a repository's full item record) or their English title and author after the
English keywords (``Keywords``, ``Title``, ``Author``) were then cut at their own fields:
the first record lost its authors or English title to the second. The oracle is each page
read alone.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

# The authors under the keyword fields, then the journal: one page, and another like it.
AUTHORS_UNDER = """數位典藏的使用者研究
A User Study of Digital Archives
摘要：本研究以問卷調查數位典藏的使用者需求，討論介面設計的影響。
關鍵詞：數位典藏；使用者研究；介面設計
Keywords：digital archives; user study; interface design
作者：林美華
Author：Mei-Hua Lin
作者單位：某大學圖書資訊學系
刊名：圖書資訊學刊
年，卷(期)：2019，17(2)
"""
AUTHORS_UNDER_2 = """开放获取期刊的质量评价
Quality Evaluation of Open Access Journals
摘要：本文构建开放获取期刊的质量评价指标体系，并以实例检验。
关键词：开放获取；期刊评价；指标体系
Keywords：open access; journal evaluation; indicator system
作者：张伟
Author：Wei Zhang
作者单位：某大学信息管理学院
刊名：图书情报工作
年，卷(期)：2020，64(5)
"""

# The English fields after the Chinese ones, the keywords of each language first.
ENGLISH_AFTER = """關鍵詞：民主價值；政治信任；兩岸關係
題名：來臺陸生的政治態度
作者：王嘉州
Keywords：democratic value; political trust; cross-Strait relations
Title：Political Attitudes of Mainland Students in Taiwan
Author：Chia-Chou Wang
"""
ENGLISH_AFTER_2 = """關鍵詞：翻轉教室；早期療育
題名：翻轉教室在大學課程的實踐
作者：黃志雄
Keywords：flipped classroom; early intervention
Title：The Flipped Classroom in a University Course
Author：Chih-Hsiung Huang
"""

# A repository's full item record: the title rows under the subject rows.
DSPACE = """dc.contributor.author\t王小明
dc.description.abstract\t本研究探討鋰離子電池界面的力學性質。
dc.subject\t鋰離子電池\tzh_TW
dc.subject\t彈性常數\tzh_TW
dc.subject\tlithium-ion battery\ten_US
dc.subject\telastic constants\ten_US
dc.title\t鋰離子電池界面力學研究\tzh_TW
dc.title.alternative\tInterface Mechanics of Lithium-ion Batteries\ten_US
dc.type\tthesis
"""
# The same repository's record of a work with no author row.
DSPACE_NO_AUTHOR = """dc.description.abstract\t本研究探討固態電解質的離子傳導。
dc.subject\t固態電解質\tzh_TW
dc.subject\t離子傳導\tzh_TW
dc.subject\tsolid electrolyte\ten_US
dc.subject\tionic conduction\ten_US
dc.title\t固態電解質離子傳導研究\tzh_TW
dc.title.alternative\tIonic Conduction in Solid Electrolytes\ten_US
dc.type\tthesis
"""


def _read(text: str) -> list[tuple[str | None, str | None, list[str | None], list[str], list[str]]]:
    return [(r.title_zh, r.title_en, [a.zh for a in r.authors], r.keywords_zh, r.keywords_en)
            for r in parse_records(text.encode("utf-8"), "p.txt")]


@pytest.mark.parametrize(("first", "second"), [
    (ENGLISH_AFTER, ENGLISH_AFTER_2),
    (DSPACE, DSPACE_NO_AUTHOR),
], ids=["english-fields-after", "title-under-subjects"])
def test_pages_printing_heads_under_their_keywords_join_as_the_pages_alone(
        first: str, second: str) -> None:
    alone = _read(first) + _read(second)
    assert len(alone) == 2
    assert _read(first + "\n" + second) == alone


def test_the_first_pages_own_authors_stay_with_it() -> None:
    """The next record starts at its first field the record before printed too (its
    ``摘要``), not at the record before's ``作者``. Its title lines, unlabelled above that
    field, are its own (readers3: until then they stayed with the record before)."""
    one, two = parse_records((AUTHORS_UNDER + "\n" + AUTHORS_UNDER_2).encode("utf-8"), "p.txt")
    alone = [parse_records(p.encode("utf-8"), "p.txt")[0] for p in (AUTHORS_UNDER, AUTHORS_UNDER_2)]
    page_two = alone[1]
    for joined, page in zip((one, two), alone, strict=True):
        assert [a.zh for a in joined.authors] == [a.zh for a in page.authors]
        assert (joined.keywords_zh, joined.keywords_en) == (page.keywords_zh, page.keywords_en)
    assert [a.zh for a in one.authors] == ["林美華"]
    assert one.title_en == "A User Study of Digital Archives"
    assert (two.title_zh, two.title_en) == (page_two.title_zh, page_two.title_en)
    assert two.title_en == "Quality Evaluation of Open Access Journals"


# A thesis page printing both keyword fields on its Chinese side, then its English side
# with the English title, author and keywords again (labels naming their language).
TWO_SIDES = """中文題名：基於深度學習之影像辨識研究
中文作者：王小明
中文關鍵詞：深度學習；影像辨識；卷積神經網路
英文關鍵詞：deep learning; image recognition; convolutional neural network
英文題名：Image Recognition Based on Deep Learning
英文作者：Hsiao-Ming Wang
Keywords：deep learning; image recognition; convolutional neural network
"""


def test_a_page_printing_its_english_side_again_is_one_record() -> None:
    """The English title and author after the whole list are the other-language side of
    the record's own, and the English list under them is that side printed again: one
    record, no warning (before, the English side was cut off as a second record)."""
    records = parse_records(TWO_SIDES.encode("utf-8"), "p.txt")
    assert len(records) == 1
    (rec,) = records
    assert rec.title_en == "Image Recognition Based on Deep Learning"
    assert rec.keywords_zh == ["深度學習", "影像辨識", "卷積神經網路"]
    assert not any("read from here on" in str(n) for n in rec.notices)
    # The same page twice is still two records.
    assert len(parse_records((TWO_SIDES + "\n" + TWO_SIDES).encode("utf-8"), "p.txt")) == 2


# A record's fields, its keywords in both languages, then its English title, its author and
# a one-item subject field (``主題詞``) under them.
SUBJECT_UNDER = """題名：鋰離子電池界面力學研究
中文關鍵詞：鋰離子電池；彈性常數
英文關鍵詞：lithium-ion battery; elastic constants
英文題名：Interface Mechanics of Lithium-ion Batteries
作者：王小明
主題詞：電池
"""


def test_a_one_item_subject_field_under_the_record_starts_nothing() -> None:
    """A single keyword under a title or author field of a new label, with no keyword field
    after it, is a subject row of the record's own; a next record's list holds more or goes
    on in its other language. Before, the page was cut at ``英文題名``: the second record took
    the English title, the author and the subject."""
    records = parse_records(SUBJECT_UNDER.encode("utf-8"), "p.txt")
    assert len(records) == 1
    (rec,) = records
    assert rec.title_en == "Interface Mechanics of Lithium-ion Batteries"
    assert [a.zh for a in rec.authors] == ["王小明"]
    assert "電池" in rec.keywords_zh
