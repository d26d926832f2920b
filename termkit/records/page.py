"""Abstract-page text: an article record printed without field labels.

Layout (see ``termkit/data/example-record.txt``): blocks separated by blank lines, in this
order, each optional — English title; Chinese title; author line; keyword line(s); volume
line; page range; abstract paragraphs (Chinese and/or English); a subject block headed
``主题分类``/``主題分類`` whose first ``A > B`` line may sit on the heading line; a numbered
reference list (``  1. …``) and a second numbered list, restarting at 1, of citing works.

Blocks are classified by their shape, in reading order:

* a volume line, a page range or a date on its own line, anywhere;
* a paragraph of prose (sentences, a Chinese full stop, or length) is an abstract, never a
  keyword line; its language is decided by its share of Han characters;
* before any keyword line: an author block (:mod:`termkit.records.authors`, strict mode) —
  a one-script author line counts only once a title has been seen;
* before authors and keywords: up to three short lines that are not keyword-shaped are
  titles, by script (a title may contain Latin words, ``-``, ``─`` or ``：``); never page
  furniture (:mod:`termkit.records.furniture`: buttons, banners, dates, addresses, a label
  alone), and a line right above a volume line is the journal;
* a keyword block (:mod:`termkit.records.shapes` chooses it by its shape): separators,
  both scripts, or a list of short lines; one line per script, one keyword per line, or
  Chinese and English keywords in two neighbouring blocks (merged); it ends at a line that
  is no keyword (a heading of the body, a citation);
* the English half of a journal page, after the Chinese one: the English title (the line
  above the romanized names), the romanized names (paired with the Chinese ones by
  position), and an English keyword line completing a Chinese-only list;
* anything else is kept as a :class:`~termkit.model.Section` named ``unrecognised``.

The subject block and the numbered lists at the end are read by :mod:`termkit.records.tail`;
the lines are tidied first (:mod:`termkit.records.tidy`: table bars, inline pinyin).

A page without a keyword block gets a notice, not an error. Several records in one file
are separated by a form feed (``\\f``); each gets the id ``STEM#N``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from termkit.errors import InputError
from termkit.lexicon import STOP_WORDS
from termkit.model import Notice, Person, Record, Section
from termkit.records.authors import (
    is_bilingual,
    names_institution,
    parse_authors,
    strip_affiliations,
)
from termkit.records.fields import (
    parse_date,
    parse_pages,
    parse_volume,
    starts_volume_line,
)
from termkit.records.furniture import is_furniture, without_counter
from termkit.records.htmlpage import is_html, shown_lines
from termkit.records.keywords import (
    Keywords,
    assign_keywords,
    bare_keyword_label,
    field_of_its_own,
    initials,
    list_end,
    spaced_only,
    split_keywords,
)
from termkit.records.labels import Field, match_label
from termkit.records.markdown import is_markdown, unmark_lines
from termkit.records.romanized import romanizations, sounded
from termkit.records.runon import doubtful, line_groups, misread, name_line
from termkit.records.script import (
    display_width,
    has_han,
    is_chinese_text,
    is_prose,
    is_sentence,
    join_lines,
)
from termkit.records.shapes import certain_keyword_line, choose_keyword_block, keyword_like
from termkit.records.split import block_spans, split_run_together
from termkit.records.tail import read_tail, tail_start
from termkit.records.tidy import tidy_lines
from termkit.records.titlelike import title_like

NO_KEYWORDS = "no keyword line found"
EMPTY_LABEL = "a keyword label with no list under it"


@dataclass(slots=True)
class _Block:
    lines: list[str]
    numbers: list[int]

    @property
    def first(self) -> int:
        return self.numbers[0]


@dataclass(slots=True)
class _State:
    record: Record
    path: str
    keyword_block: int | None = None  # the block chosen as the keyword block by its shape
    index: int = -1  # the block being read
    keyword_items: list[tuple[str, int | None]] = field(default_factory=list)
    keyword_lines: list[str] = field(default_factory=list)
    keyword_raw: dict[int, str] = field(default_factory=dict)  # keyword lines by number
    last: str | None = None
    keywords_ahead: bool = False  # a certain keyword line comes later in the header
    label_above: bool = False  # the chosen keyword block is the one under a bare label
    empty_label: int | None = None  # the line of a bare label with no list under it
    abstract_zh: list[str] = field(default_factory=list)
    abstract_en: list[str] = field(default_factory=list)
    next_lines: list[str] = field(default_factory=list)  # the block after the one being read
    # Chinese-only authors read elsewhere on the page (a labelled page's field or preamble):
    # their romanized names may stand in these lines.
    known_authors: list[Person] = field(default_factory=list)


def _blocks(lines: list[tuple[int, str]]) -> list[_Block]:
    # Ends stripped, inner spacing kept: two spaces may separate keywords.
    return [_Block([raw.strip() for _, raw in lines[a:b]], [n for n, _ in lines[a:b]])
            for a, b in block_spans(lines)]


def _names(line: str) -> bool:
    """True for a line of authors: several Chinese names, names with their romanizations
    (``張三(San Zhang);李四(Si Li)``), or one name no word of the dictionary
    (:func:`~termkit.records.runon.name_line`)."""
    people = parse_authors(line, strict=True)
    if not people:
        return False
    if is_bilingual(people) or (len(people) >= 2 and all(p.zh for p in people)):
        return True
    return len(people) == 1 and name_line(line)


def _title_over_authors(block: _Block) -> list[_Block]:
    """``block`` as its title lines and its author line when a page printed them with no
    blank line between (``正念與學業壓力`` / ``張三、李四``), else ``[block]``: the author line
    last, above it one line per script at most, each one item, no names and no list."""
    lines = block.lines
    if not 2 <= len(lines) <= 3 or not _names(lines[-1]):
        return [block]
    head = lines[:-1]
    scripts = [has_han(line) for line in head]
    if len(set(scripts)) != len(scripts):
        return [block]
    for line in head:
        if is_prose(line) or certain_keyword_line(line) or is_furniture(line):
            return [block]
        if parse_authors(line, strict=True) or (
                len(split_keywords(line)) > 1 and not title_like(line)):
            return [block]
    return [_Block(head, block.numbers[:-1]), _Block(lines[-1:], block.numbers[-1:])]


def _titles_only(block: _Block) -> bool:
    """True for a block of titles: a line or two, each one item built like a title."""
    return len(block.lines) <= 2 and all(
        title_like(line) and len(split_keywords(line)) == 1 for line in block.lines)


def _title_runs(block: _Block, keywords_ahead: bool) -> list[tuple[str, str, int]] | None:
    """(script, text, line) runs if the block can be titles, else None.

    A short list joined by ``、`` or commas (``聽、說、讀、寫之研究``) is a title when a
    block further down is certainly the keyword line, else it is taken for keywords.
    """
    if len(block.lines) > 3 or any(len(line) > 300 for line in block.lines):
        return None
    if any(certain_keyword_line(line) or field_of_its_own(line) for line in block.lines):
        return None  # a keyword list, or a volume, page or date line: never a title
    if any(line.endswith(".") and _one_sentence([line]) and not _capitalised_as_title(line)
           for line in block.lines):
        # a sentence closed by a full stop: a note (``This is an open access article.``); a
        # title capitalised as one may end so (``Is Vietnam Balancing China? Evidence from Its
        # Foreign Policy.``, as pasted from a reference list)
        return None
    if not keywords_ahead and keyword_like(block.lines, strong=True):
        return None
    runs: list[tuple[str, list[str], int]] = []
    for line, number in zip(block.lines, block.numbers, strict=True):
        script = "zh" if has_han(line) else "en"
        if runs and runs[-1][0] == script:
            runs[-1][1].append(line)
        else:
            runs.append((script, [line], number))
    if len({r[0] for r in runs}) != len(runs):
        return None
    return [(script, without_counter(join_lines(parts)), number) for script, parts, number in runs]


def _try_fields(state: _State, block: _Block) -> bool:
    if len(block.lines) != 1:
        return False
    rec, line, number = state.record, block.lines[0], block.first
    volume = parse_volume(line)
    if volume is not None and rec.volume is None and rec.issue is None:
        for name in ("volume", "issue", "date", "pages"):
            value = getattr(volume, name)
            if value is not None and getattr(rec, name) is None:
                setattr(rec, name, value)
                rec.lines[name] = number
        return True
    pages = parse_pages(line)
    if pages is not None and rec.pages is None:
        rec.pages = pages
        rec.lines["pages"] = number
        return True
    date = parse_date(line)
    if date is not None and rec.date is None:
        rec.date = date
        rec.lines["date"] = number
        return True
    return False


def _try_authors(state: _State, block: _Block) -> bool:
    rec = state.record
    if rec.authors or state.keyword_items or state.abstract_en or state.abstract_zh:
        return False
    if bare_keyword_label(block.lines[0]):
        return False  # ``关键词`` heads a list; it is no name (关 is a surname)
    people = parse_authors("\n".join(block.lines), strict=True)
    if not people:
        return False
    if state.known_authors and not any(p.zh for p in people):
        return False  # romanized names of the authors known: by sound (_try_romanized)
    if not is_bilingual(people):
        han_only = all(p.zh for p in people)
        # A one-script name line is told from a title by coming after one, or, for
        # Chinese names, by being several names in a row (a title is not ``張三 李四``).
        if han_only and not (rec.title_en or rec.title_zh) and len(people) < 2:
            return False
        if not han_only and not rec.title_en:
            return False
    rec.authors = [Person(p.zh, p.en, block.first) for p in people]
    rec.lines["authors"] = block.first
    return True


def _latin_names(lines: list[str]) -> list[Person] | None:
    """The names of a block of romanized names only (``Wang Fei, Chen Na``), or None."""
    if any(has_han(line) for line in lines):
        return None
    people = parse_authors("\n".join(lines), strict=True)
    if not people or any(p.zh or not p.en for p in people):
        return None
    return people


def _unromanized(rec: Record) -> bool:
    """True if the authors read so far have Chinese names and no romanized ones."""
    return bool(rec.authors) and all(p.zh and not p.en for p in rec.authors)


def _chinese_authors(state: _State) -> list[Person]:
    """The Chinese-only authors whose romanized names may come later, or []."""
    rec = state.record
    if _unromanized(rec):
        return rec.authors
    return state.known_authors if not rec.authors else []


def _sounded_names(state: _State, lines: list[str]) -> list[str] | None:
    """Romanized names in a one-line block that render the Chinese authors by sound (lines
    naming their institutions may follow)."""
    people = _chinese_authors(state)
    if not people or not lines or not all(names_institution(x) for x in lines[1:]):
        return None
    # Affiliation marks off first (``WANG Jianguo1,2  LIU Xiaoyan1``: the comma between two
    # marks separates no names).
    return romanizations(people, strip_affiliations(lines[0]))


def _try_romanized(state: _State, block: _Block) -> bool:
    """The English half of a journal page: the authors' romanized names, later on.

    Mainland journals print the Chinese title, names, abstract and keywords, then the
    English title, the same names romanized (``Wang Fei, Chen Na, …``), the English
    abstract and keywords: a block of as many romanized names as there are Chinese ones
    gives them their romanizations, by position; a line whose names render the Chinese
    ones by sound (:mod:`termkit.records.romanized`) gives them too, whatever follows the
    last name (an affiliation glued to it).
    """
    rec = state.record
    chinese = _chinese_authors(state)
    if not chinese:
        return False
    # By position after the Chinese names of this page's own lines; names known from
    # elsewhere (``known_authors``) must be rendered by sound, most of them at least.
    people = _latin_names(block.lines)
    counted = people is not None and len(people) == len(chinese)
    if counted and _sounded_names(state, block.lines) is None and _sounded_names(
            state, state.next_lines) is not None:
        # The names rendered by sound on the next line: this one is the English title above
        # them (``Reading Promotion`` / ``ZHAO Min``), not the names by position.
        counted = False
    if counted and people is not None and not rec.authors:
        # Names known from elsewhere: paired by position only when most render them by
        # sound (``史麗珠`` / ``Lai-Chu See`` beside three that do).
        paired = [Person(a.zh, b.en, a.line) for a, b in zip(chinese, people, strict=True)]
        counted = sounded(paired)
    if counted and people is not None:
        names = [p.en or "" for p in people]
    else:
        by_sound = _sounded_names(state, block.lines)
        if by_sound is None:
            return False
        names = by_sound
    rec.authors = [Person(a.zh, b, a.line) for a, b in zip(chinese, names, strict=True)]
    return True


def _try_english_title(state: _State, block: _Block) -> bool:
    """The English title of that English half: the line right above the romanized names."""
    rec = state.record
    if rec.title_en is not None or len(block.lines) > 3 or not state.next_lines:
        return False
    chinese_half = rec.title_zh or rec.authors or state.keyword_items or state.abstract_zh
    if not (chinese_half or state.known_authors):
        return False  # nothing of the Chinese half yet: the ordinary title rules apply
    if any(has_han(line) or is_furniture(line) for line in block.lines):
        return False
    if any(certain_keyword_line(line) for line in block.lines):
        return False
    names = _latin_names(state.next_lines)
    counted = names is not None and (
        not rec.authors or (_unromanized(rec) and len(names) == len(rec.authors))
    )
    if not counted and _sounded_names(state, state.next_lines) is None:
        return False
    rec.title_en = join_lines(block.lines)
    rec.lines["title_en"] = block.first
    return True


def _try_venue(state: _State, block: _Block) -> bool:
    """A one-line block right above a volume line names the journal, not the article."""
    rec = state.record
    if len(block.lines) != 1 or not state.next_lines or rec.venue is not None:
        return False
    if not starts_volume_line(state.next_lines[0]) or starts_volume_line(block.lines[0]):
        return False
    rec.venue = block.lines[0]
    rec.lines["venue"] = block.first
    return True


def _try_titles(state: _State, block: _Block) -> bool:
    rec = state.record
    if rec.authors or state.keyword_items or state.last in ("volume", "abstract"):
        return False
    if any(is_furniture(line) for line in block.lines):
        return False
    runs = _title_runs(block, state.keywords_ahead)
    if runs is None:
        return False
    if any(getattr(rec, f"title_{script}") is not None for script, _, _ in runs):
        return False
    for script, text, number in runs:
        setattr(rec, f"title_{script}", text)
        rec.lines[f"title_{script}"] = number
    return True


def _add_abstract(state: _State, block: _Block) -> None:
    text = join_lines(block.lines)
    lang = "zh" if is_chinese_text(text) else "en"
    (state.abstract_zh if lang == "zh" else state.abstract_en).append(text)
    state.record.lines.setdefault(f"abstract_{lang}", block.first)


def _add_keywords(state: _State, block: _Block) -> None:
    # A keyword block ends at a line that is no keyword (a heading of the body, a table of
    # contents, a sentence): that line and those under it are kept as a section.
    end = list_end(block.lines)
    # A label alone on the first line (``关键词`` above one keyword per line) heads the list.
    start = 1 if end > 1 and bare_keyword_label(block.lines[0]) else 0
    state.keyword_lines.extend(block.lines[start:end])
    for line, number in zip(block.lines[start:end], block.numbers[start:end], strict=True):
        state.keyword_items.extend((item, number) for item in split_keywords(line))
        state.keyword_raw[number] = line
    state.record.lines.setdefault("keywords", block.first)
    if end < len(block.lines):
        rest = "\n".join(block.lines[end:])
        state.record.sections.append(Section("unrecognised", rest, block.numbers[end]))


def _header_block(state: _State, block: _Block) -> None:
    chosen = state.keyword_block
    if chosen is not None and state.index == chosen and _try_romanized(state, block):
        # Names shaped like a keyword list (``Wang Fei, Chen Na, …``), as many as the
        # Chinese names above: the romanizations. The keyword list is looked for further on.
        state.keyword_block = None
        state.last = "authors"
        return
    prose = any(is_prose(line) for line in block.lines) or is_prose(" ".join(block.lines))
    if chosen is not None and state.index == chosen and not state.keyword_items:
        if len(block.lines) == 1 and bare_keyword_label(block.lines[0]):
            # ``关键词：`` standing alone heads the list below it: that block is the list.
            state.keyword_block = chosen + 1
            state.label_above = True
            state.empty_label = block.first
            state.last = "keywords"
            return
        if state.label_above and (prose or all(field_of_its_own(x) for x in block.lines)):
            # A paragraph between the label and its list (the abstract, moved there by a
            # two-column layout), or a field line: the list is the next block that is
            # neither. This one is read as what it is.
            state.keyword_block = chosen + 1
        elif state.label_above and (_titles_only(block) or (
                not prose and _try_english_title(state, block))):
            # A title (built like one, or the English one above the romanized names): the
            # label was printed with no list, and no block after it is taken for one by
            # its shape alone.
            state.keyword_block = None
            state.last = None
            if state.record.title_en is not None and state.record.lines.get(
                    "title_en") == block.first:
                state.last = "title"
                return
        else:
            _add_keywords(state, block)
            state.last = "keywords"
            return
    if _try_fields(state, block):
        state.last = "volume"
        return
    if not prose and _try_authors(state, block):
        state.last = "authors"
        return
    if not prose and _try_romanized(state, block):
        state.last = "authors"
        return
    if not prose and _try_english_title(state, block):
        state.last = "title"
        return
    if not prose and not rec_has_titles(state.record) and _try_venue(state, block):
        state.last = "venue"
        return
    if not prose and _try_titles(state, block):
        state.last = "title"
        return
    if prose:
        _add_abstract(state, block)
        state.last = "abstract"
        return
    seen_header = bool(state.record.title_en or state.record.title_zh or state.record.authors)
    if (
        chosen is None
        and not state.keyword_items
        and keyword_like(block.lines, strong=not seen_header)
        and (state.empty_label is None or any(certain_keyword_line(x) for x in block.lines))
    ):
        _add_keywords(state, block)
        state.last = "keywords"
        return
    if state.last == "keywords" and keyword_like(block.lines, strong=False):
        # Chinese and English keywords in two neighbouring blocks: merge them, but only
        # when the new block brings the script the first one lacked (a line with any Han
        # character is a Chinese line, even if it also lists ``ResNeSt``).
        have_zh = any(has_han(line) for line in state.keyword_lines)
        have_en = _latin_list_read(state.keyword_lines, block.lines)
        new_zh = any(has_han(line) for line in block.lines)
        if (new_zh and not have_zh) or (not new_zh and not have_en and _english_half(state, block)):
            _add_keywords(state, block)
            return
    if _other_half_of_keywords(state, block):
        _add_keywords(state, block)
        state.last = "keywords"
        return
    if state.last in ("keywords", "volume", "abstract") and (
            len(" ".join(block.lines)) > 60
            or (_one_sentence(block.lines) and _about_the_article(block.lines, state)
                and not _THANKS.search(" ".join(block.lines)))):
        _add_abstract(state, block)
        state.last = "abstract"
        return
    state.record.sections.append(Section("unrecognised", "\n".join(block.lines), block.first))
    state.last = "section"


def _latin_list_read(lines: list[str], after: Sequence[str] = ()) -> bool:
    """True if the keyword lines read so far hold a Latin list: a line with no Han character
    in them, unless every such line is a term of the Chinese list printed one per line (a
    Latin line among the Han lines, ``深度學習`` / ``LSTM`` / ``股價預測``, or a few after them,
    fewer than half as many as the Han lines: an English list has about an item for each).

    ``after``: the Latin block under them. When it is a list of an item for each line read
    and repeats every Latin line after the Han lines (``深度學習`` / ``股價預測`` / ``LSTM``
    over ``deep learning`` / ``stock price prediction`` / ``LSTM``), or spells it out (an
    acronym of the initials of an item: ``long short-term memory``), those lines are terms of
    the Chinese list however few the Han lines: the English list is the block under them."""
    latin = [k for k, line in enumerate(lines) if not has_han(line)]
    if not latin:
        return False
    han = [k for k, line in enumerate(lines) if has_han(line)]
    if not han or any(len(split_keywords(line)) > 1 for line in lines):
        return True
    trailing = [lines[k].strip().casefold() for k in latin if k > han[-1]]
    if 2 * len(trailing) < len(han):
        return False
    below = [item.casefold() for line in after for item in split_keywords(line)]
    return not (len(below) >= len(lines) and all(
        t in below or any(initials(item) == t for item in below) for t in trailing))



def _one_sentence(lines: list[str]) -> bool:
    """True for a short English sentence of its own (``This study explores health
    promotion.``): a capital, five words or more, a word of running text (``this``, ``we``,
    ``is`` …), a closing full stop, no digit (``… has been browsed 120 times.`` is the
    page's statistics) and no page furniture. Under the keywords it is the abstract."""
    text = join_lines(lines)
    if has_han(text) or not text[:1].isupper() or not text.endswith((".", "!", "?")):
        return False
    if len(text.split()) < 5 or any(c.isdigit() for c in text) or is_furniture(text):
        return False
    return is_sentence(text[:1].lower() + text[1:])


# Words a title leaves in lower case however long (``Evidence from Its Foreign Policy``).
_TITLE_LOWER = frozenset(("from", "with", "into", "about", "upon", "onto", "over", "under",
                          "than", "that", "between", "through", "toward", "towards", "within",
                          "without", "among", "amongst", "versus", "via", "during", "after",
                          "before", "against", "across", "along", "beyond"))


def _capitalised_as_title(line: str) -> bool:
    """True when every word of four letters or more but a title's joining words opens with a
    capital, and there are three such words at least: a title, where a sentence leaves its
    words in lower case (``This is an open access article.``)."""
    words = [w.strip("\"'“”‘’()[],.:;?!") for w in line.split()]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha() and w.lower() not in _TITLE_LOWER]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)


