"""Under a locale whose encoding writes Chinese (GBK, GB18030, Big5), an argument Python decoded
with it is what the user typed, even when its bytes also happen to be valid UTF-8.

`check_arguments` refuses a non-ASCII argument whose bytes are UTF-8 when the locale is not
UTF-8 (a C or Latin-1 locale turns UTF-8 Chinese into escapes or mojibake). Under a GBK
terminal, 全 is typed as the bytes C8 AB, which are also the UTF-8 of 'ȫ': `termkit pinyin 全`
was refused ("argument 2 is UTF-8 ('ȫ') but Python decoded it as gbk") though Python had read
it right. Found by review15.
"""

from __future__ import annotations

import click
import pytest

from termkit.cli import check_arguments


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "cp936"])
def test_chinese_typed_in_a_chinese_locale_is_kept(encoding: str) -> None:
    word = "全"
    assert word.encode(encoding).decode("utf-8")  # its bytes are valid UTF-8 too
    check_arguments(["pinyin", word], encoding=encoding)
    check_arguments(["lookup", "全部" + word], encoding=encoding)


def test_utf8_under_latin1_is_still_refused() -> None:
    # The case the check is for stays refused.
    mojibake = "全".encode().decode("latin-1")
    with pytest.raises(click.UsageError, match="is UTF-8"):
        check_arguments(["pinyin", mojibake], encoding="latin-1")
