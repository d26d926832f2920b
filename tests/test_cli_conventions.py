"""The command-line conventions hold for every command (README, "Command-line conventions").

The commands are discovered from the click command tree (every group, every subcommand, the
lazily loaded ones included), not from a hand-kept list, so a new command is held to the
same spelling the day it is added.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from termkit.cli import cli

# Commands whose output is the document itself (converted text, an annotated page, a report
# that has its own JSON format, a TMX) or a server: no --json needed.
DOCUMENT_OUTPUT = {
    ("convert",): "the converted text or file",
    ("review",): "a web app",
    ("tm", "export"): "a TMX file",
}


def walk(command: click.Command, path: tuple[str, ...], ctx: click.Context
         ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command below ``command``: (path of names, command), groups included."""
    yield path, command
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"{' '.join(path)} lists {name} but cannot load it"
            yield from walk(sub, (*path, name), click.Context(sub, info_name=name, parent=ctx))


ALL = list(walk(cli, (), click.Context(cli, info_name="termkit")))
LEAVES = [(p, c) for p, c in ALL if p and not isinstance(c, click.Group)]
IDS = [" ".join(p) or "termkit" for p, _ in ALL]
LEAF_IDS = [" ".join(p) for p, _ in LEAVES]


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, prog_name="termkit")


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option)]


def test_the_tree_is_discovered() -> None:
    # Guards the walk itself: the lazily loaded tm subcommands and both levels are seen.
    names = {" ".join(p) for p, _ in LEAVES}
    assert {"build", "convert", "names romanize", "tm search", "tm pretranslate",
            "tm delete"} <= names
    assert len(LEAVES) >= 20


@pytest.mark.parametrize(("path", "command"), ALL, ids=IDS)
def test_help_runs_and_describes(path: tuple[str, ...], command: click.Command) -> None:
    result = run([*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: termkit {' '.join(path)}".rstrip())
    assert command.help and len(command.help.strip()) > 20


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=LEAF_IDS)
def test_shared_options_are_spelled_the_same(path: tuple[str, ...],
                                             command: click.Command) -> None:
    for opt in options(command):
        names = opt.opts + opt.secondary_opts
        where = f"termkit {' '.join(path)} {'/'.join(names)}"
        if opt.name == "output" or "-o" in names or "--output" in names:
            assert opt.opts == ["-o", "--output"], where
            help_text = opt.help or ""
            if opt.metavar == "DIR":  # a folder output never takes `-`
                assert "not `-`" in help_text, where
            else:
                assert "`-` for stdout" in help_text, where
        if opt.name == "as_json" or "--json" in names:
            assert opt.opts == ["--json"] and opt.is_flag, where
        if opt.name == "glossaries" or "--glossary" in names:
            assert opt.opts == ["-g", "--glossary"] and opt.multiple, where
        if "--to" in names:
            assert opt.opts[0] == "--to", where  # the output format is --to (aliases after)
        if opt.name in ("includes", "excludes"):
            assert opt.opts == [f"--{opt.name[:-1]}"] and opt.multiple, where
        if "-i" in names:
            assert opt.opts == ["-i", "--input"], where


def test_a_short_option_means_one_thing_everywhere() -> None:
    longs: dict[str, set[str]] = {}
    for _, command in LEAVES:
        for opt in options(command):
            shorts = [n for n in opt.opts if len(n) == 2]
            long = next((n for n in opt.opts if n.startswith("--")), "")
            for short in shorts:
                longs.setdefault(short, set()).add(long)
    assert {s: ls for s, ls in longs.items() if len(ls) > 1} == {}
    assert longs["-o"] == {"--output"} and longs["-g"] == {"--glossary"}


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=LEAF_IDS)
def test_data_output_has_json(path: tuple[str, ...], command: click.Command) -> None:
    has_json = any("--json" in o.opts for o in options(command))
    assert has_json or path in DOCUMENT_OUTPUT, f"termkit {' '.join(path)} needs --json"


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=LEAF_IDS)
def test_file_inputs_say_dash_is_stdin(path: tuple[str, ...], command: click.Command) -> None:
    inputs = [p for p in command.params if isinstance(p, click.Argument)
              and "INPUT" in (p.metavar or "")]
    if not inputs:
        return
    for arg in inputs:
        assert arg.nargs == -1 or arg.metavar == "[INPUT|-]", arg.metavar
    assert "`-`" in (command.help or ""), f"termkit {' '.join(path)}: say what `-` means"


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=LEAF_IDS)
def test_folder_inputs_have_include_and_exclude(path: tuple[str, ...],
                                                command: click.Command) -> None:
    names = {o.name for o in options(command)}
    assert ("includes" in names) == ("excludes" in names)
    if "includes" in names:
        assert "folder" in (command.help or ""), f"termkit {' '.join(path)}: say folders work"


