"""Page-reading misreads left by earlier rounds (readers4), one test per shape.

Each page is in the shape of a real page (see ``tests/data/records/README.md`` for each
fixture's origin); its terms are made up. Each test failed on the readers before its fix.
The oracle is what a reader of the page sees: the record's own title, authors and lists.
"""

from __future__ import annotations

from pathlib import Path

from termkit.records import parse_records, read_records

DATA = Path(__file__).parent / "data" / "records"

# Thirty-two made-up keywords and their English: longer than any dev list (a thesis may
# list that many), so every list here is past the length a keyword line usually has.
ZH = ["正念", "學業壓力", "焦慮", "憂鬱", "睡眠品質", "自我效能", "大學生", "社會支持", "心理健康", "生活滿意度", "壓力因應", "情緒調節", "人際關係", "學習動機", "幸福感", "自尊", "復原力", "家庭功能", "同儕關係", "網路成癮", "手機依賴", "運動習慣", "飲食行為", "時間管理", "生涯發展", "學業成就", "孤獨感", "正向心理", "創造力", "批判思考", "問題解決", "團隊合作"]
EN = ["mindfulness", "academic stress", "anxiety", "depression", "sleep quality", "self-efficacy", "college students", "social support", "mental health", "life satisfaction", "coping", "emotion regulation", "interpersonal relationships", "learning motivation", "well-being", "self-esteem", "resilience", "family functioning", "peer relationships", "internet addiction", "smartphone dependence", "exercise habits", "eating behavior", "time management", "career development", "academic achievement", "loneliness", "positive psychology", "creativity", "critical thinking", "problem solving", "teamwork"]


def _read(page: str) -> list:
    return parse_records(page.encode("utf-8"), "p.txt")


def test_a_long_keyword_list_is_split() -> None:
    """A thesis's keyword fields of 32 items each (the fixture), and the same lists in other
    shapes: every separator, on labelled and unlabelled pages. Past ~300 characters a line
    was no keyword line (the English list of 24 items or more went to sections), a Chinese
    list separated by ``，`` of 100 Han characters was prose, and one separated by two spaces
    or ideographic spaces was one item (prose by its word count, no separator counted)."""
    (rec,) = read_records(DATA / "long_keyword_list.txt")
    assert rec.keywords_zh == ZH and rec.keywords_en == EN
    assert rec.title_zh == "大學生正念、學業壓力與心理健康之相關研究"
    pages = (
        "題名：正念與學業壓力之研究\n作者：張三\n關鍵詞：{z}\nKeywords: {e}\n摘要：本研究探討正念。\n",
        "正念與學業壓力之研究\n\n張三\n\n{z}\n{e}\n\n摘要\n",
        "正念與學業壓力之研究\n\n張三\n\n關鍵詞：{z}\n\nKeywords: {e}\n",
    )
    for page in pages:
        for zh_sep, en_sep in (("；", "; "), ("、", ", "), ("，", ", "), ("  ", "  "), ("\u3000", "  ")):
            for n in (24, 32):
                (one,) = _read(page.format(z=zh_sep.join(ZH[:n]), e=en_sep.join(EN[:n])))
                assert (one.keywords_zh, one.keywords_en) == (ZH[:n], EN[:n]), (page, zh_sep, n)


def test_long_prose_is_still_prose() -> None:
    """What the long-list rules must not take for a list: an abstract paragraph with commas
    and no full stop (a PDF line cut mid-sentence), and an English paragraph."""
    clauses = ("本研究以問卷調查法探討大學生的學業壓力，並分析其與正念之間的關係，研究對象為臺北市"
               "三所大學的學生，共發出問卷五百份，回收有效問卷四百二十份，有效回收率為百分之八十四，"
               "資料以描述統計與迴歸分析處理，結果發現正念對學業壓力有顯著的負向影響")
    words = " ".join(["The study examined how mindfulness relates to academic stress among "
                      "college students in three universities and whether"] * 4)
    for paragraph in (clauses, words):
        (rec,) = _read(f"正念與學業壓力之研究\n\n張三\n\n{paragraph}\n\n正念；學業壓力\n\n"
                       "mindfulness; academic stress\n")
        assert rec.keywords_zh == ["正念", "學業壓力"], paragraph[:20]
        assert rec.keywords_en == ["mindfulness", "academic stress"]


KW_ZH = ["機器學習", "遷移學習", "巨量資料", "雲端運算"]
KW_EN = ["machine learning", "transfer learning", "big data", "cloud computing"]
TITLE = "機器學習於巨量資料分析之應用"


