"""Format and typography checks: for every check, entries where it must fire and where it must not.

The entries are shaped after the real catalogs in tests/data/check/po/ (GNU grep's positional
``%2$s``, dpkg's plurals and ``<pathname>`` metavariables, GNOME's ``_File`` accelerators and
``translator-credits``) and after the cases translate-toolkit documents for its pofilter
checks (printf, xmltags, accelerators, numbers, urls, emails, brackets, doublespacing,
doublewords, endwhitespace, escapes, newlines). Each case names the one check it is about and
is run with every check on, so a case also shows that the other checks stay quiet on it.
"""

from __future__ import annotations

import pytest

from termkit.check import CHECKS, FAMILIES, Options, check_units
from termkit.check.text_checks import chinese_numeral
from termkit.model import Unit, Variant

QA = [c for fam in ("unit", "format", "typography") for c in FAMILIES[fam]]


def unit(source: str, target: str, lang: str = "zh-Hant-TW", **props: str) -> Unit:
    return Unit("u", [Variant("en", source), Variant(lang, target)], "en", props=dict(props))


def found(u: Unit, options: Options | None = None) -> list[str]:
    return [f.check for f in check_units([u], checks=QA, options=options)]


FLAGS = "po:flags"
# (check, source, target, target language, props): the check must fire, and only it.
FIRES = [
    ("printf", "%(count)d files in %s", "已刪除檔案", "zh-Hant-TW", {FLAGS: "python-format"}),
    ("printf", "%s: option '%s' is ambiguous", "%s：選項「%d」有歧義", "zh-Hant-TW", {}),
    ("printf", "Read %d bytes", "已讀取 %d 位元組，共 %d", "zh-Hant-TW", {FLAGS: "c-format"}),
    ("printf", "%1$s of %2$s", "%1$s／%1$s", "zh-Hant-TW", {FLAGS: "c-format"}),
    ("brace-format", "Hello {name}", "你好 {名字}", "zh-Hant-TW", {}),
    ("brace-format", "{0} of {1}", "{0}", "zh-Hant-TW", {}),
    ("brace-format", "{count, plural, one {# file} other {# files}}", "{number, plural, other {# 個檔案}}", "zh-Hant-TW", {}),
    ("xml-tags", "<b>Bold</b> text", "<b>粗體<b>文字", "zh-Hant-TW", {}),
    ("xml-tags", '<span class="key">Ctrl</span>', '<span class="button">Ctrl</span>', "zh-Hant-TW", {}),
    ("xml-tags", "<b><i>both</i></b>", "<b><i>兩者</b></i>", "zh-Hant-TW", {}),
    ("escapes", "Name:\tValue", "名稱：值", "zh-Hant-TW", {}),
    ("newlines", "Done.\n", "完成。", "zh-Hant-TW", {}),
    ("newlines", "line one\nline two", "第一行第二行", "zh-Hant-TW", {}),
    ("numbers", "Wait 30 seconds", "請等待 20 秒", "zh-Hant-TW", {}),
    ("numbers", "Terminal Forms #3", "末端形式 #2", "zh-Hans-CN", {}),
    ("numbers", "Wait 30 seconds", "請等待 ３０ 秒", "zh-Hant-TW", {}),  # full-width: needs the option
    ("urls", "See https://www.gnu.org/software/grep/", "請見 https://www.gnu.org/software/", "zh-Hant-TW", {}),
    ("emails", "Report bugs to bug-grep@gnu.org.", "請回報錯誤。", "zh-Hant-TW", {}),
    ("accelerators", "_File", "檔案", "zh-Hant-TW", {}),
    ("accelerators", "&Open", "開啟", "zh-Hant-TW", {}),
    ("accelerators", "_Save As…", "另存為(_S)(_A)…", "zh-Hant-TW", {}),
    ("accelerators", "_View", "_檢視", "zh-Hant-TW", {}),
    ("whitespace", "  -v, --invert-match", "-v, --invert-match", "zh-Hant-TW", {}),
    ("whitespace", "Search for ", "搜尋", "zh-Hant-TW", {}),
    ("brackets", "(default)", "（預設)", "zh-Hant-TW", {}),
    ("brackets", "Open [file]", "開啟 [檔案", "zh-Hant-TW", {}),
    ("brackets", "Say \"yes\"", "說「是", "zh-Hant-TW", {}),
    ("plurals", "%d file", "%d 個檔案", "zh-Hant-TW", {"po:msgid_plural": "%d files", "po:msgstr[1]": ""}),
    ("length", "OK", "好的，我已經了解並且同意以上所列出的全部條款與細則", "zh-Hant-TW", {}),
    ("punctuation-width", "Done, restart now", "完成,請立即重新啟動", "zh-Hant-TW", {}),
    ("punctuation-width", "Usage: grep", "用法: grep", "zh-Hans-CN", {}),
    ("punctuation-width", "Hello, world", "Hello，world", "zh-Hant-TW", {}),
    # glibc's catalogs: a full stop before a literal "\n" is still a full stop ("./" is a path)
    ("punctuation-width", "requires an argument.\\n", "需要一個引數.\\n", "zh-Hant-TW", {}),
    ("quote-style", 'Open "file"', "開啟“檔案”", "zh-Hant-TW", {}),
    ("quote-style", 'Open "file"', "打开「文件」", "zh-Hans-CN", {}),
    ("quote-style", 'Open "file"', '打开"文件"', "zh-Hans-CN", {}),
    ("ellipsis", "Loading...", "載入中...", "zh-Hant-TW", {}),
    ("ellipsis", "Loading…", "載入中…", "zh-Hant-TW", {}),
    ("ellipsis", "Loading...", "加载中。。。", "zh-Hans-CN", {}),
    ("dash", "Settings - Advanced", "設定—進階", "zh-Hant-TW", {}),
    ("dash", "Settings -- Advanced", "設定--進階", "zh-Hant-TW", {}),
    ("double-space", "Open the file", "開啟  檔案", "zh-Hant-TW", {}),
    ("repeated-word", "the file", "的的檔案", "zh-Hant-TW", {}),
    ("repeated-word", "检查文件", "check the the file", "en", {}),
]

