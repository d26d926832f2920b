"""English keywords printed run together, cut by their Chinese counterparts (align.runs).

The lists are made up from dev-record keywords, not copied from a measured page.
"""

from __future__ import annotations

from termkit.align import pair_record
from termkit.align.keys import analyse_zh
from termkit.align.runs import split_run, tolerated
from termkit.lexicon import get_lexicon
from termkit.model import Record, Status
from termkit.records import parse_records


def _cut(zh: list[str], run: str) -> list[str] | None:
    lex = get_lexicon()
    return split_run([analyse_zh(z, lex) for z in zh], run)


def test_a_run_is_cut_where_the_pairs_evidence_says() -> None:
    assert _cut(["社會支持", "生活事件", "人格特質"], "social support life events personality traits") == [
        "social support", "life events", "personality traits"
    ]
    # Capitals say nothing of where a keyword ends; a group may hold a function word.
    assert _cut(["大學生", "心理健康", "權力平衡"], "College students mental health balance of power") == [
        "College students", "mental health", "balance of power"
    ]


def test_one_long_english_keyword_is_left_whole() -> None:
    # Words that render one keyword together ("machine learning") are not cut apart.
    assert _cut(["機器學習", "深度學習"], "machine learning and deep learning") is None
    # Too little evidence for the groups: no cut.
    assert _cut(["現實主義", "權力平衡", "越南外交政策"], "an analysis of the foreign policy of Vietnam") is None
    # Fewer words than keywords: nothing to cut.
    assert _cut(["社會支持", "生活事件"], "support") is None
    assert [tolerated(n) for n in (2, 3, 4, 6, 7)] == [0, 0, 1, 1, 2]


def test_pair_record_pairs_the_cut_and_says_so() -> None:
    record = Record(
        source="made-up.txt",
        id="r",
        keywords_zh=["社會支持", "生活事件", "人格特質"],
        keywords_en=["social support life events personality traits"],
        lines={"keywords": 7},
    )
    pairing = pair_record(record)
    assert [(p.zh, p.en) for p in pairing.pairs] == [
        ("社會支持", "social support"), ("生活事件", "life events"), ("人格特質", "personality traits")
    ]
    assert pairing.record.keywords_en == ["social support", "life events", "personality traits"]
    assert record.keywords_en == ["social support life events personality traits"]  # not changed
    (notice,) = pairing.notices
    assert "without separators" in notice.message and (notice.path, notice.line) == ("made-up.txt", 7)
    assert pairing.pairs[0].status is Status.PREFERRED


def test_a_page_with_both_lists_on_one_line_reads_and_pairs() -> None:
    page = (
        "大學生心理健康研究\n\n"
        "關鍵詞 社會支持 生活事件 人格特質 social support life events personality traits\n"
    ).encode()
    (record,) = parse_records(page, "page.txt")
    assert record.keywords_zh == ["社會支持", "生活事件", "人格特質"]
    assert {(p.zh, p.en) for p in pair_record(record).pairs} == {
        ("社會支持", "social support"), ("生活事件", "life events"), ("人格特質", "personality traits")
    }


def test_latin_terms_ending_a_spaced_chinese_list_are_items_not_an_english_run() -> None:
    """A thesis page's Chinese field of items set apart by single spaces, ending in Latin
    terms (``ResNeSt Grad-CAM LIME``: capitals inside, a hyphen, an acronym), beside its own
    English field: the terms are three items of the Chinese list, as printed. Since English
    keywords run together after Chinese ones became one item (5f9cd7f), they were read as one
    English run, and 遷移學習 – Transfer Learning went unpaired (the dev record kwrec-024 in the
    ndltd page families: 1 misread). A run holding an ordinary English word is still a run."""
    page = ("論文名稱:多任務機器學習圖形辨識於藥物辨識之研究\n"
            "中文關鍵詞:多任務學習 卷積神經網路 遷移學習 ResNeSt Grad-CAM LIME\n"
            "外文關鍵詞:Multi-Task Learning  Convolutional Neural Networks  Transfer Learning  "
            "ResNeSt  Grad-CAM  LIME\n")
    (rec,) = parse_records(page.encode("utf-8"), "p.txt")
    assert rec.keywords_zh == ["多任務學習", "卷積神經網路", "遷移學習", "ResNeSt", "Grad-CAM", "LIME"]
    pairs = {p.zh: p.en for p in pair_record(rec).pairs}
    assert pairs.get("遷移學習") == "Transfer Learning" and pairs.get("Grad-CAM") == "Grad-CAM"
    (run,) = parse_records("關鍵詞：新界 六堆 客家 New Territories Liudui Hakka\n".encode(), "p.txt")
    assert run.keywords_zh == ["新界", "六堆", "客家"] and run.keywords_en == ["New Territories Liudui Hakka"]


def test_a_field_labelled_chinese_holds_no_english_run() -> None:
    """A field whose label names its language (``中文關鍵詞``) beside its own English field
    holds that language's list: Latin items ending it stay items, even where one is shaped
    like an ordinary word (``Hadoop``, ``Python``, ``Transformer``). Read as English keywords
    run together they were one Chinese item (``Hadoop Spark``), paired with ``Hadoop`` only."""
    for tail, items in (("Hadoop Spark", ["Hadoop", "Spark"]),
                        ("Python TensorFlow", ["Python", "TensorFlow"]),
                        ("BERT Transformer", ["BERT", "Transformer"])):
        page = (f"中文關鍵詞:大數據 機器學習 {tail}\n"
                f"外文關鍵詞:big data  machine learning  {'  '.join(items)}\n")
        (rec,) = parse_records(page.encode("utf-8"), "p.txt")
        assert rec.keywords_zh == ["大數據", "機器學習", *items], page
        pairs = {p.zh: p.en for p in pair_record(rec).pairs}
        assert all(pairs.get(item) == item for item in items), pairs


