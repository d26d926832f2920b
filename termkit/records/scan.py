"""Labelled pages cut into fields: where each field starts and where it ends.

A field starts at a line that begins with a label (:mod:`termkit.records.labels`) and takes
the lines after it until something ends it. What ends a field, as real pages show it:

* the next label, known or shaped like one (``學號：…``, ``【…】``);
* a blank line after the field's value (an abstract goes on over blank lines, except a
  Chinese abstract at a line with no Han character: the page's English half);
* in a keyword field: a line that is no keyword (prose, a sentence, a table of contents
  with dot leaders, an address, a citation); a Chinese line in a field whose label says
  English (``關鍵字(英)`` then ``第三語言關鍵字``); a line after a list of keywords on the
  label's own line that neither continues it nor brings the other language; and, once the
  field holds lists in both languages (``美國股票、機器學習…`` then ``U.S. stock, …``), any
  further line (``統計`` / ``本論文已被瀏覽 38 次``).

Bilingual label pairs, as thesis systems print them, a label on each line (``論文名稱`` /
``Title``, ``研究生`` / ``Author``, ``關鍵字`` / ``Keywords``) and the values after them, are
one field: the second label is skipped. On a page laid out so (two known pairs or more), a
short Chinese line followed by a short English line (``召集委員`` / ``Convenor``, ``統計``
/ ``Statistics``) is such a pair too, for a label termkit does not know. A label printed a
second time in English with one space after it (``作者 黃賢強`` then ``Author Sin Kiong
Wong``) continues the field above.

Lines before the first label are the preamble; lines after a field has ended and before
the next label are loose: the reader reads both like an unlabelled page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from termkit.records.authors import is_bilingual, parse_authors
from termkit.records.htmlpage import is_html, shown_lines
from termkit.records.keywords import (
    interleaved,
    is_keyword_line,
    keyword_label,
    list_number,
    number_goes_on,
    number_only,
    numbered_line,
    split_keywords,
    twinned,
)
from termkit.records.labels import (
    Field,
    Label,
    LabelMatch,
    is_identifier,
    language_column,
    match_label,
    match_unknown_label,
    spaced_label,
)
from termkit.records.markdown import is_markdown, unmark_lines
from termkit.records.script import HAN, KEYWORD_SEPARATORS, count, display_width, has_han, is_prose
from termkit.records.tidy import tidy_lines
from termkit.records.titlelike import title_like

# Fields that count towards deciding that a page is labelled.
_LAYOUT_FIELDS = frozenset(Field) - {Field.SUBJECTS}
# Labels sit at the top of a page: detection looks at this many lines.
_DETECT_LINES = 400
# Fields whose bare label word (``School``, ``Date``) inside a keyword list is a keyword.
_MINOR = frozenset({Field.OTHER, Field.DATE, Field.VENUE, Field.PAGES, Field.VOLUME})
# A page with this many known bilingual label pairs is laid out in pairs.
_PAIRED_LAYOUT = 2
_SHORT_HAN_LABEL = re.compile(r"^[\u3400-\u9fff]{2,8}$")
_SHORT_LATIN_LABEL = re.compile(r"^[A-Z][A-Za-z]*(?:[ ,/&'.-]+[A-Za-z]+){0,4}$")
_SEPARATOR_END = tuple(";；,，、/")
# How a line that ends a sentence or a field ends.
_SENTENCE_END = tuple(".!?:;。！？：；)）]】…\"”’'")
# A part in brackets (``(B2B、B2C)``): its separators do not make a list.
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
# A bracketed group, then nothing or a separator and more (``(B2B, B2C)``, ``(SoTL); …``).
_BRACKET_THEN_LIST = re.compile(r"[(（][^()（）]*[)）]\s*(?:[;；,，、].*)?")
# A line a narrow column wrapped is at least this long (characters).
_WRAPPED_LINE = 20
# How the names of form fields end (``召集委員``, ``繳交日期``, ``畢業學年期``, ``統計``).
_LABEL_ENDINGS = (
    "名稱", "名称", "日期", "時間", "时间", "委員", "委员", "教授", "類別", "类别", "年度",
    "學年", "学年", "年期", "學期", "学期", "統計", "统计", "資訊", "资讯", "編號", "编号",
    "頁數", "页数", "次數", "次数", "語言", "语言", "語文", "语文", "單位", "单位", "學位",
    "学位", "人數", "人数", "網址", "网址", "狀態", "状态", "類型", "类型", "分類", "分类",
)


def _unclosed(text: str) -> bool:
    """True if ``text`` opens a round bracket it does not close."""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _closes_first(text: str) -> bool:
    """True if the first round bracket of ``text`` closes one (the rest of a bracket above)."""
    for ch in text:
        if ch in "(（":
            return False
        if ch in ")）":
            return True
    return False


@dataclass(slots=True)
class FieldLines:
    """A labelled field as printed: its label, the label's line and the value lines."""

    label: Label
    line: int
    values: list[tuple[int, str]] = field(default_factory=list)
    # Where a wrapped list line was joined to the line above with nothing between them:
    # (the value's line, the offset in its text where the rest begins, whether the line
    # above as printed is narrower than the joined one: it ended before the column did).
    joins: list[tuple[int, int, bool]] = field(default_factory=list)
    # A keyword label printed with no list: a title stands under it (see scan).
    empty: bool = False

    @property
    def lines(self) -> list[str]:
        """The non-blank value lines."""
        return [text for _, text in self.values if text.strip()]


