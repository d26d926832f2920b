"""``termkit tm pretranslate`` and ``termkit tm analyze``: the memory applied to a job's files.

Both parse options, call :mod:`termkit.tm.pretranslate` / :mod:`termkit.tm.analyze` and
render the result; library errors propagate to the group, which prints ``Error: …``.
"""

from __future__ import annotations

import os
from typing import Any

import click

from termkit.cli.common import LANG_TAG, glossary_option
from termkit.cli.tm import db_option, dumps_json, json_option

BANDS_HELP = ("Lower edges of the fuzzy bands, best first (default 95,85,75,50: bands 95-99, "
              "85-94, 75-84, 50-74; below the last is 'no match').")


def _load_glossary(paths: tuple[str, ...]) -> Any:
    if not paths:
        return None
    from termkit.convert import load_lock_glossaries

    return load_lock_glossaries(list(paths))


def _distinct(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The INPUTs with a file named again (``x.po x.po``, ``x.po ./x.po``) taken once: twice,
    pre-translation counted its segments twice and analysis priced them as repetitions."""
    from termkit.inputs import distinct, refuse_stdin_twice

    refuse_stdin_twice(paths)
    return tuple(distinct(paths))


def _output_names(paths: tuple[str, ...], folder: str) -> list[str]:
    """The name each INPUT gets in the output folder; two different INPUTs may not share one
    (the second file replaced the first)."""
    taken: dict[str, str] = {}
    for path in paths:
        name = os.path.basename(path)
        first = taken.setdefault(name, path)
        if os.path.realpath(first) != os.path.realpath(path):
            from termkit.errors import UsageError

            raise UsageError(f"{first} and {path} would both be written here",
                             path=os.path.join(folder, name),
                             hint="pre-translate files of the same name one folder at a time")
    return [os.path.basename(p) for p in paths]


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="INPUT...")
@db_option
@click.option("-o", "--output", required=True, metavar="OUT",
              help="Output file (`-` for stdout); with several INPUTs, a folder (created if "
                   "missing, its parent must exist; not `-`) that receives each file under its "
                   "own name.")
@click.option("--min-score", type=click.IntRange(1, 100), default=75, show_default=True,
              help="Lowest match score used; 100 fills exact matches only.")
@click.option("--overwrite", is_flag=True,
              help="Replace existing translations too (never done otherwise).")
@click.option("--format", "fmt", type=click.Choice(["po", "xliff", "tmx"]),
              help="Input format (default: from the file name: .po/.pot, .xlf/.xliff, .tmx).")
@click.option("--source-lang", type=LANG_TAG, metavar="TAG", help="Source language (default: the file's).")
@click.option("--target-lang", type=LANG_TAG, metavar="TAG",
              help="Target language (default: the file's; needed for TMX, e.g. zh-TW).")
@glossary_option("Glossary whose terms are locked when a match is converted to the file's "
                 "Chinese script (repeatable).")
@click.option("--topic", "topics", multiple=True, metavar="NAME[,NAME...]",
              help="Also lock the glossary forms kept for these topics (as convert --topic; "
                   "'all' for every topic).")
@click.option("--bands", "bands_text", metavar="EDGES", help=BANDS_HELP)
@json_option
def pretranslate(files: tuple[str, ...], db: str, output: str, min_score: int, overwrite: bool,
                 fmt: str | None, source_lang: str | None, target_lang: str | None,
                 glossaries: tuple[str, ...], topics: tuple[str, ...], bands_text: str | None,
                 as_json: bool) -> None:
    """Fill the untranslated segments of PO, XLIFF 1.2/2.0 or TMX INPUT files from the memory.

    An INPUT may be `-` for stdin (with --format).

    Each segment gets its best match at or above --min-score: 101 (exact, and its context —
    neighbouring segments or PO msgctxt — matches too) and 100 are filled as translated,
    lower scores as fuzzy (PO `#, fuzzy` with the matched source as `#|` previous msgid;
    XLIFF 1.2 state="needs-review-translation", 2.0 state="initial"), with the score in a
    note. Existing translations are kept unless --overwrite. A Chinese match in another
    script or region is converted to the file's (glossary-locked OpenCC: a zh-TW file never
    gets Simplified text; --topic as in convert). Prints a summary of what was filled, by
    band.
    """
    from termkit.convert import parse_topics
    from termkit.io import (
        atomic_binary,
        check_output_folder,
        read_bytes,
        stage_file,
        staged_directory,
    )
    from termkit.tm.bands import Bands
    from termkit.tm.pretranslate import Options, Summary, pretranslate_stream
    from termkit.tm.scripts import Converters
    from termkit.tm.store import open_store

    many = len(files) > 1  # several INPUTs given: -o is a folder, however many are distinct
    files = _distinct(files)
    if many and output == "-":
        raise click.UsageError("several INPUTs need -o FOLDER, not stdout")
    glossary = _load_glossary(glossaries)
    options = Options(min_score=min_score, overwrite=overwrite, glossary=glossary,
                      topics=parse_topics(topics, glossary),
                      bands=Bands.parse(bands_text) if bands_text else Bands(),
                      source_lang=source_lang, target_lang=target_lang)
    file_names = _output_names(files, output) if many else []
    if many:
        check_output_folder(output)
    converters = Converters(options.glossary, options.topics)
    summaries: list[Summary] = []
    with open_store(db, create=False) as store:
        if not many:
            data = read_bytes(files[0])
            with atomic_binary(output) as fh:
                summaries.append(pretranslate_stream(store, data, files[0], fh, fmt=fmt,
                                                     options=options, converters=converters))
        else:
            # The folder gets every file or none: a later INPUT failing left the earlier
            # files written (and the folder made) before.
            with staged_directory(output) as stage:
                for path, name in zip(files, file_names, strict=True):
                    data = read_bytes(path)
                    with stage_file(stage, output, name) as fh:
                        summaries.append(pretranslate_stream(
                            store, data, path, fh, fmt=fmt, options=options,
                            converters=converters))
    total = Summary("total")
    for s in summaries:
        total.add(s)
    names = options.bands.names()[1:]  # no repetitions in pre-translation
    if as_json:
        text = dumps_json([{"file": s.path, "segments": s.segments, "kept": s.kept,
                        "unmatched": s.unmatched,
                        "filled": {n: s.filled.get(n, 0) for n in names if n != "no match"},
                        "notices": [str(n) for n in s.notices]}
                       for s in [*summaries, total]])
        click.echo(text, err=output == "-")
        return
    for s in [*summaries, total] if many else summaries:
        filled = ", ".join(f"{n}: {s.filled[n]}" for n in names if s.filled.get(n))
        click.echo(f"{s.path}: {s.segments} segments, {sum(s.filled.values())} filled "
                   f"({filled or 'none'}), {s.kept} kept (translated), {s.unmatched} without "
                   "a match", err=output == "-")
        for n in s.notices:
            click.echo(f"Warning: {n}", err=True)


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="INPUT...")
@db_option
@click.option("--format", "fmt", type=click.Choice(["po", "xliff", "tmx"]),
              help="Input format (default: from the file name).")
@click.option("--source-lang", type=LANG_TAG, metavar="TAG", help="Source language (default: the file's).")
@click.option("--target-lang", type=LANG_TAG, metavar="TAG",
              help="Count only units with a side in this language (default: the file's, if "
                   "it names one).")
@click.option("--bands", "bands_text", metavar="EDGES", help=BANDS_HELP)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (one row per file and band).")
@json_option
def analyze(files: tuple[str, ...], db: str, fmt: str | None, source_lang: str | None,
            target_lang: str | None, bands_text: str | None, as_csv: bool,
            as_json: bool) -> None:
    """Count the segments, words and Chinese characters of INPUT files per match band.

    An INPUT may be `-` for stdin (with --format).

    Bands, as CAT tools report them: repetitions (a segment already met earlier in the job,
    counted once), 101 (exact in context), 100, the fuzzy bands (--bands) and no match.
    Words: runs of letters, digits and underscores, joined by an inner apostrophe or full
    stop (placeholders such as %s and tags are not words); Chinese: each Han character counts
    as a character, Latin words and numbers in it as words.
    """
    from termkit.tm.analyze import WORD_RULE, read_job_file
    from termkit.tm.analyze import analyze as run
    from termkit.tm.bands import Bands
    from termkit.tm.store import open_store

    if as_csv and as_json:
        raise click.UsageError("give --csv or --json, not both")  # JSON won silently before
    bands = Bands.parse(bands_text) if bands_text else Bands()
    jobs = [read_job_file(p, fmt) for p in _distinct(files)]
    with open_store(db, create=False) as store:
        per_file, total = run(store, jobs, bands=bands, target_lang=target_lang,
                              source_lang=source_lang)
    results = [*per_file, total]
    names = bands.names()
    if as_json:
        click.echo(dumps_json({"rule": WORD_RULE, "bands": names, "files": [
            {"file": r.path, "bands": {n: {"segments": r.bands[n].segments,
                                           "words": r.bands[n].words,
                                           "chars": r.bands[n].chars} for n in names},
             "total": {"segments": r.total.segments, "words": r.total.words,
                       "chars": r.total.chars}} for r in results]}))
        return
    if as_csv:
        import csv
        import sys

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["file", "band", "segments", "words", "chars"])
        for r in results:
            for n in [*names, "total"]:
                c = r.total if n == "total" else r.bands[n]
                writer.writerow([r.path, n, c.segments, c.words, c.chars])
        return
    width = max(len(n) for n in [*names, "total"])
    for r in results if len(per_file) > 1 else per_file:
        click.echo(f"{r.path}:")
        click.echo(f"  {'band':<{width}}  {'segments':>8}  {'words':>8}  {'chars':>8}")
        for n in [*names, "total"]:
            c = r.total if n == "total" else r.bands[n]
            click.echo(f"  {n:<{width}}  {c.segments:>8}  {c.words:>8}  {c.chars:>8}")
        for notice in r.notices if r is not total else []:
            click.echo(f"Warning: {notice}", err=True)
    click.echo(f"({WORD_RULE})")
