"""Labelled metadata pages: ``label: value`` fields as thesis systems and databases show them.

What users copy from a thesis system (``研究生：李魁修`` / ``研究生(外文)：Kuei-Hsiu Lee`` /
``中文關鍵詞：…`` / ``外文關鍵詞：…``), a repository (``題名`` / ``作者`` / ``關鍵詞`` with one
keyword per line), an article database (``題名`` / ``並列篇名`` / ``作者`` / ``關鍵詞``) or a
journal page (``【关键词】…`` / ``【Key words】…``, ``关键词：…`` / ``Key words: …``). The label
vocabulary is in :mod:`termkit.records.labels`.

Reading:

* a line that starts with a known label starts a field; the lines after it, up to the next
  label, continue it (a romanized author name on the line after the Chinese one, one
  keyword per line). A line shaped like an unknown label (``學號：…``) starts a field kept
  as a section named after the label — except inside a keyword field, where
  ``档案利用:档案资源开发`` stays a keyword;
* lines before the first label (a title and an author line above ``摘要`` and ``关键词``)
  are read like an unlabelled page (:mod:`termkit.records.page`);
* keyword fields: each line is split like a page's keyword line (``;``, ``；``, ``、``,
  ``，``, ``,``, ``/``, two spaces or more, ``★`` bullets), a line without separators is one
  keyword. A field whose label names a language (``中文關鍵詞``, ``關鍵字(英)``,
  ``外文關鍵詞``) holds that language; two unqualified fields whose labels are in
  different scripts (``关键词`` and ``Key words``) hold the label's language; a single
  field (``關鍵詞`` with Chinese then English items) is sorted by script like a page's
  keyword block. Of several fields for one language the one with most items is kept,
  the others are kept as sections (a site's tag line above the article's keywords);
* titles: a label naming a language decides, otherwise the script of the value
  (``並列篇名``/``Other Titles`` hold the other-language title);
* authors and advisors: all fields of the kind are read as one author block, so a
  Chinese line and a romanized line (or ``作者`` and ``Author(s)`` fields) are paired by
  position; a contributor field repeating the author is not an advisor;
* abstracts by the label's language or the share of Han characters; venue, volume line,
  pages, date and subjects as on a page; every other field is kept as a section.

Records in one file are separated by form feeds (``\\f``), as on pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from termkit.errors import InputError
from termkit.model import Notice, Person, Record, Section
from termkit.records.assemble import date_of
from termkit.records.authors import parse_authors
from termkit.records.fields import (
    parse_date,
    parse_pages,
    parse_subject,
    parse_volume,
    parse_volume_issue,
)
from termkit.records.furniture import is_furniture, without_counter
from termkit.records.keywords import (
    Keywords,
    assign_keywords,
    field_lines,
    list_end,
    spaced_only,
    split_keywords,
    twinned,
)
from termkit.records.labels import Field, match_label
from termkit.records.page import EMPTY_LABEL, NO_KEYWORDS, parse_page_record, split_chunks
from termkit.records.scan import FieldLines, scan
from termkit.records.script import (
    clean,
    has_han,
    is_chinese_text,
    is_other_script,
    is_prose,
    join_lines,
    split_scripts,
)
from termkit.records.split import HEAD_FIELDS, OTHER_ARTICLES, head_above, labelled_starts
from termkit.records.titlelike import wrapped_title

_DASHES = "—─–-"
# How a line that ends a sentence ends.
_SENTENCE_END = tuple(".!?。！？")
# A title field holds a title per language, each at most a line or two.
_TITLE_LINES = 4
_SINGLE_LINE = frozenset({Field.VENUE, Field.VOLUME, Field.PAGES, Field.DATE})


# A catalogue's parallel-title sign with no parallel title after it (``走過C型肝炎鄉=``).
_NO_PARALLEL = re.compile(r"\s*[=＝]\s*$")


@dataclass(slots=True)
class _Reader:
    record: Record
    path: str
    loose: list[tuple[int, str]] = field(default_factory=list)  # lines no field took
    guessed: set[str] = field(default_factory=set)  # title slots filled from unlabelled lines

    def title(self, f: FieldLines) -> None:
        """Titles by script: a Chinese line and an English line (or one line holding both)
        fill both slots; a title a label introduces replaces one guessed from unlabelled
        lines above it."""
        values = [
            (n, _NO_PARALLEL.sub("", without_counter(unwrapped(clean(text)))))
            for n, text in f.values if text.strip()
        ]
        if f.label.lang == "other":  # a title in a third language: kept as printed
            if values:
                text = "\n".join(v for _, v in values)
                self.record.sections.append(Section(f.label.text, text, f.line))
            return
        self.loose.extend(values[_TITLE_LINES:])
        runs: list[tuple[str, list[str], int]] = []
        for number, line in values[:_TITLE_LINES]:
            both = split_scripts(line)
            pieces = [("zh", both[0]), ("en", both[1])] if both else [(_script(line), line)]
            for script, text in pieces:
                if runs and runs[-1][0] == script:
                    runs[-1][1].append(text)
                else:
                    runs.append((script, [text], number))
        label_lang = f.label.lang if f.label.field is Field.TITLE else None
        for script, texts, number in runs:
            text = join_lines(texts)
            lang = label_lang if len(runs) == 1 and label_lang in ("zh", "en") else script
            slot = f"title_{lang}"
            old = getattr(self.record, slot)
            if old is None or slot in self.guessed:
                if old is not None:
                    self.record.sections.append(Section("unrecognised", old, None))
                setattr(self.record, slot, text)
                self.record.lines[slot] = number
                self.guessed.discard(slot)
            else:
                self.record.sections.append(Section(f.label.text, text, f.line))

    def abstract(self, f: FieldLines) -> None:
        text = join_lines(f.lines)
        if not text:
            return
        lang = f.label.lang or ("zh" if is_chinese_text(text) else "en")
        slot = f"abstract_{lang}"
        old = getattr(self.record, slot)
        setattr(self.record, slot, text if old is None else f"{old}\n{text}")
        self.record.lines.setdefault(slot, f.line)

    def single(self, f: FieldLines) -> None:
        rec = self.record
        values = [v for v in f.values if v[1].strip()]
        value = clean(values[0][1]) if values else ""
        self.loose.extend(values[1:])
        kind = f.label.field
        if kind is Field.VENUE and value and rec.venue is None:
            rec.venue, rec.lines["venue"] = value, f.line
            return
        if kind in (Field.VOLUME, Field.DATE) and value:
            vol = parse_volume(value)
            date = parse_date(value)
            if vol is not None:
                for name in ("volume", "issue", "date", "pages"):
                    if getattr(vol, name) is not None and getattr(rec, name) is None:
                        setattr(rec, name, getattr(vol, name))
                        rec.lines[name] = f.line
                return
            colon = parse_volume_issue(value) if kind is Field.VOLUME else None
            if colon is not None:  # ``卷期 27:1``, ``27:1 民109.01``
                for name, part in zip(("volume", "issue", "date"), colon, strict=True):
                    if part is not None and getattr(rec, name) is None:
                        setattr(rec, name, part)
                        rec.lines[name] = f.line
                return
            date = date or date_of(value)
            if date is not None and rec.date is None:
                rec.date, rec.lines["date"] = date, f.line
                return
        if kind is Field.PAGES and value and (pages := parse_pages(value)) and rec.pages is None:
            rec.pages, rec.lines["pages"] = pages, f.line
            return
        if value:
            rec.sections.append(Section(f.label.text, value, f.line))

    def other(self, f: FieldLines) -> None:
        if f.label.field is Field.SUBJECTS:
            paths = [p for p in (parse_subject(x) for x in f.lines) if p]
            if paths:
                self.record.subjects.extend(paths)
                self.record.lines.setdefault("subjects", f.line)
                return
        text = "\n".join(clean(x) for x in f.lines)
        if text:
            self.record.sections.append(Section(f.label.text, text, f.line))


# Openers and the closer each expects; a round or square bracket may close in the other
# width (``（A System for …)``), so depth counts either width of the kind.
_PAIRS = {"(": ")", "（": ")", "[": "]", "［": "]"}
_SAME_KIND = {")": ")）", "]": "]］"}


def unwrapped(line: str) -> str:
    """A title line without the brackets around all of it: ``(A System for …)`` -> ``A System
    for …`` (thesis systems print the English title so under the Chinese one)."""
    close = _PAIRS.get(line[:1])
    if close is None or line[-1:] not in _SAME_KIND[close] or len(line) < 3:
        return line
    depth = 0
    for i, ch in enumerate(line):
        if _PAIRS.get(ch) == close:
            depth += 1
        elif ch in _SAME_KIND[close]:
            depth -= 1
            if depth == 0 and i < len(line) - 1:
                return line  # ``(1) … (2)``: the first bracket closes before the end
    return line[1:-1].strip()


def _script(text: str) -> str:
    return "zh" if has_han(text) else "en"


def _keyword_values(
    f: FieldLines, loose: list[tuple[int, str]], twins: frozenset[str],
    english: frozenset[str] = frozenset(),
) -> list[tuple[str, int | None]]:
    """The keyword items of one field; prose after the list goes to ``loose``. ``twins``:
    the numbers alone that stand in two keyword lines (a number keyword in each list);
    ``english``: the items of the page's English keyword fields, case folded."""
    items: list[tuple[str, int | None]] = []
    values = [(number, raw) for number, raw in f.values if raw.strip()]
    if f.label.field is Field.KEYWORDS:
        values = list(zip([n for n, _ in values], field_lines([raw for _, raw in values]),
                          strict=True))
    # A number alone last among the field's lines is one the scan kept: a keyword.
    end = list_end(
        [raw for _, raw in values], first_too=True, twins=twins, number_last=len(values) > 1
    )
    for number, raw in values[:end]:
        # (a field whose label names its language holds no English run: _english_run)
        found = split_keywords(raw, field=f.label.lang is None)
        if english and any(_repeated_run(item, english) or _unrelated_run(item, english)
                           for item in found):
            # ``… 遷移學習 Hadoop Spark`` beside ``Keywords: …; Hadoop; Spark``: the Latin
            # words are items of this list that the English list prints again, no run;
            # beside an English field that holds none of them (``Keywords: machine
            # learning; …``), no copy of the English list either: that is in its field.
            apart = split_keywords(raw)
            # Unless the run kept whole gives the field an item for each English one, and
            # apart it would not (``智慧家庭 深度學習 Raspberry Pi`` beside three English
            # items: a name of two words, not two terms).
            whole = end == 1 and len(found) == len(english) != len(apart)
            found = apart if len(apart) > len(found) and not whole else found
        items.extend((item, number) for item in found)
    loose.extend(values[end:])
    return items


