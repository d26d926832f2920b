"""Paths at the edge: opening inputs (``-`` is stdin), atomic outputs (``-`` is stdout).

Everything else in termkit works on streams; this module is where paths become streams.

What the writers guarantee:

* a regular file is written to a temporary file in the target folder and renamed into place,
  so a failure never leaves a half-written file and never touches an existing one;
* special files (a FIFO, a character device such as ``/dev/null``, ``/dev/stdout`` or any
  ``/proc/self/fd/N``) are written through, never replaced by a regular file;
* an output never replaces an input of the same run: inside :func:`command_run` (the CLI opens
  one per command) every input opened here is remembered by resolved path and inode, and
  writing over one is refused unless the caller asks for it (``convert --in-place``);
* a temporary file carries the writing process's id in its name
  (``.NAME.termkit-PID.XXXX.tmp``), so the next write of the same target removes the ones a
  killed run left behind;
* every failure of the path is an :class:`~termkit.errors.OutputError` naming it;
* folders: termkit creates at most the last component of an output path (the file itself,
  or the folder a command writes into); a missing parent folder is an error, never created
  silently (:func:`require_parent`, :func:`make_output_folder`).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO

from termkit.errors import InputError, OutputError, UsageError

# --------------------------------------------------------------------------- run inputs


@dataclass
class RunFiles:
    """The inputs one command run has opened: resolved paths and (device, inode) pairs."""

    paths: dict[str, str] = field(default_factory=dict)  # resolved path -> path as given
    inodes: dict[tuple[int, int], str] = field(default_factory=dict)

    def note(self, path: str) -> None:
        """Remember ``path`` (which need not exist yet, e.g. a database's ``-wal``)."""
        self.paths.setdefault(os.path.realpath(path), path)
        with contextlib.suppress(OSError):
            st = os.stat(path)
            if stat.S_ISREG(st.st_mode):
                self.inodes.setdefault((st.st_dev, st.st_ino), path)

    def find(self, target: str) -> str | None:
        """The input (as it was given) that ``target`` names, or None."""
        found = self.paths.get(os.path.realpath(target))
        if found is not None:
            return found
        try:
            st = os.stat(target)
        except OSError:
            return None
        key = (st.st_dev, st.st_ino)
        found = self.inodes.get(key)
        if found is None:
            return None
        # The input must still be that file: once it has been replaced (written atomically
        # by this very run, as `termkit review` saves) or removed, its old inode number may
        # be given to a new file, an output that replaces nothing.
        try:
            now = os.stat(found)
        except OSError:
            return None
        return found if (now.st_dev, now.st_ino) == key else None


_RUN: ContextVar[RunFiles | None] = ContextVar("termkit_run_files", default=None)


@contextlib.contextmanager
def command_run() -> Iterator[RunFiles]:
    """Scope of one command: inputs opened inside it may not be replaced by its outputs."""
    files = RunFiles()
    token = _RUN.set(files)
    try:
        yield files
    finally:
        _RUN.reset(token)


def note_input(*paths: str) -> None:
    """Record input paths of the current run (no-op outside :func:`command_run`; ``-`` skipped)."""
    files = _RUN.get()
    if files is None:
        return
    for path in paths:
        if path and path != "-":
            files.note(path)


def _refuse_input(path: str) -> None:
    files = _RUN.get()
    found = files.find(path) if files is not None else None
    if found is not None:
        same = found if found == path else f"{found!r}, an input of this run"
        raise UsageError(
            f"output would replace the input {same}",
            path=path,
            hint="write the output to another file",
        )


# --------------------------------------------------------------------------- standard streams


class ClosedStreamError(OSError):
    """Reading or writing a standard stream the process was started without."""


class _ClosedStream(io.RawIOBase):
    """Stands for a standard stream the process was started without (``<&-``, ``>&-``)."""

    def __init__(self, which: str) -> None:
        super().__init__()
        self.which = which

    def readable(self) -> bool:
        return self.which == "input"

    def writable(self) -> bool:
        return self.which == "output"

    def _closed(self) -> OSError:
        return ClosedStreamError(errno.EBADF, f"standard {self.which} is closed")

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        raise self._closed()

    def write(self, data: object) -> int:
        raise self._closed()


def guard_standard_streams() -> None:
    """Give a process started with fd 0, 1 or 2 closed something to hold those numbers.

    Python then has no ``sys.stdin``/``sys.stdout`` (every use was an internal error), and
    the next file opened would take the free number, so a child process writing its stdout
    would write into termkit's output file. Each closed descriptor gets ``/dev/null``; reading
    stdin or writing stdout is an ``OSError`` saying the stream is closed (one ``Error:``
    line); a closed stderr stays silent.
    """
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            if getattr(sys, name) is not None:
                continue
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if name == "stdin":
            sys.stdin = io.TextIOWrapper(_ClosedStream("input"), encoding="utf-8")
        elif name == "stdout":
            sys.stdout = io.TextIOWrapper(_ClosedStream("output"), encoding="utf-8",
                                          write_through=True)
        else:
            sys.stderr = open(fd, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


def utf8_stdout() -> None:
    """Write text on stdout in UTF-8, whatever the locale's encoding, as every output file is.

    Under a locale that is not UTF-8 (a ``zh_TW.Big5`` or ISO-8859-1 terminal, a Windows pipe
    in cp1252, ``PYTHONIOENCODING``), printing Chinese stopped with a ``UnicodeEncodeError``,
    and the bytes of the text on stdout depended on the environment. (stderr keeps the
    locale's encoding: Python escapes what it cannot show there, and a person reads it.)
    """
    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper):
        return
    try:
        utf8 = codecs.lookup(stream.encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    if not utf8:
        stream.reconfigure(encoding="utf-8")


STDOUT_NAME = "<stdout>"  # how an error names standard output (Python's own name for it)


class WritingStdout(io.RawIOBase):
    """Standard output whose failing writes are :class:`OutputError` naming ``<stdout>``.

    A full disk or device behind ``>`` (``termkit pinyin 中文 > /dev/full``) raised a bare
    ``OSError`` wherever the text was written or flushed, which the command line could only
    print as ``Error: No space left on device`` (and as a traceback when click itself was
    printing ``--help``). A closed pipe stays a :class:`BrokenPipeError` (``| head`` is not
    an error). After a failure the rest is dropped: the failure has been reported, and the
    flush at exit must not report it again.
    """

    def __init__(self, fd: int = 1) -> None:
        super().__init__()
        self.fd = fd
        self.failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data: object) -> int:
        view = memoryview(data)  # type: ignore[arg-type]
        if self.failed:
            return view.nbytes
        done = 0
        try:
            while done < view.nbytes:  # all of it: unbuffered (-u), nothing is left to retry
                done += os.write(self.fd, view[done:])
            return done
        except OSError as exc:
            self.failed = True
            if isinstance(exc, BrokenPipeError):
                raise
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=STDOUT_NAME) from None


