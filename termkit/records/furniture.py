"""Page furniture: the lines of a copied web page that belong to the site, not the article.

A page copied from a thesis system, a repository or a journal mirror carries the site's
lines around the record: an image's alternative text (``Responsive image``), buttons and
links (``Article View/Open``, ``APP下载``), banners (``博碩士論文 … 詳細資訊``), the address to
cite (``Please use this identifier …: https://…``), a date or volume line (``November 2017 9``,
``Vol. 10 No. 05 …``), a copyright line, a language bar (``English | 正體中文 | 简体中文``), a field label standing
alone (``题名``). None of them is ever a title; :func:`is_furniture` tells them apart by
shape and by a small vocabulary of words that web pages use for their controls, and only
on short lines (a real title is longer than a button).
"""

from __future__ import annotations

import re

from termkit.records.fields import starts_volume_line
from termkit.records.labels import match_label
from termkit.records.script import HAN, count

_ADDRESS = re.compile(r"https?://|www\.|\b10\.\d{4,9}/\S|\S@\S+\.[a-z]{2,}|\.(?:com|org|net)\b")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A date line: month names, numbers and date punctuation only (``November 2017 9``).
_DATE_LINE = re.compile(rf"^(?:{_MONTH}|\d{{1,4}}|[\s,./\-年月日])+$", re.IGNORECASE)
_HAN_CHAR = re.compile(f"[{HAN}]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_ONE_WORD_TITLE = re.compile(r"[A-Z][a-z]{3,}(?:[-'’][a-z]+)*")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|powered by|版權所有|版权所有", re.IGNORECASE
)
# Words a page prints alone on a line as a heading, a tab, a link or an article-type badge
# (``Introduction``, ``English``, ``Review``): a line of one of them is no one-word title.
_HEADINGS_EN = frozenset(
    (
        "abstract", "about", "accepted", "acknowledgements", "acknowledgments", "appendix",
        "archive", "article", "articles", "bibliography", "chinese", "comments", "conclusion",
        "conclusions", "contact", "contents", "correspondence", "details", "editorial",
        "email", "english", "favorites", "favourites", "feedback", "figures", "fulltext",
        "introduction", "issues", "letter", "metrics", "notes", "published", "received",
        "recommend", "references", "related", "research", "review", "sitemap", "statistics",
        "submit", "summary", "supplementary", "tables",
    )
)
# Words web pages use for their controls and images. A short line holding one is furniture.
_UI_EN = frozenset(
    (
        "download", "downloads", "pdf", "login", "logout", "signin", "sign", "register",
        "share", "print", "export", "import", "view", "open", "close", "browse", "menu",
        "home", "image", "images", "photo", "picture", "responsive", "search", "citation",
        "citations", "cite", "scholar", "scholartm", "back", "next", "previous", "more",
        "app", "upload", "help",
    )
)
_UI_ZH = (
    "下載", "下载", "登入", "登錄", "登录", "註冊", "注册", "分享", "收藏", "列印", "打印",
    "匯出", "导出", "首頁", "首页", "檢視", "查看", "開啟", "打开", "返回", "上一篇",
    "下一篇", "目錄", "目录", "圖片", "图片", "搜尋", "搜索",
)
# Phrases that only a page's own headings use, whatever the line's length.
_UI_ZH_PHRASES = (
    "詳細資訊", "详细信息", "詳細資料", "详细资料", "書目資料", "书目资料", "內容閱讀",
    "内容阅读", "全文閱讀", "全文阅读", "在線閱讀", "在线阅读", "全文下載", "全文下载",
)
# A button or banner is short: up to this many Han characters or Latin words.
_SHORT_HAN = 6
_SHORT_WORDS = 3


# A site's counter printed after a title on the same line (``… 被引量:2``, ``Cited by 5``).
_COUNTER = re.compile(
    r"\s+(?:被引(?:量|次数|次數|频次|頻次)?|下载(?:量|次数)?|下載(?:量|次數)?|引用(?:次数|次數)"
    r"|浏览(?:量|次数)?|瀏覽(?:量|次數)?|阅读(?:量|次数)|閱讀(?:量|次數)"
    r"|cited by|times cited|downloads?)\s*[:：]?\s*\d+\s*$",
    re.IGNORECASE,
)


def without_counter(title: str) -> str:
    """``title`` without a site's citation, download or view counter after it."""
    return _COUNTER.sub("", title) if title[-1:].isdigit() else title


def _one_word_title(text: str) -> bool:
    """A line that is one capitalised word and nothing else (``Mindfulness``).

    A badge or a heading is written in capitals (``CAS``, ``ABSTRACT``), a field name or a
    run of buttons has capitals inside (``PublicationName``, ``Publications-Theses``): a
    one-word title has a capital only at its start, and a few letters after it.
    """
    return _ONE_WORD_TITLE.fullmatch(text) is not None


def is_furniture(line: str) -> bool:
    """True if ``line`` is part of the site's page, never a title (see the module docstring)."""
    text = line.strip()
    if not text:
        return True
    if _ADDRESS.search(text) or _COPYRIGHT.search(text):
        return True
    if text.count("|") >= 2:
        return True  # a language or navigation bar: ``English | 正體中文 | 简体中文``
    if _DATE_LINE.match(text) or starts_volume_line(text):
        return True
    m = match_label(text)
    if m is not None and not m.value:
        return True  # a label standing alone (``题名``, ``Title``)
    han = count(_HAN_CHAR, text)
    words = [w.lower() for w in _WORD.findall(text)]
    if han == 0:
        if len(words) == 1 and _one_word_title(text):
            return words[0] in _UI_EN or words[0] in _HEADINGS_EN
        if len(words) <= 1:
            return True  # one word (``CAS``, ``ABSTRACT``) is a badge or a heading
        return len(words) <= _SHORT_WORDS and any(w in _UI_EN for w in words)
    if any(p in text for p in _UI_ZH_PHRASES):
        return True
    return han <= _SHORT_HAN and (
        any(w in text for w in _UI_ZH) or any(w in _UI_EN for w in words)
    )

