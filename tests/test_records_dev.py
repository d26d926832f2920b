"""Every development record, rendered as page text and as RIS, reads back as annotated.

The oracle is ``dev.jsonl`` itself: its hand-checked ``keywords_zh``/``keywords_en`` (minus
``gold.ignored``), its titles, and its authors (``gold.authors`` pairs; the one-script
author lines of kwrec-002 and kwrec-052 are listed here by eye).
"""

from __future__ import annotations

from typing import Any

import pytest

from termkit.records import parse_records, read_records
from tests.devrecords import DEV, expected_keywords, load_dev, render_page, render_ris

DEV_RECORDS = load_dev()
ONE_SCRIPT_AUTHORS: dict[str, list[tuple[str | None, str | None]]] = {
    "kwrec-002": [("莊傳慶", None)],
    "kwrec-052": [(n, None) for n in ("曾國鴻", "賴秋露", "鍾季娟", "何妙桂", "廖文榮")],
}


def expected_authors(rec: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    if rec["id"] in ONE_SCRIPT_AUTHORS:
        return ONE_SCRIPT_AUTHORS[rec["id"]]
    return [(zh, en) for zh, en in rec["gold"]["authors"]]


def check(record: Any, rec: dict[str, Any]) -> None:
    zh, en = expected_keywords(rec)
    assert record.keywords_zh == zh
    assert record.keywords_en == en
    assert record.title_zh == rec.get("title_zh")
    assert record.title_en == rec.get("title_en")
    assert [(p.zh, p.en) for p in record.authors] == expected_authors(rec)


def test_dev_set_is_the_expected_one() -> None:
    assert len(DEV_RECORDS) == 17
    assert {r["keywords_layout"] for r in DEV_RECORDS} == {
        "combined_line",
        "separate_fields",
        "mixed_list",
        "tag_set_sorted",
    }


@pytest.mark.parametrize("split", [False, True], ids=["one-keyword-block", "keyword-blocks"])
@pytest.mark.parametrize("rec", DEV_RECORDS, ids=[r["id"] for r in DEV_RECORDS])
def test_page_rendering_reads_back(rec: dict[str, Any], split: bool) -> None:
    text = render_page(rec, split_keywords=split)
    (record,) = parse_records(text.encode("utf-8"), f"{rec['id']}.txt")
    assert record.id == rec["id"]
    check(record, rec)
    assert record.notices == []
    assert [s.name for s in record.sections] == []


@pytest.mark.parametrize("paired", [True, False], ids=["paren-authors", "per-script-authors"])
@pytest.mark.parametrize("rec", DEV_RECORDS, ids=[r["id"] for r in DEV_RECORDS])
def test_ris_rendering_reads_back(rec: dict[str, Any], paired: bool) -> None:
    (record,) = parse_records(render_ris(rec, paired_authors=paired).encode("utf-8"), "dev.ris")
    assert record.id == rec["id"]
    check(record, rec)
    assert record.notices == []


def test_all_dev_records_in_one_ris_file_and_in_big5_pages() -> None:
    ris = "\n".join(render_ris(r) for r in DEV_RECORDS)
    records = parse_records(ris.encode("utf-8"), "dev.ris")
    assert [r.id for r in records] == [r["id"] for r in DEV_RECORDS]
    traditional = [r for r in DEV_RECORDS if r["script"] == "Traditional"]
    for rec in traditional:
        page = render_page(rec).replace("主题分类", "主題分類")  # Big5 has no 题/类
        (record,) = parse_records(page.encode("cp950"), "p.txt")
        check(record, rec)


def test_dev_jsonl_reads_directly() -> None:
    records = read_records(str(DEV))
    assert [r.id for r in records] == [r["id"] for r in DEV_RECORDS]
    for record, rec in zip(records, DEV_RECORDS, strict=True):
        assert (record.keywords_zh, record.keywords_en) == (rec["keywords_zh"], rec["keywords_en"])
        assert record.title_zh == rec.get("title_zh")
        assert [(p.zh, p.en) for p in record.authors] == expected_authors(rec)
        # Fields outside the schema (gold, notes …) are kept as sections, not dropped.
        assert "gold" in {s.name for s in record.sections}


def test_example_volume_line_in_dev_record() -> None:
    rec = next(r for r in DEV_RECORDS if r["id"] == "kwrec-045")
    (record,) = parse_records(render_page(rec).encode("utf-8"), "kwrec-045.txt")
    assert (record.volume, record.issue, record.date, record.pages) == (None, "2", "2020", "11-13")
