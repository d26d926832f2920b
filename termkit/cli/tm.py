"""``termkit tm``: translation-memory commands (import, search, concordance, export, stats).

Each command parses options, calls :mod:`termkit.tm` and renders the result; errors from the
library propagate to the group, which prints ``Error: …``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import click

from termkit.cli.common import (
    LANG_TAG,
    CommandGroup,
    errors_exit_2,
    folder_options,
    glossary_option,
    note,
    output_option,
)
from termkit.cli.common import json_option as shared_json_option
from termkit.errors import TermkitError
from termkit.model import Notice
from termkit.tm.store import DEFAULT_DB

# Files `tm import FOLDER` takes by default (bilingual TSV and records only with --include).
TM_IMPORT_GLOBS = ("*.tmx", "*.po", "*.xlf", "*.xliff", "*.sdlxliff", "*.mqxliff")

DB_HELP = (
    f"Translation-memory file (SQLite). Default: ./{DEFAULT_DB} in the current folder, "
    "so each project folder has its own memory."
)


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--db PATH`` option every ``tm`` command has."""
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True,
                        metavar="PATH", help=DB_HELP)(fn)


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--json`` switch."""
    return shared_json_option()(fn)


def dumps_json(obj: Any) -> str:
    """Indented JSON, non-ASCII kept (``--json`` output of the tm commands)."""
    import json

    return json.dumps(obj, ensure_ascii=False, indent=2)


def unit_json(stored: Any) -> dict[str, Any]:
    """A stored unit as the JSON the tm commands print."""
    u = stored.unit
    loc = u.location
    return {
        "id": stored.id,
        "tuid": u.id,
        "source_lang": u.source_lang,
        "variants": [{"lang": v.lang, "text": v.text} for v in u.variants],
        "origin": loc.path if loc else None,
        "line": loc.line if loc else None,
        "record": loc.record if loc else None,
        "created": stored.created,
        "domain": stored.domains[0] if stored.domains else None,
        "domains": stored.domains,
        "align_score": stored.score,
        "flagged": stored.flagged,
    }


class _TmGroup(CommandGroup):
    """The ``tm`` group: job and maintenance commands load from their own modules."""

    LAZY: ClassVar[dict[str, str]] = {
        "pretranslate": "termkit.cli.tm_jobs:pretranslate",
        "analyze": "termkit.cli.tm_jobs:analyze",
        "delete": "termkit.cli.tm_maintain:delete",
        "edit": "termkit.cli.tm_maintain:edit",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.LAZY.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        import importlib

        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_TmGroup, context_settings={"help_option_names": ["-h", "--help"]})
def tm() -> None:
    """Translation memory: import, search, pre-translate, analyse, maintain, export.

    The memory is one SQLite file (--db, default ./termkit-tm.sqlite). Import TMX, PO,
    XLIFF, bilingual TSV or article records; search it CAT-style; pre-translate PO, XLIFF
    and TMX files from it and analyse jobs in match bands; delete or correct units; export
    it as TMX, in zh-TW or zh-CN if the client wants one script.
    """


def _after_imported(exc: TermkitError, done: list[tuple[str, Any]]) -> TermkitError:
    """``exc`` of a later input, saying what the inputs before it added (they stay imported:
    each was committed, and importing them again only finds duplicates)."""
    added = sum(r.added for _, r in done)
    kept = (f"{len(done)} input{'s' if len(done) != 1 else ''} before it "
            f"{'were' if len(done) != 1 else 'was'} imported ({added:,} units added); "
            "importing them again skips those units as duplicates")
    exc.hint = f"{exc.hint}; {kept}" if exc.hint else kept
    return exc


@tm.command("import")
@click.argument("files", nargs=-1, required=True, metavar="INPUT...")
@db_option
@click.option("--format", "fmt", metavar="NAME",
              help="Input format (tmx, po, xliff, csv, tsv, xlsx, omegat; records for article "
                   "records); default: from the file name.")
@click.option("--domain", metavar="NAME", help="Domain to record on units that have none.")
@click.option("--origin", metavar="NAME",
              help="Origin recorded on the units instead of the file name (e.g. a project).")
@click.option("--client", metavar="NAME",
              help="Client recorded on every unit (prop x-client; kept on export).")
@click.option("--tmx-attributes", type=click.Choice(["keep", "drop"]), default="keep",
              show_default=True,
              help="TMX <tu> creation/change date and user, usage count, last usage date: "
                   "keep them (written back on export) or drop them.")
@click.option("--batch-size", type=click.IntRange(1), default=50_000, show_default=True,
              help="Units per transaction (a killed import keeps whole batches).")
@folder_options(" ".join(TM_IMPORT_GLOBS))
@click.option("-q", "--quiet", is_flag=True,
              help="Do not print the summary, conflicts, warnings and the progress line "
                   "(errors are still shown).")
@json_option
def import_(files: tuple[str, ...], db: str, fmt: str | None, domain: str | None,
            origin: str | None, client: str | None, tmx_attributes: str, batch_size: int,
            includes: tuple[str, ...], excludes: tuple[str, ...], quiet: bool,
            as_json: bool) -> None:
    """Import translation units from INPUTs; duplicates are skipped, conflicts reported.

    Each INPUT is a TMX, PO, XLIFF, bilingual TSV or records file (`-` for stdin, with
    --format), or a folder: its TMX, PO and XLIFF files, recursively, in sorted order.
    --domain, --origin and --client tag the units (kept on export as TMX props, and usable
    by `termkit tm delete`); the TMX <tu> attributes creationdate, creationid, changedate,
    changeid, usagecount and lastusagedate are kept (and exported) unless --tmx-attributes drop.
    Inputs are imported in turn, each committed: when one is malformed the import stops there,
    the error says what the inputs before it added, and importing them again finds duplicates.
    """
    from termkit.cli.progress import Progress
    from termkit.inputs import distinct, expand_inputs, input_size
    from termkit.tm.sources import check_source, iter_file_units, tag_units
    from termkit.tm.store import open_store

    # A file named twice is imported once (the second time only counted its units again, as
    # duplicates), as every command that reads several files takes it.
    paths = distinct(expand_inputs(files, includes or TM_IMPORT_GLOBS, excludes))
    for path in paths:  # every input first: a missing last file imported the others before
        check_source(path, fmt)
    sizes = [input_size(p) for p in paths]
    new_memory = not os.path.lexists(db)
    discard = False  # a memory this run created and left without a unit: not left behind
    try:
        with open_store(db) as store, \
                Progress("Importing", sum(s or 0 for s in sizes), "B",
                         enabled=False if quiet else None) as bar:
            results: list[tuple[str, Any]] = []
            before = 0
            for path, size in zip(paths, sizes, strict=True):
                try:
                    units = tag_units(iter_file_units(path, fmt, progress=bar.after(before)),
                                      origin=origin, client=client,
                                      tmx_attributes=tmx_attributes == "keep")
                    report = store.import_units(units, domain=domain, batch_size=batch_size)
                except TermkitError as exc:
                    discard = new_memory and not results and len(store) == 0
                    raise exc if not results else _after_imported(exc, results) from None
                if not report.read:
                    # A valid file with no unit (a TMX with an empty body, a PO of headers
                    # only) adds nothing: say so, as `termkit import` does, so an empty memory
                    # is no surprise.
                    report.notices.append(Notice("no translation units in it: it adds nothing",
                                                 path))
                results.append((path, report))
                before += size or 0
                bar.update(before)
    finally:
        if discard:
            for leftover in (db, f"{db}-wal", f"{db}-shm", f"{db}-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)
    if as_json:
        click.echo(dumps_json([
            {
                "file": path, "read": r.read, "added": r.added, "duplicates": r.duplicates,
                "skipped": r.skipped, "flagged": r.flagged,
                "conflicts": [
                    {"source_lang": c.source_lang, "source": c.source, "units": c.units,
                     "targets": c.targets} for c in r.conflicts
                ],
                "notices": [str(n) for n in r.notices],
            }
            for path, r in results
        ]))
        return
    if quiet:
        return
    for path, r in results:
        click.echo(f"{path}: {r.read} read, {r.added} added, {r.duplicates} duplicates, "
                   f"{r.skipped} skipped, {r.flagged} flagged, {len(r.conflicts)} conflicts")
        for c in r.conflicts:
            click.echo(f"  conflict: [{c.source_lang}] {one_line(c.source)}")
            for uid, target in zip(c.units, c.targets, strict=True):
                click.echo(f"    #{uid}: {one_line(target)}")
        for n in r.notices:
            click.echo(f"Warning: {n}", err=True)


def one_line(text: str) -> str:
    """A segment on one line of the text output, a line break shown as ⏎ (as ``check``
    shows it): printed raw, a catalogue's trailing newline put an empty line inside the unit,
    which read as the gap between two units. ``--json`` keeps the text as stored."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def render_matches(matches: list[Any], as_json: bool, with_score: bool) -> Iterator[str]:
    """Lines (or one JSON text) showing search or concordance matches."""
    if as_json:
        yield dumps_json([
            {**({"score": m.score} if with_score else {}), "lang": m.lang, "text": m.text,
             "unit": unit_json(m.unit)} for m in matches
        ])
        return
    for m in matches:
        head = f"{m.score:3d}  " if with_score else ""
        flag = "  (flagged)" if m.unit.flagged else ""
        yield f"{head}#{m.unit.id} [{m.lang}] {one_line(m.text)}{flag}"
        pad = " " * len(head)
        for v in m.unit.unit.variants:
            if v.text != m.text or v.lang != m.lang:
                yield f"{pad}    [{v.lang}] {one_line(v.text)}"


