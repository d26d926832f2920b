"""Holding back Python's full garbage collections while a batch builds up a large heap.

(A build goes further with :func:`termkit.build.paused_gc`: collector off, survivors frozen,
for a command that ends with its batch; this one leaves young collections running and
freezes nothing, so a library caller's heap is as it was afterwards.)"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def held_full_gc() -> Iterator[None]:
    """Hold back Python's full garbage collections for a batch; the thresholds come back after.

    A batch that keeps what it makes (a check's findings and the renderings ``inconsistent``
    compares, for 100,000 units) grows a large heap, and while it grows the interpreter's full
    collections walk all of it again and again. Young collections still run (the little
    cyclic garbage a batch makes dies young), reference counting frees the rest, and a full
    collection can run again once the batch is over.
    """
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)


@contextlib.contextmanager
def collector_off() -> Iterator[None]:
    """Switch the cyclic garbage collector off for a batch that makes no cyclic garbage, and
    back on after (when it was on).

    Reference counting frees what such a batch drops; young collections would only walk what
    it keeps (a check of 100,000 units: about 1,500 of them, 5% of its time, with nothing
    unreachable found afterwards). Cyclic garbage made meanwhile (by a caller's generator
    feeding the batch) is not lost: the next collection after the batch finds it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
