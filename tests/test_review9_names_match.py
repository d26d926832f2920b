"""`termkit names match ZH ROMANIZED` with a ZH that is no Chinese name.

`names romanize` refuses what is not a Chinese name; `names match` scored it: arguments
given the wrong way round (`names match "Chang Kuo-cheng" 張國城`) printed `0.00` with exit
status 0, a "no match" for a command line that asked nothing sensible.
"""

from __future__ import annotations

import pytest

from termkit.pinyin.names import match_details
from tests.inprocess import invoke


def test_arguments_the_wrong_way_round() -> None:
    code, out, err = invoke("names", "match", "Chang Kuo-cheng", "張國城")
    assert (code, out) == (2, "")
    assert err == ("Error: 'Chang Kuo-cheng' is not a Chinese name: no Chinese character; ZH "
                   "comes first, then ROMANIZED (see 'termkit names match --help')\n")


@pytest.mark.parametrize(("zh", "problem"), [("Zhang San", "no Chinese character"),
                                             ("張三1", "'1' is not a Chinese character")])
def test_a_zh_that_is_no_chinese_name(zh: str, problem: str) -> None:
    code, out, err = invoke("names", "match", zh, "Zhang San")
    assert (code, out) == (2, "")
    assert err == f"Error: {zh!r} is not a Chinese name: {problem} (see 'termkit names match --help')\n"


def test_a_chinese_name_is_still_scored() -> None:
    code, out, err = invoke("names", "match", "張國城", "Chang Kuo-cheng")
    assert code == 0, err
    expected = match_details("張國城", "Chang Kuo-cheng")
    assert out == f"{expected.score:.2f}\t{expected.reading}\n"
    assert expected.score >= 0.5
