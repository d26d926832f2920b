"""``termkit check``: check translation files against glossaries; the library does the work."""

from __future__ import annotations

import click

from termkit.check.findings import CHECKS

_CHECK_HELP = "\n".join(
    f"  {name:<15} {sev.value:<8} {desc}" for name, (sev, desc) in CHECKS.items()
)


@click.command(
    help=f"""Check translations against glossaries (terms, script, region).

Reads each TRANSLATION file (PO, TMX, XLIFF, TSV/CSV with language columns; `-` for stdin)
and each --pair of line-aligned text files, and reports, grouped by check, the file, unit
and line, with the source and target excerpts and the term marked «like this».

\b
Checks (id, severity, what):
{_CHECK_HELP}

\b
Exit status: 0 no findings at or above --fail-on; 1 findings at or above it (by default
the error checks: missing-term, forbidden-term, wrong-script, wrong-region); 2 usage errors
and unreadable or malformed input files (reported as `Error: FILE:LINE: ...` on stderr,
after the findings of the other files).

\b
Example: termkit check -g out/glossary.txt --regional glossaries/cross-strait.glossary.txt \\
         --target-lang zh-TW messages.zh_TW.po
"""
)
@click.argument("translations", nargs=-1, metavar="TRANSLATION...")
@click.option(
    "-g", "--glossary", "glossaries", multiple=True, required=True, metavar="FILE",
    help="Glossary to check against (any glossary format; repeatable: the concepts of all "
    "files are used side by side, each with its own statuses).",
)
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
    help="Format of the TRANSLATION files (default: from the file name).",
)
@click.option(
    "--source-lang", default=None, metavar="TAG",
    help="Source language (default: the file's own; for --pair, guessed from the text).",
)
@click.option(
    "--target-lang", default=None, metavar="TAG",
    help="Target language to check, e.g. zh-TW or en (default: every target in the file). "
    "Fills in a script/region the file leaves out.",
)
@click.option(
    "--check", "only", multiple=True, type=click.Choice(list(CHECKS)), metavar="ID",
    help="Run only this check (repeatable).",
)
@click.option(
    "--skip", multiple=True, type=click.Choice(list(CHECKS)), metavar="ID",
    help="Do not run this check (repeatable).",
)
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
    show_default=True, help="Lowest severity that makes the exit status 1.",
)
@click.option(
    "--format", "out_format", type=click.Choice(["text", "json", "junit"]), default="text",
    show_default=True,
    help="Report format: readable text, JSON (schema termkit-check/1, documented in "
    "termkit.check.report) or JUnit XML for CI systems.",
)
@click.option(
    "-o", "--output", default="-", show_default=True, metavar="FILE",
    help="Where to write the report (`-` = stdout).",
)
@click.option("--stats", is_flag=True, help="Print units checked and seconds per check on stderr.")
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
    skip: tuple[str, ...],
    fail_on: str,
    out_format: str,
    output: str,
    stats: bool,
) -> None:
    from termkit.check import Severity, check_files, report
    from termkit.errors import TermkitError
    from termkit.glossary import load_glossary
    from termkit.io import atomic_binary, atomic_text, check_output, note_input, output_kind
    from termkit.model import Glossary

    if not translations and not pairs:
        raise click.UsageError("give at least one TRANSLATION file or --pair SOURCE TARGET")
    chosen = [c for c in (only or CHECKS) if c not in skip]
    # The report never replaces a file this run reads (`-o x.po`, `-o glossary.txt`).
    note_input(*translations, *glossaries, *regionals, *(p for pair in pairs for p in pair))
    try:
        check_output(output)
    except TermkitError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)  # check: exit 1 means findings
    try:
        # Concepts side by side, not merged: merging re-settles statuses (two preferred
        # renderings would become candidates), and the checks must see each file's own.
        loaded = [load_glossary(p) for p in glossaries]
        glossary = Glossary([c for g in loaded for c in g.concepts])
        regional = [load_glossary(p) for p in regionals]
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
        format=input_format,
        source_lang=source_lang,
        target_lang=target_lang,
    )
    summary = report.Summary(result.files, result.units, result.findings, result.errors)
    threshold = None if fail_on == "never" else Severity(fail_on)
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
        else:
            text = report.render_json(summary) if out_format == "json" else report.render_text(summary)
            with atomic_text(output) as fh:
                fh.write(text)
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
    if threshold is not None and any(f.severity.rank >= threshold.rank for f in result.findings):
        ctx.exit(1)
