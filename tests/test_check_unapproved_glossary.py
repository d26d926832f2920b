"""`check -g` with a glossary whose terms are all candidates says so.

A translator typed a CSV glossary by hand (`en,zh-TW` and two rows) and checked a catalogue
that renders `realism` as 實在論: the report had no `missing-term`, and nothing said why.
A table without a `status` column is read as candidates, and `missing-term` asks only for
approved (preferred or admitted) renderings. The check now warns on stderr, naming the file;
the report itself is unchanged.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from termkit.cli import cli

from .conftest import DATA

PO = str(DATA / "check" / "seeded.zh_TW.po")
ROWS = "balance of power,權力平衡\nrealism,現實主義\n"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_a_table_typed_without_statuses_is_named_in_a_warning(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_text("en,zh-TW\n" + ROWS, "utf-8")
    result = run("-g", str(table), PO)
    assert "missing-term" not in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"Warning: {table}: none of its 2 concept(s) has a preferred")
    assert "'status' column" in warnings[0]


def test_a_status_column_makes_the_terms_count_and_no_warning(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_text("en,zh-TW,status\n" + ROWS.replace("\n", ",preferred\n"), "utf-8")
    result = run("-g", str(table), PO)
    assert result.exit_code == 1
    assert "missing-term (error): 'realism' is not rendered as '現實主義'" in result.stdout
    assert "Warning:" not in result.stderr


def test_no_warning_when_the_term_checks_are_skipped(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_text("en,zh-TW\n" + ROWS, "utf-8")
    result = run("-g", str(table), "--skip", "terms", PO)
    assert "Warning:" not in result.stderr
