"""Page-reading misreads left by earlier reviews (readers3), one test per shape.

Every page here is made up for the shape it shows (no record of any set is copied); each
test failed on the readers before its fix. The oracle is what a reader of the page sees:
the record's own title, authors and keyword lists.
"""

from __future__ import annotations

from termkit.records import parse_records


def _read(page: str) -> list:
    return parse_records(page.encode("utf-8"), "p.txt")


# A labelled page, then a block of other articles under a heading, in the same labels.
RELATED = """題名：正念與學業壓力之研究
作者：張三
關鍵詞：正念；學業壓力；焦慮
Keywords: mindfulness; academic stress; anxiety

{heading}
Title: 大學生憂鬱研究
Authors: 李四
Keywords: 憂鬱；大學生

Title: 睡眠品質與學習
Authors: 王五
Keywords: 睡眠品質；學習成效
"""


def test_related_articles_under_a_labelled_page_are_its_furniture() -> None:
    """Entries under a heading over other articles (``相關文獻``, ``Related articles``) are
    the page's furniture: no record of their own and none of the page's fields. Before, a
    second record was split off at the entries' ``Title:`` and the page took ``李四`` as a
    second author."""
    for heading in ("相關文獻", "Related articles", "推薦文章"):
        records = _read(RELATED.format(heading=heading))
        assert len(records) == 1, heading
        (rec,) = records
        assert [a.zh for a in rec.authors] == ["張三"]
        assert rec.title_zh == "正念與學業壓力之研究"
        assert rec.keywords_zh == ["正念", "學業壓力", "焦慮"]
        assert rec.keywords_en == ["mindfulness", "academic stress", "anxiety"]
        (kept,) = [s for s in rec.sections if s.name == "other_articles"]
        assert kept.text.startswith(heading) and "睡眠品質" in kept.text and kept.line == 6
        assert not any("read from here on" in str(n) for n in rec.notices)
    # Without the heading the entries are another record, as before.
    assert len(_read(RELATED.format(heading=""))) == 2