def is_labelled(text: str, path: str | None = None) -> bool:
    """True if ``text`` is a labelled metadata page: two field labels or more at line starts.

    A label standing alone on its line counts when its value follows, on the next line or
    after one blank line (a print layout), not when another label follows. An HTML page
    (:func:`termkit.records.htmlpage.is_html`, ``path`` naming the file) is judged by the
    lines it shows.
    """
    count = 0
    if is_html(text, path):  # tags read through: the lines a browser shows
        lines = [t for _, t in shown_lines(text)][:_DETECT_LINES]
    else:
        lines = text.split("\n")[:_DETECT_LINES]
        if is_markdown(text):  # headings, bold labels, bullets and links read through
            lines = [t for _, t in unmark_lines(list(enumerate(lines)))]
    if "|" in text:  # table bars around the labels (inline pinyin in one is read anyway)
        lines = [t for _, t in tidy_lines(list(enumerate(lines)))]
    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        m = match_label(raw)
        if m is None or m.label.field not in _LAYOUT_FIELDS:
            continue
        if not m.value and not m.separated:
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if not after.strip():
                # One blank line, then the value: the print layout (label, blank, value).
                after = lines[i + 2] if i + 2 < len(lines) else ""
            if not after.strip() or match_label(after) is not None:
                continue
            if m.label.field is Field.ABSTRACT and not _running_start(after):
                continue  # ``摘要`` / ``abstract`` as a keyword in a list one item a line
        count += 1
        if count >= 2:
            return True
    return False


def _running_start(line: str) -> bool:
    """True if ``line`` can open an abstract under its label: running text (a sentence end,
    prose) or a line as wide as a paragraph's; not a short item of a list, nor a field line
    (``realism``, ``10卷3期``)."""
    text = line.strip()
    if is_prose(text) or text.endswith(("。", ".", "！", "？", "!", "?")):
        return True
    return display_width(text) >= _PARAGRAPH_WIDTH


_PARAGRAPH_WIDTH = 40  # columns (a Han character is two)


def _bare(m: LabelMatch | None) -> bool:
    return m is not None and not m.value


def _label_pairs(
    lines: list[tuple[int, str]], labels: list[LabelMatch | None]
) -> tuple[set[int], dict[int, Label]]:
    """(indexes of second labels to skip, unknown pair heads by index) of a paired layout."""
    seconds: set[int] = set()
    i = 0
    while i < len(lines) - 1:
        a, b = labels[i], labels[i + 1]
        if (
            a is not None
            and b is not None
            and _bare(a)
            and _bare(b)
            and a.label.field is b.label.field
            and a.label.script != b.label.script
        ):
            seconds.add(i + 1)
            i += 2
        else:
            i += 1
    heads: dict[int, Label] = {}
    if len(seconds) < _PAIRED_LAYOUT:
        return seconds, heads
    i = 0
    while i < len(lines) - 1:
        if i in seconds or i + 1 in seconds:
            i += 1
            continue
        a = labels[i]
        first, second = lines[i][1].strip(), lines[i + 1][1].strip()
        # Right under a label pair a pair of lines is that field's value (``澎湖古典詩研究``
        # / ``Classic Poetry in Pescadores``) unless the Chinese one ends like a label.
        after_label = i > 0 and (i - 1 in seconds or _bare(labels[i - 1]))
        known = a is not None and _bare(a) and a.label.script == "zh"
        unknown = (
            a is None
            and _SHORT_HAN_LABEL.match(first) is not None
            and (not after_label or first.endswith(_LABEL_ENDINGS))
        )
        if (
            (known or unknown)
            and _SHORT_LATIN_LABEL.match(second)
            and (labels[i + 1] is None or _bare(labels[i + 1]))
        ):
            if unknown:
                heads[i] = Label(Field.OTHER, None, "zh", first, known=False)
            seconds.add(i + 1)
            i += 2
        else:
            i += 1
    return seconds, heads


