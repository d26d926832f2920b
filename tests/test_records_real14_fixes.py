"""The reading and pairing rules written from real14's first-contact failures, each checked
on the stored page it failed on (``tests/data/records/real14``) and on made-up lines that
show the rule is about the shape, not the page.

real14 is a measured set: these rules were written after reading its failures, so for them
real14 is learning data from now on (see its README); a later set measures them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from termkit.align import pair_record
from termkit.align.keys import analyse_en
from termkit.align.runs import _glued_lower, cut_joined_en, cut_zh_runs
from termkit.lexicon import get_lexicon
from termkit.model import Record, Status
from termkit.records import read_records
from termkit.records.keywords import split_keywords
from termkit.records.labels import Field, lookup, match_label

from . import devrecords

PAGES = Path(devrecords.DEV).parent / "real14" / "pages"
REAL13_PAGES = Path(devrecords.DEV).parent / "real13" / "pages"


def _read(name: str, folder: Path = PAGES) -> tuple[list[str], list[str]]:
    (record,) = read_records(str(folder / f"{name}.txt"))
    return record.keywords_zh, record.keywords_en


def _pairs(name: str, folder: Path = PAGES) -> set[tuple[str, str]]:
    (record,) = read_records(str(folder / f"{name}.txt"))
    return {(p.zh, p.en) for p in pair_record(record, lexicon=get_lexicon()).pairs}


# ----------------------------------------------------------------------------- reading


def test_a_keyword_label_qualified_by_a_word_termkit_does_not_list_is_a_keyword_label() -> None:
    """``主題關鍵詞:`` (TCI-HSS) was no label at first contact: the reader took ``回上一頁``
    for the keywords. A keyword word at the end of a label of a few Han characters names
    the field whatever qualifies it; a language before it is still that language's."""
    for text in ("主題關鍵詞", "自由關鍵詞", "作者关键词", "論文關鍵字"):
        label = lookup(text)
        assert label is not None and label.field is Field.KEYWORDS and label.lang is None, text
    m = match_label("自由關鍵詞:深度學習;機器學習")  # a first character no listed label has
    assert m is not None and m.label.field is Field.KEYWORDS and m.value == "深度學習;機器學習"
    assert lookup("英文關鍵詞").lang == "en"  # type: ignore[union-attr]
    assert lookup("第三語言關鍵字").lang == "other"  # type: ignore[union-attr]
    assert lookup("本研究的五個主要關鍵詞") is None  # more than a qualifier before it
    zh, en = _read("real14-T008")
    assert zh == ["船員人力供需馬可夫鏈灰色理論"]
    assert en == ["Grey theoryMarkov chainManpower demand and supplySeafarers"]


def test_a_date_label_termkit_does_not_list_ends_the_keyword_field() -> None:
    """``出刊日期 201612`` under HyRead's ``關鍵字`` line was read as a keyword: a label ending
    in 日期 is a label, kept as a section (which date it is the word before it says)."""
    label = lookup("出刊日期")
    assert label is not None and label.field is Field.OTHER and label.known
    zh, en = _read("real14-T015")
    assert "出刊日期 201612" not in zh + en


def test_one_field_holding_both_lists_glued_at_a_change_of_script_is_cut_there() -> None:
    """TCI-HSS and HyRead print both lists in one field as links, and the copy loses every
    separator, the one between the lists too: the field is cut where its script changes,
    once, when four Han characters or more stand on one side and two words or more on the
    other; a keyword mixing scripts is not cut."""
    zh, en = _read("real14-T015")
    assert zh == ["公文檔案管理公文及檔案管理資訊系統"]
    assert en == ["official documentsrecords managementofficial documents and records management systems"]
    for keyword in ("K-Means演算法", "SWOT分析", "3D列印技術", "基於GIS的空間分析", "深度學習 Hadoop"):
        page = f"題名:某研究\n關鍵詞:{keyword}\n"
        (record,) = read_records_text(page)
        assert record.keywords_zh + record.keywords_en in ([keyword], ["深度學習", "Hadoop"]), keyword


