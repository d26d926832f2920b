"""``termkit build`` and ``termkit extract``: article records -> pairings -> glossary."""

from __future__ import annotations

import os
from typing import Any

import click

from termkit.cli.common import (
    dictionary_note,
    dumps,
    folder_options,
    folder_output_option,
    json_option,
    note,
    warn,
)
from termkit.errors import UsageError
from termkit.provenance import DEFAULT_MAX_SOURCES
from termkit.records import EXTENSIONS as RECORD_EXTENSIONS
from termkit.records import FORMATS as RECORD_FORMATS

RECORD_GLOBS = " ".join(f"*{ext}" for ext in RECORD_EXTENSIONS)
CONFLICT_SOURCES = 3  # sources shown per conflict line on stderr (--conflicts FILE: all)
# Each job is a forked process: a mistyped -j 99999999999 made a fork storm. Far above any
# CPU count termkit runs on, and above what oversubscribing on purpose would try.
MAX_JOBS = 256


def _record_format_option(f: Any) -> Any:
    return click.option(
        "--format",
        "record_format",
        type=click.Choice(list(RECORD_FORMATS)),
        default=None,
        help="Record format of the inputs (default: detected from name and content).",
    )(f)


def record_files(inputs: tuple[str, ...], includes: tuple[str, ...],
                 excludes: tuple[str, ...], output: str | None = None, *,
                 quiet: bool = False) -> list[str]:
    """INPUTs with folders replaced by the record files in them (see termkit.inputs), never
    those in the ``output`` folder (``build . -o out`` run again), each file once (``build
    R R`` or a file of a folder given too would count its records twice)."""
    from termkit.build import output_names
    from termkit.inputs import distinct, expand_inputs, extension_globs
    from termkit.records import build_output_kind

    # The output folder, and the files a build writes there when that folder is read too
    # (`build . -o .` run again must not read its own glossary and sources as records).
    skip = [output, *(os.path.join(output, name) for name in output_names())] if output else []
    for folder in earlier_builds(inputs):
        # The output of another build inside a folder read (``build . -o out2`` after ``-o
        # out``): its glossary and exports are no records; the user's files beside them are.
        skip.extend(os.path.join(folder, name) for name in output_names())
        if not quiet and (output is None or os.path.realpath(folder) != os.path.realpath(output)):
            note(f"{folder}: the output of an earlier build (glossary.sources.jsonl); its "
                 "files are not read as records")
    if not includes:
        # A folder's own documentation (README.md, LICENSE.txt …) is no record page: read
        # as one, its file list became keyword pairs. --include takes such files again.
        excludes = (*excludes, *DOCUMENTATION_GLOBS)
    # Exports saved on Windows are often named in capitals (``CNKI-….TXT``, ``….NET``): the
    # default globs take both cases of each extension (a glob of --include is taken as given).
    defaults = extension_globs((*RECORD_EXTENSIONS, *(e.upper() for e in RECORD_EXTENSIONS)))
    paths = distinct(expand_inputs(inputs, includes or defaults, excludes, skip=skip))
    named = {os.path.realpath(p) for p in inputs if p != "-"}
    kept = []
    for path in paths:
        # A build's own output found in a folder (its sources file under another name, the
        # file --conflicts wrote): no records; named as an INPUT, it is refused as before.
        kind = None if path == "-" or os.path.realpath(path) in named else build_output_kind(path)
        if kind is None:
            kept.append(path)
        elif not quiet:
            note(f"{path}: {kind}; not read as records")
    return kept


def earlier_builds(inputs: tuple[str, ...]) -> list[str]:
    """The folders below the folder ``inputs`` that hold a build's sources file as termkit
    writes it (:data:`termkit.records.SIDECAR_KIND`), sorted."""
    from termkit.build import SOURCES_FILE
    from termkit.records import SIDECAR_KIND, build_output_kind

    found: set[str] = set()
    for top in inputs:
        if top == "-" or not os.path.isdir(top):
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            if SOURCES_FILE in files and \
                    build_output_kind(os.path.join(folder, SOURCES_FILE)) == SIDECAR_KIND:
                found.add(os.path.normpath(folder))
    return sorted(found)


