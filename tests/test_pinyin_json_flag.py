"""`termkit pinyin --json`, as every other command spells JSON output.

A new user who had used `lookup --json` and `check --json` typed `termkit pinyin 權力平衡 --json`
and got `Error: No such option '--json'`. It is now `--to json`, as `check --json` is.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from termkit.cli import cli


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["pinyin", *args], catch_exceptions=False)


def test_json_flag_writes_what_to_json_writes() -> None:
    flag, spelled = run("權力平衡", "--json"), run("權力平衡", "--to", "json")
    assert flag.exit_code == 0 and spelled.exit_code == 0
    assert flag.stdout == spelled.stdout
    assert json.loads(flag.stdout)[0]["reading"] == "quánlì pínghéng"


def test_json_flag_with_another_format_is_a_usage_error() -> None:
    result = run("權力平衡", "--json", "--to", "tsv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "Error: --json and --to tsv ask for two output formats"
