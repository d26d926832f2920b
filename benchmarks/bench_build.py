"""Benchmark `termkit build`: records per second, in one process and end to end.

``python benchmarks/bench_build.py [--quick]``

Inputs: abstract pages in the unlabelled layout (tests/devrecords.py renders them), N = 3,000
records (a realistic build: a few thousand records; 500 with ``--quick``).

* build, repeated dev records: the 95 real records of tests/data/records/dev.jsonl and
  dev2.jsonl and the bundled example, cycled, read, paired, merged and written (glossary.txt,
  its sources sidecar, glossary.json and the six exports, once at the end as `termkit build`
  does) in one process,
  timed after the dictionary is loaded. Keywords, titles and authors repeat, so per-word
  caches are warm: the easy case.
* build, fresh vocabulary: the same pages with everything a real build meets for the first
  time made new in every record: keywords (CC-CEDICT headwords of 2-4 characters, English =
  the first gloss; 3-6 per record as in the dev records, the English order kept in four
  records of five and shuffled in the fifth), authors (as many as the page had, at least one;
  a surname and two given-name characters, romanized as a Taiwanese or a mainland page does)
  and titles (the page's title with the record's first keyword pair appended), so every record
  pays for cold per-word caches, new pinyin and new concepts in every export.
* build, fresh vocabulary, N jobs: the same fresh pages as files, built as `termkit build
  --jobs N` builds them (termkit.build.glossary_from_files and write_build: read, pair and
  each record's glossary in N forked workers, merged in input order by the parent, the
  files written side by side), for N = the usable CPUs (at least 2), alternated with
  `--jobs 1` through the same code; each run in a fresh process that loads as the runs
  above do (loading not timed), so no run finds the caches an earlier one warmed. Prints
  wall records/s AND the CPU time of the parent and its workers together per record: the
  workers add CPU (sending results back, their own caches, copy-on-write page copies);
  they only shorten the wait, and only by as much as the machine has idle cores.
* end to end: `termkit build DIR/*.txt -o OUT` in a fresh process on the fresh-vocabulary
  pages written as N files: what a user waits for, including loading the dictionary, OpenCC
  and pypinyin; the interpreter's own start-up (`python -c pass`) is reported apart and
  subtracted, and so is a one-record build (start-up and loading) for orientation. Bytecode
  is cached as in an installed termkit. CPU time is the child's user + system time (its
  workers' included). Run with the default jobs (the usable CPUs) and with `--jobs 1`.

The anchor of the in-process runs is reading the same pages without pairing. Each prints the
CPU time per record of each stage (read, pair, glossary, write, and gc: a full collection
after the batch, the work the collector was left with, counted in the total). Target:
>= 1,000 records/s. The one-process runs are judged on CPU time (wall beside it); the runs
with several jobs can only meet it on wall time, which depends on free cores: the machine is
shared, so the load average is printed and runs should be repeated (medians).

Also: the dictionary's warm start in a fresh process (target < 0.5 s) and `termkit --help`
(target < 0.25 s), against `python -c pass`.
"""

from __future__ import annotations

import copy
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Common given-name characters (Traditional), from which fresh author names are drawn.
GIVEN = (
    "志明俊傑家豪建宏冠宇宗翰承恩柏彥廷信怡君雅婷淑芬美玲佳穎欣詩涵婉思妤子軒浩然博文曉東"
    "海燕麗華秀英桂芳玉蘭國強振德立新永昌世慧敏嘉偉鴻銘正祥淑惠雯琪瑋達榮光耀"
)


def dev_pages(n: int) -> list[bytes]:
    """``n`` pages: the 95 dev records and the bundled example, cycled."""
    from tests.devrecords import load_all_dev, render_page

    base = [render_page(r).encode("utf-8") for r in load_all_dev()]
    base.append((ROOT / "termkit" / "data" / "example-record.txt").read_bytes())
    return [base[i % len(base)] for i in range(n)]