# File names a folder of saved records may carry beside them that are never records (any
# case of the usual spellings; a GLOB without / matches the file name in any subfolder).
_DOCUMENTATION = ("readme", "license", "licence", "copying", "changelog", "changes", "notice",
                  "authors", "contributing", "provenance")
DOCUMENTATION_GLOBS = tuple(sorted({f"{spell}*" for stem in _DOCUMENTATION
                                    for spell in (stem, stem.upper(), stem.capitalize())}))


def _pairings(paths: list[str], record_format: str | None, *, quiet: bool = False) -> list[Any]:
    from termkit.align import pair_record
    from termkit.cli.progress import Progress
    from termkit.inputs import input_size
    from termkit.records import read_records

    records = []
    sizes = [input_size(p) for p in paths]
    total = sum(s or 0 for s in sizes) if None not in sizes else None
    show = False if quiet else None  # -q: no progress line either
    with Progress("Reading records", total, "B", enabled=show) as bar:
        for path, size in zip(paths, sizes, strict=True):
            records.extend(read_records(path, format=record_format))
            bar.advance(size or 0)
    with Progress("Pairing records", len(records), "records", enabled=show) as bar:
        return [pair_record(r) for r in bar.track(records)]


def _glossary(paths: list[str], record_format: str | None, *, quiet: bool,
              jobs: int) -> tuple[int, Any]:
    """(records, merged glossary) of ``paths``: in ``jobs`` worker processes when the input is
    large enough (see termkit.build), else in this one, with the same result."""
    from termkit.build import glossary_from_files, glossary_from_records, use_workers
    from termkit.cli.progress import Progress
    from termkit.glossary import build_glossary
    from termkit.inputs import input_size
    from termkit.records import read_records

    sizes = [input_size(p) for p in paths]
    total = sum(s or 0 for s in sizes) if None not in sizes else None
    show = False if quiet else None  # -q: no progress line either
    if use_workers(jobs, len(paths)) and "-" not in paths:
        # Many files: each worker reads and pairs whole files.
        size_of = dict(zip(paths, sizes, strict=True))
        with Progress("Reading and pairing records", total, "B", enabled=show) as bar:
            return glossary_from_files(paths, record_format, jobs=jobs,
                                       done=lambda p: bar.advance(size_of[p] or 0))
    records = []
    with Progress("Reading records", total, "B", enabled=show) as bar:
        for path, size in zip(paths, sizes, strict=True):
            records.extend(read_records(path, format=record_format))
            bar.advance(size or 0)
    with Progress("Pairing records", len(records), "records", enabled=show) as bar:
        if use_workers(jobs, len(records)):  # few files of many records
            return len(records), glossary_from_records(records, jobs=jobs, done=bar.advance)
        from termkit.align import pair_record

        return len(records), build_glossary([pair_record(r) for r in bar.track(records)])


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@folder_output_option("Folder to write the glossary into (created if missing; the files "
                      "termkit writes there are replaced, others left alone)")
@_record_format_option
@folder_options(RECORD_GLOBS)
@click.option("--no-exports", is_flag=True,
              help="Write only glossary.txt, glossary.sources.jsonl and glossary.json.")
@click.option(
    "--zhuyin",
    is_flag=True,
    help="Add the zhuyin (bopomofo) reading of Chinese terms to every output.",
)
@click.option("--max-sources", type=click.IntRange(min=0), default=DEFAULT_MAX_SOURCES,
              show_default=True, metavar="N",
              help="Sources listed per concept and term in glossary.txt (with the total, "
                   "`sources-total:`), glossary.json and the exports; all of them, with the "
                   "total, go to glossary.sources.jsonl.")
@click.option("--conflicts", "conflicts_file", default=None, metavar="FILE",
              help="Write every conflict in full to FILE (JSON Lines; `-` for stdout); stderr "
                   "gets a count and one line per conflict with up to 3 sources.")
@click.option("-j", "--jobs", type=click.IntRange(min=1, max=MAX_JOBS), default=None, metavar="N",
              help="Worker processes that read and pair records and write the files "
                   "(default: the CPUs this process may use, one fewer for each CPU's worth "
                   "of one-minute load average beyond them, at least 1; 1: all in this "
                   "process; never more than there is work for). The output is the same for "
                   "any N; inputs under 256 files or records stay in one process.")
