"""review23 (fixed: an item whose initials are the acronym renders it): an acronym last in a Chinese list printed one per line loses the English list when
the English list spells the acronym out (5e915a3).

5e915a3: "Latin lines after a Chinese list printed one per line are its terms when the Latin
block under them has an item for each line and repeats them". A paper's English keywords
spell out what its Chinese list abbreviates as often as they repeat it (深度學習 / 股價預測 /
LSTM over deep learning / stock price prediction / long short-term memory): the block under
the list has an item for each line but does not repeat ``LSTM``, so ``LSTM`` is read as the
English list of one item and the real English list is lost. The acronym's letters are the
initials of the item that spells it out: the block renders it as surely as a repetition does.
"""

from __future__ import annotations

import pytest

from tests.test_review21_latin_term_last import read


@pytest.mark.parametrize(("acronym", "spelled"), [
    ("LSTM", "long short-term memory"), ("CNN", "convolutional neural network"),
    ("IoT", "Internet of Things"),
])
def test_an_acronym_spelled_out_below(acronym: str, spelled: str) -> None:
    lists = (["深度學習", "股價預測", acronym], ["deep learning", "stock price prediction", spelled])
    assert read(*lists) == lists


def test_what_holds_an_unrelated_block_below() -> None:
    # letters that are no initials of any item below: LSTM stays the English list
    zh, en = read(["深度學習", "股價預測", "LSTM"], ["Taipei", "Taiwan", "Kaohsiung"])
    assert (zh, en) == (["深度學習", "股價預測"], ["LSTM"])


def test_on_one_labelled_line() -> None:
    from termkit.records import parse_records

    page = ("深度學習於股價預測之研究\n\n關鍵詞：深度學習；股價預測；LSTM；deep learning；"
            "stock price prediction；long short-term memory\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (
        ["深度學習", "股價預測", "LSTM"], ["deep learning", "stock price prediction", "long short-term memory"])


def test_what_holds_an_english_list_opening_with_an_acronym_it_spells_out() -> None:
    # GPU opens both lists; the English one spells it out further on: no list grows for it
    from termkit.records import parse_records

    page = ("基于GPU的并行计算研究\n\n关键词：GPU；并行计算；图形处理器；GPU；parallel computing；"
            "graphics processing unit\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (
        ["GPU", "并行计算", "图形处理器"], ["GPU", "parallel computing", "graphics processing unit"])
