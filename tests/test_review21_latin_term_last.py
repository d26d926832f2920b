"""review21: a Latin term last in a Chinese list of two keywords, one a line, loses the English
list.

11b2555: "a one-word Latin term inside a Chinese keyword list printed one per line (深度學習 /
LSTM / 股價預測) is a Chinese keyword ... With blank lines kept, the English block under it was
never merged (the list had a Latin line already) and was lost ... Latin lines ending the list
fewer than half the Han lines are its terms too." With three Han lines over `LSTM` that holds;
with two (深度學習 / 股價預測 / LSTM, a short list with its model's acronym last) one Latin line is
not fewer than half of two, so `LSTM` is the English list, and the page's real English block
(deep learning / stock price prediction / LSTM) is left an unrecognised section. The same list
with `LSTM` in the middle reads right.

Fixed: Latin lines after the Han lines are terms of the Chinese list when the Latin block under
them has an item for each line read and repeats them.
"""

from __future__ import annotations

from termkit.records import parse_records


def read(chinese: list[str], english: list[str]) -> tuple[list[str], list[str]]:
    page = ("深度學習於股價預測之研究\n\n王建國\n\n" + "\n".join(chinese) + "\n\n"
            + "\n".join(english) + "\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.keywords_zh, rec.keywords_en


def test_in_the_middle_it_holds() -> None:
    lists = (["深度學習", "LSTM", "股價預測"], ["deep learning", "LSTM", "stock price prediction"])
    assert read(*lists) == lists


def test_last_under_two_keywords() -> None:
    lists = (["深度學習", "股價預測", "LSTM"], ["deep learning", "stock price prediction", "LSTM"])
    assert read(*lists) == lists


def test_an_english_list_of_its_own_still_holds() -> None:
    """A Latin line under two Han lines that the block below does not repeat stays the
    English list of one item (the block below is no list of an item per line)."""
    zh, en = read(["深度學習", "股價預測", "LSTM"], ["Taipei", "Taiwan"])
    assert (zh, en) == (["深度學習", "股價預測"], ["LSTM"])
