"""The dev records laid out as many kinds of page users copy, to break the page readers.

``tests/devrecords.py`` renders each dev record in the example's layout and as ONE labelled
layout. Real labelled pages vary far more: thesis systems print their fields as a two-column
table (copied with tabs) or with the value on the line under its label, article databases put
the abstracts between the two keyword fields, mainland journals space their labels
(``关 键 词``) or bracket them (``【关键词】``), repositories print one keyword per line or a
full Dublin Core record, and every site orders its fields its own way. Each *family* below is
one such kind of page, written from what these kinds of site generally print; the values are
the dev record's own facts (titles, names, keyword lists, volume, pages …), never page text.
Where a site fills in something the record lacks (an abstract, an affiliation, a fund), the
text is made up here from the record's title and keywords and says nothing.

Within a family, the smaller choices (colon or none, separators, label spelling, where the
value goes) are picked per record by a hash of its id and the family, so the 95 records
cover the choices between them. :data:`FAMILIES` maps a family to its renderer;
:func:`measure` reads and pairs every record of a family as ``test_pairing_eval.evaluate``
does. ``python -m tests.pagevariants`` prints the table of every family.

The renderers are independent of termkit: they only lay out the record's strings.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

Rec = dict[str, Any]


def _pick(rec: Rec, salt: str, options: tuple[Any, ...] | list[Any]) -> Any:
    """One of ``options`` for ``rec``, fixed by its id and ``salt``."""
    digest = hashlib.sha256(f"{rec['id']}|{salt}".encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def _join(items: list[str], sep: str) -> str:
    """``items`` joined by ``sep``, or by `` ; `` if an item holds the separator itself."""
    core = sep.strip() or sep
    if any(core in item for item in items):
        return " ; ".join(items)
    return sep.join(items)


def _simplified(rec: Rec) -> bool:
    return str(rec.get("script", "")).startswith("Simplified")


def _authors(rec: Rec) -> list[tuple[str, str | None]]:
    """(Chinese, romanized or None) per author: the gold pairs (less the advisor), else the
    printed names."""
    advisor = _advisor(rec)[0]
    pairs = rec["gold"]["authors"]
    if pairs:
        return [(zh, en) for zh, en in pairs if zh != advisor]
    raw = rec.get("authors_raw") or ""
    names = [n.strip() for n in re.split(r"[、;；,，\n]|\+\+", raw) if n.strip()]
    return [(n, None) for n in names if re.search(r"[\u3400-\u9fff]", n)]


def _advisor(rec: Rec) -> tuple[str | None, str | None]:
    raw = rec.get("advisor")
    if not raw:
        return None, None
    zh, _, en = raw.partition("\n")
    return zh, en or None


def _year(rec: Rec) -> str | None:
    for key in ("date_raw", "volume_issue_raw", "year"):
        m = re.search(r"(19|20)\d\d", str(rec.get(key) or ""))
        if m:
            return m.group()
    return None


def _kw(rec: Rec) -> tuple[list[str], list[str]]:
    return list(rec["keywords_zh"]), list(rec["keywords_en"])


def abstract_zh(rec: Rec) -> str:
    """A made-up Chinese abstract from the record's own title and keywords (prose)."""
    zh, _ = _kw(rec)
    topic = rec.get("title_zh") or (zh[0] if zh else "此一主題")
    first, last = (zh[0], zh[-1]) if zh else ("相關文獻", "研究方法")
    text = (f"本研究旨在探討{topic}的相關問題。研究以{first}為核心，"
            f"透過文獻分析與實證資料，討論{last}的影響與意義。結果顯示兩者之間具有顯著關聯，"
            "並據此提出具體建議，供後續研究與實務參考。")
    return text.translate(_TO_SIMPLIFIED) if _simplified(rec) else text