def test_mistyped_commands_get_a_suggestion_at_every_level() -> None:
    for path, command in ALL:
        if not isinstance(command, click.Group):
            continue
        ctx = click.Context(command)
        name = command.list_commands(ctx)[0]
        typo = name[0] + name[2] + name[1] + name[3:]  # two letters swapped
        result = run([*path, typo])
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"Error: No such command {typo!r}. Did you mean {name!r}? "
            f"(see '{' '.join(('termkit', *path))} --help')"], result.stderr


def test_click_usage_errors_are_one_line() -> None:
    for args, says in [
        (["pinyin", "--bogus"], "Error: No such option '--bogus' (see 'termkit pinyin --help')"),
        (["export"], "Error: Missing argument 'GLOSSARY' (see 'termkit export --help')"),
        (["tm", "search", "--min", "200", "x"], "Error: Invalid value for '--min': 200 is not "
         "in the range 0<=x<=100 (see 'termkit tm search --help')"),
        (["--bogus"], "Error: No such option '--bogus' (see 'termkit --help')"),
    ]:
        result = run(args)
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [says]


def test_a_group_alone_still_shows_its_help() -> None:
    result = run(["tm"])
    assert "Usage: termkit tm" in result.output and "pretranslate" in result.output


LANG_OPTIONS = [(p, o) for p, c in LEAVES for o in options(c)
                if o.name and (o.name == "lang" or o.name.endswith("_lang"))]


def test_language_options_are_found() -> None:
    found = {(" ".join(p), o.opts[0]) for p, o in LANG_OPTIONS}
    assert {("check", "--target-lang"), ("tm pretranslate", "--target-lang"),
            ("tm search", "--lang"), ("pinyin", "--lang")} <= found


@pytest.mark.parametrize(("path", "option"), LANG_OPTIONS,
                         ids=[f"{' '.join(p)} {o.opts[0]}" for p, o in LANG_OPTIONS])
def test_a_language_option_takes_only_a_language_tag(
        path: tuple[str, ...], option: click.Option, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A mistyped tag matched nothing and passed silently: `tm pretranslate --target-lang
    # 'zh TW'` filled no segment with exit status 0, `check --target-lang '!!'` checked on.
    monkeypatch.chdir(tmp_path)  # no default memory is left in the working folder
    name = option.opts[0]
    result = run([*path, name, "zh TW"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: Invalid value for '{name}': 'zh TW' is not a language tag (BCP 47, e.g. "
        f"zh-TW, zh-Hant, en) (see 'termkit {' '.join(path)} --help')"], result.stderr
    # Every spelling termkit reads elsewhere is taken (the run fails later, on other things).
    for tag in ("zh_TW", "zh-Hant-TW", "en", "zh_CN.UTF-8"):
        assert "not a language tag" not in run([*path, name, tag]).stderr


@pytest.mark.parametrize("args", [
    ["import", "-", "-o", "out.txt"],
    ["tm", "import", "-", "--db", "tm.sqlite"],
], ids=["import", "tm import"])
def test_stdin_without_a_format_is_a_usage_error(tmp_path: Path, args: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Stdin has no name to tell its format: every command that reads glossaries or units
    from `-` says so the same way, as a usage error (exit 2), and writes nothing."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args, input="msgid \"\"\nmsgstr \"\"\n")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: reading stdin needs a format option")
    assert "--format" in result.stderr
    assert list(tmp_path.iterdir()) == []
