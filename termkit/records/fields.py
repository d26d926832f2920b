"""Small bibliographic fields recognised by shape: volume/issue/date lines, pages, subjects.

* volume lines are read token by token and must be made of nothing else:
  ``10卷3期(2014 / 09 / 01)`` -> volume 10, issue 3, date 2014-09-01;
  ``2017年`` -> date 2017; ``2021年4期`` -> date 2021, issue 4;
  ``2020年第2期11-13,共3页`` -> date 2020, issue 2, pages 11-13 (a mainland year-and-issue
  line has no volume number: the year is the date); ``2016年第1期112-113,116,共3页`` -> pages
  112-113,116 (an article continued on a later page); ``Vol. 10, No. 3`` -> volume 10, issue 3;
  ``2020，51卷，3期，401–428頁`` (a Taiwanese journal's running head: a bare year before a
  comma) -> date 2020, volume 51, issue 3, pages 401-428;
* page lines: ``113 - 129``, ``446-453``, ``pp. 1-30``, ``頁113-129`` -> ``113-129``;
* a date line on its own: ``2004-01``, ``2014/09/01``; a Republic of China year, alone or in a
  volume line: ``民國109年1月``, ``第27卷第1期(民國109年1月)``, ``民109.01`` -> 2020-01;
* subject lines: ``人文學 > 人文學綜合`` -> ``["人文學", "人文學綜合"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VOLUME_TOKEN = re.compile(
    r"""
    (?P<rparen>[(（]\s*(?:中[華华])?民[國国]?\s*(?P<rpy>\d{1,3})(?:\s*[/／\-.年]\s*(?P<rpm>\d{1,2})\s*月?
        (?:\s*[/／\-.]\s*(?P<rpd>\d{1,2})\s*日?)?)?\s*[)）])
    | (?:中[華华])?民[國国]?\s*(?P<ry>\d{1,3})(?:\s*年|\s*[./]\s*(?P<rm>\d{1,2})(?!\d))
    | (?P<paren>[(（]\s*(?P<py>\d{4})(?:\s*[/／\-.年]\s*(?P<pm>\d{1,2})\s*月?
        (?:\s*[/／\-.]\s*(?P<pd>\d{1,2})\s*日?)?)?\s*[)）])
    | (?P<year>\d{4})\s*年
    | (?P<year2>(?:19|20)\d\d)(?=\s*[,，;；])
    | (?P<vol3>\d{1,4})\s*[(（]\s*(?P<iss3>\d{1,3}(?:\s*[-/]\s*\d{1,3})?)\s*[)）]
    | (?P<month>\d{1,2})\s*月
    | 第?\s*(?P<vol>\d+)\s*卷
    | 第?\s*(?P<iss>\d+)\s*期
    | (?:[Vv]ol(?:ume)?|VOL)\.?\s*(?P<vol2>\d+)
    | (?:[Nn]o|NO|[Ii]ssue|[Nn]r)\.?\s*(?P<iss2>\d+)
    | (?:pp?\.?\s*|[頁页]\s*)?(?P<p1>\d+)\s*[-–~～]\s*(?P<p2>\d+)
        (?P<more>(?:\s*[,，]\s*(?!(?:19|20)\d\d\s*$)\d+(?:\s*[-–~～]\s*\d+)?
            (?![\d\s]*[卷期年月]))*)\s*[頁页]?
    | (?P<year3>(?:19|20)\d\d)\s*$
    | 共\s*\d+\s*[頁页]
    | [\s,，;；:：.、]+
    """,
    re.VERBOSE,
)
# The start of a volume line that :func:`parse_volume` may not read whole (``Vol. 10 No. 05
# ( 2022 ), Article ID: 55593``): enough to tell that the line above it names the journal.
_VOLUME_START = re.compile(
    r"^\s*(?:(?:[Vv]ol(?:ume)?|VOL)\.?\s*\d|(?:[Nn]o|NO)\.\s*\d|第?\s*\d+\s*卷"
    r"|(?:19|20)\d\d\s*年\s*第?\s*\d+\s*期|(?:19|20)\d\d\s*,\s*(?:[Vv]ol|\d+\s*\())"
)
_PAGE_PIECES = re.compile(r"\d+(?:\s*[-–~～]\s*\d+)?")
_PAGES = re.compile(r"^(?:pp?\.?|[頁页]|Pages?:?)?\s*(\d+)\s*[-–~～]\s*(\d+)\s*[頁页]?$")
_DATE = re.compile(r"^((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?\s*/?$")
# A Republic of China (Minguo) year: ``民國109年1月``, ``中華民國109年1月1日``, ``民109.01``.
_ROC_DATE = re.compile(
    r"^(?:中[華华])?民[國国]?\s*(\d{1,3})\s*(?:年|[./-])?\s*(?:(\d{1,2})\s*(?:月|[./-])?\s*"
    r"(?:(\d{1,2})\s*日?)?)?$"
)
_ROC_EPOCH = 1911  # ROC year 1 is 1912
_BRACKETED_ROC = re.compile(r"\s*[\[［(（]\s*(?:中[華华])?民[國国]?\s*\d{1,3}[^\]］)）]*[\]］)）]\s*$")
_VOLUME_COLON = re.compile(r"^(\d{1,4})\s*[:：]\s*(\d{1,3})(?:\s+(.+))?$")
SUBJECT_HEADING = re.compile(r"^\s*(?:主[题題]分[类類]|學科分類|学科分类)\s*[:：]?\s*(.*)$")
_SUBJECT_SPLIT = re.compile(r"\s*[>＞]\s*")


@dataclass(slots=True)
class Volume:
    """What a volume line holds."""

    volume: str | None = None
    issue: str | None = None
    date: str | None = None
    pages: str | None = None


def iso_date(year: str, month: str | None = None, day: str | None = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from parts, or None if a part is out of range."""
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def page_range(first: str, last: str) -> str | None:
    """``113-129``; None when the numbers cannot be a page range (``2004-01``)."""
    if last.startswith("0") or first.startswith("0"):
        return None
    return f"{int(first)}-{int(last)}"