def _list_line(text: str) -> tuple[int, int]:
    """(Han items, Latin-only items) of a keyword line with two items or more, else (0, 0).

    A line whose keywords alternate between the languages (``Penghu;澎湖;…``) counts as
    neither: the pairs may go on over the next line.
    """
    items = split_keywords(text)
    if len(items) < 2:
        return 0, 0
    scripts = [has_han(item) for item in items]
    if interleaved(scripts):
        return 0, 0
    han = sum(scripts)
    return han, len(items) - han


@dataclass(slots=True)
class _KeywordState:
    """What a keyword field holds so far, to tell where it ends."""

    lists: bool = False  # its first value line was a list of several items
    han_lists: int = 0  # value lines that are lists of Chinese keywords
    latin_lists: int = 0  # value lines that are lists of English keywords
    last: str = ""
    inline: bool = False  # the label's own line held a value
    number: int = 0  # the last list number read (``1. 客戶忠誠度`` one per line)
    width: int = 0  # the length of the last line as printed (with its label)
    mixed_han: int = 0  # Han items of the last line when it held items of both scripts
    mixed_latin: tuple[str, ...] = ()  # and its Latin items
    # scripts ("zh", "en") with a line of several items, counting wrapped lines joined
    listed: frozenset[str] = frozenset()

    def numbered(self, text: str) -> str | None:
        """The keyword of a line that goes on numbering the field's list (``2. 服務品質``
        after ``1. 客戶滿意度``), without its number; None for any other line. A list
        numbered from 1 starts with the field's first keyword, under its label or on the
        label's line, never after keywords (``1. Introduction`` below them is the body)."""
        found = list_number(text)
        if found is None or found[0] != self.number + 1:
            return None
        if self.number == 0 and (self.inline or self.last):
            return None  # numbering starts with the field's first keyword
        item = found[1]
        return item if is_keyword_line(item) or number_only(item) else None

    def wraps(self, text: str, after: str) -> bool:
        """True if ``text`` is the rest of the list line above, wrapped by a narrow column
        or a PDF (``…；越南外交政`` / ``策``, ``…; Family`` / ``intervention; …``).

        The line above ends without a separator, the break falls inside a word of one script
        (or before a bracket: ``… learning`` / ``(SoTL); …``), a new line of several items is
        in the script of the line above, and it reads as the rest of a list: it has
        separators itself (after a line of one item, only a Chinese line or one starting in
        lower case or with a bracket: a keyword per line may hold a comma), it starts in
        lower case, or the next line starts the other half of the keywords (a keyword label,
        or a list in the other script). A short line after complete lists (``統計``) is not.
        """
        last = self.last
        if not last or not text.strip():
            return False
        if _unclosed(last) and _closes_first(text) and keyword_label(text) is None:
            # The break fell inside brackets (``企業對企業(B2B、`` / ``B2C)；…``): whatever
            # the line above ends with, the keyword goes on.
            return True
        if last.endswith(_SEPARATOR_END):
            return False
        listed_above = len(split_keywords(last)) >= 2  # the line above holds several items
        if text.lstrip()[:1] in "(（" and listed_above \
                and _BRACKET_THEN_LIST.fullmatch(text.strip()) is not None:
            # The brackets of the last keyword above, wrapped off it alone (``…;
            # business-to-business`` / ``(B2B, B2C)``), maybe with more keywords after them.
            return True
        if self.han_lists and self.latin_lists:
            return False
        end, start = last[-1], text.lstrip()[:1]
        if start in _SEPARATOR_END[:-1] or (start == "-" and not text.lstrip()[1:2].isspace()) \
                or (start in ":：" and listed_above):
            # The break fell right before a separator (``…；约定俗成性`` / ``；新冠肺炎``), a
            # hyphen or the colon inside a keyword (``感知`` / ``-意向-適應模型``, ``…；档案利用``
            # / ``：档案资源开发``).
            return True
        bracket = start in "(（"
        # A colon ends a list line inside its last keyword (``…；档案利用：``, ``archival use:``).
        colon = end in ":：" and listed_above
        if has_han(end) or (colon and has_han(start)):
            if not (has_han(start) or bracket):
                return False
        elif not (
            (end.isalnum() or end in "'’-)）" or colon)
            and (bracket or (start.isalpha() and not has_han(start)))
        ):
            return False
        separated = KEYWORD_SEPARATORS.search(text) is not None
        # One item on the line above is a list of one keyword per line, unless lines of
        # several items in its script came before it (``…; patent portfolio;`` / ``program
        # of teacher evaluation for`` / ``professional development``: a wrapped list).
        one_above = not listed_above and ("zh" if has_han(last) else "en") not in self.listed
        if one_above:
            # A keyword per line may hold a list in brackets (``企業對企業(B2B、B2C)``).
            separated = KEYWORD_SEPARATORS.search(_BRACKETED.sub("", text)) is not None
        if one_above and not separated:
            return False  # a list of one keyword per line
        if not is_keyword_line(text):
            return False
        if separated and len(split_keywords(text)) >= 2 and has_han(last) != has_han(text):
            return False  # ``…；LIME`` then ``Multi-Task Learning, …``: the English list
        if one_above:
            # A keyword per line may hold a comma (``Beijing, China``); a wrapped line is long.
            long_line = self.width >= _WRAPPED_LINE
            return separated and (has_han(start) or start.islower() or bracket or long_line)
        if separated or start.islower():
            return True
        if not after.strip():
            return False
        if keyword_label(after) is not None:
            return True
        han, latin = _list_line(after)
        return (latin >= 2 and not han) if has_han(start) else (han >= 2)

    def add(self, text: str, first: bool) -> None:
        found = list_number(text)
        if found is not None and found[0] == self.number + 1:
            self.number = found[0]
        han, latin = _list_line(text)
        if first:
            self.lists = han + latin >= 2
        if han >= 2 and han >= 2 * latin:
            self.han_lists += 1
        elif latin >= 2 and not han:
            self.latin_lists += 1
        elif han >= 2 and latin >= 2:
            self.han_lists += 1
            self.latin_lists += 1
        self.mixed_han = han if han >= 2 and latin >= 2 else 0
        self.mixed_latin = tuple(
            item for item in split_keywords(text) if self.mixed_han and not has_han(item)
        )
        self._note_list(text)
        self.last = text.rstrip()
        self.width = len(text.strip())

    def joined(self, text: str) -> None:
        """The line above and its wrapped rest are one line now: a list line, maybe."""
        self._note_list(text)
        self.last = text.rstrip()

    def _note_list(self, text: str) -> None:
        if len(split_keywords(text)) >= 2:
            self.listed = self.listed | {"zh" if has_han(text) else "en"}

    def english_half(self, text: str) -> bool:
        """True if ``text``, a list of Latin items only, is the English list under the one
        line read so far, a Chinese list whose last items are Latin terms: it has as many
        items as that line's Chinese ones at least, and each Latin term above is one word
        (an acronym, a name) or stands in it again. A line holding both lists has English
        phrases after its Chinese items, and needs no line under it."""
        if not self.mixed_han or self.han_lists != 1 or self.latin_lists != 1:
            return False
        han, latin = _list_line(text)
        if han or latin < self.mixed_han:
            return False
        below = {item.casefold() for item in split_keywords(text)}
        return all(" " not in t.strip() or t.casefold() in below for t in self.mixed_latin)

    def ends_before(
        self,
        text: str,
        f: FieldLines,
        after: str = "",
        twins: frozenset[str] = frozenset(),
        label_next: bool = False,
        keywords_next: bool = False,
        english_keywords_below: bool = False,
    ) -> bool:
        """True if ``text`` (a value line, not a label) no longer belongs to the field;
        ``after`` is the line under it when that is no label, ``twins`` the numbers alone
        that stand twice on the page (:func:`~termkit.records.keywords.twinned`),
        ``label_next`` whether a label line is right under it, ``keywords_next`` whether
        that label is a keyword field's, ``english_keywords_below`` whether an English
        keyword field stands further down the page."""
        if not is_keyword_line(text):
            # A number alone goes on a list of one keyword per line (``921``, ``1949年``)
            # when a keyword follows it; a page count under the list has none. Nor does a
            # labelled page print one between its fields: a number alone last in such a
            # list, a label right under it, is its last keyword.
            if label_next and self.last and not self.lists and number_only(text):
                return False
            return not number_goes_on(text, after, twins, self.last)
        if self.last and numbered_line(text) and not numbered_line(self.last):
            return True  # ``1. 緒論 2. 文獻探討`` under a list: the body's table of contents
        if f.label.lang == "en" and has_han(text):
            return True  # a Chinese line under an English keyword label
        if not self.last or self.last.endswith(_SEPARATOR_END):
            return False
        if self.han_lists and self.latin_lists:
            # Both languages read: the list is complete, unless the one line read so far is
            # a Chinese list ending in Latin terms (``…；遷移學習；ResNeSt；LIME``) and this
            # line is the English list under it, as long as its Chinese part at least.
            return not self.english_half(text)
        if self.lists:
            # After a list, a line continues it only as another list (the other language),
            # and not right above a keyword field: that language's list is printed there,
            # and a line of the other script between them is something else (an English
            # title with a comma in it, ``Mindfulness, Stress and Anxiety``).
            han, latin = _list_line(text)
            if keywords_next and (han == 0) != (self.han_lists == 0):
                return True
            if english_keywords_below and self.han_lists and not self.latin_lists and not han:
                # A Chinese list, then a Latin line, and an English keyword field further
                # down: the English list is that field's, and the line between is something
                # else (the English title, ``On the Four Latitudes,Frontiers and …``).
                return True
            # No keyword opens with a joining word (``Mindfulness, Stress, and Anxiety``).
            return han + latin < 2 or any(
                item.startswith(("and ", "or ", "& ")) for item in split_keywords(text))
        return False