def _unjoined(f: FieldLines) -> FieldLines | None:
    """``f`` with the lines the scan joined as one keyword wrapped between two Han
    characters, where the line above ended before the column did and the break falls
    between two words of the dictionary, set apart again by the list's separator; None if
    it joined no such lines."""
    at: dict[int, list[int]] = {}
    for number, offset, short in f.joins:
        if short:  # the line above ended before the column did: at an item's end
            at.setdefault(number, []).append(offset)
    values, changed = [], False
    for number, text in f.values:
        for offset in sorted(at.get(number, ()), reverse=True):
            if 0 < offset < len(text) and has_han(text[offset - 1]) and has_han(text[offset]) \
                    and _between_words(text, offset):
                sep = next((c for c in "；;、，," if c in text), "  ")
                text = text[:offset] + sep + text[offset:]
                changed = True
        values.append((number, text))
    return replace(f, values=values, joins=[]) if changed else None


_ITEM_END = tuple(";；,，、")


def _rejoined_wrap(
    items: list[tuple[str, int | None]], f: FieldLines
) -> list[tuple[str, int | None]] | None:
    """``items`` with the one Latin item wrapped over two lines of field ``f`` joined again,
    or None: the last item of a line that ends with no separator and the first item of the
    next line, Latin both; None unless there is exactly one such break."""
    raw = {number: text for number, text in f.values}
    breaks = []
    for i in range(len(items) - 1):
        (a, m), (b, n) = items[i], items[i + 1]
        if m is None or n is None or m == n or m not in raw or n not in raw:
            continue
        above, below = raw[m].rstrip(), raw[n].lstrip()
        if has_han(a) or has_han(b) or above.endswith(_ITEM_END):
            continue
        if above.endswith(a) and below.startswith(b) and not below.startswith(_ITEM_END):
            breaks.append(i)
    if len(breaks) != 1:
        return None
    i = breaks[0]
    return [*items[:i], (f"{items[i][0]} {items[i + 1][0]}", items[i][1]), *items[i + 2:]]