@tm.command()
@click.argument("text")
@db_option
@click.option("--min", "min_score", type=click.IntRange(0, 100), default=70, show_default=True,
              help="Lowest score shown (0–100).")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True,
              help="Most matches shown.")
@click.option("--lang", type=LANG_TAG, metavar="TAG",
              help="Language of TEXT (default: Chinese if it has more Chinese characters than English words, else English).")
@json_option
@click.pass_context
def search(ctx: click.Context, text: str, db: str, min_score: int, limit: int,
           lang: str | None, as_json: bool) -> None:
    """Fuzzy matches for TEXT, best first, with CAT-style scores (100 = exact).

    Exit status as grep's: 0 when a unit matches, 1 when none reaches --min (a note on
    stderr), 2 on errors.
    """
    from termkit.tm.search import search as run
    from termkit.tm.store import open_store

    errors_exit_2()
    if not text.strip():
        raise click.UsageError("TEXT is empty")  # as lookup: not "no match", exit 1
    with open_store(db, create=False) as store:
        matches = run(store, text, lang=lang, min_score=min_score, limit=limit)
        units = len(store) if not matches else 0
    for line in render_matches(matches, as_json, True):
        click.echo(line)
    if not matches:
        note(f"tm search: no unit matches {text!r} at {min_score} or above "
             f"({units} unit(s) in {db})")
        ctx.exit(1)


