"""review21: an English title opening with "Keywords"/"Key Words" is read as the keyword label.

e2ec2dd: "an English keyword label in the plural (Key words, Keywords, KEY WORDS) with one space
before one item is the label (Key words term, as journal PDFs print it beside 关 键 词 术语)";
"the singular (Keyword Co-occurrence) is a keyword itself, and a value opening with a function
word (Keywords in Context) a title". Chinese authors very often write the plural in the
English title of a paper on keyword extraction ("Keywords Extraction Based on …", "Key Words
Extraction Method for …"): such a title is now the label ``Keywords`` with one keyword. The
page loses its English title, the rest of the title becomes an English keyword beside the
author's name, and the page's real English keyword list is lost. Before e2ec2dd the same pages
read right (title_en, and the three English keywords).
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

BODY = ("摘要：本文提出一種基於詞向量的關鍵詞提取方法，並以新聞語料驗證其效果。\n"
        "關鍵詞：關鍵詞提取；詞向量；文本挖掘\n"
        "Keywords: keyword extraction; word embedding; text mining\n")

TITLES = [
    "Keywords Extraction Based on Word2vec",
    "Key Words Extraction Method for Chinese News Texts",
]


def read(title_en: str) -> tuple[str | None, list[str]]:
    page = f"基於詞向量的中文關鍵詞提取方法\n{title_en}\n王建國\n{BODY}"
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.title_en, rec.keywords_en


def test_an_english_title_of_another_shape_holds() -> None:
    """What holds: the page itself reads right under an English title of another opening."""
    assert read("Extraction of Keywords Based on Word2vec") == (
        "Extraction of Keywords Based on Word2vec",
        ["keyword extraction", "word embedding", "text mining"])


@pytest.mark.xfail(strict=True, reason="review21: an English title opening 'Keywords …'/'Key Words "
                   "…' is taken for the keyword label (e2ec2dd): the title and the real English "
                   "keyword list are lost")
@pytest.mark.parametrize("title_en", TITLES)
def test_a_title_opening_with_keywords_is_the_title(title_en: str) -> None:
    assert read(title_en) == (title_en, ["keyword extraction", "word embedding", "text mining"])
