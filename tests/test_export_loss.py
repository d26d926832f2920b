"""What each export format keeps, measured: the README table "What each format keeps" is
made by these round trips (tests/roundtrip.py) and cannot go stale.

The glossary is what `build` makes of the bundled example and real dev records (the BibTeX and
page forms of one article, an author list with three people, the 95 records of dev.jsonl and
dev2.jsonl): keywords, persons and titles, with conflicts, title variants, candidates and
evidence. Each format is written, checked by the validator the format tests use (TMX 1.4b
DTD, TBX v3 TBX-Basic RNG, TBX v2 DTD and RNG, msgfmt -c), read back as `termkit import`
reads it, and compared concept by concept, field by field.
"""

from __future__ import annotations

import io
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from termkit import formats
from termkit.model import Glossary
from tests.conftest import DATA, require_tool
from tests.roundtrip import EXPORTS, kept_table, measure

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
INPUTS = [ROOT / "termkit" / "data" / "example-record.txt",
          *(DATA / "records" / n for n in ("bilingual.bib", "chinese_title.txt",
                                           "authors_fullwidth.txt", "dev.jsonl", "dev2.jsonl"))]
SCHEMAS = DATA / "formats" / "schemas"
_TABLE = re.compile(r"<!-- kept-table: [^>]*-->\n(?P<table>.*?)<!-- /kept-table -->", re.S)


@cache
def glossary() -> Glossary:
    from termkit.align import pair_record
    from termkit.glossary import build_glossary
    from termkit.records import read_records

    return build_glossary([pair_record(r) for p in INPUTS for r in read_records(str(p))])


def test_readme_table_is_what_the_round_trips_measure() -> None:
    found = _TABLE.search(README.read_text(encoding="utf-8"))
    assert found is not None, "README.md lost its <!-- kept-table --> markers"
    measured = kept_table(glossary())
    assert found.group("table") == measured, (
        "README.md's table 'What each format keeps' is out of date; the round trips give:\n"
        + measured)


def _written(fmt: str, options: dict[str, object]) -> bytes:
    out = io.BytesIO()
    formats.get(fmt).write_glossary(glossary(), out, **options)
    return out.getvalue()


def _validator(fmt: str, options: dict[str, object]) -> list[etree._Validator]:
    if fmt == "tmx":
        return [etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd"))]
    if fmt == "tbx" and options.get("tbx_version") == 2:
        return [etree.DTD(str(SCHEMAS / "tbx" / "v2" / "TBXcoreStructV02.dtd")),
                etree.RelaxNG(etree.parse(str(SCHEMAS / "tbx" / "v2" / "TBXBasicRNGV02.rng")))]
    if fmt == "tbx":
        return [etree.RelaxNG(etree.parse(
            str(SCHEMAS / "tbx" / "v3" / "TBXcoreStructV03_TBX-Basic_integrated.rng")))]
    return []


@pytest.mark.parametrize(("name", "fmt", "options"), EXPORTS, ids=[e[0] for e in EXPORTS])
def test_what_is_measured_is_valid(name: str, fmt: str, options: dict[str, object],
                                   tmp_path: Path) -> None:
    data = _written(fmt, options)
    for validator in _validator(fmt, options):
        assert validator.validate(etree.fromstring(data)), validator.error_log
    if fmt == "po":
        path = tmp_path / "g.zh_TW.po"
        path.write_bytes(data)
        tool = require_tool("msgfmt")
        result = subprocess.run([tool, "--check-format", "--check-header", "-o", "/dev/null",
                                 str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("name", "fmt", "options"),
                         [e for e in EXPORTS if e[1] in ("json", "termkit", "tmx", "tbx")],
                         ids=[e[0] for e in EXPORTS if e[1] in ("json", "termkit", "tmx", "tbx")])
def test_the_full_formats_keep_every_field(name: str, fmt: str, options: dict[str, object]
                                          ) -> None:
    # (A conflict's note listed tied renderings in the order the records gave them, and read
    # back in the order of the written terms: one of the two notes changed. Now both orders
    # are by sightings, then text.)
    loss = measure(glossary(), fmt, options)
    assert {f: k for f, k in loss.kept.items() if k[0] != k[1]} == {}
    assert loss.returned == loss.concepts
