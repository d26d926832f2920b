"""Work spread over processes, with results that do not depend on how it was spread.

``termkit build`` uses the cores as ``make -j`` does: records are read and paired in worker
processes and merged by the parent in input order, and the output files are written side by
side. The workers are *forked* from the parent once the dictionary, OpenCC and pypinyin are
loaded, so they share those tables copy-on-write instead of loading them again. Where the
``fork`` start method does not exist (Windows, and macOS where it is unsafe), everything runs
in one process: :func:`can_fork` says which.

* :func:`usable_cpus` counts the CPUs this process may run on (affinity, cgroup CPU quota),
  :func:`default_jobs` the
  default number of jobs (fewer than those CPUs only when the machine is busier than them);
* :func:`ordered_map` is ``map`` over a pool of forked workers, results in input order: the
  first failure in input order is raised, as one process would have raised it;
* :func:`run_groups` runs groups of tasks at once, one group in this process and each other
  in a forked worker, and raises the first failure.

A worker's :class:`~termkit.errors.TermkitError` comes back as itself (with its path and line),
so the command reports it exactly as in one process.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def usable_cpus() -> int:
    """How many CPUs this process may run on: its affinity mask where the system has one,
    capped by a CPU quota of its control group (a container started with ``--cpus=2`` on a
    64-CPU host may use 2, though all 64 are in its mask)."""
    count = max(1, os.cpu_count() or 1)
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        with contextlib.suppress(OSError):  # refused by the system: the CPU count stands
            count = max(1, len(affinity(0)))
    quota = cgroup_cpu_quota()
    if quota is not None:
        count = max(1, min(count, math.ceil(quota)))
    return count


def cgroup_cpu_quota(root: str = "/sys/fs/cgroup", table: str = "/proc/self/cgroup") -> float | None:
    """The CPUs' worth of time this process's control group may use (quota / period), or None.

    cgroup v2: ``cpu.max`` (``max 100000`` means no quota) in the process's group; v1:
    ``cpu.cfs_quota_us`` (``-1``: none) and ``cpu.cfs_period_us`` in its ``cpu`` group. The
    group is the one ``/proc/self/cgroup`` names; anything missing or unreadable is no quota.
    """
    try:
        with open(table, encoding="utf-8") as fh:
            rows = [line.rstrip("\n").split(":", 2) for line in fh]
    except OSError:
        return None
    found: list[float] = []
    for row in rows:
        if len(row) != 3:
            continue
        _, controllers, group = row
        group = group.lstrip("/")
        try:
            if controllers == "":
                with open(os.path.join(root, group, "cpu.max"), encoding="utf-8") as fh:
                    quota, _, period = fh.read().strip().partition(" ")
                if quota != "max" and period:
                    found.append(int(quota) / int(period))
            elif "cpu" in controllers.split(","):
                folder = os.path.join(root, "cpu", group)
                with open(os.path.join(folder, "cpu.cfs_quota_us"), encoding="utf-8") as fh:
                    quota_us = int(fh.read().strip())
                with open(os.path.join(folder, "cpu.cfs_period_us"), encoding="utf-8") as fh:
                    period_us = int(fh.read().strip())
                if quota_us > 0 and period_us > 0:
                    found.append(quota_us / period_us)
        except (OSError, ValueError, ZeroDivisionError):
            continue
    positive = [q for q in found if q > 0]
    return min(positive) if positive else None


def default_jobs() -> int:
    """The default number of jobs: the usable CPUs, fewer only on a machine busier than them.

    The CPUs this process may run on (:func:`usable_cpus`), one fewer for each CPU's worth
    (or part) of one-minute load average beyond them (the load's share on those CPUs when
    the process may use only some of the machine's), at least 1. Workers pay off while the
    CPUs are not all taken (on 2 CPUs at load 1.2, 2 jobs built 3,000 fresh pages at 691
    records/s against 402 in one process); on an oversubscribed machine they get no more CPU
    time and only add work (at load 3-4, 2 jobs took 15.8-20.4 s where one took 13.0-15.4 s).
    Where the system has no load average, all usable CPUs.
    """
    cpus = usable_cpus()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - Windows, or refused
        return cpus
    excess = load * cpus / max(cpus, os.cpu_count() or cpus) - cpus
    if excess <= 0:
        return cpus
    return max(1, cpus - math.ceil(excess))


def can_fork() -> bool:
    """True where workers can be forked from this process (shared, already loaded tables).

    Not on Windows (no fork) nor on macOS, where forking a process that has used system
    frameworks can crash the child (Python's default there is ``spawn`` for that reason).
    """
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


# Set once this process has started a pool of workers (see stop_workers).
_POOLS_STARTED = False


def _pool(jobs: int) -> ProcessPoolExecutor:
    # The fork start method: the workers see this process's memory as it is now (loaded
    # dictionary, caches, module state set just before), copy-on-write.
    global _POOLS_STARTED
    _POOLS_STARTED = True
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=quiet_interrupt)


def _shutdown(pool: ProcessPoolExecutor, error: BaseException | None) -> None:
    """Shut ``pool`` down; after Ctrl-C without waiting for it (see :func:`stop_workers`)."""
    pool.shutdown(wait=not isinstance(error, KeyboardInterrupt), cancel_futures=True)


def stop_workers() -> bool:
    """After Ctrl-C: kill the workers still alive; True if this process ever had a pool.

    A worker that Ctrl-C ended in the middle of sending a result, or a task queue whose
    readers are gone, can keep the pool's threads waiting for ever, and Python waits for
    them when it exits (an interrupted ``build -j 2`` printed ``Interrupted`` and hung). A
    process that had a pool should then leave with :func:`os._exit` once its outputs are
    cleaned up, as termkit's command runner does.
    """
    for child in multiprocessing.active_children():
        child.kill()
    return _POOLS_STARTED


def quiet_interrupt() -> None:
    """In a worker: let Ctrl-C (and SIGTERM) end it silently, as the system ends a process.

    A terminal sends SIGINT to its whole foreground process group, workers included. Python's
    handler would raise KeyboardInterrupt in a worker waiting for its next task, and
    multiprocessing prints that as a traceback; the parent, interrupted at the same moment,
    is the one that says ``Interrupted``, cleans up and exits. A worker forked while SIGINT
    is ignored (a background job) keeps ignoring it.
    """
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    # The parent's SIGTERM handler (it unwinds the parent's run) is no worker's business: the
    # pool terminates a worker with SIGTERM, and a group signal reaches the workers too.
    if callable(signal.getsignal(signal.SIGTERM)):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], jobs: int, *, chunksize: int = 1
) -> Iterator[R]:
    """``map(func, items)`` in ``jobs`` forked worker processes; results in input order.

    ``func`` and the items and results must pickle (``func`` by name: a module-level
    function). Results come as soon as they and all before them are done, so the caller can
    work on them while the workers go on. The first failure in input order is raised (the
    work still queued is cancelled); an exception outside termkit's own keeps its type.
    """
    items = list(items)  # the pool submits them all at once anyway
    if not items:
        return
    # A pool forks all its workers when it starts: never more than there are tasks (-j 1000
    # on 300 records made 1000 processes; -j 99999999999 forked without end).
    pool = _pool(min(jobs, math.ceil(len(items) / max(1, chunksize))))
    try:
        yield from pool.map(func, items, chunksize=max(1, chunksize))
    except BaseException as exc:
        _shutdown(pool, exc)
        raise
    _shutdown(pool, None)


def run_groups(groups: list[list[Callable[[], Any]]]) -> None:
    """Run each group's tasks in order, the groups at the same time: the first group in this
    process, each other in a forked worker (which sees the caller's objects as they are).

    The tasks are closures and are not pickled: each worker is forked with the list in its
    memory and runs its group by index. Returns when every group is done; raises the first
    failure (this process's own first, then the workers' in group order).
    """
    global _GROUPS
    if len(groups) <= 1:
        for task in groups[0] if groups else []:
            task()
        return
    _GROUPS = groups
    pool = _pool(len(groups) - 1)
    try:
        futures: list[Future[None]] = [pool.submit(_run_group, i) for i in range(1, len(groups))]
        for task in groups[0]:
            task()
        for future in futures:
            future.result()
    except BaseException as exc:
        _shutdown(pool, exc)
        _GROUPS = []
        raise
    _shutdown(pool, None)
    _GROUPS = []


# The groups of the run_groups call in progress: set before the workers are forked.
_GROUPS: list[list[Callable[[], Any]]] = []


def _run_group(index: int) -> None:
    for task in _GROUPS[index]:
        task()