def _between_words(text: str, offset: int) -> bool:
    """True if the break at ``offset`` of a keyword line falls between two words of the
    dictionary's segmentation of the keyword around it, not inside one (``大學生|焦慮``,
    not ``档案资源开|发``)."""
    from termkit.lexicon import get_lexicon

    start = max((text.rfind(c, 0, offset) for c in ";；,，、 "), default=-1) + 1
    ends = [i for i in (text.find(c, offset) for c in ";；,，、 ") if i >= 0]
    item = text[start:min(ends, default=len(text))]
    at, bounds = 0, set()
    for word in get_lexicon().segment(item):
        at += len(word)
        bounds.add(at)
    return offset - start in bounds


def _repeated_run(item: str, english: set[str] | frozenset[str]) -> bool:
    """True if ``item``, Latin words run together, is words each of which is an item of
    the English list (``Hadoop Spark`` beside ``…; Hadoop; Spark``)."""
    words = item.split()
    return len(words) >= 2 and not has_han(item) and all(w.casefold() in english for w in words)


def _unrelated_run(item: str, english: set[str] | frozenset[str]) -> bool:
    """True if ``item``, Latin words run together, shares no word with the page's English
    keyword list (``Hadoop Spark`` beside ``machine learning; transfer learning``)."""
    words = item.split()
    if len(words) < 2 or has_han(item):
        return False
    printed = {w for e in english for w in e.split()}
    return not any(w.casefold() in printed for w in words)


