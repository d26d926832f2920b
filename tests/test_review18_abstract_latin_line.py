"""A Chinese abstract whose paragraphs include a line with no Han character (a displayed
formula, a list of model names) goes on over it: the line is no English half when the
Chinese abstract resumes under it.

af64226 ends a Chinese abstract field (摘要, 中文摘要) at a line with no Han character after
a blank line, where a page's English half starts (its title, its abstract). A displayed
formula or a list of names set apart by blank lines inside the Chinese abstract is such a
line too: the abstract was cut there, the formula became the English title and the rest of
the abstract was lost (at 969f5cc the abstract was read whole). The English half is not
followed by more of the Chinese abstract: the next paragraph under the Latin one is
unlabelled Chinese text only when the Latin line was inside the abstract.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

HEAD = ["题名：基于深度学习的图像识别方法", "作者：王小明；李大华"]
TAIL = ["关键词：深度学习；图像识别", "Keywords: deep learning; image recognition"]


def read(lines: list[str]):  # type: ignore[no-untyped-def]
    (rec,) = parse_records(("\n".join(lines) + "\n").encode("utf-8"), "page.txt")
    return rec


@pytest.mark.parametrize(("before", "latin", "after"), [
    ("摘要：本文提出一种新的损失函数，其形式为", "L = CE + λ·KL", "实验表明该方法在三个数据集上均有效。"),
    ("摘要：本文以卷积神经网络进行图像识别，并比较三种模型：", "ResNet-50, VGG-16, Inception-v3",
     "实验结果显示第一种模型表现最佳。"),
])
def test_a_latin_line_inside_the_chinese_abstract(before: str, latin: str, after: str) -> None:
    rec = read([*HEAD, before, "", latin, "", after, *TAIL])
    assert rec.abstract_zh is not None
    assert rec.abstract_zh.startswith(before.removeprefix("摘要："))
    assert latin in rec.abstract_zh and rec.abstract_zh.endswith(after)
    assert rec.title_en is None
    assert (rec.keywords_zh, rec.keywords_en) == (["深度学习", "图像识别"],
                                                  ["deep learning", "image recognition"])


def test_the_english_half_under_the_chinese_abstract_still_ends_it() -> None:
    # af64226's case: the English title and abstract under the Chinese one, then labels.
    rec = read([*HEAD, "摘要：本文提出一种新的图像识别方法，并在三个数据集上验证。", "",
                "An Image Recognition Method Based on Deep Learning",
                "This paper proposes a new image recognition method.", *TAIL])
    assert rec.abstract_zh == "本文提出一种新的图像识别方法，并在三个数据集上验证。"
    assert rec.title_en == "An Image Recognition Method Based on Deep Learning"
