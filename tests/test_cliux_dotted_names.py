"""`pinyin --name` writes a name with an interpunct part by part, as `names romanize` does.

Chinese renderings of minority and foreign names separate their parts with a dot
(阿沛·阿旺晉美, 卡爾·馬克思). None of the parts is a Chinese surname: the name is spelled, per
the 1976 rules for Chinese names and GB/T 28039-2011 (4.1, 5.2), in its own language, which
the characters cannot tell; what pinyin can give is the reading of the characters, each part
one word (Hanyu Pinyin orthography, GB/T 16159: 卡爾·馬克思 Kǎ'ěr Mǎkèsī). `names romanize`
did so already; `pinyin --name` read each part as a surname and a given name
(阿沛(Ā Pèi)·阿旺晉美(Ā Wàngjìnměi)). The full-width full stop (U+FF0E), which Chinese text also
puts between the parts, was refused by `names romanize` as "not a Chinese character".
"""

from __future__ import annotations

import re

import pytest

from termkit.pinyin import annotate, render_inline
from termkit.pinyin.names import name_pinyin, romanize_name
from tests.inprocess import invoke

DOTS = ["\u00b7", "\u30fb", "\u2027", "\uff0e", "\uff65"]
NAMES = ["阿沛{}阿旺晉美", "卡爾{}馬克思", "買買提{}艾力", "馬丁{}路德{}金"]


def expected_inline(name: str) -> str:
    # Each part annotated with its word of the tone romanization `names romanize` gives.
    parts = re.split("[\u00b7\u30fb\u2027\uff0e\uff65]", name)
    dots = re.findall("[\u00b7\u30fb\u2027\uff0e\uff65]", name)
    words = name_pinyin(name).split(" ")
    assert len(words) == len(parts)
    out = f"{parts[0]}({words[0]})"
    for dot, part, word in zip(dots, parts[1:], words[1:], strict=True):
        out += f"{dot}{part}({word})"
    return out


@pytest.mark.parametrize("dot", DOTS)
@pytest.mark.parametrize("template", NAMES)
def test_pinyin_name_reads_each_dotted_part_as_one_word(template: str, dot: str) -> None:
    name = template.format(dot, dot)
    code, out, err = invoke("pinyin", "--name", name)
    assert (code, err) == (0, "")
    assert out == expected_inline(name) + "\n"
    assert " " not in out  # no part is split into a surname and a given name


def test_the_orthography_example() -> None:
    # GB/T 16159-2012's example of a foreign name in characters: one word per part.
    assert render_inline(annotate("卡爾·馬克思", name=True)) == "卡爾(Kǎ'ěr)·馬克思(Mǎkèsī)"


def test_names_in_running_text_keep_their_surnames() -> None:
    out = render_inline(annotate("曾國藩、阿沛·阿旺晉美", name=True))
    # An undotted run is still a surname and a given name; the dotted name is two words.
    assert out.startswith("曾國藩(Zēng Guófān)、")
    assert out.endswith("阿沛(Āpèi)·阿旺晉美(Āwàngjìnměi)")


@pytest.mark.parametrize("dot", DOTS)
def test_names_romanize_takes_every_dot(dot: str) -> None:
    name = f"阿沛{dot}阿旺晉美"
    code, out, err = invoke("names", "romanize", name)
    assert (code, err) == (0, "")
    assert out == f"{name}\t{romanize_name('阿沛·阿旺晉美')}\n"
    assert romanize_name(name, "tone") == name_pinyin("阿沛·阿旺晉美") == "Āpèi Āwàngjìnměi"


# A part of a transliterated name may itself be hyphenated (让-保罗·萨特, Jean-Paul Sartre;
# 让－雅克·卢梭): Chinese typesetting prints an ASCII hyphen, a Unicode hyphen, an en dash or the
# full-width hyphen-minus there. `names romanize` refused the name ("'-' is not a Chinese
# character").
HYPHENS = ["-", "\u2010", "\u2011", "\u2013", "\uff0d"]


@pytest.mark.parametrize("hyphen", HYPHENS)
@pytest.mark.parametrize("style", ["pinyin", "tone", "wade-giles", "passport"])
def test_names_romanize_keeps_the_hyphen_of_a_hyphenated_part(hyphen: str, style: str) -> None:
    name = f"让{hyphen}保罗·萨特"
    code, out, err = invoke("names", "romanize", "--style", style, name)
    assert (code, err) == (0, "")
    # The same three parts as a dotted name, the first two joined by a hyphen instead.
    first, second, third = romanize_name("让·保罗·萨特", style).split(" ")
    assert out == f"{name}\t{first}-{second} {third}\n"


def test_pinyin_name_reads_a_hyphenated_part_as_parts_of_a_dotted_name() -> None:
    # 让娜-玛丽 (Jeanne-Marie): 让 is a surname elsewhere, so 让娜 read alone is `Ràng Nà`; in
    # a dotted name no part is read as a surname and a given name.
    out = render_inline(annotate("让娜-玛丽·居里", name=True))
    assert out == expected_inline("让娜·玛丽·居里").replace("·", "-", 1)
    assert " " not in out


@pytest.mark.parametrize("mark", [".", "-"])
def test_a_mark_at_the_end_of_a_name_separates_nothing_in_any_style(mark: str) -> None:
    # The passport style read the name with its full stop: `Wang Hsiao-Ming-`.
    for style in ("pinyin", "tone", "wade-giles", "passport"):
        assert romanize_name(f"王小明{mark}", style) == romanize_name("王小明", style)
