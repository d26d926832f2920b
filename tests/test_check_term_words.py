"""missing-term reads a Chinese rendering as a word: what still counts as rendered.

The review20 test (tests/test_review20_check_term_across_words.py) shows 會計 straddling
開會|計劃 refused. A rendering straddles only where words cross both its edges, reading it
as a word costs the target a word, and a crossing word translates the source: the cases
below keep their rendering (the GTK and git lines are from the system's zh_CN catalogs,
where the max-match segmenter reads 主|要图|标的 and 中签|名将).
"""

from __future__ import annotations

import pytest

from termkit.check import check_units
from termkit.model import Concept, Glossary, Status, Term, Unit, Variant


def glossary(zh: str, en: str) -> Glossary:
    return Glossary(concepts=[Concept(id="c1", terms=[
        Term(lang="zh-Hans", text=zh, status=Status.PREFERRED),
        Term(lang="en", text=en, status=Status.PREFERRED)])])


def missing(zh: str, en: str, source: str, target: str) -> list[str | None]:
    unit = Unit("u", [Variant("en", source), Variant("zh-Hans-CN", target)], "en")
    return [f.term for f in check_units([unit], glossary(zh, en), checks=["missing-term"])]


@pytest.mark.parametrize(("zh", "en", "source", "target"), [
    ("会计", "accounting", "an accounting firm", "一家会计师事务所"),  # inside a longer word
    ("图标", "icon", "The contents of the tooltip on the primary icon", "主要图标的工具提示内容"),
    ("签名", "signature", "the signature will be removed in the replacement commit!",
     "在替换的提交中签名将被移除！"),
])
def test_renderings_that_count(zh: str, en: str, source: str, target: str) -> None:
    assert missing(zh, en, source, target) == []


def test_a_straddling_rendering_does_not_count() -> None:
    assert missing("会计", "accounting", "Accounting plan for the meeting", "开会计划") == [
        "accounting"]
