"""Thesis advisors with their romanized names, as NDLTD prints two of them.

NDLTD (臺灣博碩士論文知識加值系統) sets several advisors apart by ``、`` on both lines
(``指導教授: 王大明、李小華`` / ``指導教授(外文): Wang, Ta-Ming、Li, Hsiao-Hua``). The romanized
line was one name (``、`` split nothing in a Latin line), so the advisors were three people,
two without romanization. Names printed in another order than the Chinese ones are paired by
sound (:func:`termkit.pinyin.names.match_name`), not by position.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.authors import split_latin_names

PAGE = ("研究生: 陳恆楨\n研究生(外文): Chen, Heng-Chen\n"
        "論文名稱: 一所學校推動仿寫作文教學發展的歷程分析\n"
        "論文名稱(外文): The Process Analysis of Imitative Writing\n"
        "指導教授: 王大明、李小華\n指導教授(外文): {romanized}\n"
        "中文關鍵詞: 仿寫作文教學、推動發展歷程\n"
        "外文關鍵詞: teaching of imitative writing、the process analysis\n")


@pytest.mark.parametrize(("romanized", "expected"), [
    ("Wang, Ta-Ming、Li, Hsiao-Hua", ["Wang, Ta-Ming", "Li, Hsiao-Hua"]),
    ("Ta-Ming Wang、Hsiao-Hua Li", ["Ta-Ming Wang", "Hsiao-Hua Li"]),
    ("Hsiao-Hua Li、Ta-Ming Wang", ["Ta-Ming Wang", "Hsiao-Hua Li"]),  # by sound
    ("Ta-Ming Wang; Hsiao-Hua Li", ["Ta-Ming Wang", "Hsiao-Hua Li"]),
])
def test_two_advisors(romanized: str, expected: list[str]) -> None:
    rec, = parse_records(PAGE.format(romanized=romanized).encode("utf-8"), "page.txt")
    assert [(p.zh, p.en) for p in rec.advisors] == list(zip(["王大明", "李小華"], expected, strict=True))
    assert [(p.zh, p.en) for p in rec.authors] == [("陳恆楨", "Chen, Heng-Chen")]


def test_enumeration_comma_splits_romanized_names() -> None:
    assert split_latin_names("Wang, Ta-Ming、Li, Hsiao-Hua") == ["Wang, Ta-Ming", "Li, Hsiao-Hua"]
