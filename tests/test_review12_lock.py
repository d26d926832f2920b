"""review12: the lock evaluation and the right-edge rule of the word-aware lock.

A change the lock makes beside one of its firings (plain OpenCC's phrase across the firing's
edge is cut) must be counted as that firing's; and a word across a form's right edge that is
no longer than the form still refuses the form when the rest of the form is a word (real
prose: ``文件檔案`` of the zh-TW dev set, judged wrong as ``文档文件案``).
"""

from __future__ import annotations

import pytest

from termkit.convert import Converter
from termkit.model import Concept, Glossary, Term
from tests import lockeval


def _glossary(form: str, target: str) -> Glossary:
    return Glossary([Concept("c1", terms=[Term(form, "zh-Hant-TW"), Term(target, "zh-Hans-CN")])])


def test_a_change_beside_a_firing_is_that_firings() -> None:
    # Without word boundaries 文件檔 locks inside 文件檔案: plain OpenCC gives 文档文件, the
    # lock 文档文件案; the difference (案) lies beside the firing, not in it.
    conv = Converter("tw2sp", _glossary("文件檔", "文档文件"), words=False, engine="python")
    text = "高隱私的文件檔案和音視頻"
    assert conv.matches(text) == [(4, 7, "文档文件")]
    assert conv.plain(text) != conv.convert(text)
    found = lockeval.spans(conv, text)
    assert [(s["input"], s["terms"]) for s in found] == [("文件檔案", [(4, "文件檔", "文档文件")])]


@pytest.mark.parametrize("engine", ["python", "opencc"])
@pytest.mark.parametrize(("direction", "text", "plain_word"), [
    # zh-TW dev prose (tw-aud-01165): document files, 文件|檔案, judged wrong as 文档文件案.
    ("tw2sp", "低成本、易擴展、高隱私的文件檔案和音視頻檔案遠程傳輸", "文件檔案和"),
    # 计算|机制: a pricing mechanism, not a computer (電腦制).
    ("s2twp", "价格计算机制不透明，积分计算机制如下。", "计算机制不"),
    # 大陸|棚戶區: shanty towns on the mainland, not the continental shelf (大陆架户区).
    ("tw2sp", "大陸棚戶區改造已經展開。", "大陸棚戶區改造"),
])
def test_a_shorter_right_crossing_word_keeps_the_form_out(engine: str, direction: str, text: str,
                                                         plain_word: str) -> None:
    conv = Converter(direction, lockeval._regional_glossary(), engine=engine)
    out = conv.convert(text)
    assert conv.plain(plain_word) in out, out
