"""The progress line long runs show on stderr: done/total, rate and ETA, on a terminal only.

One small helper for every command (``convert``, ``import``, ``build``, ``tm import``). The
library never prints: its long loops take an optional ``progress`` callback, and the command
passes :meth:`Progress.update` (or wraps an iterable with :meth:`Progress.track`).

The line appears only when stderr is a terminal, and only once a run has lasted
:attr:`Progress.delay` seconds, so short runs and logs (stderr redirected to a file or a pipe)
stay exactly as they were. It is redrawn in place at most :attr:`Progress.interval` times a
second and erased when the run ends, so the summary that follows starts on a clean line.
"""

from __future__ import annotations

import shutil
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import IO, TypeVar

T = TypeVar("T")

_BYTE_UNITS = ("B", "kB", "MB", "GB", "TB")


def stderr_is_terminal() -> bool:
    """True when stderr is an interactive terminal (the only place a progress line goes)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


def columns(text: str) -> int:
    """Display width of ``text`` (CJK characters take two columns)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` display columns (a wrapped line cannot be redrawn)."""
    if columns(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = columns(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _bytes(n: float) -> str:
    for unit in _BYTE_UNITS:
        if abs(n) < 1000 or unit == _BYTE_UNITS[-1]:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def render_line(label: str, done: float, total: float | None, unit: str, elapsed: float) -> str:
    """The progress text: ``label: 42% 4.2 MB/10.0 MB, 1.3 MB/s, ETA 0:05``.

    ``unit`` ``"B"`` shows byte sizes; any other unit is a count (``1,234/5,000 records``).
    Without a total (not known in advance) the line shows what was done and the rate.
    """

    def amount(n: float) -> str:
        return _bytes(n) if unit == "B" else f"{int(n):,}"

    rate = done / elapsed if elapsed > 0 else 0.0
    suffix = "" if unit == "B" else f" {unit}"
    speed = f"{_bytes(rate)}/s" if unit == "B" else f"{rate:,.0f}{suffix}/s"
    if total:
        share = min(done / total, 1.0)
        eta = _duration((total - done) / rate) if rate > 0 and done < total else "0:00"
        return (f"{label}: {share:4.0%} {amount(done)}/{amount(total)}{suffix}, {speed}, "
                f"ETA {eta}")
    return f"{label}: {amount(done)}{suffix}, {speed}"


class Progress:
    """A progress line for one long run (use as a context manager).

    ``total`` may be None when it is not known in advance (no percentage or ETA then).
    """

    delay = 1.0  # seconds before the line first appears: quick runs never show one
    interval = 0.1  # seconds between redraws

    def __init__(self, label: str, total: float | None = None, unit: str = "", *,
                 stream: IO[str] | None = None, enabled: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.label = label
        self.total = total
        self.unit = unit
        self.done = 0.0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = stderr_is_terminal() if enabled is None else enabled
        self.clock = clock
        self.start = clock()
        self.drawn_at: float | None = None
        self.width = 0  # characters of the line on screen, to erase it

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def update(self, done: float) -> None:
        """Set how much is done (absolute); redraws the line when it is time to."""
        self.done = done
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.interval:
            return
        self.drawn_at = now
        self._draw(render_line(self.label, self.done, self.total, self.unit, now - self.start))

    def after(self, base: float) -> Callable[[int], None] | None:
        """A callback for one part of the run: it sets done to ``base`` plus its argument.

        For a library function that reports the bytes it has read of one file, when the
        files before it made ``base``. None when no line is drawn (not a terminal), so the
        library skips the counting altogether.
        """
        if not self.enabled:
            return None

        def callback(done: int) -> None:
            self.update(base + done)

        return callback

    def advance(self, amount: float = 1) -> None:
        """Add ``amount`` to what is done."""
        self.update(self.done + amount)

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield ``items``, advancing by one after each."""
        for item in items:
            yield item
            self.advance()

    def _draw(self, text: str) -> None:
        text = fit(text, shutil.get_terminal_size((80, 24)).columns - 1)
        width = columns(text)
        pad = " " * max(0, self.width - width)
        self.stream.write(f"\r{text}{pad}")
        self.stream.flush()
        self.width = width

    def close(self) -> None:
        """Erase the line (if one was drawn), leaving the cursor at the start of it."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def track(items: Iterable[T], total: int | None, label: str, unit: str = "") -> Iterator[T]:
    """Yield ``items`` with a progress line (``total`` items, or unknown when None)."""
    with Progress(label, total, unit) as bar:
        yield from bar.track(items)
