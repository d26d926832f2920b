"""Byte-identity gate for `termkit build` outputs: write every case into a folder, to compare
with the same run of another code tree (``diff -r``).

``python benchmarks/gate_build_identity.py OUT [--quick]``

Runs the termkit of the tree this script sits in (its root first on ``sys.path``), so a copy
of the script in an older tree (``git archive REV | tar -x -C BASE``) writes that tree's
outputs. Cases:

* ``lib-fresh-*``: :func:`termkit.build.write_build` of the fresh-vocabulary glossary of
  benchmarks/bench_build.py (3,000 records; 500 with ``--quick``) with the default
  ``--max-sources``, without a limit, without exports, with one source, with zhuyin, and
  written by two jobs;
* ``lib-dev-*``: the same for the 95 dev records and the bundled example;
* ``cli-*``: ``python -m termkit build`` (a fresh process) of the dev pages, of the real pages
  of tests/data/records/real (``heldout`` and ``learn``) and real2 (``pages``), of the fresh
  pages (``--jobs 2``) and of the bundled example, with ``--no-exports``, ``--max-sources``
  0 and 1, ``--zhuyin``; inputs are given relative to the folder that holds them, so the
  glossary header (which names them) does not depend on OUT.

The example's output is also compared here with the committed ``glossaries/example``.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIB_VARIANTS: dict[str, dict[str, object]] = {
    "default": {"max_sources": 3},
    "unlimited": {"max_sources": None},
    "no-exports": {"max_sources": 3, "exports": False},
    "one-source": {"max_sources": 1},
    "jobs2": {"max_sources": 3, "jobs": 2},
}
CLI_VARIANTS: dict[str, list[str]] = {
    "default": [],
    "no-exports": ["--no-exports"],
    "max0": ["--max-sources", "0"],
    "max1": ["--max-sources", "1"],
    "zhuyin": ["--zhuyin"],
}


def _lib_cases(pages: list[bytes], label: str, out: Path) -> None:
    from termkit.align import pair_record
    from termkit.build import paused_gc, write_build
    from termkit.glossary import add_zhuyin, build_glossary
    from termkit.records import parse_records

    with paused_gc():
        records = [r for i, data in enumerate(pages) for r in parse_records(data, f"rec{i}.txt")]
        glossary = build_glossary([pair_record(r) for r in records])
        for name, options in LIB_VARIANTS.items():
            write_build(glossary, str(out / f"lib-{label}-{name}"), **options)  # type: ignore[arg-type]
        write_build(add_zhuyin(glossary), str(out / f"lib-{label}-zhuyin"), max_sources=3)


def _cli(folder: Path, inputs: list[str], target: Path, extra: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "termkit", "build", *inputs, "-o", str(target), "-q",
                    *extra], cwd=folder, env=env, check=True)


def _write_pages(pages: list[bytes], folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i, data in enumerate(pages):
        name = f"rec{i:05d}.txt"
        (folder / name).write_bytes(data)
        names.append(name)
    return names


def main() -> None:
    from benchmarks.bench_build import dev_pages, fresh_pages

    out = Path(sys.argv[1]).resolve()
    quick = "--quick" in sys.argv
    out.mkdir(parents=True, exist_ok=False)
    dev = dev_pages(96)
    fresh = fresh_pages(500 if quick else 3000)
    _lib_cases(dev, "dev", out)
    _lib_cases(fresh, "fresh", out)

    pages = out / "pages"
    dev_names = _write_pages(dev, pages / "dev")
    for name, extra in CLI_VARIANTS.items():
        _cli(pages / "dev", dev_names, out / f"cli-dev-{name}", [*extra, "--jobs", "1"])
    real = ROOT / "tests" / "data" / "records"
    for label, folder in (("real", real / "real"), ("real2", real / "real2")):
        names = sorted(str(p.relative_to(folder)) for p in folder.glob("*/*.txt"))
        for name, extra in CLI_VARIANTS.items():
            _cli(folder, names, out / f"cli-{label}-{name}", extra)
    fresh_names = _write_pages(fresh, pages / "fresh")
    _cli(pages / "fresh", fresh_names, out / "cli-fresh-jobs2", ["--jobs", "2"])
    for name, extra in CLI_VARIANTS.items():  # from the root, as glossaries/example was made
        _cli(ROOT, ["termkit/data/example-record.txt"], out / f"cli-example-{name}", extra)
    committed = ROOT / "glossaries" / "example"
    cmp = filecmp.dircmp(out / "cli-example-default", committed)
    names = sorted(p.name for p in committed.iterdir() if p.name.startswith("glossary"))
    _match, mismatch, errors = filecmp.cmpfiles(out / "cli-example-default", committed, names,
                                                shallow=False)
    if mismatch or errors or cmp.left_only:
        sys.exit(f"glossaries/example differs: {mismatch + errors + cmp.left_only}")
    total = sum(1 for p in out.rglob("*") if p.is_file() and "pages" not in p.parts)
    print(f"{total} output files written to {out}; glossaries/example matches")


if __name__ == "__main__":
    main()
