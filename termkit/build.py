"""Building a glossary from record files, and writing it into a folder with every export.

:func:`glossary_from_files` and :func:`glossary_from_records` read, pair and merge records,
in worker processes when asked for several jobs (see :mod:`termkit.parallel`): each record's
glossary is made in a worker and the parent merges them in input order, so the result is the
same, byte for byte, as in one process. Small inputs (fewer than :data:`MIN_PARALLEL` files or
records) stay in one process, which is faster than starting workers.

With ``max_sources`` the glossary and the exports list at most that many sources per concept
and term (with the total), and the full lists go to ``glossary.sources.jsonl`` beside
``glossary.txt`` (see :mod:`termkit.provenance`), so that every file but the sidecar grows
with the number of concepts, not of records.

The folder is staged (see :func:`termkit.io.staged_directory`): if any writer fails,
nothing in the target folder changes. :func:`paused_gc` is how a build runs its batch (no cycle collection, its
objects frozen after).
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from termkit import formats
from termkit.model import Glossary, Record
from termkit.provenance import SIDECAR_SUFFIX, limit_sources, sidecar_lines

GLOSSARY_FILE = "glossary.txt"
JSON_FILE = "glossary.json"
SOURCES_FILE = "glossary" + SIDECAR_SUFFIX

# (file name, format, writer options): the exports `termkit build` writes next to the glossary.
EXPORTS: list[tuple[str, str, dict[str, Any]]] = [
    ("glossary.tmx", "tmx", {}),
    ("glossary.tbx", "tbx", {}),
    ("glossary.zh_TW.po", "po", {"locale": "zh_TW"}),
    ("glossary.zh_CN.po", "po", {"locale": "zh_CN"}),
    ("glossary.omegat.tsv", "omegat", {}),
    ("glossary.csv", "csv", {}),
]



def output_names() -> list[str]:
    """Every file a build may write into its output folder."""
    return [GLOSSARY_FILE, SOURCES_FILE, JSON_FILE, *(name for name, _, _ in EXPORTS)]


# Below this many files (or records), a build stays in one process: forking workers and
# sending results back costs more than it saves (about 2 ms of work a record).
MIN_PARALLEL = 256


def warm_up() -> None:
    """Load what pairing and glossary building load on first use (the dictionary, OpenCC,
    pypinyin, the name tables) by building the bundled example record, so that workers forked
    afterwards share them instead of each loading its own."""
    from importlib.resources import files

    from termkit.records import parse_records

    data = files("termkit").joinpath("data/example-record.txt").read_bytes()
    record_glossaries(parse_records(data, "example-record.txt"))


def record_glossaries(records: Sequence[Record]) -> list[Glossary]:
    """Each record paired and made into its own glossary (what a worker sends back)."""
    from termkit.align import pair_record
    from termkit.glossary import glossary_from_pairing

    return [glossary_from_pairing(pair_record(r)) for r in records]


def file_glossaries(task: tuple[str, str | None]) -> list[Glossary]:
    """The glossaries of the records of one file; ``task`` is (path, record format or None)."""
    from termkit.records import read_records

    path, record_format = task
    return record_glossaries(read_records(path, format=record_format))


def use_workers(jobs: int, count: int) -> bool:
    """True when a build of ``count`` files or records runs in ``jobs`` worker processes."""
    from termkit.parallel import can_fork

    return jobs > 1 and count >= MIN_PARALLEL and can_fork()


def _chunksize(count: int, jobs: int) -> int:
    # Enough chunks to keep every worker busy to the end and the parent merging as results
    # come, few enough that sending them costs little.
    return max(1, min(32, count // (jobs * 12)))


def glossary_from_files(
    paths: Sequence[str],
    record_format: str | None,
    *,
    jobs: int = 1,
    done: Callable[[str], None] | None = None,
) -> tuple[int, Glossary]:
    """Read, pair and merge the records of ``paths``: (number of records, glossary).

    With ``jobs`` > 1 and enough files (:func:`use_workers`), the files are read and paired
    in that many forked workers; the result is the same as in one process, and so is the
    error raised for the first file (in input order) that fails. ``done(path)`` is called as
    each file's records are merged (for a progress line). ``-`` (stdin) is read in one process.
    """
    from termkit.glossary import merge_record_glossaries

    count = 0

    def merged_in_order() -> Iterator[Glossary]:
        nonlocal count
        tasks = [(p, record_format) for p in paths]
        if use_workers(jobs, len(paths)) and "-" not in paths:
            from termkit.parallel import ordered_map

            warm_up()
            results = ordered_map(file_glossaries, tasks, jobs,
                                  chunksize=_chunksize(len(tasks), jobs))
        else:
            results = map(file_glossaries, tasks)
        for path, glossaries in zip(paths, results, strict=True):
            count += len(glossaries)
            yield from glossaries
            if done is not None:
                done(path)

    glossary = merge_record_glossaries(merged_in_order())
    return count, glossary


def glossary_from_records(
    records: Sequence[Record], *, jobs: int = 1, done: Callable[[int], None] | None = None
) -> Glossary:
    """Pair and merge ``records`` (already read), in ``jobs`` forked workers when there are
    enough of them (:func:`use_workers`); the same result as in one process.
    ``done(n)`` is called as each batch of ``n`` records is merged."""
    from termkit.glossary import merge_record_glossaries

    def merged_in_order() -> Iterator[Glossary]:
        if use_workers(jobs, len(records)):
            from termkit.parallel import ordered_map

            warm_up()
            size = _chunksize(len(records), jobs)
            chunks = [records[i : i + size] for i in range(0, len(records), size)]
            results: Iterator[list[Glossary]] = ordered_map(record_glossaries, chunks, jobs)
        else:
            results = ([g] for g in record_glossaries(records))
        for glossaries in results:
            yield from glossaries
            if done is not None:
                done(len(glossaries))

    return merge_record_glossaries(merged_in_order())


def _available(fmt_name: str) -> bool:
    return importlib.util.find_spec(formats.get(fmt_name).module) is not None


# What writing each file costs, roughly (CPU ms per 1,000 concepts, each file written on its
# own from the glossary of a 3,000-record fresh-vocabulary build): how the files are shared
# out among jobs.
_WRITE_COST = {"termkit": 10, "json": 18, "tmx": 8, "tbx": 10, "po": 10, "omegat": 4,
               "csv": 8, "sidecar": 10, "po-catalogs": 16}

# Below this many concepts the files are written one after the other (a worker costs more).
MIN_PARALLEL_WRITE = 2000


def write_build(
    glossary: Glossary,
    outdir: str,
    *,
    exports: bool = True,
    max_sources: int | None = None,
    jobs: int = 1,
) -> list[str]:
    """Write ``glossary.txt``, ``glossary.json`` and the exports into ``outdir``; return the names.

    With ``max_sources``, the files list at most that many sources per concept and term and
    ``glossary.sources.jsonl`` holds them all (see the module docstring). With ``jobs`` > 1
    and a large glossary, the files are written side by side in forked workers (the same
    bytes); if any writer fails, nothing in ``outdir`` changes.
    """
    from termkit.io import stage_file, staged_directory
    from termkit.parallel import can_fork, run_groups

    full = glossary
    if max_sources is not None:
        glossary = limit_sources(glossary, max_sources)

    plan: list[tuple[str, str, dict[str, Any]]] = [
        (GLOSSARY_FILE, "termkit", {}),
        (JSON_FILE, "json", {}),
    ]
    if exports:
        plan.extend(e for e in EXPORTS if _available(e[1]))
    # The PO catalogs (one per locale) are planned and written together: they hold the same
    # concepts with the same English, references and comments (termkit.formats.po_write).
    catalogs = [(name, options["locale"]) for name, fmt_name, options in plan
                if fmt_name == "po" and set(options) == {"locale"}]
    with staged_directory(outdir) as stage:
        tasks: list[tuple[int, Callable[[], None]]] = []
        for name, fmt_name, options in plan:
            if len(catalogs) > 1 and (name, options.get("locale")) in catalogs:
                if name == catalogs[0][0]:
                    def write_catalogs() -> None:
                        from termkit.formats import po_write

                        with contextlib.ExitStack() as files:
                            streams = [(files.enter_context(stage_file(stage, outdir, n)), locale)
                                       for n, locale in catalogs]
                            po_write.write_catalogs(glossary, streams)

                    tasks.append((_WRITE_COST["po-catalogs"], write_catalogs))
                continue
            def write(name: str = name, fmt_name: str = fmt_name,
                      options: dict[str, Any] = options) -> None:
                with stage_file(stage, outdir, name) as fh:
                    formats.get(fmt_name).write_glossary(glossary, fh, **options)

            tasks.append((_WRITE_COST.get(fmt_name, 20), write))
        if max_sources is not None:
            def write_sidecar() -> None:
                with stage_file(stage, outdir, SOURCES_FILE) as fh:
                    fh.write("".join(sidecar_lines(full)).encode("utf-8"))

            tasks.append((_WRITE_COST["sidecar"], write_sidecar))
        if jobs > 1 and len(glossary) >= MIN_PARALLEL_WRITE and can_fork():
            run_groups(_share_out(tasks, jobs))
        else:
            for _, task in tasks:
                task()
    names = [name for name, _, _ in plan]
    return names if max_sources is None else [names[0], SOURCES_FILE, *names[1:]]


def _share_out(tasks: list[tuple[int, Callable[[], None]]], jobs: int) -> list[list[Callable[[], None]]]:
    """The tasks in at most ``jobs`` groups of about equal cost (the costliest first, each to
    the group with the least so far); the first group, run by the caller, gets the most."""
    jobs = min(jobs, len(tasks))  # a group per job was made first: -j 99999999999 never ended
    groups: list[tuple[int, list[Callable[[], None]]]] = [(0, []) for _ in range(jobs)]
    for cost, task in sorted(tasks, key=lambda t: -t[0]):
        i = min(range(jobs), key=lambda k: groups[k][0])
        groups[i] = (groups[i][0] + cost, [*groups[i][1], task])
    groups.sort(key=lambda g: -g[0])
    return [g for _, g in groups if g]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold back Python's cycle collector for a batch, and exempt what the batch leaves alive.

    A build keeps everything it makes — records, pairings, the glossary, dictionary caches:
    millions of objects for a few thousand records — until the process ends, and the
    interpreter's collections would walk that heap again and again: full collections were a
    third of the CPU time of a fresh-vocabulary build, young ones (which look at every new
    object twice) 7%, and the full collection that comes due once collection resumes another
    6% (0.5 s for 3,000 records). So the collector is off during the batch, and the objects
    alive at its end are frozen (``gc.freeze``: moved out of every generation, never walked
    again) before it comes back as it was. A build makes next to no cyclic garbage (the
    recursive helpers of the name and acronym matchers do not close over themselves;
    tests/test_build_gc.py keeps it so), and reference counting frees the rest. The cost of
    freezing: a cycle among those objects made garbage later is not collected (the command
    ends with the batch; the library's own functions do not use this).
    """
    enabled = gc.isenabled()
    young, middle, full = gc.get_threshold()
    gc.disable()
    gc.set_threshold(young, middle, 1 << 30)  # should anything collect meanwhile: not a full one
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(young, middle, full)
        if enabled:
            gc.enable()
