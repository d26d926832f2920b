"""Pages saved or pasted as HTML are read as the text a browser shows (:mod:`termkit.records.htmlpage`).

A thesis or article page saved from a browser (``.html``) or pasted as markup holds its
fields in tags. Checked here: the text each construct shows (line by line, numbers kept);
which texts are HTML (none of the plain or Markdown renderings of the dev records, page
families and stored real pages is); the 95 dev records laid out as three kinds of site page
(an NDLTD-like field table, a CNKI-like div/span layout, a journal page carrying
``citation_*`` meta tags) read as their shown text or as published; plain pages read exactly
as with the step switched off; the encoding a page declares; and bad input (undecodable,
binary, a page that shows nothing, constructs left open, a large page) fails or reads in
bounded time as other input does.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.cli import cli
from termkit.errors import EncodingError, InputError, TermkitError
from termkit.model import Record
from termkit.records import page as page_module
from termkit.records import parse_records
from termkit.records import scan as scan_module
from termkit.records.htmlpage import declared_encoding, is_html, shown_lines

from . import devrecords
from .conftest import require_tool
from .test_records_markdown import PAGES as MARKDOWN_PAGES
from .test_records_markdown import SHAPES as MARKDOWN_SHAPES

RECORDS = Path(__file__).parent / "data" / "records"


def _shown(markup: str) -> list[str]:
    return [text for _, text in shown_lines(markup)]


def _read(text: str, name: str = "page.html") -> list[Record]:
    return parse_records(text.encode("utf-8"), name)


_facts = devrecords.record_facts


# ------------------------------------------------------------------ what each construct shows


CONSTRUCTS = [
    ("<tr><th>中文關鍵詞:</th><td>網路成癮、大學生、憂鬱</td></tr>", ["中文關鍵詞:\t網路成癮、大學生、憂鬱"]),
    ("<table><tr><td>研究生</td><td>王大明</td><td></td></tr></table>", ["研究生\t王大明"]),
    ("<table><tr><th>關鍵詞</th><td><p>數位學習</p></td></tr></table>", ["關鍵詞\t數位學習"]),
    ("<table><tr><th>關鍵詞</th><td><ul><li>數位學習</li><li>高齡者</li></ul></td></tr></table>",
     ["關鍵詞\t數位學習", "高齡者"]),
    ("<table><tr><th>關鍵詞</th><td>數位學習<br>高齡者</td></tr></table>", ["關鍵詞\t數位學習", "高齡者"]),
    ("<dl><dt>關鍵詞</dt><dd>數位學習；高齡者</dd><dt>Keywords</dt><dd>a; b</dd></dl>",
     ["關鍵詞\t數位學習；高齡者", "Keywords\ta; b"]),
    ("<dl><dt>作者</dt><dd>王大明</dd><dd>李小華</dd></dl>", ["作者\t王大明", "李小華"]),
    ("<ul><li>數位學習<li>高齡者</ul>", ["數位學習", "高齡者"]),
    ("<ol>\n  <li>一</li>\n  <li>二</li>\n</ol>", ["一", "二"]),
    ("<div>題名</div><div>作者</div>", ["題名", "作者"]),
    ("<h1>題名</h1><p>摘要一</p><p>摘要二</p>", ["題名", "", "摘要一", "", "摘要二"]),
    ("<p>a<br>b<br><br>c</p>", ["a", "b", "", "c"]),
    ("<p>a<br></p><p>b</p>", ["a", "", "b"]),
    ("<div>a</div><hr><div>b</div>", ["a", "b"]),
    ("<span>關鍵詞：</span><a href='#'>數位學習</a>;\n  <a href='#'>高齡者</a>", ["關鍵詞：數位學習; 高齡者"]),
    ("<p>  many   spaces\n\tand\nlines  </p>", ["many spaces and lines"]),
    ("<p>數位\n學習</p>", ["數位 學習"]),  # a newline is a space, as Chromium shows it
    ("<p>A&nbsp;B &amp; C &lt;D&gt; &#x6578;&#20301;</p>", ["A B & C <D> 數位"]),
    ("<pre>line one\n  line two</pre>", ["line one", "line two"]),
    ("<p>kept</p><script>var a = '<p>no</p>';</script><style>p{}</style>", ["kept"]),
    ("<nav><a>首頁</a></nav><noscript>enable JS</noscript><p>kept</p>", ["kept"]),
    ("<aside><p>相關文章</p></aside><p>kept</p>", ["kept"]),
    ("<div class='site-nav'>首頁</div><div id='CatalogSide'><dl><dt>摘要</dt><dt>关键词</dt></dl></div>"
     "<div class='main_menu'>選單</div><div class='keywords'>kept</div>", ["kept"]),
    ("<div class='header'>題名</div><div class='inside'>值</div>", ["題名", "值"]),
    ("<template><p>no</p></template>kept", ["kept"]),
    ("<select><option>台北</option><option>新北</option></select>kept", ["kept"]),
    ("<title>網頁標題</title><p>kept</p>", ["kept"]),
    ("<p>kept</p><!-- <p>a comment</p> --><p hidden>no</p>", ["kept"]),
    ("<div style='color:red; display: none'><div>no</div><div>no</div></div><div>kept</div>", ["kept"]),
    ("<span style='visibility:hidden'>no</span>kept", ["kept"]),
    ("<p>a<img src='x.png' alt='圖'>b</p>", ["ab"]),
    ("<input type=hidden value=x><label>題名</label> <b>值</b>", ["題名 值"]),
    ("<label for='q'>請輸入搜索內容</label><input id='q'><p>kept</p>", ["kept"]),  # a form control's label
    ("<![CDATA[x]]><?php echo 1 ?><p>kept</p>", ["kept"]),
    ("<table><tr><td>outer</td><td><table><tr><th>研究生</th><td>王</td></tr></table></td></tr></table>",
     ["outer", "研究生\t王"]),
]


@pytest.mark.parametrize(("markup", "shown"), CONSTRUCTS)
def test_each_construct_shows_what_a_browser_shows(markup: str, shown: list[str]) -> None:
    assert _shown(markup) == shown


# Test-only probe: each case's innerText as Chromium lays it out, written into the DOM so
# --dump-dom shows it.
_PROBE = """<script>
window.addEventListener('load', () => {
  const out = [...document.querySelectorAll('div.case')].map(d => d.innerText);
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""
# Cases that show otherwise on purpose (see the module): a row outside a table (a browser
# drops the stray tags and runs the cells together), navigation, sidebars and furniture named
# by class or id, a form control's label and the choices of a drop-down list (innerText gives
# every option).
_OWN_CHOICE = ("<tr>", "<nav>", "<label for", "<select>", "<aside>", "<div class='site-nav'>")


def _segments(text: str) -> list[str]:
    """The text's pieces between line breaks and tabs, without blank ones: what is shown,
    not how many blank lines or which separator (tab or line) stands between cells."""
    return [part.strip() for line in text.replace("\xa0", " ").split("\n")
            for part in line.split("\t") if part.strip()]


def test_chromium_shows_the_same_text(tmp_path: Path) -> None:
    exe = require_tool("chromium")
    cases = [m for m, _ in CONSTRUCTS if not m.startswith(_OWN_CHOICE)]
    page = tmp_path / "cases.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>\n"
                    + "\n".join(f"<div class='case'>{m}</div>" for m in cases)
                    + _PROBE + "</body></html>", encoding="utf-8")
    result = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    probe = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert probe, result.stdout[-500:]
    shown = json.loads(html.unescape(probe.group(1)))
    assert len(shown) == len(cases)
    differ = [(m, _segments(theirs), _segments("\n".join(_shown(m))))
              for m, theirs in zip(cases, shown, strict=True)
              if _segments(theirs) != _segments("\n".join(_shown(m)))]
    assert not differ, differ


def test_line_numbers_point_into_the_file() -> None:
    markup = ("<html>\n<body>\n<table>\n<tr>\n  <th>研究生:</th>\n  <td>\n    王大明\n  </td>\n</tr>\n"
              "<tr><th>中文關鍵詞:</th><td>數位學習<br>\n高齡者</td></tr>\n</table>\n<p>\n\n摘要</p>\n")
    assert shown_lines(markup) == [
        (5, "研究生:\t王大明"), (10, "中文關鍵詞:\t數位學習"), (11, "高齡者"), (15, ""), (15, "摘要")]


def test_meta_tags_give_what_the_body_lacks() -> None:
    head = ('<head><meta charset="utf-8">\n'
            '<meta name="citation_title" content="高齡者數位學習之研究">\n'
            '<meta name="citation_author" content="王大明">\n'
            '<meta name="citation_keywords" content="數位學習">\n'
            '<meta name="citation_keywords" content="高齡者">\n'
            '<meta name="citation_keywords" xml:lang="en" content="e-learning; older adults">\n'
            '<meta name="keywords" content="期刊,論文,學術">\n</head>\n')
    empty = shown_lines(f"<html>{head}<body><div id='app'></div></body></html>")
    assert empty == [(2, "題名：高齡者數位學習之研究"), (3, "作者：王大明"), (4, "關鍵詞：數位學習；高齡者"),
                     (6, "Keywords: e-learning; older adults"), (6, "")]
    # What the body shows is read there, not again from the head.
    body = ("<body><h1>高齡者數位學習之研究</h1><p>王大明</p><p>關鍵詞：數位學習；高齡者</p>"
            "<p>Keywords: e-learning; older adults</p></body>")
    assert _shown(f"<html>{head}{body}</html>") == [
        "高齡者數位學習之研究", "", "王大明", "", "關鍵詞：數位學習；高齡者", "", "Keywords: e-learning; older adults"]
    # DC.subject is a keyword field too; the generic keywords tag never is.
    dc = _shown('<html><head><meta name="DC.Subject" content="數位學習；高齡者"></head><body>x</body></html>')
    assert dc[0] == "關鍵詞：數位學習；高齡者"
    assert not any("期刊" in line for line in _shown(f"<html>{head}{body}</html>"))


def test_the_document_title_tells_the_page_title_among_its_lines() -> None:
    page = ("<html><head><title>數位學習之研究 - 某論文網</title></head><body>\n"
            "<div class='catalog'><div>知識節點</div><div>摘要</div></div>\n<h2>數位學習之研究</h2>\n</body></html>")
    assert shown_lines(page) == [(1, "題名：數位學習之研究"), (1, ""), (2, "知識節點"), (2, "摘要"),
                                 (3, ""), (3, "數位學習之研究")]
    # Only a part the page shows as a whole line, and not over a citation_title tag.
    assert _shown(page.replace("<h2>數位學習之研究</h2>", "<p>數位學習之研究與其他</p>"))[0] == "知識節點"
    assert _shown(page.replace("<title>數位學習之研究 - 某論文網</title>", "<title>某論文網</title>"))[0] == "知識節點"
    tagged = page.replace("</head>", "<meta name='citation_title' content='數位學習之研究'></head>")
    assert _shown(tagged)[0] == "知識節點"


# ------------------------------------------------------------------ which texts are HTML


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html>\n<p>題名</p>",
    "<!doctype HTML><title>x</title>",
    "\ufeff<?xml version='1.0' encoding='utf-8'?>\n<!-- saved -->\n<html xmlns='http://www.w3.org/1999/xhtml'>",
    "<html><body>題名</body></html>",
    "題名\n<body>\n<p>x</p>",
    "<tr><th>中文關鍵詞:</th><td>網路成癮、大學生、憂鬱</td></tr>",
    "<div class='row'><span>关键词：</span><p><a>数字学习</a></p></div>",
])
def test_html_is_known_by_its_content(text: str) -> None:
    assert is_html(text)