def test_inline_asterisk_bullets_in_a_keyword_line() -> None:
    """A Markdown page whose keyword fields hold their items as inline bullets
    (``* 機器學習 * 遷移學習``, a list of inline items copied as Markdown): an asterisk
    standing alone between spaces is a bullet, as ``★`` is, on a Markdown page and on plain
    text. Before, only the first bullet went and one item held the rest
    (``機器學習 * 遷移學習 * …``)."""
    (rec,) = read_records(DATA / "markdown_inline_bullets.md")
    assert (rec.keywords_zh, rec.keywords_en) == (KW_ZH, KW_EN)
    assert rec.title_zh == TITLE and [a.zh for a in rec.authors] == ["王大明"]
    for page in ("{t}\n\n王大明\n\n* {z}\n\n* {e}\n", "{t}\n\n研究生: 王大明\n\n關鍵詞: {z}\nKeywords: {e}\n",
                 "{t}\n\n王大明\n\n{z}\n\n{e}\n"):
        (plain,) = _read(page.format(t=TITLE, z=" * ".join(KW_ZH), e=" * ".join(KW_EN)))
        assert (plain.keywords_zh, plain.keywords_en) == (KW_ZH, KW_EN), page
    # Asterisks that are no bullets stay as printed: a product in a term, significance stars.
    (star,) = _read(f"{TITLE}\n\n關鍵詞: A*演算法；路徑規劃\nKeywords: A* algorithm; path planning\n")
    assert star.keywords_zh == ["A*演算法", "路徑規劃"] and star.keywords_en[0] == "A* algorithm"


def test_a_page_with_one_markdown_mark_is_markdown() -> None:
    """A page whose only Markdown is its title as a heading (the fixture), or one bold
    label: that mark is no text a browser shows, so the page is read through it. Before,
    a page needed two marks: the title was ``# 機器學習…`` and a bold author label
    (``**研究生**: 王大明``) lost its author."""
    (rec,) = read_records(DATA / "markdown_one_mark.md")
    assert rec.title_zh == TITLE
    assert [(a.zh, a.en) for a in rec.authors] == [("王大明", "Wang, Ta-Ming")]
    assert (rec.keywords_zh, rec.keywords_en) == (KW_ZH, KW_EN)
    (bold,) = _read(f"{TITLE}\n\n**研究生**: 王大明\n\n關鍵詞: 機器學習、遷移學習\n"
                    "Keywords: machine learning, transfer learning\n")
    assert bold.title_zh == TITLE and [a.zh for a in bold.authors] == ["王大明"]
    assert bold.keywords_zh == KW_ZH[:2]


def test_an_empty_keyword_label_takes_no_list_from_further_down() -> None:
    """A keyword label printed with nothing under it but the next field's label: the field
    is empty. On a page of bilingual label pairs (the fixture: ``關鍵字`` / ``Keywords``, then
    ``統計`` / ``Statistics`` over its counter) the pair under it is the next field's label,
    not a keyword in each language; on a ``label：value`` page a keyword line further down
    (after ``出版日期：2020``) is no list of the empty label. Before, ``統計``, ``Statistics``
    and the counter were the keywords, and the line further down the Chinese list."""
    (rec,) = read_records(DATA / "empty_keyword_label_pair.txt")
    assert (rec.keywords_zh, rec.keywords_en) == ([], [])
    assert rec.title_en == "Mindfulness and Academic Stress among College Students"
    assert [(a.zh, a.en) for a in rec.authors] == [("王大明", "Ta-Ming Wang")]
    assert any(s.name == "統計" for s in rec.sections)
    assert any(n.message == "a keyword label with no list under it" and n.line == 22
               for n in rec.notices)
    (inline,) = _read("題名：正念與學業壓力之研究\n作者：張三\n關鍵詞：\n出版日期：2020\n\n"
                      "睡眠品質；大學生；焦慮\n")
    assert (inline.keywords_zh, inline.keywords_en) == ([], [])
    assert [a.zh for a in inline.authors] == ["張三"]
    # A label printed alone over a paragraph, its list below it, is still read so.
    (apart,) = _read("題名：正念與學業壓力之研究\n作者：張三\n關鍵詞：\n\n"
                     "本研究探討正念與學業壓力的關係，結果顯示兩者相關。\n\n正念；學業壓力\n")
    assert apart.keywords_zh == ["正念", "學業壓力"]
    # The pair with one keyword in each language under it (the next label pair right under
    # them) is still the list.
    page = (DATA / "empty_keyword_label_pair.txt").read_text(encoding="utf-8")
    (one,) = _read(page.replace("Keywords\n", "Keywords\n醫療資訊\nMedical Information\n"))
    assert (one.keywords_zh, one.keywords_en) == (["醫療資訊"], ["Medical Information"])


