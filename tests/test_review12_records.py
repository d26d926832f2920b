"""review12: a keyword field set apart after a whole bilingual list is named for what it is.

A page that prints a bilingual keyword field and then a one-language list of other words
(subject headings, ``主題詞`` / ``Index Terms``) sets the second list apart with a warning;
the warning must not call a one-language list 'a keyword list in both languages' (review12
found it; main's 86223bf reworded the warning the same way, so this test stays as a guard).
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

HEAD = "題名：基於深度學習的影像辨識研究\nTitle: Image recognition based on deep learning\n作者：王小明\n"
FIRST = "關鍵詞：深度學習、影像辨識、Deep Learning、Image Recognition\n"


@pytest.mark.parametrize("second", ["主題詞：電腦視覺、類神經網路", "Index Terms: computer vision; neural networks"])
def test_a_one_language_list_set_apart_is_not_called_bilingual(second: str) -> None:
    (rec,) = parse_records((HEAD + FIRST + second + "\n").encode("utf-8"), "page.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (["深度學習", "影像辨識"], ["Deep Learning", "Image Recognition"])
    assert [s.text for s in rec.sections] == [second.split("：" if "：" in second else ": ")[1]
                                              .replace("、", "; ")]
    (notice,) = rec.notices
    assert "both languages" not in notice.message
    assert notice.line == 5

