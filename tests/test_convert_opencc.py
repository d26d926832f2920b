"""OpenCC's own 543 conversion cases pass through termkit's converter with an empty glossary."""

from __future__ import annotations

import json

import opencc
import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.convert import CONFIG_VARIANTS, Converter, check_config, convert_text, valid_configs
from termkit.errors import UsageError
from termkit.model import Glossary
from tests.conftest import DATA

CASES = json.loads((DATA / "convert" / "testcases.strict.json").read_text(encoding="utf-8"))["cases"]
PAIRS = [(c["id"], cfg, c["input"], exp) for c in CASES for cfg, exp in c["expected"].items()]


def test_case_table_is_complete() -> None:
    assert len(PAIRS) == 543
    assert len({cfg for _, cfg, _, _ in PAIRS}) == 16


def test_all_cases_library() -> None:
    failures = [
        (cid, cfg) for cid, cfg, text, exp in PAIRS if convert_text(text, cfg) != exp
    ]
    assert failures == []


def test_all_cases_with_an_empty_glossary_object() -> None:
    convs = {cfg: Converter(cfg, Glossary()) for cfg in CONFIG_VARIANTS}
    assert [cid for cid, cfg, text, exp in PAIRS if convs[cfg].convert(text) != exp] == []


@pytest.mark.parametrize("index", [0, 100, 200, 300, 400, 542])
def test_some_cases_via_cli(index: int) -> None:
    _cid, cfg, text, exp = PAIRS[index]
    result = CliRunner().invoke(cli, ["convert", "--config", cfg], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == exp


def test_every_bundled_config_is_known() -> None:
    assert set(valid_configs()) == {c[:-5] for c in opencc.CONFIGS}
    assert set(valid_configs()) <= set(CONFIG_VARIANTS)


def test_unknown_config_lists_valid_ones() -> None:
    with pytest.raises(UsageError) as info:
        check_config("s2x")
    assert "tw2sp" in str(info.value) and "s2twp" in str(info.value)
    assert check_config("s2t.json") == "s2t"
