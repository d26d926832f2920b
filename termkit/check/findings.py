"""What a check reports: the check ids, their families and severities, and :class:`Finding`.

:data:`CHECKS` is the one table of checks (``termkit check --help`` and the README list it):
id -> :class:`CheckInfo` (severity, family, one-line description, one-line example). A
family name (``terms``, ``variants``, ``unit``, ``format``, ``typography``, ``syntax``)
selects all its checks in ``--checks``/``--skip``. Errors are what breaks software or the
terminology contract; warnings are what reads as careless.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Order for comparisons (warning < error)."""
        return _RANK[self]


_RANK = {Severity.WARNING: 1, Severity.ERROR: 2}


class CheckInfo(NamedTuple):
    """One row of the check table."""

    severity: Severity
    family: str
    description: str
    example: str  # a one-line example of what it finds (source → target)


E, W = Severity.ERROR, Severity.WARNING

MISSING_TERM = "missing-term"
FORBIDDEN_TERM = "forbidden-term"
INCONSISTENT = "inconsistent"
WRONG_SCRIPT = "wrong-script"
WRONG_REGION = "wrong-region"
UNTRANSLATED = "untranslated"
EMPTY_TARGET = "empty-target"
SYNTAX = "syntax"
PRINTF = "printf"
BRACE_FORMAT = "brace-format"
XML_TAGS = "xml-tags"
ESCAPES = "escapes"
NEWLINES = "newlines"
NUMBERS = "numbers"
URLS = "urls"
EMAILS = "emails"
ACCELERATORS = "accelerators"
WHITESPACE = "whitespace"
BRACKETS = "brackets"
PLURALS = "plurals"
LENGTH = "length"
PUNCTUATION_WIDTH = "punctuation-width"
QUOTE_STYLE = "quote-style"
ELLIPSIS = "ellipsis"
DASH = "dash"
CJK_LATIN_SPACING = "cjk-latin-spacing"
DOUBLE_SPACE = "double-space"
REPEATED_WORD = "repeated-word"

