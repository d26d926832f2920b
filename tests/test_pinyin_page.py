"""`termkit pinyin` of an HTML page: readings over the text it shows, every other byte kept.

The page is a real one (`tests/data/pinyin/python-docs-zh-tw-about.html`, the zh-TW Python
documentation's "About these documents" as Sphinx built it; see that folder's README). The
oracles are the page itself (taking the readings out must give it back byte for byte), lxml's
HTML parser (what a browser-like parser reads as the title, the attributes and the ruby
elements) and pypinyin (every reading must be one of the readings pypinyin knows for the
character under it, so a ruby whose readings slid against its characters fails).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from pypinyin import Style, pinyin

from termkit.cli import cli
from tests.conftest import ROOT

PAGE = ROOT / "tests" / "data" / "pinyin" / "python-docs-zh-tw-about.html"
_HAN = re.compile(r"[\u3400-\u9fff]")
_RUBY_MARKUP = re.compile(r"<rt>[^<]*</rt>|</?ruby>")


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["pinyin", *args], input=input)


@pytest.fixture(scope="module")
def ruby_page() -> str:
    result = run("-i", str(PAGE))
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return str(result.stdout)


def _shown_han(page: str) -> int:
    """Han characters a reader sees in the body: lxml's text of <body>, scripts left out."""
    body = lxml.html.document_fromstring(page).body
    for code in body.xpath(".//script|.//style|.//rt"):
        code.drop_tree()
    return len(_HAN.findall(body.text_content()))


def test_taking_the_readings_out_gives_the_page_back(ruby_page: str) -> None:
    assert ruby_page != PAGE.read_text("utf-8")
    assert _RUBY_MARKUP.sub("", ruby_page) == PAGE.read_text("utf-8")


def test_every_character_shown_gets_one_reading_it_can_have(ruby_page: str) -> None:
    doc = lxml.html.document_fromstring(ruby_page)
    rubies = doc.body.xpath(".//ruby")
    bases: list[str] = []
    readings: list[str] = []
    for ruby in rubies:
        bases += [ruby.text or "", *[rt.tail or "" for rt in ruby.xpath("./rt")][:-1]]
        readings += [rt.text for rt in ruby.xpath("./rt")]
    assert all(len(b) == 1 for b in bases), bases  # one character, then its reading
    assert len(readings) == _shown_han(PAGE.read_text("utf-8")) > 300
    for char, reading in zip(bases, readings, strict=True):
        known = {r.lower() for r in pinyin(char, style=Style.TONE, heteronym=True)[0]}
        assert reading.lower() in known, (char, reading, known)


def test_title_attributes_scripts_and_styles_are_left_as_they_are(ruby_page: str) -> None:
    before = lxml.html.document_fromstring(PAGE.read_text("utf-8"))
    after = lxml.html.document_fromstring(ruby_page)
    assert after.findtext(".//title") == before.findtext(".//title") == (
        "關於這些說明文件 — Python 3.11.2 說明文件")
    assert not after.xpath("//head//ruby")
    shown = ("title", "aria-label", "placeholder", "value", "alt")
    for name in shown:
        assert [e.get(name) for e in after.xpath(f"//*[@{name}]")] == \
               [e.get(name) for e in before.xpath(f"//*[@{name}]")]
    assert [s.text for s in after.xpath("//script|//style")] == \
           [s.text for s in before.xpath("//script|//style")]


def test_inline_readings_are_those_of_the_text_alone() -> None:
    result = run("-i", str(PAGE), "--to", "inline")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # taking out each "(reading)" after a Chinese character gives the page back
    assert re.sub(r"(?<=[\u3400-\u9fff])\([^()<>]*\)", "", out) == PAGE.read_text("utf-8")
    # and a paragraph's readings are what pinyin gives for its text as plain text
    text = "如同 Python 自身，透過自願者的努力下產出文件與封裝後自動化執行工具。"
    alone = run(text)
    assert alone.stdout.strip() in out


