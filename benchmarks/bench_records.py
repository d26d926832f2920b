"""Benchmark the record readers: CPU time per record for every record format.

``python benchmarks/bench_records.py [--quick]``

Records: the 17 development records of tests/data/records/dev.jsonl rendered as page text
and as RIS (tests/devrecords.py), plus the bundled example page (25 references) — the rows
kept from the first version, for comparison — then all 95 dev records (dev + dev2) as
unlabelled pages and as labelled pages, the 46 real metadata pages of
tests/data/records/real (copied from real sites: longer, with the site's own lines around
the record), and the BibTeX and EndNote fixtures. The anchor
is ``json.loads`` of the same records' JSON lines plus a strict UTF-8 decode: the floor of
what reading a record can cost in Python. Target: well under 1 ms per record (the build
target of >= 500 records/s includes pairing). Times are CPU times (``process_time``), best
of several rounds, so other load on the machine disturbs them less.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _best(fn: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    from termkit.records import parse_records
    from tests.devrecords import (
        DEV,
        load_all_dev,
        load_dev,
        render_labelled,
        render_page,
        render_ris,
    )

    quick = "--quick" in sys.argv
    repeat, rounds = (5, 3) if quick else (50, 7)
    dev = load_dev()
    lines = [line.encode("utf-8") for line in DEV.read_text(encoding="utf-8").splitlines()]
    pages = [render_page(r).encode("utf-8") for r in dev]
    big5 = [
        render_page(r).replace("主题分类", "主題分類").encode("cp950")
        for r in dev
        if r["script"] == "Traditional"
    ]
    ris = [render_ris(r).encode("utf-8") for r in dev]
    example = (ROOT / "termkit" / "data" / "example-record.txt").read_bytes()
    every = load_all_dev()
    all_pages = [render_page(r).encode("utf-8") for r in every]
    labelled = [render_labelled(r).encode("utf-8") for r in every]
    fixtures = ROOT / "tests" / "data" / "records"
    real = sorted((fixtures / "real").glob("*/*.txt"))
    real_pages = [p.read_bytes() for p in real]
    bib = [(fixtures / "bilingual.bib").read_bytes()]
    enw = [(fixtures / "refer_bilingual.enw").read_bytes()]

    from termkit.records.keywords import clear_caches

    def fresh(data: bytes, name: str) -> object:
        # The readers cache label and keyword-line lookups; a record seen again would hit
        # them, which real input (every record new) does not: clear before each record.
        clear_caches()
        return parse_records(data, name)

    def loop(items: list[bytes], name: str) -> Callable[[], object]:
        return lambda: [fresh(d, name) for _ in range(repeat) for d in items]

    def anchor() -> object:
        return [json.loads(d.decode("utf-8")) for _ in range(repeat) for d in lines]

    t_anchor = _best(anchor, rounds) / (repeat * len(lines))
    print(
        f"records: {len(dev)} dev records x {repeat} per round, best of {rounds} rounds (CPU time)"
    )
    print(f"  anchor json.loads        {t_anchor * 1e3:8.3f} ms/record")
    cases = [
        ("page text (UTF-8)", pages, "r.txt"),
        ("page text (Big5)", big5, "r.txt"),
        ("RIS", ris, "r.ris"),
        ("JSON Lines", lines, "r.jsonl"),
        ("example page, 25 refs", [example], "r.txt"),
        ("page text, all 95", all_pages, "r.txt"),
        ("labelled pages, all 95", labelled, "r.txt"),
        (f"real pages, all {len(real_pages)}", real_pages, "r.txt"),
        ("BibTeX (2 entries)", bib, "r.bib"),
        ("EndNote (1 record)", enw, "r.enw"),
    ]
    for label, items, name in cases:
        t = _best(loop(items, name), rounds) / (repeat * len(items))
        print(
            f"  {label:24s} {t * 1e3:8.3f} ms/record  {1 / t:8.0f} records/s  "
            f"ratio {t / t_anchor:6.1f}x anchor  target < 1 ms"
        )


if __name__ == "__main__":
    main()
