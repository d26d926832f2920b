"""Records run together in one page file: where the next one starts, found by shape.

Several records in one file should be separated by a form feed; pages pasted one after the
other with only blank lines between them are common all the same, and the page reader then
read the first record's keywords and dropped the other records without a word. A record of
the page layout has a *head* (titles and authors: short lines), a *keyword block* and a
*tail* (volume, pages, dates, the abstract, subjects, numbered references). So a file whose
blank-line blocks hold two or more complete keyword lists — items in both scripts, three or
more, in one block, or a Chinese block of two or more right above an English one — holds
several records when, between two such lists, a head (a title, its authors) follows the
first record's tail or list. The next record starts at that
head. A list straight after another list, or after lines that are all tail, starts nothing:
one record may print its list twice (a tag line over the article's own list). Nor does a
list with the same items as the one right above its head (a site's header printing the
title and list over the article's own; a page pasted twice has its tail between), a list
under a heading over other articles (``相似文獻``, ``Related articles``), the list after
one no head stands above (a site's tag list over the page), or a mostly English list after
a mostly Chinese one or the other way round (the two sides of a thesis page, each list
holding an item of the other script).

A labelled page says more: once a record has its keywords in both languages, a title,
author or keyword label printed again exactly starts the next record
(:func:`labelled_starts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from termkit.records.fields import SUBJECT_HEADING, parse_date, parse_pages, parse_volume
from termkit.records.keywords import keyword_label, spaced_only, split_keywords
from termkit.records.labels import Field, match_label
from termkit.records.scan import FieldLines
from termkit.records.script import has_han, has_latin, is_prose
from termkit.records.shapes import KEYWORD_SHAPE, keyword_score

Lines = list[tuple[int, str]]
_NUMBERED = re.compile(r"^\s*(?:\d{1,4}\.|\[\d{1,4}\])\s+\S")
# A number with at most a short word: a page count, an issue, a year (``23頁``, ``pp. 12``).
_FIGURE = re.compile(r"^\W*(?:[^\W\d]{1,3}\W*)?\d[\d\W]*(?:[^\W\d]{1,5}\W*)?$")
# Labelled fields that open a record: a title or an author label printed again starts one.
HEAD_FIELDS = frozenset({Field.TITLE, Field.TITLE_OTHER, Field.AUTHORS})
# A heading over other articles' entries (related, recommended, citing): the titles and
# keyword lines under it are the page's furniture, no record of their own.
OTHER_ARTICLES = re.compile(
    r"^\W*(?:(?:相似|相[關关]|推[薦荐]|延伸|熱門|热门|同[類类]|引[證证]|被引|施引|更多)\S{0,3}"
    r"(?:文[獻献章]|論文|论文|[閱阅][讀读]|期刊|資源|资源|推[薦荐])"
    r"|(?:related|similar|recommended|popular|more)\s+(?:articles?|papers?|items?|documents?"
    r"|publications?|reading)|you may also like|cited by|citing (?:articles|documents))\W*$",
    re.IGNORECASE)
# A site's tag heading (``熱門關鍵字``, ``Popular tags``): a short line naming keywords or tags.
_TAGS = re.compile(r"(?:[關关][鍵键](?:詞|词|字)|[標标][籤签]|tags?\b|keywords?\b)", re.IGNORECASE)
HEAD_LINE = 300  # characters: a longer line is an abstract, not a title or an author line


def block_spans(lines: Lines) -> list[tuple[int, int]]:
    """(first, end) indexes into ``lines`` of each run of non-blank lines: the blocks a
    page is read in (:mod:`termkit.records.page` reads the same ones)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, (_, raw) in enumerate(lines):
        if raw.strip():
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(lines)))
    return spans


def _scripts(texts: list[str]) -> tuple[int, int]:
    """Chinese and Latin items; a line of single-spaced items has the script of the line
    (a Chinese title with a Latin word in it, ``透過 IMU 和相機融合``), as in keyword_score."""
    zh = en = 0
    for line in texts:
        items = split_keywords(line)
        if spaced_only(line):
            zh, en = (zh + len(items), en) if has_han(line) else (zh, en + len(items))
        else:
            n = sum(1 for i in items if has_han(i))
            zh, en = zh + n, en + len(items) - n
    return zh, en