# An acknowledgement's words: a sentence holding one is the page's note, not its abstract.
_THANKS = re.compile(r"\b(?:thanks?|thanked|grateful|gratitude|acknowledge[sd]?|acknowledgements?)\b",
                     re.IGNORECASE)


_WORDS = re.compile(r"[a-z]+")


def _content_stems(text: str) -> set[str]:
    """The first five letters of each word of ``text`` that is no function word."""
    return {w[:5] for w in _WORDS.findall(text.casefold()) if w not in STOP_WORDS and len(w) > 2}


def _about_the_article(lines: list[str], state: _State) -> bool:
    """True if a short sentence shares a word with the article's English title or keywords
    (``This study explores health promotion.`` under ``health promotion``), or the page has
    neither to compare with. A sentence sharing none is the page's note (``This is an open
    access article.``, ``We thank the anonymous reviewers …``), not its abstract."""
    known = " ".join([state.record.title_en or ""]
                     + [item for item, _ in state.keyword_items if not has_han(item)])
    about = _content_stems(known)
    return not about or bool(about & _content_stems(join_lines(lines)))


def _english_half(state: _State, block: _Block) -> bool:
    """Whether a Latin block under Chinese keyword lines can be their English list.

    When those lines hold Latin items too, they may already be both lists on one line
    (``客家 ; 認同 ; Ethnicity ; Identity``), and a short Latin block under them is the page's
    next field (``109``, ``2020``, ``12 pages``), not the English list: an English list has an
    item for each Chinese one, so it is taken only with at least as many items as the Han
    items read. (A Chinese list naming ``ResNeSt`` and ``LIME`` above its English list: the
    English list repeats them and has as many items as the whole Chinese list.)
    """
    if all(_labelled_field(line) for line in block.lines):
        return False  # ``DOI: 10.6151/…``: whatever its value splits into
    items = [item for item, _ in state.keyword_items]
    if all(has_han(item) for item in items):
        return True
    if all(field_of_its_own(line) for line in block.lines):
        return False  # a page count or a year under a one-keyword pair (``客家 ; Ethnicity``)
    han = sum(1 for item in items if has_han(item))
    return sum(len(split_keywords(line)) for line in block.lines) >= han


