"""What the CLI commands share: the spelling of common options, groups, JSON output, notices.

The command-line conventions (README, "Command-line conventions") live here as code, so
every command spells them the same way (``tests/test_cli_conventions.py`` walks every
command's ``--help`` to hold this):

* files are positional ``INPUT...`` arguments, ``-`` meaning stdin;
* ``-o, --output FILE`` with ``-`` for stdout (a folder output refuses ``-``);
* ``-g, --glossary FILE`` (repeatable), ``--json`` for output scripts read;
* a mistyped command gets a "did you mean" at every level (:class:`CommandGroup`);
* commands whose exit status 1 means something (searches: nothing found; checks: findings)
  report errors with status 2 (:func:`errors_exit_2`).
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from termkit.model import Notice

F = TypeVar("F", bound=Callable[..., Any])

ERRORS_EXIT_2 = "termkit.errors_exit_2"  # key in click's Context.meta


def dumps(obj: Any) -> str:
    """Deterministic JSON: UTF-8 text, sorted keys are the caller's choice, no ASCII escapes."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def warn(notice: Notice | str) -> None:
    """Print a warning line on stderr."""
    click.echo(f"Warning: {notice}", err=True)


def note(text: str) -> None:
    """Print a one-line note on stderr (``lookup: no concept matches …``)."""
    click.echo(text, err=True)


def word_list_note(command: str) -> Callable[[], None] | None:
    """What says, on a terminal, that ``command`` is preparing the lock's word list.

    The first use of a large glossary (the regional one) by the word-aware reading computes
    its word list (:mod:`termkit.convert.words`): 5-10 s with a cold cache, in which
    nothing would be shown. ``None`` when stderr is no terminal (scripts and logs get no
    such line).
    """
    from termkit.cli.progress import stderr_is_terminal

    if not stderr_is_terminal():
        return None

    def say() -> None:
        kept = _cache_folder_problem()
        note(f"{command}: preparing the word list of the glossary lock ("
             + ("once for these terms, kept for later runs" if kept is None
                else f"on every run: {kept}") + ") …")

    return say


def dictionary_note(command: str) -> None:
    """On a terminal, say that ``command`` is preparing the dictionaries (the CC-CEDICT index
    and word list pairing reads), when they are not cached yet: the first run on a machine
    spends 5-10 s on them before any progress moves. Nothing on a pipe, or once cached."""
    from termkit.cli.progress import stderr_is_terminal
    from termkit.lexicon import dictionaries_ready

    if not stderr_is_terminal() or dictionaries_ready():
        return
    kept = _cache_folder_problem()
    note(f"{command}: preparing the CC-CEDICT dictionary ("
         + ("once, kept for later runs" if kept is None else f"on every run: {kept}") + ") …")


def _cache_folder_problem() -> str | None:
    """Why the lock's word list cannot be kept for later runs (the cache folder, or the
    nearest folder above it that exists, is not a writable folder), or None."""
    from termkit.lexicon import cache_dir

    folder = cache_dir()
    probe = folder
    while not os.path.lexists(probe) and probe.parent != probe:
        probe = probe.parent
    if os.path.isdir(probe) and os.access(probe, os.W_OK | os.X_OK):
        return None
    return f"the cache folder {folder} cannot be written"


def errors_exit_2() -> None:
    """Make every error of the running command exit with status 2 (grep's convention).

    For commands whose status 1 already means something: a search that found nothing, a
    check that found problems. The guard in :mod:`termkit.cli` reads the mark.
    """
    click.get_current_context().meta[ERRORS_EXIT_2] = True


def stdin_default(what: str) -> None:
    """Allow reading stdin when no input was given, unless stdin is a terminal.

    ``termkit pinyin`` typed alone would otherwise wait silently for text; it says what to
    give instead. ``-`` given explicitly always reads stdin.
    """
    import sys

    from termkit.errors import UsageError

    try:
        interactive = sys.stdin.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if interactive:
        raise UsageError(f"no input: give {what}, or `-` to type it on stdin")


