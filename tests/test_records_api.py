"""The records API: format choice, stdin, errors; field and author shapes on their own."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from termkit.errors import InputError, UsageError
from termkit.model import Person, Record
from termkit.records import detect_format, exchange_kind, parse_records, read_records
from termkit.records.authors import parse_authors
from termkit.records.fields import parse_pages, parse_volume
from tests.conftest import DATA, ROOT, SEED

RECORDS = DATA / "records"


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("a.ris", "anything", "ris"),
        ("a.RIS", "anything", "ris"),
        ("a.jsonl", "anything", "jsonl"),
        ("a.ndjson", "anything", "jsonl"),
        ("a.txt", "\n\nTY  - JOUR\n", "ris"),
        ("a.txt", '  {"id": 1}\n', "jsonl"),
        ("-", "TY  - JOUR\n", "ris"),
        ("a.txt", "Title\n\nTY  - not first\n", "page"),
        ("a", "", "page"),
    ],
)
def test_detect_format(path: str, text: str, expected: str) -> None:
    assert detect_format(path, text) == expected


def test_format_override() -> None:
    data = (RECORDS / "records.jsonl").read_bytes()
    (rec,) = parse_records(b'{"id": "x"}', "x.txt", format="jsonl")
    assert rec.id == "x"
    # Forced to page text, a JSON file is one record of unrecognised text, not an error.
    (page,) = parse_records(data, "records.jsonl", format="page")
    assert page.id == "records"


EXCHANGE = ROOT / "glossaries" / "example"


@pytest.mark.parametrize(("name", "kind"), [
    ("glossary.tmx", "a TMX file"), ("glossary.tbx", "a TBX file"), ("glossary.zh_TW.po", "a PO catalog"),
    ("glossary.csv", "a CSV table"), ("glossary.omegat.tsv", "an OmegaT glossary"),
    ("glossary.txt", "a termkit glossary"), ("glossary.json", "a termkit JSON glossary"),
])
def test_glossaries_and_translation_files_are_not_records(tmp_path: Path, name: str,
                                                          kind: str) -> None:
    # `termkit build glossary.tmx` read the markup as an abstract page and made "keywords"
    # of `<tu` and `</tu>`; `build x.po` paired msgid and msgstr lines: exit 0, junk out.
    data = (EXCHANGE / name).read_bytes()
    for path in (str(tmp_path / name), str(tmp_path / "renamed.txt")):
        Path(path).write_bytes(data)
        if path.endswith("renamed.txt") and kind in ("a CSV table", "an OmegaT glossary"):
            continue  # a table is known by its name only
        with pytest.raises(InputError) as info:
            read_records(path)
        assert str(info.value).startswith(f"{path}: {kind}, not article records; ")
        assert "termkit import" in str(info.value)
    # Asked for, it is read as page text all the same.
    assert parse_records(data, name, format="page")


def _registry_names() -> list[tuple[str, str, str]]:
    """(format, extension, a file name with it) for every extension the registry knows."""
    from termkit import formats

    return [(fmt.name, ext, ("x" if ext.startswith(".") else "my-") + ext)
            for fmt in formats.formats() for ext in fmt.extensions]


@pytest.mark.parametrize(("fmt", "ext", "name"), _registry_names())
def test_exchange_names_come_from_the_format_registry(tmp_path: Path, fmt: str, ext: str,
                                                      name: str) -> None:
    """Every name the registry gives a glossary or translation format is refused as records,
    pointing at `termkit import`, except where records may have that name: page text is any
    ``*.txt`` (a record saved as ``medical-glossary.txt``) and JSON Lines records are often
    saved as ``*.json``. Those are told apart by their text (next tests)."""
    path = tmp_path / name
    path.write_bytes(SEED.read_bytes())  # an article record, whatever the name says
    if Path(name).suffix in (".txt", ".json"):
        assert exchange_kind(str(path)) is None
        assert read_records(str(path))
        return
    with pytest.raises(InputError) as info:
        read_records(str(path))
    assert ", not article records; " in str(info.value) and "termkit import" in str(info.value)
    assert parse_records(path.read_bytes(), name, format="page")  # asked for, read all the same


def test_records_with_glossary_like_names_are_still_read(tmp_path: Path) -> None:
    jsonl = tmp_path / "records.json"
    jsonl.write_bytes((RECORDS / "dev.jsonl").read_bytes())
    want = read_records(str(RECORDS / "dev.jsonl"))
    assert want and _gist(read_records(str(jsonl))) == _gist(want)
    page = tmp_path / "medical-glossary.txt"
    page.write_bytes(SEED.read_bytes())
    assert _gist(read_records(str(page))) == _gist(read_records(str(SEED)))


def _gist(records: list[Record]) -> list[tuple[object, ...]]:
    return [(r.title_en, r.title_zh, r.keywords_zh, r.keywords_en) for r in records]


@pytest.mark.parametrize(("name", "source", "kind"), [
    ("IT.json", "convert/cgroups/IT.json", "MediaWiki conversion rules"),
    ("IT.cgroup.json", "convert/cgroups/IT.json", "MediaWiki conversion rules"),
    ("groups.rules.txt", None, "MediaWiki conversion rules"),
    ("terms.utf8", "omegat", "an OmegaT glossary"),
])
def test_glossaries_with_record_like_names_are_refused_by_their_text(
    tmp_path: Path, name: str, source: str | None, kind: str
) -> None:
    if source == "omegat":
        data = (EXCHANGE / "glossary.omegat.tsv").read_bytes()
    elif source is None:  # MediaWiki rule text, one -{…}- rule a line
        data = "-{zh-hans:软件;zh-hant:軟體;}-\n-{zh-cn:内存;zh-tw:記憶體;}-\n".encode()
    else:
        data = (DATA / source).read_bytes()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_records(str(path))
    assert str(info.value).startswith(f"{path}: {kind}, not article records; ")
    assert "termkit import" in str(info.value)
    # and termkit import reads it as the glossary it is
    from termkit.glossary import load_glossary

    fmt = "mediawiki" if kind.startswith("MediaWiki") else None
    assert load_glossary(str(path), format=fmt).concepts


def test_a_builds_sources_file_is_not_records(tmp_path: Path) -> None:
    # glossary.sources.jsonl (what build writes beside a glossary) read as JSON Lines gave one
    # empty record per concept and no error; a build of an old output folder took it in.
    from termkit.align import pair_record
    from termkit.build import SOURCES_FILE, write_build
    from termkit.glossary import build_glossary

    records = read_records(str(SEED))
    out = tmp_path / "out"
    write_build(build_glossary([pair_record(r) for r in records]), str(out), max_sources=5)
    sidecar = out / SOURCES_FILE
    for name in (sidecar, tmp_path / "copy.jsonl"):
        name.write_bytes(sidecar.read_bytes())
        with pytest.raises(InputError) as info:
            read_records(str(name))
        assert str(info.value).startswith(f"{name}: a termkit sources file")
        assert exchange_kind(str(name), name.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["txt", "RIS", ""])
def test_unknown_format_is_a_usage_error(fmt: str) -> None:
    with pytest.raises(UsageError, match="unknown record format"):
        parse_records(b"x", "x", format=fmt)
    with pytest.raises(UsageError):
        read_records(str(SEED), format=fmt)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(SEED.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (rec,) = read_records("-")
    assert rec.id == "stdin" and rec.source == "-"
    assert rec.keywords_en == ["realism", "Vietnam diplomacy", "balance of power"]


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_records(str(RECORDS / "nope.txt"))


def test_errors_carry_the_path() -> None:
    with pytest.raises(InputError) as info:
        read_records(str(RECORDS / "empty.txt"))
    assert str(info.value) == f"{RECORDS / 'empty.txt'}: empty file"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10卷3期(2014 / 09 / 01)", ("10", "3", "2014-09-01", None)),
        ("2017年", (None, None, "2017", None)),
        ("2020年第2期11-13,共3页", (None, "2", "2020", "11-13")),
        # An article continued on a later page (CNKI prints its pages so).
        ("2016年第1期112-113,116,共3页", (None, "1", "2016", "112-113,116")),
        ("2016年第1期 112-113, 116-117", (None, "1", "2016", "112-113,116-117")),
        ("2016年第1期112-113,5卷", ("5", "1", "2016", "112-113")),  # a number before 卷 is no page
        ("2021年4期", (None, "4", "2021", None)),
        ("Vol. 10, No. 3", ("10", "3", None, None)),
        ("Vol. 10, No. 3 (2014)", ("10", "3", "2014", None)),
        ("15卷2期（2011／12）", ("15", "2", "2011-12", None)),
        ("2014年9月", (None, None, "2014-09", None)),
        # A Taiwanese journal's running head: a bare year before a comma.
        ("2020，51卷，3期，401–428頁", ("51", "3", "2020", "401-428")),
        ("2020，第51卷第3期，頁401-428", ("51", "3", "2020", "401-428")),
        # The citation form of mainland journals: year, volume(issue): pages.
        ("2019, 38(4): 12-20", ("38", "4", "2019", "12-20")),
        ("2018，40（3）：45-52", ("40", "3", "2018", "45-52")),
        ("2019;38(4-5):12-20", ("38", "4-5", "2019", "12-20")),
        ("38(4): 12-20, 2019", ("38", "4", "2019", "12-20")),
        ("2(3)", None),  # a volume(issue) with no year or pages beside it says too little
        ("人文學 > 人文學綜合", None),
        ("2017", None),
        ("2017, 12", None),  # a year and a number: nothing says what the number is
        ("2017, Taipei", None),
        ("Vietnam diplomacy", None),
    ],
)
def test_volume_lines(line: str, expected: tuple[str | None, ...] | None) -> None:
    vol = parse_volume(line)
    if expected is None:
        assert vol is None
    else:
        assert vol is not None
        assert (vol.volume, vol.issue, vol.date, vol.pages) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("113 - 129", "113-129"),
        ("446-453", "446-453"),
        ("pp. 1-30", "1-30"),
        ("頁113-129", "113-129"),
        ("2004-01", None),
        ("113", None),
    ],
)
def test_page_lines(line: str, expected: str | None) -> None:
    assert parse_pages(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("張國城(Kuo-Cheng Chang)", [("張國城", "Kuo-Cheng Chang")]),
        ("Kuo-Cheng Chang(張國城)", [("張國城", "Kuo-Cheng Chang")]),
        ("張三(San Zhang);李四(Si Li)", [("張三", "San Zhang"), ("李四", "Si Li")]),
        ("張三（San Zhang），李四（Si Li）", [("張三", "San Zhang"), ("李四", "Si Li")]),
        ("王小明 / Hsiao-Ming Wang", [("王小明", "Hsiao-Ming Wang")]),
        ("陳恆楨 / Chen, Heng-Chen", [("陳恆楨", "Chen, Heng-Chen")]),
        (
            "王小明、李四 / Wang, Hsiao-Ming, Li, Si",
            [("王小明", "Wang, Hsiao-Ming"), ("李四", "Li, Si")],
        ),
        ("Shu-Chi Pai\n白書齊", [("白書齊", "Shu-Chi Pai")]),
        ("歐陽修", [("歐陽修", None)]),
        # Not author lines: keywords, titles, prose.
        ("現實主義 ; 權力平衡 ; realism", None),
        ("客戶忠誠度、客戶滿意度、服務品質、企業對企業 (B to B)", None),
        ("技術功效矩陣自動建構與驗證方法-以智慧網實系統專利分析為例", None),
        ("learning community, teachers' professional development", None),
        ("公司形象\n知覺價值", None),
    ],
)
def test_author_shapes_strict(text: str, expected: list[tuple[str, str | None]] | None) -> None:
    people = parse_authors(text, strict=True)
    if expected is None:
        assert people is None
    else:
        assert people is not None
        assert [(p.zh, p.en) for p in people] == expected


def test_lenient_authors_take_any_name() -> None:
    assert parse_authors("Madonna", strict=False) == [Person(None, "Madonna")]
    assert parse_authors("公孫策", strict=False) == [Person("公孫策", None)]
