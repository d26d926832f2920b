"""``tm import`` checks every INPUT before it opens the memory (README: "every INPUT is
checked (there, readable, a format with units) before the memory is opened"), and a run
that fails before it imports a unit leaves no new memory behind.

Stdin without ``--format`` was found only once the memory was open, and a first input that
was empty or malformed left a new, empty memory file behind.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from termkit.cli import cli
from tests.conftest import ROOT

TMX = str(ROOT / "glossaries" / "example" / "glossary.tmx")


def _import(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["tm", "import", *args], input=stdin)
    return result.exit_code, result.stderr


def test_stdin_without_format_creates_no_memory(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    code, err = _import("--db", str(db), "-", stdin="<tmx/>")
    assert code == 2  # a usage error, as `termkit import -` says it (stdin has no name)
    assert err.startswith("Error: reading stdin needs a format option; pass --format")
    assert list(tmp_path.iterdir()) == []


def test_an_empty_only_input_leaves_no_memory(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    for name in ("empty.tmx", "empty.po", "records.txt", "units.tsv"):
        empty = tmp_path / name
        empty.write_bytes(b"")
        code, err = _import("--db", str(db), str(empty))
        assert code == 1, err
        assert err.startswith(f"Error: {empty}:"), err
        assert not db.exists()
        empty.unlink()
    assert list(tmp_path.iterdir()) == []


def test_stdin_with_its_format_is_still_read(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    code, err = _import("--db", str(db), "--format", "tmx", "-",
                        stdin=Path(TMX).read_text(encoding="utf-8"))
    assert code == 0, err
    assert db.exists()


BAD_TMX = b"""<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv>
"""


def test_a_malformed_first_input_leaves_no_new_memory(tmp_path: Path) -> None:
    """What only reading finds (malformed XML) stops the run once the memory is open: a
    memory the run created and left without a unit is removed, one that was there stays."""
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(BAD_TMX)
    db = tmp_path / "new.sqlite"
    code, err = _import("--db", str(db), str(bad))
    assert code == 1 and err.startswith(f"Error: {bad}:") and "malformed XML" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tmx"]
    code, err = _import("--db", str(db), TMX)
    assert code == 0, err
    before = db.read_bytes()
    code, err = _import("--db", str(db), str(bad))
    assert code == 1
    assert db.exists() and db.read_bytes() == before


def test_bibtex_and_endnote_records_are_read_as_build_reads_them(tmp_path: Path) -> None:
    """``.bib`` and ``.enw`` (and ``.ndjson``) are record files to ``termkit build``; tm import
    asked for --format for them and offered only formats it cannot import."""
    db = tmp_path / "tm.sqlite"
    records = ROOT / "tests" / "data" / "records"
    for name in ("bilingual.bib", "refer_bilingual.enw"):
        code, err = _import("--db", str(db), str(records / name))
        assert code == 0, err
    ndjson = tmp_path / "r.ndjson"
    ndjson.write_text('{"id": "a", "title_zh": "權力平衡", "title_en": "Balance of Power"}\n',
                      "utf-8")
    code, err = _import("--db", str(db), str(ndjson))
    assert code == 0, err


def test_format_hints_name_what_tm_import_reads(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    reads = "tm import reads: csv, omegat, po, records, tmx, tsv, xliff, xlsx"
    odd = tmp_path / "units.xyz"
    odd.write_text("x\n", "utf-8")
    code, err = _import("--db", str(db), str(odd))
    assert code == 1 and err == (f"Error: {odd}: cannot tell the format from the file name; "
                                 f"pass --format ({reads})\n")
    code, err = _import("--db", str(db), "--format", "bogus", str(odd))
    assert code == 2 and err == f"Error: unknown format 'bogus'; {reads}\n"
    tbx = ROOT / "glossaries" / "example" / "glossary.tbx"
    code, err = _import("--db", str(db), str(tbx))
    assert code == 2 and err == f"Error: {tbx}: format 'tbx' has no translation units; {reads}\n"
    assert not db.exists()
