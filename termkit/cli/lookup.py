"""``termkit lookup``: find concepts in glossaries by any of their forms (a thin command).

Parses options, loads the glossaries, calls :mod:`termkit.lookup` and renders each concept
found; exit status as grep's: 0 found, 1 nothing found (with a one-line note on stderr),
2 for any error (unreadable glossary, bad option).
"""

from __future__ import annotations

import unicodedata

import click

from termkit.cli.common import dumps, errors_exit_2, glossary_option, json_option, note


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render(match: dict[str, object]) -> str:
    """One concept as the text ``lookup`` prints: a title line, then its terms and details."""
    terms = match["terms"]
    assert isinstance(terms, list)
    lang_w = max(len(t["lang"]) for t in terms)
    text_w = max(_width(t["text"]) for t in terms)
    lines = [f"{match['glossary']} [{match['id']}] {match['kind']}, {match['status']}"]
    for t in terms:
        line = f"  {_pad(t['lang'], lang_w)}  {_pad(t['text'], text_w)}  {t['status']}"
        if "pinyin" in t:
            line += f"  {t['pinyin']}"
        lines.append(line.rstrip())
    domains = match["domains"]
    assert isinstance(domains, list)
    if domains:
        lines.append("  domain  " + "; ".join(domains))
    sources = match["sources"]
    assert isinstance(sources, list)
    total = match["sources_total"]
    assert isinstance(total, int)
    for i, source in enumerate(sources):
        more = f"  (+{total - len(sources)} more)" if i == len(sources) - 1 and total > len(sources) else ""
        lines.append(f"  source  {source}{more}")
    notes = match["notes"]
    assert isinstance(notes, list)
    lines += [f"  note    {n}" for n in notes]
    return "\n".join(lines)


@click.command()
@click.argument("query", nargs=-1, required=True, metavar="QUERY...")
@glossary_option("Glossary to search (repeatable; any format termkit reads).", required=True)
@click.option("--glossary-format", default=None, metavar="NAME",
              help="Format of the glossary files when their names do not tell it.")
@click.option("--sources", "max_sources", type=click.IntRange(min=0), default=3, show_default=True,
              help="How many of each concept's sources to show (the total is always given).")
@json_option("Print a JSON list of the concepts found.")
@click.pass_context
def lookup(ctx: click.Context, query: tuple[str, ...], glossaries: tuple[str, ...],
           glossary_format: str | None, max_sources: int, as_json: bool) -> None:
    """Find concepts by any form: Traditional, Simplified, English or pinyin.

    QUERY (several words are joined by spaces) is compared with every form of every concept:
    Chinese in either script, English ignoring case, punctuation and singular/plural, pinyin
    with or without tone marks, tone numbers or spaces (quanli pingheng, quánlì pínghéng,
    quanlipingheng). Each concept found is printed with all its terms, their statuses and
    pinyin, its domains and first sources.

    Exit status as grep's: 0 when something is found, 1 when nothing is (a note on stderr),
    2 on errors.
    """
    from termkit.glossary import load_glossary
    from termkit.lookup import LookupIndex, match_dict

    errors_exit_2()  # grep's convention: 1 means "not found", errors are 2
    text = " ".join(query).strip()
    if not text:
        raise click.UsageError("QUERY is empty")
    loaded = [(path, load_glossary(path, format=glossary_format,
                                              format_option="--glossary-format")) for path in glossaries]
    index = LookupIndex(loaded)
    found = [match_dict(m, max_sources) for m in index.search(text)]
    if as_json:
        click.echo(dumps(found))
    else:
        click.echo("\n\n".join(render(m) for m in found), nl=bool(found))
    if not found:
        n = len(glossaries)
        note(f"lookup: no concept matches {text!r} in {len(index)} concept(s) of "
             f"{n} glossar{'y' if n == 1 else 'ies'}")
        ctx.exit(1)
