"""Page text tidied before reading: table bars as cells, inline pinyin left by conversion,
fields run together on one line.

Three artefacts of how page text reaches termkit, all undone line by line (line numbers are
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
* **fields run together.** A PDF converted to text loses the line breaks between the
  fields printed under an abstract: a keyword list runs on into the next field with no
  separator (``关键词：…；虚拟设备中图分类号：TP393.04``, ``…，跨文化胜任力分类号：B849``,
  ``…；无监督 中图分类号：…``), and a keyword label follows the abstract's last sentence on
  its line (``…进一步检验和发展。关键词社会不平等，系统合理信念，…``). A line that starts with
  a keyword label is cut before an identifier's label with its colon (``中图分类号：``,
  ``文献标识码：``, ``文章编号：``, ``基金项目：``, ``DOI:``) or a classification number
  (``分类号B841``); a line is cut before a keyword label that follows the end of a
  sentence when what the label heads is a list (two items or more, none of them a
  sentence; a label glued to its list only where its line ends the paragraph, as running
  text wrapped at a width may hold a sentence on 关键词提取). The parts keep the line's number.
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
# The label of a field a keyword list runs on into: an identifier's (a classification
# number, a document code, an article number, a DOI) or the funding line's, with its colon;
# a classification label also right before its number (``分类号B841``, ``中图分类号TP393``).
_RUN_ON_FIELD = re.compile(
    r"((?:中[图圖])?分[类類][号號]|文[献獻][标標][识識][码碼]|文章[编編][号號]|基金[项項]目"
    r"|(?<![A-Za-z])(?:DOI|doi))(?:\s*[:：]|(?<=[号號])\s*(?=[A-Z]{1,2}\d))"
)
# A keyword label after the end of a sentence on the same line (the abstract's last one).
_INNER_KEYWORD_LABEL = re.compile(
    r"(?<=[。．！？])\s*(?=(?:关键词|關鍵詞|关键字|關鍵字)\s*[:：]?\S)"
    r"|(?<=[.!?])\s+(?=(?:Key ?[Ww]ords?|KEY ?WORDS?)\s*[:：])"
)
# Items of a run-on list are keywords, not sentences: at most this many characters.
_RUN_ON_ITEM = 40
_LIST_SEPARATORS = re.compile(r"[;；,，、]")


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


# The Chinese keyword labels that may follow a sentence with no colon after them.
_HAN_KEYWORD_LABEL = re.compile(r"(?:关键词|關鍵詞|关键字|關鍵字)")


def _listed(value: str) -> bool:
    """True if ``value`` is a list: two items or more, none of them a sentence (no full
    stop inside, none longer than a keyword is)."""
    items = [item.strip() for item in _LIST_SEPARATORS.split(value.rstrip("。. "))]
    return (len(items) >= 2 and all(items) and "。" not in value
            and all(len(item) <= _RUN_ON_ITEM for item in items))


def _label_and_list(text: str, paragraph_ends: bool) -> list[str] | None:
    """``text`` (what follows a sentence) as its keyword label's line, or as the label and
    the list apart when the label is glued to the first item (``关键词社会不平等，…``, which
    at a line's start may be a keyword: 關鍵詞萃取); None unless a list follows the label.

    A glued label counts only where its line ends the paragraph (``paragraph_ends``): in
    running text wrapped at a width, a sentence about 关键词提取 after a full stop leaves
    clause fragments on its line (``关键词提取作为文本挖掘的基础，在信息检索``) shaped like a
    label and a list, and the next line goes on with the sentence."""
    from termkit.records.labels import Field, match_label

    m = match_label(text)
    if m is not None:
        ok = m.label.field is Field.KEYWORDS and bool(m.value) and _listed(m.value)
        return [text] if ok else None
    glued = _HAN_KEYWORD_LABEL.match(text)
    if glued is None or not paragraph_ends or not _listed(text[glued.end():]):
        return None
    return [glued.group(), text[glued.end():]]


def _paragraph_ends(lines: list[tuple[int, str]], i: int) -> bool:
    """True unless the line after ``lines[i]`` goes on with its Chinese text: it starts
    with a Han character and no field's label (a page without blank lines goes on with an
    English title, a numbered heading or the next field's label)."""
    following = lines[i + 1][1].strip() if i + 1 < len(lines) else ""
    if not following:
        return True
    from termkit.align.keys import is_han

    if not is_han(following[0]):
        return True
    from termkit.records.labels import match_label

    return match_label(following) is not None


def split_run_on(text: str, paragraph_ends: bool = True) -> list[str]:
    """``text`` cut where fields run together on it (see the module), or ``[text]``;
    ``paragraph_ends`` is False when the next line goes on with this one's text."""
    inner = _INNER_KEYWORD_LABEL.search(text)
    if inner is not None and inner.start() > 0:
        parts = _label_and_list(text[inner.end():], paragraph_ends)
        if parts is not None:
            return [text[: inner.start()], *parts[:-1], *split_run_on(parts[-1])]
    from termkit.records.labels import Field, match_label

    m = match_label(text)
    if m is None or m.label.field is not Field.KEYWORDS or not m.value:
        return [text]
    offset = len(text) - len(m.value)
    found = _RUN_ON_FIELD.search(m.value)
    if found is None or not m.value[: found.start()].strip():
        return [text]
    cut = offset + found.start()
    return [text[:cut].rstrip(), text[cut:]]


def tidy_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, text) pairs with table bars and inline pinyin undone and fields run
    together on a line set apart (see the module)."""
    blob = "\n".join(text for _, text in lines)
    table = "|" in blob and sum(1 for _, t in lines if "|" in t and is_table_row(t)) >= _TABLE_ROWS
    # Inline pinyin needs a parenthesis and a tone mark: most pages have no tone mark.
    pinyin = ("(" in blob or "（" in blob) and _TONED.search(blob) is not None
    # Fields run together need a field label inside a line: most pages have none.
    run_on = _RUN_ON_FIELD.search(blob) is not None or _INNER_KEYWORD_LABEL.search(blob) is not None
    if not table and not pinyin and not run_on:
        return lines
    out: list[tuple[int, str]] = []
    for i, (number, text) in enumerate(lines):
        if table and "|" in text:
            text = _untable(text)
        if pinyin:
            text = strip_inline_pinyin(text)
        if run_on:
            # (only a keyword label after a sentence asks where the paragraph ends)
            ends = _INNER_KEYWORD_LABEL.search(text) is None or _paragraph_ends(lines, i)
            out.extend((number, part) for part in split_run_on(text, ends))
        else:
            out.append((number, text))
    return out