def _labelled_field(line: str) -> bool:
    """True for a line under a known label of another field than keywords (``DOI:
    10.6151/…``, ``URL: …``): the page's next field, whatever its value splits into."""
    m = match_label(line)
    return m is not None and m.label.field is not Field.KEYWORDS


def _other_half_of_keywords(state: _State, block: _Block) -> bool:
    """The English keywords of a journal page's English half, far below the Chinese ones.

    A block that is certainly a keyword line, in the one script the list read so far
    lacks, with about as many items, completes it.
    """
    if not state.keyword_items or not all(certain_keyword_line(line) for line in block.lines):
        return False
    have = {has_han(item) for item, _ in state.keyword_items}
    new = [item for line in block.lines for item in split_keywords(line)]
    scripts = {has_han(item) for item in new}
    if len(have) != 1 or len(scripts) != 1 or have == scripts:
        return False
    return abs(len(new) - len(state.keyword_items)) <= (1 if len(new) >= 4 else 0)


_SEPARATORS = tuple(";；,，、")


def _wrapped_keyword(state: _State) -> list[tuple[str, int | None]] | None:
    """The keyword items with the one Chinese list line broken between two Han characters
    (a narrow column: the line above holds several items, ends with no separator and is no
    narrower than the line under it, which starts with no separator) joined again, or None
    unless there is exactly one such break."""
    items = state.keyword_items
    breaks = []
    for i in range(len(items) - 1):
        (a, m), (b, n) = items[i], items[i + 1]
        if m is None or n != m + 1 or m not in state.keyword_raw or n not in state.keyword_raw:
            continue
        above, below = state.keyword_raw[m].rstrip(), state.keyword_raw[n].lstrip()
        if len(split_keywords(above)) < 2 or above.endswith(_SEPARATORS):
            continue
        if below.startswith(_SEPARATORS) or not (has_han(above[-1:]) and has_han(below[:1])):
            continue
        if display_width(above) + 1 < display_width(below):
            continue  # the line above ended before the column did: at an item's end
        if above.endswith(a) and below.startswith(b):
            breaks.append(i)
    if len(breaks) != 1:
        return None
    i = breaks[0]
    return [*items[:i], (items[i][0] + items[i + 1][0], items[i][1]), *items[i + 2:]]


