"""The ``termkit`` command line: a click group whose commands load lazily.

Each command lives in its own small module under ``termkit/cli/`` and only parses options,
calls the library and renders the result. This module is the one guard at the edge:

* library errors (:class:`TermkitError`) become ``Error: FILE:LINE: message`` on stderr, one
  line, with exit status 1 (2 for usage errors; 2 for every error of a command whose status 1
  means "nothing found" or "findings", see :func:`termkit.cli.common.errors_exit_2`);
* click's own usage errors (an unknown option or command, a missing argument) are one
  ``Error:`` line too, with where to find help, exit status 2;
* command-line arguments must be UTF-8 (checked once, before any command runs);
* each command runs inside :func:`termkit.io.command_run`, so no output replaces an input;
* the operating system's refusals (a full disk, a vanished file) are one ``Error:`` line;
* anything else is a bug in termkit: one line saying so and how to report it, the traceback
  only with ``termkit --debug`` or ``TERMKIT_DEBUG=1``.

Commands are imported only when run, so ``termkit --help`` stays fast.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
from typing import Any, NoReturn

import click

from termkit import __version__
from termkit.cli.common import ERRORS_EXIT_2, CommandGroup
from termkit.errors import Terminated, TermkitError

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
    "tm": ("termkit.cli.tm:tm", "Translation memory: import, search, concordance, pretranslate, analyze, "
           "delete, edit, export, stats."),
    "lookup": ("termkit.cli.lookup:lookup", "Find concepts in glossaries by any form (Chinese, English, pinyin)."),
    "review": ("termkit.cli.review:review", "Review a glossary in the browser: approve, reject, edit, resolve conflicts."),
}


class TermkitCLIError(click.ClickException):
    """A library error rendered as ``Error: …`` (exit status 1)."""

    exit_code = 1


class TermkitCLIUsageError(TermkitCLIError):
    """A library usage error rendered as ``Error: …`` (exit status 2)."""

    exit_code = 2


def one_line(text: str) -> str:
    """``text`` on one line (an error message is one line, whatever a parser put in it)."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def cli_error(error: TermkitError) -> TermkitCLIError:
    """The click exception for a library error, carrying the library's exit code."""
    cls = TermkitCLIUsageError if error.exit_code == 2 else TermkitCLIError
    return cls(one_line(str(error)))


DEBUG_ENV = "TERMKIT_DEBUG"

# `termkit tm` without a subcommand shows the group's help through this click exception
# (click 8.2 and later); it is not an error to rewrite.
_HELP_SHOWN: tuple[type[Exception], ...] = tuple(
    e for e in [getattr(click.exceptions, "NoArgsIsHelpError", None)] if e is not None)


def debug_requested(ctx: click.Context | None = None) -> bool:
    """True with ``termkit --debug`` or ``TERMKIT_DEBUG`` set to anything but ``""``/``0``."""
    if ctx is not None and ctx.find_root().params.get("debug"):
        return True
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def bug_report(exc: BaseException) -> TermkitCLIError:
    """The one line an unexpected exception becomes: it is a bug, and how to report it."""
    what = one_line(f"{type(exc).__name__}: {exc}")
    if len(what) > 300:
        what = what[:297] + "..."
    return TermkitCLIError(
        f"internal error (a bug in termkit {__version__}): {what}; please report it with the "
        f"command you ran and the traceback that `termkit --debug ...` (or {DEBUG_ENV}=1) prints"
    )


def os_error(exc: OSError) -> TermkitCLIError:
    """An operating-system refusal (full disk, vanished file, lost permission) as one line."""
    reason = exc.strerror or str(exc)
    where = exc.filename if isinstance(exc.filename, str) else None
    return TermkitCLIError(f"{where}: {reason}" if where else reason)


def _writes_chinese(encoding: str) -> bool:
    """True when ``encoding`` can write Chinese text (a CJK multibyte encoding)."""
    try:
        "中文".encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def check_arguments(args: list[str], encoding: str | None = None) -> None:
    """Refuse arguments that are not UTF-8, or that are UTF-8 Python decoded otherwise.

    ``encoding``: the one Python decoded the command line with (the file-system encoding).
    Under a locale that is not UTF-8 (``LC_ALL=C`` with ``PYTHONUTF8=0``, as every Python
    before 3.7 did in the C locale; a legacy ``ISO-8859-1`` locale), UTF-8 arguments arrive
    as escapes or mojibake: Chinese text cannot be read right, so termkit says what to set.
    """
    import codecs

    encoding = encoding or sys.getfilesystemencoding()
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    # An encoding that writes Chinese (GBK, GB18030, Big5) is the one the user typed in: its
    # bytes can be valid UTF-8 by chance (全 is C8 AB in GBK, 'ȫ' in UTF-8), not a sign of it.
    mojibake_possible = not utf8 and not _writes_chinese(encoding)
    for number, arg in enumerate(args, 1):
        if mojibake_possible and not arg.isascii():
            try:
                raw = arg.encode(encoding, "surrogateescape")  # the bytes as given
                text = raw.decode("utf-8")
            except (UnicodeError, LookupError):
                pass  # not UTF-8: text in the locale's encoding, or bytes refused below
            else:
                raise click.UsageError(
                    f"argument {number} is UTF-8 ({text!r}) but Python decoded it as "
                    f"{encoding} ({arg!r}), the locale's encoding; run "
                    "termkit under a UTF-8 locale (LC_ALL=C.UTF-8) or with PYTHONUTF8=1"
                ) from None
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            try:
                raw = arg.encode(encoding, "surrogateescape")  # the bytes as given
            except (UnicodeError, LookupError):
                raw = arg.encode("utf-8", "backslashreplace")
            raise click.UsageError(
                f"argument {number} is not valid UTF-8: {raw!r}; termkit reads its "
                "arguments (text, file names, options) as UTF-8"
            ) from None


