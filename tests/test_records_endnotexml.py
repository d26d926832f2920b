"""EndNote XML exports (``<xml><records><record>``): read as records, not as page text.

Before, such a file was read as a page: no keyword line found, no record. Real data: a CNKI
export converted to EndNote XML by another project (``tests/data/records/endnotexml``); the
bilingual case is the bundled example record written in EndNote XML's layout and read back,
with the page reader's reading of the same record as the oracle.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from click.testing import CliRunner
from lxml import etree

from termkit.cli import cli
from termkit.records import detect_format, parse_records, read_records
from tests.conftest import DATA, ROOT

CNKI = DATA / "records" / "endnotexml" / "cnki2xml-TEMP.cut.xml"
EXAMPLE = ROOT / "termkit" / "data" / "example-record.txt"


def _values(path: Path, where: str) -> list[list[str]]:
    """The text of each ``where`` element of each record, as the XML holds it (the oracle)."""
    root = etree.parse(str(path)).getroot()
    return [["".join(e.itertext()).strip() for e in rec.iterfind(where)]
            for rec in root.iter("record")]


def test_a_cnki_export_as_endnote_xml_is_read_field_by_field() -> None:
    assert detect_format(str(CNKI), CNKI.read_text(encoding="utf-8")) == "endnotexml"
    records = read_records(str(CNKI))
    assert [r.keywords_zh for r in records] == _values(CNKI, "keywords/keyword")
    assert [[p.zh for p in r.authors] for r in records] == _values(
        CNKI, "contributors/authors/author")
    assert [[r.title_zh] for r in records] == _values(CNKI, "titles/title")
    assert [[r.date] for r in records] == _values(CNKI, "dates/year")
    first, thesis = records
    assert (first.venue, first.pages, first.issue) == ("中国激光", "7-20", "01")
    # a thesis's advisor, which this export writes as a tertiary author without <author>
    assert [p.zh for p in thesis.advisors] == _values(CNKI, "contributors/tertiary-authors")[1]
    # fields termkit has no place for are kept as sections, not lost
    assert {s.name: s.text for s in first.sections}["isbn"] == "0258-7025"
    assert [r.id for r in records] == ["cnki2xml-TEMP.cut#1", "cnki2xml-TEMP.cut#2"]


def _as_endnote_xml(record: object) -> str:
    """A record in EndNote XML's layout as EndNote writes it (one line, values in <style>),
    keywords of both languages in one list, the English title as the translated title."""
    def styled(text: str) -> str:
        return f'<style face="normal" font="default" size="100%">{escape(text)}</style>'

    r = record
    authors = "".join(f"<author>{styled(p.zh)}</author>" for p in r.authors)  # type: ignore[attr-defined]
    translated = "".join(f"<author>{styled(p.en)}</author>" for p in r.authors)  # type: ignore[attr-defined]
    keywords = "".join(f"<keyword>{styled(k)}</keyword>"
                       for k in [*r.keywords_zh, *r.keywords_en])  # type: ignore[attr-defined]
    title = styled(r.title_zh or "")  # type: ignore[attr-defined]
    return ('<?xml version="1.0" encoding="UTF-8" ?><xml><records><record>'
            '<ref-type name="Journal Article">17</ref-type>'
            f"<contributors><authors>{authors}</authors>"
            f"<translated-authors>{translated}</translated-authors></contributors>"
            f"<titles><title>{title}</title>"
            f"<translated-title>{styled(r.title_en)}</translated-title></titles>"  # type: ignore[attr-defined]
            f"<pages>{styled(r.pages)}</pages><volume>{styled(r.volume)}</volume>"  # type: ignore[attr-defined]
            f"<number>{styled(r.issue)}</number><keywords>{keywords}</keywords>"  # type: ignore[attr-defined]
            "</record></records></xml>")


def test_the_example_record_in_endnote_xml_pairs_as_its_page_does(tmp_path: Path) -> None:
    (page,) = read_records(str(EXAMPLE))
    xml = tmp_path / "example.xml"
    xml.write_text(_as_endnote_xml(page), encoding="utf-8")
    (record,) = parse_records(xml.read_bytes(), str(xml))
    assert (record.keywords_zh, record.keywords_en) == (page.keywords_zh, page.keywords_en)
    assert [(p.zh, p.en) for p in record.authors] == [(p.zh, p.en) for p in page.authors]
    assert (record.title_en, record.volume, record.issue, record.pages) == (
        page.title_en, page.volume, page.issue, page.pages)
    runner = CliRunner()
    from_xml = runner.invoke(cli, ["extract", "--json", str(xml)])
    from_page = runner.invoke(cli, ["extract", "--json", str(EXAMPLE)])
    assert from_xml.exit_code == from_page.exit_code == 0, from_xml.stderr
    assert json.loads(from_xml.stdout)["pairs"] == json.loads(from_page.stdout)["pairs"]
    assert json.loads(from_xml.stdout)["pairs"]


def test_malformed_endnote_xml_is_an_error_at_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?>\n<xml><records><record>\n<titles><title>標題</titles>\n'
                   "</record></records></xml>\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}:3:"), result.stderr
    assert "Traceback" not in result.stderr


def test_an_export_without_records_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_text('<?xml version="1.0"?><xml><records></records></xml>\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1 and "no EndNote XML record found" in result.stderr, result.stderr
