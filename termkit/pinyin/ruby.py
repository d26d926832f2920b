"""Ruby HTML: annotated text as a complete page a person can open in a browser and read.

Owns the HTML rendering of :class:`termkit.pinyin.Token` sequences: one ``<ruby>`` element per
written word with one ``<rt>`` per character, one ``<p>`` per input line. UTF-8, no scripts,
no external resources, so the page renders the same offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from termkit.pinyin.tokens import Style, Token

_CSS = (
    "body{font-family:serif;font-size:1.6em;line-height:2.4;margin:2em}"
    "ruby{ruby-position:over;margin:0 .1em}rt{font-size:.5em}"
)


def ruby_word(token: Token, style: Style = Style.TONE, *, heteronym: bool = False,
              written: Sequence[str] | None = None) -> str:
    """``<ruby>權<rt>quán</rt>力<rt>lì</rt></ruby>`` per written word; escaped text otherwise.

    With ``heteronym`` each ``<rt>`` holds every reading of its character (``le,liǎo,liào``).
    ``written`` gives each character of the token as a page writes it, taken as it is (a
    character reference, ``&#20013;``, is the ruby base of the character it stands for).
    """
    if not token.chinese:
        return "".join(written) if written is not None else escape(token.text)
    bases = list(written) if written is not None else [escape(ch) for ch in token.text]
    sylls = token.heteronym_reading(style).split(" ") if heteronym else token.syllables(style)
    out: list[str] = []
    pos = 0
    for size in token.parts:  # one <ruby> per written word: 現實|主義
        inner = "".join(
            f"{base}<rt>{escape(syl)}</rt>"
            for base, syl in zip(bases[pos : pos + size], sylls[pos : pos + size], strict=True)
        )
        out.append(f"<ruby>{inner}</ruby>")
        pos += size
    return "".join(out)


def render_ruby_html(
    rows: Sequence[tuple[str, Sequence[Token]]],
    style: Style = Style.TONE,
    *,
    title: str = "Pinyin",
    lang: str = "zh-Hant",
    heteronym: bool = False,
) -> str:
    """A complete HTML page: one paragraph of ruby-annotated words per row."""
    body = "\n".join(
        "<p>" + "".join(ruby_word(t, style, heteronym=heteronym) for t in tokens) + "</p>"
        for _text, tokens in rows
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{_CSS}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{body}\n"
        "</body>\n"
        "</html>\n"
    )