@pytest.mark.parametrize(("text", "name"), [
    ("題名：數位學習之研究\n關鍵詞：數位學習<br>高齡者\n", "page.html"),
    ("<b>題名</b>：數位學習之研究", "saved.HTM"),
])
def test_a_html_name_with_any_tag_is_html(text: str, name: str) -> None:
    assert is_html(text, name)
    assert not is_html(text, "page.txt") and not is_html(text)


@pytest.mark.parametrize("text", [
    "題名：數位學習之研究\n關鍵詞：數位學習；高齡者\n",
    "關鍵詞：<數位學習>；<高齡者>\n",  # angle brackets around items are no tags
    "公式 a<b 與 c>d 之研究\n關鍵詞：不等式\n",
    "| 關鍵詞 | 數位學習<br>高齡者 |\n|---|---|\n",  # Markdown with <br>: the Markdown step reads it
    "# 題名\n\n<div align='center'>\n<p>x</p>\n</div>\n\n**關鍵詞：** 數位學習\n",
])
def test_plain_and_markdown_text_is_not_html(text: str) -> None:
    assert not is_html(text, "page.txt")
    assert not is_html(text, "-")


def test_no_plain_or_markdown_rendering_is_html() -> None:
    texts = devrecords.plain_texts()
    for rec in devrecords.load_all_dev():
        for shape, render in MARKDOWN_SHAPES.items():
            texts.append((f"{rec['id']} markdown {shape}", render(rec, True)))
    texts += [(f"markdown page {shape}", marked) for shape, (marked, _) in MARKDOWN_PAGES.items()]
    assert len(texts) > 95 * 24
    found = [name for name, text in texts if is_html(text, "page.txt")]
    assert not found, found[:10]


