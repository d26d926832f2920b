"""JSON Lines records: the documented schema, aliases, unknown fields, malformed lines."""

from __future__ import annotations

import pytest

from termkit.errors import FormatError, InputError
from termkit.model import Person, Section
from termkit.records import parse_records, read_records
from tests.conftest import DATA

RECORDS = DATA / "records"


def test_records_file() -> None:
    first, second, third = read_records(str(RECORDS / "records.jsonl"))
    assert first.id == "vietnam-2014"
    assert first.authors == [Person("張國城", "Kuo-Cheng Chang", 1)]
    assert first.keywords_en == ["realism", "Vietnam diplomacy", "balance of power"]
    assert (first.volume, first.issue, first.date, first.pages) == (
        "10",
        "3",
        "2014-09-01",
        "113-129",
    )
    assert first.subjects == [["人文學", "人文學綜合"], ["社會科學", "社會科學綜合"]]
    assert first.references == ["Kissinger, Henry(1994).Diplomacy.New York:Simon & Schuster."]
    assert first.citing == []
    assert first.sections == [Section("doi", "10.0000/example", 1)]

    # Line 2 is blank; the second record has no id, raw author and keyword strings.
    assert second.id == "records#2"
    assert [(p.zh, p.en, p.line) for p in second.authors] == [
        ("郑丹丹", "ZHENG Dandan", 3),
        ("张梦宇", "ZHANG Mengyu", 3),
        ("朱波", "ZHU Bo", 3),
    ]
    assert second.keywords_zh == ["EcoLexicon", "术语学", "术语知识库", "启示"]
    assert second.keywords_en == ["EcoLexicon", "terminology", "terminology knowledge base", "tips"]
    assert (second.date, second.issue, second.venue) == ("2021", "4", "中国科技术语")

    assert third.id == "mixed"
    assert (third.keywords_zh, third.keywords_en) == (
        ["术语", "专业性"],
        ["term", "profession principle"],
    )
    assert third.abstract_zh == "本文讨论术语的专业性与约定俗成性。"
    assert third.lines["keywords_zh"] == 4


def test_malformed_line_reports_line_and_column() -> None:
    with pytest.raises(FormatError) as info:
        read_records(str(RECORDS / "malformed.jsonl"))
    err = info.value
    assert (err.line, err.column) == (2, 30)
    assert err.message.startswith("malformed JSON")


def test_field_of_the_wrong_type() -> None:
    with pytest.raises(FormatError, match="'keywords_zh' must be a list of strings") as info:
        read_records(str(RECORDS / "wrong_type.jsonl"))
    assert (info.value.line, info.value.column) == (1, 17)


@pytest.mark.parametrize(
    "line",
    [
        '["not", "an", "object"]',
        '{"title_en": {"x": 1}}',
        '{"authors": 5}',
        '{"subjects": "x", "references": 3}',
    ],
)
def test_other_malformed_values(line: str) -> None:
    with pytest.raises(FormatError) as info:
        parse_records(line.encode(), "x.jsonl")
    assert info.value.line == 1


def test_aliases_and_null_fields() -> None:
    line = (
        '{"authors_raw": "林彥汝 Lin, Yen-Ju", "volume_issue_raw": "10卷3期(2014 / 09 / 01)", '
        '"pages_raw": "113 - 129", "subject_raw": "人文學 > 人文學綜合", "title_zh": null, '
        '"keywords_raw": "學習共同體 、教師專業發展\\nlearning community, teachers\' professional development"}'
    )
    (rec,) = parse_records(line.encode(), "x.jsonl")
    assert rec.authors == [Person("林彥汝", "Lin, Yen-Ju", 1)]
    assert (rec.volume, rec.issue, rec.date, rec.pages) == ("10", "3", "2014-09-01", "113-129")
    assert rec.subjects == [["人文學", "人文學綜合"]]
    assert rec.title_zh is None
    assert rec.keywords_zh == ["學習共同體", "教師專業發展"]
    assert rec.keywords_en == ["learning community", "teachers' professional development"]
    assert rec.sections == []


def test_alias_next_to_its_field_is_kept_as_a_section() -> None:
    line = '{"authors": [{"zh": "莊傳慶"}], "authors_raw": "莊傳慶", "extra": [1, 2]}'
    (rec,) = parse_records(line.encode(), "x.jsonl")
    assert rec.authors == [Person("莊傳慶", None, 1)]
    assert rec.sections == [Section("authors_raw", "莊傳慶", 1), Section("extra", "[1, 2]", 1)]


def test_only_blank_lines_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_records(b"\n  \n", "x.jsonl")


def test_keyword_pairs_point_at_their_record_line() -> None:
    # Split keyword fields (keywords_zh / keywords_en) gave sources without a line.
    from termkit.align import pair_record
    from termkit.glossary import build_glossary
    from termkit.model import Kind

    lines = [
        '{"id": "a", "keywords_zh": ["權力平衡"], "keywords_en": ["balance of power"]}',
        "",
        '{"id": "b", "keywords_zh": ["現實主義"], "keywords_en": ["realism"]}',
    ]
    records = parse_records(("\n".join(lines) + "\n").encode(), "r.jsonl")
    glossary = build_glossary([pair_record(r) for r in records])
    where = {c.sources[0].record: c.sources[0].line
             for c in glossary.concepts if c.kind is Kind.KEYWORD}
    assert where == {"a": lines.index(lines[0]) + 1, "b": lines.index(lines[2]) + 1}
