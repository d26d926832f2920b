"""review21: romanized names set apart by a wide gap, with no Chinese names to sound them
against, are read as one person.

df1af33 reads `WANG Jianguo1,2  LIU Xiaoyan1` (a mainland journal PDF's romanized line) by
sounding each piece against the Chinese names over it. On the English half of such an article
copied alone (English title, the romanized names, affiliations, abstract, key words: no Chinese
line), the same line is one author, `WANG Jianguo LIU Xiaoyan`: the wide gap that df1af33 takes
for a separator is read as a space (the marks are removed first). A person concept of two
people's names goes into the glossary. Older than today's changes (bc4f251 reads it so); the
line with marks and a single space or with a comma is no better (no authors at all), so only
the wide-gap case is pinned here.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.authors import parse_authors

PAGE = ("Research on Reading Promotion Services of University Libraries\n{names}\n"
        "(1. Department of Information Management, Peking University, Beijing 100871, China; "
        "2. School of Information Management, Wuhan University, Wuhan 430072, China)\n"
        "Abstract: This paper analyzes the reading promotion services of university libraries "
        "and proposes strategies.\n"
        "Key words: reading promotion; university library; service innovation\n")


def test_with_the_chinese_names_the_line_is_two_people() -> None:
    """What holds: df1af33's own case, with the Chinese names over the line."""
    page = "高校图书馆阅读推广服务研究\n王建国1，刘晓燕2\n" + PAGE.format(names="WANG Jianguo1  LIU Xiaoyan2")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert [(p.zh, p.en) for p in rec.authors] == [("王建国", "WANG Jianguo"), ("刘晓燕", "LIU Xiaoyan")]


def test_alone_the_line_is_two_people() -> None:
    assert [p.en for p in parse_authors("WANG Jianguo1  LIU Xiaoyan2") or []] == [
        "WANG Jianguo", "LIU Xiaoyan"]
    rec, = parse_records(PAGE.format(names="WANG Jianguo1  LIU Xiaoyan2").encode("utf-8"), "page.txt")
    assert [p.en for p in rec.authors] == ["WANG Jianguo", "LIU Xiaoyan"]


@pytest.mark.parametrize("line", ["Deep Learning  Stock Prediction", "Tai Chi  Qigong Practice"])
def test_a_wide_gap_line_of_other_words_is_not_split_as_names(line: str) -> None:
    """Only pieces whose every word splits into Chinese syllables are names: a line of
    English phrases set apart by wide gaps is left as it was."""
    from termkit.records.authors import wide_gaps_separated

    assert wide_gaps_separated(line) == line