def name_stdout_failures() -> None:
    """Make a failed write to stdout an :class:`OutputError` naming it (see
    :class:`WritingStdout`); the stream stays UTF-8 with ``\\n`` line endings, line-buffered on
    a terminal and unbuffered under ``python -u`` as Python made it. A stdout that is not a
    file descriptor's (a Windows console's raw stream) is left alone."""
    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper):
        return
    buffer = stream.buffer
    raw = buffer if isinstance(buffer, io.RawIOBase) else getattr(buffer, "raw", None)
    if not isinstance(raw, io.FileIO):
        return  # not a plain descriptor (a Windows console writes text its own way)
    try:
        if stream.fileno() != 1:
            return
    except (OSError, ValueError):  # io.UnsupportedOperation: a closed stdout's stand-in
        return
    stream.flush()
    writer = WritingStdout(1)
    # `python -u` / PYTHONUNBUFFERED: Python's stdout has no buffer and writes at once; so here.
    unbuffered = raw is buffer
    sys.stdout = io.TextIOWrapper(
        writer if unbuffered else io.BufferedWriter(writer, 1 << 16),
        encoding="utf-8", errors=stream.errors, newline="\n",
        line_buffering=stream.line_buffering, write_through=unbuffered)


# --------------------------------------------------------------------------- inputs