def abstract_en(rec: Rec) -> str:
    """A made-up English abstract from the record's own title and keywords (prose)."""
    _, en = _kw(rec)
    topic = rec.get("title_en") or (en[0] if en else "this topic")
    first, last = (en[0], en[-1]) if en else ("the literature", "the method")
    return (f"This study examines {topic}. Drawing on {first} and data collected for the "
            f"purpose, it discusses the role of {last}. The results show that the two are "
            "closely related, and the paper offers suggestions for further research and practice.")


_TO_SIMPLIFIED = str.maketrans("討關題資實與響義顯著據議參後續並結為過論獻證", "讨关题资实与响义显着据议参后续并结为过论献证")
_TO_TRADITIONAL = str.maketrans(
    "关键词题标摘单处页码类导师机构号献识编专辑资图学国会项目卷长击数录",
    "關鍵詞題標摘單處頁碼類導師機構號獻識編專輯資圖學國會項目卷長擊數錄",
)


def _cn(rec: Rec, label: str) -> str:
    """A Simplified label shown in Traditional for a record published in Traditional."""
    return label if _simplified(rec) else label.translate(_TO_TRADITIONAL)


# ----------------------------------------------------------------- Taiwanese thesis systems

def _ndltd_fields(rec: Rec) -> list[tuple[str, str | None]]:
    """(label, value) rows of a thesis system's detail page, in its order."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    adv_zh, adv_en = _advisor(rec)
    zh_sep = _pick(rec, "ndltd-zh", ("、", " ", ";", "；"))
    en_sep = {"、": "、", " ": "  ", ";": ";", "；": "; "}[zh_sep]
    return [
        ("研究生", "、".join(a for a, _ in authors[:1]) or None),
        ("研究生(外文)", (authors[0][1] if authors else None)),
        ("論文名稱", rec.get("title_zh")),
        ("論文名稱(外文)", rec.get("title_en")),
        ("指導教授", adv_zh),
        ("指導教授(外文)", adv_en),
        ("學位類別", rec.get("degree") or "碩士"),
        ("校院名稱", (rec.get("venue") or "").split(" ")[0] or None),
        ("系所名稱", rec.get("venue")),
        ("論文種類", "學術論文"),
        ("論文出版年", _year(rec)),
        ("畢業學年度", rec.get("academic_year")),
        ("語文別", "中文"),
        ("論文頁數", re.sub(r"\D", "", rec.get("pages_raw") or "") or None),
        ("中文關鍵詞", _join(zh, zh_sep) if zh else None),
        ("外文關鍵詞", _join(en, en_sep) if en else None),
        ("相關次數", "被引用:0 點閱:35 評分: 下載:4 書目收藏:0"),
    ]


def ndltd_colon(rec: Rec) -> str:
    """A thesis system's detail page, ``label:value`` per line (colon full-width or ASCII)."""
    colon = _pick(rec, "colon", (":", "：", ": "))
    return "\n".join(f"{k}{colon}{v}" for k, v in _ndltd_fields(rec) if v) + "\n"


def ndltd_table(rec: Rec) -> str:
    """The same page's two-column table copied from a browser: label, tab, value."""
    colon = _pick(rec, "colon", (":", "：", ""))
    lines = [f"{k}{colon}\t{v}" for k, v in _ndltd_fields(rec) if v]
    return "\n".join(lines) + "\n"


def ndltd_nextline(rec: Rec) -> str:
    """Each label on its own line, its value on the next (table cells copied one per line)."""
    colon = _pick(rec, "colon", (":", "：", ""))
    lines = []
    for k, v in _ndltd_fields(rec):
        if v:
            lines += [f"{k}{colon}", v]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------ Taiwanese article databases

