"""review20: `punctuation-width` tells a translator to turn `./configure` into `。/configure`.

The check finds "half-width ,.:;?! after Chinese" and suggests the full-width mark. A command
or path copied unchanged from the source is not punctuation: termkit already leaves `../lib`,
`.txt`, `.bashrc` and `.NET` alone right after a Chinese character, but `先執行./configure`
(source `Run ./configure first`) gets "half-width '.' in Chinese text; write '。'", and
following it breaks the command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_TW\\n"\n\n')


def findings(tmp_path: Path, source: str, target: str) -> list[str]:
    po = tmp_path / "cmd.zh_TW.po"
    po.write_text(HEADER + f'msgid "{source}"\nmsgstr "{target}"\n', encoding="utf-8")
    code, out, err = invoke("check", "--checks", "punctuation-width", "--json", po)
    assert code in (0, 1), err
    return [f["message"] for f in json.loads(out)["findings"]]


@pytest.mark.parametrize(("source", "target"), [
    ("Files are in ../lib", "檔案在../lib"),
    ("Choose a .txt file", "選擇.txt檔案"),
    ("Edit .bashrc", "編輯.bashrc"),
])
def test_paths_after_chinese_pass(tmp_path: Path, source: str, target: str) -> None:
    """What holds: a path or extension copied from the source is not punctuation."""
    assert findings(tmp_path, source, target) == []


def test_dot_slash_command_after_chinese_passes(tmp_path: Path) -> None:
    assert findings(tmp_path, "Run ./configure first", "先執行./configure") == []