def fresh_words() -> list[tuple[str, str]]:
    """CC-CEDICT headwords (2-4 characters, common words) with their first gloss, shuffled."""
    import gzip

    from termkit.lexicon import cedict_path, gloss_phrases

    words: list[tuple[str, str]] = []
    seen: set[str] = set()
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            trad, _simp, rest = line.split(" ", 2)
            if not (2 <= len(trad) <= 4) or trad in seen or rest[1:2].isupper():
                continue
            first = rest.split("] /", 1)[1].strip().strip("/").split("/")[0]
            if not gloss_phrases((first,)) or "(" in first or ";" in first or len(first) > 30:
                continue
            seen.add(trad)
            words.append((trad, first.removeprefix("to ")))
    random.Random(11).shuffle(words)
    return words


def _fresh_authors(rng: random.Random, count: int, taiwan: bool) -> list[tuple[str, str]]:
    """``count`` new names: (Chinese, romanized as a Taiwanese or a mainland page prints it)."""
    from termkit.pinyin.names import romanize_name, surnames

    table = sorted({s.traditional for s in surnames().values() if len(s.traditional) == 1})
    out = []
    for _ in range(count):
        zh = rng.choice(table) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if taiwan:  # "Kuo-Cheng Chang": Taiwan passport spelling, given name first
            surname, given = romanize_name(zh, "passport").split(" ", 1)
            out.append((zh, f"{given} {surname}"))
        else:  # "Zhang Guocheng"
            out.append((zh, romanize_name(zh, "pinyin")))
    return out


def fresh_pages(n: int) -> list[bytes]:
    """Dev pages whose keywords, authors and titles are new in every record of the run."""
    from tests.devrecords import load_all_dev, region, render_page

    base = load_all_dev()
    words = fresh_words()
    rng = random.Random(5)
    pages: list[bytes] = []
    pos = 0
    for i in range(n):
        rec: dict[str, Any] = copy.deepcopy(base[i % len(base)])
        k = 3 + i % 4
        chunk = words[pos : pos + k]
        pos += k
        zh = [z for z, _ in chunk]
        en = [e for _, e in chunk]
        if i % 5 == 4:
            rng.shuffle(en)
        authors = _fresh_authors(rng, max(1, len(rec["gold"]["authors"])), region(rec) == "Taiwan")
        rec.update(
            keywords_layout="combined_line",
            keywords_raw=" ; ".join(zh + en),
            authors_raw="；".join(f"{z}({e})" for z, e in authors),
            authors_en_raw=None,
        )
        if rec.get("title_zh") and rec.get("title_en"):
            rec["title_zh"] += "：" + chunk[0][0]
            rec["title_en"] += ": " + chunk[0][1][:1].upper() + chunk[0][1][1:]
        pages.append(render_page(rec).encode("utf-8"))
    return pages


def _build(pages: list[bytes], label: str) -> None:
    """Read, pair, merge and write ``pages``; print records/s against reading alone."""
    from termkit.align import pair_record
    from termkit.build import paused_gc, write_build
    from termkit.glossary import build_glossary
    from termkit.provenance import DEFAULT_MAX_SOURCES
    from termkit.records import parse_records

    n = len(pages)
    stages: list[tuple[str, float, float]] = []

    def stage(name: str, t0: float, c0: float) -> tuple[float, float]:
        t, c = time.perf_counter(), time.process_time()
        stages.append((name, t - t0, c - c0))
        return t, c

    with paused_gc(), tempfile.TemporaryDirectory() as tmp:  # as termkit build runs its batch
        t, c = time.perf_counter(), time.process_time()
        records = [r for i, data in enumerate(pages) for r in parse_records(data, f"rec{i}.txt")]
        t, c = stage("read", t, c)
        pairings = [pair_record(r) for r in records]
        t, c = stage("pair", t, c)
        glossary = build_glossary(pairings)
        t, c = stage("glossary", t, c)
        write_build(glossary, str(Path(tmp) / "out"), max_sources=DEFAULT_MAX_SOURCES)
        stage("write", t, c)
    # The collection the batch left due (a build's objects outlive it): counted, so that
    # holding the collector back cannot hide its work after the timed stages.
    t, c = time.perf_counter(), time.process_time()
    gc.collect()
    stage("gc", t, c)
    t_read, c_read = stages[0][1], stages[0][2]
    total, cpu = sum(s[1] for s in stages), sum(s[2] for s in stages)
    print(f"build, {label}: {n} records, {len(glossary)} concepts (one process, one core)")
    print(f"  read only (anchor)     {n / t_read:10.0f} records/s wall  {n / c_read:10.0f} records/s CPU")
    print(f"  read+pair+merge+write  {n / total:10.0f} records/s wall  {n / cpu:10.0f} records/s CPU"
          "  target >= 1000")
    print(f"  ratio full/read-only   {total / t_read:10.2f}x wall  {cpu / c_read:10.2f}x CPU")
    print("  CPU ms/record         " + "  ".join(f"{name} {c * 1e3 / n:.3f}" for name, _, c in stages))