def usage_line(exc: click.UsageError) -> TermkitCLIUsageError:
    """Click's usage error as one line: the message, then where the help is (exit status 2)."""
    message = one_line(exc.format_message()).rstrip(".")
    if exc.ctx is not None:
        message += f" (see '{exc.ctx.command_path} --help')"
    return TermkitCLIUsageError(message)


def _raise_mapped(ctx: click.Context, exc: Exception) -> NoReturn:
    if isinstance(exc, TermkitError):
        raise cli_error(exc) from None
    if debug_requested(ctx):
        raise exc
    if isinstance(exc, BrokenPipeError):
        raise exc
    if isinstance(exc, OSError):
        raise os_error(exc) from None
    if isinstance(exc, MemoryError):
        raise TermkitCLIError("out of memory") from None
    raise bug_report(exc) from None


class LazyGroup(CommandGroup):
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

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        check_arguments(args)
        try:
            return super().parse_args(ctx, args)
        except _HELP_SHOWN:
            raise
        except click.UsageError as exc:
            raise usage_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        from termkit.io import command_run

        try:
            try:
                with command_run():
                    result = super().invoke(ctx)
                    sys.stdout.flush()  # a failure to write the last block is this command's
                    return result
            except _HELP_SHOWN:  # `termkit tm`: the group's help
                raise
            except click.UsageError as exc:
                raise usage_line(exc) from None
            except (click.ClickException, click.exceptions.Exit, click.Abort):
                raise
            except Exception as exc:  # the one place that sees every failure; see module doc
                _raise_mapped(ctx, exc)
        except KeyboardInterrupt as exc:
            # Ctrl-C: the shell's convention (128 + SIGINT), not click's "Aborted!" and 1,
            # so a script can tell an interrupted run from a failed one; SIGTERM alike
            # (128 + SIGTERM). Outputs are atomic: an interrupted run leaves no half-written
            # file.
            status = 128 + (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)
            click.echo("Terminated" if isinstance(exc, Terminated) else "Interrupted", err=True)
            from termkit.parallel import stop_workers

            if stop_workers():
                # A pool's threads may wait for ever for workers Ctrl-C ended, and Python
                # would wait for them on exit: leave now (outputs were cleaned up on the way;
                # the one exit handler of termkit's own is run here).
                opencc_data = sys.modules.get("termkit.convert.opencc_data")
                if opencc_data is not None:
                    opencc_data.remove_workdir()
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
            raise SystemExit(status) from None
        except click.ClickException as exc:
            if exc.exit_code == 1 and ctx.meta.get(ERRORS_EXIT_2):
                # Status 1 means "nothing found" or "findings" here: errors are 2.
                raise TermkitCLIUsageError(exc.message) from None
            raise


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termkit")
@click.option("--debug", is_flag=True,
              help=f"Show the Python traceback of an internal error (also: {DEBUG_ENV}=1), "
              "for a bug report.")
def cli(debug: bool) -> None:
    """termkit: Chinese–English glossaries from article records, and the tools they drive.

    Build a glossary from article pages (`termkit build`), then use it to convert between
    Traditional and Simplified Chinese, annotate pinyin, export TMX/TBX/PO, and check
    translations. Every command has --help; `-` means stdin or stdout. Errors are one line,
    `Error: FILE:LINE: what is wrong`, exit status 1 (2 for usage errors).
    """


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def terminate_on_sigterm() -> None:
    """Make SIGTERM end a run as Ctrl-C does (see :class:`termkit.errors.Terminated`).

    Python's default ends the process on the spot, leaving the temporary file of a write in
    progress. A SIGTERM the caller chose to ignore (``SIG_IGN``) stays ignored.
    """
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _raise_terminated)


def main() -> None:
    """Console-script entry point."""
    from termkit.io import (
        ClosedStreamError,
        guard_standard_streams,
        name_stdout_failures,
        utf8_stdout,
    )

    guard_standard_streams()  # run with `<&-` or `>&-` (cron, daemons)
    utf8_stdout()  # the bytes -o FILE gets, whatever the locale
    name_stdout_failures()  # `> /dev/full`: "Error: <stdout>: cannot write: …"
    terminate_on_sigterm()
    try:
        try:
            cli.main(prog_name="termkit")
        finally:
            sys.stdout.flush()  # here, not at exit, where a failure could not be reported
    except BrokenPipeError:  # `termkit … | head` closes stdout early
        sys.stderr.close()
        sys.exit(1)
    except TermkitError as exc:  # stdout failing while click prints --help or --version
        click.echo(f"Error: {one_line(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except ClosedStreamError as exc:  # the same with stdout closed (`>&-`); any other OSError
        # here is --debug's traceback (a command's are mapped to one line before)
        click.echo(f"Error: {os_error(exc).message}", err=True)
        sys.exit(1)
    except Terminated:  # before or after the command ran (parsing, exit)
        sys.exit(128 + signal.SIGTERM)
