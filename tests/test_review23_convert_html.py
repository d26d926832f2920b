"""review23: breaks of ``convert`` of HTML pages (3defaa3, 24fc102).

The pages are small but shaped as real ones are: Microsoft Word's "save as web page" and
tag soup a CMS leaves (``<![ … ]>`` sections the standard library's tokenizer refuses), an empty
``index.html`` in a folder converted in place, a search form's submit button (its label is its
``value``), a Chinese Wikipedia page quoting Japanese in ``<span lang="ja">`` (zh.wikipedia's
``{{lang|ja|…}}`` template writes exactly that), and the ruby page ``termkit pinyin --to ruby``
writes, where every character of a word stands in its own piece of text.
"""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from termkit.convert import Converter
from termkit.convert.html import convert_html_text
from tests.inprocess import invoke


def _cli(tmp_path: Path, page: bytes, *args: str) -> tuple[int, str, str]:
    src = tmp_path / "index.html"
    src.write_bytes(page)
    out = tmp_path / "out.html"
    code, _, err = invoke("convert", "-c", "s2t", *args, src, "-o", out)
    return code, out.read_text(encoding="utf-8") if out.exists() else "", err


@pytest.mark.parametrize("section", ["<![ if !supportLists ]>", "<![foo]>", "<![ endif ]>"])
def test_a_marked_section_the_tokenizer_refuses_is_no_internal_error(
        tmp_path: Path, section: str) -> None:
    # Browsers read any '<![' but CDATA as a bogus comment up to the next '>'; html.parser
    # raised AssertionError ('expected name token', 'unknown status keyword'), and convert
    # printed "internal error (a bug in termkit)".
    page = f"<p>软件{section}<span>数据</span></p>\n".encode()
    code, out, err = _cli(tmp_path, page)
    assert (code, err) == (0, "")
    assert out == f"<p>軟件{section}<span>數據</span></p>\n"


def test_an_empty_page_converts_to_an_empty_page(tmp_path: Path) -> None:
    # A placeholder index.html of 0 bytes: zip() in the tokenizer raised ValueError.
    code, out, err = _cli(tmp_path, b"")
    assert (code, out, err) == (0, "", "")


@pytest.mark.parametrize("kind", ["submit", "button", "reset", "SUBMIT"])
def test_a_buttons_label_is_shown_text(tmp_path: Path, kind: str) -> None:
    # <input type=submit value=…> shows its value as the button's label, as <button> shows
    # its content; the content converted and the value kept made one form in two scripts.
    page = f'<form><input type="{kind}" value="搜索软件"><button>搜索软件</button></form>'
    out = convert_html_text(page, Converter("s2t"))
    assert out == f'<form><input type="{kind}" value="搜索軟件"><button>搜索軟件</button></form>'


@pytest.mark.parametrize(("key", "name"), [
    ("property", "og:image:alt"), ("name", "twitter:image:alt"), ("name", "application-name"),
    ("name", "apple-mobile-web-app-title"), ("property", "og:title"),
])
def test_a_meta_a_reader_sees_is_converted(key: str, name: str) -> None:
    # an image's alternative text and an application's name are shown (or read aloud) as
    # its description and title are
    page = f'<meta {key}="{name}" content="软件">'
    assert convert_html_text(page, Converter("s2t")) == f'<meta {key}="{name}" content="軟件">'


@pytest.mark.parametrize("name", ["og:image", "og:url", "viewport", "theme-color", "og:locale"])
def test_a_meta_of_data_is_left_alone(name: str) -> None:
    page = f'<meta name="{name}" content="软件">'
    assert convert_html_text(page, Converter("s2t")) == page


def test_a_text_inputs_value_stays_as_written() -> None:
    # What holds: a text field's value is data the form sends, not a label.
    page = '<input type="text" name="q" value="软件">'
    assert convert_html_text(page, Converter("s2t")) == page


def test_text_in_another_language_is_not_converted() -> None:
    # zh.wikipedia's {{lang|ja|…}}: Japanese written in Japanese kanji (国際, 東京国立博物館);
    # OpenCC's s2t wrote 國際 and 東京國立, which is neither Japanese nor what the page said.
    page = ('<p lang="zh-CN">国际交流基金（<span lang="ja">国際交流基金</span>）位于'
            '<span lang="ja-JP">東京国立博物館</span>旁</p>')
    out = convert_html_text(page, Converter("s2t"))
    assert out == ('<p lang="zh-CN">國際交流基金（<span lang="ja">国際交流基金</span>）位於'
                   '<span lang="ja-JP">東京国立博物館</span>旁</p>')


