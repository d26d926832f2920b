"""Benchmark `termkit build`: records per second on one core, dictionary warm start, CLI start-up.

``python benchmarks/bench_build.py [--quick]``

* build: N abstract-page records (made from the 17 real records of tests/data/records/dev.jsonl
  and the bundled example, cycled) read, paired and merged into a glossary, in one process,
  timed after the dictionary is loaded; the anchor is the same records read without pairing.
  Target: >= 500 records/s.
* dictionary: time to ready the CC-CEDICT index in a fresh process with the cache warm
  (target < 0.5 s), and the cold build of the cache once.
* start-up: `termkit --help` wall time in a fresh process (median of 10; target < 0.25 s),
  against `python -c pass`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pages(n: int) -> list[bytes]:
    from tests.devrecords import load_dev, render_page

    base = [render_page(r).encode("utf-8") for r in load_dev()]
    base.append((ROOT / "termkit" / "data" / "example-record.txt").read_bytes())
    return [base[i % len(base)] for i in range(n)]


def _median_run(cmd: list[str], runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    n = 1000 if quick else 10_000

    from termkit.align import pair_record
    from termkit.build import write_build
    from termkit.glossary import build_glossary
    from termkit.lexicon import get_lexicon
    from termkit.records import parse_records

    pages = _pages(n)
    get_lexicon()  # loaded once per process, as in a real run
    pair_record(parse_records(pages[0], "warm.txt")[0])  # warm caches (OpenCC, pypinyin)

    t0, c0 = time.perf_counter(), time.process_time()
    records = [r for i, data in enumerate(pages) for r in parse_records(data, f"rec{i}.txt")]
    t_read, c_read = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    pairings = [pair_record(r) for r in records]
    glossary = build_glossary(pairings)
    with tempfile.TemporaryDirectory() as tmp:
        write_build(glossary, str(Path(tmp) / "out"))
    t_rest, c_rest = time.perf_counter() - t0, time.process_time() - c0
    total, cpu = t_read + t_rest, c_read + c_rest
    print(f"build: {n} records, {len(glossary)} concepts (one process, one core)")
    print(f"  read only (anchor)     {n / t_read:10.0f} records/s wall  {n / c_read:10.0f} records/s CPU")
    print(f"  read+pair+merge+write  {n / total:10.0f} records/s wall  {n / cpu:10.0f} records/s CPU"
          "  target >= 500")
    print(f"  ratio full/read-only   {total / t_read:10.2f}x")

    code = (
        "import time; t=time.perf_counter(); from termkit.lexicon import get_lexicon; "
        "get_lexicon().lookup('中文'); print(time.perf_counter()-t)"
    )
    warm = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    print(f"dictionary warm start     {statistics.median(warm) * 1000:8.0f} ms (median of 5)  target < 500 ms")

    base = _median_run([sys.executable, "-c", "pass"])
    helps = _median_run([sys.executable, "-m", "termkit", "--help"])
    print(f"termkit --help            {helps * 1000:8.0f} ms (python -c pass: {base * 1000:.0f} ms; "
          f"ratio {helps / base:.1f}x)  target < 250 ms")


if __name__ == "__main__":
    main()
