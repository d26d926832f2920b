"""review21: a short English note under the keywords is read as the English abstract.

d7d32b0: "one short English sentence under the keywords (This study explores health
promotion.) is the abstract: a capital, five words or more, a word of running text, a closing
full stop, no digit (a page's statistics line) and no furniture". A journal's first page
prints other short sentences there: the open-access notice ("This is an open access
article.") and the acknowledgement footnote ("We thank the anonymous reviewers for their
comments."). Each becomes the article's English abstract; before d7d32b0 both were kept as an
unrecognised section (the page has no English abstract).

Fixed: a short sentence is the abstract only when it shares a content word (by its first five
letters) with the English title or keywords, or the page has neither to compare with.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


def read(sentence: str) -> str | None:
    page = ("高齡者健康促進之研究\n\nA Study of Health Promotion for Older Adults\n\n"
            f"高齡者；健康促進\n\nolder adults; health promotion\n\n{sentence}\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.abstract_en


@pytest.mark.parametrize("sentence", [
    "This study explores health promotion.",
    "We examine how communities promote the health of older adults.",  # promote ~ promotion
])
def test_the_short_abstract_itself_holds(sentence: str) -> None:
    """What holds: the commit's own case, and a sentence sharing a word (or its stem) with
    the title or keywords."""
    assert read(sentence) == sentence


@pytest.mark.parametrize("sentence", [
    "This is an open access article.",
    "We thank the anonymous reviewers for their comments.",
])
def test_a_note_under_the_keywords_is_no_abstract(sentence: str) -> None:
    assert read(sentence) is None
