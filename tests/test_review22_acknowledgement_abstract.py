"""review22 (fixed): an acknowledgement that names the study's subjects is still read as the abstract.

6db1c21 claimed: "a short English sentence under the keywords is the abstract only when it
shares a content word (first five letters) with the English title or keywords ... an
open-access notice or an acknowledgement is not". An acknowledgement thanks the people the
study is about, so it names them with the title's own words: on review21's page (``A Study of
Health Promotion for Older Adults``), ``We thank the older adults who took part in this
study.`` shares ``older`` and ``adult`` with the title and becomes the record's English
abstract. A journal prints such a line on the first page of many empirical articles, under
the keywords; review21's ``We thank the anonymous reviewers for their comments.`` holds only
because it names no subject.

The same notes copied where a PDF's first-page footnote lands -- after the Chinese keywords,
above the English half -- are kept from the abstract but read as the English title, and the
real English title becomes an unrecognised section (older than today's changes: the same at
c9f5e0f; pinned here because 6db1c21's claim is that such notes are no article text).
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


def read(sentence: str) -> str | None:
    page = ("高齡者健康促進之研究\n\nA Study of Health Promotion for Older Adults\n\n"
            f"高齡者；健康促進\n\nolder adults; health promotion\n\n{sentence}\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.abstract_en


def test_an_acknowledgement_of_the_reviewers_holds() -> None:
    assert read("We thank the anonymous reviewers for their comments.") is None


@pytest.mark.parametrize("sentence", [
    "We thank the older adults who took part in this study.",
    "We thank all older adults for their participation.",
])
def test_an_acknowledgement_of_the_participants(sentence: str) -> None:
    assert read(sentence) is None


PAGE_NOTE_ABOVE_ENGLISH_HALF = (
    "高齡者健康促進之研究\n\n王建國\n\n"
    "摘要：本研究探討高齡者健康促進的策略與社區實務，並提出建議。\n\n關鍵詞：高齡者；健康促進\n\n"
    "{note}\n\n"
    "A Study of Health Promotion for Older Adults\n\nWang Chien-Kuo\n\n"
    "Abstract: This study explores strategies of health promotion for older adults in "
    "communities and offers suggestions for practice and policy.\n\n"
    "Keywords: older adults; health promotion\n")


def english_title(note: str) -> str | None:
    page = PAGE_NOTE_ABOVE_ENGLISH_HALF.format(note=note)
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    return rec.title_en


def test_the_english_title_without_a_note_holds() -> None:
    page = PAGE_NOTE_ABOVE_ENGLISH_HALF.replace("{note}\n\n", "")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_en == "A Study of Health Promotion for Older Adults"


@pytest.mark.parametrize("note", ["This is an open access article.",
                                  "We thank the anonymous reviewers for their comments."])
def test_a_note_above_the_english_half_is_no_title(note: str) -> None:
    """The page's first-page footnote, copied after the Chinese keywords and before the
    English half (a PDF's page 1 foot, then the English half): 6db1c21 keeps it from the
    abstract, but it is taken for the English title instead."""
    assert english_title(note) == "A Study of Health Promotion for Older Adults"
