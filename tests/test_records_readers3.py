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


# An article database's page: its titles unlabelled over ``摘要``, its fields after them.
TITLED_OVER_FIELDS = """{title_zh}
{title_en}
摘要：{abstract}
关键词：{zh}
Keywords：{en}
作者：{author}
作者单位：某大学，北京，100871
刊名：心理学报
"""
PAGE_ONE = TITLED_OVER_FIELDS.format(
    title_zh="正念与学业压力研究", title_en="Mindfulness and Academic Stress",
    abstract="本研究探讨正念与学业压力的关系。", zh="正念  学业压力  焦虑",
    en="mindfulness  academic stress  anxiety", author="张三  李四")
PAGE_TWO = TITLED_OVER_FIELDS.format(
    title_zh="睡眠品质研究", title_en="Sleep Quality of Students",
    abstract="本研究探讨大学生睡眠品质。", zh="睡眠  品质  大学生",
    en="sleep  quality  college students", author="王五")


def test_a_next_page_opening_with_unlabelled_titles_starts_at_them() -> None:
    """Two such pages pasted one under the other, with a blank line between them or none:
    the second record starts at its title lines, not at its ``摘要`` (the first field
    printed again). Before, its titles were the first record's sections and it had none."""
    alone = [_read(PAGE_ONE)[0], _read(PAGE_TWO)[0]]
    for gap in ("\n", ""):
        one, two = _read(PAGE_ONE + gap + PAGE_TWO)
        for joined, page in zip((one, two), alone, strict=True):
            assert (joined.title_zh, joined.title_en) == (page.title_zh, page.title_en), gap
            assert (joined.keywords_zh, joined.keywords_en) == (page.keywords_zh, page.keywords_en)
            assert [a.zh for a in joined.authors] == [a.zh for a in page.authors]
        assert two.title_zh == "睡眠品质研究" and two.lines["title_zh"] == PAGE_ONE.count("\n") + len(gap) + 1
        assert not any(s.text in ("睡眠品质研究", "Sleep Quality of Students") for s in one.sections)


def test_an_english_title_with_a_comma_under_the_chinese_keyword_line() -> None:
    """A journal page's English half opens with its title right under the Chinese keyword
    line; a title with a comma has the shape of a short English list. It is no part of the
    keyword field when a keyword field follows it (the English list has its own) or when an
    item of it opens with a joining word (``…, and Anxiety``), and the line read apart is
    the English title, not a list kept as sections. Before, the title's pieces were read as
    Chinese keywords (``Mindfulness``, ``Stress and Anxiety``), or with a blank line
    around it kept as two sections."""
    pages = (
        "論正念與壓力\n关键词：正念；壓力；焦慮\n{t}\nKeywords: mindfulness; stress; anxiety\n",
        "論正念與壓力\n\n关键词：正念；壓力；焦慮\n\n{t}\n\nKeywords: mindfulness; stress; anxiety\n",
        "論正念與壓力之研究\n張三\n关键词：正念；壓力；焦慮\n{t}\nSan Zhang\n"
        "Key words: mindfulness; stress; anxiety\n",
    )
    for page, title in zip(pages, ("Mindfulness, Stress and Anxiety",) * 2
                           + ("Mindfulness, Stress, and Anxiety",), strict=True):
        (rec,) = _read(page.format(t=title))
        assert rec.keywords_zh == ["正念", "壓力", "焦慮"], page
        assert rec.keywords_en == ["mindfulness", "stress", "anxiety"]
        assert rec.title_en == title
    # The English half of one field, two lines, still reads as before.
    (one,) = _read("論正念與壓力\n关键词：正念；壓力；焦慮\nmindfulness, stress, anxiety\n摘要：本研究。\n")
    assert one.keywords_en == ["mindfulness", "stress", "anxiety"] and one.title_en is None