def _complete(texts: list[str]) -> bool:
    """A whole bilingual keyword list in one block: items in both scripts, three or more."""
    if keyword_score(texts) < KEYWORD_SHAPE:
        return False
    zh, en = _scripts(texts)
    return zh >= 1 and en >= 1 and zh + en >= 3


def _half(texts: list[str]) -> str | None:
    """``"zh"`` or ``"en"`` for a one-script keyword block of two items or more."""
    if keyword_score(texts) <= 0:
        return None
    zh, en = _scripts(texts)
    if zh >= 2 and en == 0:
        return "zh"
    if en >= 2 and zh == 0:
        return "en"
    return None


def _tail(texts: list[str]) -> bool:
    """A block that ends a record: volume, pages, date, abstract, subjects, references."""
    first = texts[0].strip()
    if SUBJECT_HEADING.match(first) or _NUMBERED.match(first):
        return True
    if any(len(t) > HEAD_LINE or is_prose(t) for t in texts):
        return True
    return all(parse_volume(t) or parse_pages(t) or parse_date(t) or _FIGURE.match(t)
               for t in texts)


def _head(texts: list[str]) -> bool:
    """Short lines that are no bilingual list, no label and no tail: titles, authors (a
    title with commas may have the shape of a one-script list). A lone short line naming
    keywords or tags (``熱門關鍵字``) heads a site's tag list, no record."""
    if len(texts) == 1 and len(texts[0]) <= 12 and _TAGS.search(texts[0]):
        return False
    return not _tail(texts) and all(keyword_label(t) is None for t in texts) and (
        not _complete(texts))


def _items(texts: list[list[str]], first: int, last: int) -> set[str]:
    """The keywords of the list in blocks ``first`` to ``last``, case folded."""
    return {k.casefold() for b in texts[first:last + 1] for t in b for k in split_keywords(t)}


