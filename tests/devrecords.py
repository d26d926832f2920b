"""Render the development records (``tests/data/records/dev.jsonl`` and ``dev2.jsonl``) as inputs.

Used by the record-reader tests and by the end-to-end pairing tests: each dev record is
turned into the unlabelled page layout of ``termkit/data/example-record.txt`` (using the
raw strings as published wherever the record has them) or into RIS, so the readers can be
checked against the hand-made fields of the record.

The renderers are independent of termkit: they only lay out the given strings.
:data:`RENDERINGS` names the renderings every dev record is read and paired in (the
evaluation in ``test_pairing_eval.py`` runs each of them); each takes a record and returns
``(file suffix, text)``.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEV = Path(__file__).parent / "data" / "records" / "dev.jsonl"
DEV2 = Path(__file__).parent / "data" / "records" / "dev2.jsonl"
REAL3 = Path(__file__).parent / "data" / "records" / "real3" / "records.jsonl"
REAL4 = Path(__file__).parent / "data" / "records" / "real4" / "records.jsonl"
REAL5 = Path(__file__).parent / "data" / "records" / "real5" / "records.jsonl"
REAL6 = Path(__file__).parent / "data" / "records" / "real6" / "records.jsonl"
REAL7 = Path(__file__).parent / "data" / "records" / "real7" / "records.jsonl"

_RIS_TYPES = {"journal_article": "JOUR", "thesis": "THES", "conference_paper": "CPAPER"}


def load_dev(path: Path = DEV) -> list[dict[str, Any]]:
    """The development records, one dict per line of ``dev.jsonl`` (or ``path``), in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_all_dev() -> list[dict[str, Any]]:
    """Every development record: ``dev.jsonl`` (17) then ``dev2.jsonl`` (78)."""
    return load_dev(DEV) + load_dev(DEV2)


def region(rec: dict[str, Any]) -> str:
    """``"Taiwan"`` or ``"mainland"``: where the site that published the record is.

    dev2 ids say it (``kwrec-T…`` Taiwanese sites, ``kwrec-C…`` mainland sites); the first
    seventeen records are told by their site's domain; a record that names its ``region``
    (the measure-only sets) is taken at its word.
    """
    if rec.get("region") in ("Taiwan", "mainland"):
        return str(rec["region"])
    rid = rec["id"]
    if rid.startswith("kwrec-T"):
        return "Taiwan"
    if rid.startswith("kwrec-C"):
        return "mainland"
    site = rec.get("source_site", "")
    return "Taiwan" if ".tw" in site or "airiti" in site else "mainland"


def keyword_block(rec: dict[str, Any]) -> str:
    """The keyword lines of a record as published (per ``keywords_layout``)."""
    layout = rec["keywords_layout"]
    if layout == "separate_fields":
        return rec["keywords_zh_raw"] + "\n" + rec["keywords_en_raw"]
    if rec.get("keywords_raw"):
        return str(rec["keywords_raw"])
    # tag_set_sorted: no published line; lay the two lists out as one combined line.
    return " ; ".join([*rec["keywords_zh"], *rec["keywords_en"]])


def render_page(rec: dict[str, Any], *, split_keywords: bool = False) -> str:
    """A dev record in the page-text layout; blocks are separated by blank lines.

    English title, Chinese title, the author block (the printed author line, then the
    romanized line when the page printed one apart), keywords, volume line, pages, subjects.
    ``split_keywords=True`` puts Chinese and English keyword lines of a
    ``separate_fields`` record into two blocks instead of one.
    """
    blocks: list[str] = []
    for key in ("title_en", "title_zh"):
        if rec.get(key):
            blocks.append(rec[key])
    authors = "\n".join(rec[k] for k in ("authors_raw", "authors_en_raw") if rec.get(k))
    if authors:
        blocks.append(authors)
    if split_keywords and rec["keywords_layout"] == "separate_fields":
        blocks += [rec["keywords_zh_raw"], rec["keywords_en_raw"]]
    else:
        blocks.append(keyword_block(rec))
    for key in ("volume_issue_raw", "pages_raw"):
        if rec.get(key) and not _annotation(rec[key]):
            blocks.append(rec[key])
    if rec.get("subject_raw"):
        blocks.append("主题分类 " + rec["subject_raw"])
    return "\n\n" + "\n\n\n".join(blocks) + "\n"