def parse_volume(line: str) -> Volume | None:
    """Read a volume/issue/date line, or None if ``line`` is anything else."""
    text = line.strip()
    out = Volume()
    pos = 0
    year = month = None
    dotted = False  # ``民109.01``: a date line alone, as ``2020.01`` is
    cited = False  # ``38(4)``: a volume line only with a year or pages beside it
    while pos < len(text):
        m = _VOLUME_TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            return None
        pos = m.end()
        g = m.groupdict()
        if g["rparen"] or g["ry"]:  # a Republic of China year: ``(民國109年1月)``, ``民109.01``
            western = roc_year(g["rpy"] or g["ry"])
            if western is None:
                return None
            if g["rparen"]:
                out.date = iso_date(western, g["rpm"], g["rpd"])
                if out.date is None:
                    return None
            else:
                year, month = western, g["rm"] or month
                dotted = dotted or g["rm"] is not None
        elif g["paren"]:
            out.date = iso_date(g["py"], g["pm"], g["pd"])
            if out.date is None:
                return None
        elif g["year"] or g["year2"]:
            year = g["year"] or g["year2"]
        elif g["year3"]:
            # A year closing the line after the volume or pages (``Vol. 10, No. 3, pp.
            # 113-129, 2014``); a year alone is no volume line.
            if out.volume is None and out.issue is None and out.pages is None:
                return None
            year = g["year3"]
        elif g["month"]:
            month = g["month"]
        elif g["vol3"]:
            # ``38(4)``, the citation form of volume 38, issue 4 (``2019, 38(4): 12-20``)
            out.volume, out.issue = g["vol3"], re.sub(r"\s+", "", g["iss3"])
            cited = True
        elif g["vol"] or g["vol2"]:
            out.volume = g["vol"] or g["vol2"]
        elif g["iss"] or g["iss2"]:
            out.issue = g["iss"] or g["iss2"]
        elif g["p1"]:
            out.pages = page_range(g["p1"], g["p2"])
            if out.pages is None:
                return None
            if g["more"]:  # pages printed apart: ``112-113,116`` (the article goes on later)
                out.pages += "," + ",".join(_PAGE_PIECES.findall(g["more"]))
    if year and out.date is None:
        out.date = iso_date(year, month)
    if cited and year is None and out.date is None and out.pages is None:
        return None  # ``2(3)`` alone says too little to be a volume line
    if out.volume is None and out.issue is None and (year is None or (dotted and out.pages is None)):
        return None
    return out


def starts_volume_line(line: str) -> bool:
    """True if ``line`` is or begins like a volume/issue line (``Vol. 10 No. 05 …``)."""
    return _VOLUME_START.match(line) is not None or parse_volume(line) is not None


def parse_pages(line: str) -> str | None:
    """``113-129`` from a page-range line, or None."""
    m = _PAGES.match(line.strip())
    return page_range(m.group(1), m.group(2)) if m else None


def parse_date(line: str) -> str | None:
    """An ISO date from a line holding only a date (``2004-01``, ``2014/09/01``, a Republic
    of China year as Taiwanese pages print it: ``民國109年1月``, ``民109.01`` -> ``2020-01``),
    or None."""
    text = line.strip()
    m = _DATE.match(text)
    if m:
        return iso_date(m.group(1), m.group(2), m.group(3))
    m = _ROC_DATE.match(text)
    western = roc_year(m.group(1)) if m is not None else None
    if m is None or western is None:
        return None
    return iso_date(western, m.group(2), m.group(3))


def roc_year(year: str) -> str | None:
    """The Western year of a Republic of China (Minguo) year (``109`` -> ``2020``), or None
    outside years 1 to 150."""
    return str(int(year) + _ROC_EPOCH) if 1 <= int(year) <= 150 else None


def parse_volume_issue(value: str) -> tuple[str, str, str | None] | None:
    """(volume, issue, date) from a volume field's ``27:1`` (volume 27, issue 1), with a date
    after it (``27:1 民109.01``, ``27:1 2020.01``); None for any other value."""
    m = _VOLUME_COLON.match(value.strip())
    if m is None:
        return None
    rest = m.group(3)
    if rest:
        # NCL's periodical index prints the date twice: ``1998.06[民87.06]``.
        rest = _BRACKETED_ROC.sub("", rest).strip() or rest
    date = parse_date(rest) if rest else None
    if rest and date is None:
        return None
    return m.group(1), m.group(2), date


def parse_subject(line: str) -> list[str] | None:
    """``["人文學", "人文學綜合"]`` from ``人文學 > 人文學綜合``, or None if not that shape."""
    if ">" not in line and "＞" not in line:
        return None
    parts = [p for p in _SUBJECT_SPLIT.split(line.strip()) if p]
    return parts if len(parts) >= 2 else None