def read_records_text(text: str) -> list[Record]:
    """The records of a page given as text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_text(text, encoding="utf-8")
        return read_records(str(path))


def test_full_stops_with_no_space_after_them_separate_english_keywords() -> None:
    """``Information literacy.Higher education.College students.`` (a VIP page) was one
    English keyword. A full stop between a lower-case word and a capitalised one separates;
    ``Web2.0``, ``ASP.NET``, ``Node.js``, ``U.S.Army`` stay whole."""
    assert split_keywords("Information literacy.Higher education.College students.") == [
        "Information literacy", "Higher education", "College students"]
    assert split_keywords("Smart library.User needs.Service innovation") == [
        "Smart library", "User needs", "Service innovation"]
    for whole in ("Web2.0", "ASP.NET Core", "U.S.Army"):
        assert split_keywords(whole) == [whole]
    _zh, en = _read("real14-M005")
    assert en == ["Information literacy", "Higher education", "College students"]


def test_a_latin_line_under_a_chinese_list_is_not_its_english_list_when_one_comes_later() -> None:
    """``【关键词】知识管理 知识管理学 …`` then the English title (``On the Four
    Latitudes,Frontiers and …``), then ``【Keywords】…`` further down: the title was read into
    the Chinese list. With an English keyword field below, a Latin line under a Chinese
    list is something else."""
    zh, _ = _read("real14-M012")
    assert zh == ["知识管理", "知识管理学", "理论研究", "前沿进展"]
    page = ("关键词:社会资本;信任;合作\nSocial Capital, Trust and Cooperation in Villages\n"
            "ZHANG San\nAbstract: This paper studies trust.\nKey words: social capital; trust; "
            "cooperation\n")
    (record,) = read_records_text(page)
    assert record.keywords_zh == ["社会资本", "信任", "合作"]
    assert record.keywords_en == ["social capital", "trust", "cooperation"]


# ----------------------------------------------------------------------------- pairing


def test_lower_case_keywords_run_into_each_other_are_cut_where_two_words_meet() -> None:
    """NDLTD and HyRead print keywords as links in lower case, and the copy glues them
    (``respiratory care wardlong-term ventilator-dependentcare qualitynosocomial``): a run
    of letters that is no word of the glosses but two of them, one way only, is cut."""
    lex = get_lexicon()
    assert _glued_lower("documentsrecords", lex) == [len("documents")]
    for word in ("bioinformatics", "healthcare", "infrastructure", "smartphone"):
        assert _glued_lower(word, lex) == [], word
    found = cut_joined_en("呼吸照護病房長期呼吸器依賴照護品質院內感染",
                          "respiratory care wardlong-term ventilator-dependentcare "
                          "qualitynosocomial infection", lex)
    assert found is not None
    assert found[0] == ("呼吸照護病房", "長期呼吸器依賴", "照護品質", "院內感染")
    assert ("公文及檔案管理資訊系統", "official documents and records management systems") in \
        _pairs("real14-T015")


def test_a_glued_run_is_cut_in_order_when_one_piece_has_no_dictionary_evidence() -> None:
    """``Knee osteoarthritisGlucosamine…`` beside ``膝關節炎葡萄糖胺…``: the English places are
    certain (a word runs into a capital), and 膝關節炎 – "Knee osteoarthritis" has little
    dictionary evidence; the in-order cut lets one piece in six stand unsupported between
    supported ones."""
    made = _pairs("real14-T011")
    assert ("膝關節炎", "Knee osteoarthritis") in made
    assert ("關節內注射玻尿酸", "Intraarticular Hyaluronate Injection") in made
    assert len(made) == 6


def test_keywords_written_without_spaces_meet_their_glosses() -> None:
    """``CelebrityArchive;KnowledgeManagement;…`` (a copy that lost every space inside the
    English keywords): capitalised words of four letters or more in a keyword of twelve
    letters or more are matched as words; names written so stay whole."""
    assert [w for w, _ in analyse_en("KnowledgeManagement").words] == ["Knowledge", "Management"]
    for name in ("JavaScript", "PowerPoint", "YouTube", "WeChat"):
        assert len(analyse_en(name).words) == 1, name
    made = _pairs("real14-M010")
    assert {("知識管理", "KnowledgeManagement"), ("知識挖掘", "KnowledgeMining")} <= made


def test_a_line_break_hyphen_turned_into_a_question_mark_is_read_through() -> None:
    """``Re? cords management``: a conversion turned the line-break hyphen into ``? ``; the
    words are matched as ``Records management``, the keyword keeps its printed form, and
    the run-together Chinese list beside it (``電子政務電子檔案檔案管理檔案室``) is cut
    ``電子檔案 | 檔案管理`` (at first contact ``電子檔案檔案 | 管理``)."""
    assert [w for w, _ in analyse_en("Re? cords management").words] == ["Records", "management"]
    # A question mark before a capital, or last, is one (a keyword is no sentence going on
    # in lower case after a question mark).
    assert [w for w, _ in analyse_en("Why? Because").words] == ["Why", "Because"]
    assert [w for w, _ in analyse_en("Open access?").words] == ["Open", "access"]
    cut = cut_zh_runs(("電子政務電子檔案檔案管理檔案室",),
                      ("E-government", "Electronic records", "Re? cords management",
                       "Authority archives"), get_lexicon())
    assert cut == ("電子政務", "電子檔案", "檔案管理", "檔案室")


def test_one_item_each_side_saying_a_word_twice_is_paired_only_as_a_candidate() -> None:
    """real13-M002 (Hans): both lists glued on one line, read as one run each side, which
    no cut takes apart; both repeat words (文化, 乡村; Cultural, Rural), as a list of several
    keywords does and one term does not: the whole pair is a candidate, with a notice."""
    (record,) = read_records(str(REAL13_PAGES / "real13-M002.txt"))
    pairing = pair_record(record, lexicon=get_lexicon())
    assert len(pairing.pairs) == 1
    assert pairing.pairs[0].status is Status.CANDIDATE
    assert any("saying a word twice" in n.message for n in pairing.notices)


def test_chinese_keywords_run_together_with_their_acronyms_are_cut_after_a_bracket() -> None:
    """NCKU's thesis system: ``視覺觸覺評價構造法(EGM)品質機能展開(QFD)、摺疊椅`` beside five
    English keywords. A run whose keywords carry their acronyms in brackets is cut between
    the words of its Han runs and right after a bracket, never before one."""
    lex = get_lexicon()
    cut = cut_zh_runs(("視覺觸覺評價構造法(EGM)品質機能展開(QFD)", "摺疊椅"),
                      ("Vision", "Sense of Touch", "Evaluation Grid Method (EGM)",
                       "Quality Function Deployment (QFD)", "Folding Chair"), lex)
    assert cut == ("視覺", "觸覺", "評價構造法(EGM)", "品質機能展開(QFD)", "摺疊椅")
    # Other punctuation or Latin outside brackets: printed as one item, not cut.
    assert cut_zh_runs(("档案利用:档案资源开发",), ("archival use", "resource development"),
                       lex) is None
    assert len(_pairs("real14-T007")) == 5