def rec_has_titles(rec: Record) -> bool:
    """True once a title in either language has been read."""
    return rec.title_zh is not None or rec.title_en is not None


def _finish(state: _State) -> None:
    rec = state.record
    if state.abstract_zh:
        rec.abstract_zh = "\n".join(state.abstract_zh)
    if state.abstract_en:
        rec.abstract_en = "\n".join(state.abstract_en)
    if not state.keyword_items:
        rec.notices.append(Notice(NO_KEYWORDS, state.path))
        if state.empty_label is not None:
            rec.notices.append(Notice(EMPTY_LABEL, state.path, state.empty_label))
        return
    spaced = frozenset(n for n, raw in state.keyword_raw.items() if spaced_only(raw))
    kw: Keywords = assign_keywords(state.keyword_items, spaced=spaced)
    wrapped = _wrapped_keyword(state)
    if wrapped is not None and kw.en and len(kw.zh) == len(kw.en) + 1:
        # A list line broken inside a keyword (``…；越南外交政`` / ``策；…``): one Chinese
        # item too many, and the English list's count says the two pieces are one.
        kw = assign_keywords(wrapped, spaced=spaced)
    rec.keywords_zh, rec.keywords_en = kw.zh, kw.en
    if kw.zh_line is not None:
        rec.lines["keywords_zh"] = kw.zh_line
    if kw.en_line is not None:
        rec.lines["keywords_en"] = kw.en_line
    if kw.other:
        line = rec.lines.get("keywords")
        rec.sections.append(Section("keywords_other", "\n".join(kw.other), line))
        rec.notices.append(
            Notice(
                f"keywords in a third language kept apart: {', '.join(kw.other)}",
                state.path,
                line,
            )
        )


