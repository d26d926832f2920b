"""Benchmark keyword/author/title pairing alone (records already read, lexicon loaded).

``python benchmarks/bench_pairing.py [--quick]``

* dev: the 17 real records of tests/data/align/dev.jsonl, cycled (warm caches, the common
  case in a big build where keywords repeat). Anchor: positional pairing of the same records
  (``zip`` of the two keyword lists), the cheapest possible pairing, timed in the same run.
* fresh: synthetic records whose keywords are always new CC-CEDICT words (4-6 per record,
  English = the word's first gloss, English order shuffled), so every record pays for cold
  per-word caches. Its pairing accuracy is printed as a sanity figure only (the English
  comes from the same dictionary, so it is not an accuracy measure).
* lexicon: CC-CEDICT index ready in a fresh process with the disk cache warm (target
  < 0.5 s), against ``python -c pass``.

Target for the whole build (read + pair + glossary): >= 500 records/s, i.e. pairing well
under 2 ms per record; aim < 0.5 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _dev_records() -> list:  # type: ignore[type-arg]
    from termkit.model import Person, Record

    out = []
    path = ROOT / "tests" / "data" / "align" / "dev.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out.append(
            Record(
                source=str(path),
                id=r["id"],
                title_en=r.get("title_en"),
                title_zh=r.get("title_zh"),
                keywords_zh=r["keywords_zh"],
                keywords_en=r["keywords_en"],
                authors=[Person(zh, en) for zh, en in r["gold"]["authors"]],
            )
        )
    return out


def _fresh_records(n: int) -> tuple[list, list[set[tuple[str, str]]]]:  # type: ignore[type-arg]
    import gzip

    from termkit.lexicon import cedict_path, gloss_phrases
    from termkit.model import Record

    words: list[tuple[str, str]] = []
    seen: set[str] = set()
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            trad, _simp, rest = line.split(" ", 2)
            if not (2 <= len(trad) <= 4) or trad in seen or rest[1:2].isupper():
                continue
            glosses = tuple(g for g in rest.split("] /", 1)[1].strip().strip("/").split("/"))
            first = glosses[0]
            if not gloss_phrases((first,)) or "(" in first or len(first) > 30:
                continue
            seen.add(trad)
            words.append((trad, first.removeprefix("to ")))
    rng = random.Random(7)
    rng.shuffle(words)
    records, gold = [], []
    pos = 0
    for i in range(n):
        k = 4 + i % 3
        chunk = words[pos : pos + k]
        pos += k
        en = [e for _, e in chunk]
        rng.shuffle(en)
        records.append(Record("fresh", f"f{i}", keywords_zh=[z for z, _ in chunk], keywords_en=en))
        gold.append(set(chunk))
    return records, gold


def _time(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    """Median CPU time of ``fn`` (process time: steadier than wall time on a busy machine)."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def _fresh_process(code: str, runs: int = 5) -> tuple[float, float]:
    """Median (wall, CPU) seconds that ``code`` reports for itself in a fresh interpreter."""
    walls, cpus = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.split()
        walls.append(float(out[0]))
        cpus.append(float(out[1]))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    quick = "--quick" in sys.argv
    n_dev = 2_000 if quick else 20_000
    n_fresh = 300 if quick else 3_000

    from termkit.align import pair_record
    from termkit.lexicon import get_lexicon

    lex = get_lexicon()
    base = _dev_records()
    dev = [base[i % len(base)] for i in range(n_dev)]
    pair_record(base[0])  # import names/pypinyin once, as a real run does

    def positional() -> None:
        for r in dev:
            list(zip(r.keywords_zh, r.keywords_en, strict=False))

    def pairing() -> None:
        for r in dev:
            pair_record(r, lexicon=lex)

    pairing()  # warm the per-word caches
    t_anchor = _time(positional)
    t_pair = _time(pairing)
    per = t_pair / n_dev
    print(f"dev records (warm), {n_dev} records, CPU time:")
    print(f"  positional anchor : {n_dev / t_anchor:12,.0f} records/s")
    print(f"  pair_record       : {n_dev / t_pair:12,.0f} records/s  ({per * 1e3:.3f} ms/record)")
    print(f"  ratio pair/anchor : {t_pair / t_anchor:12,.1f}x")

    fresh, gold = _fresh_records(n_fresh)
    t = time.process_time()
    results = [pair_record(r, lexicon=lex) for r in fresh]
    t_fresh = time.process_time() - t
    found = [{(p.zh, p.en) for p in res.pairs} for res in results]
    tp = sum(len(f & g) for f, g in zip(found, gold, strict=True))
    n_found = sum(len(f) for f in found)
    n_gold = sum(len(g) for g in gold)
    print(f"fresh vocabulary (cold word caches), {n_fresh} records, CPU time:")
    print(
        f"  pair_record       : {n_fresh / t_fresh:12,.0f} records/s  "
        f"({t_fresh / n_fresh * 1e3:.3f} ms/record)"
    )
    print(f"  ratio fresh/warm  : {t_fresh / n_fresh / per:12,.1f}x")
    print(
        f"  sanity (dictionary's own first glosses): precision {tp / max(n_found, 1):.3f} "
        f"recall {tp / n_gold:.3f}"
    )

    get_lexicon.cache_clear()
    get_lexicon()  # make sure the disk cache exists
    timer = "import time; t = time.perf_counter(); c = time.process_time(); "
    report = "; print(time.perf_counter() - t, time.process_time() - c)"
    pass_wall, pass_cpu = _fresh_process(timer + "pass" + report)
    lex_wall, lex_cpu = _fresh_process(
        timer + "from termkit.lexicon import get_lexicon; get_lexicon()" + report
    )
    print(f"lexicon warm start in a fresh process (median of 5, load average {_load()}):")
    print(f"  import + load     : {lex_wall * 1e3:8.0f} ms wall, {lex_cpu * 1e3:6.0f} ms CPU")
    print(f"  anchor (nothing)  : {pass_wall * 1e3:8.3f} ms wall, {pass_cpu * 1e3:6.3f} ms CPU")
    print("  target            : < 500 ms")
    ok = per < 0.002 and min(lex_wall, lex_cpu) < 0.5
    print("targets met" if ok else "TARGETS MISSED")


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