def test_title_and_authors_in_one_block_are_no_keyword_block() -> None:
    """A page that kept its blank lines but printed the title and the author line with no
    blank between them: the block is the title over the authors, not the keyword block
    (a title, then names split at ``、``, had a list's shape). Before, the page's own lists
    were kept as sections and the title and names paired as keywords, or the names were
    run into the Chinese title."""
    cases = (
        ("正念與學業壓力\n張三、李四、王五\n\n正念 學業壓力 焦慮\n\n"
         "mindfulness, academic stress, anxiety\n", ("正念與學業壓力", None), ["張三", "李四", "王五"]),
        ("Mindfulness and Academic Stress\n張三、李四\n\n正念\n學業壓力\n焦慮\n\n"
         "mindfulness\nacademic stress\nanxiety\n", (None, "Mindfulness and Academic Stress"),
         ["張三", "李四"]),
        ("正念與學業壓力\n張三、李四\n\n正念；學業壓力；焦慮\nmindfulness; academic stress; anxiety\n",
         ("正念與學業壓力", None), ["張三", "李四"]),
        ("正念與學業壓力之研究\n張尹馨\n\n正念；學業壓力；焦慮\nmindfulness; academic stress; anxiety\n",
         ("正念與學業壓力之研究", None), ["張尹馨"]),
    )
    for page, titles, names in cases:
        (rec,) = _read(page)
        assert (rec.title_zh, rec.title_en) == titles, page
        assert [a.zh for a in rec.authors] == names
        assert rec.keywords_zh == ["正念", "學業壓力", "焦慮"]
        assert rec.keywords_en == ["mindfulness", "academic stress", "anxiety"]
    # A block of two titles over a keyword per line is no author line: read as before.
    (two,) = _read("正念與學業壓力\n\n正念\n學業壓力\n焦慮\nmindfulness\nacademic stress\nanxiety\n")
    assert two.keywords_zh == ["正念", "學業壓力", "焦慮"] and not two.authors


def test_an_english_one_word_title_over_lists_one_keyword_per_line_without_blank_lines() -> None:
    """A page without blank lines: an English title alone (no Chinese title), then the
    Chinese keywords one per line, then the English ones. The Chinese run is one line
    longer than the English one, and that line is the Latin line opening the page: the
    title, not a Latin term opening the Chinese list (which the English list repeats, and
    then there is no surplus). Before, the title was the first Chinese keyword."""
    for title, en in (("Mindfulness", ["mindfulness", "stress", "anxiety"]),
                      ("Mindfulness", ["Mindfulness", "Stress", "Anxiety"]),
                      ("Mindfulness and Stress among College Students",
                       ["mindfulness", "stress", "anxiety"])):
        (rec,) = _read("\n".join([title, "正念", "壓力", "焦慮", *en]) + "\n")
        assert rec.title_en == title
        assert rec.keywords_zh == ["正念", "壓力", "焦慮"] and rec.keywords_en == en
    # A Latin term opening the Chinese list, repeated in the English one, stays a keyword.
    (term,) = _read("ChatGPT\n正念\n壓力\nChatGPT\nmindfulness\nstress\n")
    assert term.keywords_zh == ["ChatGPT", "正念", "壓力"] and term.title_en is None