# (check, source, target, target language, props, options): must not fire (nothing fires).
QUIET = [
    ("printf", "%s of %s", "%2$s 的 %1$s", "zh-Hant-TW", {FLAGS: "c-format"}, None),
    ("printf", "%1$s of %2$s", "%2$s 的 %1$s", "zh-Hant-TW", {FLAGS: "c-format"}, None),
    ("printf", "100% done", "100% 完成", "zh-Hant-TW", {}, None),
    ("printf", "%d%% complete", "已完成 %d%%", "zh-Hant-TW", {FLAGS: "c-format"}, None),
    ("printf", "%s file", "%s 檔案", "zh-Hant-TW", {FLAGS: "no-c-format"}, None),
    ("printf", "%i items", "%d 個項目", "zh-Hant-TW", {FLAGS: "c-format"}, None),
    # after git's zh_CN catalog (its quotes left out): a * precision moved with its argument
    ("printf", "Invalid pathspec magic %.*s in %s", "在路径规格 %3$s 中无效的神奇前缀 %2$.*1$s", "zh-Hans-CN", {FLAGS: "c-format"}, None),
    ("printf", "%*d items", "%*d 個項目", "zh-Hant-TW", {FLAGS: "c-format"}, None),
    ("brace-format", "{0} of {1}", "{1} 的 {0}", "zh-Hant-TW", {}, None),
    ("brace-format", "{count, plural, one {# file} other {# files}}", "{count, plural, other {# 個檔案}}", "zh-Hant-TW", {}, None),
    ("brace-format", "Use {{braces}}", "使用 {{大括號}}", "zh-Hant-TW", {}, None),
    ("xml-tags", "<b><i>both</i></b>", "<i><b>兩者</b></i>", "zh-Hant-TW", {}, None),
    ("xml-tags", '<a href="https://x.org" title="Home">home</a>', '<a href="https://x.org" title="首頁">首頁</a>', "zh-Hant-TW", {}, None),
    ("xml-tags", "Usage: %s [<option>...] <pathname>", "用法：%s [<選項>...] <路徑名>", "zh-Hant-TW", {}, None),
    ("xml-tags", "Line<br/>break", "換行<br/>", "zh-Hant-TW", {}, None),
    ("escapes", "Name:\tValue", "名稱：\t值", "zh-Hant-TW", {}, None),
    ("escapes", "C:\\temp", "C:\\temp 資料夾", "zh-Hant-TW", {}, None),
    ("numbers", "Wait 3 seconds", "請等待三秒", "zh-Hant-TW", {}, None),
    ("numbers", "since 2010", "從二〇一〇年起", "zh-Hans-CN", {}, None),
    ("numbers", "12 files", "十二個檔案", "zh-Hant-TW", {}, None),
    ("numbers", "1,000 items", "1000 個項目", "zh-Hant-TW", {}, None),
    ("numbers", "UTF-8 and MP3", "UTF-8 與 MP3", "zh-Hant-TW", {}, None),
    ("numbers", "Wait 30 seconds", "請等待 ３０ 秒", "zh-Hant-TW", {}, Options(fullwidth_digits=True)),
    ("numbers", "%2$s items", "%2$s 個項目", "zh-Hant-TW", {FLAGS: "c-format"}, None),
    ("urls", "See https://www.gnu.org/software/grep/.", "請見 https://www.gnu.org/software/grep/。", "zh-Hant-TW", {}, None),
    ("emails", "Mail <bug-grep@gnu.org>", "請寄信至 <bug-grep@gnu.org>", "zh-Hant-TW", {}, None),
    ("accelerators", "_File", "檔案(_F)", "zh-Hant-TW", {}, None),
    ("accelerators", "_File", "檔案（_F）", "zh-Hant-TW", {}, None),
    ("accelerators", "E_xit", "離開(_X)", "zh-Hant-TW", {}, None),
    ("accelerators", "&Open", "開啟(&O)", "zh-Hant-TW", {}, None),
    ("accelerators", "file_name", "檔案名稱", "zh-Hant-TW", {}, None),
    ("accelerators", "Tom & Jerry", "湯姆與傑利", "zh-Hant-TW", {}, None),
    ("whitespace", "Name: ", "名稱：", "zh-Hant-TW", {}, None),
    ("whitespace", "  -v  invert", "  -v  反向", "zh-Hant-TW", {}, None),
    ("brackets", "(default)", "（預設）", "zh-Hant-TW", {}, None),
    ("brackets", "1) first", "1) 第一", "zh-Hant-TW", {}, None),
    ("brackets", "Say \"yes\"", "說「是」", "zh-Hant-TW", {}, None),
    ("plurals", "%d file", "%d 個檔案", "zh-Hant-TW", {"po:msgid_plural": "%d files"}, None),
    ("length", "Cancel", "取消", "zh-Hant-TW", {}, None),
    ("punctuation-width", "fonts;fontface;", "字體;字型;", "zh-Hans-CN", {}, None),
    ("punctuation-width", "Open config.conf", "開啟設定檔.conf", "zh-Hant-TW", {}, None),
    ("punctuation-width", "Version 2.0", "版本 2.0", "zh-Hant-TW", {}, None),
    ("punctuation-width", "See https://x.org/a.b", "請見 https://x.org/a.b", "zh-Hant-TW", {}, None),
    ("quote-style", 'Open "file"', "開啟「檔案」", "zh-Hant-TW", {}, None),
    ("quote-style", 'Open "file"', "打开“文件”", "zh-Hans-CN", {}, None),
    ("quote-style", "Quote 'a'", "引用 'a'", "zh-Hans-CN", {}, None),
    ("ellipsis", "Loading...", "載入中……", "zh-Hant-TW", {}, None),
    ("ellipsis", "Usage: grep [OPTION]... PATTERN", "用法：grep [選項]... 模式", "zh-Hant-TW", {}, None),
    ("dash", "Settings - Advanced", "設定——進階", "zh-Hant-TW", {}, None),
    ("dash", "UTF-8", "UTF-8", "zh-Hant-TW", {}, None),
    ("double-space", "  -E, --extended  PATTERN", "  -E, --extended  模式", "zh-Hant-TW", {}, None),
    ("repeated-word", "look around", "看看四周", "zh-Hant-TW", {}, None),
    ("repeated-word", "it had had effects", "it had had effects", "en", {}, None),
    ("newlines", "translator-credits", "張三\n李四\n", "zh-Hant-TW", {}, None),
    ("printf", "cannot get %s file metadata", "無法取得檔案「%s%s」", "zh-Hant-TW", {FLAGS: "c-format", "po:fuzzy": "yes"}, None),
]


