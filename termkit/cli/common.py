"""Small helpers shared by the CLI commands: progress, JSON output, notices."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import click

from termkit.model import Notice

T = TypeVar("T")


def dumps(obj: Any) -> str:
    """Deterministic JSON: UTF-8 text, sorted keys are the caller's choice, no ASCII escapes."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def warn(notice: Notice | str) -> None:
    """Print a warning line on stderr."""
    click.echo(f"Warning: {notice}", err=True)


def progress(items: Iterable[T], total: int, label: str, *, threshold: int = 50) -> Iterator[T]:
    """Yield ``items``, showing a progress line on stderr when there are many and stderr is a TTY.

    Non-interactive runs get one final summary line instead of a redrawn bar, so logs stay clean.
    """
    if total < threshold:
        yield from items
        return
    if sys.stderr.isatty():
        with click.progressbar(items, length=total, label=label, file=sys.stderr) as bar:
            yield from bar
        return
    count = 0
    for item in items:
        count += 1
        yield item
    click.echo(f"{label}: {count} done", err=True)
