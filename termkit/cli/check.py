"""``termkit check``: check translation files against glossaries; the library does the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from termkit.check.findings import CHECKS
from termkit.cli.common import (
    LANG_TAG,
    errors_exit_2,
    folder_options,
    glossary_option,
    json_option,
    output_option,
    warn,
    word_list_note,
)

if TYPE_CHECKING:
    from termkit.model import Glossary

# Files `check FOLDER` takes by default: the translation formats (a CSV/TSV in a project
# folder is as often a glossary, so those are taken only with --include).
CHECK_GLOBS = ("*.po", "*.pot", "*.tmx", "*.xlf", "*.xliff", "*.sdlxliff", "*.mqxliff")
# The report format an output name asks for when --to is not given (anything else: text).
_REPORT_BY_EXTENSION = {".json": "json", ".xml": "junit", ".html": "html", ".htm": "html"}

_CHECK_HELP = "\n".join(
    f"  {name:<17} {info.severity.value:<7} {info.family:<10} {info.description}"
    for name, info in CHECKS.items()
)


def _warn_unapproved(path: str, glossary: Glossary) -> None:
    """Say so when a ``-g`` glossary has terms but none approved (preferred or admitted):
    ``missing-term`` asks only for approved renderings, so it found nothing with such a file
    and the report said nothing either. A table typed by hand without a ``status`` column
    is read as candidates, the usual way to get here."""
    from termkit.errors import TermkitError
    from termkit.formats import detect
    from termkit.model import Status

    terms = [t for c in glossary.concepts for t in c.terms if t.text.strip()]
    if terms and not any(t.status in (Status.PREFERRED, Status.ADMITTED) for t in terms):
        try:
            omegat = path != "-" and detect(path).name == "omegat"
        except TermkitError:
            omegat = False
        # An OmegaT glossary has no status column to add (the old hint said to add one).
        how = ("an OmegaT glossary's entries are read as candidates: write 'status: "
               "preferred' in an entry's comment column" if omegat else
               "a table typed by hand is read as candidates: add a 'status' column saying "
               "'preferred'")
        warn(f"{path}: none of its {len(glossary.concepts)} concept(s) has a preferred or "
             f"admitted term, so missing-term finds nothing with it ({how})")


def _refuse_idle(chosen: frozenset[str], named: list[str], glossary: bool) -> None:
    """A :class:`UsageError` for a selection that would check nothing it was asked to: no
    check left after --skip, or terminology checks named on the command line without a
    glossary (they need one; left silently out, the report said "0 findings")."""
    from termkit.check.config import expand
    from termkit.check.engine import TERM_CHECKS
    from termkit.errors import UsageError

    if not chosen:
        raise UsageError("no check left to run", hint="--skip removes every check chosen")
    idle = sorted(expand(n for n in named if n != "all") & chosen & TERM_CHECKS)
    if idle and not glossary:
        raise UsageError(f"{', '.join(idle)} need{'s' if len(idle) == 1 else ''} a glossary",
                         hint="give it with -g FILE")


def _input_format(name: str) -> None:
    """Refuse an --input-format no format has, or one without translation units, before any
    input is read (each input would fail alike, and the run could check nothing)."""
    from termkit import formats
    from termkit.errors import UsageError

    fmt = formats.get(name)
    if not fmt.can_read_units:
        known = ", ".join(f.name for f in formats.formats() if f.can_read_units)
        raise UsageError(f"format {name!r} has no translation units",
                         hint=f"--input-format is one of: {known}")


@click.command(
    help=f"""Check translations: format, Chinese typography and (with -g) terminology.

Reads each INPUT translation file (PO, TMX, XLIFF, TSV/CSV with language columns; `-` for
stdin; a folder for the PO, TMX and XLIFF files in it, recursively) and each --pair of
line-aligned text files (either may be `-`), and reports each unit with findings once: file,
line and unit, the source and target excerpts with the offending text marked «like this»,
and the findings under them, then a count per check.
Without -g every check that needs no glossary runs; -g adds the terminology checks.

