"""What the progress line costs: the same long run with and without it, same process.

The anchor is the run without a progress line (stderr not a terminal: the library gets no
callback and reads the file directly). With it, the input goes through
:class:`termkit.inputs.CountingReader` and every read calls :meth:`Progress.update`, drawing
at most ten times a second (here to ``/dev/null``, as to a terminal).

Two runs, each best of ``--repeat`` in interleaved rounds, CPU time (``time.process_time``)
beside wall time:

* ``tm import``'s reading: every unit of a generated TMX (``iter_file_units``);
* ``convert``: a generated text through the glossary-free s2twp converter.

    python benchmarks/bench_progress.py            # 200k units, 20 MB of text
    python benchmarks/bench_progress.py --quick    # 20k units, 2 MB
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _tmx(path: Path, n: int) -> None:
    from termkit.formats.tmx import write_units
    from termkit.model import Unit, Variant

    units = (Unit(f"c{i}", [Variant("en", f"balance of power {i}"),
                            Variant("zh-Hant-TW", f"權力平衡{i}")], "en") for i in range(n))
    with open(path, "wb") as fh:
        write_units(units, fh)


def _bar() -> object:
    from termkit.cli.progress import Progress

    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the run
    bar = Progress("bench", None, "B", stream=sink, enabled=True)
    bar.delay = 0.0
    return bar


def read_units(path: Path, with_progress: bool) -> int:
    from termkit.tm.sources import iter_file_units

    callback = _bar().after(0) if with_progress else None  # type: ignore[attr-defined]
    return sum(1 for _ in iter_file_units(str(path), progress=callback))


def convert_text(path: Path, with_progress: bool) -> int:
    from termkit.convert import Converter, check_config
    from termkit.convert.files import convert_text_stream
    from termkit.inputs import counting

    conv = Converter(check_config("s2twp"), None)
    out = io.BytesIO()
    callback = _bar().after(0) if with_progress else None  # type: ignore[attr-defined]
    with open(path, "rb") as fh:
        convert_text_stream(counting(fh, callback), str(path), conv, out.write)
    return len(out.getvalue())


def best(fn: Callable[[], int], runs: list[tuple[float, float]]) -> None:
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    runs.append((time.perf_counter() - w0, time.process_time() - c0))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    units = 20_000 if args.quick else 200_000
    lines = 100_000 if args.quick else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        tmx = Path(tmp) / "units.tmx"
        _tmx(tmx, units)
        text = Path(tmp) / "text.txt"
        text.write_text("软件和信息的权力平衡与现实主义\n" * lines, encoding="utf-8")
        print(f"tm import reading: {units:,} units, {tmx.stat().st_size / 1e6:.1f} MB; "
              f"convert: {text.stat().st_size / 1e6:.1f} MB; best of {args.repeat}")
        for name, fn, path in (("tm import read", read_units, tmx),
                               ("convert s2twp", convert_text, text)):
            plain: list[tuple[float, float]] = []
            shown: list[tuple[float, float]] = []
            for _ in range(args.repeat):
                best(lambda fn=fn, path=path: fn(path, False), plain)  # type: ignore[misc]
                best(lambda fn=fn, path=path: fn(path, True), shown)  # type: ignore[misc]
            pw, pc = min(w for w, _ in plain), min(c for _, c in plain)
            sw, sc = min(w for w, _ in shown), min(c for _, c in shown)
            print(f"{name:15} without {pc:6.2f} s CPU ({pw:6.2f} s wall)  with progress "
                  f"{sc:6.2f} s CPU ({sw:6.2f} s wall)  ratio {sc / pc:.3f} CPU "
                  f"({sw / pw:.3f} wall)")


if __name__ == "__main__":
    main()
