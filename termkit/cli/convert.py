"""``termkit convert``, ``termkit audit`` and ``termkit detect``: thin commands over the library.

They parse options, call :mod:`termkit.convert`, :mod:`termkit.convert_files`,
:mod:`termkit.audit` and :mod:`termkit.detect`, and render the results. Errors propagate as
:class:`~termkit.errors.TermkitError` (the group prints ``Error: FILE:LINE[:COL]: …``).
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO

import click

from termkit.cli.common import (
    dumps,
    errors_exit_2,
    folder_options,
    glossary_option,
    json_option,
    output_option,
    stdin_default,
    warn,
    word_list_note,
)
from termkit.errors import UsageError

_KINDS = ("text", "html", "tmx", "xliff", "tbx", "po", "csv", "tsv")  # = termkit.convert.files.KINDS
# Files `convert --in-place FOLDER` takes by default: the structured kinds and common text.
CONVERT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm", "*.tmx", "*.xlf", "*.xliff", "*.tbx",
                 "*.po", "*.pot", "*.csv", "*.tsv")


def input_alias_option(fn: Any, help: str = "Same as giving FILE as an INPUT argument "
                       "(repeatable).") -> Any:
    """``-i, --input FILE``: the same as a positional INPUT (kept from `pinyin -i` for scripts)."""
    return click.option("-i", "--input", "input_alias", multiple=True, metavar="FILE",
                        help=help)(fn)


def single_input_alias_option(fn: Any) -> Any:
    """``-i, --input FILE`` of a command that reads one INPUT (`detect`)."""
    return input_alias_option(fn, "Same as giving FILE as the INPUT argument (one file).")


def _refuse_glossary_in_place(paths: list[str], glossaries: tuple[str, ...]) -> None:
    """A glossary given with -g is read, not converted: refuse to replace it in place."""
    for glossary in glossaries:
        if glossary == "-" or not os.path.exists(glossary):
            continue
        for path in paths:
            if os.path.exists(path) and os.path.samefile(path, glossary):
                raise UsageError(
                    "the glossary of -g would be converted in place",
                    path=path,
                    hint="leave it out of the inputs (--exclude NAME for a folder) or move it",
                )


def _open_input(path: str) -> BinaryIO:
    # Read twice (validated before anything is written, then converted).
    from termkit.io import open_rereadable

    return open_rereadable(path)


@click.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT|-]...")
@input_alias_option
@click.option("-c", "--config", required=True, metavar="NAME",
              help="OpenCC config: s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t.")
@glossary_option("Glossary whose terms are locked to their target-variant form (repeatable, "
                 "any format termkit reads).")
@click.option("--glossary-format", default=None, metavar="NAME",
              help="Format of the glossary files when their names do not tell it.")
@output_option("Output file")
@click.option("--in-place", is_flag=True,
              help="Replace each input file with its conversion (atomically; all or none); "
                   "an INPUT folder stands for the files in it.")
@folder_options(" ".join(CONVERT_GLOBS))
@click.option("--format", "kind", type=click.Choice(_KINDS), default=None,
              help="File kind (default: from the extension; anything else is plain text).")
@click.option("--retag", is_flag=True,
              help="Rewrite Chinese language tags (TMX/XLIFF/TBX attributes, TMX x-lang props, CSV/TSV "
                   "headers, HTML lang and content-language) to the target variant; a converted TMX tuv, TBX langSec or table column "
                   "whose language the unit, concept or table already has is left out.")
@click.option("--topic", "topics", multiple=True, metavar="NAME[,NAME...]",
              help="Also lock the glossary forms kept for these topics (e.g. IT,Economics; "
                   "'all' for every topic). See --list-topics.")
@click.option("--list-topics", is_flag=True,
              help="List the topics of the glossaries (concepts, forms kept for the topic) and exit; "
                   "with an INPUT, also how many of its words each topic would lock, and which.")
@json_option("With --list-topics: one JSON object per topic (JSON Lines).")
def convert(inputs: tuple[str, ...], input_alias: tuple[str, ...], config: str,
            glossaries: tuple[str, ...], glossary_format: str | None, output: str,
            in_place: bool, includes: tuple[str, ...], excludes: tuple[str, ...],
            kind: str | None, retag: bool, topics: tuple[str, ...], list_topics: bool,
            as_json: bool) -> None:
    """Convert Traditional/Simplified Chinese with OpenCC, locking glossary terms.

    Reads INPUT (`-` or none: stdin) and writes -o (stdout by default); with --in-place,
    each INPUT file, or every file in an INPUT folder (recursively, --include/--exclude),
    is replaced by its conversion. Each glossary concept found in the input as a word (in
    any variant) is replaced by its form for the config's target variant, whatever OpenCC
    would do; everything else is plain OpenCC. A form does not lock inside a longer word
    (供應 in 供應鏈 or 提供應用); a concept with the prop 'lock-match: substring' locks inside
    words too. Forms a glossary marks 'lock-topic-only' (the regional glossary's rules that
    are wrong outside their topic) lock only when --topic names one of their topics. TMX,
    XLIFF, TBX, PO and CSV/TSV files are converted in their Chinese content only; PO headers
    get the new Language. HTML pages in the text a reader sees (text, title, alt and the
    like), never their scripts, styles, comments or markup. Plain text is streamed in chunks.
    """
    from termkit.cli.progress import Progress
    from termkit.convert import Converter, check_config, load_lock_glossaries, parse_topics
    from termkit.convert.files import (
        convert_bytes,
        convert_text_stream,
        detect_kind,
        untagged_chinese,
        wide_or_utf8,
    )
    from termkit.inputs import counting, expand_inputs, input_size, refuse_folders
    from termkit.io import (
        check_output,
        check_readable,
        check_replaceable,
        output_batch,
        read_bytes,
    )

    cfg = check_config(config)
    if as_json and not list_topics:
        raise UsageError("--json goes with --list-topics (the conversion itself is text)")
    if list_topics:
        if output != "-" or in_place:
            # (it lists the glossaries' topics and converts nothing: no output is written)
            raise UsageError("--list-topics converts nothing: it takes no --output or --in-place")
        if len(inputs) + len(input_alias) > 1:
            raise UsageError("--list-topics counts the topic words of one INPUT at a time")
        _print_topics(glossaries, glossary_format, cfg, [*inputs, *input_alias], as_json)
        return
    if not inputs and not input_alias:
        stdin_default("INPUT files")
    paths = [*inputs, *input_alias] or ["-"]
    if in_place:
        if output != "-":
            raise UsageError("--in-place and --output cannot be used together")
        if "-" in paths:
            raise UsageError("--in-place needs file names, not stdin")
        paths = expand_inputs(paths, includes or CONVERT_GLOBS, excludes)
    else:
        refuse_folders(paths, "a folder is converted with --in-place (every file in it is "
                       "replaced by its conversion)")
        if len(paths) > 1:
            raise UsageError("several inputs need --in-place (or convert them one at a time)")
    for p in paths:
        check_readable(p)
        if in_place:
            check_replaceable(p, "--in-place")
    if in_place:
        _refuse_glossary_in_place(paths, glossaries)
    glossary = load_lock_glossaries(glossaries, format=glossary_format,
                                    format_option="--glossary-format") if glossaries else None
    if not in_place:
        check_output(output)  # before the work: not a folder, not an input of this run
    chosen = parse_topics(topics, glossary)
    conv = Converter(cfg, glossary, topics=chosen)
    prepare = word_list_note("convert")
    if prepare is not None and not conv.words_ready():
        # A first conversion with a large glossary reads the general word list against every
        # form before it converts anything: seconds in which nothing would be shown.
        prepare()
    sizes = [input_size(p) for p in paths]
    # Every output is renamed into place only when all inputs converted: a bad file among
    # several --in-place inputs changes none of them.
    with output_batch() as batch, Progress("Converting", sum(s or 0 for s in sizes), "B") as bar:
        before = 0
        for path, size in zip(paths, sizes, strict=True):
            target = path if in_place else output
            file_kind = detect_kind(path, kind)
            if file_kind == "text":
                with _open_input(path) as fh:
                    wide = wide_or_utf8(fh, path)
                    with batch.open(target, replace_input=in_place) as out:
                        if wide is not None:  # UTF-16: converted whole, written back so
                            text, bom, codec = wide
                            out.write(bom + conv.convert(text).encode(codec))
                        else:
                            convert_text_stream(counting(fh, bar.after(before)),
                                                path, conv, out.write)
            else:
                data = read_bytes(path)  # structured files are converted whole (``-`` = stdin)
                result = convert_bytes(data, path, conv, file_kind, retag=retag)
                if result == data and untagged_chinese(data, path, file_kind):
                    warn(f"{path}: nothing converted: no Chinese language tag marks its "
                         "Chinese text (a header cell such as zh-TW, an xml:lang); `--format "
                         "text` converts every Chinese character in it")
                with batch.open(target, replace_input=in_place) as out:
                    out.write(result)
            before += size or 0
            bar.update(before)


def _print_topics(glossaries: tuple[str, ...], glossary_format: str | None, config: str,
                  paths: list[str], as_json: bool = False) -> None:
    """The glossaries' topics; with an INPUT, the words of it each topic would lock too
    (``as_json``: one object per topic, the forms with their counts, most frequent first)."""
    from termkit.convert import list_topics, load_lock_glossaries, topic_words
    from termkit.convert.files import validate_utf8
    from termkit.io import check_readable

    if not glossaries:
        raise UsageError("--list-topics needs a glossary (-g FILE)")
    for p in paths:
        check_readable(p)
    glossary = load_lock_glossaries(glossaries, format=glossary_format,
                                    format_option="--glossary-format")
    found: dict[str, dict[str, int]] | None = None
    if paths:
        with _open_input(paths[0]) as fh:
            validate_utf8(fh, paths[0])
            fh.seek(0)
            text = fh.read().decode("utf-8-sig")
        found = topic_words(glossary, config, text)
    for t in list_topics(glossary):
        counts = found.get(t.name, {}) if found is not None else {}
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if as_json:
            row: dict[str, object] = {"topic": t.name, "concepts": t.concepts,
                                      "topic_only": t.topic_only}
            if found is not None:
                row.update(input=paths[0], words=sum(counts.values()),
                           forms=[{"form": form, "count": n} for form, n in top])
            click.echo(dumps(row))
            continue
        line = f"{t.name}\t{t.concepts} concepts\t{t.topic_only} forms for this topic only"
        if found is not None:
            shown = ", ".join(f"{form} ×{n}" for form, n in top[:5]) + (", …" if len(top) > 5 else "")
            line += f"\t{sum(counts.values())} in {paths[0]}" + (f" ({shown})" if shown else "")
        click.echo(line)


class _UnlistedArgument(click.Argument):
    """An argument left out of the usage line: an older spelling kept working."""

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return []


@click.command()
# The glossary was positional before `-g` (the spelling of every other command): deprecated,
# kept working, not shown.
@click.argument("positional", nargs=-1, metavar="GLOSSARY...", cls=_UnlistedArgument)
@glossary_option("Glossary to audit (repeatable; any format termkit reads as a glossary).")
@click.option("-c", "--config", "configs", multiple=True, metavar="NAME",
              help="OpenCC config to audit (repeatable; default: s2t t2s s2twp tw2sp s2hk hk2s).")
@click.option("--glossary-format", default=None, metavar="NAME", help="Format of the glossary files.")
@click.option("--problems", is_flag=True, help="Show only terms that need locking.")
@json_option("Print one JSON object per line.")
def audit(positional: tuple[str, ...], glossaries: tuple[str, ...], configs: tuple[str, ...],
          glossary_format: str | None, problems: bool, as_json: bool) -> None:
    """Report how plain OpenCC treats each glossary term, and when the term locks.

    For each term and config: OpenCC's output, whether it differs from the glossary's form
    for the target variant, which chain step changed it, whether converting back returns
    the original, the risk column ('any': locks in any text; 'topic T': only with
    --topic T, with the evidence), which characters have several candidates, and a few
    general words the term does not lock inside.
    """
    from termkit.convert import check_config, load_lock_glossaries
    from termkit.convert.audit import DEFAULT_CONFIGS, audit_glossary

    glossaries = positional + glossaries
    if not glossaries:
        raise click.UsageError("give the glossary to audit with -g FILE")
    cfgs = [check_config(c) for c in configs] or list(DEFAULT_CONFIGS)
    glossary = load_lock_glossaries(glossaries, format=glossary_format,
                                    format_option="--glossary-format")
    for row in audit_glossary(glossary, cfgs, on_prepare=word_list_note("audit")):
        if problems and not row.needs_lock:
            continue
        if as_json:
            click.echo(dumps(row.as_dict()))
            continue
        verdict = "same" if row.differs is None else ("DIFFERS" if row.differs else "ok")
        expected = f" (glossary: {row.expected})" if row.differs else ""
        steps = "; ".join(row.changed_by) or "unchanged"
        trip = "round-trip ok" if row.round_trip else f"round-trip FAILS ({row.back})"
        many = " ".join(f"{ch}→{'/'.join(c)}" for ch, c in row.one_to_many.items())
        risk = row.risk if row.risk == "any" else f"topic {','.join(row.topics)}"
        inside = f"\tnot inside: {' '.join(row.not_inside)}" if row.not_inside else ""
        click.echo(
            f"{row.concept}\t{row.config}\t{row.term} → {row.opencc}\t{verdict}{expected}\t"
            f"{steps}\t{trip}\trisk: {risk} ({row.risk_reason})"
            + (f"\tone-to-many: {many}" if many else "") + inside
        )


@click.command()
@click.argument("input_path", required=False, metavar="[INPUT|-]")
@single_input_alias_option
@click.option("--expect", required=True, type=click.Choice(["hant", "hans"], case_sensitive=False),
              help="The script the text is declared in; characters of the other one are reported.")
@json_option("Print a JSON list of findings.")
@click.pass_context
def detect(ctx: click.Context, input_path: str | None, input_alias: tuple[str, ...], expect: str,
           as_json: bool) -> None:
    """Find Simplified characters in Traditional text and the reverse.

    Reads INPUT (`-` or none: stdin). Only characters that exist in one script count;
    positions are LINE:COLUMN in characters. Exit status: 0 none found, 1 found, 2 errors.
    """
    from termkit.convert.detect import detect_chunks
    from termkit.convert.files import iter_text_blocks

    errors_exit_2()
    given = [*([input_path] if input_path is not None else []), *input_alias]
    if len(given) > 1:
        raise UsageError("detect reads one INPUT", hint="run it once per file")
    if not given:
        stdin_default("an INPUT file")
    input_path = given[0] if given else "-"
    found = 0
    other = "Traditional" if expect.lower() == "hant" else "Simplified"
    with _open_input(input_path) as fh:
        # Streamed in bounded blocks (a 50 MB one-line file needs little memory). Input
        # errors come before any finding is printed: the encoding is checked first.
        from termkit.convert.files import wide_or_utf8

        wide = wide_or_utf8(fh, input_path)
        blocks = iter_text_blocks(fh, input_path) if wide is None else iter([wide[0]])
        if as_json:
            click.echo("[", nl=False)
        for f in detect_chunks(blocks, expect):
            if as_json:
                click.echo((", " if found else "") + dumps(f.as_dict()), nl=False)
            else:
                kind = "Simplified" if f.script == "Hans" else "Traditional"
                hint = f" ({other}: {'/'.join(f.suggestions)})" if f.suggestions else ""
                click.echo(f"{input_path}:{f.line}:{f.column}: {f.char} is {kind}{hint}")
            found += 1
        if as_json:
            click.echo("]")
    if found:
        ctx.exit(1)
