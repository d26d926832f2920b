"""Records pasted one after another with only blank lines between them are read one by one.

Before, the page reader read such a file as one record: it took one keyword list and dropped
the other records without a word. The oracle here is each page read alone: a file of two
real pages (the dev records and the bundled example, rendered as the example's layout) must
give the same two records, keywords and titles, as the two pages read apart.
"""

from __future__ import annotations

from typing import Any

import pytest

from termkit.records import parse_records
from tests import devrecords
from tests.conftest import ROOT

EXAMPLE = (ROOT / "termkit" / "data" / "example-record.txt").read_text(encoding="utf-8")


def _titled() -> list[dict[str, Any]]:
    """Dev records with a title: a page without one has no head to start a record with."""
    return [r for r in devrecords.load_all_dev() if r.get("title_zh") or r.get("title_en")]


def _read(text: str) -> list[tuple[Any, ...]]:
    return [(r.keywords_zh, r.keywords_en, r.title_zh, r.title_en)
            for r in parse_records(text.encode("utf-8"), "pages.txt")]


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return [EXAMPLE] + [devrecords.render_page(r) for r in _titled()]


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n\n"])
def test_two_pages_in_one_file_read_as_each_page_alone(pages: list[str], gap: str) -> None:
    alone = [_read(p) for p in pages]
    assert all(len(a) == 1 for a in alone)
    wrong = []
    for i in range(len(pages) - 1):
        got = _read(pages[i].rstrip("\n") + gap + pages[i + 1])
        if got != alone[i] + alone[i + 1]:
            wrong.append(i)
    assert wrong == [], f"{len(wrong)} of {len(pages) - 1} joined pages misread: {wrong[:10]}"


def test_three_pages_and_where_each_record_starts(pages: list[str]) -> None:
    text = "\n\n".join(p.strip("\n") for p in pages[:3]) + "\n"
    records = parse_records(text.encode("utf-8"), "pages.txt")
    assert [r.id for r in records] == ["pages#1", "pages#2", "pages#3"]
    lines = text.split("\n")
    for rec, page in zip(records[1:], pages[1:3], strict=True):
        first = page.strip("\n").split("\n")[0]
        notice = rec.notices[0]
        assert "read from here on" in str(notice)
        assert notice.line is not None and lines[notice.line - 1] == first
    assert not any("read from here on" in str(n) for n in records[0].notices)


def test_a_single_page_is_never_cut() -> None:
    """Each dev record's page, in every rendering, is one record."""
    for rec in devrecords.load_all_dev():
        for render in (devrecords.render_page, devrecords.render_labelled,
                       devrecords.render_page_without_blank_lines):
            assert len(parse_records(render(rec).encode("utf-8"), "p.txt")) == 1, rec["id"]


def test_a_list_printed_twice_or_without_a_head_starts_no_record() -> None:
    """A list right under another list (a tag line over the article's own list), or one
    under lines that only end a record (volume, pages), is no new record."""
    page = devrecords.render_page(_titled()[0])
    block = [b for b in page.split("\n\n") if ";" in b or "、" in b or "," in b][-1].strip()
    twice = page.replace(block, block + "\n\n" + block, 1)
    assert len(parse_records(twice.encode("utf-8"), "p.txt")) == 1
    tail = page.rstrip("\n") + "\n\n10卷3期(2014 / 09 / 01)\n\n113 - 129\n\n" + block + "\n"
    assert len(parse_records(tail.encode("utf-8"), "p.txt")) == 1


def test_form_feeds_still_separate_records(pages: list[str]) -> None:
    text = "\f".join(pages[:2])
    assert [r.id for r in parse_records(text.encode("utf-8"), "pages.txt")] == [
        "pages#1", "pages#2"]
    assert _read(text) == _read(pages[0]) + _read(pages[1])
