"""``termkit build`` and ``termkit extract``: article records -> pairings -> glossary."""

from __future__ import annotations

from typing import Any

import click

from termkit.cli.common import dumps, progress, warn
from termkit.records import FORMATS as RECORD_FORMATS


def _record_format_option(f: Any) -> Any:
    return click.option(
        "--format",
        "record_format",
        type=click.Choice(list(RECORD_FORMATS)),
        default=None,
        help="Record format of the inputs (default: detected from name and content).",
    )(f)


def _pairings(inputs: tuple[str, ...], record_format: str | None, label: str) -> list[Any]:
    from termkit.align import pair_record
    from termkit.records import read_records

    records = []
    for path in inputs:
        records.extend(read_records(path, format=record_format))
    return [pair_record(r) for r in progress(records, len(records), label)]


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    metavar="DIR",
    help="Folder to write the glossary into (created if needed; existing files replaced).",
)
@_record_format_option
@click.option("--no-exports", is_flag=True, help="Write only glossary.txt and glossary.json.")
@click.option(
    "--zhuyin",
    is_flag=True,
    help="Add the zhuyin (bopomofo) reading of Chinese terms to every output.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings and the summary.")
def build(
    inputs: tuple[str, ...],
    outdir: str,
    record_format: str | None,
    no_exports: bool,
    zhuyin: bool,
    quiet: bool,
) -> None:
    """Build a bilingual glossary from article records.

    Reads each INPUT (abstract-page text, RIS or JSON Lines; UTF-8, UTF-16, Big5 or
    GB18030; `-` for stdin), pairs Chinese and English keywords, author names and titles,
    merges all records, and writes DIR/glossary.txt (editable text) and DIR/glossary.json,
    plus exports for translation tools. Nothing is written if any input fails.

    Example: termkit build termkit/data/example-record.txt -o out/
    """
    from termkit.build import paused_gc, write_build
    from termkit.glossary import add_zhuyin, build_glossary

    with paused_gc():  # one batch: see paused_gc
        pairings = _pairings(inputs, record_format, "Pairing records")
        glossary = build_glossary(pairings)
        glossary.header = {
            "generator": "termkit build",
            "inputs": " ".join(inputs),
            "records": str(len(pairings)),
        }
        if zhuyin:
            glossary = add_zhuyin(glossary)
        written = write_build(glossary, outdir, exports=not no_exports)
    if quiet:
        return
    for notice in glossary.notices:
        warn(notice)
    for conflict in glossary.conflicts:
        warn(f"conflict: {conflict}")
    counts: dict[str, int] = {}
    for c in glossary.concepts:
        counts[c.kind.value] = counts.get(c.kind.value, 0) + 1
    detail = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    click.echo(
        f"{len(pairings)} record(s) -> {len(glossary)} concepts ({detail or 'none'}), "
        f"{len(glossary.conflicts)} conflict(s); wrote {', '.join(written)} to {outdir}",
        err=True,
    )


def _pair_json(x: Any) -> dict[str, Any]:
    return {
        "zh": x.zh,
        "en": x.en,
        "score": round(x.score, 3),
        "status": x.status.value,
        "evidence": list(x.kinds),
        "details": list(x.evidence),
    }


def pairing_json(p: Any) -> dict[str, Any]:
    """The stable JSON shape of one record's pairing (see README, `termkit extract`)."""
    r = p.record
    return {
        "source": r.source,
        "id": r.id,
        "title": {"en": r.title_en, "zh": r.title_zh},
        "pairs": [_pair_json(x) for x in p.pairs],
        "variants": [_pair_json(x) for x in p.variants],
        "unpaired_zh": list(p.unpaired_zh),
        "unpaired_en": list(p.unpaired_en),
        "authors": [_pair_json(x) for x in p.authors],
        "unmatched_authors": [{"zh": a.zh, "en": a.en} for a in p.unmatched_authors],
        "subjects": [list(s) for s in r.subjects],
        "volume": r.volume,
        "issue": r.issue,
        "date": r.date,
        "pages": r.pages,
        "references": len(r.references),
        "citing": len(r.citing),
        "warnings": [str(n) for n in [*r.notices, *p.notices]],
    }


def _table(p: Any) -> str:
    from termkit.model import Status

    r = p.record
    lines = [f"== {r.id} ({r.source})"]
    if r.title_zh or r.title_en:
        lines.append(f"title     {r.title_zh or '-'} | {r.title_en or '-'}")
    meta = [
        f"{k} {v}"
        for k, v in (("volume", r.volume), ("issue", r.issue), ("date", r.date), ("pages", r.pages))
        if v
    ]
    if meta:
        lines.append("          " + ", ".join(meta))
    width = max((len(x.zh) for x in p.pairs), default=0)
    for x in p.pairs:
        pad = " " * (width - len(x.zh)) * 2  # CJK characters are two columns wide
        if x.status is Status.CANDIDATE:
            # A candidate stands out: a reviewer confirms it (see README, statuses).
            why = " ".join(x.kinds) or "weak evidence"
            lines.append(f"keyword?  {x.zh}{pad}  {x.en}  ({x.score:.2f} candidate: {why})")
        else:
            lines.append(f"keyword   {x.zh}{pad}  {x.en}  ({x.score:.2f})")
    for x in p.variants:
        lines.append(f"variant   {x.zh}  {x.en}  (from title)")
    for x in p.authors:
        lines.append(f"author    {x.zh}  {x.en}  ({x.score:.2f})")
    for a in p.unmatched_authors:
        lines.append(f"author?   {a.zh or '-'}  {a.en or '-'}  (names do not match)")
    if p.unpaired_zh or p.unpaired_en:
        lines.append(
            f"unpaired  {' ; '.join(p.unpaired_zh) or '-'} | {' ; '.join(p.unpaired_en) or '-'}"
        )
    if r.subjects:
        lines.append("subjects  " + " ; ".join(" > ".join(s) for s in r.subjects))
    if r.references or r.citing:
        lines.append(f"refs      {len(r.references)} references, {len(r.citing)} citing works")
    return "\n".join(lines)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@_record_format_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per record (JSON Lines).")
def extract(inputs: tuple[str, ...], record_format: str | None, as_json: bool) -> None:
    """Show keywords, names and titles paired per record.

    Reads the same inputs as `build` and prints, for each record, the keyword pairs with
    their scores, title-attested variants, unpaired keywords, authors, subjects, volume,
    issue, date and pages. With --json, one object per line for scripts.

    Example: termkit extract termkit/data/example-record.txt --json
    """
    from termkit.build import paused_gc

    with paused_gc():
        pairings = _pairings(inputs, record_format, "Pairing records")
    for i, p in enumerate(pairings):
        if as_json:
            click.echo(dumps(pairing_json(p)))
        else:
            if i:
                click.echo("")
            click.echo(_table(p))
            for n in [*p.record.notices, *p.notices]:
                warn(n)