def parse_page_record(
    lines: list[tuple[int, str]],
    path: str,
    record_id: str,
    *,
    known_authors: Sequence[Person] = (),
    listed: bool = False,
) -> Record:
    """Read one record from (line number, text) pairs, blocks separated by blank lines.

    ``known_authors``: Chinese-only authors read elsewhere on the page (by a labelled
    page's reader); a romanized line that renders them gives their romanized names, and
    the Latin line right above it is the English title. ``listed``: the page's keyword
    list was read elsewhere (a labelled field), so no block here is chosen as the list by
    its shape alone (a title with a comma in it is read as a title).
    """
    split = tail_start(lines)
    return _read_record(_blocks(lines[:split]), lines[split:], path, record_id, known_authors,
                        listed)


def read_page_record(lines: list[tuple[int, str]], path: str, record_id: str) -> Record:
    """Read one record of a page-text file, whether or not it kept its blank lines.

    A page copied without its blank lines (some browsers and PDF viewers drop them) runs
    the title, the authors, the keyword lines, the volume line and the abstract together,
    and the block is misread as a list of keywords, or as nothing. So a page whose header
    is one block of several lines (no blank line in it) and whose reading is doubtful
    (:func:`termkit.records.runon.doubtful`) is read a second time with its lines grouped by
    kind (:func:`~termkit.records.runon.line_groups`), and that reading is kept when it finds
    keywords in both scripts and the first one found no such lists, or took for keywords what
    the second reads as a title, an author or a field line
    (:func:`~termkit.records.runon.misread`); on a page of one list (a Chinese half: the
    title, ``張三、李四``, the keywords) it is kept on that misreading alone, when it finds a
    list in each script the first reading did. A page that kept blank lines in its
    header is read by its blocks alone: there a block of several lines is a name over its
    romanization or a wrapped abstract, and a keyword list in one language only is no sign
    of lost blank lines (read again, its two titles passed for a list of one keyword each).
    """
    split = tail_start(lines)
    header = _blocks(lines[:split])
    record = _read_record(header, lines[split:], path, record_id, ())
    if len(header) != 1 or len(header[0].lines) == 1 or not doubtful(record):
        return record
    groups = [_Block(g.lines, g.numbers) for g in line_groups(lines[:split])]
    by_line = _read_record(groups, lines[split:], path, record_id, ())
    if not (by_line.keywords_zh and by_line.keywords_en):
        # A page with one list only (a mainland page's Chinese half: ``題名`` / ``張三、李四``
        # / ``正念；壓力``) is read by line when that reading finds a list in each script the
        # first one did and the first took its title or author line for keywords.
        one_list = (by_line.keywords_zh or by_line.keywords_en) and (
            bool(by_line.keywords_zh) >= bool(record.keywords_zh)
            and bool(by_line.keywords_en) >= bool(record.keywords_en))
        return by_line if one_list and misread(record, by_line) else record
    if not (record.keywords_zh and record.keywords_en) or misread(record, by_line):
        return by_line
    return record