def test_a_page_in_big5_comes_out_in_utf8_saying_so(tmp_path: Path) -> None:
    page = PAGE.read_text("utf-8").replace('<meta charset="utf-8" />', '<meta charset="big5" />')
    src = tmp_path / "about.html"
    src.write_bytes(page.encode("cp950", errors="xmlcharrefreplace"))
    out = tmp_path / "about-pinyin.html"
    result = run("-i", str(src), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    written = out.read_bytes().decode("utf-8")  # UTF-8, whatever the page was in
    assert '<meta charset="utf-8" />' in written and "big5" not in written
    # a browser-like parser told the declared encoding reads the same shown text as before
    assert _shown_han(written) == _shown_han(PAGE.read_text("utf-8"))
    assert src.read_bytes() == page.encode("cp950", errors="xmlcharrefreplace")  # untouched


@pytest.mark.parametrize(("page", "expected"), [
    # another Han-writing language, a ruby the page has, a textarea: kept as they are
    ('<p>中文<span lang="ja">国際</span><ruby>汉<rt>hàn</rt></ruby></p><textarea>中文</textarea>',
     '<p><ruby>中<rt>Zhōng</rt>文<rt>wén</rt></ruby><span lang="ja">国際</span>'
     '<ruby>汉<rt>hàn</rt></ruby></p><textarea>中文</textarea>'),
    # an encoding declared in http-equiv and in an XML declaration
    ('<?xml version="1.0" encoding="GB2312"?><meta http-equiv="Content-Type" '
     'content="text/html; charset=GB2312"><p>书</p>',
     '<?xml version="1.0" encoding="utf-8"?><meta http-equiv="Content-Type" '
     'content="text/html; charset=utf-8"><p><ruby>书<rt>shū</rt></ruby></p>'),
    # computer text is copied, not read aloud: no readings in code, keyboard input or output;
    # the prose of a <pre> around it gets them
    ('<pre>打印<code>print("中文")</code></pre><p>按<kbd>确定</kbd></p>',
     '<pre><ruby>打<rt>dǎ</rt>印<rt>yìn</rt></ruby><code>print("中文")</code></pre>'
     '<p><ruby>按<rt>àn</rt></ruby><kbd>确定</kbd></p>'),
    # an entity reference between words stays one
    ("<p>北京&nbsp;大学</p>",
     "<p><ruby>北<rt>Běi</rt>京<rt>jīng</rt></ruby>&nbsp;<ruby>大<rt>dà</rt>学<rt>xué</rt></ruby></p>"),
])
def test_what_a_page_keeps(page: str, expected: str) -> None:
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


@pytest.mark.parametrize(("args", "says"), [
    (["--to", "tsv"], "a page gets its readings in place, as ruby or inline, not as tsv"),
    (["--json"], "a page gets its readings in place, as ruby or inline, not as json"),
    (["--lang", "zh-Hant"], "--lang names the language of a new ruby page"),
])
def test_what_a_page_cannot_be_asked_for(tmp_path: Path, args: list[str], says: str) -> None:
    out = tmp_path / "out.txt"
    result = run("-i", str(PAGE), *args, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {says}")
    assert not out.exists()


@pytest.mark.parametrize(("name", "text", "warned"), [
    ("page.php", "<!DOCTYPE html>\n<p>中文</p>\n", True),
    ("saved", "\ufeff<!-- saved from url -->\n<HTML><p>中文</p></HTML>\n", True),
    ("notes.txt", "<p> is a paragraph tag: 中文\n", False),
    ("notes.md", "中文 <html>\n", False),
])
def test_a_page_under_another_name_is_said_to_be_read_as_text(
        tmp_path: Path, name: str, text: str, warned: bool) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("-i", str(path))
    assert result.exit_code == 0
    assert ("looks like an HTML page but is read as plain text" in result.stderr) is warned
    assert "中文(Zhōngwén)" in result.stdout  # read as text all the same
    assert run("-i", str(path), "--text").stderr == ""  # asked for: nothing to say
