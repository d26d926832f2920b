"""BibTeX records through bibtexparser v2: field mapping, bilingual fields, errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.errors import FormatError, InputError
from termkit.model import Person
from termkit.records import parse_records, read_records
from tests.conftest import DATA

RECORDS = DATA / "records"


def test_airiti_tags_and_language_named_fields() -> None:
    airiti, wang = read_records(str(RECORDS / "bilingual.bib"))
    assert airiti.id == "P20110413001-200411-201104130017-201104130017-446-453"
    assert airiti.keywords_zh == ["自然與生活科技", "輔導團", "俗民誌"]
    assert airiti.keywords_en[0] == "science and life technology"
    assert len(airiti.keywords_en) == 5
    assert airiti.venue == "科技教育課程改革與發展學術研討會論文集"
    assert (airiti.date, airiti.pages) == ("2004-11", "446-453")
    assert [p.zh for p in airiti.authors] == ["曾國鴻", "賴秋露", "鍾季娟", "何妙桂", "廖文榮"]

    assert wang.title_zh == "來臺陸生的政治態度與臺灣主權接受程度"
    assert wang.title_en.startswith("The Impacts of Political Attitudes")
    assert wang.authors == [Person("王嘉州", "Wang, Chia-Chou", 17)]
    assert wang.keywords_zh == ["民主價值", "兩岸關係", "政府認同", "政治效能感", "政治信任感"]
    assert wang.keywords_en[-1] == "political trust" and len(wang.keywords_en) == 5
    assert (wang.volume, wang.issue, wang.date, wang.pages) == ("15", "2", "2011-12", "67-113")
    assert ("doi", "10.6683/TPSR.201112.15(2).67-113") in [(s.name, s.text) for s in wang.sections]


def test_latex_and_paired_author_list() -> None:
    bib = (
        "@article{k, title = {Caf\\'e {TeX} \\\"{u}ber}, "
        "author = {張三 and 李四 and Zhang, San and Li, Si}, keywords = {現實主義, realism}}"
    )
    (rec,) = parse_records(bib.encode(), "x.bib")
    assert rec.title_en == "Café TeX über"
    assert [(p.zh, p.en) for p in rec.authors] == [("張三", "Zhang, San"), ("李四", "Li, Si")]
    assert (rec.keywords_zh, rec.keywords_en) == (["現實主義"], ["realism"])


def test_zotero_original_title_in_note() -> None:
    bib = "@article{k, title = {术语学}, note = {original-title: Terminology}}"
    (rec,) = parse_records(bib.encode(), "x.bib")
    assert (rec.title_zh, rec.title_en) == ("术语学", "Terminology")


def test_detected_by_content() -> None:
    (rec,) = parse_records(b"\n@article{k, title = {a}}\n", "stdin-like.txt")
    assert rec.id == "k"


def test_malformed_block_is_an_error_at_its_line() -> None:
    with pytest.raises(FormatError) as err:
        read_records(str(RECORDS / "malformed.bib"))
    assert err.value.line == 5
    assert "malformed BibTeX" in str(err.value)


def test_no_entry() -> None:
    with pytest.raises(InputError):
        parse_records(b"% only a comment\n", "x.bib")


def test_cli_error_line() -> None:
    path = str(RECORDS / "malformed.bib")
    result = CliRunner().invoke(cli, ["extract", path])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}:5:")