class ReadingInput(io.RawIOBase):
    """An input stream whose failing reads are :class:`InputError` naming the input.

    A file that opens but cannot be read (a disk error, a network mount gone, a closed
    stdin) raised a bare ``OSError`` from deep inside a reader, which the command line can
    only print as ``Error: Input/output error``: which file? Use :func:`open_input`.
    """

    def __init__(self, stream: BinaryIO, path: str) -> None:
        super().__init__()
        self.stream = stream
        self.path = path

    def _failed(self, exc: OSError) -> InputError:
        return InputError(f"cannot read: {exc.strerror or exc}", path=self.path)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.stream.seekable()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self.stream.readinto(buffer)  # type: ignore[attr-defined]
        except OSError as exc:
            raise self._failed(exc) from None

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        try:
            return self.stream.seek(offset, whence)
        except OSError as exc:
            raise self._failed(exc) from None

    def tell(self) -> int:
        return self.stream.tell()

    def close(self) -> None:
        if self.stream is not sys.stdin.buffer:
            self.stream.close()
        super().close()


def open_input(path: str) -> BinaryIO:
    """Open an input file for reading as it comes (``-`` is stdin, which stays open).

    The file is checked (:func:`check_readable`) and recorded as an input of the run; a read
    that fails later is an :class:`InputError` naming ``path``. The caller closes the stream.
    """
    if path == "-":
        raw: BinaryIO = sys.stdin.buffer
    else:
        check_readable(path)
        try:
            raw = open(path, "rb", buffering=0)  # noqa: SIM115 - closed with the stream
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    return io.BufferedReader(ReadingInput(raw, path), 1 << 16)


def read_bytes(path: str) -> bytes:
    """Read a whole input file (``-`` for stdin) or raise :class:`InputError` with the path."""
    if path == "-":
        try:
            return sys.stdin.buffer.read()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    check_readable(path)
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def open_rereadable(path: str) -> BinaryIO:
    """Open an input (``-`` for stdin) so it can be read more than once (checked, then used).

    A regular file is opened as it is; stdin, a FIFO or a process substitution
    (``<(curl …)``) cannot seek back, so its bytes are spooled first (in memory, on disk past
    8 MB). The caller closes what it gets.
    """
    if path == "-":
        source: BinaryIO = sys.stdin.buffer
    else:
        check_readable(path)
        try:
            if stat.S_ISREG(os.stat(path).st_mode):
                return open_input(path)
            source = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 - the caller closes it
    # One read of the pipe per call (read1): a buffered read() loops in C until it has all it
    # asked for, and a Ctrl-C landing between two of its reads would wait for the next one.
    read = getattr(source, "read1", None) or source.read
    try:
        while block := read(1 << 20):
            spool.write(block)
    except OSError as exc:
        spool.close()
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    finally:
        if source is not sys.stdin.buffer:
            source.close()
    spool.seek(0)
    return spool  # type: ignore[return-value]


def check_readable(path: str) -> None:
    """Raise :class:`InputError` unless ``path`` is ``-`` or an existing readable file.

    The path is recorded as an input of the current run (see :func:`command_run`).
    """
    if path == "-":
        return
    if not path:
        raise UsageError("empty file name")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file", path=path)
    if not os.access(path, os.R_OK):
        raise InputError("permission denied", path=path)
    note_input(path)


