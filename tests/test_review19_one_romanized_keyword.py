"""review19: a one-keyword record whose English keyword is romanized, printed first.

On a page copied without blank lines, a record of one keyword in each script printed English
first under the titles (``Tai Chi`` / ``太極拳``) has its English keyword read as the author
since 759246f (a line of syllable spellings under the title), and a volume line under it
becomes the English keywords (``2019``, ``Vol. 12 …``). At 759246f^ the pair was read. One
line of each script gives no count to tell a name from a keyword (review19's fix looks for
more Latin items under the name); the name line romanizing the Han line under it would, and
readers6 reads it so: the Latin line spells the opening characters of the Han line by sound.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

PAGE = """太極拳運動對高齡者平衡能力之影響
Effects of Tai Chi Exercise on Balance in Older Adults
Tai Chi
太極拳
{tail}"""


@pytest.mark.parametrize("tail", ["", "2019, Vol. 12 ›› Issue (3)\n"])
def test_one_romanized_english_keyword_first_is_no_author(tail: str) -> None:
    (rec,) = parse_records(PAGE.format(tail=tail).encode("utf-8"), "page.txt")
    assert rec.authors == []
    assert (rec.keywords_zh, rec.keywords_en) == (["太極拳"], ["Tai Chi"])


@pytest.mark.parametrize(("latin", "han"), [("Feng Shui", "風水學"), ("Qi Gong", "氣功療法")])
def test_other_transliterated_keywords_alone_under_the_titles(latin: str, han: str) -> None:
    page = f"民俗文化之研究\nA Study of Folk Culture in Taiwan\n{latin}\n{han}\n2019, Vol. 3\n"
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.authors == []
    assert (rec.keywords_zh, rec.keywords_en) == ([han], [latin])


def test_a_romanized_author_over_a_chinese_keyword_it_does_not_spell_stays_the_author() -> None:
    page = "全民阅读推广研究\nA Study of Reading Promotion\nLIU Mo\n全民阅读\n"
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert [p.en for p in rec.authors] == ["LIU Mo"]
    assert rec.keywords_zh == ["全民阅读"]
