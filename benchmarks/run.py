"""Run every benchmark: ``python benchmarks/run.py [--quick] [NAME...]``.

Each ``benchmarks/bench_*.py`` is a standalone script comparing termkit against its anchor
(plain OpenCC, plain pypinyin, translate-toolkit …) in the same run and printing ratios.
``--quick`` is passed on to each script for a small, fast run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("-")]
    scripts = sorted(HERE.glob("bench_*.py"))
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