@click.option("-q", "--quiet", is_flag=True,
              help="Do not print warnings, the summary and the progress line.")
@json_option("Print a JSON summary on stdout (records, concepts by kind, conflicts, files "
             "written, warnings).")
def build(
    inputs: tuple[str, ...],
    output: str,
    record_format: str | None,
    includes: tuple[str, ...],
    excludes: tuple[str, ...],
    no_exports: bool,
    zhuyin: bool,
    max_sources: int,
    conflicts_file: str | None,
    jobs: int | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Build a bilingual glossary from article records.

    Reads each INPUT (abstract-page text, RIS, JSON Lines, BibTeX, EndNote, NoteExpress,
    CNKI E-Study or RefWorks exports; UTF-8, UTF-16, Big5 or GB18030; `-` for stdin; a folder for the record files in it, recursively,
    but not its README, LICENSE and the like, nor an earlier build's outputs; pages of several records separated by form feeds, or pasted one after another), pairs Chinese and English keywords, author names and titles, merges all records, and
    writes DIR/glossary.txt (editable text) and DIR/glossary.json, plus exports for
    translation tools, and DIR/glossary.sources.jsonl with every source of every concept
    (the other files list the first --max-sources; glossary.txt gives the total too). Only
    ties between renderings are conflicts. Nothing is written if any input fails.

    Example: termkit build termkit/data/example-record.txt -o out/
    """
    from termkit.build import paused_gc, write_build
    from termkit.glossary import add_zhuyin
    from termkit.io import atomic_text, check_output, check_output_folder
    from termkit.parallel import default_jobs
    from termkit.provenance import conflict_lines

    check_output_folder(output)  # before the work: not `-`, not a file, its parent exists
    if conflicts_file is not None:
        if as_json and conflicts_file == "-":
            raise UsageError("--json and --conflicts - would both print on stdout",
                             hint="give --conflicts a FILE")
        check_output(conflicts_file)
    jobs = jobs or default_jobs()
    with paused_gc():  # one batch: see paused_gc
        paths = record_files(inputs, includes, excludes, output, quiet=quiet)
        if not quiet:
            dictionary_note("build")
        records, glossary = _glossary(paths, record_format, quiet=quiet, jobs=jobs)
        glossary.header = {
            "generator": "termkit build",
            "inputs": " ".join(inputs),
            "records": str(records),
        }
        if zhuyin:
            glossary = add_zhuyin(glossary)
        written = write_build(glossary, output, exports=not no_exports, max_sources=max_sources,
                              jobs=jobs)
        if conflicts_file is not None:
            with atomic_text(conflicts_file) as fh:
                fh.writelines(conflict_lines(glossary.conflicts))
    counts: dict[str, int] = {}
    for c in glossary.concepts:
        counts[c.kind.value] = counts.get(c.kind.value, 0) + 1
    if as_json:
        click.echo(dumps({
            "inputs": paths,
            "output": output,
            "records": records,
            "concepts": len(glossary),
            "kinds": dict(sorted(counts.items())),
            "conflicts": len(glossary.conflicts),
            "written": written,
            "warnings": [str(n) for n in glossary.notices],
        }))
    if quiet:
        return
    for notice in glossary.notices:
        warn(notice)
    if glossary.conflicts:
        where = f"all in {conflicts_file}" if conflicts_file else "all with --conflicts FILE"
        warn(f"{len(glossary.conflicts)} conflict(s) for a reviewer ({where}):")
    for conflict in glossary.conflicts:
        warn(f"conflict: {conflict.summary(CONFLICT_SOURCES)}")
    detail = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    click.echo(
        f"{records} record(s) -> {len(glossary)} concepts ({detail or 'none'}), "
        f"{len(glossary.conflicts)} conflict(s); wrote {', '.join(written)} to {output}",
        err=True,
    )


def _pair_json(x: Any) -> dict[str, Any]:
    return {
        "zh": x.zh,
        "en": x.en,
        "score": round(x.score, 3),
        "status": x.status.value,
        "evidence": list(x.kinds),
        "details": list(x.evidence),
    }


def pairing_json(p: Any) -> dict[str, Any]:
    """The stable JSON shape of one record's pairing (see README, `termkit extract`)."""
    r = p.record
    return {
        "source": r.source,
        "id": r.id,
        "title": {"en": r.title_en, "zh": r.title_zh},
        "pairs": [_pair_json(x) for x in p.pairs],
        "variants": [_pair_json(x) for x in p.variants],
        "unpaired_zh": list(p.unpaired_zh),
        "unpaired_en": list(p.unpaired_en),
        "authors": [_pair_json(x) for x in p.authors],
        "unmatched_authors": [{"zh": a.zh, "en": a.en} for a in p.unmatched_authors],
        "subjects": [list(s) for s in r.subjects],
        "volume": r.volume,
        "issue": r.issue,
        "date": r.date,
        "pages": r.pages,
        "references": len(r.references),
        "citing": len(r.citing),
        "warnings": [str(n) for n in [*r.notices, *p.notices]],
    }


def _table(p: Any) -> str:
    from termkit.model import Status

    r = p.record
    lines = [f"== {r.id} ({r.source})"]
    if r.title_zh or r.title_en:
        lines.append(f"title     {r.title_zh or '-'} | {r.title_en or '-'}")
    meta = [
        f"{k} {v}"
        for k, v in (("volume", r.volume), ("issue", r.issue), ("date", r.date), ("pages", r.pages))
        if v
    ]
    if meta:
        lines.append("          " + ", ".join(meta))
    width = max((len(x.zh) for x in p.pairs), default=0)
    for x in p.pairs:
        pad = " " * (width - len(x.zh)) * 2  # CJK characters are two columns wide
        if x.status is Status.CANDIDATE:
            # A candidate stands out: a reviewer confirms it (see README, statuses).
            why = " ".join(x.kinds) or "weak evidence"
            lines.append(f"keyword?  {x.zh}{pad}  {x.en}  ({x.score:.2f} candidate: {why})")
        else:
            lines.append(f"keyword   {x.zh}{pad}  {x.en}  ({x.score:.2f})")
    for x in p.variants:
        lines.append(f"variant   {x.zh}  {x.en}  (from title)")
    for x in p.authors:
        lines.append(f"author    {x.zh}  {x.en}  ({x.score:.2f})")
    for a in p.unmatched_authors:
        lines.append(f"author?   {a.zh or '-'}  {a.en or '-'}  (names do not match)")
    if p.unpaired_zh or p.unpaired_en:
        lines.append(
            f"unpaired  {' ; '.join(p.unpaired_zh) or '-'} | {' ; '.join(p.unpaired_en) or '-'}"
        )
    if r.subjects:
        lines.append("subjects  " + " ; ".join(" > ".join(s) for s in r.subjects))
    if r.references or r.citing:
        lines.append(f"refs      {len(r.references)} references, {len(r.citing)} citing works")
    return "\n".join(lines)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@_record_format_option
@folder_options(RECORD_GLOBS)
@json_option("One JSON object per record (JSON Lines).")
def extract(inputs: tuple[str, ...], record_format: str | None, includes: tuple[str, ...],
            excludes: tuple[str, ...], as_json: bool) -> None:
    """Show keywords, names and titles paired per record.

    Reads the same inputs as `build` (files, `-` for stdin, folders) and prints, for each record, the keyword pairs with
    their scores, title-attested variants, unpaired keywords, authors, subjects, volume,
    issue, date and pages. With --json, one object per line for scripts.

    Example: termkit extract termkit/data/example-record.txt --json
    """
    from termkit.build import paused_gc

    with paused_gc():
        paths = record_files(inputs, includes, excludes)
        dictionary_note("extract")
        pairings = _pairings(paths, record_format)
    for i, p in enumerate(pairings):
        if as_json:
            click.echo(dumps(pairing_json(p)))
        else:
            if i:
                click.echo("")
            click.echo(_table(p))
            for n in [*p.record.notices, *p.notices]:
                warn(n)