\b
Checks (id, severity, family, what):
{_CHECK_HELP}

\b
Choose with --checks and --skip (ids or families: terms, variants, unit, format,
typography, syntax; comma-separated or repeated; terminology checks named here need
-g, and a choice that leaves no check is refused). Defaults come from termkit.toml
([check]) or pyproject.toml ([tool.termkit.check]) in this directory or a parent;
options given here win. Silence one unit with a translator comment
`# termkit: ignore=numbers` (PO; a note elsewhere), or hide every finding of an older
report with --baseline OLD.json.

\b
Exit status: 0 no findings at or above --fail-on; 1 findings at or above it (by default
the errors: syntax, the terminology and script checks, printf, brace-format, xml-tags,
newlines, plurals); 2 usage errors and input files that cannot be read (reported as
`Error: FILE:LINE:COL: ...` on stderr, after the findings of the other files). A PO syntax
error is a `syntax` finding; the rest of that file is still checked.

\b
Example: termkit check -g out/glossary.txt --regional glossaries/cross-strait.glossary.txt \\
         --target-lang zh-TW -o report.html messages.zh_TW.po
"""
)
@click.argument("translations", nargs=-1, metavar="INPUT...")
@glossary_option("Glossary for the terminology checks (any glossary format; repeatable: the "
                 "concepts of all files are used side by side, each with its own statuses).")
@click.option(
    "--regional", "regionals", multiple=True, metavar="FILE",
    help="Regional glossary for wrong-region (e.g. glossaries/cross-strait.glossary.txt); "
    "regional forms in --glossary files count too.",
)
@click.option(
    "--pair", "pairs", nargs=2, multiple=True, metavar="SOURCE TARGET",
    help="A pair of line-aligned plain-text files (line n of SOURCE is translated by line n "
    "of TARGET); repeatable.",
)
@click.option(
    "--input-format", default=None, metavar="NAME",
    help="Format of the INPUT files (default: from the file name).",
)
@folder_options(" ".join(CHECK_GLOBS))
@click.option(
    "--source-lang", type=LANG_TAG, default=None, metavar="TAG",
    help="Source language (default: the file's own; for --pair, guessed from the text).",
)
@click.option(
    "--target-lang", type=LANG_TAG, default=None, metavar="TAG",
    help="Target language to check, e.g. zh-TW or en (default: every target in the file). "
    "Fills in a script/region the file leaves out (quote style and script follow it).",
)
@click.option(
    "--checks", "only", multiple=True, metavar="IDS",
    help="Run only these checks: ids or families, comma-separated or repeated (default: all).",
)
@click.option("--check", "only_alias", multiple=True, hidden=True)
@click.option(
    "--skip", multiple=True, metavar="IDS",
    help="Do not run these checks (ids or families, comma-separated or repeated).",
)
@click.option(
    "--config", "config_path", default=None, metavar="FILE",
    help="Project file with [check] defaults (default: the nearest termkit.toml, or "
    "pyproject.toml with [tool.termkit.check]).",
)
@click.option("--no-config", is_flag=True, help="Ignore project files.")
@click.option(
    "--cjk-latin-spacing", type=click.Choice(["require", "forbid", "off"]), default=None,
    help="Space between Chinese and Latin letters/digits: require it, forbid it, or do not "
    "check (default off).",
)
@click.option(
    "--quote-style", type=click.Choice(["auto", "corner", "curly"]), default=None,
    help="Quotes expected in Chinese targets: auto (「」 for zh-Hant/TW/HK, “” for "
    "zh-Hans/CN), corner or curly.",
)
@click.option(
    "--fullwidth-digits/--no-fullwidth-digits", default=None,
    help="Accept full-width digits (２０) for the source's numbers in Chinese targets.",
)
@click.option(
    "--length-ratio", type=float, default=None, metavar="X",
    help="length: flag targets wider than X times the source (default 2.5) …",
)
@click.option(
    "--length-min", type=int, default=None, metavar="N",
    help="… and at least N columns wider (default 20).",
)
@click.option(
    "--baseline", default=None, metavar="REPORT.json",
    help="Hide the findings already in this earlier JSON report (matched by file, unit and "
    "check, not by line).",
)
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
    help="Lowest severity that makes the exit status 1 (default: error).",
)
@click.option(
    "--to", "--format", "out_format", type=click.Choice(["text", "json", "junit", "html"]),
    default=None,
    help="Report format: readable text, JSON (schema termkit-check/1, documented in "
    "termkit.check.report), JUnit XML for CI systems, or one self-contained HTML page with "
    "filters [default: from the extension of -o (.json, .xml junit, .html), else text].",
)
@json_option("Write the report as JSON: the same as --to json, the spelling of every other "
             "command.")
@output_option("Where to write the report")
@click.option("--stats", is_flag=True, help="Print units checked and seconds per check on stderr.")
@click.option("--topic", "topics", multiple=True, metavar="NAME[,NAME...]",
              help="wrong-region also reports regional forms kept for these topics (as "
                   "convert --topic; 'all' for every topic).")
@click.pass_context
def check(
    ctx: click.Context,
    translations: tuple[str, ...],
    glossaries: tuple[str, ...],
    regionals: tuple[str, ...],
    pairs: tuple[tuple[str, str], ...],
    input_format: str | None,
    source_lang: str | None,
    target_lang: str | None,
    only: tuple[str, ...],
    only_alias: tuple[str, ...],
    skip: tuple[str, ...],
    config_path: str | None,
    no_config: bool,
    cjk_latin_spacing: str | None,
    quote_style: str | None,
    fullwidth_digits: bool | None,
    length_ratio: float | None,
    length_min: int | None,
    baseline: str | None,
    fail_on: str | None,
    out_format: str | None,
    as_json: bool,
    output: str,
    stats: bool,
    includes: tuple[str, ...],
    excludes: tuple[str, ...],
    topics: tuple[str, ...],
) -> None:
    import os
    from pathlib import Path

    from termkit.check import Severity, check_files, report
    from termkit.check.baseline import apply_baseline, load_baseline
    from termkit.check.config import find_config, load_config, options_from, select, split_names
    from termkit.convert import parse_topics
    from termkit.errors import TermkitError, UsageError
    from termkit.glossary import load_glossary
    from termkit.inputs import distinct, expand_inputs
    from termkit.io import atomic_binary, atomic_text, check_output, note_input, output_kind
    from termkit.model import Glossary

    errors_exit_2()  # exit status 1 means findings
    if not translations and not pairs:
        raise click.UsageError("give at least one INPUT file or --pair SOURCE TARGET")
    if as_json:
        if out_format not in (None, "json"):
            raise click.UsageError(f"--json and --to {out_format} ask for two report formats")
        out_format = "json"
    if out_format is None:
        out_format = _REPORT_BY_EXTENSION.get(os.path.splitext(output)[1].lower(), "text") \
            if output != "-" else "text"
    try:
        project = None if no_config else Path(config_path) if config_path else find_config()
        if project is not None and not project.is_file():
            raise UsageError("a folder, not a configuration file (give its pyproject.toml or "
                             "termkit.toml)" if project.is_dir() else "no such configuration file",
                             path=str(project))
        config = load_config(project)
        names = split_names(only + only_alias) or config.checks
        chosen = select(names, [*config.skip, *split_names(skip)])
        _refuse_idle(chosen, split_names(only + only_alias), bool(glossaries))
        if input_format is not None:
            _input_format(input_format)
        options = options_from(
            config.options,
            cjk_latin_spacing=cjk_latin_spacing,
            quote_style=quote_style,
            fullwidth_digits=fullwidth_digits,
            length_ratio=length_ratio,
            length_min=length_min,
        )
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    fail_level = fail_on or config.fail_on or "error"
    # A file named twice (or inside a folder named too) is checked once: twice, each of its
    # findings was reported twice.
    translations = tuple(distinct(expand_inputs(translations, includes or CHECK_GLOBS,
                                                excludes)))
    # The report never replaces a file this run reads (`-o x.po`, `-o glossary.txt`, the
    # baseline, the project file its defaults came from).
    note_input(*translations, *glossaries, *regionals, *(p for pair in pairs for p in pair),
               *([baseline] if baseline else []), *([str(project)] if project else []))
    try:
        check_output(output)
    except TermkitError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)  # check: exit 1 means findings
    try:
        # Concepts side by side, not merged: merging re-settles statuses (two preferred
        # renderings would become candidates), and the checks must see each file's own.
        loaded = [load_glossary(p, format_option=None) for p in glossaries]
        if "missing-term" in chosen:
            for path, one in zip(glossaries, loaded, strict=True):
                _warn_unapproved(path, one)
        glossary = Glossary([c for g in loaded for c in g.concepts]) if loaded else None
        regional = [load_glossary(p, format_option=None) for p in regionals]
        known = load_baseline(baseline) if baseline else None
        chosen_topics = parse_topics(topics, Glossary([c for g in (glossary, *regional)
                                                       if g is not None for c in g.concepts]))
    except TermkitError as exc:
        # Nothing can be checked without the glossaries: an input error, exit 2.
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)
    result = check_files(
        list(translations),
        glossary,
        pairs=list(pairs),
        regional=regional,
        checks=chosen,
        options=options,
        format=input_format,
        source_lang=source_lang,
        target_lang=target_lang,
        topics=chosen_topics,
        on_prepare=word_list_note("check"),
    )
    for notice in result.notices:
        warn(notice)  # as import and tm import say it: why a whole file reads as one script
    findings, hidden = apply_baseline(result.findings, known) if known else (result.findings, 0)
    notes: tuple[str, ...] = ()
    if "cjk-latin-spacing" in chosen and options.cjk_latin_spacing != "off":
        notes = (f"cjk-latin-spacing style: {options.cjk_latin_spacing}",)
    summary = report.Summary(result.files, result.units, findings, result.errors, hidden, notes)
    threshold = None if fail_level == "never" else Severity(fail_level)
    if result.errors and output_kind(output) == "replace":
        # A failing input never replaces an existing report with a partial one.
        for error in result.errors:
            click.echo(f"Error: {error}", err=True)
        click.echo(f"Error: {output}: report not written, {len(result.errors)} input file(s) "
                   "could not be read", err=True)
        ctx.exit(2)
    try:
        if out_format == "junit":
            with atomic_binary(output) as fb:
                fb.write(report.render_junit(summary, threshold))
        elif out_format == "html":
            from termkit.check.html import html_chunks

            with atomic_text(output) as fh:
                fh.writelines(html_chunks(summary, options=options, checks=chosen))
        elif out_format == "json":
            with atomic_text(output) as fh:
                fh.writelines(report.json_chunks(summary))
        else:
            with atomic_text(output) as fh:
                fh.write(report.render_text(summary))
    except TermkitError as exc:  # the report cannot be written: exit 2, as for inputs
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)
    if stats:
        click.echo(f"units: {result.stats.units}, segments: {result.stats.segments}", err=True)
        for name, seconds in sorted(result.stats.seconds.items()):
            click.echo(f"{name}: {seconds:.3f} s", err=True)
    for error in result.errors:
        click.echo(f"Error: {error}", err=True)
    if result.errors:
        ctx.exit(2)
    if threshold is not None and any(f.severity.rank >= threshold.rank for f in findings):
        ctx.exit(1)
