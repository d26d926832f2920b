"""Every option a command's --help shows is explained in the README where that command is.

An audit found options in `--help` that the README never mentioned (`--glossary-format` of
convert, lookup and audit; `check --stats`, `--input-format`, `--quote-style`…; `tm search
--min` and `--limit`; `pinyin --lang`; `review --port`; …). The commands and their options
are discovered from the click tree, so an option added later without a word in the README
fails here. An option counts as explained when one of its names appears in the README's
section of its command (``### `termkit NAME` …``) or, for the options every command shares
(-o, -g, --include, --json …), in "Command-line conventions".
"""

from __future__ import annotations

import re

import click
import pytest

from tests.conftest import ROOT
from tests.test_cli_conventions import LEAF_IDS, LEAVES

README = (ROOT / "README.md").read_text("utf-8")


def sections() -> dict[str, str]:
    """Top-level command name -> the text of every README section headed with it."""
    parts = re.split(r"(?m)^(?=#{2,3} )", README)
    out: dict[str, str] = {}
    for part in parts:
        head = part.split("\n", 1)[0]
        if head.startswith("### "):
            for name in re.findall(r"`termkit ([a-z]+)", head):
                out[name] = out.get(name, "") + part
        elif head == "## Command-line conventions":
            out[""] = part
    return out


SECTIONS = sections()


def named(name: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def test_the_sections_are_found() -> None:
    # Guards the split itself: a command's section, and the conventions, are there.
    assert {"build", "convert", "pinyin", "names", "check", "tm", "review", ""} <= set(SECTIONS)
    assert "--in-place" in SECTIONS["convert"] and "--in-place" not in SECTIONS["tm"]


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=LEAF_IDS)
def test_every_option_is_explained_in_its_section(path: tuple[str, ...],
                                                  command: click.Command) -> None:
    section = SECTIONS.get(path[0], "")
    missing = []
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        names = [*param.opts, *param.secondary_opts]
        if "--help" in names:
            continue
        if not any(named(n, section) or named(n, SECTIONS[""]) for n in names):
            missing.append("/".join(names))
    assert not missing, f"termkit {' '.join(path)}: not in the README: {', '.join(missing)}"