def _with_language_column(m: LabelMatch) -> LabelMatch:
    """``m`` with the language column after its value (``深度學習<TAB>zh_TW``) taken off and
    made the label's language, when the label names none."""
    value, lang = language_column(m.value)
    if lang is None:
        return m
    label = m.label if m.label.lang else replace(m.label, lang=lang)
    return LabelMatch(label, value, m.separated)


def _repeated_row(current: FieldLines | None, m: LabelMatch, closed: bool) -> bool:
    """True if ``m`` repeats the label of the keyword field above for one more keyword, as a
    repository's full item record prints a row per value (``dc.subject`` …): both hold
    one item on the label's line."""
    if m.label.field is not Field.KEYWORDS or current is None or closed or current.label != m.label:
        return False
    if not m.value or len(split_keywords(m.value)) != 1:
        return False
    return all(len(split_keywords(text)) == 1 for _, text in current.values)


def _list_goes_on(
    lines: list[tuple[int, str]], labels: list[LabelMatch | None], index: int
) -> bool:
    """True if the line after ``index`` goes on a list of one keyword per line: no label,
    known or shaped like one, and a keyword."""
    if index + 1 >= len(lines) or labels[index + 1] is not None:
        return False
    following = lines[index + 1][1]
    return (
        bool(following.strip())
        and match_unknown_label(following) is None
        and is_keyword_line(following)
    )


