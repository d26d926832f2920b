"""``termkit export`` and ``termkit import``: a glossary to an exchange format, and back.

Both commands only parse options, call the format registry and the glossary library, and
render a summary; library errors propagate to the group, which prints ``Error: FILE:LINE: …``.
Nothing is written when reading fails: outputs go through :func:`termkit.io.atomic_binary`.
"""

from __future__ import annotations

import io
from typing import Any

import click

from termkit.cli.common import dumps, folder_options, json_option, output_option, warn
from termkit.errors import FormatError, UnknownFormatError, UsageError
from termkit.model import Glossary, Notice

EXPORT_FORMATS = ("tmx", "tbx", "po", "omegat", "csv", "tsv", "xlsx", "json", "termkit")

# Which export options each format understands; anything else is a usage error.
_FORMAT_OPTIONS: dict[str, tuple[str, ...]] = {
    "tmx": ("lang_style",),
    "tbx": ("tbx_version",),
    "po": ("locale", "reverse"),
    "omegat": ("locale", "reverse"),
    "csv": ("bom",),
    "tsv": ("bom",),
}
_OPTION_FLAGS = {
    "locale": "--locale",
    "reverse": "--reverse",
    "lang_style": "--lang-style",
    "tbx_version": "--tbx-version",
    "bom": "--bom",
}


def export_options(to: str, given: dict[str, Any]) -> dict[str, Any]:
    """The keyword options to pass to format ``to``; a usage error for ones it does not take."""
    allowed = _FORMAT_OPTIONS.get(to, ())
    for name, value in given.items():
        if value is not None and name not in allowed:
            users = [f for f, opts in _FORMAT_OPTIONS.items() if name in opts]
            raise UsageError(
                f"{_OPTION_FLAGS[name]} does not apply to --to {to}",
                hint=f"it applies to: {', '.join(users)}",
            )
    return {k: v for k, v in given.items() if v is not None}


def _write(fmt_name: str, glossary: Glossary, output: str, options: dict[str, Any], *,
           replace_input: bool = False) -> list[Notice]:
    from termkit import formats
    from termkit.formats.delimited import LOCALES
    from termkit.formats.po import locale_from_name
    from termkit.io import atomic_binary

    fmt = formats.get(fmt_name)
    if fmt_name == "po" and "locale" not in options:
        # `-o glossary.zh_CN.po` says which catalog is wanted.
        named = locale_from_name(output)
        if named in LOCALES:
            options = {**options, "locale": named}
    buffer = io.BytesIO()
    try:
        notices = fmt.write_glossary(glossary, buffer, **options)
    except FormatError as exc:  # what the format cannot hold: say which output
        raise exc.at(output if output != "-" else None) from None
    with atomic_binary(output, replace_input=replace_input) as fh:
        fh.write(buffer.getvalue())
    return notices


def output_format(output: str, to: str | None, choices: tuple[str, ...], default: str | None
                  ) -> str:
    """The output format: ``to``, else the one the name of ``output`` tells, else ``default``.

    A usage error when nothing decides (``-o -`` or an unknown extension without ``--to``
    and no default), or when the extension names a format ``choices`` does not hold.
    """
    from termkit import formats

    if to:
        return formats.get(to).name
    named = None
    if output != "-":
        try:
            # By the name alone: the file at ``output`` (if any) is about to be replaced, and
            # what it held says nothing of the format wanted now.
            named = formats.detect(output, by_content=False).name
        except UnknownFormatError:
            named = None
    if named is not None and named in choices:
        return named
    if default is not None:
        return default
    what = "stdout" if output == "-" else repr(output)
    raise UsageError(f"give --to: the output format cannot be told from {what}",
                     hint=f"one of {', '.join(choices)}; or name the output file after "
                     "its format (out.tbx, glossary.zh_TW.po)")


@click.command("export")
@click.argument("glossary", metavar="GLOSSARY")
@click.option(
    "--to", "to", default=None, type=click.Choice(EXPORT_FORMATS),
    help="Output format [default: from the extension of -o: .tmx, .tbx, .po, .omegat.tsv, "
    ".csv, .tsv, .xlsx, .json, glossary.txt].",
)
@output_option("Output file")
@click.option(
    "--from", "--format", "from_format", default=None, metavar="NAME",
    help="Format of GLOSSARY when its file name does not tell (e.g. termkit, json, csv; "
    "`-` for stdin needs it).",
)
@click.option(
    "--locale", type=click.Choice(["zh_TW", "zh_CN", "zh_HK"]), default=None,
    help="po/omegat: the Chinese locale of the catalog [default: from an output name like "
    "glossary.zh_CN.po, else zh_TW].",
)
@click.option(
    "--reverse", is_flag=True, default=None,
    help="po/omegat: Chinese as the source language, English as the target.",
)
@click.option(
    "--lang-style", type=click.Choice(["short", "bcp47"]), default=None,
    help="tmx: language tags zh-TW/zh-CN (short, default) or zh-Hant-TW/zh-Hans-CN (bcp47).",
)
@click.option(
    "--tbx-version", type=click.Choice(["3", "2"]), default=None,
    help="tbx: TBX v3 TBX-Basic (default) or TBX v2 martif for older tools.",
)
@click.option(
    "--bom", is_flag=True, default=None,
    help="csv/tsv: start the file with a UTF-8 byte order mark, so that Excel opens it as "
    "UTF-8 instead of showing mojibake (other tools do not need it).",
)
@click.option(
    "--zhuyin", is_flag=True,
    help="Add the zhuyin (bopomofo) reading of Chinese terms where the format has room for it.",
)
@json_option("Print a JSON summary on stdout (needs -o FILE).")
def export(
    glossary: str,
    to: str | None,
    output: str,
    from_format: str | None,
    locale: str | None,
    reverse: bool | None,
    lang_style: str | None,
    tbx_version: str | None,
    bom: bool | None,
    zhuyin: bool,
    as_json: bool,
) -> None:
    """Export GLOSSARY to TMX, TBX, PO, OmegaT, CSV, TSV, Excel, JSON or the termkit text format.

    GLOSSARY is any file termkit reads as a glossary (format from its name, or --from;
    `-` for stdin). The output format comes from the name of -o (out.tbx, g.zh_CN.po)
    unless --to says it. Concepts a format cannot hold (for example no Chinese term for
    the PO locale) are skipped with a warning on stderr.

    Example: termkit export glossaries/example/glossary.txt -o example.tbx
    """
    if as_json and output == "-":
        raise UsageError("--json needs -o FILE", hint="the JSON summary goes to stdout")
    to = output_format(output, to, EXPORT_FORMATS, None)
    options = export_options(
        to,
        {
            "locale": locale,
            "reverse": True if reverse else None,
            "lang_style": lang_style,
            "tbx_version": int(tbx_version) if tbx_version else None,
            "bom": True if bom else None,
        },
    )
    from termkit.io import check_output

    _, data = _read_one(glossary, from_format)
    check_output(output)  # not a folder, not the input
    if zhuyin:
        from termkit.glossary import add_zhuyin

        data = add_zhuyin(data)
    notices = _write(to, data, output, options)
    for n in notices:
        warn(n)
    if as_json:
        summary = {
            "input": glossary,
            "format": to,
            "output": output,
            "concepts": len(data.concepts),
            "warnings": [str(n) for n in notices],
        }
        click.echo(dumps(summary))


