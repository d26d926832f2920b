"""The README's console examples print what the commands print today.

A new user follows the README from the repository root, command by command. Its examples
had drifted (a topic's count of forms in `convert --list-topics`) and the translation-memory
walk-through named two files the README never said how to make. Here every ```console block
runs in a fresh folder that sees the repository's bundled data (`termkit/`, `glossaries/`,
`tests/`), its commands in order, through bash, as a user pastes them; each command's output
as the README shows it must be what it prints on stdout (on stderr when stdout is empty:
`build`'s summary). A line `...` or `…` alone ends the
comparison of that output (the README shows the start of a longer output). Commands shown
without output are run too (later ones may need their files); a traceback fails the test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

README = (ROOT / "README.md").read_text("utf-8")
# Blocks that show a user's own files (not bundled) or a server that does not return.
_OWN_FILES = ("messages.zh_TW.po", "termkit review ")
_ELLIPSIS = {"...", "…"}


def _blocks() -> list[list[tuple[str, list[str]]]]:
    out = []
    for body in re.findall(r"(?s)```console\n(.*?)```", README):
        commands: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        if commands and not any(own in c for c, _ in commands for own in _OWN_FILES):
            out.append(commands)
    return out


BLOCKS = _blocks()


def test_the_examples_are_found() -> None:
    # Guards the parsing: the walk-through and the convert examples are among the blocks run.
    run = [c for block in BLOCKS for c, _ in block]
    assert any("tm pretranslate" in c for c in run)
    assert any("--list-topics -" in c for c in run)
    assert len(BLOCKS) >= 8


def _expected(lines: list[str]) -> tuple[list[str], bool]:
    """The lines to compare and whether the README shows only the start."""
    for i, line in enumerate(lines):
        if line.strip() in _ELLIPSIS:
            return lines[:i], True
    return lines, False


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0][0][:60] for b in BLOCKS])
def test_console_block(block: list[tuple[str, list[str]]], tmp_path: Path) -> None:
    if any(c.startswith("msgfmt") or c.startswith("msgfilter") for c, _ in block):
        require_tool("msgfilter")
        require_tool("msgfmt")
    for name in ("termkit", "glossaries", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("TERMKIT_DEBUG", None)
    shell = ""  # variables a block sets (`G=…`) last for the block
    for command, shown in block:
        code = command.split("  #", 1)[0].strip()
        if re.fullmatch(r"[A-Z]+=\S+", code):
            shell += code + "; "
            continue
        result = subprocess.run(["bash", "-o", "pipefail", "-c", shell + code], cwd=tmp_path,
                                env=env, capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stderr, f"$ {command}\n{result.stderr}"
        if not shown:
            continue
        want, prefix = _expected(shown)
        # A summary printed on stderr (`build`) is what the terminal shows when stdout is empty.
        printed = result.stdout or result.stderr
        got = printed.rstrip("\n").split("\n") if printed else []
        if prefix:
            got = got[:len(want)]
        assert got == want, f"$ {command}\nstderr: {result.stderr}"