def test_plain_pages_read_exactly_as_without_the_html_step(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = devrecords.plain_texts()

    def reading(text: str) -> list[Any]:
        try:
            return [dataclasses.asdict(r) for r in _read(text, "p.txt")]
        except TermkitError as exc:  # an error is a reading too: it must not change either
            return [repr(exc)]

    now = [reading(text) for _, text in texts]
    monkeypatch.setattr(page_module, "is_html", lambda text, path=None: False)
    monkeypatch.setattr(scan_module, "is_html", lambda text, path=None: False)
    changed = [name for (name, text), records in zip(texts, now, strict=True) if reading(text) != records]
    assert not changed, changed[:10]


def test_switching_the_step_off_is_seen_on_html_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above can fail: without the step an HTML page reads otherwise."""
    markup = _ndltd(devrecords.load_all_dev()[0], True)
    with_step = _read(markup, "p.txt")
    monkeypatch.setattr(page_module, "is_html", lambda text, path=None: False)
    monkeypatch.setattr(scan_module, "is_html", lambda text, path=None: False)
    assert [_facts(r) for r in _read(markup, "p.txt")] != [_facts(r) for r in with_step]


# ------------------------------------------------------------------ dev records as site pages



def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _ndltd(rec: dict[str, Any], markup: bool) -> str:
    """An NDLTD-like page: a field table, keyword items one per line in their cell."""
    if not markup:
        out = []
        for label, values in devrecords.site_fields(rec):
            out += [f"{label}:\t{values[0]}", *values[1:]]
        return "\n".join(out) + "\n"
    rows = []
    for label, values in devrecords.site_fields(rec):
        cell = (_esc(values[0]) if len(values) == 1 else
                "<ul>" + "".join(f'\n    <li><a href="/kw?q={i}">{_esc(v)}</a></li>'
                                 for i, v in enumerate(values)) + "\n  </ul>")
        rows.append(f'<tr>\n  <th class="std1">{label}:</th>\n  <td class="std2">{cell}</td>\n</tr>')
    return ('<!DOCTYPE html>\n<html lang="zh-TW">\n<head>\n<meta charset="utf-8">\n'
            "<title>臺灣博碩士論文知識加值系統</title>\n<script>var s = '<td>';</script>\n</head>\n"
            '<body>\n<nav><a href="/">首頁</a> &gt; <a href="#">詳目顯示</a></nav>\n'
            '<table id="format0_disparea" class="tableoutfmt2">\n' + "\n".join(rows) + "\n</table>\n"
            "</body>\n</html>\n")


def _cnki(rec: dict[str, Any], markup: bool) -> str:
    """A CNKI-like page: title heading, authors as spans, each field a row of a label span
    and a paragraph of links ending in ';'."""
    zh, en = devrecords.expected_keywords(rec)
    title = rec.get("title_zh") or rec.get("title_en") or ""
    authors = [a for a, _ in rec["gold"]["authors"]]
    if not markup:  # headings and paragraphs leave a blank line; a newline in a title is a space
        out = [" ".join(title.split()), ""]
        if authors:
            out += [" ".join(authors), ""]
        out += ["关键词：", "", " ".join(f"{k};" for k in zh)]
        if en:
            out += ["", "Keywords：", "", " ".join(f"{k};" for k in en)]
        return "\n".join(out) + "\n"
    spans = "".join(f'<span><a href="#">{_esc(a)}</a></span>\n' for a in authors)

    def row(label: str, items: list[str]) -> str:
        links = "\n".join(f'    <a href="#">{_esc(k)};</a>' for k in items)
        return (f'<div class="row">\n  <span class="rowtit">{label}</span>\n'
                f'  <p class="keywords">\n{links}\n  </p>\n</div>\n')

    body = (f'<div class="wx-tit">\n<h1>{_esc(title)}</h1>\n'
            + (f'<h3 class="author">\n{spans}</h3>\n' if authors else "") + "</div>\n"
            + row("关键词：", zh) + (row("Keywords：", en) if en else ""))
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8">\n<title>中国知网</title>\n</head>\n<body>\n'
            f"{body}</body>\n</html>\n")


def _spaced(line: str) -> str:
    """A line as a page writes it to show its spaces: a run of them is no-break spaces and
    one space (two spaces between keywords would show as one otherwise)."""
    return re.sub(r" {2,}", lambda m: "&nbsp;" * (len(m.group()) - 1) + " ", _esc(line).strip(" "))


def _journal(rec: dict[str, Any], markup: bool) -> str:
    """A journal article page: the page text in paragraphs with <br> line breaks, and the
    Highwire tags in its head (one citation_keywords tag per keyword)."""
    plain = devrecords.render_page(rec)
    if not markup:
        return plain
    zh, en = devrecords.expected_keywords(rec)
    tags = [f'<meta name="citation_title" content="{_esc(rec.get("title_zh") or rec.get("title_en") or "")}">']
    tags += [f'<meta name="citation_author" content="{_esc(a)}">' for a, _ in rec["gold"]["authors"]]
    tags += [f'<meta name="citation_keywords" xml:lang="zh" content="{_esc(k)}">' for k in zh]
    tags += [f'<meta name="citation_keywords" xml:lang="en" content="{_esc(k)}">' for k in en]
    blocks = [b for b in plain.split("\n\n") if b.strip()]
    paragraphs = "\n".join("<p>" + "<br>\n".join(_spaced(line) for line in b.strip("\n").split("\n")) + "</p>"
                           for b in blocks)
    return ("<!DOCTYPE html>\n<html>\n<head>\n" + "\n".join(tags)
            + f'\n</head>\n<body>\n<div class="article">\n{paragraphs}\n</div>\n</body>\n</html>\n')


SHAPES: dict[str, Callable[[dict[str, Any], bool], str]] = {
    "NDLTD-like field table": _ndltd, "CNKI-like div/span": _cnki,
    "journal page with citation_* tags": _journal,
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_dev_records_as_site_pages_read_as_their_shown_text(
    shape: str, figures: Callable[[str], None]
) -> None:
    records = devrecords.load_all_dev()
    differ, published = devrecords.marked_against_shown(
        SHAPES[shape], lambda page: is_html(page, "-"), lambda page: _read(page, "-"))
    same = len(records) - len(differ)
    figures(f"\nhtml {shape}: {same}/{len(records)} read as the shown text, "
          f"{published}/{len(records)} keyword lists as published")
    # A page may read better than its shown text where the markup tells items apart that a
    # browser runs together (readers4: sibling author links, ``武荣花`` / ``张 晓``, shown as
    # ``武荣花 张 晓``): then its authors are the published ones, and nothing else differs.
    by_id = {rec["id"]: rec for rec in records}
    worse = []
    for rid in differ:
        rec = by_id[rid]
        (ours,), (theirs,) = _read(SHAPES[shape](rec, True), "-"), _read(SHAPES[shape](rec, False), "-")
        gold = [a for a, _ in rec["gold"]["authors"]]
        if [a.zh or a.en for a in ours.authors] != gold or (
                (ours.title_zh, ours.title_en, ours.keywords_zh, ours.keywords_en)
                != (theirs.title_zh, theirs.title_en, theirs.keywords_zh, theirs.keywords_en)):
            worse.append(rid)
    assert not worse, worse
    assert len(differ) <= 1, differ  # measured: kwrec-C064 (CNKI-like), authors right


def test_keywords_only_in_meta_tags_are_read(figures: Callable[[str], None]) -> None:
    """A journal page whose keyword list a script would fill: the head's tags give it, though
    the title in the body uses some of the keywords."""
    published = 0
    records = devrecords.load_all_dev()
    for rec in records:
        zh, en = devrecords.expected_keywords(rec)
        page = _journal(rec, True)
        start, end = page.index('<div class="article">'), page.index("</div>")
        title = _esc(rec.get("title_en") or rec.get("title_zh") or "")
        page = page[:start] + f"<div class=\"article\">\n<h1>{title}</h1>\n<div id='kw'></div>\n" + page[end:]
        ours = _read(page, "-")
        expected = [devrecords.without_inline_pinyin(k) for k in zh], en
        if len(ours) == 1 and (ours[0].keywords_zh, ours[0].keywords_en) == expected:
            published += 1
    figures(f"\nhtml keywords in meta tags only: {published}/{len(records)} keyword lists as published")
    assert published == len(records), published


# ------------------------------------------------------------------ from the file


def test_a_saved_page_is_read_through_its_markup(tmp_path: Path) -> None:
    rec = devrecords.load_all_dev()[0]
    path = tmp_path / "thesis.html"
    path.write_text(_ndltd(rec, True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    zh, _ = devrecords.expected_keywords(rec)
    assert all(k in result.output for k in zh[:2])
    assert "<t" not in result.output and "std1" not in result.output


def test_forced_format_reads_through_html_too() -> None:
    markup = _ndltd(devrecords.load_all_dev()[0], True).encode("utf-8")
    page, = parse_records(markup, "p.txt", format="page")
    labelled, = parse_records(markup, "p.txt", format="labelled")
    auto, = parse_records(markup, "p.txt")
    assert labelled.keywords_zh == auto.keywords_zh and labelled.keywords_zh
    assert "<" not in (page.title_zh or "") + (page.title_en or "")


def test_declared_encoding_decides_between_big5_and_gb18030() -> None:
    text = "<html><head><meta charset='{}'></head><body><p>關鍵詞：數位學習；高齡者</p></body></html>"
    big5 = text.format("big5").encode("cp950")
    assert declared_encoding(big5) == ("cp950", "big5hkscs")
    rec, = parse_records(big5, "p.html")
    assert rec.keywords_zh == ["數位學習", "高齡者"]
    # The same bytes declared as GBK are read as GBK: the declaration is what decides.
    as_gbk = big5.replace(b"big5", b"gbk ")
    assert declared_encoding(as_gbk) == ("gb18030",)
    assert parse_records(as_gbk, "p.html")[0].keywords_zh != ["數位學習", "高齡者"]
    equiv = ('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'
             "<p>关键词：数字学习；老年人</p>").encode("gb18030")
    assert declared_encoding(equiv) == ("gb18030",)
    assert parse_records(equiv, "p.html")[0].keywords_zh == ["数字学习", "老年人"]
    # Bytes that are UTF-8 stay UTF-8 whatever the page says.
    utf8 = text.format("big5").encode("utf-8")
    assert parse_records(utf8, "p.html")[0].keywords_zh == ["數位學習", "高齡者"]


# ------------------------------------------------------------------ bad input


def test_undecodable_page_names_its_line() -> None:
    data = "<html><body>\n<p>關鍵詞：數位學習</p>\n".encode() + b"<p>\xff\xfe\xfa</p>\n</body></html>"
    with pytest.raises(EncodingError) as info:
        parse_records(data, "bad.html")
    assert info.value.line == 3


def test_binary_and_empty_pages_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary file"):
        parse_records(b"<html>\x00\x01\x02</html>", "x.html")
    with pytest.raises(InputError, match="the page shows no text"):
        parse_records(b"<html><head><script>x()</script></head><body> </body></html>", "x.html")
    path = tmp_path / "empty.html"
    path.write_bytes(b"<!DOCTYPE html>\n<html><body><nav>menu</nav></body></html>\n")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}:") and "shows no text" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("markup", [
    "<a " * 40_000,
    "</a " * 40_000,
    "<!--a>" * 40_000,
    "<!x " * 40_000,
    "<?x " * 40_000,
    "<p>" + "<a b='" * 40_000,
    "<script>" + "<a " * 40_000,
])
def test_constructs_left_open_read_in_linear_time(markup: str) -> None:
    """Python's HTMLParser rescans the rest of the input from every '<' of a construct that
    never closes: 40,000 of them took minutes before they were read as text."""
    started = time.process_time()
    shown_lines("<html><body>" + markup)
    assert time.process_time() - started < 5


def test_a_large_page_reads_in_bounded_time() -> None:
    rows = "".join(f"<tr><th>欄位{i}:</th><td><a href='#{i}'>值{i}</a> &amp; 其他</td></tr>\n"
                   for i in range(40_000))
    markup = "<!DOCTYPE html><html><body><table>\n" + rows + "</table></body></html>"
    assert len(markup.encode()) > 2_000_000
    started = time.process_time()
    lines = shown_lines(markup)
    assert time.process_time() - started < 20
    assert lines[-1] == (40_001, "欄位39999:\t值39999 & 其他")


_TOKENS = st.sampled_from([
    "<", ">", "!", "[", "]", "-", "/", "?", " ", "\n", "=", '"', "'", "&", "#", ";", "a", "關",
    "<![", "<![CDATA[", "]]>", "<![if !IE]>", "<!--", "-->", "<!DOCTYPE html", "<?xml ", "<p>",
    "</p>", "<td>", "<th>", "<tr>", "<table>", "</table>", "<dt>", "<dd>", "<br>", "<pre>",
    "</pre>", "<script>", "</script>", "<title>", "</title>", "<div hidden>", "</div>",
    "<meta name='citation_keywords' content='", "<select>", "&#x110000;", "&#0;", "&nbsp",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=60))
def test_any_markup_reads_without_error(tokens: list[str]) -> None:
    """Tag soup never raises (html.parser's own reading of ``<![`` does: AssertionError),
    and every line points at a line of the text."""
    text = "".join(tokens)
    for number, line in shown_lines(text):
        assert 1 <= number <= text.count("\n") + 1, (number, line)
