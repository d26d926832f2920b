"""Choosing and silencing checks: --checks/--skip, project files, inline markers, baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.check import FAMILIES, select
from termkit.check.config import find_config, load_config
from termkit.cli import cli
from termkit.errors import UsageError

PO = """msgid ""
msgstr ""
"Language: zh_TW\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Wait 30 seconds..."
msgstr "請等待20秒..."

# termkit: ignore=numbers
msgid "Use 5 threads"
msgstr "使用 4 個執行緒"

# Reviewed with the team.
# termkit: ignore
msgid "Retry 3 times..."
msgstr "重試 2 次..."

msgid "a"
msgstr garbage
"""


def run(*args: str, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, ["check", *args], catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, ["check", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def checks_of(result) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(f["line"], f["check"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "m.zh_TW.po").write_text(PO, "utf-8")
    return tmp_path


def test_inline_markers_and_syntax_findings(project: Path) -> None:
    result = run("--format", "json", "--no-config", str(project / "m.zh_TW.po"))
    assert result.exit_code == 1
    # line 6: numbers and ellipsis; line 9's numbers is silenced; line 13 silences all;
    # the garbage line is a syntax finding with its column.
    assert checks_of(result) == [(19, "syntax"), (6, "numbers"), (6, "ellipsis")]
    syntax = json.loads(result.stdout)["findings"][0]
    assert (syntax["line"], syntax["column"]) == (19, 8)


def test_checks_and_skip_by_id_and_family(project: Path) -> None:
    path = str(project / "m.zh_TW.po")
    assert checks_of(run("--format", "json", "--checks", "typography", path)) == [(6, "ellipsis")]
    assert checks_of(run("--format", "json", "--checks", "numbers,syntax", path)) == [(19, "syntax"), (6, "numbers")]
    assert checks_of(run("--format", "json", "--skip", "format", "--skip", "syntax", path)) == [(6, "ellipsis")]
    bad = run("--checks", "numbrs", path)
    assert bad.exit_code == 2 and "unknown check 'numbrs'" in bad.stderr
    known = bad.stderr.split("known: ")[1].split(" (see")[0].split(", ")
    assert "syntax" in known and "numbers" in known
    assert len(known) == len(set(known))  # 'syntax', a family and a check, was named twice


def test_select_families() -> None:
    assert select(["format"], ["length"]) == frozenset(FAMILIES["format"]) - {"length"}
    assert select(None, ["all"]) == frozenset()
    with pytest.raises(UsageError):
        select(["nope"])


def test_termkit_toml_sets_defaults_and_the_command_line_wins(project: Path) -> None:
    (project / "termkit.toml").write_text(
        '[check]\nskip = ["numbers", "syntax"]\nfail-on = "never"\ncjk-latin-spacing = "require"\n', "utf-8"
    )
    sub = project / "sub"
    sub.mkdir()
    assert find_config(sub) == project / "termkit.toml"
    result = run("--format", "json", "m.zh_TW.po", cwd=project)
    assert result.exit_code == 0  # fail-on never
    got = checks_of(result)
    assert (6, "numbers") not in got and (19, "syntax") not in got
    assert (6, "cjk-latin-spacing") in got  # 請等待20秒
    result = run("--format", "json", "--fail-on", "warning", "--cjk-latin-spacing", "off", "m.zh_TW.po", cwd=project)
    assert result.exit_code == 1
    assert all(check != "cjk-latin-spacing" for _line, check in checks_of(result))


def test_pyproject_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.termkit.check]\nchecks = ["syntax"]\n', "utf-8")
    assert load_config(find_config(project)).checks == ["syntax"]
    assert checks_of(run("--format", "json", "m.zh_TW.po", cwd=project)) == [(19, "syntax")]
    # a pyproject.toml without the table is not a configuration
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert find_config(project) is None or find_config(project) != project / "pyproject.toml"


@pytest.mark.parametrize(("text", "message"), [
    ('[check]\nskp = ["x"]\n', "unknown key 'skp'"),
    ('[check]\nchecks = ["nope"]\n', "unknown check 'nope'"),
    ('[check]\ncjk-latin-spacing = "maybe"\n', "cjk-latin-spacing must be one of"),
    ('[check]\nlength-ratio = -1\n', "length-ratio must be a positive number"),
    ("[check\n", "not valid TOML"),
])
def test_bad_configuration_is_a_usage_error(project: Path, text: str, message: str) -> None:
    (project / "termkit.toml").write_text(text, "utf-8")
    result = run("m.zh_TW.po", cwd=project)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "termkit.toml" in result.stderr


def test_baseline_hides_old_findings_matched_by_unit_not_line(project: Path) -> None:
    path = project / "m.zh_TW.po"
    old = run("--format", "json", "--no-config", str(path))
    (project / "old.json").write_text(old.stdout, "utf-8")
    # Lines move (a comment added on top) and one new problem appears.
    path.write_text(PO.replace('msgid ""\n', '# moved\nmsgid ""\n', 1) + '\nmsgid "Open 7 files"\nmsgstr "開啟 8 個檔案"\n', "utf-8")
    result = run("--format", "json", "--no-config", "--baseline", str(project / "old.json"), str(path))
    data = json.loads(result.stdout)
    assert [(f["unit"], f["check"]) for f in data["findings"]] == [("Open 7 files", "numbers")]
    assert data["summary"]["baselined"] == 3
    text = run("--no-config", "--baseline", str(project / "old.json"), str(path)).stdout
    assert text.splitlines()[-1].endswith("; 3 finding(s) hidden by the baseline")
    bad = run("--baseline", str(path), str(path))
    assert bad.exit_code == 2 and "not a JSON report" in bad.stderr
