"""`convert` of a structured file whose Chinese text no language tag marks says so.

A CSV headed `English,Chinese`, or a TMX whose Chinese side carries no `zh` tag, was written
back unchanged with exit 0 and no word: the user saw nothing converted and did not know why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.convert.files import untagged_chinese
from tests.inprocess import invoke

WARNING = "nothing converted: no Chinese language tag marks its Chinese text"


@pytest.mark.parametrize(("name", "content", "untagged"), [
    ("t.csv", "English,Chinese\nsoftware,软件\n", True),
    ("t.csv", "en,zh-CN\nsoftware,软件\n", False),
    ("t.csv", "English,French\nsoftware,logiciel\n", False),  # no Chinese: nothing to say
    ("t.tsv", "en\tChinese\nsoftware\t软件\n", True),
    ("t.tsv", "en\tzh-Hans\nsoftware\t软件\n", False),
    ("t.tmx", '<tmx version="1.4"><header srclang="en"/><body><tu>'
              '<tuv xml:lang="en"><seg>software</seg></tuv>'
              '<tuv xml:lang="cn"><seg>软件</seg></tuv></tu></body></tmx>', True),
    ("t.tmx", '<tmx version="1.4"><header srclang="en"/><body><tu>'
              '<tuv xml:lang="en"><seg>software</seg></tuv>'
              '<tuv xml:lang="zh-CN"><seg>软件</seg></tuv></tu></body></tmx>', False),
])
def test_untagged_chinese_is_told(tmp_path: Path, name: str, content: str,
                                  untagged: bool) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    kind = name.rsplit(".", 1)[1]
    assert untagged_chinese(path.read_bytes(), name, kind) is untagged
    code, _, err = invoke("convert", "-c", "s2twp", path, "-o", tmp_path / f"out.{kind}")
    assert code == 0, err
    assert (WARNING in err) is untagged, err
    out = (tmp_path / f"out.{kind}").read_text(encoding="utf-8")
    assert ("軟體" in out) is (not untagged and "软件" in content)