def test_a_keyword_label_with_no_list_swallows_no_block() -> None:
    """A keyword label printed bare (``關鍵詞：``) with no list under it: the block under it
    is read as what it is (a title built like one, or the English title above the
    romanized names), the page has no keywords, and a notice names the label's line.
    Before, that block was taken for the label's list (a title as a keyword, the English
    title as an English keyword, or a title and names run into one keyword)."""
    unlabelled = "正念與學業壓力之研究\n\n張三、李四\n\n關鍵詞：\n\n{}\n"
    for below in ("學業壓力與正念訓練課程之研究", "Mindfulness and Academic Stress\n\nSan Zhang, Si Li"):
        (rec,) = _read(unlabelled.format(below))
        assert (rec.keywords_zh, rec.keywords_en) == ([], []), below
        assert any(n.message == "a keyword label with no list under it" and n.line == 5
                   for n in rec.notices)
    (english,) = _read(unlabelled.format("Mindfulness and Academic Stress\n\nSan Zhang, Si Li"))
    assert english.title_en == "Mindfulness and Academic Stress"
    assert [(a.zh, a.en) for a in english.authors] == [("張三", "San Zhang"), ("李四", "Si Li")]
    labelled = "題名：正念與學業壓力之研究\n作者：張三\n關鍵詞：\n\n大學生睡眠品質之研究\n{}"
    for names in ("李四、王五\n", ""):
        (rec,) = _read(labelled.format(names))
        assert (rec.keywords_zh, rec.keywords_en) == ([], []), names
        assert [a.zh for a in rec.authors] == ["張三"]
        assert any(n.message == "a keyword label with no list under it" and n.line == 3
                   for n in rec.notices)
    # A list under the label, after a blank line or a paragraph, is still its list.
    for below in ("正念\n學業壓力", "本研究探討正念與學業壓力的關係，結果顯示兩者相關。\n\n正念；學業壓力"):
        (rec,) = _read(labelled.replace("大學生睡眠品質之研究\n{}", below + "\n"))
        assert rec.keywords_zh == ["正念", "學業壓力"], below
        (page,) = _read(unlabelled.format(below))
        assert page.keywords_zh == ["正念", "學業壓力"], below


def test_a_chinese_list_line_broken_after_a_whole_item_or_inside_one() -> None:
    """A Chinese keyword line broken with no separator at the break (``…；大學生`` /
    ``焦慮；…``) is one keyword wrapped (``大學生焦慮``) or two whose separator was lost at
    the line's end. A narrow column fills each line it breaks, so a line narrower than the
    one under it ended at an item's end: there, when the break falls between words and the
    English list counts one item per Chinese keyword that way, the two are apart. A line
    filled to the column (as wide as the one under it or wider) was broken by the width:
    joined, as before. On an unlabelled page, which joined no wrap before, a break inside
    a keyword (``越南外交政`` / ``策``) is joined when the English list counts one item
    fewer than the Chinese pieces."""
    zh = "關鍵詞：正念；學業壓力；大學生\n焦慮；憂鬱；睡眠品質；自我效能感\n"
    apart = "Keywords: mindfulness; academic stress; college students; anxiety; depression; " \
            "sleep quality; self-efficacy\n"
    (rec,) = _read(zh + apart)
    assert rec.keywords_zh == ["正念", "學業壓力", "大學生", "焦慮", "憂鬱", "睡眠品質", "自我效能感"]
    # The same break, the English list counting one keyword there: one keyword wrapped.
    (one,) = _read(zh + apart.replace("college students; anxiety", "college student anxiety"))
    assert one.keywords_zh == ["正念", "學業壓力", "大學生焦慮", "憂鬱", "睡眠品質", "自我效能感"]
    # A line filled to the column: broken by the width, one keyword, whatever the count.
    (filled,) = _read("關鍵詞：正念；學業壓力；大學生\n焦慮；憂鬱\n"
                      "Keywords: mindfulness; academic stress; college students; anxiety; depression\n")
    assert filled.keywords_zh == ["正念", "學業壓力", "大學生焦慮", "憂鬱"]
    # A break inside a word of the dictionary is inside a keyword (開|發), whatever the count.
    (word,) = _read("關鍵詞：奧運檔案；檔案利用：檔案資源開\n發；北京市檔案館；數位典藏；檔案管理；檔案數位化\n"
                    "Keywords: Olympic archives; archives utilization; archives resource "
                    "development; Beijing Municipal Archives; digital archives; records "
                    "management; archives digitization\n")
    assert word.keywords_zh[1] == "檔案利用：檔案資源開發"
    page = "正念研究之探討\n\n現實主義；權力平衡；越南外交政\n策；國際關係\n\n{}\n"
    (inside,) = _read(page.format(
        "realism; balance of power; Vietnam foreign policy; international relations"))
    assert inside.keywords_zh == ["現實主義", "權力平衡", "越南外交政策", "國際關係"]
    (five,) = _read(page.format(
        "realism; balance of power; Vietnam; foreign policy; international relations"))
    assert five.keywords_zh == ["現實主義", "權力平衡", "越南外交政", "策", "國際關係"]
