"""`termkit detect`: characters of the wrong script, with line and column."""

from __future__ import annotations

import json
from pathlib import Path

import opencc
from click.testing import CliRunner

from termkit.cli import cli
from termkit.convert.detect import detect_text
from termkit.convert.opencc_data import dictionary, script_only_chars


def test_script_only_sets_agree_with_opencc() -> None:
    hans, hant = script_only_chars()
    assert "这" in hans and "這" in hant
    for shared in "台干里后面":  # characters used in both scripts are never reported
        assert shared not in hans and shared not in hant
    s2t, t2s = opencc.OpenCC("s2t.json"), opencc.OpenCC("t2s.json")
    assert all(s2t.convert(c) != c for c in hans)
    assert all(t2s.convert(c) != c for c in hant)
    assert not hans & hant


def test_characters_a_regional_variant_writes_are_not_the_other_script() -> None:
    # Taiwan writes 群 (族群, 社群) and Hong Kong 温 and 户; OpenCC's own s2tw/s2hk output holds
    # them. Text of unknown region (detect --expect hant) must not call them Simplified.
    hans, _ = script_only_chars(regional=True)
    strict, _ = script_only_chars()
    assert {"群", "温", "户"} <= strict - hans
    assert "这" in hans and "发" in hans
    keys = "".join(k for k in dictionary("STCharacters") if len(k) == 1)
    phrases = "，".join(k for k in dictionary("STPhrases"))
    for config in ("s2t", "s2tw", "s2twp", "s2hk"):
        out = opencc.OpenCC(f"{config}.json").convert(keys + phrases)
        assert hans.isdisjoint(out), (config, sorted(hans & set(out))[:10])
    text = "族群與社群的温度，户口，恒生指數，虱目魚粥。可是这里"
    assert [f.char for f in detect_text(text, "hant")] == ["这"]


def test_positions() -> None:
    text = "這是繁體中文\n可是这里有简体"
    found = detect_text(text, "hant")
    assert [(f.line, f.column, f.char) for f in found] == [(2, 3, "这"), (2, 6, "简"), (2, 7, "体")]
    assert found[0].suggestions == ("這",)
    assert [(f.line, f.column, f.char) for f in detect_text(text, "hans")] == [
        (1, 1, "這"), (1, 4, "體")]


def test_cli(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("純正繁體\n混入简体\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["detect", str(f), "--expect", "hant"])
    assert r.exit_code == 1
    assert r.output == (f"{f}:2:3: 简 is Simplified (Traditional: 簡)\n"
                        f"{f}:2:4: 体 is Simplified (Traditional: 體)\n")
    r = CliRunner().invoke(cli, ["detect", "--expect", "hans", "--json"], input="这是简体".encode())
    assert r.exit_code == 0 and json.loads(r.output) == []
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\n")
    r = CliRunner().invoke(cli, ["detect", str(bad), "--expect", "hant"])
    # Errors exit 2: detect's exit status 1 means "found".
    assert r.exit_code == 2 and r.stderr == f"Error: {bad}:2:1: not valid UTF-8; convert it to UTF-8 first, from the encoding it was written in (iconv -f ENCODING -t UTF-8 FILE); it does not read as UTF-16, Big5 or GB18030\n"
    assert r.stdout == ""


def test_help_says_input_is_one_file_as_the_command_takes(tmp_path: Path) -> None:
    """`detect` reads one INPUT: its `-i` help must not promise a repeatable option."""
    runner = CliRunner()
    help_text = runner.invoke(cli, ["detect", "--help"]).output
    i_line = next(line for line in help_text.splitlines() if "-i, --input" in line)
    assert "repeatable" not in i_line and "one file" in i_line
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("權\n", encoding="utf-8")
    res = runner.invoke(cli, ["detect", "--expect", "hant", "-i", str(tmp_path / "a.txt"),
                              "-i", str(tmp_path / "b.txt")])
    assert res.exit_code == 2 and "detect reads one INPUT" in res.output