def test_html_item_boundaries_a_browser_collapses() -> None:
    """A page saved as HTML whose keyword fields separate their items by two spaces in the
    source (the fixture: a journal page printing ``关 键 词：`` and ``Keywords：`` items set
    apart by two spaces, CNKI-like rows) and whose authors are sibling links: a browser shows
    one space for each run, so ``machine learning transfer learning …`` would be one item
    and ``王大明1 张 晓2`` no two names. The author meant separate items: in a keyword field
    (a keyword label's line, or the lines under a bare keyword label) a run of spaces in
    the source is a wide gap, and sibling links or spans with nothing but white space (or
    nothing) between them are separate items. Elsewhere the text is as a browser shows it.
    Before, the English list was one item and no author was read."""
    (rec,) = read_records(DATA / "html_item_gaps.html")
    assert rec.keywords_zh == ["机器学习", "迁移学习", "巨量资料", "云端运算"]
    assert rec.keywords_en == KW_EN
    assert [a.zh for a in rec.authors] == ["王大明", "张 晓"]
    assert rec.title_zh == "机器学习于巨量资料之应用"
    shapes = (
        '<p>关键词：<a href="#">机器学习</a><a href="#">迁移学习</a></p>'
        '<p>Keywords：<a href="#">machine learning</a> <a href="#">transfer learning</a></p>',
        '<p style="white-space: pre-wrap">关键词：机器学习  迁移学习\n'
        'Keywords：machine learning  transfer learning</p>',
        '<table><tr><th>关键词</th><td>机器学习  迁移学习</td></tr>'
        '<tr><th>Keywords</th><td>machine learning  transfer learning</td></tr></table>',
    )
    for body in shapes:
        page = f"<!DOCTYPE html><html><body><h1>{TITLE}</h1>{body}</body></html>"
        (one,) = parse_records(page.encode("utf-8"), "p.html")
        assert (one.keywords_zh, one.keywords_en) == (["机器学习", "迁移学习"], KW_EN[:2]), body
    # Outside a keyword field a run of spaces shows as one, as a browser shows it.
    from termkit.records.htmlpage import shown_lines
    assert [t for _, t in shown_lines("<p>a  title   here</p>")] == ["a title here"]



def test_an_english_title_and_romanized_names_under_an_empty_keyword_label() -> None:
    """A labelled page whose keyword label is printed empty, with the English half under it
    (the fixture): the English title over the romanized names, not an English list. The
    names spell Chinese syllables word by word (``Ta-Ming Wang``); the title is one item of
    three words or more. Before, the title and the first name were one English keyword and
    the authors had no romanized names (or, without a Chinese author field, none at all)."""
    (rec,) = read_records(DATA / "empty_keyword_label_english_half.txt")
    assert (rec.keywords_zh, rec.keywords_en) == ([], [])
    assert rec.title_en == "Mindfulness and Academic Stress among College Students"
    assert [(a.zh, a.en) for a in rec.authors] == [("王大明", "Ta-Ming Wang"), ("陳小華", "Hsiao-Hua Chen")]
    page = (DATA / "empty_keyword_label_english_half.txt").read_text(encoding="utf-8")
    (alone,) = _read(page.replace("作者：王大明、陳小華\n", ""))
    assert [a.en for a in alone.authors] == ["Ta-Ming Wang", "Hsiao-Hua Chen"]
    assert alone.keywords_en == []
    # Words that spell no Chinese syllables are an English list under the label, as before.
    (listed,) = _read(page.replace("Ta-Ming Wang, Hsiao-Hua Chen", "Deep Learning, Neural Networks"))
    assert listed.title_en is None and "Neural Networks" in listed.keywords_en


def test_reading_does_not_depend_on_what_was_read_before() -> None:
    """Run-to-run variation was seen once in split and labelled reading (a dropped
    version). The readers cache pure functions of a line only; reading the same pages in
    reverse order, after other pages, gives every record the same (under PYTHONHASHSEED 0,
    1, 2 and random the 2,087 dev page and join readings were compared record by record in
    separate processes: identical)."""
    import dataclasses
    from itertools import pairwise

    from termkit.records.keywords import clear_caches

    from . import devrecords, pagevariants

    records = devrecords.load_all_dev()[:40]
    families = [pagevariants.FAMILIES[name] for name in ("wanfang", "reordered", "noblank lines")]
    pages = [f(r) for f in families for r in records]
    pages += [families[0](a) + "\n\n" + families[0](b) for a, b in pairwise(records)]

    def read_all(order: list[int]) -> dict[int, list[dict]]:
        return {i: [dataclasses.asdict(r) for r in _read(pages[i])] for i in order}

    clear_caches()
    forward = read_all(list(range(len(pages))))
    clear_caches()
    backward = read_all(list(range(len(pages)))[::-1])
    assert forward == backward