def airiti(rec: Rec) -> str:
    """An article database page: 篇名 / 並列篇名 / 作者 / 中文摘要 / 關鍵字 / 英文摘要 /
    Keywords / 卷期 / 頁次 / DOI, the abstracts between the two keyword fields."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    form = _pick(rec, "au", ("paren", "plain"))
    if form == "paren" and all(e for _, e in authors):
        au = "、".join(f"{z}({e})" for z, e in authors)
    else:
        au = "、".join(z for z, _ in authors)
    kw_label = _pick(rec, "kwl", ("關鍵字", "關鍵詞", "中文關鍵字"))
    en_label = _pick(rec, "enl", ("Keywords", "英文關鍵字", "Key Words", "英文關鍵詞"))
    zh_sep = _pick(rec, "zsep", ("、", "；", " ; ", "，"))
    en_sep = _pick(rec, "esep", (", ", "; ", " ; ", "、"))
    gap = _pick(rec, "gap", ("\t", "：", "\n"))
    rows = [
        ("篇名", rec.get("title_zh")),
        ("並列篇名", rec.get("title_en")),
        ("作者", au or None),
        ("中文摘要", abstract_zh(rec)),
        (kw_label, _join(zh, zh_sep) if zh else None),
        ("英文摘要", abstract_en(rec)),
        (en_label, _join(en, en_sep) if en else None),
        ("刊名", rec.get("venue")),
        ("卷期", rec.get("volume_issue_raw")),
        ("頁次", rec.get("pages_raw")),
        ("DOI", rec.get("doi")),
    ]
    return "\n".join(f"{k}{gap}{v}" for k, v in rows if v) + "\n"


def hyread(rec: Rec) -> str:
    """Another database's layout: ``題名``, ``作者`` with the romanized names on the next line,
    ``關鍵詞`` holding both lists one keyword per line, then ``摘要`` and unknown fields."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    colon = _pick(rec, "colon", ("：", ": ", "\t"))
    first = rec.get("title_zh") or rec.get("title_en")
    lines = [f"題名{colon}{first}"] if first else []
    if rec.get("title_zh") and rec.get("title_en"):
        lines.append(f"英文題名{colon}{rec['title_en']}")
    if authors:
        lines.append(f"作者{colon}{'、'.join(z for z, _ in authors)}")
        if all(e for _, e in authors):
            lines.append("; ".join(str(e) for _, e in authors))
    lines.append(f"出版品名稱{colon}{rec.get('venue') or '學報'}")
    if rec.get("volume_issue_raw"):
        lines.append(f"卷期{colon}{rec['volume_issue_raw']}")
    lines.append(f"資料類型{colon}期刊論文")
    lines.append(f"關鍵詞{colon}".rstrip() if colon != "\t" else "關鍵詞")
    bullet = _pick(rec, "bullet", ("", "★", "• "))
    lines += [f"{bullet}{k}" for k in zh + en]
    lines.append(f"摘要{colon}{abstract_zh(rec)}")
    lines.append(f"被引用次數{colon}0")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- mainland article pages

