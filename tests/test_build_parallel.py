"""`termkit build --jobs N`: workers read and pair, the parent merges in input order, the files
are written side by side; the output is the same bytes as in one process (`--jobs 1`), a
worker's error is the same one clean line, and small inputs never start workers.

The thresholds (MIN_PARALLEL files or records, MIN_PARALLEL_WRITE concepts) are lowered here so
that the tests stay small; the code paths are the ones a large build takes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import termkit.build
import termkit.parallel
from termkit.cli import cli
from termkit.parallel import can_fork, usable_cpus

from .conftest import SEED
from .devrecords import load_all_dev, render_jsonl, render_page

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked (one process here)")

DEV_JSONL = [Path(__file__).parent / "data" / "records" / n for n in ("dev.jsonl", "dev2.jsonl")]


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def pages(tmp_path: Path) -> list[str]:
    """The 95 dev records and the bundled example, one page file each."""
    folder = tmp_path / "pages"
    folder.mkdir()
    paths = []
    for i, rec in enumerate(load_all_dev()):
        path = folder / f"{i:03d}.txt"
        path.write_text(render_page(rec), "utf-8")
        paths.append(str(path))
    paths.append(str(SEED))
    return paths


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small thresholds, and the number of jobs of every pool started (the list returned)."""
    monkeypatch.setattr(termkit.build, "MIN_PARALLEL", 8)
    monkeypatch.setattr(termkit.build, "MIN_PARALLEL_WRITE", 50)
    started: list[int] = []
    real = termkit.parallel._pool

    def pool(jobs: int):  # type: ignore[no-untyped-def]
        started.append(jobs)
        return real(jobs)

    monkeypatch.setattr(termkit.parallel, "_pool", pool)
    return started


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _build(tmp_path: Path, name: str, inputs: list[str], *options: str) -> dict[str, bytes]:
    out = tmp_path / name
    result = run("build", *inputs, "-o", str(out), "--json", *options)
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    files = _files(out)
    files["summary"] = json.dumps({k: v for k, v in summary.items() if k != "output"}).encode()
    files["stderr"] = result.stderr.replace(str(out), "OUT").encode()
    return files


def test_many_files_give_the_same_bytes_as_one_process(
    tmp_path: Path, pages: list[str], spy: list[int]
) -> None:
    one = _build(tmp_path, "one", pages, "--jobs", "1")
    assert spy == []  # --jobs 1: today's path, no worker
    two = _build(tmp_path, "two", pages, "--jobs", "2")
    # Read and pair in 2 workers; the files written by the parent and one worker.
    assert spy == [2, 1]
    assert one.keys() == two.keys() and len(one) == 11
    for name in one:
        assert one[name] == two[name], name
    assert json.loads(two["summary"])["records"] == len(pages)


def test_few_files_of_many_records_are_paired_in_workers_alike(
    tmp_path: Path, spy: list[int]
) -> None:
    inputs = [str(p) for p in DEV_JSONL]  # two files, 95 records: records sent to workers
    one = _build(tmp_path, "one", inputs, "--jobs", "1", "--zhuyin")
    three = _build(tmp_path, "three", inputs, "--jobs", "3", "--zhuyin")
    assert spy == [3, 2]
    for name in one:
        assert one[name] == three[name], name