def _read_record(
    header: list[_Block],
    tail: list[tuple[int, str]],
    path: str,
    record_id: str,
    known_authors: Sequence[Person],
    listed: bool = False,
) -> Record:
    header = [part for block in header for part in _title_over_authors(block)]
    state = _State(Record(source=path, id=record_id), path)
    state.known_authors = list(known_authors)
    state.keyword_block = None if listed else choose_keyword_block([b.lines for b in header])
    certain = [any(certain_keyword_line(line) for line in b.lines) for b in header]
    for i, block in enumerate(header):
        state.index = i
        state.next_lines = header[i + 1].lines if i + 1 < len(header) else []
        state.keywords_ahead = any(certain[i + 1 :]) or (
            state.keyword_block is not None and i < state.keyword_block
        )
        _header_block(state, block)
    state.index = -1
    state.next_lines = []
    for block in _blocks(read_tail(state.record, tail)):
        _header_block(state, block)
    _finish(state)
    return state.record


def split_chunks(text: str, path: str | None = None) -> list[list[tuple[int, str]]]:
    """(line number, text) lists of the records in ``text``, split at form feeds.

    Each record's lines are tidied (:func:`termkit.records.tidy.tidy_lines`): table bars
    become tabs, inline pinyin left by a machine conversion is removed; on a page written
    as Markdown (:func:`termkit.records.markdown.is_markdown`) the markup is read first
    (:func:`termkit.records.markdown.unmark_lines`). An HTML page (by its content, or a
    ``.html``/``.htm`` ``path``: :func:`termkit.records.htmlpage.is_html`) is one chunk of
    the lines it shows (:func:`termkit.records.htmlpage.shown_lines`).
    """
    if is_html(text, path):
        shown = shown_lines(text)
        return [tidy_lines(shown)] if any(line.strip() for _, line in shown) else []
    marked = is_markdown(text)
    chunks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.split("\n"), 1):
        if "\f" in line:
            before, _, after = line.partition("\f")
            chunks[-1].append((number, before))
            chunks.append([(number, after.replace("\f", ""))])
        else:
            chunks[-1].append((number, line))
    if marked:
        chunks = [unmark_lines(c) for c in chunks]
    return [tidy_lines(c) for c in chunks if any(line.strip() for _, line in c)]


def parse_page(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a page-text file: records separated by form feeds, or run
    together with only blank lines between them (:mod:`termkit.records.split`)."""
    fed = split_chunks(text, path)
    if not fed:
        shows = "the page shows no text" if is_html(text, path) else "the file holds only blank lines"
        raise InputError(f"no record content ({shows})", path=path)
    chunks = [(part, n > 0) for c in fed for n, part in enumerate(split_run_together(c))]
    if len(chunks) == 1:
        return [read_page_record(chunks[0][0], path, stem)]
    records = []
    for n, (chunk, found) in enumerate(chunks, 1):
        rec = read_page_record(chunk, path, f"{stem}#{n}")
        if found:
            first = next(number for number, line in chunk if line.strip())
            rec.notices.insert(0, Notice(
                f"record {n} read from here on: a title and a keyword list after the record "
                "before it (separate records with a form feed to say so)", path, first))
        records.append(rec)
    return records