def _field_lang(
    f: FieldLines, items: list[tuple[str, int | None]], fields: list[FieldLines]
) -> str | None:
    if f.label.lang:
        return f.label.lang
    unqualified = [g for g in fields if g.label.lang is None]
    scripts = {g.label.script for g in unqualified}
    qualified = {g.label.lang for g in fields if g.label.lang in ("zh", "en")}
    if len(scripts) > 1:
        return f.label.script
    if qualified:
        # ``關鍵詞`` beside ``英文關鍵詞``: the unqualified one is the other language.
        others = {"zh", "en"} - qualified
        return others.pop() if len(others) == 1 else None
    if len(unqualified) > 1:
        # Several fields under the same label (a site's tag line, then the article's own
        # list; ``Keywords`` twice on an English page): each holds the language it is in.
        han = sum(1 for text, _ in items if has_han(text))
        return "zh" if han == len(items) else "en" if not han else None
    return None


def _read_keywords(reader: _Reader, fields: list[FieldLines]) -> None:
    rec = reader.record
    twins = twinned(raw for f in fields for _, raw in f.values)
    english = frozenset(
        item.casefold()
        for f in fields if f.label.lang == "en" or (f.label.lang is None and f.label.script == "en")
        for raw in f.lines for item in split_keywords(raw))
    per_field = [(f, _keyword_values(f, reader.loose, twins, english)) for f in fields]
    per_field = [(f, items) for f, items in per_field if items]
    if not per_field:
        return
    per_field = _one_bilingual_list(reader, per_field)
    langs = [_field_lang(f, items, [g for g, _ in per_field]) for f, items in per_field]
    zh: list[tuple[str, int | None]] = []
    en: list[tuple[str, int | None]] = []
    mixed: list[tuple[str, int | None]] = []
    chosen: dict[str, tuple[FieldLines, list[tuple[str, int | None]]]] = {}
    third: list[str] = []
    for (f, items), lang in zip(per_field, langs, strict=True):
        if lang is None:
            mixed.extend(items)
            continue
        if lang == "other":
            third.extend(t for t, _ in items)
            continue
        best = chosen.get(lang)
        if best is None or len(items) > len(best[1]):
            if best is not None:
                rec.sections.append(Section(best[0].label.text, _joined(best[1]), best[0].line))
                _set_apart(reader, best[0], best[1], items)
            chosen[lang] = (f, items)
        else:
            rec.sections.append(Section(f.label.text, _joined(items), f.line))
            _set_apart(reader, f, items, best[1])
    if "zh" in chosen:
        zh = chosen["zh"][1]
    if "en" in chosen:
        en = chosen["en"][1]
    if zh and en and (unjoined := _unjoined(chosen["zh"][0])) is not None:
        # A break between two Han characters joined as a wrap inside a keyword may have
        # fallen right after a complete one, its separator lost (``…；大學生`` / ``焦慮；…``):
        # the English list's count says which (one item per Chinese keyword).
        items = _keyword_values(unjoined, [], twins, english)
        if len(items) == len(en) != len(zh):
            zh = items
    if zh and en and len(en) == len(zh) + 1 and (
            rejoined := _rejoined_wrap(en, chosen["en"][0])) is not None:
        # ``Key words: teaching of imitative`` / ``writing``: a Latin item wrapped onto the
        # next line was read as two; the Chinese list's count says it is one.
        en = rejoined
    if zh and en and not any(has_han(t) for t, _ in zh) and any(has_han(t) for t, _ in en):
        zh, en = en, zh  # labels the wrong way round: trust the scripts
    other = third + [t for t, _ in zh + en if is_other_script(t)]
    zh = [x for x in zh if not is_other_script(x[0])]
    en = [x for x in en if not is_other_script(x[0])]
    if mixed:
        kw = _one_list_per_line(mixed) or assign_keywords(mixed)
        zh = zh + [(t, None) for t in kw.zh] if zh else [(t, _line_of(t, mixed)) for t in kw.zh]
        en = en + [(t, None) for t in kw.en] if en else [(t, _line_of(t, mixed)) for t in kw.en]
        other += kw.other
    rec.keywords_zh = [t for t, _ in zh]
    rec.keywords_en = [t for t, _ in en]
    rec.lines["keywords"] = per_field[0][0].line
    for slot, items in (("keywords_zh", zh), ("keywords_en", en)):
        line = next((n for _, n in items if n is not None), None)
        if line is not None:
            rec.lines[slot] = line
    if other:
        rec.sections.append(Section("keywords_other", "\n".join(other), rec.lines["keywords"]))
        rec.notices.append(
            Notice(
                f"keywords in a third language kept apart: {', '.join(other)}",
                reader.path,
                rec.lines["keywords"],
            )
        )