def _annotation(value: str) -> bool:
    """True for a field value that is the annotator's note, not what the page printed."""
    return "not shown" in value or "from the URL" in value


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {value}"


def _page_numbers(raw: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", raw)
    return (m.group(1), m.group(2)) if m else None


def render_ris(rec: dict[str, Any], *, paired_authors: bool = True) -> str:
    """A dev record as one RIS entry (``TY`` … ``ER``).

    Authors come from ``gold.authors`` (``AU  - 張國城(Kuo-Cheng Chang)`` when
    ``paired_authors``, else all Chinese names then all romanized ones, one per line);
    records without gold pairs list their printed names split at ``;`` and line breaks.
    Keywords: one ``KW`` line each, Chinese list first, then English.
    """
    lines = [_ris_line("TY", _RIS_TYPES.get(rec["record_type"], "GEN")), _ris_line("ID", rec["id"])]
    for key, tag in (("title_en", "TI"), ("title_zh", "T1")):
        if rec.get(key):
            lines.append(_ris_line(tag, rec[key]))
    pairs = rec["gold"]["authors"]
    if pairs and paired_authors:
        lines += [_ris_line("AU", f"{zh}({en})") for zh, en in pairs]
    elif pairs:
        lines += [_ris_line("AU", zh) for zh, _ in pairs]
        lines += [_ris_line("AU", en) for _, en in pairs]
    elif rec.get("authors_raw"):
        names = re.split(r"\s*[;\n]\s*", rec["authors_raw"])
        lines += [_ris_line("AU", n) for n in names if n]
    lines += [_ris_line("KW", k) for k in [*rec["keywords_zh"], *rec["keywords_en"]]]
    if rec.get("venue"):
        lines.append(_ris_line("T2", rec["venue"]))
    pages = _page_numbers(rec.get("pages_raw") or "")
    if pages:
        lines += [_ris_line("SP", pages[0]), _ris_line("EP", pages[1])]
    if rec.get("volume_issue_raw"):
        lines.append(_ris_line("N1", rec["volume_issue_raw"]))
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


# Inline pinyin left by a machine Traditional conversion (``農(nóng)業``): the published lists
# of two dev records carry it, the page readers remove it (see termkit.records.tidy), the
# JSON Lines reader keeps what the record holds. Comparisons are made without it.
_INLINE_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff])\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)"
)


def without_inline_pinyin(text: str) -> str:
    """``text`` without parenthesised toned pinyin after Han characters (``社區(qū)`` -> ``社區``)."""
    return _INLINE_PINYIN.sub("", text) if "(" in text else text


def plain_gold(gold: dict[str, Any]) -> dict[str, Any]:
    """A record's gold with inline pinyin removed from every keyword (see above)."""
    out = dict(gold)
    out["pairs"] = [
        [without_inline_pinyin(zh), without_inline_pinyin(en), grade]
        for zh, en, grade in gold["pairs"]
    ]
    out["ignored"] = [without_inline_pinyin(k) for k in gold.get("ignored") or []]
    return out


