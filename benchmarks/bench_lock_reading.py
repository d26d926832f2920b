"""Benchmark: where the word-aware lock's time goes, and what other readings of the text cost.

    python benchmarks/bench_lock_reading.py [--quick] [--size-mb N]

Same glossary and texts as ``bench_convert.py`` (10,000 concepts; ordinary and dense
Traditional text, Simplified by plain OpenCC t2s). For each config, CPU time as a ratio to
plain OpenCC on the same text (best of three, in memory, no streaming):

- the lock compiled into OpenCC (``termkit.convert.compiled_lock``) with one form only (the
  config's own steps as single ``ocd`` dictionaries, ``termkit.convert.opencc_flat``, plus a
  lock pass with almost nothing to find: below 1 because those steps read faster than
  OpenCC's own groups), with the forms only (``words=False``), and with the forms and their
  bounding words (the default): the difference between the last two is the word-aware
  reading;
- the word-aware reading *alone* (forward maximum matching over forms and words, no
  conversion) by Aho–Corasick automata with leftmost-longest matches: pyahocorasick as the
  Python lock runs it (``Converter.matches``), and ``ahocorasick_rs`` and ``daachorse`` when
  they are installed (they are not termkit dependencies; ``pip install ahocorasick-rs
  daachorse`` to see them). A reading that costs more than the compiled lock's whole extra
  cost cannot replace it, whatever the rest costs;
- the reading with forms only by the same automata (the floor of any two-pass design that
  first finds the glossary forms), and the share of the text that lies between the nearest
  points no key crosses around a form occurrence (what a windowed word-aware reading would
  have to read again).

Targets of the lock (in ``bench_convert.py``): s2twp and tw2sp <= 1.3x, s2t and t2s <= 2x.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_convert import build_glossary, build_text, cedict_entries  # noqa: E402

from termkit.convert import Converter, opencc_converter  # noqa: E402
from termkit.convert.compiled_lock import compile_lock  # noqa: E402


def _cpu(fn: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _readers(keys: list[str]) -> dict[str, Callable[[str], Any]]:
    """Leftmost-longest readers over ``keys`` from the optional Rust automata installed."""
    out: dict[str, Callable[[str], Any]] = {}
    if importlib.util.find_spec("ahocorasick_rs"):
        import ahocorasick_rs

        rs = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        out["ahocorasick_rs"] = rs.find_matches_as_indexes
    if importlib.util.find_spec("daachorse"):
        import daachorse

        daac = daachorse.CharwiseDoubleArrayAhoCorasick(keys, daachorse.MATCH_KIND_LEFTMOST_LONGEST)
        out["daachorse"] = daac.find
    return out


def window_share(text: str, forms: list[str], keys: list[str]) -> float:
    """Share of ``text`` between the nearest points no key crosses around each form occurrence.

    A point between two characters is crossed only by a key holding that pair of characters,
    so a point whose pair is in no key is one every maximum-match reading stops at.
    """
    pairs = {k[i:i + 2] for k in keys for i in range(len(k) - 1)}
    longest = max(map(len, forms))
    covered = 0
    end = 0  # text before this is already counted
    table = set(forms)
    pos = 0
    n = len(text)
    while pos < n:
        size = next((s for s in range(min(longest, n - pos), 0, -1) if text[pos:pos + s] in table), 0)
        if not size:
            pos += 1
            continue
        start, stop = pos, pos + size
        while start > end and text[start - 1:start + 1] in pairs:
            start -= 1
        while stop < n and text[stop - 1:stop + 1] in pairs:
            stop += 1
        covered += stop - max(start, end)
        end = pos = stop
    return covered / n


def measure(config: str, text: str, glossary: Any) -> str:
    """One line of ratios to plain OpenCC for ``config`` on ``text``."""
    conv = Converter(config, glossary)
    locks = {form: lock.target for form, lock in conv.locks.items()}
    forms = list(locks)
    keys = forms + conv.bounding_words()
    plain_cc = opencc_converter(config)
    plain = _cpu(lambda: plain_cc.convert(text))
    cells: list[str] = []
    for name, lock, words in (("one form", dict([next(iter(locks.items()))]), []),
                              ("forms", locks, []), ("forms+words", locks, keys[len(forms):])):
        engine = compile_lock(config, lock, words)
        if engine is not None:
            cells.append(f"{name} {_cpu(lambda e=engine: e.convert(text)) / plain:.2f}")
    conv.matches(text)  # builds the automaton (the look-up budget is spent on large texts)
    cells.append(f"| reading: pyahocorasick {_cpu(lambda: conv.matches(text)) / plain:.2f}")
    for name, read in _readers(keys).items():
        cells.append(f"{name} {_cpu(lambda r=read: r(text)) / plain:.2f}")
    for name, read in _readers(forms).items():
        cells.append(f"{name} forms only {_cpu(lambda r=read: r(text)) / plain:.2f}")
    cells.append(f"| windows {window_share(text, forms, keys):.0%} of the text")
    return f"plain {plain:.3f} s  " + ", ".join(cells)


def main() -> int:
    """Run the measurements and print one line per text and config."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="0.3 MB texts, tw2sp and t2s only")
    ap.add_argument("--size-mb", type=float, default=1.0, help="text size in MB (default 1)")
    args = ap.parse_args()
    size = 0.3 if args.quick else args.size_mb
    configs = ("tw2sp", "t2s") if args.quick else ("s2twp", "tw2sp", "s2t", "t2s")
    cedict = cedict_entries()
    glossary = build_glossary(cedict)
    for dense in (False, True):
        hant = build_text(cedict, glossary, int(size * 1_000_000), dense)
        hans = opencc_converter("t2s").convert(hant)
        print(f"\n{'dense' if dense else 'ordinary'} text, {len(hant):,} characters; "
              "CPU time / plain OpenCC")
        for config in configs:
            text = hans if config.startswith("s") else hant
            print(f"{config:6} " + measure(config, text, glossary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
