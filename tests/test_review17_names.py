"""review17: what the hyphenated-name change (59415d6) left broken.

1. `names match` scored a dotted or hyphenated name 0.00 against the romanization
   `names romanize` prints for it (让-保罗·萨特 / Rang-Baoluo Sate, 阿沛·阿旺晉美 / Apei
   Awangjinmei): the matcher split such a name into a surname 让 and a given name
   "-保罗·萨特". Before 59415d6 the hyphenated one was refused; after it, exit 0 with 0.00.
2. A hyphen typed into a Chinese name without a dot (曾-国藩) made the name a transliterated
   one, read without a surname: `Céng-Guófān` where 曾国藩 is `Zēng Guófān` (and
   `pinyin --name` reads 曾(Zēng)). Before 59415d6 it was refused; it is refused again.
"""

from __future__ import annotations

import pytest

from termkit.pinyin.names import match_name, romanize_name
from tests.inprocess import invoke

STYLES = ["pinyin", "tone", "wade-giles", "passport"]
TRANSLITERATED = ["让-保罗·萨特", "让－雅克·卢梭", "阿沛·阿旺晉美", "卡爾·馬克思", "馬丁·路德·金"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", TRANSLITERATED)
def test_names_match_accepts_what_names_romanize_prints(name: str, style: str) -> None:
    code, out, err = invoke("names", "romanize", "--style", style, name)
    assert (code, err) == (0, "")
    romanized = out.rstrip("\n").split("\t")[1]
    code, out, err = invoke("names", "match", name, romanized)
    assert (code, err) == (0, "")
    assert float(out.split("\t")[0]) == 1.0, (romanized, out)


@pytest.mark.parametrize("romanized", ["Sate, Rang-Baoluo", "SATE Rang-Baoluo"])
def test_names_match_takes_a_transliterated_name_last_part_first(romanized: str) -> None:
    assert match_name("让-保罗·萨特", romanized) == 1.0


@pytest.mark.parametrize("romanized", ["Zhang San", "Rang-Baoluo Shate", "Jean-Paul Sartre",
                                       "Rang Baoluo"])
def test_names_match_still_tells_another_name_from_a_transliterated_one(romanized: str) -> None:
    # Another name, one wrong syllable (sa -> sha), the name in its own language (which the
    # characters cannot tell), and a part left out: none is the full reading.
    assert match_name("让-保罗·萨特", romanized) < 1.0
    assert match_name("让-保罗·萨特", "Zhang San") < 0.5


@pytest.mark.parametrize("name", ["曾-国藩", "王-小明", "单－田芳"])
@pytest.mark.parametrize("command", ["romanize", "match"])
def test_a_hyphen_in_a_name_without_a_dot_is_refused_as_before(name: str, command: str) -> None:
    args = ["names", command, name] + (["Zeng Guofan"] if command == "match" else [])
    code, out, err = invoke(*args)
    assert (code, out) == (2, "")
    assert "a hyphen joins the pieces of a part of a transliterated name" in err
    # What it was read as (Céng-Guófān for 曾-国藩) is not the name's reading.
    if command == "romanize":
        assert romanize_name(name, "tone") == romanize_name(name.replace("-", "").replace("－", ""),
                                                            "tone")


@pytest.mark.parametrize("name", ["-王小明", "王小明-", "王小明－", " 王小明 - "])
def test_a_hyphen_at_an_end_of_a_name_still_separates_nothing(name: str) -> None:
    code, out, err = invoke("names", "romanize", "--style", "tone", "--", name)
    assert (code, err) == (0, "")
    assert out == f"{name}\tWáng Xiǎomíng\n"
