"""Benchmark: peak memory of `termkit pinyin -i` and `termkit detect` on one very long line.

Issue 13 measured `pinyin -i` on a 50 MB single-line file at 3.0 GB (10 MB as one line:
555 MB, against 117 MB for the same text split into lines). Both commands now stream the text
in bounded windows; the target is under 200 MB for 50 MB on one line. The anchor, in the same
run, is the same text split into lines (what the issue compared against), and the input size.

Text: the Chinese paragraphs of /work/shared/data/parallel/dev.jsonl (Kubernetes docs, CC BY
4.0) and the titles and keywords of /work/shared/data/records/dev.jsonl (as in
bench_pinyin.py), repeated to the size, joined by "。" into one line (or by newlines).
Each command runs in a fresh process; peak RSS comes from wait4, CPU time beside wall time.
The runs use a private cache folder (XDG_CACHE_HOME), warmed by one small run first: termkit
builds its dictionary caches once per machine (that first run peaks near 280 MB whatever the
input), and other termkit environments sharing ~/.cache would otherwise rebuild them mid-run.

    python benchmarks/bench_memory.py [--quick] [--mb N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_pinyin import corpus


def write_text(path: Path, megabytes: float, one_line: bool) -> int:
    base = corpus(200_000)
    if one_line:
        base = base.replace("\n", "。")
    data = base.encode("utf-8")
    target = int(megabytes * 1_000_000)
    with open(path, "wb") as fh:
        written = 0
        while written < target:
            piece = data[: target - written]
            piece = piece[: len(piece.decode("utf-8", "ignore").encode("utf-8"))]
            if not piece:
                break
            fh.write(piece)
            written += len(piece)
        if not one_line:
            fh.write(b"\n")
    return path.stat().st_size


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(peak RSS in MB, wall seconds, CPU seconds) of one termkit run."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "termkit", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"termkit {' '.join(args)} failed: {err}")
    return usage.ru_maxrss / 1024, wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 MB instead of 50 MB")
    ap.add_argument("--mb", type=float, default=None, help="input size in MB")
    args = ap.parse_args()
    mb = args.mb or (5.0 if args.quick else 50.0)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        cold, _, _ = measure(["pinyin", "權力平衡"], env)
        print(f"cold-cache start-up (builds the caches once): {cold:.0f} MB peak")
        one = Path(tmp) / "one-line.txt"
        lines = Path(tmp) / "lines.txt"
        size = write_text(one, mb, True)
        write_text(lines, mb, False)
        print(f"input: {size / 1e6:.1f} MB of Chinese text (one line), same text in lines")
        print(f"{'command':<34}{'peak MB':>9}{'wall s':>9}{'CPU s':>9}")
        results = {}
        for name, cmd in (
            ("pinyin -i, one line", ["pinyin", "-i", str(one), "-o", os.devnull]),
            ("pinyin -i, split in lines", ["pinyin", "-i", str(lines), "-o", os.devnull]),
            ("detect --expect hant, one line", ["detect", "--expect", "hant", str(one)]),
            ("detect --expect hant, lines", ["detect", "--expect", "hant", str(lines)]),
        ):
            peak, wall, cpu = measure(cmd, env)
            results[name] = peak
            print(f"{name:<34}{peak:>9.0f}{wall:>9.1f}{cpu:>9.1f}")
        ratio = results["pinyin -i, one line"] / results["pinyin -i, split in lines"]
        print(f"pinyin one line / split in lines: {ratio:.2f}x peak memory; "
              f"target < 200 MB at 50 MB: {results['pinyin -i, one line']:.0f} MB")


if __name__ == "__main__":
    main()
