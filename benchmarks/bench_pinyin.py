"""Benchmark: termkit pinyin annotation against plain pypinyin on the same text, same run.

Text: the Chinese paragraphs of /work/shared/data/parallel/dev.jsonl (Kubernetes docs, CC BY
4.0) plus the titles and keywords of /work/shared/data/records/dev.jsonl, repeated to the
target size, in Simplified and (via OpenCC s2t) Traditional. Glossary: 10,000 CC-CEDICT words
(every word of the text first, then other headwords), readings from pypinyin. Prints ratios
to pypinyin's time (best of N interleaved runs, wall and CPU); also `termkit pinyin`
start-up (subprocess, median of 5).

    python benchmarks/bench_pinyin.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")


def corpus(chars: int) -> str:
    """Real Chinese text repeated to about ``chars`` characters."""
    parts: list[str] = []
    for line in (SHARED / "parallel" / "dev.jsonl").read_text("utf-8").splitlines():
        parts.append(json.loads(line)["zh"])
    for line in (SHARED / "records" / "dev.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        parts.append(rec.get("title_zh") or "")
        parts.append("；".join(rec.get("keywords_zh") or []))
    base = "\n".join(p for p in parts if p)
    return (base + "\n") * max(1, chars // len(base))


def glossary_terms(text: str, size: int, *, from_text: bool) -> list[tuple[str, str]]:
    """``size`` (term, reading) pairs of CC-CEDICT words: the text's own words first
    (``from_text``), or only words that do not occur in the text (worst case: no help)."""
    from pypinyin import pinyin

    from termkit.lexicon import get_lexicon

    lex = get_lexicon()
    words: dict[str, None] = {}
    if from_text:
        for w in lex.segment(text):
            if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w):
                words.setdefault(w)
    for w in sorted(lex._index):  # headwords, deterministic order
        if len(words) >= size:
            break
        chinese = 2 <= len(w) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in w)
        if chinese and (from_text or w not in text):
            words.setdefault(w)
    return [(w, "".join(p[0] for p in pinyin(w))) for w in list(words)[:size]]


def timed(fn: Callable[[], Any], anchor: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(wall ratio, CPU ratio) of ``fn`` to ``anchor``, best of ``repeat`` runs of each.

    The two alternate so that a load change on the shared machine hits both; the minimum is
    the least noisy figure, and CPU time (process_time) is less disturbed by other jobs.
    """
    walls: dict[int, list[float]] = {0: [], 1: []}
    cpus: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(repeat):
        for k, f in ((0, anchor), (1, fn)):
            wall, cpu = time.perf_counter(), time.process_time()
            f()
            cpus[k].append(time.process_time() - cpu)
            walls[k].append(time.perf_counter() - wall)
    return min(walls[1]) / min(walls[0]), min(cpus[1]) / min(cpus[0])


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds of ``fn``, best of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus)


def startup(args: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "termkit", *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small text, fewer repeats")
    opts = ap.parse_args()
    size, repeat = (30_000, 3) if opts.quick else (300_000, 5)

    import opencc
    from pypinyin import pinyin

    from termkit.pinyin import GlossaryReadings, annotate, reading, term_pinyin
    from termkit.pinyin.compat import syllables

    simp = corpus(size)
    s2t = opencc.OpenCC("s2t")
    trad = s2t.convert(simp)
    glossaries = {}
    for kind, from_text in (("text words", True), ("unrelated words", False)):
        start = time.perf_counter()
        gloss = GlossaryReadings()
        for term, read in glossary_terms(simp, 10_000, from_text=from_text):
            gloss.add(term, read)  # the term in both scripts, as a glossary has it
            gloss.add(s2t.convert(term), read)
        gloss.matches("预热")  # build the automaton
        glossaries[kind] = gloss
        print(f"glossary of 10,000 {kind}: {len(gloss.readings):,} forms, "
              f"built in {time.perf_counter() - start:.2f} s")
    term_pinyin("预热")  # warm caches: pypinyin, OpenCC, lexicon
    print(f"text: {len(simp):,} characters")

    for label, text in (("Simplified", simp), ("Traditional", trad)):
        wall, cpu = best(lambda text=text: pinyin(text), repeat)
        print(f"\n{label}: pypinyin.pinyin {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
              f"({len(text) / cpu / 1e3:.0f} k chars/s); ratios to it, interleaved runs:")
        for kind, gloss in (("no glossary", None), *glossaries.items()):
            rows = [
                ("syllables (pypinyin API)", lambda text=text, g=gloss: syllables(text, glossary=g)),
                ("annotate, no grouping", lambda text=text, g=gloss: annotate(text, glossary=g, words=False)),
                ("annotate + words", lambda text=text, g=gloss: reading(annotate(text, glossary=g))),
            ]
            for name, fn in rows:
                rw, rc = timed(fn, lambda text=text: pinyin(text), repeat)
                print(f"  {kind:<16} {name:<26} wall {rw:4.2f}x  CPU {rc:4.2f}x")

    print("\nstart-up (subprocess, median of 5):")
    for args in (["pinyin", "--help"], ["pinyin", "中文"], ["pinyin", "--no-words", "中文"],
                 ["pinyin", "--name", "曾國藩"]):
        print(f"  termkit {' '.join(args):<24} {startup(args) * 1000:5.0f} ms")


if __name__ == "__main__":
    main()