def cnki_brackets(rec: Rec) -> str:
    """A mainland database's detail page with bracketed labels: 【作者】 【机构】 【摘要】
    【关键词】 【基金】 【分类号】, then the English fields."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    sep = _pick(rec, "sep", (";", "；", "; "))
    end = _pick(rec, "end", ("", sep.strip()))
    en_label = _pick(rec, "enl", ("【英文关键词】", "【Key words】", "【Keywords】"))
    lines = [rec.get("title_zh") or rec.get("title_en") or ""]
    if authors:
        lines.append(f"【{_cn(rec, '作者')}】 " + "; ".join(z for z, _ in authors) + ";")
    lines.append(f"【{_cn(rec, '机构')}】 " + (rec.get("venue") or "某大学") + ";")
    lines.append(f"【{_cn(rec, '摘要')}】 " + abstract_zh(rec))
    if zh:
        lines.append(f"【{_cn(rec, '关键词')}】 " + _join(zh, sep) + end)
    lines.append(f"【{_cn(rec, '基金')}】 " + _cn(rec, "国家社会科学基金项目"))
    if rec.get("clc"):
        lines.append(f"【{_cn(rec, '分类号')}】 " + rec["clc"])
    if rec.get("title_en") and rec.get("title_zh"):
        lines.append(f"【{_cn(rec, '英文篇名')}】 " + rec["title_en"])
    if authors and all(e for _, e in authors):
        lines.append(f"【{_cn(rec, '英文作者')}】 " + "; ".join(str(e) for _, e in authors) + ";")
    lines.append(f"【{_cn(rec, '英文摘要')}】 " + abstract_en(rec))
    if en:
        lines.append(en_label + " " + _join(en, sep if sep != "；" else ";") + end.replace("；", ";"))
    return "\n".join(lines) + "\n"


def journal_pdf(rec: Rec) -> str:
    """A mainland journal's first page copied from the PDF: title, names with affiliation
    marks, an affiliation line in parentheses, ``摘 要：``, ``关键词：``, the classification
    line, then the English half (title, names, ``Abstract:``, ``Key words:``)."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    spaced = _pick(rec, "spaced", (True, False))
    colon = _pick(rec, "colon", ("：", ":", " ", "　"))
    kw_label = _cn(rec, "关 键 词" if spaced else _pick(rec, "kwl", ("关键词", "[关键词]")))
    ab_label = _cn(rec, "摘 要" if spaced else "摘要")
    en_label = _pick(rec, "enl", ("Key words", "Keywords", "KEY WORDS", "Key Words", "[Key words]"))
    zh_sep = _pick(rec, "zsep", ("；", ";", "，", "  "))
    en_sep = _pick(rec, "esep", ("; ", ";", ", ", "  "))
    marks = _pick(rec, "marks", (True, False))
    lines = [rec.get("title_zh") or ""]
    if authors:
        lines.append("，".join(f"{z}{i + 1 if marks else ''}" for i, (z, _) in enumerate(authors)))
        lines.append(_cn(rec, "（1. 某大学 文学院，北京 100871；2. 某研究所，上海 200000）"))
    lines.append(f"{ab_label}{colon}{abstract_zh(rec)}")
    if zh:
        lines.append(f"{kw_label}{colon}{_join(zh, zh_sep)}")
    lines.append(_cn(rec, f"中图分类号：{rec.get('clc') or 'G250'}　文献标识码：A　文章编号：1000-0000(2020)01-0001-05"))
    if rec.get("title_en"):
        lines.append(rec["title_en"])
    if authors and all(e for _, e in authors):
        lines.append(", ".join(f"{e}{i + 1 if marks else ''}" for i, (_, e) in enumerate(authors)))
        lines.append("(1. School of Liberal Arts, Beijing 100871, China; 2. Institute, Shanghai 200000, China)")
    lines.append(f"Abstract{':' if colon.strip() else colon}{abstract_en(rec)}")
    if en:
        lines.append(f"{en_label}{':' if colon.strip() else colon}{_join(en, en_sep)}")
    blank = _pick(rec, "blank", (True, False))
    return ("\n\n" if blank else "\n").join(lines) + "\n"