def test_small_inputs_start_no_worker(tmp_path: Path, pages: list[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(jobs: int) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(termkit.parallel, "_pool", refuse)
    # 96 files and 95 records, under the real thresholds (256): one process, whatever --jobs.
    assert len(pages) < termkit.build.MIN_PARALLEL
    result = run("build", *pages, "-o", str(tmp_path / "out"), "-q", "--jobs", "4")
    assert result.exit_code == 0, result.stderr
    result = run("build", *map(str, DEV_JSONL), "-o", str(tmp_path / "out2"), "-q")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("where", [5, 60])
def test_an_error_in_a_worker_is_the_same_clean_error(
    tmp_path: Path, pages: list[str], spy: list[int], where: int
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03binary\x00\xff" * 20)
    later = tmp_path / "later.txt"
    later.write_bytes(b"")  # a second failure after the first: never the one reported
    inputs = [*pages[:where], str(bad), *pages[where:70], str(later), *pages[70:]]
    lines = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run("build", *inputs, "-o", str(out), "--jobs", jobs)
        assert result.exit_code == 1
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()  # one line, no traceback
        assert line.startswith(f"Error: {bad}") and "binary" in line
        assert not out.exists()
        lines.append(line)
    assert lines[0] == lines[1]
    assert spy == [2]


def test_a_failing_writer_in_a_worker_leaves_the_folder_as_it_was(
    tmp_path: Path, pages: list[str], spy: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import termkit.formats.csv_glossary

    out = tmp_path / "out"
    out.mkdir()
    (out / "glossary.csv").write_text("old\n")
    # glossary.txt alone for this process, the rest (the CSV among it) for one worker.
    costs = dict.fromkeys(termkit.build._WRITE_COST, 1) | {"termkit": 100, "csv": 50}
    monkeypatch.setattr(termkit.build, "_WRITE_COST", costs)
    parent = os.getpid()
    real = termkit.formats.csv_glossary.write_glossary

    def write(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() == parent:
            raise AssertionError("the CSV was to be written by a worker")
        real(*args, **kwargs)  # half written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(termkit.formats.csv_glossary, "write_glossary", write)
    result = run("build", *pages, "-o", str(out), "--jobs", "2")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "No space left" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert spy == [2, 1]
    assert _files(out) == {"glossary.csv": b"old\n"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_share_out_balances_the_writers() -> None:
    tasks = [(c, lambda: None) for c in (32, 27, 26, 23, 21, 21, 19, 12, 11)]
    groups = termkit.build._share_out(tasks, 2)
    costs = {id(t): c for c, t in tasks}
    sums = sorted(sum(costs[id(t)] for t in g) for g in groups)
    assert sum(sums) == 192 and sums[1] - sums[0] <= 12  # about half each
    assert sorted(id(t) for g in groups for t in g) == sorted(costs)  # each task once
    assert termkit.build._share_out(tasks[:1], 4) == [[tasks[0][1]]]


def test_default_jobs_on_an_idle_machine_is_the_usable_cpus(
    tmp_path: Path, pages: list[str], spy: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    if hasattr(os, "sched_getaffinity"):
        assert usable_cpus() == len(os.sched_getaffinity(0))
    monkeypatch.setattr(termkit.parallel, "usable_cpus", lambda: 3)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 2.0, 2.0))
    assert run("build", *pages, "-o", str(tmp_path / "out"), "-q").exit_code == 0
    assert spy == [3, 2]  # no --jobs, a quiet machine: as many as the CPUs
    help_text = run("build", "--help").stdout
    assert "--jobs" in help_text and "load average" in help_text


@pytest.mark.parametrize(
    ("cpus", "machine", "load", "jobs"),
    [
        (3, 3, 0.0, 3),
        (3, 3, 3.0, 3),  # every CPU taken, none oversubscribed: workers still pay off
        (3, 3, 3.01, 2),  # a part of a CPU's worth beyond them: one fewer
        (3, 3, 4.0, 2),
        (3, 3, 4.5, 1),
        (3, 3, 40.0, 1),  # never fewer than one
        (2, 8, 8.0, 2),  # a load of 8 over 8 CPUs: 2 on the 2 this process may use
        (2, 8, 10.0, 1),  # 2.5 on them
    ],
)
def test_default_jobs_fewer_only_beyond_the_cpus(
    cpus: int, machine: int, load: float, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setattr(termkit.parallel, "usable_cpus", lambda: cpus)
    monkeypatch.setattr(os, "cpu_count", lambda: machine)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    assert termkit.parallel.default_jobs() == jobs


def test_what_workers_send_pickles_to_equal_objects() -> None:
    # A chunk of records goes to a worker, the records' glossaries come back.
    import copy
    import pickle

    from termkit.build import record_glossaries
    from termkit.records import parse_records

    data = "".join(render_jsonl(r) for r in load_all_dev()[:8]).encode()
    records = parse_records(data, "x.jsonl")
    assert pickle.loads(pickle.dumps(records)) == records
    glossaries = record_glossaries(records)
    assert sum(len(g) for g in glossaries) > 20
    assert any(g.notices for g in glossaries)
    back = pickle.loads(pickle.dumps(glossaries, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == glossaries and copy.deepcopy(glossaries) == glossaries
    terms = [t for g in back for c in g.concepts for t in c.terms]
    assert any(t.pinyin for t in terms) and all(t.sources for t in terms)


def _cgroup(tmp_path: Path, table: str, files: dict[str, str]) -> float | None:
    root = tmp_path / "cgroup"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (tmp_path / "table").write_text(table, encoding="utf-8")
    return termkit.parallel.cgroup_cpu_quota(str(root), str(tmp_path / "table"))


@pytest.mark.parametrize(
    ("table", "files", "quota"),
    [
        # cgroup v2, a container started with --cpus=2 (and 1.5), its group named by the table
        ("0::/docker/abc\n", {"docker/abc/cpu.max": "200000 100000\n"}, 2.0),
        ("0::/\n", {"cpu.max": "150000 100000\n"}, 1.5),
        ("0::/\n", {"cpu.max": "max 100000\n"}, None),  # no quota
        # cgroup v1: quota and period of the cpu controller's group
        ("4:memory:/x\n1:cpu,cpuacct:/\n", {"cpu/cpu.cfs_quota_us": "300000\n",
                                            "cpu/cpu.cfs_period_us": "100000\n"}, 3.0),
        ("1:cpu,cpuacct:/\n", {"cpu/cpu.cfs_quota_us": "-1\n",
                               "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ("0::/gone\n", {}, None),  # the group's file is missing
        ("0::/\n", {"cpu.max": "garbage\n"}, None),
    ],
)
def test_cgroup_cpu_quota(tmp_path: Path, table: str, files: dict[str, str],
                          quota: float | None) -> None:
    assert _cgroup(tmp_path, table, files) == quota


def test_usable_cpus_capped_by_the_cgroup_quota(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    monkeypatch.setattr(termkit.parallel, "cgroup_cpu_quota", lambda: 1.5)
    assert termkit.parallel.usable_cpus() == 2  # a part of a CPU counts as one
    monkeypatch.setattr(termkit.parallel, "cgroup_cpu_quota", lambda: None)
    assert termkit.parallel.usable_cpus() == 64