def _jobs_child(jobs: int, folder: str) -> None:
    """In a fresh process (``--jobs-child N DIR``): load as the one-process runs do, then time
    `termkit build --jobs N` of the page files in DIR; prints one JSON line."""
    import json

    from termkit.align import pair_record
    from termkit.build import glossary_from_files, paused_gc, write_build
    from termkit.glossary import build_glossary
    from termkit.lexicon import get_lexicon
    from termkit.provenance import DEFAULT_MAX_SOURCES
    from termkit.records import parse_records

    get_lexicon()
    warm = (ROOT / "termkit" / "data" / "example-record.txt").read_bytes()
    build_glossary([pair_record(parse_records(warm, "warm.txt")[0])])
    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
    marks = []

    def mark() -> None:
        marks.append((time.perf_counter(), time.process_time(), _child_cpu()))

    with tempfile.TemporaryDirectory() as tmp:
        mark()
        with paused_gc():
            count, glossary = glossary_from_files(paths, None, jobs=jobs)
            mark()
            write_build(glossary, os.path.join(tmp, "out"), max_sources=DEFAULT_MAX_SOURCES,
                        jobs=jobs)
        gc.collect()  # the collection left due, counted as in the one-process runs
        mark()
    assert count == len(paths)
    print(json.dumps(marks))


