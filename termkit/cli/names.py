"""``termkit names match`` and ``termkit names romanize``: thin commands over :mod:`termkit.pinyin.names`."""

from __future__ import annotations

import click

from termkit.cli.common import CommandGroup, json_option, stdin_default

_NAME_STYLES = ("pinyin", "tone", "wade-giles", "passport")


@click.group(cls=CommandGroup)
def names() -> None:
    """Romanize Chinese personal names and score romanized names against them."""


@names.command()
@click.argument("zh")
@click.argument("romanized")
@json_option("Print score and matched reading as JSON.")
def match(zh: str, romanized: str, as_json: bool) -> None:
    """Score (0 to 1) whether ROMANIZED renders the Chinese name ZH.

    Accepts Hanyu Pinyin, Wade-Giles with or without apostrophes and hyphens, Tongyong, MPS II,
    given-name-first or surname-first, 'Lin, Yen-Ju' and 'ZHENG Dandan' forms. 0.5 and above
    means a match.
    """
    from termkit.cli.common import dumps
    from termkit.pinyin.names import match_details, name_problem

    for name, value in (("ZH", zh), ("ROMANIZED", romanized)):
        if not value.strip():
            raise click.UsageError(f"{name} is empty")  # scored 0.00 and exit 0 before
    problem = name_problem(zh)
    if problem:  # scored 0.00 and exit 0 before, as `names romanize` refuses it
        swapped = name_problem(romanized) is None
        raise click.UsageError(f"{zh!r} is not a Chinese name: {problem}"
                               + ("; ZH comes first, then ROMANIZED" if swapped else ""))
    result = match_details(zh, romanized)
    if as_json:
        click.echo(dumps({
            "zh": zh,
            "romanized": romanized,
            "score": result.score,
            "surname": result.surname,
            "given": result.given,
            "surname_first": result.surname_first,
            "reading": result.reading,
        }))
    else:
        click.echo(f"{result.score:.2f}\t{result.reading}")


@names.command()
@click.argument("zh", nargs=-1, metavar="[ZH|-]...")
@click.option("--style", type=click.Choice(_NAME_STYLES), default="pinyin", show_default=True,
              help="pinyin: Zhang Guocheng; tone: Zhāng Guóchéng; wade-giles: Chang Kuo-ch'eng; "
                   "passport: Chang Kuo-Cheng (Taiwan passport style).")
@json_option("Print a JSON list of {zh, romanized} objects.")
def romanize(zh: tuple[str, ...], style: str, as_json: bool) -> None:
    """Romanize Chinese names, surname read as a surname (曾 Zēng, 單 Shàn).

    Each ZH argument is a name; `-` or no argument reads names from stdin, one per line
    (blank lines skipped). Prints NAME<TAB>ROMANIZATION per name.
    """
    from termkit.cli.common import dumps
    from termkit.errors import InputError
    from termkit.pinyin.names import name_problem, romanize_name

    if not zh:
        stdin_default("ZH names")
    given: list[str] = []
    for arg in zh or ("-",):
        if arg == "-":
            for number, name in _stdin_names():
                problem = name_problem(name)
                if problem:
                    raise InputError(f"{name!r} is not a Chinese name: {problem}", path="-",
                                     line=number)
                given.append(name)
            continue
        if not arg.strip():
            raise click.UsageError("ZH is empty")  # an empty line was printed before
        problem = name_problem(arg)
        if problem:  # spelled as if it were pinyin before: 'Zhang San' -> 'Z Hangsan'
            raise click.UsageError(f"{arg!r} is not a Chinese name: {problem}")
        given.append(arg)
    rows = [(name, romanize_name(name, style)) for name in given]
    if as_json:
        click.echo(dumps([{"zh": name, "romanized": roman} for name, roman in rows]))
        return
    for name, roman in rows:
        click.echo(f"{name}\t{roman}")


def _stdin_names() -> list[tuple[int, str]]:
    """The names on stdin, one a line, with their line numbers (blank lines skipped)."""
    from termkit.io import read_bytes
    from termkit.textio import decode_text

    data = read_bytes("-")
    if not data.strip():
        return []
    text, _encoding = decode_text(data, "-")
    return [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
