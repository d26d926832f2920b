"""Plain-text renderings of annotated text: inline readings, TSV and JSON.

Ruby HTML is in :mod:`termkit.pinyin.ruby`. Every rendering can show heteronyms (all the
readings of each character, for tokens annotated with ``heteronym=True``): inline and TSV
write them as pypinyin's command line does (``le,liǎo,liào``: commas between a character's
readings, spaces between syllables), JSON adds a ``candidates`` list per word.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from termkit.pinyin.tokens import Style, Token, reading


def render_inline(tokens: Sequence[Token], style: Style = Style.TONE, *, heteronym: bool = False,
                  written: Sequence[str] | None = None) -> str:
    """Each run of Chinese words followed by its reading in parentheses: ``權力平衡(quánlì pínghéng)``.

    With ``heteronym``: ``中心(zhōng,zhòng xīn)``. ``written`` gives each character of the
    tokens' texts as it is to be written (a page's character reference for the character).
    """
    out: list[str] = []
    run: list[Token] = []
    shown = written if written is not None else "".join(t.text for t in tokens)
    pos = 0
    start = 0

    def flush() -> None:
        if run:
            out.append("".join(shown[start:pos]) + "(" + reading(run, style, heteronym=heteronym) + ")")
            run.clear()

    for tok in tokens:
        if tok.chinese:
            if not run:
                start = pos
            run.append(tok)
        else:
            flush()
            out.append("".join(shown[pos : pos + len(tok.text)]))
        pos += len(tok.text)
    flush()
    return "".join(out)


def lines_of(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped (the units of TSV and JSON output)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def render_tsv(
    rows: Sequence[tuple[str, Sequence[Token]]], style: Style = Style.TONE, *, heteronym: bool = False
) -> str:
    """``term<TAB>reading`` per row, with a header line (readings as in :func:`render_inline`)."""
    out = ["term\treading"]
    for text, tokens in rows:
        out.append(f"{_tsv_cell(text)}\t{_tsv_cell(reading(tokens, style, heteronym=heteronym).strip())}")
    return "\n".join(out) + "\n"


def _tsv_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def to_json(
    rows: Sequence[tuple[str, Sequence[Token]]], style: Style = Style.TONE, heteronym: bool = False
) -> str:
    """A JSON array: per row the text, its reading and its words (text, reading, syllables, source)."""
    data: list[dict[str, Any]] = []
    for text, tokens in rows:
        words = []
        for tok in tokens:
            if not tok.chinese:
                continue
            entry: dict[str, Any] = {
                "text": tok.text,
                "reading": tok.reading(style),
                "syllables": tok.syllables(style),
                "source": tok.source,
            }
            if heteronym:
                entry["candidates"] = tok.candidates(style)
            words.append(entry)
        data.append({"text": text, "reading": reading(tokens, style).strip(), "words": words})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