def _read_one(path: str, format_name: str | None) -> tuple[str, Glossary]:
    """Read one input as a glossary (see :func:`termkit.glossary.load_glossary`)."""
    from termkit import formats
    from termkit.glossary import load_glossary

    glossary = load_glossary(path, format=format_name)
    return formats.detect(path, format_name).name, glossary


def _import_globs() -> str:
    from termkit import formats

    return " ".join(sorted({f"*{e}" for f in formats.formats() for e in f.extensions}))


@click.command("import")
@click.argument("files", nargs=-1, required=True, metavar="INPUT...")
@output_option("Glossary to write", default=None, required=True, metavar="GLOSSARY")
@click.option(
    "--format", "format_name", default=None, metavar="NAME",
    help="Format of every INPUT when the file names do not tell (po, tmx, csv, …; `-` for "
    "stdin needs it).",
)
@click.option(
    "--to", "to", default=None, metavar="NAME",
    help="Format of the output glossary [default: from the extension of -o, else the "
    "termkit text format].",
)
@folder_options("every file whose format termkit knows from its name")
@json_option("Print a JSON summary on stdout (needs -o FILE).")
def import_(
    files: tuple[str, ...], output: str, format_name: str | None, to: str | None,
    includes: tuple[str, ...], excludes: tuple[str, ...], as_json: bool
) -> None:
    """Merge glossaries and translation files (TMX, TBX, PO, XLIFF, OmegaT, CSV, …) into one.

    Every INPUT is read with the format its name tells (or --format); `-` is stdin; a
    folder stands for the files in it whose format termkit knows, recursively, in sorted
    order. Translation-unit formats become one concept per unit. Concepts are merged by
    their Chinese form, keeping every source, and the result is written to GLOSSARY only
    when all inputs were read. GLOSSARY is replaced, not added to: list it among the
    INPUTs to extend it.
    """
    from termkit.cli.progress import Progress
    from termkit.glossary import merge_glossaries
    from termkit.inputs import distinct, expand_inputs, input_size
    from termkit.io import check_output

    if as_json and output == "-":
        raise UsageError("--json needs -o FILE", hint="the JSON summary goes to stdout")
    # GLOSSARY may be one of the INPUTs (documented: that extends it); it is replaced only
    # after every input was read, atomically.
    check_output(output, replace_input=True)
    out_format = output_format(output, to, EXPORT_FORMATS, "termkit")
    # A file named twice (`x.po ./x.po`, or in a folder named too) is read once: twice, its
    # terms counted as two sightings (support 2) and candidates were promoted to preferred.
    paths = distinct(expand_inputs(files, includes or _import_globs().split(), excludes))
    sizes = [input_size(p) for p in paths]
    read: list[tuple[str, str, Glossary]] = []
    with Progress("Reading", sum(s or 0 for s in sizes), "B") as bar:
        for path, size in zip(paths, sizes, strict=True):
            name, g = _read_one(path, format_name)
            read.append((path, name, g))
            bar.advance(size or 0)
    notices = [n for _, _, g in read for n in g.notices]
    # A valid file with nothing in it (a TMX whose body holds no unit, a PO of headers only,
    # units or entries that hold no term) adds nothing: say so, so an empty GLOSSARY is no
    # surprise.
    notices += [Notice(f"no terms or translation units in it ({name}): it adds nothing", path)
                for path, name, g in read if not any(c.terms for c in g.concepts)]
    merged = merge_glossaries([g for _, _, g in read])
    # The merge's own notices (an id two inputs both use), after the inputs' own.
    notices += [n for n in merged.notices if not any(n is m for _, _, g in read for m in g.notices)]
    notices += _write(out_format, merged, output, {}, replace_input=True)
    for n in notices:
        warn(n)
    if as_json:
        summary = {
            "inputs": [{"path": p, "format": n, "concepts": len(g.concepts)} for p, n, g in read],
            "output": output,
            "format": out_format,
            "concepts": len(merged.concepts),
            "warnings": [str(n) for n in notices],
        }
        click.echo(dumps(summary))