@tm.command()
@click.argument("term")
@db_option
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="Most units shown.")
@click.option("--lang", type=LANG_TAG, metavar="TAG",
              help="Language of TERM (default: Chinese if it has more Chinese characters than English words, else English).")
@json_option
@click.pass_context
def concordance(ctx: click.Context, term: str, db: str, limit: int, lang: str | None,
                as_json: bool) -> None:
    """Units whose segments contain TERM (any case; Chinese in either script).

    Exit status as grep's: 0 when a unit contains TERM, 1 when none does (a note on
    stderr), 2 on errors.
    """
    from termkit.tm.search import concordance as run
    from termkit.tm.store import open_store

    errors_exit_2()
    if not term.strip():
        raise click.UsageError("TERM is empty")
    with open_store(db, create=False) as store:
        matches = run(store, term, lang=lang, limit=limit)
        units = len(store) if not matches else 0
    for line in render_matches(matches, as_json, False):
        click.echo(line)
    if not matches:
        note(f"tm concordance: no unit contains {term!r} ({units} unit(s) in {db})")
        ctx.exit(1)


@tm.command()
@db_option
@click.option("--to", "to", type=click.Choice(["tmx"]), default="tmx", show_default=True,
              help="Output format.")
@click.option("--variant", type=click.Choice(["zh-TW", "zh-CN"]),
              help="Convert Chinese segments to this variant (glossary-locked OpenCC).")