@pytest.mark.parametrize(("page", "expected"), [
    # an unclosed Japanese paragraph ends at the next one, as HTML ends it
    ('<p lang="ja">国際<p>国际', '<p lang="ja">国際<p>國際'),
    # ... and at its parent's end tag
    ('<div><span lang="ja">国際</div>国际', '<div><span lang="ja">国際</div>國際'),
    # a page a template marks English is still converted; so is a Chinese element in Japanese
    ('<html lang="en"><p>国际</p>', '<html lang="en"><p>國際</p>'),
    ('<div lang="ja">国際<span lang="zh-CN" title="国际">国际</span></div>',
     '<div lang="ja">国際<span lang="zh-CN" title="國際">國際</span></div>'),
    ('<img lang="ja" alt="国際"><img alt="国际">', '<img lang="ja" alt="国際"><img alt="國際">'),
])
def test_what_holds_another_language_ends_with_its_element(page: str, expected: str) -> None:
    assert convert_html_text(page, Converter("s2t")) == expected


@pytest.mark.parametrize("text", ["理发店的头发", "头发白了"])
def test_a_word_split_by_inline_tags_converts_as_one_word(tmp_path: Path, text: str) -> None:
    # termkit's own ruby page puts every character in a piece of its own: 头发 and 理发 came
    # back 頭發 and 理發 (OpenCC reads 发 alone as 發), where the same text as plain text,
    # or as one piece of a page, is 頭髮 and 理髮.
    ruby = tmp_path / "ruby.html"
    code, _, err = invoke("pinyin", "--to", "ruby", text, "-o", ruby)
    assert code == 0, err
    out = tmp_path / "out.html"
    code, _, err = invoke("convert", "-c", "s2t", ruby, "-o", out)
    assert code == 0, err
    body = out.read_text(encoding="utf-8").split("<body>")[1]
    shown = re.sub(r"<rt>.*?</rt>|<[^>]*>|\s", "", body)
    assert shown == opencc.OpenCC("s2t").convert(text)


@pytest.mark.parametrize(("page", "expected"), [
    ("<p>理<b>发</b>店</p>", "<p>理<b>髮</b>店</p>"),
    # a reading between the base characters is a run of its own
    ("<ruby>头<rp>(</rp><rt>tóu</rt><rp>)</rp>发<rt>fà</rt></ruby>",
     "<ruby>頭<rp>(</rp><rt>tóu</rt><rp>)</rp>髮<rt>fà</rt></ruby>"),
    # a block, a line break or a reference ends the run: the pieces convert apart, as before
    ("<p>头</p><p>发</p>", "<p>頭</p><p>發</p>"),
    ("头<br>发", "頭<br>發"),
    ("头&nbsp;发", "頭&nbsp;發"),
    ("<span>头</span>R&D<span>发</span>", "<span>頭</span>R&D<span>發</span>"),
    # a ruby with its end tags left out, as HTML allows: the readings end at </ruby>
    ("<ruby>头<rp>(<rt>tóu<rp>)</ruby><ruby>发<rt>fà</ruby>",
     "<ruby>頭<rp>(<rt>tóu<rp>)</ruby><ruby>髮<rt>fà</ruby>"),
])
def test_what_holds_runs_of_inline_text(page: str, expected: str) -> None:
    assert convert_html_text(page, Converter("s2t")) == expected


def test_a_phrase_changing_length_across_a_tag_stays_apart() -> None:
    # s2twp writes 内存 as 記憶體, one character more: no cut at the tag keeps both pieces
    # whole, so each piece is converted alone, as before
    conv = Converter("s2twp")
    page = "<p>内<b>存</b>条</p>"
    assert convert_html_text(page, conv) == (
        f"<p>{conv.convert('内')}<b>{conv.convert('存')}</b>{conv.convert('条')}</p>")


@pytest.mark.parametrize(("value", "expected"), [
    ("zh-CN, en", "zh-TW, en"), ("en,zh-Hans", "en,zh-Hant"), ("zh-CN", "zh-TW"), ("中文", "中文")])
def test_retag_of_a_content_language_list(value: str, expected: str) -> None:
    # Content-Language is a list, as HTTP's header is: a page in two languages says
    # content="zh-CN, en", and --retag left the whole value alone (no one tag is Chinese)
    page = f'<meta http-equiv="Content-Language" content="{value}"><p>软件</p>'
    out = convert_html_text(page, Converter("s2twp"), retag=True)
    assert out == f'<meta http-equiv="Content-Language" content="{expected}"><p>軟體</p>'
