"""`termkit build` writes the same bytes whatever the interpreter's string hashing.

Python randomizes string hashes per process, so anything that depends on the iteration order
of a set of strings differs from one run to the next. The 95 dev records, built in two
processes with different hash seeds, must give byte-identical folders.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.devrecords import load_all_dev, render_page


def _build(inputs: list[str], out: Path, seed: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [sys.executable, "-m", "termkit", "build", *inputs, "-o", str(out), "-q"],
        check=True, env=env, capture_output=True,
    )
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def test_build_output_does_not_depend_on_string_hashing(tmp_path: Path) -> None:
    inputs = []
    for i, rec in enumerate(load_all_dev()):
        page = tmp_path / f"dev{i:02d}.txt"
        page.write_text(render_page(rec), encoding="utf-8")
        inputs.append(str(page))
    first = _build(inputs, tmp_path / "a", "1")
    second = _build(inputs, tmp_path / "b", "2")
    assert len(first) == 9  # glossary.txt, its sources sidecar, JSON and six exports
    assert first == second
