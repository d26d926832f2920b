"""RIS records: tags, multi-record files, continuation lines, malformed files."""

from __future__ import annotations

import pytest

from termkit.errors import FormatError, InputError
from termkit.model import Person, Section
from termkit.records import parse_records, read_records
from tests.conftest import DATA

RECORDS = DATA / "records"


def test_two_records() -> None:
    first, second = read_records(str(RECORDS / "two_records.ris"))
    assert first.id == "airiti-vietnam-2014"
    assert first.title_en.startswith("An Analysis of Vietnam's Foreign Policy")
    assert first.authors == [Person("張國城", "Kuo-Cheng Chang", 4)]
    assert first.keywords_zh == ["現實主義", "權力平衡", "越南外交政策"]
    assert first.keywords_en == ["realism", "Vietnam diplomacy", "balance of power"]
    # The continuation line joins the AB value.
    assert first.abstract_en == (
        "This article seeks to analyze Vietnam's diplomatic policy through the conception "
        'of "balance of power" in realism.'
    )
    assert (first.volume, first.issue, first.date, first.pages) == (
        "10",
        "3",
        "2014-09-01",
        "113-129",
    )
    assert Section("UR", "https://www.airitilibrary.com/", 19) in first.sections
    assert first.notices == []

    assert second.id == "two_records#2"
    assert second.title_zh == "术语知识库EcoLexicon的应用与启示"
    assert second.title_en == "Application and Enlightenment of Term Knowledge Base “EcoLexicon”"
    assert [(p.zh, p.en) for p in second.authors] == [
        ("郑丹丹", "ZHENG Dandan"),
        ("张梦宇", "ZHANG Mengyu"),
        ("朱波", "ZHU Bo"),
    ]
    assert second.keywords_zh == ["EcoLexicon", "术语学", "术语知识库", "启示"]
    assert second.keywords_en == ["EcoLexicon", "terminology", "terminology knowledge base", "tips"]
    assert second.venue == "中国科技术语"
    assert second.abstract_zh is not None and second.abstract_zh.startswith(
        "术语知识库EcoLexicon是"
    )
    assert (second.date, second.issue) == ("2021", "4")
    assert second.lines["keywords_en"] == 36


def test_text_before_the_first_ty_is_an_error_with_its_line() -> None:
    with pytest.raises(FormatError) as info:
        read_records(str(RECORDS / "text_before_ty.ris"))
    assert (info.value.line, info.value.column) == (1, 1)
    assert "before the first TY" in info.value.message


def test_tag_after_er_is_an_error() -> None:
    data = "TY  - JOUR\nTI  - A\nER  - \nAU  - 張國城\n".encode()
    with pytest.raises(FormatError, match="outside a record") as info:
        parse_records(data, "x.ris")
    assert info.value.line == 4


def test_missing_er_keeps_the_record_with_a_notice() -> None:
    (rec,) = read_records(str(RECORDS / "missing_er.ris"))
    assert rec.id == "missing_er#1"
    assert rec.title_zh == "技術功效矩陣自動建構與驗證方法-以智慧網實系統專利分析為例"
    assert rec.authors == [Person("莊傳慶", None, 4)]
    assert (rec.keywords_zh, rec.keywords_en) == (["技術功效矩陣"], ["Technology function matrix"])
    assert rec.date == "2017"
    assert [(n.message, n.line) for n in rec.notices] == [
        ("record has no ER line; kept as it is", 1)
    ]


def test_ty_inside_an_open_record_starts_a_new_one() -> None:
    data = b"TY  - JOUR\nTI  - First\nTY  - JOUR\nTI  - Second\nER  -\n"
    first, second = parse_records(data, "x.ris")
    assert (first.title_en, second.title_en) == ("First", "Second")
    assert len(first.notices) == 1 and second.notices == []


def test_dates_and_single_page() -> None:
    data = b"TY  - JOUR\nY1  - 2011/12/01/\nPY  - 2011\nSP  - 67\nER  - \n"
    (rec,) = parse_records(data, "x.ris")
    assert (rec.date, rec.pages) == ("2011-12-01", "67")


def test_keywords_with_semicolons_and_a_third_language() -> None:
    data = "TY  - JOUR\nKW  - 現實主義; 權力平衡\nKW  - ことば\nKW  - realism\nER  - \n".encode()
    (rec,) = parse_records(data, "x.ris")
    assert (rec.keywords_zh, rec.keywords_en) == (["現實主義", "權力平衡"], ["realism"])
    assert Section("keywords_other", "ことば", None) in rec.sections
    assert len(rec.notices) == 1


def test_ris_detected_by_content_and_by_extension() -> None:
    data = (RECORDS / "two_records.ris").read_bytes()
    assert len(parse_records(data, "export.txt")) == 2
    assert len(parse_records(data, "-")) == 2


def test_blank_ris_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_records(b"\n\n", "x.ris")