def _running_on(current: FieldLines | None, closed: bool, raw: str) -> bool:
    """True if ``raw``, a line starting with a label word in lower case (``keywords: of a
    document …``), goes on the abstract above: its last line ends inside a sentence (no
    full stop, colon or the like), as a paragraph wrapped by the page does."""
    if current is None or closed or current.label.field is not Field.ABSTRACT:
        return False
    if not raw.lstrip()[:1].islower() or not current.values:
        return False
    last = current.values[-1][1].rstrip()
    return bool(last) and not has_han(last[-1:]) and last[-1] not in _SENTENCE_END


def _han_label_under_latin(current: FieldLines, raw: str) -> bool:
    """True for a Chinese label word under an English list (``Keywords`` / ``second language
    anxiety`` / ``刊名``): no keyword of that list, the next field's label."""
    lines = current.lines
    return has_han(raw) and bool(lines) and not any(has_han(line) for line in lines)


def _label_word_in_list(
    lines: list[tuple[int, str]], labels: list[LabelMatch | None], index: int, kind: Field
) -> bool:
    """True if the label word alone on line ``index`` (naming field ``kind``), inside a
    list of one keyword per line, is a keyword: a label stands right under it (it heads
    nothing), or a keyword line stands under it and a label of the same field further down.
    A keyword label starts the other language's list."""
    if kind is Field.KEYWORDS or index + 1 >= len(lines):
        return False
    if labels[index + 1] is not None:
        return True
    below = lines[index + 1][1]
    if not below.strip() or not is_keyword_line(below) or len(split_keywords(below)) != 1:
        return False
    return any(m is not None and m.label.field is kind for m in labels[index + 1 :])


