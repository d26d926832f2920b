"""A page whose two keyword lists share one line, and a short field printed under it.

Found by ``python -m tests.kwmutations`` once its mutations were laid out as one line of both
lists (a page family real databases print: ``客家 ; 認同 ; Ethnicity ; Identity``): the block
under the line (a page count ``109``, a year, ``12 pages``) was read as the English keyword
list, because a keyword line with any Han character counted as Chinese only. An English list
has an item per Chinese one; such a field has one.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

HEAD = ("Water Rights and Irrigation Associations in a River Delta\n\n"
        "三角洲的水權與水利會\n\n")
ONE_LINE = "水權 ; 水利會 ; 灌溉 ; water rights ; irrigation association ; irrigation"
ZH = ["水權", "水利會", "灌溉"]
EN = ["water rights", "irrigation association", "irrigation"]


def _lists(text: str) -> tuple[list[str], list[str]]:
    records = parse_records(text.encode("utf-8"), "page.txt")
    return ([k for r in records for k in r.keywords_zh],
            [k for r in records for k in r.keywords_en])


@pytest.mark.parametrize("tail", ["109", "2021", "12 pages", "pp. 33-58"])
def test_a_short_field_under_a_one_line_pair_of_lists_is_no_keyword(tail: str) -> None:
    assert _lists(HEAD + ONE_LINE + "\n\n\n" + tail + "\n") == (ZH, EN)
    assert _lists(HEAD + ONE_LINE + "\n\n" + tail + "\n") == (ZH, EN)


def test_the_english_list_under_a_chinese_list_naming_latin_terms_still_joins() -> None:
    # A Chinese list that names software in Latin letters holds Latin items too; its
    # English list below repeats them and has an item for every Chinese one.
    zh = "深度學習 ; 影像辨識 ; 遷移學習 ; PyTorch ; YOLO"
    en = "deep learning ; image recognition ; transfer learning ; PyTorch ; YOLO"
    assert _lists(HEAD + zh + "\n\n" + en + "\n\n109\n") == (
        ["深度學習", "影像辨識", "遷移學習", "PyTorch", "YOLO"],
        ["deep learning", "image recognition", "transfer learning", "PyTorch", "YOLO"])


@pytest.mark.parametrize("tail", ["109", "2021", "12 pages"])
def test_nor_under_a_pair_of_one_keyword_each(tail: str) -> None:
    assert _lists(HEAD + "水權 ; water rights\n\n" + tail + "\n") == (["水權"], ["water rights"])


def test_two_lines_read_as_before() -> None:
    page = HEAD + "水權、水利會、灌溉\nwater rights, irrigation association, irrigation\n\n109\n"
    assert _lists(page) == (ZH, EN)


# A journal page copied without blank lines: the English title, the author romanized with
# the affiliation in brackets, the keywords one per line in each script, the volume line.
NOBLANK = """Reading Promotion Services of Public Libraries in a Mid-Sized City
{author}
全民阅读
公共图书馆
读者服务
reading promotion
public library
reader service
2019, Vol. 12 ›› Issue (3)
"""


@pytest.mark.parametrize(("author", "names"), [
    ("ZHAO Min (City Library, Guangzhou 510000, China)", ["ZHAO Min"]),
    ("ZHAO Min", ["ZHAO Min"]),
    ("Zhao Min, Qian Li", ["Zhao Min", "Qian Li"]),
])
def test_a_romanized_author_line_under_the_title_is_no_keyword(author: str,
                                                                 names: list[str]) -> None:
    # The line under the title ran into the Chinese keywords below it (a Latin line of
    # names is no Chinese name line), and title and author were read as two keywords.
    records = parse_records(NOBLANK.format(author=author).encode("utf-8"), "page.txt")
    assert len(records) == 1
    rec = records[0]
    assert rec.keywords_zh == ["全民阅读", "公共图书馆", "读者服务"]
    assert rec.keywords_en == ["reading promotion", "public library", "reader service"]
    assert rec.title_en == "Reading Promotion Services of Public Libraries in a Mid-Sized City"
    assert [p.en for p in rec.authors] == names


@pytest.mark.parametrize("tail", ["DOI: 10.6151/2021.12", "DOI:10.6151/TJ.202112_(12).0003",
                                  "URL: https://example.org/a/109"])
def test_a_labelled_field_under_a_one_line_pair_of_lists_is_no_keyword(tail: str) -> None:
    # review19: a DOI splits at its slash into as many items as the Han keywords, so the
    # count alone took it for the English list; its label says it is the next field.
    one_line = "水權 ; 水利會 ; GIS ; water rights ; irrigation association ; GIS"
    assert _lists(HEAD + one_line + "\n\n" + tail + "\n") == (
        ["水權", "水利會", "GIS"], ["water rights", "irrigation association", "GIS"])


def test_a_labelled_field_under_a_chinese_list_alone_is_no_keyword() -> None:
    page = HEAD + "水權 ; 水利會 ; 灌溉\n\nDOI: 10.6151/2021.12\n"
    assert _lists(page) == (ZH, [])