@pytest.mark.parametrize(("check", "source", "target", "lang", "props"), FIRES, ids=[f"{c[0]}:{c[2]}" for c in FIRES])
def test_fires(check: str, source: str, target: str, lang: str, props: dict[str, str]) -> None:
    assert check in CHECKS
    got = found(unit(source, target, lang, **props))
    assert check in got
    assert set(got) == {check}, got


@pytest.mark.parametrize(("check", "source", "target", "lang", "props", "options"), QUIET, ids=[f"{c[0]}:{c[2]}" for c in QUIET])
def test_quiet(check: str, source: str, target: str, lang: str, props: dict[str, str], options: Options | None) -> None:
    assert check in CHECKS
    assert found(unit(source, target, lang, **props), options) == []


def test_every_format_and_typography_check_has_cases() -> None:
    fires = {c[0] for c in FIRES}
    quiet = {c[0] for c in QUIET}
    for check in (*FAMILIES["format"], *FAMILIES["typography"]):
        if check == "cjk-latin-spacing":
            continue  # its three styles are tested below
        assert check in fires and check in quiet, check


@pytest.mark.parametrize(("style", "target", "fires"), [
    ("require", "使用GTK與Qt", True),
    ("require", "使用 GTK 與 Qt", False),
    ("require", "共%d個", True),
    ("forbid", "使用 GTK 與 Qt", True),
    ("forbid", "使用GTK與Qt", False),
    ("off", "使用GTK 與 Qt", False),
])
def test_cjk_latin_spacing_styles(style: str, target: str, fires: bool) -> None:
    u = unit("Use GTK and Qt" if "%d" not in target else "%d in all", target)
    got = found(u, Options(cjk_latin_spacing=style))
    assert ("cjk-latin-spacing" in got) == fires
    if fires:
        (f,) = [f for f in check_units([u], checks=["cjk-latin-spacing"], options=Options(cjk_latin_spacing=style))][:1]
        assert f"cjk-latin-spacing = {style}" in f.message


def test_spans_point_at_the_offending_text() -> None:
    u = unit("Done, restart now...", "完成,請立即重新啟動...")
    for f in check_units([u], checks=QA):
        assert f.target_span is not None
        assert f.target[slice(*f.target_span)] == f.found


def test_plural_forms_are_checked_against_msgid_plural() -> None:
    # Chinese has one plural form: msgstr[0] answers msgid_plural ("%d files").
    ok = unit("one file", "%d 個檔案", **{"po:msgid_plural": "%d files", FLAGS: "c-format"})
    assert found(ok) == []
    bad = unit("%d file", "%d 個檔案", **{"po:msgid_plural": "%d files", "po:msgstr[1]": "個檔案", FLAGS: "c-format"})
    assert found(bad) == ["printf"]


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("二〇二四", 2024),
    ("两千", 2000), ("一万二千", 12000), ("三億", 300_000_000),
])
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_numeral(text) == value
