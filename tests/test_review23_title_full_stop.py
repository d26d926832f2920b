"""review23 (fixed: a line capitalised as a title is no note): an English title closed by a full stop is dropped when it holds a word of running
text (ecf886f).

ecf886f: "a sentence closed by a full stop is no title" (an open-access notice or an
acknowledgement copied above the English half). A sentence there is a line ending in ``.``
with one of ``is``, ``does``, ``its``, ``this``, ``can`` … in it (the first word in lower case);
a question title opens with one (``Is Vietnam Balancing China? Evidence from …``), and some copies close a
title with a full stop (PubMed and the reference lists pages are pasted from do, always). On
termkit's own example page such a title is now no title at all and becomes an unrecognised
section; before ecf886f it was the English title. A notice or an acknowledgement is written as a
sentence (``This is an open access article.``); a title is capitalised as one (most of its
words of four letters or more open with a capital).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.records import parse_records
from tests.test_review22_acknowledgement_abstract import PAGE_NOTE_ABOVE_ENGLISH_HALF

EXAMPLE = Path(__file__).parent.parent / "termkit" / "data" / "example-record.txt"
PRINTED = "An Analysis of Vietnam's Foreign Policy from the Perspective of Balance of Power"


@pytest.mark.parametrize("title", [
    "Does Vietnam Balance China? An Analysis of Its Foreign Policy.",
    "Is Vietnam Balancing China? Evidence from Its Foreign Policy.",
    "Does Vietnam Balance China? An Analysis of the Foreign Policy.",
])
def test_the_example_page_with_a_full_stop_after_its_title(title: str) -> None:
    page = EXAMPLE.read_text(encoding="utf-8").replace(PRINTED, title)
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_en == title.rstrip(".") or rec.title_en == title
    assert not [s.name for s in rec.sections if s.name == "unrecognised"]


def test_what_holds_the_english_half_with_a_full_stop_after_its_title() -> None:
    title = "Does Health Promotion Work? A Study of Its Practice among Older Adults."
    page = PAGE_NOTE_ABOVE_ENGLISH_HALF.replace("{note}\n\n", "").replace(
        "A Study of Health Promotion for Older Adults", title)
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_en in (title, title.rstrip("."))


def test_what_holds_the_example_page() -> None:
    rec, = parse_records(EXAMPLE.read_bytes(), "page.txt")
    assert rec.title_en == PRINTED



@pytest.mark.parametrize("note", [
    "This is an open access article.",
    "We thank the anonymous reviewers for their comments.",
    "This study was supported by the Ministry of Science and Technology.",
])
def test_what_holds_notes_written_as_sentences_are_no_title(note: str) -> None:
    from tests.test_review22_acknowledgement_abstract import english_title

    assert english_title(note) == "A Study of Health Promotion for Older Adults"