def wanfang(rec: Rec) -> str:
    """An article database's page with the English fields beside the Chinese ones:
    ``关键词：`` then ``Keywords：`` with linked keywords separated by spaces or on their own
    lines, ``作者：`` / ``Author：``, ``作者单位：``, ``刊名：``, ``年，卷(期)：``."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    colon = _pick(rec, "colon", ("：", ":"))
    layout = _pick(rec, "layout", ("spaces", "lines"))
    lines = [rec.get("title_zh") or ""]
    if rec.get("title_en"):
        lines.append(rec["title_en"])
    lines.append(f"{_cn(rec, '摘要')}{colon}{abstract_zh(rec)}")
    if layout == "spaces":
        lines.append(f"{_cn(rec, '关键词')}{colon}" + "  ".join(zh))
        lines.append(f"Keywords{colon}" + "  ".join(en))
    else:
        lines += [f"{_cn(rec, '关键词')}{colon}", *zh, f"Keywords{colon}", *en]
    if authors:
        lines.append(f"{_cn(rec, '作者')}{colon}" + "  ".join(z for z, _ in authors))
    if authors and all(e for _, e in authors):
        lines.append(f"Author{colon}" + "  ".join(str(e) for _, e in authors))
    lines.append(f"{_cn(rec, '作者单位')}{colon}" + _cn(rec, "某大学，北京，100871"))
    if rec.get("venue"):
        lines.append(f"{_cn(rec, '刊名')}{colon}{rec['venue']}")
    if rec.get("volume_issue_raw"):
        lines.append(f"{_cn(rec, '年，卷(期)')}{colon}{rec['volume_issue_raw']}")
    if rec.get("clc"):
        lines.append(f"{_cn(rec, '分类号')}{colon}{rec['clc']}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- English-UI repositories

def dspace_en(rec: Rec) -> str:
    """A repository's item page in English UI: ``Title:``, ``Other Titles:``, ``Authors:``,
    ``Advisor:``, ``Keywords:`` with one keyword per line, ``Issue Date:``, ``Abstract:``;
    a label and its value separated by a tab (a table copied) or on one line."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    gap = _pick(rec, "gap", ("\t", ": ", ":\t"))
    first = rec.get("title_zh") or rec.get("title_en")
    lines = [f"Title{gap}{first}"]
    if rec.get("title_zh") and rec.get("title_en"):
        lines.append(f"Other Titles{gap}{rec['title_en']}")
    if authors:
        names = [z if e is None else _pick(rec, "au", (f"{z}", f"{e}", f"{z} ({e})")) for z, e in authors]
        lines.append(f"Authors{gap}{names[0]}")
        lines += names[1:]
    adv_zh = _advisor(rec)[0]
    if adv_zh:
        lines.append(f"Advisor{gap}{adv_zh}")
    items = zh + en
    if items:
        lines.append(f"Keywords{gap}{items[0]}")
        lines += items[1:]
    if _year(rec):
        lines.append(f"Issue Date{gap}{_year(rec)}")
    if rec.get("venue"):
        lines.append(f"Publisher{gap}{rec['venue']}")
    lines.append(f"Abstract{gap}{abstract_zh(rec)}")
    lines.append(abstract_en(rec))
    lines.append(f"URI{gap}http://repository.example.edu/handle/123456789/{_pick(rec, 'h', range(1000, 9999))}")
    lines.append(f"Appears in Collections{gap}Thesis")
    return "\n".join(lines) + "\n"