def test_a_bare_field_beside_an_english_field_holds_its_latin_items() -> None:
    """A bare ``關鍵詞`` field (no language named) ending in Latin words that the English
    field beside it prints as items of its own (``Hadoop``, ``Spark``): they are items of
    the Chinese list, not the English list run together. Before, ``Hadoop Spark`` was one
    Chinese item, paired with ``Hadoop`` only."""
    page = ("關鍵詞：機器學習 遷移學習 Hadoop Spark\n"
            "Keywords: machine learning; transfer learning; Hadoop; Spark\n")
    (rec,) = parse_records(page.encode("utf-8"), "p.txt")
    assert rec.keywords_zh == ["機器學習", "遷移學習", "Hadoop", "Spark"]
    pairs = {p.zh: p.en for p in pair_record(rec).pairs}
    assert pairs == {"機器學習": "machine learning", "遷移學習": "transfer learning",
                     "Hadoop": "Hadoop", "Spark": "Spark"}
    # Words the English field does not print as items still make a run.
    (run,) = parse_records("關鍵詞：新界 六堆 客家 New Territories Liudui Hakka\n".encode(), "p.txt")
    assert run.keywords_en == ["New Territories Liudui Hakka"]


def test_a_run_of_one_word_per_keyword_needs_most_groups_supported() -> None:
    """A run of as many words as Chinese keywords can be cut one way only, a word each: it
    is kept when the evidence supports most groups (``SmartContract`` has none, the other
    two have). Before, every group of three needed evidence, and the whole run was paired
    with the first keyword."""
    (rec,) = parse_records("關鍵詞：物聯網 區塊鏈 智慧合約 IoT Blockchain SmartContract\n".encode(),
                           "p.txt")
    assert rec.keywords_en == ["IoT Blockchain SmartContract"]
    assert [(p.zh, p.en) for p in pair_record(rec).pairs] == [
        ("物聯網", "IoT"), ("區塊鏈", "Blockchain"), ("智慧合約", "SmartContract")]
    # With more words than keywords the cut is a choice, and still needs every group.
    assert _cut(["物聯網", "區塊鏈", "智慧合約"], "IoT Blockchain Smart Legal Contract") is None
    # Words with no evidence at all are no cut, however many.
    assert _cut(["機器學習", "遷移學習"], "Hadoop Spark") is None


# ---- one Chinese keyword run together beside an English list in another order
# (keyword lists printed as links lose their separators in a copy; such a page's English list
# is often alphabetical). Made-up lists of dictionary words, not copied from a measured page.


def _zh_cut(zh: str, en: tuple[str, ...]) -> tuple[str, ...] | None:
    from termkit.align.runs import cut_zh_runs

    return cut_zh_runs((zh,), en, get_lexicon())


def test_a_run_is_cut_for_an_english_list_in_another_order() -> None:
    assert _zh_cut("機器學習自然語言處理資料探勘",
                   ("data mining", "machine learning", "natural language processing")) == (
        "機器學習", "自然語言處理", "資料探勘")
    # ... and the pairs then follow the evidence, not the places.
    record = Record(source="page.txt", id="r1", keywords_zh=["機器學習自然語言處理資料探勘"],
                    keywords_en=["data mining", "machine learning", "natural language processing"])
    pairs = {(p.zh, p.en) for p in pair_record(record, lexicon=get_lexicon()).pairs}
    assert pairs == {("機器學習", "machine learning"), ("資料探勘", "data mining"),
                     ("自然語言處理", "natural language processing")}


def test_a_suffix_stays_with_its_word() -> None:
    # 自主 | 性 in the segmentation; CC-CEDICT calls 性 a suffix (-ness, -ity), so no piece
    # starts with it, though 性 beside the next piece scores no worse.
    for zh, en in (("學習自主性線上課程", ("online courses", "learning autonomy")),
                   ("線上課程學習自主性", ("learning autonomy", "online courses"))):
        cut = _zh_cut(zh, en)
        assert cut is not None and "學習自主性" in cut


def test_cuts_the_evidence_cannot_tell_apart_leave_the_run_whole() -> None:
    # 長期 | 照顧居家醫療 and 長期照顧 | 居家醫療 explain as much (both English keywords end in
    # "Care", which 照顧 renders either way round): no cut.
    assert _zh_cut("長期照顧居家醫療", ("Home Medical Care", "Long-term Care")) is None


def test_both_lists_run_together_are_cut_where_a_word_runs_into_a_capital() -> None:
    from termkit.align.runs import cut_joined_en

    lex = get_lexicon()
    assert cut_joined_en("居家醫療長期照顧", "Home Medical CareLong-term Care", lex) == (
        ("居家醫療", "長期照顧"), ("Home Medical Care", "Long-term Care"))
    # A capital inside one keyword cuts nothing the Chinese does not support.
    assert cut_joined_en("網頁程式設計", "JavaScript programming", lex) is None
    record = Record(source="page.txt", id="r1", keywords_zh=["居家醫療長期照顧"],
                    keywords_en=["Home Medical CareLong-term Care"])
    result = pair_record(record, lexicon=get_lexicon())
    assert {(p.zh, p.en) for p in result.pairs} == {
        ("居家醫療", "Home Medical Care"), ("長期照顧", "Long-term Care")}
    assert any("without separators" in n.message for n in result.notices)