def expected_keywords(rec: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(Chinese, English) keywords a reader must give back: the record's lists minus ignored."""
    ignored = set(rec["gold"].get("ignored") or [])
    return (
        [k for k in rec["keywords_zh"] if k not in ignored],
        [k for k in rec["keywords_en"] if k not in ignored],
    )


def site_fields(rec: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """A thesis system's fields of ``rec`` (label, values), as the Markdown and HTML page
    shapes of the tests lay them out; fields without a value left out."""
    zh, en = expected_keywords(rec)
    authors = [(a, b) for a, b in rec["gold"]["authors"]]
    rows = [
        ("論文名稱", [rec["title_zh"]] if rec.get("title_zh") else []),
        ("論文名稱(外文)", [rec["title_en"]] if rec.get("title_en") else []),
        ("研究生", [a for a, _ in authors[:1]]),
        ("研究生(外文)", [b for _, b in authors[:1]]),
        ("學位類別", ["碩士"]),
        ("中文關鍵詞", zh),
        ("外文關鍵詞", en),
    ]
    return [(label, values) for label, values in rows if values]


def record_facts(record: Any) -> tuple[Any, ...]:
    """What a read record says (titles, authors, keyword lists), to compare two readings."""
    authors = [(p.zh, p.en) for p in record.authors]
    return record.title_zh, record.title_en, authors, record.keywords_zh, record.keywords_en


def marked_against_shown(render: Callable[[dict[str, Any], bool], str],
                         is_marked: Callable[[str], bool],
                         read: Callable[[str], list[Any]]) -> tuple[list[str], int]:
    """Every dev record laid out by ``render`` with markup (``True``) and as the text it shows
    (``False``): the marked page must be detected by ``is_marked``. Returns the ids of the
    records whose two pages read differently, and how many marked pages give the record's
    keyword lists as published (inline pinyin read away)."""
    differ: list[str] = []
    published = 0
    for rec in load_all_dev():
        marked, shown = render(rec, True), render(rec, False)
        assert is_marked(marked), rec["id"]
        ours, theirs = read(marked), read(shown)
        if [record_facts(r) for r in ours] != [record_facts(r) for r in theirs]:
            differ.append(rec["id"])
        zh, en = expected_keywords(rec)
        expected = [without_inline_pinyin(k) for k in zh], en
        if len(ours) == 1 and (ours[0].keywords_zh, ours[0].keywords_en) == expected:
            published += 1
    return differ, published


def render_jsonl(rec: dict[str, Any]) -> str:
    """A dev record as one line of termkit's JSON Lines record format (split keyword lists)."""
    out: dict[str, Any] = {"id": rec["id"]}
    for key in (
        "title_en",
        "title_zh",
        "authors_raw",
        "advisor",
        "volume_issue_raw",
        "pages_raw",
        "venue",
    ):
        if rec.get(key) and not _annotation(rec[key]):
            out[key] = rec[key]
    out["keywords_zh"] = list(rec["keywords_zh"])
    out["keywords_en"] = list(rec["keywords_en"])
    return json.dumps(out, ensure_ascii=False) + "\n"


# ----------------------------------------------------------------------------- labelled pages
#
# Each dev record is laid out as one of the labelled pages real sites show, picked by its
# region and a hash of its id. The label words, colons, separators and field orders below
# are those of the kinds of site the records came from (thesis systems, repositories,
# article databases, journal pages); which record gets which layout is arbitrary.

_TW_STYLES = ("ndltd", "etds", "dspace_zh", "dspace_en", "airiti", "tw_journal")
_CN_STYLES = ("cnki", "pkulaw", "square", "bare", "vip", "magtech", "spaced", "english_first")
# Traditional forms of the Simplified labels, for the mainland records shown in Traditional.
_TO_TRADITIONAL = str.maketrans("关键词题标摘要单位处页码类导师", "關鍵詞題標摘要單位處頁碼類導師")


def _digest(rec: dict[str, Any]) -> int:
    import hashlib

    return int(hashlib.sha256(rec["id"].encode("utf-8")).hexdigest(), 16)


def labelled_style(rec: dict[str, Any]) -> str:
    """The labelled layout :func:`render_labelled` uses for ``rec``."""
    styles = _TW_STYLES if region(rec) == "Taiwan" else _CN_STYLES
    return styles[_digest(rec) % len(styles)]


def _keyword_lists(rec: dict[str, Any]) -> tuple[list[str], list[str]]:
    return list(rec["keywords_zh"]), list(rec["keywords_en"])


def _join(items: list[str], preferred: tuple[str, ...]) -> str:
    """Items joined by the first separator in ``preferred`` that no item contains."""
    for sep in (*preferred, " ; "):
        core = sep.strip() or sep
        if not any(core in item for item in items) and not (
            core in "、，," and any(c in item for item in items for c in "、，,")
        ):
            return sep.join(items)
    return " ; ".join(items)


def _one_line(raw: str | None, items: list[str], preferred: tuple[str, ...]) -> str:
    """The printed keyword line when it was one line, else the items joined."""
    if raw and "\n" not in raw.strip():
        return raw.strip()
    return _join(items, preferred)


def _author_lines(rec: dict[str, Any]) -> tuple[str | None, str | None]:
    """(Chinese names, romanized names) as two lines, or the printed lines when unpaired."""
    printed = "\n".join(rec[k] for k in ("authors_raw", "authors_en_raw") if rec.get(k))
    pairs = [(zh, en) for zh, en in rec["gold"]["authors"] if zh in printed and en in printed]
    if pairs:
        return "、".join(zh for zh, _ in pairs), "; ".join(en for _, en in pairs)
    return rec.get("authors_raw"), rec.get("authors_en_raw")


def _printed_authors(rec: dict[str, Any]) -> str | None:
    text = "\n".join(rec[k] for k in ("authors_raw", "authors_en_raw") if rec.get(k))
    return text or None


def _advisor_lines(rec: dict[str, Any]) -> tuple[str | None, str | None]:
    raw = rec.get("advisor")
    if not raw:
        return None, None
    if "\n" in raw:
        zh, en = raw.split("\n", 1)
        return zh, en
    return raw, None


def _field(label: str, value: str | None, colon: str) -> list[str]:
    """``label：value`` (a multi-line value continues on the next lines), or nothing."""
    if not value:
        return []
    first, *rest = value.split("\n")
    return [f"{label}{colon}{first}", *rest]


def _heading(label: str, values: list[str], bullet: str = "") -> list[str]:
    """A label on its own line, then one value per line."""
    return [label, *(f"{bullet}{v}" for v in values)] if values else []


def render_labelled(rec: dict[str, Any]) -> str:
    """A dev record as a labelled metadata page, in the layout :func:`labelled_style` picks.

    Thesis systems (``研究生``/``研究生(外文)``, ``中文關鍵詞``/``外文關鍵詞`` on one line each),
    university ETD systems (``關鍵字(中)``/``關鍵字(英)`` with one keyword per line, some with
    ``★`` bullets), repositories in Chinese or English UI (one ``關鍵詞``/``Keywords`` field,
    Chinese then English items one per line), article databases (one ``關鍵詞`` line with
    both languages; Traditional, Simplified or English UI), journal pages (``关键词：`` /
    ``Key words:``, ``【关键词】``, ``[关键词]``, labels without a colon, spaced labels
    ``关 键 词``, the English block first). Colons are full-width or ASCII by the record's
    hash; titles and authors above the fields are unlabelled on some journal pages.
    """
    style = labelled_style(rec)
    h = _digest(rec) >> 8
    colon = "：" if h & 1 else ": "
    zh_kw, en_kw = _keyword_lists(rec)
    zh_raw, en_raw = rec.get("keywords_zh_raw"), rec.get("keywords_en_raw")
    mixed_raw = rec.get("keywords_raw")
    title_zh, title_en = rec.get("title_zh"), rec.get("title_en")
    au_zh, au_en = _author_lines(rec)
    adv_zh, adv_en = _advisor_lines(rec)
    traditional = rec.get("script") == "Traditional"
    lines: list[str] = []

    def cn(label: str) -> str:
        return label.translate(_TO_TRADITIONAL) if traditional else label

    if style == "ndltd":
        lines += _field("研究生", au_zh, colon) + _field("研究生(外文)", au_en, colon)
        lines += _field("論文名稱", title_zh, colon) + _field("論文名稱(外文)", title_en, colon)
        lines += _field("指導教授", adv_zh, colon) + _field("指導教授(外文)", adv_en, colon)
        lines += _field("學位類別", rec.get("degree"), colon)
        lines += _field("校院名稱", rec.get("venue"), colon)
        lines += _field("中文關鍵詞", _join(zh_kw, ("、",)), colon) if zh_kw else []
        lines += _field("外文關鍵詞", _join(en_kw, ("、", ", ")), colon) if en_kw else []
    elif style == "etds":
        bullet = "★ " if h & 2 else ""
        lines += _field("論文名稱(中文)", title_zh, colon) + _field(
            "論文名稱(英文)", title_en, colon
        )
        lines += _field("研究生(中文)", au_zh, colon) + _field("研究生(英文)", au_en, colon)
        lines += _field("指導教授(中文)", adv_zh, colon) + _field("指導教授(英文)", adv_en, colon)
        lines += _field("系所名稱", rec.get("venue"), colon)
        lines += _heading("關鍵字(中)", zh_kw, bullet) + _heading("關鍵字(英)", en_kw, bullet)
    elif style in ("dspace_zh", "dspace_en"):
        zh_ui = style == "dspace_zh"
        sep = "\t" if h & 2 else colon
        labels = (
            ("題名", "其他題名", "作者", "貢獻者", "關鍵詞", "日期")
            if zh_ui
            else ("Title", "Other Titles", "Authors", "Contributors", "Keywords", "Date")
        )
        lines += _field(labels[0], title_zh or title_en, sep)
        lines += _field(labels[1], title_en if title_zh else None, sep)
        lines += _field(labels[2], _printed_authors(rec), sep)
        lines += _field(labels[3], rec.get("advisor"), sep)
        if mixed_raw and "\n" in mixed_raw:
            items = [x for x in mixed_raw.split("\n") if x.strip()]
        else:
            items = zh_kw + en_kw
        lines += _heading(labels[4], items)
        lines += _field(labels[5], rec.get("date_raw") or rec.get("year"), sep)
    elif style == "airiti":
        ui = h % 3
        labels = [
            ("題名", "並列篇名", "作者", "關鍵詞", "期刊名稱", "卷期/出版年月", "頁碼"),
            ("题名", "并列篇名", "作者", "关键词", "期刊名称", "卷期/出版年月", "页码"),
            (
                "Title",
                "Translated Titles",
                "Authors",
                "Key Words",
                "PublicationName",
                "Volume or Term/Year and Month of Publication",
                "Page #",
            ),
        ][ui]
        first, second = (title_zh, title_en) if title_zh else (title_en, None)
        lines += _field(labels[0], first, colon) + _field(labels[1], second, colon)
        lines += _field(labels[2], _printed_authors(rec), colon)
        line = mixed_raw if mixed_raw and "\n" not in mixed_raw else " ; ".join(zh_kw + en_kw)
        lines += _field(labels[3], line, colon)
        lines += _field(labels[4], rec.get("venue"), colon)
        volume = rec.get("volume_issue_raw")
        if volume and not _annotation(volume):
            lines += _field(labels[5], volume, colon)
        lines += _field(labels[6], rec.get("pages_raw"), colon)
    elif style == "tw_journal":
        lines += _field("中文篇名", title_zh, colon) + _field("英文篇名", title_en, colon)
        lines += _field("作者", au_zh, colon) + _field("英文作者", au_en, colon)
        lines += _field("中文關鍵詞", _one_line(zh_raw, zh_kw, (" ; ", "；")), colon)
        lines += _field("英文關鍵詞", _one_line(en_raw, en_kw, (" ; ", "; ")), colon)
        lines += _field("DOI", rec.get("doi"), colon)
    elif style in ("cnki", "spaced", "bare", "square"):
        # Title and authors above the fields, without labels, as on article pages.
        lines += [x for x in (title_zh, _printed_authors(rec)) if x]
        kw_label, en_label, sep = {
            "cnki": (cn("关键词"), "Key words", colon),
            "spaced": (cn("关 键 词"), "Key words", colon),
            "bare": (cn("关键词"), "Key Words", " "),
            "square": (f"[{cn('关键词')}]", "[Key words]", " "),
        }[style]
        lines += [""]
        lines += _field(kw_label, _one_line(zh_raw, zh_kw, ("；", ";")), sep)
        lines += [""] + ([title_en] if title_en else [])
        lines += _field(en_label, _one_line(en_raw, en_kw, ("; ", ";")), sep)
    elif style == "pkulaw":
        lines += _field(f"【{cn('标题')}】", title_zh, "")
        lines += _field(f"【{cn('英文标题')}】", title_en, "")
        lines += _field(f"【{cn('作者')}】", _printed_authors(rec), "")
        lines += _field(f"【{cn('中文关键词')}】", _one_line(zh_raw, zh_kw, (";", "；")), "")
        lines += _field(f"【{cn('英文关键词')}】", _one_line(en_raw, en_kw, ("; ",)), "")
    elif style == "vip":
        lines += [x for x in (title_zh, title_en) if x]  # the page's heading, no label
        lines += _field(cn("作者"), _printed_authors(rec), colon)
        lines += _field(cn("出处"), rec.get("venue"), colon)
        if mixed_raw and "\n" in mixed_raw:
            items = [x for x in mixed_raw.split("\n") if x.strip()]
        else:
            items = zh_kw + en_kw
        lines += _heading(cn("关键词"), items)
        lines += _field(cn("分类号"), rec.get("clc"), colon)
    elif style == "magtech":
        lines += _field(cn("标题"), title_zh, colon) + _field(cn("作者"), au_zh, colon)
        lines += _field(cn("关键词"), _one_line(zh_raw, zh_kw, (";", "; ")), colon)
        lines += _field("Title", title_en, ": ") + _field("Author(s)", au_en, ": ")
        lines += _field("Keywords" if h & 2 else "Keyword", _one_line(en_raw, en_kw, ("; ",)), ": ")
    else:  # english_first: the English block, then the Chinese one
        lines += _field("Title", title_en, ": ") + _field("Author", au_en, ": ")
        lines += _field("Keywords", _one_line(en_raw, en_kw, (", ", "; ")), ": ")
        lines += [""]
        lines += _field(cn("标题"), title_zh, colon) + _field(cn("作者"), au_zh, colon)
        lines += _field(cn("关键词"), _one_line(zh_raw, zh_kw, ("，", "；")), " :")
    return "\n".join(lines) + "\n"


def expected_authors(rec: dict[str, Any], printed: str) -> list[tuple[str, str]]:
    """The gold author pairs whose two names appear in ``printed`` (the rendered text)."""
    return [(zh, en) for zh, en in rec["gold"]["authors"] if zh in printed and en in printed]


def render_page_without_blank_lines(rec: dict[str, Any]) -> str:
    """:func:`render_page` with its blank lines dropped, as some browsers and PDF viewers
    copy a page: the title, authors, keywords and volume lines run together."""
    return "\n".join(line for line in render_page(rec).split("\n") if line.strip()) + "\n"


# name -> (file suffix, renderer): every dev record is read and paired in each of these.
RENDERINGS: dict[str, tuple[str, Callable[[dict[str, Any]], str]]] = {
    "page": (".txt", render_page),
    "labelled": (".txt", render_labelled),
    "jsonl": (".jsonl", render_jsonl),
}

# A harder rendering, evaluated with its own floors (test_pairing_eval): the page layout as
# copied without blank lines, which the page reader recognises by the content alone.
STRESS_RENDERINGS: dict[str, tuple[str, Callable[[dict[str, Any]], str]]] = {
    "page without blank lines": (".txt", render_page_without_blank_lines),
}


def rotated_english(rec: dict[str, Any]) -> dict[str, Any]:
    """``rec`` with its English keywords one place later (the last first), gold unchanged: an
    order in which position cannot help (the measure-only sets' second check)."""
    out = copy.deepcopy(rec)
    en = out["keywords_en"]
    out["keywords_en"] = en[1:] + en[:1]
    out["keywords_en_raw"] = ", ".join(out["keywords_en"])
    return out


def assert_gold(rec: dict[str, Any], set_name: str) -> None:
    """A measured set's record: its id names the set and region (``real6-M…``, ``real6-T…``),
    its gold pairs or leaves unpaired every keyword and nothing else, its sure pairs are one
    to one, and its keywords are published as read (:func:`assert_published`)."""
    gold = rec["gold"]
    assert rec["id"].startswith(f"{set_name}-{'M' if rec['region'] == 'mainland' else 'T'}")
    zh = {p[0] for p in gold["pairs"]} | set(gold["unpaired_zh"])
    en = {p[1] for p in gold["pairs"]} | set(gold["unpaired_en"])
    assert zh == set(rec["keywords_zh"]), rec["id"]
    assert en == set(rec["keywords_en"]), rec["id"]
    sure = [p for p in gold["pairs"] if p[2] == "sure"]
    assert len({p[0] for p in sure}) == len({p[1] for p in sure}) == len(sure), rec["id"]
    assert_published(rec)


def assert_fresh_set(records: list[dict[str, Any]], set_name: str, count: int,
                     regions: dict[str, int], earlier: tuple[Path, ...]) -> None:
    """A measured set as drawn: ``count`` records, each with its own id and source file,
    ``regions`` records per region, none from a source file of an ``earlier`` set, and each
    record's gold well formed (:func:`assert_gold`)."""
    assert len(records) == count
    assert len({r["id"] for r in records}) == count
    assert len({(r["source_repo"], r["source_path"]) for r in records}) == count
    found = [region(r) for r in records]
    assert {name: found.count(name) for name in regions} == regions
    before = {(r["source_repo"], r["source_path"]) for path in earlier for r in load_dev(path)}
    assert not before & {(r["source_repo"], r["source_path"]) for r in records}  # drawn afresh
    for rec in records:
        assert_gold(rec, set_name)


def markdown_shown(text: str) -> str:
    """Markdown link texts without their targets (a target may hold backslash-escaped
    parentheses, ``javascript:f\\(1\\);``), as a browser shows them."""
    return re.sub(r"\[([^\]]*)\]\((?:\\.|[^)\\])*\)", r"\1", text)


def assert_published(rec: dict[str, Any]) -> None:
    """A measured set's record names the commit it was read at, and its published keyword
    lines (``keywords_zh_raw`` / ``keywords_en_raw``) hold every keyword the author meant."""
    assert len(rec["source_commit"]) == 40, rec["id"]
    for lang in ("zh", "en"):
        for item in rec[f"keywords_{lang}"]:
            assert item in rec[f"keywords_{lang}_raw"], (rec["id"], item)


def plain_texts(skip_folders: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(name, text) of every plain page the record tests know: the dev records in each
    rendering and page-variant family, and every ``*.txt`` under tests/data/records (but
    those in a folder named in ``skip_folders``). For checks that a reading step added for
    other page kinds leaves plain pages as they were read."""
    from tests import pagevariants

    out = []
    for rec in load_all_dev():
        for name in ("page", "labelled"):
            out.append((f"{rec['id']} {name}", RENDERINGS[name][1](rec)))
        out.append((f"{rec['id']} no blank lines", render_page_without_blank_lines(rec)))
        for family, render in pagevariants.FAMILIES.items():
            out.append((f"{rec['id']} {family}", render(rec)))
    for path in sorted(DEV.parent.rglob("*.txt")):
        if not set(skip_folders) & set(path.parts):
            out.append((str(path), path.read_bytes().decode("utf-8", errors="replace")))
    return out


# ----------------------------------------------------------------------------- LaTeX sources
#
# A measured thesis set (real3 to real5, real12) laid out as the LaTeX file its template
# keeps the record in, the form picked from what the record's ``source_site`` and
# ``source_path`` say of the template: a setup macro's keys (thuthesis ``\thusetup``,
# ntu-thesis ``\ntusetup``, ustcthesis ``\ustcsetup``, ``\ccusetup``, SJTUThesis
# ``\sjtusetup{info = {…}}``, pkuthss ``\pkuthssinfo``, hithesis ``\hitsetup``), the
# template's own macros (``\ckeywords``/``\ekeywords``, ``\keywords``/``\enkeywords`` with
# ``\zhspace``, ``\keywordszh``, ``\keywordsZh``, ``\chinesekeywords``, ucasthesis
# ``\keywords``/``\KEYWORDS``), or, where the source printed its keywords, labelled lines in
# an abstract (``\noindent\textbf{關鍵字：}…``). The renderer only lays out the given strings.

_LATEX_SPECIAL = str.maketrans({"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$"})


def _tex(value: str | None) -> str:
    return (value or "").translate(_LATEX_SPECIAL).replace("\u3000", r"\zhspace ")


def latex_style(rec: dict[str, Any]) -> str:
    """The LaTeX layout :func:`render_latex` uses for ``rec``."""
    site, path = rec.get("source_site", ""), rec.get("source_path", "")
    if "ucasthesis" in site:
        return "ucas"
    if "printed" in site or " lines" in site or ("hithesis" not in site and (
            site.endswith("(LaTeX source)") or "zjuthesis" in site)):
        return "printed"
    for mark, style in (("pkuthss", "pku"), ("hithesis", "hit"), ("sjtusetup", "sjtu"),
                        ("SJTUThesis", "sjtu"), ("\\keywordszh", "nctu"),
                        ("\\keywordsZh", "ncu"), ("\\chinesekeywords", "ntust"),
                        ("\\zhspace", "ustc_macros"), ("\\enkeywords", "ustc_macros"),
                        ("\\ekeywords", "ckeywords"), ("ntusetup", "setup:ntu"),
                        ("ustcsetup", "setup:ustc"), ("ccusetup", "setup:ccu")):
        if mark in site:
            return style
    if "thuthesis" in site or "sustechthesis" in site:
        return "ckeywords" if path.endswith("cover.tex") else "setup:thu"
    return "printed"


def render_latex(rec: dict[str, Any]) -> str:
    """A measured thesis record as the LaTeX source its template keeps it in (see above)."""
    style = latex_style(rec)
    zh_raw, en_raw = _tex(rec["keywords_zh_raw"]), _tex(rec["keywords_en_raw"])
    t_zh, t_en = _tex(rec.get("title_zh")), _tex(rec.get("title_en"))
    pairs = rec["gold"]["authors"]
    a_zh, a_en = (_tex(pairs[0][0]), _tex(pairs[0][1])) if pairs else ("", "")
    taiwan = region(rec) == "Taiwan"
    if style.startswith("setup:") or style in ("pku", "hit", "sjtu"):
        keys = {
            "pku": ("ctitle", "etitle", "cauthor", "eauthor", "ckeywords", "ekeywords"),
            "hit": ("ctitle", "etitle", "cauthor", "eauthor", "ckeywords", "ekeywords"),
        }.get(style, ("title", "title*", "author", "author*", "keywords", "keywords*"))
        values = (t_zh, t_en, a_zh, a_en, zh_raw, en_raw)
        body = "".join(f"  {k} = {{{v}}},\n" for k, v in zip(keys, values, strict=True) if v)
        if style == "sjtu":
            return f"\\sjtusetup{{\n  info = {{\n{body}  }},\n}}\n"
        macro = {"pku": "pkuthssinfo", "hit": "hitsetup"}.get(style, style[6:] + "setup")
        return f"% !TEX root = ../thesis.tex\n\\{macro}{{\n{body}}}\n"
    if style == "printed":
        label_zh = "關鍵字" if taiwan else "关键词"
        return ("\\chapter*{摘要}\n\n本文的摘要。\n\n"
                f"\\noindent\\textbf{{{label_zh}：}}{zh_raw}\n\n\\chapter*{{Abstract}}\n\n"
                f"The abstract of this thesis.\n\n\\noindent\\textbf{{Keywords: }}{en_raw}\n")
    macros = {"ucas": ("keywords", "KEYWORDS"), "nctu": ("keywordszh", "keywordsen"),
              "ncu": ("keywordsZh", "keywordsEn"), "ntust": ("chinesekeywords", "keywords"),
              "ustc_macros": ("keywords", "enkeywords"),
              "ckeywords": ("ckeywords", "ekeywords")}[style]
    heads = {"ucas": ("title", "TITLE", "author", "AUTHOR"),
             "ckeywords": ("ctitle", "etitle", "cauthor", "eauthor")}.get(style)
    lines = ["%---------------------------------------------------------------------------%"]
    if heads:
        lines += [f"\\{macro}{{{value}}}% 封面信息" for macro, value
                  in zip(heads, (t_zh, t_en, a_zh, a_en), strict=True) if value]
    lines += ["\\begin{abstract}", "本文的摘要。", "", f"\\{macros[0]}{{{zh_raw}}}% 中文关键词",
              "\\end{abstract}", "", "\\begin{englishabstract}", "The abstract.", "",
              f"\\{macros[1]}{{{en_raw}}}", "\\end{englishabstract}"]
    return "\n".join(lines) + "\n"