def dspace_full(rec: Rec) -> str:
    """A repository's full item record: Dublin Core element names, the value and its
    language in three tab-separated columns (``dc.subject`` once per keyword)."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    tag = _pick(rec, "lang", (("zh_TW", "en_US"), ("", ""), ("zh", "en")))
    rows = [("DC 欄位" if _pick(rec, "ui", (True, False)) else "DC Field", "值", "語言")]
    rows += [("dc.contributor.author", z if e is None else f"{z}", "") for z, e in authors]
    adv_zh, _ = _advisor(rec)
    if adv_zh:
        rows.append(("dc.contributor.advisor", adv_zh, ""))
    if _year(rec):
        rows.append(("dc.date.issued", _year(rec) or "", ""))
    rows.append(("dc.description.abstract", abstract_zh(rec), tag[0]))
    rows.append(("dc.description.abstract", abstract_en(rec), tag[1]))
    rows += [("dc.subject", k, tag[0]) for k in zh]
    rows += [("dc.subject", k, tag[1]) for k in en]
    if rec.get("title_zh"):
        rows.append(("dc.title", rec["title_zh"], tag[0]))
    if rec.get("title_en"):
        rows.append(("dc.title" if not rec.get("title_zh") else "dc.title.alternative", rec["title_en"], tag[1]))
    rows.append(("dc.type", "thesis", ""))
    return "\n".join("\t".join(r).rstrip("\t") if not r[2] else "\t".join(r) for r in rows) + "\n"


# ------------------------------------------------------------ orders, labels, decorations

def reordered(rec: Rec) -> str:
    """Labelled fields in an unusual order (keywords before titles, the English fields
    first) with fields termkit does not know between them."""
    zh, en = _kw(rec)
    authors = _authors(rec)
    colon = _pick(rec, "colon", ("：", ": "))
    english_first = _pick(rec, "ef", (True, False))
    zh_rows = [(_cn(rec, "关键词"), _join(zh, "；")) if zh else None,
               (_cn(rec, "题名"), rec.get("title_zh")),
               (_cn(rec, "作者"), "、".join(z for z, _ in authors) or None)]
    en_rows = [("Keywords", _join(en, "; ")) if en else None,
               ("Title", rec.get("title_en")),
               ("Author", "; ".join(str(e) for _, e in authors if e) or None)]
    unknown = [(_cn(rec, "点击次数"), "128"), (_cn(rec, "收录"), "北大核心"), ("Funding", "none")]
    rows = (en_rows + zh_rows) if english_first else (zh_rows + en_rows)
    rows = [r for r in rows if r and r[1]]
    out: list[tuple[str, str]] = []
    for i, row in enumerate(rows):
        out.append(row)
        if i % 2 and i // 2 < len(unknown):
            out.append(unknown[i // 2])
    return "\n".join(f"{k}{colon}{v}" for k, v in out) + "\n"


def language_labels(rec: Rec) -> str:
    """The keyword fields with their language named in the label, in many spellings
    (``英文關鍵詞``, ``外文关键词``, ``Key words(英)``, ``關鍵詞(中文)``)."""
    zh, en = _kw(rec)
    colon = _pick(rec, "colon", ("：", ":", " "))
    zh_label, en_label = _pick(rec, "labels", (
        ("中文關鍵詞", "英文關鍵詞"), ("關鍵詞(中文)", "關鍵詞(英文)"), ("关键词(中)", "Key words(英)"),
        ("中文关键词", "外文关键词"), ("關鍵字(中)", "關鍵字(英)"), ("中文關鍵字", "英文關鍵字"),
        ("Keywords (Chinese)", "Keywords (English)"), ("關鍵詞", "外文關鍵詞"),
    ))
    lines = [x for x in (rec.get("title_zh"), rec.get("title_en")) if x]
    if _pick(rec, "order", (True, False)):
        lines += [f"{zh_label}{colon}{_join(zh, '；')}", f"{en_label}{colon}{_join(en, '; ')}"]
    else:
        lines += [f"{en_label}{colon}{_join(en, '; ')}", f"{zh_label}{colon}{_join(zh, '；')}"]
    return "\n".join(lines) + "\n"


def one_label_two_lines(rec: Rec) -> str:
    """Both lists under one ``關鍵詞`` label: the Chinese list on the label's line (or the
    next), the English list on the line after."""
    zh, en = _kw(rec)
    colon = _pick(rec, "colon", ("：", ": ", "\t"))
    label = _cn(rec, _pick(rec, "label", ("关键词", "关键字", "Keywords")))
    zh_sep = _pick(rec, "zsep", ("；", "、", ", "))
    en_sep = _pick(rec, "esep", ("; ", ", "))
    authors = _authors(rec)
    first = rec.get("title_zh") or rec.get("title_en")
    lines = [f"{_cn(rec, '题名')}{colon}{first}"] if first else []
    if authors:
        lines.append(f"{_cn(rec, '作者')}{colon}" + "、".join(z for z, _ in authors))
    if _pick(rec, "where", ("same", "next")) == "same":
        lines.append(f"{label}{colon}{_join(zh, zh_sep)}")
    else:
        lines += [f"{label}{colon}".rstrip(), _join(zh, zh_sep)]
    lines.append(_join(en, en_sep))
    lines.append(f"{_cn(rec, '摘要')}{colon}{abstract_zh(rec)}")
    return "\n".join(lines) + "\n"


def _decorate(items: list[str], how: str, start: int = 1) -> list[str]:
    if how == "numbered":
        return [f"{i}. {k}" for i, k in enumerate(items, start)]
    if how == "numbered-paren":
        return [f"({i}){k}" for i, k in enumerate(items, start)]
    if how == "star":
        return [f"★{k}" for k in items]
    return items


def decorated(rec: Rec) -> str:
    """Keyword lists as sites decorate them: a full stop after the list, numbered items
    (``1. 深度學習``), ``★`` bullets, one keyword per line or on one line."""
    zh, en = _kw(rec)
    colon = _pick(rec, "colon", ("：", ": "))
    how = _pick(rec, "how", ("stop", "numbered", "numbered-paren", "star", "numbered-lines", "star-lines"))
    lines = [x for x in (rec.get("title_zh"), rec.get("title_en")) if x]
    zh_label, en_label = _cn(rec, "关键词"), _pick(rec, "enl", ("Keywords", "Key words"))
    if how == "stop":
        lines += [f"{zh_label}{colon}{_join(zh, '；')}。", f"{en_label}{colon}{_join(en, '; ')}."]
    elif how.endswith("-lines"):
        kind = how.removesuffix("-lines")
        lines += [f"{zh_label}{colon}".rstrip(), *_decorate(zh, kind)]
        lines += [f"{en_label}{colon}".rstrip(), *_decorate(en, kind)]
    else:
        sep = "  " if how != "star" else ""
        lines += [f"{zh_label}{colon}{sep.join(_decorate(zh, how))}",
                  f"{en_label}{colon}{sep.join(_decorate(en, how))}"]
    lines.append(f"{_cn(rec, '摘要')}{colon}{abstract_zh(rec)}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of about ``width`` characters at spaces (English) or
    anywhere (Chinese), as a narrow column or a PDF prints it."""
    if not re.search(r"[\u3400-\u9fff]", text):
        lines, line = [], ""
        for word in text.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        return [*lines, line] if line else lines
    # Chinese text breaks between any two characters, not inside a Latin word.
    lines, line = [], ""
    for piece in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*|.", text):
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = piece.lstrip()
        else:
            line += piece
    return [*lines, line] if line else lines