def check_replaceable(path: str, option: str) -> None:
    """Raise :class:`UsageError` unless ``path`` is (or links to) a regular file, the only kind
    an ``option`` that replaces its inputs with their results (``--in-place``) can replace.

    A pipe (``/dev/stdin``) or FIFO would get the result written back into it, to be lost
    or to block for ever once the pipe is full; a device has nothing to replace.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # check_readable reports it
    if stat.S_ISREG(mode):
        return
    kind = ("a pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise UsageError(f"{option} replaces regular files only, and this is {kind}", path=path,
                     hint="convert it with -o FILE instead")


# --------------------------------------------------------------------------- outputs

_TEMP_NAME = 100  # characters of the target's name kept in a temporary file's name
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


def _temp_prefix(name: str, pid: int) -> str:
    return f".{name[:_TEMP_NAME]}.termkit-{pid}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # somebody else's process
        return True
    return True


def remove_stale(directory: Path, name: str) -> list[Path]:
    """Remove temporary files (or staging folders) of target ``name`` left by dead runs.

    Only names this module makes are touched, and only when their process is gone.
    """
    pattern = re.compile(re.escape(f".{name[:_TEMP_NAME]}.termkit-") + r"(\d+)\.[^/]*\.tmp\Z")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.match(entry.name)
        if m is None:
            continue
        pid = int(m.group(1))
        if pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _through_fd(path: str) -> bool:
    """True when ``path`` is, or links through, a file descriptor (``/dev/stdout``, /proc)."""
    p = os.path.abspath(path)
    for _ in range(40):
        if p.startswith(("/proc/", "/dev/fd/")) or p in ("/dev/stdout", "/dev/stderr"):
            return True
        if not os.path.islink(p):
            return False
        p = os.path.normpath(os.path.join(os.path.dirname(p), os.readlink(p)))
    return False


def _output_error(path: str, exc: OSError, doing: str) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot {doing}: {reason}", path=path)


def _std_stream(path: str) -> int | None:
    """1 or 2 when ``path`` is this process's stdout or stderr (``/dev/stdout`` …), else None."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            other = os.fstat(fd)
            if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
                return fd
    return None


@contextlib.contextmanager
def _stdout(text: bool, fd: int = 1) -> Iterator[IO[bytes] | IO[str]]:
    stream = sys.stdout if fd == 1 else sys.stderr
    if text:
        yield stream
        stream.flush()
    else:
        yield stream.buffer
        stream.buffer.flush()


@contextlib.contextmanager
def _write_through(path: str, text: bool) -> Iterator[IO[bytes] | IO[str]]:
    try:
        fh = (
            open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below
            if text
            else open(path, "wb")  # noqa: SIM115
        )
    except OSError as exc:
        raise _output_error(path, exc, "open the output") from None
    try:
        with fh:  # a full device (/dev/full) fails here or when the last block is flushed
            yield fh
    except OSError as exc:
        if exc.errno in _DISK_FULL and not exc.filename:
            raise _output_error(path, exc, "write") from None
        raise


def _parent(path: str) -> Path:
    return Path(os.path.realpath(path)).parent if os.path.islink(path) else (
        Path(path).parent if str(Path(path).parent) else Path("."))


def require_parent(path: str) -> None:
    """Raise :class:`OutputError` unless the folder that is to hold ``path`` exists.

    termkit creates only the last component of an output path: ``-o out/x.txt`` needs
    ``out/``; ``build -o a/b`` creates ``b`` inside an existing ``a``.
    """
    parent = _parent(path)
    if parent.is_dir():
        return
    if parent.exists() or any(p.exists() and not p.is_dir() for p in parent.parents):
        raise OutputError("a part of the path is a file, not a folder", path=path)
    raise OutputError(f"the folder {str(parent)!r} does not exist", path=path,
                      hint="termkit creates only the last part of an output path: create the "
                      "folder first (mkdir -p)")


def make_output_folder(path: str) -> None:
    """Create the output folder ``path`` (its parent must exist; ``-`` is refused)."""
    check_output_folder(path)
    try:
        os.mkdir(path)
    except FileExistsError:
        if not os.path.isdir(path):
            raise OutputError("output exists and is not a folder", path=path) from None
    except OSError as exc:
        raise _output_error(path, exc, "create the output folder") from None


def check_output_folder(path: str) -> None:
    """Refuse early a folder output that cannot be one: ``-``, a file, a missing parent."""
    if path == "-":
        raise UsageError("this command writes a folder; `-` (stdout) cannot hold one",
                         hint="give a folder name with -o DIR")
    if not path:
        raise UsageError("empty output folder name", hint="give a folder name")
    if os.path.exists(path) and not os.path.isdir(path):
        raise OutputError("output exists and is not a folder", path=path)
    if not os.path.isdir(path):
        require_parent(path.rstrip("/" + os.sep) or path)