class LanguageTag(click.ParamType):
    """A language tag option (``--target-lang zh-TW``): well-formed BCP 47, or the spellings
    termkit reads in files (``zh_TW``, ``zh_CN.UTF-8``); a mistyped one is a usage error
    rather than a tag that silently matches nothing."""

    name = "TAG"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        from termkit.lang import is_well_formed

        if not isinstance(value, str) or not is_well_formed(value):
            self.fail(f"{value!r} is not a language tag (BCP 47, e.g. zh-TW, zh-Hant, en)",
                      param, ctx)
        return value


LANG_TAG = LanguageTag()


class CommandGroup(click.Group):
    """A click group that suggests the closest commands for a mistyped one."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = click.utils.make_str(args[0])
        if (not ctx.resilient_parsing and not name.startswith("-")
                and self.get_command(ctx, name) is None):
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=3, cutoff=0.6)
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            raise click.UsageError(f"No such command {name!r}.{hint}", ctx)
        return super().resolve_command(ctx, args)


# --------------------------------------------------------------------------- shared options

STDOUT = "`-` for stdout"


def output_option(help_text: str = "Output file", *, default: str | None = "-",
                  required: bool = False, metavar: str = "FILE") -> Callable[[F], F]:
    """``-o, --output FILE`` (``-`` for stdout); ``help_text`` says what is written."""
    shown = f"{help_text} ({STDOUT}); written atomically, only when the command succeeds."
    if required:
        # No default at all: click 8.2+ takes even default=None as given and skips its
        # "Missing option" check (import went on with no output name).
        return click.option("-o", "--output", "output", required=True, metavar=metavar,
                            help=shown)
    return click.option("-o", "--output", "output", default=default, metavar=metavar,
                        help=shown, show_default=default is not None)


def folder_output_option(help_text: str) -> Callable[[F], F]:
    """``-o, --output DIR`` for a command that writes a folder (never ``-``)."""
    return click.option("-o", "--output", "output", required=True, metavar="DIR",
                        help=f"{help_text} (a folder, so not `-`; its parent must exist).")


def json_option(help_text: str = "Print JSON (for scripts) instead of text.") -> Callable[[F], F]:
    """``--json``: machine-readable output on stdout."""
    return click.option("--json", "as_json", is_flag=True, help=help_text)


def distinct_files(ctx: click.Context, param: click.Parameter,
                   values: tuple[str, ...]) -> tuple[str, ...]:
    """A click callback refusing one file given twice to a repeatable option (``-g a -g ./a``):
    its contents would count twice (every terminology finding of ``check`` was doubled)."""
    seen: dict[str, str] = {}
    for value in values:
        key = value if value == "-" else os.path.realpath(value)
        if key in seen:
            raise click.BadParameter("`-` (stdin) is given twice" if value == "-" else
                                     f"{value!r} is the same file as {seen[key]!r}")
        seen[key] = value
    return values


def glossary_option(help_text: str, *, required: bool = False) -> Callable[[F], F]:
    """``-g, --glossary FILE`` (repeatable; a file at most once)."""
    return click.option("-g", "--glossary", "glossaries", multiple=True, required=required,
                        metavar="FILE", help=help_text, callback=distinct_files)


def folder_options(default: str) -> Callable[[F], F]:
    """``--include GLOB`` and ``--exclude GLOB`` for the files taken from INPUT folders."""

    def add(fn: F) -> F:
        fn = click.option(
            "--exclude", "excludes", multiple=True, metavar="GLOB",
            help="Leave out the files of INPUT folders that match GLOB (repeatable).")(fn)
        return click.option(
            "--include", "includes", multiple=True, metavar="GLOB",
            help="Files taken from INPUT folders (repeatable; a GLOB without / matches the "
            "file name, one with / the path below the folder) [default: " + default + "].")(fn)

    return add
