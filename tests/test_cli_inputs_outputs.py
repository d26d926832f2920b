"""One convention for inputs and outputs: what a newcomer tried and what it does now.

Each test is one complaint of the issue ("Inconsistent inputs and outputs"), run through the
real CLI group; each failed on the code before the convention.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from termkit.cli import cli

from .conftest import ROOT, SEED

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


def run(*args: str | Path, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, prog_name="termkit")


def test_pinyin_reads_stdin_without_arguments() -> None:
    # `echo 重慶 | termkit pinyin` was "Error: give either TEXT or -i FILE".
    result = run("pinyin", input="重慶\n")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "重慶(Chóngqìng)\n", "")
    result = run("pinyin", "-", input="重慶\n")
    assert result.stdout == "重慶(Chóngqìng)\n"


def test_pinyin_keeps_minus_i_for_scripts(tmp_path: Path) -> None:
    src = tmp_path / "para.txt"
    src.write_text("重慶\n", encoding="utf-8")
    assert run("pinyin", "-i", src).stdout == "重慶(Chóngqìng)\n"
    assert run("pinyin", "-i", "-", input="重慶\n").stdout == "重慶(Chóngqìng)\n"
    # A file name given as TEXT is annotated as text, with a hint about -i.
    result = run("pinyin", src)
    assert result.stdout == f"{src}\n"
    assert result.stderr == f"Warning: {str(src)!r} is annotated as text; to read the file, " \
                            f"use -i {src}\n"


def test_names_romanize_reads_names_from_stdin() -> None:
    # `echo 李大同 | termkit names romanize -` printed "-\t-" with exit 0.
    result = run("names", "romanize", "-", input="李大同\n")
    assert (result.exit_code, result.stdout) == (0, "李大同\tLi Datong\n")
    result = run("names", "romanize", "--style", "passport", input="張國城\n\n曾國藩\n")
    assert result.stdout == "張國城\tChang Kuo-Cheng\n曾國藩\tTseng Kuo-Fan\n"
    result = run("names", "romanize", "--json", "張國城")
    assert json.loads(result.stdout) == [{"zh": "張國城", "romanized": "Zhang Guocheng"}]


def test_convert_takes_minus_i_like_pinyin(tmp_path: Path) -> None:
    # `termkit convert -c s2twp -i para.txt` was "No such option '-i'".
    src = tmp_path / "para.txt"
    src.write_text("软件\n", encoding="utf-8")
    result = run("convert", "-c", "s2twp", "-i", src)
    assert (result.exit_code, result.stdout) == (0, "軟體\n")
    assert run("convert", "-c", "s2twp", src).stdout == "軟體\n"
    assert run("convert", "-c", "s2twp", input="软件\n").stdout == "軟體\n"
    result = run("detect", "--expect", "hant", "-i", src)
    assert result.exit_code == 1 and result.stdout.startswith(f"{src}:1:1: 软 is Simplified")


def test_build_refuses_stdout_as_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    # `termkit build page.txt -o -` created a folder named "-".
    monkeypatch.chdir(tmp_path)
    result = run("build", SEED, "-o", "-")
    assert result.exit_code == 2
    assert result.stderr == ("Error: this command writes a folder; `-` (stdout) cannot hold "
                             "one; give a folder name with -o DIR\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["export", str(EXAMPLE), "--to", "csv", "-o", "{out}"],
    ["import", str(EXAMPLE), "-o", "{out}"],
    ["convert", "-c", "s2t", str(EXAMPLE), "-o", "{out}"],
    ["pinyin", "權力", "-o", "{out}"],
    ["check", str(ROOT / "tests" / "data" / "check" / "clean.tmx"), "-o", "{out}"],
])
def test_missing_output_folders_are_not_created(tmp_path: Path, args: list[str]) -> None:
    # `-o /nonexistent/dir/x.txt` silently created the folders.
    out = tmp_path / "no" / "such" / "x.txt"
    result = run(*[a.format(out=out) for a in args])
    assert result.exit_code in (1, 2)  # check reports every error with 2 (1 means findings)
    assert result.stderr == (
        f"Error: {out}: the folder '{out.parent}' does not exist; termkit creates only the "
        "last part of an output path: create the folder first (mkdir -p)\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_output_creates_only_its_last_part(tmp_path: Path) -> None:
    result = run("build", SEED, "-o", tmp_path / "a" / "b")
    assert result.exit_code == 1 and "the folder" in result.stderr
    assert list(tmp_path.iterdir()) == []
    result = run("build", SEED, "-o", tmp_path / "a", "-q")
    assert result.exit_code == 0 and (tmp_path / "a" / "glossary.txt").is_file()


@pytest.mark.parametrize(("name", "root"), [
    ("out.tbx", "{urn:iso:std:iso:30042:ed-2}tbx"),
    ("out.tmx", "tmx"),
])
def test_export_format_from_the_output_name(tmp_path: Path, name: str, root: str) -> None:
    # `termkit export g.txt -o out.tbx` was "Missing option '--to'".
    out = tmp_path / name
    result = run("export", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert etree.parse(str(out)).getroot().tag == root


def test_export_needs_to_when_the_name_does_not_tell(tmp_path: Path) -> None:
    result = run("export", EXAMPLE)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: give --to: the output format cannot be told from "
                                    "stdout; one of tmx, tbx, po,")
    result = run("export", EXAMPLE, "-o", tmp_path / "out.doc")
    assert result.exit_code == 2 and "cannot be told from" in result.stderr


def test_check_and_pinyin_formats_from_the_output_name(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = run("check", ROOT / "tests" / "data" / "check" / "seeded.tmx", "-o", report)
    assert result.exit_code == 1  # findings
    assert json.loads(report.read_text(encoding="utf-8"))["schema"] == "termkit-check/1"
    page = tmp_path / "page.html"
    assert run("pinyin", "權力", "-o", page).exit_code == 0
    assert "<ruby>" in page.read_text(encoding="utf-8")
    # The older spelling still works.
    assert run("pinyin", "--format", "tsv", "權力").stdout == "term\treading\n權力\tquánlì\n"


def test_mistyped_command_gets_did_you_mean() -> None:
    # `termkit bulid` had no "did you mean" (only the tm group had one).
    result = run("bulid")
    assert result.exit_code == 2
    assert result.stderr == ("Error: No such command 'bulid'. Did you mean 'build'? "
                             "(see 'termkit --help')\n")
    result = run("tm", "pretransl")  # a lazily loaded tm command is suggested too
    assert "Did you mean 'pretranslate'?" in result.stderr


def test_check_pair_reads_either_side_from_stdin(tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    src.write_text("balance of power\n", encoding="utf-8")
    result = run("check", "--pair", src, "-", "--target-lang", "zh-TW", "--checks",
                 "wrong-script", input="权力平衡\n")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "-:1: [unit 1]\n  source [en]: balance of power\n  target [zh-Hant-TW]: «权»力平衡\n"
        "  wrong-script (error): Simplified characters in a Traditional (zh-Hant-TW) target: "
        "'权' should be '權'\n")


@pytest.mark.parametrize("args", [["pinyin"], ["names", "romanize"], ["convert", "-c", "s2t"],
                                  ["detect", "--expect", "hant"]])
def test_no_input_at_a_terminal_says_what_to_give(args: list[str]) -> None:
    # Reading stdin when nothing is given is for pipes; typed alone, the command does not
    # wait silently for text.
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "termkit", *args], stdin=follower,
                              capture_output=True, text=True, timeout=60, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: no input: give ") and done.stderr.endswith(
        ", or `-` to type it on stdin\n")