def _title_under_empty_label(lines: list[tuple[int, str]], index: int) -> bool:
    """True if line ``index``, after a blank line under a keyword label printed with no
    value, is a title rather than the label's list (the label's field was empty): one item
    built like a title, alone in its block or over a line of authors."""
    raw = lines[index][1]
    if index == 0 or lines[index - 1][1].strip() or not raw.strip():
        return False
    if len(split_keywords(raw)) != 1:
        return False
    titled = title_like(raw)
    below = lines[index + 1][1] if index + 1 < len(lines) else ""
    after = lines[index + 2][1] if index + 2 < len(lines) else ""
    if not below.strip():
        return titled
    if _running_text(below):
        # A title over the first line of its abstract (the English half: ``Mindfulness and
        # Academic Stress among College Students`` / ``This study examines …``).
        return titled or (not has_han(raw) and len(raw.split()) >= 3)
    people = parse_authors(below, strict=True)
    if not people or after.strip():
        return False
    if is_bilingual(people) or (len(people) >= 2 and all(p.zh for p in people)):
        return titled
    # The English half: its title (three words or more) over romanized names only, every
    # word of which spells Chinese syllables (``San Zhang, Si Li``; not ``Deep Learning``).
    return (not has_han(raw) and len(raw.split()) >= 3
            and all(p.en and not p.zh and _romanized(p.en) for p in people))


# A line of running text: one item closed by a sentence's full stop, long for a keyword
# (eight words, or fifteen Han characters), or prose.
_HAN_CHAR = re.compile(f"[{HAN}]")
_SENTENCE_END = (".", "。", "!", "?", "！", "？")


def _running_text(line: str) -> bool:
    """True for a line of running text (an abstract's), never a keyword list: prose, or one
    item closed by a full stop, of eight words or fifteen Han characters or more."""
    text = line.strip()
    if is_prose(text):
        return True
    if not text.endswith(_SENTENCE_END) or KEYWORD_SEPARATORS.search(text[:-1]):
        return False
    return count(_HAN_CHAR, text) >= 15 if has_han(text) else len(text.split()) >= 8


def _other_half_after_abstract(
    current: FieldLines, lines: list[tuple[int, str]], labels: list[LabelMatch | None],
    index: int,
) -> bool:
    """True if line ``index``, a Latin line after a blank line, ends a Chinese abstract field
    (``摘要``, ``中文摘要``): an abstract goes on over blank lines, but a Chinese abstract's
    paragraphs are Chinese, and a line with no Han character after them starts the page's
    English half (its title, its abstract), which an English label names if anything does.
    Not when the paragraph under the Latin one is unlabelled Chinese text: the abstract goes
    on there, and the Latin lines were inside it (a displayed formula, a list of names)."""
    if current.label.field is not Field.ABSTRACT or current.label.lang in ("en", "other"):
        return False
    if current.label.script != "zh" or not current.lines:
        return False
    raw = lines[index][1]
    if not raw.strip() or has_han(raw) or lines[index - 1][1].strip():
        return False
    if not all(has_han(line) for line in current.lines):
        return False
    after = index
    while after < len(lines) and lines[after][1].strip():
        after += 1  # the Latin paragraph
    while after < len(lines) and not lines[after][1].strip():
        after += 1
    resumes = (after < len(lines) and labels[after] is None and has_han(lines[after][1])
               and match_unknown_label(lines[after][1]) is None)
    return not resumes


def _romanized(name: str) -> bool:
    """True if every word of a Latin name spells Chinese syllables (``Ta-Ming Wang``)."""
    from termkit.pinyin.names import is_romanizable

    words = [w for w in re.split(r"[\s,]+", name) if w]
    return bool(words) and all(is_romanizable(w) for w in words)


def _pair_or_none(current: FieldLines) -> bool:
    """True if a field holds nothing yet, or one line in each script (one keyword each)."""
    held = current.lines
    return not held or (len(held) == 2 and has_han(held[0]) != has_han(held[1]))


def _valued_pair(
    lines: list[tuple[int, str]], labels: list[LabelMatch | None], heads: dict[int, Label],
    index: int,
) -> bool:
    """True if the unknown label pair at ``index`` has a value under it: a line that is no
    label and no pair's head (``本論文已被瀏覽…`` under ``統計`` / ``Statistics``). One keyword
    in each language ending like a label (``醫療資訊`` / ``Medical Information``) has the
    next label pair under it instead."""
    below = index + 2
    return (below < len(lines) and labels[below] is None and below not in heads
            and bool(lines[below][1].strip()))


def _keywords_next(labels: list[LabelMatch | None], index: int) -> bool:
    """True if the line after ``index`` starts a keyword field."""
    following = labels[index + 1] if index + 1 < len(labels) else None
    return following is not None and following.label.field is Field.KEYWORDS


def _next_text(lines: list[tuple[int, str]], index: int) -> str:
    return lines[index + 1][1] if index + 1 < len(lines) else ""


