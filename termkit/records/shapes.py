"""The shape of a keyword block on an unlabelled page, read from its lines alone.

A page without labels says nowhere which block holds the keywords; the block with the best
*shape* does (:func:`keyword_score`): several separated items, items in both scripts,
semicolons; prose, volume lines, long items and name lists count against. A labelled line
(``關鍵詞：…``) decides, and of two labelled lines the longer list wins (a site's one-item
tag line above the article's own list).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from termkit.records.authors import is_bilingual, parse_authors
from termkit.records.fields import parse_date, parse_pages, parse_volume
from termkit.records.keywords import affiliation_line, keyword_label, spaced_only, split_keywords
from termkit.records.script import has_han, is_prose, short_item_list

# The least keyword score (see keyword_score) that makes a block the keyword block: two
# items in both scripts, or a few items with separators.
KEYWORD_SHAPE = 6


def _latin_item(item: str) -> bool:
    """An item of the English side: no Han character and not a number alone. A number
    (``2008``, ``921``) is in neither script: a title opening ``2008，`` is no bilingual list;
    nor is a number with one letter, a latitude or a size (``以220N、230N、240N…為例``)."""
    text = item.strip()
    return not has_han(text) and not text.isdigit() and _NUMBER_CODE.fullmatch(text) is None


_NUMBER_CODE = re.compile(r"\d+(?:\.\d+)?[A-Za-z°]")


def _short_item(item: str) -> bool:
    return len(item) <= 12 if has_han(item) else len(item.split()) <= 6


def certain_keyword_line(line: str) -> bool:
    """A label, semicolons between items, or items in both scripts: never a title."""
    if keyword_label(line) is not None:
        return True
    if (len(line) > 400 and not short_item_list(line)) or is_prose(line):
        return False
    items = split_keywords(line)
    if len(items) < 2:
        return False
    if any(c in line for c in ";；"):
        return True
    # Items in both scripts, unless only single spaces set them apart (a Chinese title
    # with a Latin word in it: ``ChatGPT 輔助 程式設計教學之成效``).
    mixed = any(has_han(i) for i in items) and any(_latin_item(i) for i in items)
    return mixed and not spaced_only(line)


def _strong_keyword_line(line: str) -> bool:
    if certain_keyword_line(line):
        return True
    items = split_keywords(line)
    return (
        len(items) >= 3
        and all(_short_item(i) for i in items)
        and not any(i.startswith(("and ", "or ", "&")) for i in items)
    )


def keyword_like(lines: list[str], *, strong: bool) -> bool:
    """True if a block of lines could be a keyword block (``strong``: without context)."""
    if any(is_prose(line) for line in lines) or (len(lines) == 1 and affiliation_line(lines[0])):
        return False
    if len(lines) >= 3:
        return all(len(line) <= 120 or short_item_list(line) for line in lines)
    if any(_strong_keyword_line(line) for line in lines):
        return True
    if (
        len(lines) == 2
        and has_han(lines[0]) != has_han(lines[1])
        and all(len(split_keywords(line)) >= 2 for line in lines)
    ):
        return True
    return not strong and all(len(line) <= 200 or short_item_list(line) for line in lines)


def keyword_score(lines: list[str]) -> float:
    """How much a block looks like a keyword block, by its shape alone (0: not at all).

    A keyword label decides; otherwise several separated items count, items in both
    scripts and semicolons count more; prose, volume lines and long items count against.
    The last few blocks' scores are kept: the page reader and the record splitter
    (:mod:`termkit.records.split`) ask about the same blocks.
    """
    return _keyword_score(tuple(lines))


@functools.lru_cache(maxsize=256)
def _keyword_score(lines: tuple[str, ...]) -> float:
    if any(keyword_label(line) is not None for line in lines):
        # Of two labelled lines the longer list wins: a site's tag line above the article
        # (``关键词:用户需求智慧图书馆服务体系``) is one item, the article's own list several.
        return 100.0 + min(sum(len(split_keywords(line)) for line in lines), 12)
    if any(is_prose(line) or (len(line) > 400 and not short_item_list(line)) for line in lines):
        return 0.0
    if len(lines) == 1 and (
        parse_volume(lines[0]) or parse_pages(lines[0]) or parse_date(lines[0])
        or affiliation_line(lines[0])  # ``(某大學圖書館，上海 200000)`` under the names
    ):
        return 0.0
    per_line = [split_keywords(line) for line in lines]
    items = [item for line_items in per_line for item in line_items]
    if len(items) < 2 or sum(1 for i in items if not i.strip().isdigit()) < 2:
        return 0.0  # (a number alone is no keyword of a list of two: ``1968，全球學運…``)
    score = float(min(len(items), 12))
    han = [has_han(i) for i in items]  # asked once per item
    scripts = {zh for i, zh in zip(items, han, strict=True) if zh or _latin_item(i)}
    if len(scripts) == 2 and any(spaced_only(line) for line in lines):
        # A line of single-spaced items counts as one script: a Chinese title with a Latin
        # word in it has that shape too (``ChatGPT 輔助 程式設計教學之成效``).
        scripts = _scripts(lines)
    if len(scripts) == 2:
        score += 10
    text = "\n".join(lines)
    if ";" in text or "；" in text:
        score += 5
    elif any(c in text for c in "、，,"):
        score += 2
    if all(
        len(i) <= 12 if zh else len(i.split()) <= 6 for i, zh in zip(items, han, strict=True)
    ):  # every item short (_short_item)
        score += 3
    if any(len(i) > 60 or len(i.split()) > 8 for i in items):
        score -= 8
    if score < KEYWORD_SHAPE:
        return max(score, 0.0)
    people = parse_authors(text, strict=True)
    if people and (is_bilingual(people) or (len(people) >= 2 and all(p.zh for p in people))):
        return 0.0  # an author block: names (paired with their romanizations)
    return score


def _lone_item(lines: list[str]) -> bool:
    """One short line that could be a list of one keyword (``第二語言焦慮``)."""
    return len(lines) == 1 and len(lines[0]) <= 40 and not is_prose(lines[0])


def choose_keyword_block(header: list[list[str]]) -> int | None:
    """The index of the block with the best keyword shape, or None if none has one.

    When the block just before the winner holds the other script's half of the list
    (Chinese keywords, then English ones in their own block), reading starts there.
    """
    scores = [keyword_score(b) for b in header]
    if not scores or max(scores) < KEYWORD_SHAPE:
        return None
    best = scores.index(max(scores))
    before = header[best - 1] if best > 0 else []
    if before and (scores[best - 1] > 0 or _lone_item(before)):
        before_zh, after_zh = _scripts(before), _scripts(header[best])
        # One block all Chinese items, the other all Latin: the two halves of one list,
        # unless the block after the winner is a list in the script of the one before it:
        # then that is the other half, and the line before is a title (``Mindfulness``
        # above ``正念；壓力；焦慮`` and ``mindfulness; stress; anxiety``).
        if (
            len(before_zh) == len(after_zh) == 1
            and before_zh != after_zh
            and not _half_after(header, scores, best, before_zh)
        ):
            return best - 1
    return best


def _scripts(lines: Sequence[str]) -> set[bool]:
    """The scripts of a block's items (True: Chinese); a line of single-spaced items counts
    as the script of its line (``機器學習 遷移學習 Hadoop Spark`` is a Chinese line: a
    space inside an English phrase would cut it, so its Latin items are terms)."""
    return {
        has_han(line) if spaced_only(line) else has_han(item)
        for line in lines
        for item in split_keywords(line)
    }


def _half_after(
    header: list[list[str]], scores: list[float], best: int, script: set[bool]
) -> bool:
    """True if the block after ``best`` is a keyword list all of whose items are in ``script``."""
    if best + 1 >= len(header) or scores[best + 1] < KEYWORD_SHAPE:
        return False
    return _scripts(header[best + 1]) == script