def output_kind(path: str) -> str:
    """How :func:`atomic_write` treats ``path``: ``stdout``, ``through`` or ``replace``.

    Raises :class:`OutputError` (a folder, a parent that is a file) or :class:`UsageError`
    (an empty name) for a path that cannot be an output at all.
    """
    if path == "-":
        return "stdout"
    if not path:
        raise UsageError("empty output file name", hint="give a file name, or - for stdout")
    if path.endswith(("/", os.sep)):
        raise OutputError("names a folder, not a file", path=path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if _through_fd(path):  # /proc and /dev/fd hold no new files
            raise OutputError("cannot write here: no such file or directory", path=path) from None
        require_parent(path)
        return "replace"
    except NotADirectoryError:
        raise OutputError("a part of the path is a file, not a folder", path=path) from None
    except OSError as exc:
        raise _output_error(path, exc, "write here") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError("is a folder; give a file name", path=path)
    if _std_stream(path) is not None:
        return "stdout"
    if not stat.S_ISREG(st.st_mode) or _through_fd(path):
        return "through"
    refuse_write_protected(path)
    return "replace"


def refuse_write_protected(path: str) -> None:
    """Raise :class:`OutputError` if ``path`` is an existing file this user may not write.

    A rename into place would replace it all the same (only its folder's permission counts),
    but a file made read-only is one its owner protects, as ``>`` and ``cp`` respect.
    """
    if os.path.isfile(path) and not os.access(path, os.W_OK):
        if _read_only_mount(path):  # chmod cannot help there
            raise OutputError("cannot write: the file system is read-only", path=path)
        raise OutputError("the file is write-protected (no write permission)", path=path,
                          hint="make it writable (chmod u+w) or write another file")


def _read_only_mount(path: str) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        return False


def check_output(path: str, *, replace_input: bool = False) -> None:
    """Refuse early an output path that cannot be written or would replace a run input."""
    kind = output_kind(path)
    if kind == "replace" and not replace_input:
        _refuse_input(path)


def _open_temp(path: str) -> tuple[int, str, Path]:
    """A new temporary file beside the regular file ``path`` names: (fd, temp path, target)."""
    # A symlink to a regular file stays a symlink: the file it points to is replaced.
    target = Path(os.path.realpath(path))
    directory = target.parent
    if not directory.is_dir():
        require_parent(path)
    remove_stale(directory, target.name)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=_temp_prefix(target.name, os.getpid()), suffix=".tmp", dir=directory
        )
    except OSError as exc:
        raise _output_error(path, exc, "create a file in its folder") from None
    return fd, tmp, target


@contextlib.contextmanager
def _filled(fd: int, path: str, text: bool) -> Iterator[IO[bytes] | IO[str]]:
    """The caller's block writes the temporary file ``fd``; flushed to disk when it ends."""
    try:
        if text:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        else:
            with os.fdopen(fd, "wb") as fb:
                yield fb
                fb.flush()
                os.fsync(fb.fileno())
    except OSError as exc:
        if exc.errno in _DISK_FULL and not exc.filename:
            raise _output_error(path, exc, "write") from None
        raise


def umask() -> int:
    """The process's file-creation mask, which new outputs follow (as ``open`` would)."""
    # Linux reports it in /proc without changing it; elsewhere set it and put it back at once.
    with contextlib.suppress(OSError, ValueError), open(
        "/proc/self/status", encoding="ascii", errors="replace"
    ) as fh:
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _commit(tmp: str, target: Path, path: str, replace_input: bool) -> None:
    if not replace_input:
        _refuse_input(path)  # inputs opened while the output was being written
    if target.exists():
        with contextlib.suppress(OSError):
            shutil.copymode(target, tmp)
    else:
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp made it 0600
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise _output_error(path, exc, "replace it") from None


