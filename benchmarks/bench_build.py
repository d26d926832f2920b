"""Benchmark `termkit build`: records per second on one core, dictionary warm start, CLI start-up.

``python benchmarks/bench_build.py [--quick]``

* build, repeated: N abstract-page records (made from the 95 real records of
  tests/data/records/dev.jsonl and dev2.jsonl and the bundled example, cycled) read, paired and
  merged into a glossary, in one process, timed after the dictionary is loaded; the anchor is
  the same records read without pairing. Keywords repeat, so per-word caches are warm.
* build, fresh vocabulary: the same pages with their keywords replaced by words never seen
  before in the run (CC-CEDICT headwords of 2-4 characters, English = the first gloss; 3-6 per
  record, the English order kept in four records of five and shuffled in the fifth), so every
  record pays for cold per-word caches, new pinyin and new concepts in every export.
  Target for both: >= 1,000 records/s.
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
    from tests.devrecords import load_all_dev, render_page

    base = [render_page(r).encode("utf-8") for r in load_all_dev()]
    base.append((ROOT / "termkit" / "data" / "example-record.txt").read_bytes())
    return [base[i % len(base)] for i in range(n)]


def _fresh_words() -> list[tuple[str, str]]:
    """CC-CEDICT headwords (2-4 characters, common words) with their first gloss, shuffled."""
    import gzip
    import random

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


def _fresh_pages(n: int) -> list[bytes]:
    """Dev pages whose keywords are replaced by words not used by any other record of the run."""
    import copy
    import random

    from tests.devrecords import load_all_dev, render_page

    base = load_all_dev()
    words = _fresh_words()
    rng = random.Random(5)
    pages: list[bytes] = []
    pos = 0
    for i in range(n):
        rec = copy.deepcopy(base[i % len(base)])
        k = 3 + i % 4
        chunk = words[pos : pos + k]
        pos += k
        zh = [z for z, _ in chunk]
        en = [e for _, e in chunk]
        if i % 5 == 4:
            rng.shuffle(en)
        rec.update(keywords_layout="combined_line", keywords_raw=" ; ".join(zh + en))
        pages.append(render_page(rec).encode("utf-8"))
    return pages


def _build(pages: list[bytes], label: str) -> None:
    """Read, pair, merge and write ``pages``; print records/s against reading alone."""
    from termkit.align import pair_record
    from termkit.build import write_build
    from termkit.glossary import build_glossary
    from termkit.records import parse_records

    n = len(pages)
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
    print(f"build, {label}: {n} records, {len(glossary)} concepts (one process, one core)")
    print(f"  read only (anchor)     {n / t_read:10.0f} records/s wall  {n / c_read:10.0f} records/s CPU")
    print(f"  read+pair+merge+write  {n / total:10.0f} records/s wall  {n / cpu:10.0f} records/s CPU"
          "  target >= 1000")
    print(f"  ratio full/read-only   {total / t_read:10.2f}x wall  {cpu / c_read:10.2f}x CPU")


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
    from termkit.glossary import build_glossary
    from termkit.lexicon import get_lexicon
    from termkit.records import parse_records

    pages = _pages(n)
    fresh = _fresh_pages(n)
    get_lexicon()  # loaded once per process, as in a real run
    # Warm what a real run loads once (OpenCC, pypinyin, the name tables), on a page of its own.
    build_glossary([pair_record(parse_records(pages[0], "warm.txt")[0])])

    _build(pages, "repeated dev records")
    _build(fresh, "fresh vocabulary")

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
