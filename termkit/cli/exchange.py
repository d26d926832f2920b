"""``termkit export`` and ``termkit import``: a glossary to an exchange format, and back.

Both commands only parse options, call the format registry and the glossary library, and
render a summary; library errors propagate to the group, which prints ``Error: FILE:LINE: …``.
Nothing is written when reading fails: outputs go through :func:`termkit.io.atomic_binary`.
"""

from __future__ import annotations

import io
from typing import Any

import click

from termkit.cli.common import dumps, warn
from termkit.errors import UnknownFormatError, UsageError
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
    notices = fmt.write_glossary(glossary, buffer, **options)
    with atomic_binary(output, replace_input=replace_input) as fh:
        fh.write(buffer.getvalue())
    return notices


@click.command("export")
@click.argument("glossary", metavar="GLOSSARY")
@click.option(
    "--to", "to", required=True, type=click.Choice(EXPORT_FORMATS),
    help="Output format.",
)
@click.option(
    "-o", "--output", default="-", show_default=True, metavar="FILE",
    help="Output file ('-' for stdout); written only when the export succeeds.",
)
@click.option(
    "--from", "from_format", default=None, metavar="NAME",
    help="Format of GLOSSARY when its file name does not tell (e.g. termkit, json, csv).",
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
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout (needs -o FILE).")
def export(
    glossary: str,
    to: str,
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

    GLOSSARY is any file termkit reads as a glossary (format from its name, or --from).
    Concepts a format cannot hold (for example no Chinese term for the PO locale) are
    skipped with a warning on stderr.
    """
    if as_json and output == "-":
        raise UsageError("--json needs -o FILE", hint="the JSON summary goes to stdout")
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


@click.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-o", "--output", required=True, metavar="GLOSSARY",
    help="Glossary to write ('-' for stdout); its format comes from the extension "
    "(default: the termkit text format).",
)
@click.option(
    "--format", "format_name", default=None, metavar="NAME",
    help="Format of every input FILE when the file names do not tell (po, tmx, csv, …).",
)
@click.option(
    "--to", "to", default=None, metavar="NAME",
    help="Format of the output glossary, overriding its extension.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout (needs -o FILE).")
def import_(
    files: tuple[str, ...], output: str, format_name: str | None, to: str | None, as_json: bool
) -> None:
    """Merge glossaries and translation files (TMX, TBX, PO, XLIFF, OmegaT, CSV, …) into one.

    Every FILE is read with the format its name tells (or --format); translation-unit
    formats become one concept per unit. Concepts are merged by their Chinese form, keeping
    every source, and the result is written to GLOSSARY only when all inputs were read.
    GLOSSARY is replaced, not added to: list it among the FILEs to extend it.
    """
    from termkit import formats
    from termkit.glossary import merge_glossaries
    from termkit.io import check_output

    if as_json and output == "-":
        raise UsageError("--json needs -o FILE", hint="the JSON summary goes to stdout")
    # GLOSSARY may be one of the FILEs (documented: that extends it); it is replaced only
    # after every input was read, atomically.
    check_output(output, replace_input=True)
    read: list[tuple[str, str, Glossary]] = []
    for path in files:
        name, g = _read_one(path, format_name)
        read.append((path, name, g))
    notices = [n for _, _, g in read for n in g.notices]
    merged = merge_glossaries([g for _, _, g in read])
    if to:
        out_format = formats.get(to).name
    else:
        try:
            out_format = formats.detect(output).name if output != "-" else "termkit"
        except UnknownFormatError:
            out_format = "termkit"
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
