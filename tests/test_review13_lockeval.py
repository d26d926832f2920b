"""The lock evaluator must not hide a change the lock makes (review13).

``tests/lockeval.py`` let a firing through unjudged when its target was plain OpenCC's output
of the form alone (``数据`` alone gives ``資料``). But plain OpenCC converts phrases: inside
``单个数据样本`` it prints ``數據``, so the lock's ``資料`` there is a change, and it was neither
judged nor listed as new; the fresh sets' figures silently left out 24 such changes (13 of
them the original lock's in fresh4, fresh5 and fresh7, which ``test_lock_kept_fresh`` says it
fails on). The sentence below is a real one of ``tests/data/lock/fresh4`` (d2l-zh).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests import lockeval

SENTENCE = "{x}对应于单个数据样本的特征。"


def _files(tmp_path: Path, text: str) -> dict[str, Path]:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "p", "text": text}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return {"s2twp": path, "tw2sp": path}


def test_a_change_only_in_context_is_listed_as_unjudged(tmp_path: Path) -> None:
    from termkit.convert import Converter

    conv = Converter("s2twp", lockeval._regional_glossary())
    assert conv.plain("数据") == "資料"  # alone, plain OpenCC already gives the target
    assert "數據" in conv.plain(SENTENCE)  # in context it does not
    result = lockeval.evaluate(conv, "s2twp", [], files=_files(tmp_path, SENTENCE))
    assert [(s["input"], s["plain"], s["locked"]) for s in result.new] == [("数据", "數據", "資料")]


def test_a_firing_that_changes_nothing_still_needs_no_judging(tmp_path: Path) -> None:
    """Where plain OpenCC prints the target there too, the firing changes nothing: no span."""
    from termkit.convert import Converter

    conv = Converter("s2twp", lockeval._regional_glossary())
    text = "数据很重要。"
    assert conv.plain(text).startswith("資料")
    assert conv.matches(text) == [(0, 2, "資料")]  # the lock fires there
    result = lockeval.evaluate(conv, "s2twp", [], files=_files(tmp_path, text))
    assert result.new == []