def _lists(texts: list[list[str]]) -> list[tuple[int, int]]:
    """(first, last) block of each complete keyword list: a bilingual block, or a Chinese
    block right above an English one (the Chinese one may hold a Latin item or two)."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(texts):
        joined = "".join(texts[i])
        zh, latin = has_han(joined), has_latin(joined)
        last = None
        if zh and latin and _complete(texts[i]):
            last = i
        elif zh and i + 1 < len(texts) and not has_han("".join(texts[i + 1])) and (
                _half(texts[i]) == "zh" and _half(texts[i + 1]) == "en"):
            last = i + 1
        if last is None:
            i += 1
            continue
        if last == i and last + 1 < len(texts) and _half(texts[last + 1]) == "en":
            zh_items, latin_items = _scripts(texts[i])
            if zh_items > 2 * latin_items:
                last += 1  # the English half under a Chinese list holding a Latin item
        found.append((i, last))
        i = last + 1
    return found


def _side(texts: list[list[str]], first: int, last: int) -> str | None:
    """``"zh"`` or ``"en"`` when the list in blocks ``first`` to ``last`` is mostly of one
    language (more than twice as many items): one side of a record, its Chinese list with
    an acronym or its English one with a term in characters (``ren 仁``, an item of both
    scripts, counts for neither)."""
    items = [k for b in texts[first:last + 1] for t in b for k in split_keywords(t)]
    zh = sum(1 for k in items if has_han(k) and not has_latin(k))
    en = sum(1 for k in items if has_latin(k) and not has_han(k))
    return "zh" if zh > 2 * en else "en" if en > 2 * zh else None


def split_run_together(lines: Lines) -> list[Lines]:
    """``lines`` (one record's worth between form feeds) cut where another record starts."""
    spans = block_spans(lines)
    texts = [[lines[i][1].strip() for i in range(a, b)] for a, b in spans]
    lists = _lists(texts)
    if len(lists) < 2:
        return [lines]  # most pages: one list, nothing to cut
    others = next((i for i, b in enumerate(texts) if OTHER_ARTICLES.match(b[0])), len(texts))
    if not any(_head(texts[i]) for i in range(lists[0][0])):
        lists = lists[1:]  # a list over the first title: a site's tag line, no record
    cuts: list[int] = []
    for (first, end), (start, last) in pairwise(lists):
        if start > others:
            continue  # other articles' entries
        head = start
        while head - 1 > end and _head(texts[head - 1]):
            head -= 1
        if head - 1 == end and _items(texts, first, end) == _items(texts, start, last):
            continue  # a header's title and list over the article's own: one record
        if {_side(texts, first, end), _side(texts, start, last)} == {"zh", "en"}:
            continue  # a thesis page's Chinese side, then its English side: one record
        if head < start and (head - 1 == end or _tail(texts[head - 1])):
            cuts.append(spans[head][0])
    if not cuts:
        return [lines]
    bounds = [0, *cuts, len(lines)]
    return [lines[a:b] for a, b in pairwise(bounds)]


def _keyword_langs(fields: Sequence[FieldLines]) -> list[set[str]]:
    """The languages each keyword field holds (empty for other fields): the one its label
    names (``中文關鍵詞``, ``關鍵字(英)``); when the page pairs unqualified labels in both
    scripts (``关键词`` / ``Key words``), the label's script; a lone unqualified label
    (``關鍵詞`` over Chinese then English items) holds both when its items are of both
    scripts (a Chinese item, two Latin ones)."""
    keyword = [f for f in fields if f.label.field is Field.KEYWORDS]
    paired = len({f.label.script for f in keyword if f.label.lang is None}) == 2
    langs: list[set[str]] = []
    for f in fields:
        if f.label.field is not Field.KEYWORDS or f.label.lang == "other":
            langs.append(set())
        elif f.label.lang is not None:
            langs.append({f.label.lang})
        elif paired:
            langs.append({f.label.script})
        else:
            zh, latin = _scripts(f.lines)
            langs.append({"zh", "en"} if zh and latin >= 2 else {"zh" if zh else "en"})
    return langs


def _next_row(above: FieldLines | None, f: FieldLines) -> bool:
    """True if keyword field ``f`` is one more row of the keyword field ``above`` (the same
    label): on the line right under it, or holding a single keyword (a record's own list
    holds more)."""
    if above is None or f.label.field is not Field.KEYWORDS or (
            f.label.text.casefold() != above.label.text.casefold()):
        return False
    end = max((n for n, text in above.values if text.strip()), default=above.line)
    return f.line == end + 1 or sum(len(split_keywords(t)) for t in f.lines) == 1


_Head = tuple[Field, str | None, str]  # a title or author field: its kind, language, script
_State = tuple[set[str], set[_Head], set[str], bool]


def _head_of(f: FieldLines) -> _Head | None:
    """A title or author field's kind, language and label script (``Author`` after ``作者``
    is the same field in the other language, no field printed again); None for others."""
    kind = f.label.field
    return (kind, f.label.lang, f.label.script) if kind in HEAD_FIELDS else None


def _other_side(head: _Head, heads: set[_Head]) -> bool:
    """True if ``head`` is the other-language side of a title or author field in ``heads``
    (``Title`` after ``題名``, ``Author`` after ``作者``, ``並列篇名`` after ``篇名``): ``heads``
    hold a field of its kind in another language and none in its own."""
    def group(h: _Head) -> Field:
        return Field.TITLE if h[0] is Field.TITLE_OTHER else h[0]

    def lang(h: _Head) -> str:
        # The language a label names, else its script's; a parallel title is the other one.
        return h[1] or ("other" if h[0] is Field.TITLE_OTHER else h[2])

    langs = {lang(h) for h in heads if group(h) is group(head)}
    return bool(langs) and lang(head) not in langs


def _prints_after(first: FieldLines, rest: Sequence[tuple[FieldLines, set[str]]],
                  label: str) -> bool:
    """True if the title or author field ``first`` comes again in ``rest``, the fields after
    a keyword field labelled ``label``, before that label does, past the keyword fields
    right under it (its list in the other language): the record of that keyword field
    prints the title or author field under its keywords."""
    k = 0
    while k < len(rest) and rest[k][0].label.field is Field.KEYWORDS:
        k += 1
    for g, _ in rest[k:]:
        if g.label.field is Field.KEYWORDS and g.label.text.casefold() == label:
            return False
        if _head_of(g) == _head_of(first) or g.label.text.casefold() == first.label.text.casefold():
            return True
    return False


def _lone_row(f: FieldLines, rest: Sequence[tuple[FieldLines, set[str]]]) -> bool:
    """True if keyword field ``f`` holds a single keyword and no keyword field follows it
    (``主題詞：電池`` under a record's fields): a subject row, no next record's list, which
    holds more or goes on in its other language (``中文關鍵詞：談戀愛``, then ``英文關鍵詞``)."""
    one = sum(len(split_keywords(t)) for t in f.lines) == 1
    return one and not (rest and rest[0][0].label.field is Field.KEYWORDS)


def _own(first: FieldLines, heads: set[_Head], under: bool,
         rest: Sequence[tuple[FieldLines, set[str]]], label: str) -> bool:
    """True if the title or author field ``first``, printed after a record's whole list
    and before the next keyword field, is the record's own rather than the next record's
    start: the other-language side of a title or author field the record has (``Title``
    after ``題名``), or, right under the record's keyword field, a field the next record
    prints under its own keywords too (``rest``, the fields after the next keyword field,
    labelled ``label``: an article database's ``作者`` under its ``Keywords``, a
    repository's ``dc.title`` under its ``dc.subject`` rows)."""
    head = _head_of(first)
    return head is not None and (_other_side(head, heads) or (under and _prints_after(first, rest, label)))


def labelled_starts(fields: Sequence[FieldLines]) -> list[int]:
    """Line numbers where a labelled page's next record starts.

    Once a record has its keywords in both languages, a title, author or keyword label
    printed exactly as one the record already had (``題名`` again) starts the next
    record, if a keyword field follows. Another label of the same field (``Author`` after
    ``作者``, ``外文關鍵詞`` after ``關鍵詞``) starts nothing: a page may print its fields
    in both languages, in any order. Nor does a keyword label right under the same keyword
    label (a row per keyword, ``dc.subject``, that the scan could not join: an item with a
    ``/`` in it, a blank line between rows), nor labels printed again over an English
    keyword field when the record's only English came from Latin items in a Chinese list
    (a thesis page printing ``題名``, ``作者``, ``關鍵詞`` over its Chinese side, acronyms
    in the list, then again over its English side). Third-language fields (``關鍵字(日)``)
    are ignored. When a keyword field under a new label, of a language the record already
    has, came between (the next page's ``關鍵詞`` after ``关键词``, its ``Keywords`` the first
    label repeated), the next record starts at that field.

    A title or author field under a new label after the whole list starts the next record
    too (another site's page pasted under the first), unless it is the record's own:
    the other-language side of one it has (``Title`` after ``題名``), or, right under its
    keyword fields, a field the next record prints under its own keywords as well (an
    article database's ``作者`` under ``Keywords``, a repository's ``dc.title`` under its
    ``dc.subject`` rows). The next record then starts at its first field the record before
    printed too (its ``摘要``, its ``關鍵詞``); with none, an English keyword field under it
    is the record's English side printed again. A single keyword with no keyword field
    after it (``主題詞：電池``) is a subject row of the record's own, no next record's list.
    """
    starts: list[int] = []
    seen: set[str] = set()
    heads: set[_Head] = set()  # the record's title and author fields
    have: set[str] = set()
    english = False  # the record has a keyword field of English alone
    # A start, the record's state before it, whether a field printed again made it, and
    # the head field that made it (None if a keyword field or a field printed again did).
    pending: tuple[int, _State, bool, FieldLines | None] | None = None
    since: list[FieldLines] = []  # the fields from the pending start on
    under = False  # the pending start is right under the record's keyword field
    above: FieldLines | None = None  # the keyword field just above, if any
    # From the first keyword field, under a new label, of a language the complete record
    # already has (the next page's ``關鍵詞`` after ``关键词``): its line and what follows.
    extra: tuple[int, set[str], set[str], bool] | None = None
    kept = [(f, langs) for f, langs in zip(fields, _keyword_langs(fields), strict=True)
            if f.label.lang != "other"]
    for i, (f, langs) in enumerate(kept):
        kind = f.label.field
        label = f.label.text.casefold()
        head = _head_of(f)
        if (pending is None and have >= {"zh", "en"} and not _next_row(above, f)
                and (head is not None or (kind is Field.KEYWORDS and label in seen))):
            again = label in seen or head in heads
            pending = (f.line, (seen, heads, have, english), again, None if again else f)
            under = above is not None  # right under the record's keyword field
            since = []
            seen, heads, have, english = set(), set(), set(), False
            if extra is not None:  # the next record began at that keyword field
                pending = (extra[0], pending[1], pending[2], None)
                _, seen, have, english = extra
            extra = None
        elif (pending is not None and not pending[2] and head is not None
                and (head in pending[1][1] or head in heads)):
            # A title or author field the record before has already, or one printed twice
            # since the start: the next record starts here, and the fields since the last
            # start are the record before's (a repository prints its title under its
            # subject rows; an article database its authors under its keywords).
            pending = (f.line, pending[1], True, None)
            since = []
            seen, heads, have, english = set(), set(), set(), False
        elif (pending is None and extra is None and have >= {"zh", "en"} and langs
                and langs <= have and label not in seen and kind is Field.KEYWORDS):
            extra = (f.line, set(), set(), False)
        if pending is not None:
            since.append(f)
        if extra is not None:
            extra[1].add(label)
            extra[2].update(langs)
            extra = (*extra[:3], extra[3] or langs == {"en"})
        if pending is not None and kind is Field.KEYWORDS and (
                pending[3] is None or not _lone_row(f, kept[i + 1:])):
            if langs == {"en"} and not pending[1][3]:
                seen, heads, have, english = pending[1]  # the English side of the same record
            elif pending[3] is not None and _own(pending[3], pending[1][1], under, kept[i + 1:], label):
                # The title or author field that made the start was the record before's
                # own: the next record starts at its first field the record before
                # printed too (``摘要`` again, this keyword label again); with none, an
                # English keyword field is the record's English side printed again.
                printed = [g for g in since if g.label.text.casefold() in pending[1][0]]
                if printed or langs != {"en"}:
                    starts.append(printed[0].line if printed else pending[0])
                else:
                    seen, heads, have, english = pending[1]
                    seen |= {g.label.text.casefold() for g in since}
                    heads |= {h for g in since if (h := _head_of(g)) is not None}
            else:
                starts.append(pending[0])
            pending = None
        seen.add(label)
        if head is not None:
            heads.add(head)
        have |= langs
        english = english or langs == {"en"}
        above = f if kind is Field.KEYWORDS else None
    return starts


# Fields whose value is one line: more lines under them are no part of them (loose lines).
_ONE_LINE_FIELDS = frozenset({Field.VENUE, Field.VOLUME, Field.PAGES, Field.DATE})
# A head above a record's first field: its titles (one line per script) at most.
_HEAD_LINES = 3


def head_above(lines: Lines, start: int, fields: Sequence[FieldLines]) -> int:
    """Where the labelled record starting at ``lines[start]`` (a field) really starts: at
    the unlabelled lines right above that field that are its head (its titles, printed
    without a label as an article database prints them over ``摘要``), else at ``start``.

    The lines taken are no value of a field above (a keyword per line, an abstract), only
    short lines of a head (:func:`_head`), at most one run per script, up to a blank line
    or a label; a record that starts at a title field has its title there already.
    """
    first = next((f for f in fields if f.line == lines[start][0]), None)
    if first is None or first.label.field in HEAD_FIELDS:
        return start
    owned = {n for f in fields if f.label.field not in _ONE_LINE_FIELDS for n, _ in f.values}
    owned |= {f.values[0][0] for f in fields if f.values}
    k = start
    while k > 0 and start - k < _HEAD_LINES:
        number, raw = lines[k - 1]
        if not raw.strip() or match_label(raw) is not None or number in owned:
            break
        k -= 1
    texts = [raw.strip() for _, raw in lines[k:start]]
    if not texts or not _head(texts):
        return start
    scripts = [has_han(t) for t in texts]
    runs = 1 + sum(a != b for a, b in pairwise(scripts))
    return k if runs == len(set(scripts)) else start  # a script coming back: no titles
