"""Field labels of metadata pages: the words thesis systems and journal databases print.

A labelled page (:mod:`termkit.records.labelled`) is a list of ``label: value`` fields as
shown by Chinese thesis systems (NDLTD, university ETD systems, DSpace repositories),
article databases (Airiti, CNKI, Wanfang, VIP, HyRead …) and journal sites. This module
holds their vocabulary as data and recognises a label at the start of a line.

A label is a *base word* for a field, optionally qualified by a language:

* base words, Traditional, Simplified and English (``題名``/``题名``/``Title``,
  ``作者``/``研究生``/``Authors``, ``關鍵詞``/``关键词``/``Keywords``, ``摘要``/``Abstract``,
  ``指導教授``/``导师``/``Advisor`` …);
* a language qualifier before the word (``中文關鍵詞``, ``英文题名``, ``外文關鍵詞``,
  ``English Abstract``) or after it in parentheses (``關鍵字(中)``, ``研究生(英文)``,
  ``論文名稱(外文)``, ``Keywords (English)``);
* words that name the other-language version (``並列篇名``/``并列篇名``, ``其他題名``,
  ``Translated Titles``, ``Other Titles``): their language is the script of the value.

Printed forms tolerated around a label: brackets (``【关键词】``, ``[关键词]``,
``〔關鍵詞〕``), spaces between the characters (``关 键 词``, ``摘 要``), inline pinyin
left by machine conversion (``關(guān)鍵詞``), any letter case (``KEY WORDS``), and after it
a full-width or ASCII colon, a tab, spaces, or the end of the line.

Labels this module does not list (``學號：…``) are recognised by shape — a short phrase
followed by a colon — and kept as sections named after the label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from termkit.records.script import dot_items


class Field(StrEnum):
    """What a labelled field holds."""

    TITLE = "title"
    TITLE_OTHER = "title_other"  # the parallel (other-language) title
    AUTHORS = "authors"
    ADVISORS = "advisors"
    KEYWORDS = "keywords"
    ABSTRACT = "abstract"
    VENUE = "venue"
    VOLUME = "volume"  # a volume/issue/date line: 10卷3期(2014 / 09 / 01)
    PAGES = "pages"
    DATE = "date"
    SUBJECTS = "subjects"
    OTHER = "other"  # a known label whose value termkit keeps as a section


# Base words per field. Traditional and Simplified spellings are both listed; English
# words are matched without regard to case.
_BASE: dict[Field, tuple[str, ...]] = {
    Field.TITLE: (
        "題名",
        "题名",
        "篇名",
        "標題",
        "标题",
        "題目",
        "题目",
        "論文名稱",
        "论文名称",
        "論文題目",
        "论文题目",
        "論文題名",
        "论文题名",
        "文章標題",
        "文章标题",
        "中文篇名",
        "Title",
        "Titles",
        "Article Title",
        "Thesis Title",
    ),
    Field.TITLE_OTHER: (
        "並列篇名",
        "并列篇名",
        "並列題名",
        "并列题名",
        "其他題名",
        "其他题名",
        "翻譯題名",
        "翻译题名",
        "Translated Title",
        "Translated Titles",
        "Other Title",
        "Other Titles",
        "Alternative Title",
        "Alternative Titles",
        "Parallel Title",
        "Parallel Titles",
    ),
    Field.AUTHORS: (
        "作者",
        "著者",
        "研究生",
        "作者姓名",
        "姓名",  # a thesis system's student: ``姓名 蔡炎興(Yan-Hsing Tsai)``
        "作者名稱",
        "作者名称",
        "撰稿人",
        "學生",
        "学生",
        "Author",
        "Authors",
        "Author(s)",
        "Creator",
        "Creators",
        "Student",
    ),
    Field.ADVISORS: (
        "指導教授",
        "指导教授",
        "指導老師",
        "指导老师",
        "指導教師",
        "指导教师",
        "導師",
        "导师",
        "導師姓名",
        "导师姓名",
        "指導者",
        "指导者",
        "貢獻者",
        "贡献者",
        "Advisor",
        "Advisors",
        "Adviser",
        "Advisers",
        "Supervisor",
        "Supervisors",
        "Contributor",
        "Contributors",
    ),
    Field.KEYWORDS: (
        "關鍵詞",
        "关键词",
        "關鍵字",
        "关键字",
        "關鍵詞彙",
        "关键词汇",
        "主題詞",
        "主题词",
        "主題詞彙",
        "索引詞",
        "索引词",
        "檢索詞",
        "检索词",
        "Keyword",
        "Keywords",
        "Key word",
        "Key words",
        "Key-words",
        "Index Terms",
        "Subject Terms",
        "Subject",
        # The other-language list, as ``Parallel Title`` is the other-language title
        # (its language is the script of the value).
        "Parallel Keywords",
        "Parallel Keyword",
    ),
    Field.ABSTRACT: (
        "摘要",
        "提要",
        "內容摘要",
        "内容摘要",
        "論文摘要",
        "论文摘要",
        "Abstract",
        "Summary",
        "Parallel Abstract",
        "Parallel Abstracts",
    ),
    Field.VENUE: (
        "期刊名稱",
        "期刊名称",
        "刊名",
        "期刊",
        "出處",
        "出处",
        "來源",
        "来源",
        "刊物名稱",
        "刊物名称",
        "出版品名稱",
        "會議名稱",
        "会议名称",
        "論文集名稱",
        "论文集名称",
        "PublicationName",
        "Publication Name",
        "Journal",
        "Journal Title",
        "Source",
        "Publication",
    ),
    Field.VOLUME: (
        "卷期",
        "卷期/出版年月",
        "卷期／出版年月",
        "年卷期",
        "期別",
        "期别",
        "卷/期",
        "Volume",
        "Volume/Issue",
        "Volume or Term/Year and Month of Publication",
    ),
    Field.PAGES: ("頁碼", "页码", "頁次", "页次", "起訖頁", "起讫页", "Page #", "Pages", "Page"),
    Field.DATE: (
        "出版年月",
        "出版日期",
        "出版年",
        "發表日期",
        "发表日期",
        "日期",
        "年份",
        "年度",
        "論文出版年",
        "论文出版年",
        "學位年度",
        "学位年度",
        "發表年",
        "Date",
        "Issue Date",
        "Year",
        "Publication Date",
    ),
    Field.SUBJECTS: ("主題分類", "主题分类", "學科分類", "学科分类", "Subject Classification"),
    Field.OTHER: (
        # Known labels of these pages whose values termkit keeps as sections; listed so
        # that they end the field above them even when a value has a colon in it.
        "DOI",
        "URI",
        "URL",
        "ISSN",
        "ISBN",
        "CLC",
        "分類號",
        "分类号",
        "中圖分類號",
        "中图分类号",
        "文獻標識碼",
        "文献标识码",
        "文章編號",
        "文章编号",
        "基金",
        "基金項目",
        "基金项目",
        "作者單位",
        "作者单位",
        "作者簡介",
        "作者简介",
        "機構",
        "机构",
        "機構地區",
        "机构地区",
        "單位",
        "单位",
        "學位類別",
        "学位类别",
        "學位",
        "学位",
        "校院名稱",
        "校院名称",
        "系所名稱",
        "系所名称",
        "學門",
        "学门",
        "學類",
        "学类",
        "畢業學年度",
        "毕业学年度",
        "學年度",
        "学年度",
        "語文別",
        "语文别",
        "內容語文",
        "内容语文",
        "語言",
        "语言",
        "語文",
        "语文",
        "論文頁數",
        "论文页数",
        "頁數",
        "页数",
        "口試日期",
        "口试日期",
        "口試委員",
        "口试委员",
        "學號",
        "学号",
        "系所",
        "校院",
        "出版者",
        "出版社",
        "出版單位",
        "出版单位",
        "引用",
        "被引",
        "下載",
        "下载",
        "引用本文",
        "上傳時間",
        "上传时间",
        "描述",
        "類型",
        "类型",
        "資料類型",
        "资料类型",
        "網址",
        "网址",
        "收稿日期",
        "修回日期",
        "通訊作者",
        "通讯作者",
        "參考文獻",
        "参考文献",
        "Degree",
        "Department",
        "School",
        "University",
        "Institution",
        "Affiliation",
        "Language",
        "Content Language",
        "Type",
        "Publisher",
        "Citation",
        "Description",
        "Issue",
        "Relation",
        "Rights",
        "Funding",
        "Fund",
        "References",
        # The fields article databases print around the keywords (CNKI, Wanfang, VIP):
        # under ``关键词：…；`` a ``基金资助：…；`` line is the next field, not a keyword.
        "基金資助",
        "基金资助",
        "專輯",
        "专辑",
        "專題",
        "专题",
        "在線公開時間",
        "在线公开时间",
        "網絡出版年期",
        "网络出版年期",
        "網絡首發時間",
        "网络首发时间",
        "在線出版日期",
        "在线出版日期",
        "出版時間",
        "出版时间",
        "發表時間",
        "发表时间",
        "發布時間",
        "发布时间",
        "學位授予單位",
        "学位授予单位",
        "授予學位",
        "授予学位",
        "學科專業",
        "学科专业",
        "語種",
        "语种",
        "文獻類型",
        "文献类型",
        "文獻來源",
        "文献来源",
        "所屬期刊欄目",
        "所属期刊栏目",
        "母體文獻",
        "母体文献",
        "會議時間",
        "会议时间",
        "會議地點",
        "会议地点",
        "主辦單位",
        "主办单位",
        "被引量",
        "下載量",
        "下载量",
        # … and their English pages.
        "Classification Code",
        "Document Code",
        "Article ID",
        "Series",
    ),
}
# Known labels of identifiers (a DOI, a classification number, an article number): their
# value is one line, so the lines under it are not theirs (an English title and the names
# printed right under ``分类号 G250.7`` with no blank line between).
_IDENTIFIERS = (
    "DOI", "URI", "URL", "ISSN", "ISBN", "CLC", "分類號", "分类号", "中圖分類號", "中图分类号",
    "文獻標識碼", "文献标识码", "文章編號", "文章编号",
)


def is_identifier(label: Label) -> bool:
    """True if ``label`` is a known identifier label, whose value is one line."""
    return label.known and label.field is Field.OTHER and _key(label.text) in _identifier_keys()


@lru_cache(maxsize=1)
def _identifier_keys() -> frozenset[str]:
    return frozenset(_key(word) for word in _IDENTIFIERS)


# Language qualifiers before a base word (``中文關鍵詞``) or in parentheses after it.
_ZH_QUALIFIERS = ("中文", "中", "漢語", "汉语", "華語", "华语", "Chinese", "zh")
_EN_QUALIFIERS = ("英文", "英", "外文", "英語", "英语", "English", "Foreign", "en")
# Third languages (a thesis written in Japanese adds ``關鍵字(日)``): kept apart.
_OTHER_QUALIFIERS = (
    "日文",
    "日",
    "日語",
    "日语",
    "韓文",
    "韩文",
    "韓",
    "韩",
    "法文",
    "德文",
    "Japanese",
    "Korean",
    "French",
    "German",
    "ja",
    "ko",
)
# Qualified words only some fields take (``中文摘要``, ``English Abstract``).
_QUALIFIABLE = frozenset(
    {Field.TITLE, Field.AUTHORS, Field.ADVISORS, Field.KEYWORDS, Field.ABSTRACT, Field.VENUE}
)


@dataclass(frozen=True, slots=True)
class Label:
    """A recognised label: the field, its language (``zh``/``en``) and the printed text."""

    field: Field
    lang: str | None  # the language the label names: "zh", "en", "other" or None
    script: str  # the script the label is written in: "zh" or "en"
    text: str  # the label as printed (without brackets and colon)
    known: bool = True


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """A label at the start of a line and the value after it."""

    label: Label
    value: str
    separated: bool  # a colon, bracket, tab or wide space came after it (not one space)


_PINYIN_ARTEFACT = re.compile(r"\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)\)")
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    """Label text folded for lookup: NFKC, no spaces, no pinyin artefacts, lower case."""
    if "(" in text:
        text = _PINYIN_ARTEFACT.sub("", text)
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).casefold().rstrip(":")


_HAN_CHAR = re.compile("[\u3400-\u9fff]")


def _has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Label]:
    """Folded label text -> Label, for every base word and qualified form."""
    table: dict[str, Label] = {}

    def add(text: str, field: Field, lang: str | None, script: str) -> None:
        key = _key(text)
        if key not in table:
            table[key] = Label(field, lang, script, text)

    qualifiers = [
        (lang, q, _has_han(q))
        for lang, quals in (
            ("zh", _ZH_QUALIFIERS),
            ("en", _EN_QUALIFIERS),
            ("other", _OTHER_QUALIFIERS),
        )
        for q in quals
    ]
    for field, words in _BASE.items():
        qualifiable = field in _QUALIFIABLE
        for word in words:
            han_w = _has_han(word)
            script = "zh" if han_w else "en"
            add(word, field, None, script)
            for lang, q, han_q in qualifiers:
                if qualifiable and han_q == han_w and len(q) > 1:
                    add(q + word if han_q else f"{q} {word}", field, lang, script)
                # Any field may name its language in parentheses (``系所名稱(英文)``); the
                # other fields only in the word's own script.
                if qualifiable or han_q == han_w:
                    add(f"{word}({q})", field, lang, "zh" if han_w or han_q else "en")
    return table


# An unknown label: a short phrase, then a colon (or inside brackets).
_UNKNOWN = re.compile(
    r"^\s*(?:[【\[〔〖［]\s*(?P<b>[^\]】〕〗］:：]{1,16}?)\s*[】\]〕〗］]\s*[:：]?"
    r"|(?P<c>[^\s:：【\[〔〖［\]】][^:：\t]{0,15}?)\s*[:：])\s*(?P<value>.*)$"
)
_UNKNOWN_LATIN = re.compile(r"^[A-Za-z][A-Za-z .#/&()'-]{0,29}$")


# A language named before a label word that no qualifier list holds (``第三語言關鍵字``,
# ``其他語文題名``): the field in a language termkit keeps apart.
_LANGUAGE_PREFIX = re.compile(
    r"^(?:第[二三四五六七八九]|其他|其它|另一|外國|外国)?(?:語言|语言|語文|语文)"
)
_LANGUAGE_FIRST = "第其另外語语"
# ``別`` ("by", "kind of") inside a label (``語言別``, ``學科別分類``) is left out as well.
_BIE = re.compile("[別别]")


# Dublin Core element names, as a repository's full item record prints them
# (``dc.subject``, ``dc.contributor.advisor``): the element (and qualifier) -> field. Other
# elements are known labels kept as sections.
_DUBLIN_CORE = {
    "title": Field.TITLE,
    "title.alternative": Field.TITLE_OTHER,
    "title.translated": Field.TITLE_OTHER,
    "creator": Field.AUTHORS,
    "contributor.author": Field.AUTHORS,
    "contributor.advisor": Field.ADVISORS,
    "subject": Field.KEYWORDS,
    "description.abstract": Field.ABSTRACT,
    "abstract": Field.ABSTRACT,
    "date": Field.DATE,
    "date.issued": Field.DATE,
    "date.created": Field.DATE,
    "source": Field.VENUE,
    "relation.ispartof": Field.VENUE,
}
# Qualified subjects that are classification codes, not keywords.
_DC_CLASSIFICATIONS = ("classification", "ddc", "lcc", "udc", "lcsh", "mesh")
_DC_NAME = re.compile(r"^(?:dc|dcterms)\.([a-z]+(?:\.[a-z]+)*)$")


def _dublin_core(key: str, text: str) -> Label | None:
    m = _DC_NAME.match(key)
    if m is None:
        return None
    element = m.group(1)
    field = _DUBLIN_CORE.get(element)
    if field is None and element.startswith("subject."):
        qualifier = element.split(".", 1)[1]
        field = Field.OTHER if qualifier in _DC_CLASSIFICATIONS else Field.KEYWORDS
    # Other dates (``dc.date.accessioned``, ``dc.date.available``) are the repository's own,
    # not the work's: known labels kept as sections.
    return Label(field or Field.OTHER, None, "en", text.strip())


# A value's language printed in a column of its own after a tab (``深度學習<TAB>zh_TW``), as
# a repository's full item record prints it: an ISO 639 code, with a region or not.
_LANGUAGE_COLUMN = re.compile(r"^(?P<value>.*?\S)\t+(?P<lang>[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)\s*$")
_LANGUAGE_CODES = {"zh": "zh", "chi": "zh", "zho": "zh", "en": "en", "eng": "en"}
# Other languages a repository tags values with; an unknown code without a region
# (``corpus<TAB>nlp``) is a value in a column of its own, not a language.
_OTHER_LANGUAGES = frozenset({
    "ja", "jpn", "ko", "kor", "fr", "fre", "fra", "de", "ger", "deu", "es", "spa", "ru", "rus",
    "it", "ita", "pt", "por", "vi", "vie", "th", "tha",
})


def language_column(value: str) -> tuple[str, str | None]:
    """(value, language) of a value followed by a language column (``深度學習\tzh_TW`` ->
    ``("深度學習", "zh")``; a third language is ``"other"``); (value, None) without one."""
    m = _LANGUAGE_COLUMN.match(value) if "\t" in value else None
    if m is None:
        return value, None
    code, *region = re.split("[_-]", m.group("lang"))
    if code not in _LANGUAGE_CODES and code not in _OTHER_LANGUAGES and not region:
        return value, None
    return m.group("value"), _LANGUAGE_CODES.get(code, "other")


def lookup(text: str) -> Label | None:
    """The label printed as ``text`` (``關鍵字(英)``, ``Key words``, ``dc.subject``), or None."""
    table = _vocabulary()
    key = _key(text)
    if key.startswith("dc"):
        dublin = _dublin_core(key, text)
        if dublin is not None:
            return dublin
    label = table.get(key)
    if label is not None or not key or key[0] < "\u3400":
        return label
    m = _LANGUAGE_PREFIX.match(key) if ("語" in key or "语" in key) else None
    if m is not None and m.end() < len(key):
        base = table.get(key[m.end() :])
        if base is not None and base.lang is None and base.field in _QUALIFIABLE:
            return Label(base.field, "other", "zh", text)
    if "別" in key or "别" in key:
        return table.get(_BIE.sub("", key))
    return _qualified_label(key, text)


# Words a label ends in whatever a few Han characters before them say (no digit, no
# punctuation, no language: a language before them is :data:`_LANGUAGE_PREFIX`'s): the
# keyword words (``主題關鍵詞``, ``自由關鍵詞``, ``作者关键词``), and a date (``出刊日期``,
# ``繳交日期``), kept as a section of its own: which date of the work it is (submission,
# examination, shelving) the word before says, not termkit.
_QUALIFIED_ENDINGS = (
    ("關鍵詞", Field.KEYWORDS),
    ("关键词", Field.KEYWORDS),
    ("關鍵字", Field.KEYWORDS),
    ("关键字", Field.KEYWORDS),
    ("日期", Field.OTHER),
)
_QUALIFIER = re.compile(r"^[\u3400-\u9fff]{1,4}$")


def _qualified_head(text: str) -> bool:
    """True if a qualified label (:func:`_qualified_label`) may start ``text``: one of its
    last words stands within the first characters."""
    head = text[: 4 + 3 + 2]
    return any(word in head for word, _ in _QUALIFIED_ENDINGS)


def _qualified_label(key: str, text: str) -> Label | None:
    """A label qualified by a word termkit does not list (``主題關鍵詞``, ``出刊日期``): the
    keyword field, language unnamed, like the bare word, or a date kept as a section. A
    language qualifier is matched before this (``英文關鍵詞`` is the English list)."""
    for word, field in _QUALIFIED_ENDINGS:
        if key.endswith(word) and _QUALIFIER.match(key[: -len(word)]):
            return Label(field, None, "zh", text.strip())
    return None


_OPEN = "【[〔〖［"
_CLOSE = "】]〕〗］"
# Where a label ends when something marks its end: colon, closing bracket, tab, 2+ spaces.
_LABEL_END = re.compile(r"\s*[:：】\]〕〗］]|\t|\s{2,}|\u3000")
_MAX_LABEL = 48
_LIST_SEPARATOR = re.compile(r"[;；,，、]")
# Items set apart by two spaces or more (``Key Words democratic value  political trust``).
_WIDE_GAPS = re.compile(r"\S(?: {2,}|\u3000)\S")


@lru_cache(maxsize=8192)
def match_label(line: str) -> LabelMatch | None:
    """A known label at the start of ``line`` and the rest of the line, or None.

    A label is followed by a colon, a closing bracket, a tab, spaces or the end of the
    line. A label followed by one space is taken only when it is known (``关键词 病机;…``,
    ``Key Words Pathogenesis ;…``); a Chinese label followed directly by text
    (``關鍵詞深度學習``) is not one unless it stood in brackets.
    """
    text = line.strip()
    if not text:
        return None
    # Most lines of a page start with a character no label starts with: skip them fast.
    if text[0] not in _first_chars() and _fold1(text[0]) not in _first_chars() \
            and not _qualified_head(text):
        return None
    bracket = text[0] in _OPEN
    if bracket:
        close = min((i for i in (text.find(c) for c in _CLOSE) if i > 0), default=-1)
        if close < 0 or close > _MAX_LABEL:
            return None
        label = lookup(text[1:close])
        if label is None:
            return None
        value = text[close + 1 :].lstrip(" \t\u3000:：")
        return LabelMatch(_printed(label, text[1:close]), value.strip(), True)
    for m in _LABEL_END.finditer(text, 0, _MAX_LABEL + 2):
        label = lookup(text[: m.start()])
        if label is not None:
            value = text[m.end() :].lstrip(" \t\u3000:：")
            return LabelMatch(_printed(label, text[: m.start()]), value.strip(), True)
    # The whole line is a label (``Keywords``), or a label then one space then the value.
    label = lookup(text) if len(text) <= _MAX_LABEL else None
    if label is not None:
        return LabelMatch(_printed(label, text), "", False)
    words = text.split(" ")
    for n in range(min(len(words) - 1, 6), 0, -1):
        head = " ".join(words[:n])
        label = lookup(head)
        if label is None:
            continue
        value = " ".join(words[n:]).strip()
        # ``Keyword Co-occurrence`` is a keyword, ``Type 2 diabetes; …`` a list, ``Title
        # words …`` running text: an English label with only a space after it is taken for
        # a keyword label before a list (``Key Words Pathogenesis ; …``) and an abstract
        # label before a paragraph, nothing else.
        if value[:1] in ";；,，、":
            return None  # ``Keyword ; …``: the word is the list's first item
        listed = label.field is Field.KEYWORDS and (
            _LIST_SEPARATOR.search(value) is not None
            or _WIDE_GAPS.search(value) is not None
            or dot_items(value) is not None
        )
        paragraph = label.field is Field.ABSTRACT and len(value.split()) >= 6
        # ``Key words term``, ``Keywords we media``: the plural label (as journal PDFs print
        # it beside ``关 键 词 术语``) before one item; the singular, ``Keyword
        # Co-occurrence``, is a keyword itself.
        listed = listed or (label.field is Field.KEYWORDS and _SPACED_KEY_WORDS.fullmatch(head)
                            is not None and _lone_item(value))
        # Labels are capitalised: ``subject librarians; …`` is a list, not ``Subject`` + list.
        if label.script == "en" and not (head[:1].isupper() and (listed or paragraph)):
            return None
        return LabelMatch(_printed(label, head), value, False)
    return None


_SPACED_KEY_WORDS = re.compile(r"Key ?[Ww]ords|KEY ?WORDS")
# Words no keyword starts with, and a title may have after its first word.
_FUNCTION_WORDS = frozenset(("a", "an", "the", "in", "of", "for", "and", "or", "to", "on",
                             "with", "as", "at", "by", "from", "about", "into", "that"))


def _lone_item(value: str) -> bool:
    """One item: at most ten words (a keyword as long as a title), no function word first,
    not capitalised as a title (every word but its function words), no sentence or field
    punctuation."""
    words = value.split()
    if not 0 < len(words) <= 10 or words[0].casefold() in _FUNCTION_WORDS:
        return False  # ``Keywords in Context``, ``Keywords for …``: a title
    content = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
    if len(content) < len(words) and len(words) >= 3 and all(w[:1].isupper() for w in content):
        return False  # ``Keywords Extraction Based on Word2vec``: a title, capitalised as one
    return not any(c in value for c in ".:;!?。：")


@lru_cache(maxsize=1)
def _first_chars() -> frozenset[str]:
    """Every character a label can start with (folded), and the opening brackets."""
    firsts = {_fold1(lab.text[0]) for lab in _vocabulary().values()}
    firsts |= {lab.text[0] for lab in _vocabulary().values()}
    return frozenset(firsts | set(_OPEN) | set(_LANGUAGE_FIRST))


def _fold1(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def _printed(label: Label, text: str) -> Label:
    return Label(label.field, label.lang, label.script, text.strip(), label.known)


def match_unknown_label(line: str) -> LabelMatch | None:
    """A label this module does not know, recognised by shape (``學號：…``), or None."""
    m = _UNKNOWN.match(line)
    if m is None:
        return None
    text = (m.group("b") or m.group("c") or "").strip()
    if not text or any(ch.isdigit() for ch in text):
        return None
    if _has_han(text):
        if len(_SPACE.sub("", text)) > 10 or re.search(r"[,，;；、。.]", text):
            return None
    elif not _UNKNOWN_LATIN.match(text) or len(text.split()) > 4:
        return None
    script = "zh" if _has_han(text) else "en"
    return LabelMatch(Label(Field.OTHER, None, script, text, known=False), m.group("value"), True)


def spaced_label(line: str) -> LabelMatch | None:
    """A known label, one space, then a value, whatever the value (``Author Sin Kiong Wong``).

    :func:`match_label` does not take an English label before one space unless a list or a
    paragraph follows; a reader that knows the field from the line above (``作者 黃賢強``,
    then ``Author …``) asks this instead.
    """
    text = line.strip()
    words = text.split(" ")
    for n in range(min(len(words) - 1, 6), 0, -1):
        head = " ".join(words[:n])
        label = lookup(head)
        if label is not None:
            return LabelMatch(_printed(label, head), " ".join(words[n:]).strip(), False)
    return None
