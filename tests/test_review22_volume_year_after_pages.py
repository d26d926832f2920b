"""review22 (fixed): a year printed after the pages is read as a page that goes on later.

154e700 claimed: "a volume line with pages printed apart ('2016年第1期112-113,116,共3页', CNKI)
is read whole". The new page pattern takes any ``, NUMBER`` after a page range as more pages.
A journal's running head or an English citation line prints the year last, after the pages,
as IEEE-style references and Taiwanese journals' English first pages do:
``Vol. 10, No. 3, pp. 113-129, 2014`` and ``第10卷第3期，頁113-129，2014``. The year is taken
as a page: pages ``113-129,2014``, and the record has no date. Before 154e700 the line was not
read as a volume line at all (no wrong pages); now ``termkit extract`` prints a page 2014 and
no date, and the glossary's sources carry it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.records.fields import parse_volume
from tests.inprocess import invoke

PAGE = """越南外交政策之分析：權力平衡的觀點

An Analysis of Vietnam's Foreign Policy from the Perspective of Balance of Power

張國城(Kuo-Cheng Chang)

現實主義 ; 權力平衡 ; 越南外交政策 ; realism ; Vietnam diplomacy ; balance of power

{volume}

This article seeks to analyze Vietnam's diplomatic policy through the conception of "balance \
of power" in realism. The argument of the article is the Vietnam's diplomatic situation has \
remained flexible under the perspective of "balance of power."
"""


def extracted(tmp_path: Path, volume: str) -> dict[str, object]:
    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(volume=volume), encoding="utf-8")
    code, out, err = invoke("extract", page, "--json")
    assert code == 0, err
    rec: dict[str, object] = json.loads(out.splitlines()[0])
    return rec


@pytest.mark.parametrize(("line", "pages"), [
    ("2016年第1期112-113,116,共3页", "112-113,116"),  # the commit's own case
    ("2020，51卷，3期，401–428頁", "401-428"),  # a year first, then the pages
])
def test_pages_printed_apart_and_a_year_first_hold(line: str, pages: str) -> None:
    vol = parse_volume(line)
    assert vol is not None and vol.pages == pages


@pytest.mark.parametrize("line", ["Vol. 10, No. 3, pp. 113-129, 2014",
                                  "第10卷第3期，頁113-129，2014"])
def test_a_year_after_the_pages_is_no_page(line: str) -> None:
    vol = parse_volume(line)
    assert vol is not None
    assert (vol.volume, vol.issue, vol.pages, vol.date) == ("10", "3", "113-129", "2014")


def test_extract_prints_no_year_as_a_page(tmp_path: Path) -> None:
    rec = extracted(tmp_path, "Vol. 10, No. 3, pp. 113-129, 2014")
    assert rec["pages"] == "113-129"
    assert rec["date"] == "2014"