def _unlabelled_next(
    lines: list[tuple[int, str]], labels: list[LabelMatch | None], index: int
) -> str:
    """The line after ``index`` unless it is a label (then "")."""
    if index + 1 >= len(lines) or labels[index + 1] is not None:
        return ""
    return lines[index + 1][1]


def joined_wrap(above: str, rest: str) -> str:
    """A list line and the rest of it wrapped onto the next line, as one line: Chinese,
    a separator, a bracket or a hyphen joined directly (``越南外交政`` + ``策``,
    ``企業對企業(B2B、`` + ``B2C)``), English words with a space."""
    rest, above = rest.strip(), above.rstrip()
    glued = (has_han(rest[:1]) or rest[:1] in ";；,，、:：-)）"
             or above.endswith(("-", "、", "，", "；", "(", "（"))
             or (rest[:1] in "(（" and has_han(above[-1:])))
    return above + ("" if glued else " ") + rest


def scan(
    lines: list[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[FieldLines], list[tuple[int, str]]]:
    """(preamble lines, fields, loose lines) of a labelled page (see the module docstring)."""
    labels = [match_label(raw) if raw.strip() else None for _, raw in lines]
    seconds, heads = _label_pairs(lines, labels)
    twins = twinned(raw for _, raw in lines)
    # english_below[i]: an English keyword field (``Keywords``, ``英文關鍵詞``) starts after line i.
    english_below = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        following = labels[i + 1] if i + 1 < len(lines) else None
        english_below[i] = english_below[i + 1] or (
            following is not None and following.label.field is Field.KEYWORDS
            and (following.label.lang == "en"
                 or (following.label.lang is None and following.label.script == "en")))
    preamble: list[tuple[int, str]] = []
    fields: list[FieldLines] = []
    loose: list[tuple[int, str]] = []
    state = _KeywordState()
    closed = False  # the current field has ended
    for index, (number, raw) in enumerate(lines):
        blank = not raw.strip()
        m = labels[index]
        current = fields[-1] if fields else None
        keywords = current is not None and current.label.field is Field.KEYWORDS and not closed
        if index in seconds and current is not None and not current.values:
            continue  # ``Title`` under ``論文名稱``: the same field's label in English
        if m is not None and _running_on(current, closed, raw):
            m = None  # ``…methods that extract the`` / ``keywords: of a document, …``
        bare_minor = m is not None and not m.separated and not m.value
        if keywords and bare_minor and m is not None and current is not None and (
            (m.label.field in _MINOR and not _han_label_under_latin(current, raw))
            or raw.lstrip()[:1].islower()
        ):
            # ``school`` in a list of one keyword per line is a keyword, and so is a label
            # word in lower case (``summary`` wrapped off ``…; research``): labels are capitalised.
            m = None
        if (
            keywords
            and m is not None
            and not m.separated
            and (m.value or not _unlabelled_next(lines, labels, index).strip())
            and state.last.endswith(_SEPARATOR_END)
        ):
            # A list ending in a separator goes on: ``subject librarians; …`` under ``…;`` is
            # keywords, not the label ``Subject`` followed by a list, and so is a label word
            # alone with no value under it (``摘要`` wrapped off ``…；``, then ``Key words:``).
            # A label alone over its value (``外文關鍵詞`` / ``teacher mobility, …``,
            # ``Abstract`` / its paragraph) is the next field's.
            m = None
        if (
            keywords
            and bare_minor
            and m is not None
            and state.last
            and not state.lists
            and _label_word_in_list(lines, labels, index, m.label.field)
        ):
            # ``摘要`` inside a list of one keyword per line is a keyword when nothing stands
            # under it before the next label, or when keywords go on under it and the field
            # it names stands further down (``摘要：本研究…`` under the lists).
            m = None
        # Before the first known label a ``X：Y`` line is a title (``双中心模式:…``), and
        # inside a list of one keyword per line it is a keyword (``档案利用:档案资源开发``);
        # after a list on the label's line, or in brackets, a label; after one keyword on the
        # label's line, a keyword if a keyword line follows (``Keywords: 奥运档案`` / ``档案
        # 利用:档案资源开发`` / ``北京市档案馆``) or keywords came under it already, else a
        # label (``收錄：北大核心`` / ``題名：…``).
        listing = keywords and not state.lists and (
            not state.inline
            or (current is not None and len(current.values) > 1)
            or _list_goes_on(lines, labels, index)
        )
        if m is None and index in heads and (
            not listing or (keywords and current is not None and _pair_or_none(current)
                            and _valued_pair(lines, labels, heads, index))
        ):
            # (a keyword label pair with nothing under it, or one keyword in each language,
            # then the next field's pair over its value: ``關鍵字`` / ``Keywords``, ``統計`` /
            # ``Statistics``, ``本論文已被瀏覽…``)
            m = LabelMatch(heads[index], "", False)
        # The first line under a label standing alone is its value, even when it has a
        # colon (``背 景:主要照顧者…`` under ``Chinese Abstract``).
        if m is None and not blank and current is not None and (current.lines or closed):
            unknown = match_unknown_label(raw)
            if unknown is not None and (not listing or raw.lstrip()[:1] in "【[〔〖［") \
                    and not (keywords and current.values and (
                        state.wraps(raw, _next_text(lines, index))
                        or (state.last.endswith(_SEPARATOR_END) and is_keyword_line(raw)))):
                # (the rest of a list wrapped inside an ``X：Y`` keyword, ``…；档`` /
                # ``案利用：档案资源开发``, or under a list line ending in a separator, ``…;`` /
                # ``archival use: resource development``, is no label)
                m = unknown
        # Only a line starting with a Latin letter under a Chinese label can be the label
        # printed again in English (and asking costs a lookup per word).
        again_possible = (
            m is None
            and not blank
            and current is not None
            and not closed
            and current.label.script == "zh"
            and raw.lstrip()[:1].isascii()
            and raw.lstrip()[:1].isalpha()
        )
        # ``Author Sin Kiong Wong`` right under ``作者 黃賢強`` (or under ``作者`` / ``黃賢強``):
        # the field has one value line so far (``subject librarians`` further down a list of
        # one keyword per line is a keyword).
        again_possible = again_possible and current is not None and len(current.values) == 1
        if again_possible and current is not None:
            again = spaced_label(raw)
            if (
                again is not None
                and again.value
                and again.label.field is current.label.field
                and again.label.script != current.label.script
            ):
                current.values.append((number, again.value))  # ``Author Sin Kiong Wong``
                if keywords:
                    state.add(again.value, first=False)
                continue
        if m is not None:
            m = _with_language_column(m)
            if _repeated_row(current, m, closed):
                assert current is not None
                current.values.append((number, m.value))  # ``dc.subject`` once per keyword
                continue
            fields.append(FieldLines(m.label, number, [(number, m.value)] if m.value else []))
            closed = False
            state = _KeywordState()
            if m.value and m.label.field is Field.KEYWORDS:
                state.inline = True
                state.add(m.value, first=True)
                state.width = len(raw.strip())
            if m.value and is_identifier(m.label):
                closed = True  # ``分类号 G250.7``: the lines under it are loose
        elif current is None:
            preamble.append((number, raw))
        elif closed:
            loose.append((number, raw))
        elif _other_half_after_abstract(current, lines, labels, index):
            closed = True  # the English half under a Chinese abstract, after a blank line
            loose.append((number, raw))
        elif keywords and not current.lines and _title_under_empty_label(lines, index):
            closed = True  # the label was printed with no list: a title follows it
            current.empty = True
            loose.append((number, raw))
        elif blank:
            if current.label.field is not Field.ABSTRACT and current.lines:
                closed = True  # a field ends at a blank line after its value (not an abstract)
                loose.append((number, raw))
            else:
                current.values.append((number, raw))
        elif keywords and current.values and state.wraps(raw, _next_text(lines, index)):
            above_number, above = current.values[-1]
            current.values[-1] = (above_number, joined_wrap(above, raw))
            offset = len(above.rstrip())
            if current.values[-1][1][offset:offset + 1] != " ":
                # A column fills each line it breaks: a line narrower than the one under it
                # ended early, at the end of an item.
                short = display_width(lines[index - 1][1].strip()) + 1 < display_width(raw.strip())
                current.joins.append((above_number, offset, short))
            state.joined(current.values[-1][1])
            state.width = len(raw.strip())
        elif keywords and (item := state.numbered(raw)) is not None:
            current.values.append((number, item))
            state.add(raw, first=not current.lines[:-1])
        elif keywords and state.ends_before(
            raw,
            current,
            _unlabelled_next(lines, labels, index),
            twins,
            index + 1 < len(lines) and labels[index + 1] is not None,
            _keywords_next(labels, index),
            english_below[index],
        ):
            closed = True
            loose.append((number, raw))
        else:
            current.values.append((number, raw))
            if keywords:
                state.add(raw, first=not current.lines[:-1])
    return preamble, fields, loose
