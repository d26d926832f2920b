"""Run every benchmark: ``python benchmarks/run.py [--quick] [NAME...]``.

Each ``benchmarks/bench_*.py`` is a standalone script comparing termkit against its anchor
(plain OpenCC, plain pypinyin, translate-toolkit …) in the same run and printing ratios.
``--quick`` is passed on to each script for a small, fast run. A NAME picks the scripts whose
name contains it (``convert`` runs ``bench_convert.py``); ``-h`` lists the names.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if "-h" in argv or "--help" in argv:
        # Not a run of everything (the whole set takes a quarter of an hour).
        print(__doc__.strip())
        print("\nNAMEs: " + " ".join(s.stem.removeprefix("bench_") for s in scripts))
        return 0
    unknown = [a for a in argv if a.startswith("-") and a != "--quick"]
    if unknown:
        print(f"run.py: unknown option {unknown[0]!r}; usage: python benchmarks/run.py "
              "[--quick] [NAME...] (-h for the names)", file=sys.stderr)
        return 2
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("-")]
    missing = [n for n in names if not any(n in s.stem for s in scripts)]
    if missing:
        print(f"run.py: no benchmark named {missing[0]!r}; names: "
              + " ".join(s.stem.removeprefix("bench_") for s in scripts), file=sys.stderr)
        return 2
    if names:
        scripts = [s for s in scripts if any(n in s.stem for n in names)]
    failed = 0
    for script in scripts:
        print(f"\n===== {script.stem} =====", flush=True)
        cmd = [sys.executable, str(script)] + (["--quick"] if quick else [])
        rc = subprocess.call(cmd)
        if rc:
            print(f"{script.stem} exited with {rc}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
