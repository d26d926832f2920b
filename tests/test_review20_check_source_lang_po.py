"""review20: `check --source-lang` does not reach a PO file, which is then checked for nothing.

`check --help`: "--source-lang TAG  Source language (default: the file's own …)". A PO catalog
translating Chinese into English (as `termkit export --reverse` writes one: `Language: en`)
tells its source language only in termkit's own `X-Source-Language` header. Without that
header, `--source-lang zh-TW` changes nothing: the unit is taken as English to English and
every check is skipped — not only the glossary's `missing-term` but `numbers` too (`30` -> `20`):
"0 findings", exit 0. With the header the same unit gets both findings (the oracle).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"
UNIT = 'msgid "亞洲的權力平衡 30"\nmsgstr "The power balance in Asia 20"\n'


def checks_found(tmp_path: Path, header: str, *options: str) -> list[str]:
    po = tmp_path / "asia.en.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  f'"Language: en\\n"\n{header}\n{UNIT}', encoding="utf-8")
    code, out, err = invoke("check", "-g", GLOSSARY, "--json", *options, po)
    assert code in (0, 1), err
    return sorted(f["check"] for f in json.loads(out)["findings"])


def test_the_source_language_header_is_read(tmp_path: Path) -> None:
    """What holds: termkit's own X-Source-Language header makes it a Chinese-English unit."""
    assert checks_found(tmp_path, '"X-Source-Language: zh_TW\\n"\n') == ["missing-term",
                                                                          "numbers"]


@pytest.mark.parametrize("options", [("--source-lang", "zh-TW"),
                                     ("--source-lang", "zh-TW", "--target-lang", "en")])
def test_source_lang_option_is_applied(tmp_path: Path, options: tuple[str, ...]) -> None:
    assert checks_found(tmp_path, "", *options) == ["missing-term", "numbers"]