def _bilingual(items: list[tuple[str, int | None]], f: FieldLines | None = None) -> bool:
    """True for a whole keyword list in both languages: two items or more in each script.
    Latin terms on a Chinese line of ``f`` whose items only single spaces set apart
    (``機器學習 遷移學習 Hadoop Spark``) count as Chinese: such a line holds no English
    phrase."""
    han = sum(1 for t, _ in items if has_han(t))
    if f is not None and len(items) - han >= 2:
        spaced = {n for n, raw in f.values if has_han(raw) and spaced_only(raw)}
        han = sum(1 for t, n in items if has_han(t) or n in spaced)
    return han >= 2 and len(items) - han >= 2


def _whole_list_end(per_field: list[tuple[FieldLines, list[tuple[str, int | None]]]]) -> int | None:
    """The index of the field that completes the record's first whole keyword list: a field in
    both languages, or the second of a Chinese field and an English one (two items or more
    each; a third language's field counts for neither). None if there is none."""
    one_script: set[bool] = set()
    for i, (f, items) in enumerate(per_field):
        if _bilingual(items, f):
            return i
        han = sum(1 for t, _ in items if has_han(t))
        if f.label.lang != "other" and len(items) >= 2 and han in (0, len(items)):
            one_script.add(han > 0)
            if len(one_script) == 2:
                return i
    return None


def _one_bilingual_list(
    reader: _Reader, per_field: list[tuple[FieldLines, list[tuple[str, int | None]]]]
) -> list[tuple[FieldLines, list[tuple[str, int | None]]]]:
    """The keyword fields of one record: after a whole list in both languages (one field, or a
    Chinese and an English field, :func:`_whole_list_end`), a later field that is a whole list
    too, or a list of one language sharing none of its items, is another record's list (two
    pages pasted together, ``关键词`` / ``Key Words``): it is kept as a section, not paired, and
    named in a warning unless it repeats the first one's items (a list printed twice)."""
    first = _whole_list_end(per_field)
    if first is None:
        return per_field
    kept = per_field[: first + 1]
    seen = {t.casefold() for _, items in kept for t, _ in items}
    for f, items in per_field[first + 1:]:
        words = {t.casefold() for t, _ in items}
        # After a whole list, a list of one language sharing none of its items is another
        # record's too (``關鍵字(中)`` / ``關鍵字(英)`` under ``Key Words``); a third
        # language's field or a one-item tag line stays as it was.
        other_record = len(items) >= 2 and f.label.lang != "other" and not words & seen
        # A field all of whose items the whole list already holds repeats part of it (the
        # English half again under ``Keywords:`` after a field in both languages).
        repeat = f.label.lang != "other" and words <= seen
        if not (_bilingual(items, f) or other_record or repeat):
            kept.append((f, items))
            continue
        reader.record.sections.append(Section(f.label.text, _joined(items), f.line))
        if not words <= seen:
            reader.record.notices.append(Notice(
                f"a second keyword list ({f.label.text}) was kept apart, not paired (if it is "
                "another record's, separate the records with a form feed)",
                reader.path, f.line))
    return kept


def _set_apart(reader: _Reader, field: FieldLines, items: list[tuple[str, int | None]],
               kept: list[tuple[str, int | None]]) -> None:
    """A warning for a keyword list of several items set apart (kept as a section) beside
    another list of the same language that shares none of its items: another record's list
    in the same file, most likely; a site's one-item tag line is set apart silently."""
    if len(items) < 2 or {t.casefold() for t, _ in items} & {t.casefold() for t, _ in kept}:
        return
    reader.record.notices.append(Notice(
        f"a second keyword list in this language ({field.label.text}) was kept apart, not "
        "paired (if it is another record's, separate the records with a form feed)",
        reader.path, field.line))


def _one_list_per_line(items: list[tuple[str, int | None]]) -> Keywords | None:
    """Items printed as two lists of several items, one line holding Chinese keywords and the
    other none (``關鍵詞：遷移學習；卷積網路；ResNeSt；LIME`` / ``Transfer Learning; …``), sorted
    by line: Latin terms at the end of the Chinese list are its own, whether or not the
    English list spells them the same. None for any other items."""
    lines: dict[int | None, list[str]] = {}
    for text, number in items:
        lines.setdefault(number, []).append(text)
    if len(lines) != 2 or None in lines or any(len(v) < 2 for v in lines.values()):
        return None
    (first, a), (second, b) = sorted(lines.items(), key=lambda kv: kv[0] or 0)
    han_a, han_b = any(has_han(t) for t in a), any(has_han(t) for t in b)
    if han_a == han_b or any(is_other_script(t) for t in a + b):
        return None
    (zh, zh_line), (en, en_line) = ((a, first), (b, second)) if han_a else ((b, second), (a, first))
    return Keywords(zh=zh, en=en, zh_line=zh_line, en_line=en_line)


