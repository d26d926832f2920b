"""The majority spellings of the CLI on the commands that lacked them, old spellings kept.

`termkit --help` and each command's help: `-g, --glossary` names glossaries (check, convert,
lookup, pinyin, tm export, tm pretranslate), `--json` asks for JSON (15 commands), and
`-q, --quiet` silences a command's chatter. `audit` took its glossary only positionally, `check`
only `--to json` and `tm import` had no `-q`: each now takes the shared spelling, and the old
one still works (the positional GLOSSARY of audit is hidden from the usage line and deprecated
in the README)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from termkit.cli import cli

from .conftest import DATA

EXAMPLE = "glossaries/example/glossary.txt"
EXAMPLE_TMX = "glossaries/example/glossary.tmx"
CHECK = DATA / "check"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), prog_name="termkit")


def test_audit_takes_its_glossary_with_g_and_still_positionally() -> None:
    new = run("audit", "-g", EXAMPLE, "-c", "tw2sp", "--json")
    old = run("audit", EXAMPLE, "-c", "tw2sp", "--json")
    assert new.exit_code == 0, new.output
    assert old.exit_code == 0, old.output
    rows = [json.loads(line) for line in new.stdout.splitlines()]
    assert {r["term"] for r in rows} >= {"權力平衡", "現實主義"}
    assert new.stdout == old.stdout
    # Both spellings together: the glossaries of both (the same file once is the same output).
    both = run("audit", EXAMPLE, "-g", "glossaries/cross-strait.glossary.txt", "-c", "tw2sp",
               "--json")
    assert both.exit_code == 0, both.output
    assert len(both.stdout.splitlines()) > len(rows)


def test_audit_help_shows_g_and_without_a_glossary_says_so() -> None:
    result = run("audit", "--help")
    assert "-g, --glossary FILE" in result.stdout
    assert result.stdout.startswith("Usage: termkit audit [OPTIONS]\n")
    none = run("audit", "-c", "tw2sp")
    assert none.exit_code == 2
    assert none.stderr == ("Error: give the glossary to audit with -g FILE "
                           "(see 'termkit audit --help')\n")


def test_check_json_is_the_same_as_to_json() -> None:
    files = [str(CHECK / "seeded.tmx")]
    g = str(CHECK / "fixture.glossary.txt")
    new = run("check", "-g", g, "--json", *files)
    old = run("check", "-g", g, "--to", "json", *files)
    assert new.exit_code == old.exit_code == 1, new.output  # findings
    report = json.loads(new.stdout)
    assert report["findings"]
    assert new.stdout == old.stdout
    clash = run("check", "-g", g, "--json", "--to", "junit", *files)
    assert clash.exit_code == 2
    assert "--json" in clash.stderr and "--to junit" in clash.stderr


def test_tm_import_quiet(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    loud = run("tm", "import", "--db", str(db), EXAMPLE_TMX)
    assert loud.exit_code == 0, loud.output
    assert "4 read" in loud.stdout
    for flag in ("-q", "--quiet"):
        quiet_db = tmp_path / f"quiet{flag}.sqlite"
        result = run("tm", "import", "--db", str(quiet_db), flag, EXAMPLE_TMX)
        assert result.exit_code == 0, result.output
        assert (result.stdout, result.stderr) == ("", "")
        with sqlite3.connect(quiet_db) as con:  # imported all the same
            assert con.execute("select count(*) from unit").fetchone() == (4,)
    # A warning is silenced too (an empty TMX adds nothing); an error is not.
    empty = tmp_path / "empty.tmx"
    empty.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" '
                     'segtype="phrase" adminlang="en" creationtool="t" creationtoolversion="1" '
                     'o-tmf="t"/><body/></tmx>', encoding="utf-8")
    result = run("tm", "import", "--db", str(db), "-q", str(empty))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    result = run("tm", "import", "--db", str(db), "-q", str(tmp_path / "missing.tmx"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
