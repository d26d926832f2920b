"""``termkit pinyin``: annotate Chinese text with pinyin, zhuyin or Wade-Giles (thin command).

Parses options, reads the text (argument, file or stdin), calls :mod:`termkit.pinyin` and
:mod:`termkit.pinyin.ruby`, and writes the rendering atomically. Errors propagate as
:class:`~termkit.errors.TermkitError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

import click

from termkit.cli.common import (
    LANG_TAG,
    glossary_option,
    json_option,
    output_option,
    stdin_default,
    warn,
)

_STYLES = ("tone", "tone3", "zhuyin", "wade-giles")
_FORMATS = ("inline", "ruby", "tsv", "json")
# The rendering an output name asks for when --to is not given (anything else: inline).
_BY_EXTENSION = {".html": "ruby", ".htm": "ruby", ".tsv": "tsv", ".json": "json"}


def rendering_for(output: str, fmt: str | None) -> str:
    """``fmt``, else the rendering the extension of ``output`` names, else ``inline``."""
    if fmt:
        return fmt
    import os

    return _BY_EXTENSION.get(os.path.splitext(output)[1].lower(), "inline") if output != "-" \
        else "inline"


def _input_blocks(stack: contextlib.ExitStack, path: str) -> Iterator[str]:
    """The decoded text of ``path`` (``-`` = stdin) in blocks; encoding detected first."""
    from termkit.io import open_rereadable
    from termkit.textio import holds_no_text
    from termkit.textstream import detect_encoding, iter_decoded

    # Read twice (encoding, then text).
    fh = stack.enter_context(open_rereadable(path))
    if holds_no_text(fh.read(5)):  # 5: one more than the longest mark
        return iter(())  # an empty text, as convert and detect read it
    fh.seek(0)
    encoding, skip = detect_encoding(fh, path)
    return iter_decoded(fh, encoding, skip)


@click.command()
@click.argument("texts", nargs=-1, metavar="[TEXT|-]...")
@click.option("-i", "--input", "input_paths", metavar="FILE", multiple=True,
              help="Read the text from FILE (`-` for stdin) instead of TEXT arguments (once).")
@click.option("--style", type=click.Choice(_STYLES), default="tone", show_default=True,
              help="Reading style: tone marks, tone numbers, zhuyin (bopomofo) or Wade-Giles.")
@click.option("--to", "--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="inline: text(reading); ruby: a complete HTML page; tsv: term<TAB>reading per "
                   "line; json [default: from the extension of -o (.html ruby, .tsv, .json), "
                   "else inline].")
@glossary_option("Glossary whose terms' pinyin overrides pypinyin (repeatable, any format "
                 "termkit reads).")
@click.option("--name", "name_mode", is_flag=True,
              help="Read each Chinese run as a personal name (surname readings: 曾 Zēng, 單 Shàn); "
                   "a dotted name (阿沛·阿旺晉美) part by part, one word each, no surname.")
@click.option("--words/--no-words", default=True, show_default=True,
              help="Group syllables into words (pinyin orthography) or annotate each character alone.")
@click.option("--heteronym", is_flag=True,
              help="Give every reading of each character, the chosen one first: in inline, TSV and "
                   "ruby as pypinyin does (中心 -> zhōng,zhòng xīn), in JSON as a candidates list.")
@click.option("--lang", type=LANG_TAG, default=None, metavar="TAG",
              help="Language tag of the ruby HTML page [default: zh-Hans for Simplified text, "
                   "else zh-Hant].")
@click.option("--page/--text", "as_page", default=None,
              help="Read the input as an HTML page, readings added to the text it shows (as ruby, "
                   "or inline with --to inline), markup, scripts and styles kept; or as plain "
                   "text [default: a page for -i FILE named .html, .htm or .xhtml].")
@json_option("Write JSON: the same as --to json, the spelling of every other command.")
@output_option("Output file")
def pinyin(texts: tuple[str, ...], input_paths: tuple[str, ...], style: str, fmt: str | None,
           glossaries: tuple[str, ...], name_mode: bool, words: bool, heteronym: bool,
           lang: str | None, as_page: bool | None, as_json: bool,
           output: str) -> None:
    """Annotate Chinese text with pinyin, grouped into words, glossary readings first.

    TEXT arguments are annotated as given (several are joined by spaces); `-` or no TEXT
    reads stdin; -i FILE reads a file (UTF-8, UTF-16, Big5 or GB18030). Words follow pinyin
    orthography (權力平衡 -> quánlì pínghéng, proper nouns capitalized); non-Chinese text
    passes through. TSV and JSON give one row per non-empty line. An HTML page (-i
    page.html, or --page) comes back as the same page, in UTF-8, with ruby readings over the
    text it shows.
    """
    from termkit import pinyin as lib
    from termkit.errors import UsageError
    from termkit.io import atomic_text, check_output, read_bytes
    from termkit.textio import decode_text, holds_no_text

    if len(input_paths) > 1:
        # click would keep the last one and drop the others without a word.
        raise UsageError("-i/--input reads one FILE; give it once (join files with cat)")
    input_path = input_paths[0] if input_paths else None
    text: str | None = None
    if not texts and input_path is None:
        stdin_default("TEXT or -i FILE")
        input_path = "-"
    elif texts == ("-",) and input_path is None:
        input_path = "-"
    elif texts and input_path is not None:
        raise UsageError("give either TEXT or -i FILE, not both")
    elif texts:
        if "-" in texts:
            raise UsageError("`-` (stdin) cannot be mixed with TEXT arguments")
        text = " ".join(texts)
        _hint_file(texts)
    if input_path is not None:
        from termkit.io import check_readable

        check_readable(input_path)
    check_output(output)
    if as_json:
        if fmt not in (None, "json"):
            raise UsageError(f"--json and --to {fmt} ask for two output formats")
        fmt = "json"
    if as_page is None:
        from termkit.htmlsafe import PAGE_SUFFIXES

        as_page = input_path is not None and input_path.lower().endswith(tuple(PAGE_SUFFIXES))
        if not as_page and input_path not in (None, "-") and _looks_like_a_page(input_path):
            warn(f"{input_path}: looks like an HTML page but is read as plain text (its markup "
                 "and scripts get readings too); --page reads it as a page")
    if as_page:
        if fmt not in (None, "ruby", "inline"):
            raise UsageError(f"a page gets its readings in place, as ruby or inline, not as {fmt}",
                             hint="--to ruby (the default for a page) or --to inline; --text "
                                  "reads the page as plain text")
        if lang is not None:
            raise UsageError("--lang names the language of a new ruby page; a page read with "
                             "--page keeps its own")
        fmt = fmt or "ruby"
    fmt = rendering_for(output, fmt)
    gloss = None
    if glossaries:
        from termkit.glossary import load_glossaries

        gloss = lib.GlossaryReadings.from_glossary(load_glossaries(list(glossaries), format_option=None))
    chosen = lib.parse_style(style)

    def tokens(part: str) -> list[lib.Token]:
        return lib.annotate(part, glossary=gloss, heteronym=heteronym, words=words, name=name_mode)

    if as_page:
        from termkit.io import atomic_binary
        from termkit.pinyin.page import annotate_page, pinyin_page, renderer

        render = renderer(fmt, chosen, heteronym=heteronym)
        if input_path is not None:
            written = pinyin_page(read_bytes(input_path), input_path, tokens, render)
        else:
            rendered = annotate_page(text or "", tokens, render)
            if rendered and not rendered.endswith("\n"):
                rendered += "\n"  # a TEXT argument ends its line, as inline text does
            written = rendered.encode("utf-8")
        with atomic_binary(output) as out:
            out.write(written)
        return
    if fmt == "inline":
        # Streamed window by window: a 50 MB one-line file needs little memory.
        from termkit.pinyin.stream import inline_pieces

        with contextlib.ExitStack() as stack:
            blocks: Iterable[str] = [text or ""]
            if input_path is not None:
                blocks = _input_blocks(stack, input_path)
            with atomic_text(output) as fh:
                last = ""
                for piece in inline_pieces(blocks, tokens, chosen, heteronym=heteronym):
                    if piece:
                        fh.write(piece)
                        last = piece[-1]
                if last not in ("", "\n"):  # nothing in, nothing out
                    fh.write("\n")
        return
    if input_path is not None:
        data = read_bytes(input_path)
        source = "" if holds_no_text(data) else decode_text(data, input_path)[0]
    else:
        source = text or ""
    rows = [(line, tokens(line)) for line in lib.lines_of(source)]
    if fmt == "tsv":
        rendered = lib.render_tsv(rows, chosen, heteronym=heteronym)
    elif fmt == "json":
        rendered = lib.to_json(rows, chosen, heteronym)
    else:
        from termkit.pinyin.ruby import render_ruby_html

        rendered = render_ruby_html(rows, chosen, lang=lang or _page_lang(source),
                                    heteronym=heteronym)
    with atomic_text(output) as fh:
        fh.write(rendered)


def _page_lang(text: str) -> str:
    """``zh-Hans`` when ``text`` holds more Simplified than Traditional characters, else
    ``zh-Hant``: the page's ``lang`` picks the browser's CJK font, and a Simplified page
    declared zh-Hant is drawn with a Traditional-region font (by OpenCC's character tables in
    memory, :func:`termkit.scriptconv.mostly_simplified`: a full disk must not turn into a
    failure of the page's output)."""
    from termkit.scriptconv import mostly_simplified

    return "zh-Hans" if mostly_simplified(text) else "zh-Hant"


def _looks_like_a_page(path: str) -> bool:
    """True when the file opens as an HTML page does (:data:`termkit.htmlsafe.PAGE_TOP`, the
    top the record reader knows a page by): a ``.php`` or ``.shtml`` page, a saved page
    without an extension. Only a regular file is looked into: a FIFO (``<(curl …)``) can be
    read once, by the command."""
    import os

    from termkit.htmlsafe import PAGE_TOP

    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as fh:
            start = fh.read(1024)
    except OSError:
        return False  # reading it says what is wrong, in the house form
    return PAGE_TOP.match(start.decode("utf-8", "replace")) is not None


def _hint_file(texts: tuple[str, ...]) -> None:
    """Warn when a TEXT without Chinese names an existing file: -i reads files."""
    import os

    for t in texts:
        if os.path.isfile(t) and not any("\u3400" <= ch <= "\u9fff" for ch in t):
            warn(f"{t!r} is annotated as text; to read the file, use -i {t}")
