"""review28: real CNKI RefWorks exports read as Zotero's CNKI RefWorks translator reads them.

Data and oracle: ``tests/data/records/refworks`` (the inputs of that translator's test cases,
CNKI's own exports, and the items Zotero expects from them). Before, a tag written without its
space (``A1虞锦洪``) was taken for the line above's continuation, so the author was lost, and
CNKI's three-letter ``URL`` tag was run into the keywords: ``大事记 URL https://…`` as a
Chinese keyword and the link's query (``language=CHS``) as English ones.
"""

from __future__ import annotations

import json

import pytest

from termkit.records import detect_format, read_records
from tests.conftest import DATA

FOLDER = DATA / "records" / "refworks"
EXPECTED = json.loads((FOLDER / "zotero-expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_cnki_refworks_export_reads_as_zotero_reads_it(name: str) -> None:
    path = FOLDER / f"{name}.txt"
    want = EXPECTED[name]
    assert detect_format(str(path), path.read_text(encoding="utf-8")) == "refworks"
    (record,) = read_records(str(path))
    # spacing normalized as termkit keeps titles (CNKI's full-width space as one space)
    assert record.title_zh == " ".join(want["title"].split())
    assert [p.zh for p in record.authors] == want["authors"]
    assert sorted(record.keywords_zh) == sorted(want["tags"])
    assert record.keywords_en == []  # CNKI's export holds Chinese keywords only
    assert record.date == want["date"]


def test_the_exports_read_together_as_one_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # CNKI writes several records to one file, a blank line between them
    joined = b"\r\n\r\n".join((FOLDER / f"{name}.txt").read_bytes() for name in sorted(EXPECTED))
    path = tmp_path / "CNKI-export.txt"
    path.write_bytes(joined)
    records = read_records(str(path))
    assert [r.title_zh for r in records] == [" ".join(EXPECTED[n]["title"].split())
                                             for n in sorted(EXPECTED)]
    assert [[p.zh for p in r.authors] for r in records] == [
        EXPECTED[n]["authors"] for n in sorted(EXPECTED)]