# The order is the report order.
CHECKS: dict[str, CheckInfo] = {
    SYNTAX: CheckInfo(E, "syntax", "the file breaks its format here (PO: as msgfmt -c reports it)", "msgstr garbage → x.po:7:8: unexpected text 'garbage'"),
    MISSING_TERM: CheckInfo(E, "terms", "glossary term in the source, no approved rendering in the target", "balance of power → 均勢 (glossary: 權力平衡)"),
    FORBIDDEN_TERM: CheckInfo(E, "terms", "deprecated rendering used in the target", "→ 均勢 (deprecated in the glossary)"),
    INCONSISTENT: CheckInfo(W, "terms", "same source term rendered differently across units", "foreign policy → 外交政策 twice, 對外政策 once"),
    WRONG_SCRIPT: CheckInfo(E, "variants", "Simplified characters in a Traditional target, or the reverse", "zh-TW target 权力平衡 → 權力平衡"),
    WRONG_REGION: CheckInfo(E, "variants", "mainland vocabulary in a Taiwan/Hong Kong target, or the reverse", "zh-TW target 軟件 → 軟體 (--regional)"),
    UNTRANSLATED: CheckInfo(W, "unit", "target identical to the source", "Open file → Open file"),
    EMPTY_TARGET: CheckInfo(W, "unit", "source has text, target missing or blank", 'Open file → ""'),
    PRINTF: CheckInfo(E, "format", "printf placeholders (C, Python %) differ; positional %2$s may reorder", "%(count)d files in %s → 已刪除檔案"),
    BRACE_FORMAT: CheckInfo(E, "format", "{name}/{0}/ICU placeholders differ", "Hello {name} → 你好 {名字}"),
    XML_TAGS: CheckInfo(E, "format", "markup tags differ, are badly nested, or have changed attributes", "<b>Bold</b> → <b>粗體<b>"),
    ESCAPES: CheckInfo(W, "format", "tabs, backslashes or other control characters differ", "Name:\\tValue → 名稱：值"),
    NEWLINES: CheckInfo(E, "format", "line breaks differ in number or at the start/end", "Done.\\n → 完成。"),
    NUMBERS: CheckInfo(W, "format", "a number of the source is not in the target", "Wait 30 seconds → 請等待 20 秒"),
    URLS: CheckInfo(W, "format", "a URL of the source is not in the target unchanged", "see https://x.org → 見 https://x.com"),
    EMAILS: CheckInfo(W, "format", "an e-mail address of the source is not in the target", "bug-grep@gnu.org → 請回報錯誤"),
    ACCELERATORS: CheckInfo(W, "format", "keyboard accelerator (_F, &F, Chinese 檔案(_F)) missing, doubled or changed", "_File → 檔案"),
    WHITESPACE: CheckInfo(W, "format", "spaces or tabs at the start or end differ", "'  -v' → '-v'"),
    BRACKETS: CheckInfo(W, "format", "brackets (ASCII and CJK) unbalanced or of mixed widths", "(default) → （預設)"),
    PLURALS: CheckInfo(E, "format", "plural forms missing, untranslated, or not what nplurals says", 'msgstr[0] "%d 個" msgstr[1] ""'),
    LENGTH: CheckInfo(W, "format", "target much longer than the source (display width; configurable)", "OK → 好的，我已經了解並同意以上所有條款"),
    PUNCTUATION_WIDTH: CheckInfo(W, "typography", "half-width ,.:;?! after Chinese, or full-width inside Latin text", "完成,請重新啟動 → 完成，請重新啟動"),
    QUOTE_STYLE: CheckInfo(W, "typography", "quotes not in the locale's style (「」『』 Taiwan/Hong Kong, “”‘’ mainland)", "zh-TW “檔案” → 「檔案」"),
    ELLIPSIS: CheckInfo(W, "typography", "... or a single … in Chinese text (use ……)", "載入中... → 載入中……"),
    DASH: CheckInfo(W, "typography", "-- or a single dash in Chinese text (use ——)", "設定—進階 → 設定——進階"),
    CJK_LATIN_SPACING: CheckInfo(W, "typography", "space between Chinese and Latin/digits: require, forbid or off (default off)", "require: 使用GTK → 使用 GTK"),
    DOUBLE_SPACE: CheckInfo(W, "typography", "two or more spaces in a row that the source does not have", "開啟  檔案 → 開啟 檔案"),
    REPEATED_WORD: CheckInfo(W, "typography", "a word or function character doubled by mistake", "的的 / the the"),
}
CHECK_ORDER = {name: i for i, name in enumerate(CHECKS)}
FAMILIES: dict[str, tuple[str, ...]] = {}
for _name, _info in CHECKS.items():
    FAMILIES.setdefault(_info.family, ())
    FAMILIES[_info.family] += (_name,)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one translation unit.

    ``source_span``/``target_span`` are ``(start, end)`` character offsets of the term in
    ``source``/``target`` (None when the finding is about the whole unit). ``term`` is the
    glossary form that was matched in the source; ``found`` the offending text in the
    target; ``expected`` the approved renderings or the suggested form.
    """

    check: str
    severity: Severity
    path: str
    line: int | None
    unit: str | None
    source_lang: str | None
    target_lang: str | None
    source: str
    target: str
    message: str
    term: str | None = None
    found: str | None = None
    expected: tuple[str, ...] = ()
    concept: str | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    index: int = 0  # position of the unit in its file (0-based), for a stable order
    column: int | None = None  # 1-based, when known (syntax errors)

    def sort_key(self) -> tuple[str, int, int, str, int, int, int, str]:
        """Report order: file, unit position, line, target language, check, spans."""
        return (
            self.path,
            self.index,
            self.line or 0,
            self.target_lang or "",
            CHECK_ORDER.get(self.check, 99),
            (self.source_span or (0, 0))[0],
            (self.target_span or (0, 0))[0],
            self.term or self.found or "",
        )
