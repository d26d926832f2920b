"""Inline pinyin of a text of any length in bounded memory: annotated window by window.

A window ends only after a character that is not Chinese (a punctuation mark, a space, a
newline, Latin text), so no run of Chinese characters, and so no word or glossary term, is
cut: annotation never looks across such a character (see :func:`termkit.pinyin.annotate`),
which makes the windowed rendering identical to the rendering of the whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from termkit.pinyin.readings import han_run
from termkit.pinyin.render import render_inline
from termkit.pinyin.tokens import Style, Token
from termkit.textstream import windows

WINDOW = 1 << 16  # characters annotated at a time


def window_end(text: str, lo: int, hi: int) -> int:
    """The last position ``p`` in ``(lo, hi]`` right after a non-Chinese character, else 0."""
    han = han_run()
    for p in range(hi, lo, -1):
        if han.match(text, p - 1, p) is None:
            return p
    return 0


def inline_pieces(
    blocks: Iterable[str],
    annotate: Callable[[str], Sequence[Token]],
    style: Style = Style.TONE,
    *,
    heteronym: bool = False,
    size: int = WINDOW,
) -> Iterator[str]:
    """The inline rendering of the text made of ``blocks``, piece by piece."""
    for piece in windows(blocks, size, window_end):
        yield render_inline(annotate(piece), style, heteronym=heteronym)
