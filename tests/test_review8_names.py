"""`termkit names romanize` on what is not a Chinese name, and on names written with a
middle dot.

It romanized anything it was given: ``Zhang San`` came out as ``Z Hangsan``, ``1234`` as a
blank, ``張三1`` as ``Zhang San`` (the 1 dropped), an empty argument as an empty line, all
with exit status 0. A transliterated or minority name (``阿沛·阿旺晉美``, ``卡爾·馬克思``) came
out as ``A Pei·awangjinmei``: Hanyu Pinyin orthography (GB/T 16159) writes each part of such
a name as one word, ``Āpèi Āwàngjìnměi``, ``Kǎ'ěr Mǎkèsī``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from termkit.pinyin.names import name_pinyin, name_problem, romanize_name
from tests.inprocess import invoke


def termkit(*args: str, stdin: str = "") -> tuple[int, str, str]:
    return invoke(*args, input=stdin.encode())


def word(syllables: list[str]) -> str:
    text = "".join(syllables)
    return text[:1].upper() + text[1:]


@pytest.mark.parametrize("name", ["阿沛·阿旺晉美", "卡爾·馬克思", "列夫・托爾斯泰", "艾薩克‧牛頓"])
def test_each_part_of_a_dotted_name_is_one_word(name: str) -> None:
    import re

    parts = re.split("[·・‧]", name)
    # pypinyin's readings of each part, written as one word each (the part is no surname).
    assert romanize_name(name, "pinyin") == " ".join(word(lazy_pinyin(p)) for p in parts)
    wade = romanize_name(name, "wade-giles").split(" ")
    assert len(wade) == len(parts)
    assert all(w.count("-") == len(p) - 1 for w, p in zip(wade, parts, strict=True))
    tone = name_pinyin(name).split(" ")
    assert [t.replace("'", "").lower() for t in tone] == [
        "".join(lazy_pinyin(p, style=Style.TONE)) for p in parts]


def test_names_without_a_dot_are_read_as_before() -> None:
    assert romanize_name("張國城", "passport") == "Chang Kuo-Cheng"
    assert romanize_name("歐陽修", "pinyin") == "Ouyang Xiu"
    assert name_pinyin("曾國藩") == "Zēng Guófān"
    assert romanize_name("丁 娟", "pinyin") == "Ding Juan"


@pytest.mark.parametrize(("name", "problem"), [
    ("Zhang San", "no Chinese character"),
    ("1234", "no Chinese character"),
    ("·", "no Chinese character"),
    ("張三1", "'1' is not a Chinese character"),
    ("張三（李四）", "'（' is not a Chinese character"),
])
def test_what_is_not_a_chinese_name(name: str, problem: str) -> None:
    assert name_problem(name) == problem


@pytest.mark.parametrize("name", ["張國城", "丁 娟", "王⾦波", "阿沛·阿旺晉美", "𠀀𠀁"])
def test_chinese_names_have_no_problem(name: str) -> None:
    assert name_problem(name) is None


def test_the_command_refuses_an_argument_that_is_no_chinese_name() -> None:
    code, out, err = termkit("names", "romanize", "張三", "Zhang San")
    assert (code, out) == (2, "")
    assert err == ("Error: 'Zhang San' is not a Chinese name: no Chinese character "
                   "(see 'termkit names romanize --help')\n")
    code, out, err = termkit("names", "romanize", "")
    assert (code, out) == (2, "")
    assert err.startswith("Error: ZH is empty")


def test_the_command_refuses_a_stdin_line_that_is_no_chinese_name_by_its_line() -> None:
    code, out, err = termkit("names", "romanize", stdin="張三\n\n李四5\n")
    assert (code, out) == (1, "")
    assert err == "Error: -:3: '李四5' is not a Chinese name: '5' is not a Chinese character\n"
    code, out, _ = termkit("names", "romanize", "--style", "tone", stdin="張三\n\n卡爾·馬克思\n")
    assert code == 0
    assert out == "張三\tZhāng Sān\n卡爾·馬克思\tKǎ'ěr Mǎkèsī\n"


def test_reading_names_from_a_file_on_stdin(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("張國城\r\n歐陽修\r\n", encoding="utf-8")
    code, out, _ = termkit("names", "romanize", "-", stdin=names.read_bytes().decode("utf-8"))
    assert code == 0
    assert out == "張國城\tZhang Guocheng\n歐陽修\tOuyang Xiu\n"
