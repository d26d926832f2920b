"""Input paths: folders expanded to the files in them, and reading with a progress callback.

A command that reads files takes folders too (``termkit import glossaries/``): each folder is
walked recursively and stands for the files in it that match the include globs and none of
the exclude globs, sorted by their path below the folder, so the same folder always gives the
same files in the same order (and the same output). Files named explicitly are always taken,
whatever the globs say; ``-`` (stdin) is kept as it is.

A glob without ``/`` matches a file's name (``*.po``); a glob with ``/`` matches its path
below the folder, with ``/`` as separator (``zh_TW/*.po``; ``*`` crosses folders, as in
:func:`fnmatch.fnmatchcase`). Hidden files and folders (a name starting with ``.``, such as
``.git`` or the temporary files of an interrupted write) are skipped, and symbolic links to
folders are not followed (a link cycle cannot loop). Only regular files (or links to them) are
taken from a folder: a FIFO, socket or device in it would block the run or never end, so it
is left out (named explicitly, a FIFO is read, as ``<(command)`` needs).
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatchcase
from typing import BinaryIO

from termkit.errors import InputError, UsageError


def extension_globs(extensions: Iterable[str]) -> tuple[str, ...]:
    """Globs matching names that end with one of ``extensions`` (``.po`` -> ``*.po``)."""
    return tuple(sorted({f"*{ext}" for ext in extensions}))


def matches(relative: str, globs: Iterable[str]) -> bool:
    """True when the file at ``relative`` (``/``-separated, below its folder) matches a glob."""
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatchcase(relative if "/" in g else name, g) for g in globs)


def folder_files(folder: str, include: Sequence[str], exclude: Sequence[str] = (),
                 skip: Sequence[str] = ()) -> list[str]:
    """The files below ``folder`` matching ``include`` and not ``exclude``, sorted.

    Sorted by the path below the folder, compared folder by folder (``a/z`` before ``b``).
    The folders ``skip`` names (a command's output folder) are left out with all they hold,
    and so are the files it names (the outputs a command writes into a folder it also reads).
    """
    found: list[tuple[tuple[str, ...], str]] = []
    skipped = {os.path.realpath(p) for p in skip}

    def fail(exc: OSError) -> None:
        raise InputError(f"cannot read the folder: {exc.strerror or exc}",
                         path=exc.filename or folder)

    for top, dirs, files in os.walk(folder, onerror=fail):
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and os.path.realpath(os.path.join(top, d)) not in skipped]
        rel_top = os.path.relpath(top, folder)
        parts = () if rel_top == "." else tuple(rel_top.split(os.sep))
        for name in files:
            if name.startswith("."):
                continue
            relative = "/".join((*parts, name))
            if matches(relative, include) and not matches(relative, exclude):
                path = os.path.join(top, name)
                if _special(path) or (skipped and os.path.realpath(path) in skipped):
                    continue
                found.append(((*parts, name), path))
    found.sort()
    return [path for _, path in found]


def _special(path: str) -> bool:
    """True for a FIFO, socket or device (a dangling link is kept: reading it says so)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def refuse_stdin_twice(inputs: Sequence[str]) -> None:
    """A :class:`UsageError` when ``-`` is given twice: the second read found nothing and
    went on as an empty file."""
    if inputs.count("-") > 1:
        raise UsageError("`-` (stdin) is given twice", hint="standard input can be read once")


def expand_inputs(inputs: Iterable[str], include: Sequence[str],
                  exclude: Sequence[str] = (), skip: Sequence[str] = ()) -> list[str]:
    """``inputs`` with each folder replaced by its matching files (see the module doc).

    A folder with no matching file is an :class:`InputError` (naming the globs), so a typo
    in ``--include`` does not pass silently as "nothing to do". ``skip``: folders and files
    never taken from a folder input (``build . -o out`` does not read its own outputs).
    """
    inputs = list(inputs)
    refuse_stdin_twice(inputs)
    out: list[str] = []
    for path in inputs:
        if path != "-" and os.path.isdir(path):
            files = folder_files(path, include, exclude, skip)
            if not files:
                raise InputError(
                    "no input file in this folder",
                    path=path,
                    hint=f"files taken: {' '.join(include) or 'none'}"
                    + (f", except {' '.join(exclude)}" if exclude else "")
                    + "; choose others with --include/--exclude",
                )
            out.extend(files)
        else:
            out.append(path)
    return out


def distinct(paths: Iterable[str]) -> list[str]:
    """``paths`` with a file named again (the same name, another spelling of its path, or a
    file of a folder given too) left out after its first mention; ``-`` is kept."""
    seen: set[str] = set()
    out: list[str] = []
    for path in paths:
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def refuse_folders(inputs: Iterable[str], why: str) -> None:
    """A :class:`UsageError` for the first folder among ``inputs`` (``why``: what to do)."""
    for path in inputs:
        if path != "-" and os.path.isdir(path):
            raise UsageError("is a folder", path=path, hint=why)


def input_size(path: str) -> int | None:
    """The size in bytes of the input file ``path``, or None (stdin, a pipe, unreadable)."""
    if path == "-":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


class CountingReader(io.RawIOBase):
    """A binary stream that reports how many bytes were read from it (for progress lines).

    ``callback`` gets the number of bytes read so far, after each read; seeking back (a
    reader that looks ahead) reports the position again, so the count never runs ahead of
    the file.
    """

    def __init__(self, raw: BinaryIO, callback: Callable[[int], None]) -> None:
        super().__init__()
        self.raw = raw
        self.callback = callback
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.raw.seekable()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.position += n
        self.callback(self.position)
        return n

    def readall(self) -> bytes:
        data = self.raw.read()
        self.position += len(data)
        self.callback(self.position)
        return data

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = self.raw.seek(offset, whence)
        self.callback(self.position)
        return self.position

    def tell(self) -> int:
        return self.position


def counting(stream: BinaryIO, callback: Callable[[int], None] | None) -> BinaryIO:
    """``stream`` itself without a callback, else a buffered :class:`CountingReader` on it."""
    if callback is None:
        return stream
    return io.BufferedReader(CountingReader(stream, callback), 1 << 16)
