"""Paths at the edge: opening inputs (``-`` is stdin), atomic outputs (``-`` is stdout).

Everything else in termkit works on streams; this module is where paths become streams.
Outputs are written to a temporary file in the target folder and renamed into place, so a
failure never leaves a half-written file behind and never touches an existing one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from termkit.errors import InputError


def read_bytes(path: str) -> bytes:
    """Read a whole input file (``-`` for stdin) or raise :class:`InputError` with the path."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path=path)
    if p.is_dir():
        raise InputError("is a directory, not a file", path=path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc


def check_readable(path: str) -> None:
    """Raise :class:`InputError` unless ``path`` is ``-`` or an existing readable file."""
    if path == "-":
        return
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path=path)
    if p.is_dir():
        raise InputError("is a directory, not a file", path=path)
    if not os.access(p, os.R_OK):
        raise InputError("permission denied", path=path)


@contextlib.contextmanager
def atomic_write(path: str, *, text: bool = False) -> Iterator[IO[bytes] | IO[str]]:
    """Open ``path`` for writing; the file appears only when the block ends without error.

    ``-`` writes to stdout (no atomicity possible there). Text mode is UTF-8 with ``\\n``.
    """
    if path == "-":
        if text:
            yield sys.stdout
            sys.stdout.flush()
        else:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        if text:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                yield fh
        else:
            with os.fdopen(fd, "wb") as fb:
                yield fb
        if target.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_binary(path: str) -> Iterator[BinaryIO]:
    """:func:`atomic_write` in binary mode, typed as a binary stream."""
    with atomic_write(path) as fh:
        yield fh  # type: ignore[misc]


@contextlib.contextmanager
def atomic_text(path: str) -> Iterator[IO[str]]:
    """:func:`atomic_write` in text mode (UTF-8, ``\\n``), typed as a text stream."""
    with atomic_write(path, text=True) as fh:
        yield fh  # type: ignore[misc]


@contextlib.contextmanager
def staged_directory(path: str) -> Iterator[Path]:
    """Give a fresh staging folder; on success move its files into ``path``.

    On failure the staging folder is removed and ``path`` is left exactly as it was. Each
    file moves in with an atomic rename, so a reader never sees a half-written file.
    """
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        yield stage
        if not target.exists():
            os.replace(stage, target)
            os.chmod(target, 0o755)
            return
        if not target.is_dir():
            raise InputError("output exists and is not a directory", path=path)
        for item in sorted(stage.iterdir()):
            os.replace(item, target / item.name)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
