"""The ``termkit`` command line: a click group whose commands load lazily.

Each command lives in its own small module under ``termkit/cli/`` and only parses options,
calls the library and renders the result. Errors from the library (:class:`TermkitError`)
become ``Error: FILE:LINE: message`` on stderr with exit status 1 (2 for usage errors) here,
in one place. Commands are imported only when run, so ``termkit --help`` stays fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from termkit import __version__
from termkit.errors import TermkitError

# name -> (module:attribute, one-line help shown by `termkit --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("termkit.cli.build:build", "Build a bilingual glossary from article records."),
    "extract": ("termkit.cli.build:extract", "Show keywords, names and titles paired per record."),
    "export": ("termkit.cli.exchange:export", "Export a glossary to TMX, TBX, PO, OmegaT, CSV or Excel."),
    "import": ("termkit.cli.exchange:import_", "Merge glossaries and translation files into one glossary."),
    "convert": ("termkit.cli.convert:convert", "Convert Traditional/Simplified Chinese with glossary-locked terms."),
    "audit": ("termkit.cli.convert:audit", "Report how plain OpenCC treats each glossary term."),
    "detect": ("termkit.cli.convert:detect", "Find Simplified characters in Traditional text and the reverse."),
    "pinyin": ("termkit.cli.pinyin:pinyin", "Annotate Chinese text with pinyin, zhuyin or Wade-Giles."),
    "names": ("termkit.cli.names:names", "Romanize Chinese names and match them against romanizations."),
    "check": ("termkit.cli.check:check", "Check translations against glossaries (terms, script, region)."),
    "tm": ("termkit.cli.tm:tm", "Translation memory: import, fuzzy search, concordance, export, stats."),
    "lookup": ("termkit.cli.lookup:lookup", "Find concepts in glossaries by any form (Chinese, English, pinyin)."),
    "review": ("termkit.cli.review:review", "Review a glossary in the browser: approve, reject, edit, resolve conflicts."),
}


class TermkitCLIError(click.ClickException):
    """A library error rendered as ``Error: …`` (exit status 1)."""

    exit_code = 1


class TermkitCLIUsageError(TermkitCLIError):
    """A library usage error rendered as ``Error: …`` (exit status 2)."""

    exit_code = 2


def cli_error(error: TermkitError) -> TermkitCLIError:
    """The click exception for a library error, carrying the library's exit code."""
    cls = TermkitCLIUsageError if error.exit_code == 2 else TermkitCLIError
    return cls(str(error))


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr = entry[0].split(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help comes from COMMANDS so listing does not import every command.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TermkitError as exc:
            raise cli_error(exc) from None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termkit")
def cli() -> None:
    """termkit: Chinese–English glossaries from article records, and the tools they drive.

    Build a glossary from article pages (`termkit build`), then use it to convert between
    Traditional and Simplified Chinese, annotate pinyin, export TMX/TBX/PO, and check
    translations. Every command has --help; `-` means stdin or stdout.
    """


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="termkit")
    except BrokenPipeError:  # `termkit … | head` closes stdout early
        sys.stderr.close()
        sys.exit(1)
