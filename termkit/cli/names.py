"""``termkit names match`` and ``termkit names romanize``: thin commands over :mod:`termkit.pinyin.names`."""

from __future__ import annotations

import click

_NAME_STYLES = ("pinyin", "tone", "wade-giles", "passport")


@click.group()
def names() -> None:
    """Romanize Chinese personal names and score romanized names against them."""


@names.command()
@click.argument("zh")
@click.argument("romanized")
@click.option("--json", "as_json", is_flag=True, help="Print score and matched reading as JSON.")
def match(zh: str, romanized: str, as_json: bool) -> None:
    """Score (0 to 1) whether ROMANIZED renders the Chinese name ZH.

    Accepts Hanyu Pinyin, Wade-Giles with or without apostrophes and hyphens, Tongyong, MPS II,
    given-name-first or surname-first, 'Lin, Yen-Ju' and 'ZHENG Dandan' forms. 0.5 and above
    means a match.
    """
    from termkit.cli.common import dumps
    from termkit.pinyin.names import match_details

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
@click.argument("zh", nargs=-1, required=True)
@click.option("--style", type=click.Choice(_NAME_STYLES), default="pinyin", show_default=True,
              help="pinyin: Zhang Guocheng; tone: Zhāng Guóchéng; wade-giles: Chang Kuo-ch'eng; "
                   "passport: Chang Kuo-Cheng (Taiwan passport style).")
def romanize(zh: tuple[str, ...], style: str) -> None:
    """Romanize one or more Chinese names, surname read as a surname (曾 Zēng, 單 Shàn)."""
    from termkit.pinyin.names import romanize_name

    for name in zh:
        click.echo(f"{name}\t{romanize_name(name, style)}")
