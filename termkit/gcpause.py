"""Holding back Python's full garbage collections while a batch builds up a large heap."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold back Python's full garbage collections for a batch; the thresholds come back after.

    A batch that keeps what it makes (a build's records, pairings and glossary; a check's
    findings and the renderings ``inconsistent`` compares) grows a heap of millions of
    objects, and while it grows the interpreter's full collections walk all of it again and
    again: a third of the CPU time of a fresh-vocabulary build. Young collections still run
    (the little cyclic garbage a batch makes dies young), reference counting frees the rest,
    and a full collection can run again once the batch is over.
    """
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
