"""Page text tidied before reading: table bars as cells, inline pinyin left by conversion.

Two artefacts of how page text reaches termkit, both undone line by line (line numbers are
kept, so errors and ``lines`` still point into the file):

* **table bars.** A metadata table copied from a browser gives its cells separated by tabs;
  the same table passed through a Markdown converter gives ``標題: | value |`` rows, cells
  spread over several lines (``研究生: |`` / ``王威琮 Wei-Tsung Wang |``) and separator rows
  (``---|---|``). When a page has such rows, each bar between cells becomes a tab, bars at
  the ends of a line are dropped and separator rows become blank lines.
* **inline pinyin.** A machine Traditional conversion that annotates characters leaves
  ``護(hù)理導(dǎo)向`` or ``嚴(yán)莉``: a parenthesised syllable right after a Han character is
  removed when it is a valid Hanyu Pinyin syllable with a tone mark (checked against
  :mod:`termkit.pinyin.romanize`, imported only when a page has such a parenthesis), so
  ``Tobit(迴歸)`` or ``模型(Model)`` stay as printed.
"""

from __future__ import annotations

import re

from termkit.records.script import HAN

# A Markdown table separator row: dashes and colons between bars (``---|---|``, ``|:--|``).
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INNER_BAR = re.compile(r"\s*\|\s*")
_EDGE_BARS = re.compile(r"^\s*\|\s?|\s?\|\s*$")
_INLINE_PINYIN = re.compile(
    f"(?<=[{HAN}])[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{{1,7}})[)）]"
)
_TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
_TONED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")
# A page is a Markdown table when this many rows end with a bar or are separator rows.
_TABLE_ROWS = 2


def is_table_row(line: str) -> bool:
    """True for a row of a Markdown table: a separator row or a line ending with a bar."""
    text = line.rstrip()
    return text.endswith("|") or _SEPARATOR_ROW.match(text) is not None


def _untable(line: str) -> str:
    if _SEPARATOR_ROW.match(line):
        return ""
    inner = _EDGE_BARS.sub("", line)
    return _INNER_BAR.sub("\t", inner) if "|" in inner else inner


def _pinyin_syllable(text: str) -> bool:
    if not any(ch in _TONE_MARKS for ch in text.lower()):
        return False
    from termkit.pinyin.romanize import split_tone, table

    base, tone = split_tone(text)
    return tone != 5 and base in table()


def strip_inline_pinyin(line: str) -> str:
    """``護(hù)理`` -> ``護理``: toned pinyin syllables in parentheses after Han removed."""
    if "(" not in line and "（" not in line:
        return line
    return _INLINE_PINYIN.sub(
        lambda m: "" if _pinyin_syllable(m.group(1)) else m.group(), line
    )


def tidy_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, text) pairs with table bars and inline pinyin undone (see the module)."""
    blob = "\n".join(text for _, text in lines)
    table = "|" in blob and sum(1 for _, t in lines if "|" in t and is_table_row(t)) >= _TABLE_ROWS
    # Inline pinyin needs a parenthesis and a tone mark: most pages have no tone mark.
    pinyin = ("(" in blob or "（" in blob) and _TONED.search(blob) is not None
    if not table and not pinyin:
        return lines
    out: list[tuple[int, str]] = []
    for number, text in lines:
        if table and "|" in text:
            text = _untable(text)
        out.append((number, strip_inline_pinyin(text) if pinyin else text))
    return out
