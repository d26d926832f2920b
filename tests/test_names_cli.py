"""`termkit names match` and `termkit names romanize`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from termkit.cli import cli


def test_match_prints_score_and_reading() -> None:
    result = CliRunner().invoke(cli, ["names", "match", "張國城", "Kuo-Cheng Chang"])
    assert result.exit_code == 0
    assert result.stdout == "1.00\tchang kuocheng\n"


def test_match_json() -> None:
    result = CliRunner().invoke(cli, ["names", "match", "林彥汝", "Lin, Yen-Ju", "--json"])
    assert json.loads(result.stdout) == {
        "zh": "林彥汝", "romanized": "Lin, Yen-Ju", "score": 1.0, "surname": "lin",
        "given": "yen-ju", "surname_first": True, "reading": "lin yenju",
    }
    result = CliRunner().invoke(cli, ["names", "match", "林彥汝", "Chia-Chou Wang", "--json"])
    assert json.loads(result.stdout)["score"] < 0.5


def test_match_refuses_an_empty_name() -> None:
    # It printed "0.00" with exit 0, as if two names had been compared.
    for args in (["", "Lin"], ["林", " "]):
        result = CliRunner().invoke(cli, ["names", "match", *args])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith("Error: ") and "is empty" in result.stderr


def test_romanize_styles() -> None:
    result = CliRunner().invoke(cli, ["names", "romanize", "張國城", "曾國藩", "--style", "passport"])
    assert result.stdout == "張國城\tChang Kuo-Cheng\n曾國藩\tTseng Kuo-Fan\n"
    result = CliRunner().invoke(cli, ["names", "romanize", "單田芳"])
    assert result.stdout == "單田芳\tShan Tianfang\n"
    result = CliRunner().invoke(cli, ["names", "romanize", "單田芳", "--style", "yale"])
    assert result.exit_code == 2


def test_help_texts() -> None:
    group = cli.get_command(None, "names")  # type: ignore[arg-type]
    assert group is not None and group.help
    for name in ("match", "romanize"):
        command = group.get_command(None, name)  # type: ignore[attr-defined]
        assert command.help
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), param.name