@contextlib.contextmanager
def atomic_write(
    path: str, *, text: bool = False, replace_input: bool = False
) -> Iterator[IO[bytes] | IO[str]]:
    """Open ``path`` for writing; the file appears only when the block ends without error.

    ``-`` writes to stdout (no atomicity possible there), and so do special files (written
    through). Text mode is UTF-8 with ``\\n``. ``replace_input`` allows replacing an input
    of the same run (``--in-place``).
    """
    kind = output_kind(path)
    if kind == "stdout":
        fd = 1 if path == "-" else (_std_stream(path) or 1)
        with _stdout(text, fd) as out:
            yield out
        return
    if kind == "through":
        with _write_through(path, text) as out:
            yield out
        return
    if not replace_input:
        _refuse_input(path)
    fd, tmp, target = _open_temp(path)
    try:
        with _filled(fd, path, text) as out:
            yield out
        _commit(tmp, target, path, replace_input)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class OutputBatch:
    """Several atomic outputs that appear together: none is renamed into place until all
    are written (``convert --in-place a.txt b.tmx`` changes nothing when ``b.tmx`` fails).

    Use :func:`output_batch`; :meth:`open` is :func:`atomic_binary` for one member.
    """

    def __init__(self) -> None:
        self.pending: list[tuple[str, Path, str, bool]] = []

    @contextlib.contextmanager
    def open(self, path: str, *, replace_input: bool = False) -> Iterator[BinaryIO]:
        """Write one member; it is renamed into place when the whole batch succeeds."""
        if output_kind(path) != "replace":
            with atomic_binary(path, replace_input=replace_input) as out:
                yield out
            return
        if not replace_input:
            _refuse_input(path)
        fd, tmp, target = _open_temp(path)
        self.pending.append((tmp, target, path, replace_input))
        with _filled(fd, path, False) as out:
            yield out  # type: ignore[misc]


@contextlib.contextmanager
def output_batch() -> Iterator[OutputBatch]:
    """An :class:`OutputBatch`: on success every member is renamed in, on failure none."""
    batch = OutputBatch()
    try:
        yield batch
        while batch.pending:
            tmp, target, path, replace_input = batch.pending[0]
            _commit(tmp, target, path, replace_input)
            batch.pending.pop(0)
    finally:
        for tmp, *_ in batch.pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def atomic_binary(path: str, *, replace_input: bool = False) -> Iterator[BinaryIO]:
    """:func:`atomic_write` in binary mode, typed as a binary stream."""
    with atomic_write(path, replace_input=replace_input) as fh:
        yield fh  # type: ignore[misc]


@contextlib.contextmanager
def atomic_text(path: str, *, replace_input: bool = False) -> Iterator[IO[str]]:
    """:func:`atomic_write` in text mode (UTF-8, ``\\n``), typed as a text stream."""
    with atomic_write(path, text=True, replace_input=replace_input) as fh:
        yield fh  # type: ignore[misc]


@contextlib.contextmanager
def stage_file(stage: Path, folder: str, name: str) -> Iterator[BinaryIO]:
    """Write the file ``name`` into a :func:`staged_directory` stage for ``folder``.

    A failure (a full disk) is an :class:`OutputError` naming the file where it was to go,
    ``folder/name``, not the stage's temporary name.
    """
    try:
        with open(stage / name, "wb") as fh:
            yield fh
    except OSError as exc:
        raise _output_error(os.path.join(folder, name), exc, "write") from None


@contextlib.contextmanager
def staged_directory(path: str) -> Iterator[Path]:
    """Give a fresh staging folder; on success move its files into ``path``.

    On failure the staging folder is removed and ``path`` is left exactly as it was. Each
    file moves in with an atomic rename, so a reader never sees a half-written file; a file
    that is an input of the run is never replaced.
    """
    check_output_folder(path)
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        remove_stale(parent, target.name)
        stage = Path(
            tempfile.mkdtemp(prefix=_temp_prefix(target.name, os.getpid()), suffix=".tmp",
                             dir=parent)
        )
    except OSError as exc:
        raise _output_error(path, exc, "create the output folder") from None
    try:
        yield stage
        items = sorted(stage.iterdir())
        for item in items:
            _refuse_input(str(target / item.name))
            refuse_write_protected(str(target / item.name))
        try:
            if not target.exists():
                os.replace(stage, target)
                os.chmod(target, 0o777 & ~umask())  # mkdtemp made it 0700
                return
            for item in items:
                os.replace(item, target / item.name)
        except OSError as exc:
            raise _output_error(path, exc, "move the outputs into place") from None
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
