"""review20: `missing-term` takes a glossary rendering found across two words as the rendering.

`check -g` reports "glossary term in the source, no approved rendering in the target". The
target is searched for the rendering's characters anywhere, so `Accounting plan for the
meeting` -> `開會計劃` ('hold a meeting' + 'plan': 開會|計劃, both CC-CEDICT words; termkit's
own `pinyin` divides it `kāihuì jìhuà`) passes as rendering `accounting` by 會計 — the
translation lost the term and the check says nothing. termkit's `convert` and `check
--regional` read forms "as words" exactly so that a form straddling two words does not count
(README: "regional forms count only where they stand as words, read as `convert` reads them").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

GLOSSARY = """# termkit glossary 1

[c0000000000b2]
kind: term
status: preferred
term zh-Hant: 會計
  status: preferred
term en: accounting
  status: preferred
"""
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_TW\\n"\n\n')


def missing(tmp_path: Path, source: str, target: str) -> list[str]:
    glossary = tmp_path / "acc.glossary.txt"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    po = tmp_path / "plan.zh_TW.po"
    po.write_text(HEADER + f'msgid "{source}"\nmsgstr "{target}"\n', encoding="utf-8")
    code, out, err = invoke("check", "-g", glossary, "--checks", "missing-term", "--json", po)
    assert code in (0, 1), err
    return [f["term"] for f in json.loads(out)["findings"]]


def test_the_word_division_oracle() -> None:
    code, out, _ = invoke("pinyin", "開會計劃")
    assert (code, out) == (0, "開會計劃(kāihuì jìhuà)\n")


@pytest.mark.parametrize(("target", "expected"), [
    ("會計計劃", []),          # rendered
    ("財務計劃", ["accounting"]),  # not rendered
])
def test_missing_term_where_the_form_is_a_word_or_absent(tmp_path: Path, target: str,
                                                          expected: list[str]) -> None:
    assert missing(tmp_path, "Accounting plan", target) == expected


def test_a_form_across_two_words_is_no_rendering(tmp_path: Path) -> None:
    assert missing(tmp_path, "Accounting plan for the meeting", "開會計劃") == ["accounting"]