def _build_jobs(pages: list[bytes], jobs: int, runs: int) -> None:
    """`termkit build --jobs N` and `--jobs 1`, alternated, each in a fresh process (no cache
    warmed by an earlier run): wall records/s and the CPU of all processes per record."""
    import json

    n = len(pages)
    timed: dict[int, list[list[list[float]]]] = {jobs: [], 1: []}
    with tempfile.TemporaryDirectory() as tmp:
        for i, data in enumerate(pages):
            with open(os.path.join(tmp, f"rec{i:05d}.txt"), "wb") as fh:
                fh.write(data)
        for _ in range(runs):
            for j in (jobs, 1):
                out = subprocess.run([sys.executable, __file__, "--jobs-child", str(j), tmp],
                                     check=True, capture_output=True, text=True).stdout
                timed[j].append(json.loads(out.splitlines()[-1]))
    print(f"build, fresh vocabulary, --jobs {jobs} against --jobs 1: {n} page files, each run "
          f"in a fresh process, loading not timed (median of {runs}, alternated, load average "
          f"{_load()})")
    for j in (jobs, 1):
        def med(a: int, b: int, key: int, j: int = j) -> float:
            return statistics.median(r[b][key] - r[a][key] for r in timed[j])

        wall, cpu = med(0, 2, 0), med(0, 2, 1) + med(0, 2, 2)
        own, workers = med(0, 2, 1), med(0, 2, 2)
        print(f"  --jobs {j}: read+pair+merge {n / med(0, 1, 0):6.0f} records/s wall "
              f"{(med(0, 1, 1) + med(0, 1, 2)) * 1e3 / n:.3f} ms CPU/record; write "
              f"{n / med(1, 2, 0):6.0f} records/s wall {(med(1, 2, 1) + med(1, 2, 2)) * 1e3 / n:.3f}"
              f" ms CPU/record")
        print(f"    all      {n / wall:10.0f} records/s wall  target >= 1000 "
              f"({'wall' if j > 1 else 'CPU'});  CPU of all processes {cpu * 1e3 / n:.3f} "
              f"ms/record = {n / cpu:.0f} records/s ({own * 1e3 / n:.3f} this process + "
              f"{workers * 1e3 / n:.3f} workers)")


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``cmd`` in a fresh process."""
    t, c = time.perf_counter(), _child_cpu()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - t, _child_cpu() - c


def _median_run(
    cmd: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    times = [_timed_run(cmd, env) for _ in range(runs)]
    return statistics.median(w for w, _ in times), statistics.median(c for _, c in times)


def _end_to_end(pages: list[bytes], runs: int) -> None:
    """`termkit build` on ``pages`` written as files, in a fresh process each run."""
    n = len(pages)
    start_wall, start_cpu = _median_run([sys.executable, "-c", "pass"], 5)
    with tempfile.TemporaryDirectory() as tmp:
        # Bytecode cached, as in an installed termkit (pip compiles it): a shell that sets
        # PYTHONDONTWRITEBYTECODE would otherwise compile every module in every run. The
        # cache goes to a folder of its own, not into the source tree; the first run fills it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
        inputs = []
        for i, data in enumerate(pages):
            path = os.path.join(tmp, f"rec{i:05d}.txt")
            with open(path, "wb") as fh:
                fh.write(data)
            inputs.append(path)
        cmd = [sys.executable, "-m", "termkit", "build", *inputs, "-o", os.path.join(tmp, "out"), "-q"]
        one_cmd = [*cmd[:4], inputs[0], *cmd[-3:]]
        _timed_run(one_cmd, env)  # fills the bytecode cache
        one_wall, one_cpu = _median_run(one_cmd, runs, env)
        # Alternated, so that both see the same load.
        timed: dict[str, list[tuple[float, float]]] = {"auto": [], "1": []}
        for _ in range(runs):
            timed["auto"].append(_timed_run(cmd, env))
            timed["1"].append(_timed_run([*cmd, "--jobs", "1"], env))
    from termkit.parallel import usable_cpus

    print(f"end to end, fresh vocabulary: `termkit build` of {n} page files in a fresh process "
          f"(median of {runs}, load average {_load()}, {usable_cpus()} usable CPUs)")
    print(f"  interpreter start-up (python -c pass)  {start_wall * 1e3:6.0f} ms wall  {start_cpu * 1e3:6.0f} ms CPU")
    print(f"  one record (start-up and loading)      {one_wall * 1e3:6.0f} ms wall  {one_cpu * 1e3:6.0f} ms CPU")
    for jobs, label in (("auto", "default --jobs"), ("1", "--jobs 1      ")):
        wall = statistics.median(w for w, _ in timed[jobs])
        cpu = statistics.median(c for _, c in timed[jobs])
        print(f"  {label}: {n} records  {wall:8.2f} s wall  {cpu:8.2f} s CPU (all processes)")
        print(f"    records/s, start-up subtracted {n / (wall - start_wall):10.0f} wall  "
              f"{n / (cpu - start_cpu):10.0f} CPU  target >= 1000 "
              f"({'wall' if jobs == 'auto' else 'CPU'})")


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main() -> None:
    if "--jobs-child" in sys.argv:
        i = sys.argv.index("--jobs-child")
        _jobs_child(int(sys.argv[i + 1]), sys.argv[i + 2])
        return
    quick = "--quick" in sys.argv
    n = 500 if quick else 3_000

    from termkit.align import pair_record
    from termkit.glossary import build_glossary
    from termkit.lexicon import get_lexicon
    from termkit.records import parse_records

    pages = dev_pages(n)
    fresh = fresh_pages(n)
    get_lexicon()  # loaded once per process, as in a real run
    # Warm what a real run loads once (OpenCC, pypinyin, the name tables), on a page of its own.
    build_glossary([pair_record(parse_records(pages[0], "warm.txt")[0])])

    _build(pages, "repeated dev records")
    _build(fresh, "fresh vocabulary")
    from termkit.parallel import usable_cpus

    _build_jobs(fresh, max(2, usable_cpus()), 1 if quick else 3)
    _end_to_end(fresh, 1 if quick else 3)

    code = (
        "import time; t=time.perf_counter(); from termkit.lexicon import get_lexicon; "
        "get_lexicon().lookup('中文'); print(time.perf_counter()-t)"
    )
    warm = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    print(f"dictionary warm start     {statistics.median(warm) * 1000:8.0f} ms (median of 5)  target < 500 ms")

    base, _ = _median_run([sys.executable, "-c", "pass"], 10)
    helps, _ = _median_run([sys.executable, "-m", "termkit", "--help"], 10)
    print(f"termkit --help            {helps * 1000:8.0f} ms (python -c pass: {base * 1000:.0f} ms; "
          f"ratio {helps / base:.1f}x)  target < 250 ms")


if __name__ == "__main__":
    main()