def _line_of(text: str, items: list[tuple[str, int | None]]) -> int | None:
    return next((n for t, n in items if t == text), None)


def _joined(items: list[tuple[str, int | None]]) -> str:
    return "; ".join(t for t, _ in items)


def _people(fields: list[FieldLines]) -> list[Person]:
    text = "\n".join(line for f in fields for line in f.lines)
    if not text.strip():
        return []
    line = fields[0].line
    people = parse_authors(text, strict=False) or []
    return [Person(p.zh, p.en, line) for p in people]


def _one_block_per_line(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Unlabelled lines as page blocks: each line its own block, except name lines.

    Copied metadata pages put the title and the author line on consecutive lines with no
    blank between; a Chinese name line and the romanized line under it stay one block.
    """
    out: list[tuple[int, str]] = []
    previous_names = False
    for i, (number, raw) in enumerate(lines):
        if not raw.strip():
            previous_names = False
            out.append((number, raw))
            continue
        names = parse_authors(raw, strict=True) is not None
        before = out[-1][1].strip() if out else ""
        # A subtitle line (``——基于…``) continues the title above it.
        subtitle = raw.strip()[:1] in _DASHES or before[-1:] in _DASHES + ":："
        after = next((text for _, text in lines[i + 1 :] if text.strip()), "")
        wrapped = not (names or previous_names) and _rest_of_title(before, raw.strip(), after)
        if before and not (names and previous_names) and not subtitle and not wrapped:
            out.append((number, ""))
        out.append((number, raw))
        previous_names = names
    return out


def _rest_of_title(before: str, line: str, after: str) -> bool:
    """True if ``line`` is the rest of an English title wrapped at ``before``.

    ``line`` is no name line (the caller asks). A title ending in a joining word, or whose
    next line opens with one, goes on (:func:`~termkit.records.titlelike.wrapped_title`);
    so does a title over two lines right above the romanized names of the English half
    (``Design of a Stepper Motor Control`` / ``System Based on FPGA`` / ``WANG Fei, CHEN
    Na``): a title is the line above the names.
    """
    if not before or has_han(before) or has_han(line):
        return False
    if is_furniture(before) or is_furniture(line) or is_prose(before) or is_prose(line):
        return False
    if wrapped_title(before, line):
        return True
    if before.endswith(_SENTENCE_END) or line.startswith(("(", "（")) or has_han(after):
        return False
    people = parse_authors(after, strict=True)
    return people is not None and bool(people) and all(p.en and not p.zh for p in people)


def _romanizes(zh: list[Person], en: list[Person]) -> bool:
    """True if ``en`` are romanized names only, as many as the Chinese-only names ``zh``."""
    return (
        bool(zh)
        and len(zh) == len(en)
        and all(p.zh and not p.en for p in zh)
        and all(p.en and not p.zh for p in en)
    )


def _read_loose(
    rec: Record, lines: list[tuple[int, str]], path: str, bare_label: int | None = None,
    empty: bool = False,
) -> None:
    """Lines between fields that no field took: titles, names, abstracts, sections.

    ``bare_label``: the line of a keyword label printed with no value (``关键词：`` alone,
    then the abstract, then the list): a keyword list read below it is that label's list,
    for each language the fields left without keywords. ``empty``: a keyword label was
    printed with a title under it, no list: no line here is a list by its shape.
    """
    chinese = rec.authors if all(p.zh and not p.en for p in rec.authors) else []
    # With its list read from a field (and no label printed bare), the record's keywords
    # are known: a line here with commas in it is no list (an English title).
    # So is it when a keyword label was printed empty (a title under it): no list comes.
    listed = bare_label is None and (empty or bool(rec.keywords_zh or rec.keywords_en))
    page = parse_page_record(_one_block_per_line(lines), path, rec.id, known_authors=chinese,
                             listed=listed)
    for name in ("title_zh", "title_en", "abstract_zh", "abstract_en"):
        value = getattr(page, name)
        if value is None:
            continue
        if getattr(rec, name) is None:
            setattr(rec, name, value)
            rec.lines[name] = page.lines.get(name, 0)
        elif name.startswith("abstract"):
            setattr(rec, name, f"{getattr(rec, name)}\n{value}")
        else:
            rec.sections.append(Section(name, value, page.lines.get(name)))
    for name in ("venue", "volume", "issue", "date", "pages"):
        # A volume line under the venue's field (``出处`` / ``《…学报》`` / ``2016年第1期…``).
        value = getattr(page, name)
        if value is not None and getattr(rec, name) is None:
            setattr(rec, name, value)
            rec.lines[name] = page.lines.get(name, 0)
    if page.authors and not rec.authors:
        rec.authors = page.authors
    elif chinese and [p.zh for p in page.authors] == [p.zh for p in chinese]:
        rec.authors = page.authors  # romanized by the lines below, by sound or position
    elif _romanizes(rec.authors, page.authors):
        # Chinese names above the fields, their romanizations in the English half below.
        rec.authors = [
            Person(a.zh, b.en, a.line) for a, b in zip(rec.authors, page.authors, strict=True)
        ]
    rec.sections.extend(page.sections)
    found = page.lines.get("keywords")
    # The line of a list under the bare label, or None.
    under = found if found is not None and bare_label is not None and found > bare_label else None
    for lang in ("zh", "en"):
        slot = f"keywords_{lang}"
        items = getattr(page, slot)
        if under is not None and items and not getattr(rec, slot):
            setattr(rec, slot, items)
            rec.lines[slot] = page.lines.get(slot, under)
            rec.lines.setdefault("keywords", under)
            continue
        for text in items:
            rec.sections.append(Section("unrecognised", text, found))


def _empty_field(line: int, fields: list[FieldLines], loose: list[tuple[int, str]]) -> bool:
    """True if the field whose label is on ``line`` (with no value) has the next field's
    label right under it: no loose text between them (``關鍵詞：`` then ``出版日期：2020``,
    ``關鍵字`` / ``Keywords`` then ``統計`` / ``Statistics``). A label printed alone over a
    paragraph (two columns copied in reading order) has loose lines under it."""
    following = [f.line for f in fields if f.line > line]
    if not following:
        return False
    below = min(following)
    return not any(text.strip() for number, text in loose if line < number < below)


def parse_labelled_record(lines: list[tuple[int, str]], path: str, record_id: str) -> Record:
    """Read one labelled page from (line number, text) pairs."""
    return _read_scanned(scan(lines), path, record_id)


def _read_scanned(
    scanned: tuple[list[tuple[int, str]], list[FieldLines], list[tuple[int, str]]],
    path: str,
    record_id: str,
) -> Record:
    preamble, fields, loose = scanned
    if any(text.strip() for _, text in preamble):
        rec = parse_page_record(_one_block_per_line(preamble), path, record_id)
        rec.notices = [n for n in rec.notices if n.message != NO_KEYWORDS]
    else:
        rec = Record(source=path, id=record_id)
    guessed = {slot for slot in ("title_zh", "title_en") if getattr(rec, slot) is not None}
    reader = _Reader(rec, path, loose, guessed)
    by_kind: dict[Field, list[FieldLines]] = {}
    for f in fields:
        by_kind.setdefault(f.label.field, []).append(f)
    for f in fields:
        kind = f.label.field
        if kind in (Field.TITLE, Field.TITLE_OTHER):
            reader.title(f)
        elif kind is Field.ABSTRACT:
            reader.abstract(f)
        elif kind in _SINGLE_LINE:
            reader.single(f)
        elif kind in (Field.OTHER, Field.SUBJECTS):
            reader.other(f)
    if Field.AUTHORS in by_kind:
        people = _people(by_kind[Field.AUTHORS])
        if people:
            rec.authors = people
            rec.lines["authors"] = by_kind[Field.AUTHORS][0].line
    if Field.ADVISORS in by_kind:
        named = {p.zh for p in rec.authors if p.zh} | {p.en for p in rec.authors if p.en}
        advisors = [p for p in _people(by_kind[Field.ADVISORS]) if not ({p.zh, p.en} & named)]
        if advisors:
            rec.advisors = advisors
            rec.lines["advisors"] = by_kind[Field.ADVISORS][0].line
    if Field.KEYWORDS in by_kind:
        rec.keywords_zh, rec.keywords_en = [], []
        _read_keywords(reader, by_kind[Field.KEYWORDS])
    # A keyword label printed alone, its list further down among the loose lines; not one
    # with the next field's label right under it: that label's field was printed empty.
    bare = [f.line for f in by_kind.get(Field.KEYWORDS, []) if not f.lines]
    open_bare = [f.line for f in by_kind.get(Field.KEYWORDS, [])
                 if not f.lines and not f.empty and not _empty_field(f.line, fields, reader.loose)]
    if any(text.strip() for _, text in reader.loose):
        _read_loose(rec, sorted(reader.loose), path, min(open_bare, default=None),
                    empty=any(f.empty for f in by_kind.get(Field.KEYWORDS, [])))
    if not rec.keywords_zh and not rec.keywords_en:
        rec.notices.append(Notice(NO_KEYWORDS, path))
        if bare:
            rec.notices.append(Notice(EMPTY_LABEL, path, min(bare)))
    return rec


def parse_labelled(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a labelled page file: records separated by form feeds, or run
    together, where a record's field label comes again after its keywords
    (:func:`termkit.records.split.labelled_starts`)."""
    fed = split_chunks(text, path)
    if not fed:
        raise InputError("no record content (the file holds only blank lines)", path=path)
    parts: list[tuple[list[tuple[int, str]], Any, bool]] = []
    furniture: dict[int, list[tuple[int, str]]] = {}  # part index -> other articles' entries
    for chunk in fed:
        cut = _other_articles(chunk)
        if cut is not None:
            chunk, others = chunk[:cut], chunk[cut:]
        scanned = scan(chunk)
        starts = labelled_starts(scanned[1])
        if not starts:
            parts.append((chunk, scanned, False))
            if cut is not None:
                furniture[len(parts) - 1] = others
            continue
        bounds = [0, *(head_above(chunk, next(i for i, (n, _) in enumerate(chunk) if n == s),
                                  scanned[1]) for s in starts)]
        for k, (a, b) in enumerate(pairwise([*bounds, len(chunk)])):
            parts.append((chunk[a:b], scan(chunk[a:b]), k > 0))
        if cut is not None:
            furniture[len(parts) - 1] = others
    if len(parts) == 1:
        return [_with_others(_read_scanned(parts[0][1], path, stem), furniture.get(0))]
    records = []
    for n, (part, scanned, found) in enumerate(parts, 1):
        rec = _with_others(_read_scanned(scanned, path, f"{stem}#{n}"), furniture.get(n - 1))
        if found:
            rec.notices.insert(0, Notice(
                f"record {n} read from here on: its field label comes again after the "
                "record before it has its keywords (separate records with a form feed to "
                "say so)", path, part[0][0]))
        records.append(rec)
    return records


def _other_articles(chunk: list[tuple[int, str]]) -> int | None:
    """The index in ``chunk`` of a heading over other articles' entries (``相關文獻``,
    ``Related articles``) under the page's own fields, or None. The ``Title:`` / ``Authors:``
    / ``Keywords:`` lines under such a heading are the page's furniture: no fields of its
    record and no record of their own.

    Unless the page's own keyword list is still to come: a heading with no keyword label
    above it is such a heading only when an entry under it opens with a title or an author
    label before any keyword label (other articles' entries do); otherwise it names a
    panel of the page (a journal site's ``相关资源`` tab over its ``引用 | 论文 | 视频``
    links), and the page's ``关键词`` and ``Key words:`` lists under it are its own. A
    numbered entry (``[1] …``) before the first keyword label, or a keyword label of one
    language twice under it, are other articles' entries too (:func:`_entry_under`)."""
    fields = keywords = False
    for i, (_, raw) in enumerate(chunk):
        text = raw.strip()
        if not text:
            continue
        if fields and OTHER_ARTICLES.match(text) and (keywords or _entry_under(chunk, i)):
            return i
        m = match_label(raw)
        fields = fields or m is not None
        keywords = keywords or (m is not None and m.label.field is Field.KEYWORDS)
    return None


# A numbered entry of a list of articles (``[1] 基于…``, ``1. …``, ``2、…``).
_NUMBERED_ENTRY = re.compile(r"^\s*(?:[\[［]\d{1,3}[\]］]|\d{1,3}\s*[.．、])\s*\S")


def _entry_under(chunk: list[tuple[int, str]], heading: int) -> bool:
    """True if an entry of another article is under ``heading``: the first title, author or
    keyword label under it is a title or an author label, or a numbered entry (``[1] …``)
    comes before it; or keyword labels of one language come twice (two articles' lists:
    a page prints one of its own)."""
    first = True
    seen: set[tuple[str | None, str]] = set()
    for _, raw in chunk[heading + 1:]:
        if not raw.strip():
            continue
        m = match_label(raw)
        if m is None or m.label.field not in (*HEAD_FIELDS, Field.KEYWORDS):
            if first and m is None and _NUMBERED_ENTRY.match(raw):
                return True
            continue
        if m.label.field is not Field.KEYWORDS:
            if first:
                return True
            continue
        first = False
        key = (m.label.lang, m.label.script)
        if key in seen:
            return True
        seen.add(key)
    return False


def _with_others(rec: Record, others: list[tuple[int, str]] | None) -> Record:
    """``rec`` with other articles' entries printed under it kept as a section."""
    lines = [(n, raw) for n, raw in others or [] if raw.strip()]
    if lines:
        rec.sections.append(Section("other_articles", "\n".join(r.strip() for _, r in lines),
                                    lines[0][0]))
    return rec
