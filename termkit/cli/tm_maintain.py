"""``termkit tm delete`` and ``termkit tm edit``: keeping the memory clean.

Both parse options and call :mod:`termkit.tm.maintain`; library errors propagate to the
group, which prints ``Error: …``.
"""

from __future__ import annotations

import click

from termkit.cli.common import LANG_TAG
from termkit.cli.tm import (
    db_option,
    dumps_json,
    json_option,
    one_line,
    render_matches,
    unit_json,
)


@click.command()
@db_option
@click.option("--id", "ids", multiple=True, type=click.IntRange(1), metavar="ID",
              help="Unit id (repeatable; as `tm search` shows it, #ID).")
@click.option("--contains", metavar="TERM",
              help="Units with a segment containing TERM (as `tm concordance` finds them).")
@click.option("--lang", type=LANG_TAG, metavar="TAG", help="Language of TERM (default: guessed).")
@click.option("--origin", metavar="NAME", help="Units imported from this origin: the path as imported, or its file name.")
@click.option("--domain", metavar="NAME", help="Units of this domain.")
@click.option("--client", metavar="NAME", help="Units tagged with this client.")
@click.option("--dry-run", is_flag=True, help="List the units that would go; delete nothing.")
@json_option
def delete(db: str, ids: tuple[int, ...], contains: str | None, lang: str | None,
           origin: str | None, domain: str | None, client: str | None, dry_run: bool,
           as_json: bool) -> None:
    """Delete units: by id, by a term they contain, by origin, domain or client.

    The criteria given must all hold. --dry-run lists the units instead.
    """
    from termkit.tm.maintain import delete as run
    from termkit.tm.maintain import select
    from termkit.tm.store import open_store

    with open_store(db, create=False) as store:
        chosen = select(store, ids=ids, contains=contains, lang=lang, origin=origin,
                        domain=domain, client=client)
        if dry_run:
            units = store.get_units(chosen)
            if as_json:
                click.echo(dumps_json([unit_json(units[i]) for i in chosen]))
                return
            for i in chosen:
                u = units[i]
                click.echo(f"#{u.id} " + " | ".join(f"[{v.lang}] {one_line(v.text)}"
                                                    for v in u.unit.variants))
            click.echo(f"{len(chosen)} units would be deleted (dry run)")
            return
        deleted = run(store, chosen)
    if as_json:
        click.echo(dumps_json({"deleted": deleted, "ids": chosen}))
    else:
        click.echo(f"{deleted} units deleted")


@click.command()
@click.argument("unit_id", type=click.IntRange(1), metavar="ID")
@db_option
@click.option("--target", "text", required=True, metavar="TEXT", help="The corrected target.")
@click.option("--lang", type=LANG_TAG, metavar="TAG",
              help="Which target side, when the unit has several (e.g. zh-Hant-TW).")
@json_option
def edit(unit_id: int, db: str, text: str, lang: str | None, as_json: bool) -> None:
    """Correct the target text of unit ID (its index and duplicate keys follow)."""
    from termkit.tm.maintain import edit_target
    from termkit.tm.search import Match
    from termkit.tm.store import open_store

    with open_store(db, create=False) as store:
        stored = edit_target(store, unit_id, text, lang=lang)
    if as_json:
        click.echo(dumps_json(unit_json(stored)))
        return
    first = stored.unit.variants[0]
    for line in render_matches([Match(100, first.lang, first.text, stored)], False, False):
        click.echo(line)