def wrapped(rec: Rec) -> str:
    """Long keyword lines wrapped over two lines or more by a narrow column (a break may fall
    inside a keyword), under ``关键词：`` and ``Key words:``."""
    zh, en = _kw(rec)
    colon = _pick(rec, "colon", ("：", ":"))
    zh_text = f"{_cn(rec, '关键词')}{colon}{_join(zh, '；')}"
    en_text = f"Key words: {_join(en, '; ')}"
    width = _pick(rec, "width", (24, 30, 40))
    lines = [x for x in (rec.get("title_zh"), rec.get("title_en")) if x]
    lines += _wrap(zh_text, width // 2 + 4) + _wrap(en_text, width + 10)
    lines.append(f"{_cn(rec, '摘要')}{colon}{abstract_zh(rec)}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------ pages copied without blank lines

def noblank_lines(rec: Rec) -> str:
    """The example's layout without blank lines, each keyword on a line of its own (Chinese
    ones, then English ones), under the title and the authors."""
    zh, en = _kw(rec)
    lines = [x for x in (rec.get("title_en"), rec.get("title_zh")) if x]
    lines += [x for x in (rec.get("authors_raw"), rec.get("authors_en_raw")) if x]
    lines += zh + en
    if rec.get("volume_issue_raw") and "not shown" not in rec["volume_issue_raw"]:
        lines.append(rec["volume_issue_raw"])
    return "\n".join(lines) + "\n"


def noblank_affiliation(rec: Rec) -> str:
    """The example's layout without blank lines, an affiliation line in parentheses under
    the author line, then the keyword line(s)."""
    from . import devrecords

    lines = [x for x in (rec.get("title_en"), rec.get("title_zh")) if x]
    lines += [x for x in (rec.get("authors_raw"), rec.get("authors_en_raw")) if x]
    lines.append(_cn(rec, _pick(rec, "aff", ("（某大学 文学院，北京 100871）", "(某大学图书馆，上海 200000)"))))
    lines += devrecords.keyword_block(rec).split("\n")
    if rec.get("volume_issue_raw") and "not shown" not in rec["volume_issue_raw"]:
        lines.append(rec["volume_issue_raw"])
    return "\n".join(x for x in lines if x.strip()) + "\n"


def noblank_slash(rec: Rec) -> str:
    """Without blank lines, the authors on one slash line ``中文名 / ROMAN Name, …``."""
    from . import devrecords

    authors = _authors(rec)
    lines = [x for x in (rec.get("title_en"), rec.get("title_zh")) if x]
    if authors and all(e for _, e in authors):
        lines.append(" ".join(z for z, _ in authors) + " / " + ", ".join(str(e) for _, e in authors))
    elif rec.get("authors_raw"):
        lines.append(rec["authors_raw"])
    lines += devrecords.keyword_block(rec).split("\n")
    if rec.get("volume_issue_raw") and "not shown" not in rec["volume_issue_raw"]:
        lines.append(rec["volume_issue_raw"])
    return "\n".join(x for x in lines if x.strip()) + "\n"


# name -> (what it is, renderer)
FAMILIES: dict[str, Callable[[Rec], str]] = {
    "ndltd colon": ndltd_colon,
    "ndltd table": ndltd_table,
    "ndltd next line": ndltd_nextline,
    "airiti": airiti,
    "hyread": hyread,
    "cnki brackets": cnki_brackets,
    "journal pdf": journal_pdf,
    "wanfang": wanfang,
    "dspace en": dspace_en,
    "dspace full": dspace_full,
    "reordered": reordered,
    "language labels": language_labels,
    "one label two lines": one_label_two_lines,
    "decorated": decorated,
    "wrapped": wrapped,
    "noblank lines": noblank_lines,
    "noblank affiliation": noblank_affiliation,
    "noblank slash": noblank_slash,
}


def measure(name: str, folder: Any, records: list[Rec] | None = None) -> Any:
    """Read and pair ``records`` (default: every dev record) laid out as family ``name``
    (:func:`tests.test_pairing_eval.evaluate`): an ``Evaluation``."""
    from .test_pairing_eval import evaluate

    return evaluate(name, folder, records, renderer=(".txt", FAMILIES[name]))


def table_row(name: str, result: Any) -> str:
    """One line of the variants table: P/R, position baseline, misread, no pair, titles, authors."""
    ours, base = result.termkit["all"], result.baseline["all"]
    return (f"| {name} | {ours.precision:.3f} / {ours.recall:.3f} | "
            f"{base.precision:.3f} / {base.recall:.3f} | {len(result.misread)} | "
            f"{len(result.no_pair)} | {result.titles[0]}/{result.titles[1]} | "
            f"{result.authors[0]}/{result.authors[1]} |")


TABLE_HEAD = ("| family | termkit P / R | position P / R | misread | no pair | titles | authors |\n"
              "|---|---|---|---|---|---|---|")


def main(argv: list[str]) -> None:
    """Print the table of every family (or those named), and the misread ids with ``-v``."""
    import tempfile
    from pathlib import Path

    if "-h" in argv or "--help" in argv:
        print("python -m tests.pagevariants [-v] [FAMILY...]: the table of every family (or "
              "those named); -v adds the misread ids.\nFAMILY: " + "; ".join(FAMILIES))
        return
    verbose = "-v" in argv
    names = [a for a in argv if a != "-v"] or list(FAMILIES)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:  # not a KeyError traceback
        raise SystemExit(f"python -m tests.pagevariants: no family named {unknown[0]!r}; "
                         "the families: " + "; ".join(FAMILIES))
    print(TABLE_HEAD)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            folder = Path(tmp) / name.replace(" ", "-")
            folder.mkdir()
            result = measure(name, folder)
            print(table_row(name, result))
            if verbose and (result.misread or result.no_pair):
                print("   misread:", " ".join(result.misread), "| no pair:", " ".join(result.no_pair))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