@glossary_option("Glossary whose terms are locked during --variant conversion (repeatable).")
@click.option("--topic", "topics", multiple=True, metavar="NAME[,NAME...]",
              help="Also lock the glossary forms kept for these topics (as convert --topic; "
                   "'all' for every topic).")
@click.option("--lang-style", type=click.Choice(["short", "bcp47"]), default="short",
              show_default=True, help="Language tags written: zh-TW (short) or zh-Hant-TW.")
@output_option("Output file")
def export(db: str, to: str, variant: str | None, glossaries: tuple[str, ...],
           topics: tuple[str, ...], lang_style: str, output: str) -> None:
    """Export the whole memory (TMX 1.4b), with provenance as props."""
    from termkit.convert import parse_topics
    from termkit.io import atomic_binary, check_output, note_input
    from termkit.tm.export import write_export
    from termkit.tm.store import open_store

    note_input(db, db + "-wal", db + "-shm")
    check_output(output)  # never the memory itself (tm export --db tm.sqlite -o tm.sqlite)
    glossary = None
    if glossaries:
        # Read for locking as `convert` reads them: merging would join concepts by their
        # Chinese forms and change which one a contested form locks to.
        from termkit.convert import load_lock_glossaries

        glossary = load_lock_glossaries(list(glossaries))
    chosen = parse_topics(topics, glossary)
    with open_store(db, create=False) as store, atomic_binary(output) as fh:
        write_export(store, fh, to=to, variant=variant, glossary=glossary,
                     lang_style=lang_style, topics=chosen)


@tm.command()
@db_option
@click.option("--conflicts", "show_conflicts", is_flag=True,
              help="Also list every source with conflicting targets.")
@json_option
def stats(db: str, show_conflicts: bool, as_json: bool) -> None:
    """Counts: units, languages, domains, origins, flagged alignments, conflicts."""
    from termkit.tm.store import open_store

    with open_store(db, create=False) as store:
        data = store.stats()
        conflicts = store.conflicts() if show_conflicts else []
    if show_conflicts:
        data["conflict_list"] = [
            {"source_lang": c.source_lang, "source": c.source, "units": c.units,
             "targets": c.targets} for c in conflicts
        ]
    if as_json:
        click.echo(dumps_json(data))
        return
    for key in ("path", "schema_version", "units", "variants", "aligned", "flagged",
                "conflicts", "bytes"):
        click.echo(f"{key}: {data[key]}")
    if data["index_pending"]:
        click.echo("index pending: an import is running or was interrupted; the next "
                   "`termkit tm import` completes it")
    for key in ("languages", "domains", "origins"):
        if data[key]:
            click.echo(f"{key}:")
            for name, count in data[key].items():
                click.echo(f"  {name}: {count}")
    for c in conflicts:
        click.echo(f"conflict: [{c.source_lang}] {one_line(c.source)}")
        for uid, target in zip(c.units, c.targets, strict=True):
            click.echo(f"  #{uid}: {one_line(target)}")
