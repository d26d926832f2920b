"""EndNote/Refer records: the CNKI export layout, bilingual tags, errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.errors import FormatError
from termkit.model import Person, Section
from termkit.records import detect_format, parse_records, read_records
from tests.conftest import DATA

RECORDS = DATA / "records"


def test_cnki_refer_export() -> None:
    text = (RECORDS / "cnki_refer.txt").read_text(encoding="utf-8")
    assert detect_format("CNKI-export.txt", text) == "endnote"
    article, thesis = read_records(str(RECORDS / "cnki_refer.txt"))
    assert article.title_zh == "黄芪多糖复合酶提取工艺优化及其α-葡萄糖苷酶抑制活性"
    assert [p.zh for p in article.authors] == ["张会佳", "侯相竹", "张涵", "殷澳", "高阳", "徐多多"]
    assert article.keywords_zh == ["黄芪多糖", "复合酶", "提取工艺", "响应面", "α-葡萄糖苷酶活性"]
    assert article.keywords_en == []  # CNKI's Refer export carries no English side
    assert (article.venue, article.pages) == ("食品工业科技", "1-15")
    assert Section("%W", "CNKI", 17) in article.sections
    assert article.abstract_zh is not None and article.abstract_zh.startswith("目的：")
    assert thesis.id == "cnki_refer#2"
    assert [p.zh for p in thesis.advisors] == ["谢明勇", "聂少平"]
    assert (thesis.venue, thesis.date) == ("南昌大学", "2014")


def test_bilingual_tags() -> None:
    (rec,) = read_records(str(RECORDS / "refer_bilingual.enw"))
    assert rec.title_zh == "兜兰属植物繁殖生物学研究进展"
    assert rec.title_en == "Research Advance on Reproductive Biology of Paphiopedilum"
    assert rec.authors == [Person("武荣花", "WU Rong-hua", 2), Person("张 晓", "ZHANG Xiao", 3)]
    assert (rec.keywords_zh, rec.keywords_en) == (
        ["兜兰属", "繁殖", "生物学"],
        ["Paphiopedilum", "reproduction", "biology"],
    )
    assert (rec.date, rec.issue, rec.pages) == ("2013", "4", "6-10")


def test_records_without_type_lines_split_at_blank_lines() -> None:
    text = "%T 現實主義\n%K 現實主義;realism\n\n%T 權力平衡\n%K 權力平衡;balance of power\n"
    first, second = parse_records(text.encode(), "x.enw")
    assert (first.id, second.id) == ("x#1", "x#2")
    assert second.keywords_en == ["balance of power"]


def test_text_before_the_first_tag_is_an_error() -> None:
    with pytest.raises(FormatError) as err:
        read_records(str(RECORDS / "malformed.enw"))
    assert err.value.line == 1


def test_cli_error() -> None:
    path = str(RECORDS / "malformed.enw")
    result = CliRunner().invoke(cli, ["extract", path])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}:1:")
