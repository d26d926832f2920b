"""The one error hierarchy of termkit.

Every error carries where it happened (path, line, column) so the CLI can print
``Error: FILE:LINE[:COL]: what is wrong`` without knowing anything about the cause.
Library code raises these; the CLI maps them to exit codes in one place
(``TermkitError`` -> 1, ``UsageError`` -> 2); an exception outside this hierarchy is a
bug, and the CLI says so.
"""

from __future__ import annotations


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived (``kill PID``, ``timeout``, a service manager stopping a job).

    Raised by the handler the command line installs (:func:`termkit.cli.terminate_on_sigterm`),
    so a run unwinds as it does for Ctrl-C: temporary files are removed and no output is
    half-written. A subclass of :class:`KeyboardInterrupt` for that reason: code that cleans up
    after Ctrl-C cleans up after this too.
    """


class TermkitError(Exception):
    """Base class: a message plus an optional location and a hint on what to do."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    @property
    def location(self) -> str:
        """``path:line:col`` with the parts that are known, or ``""``."""
        parts: list[str] = []
        if self.path is not None:
            parts.append(self.path)
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = self.message
        if self.hint:
            text = f"{text}; {self.hint}"
        loc = self.location
        return f"{loc}: {text}" if loc else text

    def at(
        self, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> TermkitError:
        """Fill in location parts that are still unknown and return self (for re-raising)."""
        if self.path is None:
            self.path = path
        if self.line is None:
            self.line = line
        if self.column is None:
            self.column = column
        return self


class InputError(TermkitError, ValueError):
    """The input is wrong: unreadable, malformed, empty, of the wrong kind."""


class EncodingError(InputError):
    """Bytes that cannot be decoded in any encoding termkit detects."""


class FormatError(InputError):
    """A file in a known format that breaks that format (malformed XML, bad PO, bad header)."""


class UnknownFormatError(InputError):
    """The format of a file cannot be told from its name or content."""


class OutputError(TermkitError):
    """An output cannot be written there: a folder, a missing or read-only place, a full disk."""


class UsageError(TermkitError):
    """The caller asked for something impossible (unknown config, bad option value). Exit 2."""

    exit_code = 2


class DatabaseError(TermkitError):
    """A translation-memory database that is corrupt, foreign or of an unknown schema."""


class MissingDependencyError(TermkitError):
    """An optional dependency or system tool is missing; the message says what to install."""
