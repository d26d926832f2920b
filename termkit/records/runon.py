"""Pages copied without their blank lines: which reading to doubt, and the lines grouped by
what each one is.

Some browsers and PDF viewers drop the blank lines of a page, so the title, the author line,
the keyword lines and the volume line run together into one block, which the page reader
(:mod:`termkit.records.page`) then misreads as a list of keywords, or as nothing. For such a
page it asks this module:

* :func:`doubtful`: may a reading have run fields together (no keyword list in one script,
  neither a title nor an author, or a "keyword" that is a volume, page, date or author line)?
* :func:`line_groups`: the lines as blocks by kind — a volume, page, date, prose or author
  line alone (:func:`field_line`), a Chinese name line with its romanization under it (paired
  by sound), a keyword line of each script together, and lines of one item each together
  while they go from one script to the other once. At the head of the page, before any
  keyword, a line built like a title (:mod:`termkit.records.titlelike`) stands alone, and so
  does a line of Chinese names right under a title (:func:`name_line`); lines above the
  author block are titles. When the keywords are printed as lists, a line of one item is no
  keyword and stands alone too, unless it is the rest of a list line ending in a separator;
* :func:`misread`: did the first reading take for a keyword what the second reads as a
  title (or a piece of one), an author's name (or an author line) or a field line?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termkit.model import Record
from termkit.records.authors import COMPOUND_SURNAMES, parse_authors, strip_affiliations
from termkit.records.furniture import is_furniture
from termkit.records.keywords import (
    bare_keyword_label,
    field_of_its_own,
    is_keyword_line,
    number_goes_on,
    number_only,
    split_keywords,
    twinned,
)
from termkit.records.romanized import MATCH, romanizations, sounded
from termkit.records.script import SHORT_ITEM, has_han, has_latin, is_prose
from termkit.records.shapes import certain_keyword_line
from termkit.records.titlelike import title_like, wrapped_title

# A title line this long (characters) may have been wrapped by the page's width; the rest
# of it under it is at most this many words.
_WRAPPED_TITLE = 40
_SHORT_WORDS = 6
# How a line that ends a sentence or a field ends: no title goes on below it.
_ENDED = tuple(".!?;)）]】")
# Separators a list line ends with when the list goes on below it.
_LIST_END = tuple(";；,，、")


@dataclass(slots=True)
class LineGroup:
    """Lines read as one block, with their line numbers."""

    lines: list[str]
    numbers: list[int]


def doubtful(record: Record) -> bool:
    """True if a reading may have run fields together: no keyword list in one of the
    scripts, neither a title nor an author, or a keyword that is a field line."""
    if not (record.keywords_zh and record.keywords_en):
        return True
    if record.title_zh is None and record.title_en is None and not record.authors:
        return True
    return any(_field_item(item) for item in (*record.keywords_zh, *record.keywords_en))


def _field_item(item: str) -> bool:
    """:func:`field_line` for a keyword: names with their romanization need both scripts."""
    if field_of_its_own(item):
        return True
    return has_han(item) and has_latin(item) and field_line(item)


def misread(record: Record, by_line: Record) -> bool:
    """True if ``record`` has a keyword that ``by_line`` reads as a title or an author's
    name, or that is a field line of its own (volume, pages, date, prose, authors); or,
    among the keywords ``by_line`` does not have, a piece of a title it reads (a title with
    ``、`` or commas, split into "keywords") or a line of its authors (``張三++李四``)."""
    fields: set[str | None] = {by_line.title_zh, by_line.title_en}
    names: set[str] = set()
    for person in by_line.authors:
        fields |= {person.zh, person.en}
        names |= {n for n in (person.zh, person.en) if n}
    pieces = {
        piece
        for title in (by_line.title_zh, by_line.title_en)
        if title
        for piece in split_keywords(title)
    }
    kept = {*by_line.keywords_zh, *by_line.keywords_en}
    for item in (*record.keywords_zh, *record.keywords_en):
        if item in fields or (field_line(item) and not (number_only(item) and item in kept)):
            return True  # a number both readings keep is a keyword (``921``)
        if item in kept:
            continue
        if item in pieces or _names_among(item, names):
            return True
    return False


def _names_among(item: str, names: set[str]) -> bool:
    """True if ``item`` reads as an author line whose every name is one of ``names``."""
    if not names:
        return False
    people = parse_authors(item)
    return bool(people) and all(
        n in names for p in people or [] for n in (p.zh, p.en) if n
    )


def field_line(line: str) -> bool:
    """A line that is a field of its own on a page: volume, pages, date, a bare number or
    a bracketed field (:func:`~termkit.records.keywords.field_of_its_own`), prose, or
    authors with their romanized names that render them by sound."""
    if field_of_its_own(line) or is_prose(line):
        return True
    if certain_keyword_line(line):
        return False
    return sounded(parse_authors(line))


def line_groups(lines: list[tuple[int, str]]) -> list[LineGroup]:
    """Blocks for a page that lost its blank lines: each line that is a field of its own
    (:func:`field_line`, a certain keyword line; a Chinese name with its romanization on
    the next line is one block of two) stands alone, and the lines between them stay
    together while :func:`_same_run` says they belong together.

    At the head of the page, until the first line that is neither (and above the authors),
    a line built like a title stands alone, and so does a line of Chinese names right under it
    (:func:`name_line`): with one keyword per line they would otherwise run into the list.
    When the page prints its keywords as lists in both scripts (:func:`_listed`), a line of
    one item is no keyword either (a title or a name as short as a keyword): it stands alone,
    unless a list line ending in a separator is above it (the rest of that list). Lines run
    together above the authors (a name over its romanization) before any keyword list are
    the titles, one block per script, however short.
    """
    kept = [(number, raw.strip()) for number, raw in lines if raw.strip()]
    listed = _listed([line for _, line in kept])
    twins = twinned(line for _, line in kept)
    blocks: list[LineGroup] = []
    run: LineGroup | None = None
    head = True  # no keyword line yet: titles and authors come first
    after_title = False
    latin_head = False  # the line before is a Latin line read at the head (a title's start?)
    authors = False  # an author block stood apart: the titles are above it
    titled: set[bool] = set()  # the scripts of the titles read at the head (has_han)
    was_name = False  # the line before was read as a line of names
    names_above = ""  # the line of Chinese names read at the head
    i = 0
    while i < len(kept):
        number, line = kept[i]
        stacked = _stacked_names(kept, i)
        if stacked:
            # One Chinese name a line, then their romanizations on one line: one author block.
            if run is not None and blocks and blocks[-1] is run and not _keywords_in(blocks):
                blocks[-1:] = _by_script(run)
            blocks.append(LineGroup([x for _, x in kept[i:i + stacked]],
                                    [n for n, _ in kept[i:i + stacked]]))
            run, after_title, authors = None, False, True
            i += stacked
            continue
        if i + 1 < len(kept) and _name_pair(line, kept[i + 1][1]) and not (
            # (romanized names that render the authors above are theirs: ``张丽`` …
            # ``ZHANG Li`` over ``张力``, a keyword that sounds alike, is no pair)
            has_han(kept[i + 1][1]) and _over_romanized(names_above, line)
        ):
            if run is not None and blocks and blocks[-1] is run and not _keywords_in(blocks):
                # Lines above the authors and below no keyword line are the titles, one
                # per script, however short (``Bullying`` / ``校園霸凌``): not a list.
                blocks[-1:] = _by_script(run)
            blocks.append(LineGroup([line, kept[i + 1][1]], [number, kept[i + 1][0]]))
            run, after_title, authors = None, False, True
            i += 2
            continue
        wrapped = after_title or latin_head
        if wrapped and blocks and len(blocks[-1].lines) == 1 and _title_goes_on(
            blocks[-1].lines[0], line
        ):
            # An English title wrapped in two lines: the second is no keyword, nor a title
            # of its own, and the two are a title's block (a name may come under it).
            blocks[-1].lines.append(line)
            blocks[-1].numbers.append(number)
            run, after_title, latin_head = None, True, False
            i += 1
            continue
        following = kept[i + 1][1] if i + 1 < len(kept) else ""
        # A number alone is a field line unless it is a keyword (``921`` in each list).
        keyword_number = number_goes_on(line, "" if _listy(following) else following, twins)
        alone = (field_line(line) and not keyword_number) or certain_keyword_line(line)
        title = (
            head
            and not alone
            and (
                (not authors and (title_like(line) or (not blocks and _titled(kept, i))))
                # The mainland layout prints the Chinese title and authors, then the English
                # title and the romanized authors: under a Chinese title only, a Latin line
                # over a line of romanized names (by sound, or built like one under a line
                # built like a title). Without them, the author line ended the head.
                or (authors and titled == {True} and not has_han(line) and (
                    _over_romanized(names_above, following)
                    or (title_like(line) and latin_name_line(following))))
            )
        )
        # Several Chinese names in a row are no title, however long (``汪云偉 李云梅 …``).
        title = title and not _several_names(line)
        # Under a Chinese title, a Han line heading a Chinese list printed one per line that
        # the English list has room for is its first keyword, however long (a programme's
        # name); a second line of the title leaves the Chinese list one line too many.
        title = title and not (True in titled and _heads_han_list(kept, i))
        name = head and after_title and not alone and not title and (
            name_line(line) or _several_names(line)
            or (latin_name_line(line) and not _heads_latin_list(kept, i)))
        # A Latin line at the head that is neither a field nor a name may be a title's
        # first line, whatever its shape: the line under it may go on with it.
        latin_head = head and not alone and not name and not authors and not has_han(line)
        head = head and ((alone and not certain_keyword_line(line)) or title or name)
        if title:
            titled.add(has_han(line))
        after_title = title
        authors = authors or name or (alone and has_han(line) and _author_block(LineGroup([line], [])))
        under_names, was_name = was_name, name
        if name and has_han(line):
            names_above = line
        if blocks and not alone and _rest_of_list(blocks[-1].lines[-1], line):
            # ``…、綠地、`` / ``公共衛生``: a list line ending in a separator goes on below.
            blocks[-1].lines.append(line)
            blocks[-1].numbers.append(number)
            run = None
        elif blocks and not under_names and _other_half(blocks[-1].lines, line):
            # (a line of romanized names read as the authors is no half of a keyword list)
            blocks[-1].lines.append(line)
            blocks[-1].numbers.append(number)
            run = None
        elif alone or title or name or (listed and not _listy(line)):
            blocks.append(LineGroup([line], [number]))
            run = None
        else:
            # A keyword label alone on its line (``关键词``) heads the list under it: the
            # lines above it (a title) are none of its items.
            if run is None or bare_keyword_label(line) or not _same_run(
                    run.lines, line, following, at_start=blocks[:1] == [run]):
                run = LineGroup([], [])
                blocks.append(run)
            run.lines.append(line)
            run.numbers.append(number)
        i += 1
    return _header_off_lists(blocks)


def _title_goes_on(title: str, line: str) -> bool:
    """True if ``line`` is the rest of the English title line ``title``, wrapped, and no
    field or keyword line: a joining word says so (:func:`~termkit.records.titlelike.
    wrapped_title`), or a title line long enough to have been wrapped that ends no sentence
    has a short capitalised line under it, no name and no number (``… Well-being of
    College`` / ``Students in Taiwan``): a page has one English title, and at its head,
    before the authors and any keyword, a line like that goes on with it."""
    if field_line(line) or certain_keyword_line(line) or _listy(line):
        return False
    if wrapped_title(title, line):
        return True
    if has_han(title) or has_han(line) or len(title) < _WRAPPED_TITLE or title.endswith(_ENDED):
        return False
    words = line.split()
    return (
        2 <= len(words) <= _SHORT_WORDS
        and words[0][:1].isupper()
        and not any(c.isdigit() for c in line)
        and parse_authors(line, strict=True) is None
    )


def _over_romanized(names: str, following: str) -> bool:
    """True if ``following`` romanizes the Chinese names of the line ``names`` by sound: the
    line above it is the English title of a mainland page's English half (``趙敏`` … ``Reading
    Promotion`` / ``ZHAO Min``), however short."""
    if not names or has_han(following):
        return False
    people = parse_authors(names)
    return bool(people) and romanizations(people or [], following) is not None


def _several_names(line: str) -> bool:
    """True for a line of two Chinese names or more (``汪云偉 李云梅 王興靈``,
    ``張三++李四``)."""
    if not has_han(line):
        return False
    people = parse_authors(line)
    return people is not None and len(people) >= 2 and all(p.zh for p in people)


def _keywords_in(blocks: list[LineGroup]) -> bool:
    """True if a block holds a keyword list (a line of several items, or a certain one)."""
    return any(_listy(line) or certain_keyword_line(line) for b in blocks for line in b.lines)


def _by_script(run: LineGroup) -> list[LineGroup]:
    """``run`` cut where the script changes (an English title, then a Chinese one)."""
    out: list[LineGroup] = []
    for line, number in zip(run.lines, run.numbers, strict=True):
        if out and has_han(out[-1].lines[-1]) == has_han(line):
            out[-1].lines.append(line)
            out[-1].numbers.append(number)
        else:
            out.append(LineGroup([line], [number]))
    return out


def _author_block(block: LineGroup) -> bool:
    """True for a block of authors: names over their romanizations (one name a line over
    the line of romanized names too), or a line of Chinese names (``黎伊帆、江東亮``,
    ``李倩倩 洪佳惠``), with them or not (``黃志雄(Chih-Hshing Huang)``)."""
    lines = block.lines
    if len(lines) == 2:
        return _name_pair(lines[0], lines[1])
    if len(lines) > 2:
        return _stacked_names([(0, line) for line in lines], 0) == len(lines)
    if len(lines) != 1:
        return False
    people = parse_authors(lines[0])
    if not people or not all(p.zh for p in people):
        return False
    # Romanized names beside the Chinese ones for every author, or for none.
    return all(p.en for p in people) or not any(p.en for p in people)


def _header_off_lists(blocks: list[LineGroup]) -> list[LineGroup]:
    """Blocks with the title and author lines taken off the head of a one-keyword-per-line
    list that ran into them.

    The Chinese keywords one per line and the English ones under them are about as many:
    when the Chinese part of a run is longer than the English part (in the run, or the
    Latin run after it), its surplus lines at the head may be the titles and the author
    line above the list. The lines down to the last of them that is a title or a line of
    names (:func:`name_line`) stand alone: keywords do not come before the authors. Under
    an author block that stood apart already (:func:`_author_block`), nothing is taken off;
    one name opening the page is no author line either (the titles come first; a keyword
    may be a poet's name), several are. Latin lines opening the page above the Chinese
    lines, as many as the surplus at most, are its English title (``Mindfulness`` over
    ``正念`` … ``mindfulness`` …): a Latin term opening the Chinese list stands in the English
    list too (``ChatGPT``), and leaves no surplus.
    """
    out: list[LineGroup] = []
    for j, block in enumerate(blocks):
        han = [k for k, line in enumerate(block.lines) if has_han(line)]
        if len(block.lines) < 2 or not han or any(_listy(line) for line in block.lines):
            out.append(block)
            continue
        zh = han[-1] + 1
        en = len(block.lines) - zh
        following = blocks[j + 1].lines if j + 1 < len(blocks) else []
        if en == 0 and following and not any(has_han(x) or _listy(x) for x in following):
            en = len(following)
        surplus = zh - en
        if surplus > 0 and any(_author_block(b) for b in out):
            # The authors stood apart above: the titles are above them too, and a line of
            # names in the list is a keyword (a poet, a politician).
            surplus = 0
        under_title = bool(out) and title_like(out[-1].lines[-1])
        cut = max(
            (k + 1 for k in range(min(surplus, zh - 1))
             if (name_line(block.lines[k]) and (k or out or _several_names(block.lines[k])))
             or title_like(block.lines[k])
             or (k == 0 and under_title and _name_shaped(block.lines[k]))
             # a Latin line right under the Chinese title, one line too many for the
             # lists: the English title, however it is built
             or (k == 0 and under_title and k < han[0] and has_han(out[-1].lines[-1])
                 and not _author_block(block))
             or (not out and k < han[0] and not is_furniture(block.lines[k]))),
            default=0,
        )
        out += [LineGroup([line], [n]) for line, n in zip(block.lines[:cut], block.numbers[:cut],
                                                          strict=True)]
        if cut < len(block.lines):
            out.append(LineGroup(block.lines[cut:], block.numbers[cut:]))
    return out


def name_line(line: str) -> bool:
    """A line of Chinese names only (``張三``, ``張三++李四``), none of them made of words of
    the dictionary: a keyword can look like a name (``高血壓`` is a word, ``文化認同`` two),
    a name is no word and leaves a character alone when the dictionary segments it
    (``張|尹|馨``, ``王|建國``, ``溫雅|婷``) or its compound surname (``歐陽|明珠``)."""
    if has_latin(line) or not has_han(line) or _listy(line):
        return False
    people = parse_authors(line)
    if not people or not all(p.zh and not p.en for p in people):
        return False
    from termkit.lexicon import get_lexicon

    lexicon = get_lexicon()
    for person in people:
        name = "".join((person.zh or "").split())
        words = lexicon.segment(name)
        if name in lexicon or not (words[0] in COMPOUND_SURNAMES or min(map(len, words)) == 1):
            return False
    return True


def latin_name_line(line: str) -> bool:
    """A line of romanized Chinese names only (``LIU Mo``, ``Wang Xiaoming, Li Dahua``, an
    affiliation in brackets after one: ``LIU Mo (Foshan Library, …)``): every name two to
    four words, each word made of syllable spellings (Hanyu Pinyin, Wade-Giles). An English
    keyword is rarely so (``library``, ``civil reading`` are not)."""
    if has_han(line):
        return False
    people = parse_authors(line, strict=True)
    if not people or any(p.zh or not p.en for p in people):
        return False
    from termkit.pinyin.names import is_romanizable

    for person in people:
        words = [w for w in re.split(r"[\s,]+", person.en or "") if w]
        if not 2 <= len(words) <= 4 or not all(is_romanizable(w) for w in words):
            return False
    return True


def _latin_item(line: str) -> bool:
    """True for a Latin line built like one keyword of a list printed one per line: no field,
    no name, no title, no digit (an affiliation has a postcode)."""
    return (
        bool(line) and not has_han(line) and not field_line(line) and not latin_name_line(line)
        and not title_like(line) and not any(c.isdigit() for c in line)
    )


def _heads_latin_list(kept: list[tuple[int, str]], i: int) -> bool:
    """True if the romanized name line ``kept[i]`` is the first item of an English keyword list
    printed one per line (``Tai Chi`` / ``balance`` / ``older adults``, then the Chinese list):
    Latin items follow it, then as many Han lines as the Latin lines with it, and no Latin item
    after those. An author line (``LIU Mo``) has the Chinese list under it, which may open
    with a Latin term (``ChatGPT`` / ``全民阅读`` / …), and then the English list."""
    j, latin = i + 1, 1
    while j < len(kept) and _latin_item(kept[j][1]):
        latin, j = latin + 1, j + 1
    if latin == 1 and not _spells_opening(kept[i][1], kept[j][1] if j < len(kept) else ""):
        return False
    han = 0
    while j < len(kept) and has_han(kept[j][1]) and not field_line(kept[j][1]):
        han, j = han + 1, j + 1
    return han == latin and not (j < len(kept) and _latin_item(kept[j][1]))


def _spells_opening(latin: str, line: str) -> bool:
    """True if the Latin line ``latin`` spells by sound the opening characters of the Han line
    ``line`` under it (``Tai Chi`` / ``太極拳``, ``Feng Shui`` / ``風水學``): a keyword and its
    transliteration, one item in each list. An author's romanized name does not render the
    Chinese keyword under it (``LIU Mo`` / ``全民阅读``); a name over its own Chinese form is
    a name pair (:func:`_name_pair`), read before this."""
    text = line.strip()
    if not has_han(text) or has_latin(text) or _listy(text) or field_line(text):
        return False
    from termkit.pinyin.names import match_name

    return any(match_name(text[:n], latin) >= MATCH for n in range(2, min(len(text), 4) + 1))


def _heads_han_list(kept: list[tuple[int, str]], i: int) -> bool:
    """True if the Han line ``kept[i]`` heads a Chinese keyword list printed one per line: a
    Han line of one item under it, and among the one-item lines under it, down to a field
    line or a list line, at least as many Latin lines as Han lines counting this one."""
    if not has_han(kept[i][1]) or i + 1 >= len(kept) or not has_han(kept[i + 1][1]):
        return False
    han, latin = 1, 0
    for _, line in kept[i + 1:]:
        if field_line(line) or _listy(line) or certain_keyword_line(line):
            break
        if has_han(line):
            han += 1
        elif not title_like(line) and not latin_name_line(line):
            latin += 1  # (the English title and the romanized names are no keyword lines)
    return han >= 2 and latin >= han


def _name_shaped(line: str) -> bool:
    """True for a line shaped like one Chinese name whatever its surname (``禚濤`` as a
    rare surname would be): two to four Han characters, no word of the dictionary, each of
    them alone when the dictionary segments it. Only where the count of the lists says a
    line at their head is too many (:func:`_header_off_lists`), right under a title."""
    text = line.strip()
    if not 2 <= len(text) <= 4 or not all(has_han(c) for c in text):
        return False
    from termkit.lexicon import get_lexicon

    lexicon = get_lexicon()
    return text not in lexicon and all(len(w) == 1 for w in lexicon.segment(text))


def _listed(lines: list[str]) -> bool:
    """True if keyword lists are printed as lines of several short items, one line in
    each script at least (then a line of one item is not a keyword); lines of names are
    author lines, not lists."""
    scripts = set()
    for line in lines:
        if field_line(line) or not _listy(line) or parse_authors(line):
            continue
        items = split_keywords(line)
        kinds = {has_han(item) for item in items}
        if len(kinds) == 1 and all(_short(item) for item in items):
            scripts |= kinds
    return len(scripts) == 2


def _same_run(run: list[str], line: str, following: str = "", *, at_start: bool = False) -> bool:
    """True if ``line`` continues ``run``: lines of one item each, in one script or in two
    (the Chinese keywords one per line, then the English ones; a title in each script),
    but not back to the first script (a line after the lists). A one-word Latin term between
    two Han lines (``深度學習`` / ``LSTM`` / ``股價預測``, ``following`` the line under ``line``)
    is a keyword of the Chinese list, no change of script; not right under the first line of
    a run at the start of the page (``正念之研究`` / ``Mindfulness`` / ``正念``: two titles, then the
    list)."""
    if _listy(line) or _listy(run[-1]):
        return False
    seq = [*run, line, following]
    first = 2 if at_start else 1
    run = [x for k, x in enumerate(run) if not _inside_han(seq, k, first)]
    if not run:
        return True
    if _inside_han(seq, len(seq) - 2, first):
        return True
    if has_han(line) == has_han(run[-1]):
        return True
    if len(run) > 1 and bare_keyword_label(run[0]):
        run = run[1:]  # ``关键词`` above the list heads it; it is none of its items
    opening = 0
    while opening < len(run) - 1 and _opening_term(run[opening]):
        opening += 1
    if opening and has_han(run[opening]):
        # ``Liferay`` / ``主從模式`` / …, ``SpaceWire`` / ``RMAP`` / ``DS编解码`` / …: a Chinese
        # list opening with Latin terms
        run = run[opening:]
    return all(has_han(x) == has_han(run[0]) for x in run)


def _inside_han(lines: list[str], k: int, first: int = 1) -> bool:
    """True if ``lines[k]``, ``k`` at least ``first``, is a one-word Latin term between two Han
    lines that are no field lines: a keyword of a Chinese list printed one per line (``LSTM``)."""
    if not first <= k < len(lines) - 1 or has_han(lines[k]) or not _opening_term(lines[k]):
        return False
    return all(has_han(x) and not field_line(x) for x in (lines[k - 1], lines[k + 1]))


def _opening_term(line: str) -> bool:
    """A one-word Latin term (``ChatGPT``, ``Grad-CAM``) or a number (``921``, ``1937-1945``)
    alone on a line: it may open a Chinese list of one keyword per line."""
    text = line.strip()
    if not text or " " in text or has_han(text):
        return False
    return number_only(text) or (has_latin(text) and not is_prose(text))


def _other_half(block: list[str], line: str) -> bool:
    """True if ``line`` is a list of short items in one script and ``block`` is one such
    line in the other (the Chinese keyword line, then the English one): the two halves of
    one keyword list, one block as on a page with blank lines, so that a title in each
    script run together (a block of two one-item lines) is not taken for the list."""
    if len(block) != 1 or not (_listy(block[0]) and _listy(line)):
        return False
    if field_line(block[0]) or field_line(line):
        return False
    items = (split_keywords(block[0]), split_keywords(line))
    if not all(_short(item) for half in items for item in half):
        return False  # a title with commas in it
    first, second = ({has_han(item) for item in half} for half in items)
    return len(first) == len(second) == 1 and first != second


def _rest_of_list(above: str, line: str) -> bool:
    """True if ``line`` is the rest of the list line ``above``, which ends in a separator
    (``heat island, urban planning,`` / ``public health``): same script, a keyword line."""
    if not above.endswith(_LIST_END) or not _listy(above) or field_line(above):
        return False
    return has_han(line) == has_han(above) and is_keyword_line(line) and not field_line(line)


def _short(item: str) -> bool:
    """A keyword's length: at most SHORT_ITEM Han characters, or 6 words."""
    return len(item) <= SHORT_ITEM if has_han(item) else len(item.split()) <= 6


def _listy(line: str) -> bool:
    """A line of several items (a keyword line, or a title with ``、`` in it)."""
    return len(split_keywords(line)) > 1


def _stacked_names(kept: list[tuple[int, str]], i: int) -> int:
    """The number of lines of an author block printed one Chinese name a line from line
    ``i`` (``梅佳`` / ``吴克萍`` / ``岳彦如``) with the romanized names on the line under them
    (``MEI Jia;WU Keping;YUE Yanru(…)``), rendering every name by sound; else 0."""
    people = []
    j = i
    while j < len(kept) and has_han(kept[j][1]) and not has_latin(kept[j][1]):
        found = parse_authors(kept[j][1])
        if not found or len(found) != 1 or not found[0].zh or found[0].en:
            break
        people.append(found[0])
        j += 1
    if len(people) < 2 or j >= len(kept) or has_han(kept[j][1]):
        return 0
    if romanizations(people, strip_affiliations(kept[j][1])) is None:
        return 0
    return j - i + 1


def _name_pair(line: str, following: str) -> bool:
    """A line of Chinese names with their romanizations on the next line, or the
    romanizations first (:func:`~termkit.records.romanized.sounded`)."""
    if has_han(line) == has_han(following) or has_latin(line) == has_latin(following):
        return False
    return sounded(parse_authors(f"{line}\n{following}"))


def _titled(kept: list[tuple[int, str]], i: int) -> bool:
    """True if the line after line ``i`` is a title in the other script: the page opens
    with its two titles, and a short one is a title all the same. (Not the other way
    round: a page with one title has its first keyword under it.)"""
    if i + 1 >= len(kept):
        return False
    line, following = kept[i][1], kept[i + 1][1]
    if has_han(line) == has_han(following) or _listy(line) or field_line(following):
        return False
    return not certain_keyword_line(following) and title_like(following)
