"""Ctrl-C reaches every process of the foreground group: `build --jobs N` workers too.

A terminal sends SIGINT to the whole process group, so the forked workers of a parallel
build get it at the same moment as termkit itself. A worker waiting for its next task
printed a Python traceback (``Process ForkProcess-1: Traceback … KeyboardInterrupt``) above
termkit's own ``Interrupted``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc")


def children(pid: int) -> list[int]:
    """The process ids of ``pid``'s children (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with open(task / "children", encoding="ascii") as fh:
            found += [int(c) for c in fh.read().split()]
    return found


def interrupt_group_once_forked(argv: list[str], cwd: Path, forked: int) -> tuple[int, str]:
    """Run ``argv`` in a group of its own, SIGINT the whole group (as a terminal's Ctrl-C)
    once it has ``forked`` children, and return the exit status and stderr."""
    proc = subprocess.Popen(
        argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # As from a terminal: SIGINT handled (a shell without job control ignores it in
        # background commands), and a group of its own to signal as a whole.
        preexec_fn=lambda: (signal.signal(signal.SIGINT, signal.SIG_DFL), os.setpgrp()))
    try:
        deadline = time.monotonic() + 60
        while len(children(proc.pid)) < forked:
            assert proc.poll() is None, proc.communicate()[1].decode()
            assert time.monotonic() < deadline, "the workers were never forked"
            time.sleep(0.02)
        time.sleep(0.3)  # the workers are running (or waiting for their next task)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode, err.decode("utf-8", "replace")


def test_an_idle_worker_interrupted_with_its_group_prints_no_traceback(tmp_path: Path) -> None:
    # The parent works on its own group of tasks while the worker, done with its group,
    # waits for the next task: the moment a worker used to print a traceback.
    script = textwrap.dedent("""
        import time
        from termkit.parallel import run_groups
        try:
            run_groups([[lambda: time.sleep(30)], [lambda: None]])
        except KeyboardInterrupt:
            raise SystemExit(130)
    """)
    code, err = interrupt_group_once_forked([sys.executable, "-c", script], tmp_path, 1)
    assert code == 130
    assert err == ""


def test_a_parallel_build_interrupted_says_interrupted_and_writes_nothing(
        tmp_path: Path) -> None:
    records = (ROOT / "tests/data/records/dev.jsonl").read_bytes()
    records += (ROOT / "tests/data/records/dev2.jsonl").read_bytes()
    (tmp_path / "many.jsonl").write_bytes(records * 40)  # 3,800 records: several seconds
    code, err = interrupt_group_once_forked(
        [sys.executable, "-m", "termkit", "build", "many.jsonl", "-o", "out", "-q", "-j", "2"],
        tmp_path, 2)
    assert code == 130
    assert err == "Interrupted\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]


def _children_now(_: int) -> int:
    """In a worker: how many children the parent has (the pool's workers)."""
    return len(children(os.getppid()))


def test_a_pool_never_starts_more_workers_than_it_has_tasks() -> None:
    # `build -j N` forked N workers at once whatever the work: -j 1000 on 300 records
    # made 1000 processes, and a mistyped -j 99999999999 tried to fork without end.
    from termkit.parallel import ordered_map

    counts = list(ordered_map(_children_now, range(3), 50))
    assert len(counts) == 3
    assert max(counts) <= 3


def test_writing_a_build_with_more_jobs_than_files(tmp_path: Path) -> None:
    # The files of a large build are shared out among the jobs: a list of N groups was
    # made first, so a mistyped -j 99999999999 never got to write anything.
    from termkit.build import MIN_PARALLEL_WRITE, write_build
    from termkit.model import Concept, Glossary, Term

    glossary = Glossary(concepts=[
        Concept(id=f"c{i:012x}", terms=[Term(f"term {i}", "en"), Term(f"詞{i}", "zh-Hant")])
        for i in range(MIN_PARALLEL_WRITE)])
    names = write_build(glossary, str(tmp_path / "out"), jobs=10**18)
    assert sorted(names) == sorted(p.name for p in (tmp_path / "out").iterdir())


def test_jobs_past_the_bound_are_a_usage_error(tmp_path: Path) -> None:
    from tests.inprocess import invoke

    code, out, err = invoke("build", ROOT / "termkit/data/example-record.txt", "-o", "out",
                            "-j", "99999999999", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("Error: Invalid value for '-j' / '--jobs': 99999999999 is not in the "
                          "range 1<=x<=256")
    assert list(tmp_path.iterdir()) == []


def test_stop_workers_kills_the_workers_left_and_says_a_pool_was_used() -> None:
    # After Ctrl-C the command runner kills what is left and leaves with os._exit when a
    # pool was used (an interrupted build -j 2 printed Interrupted and then hung on exit).
    import multiprocessing

    from termkit import parallel

    child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(30,))
    child.start()
    try:
        used = parallel.stop_workers()
        child.join(5)
        assert not child.is_alive()
        assert used == parallel._POOLS_STARTED
    finally:
        if child.is_alive():
            child.kill()


def test_remove_workdir_removes_the_process_folder_once_made(tmp_path: Path) -> None:
    # In a process of its own: the test process's folder holds files other tests read.
    script = textwrap.dedent("""
        import os
        from termkit.convert import opencc_data
        opencc_data.remove_workdir()  # none made yet: nothing to do
        folder = opencc_data.workdir()
        open(os.path.join(folder, "x.txt"), "w").close()
        opencc_data.remove_workdir()
        print(os.path.exists(folder))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, timeout=60)
    assert out.stdout == b"False\n"
