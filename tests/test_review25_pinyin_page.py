"""Review of `termkit pinyin` of HTML pages: what real pages hold that the first tests did not.

Each case is a page shape found on real sites (old Big5 pages saved on Windows with CRLF line
ends, pages whose only encoding declaration is a byte order mark, ``content='…;
charset="big5"'`` with the charset quoted, inline SVG and MathML, ``<xmp>`` and ``<iframe>``
fallback text). The oracles: the page itself (taking the readings out gives it back byte for
byte), what the page says its encoding is against the bytes written, and the HTML standard's
tree construction for what must not get markup (a ``<ruby>`` start tag inside SVG's ``<text>``
ends the ``<svg>`` element, so everything after it falls out of the drawing; ``<xmp>``,
``<iframe>``, ``<noembed>``, ``<noframes>`` and ``<plaintext>`` hold raw text, where a ruby's
tags would be shown as text).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli

_RUBY_MARKUP = re.compile(r"<rt>[^<]*</rt>|</?ruby>")
_READINGS = re.compile(r"<rt>([^<]*)</rt>")
_PAGE = ('<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html">\r\n'
         "<title>關於</title>\r\n</head>\r\n<body>\r\n<p>說明文件</p>\r\n</body>\r\n</html>\r\n")


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["pinyin", *args], input=input)


def _pinyin_of(tmp_path: Path, data: bytes, name: str = "page.html") -> bytes:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out.html"
    result = run("-i", str(src), "-o", str(out))
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    assert src.read_bytes() == data  # the input is never modified
    return out.read_bytes()


def test_line_ends_and_a_utf8_byte_order_mark_are_kept(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + _PAGE.encode("utf-8")
    written = _pinyin_of(tmp_path, data)
    assert b"<ruby>" in written
    # taking the readings out gives the page back byte for byte: its CRLFs and its BOM (a page
    # that declares no charset is read by the BOM alone: without it a browser guesses)
    assert _RUBY_MARKUP.sub("", written.decode("utf-8")).encode("utf-8") == data


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "big5"])
def test_a_page_that_declares_no_encoding_comes_out_saying_it_is_utf8(
        tmp_path: Path, encoding: str) -> None:
    # A UTF-16 page says its encoding by its BOM; a GB or Big5 page with no meta charset is
    # read in the browser's locale encoding. Written in UTF-8 with neither, a browser reads the
    # UTF-8 bytes as windows-1252, GBK or Big5: mojibake. A UTF-8 BOM says UTF-8 before any
    # other declaration or guess.
    written = _pinyin_of(tmp_path, _PAGE.encode(encoding))
    assert written.startswith(codecs.BOM_UTF8)
    back = _RUBY_MARKUP.sub("", written[3:].decode("utf-8"))
    assert back == _PAGE


def test_a_page_in_utf8_without_a_declaration_gets_no_bom(tmp_path: Path) -> None:
    written = _pinyin_of(tmp_path, _PAGE.encode("utf-8"))
    assert _RUBY_MARKUP.sub("", written.decode("utf-8")).encode("utf-8") == _PAGE.encode("utf-8")


@pytest.mark.parametrize("content", [
    """'text/html; charset="big5"'""",
    """"text/html; charset='big5'"  """,
    """'text/html;charset= "Big5" '""",
])
def test_a_quoted_charset_in_a_content_type_is_made_utf8(tmp_path: Path, content: str) -> None:
    page = f'<meta http-equiv="Content-Type" content={content}>\n<p>說明文件</p>\n'
    written = _pinyin_of(tmp_path, page.encode("big5")).decode("utf-8")
    assert "big5" not in written.lower(), written
    assert re.search(r"""charset=\s*["']?utf-8""", written), written
    assert _RUBY_MARKUP.sub("", written) == page.replace("Big5", "utf-8").replace("big5", "utf-8")


@pytest.mark.parametrize("page", [
    # SVG: a <ruby> start tag in foreign content ends the <svg> (HTML tree construction)
    '<p>圖</p><svg viewBox="0 0 9 9"><text x="1" y="5">中文</text><rect width="1" height="1"/>'
    "</svg>",
    '<p>圖</p><svg><g><text>中文<tspan>說明</tspan></text></g></svg>',
    '<p>式</p><math><mi>中</mi><mtext>中文</mtext></math>',
    # raw text elements: the parser shows their content as text, tags and all
    "<p>例</p><xmp>中文</xmp>",
    "<p>例</p><iframe>中文</iframe>",
    "<p>例</p><noembed>中文</noembed><noframes>中文</noframes>",
    "<p>例</p><plaintext>中文",
])
def test_text_where_markup_cannot_go_gets_no_readings(page: str) -> None:
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    first, rest = page.split("</p>", 1)
    assert result.stdout.startswith(first[:3] + "<ruby>")  # the paragraph before: readings
    assert result.stdout.split("</p>", 1)[1] == rest  # the rest: as it was


def test_svg_foreign_object_holds_html_that_gets_readings() -> None:
    page = '<svg><foreignObject width="9" height="9"><p>中文</p></foreignObject></svg>'
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert "<p><ruby>中<rt>" in result.stdout
    assert _RUBY_MARKUP.sub("", result.stdout) == page


@pytest.mark.parametrize("meta", [
    # FrontPage and other old editors wrote the content type unquoted; HTML (and html.parser)
    # read an unquoted value up to a space or '>', '=' and all
    "<META http-equiv=Content-Type content=text/html;charset=big5>",
    "<meta http-equiv=content-type content=text/html;charset=big5 >",
])
def test_an_unquoted_content_type_naming_an_encoding_is_made_utf8(tmp_path: Path, meta: str) -> None:
    page = f"<html><head>{meta}</head><body><p>說明文件</p></body></html>\n"
    written = _pinyin_of(tmp_path, page.encode("big5")).decode("utf-8")
    assert "big5" not in written.lower(), written
    assert _RUBY_MARKUP.sub("", written) == page.replace("big5", "utf-8")


def test_a_meta_content_that_is_no_content_type_is_left_as_it_is() -> None:
    # Browsers read a charset from a meta's content only with http-equiv="content-type" (the
    # HTML standard's prescan: "need pragma"); a description about charsets is text.
    page = ('<meta name="description" content="網頁的 charset=big5 設定">'
            '<meta property="og:title" content="charset=gbk">'
            '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>书</p>')
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(page.split("<meta http-equiv")[0])
    assert 'content="text/html; charset=utf-8"' in result.stdout


@pytest.mark.parametrize("tag", ["yue", "zh-yue", "yue-Hant-HK", "nan", "zh-min-nan", "hak"])
def test_cantonese_marked_as_such_gets_no_mandarin_readings(tag: str) -> None:
    # Mandarin readings of Cantonese (佢哋係 -> qú diè xì) mislead; the Mandarin around it
    # and Mandarin or Classical Chinese marked as such still get theirs
    page = f'<p>他說：<span lang="{tag}">佢哋係學生</span><i lang="zh-cmn">學生</i></p>'
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert f'<span lang="{tag}">佢哋係學生</span>' in result.stdout
    assert result.stdout.count("<rt>") == 4  # 他說 and 學生


def test_chinese_written_as_character_references_gets_readings() -> None:
    # Chinese a page writes as character references (&#20013;&#25991;: pages saved from
    # Latin-1 editors, Big5 pages with HKSCS characters) is read as the characters, and the
    # references stay the ruby bases as written
    result = run("--page", "-", input="<p>&#20013;&#25991;</p>")
    assert result.exit_code == 0, result.stderr
    assert "<rt>" in result.stdout
    assert _RUBY_MARKUP.sub("", result.stdout) == "<p>&#20013;&#25991;</p>"
    # the readings are those of the characters written out
    written = run("--page", "-", input="<p>中文</p>")
    assert _READINGS.findall(result.stdout) == _READINGS.findall(written.stdout)


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "us-ascii"])
def test_a_western_page_with_chinese_as_references_gets_readings(tmp_path: Path, charset: str
                                                                 ) -> None:
    # a page saved in a Western encoding holds Chinese only as references; it was refused
    # as undecodable (é is no UTF-8, Big5 or GB18030 byte) and now reads as a browser reads it
    page = (f'<html><head><meta charset="{charset}"></head><body>'
            "<p>Caf\u00e9 &#20013;&#25991;</p></body></html>")
    # (browsers read all three labels as windows-1252, us-ascii too)
    written = _pinyin_of(tmp_path, page.encode("cp1252"))
    text = written.decode("utf-8")
    assert '<meta charset="utf-8">' in text and "<rt>" in text
    assert _RUBY_MARKUP.sub("", text) == page.replace(charset, "utf-8")


def test_a_word_a_character_reference_cuts_is_read_whole() -> None:
    # 行 in 银行 is read háng only when the word is read whole: a reference for 银 must not
    # cut it into 银 and 行 (xíng)
    whole = run("--page", "-", input="<p>银行</p>")
    cut = run("--page", "-", input="<p>&#38134;行</p>")
    assert whole.exit_code == cut.exit_code == 0, cut.stderr
    assert _READINGS.findall(cut.stdout) == _READINGS.findall(whole.stdout)
    assert "háng" in _READINGS.findall(whole.stdout)
    assert "&#38134;<rt>" in cut.stdout and _RUBY_MARKUP.sub("", cut.stdout) == "<p>&#38134;行</p>"


def test_references_that_are_not_chinese_are_kept_and_inline_keeps_the_references() -> None:
    page = "<p>A &amp; B&nbsp;&#x4e2d;&#x6587;&lt;</p>"
    result = run("--page", "--format", "inline", "-", input=page)
    assert result.exit_code == 0, result.stderr
    # the same readings as the characters written out, after the references as written
    written = run("--page", "--format", "inline", "-", input="<p>中文</p>")
    reading = written.stdout[len("<p>中文"):-len("</p>")]
    assert reading.startswith("(") and result.stdout == f"<p>A &amp; B&nbsp;&#x4e2d;&#x6587;{reading}&lt;</p>"


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_a_stray_control_character_in_a_page_is_kept_not_refused(
        tmp_path: Path, encoding: str) -> None:
    # Text pasted from word processors leaves backspaces and unit separators in real pages;
    # a browser shows the page (and `convert` converts it), so pinyin must not call it binary.
    page = "<html><body>\n<p>說明\x08文件</p>\n<p>\x1f書</p>\n</body></html>\n"
    written = _pinyin_of(tmp_path, page.encode(encoding))
    text = written.decode("utf-8").removeprefix("\ufeff")
    assert "<ruby>說<rt>" in text
    assert _RUBY_MARKUP.sub("", text) == page


def test_a_page_with_nul_bytes_is_still_refused_as_binary(tmp_path: Path) -> None:
    src = tmp_path / "page.html"
    src.write_bytes(b"<p>\x00\x01\x02\x03\xff\xfe</p>" * 50)
    result = run("-i", str(src), "-o", str(tmp_path / "out.html"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {src}: binary file")
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("page", [
    # an online editor's textarea holding a page (tutorial sites' "try it" pages): its meta is
    # text to the browser, not the outer page's declaration
    '<html><head><meta charset="utf-8"></head><body><p>例</p><form><textarea>'
    '<html><head><meta charset="gbk"><title>教程</title></head><body><h1>标题</h1></body>'
    "</html></textarea></form></body></html>",
    # an end tag inside raw text ends nothing: the text after it is still the textarea's
    "<div><p>例</p><textarea></div>中文</textarea></div>",
    "<div><p>例</p><xmp></div>中文</xmp></div>",
    "<div><p>例</p><title></div>中文</title></div>",
])
def test_tags_inside_raw_text_are_text(page: str) -> None:
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("<ruby>") == 1  # 例 alone
    assert _RUBY_MARKUP.sub("", result.stdout) == page


@pytest.mark.parametrize("rest", [
    # left open to the end of the page: html.parser gives them as text up to their first '>',
    # a browser reads a bogus comment there (ended by that '>'), so a ruby's '>' would end it
    # early and show what it hid (here a <div>)
    "<![CDATA[书 <div>",
    "<![if 书 <div>",
    "<!x 书 <div>",
    # a comment left open runs to the end of the page
    "<!-- 书 <div> 书 </div>",
])
def test_a_construct_left_open_gets_no_readings(rest: str) -> None:
    page = "<p>例</p>" + rest
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<p><ruby>例<rt>")
    assert result.stdout.split("</p>", 1)[1] == rest


def test_convert_reads_an_unquoted_value_to_its_end() -> None:
    # The shared attribute pattern stopped an unquoted value at '=' or a backtick: convert
    # wrote alt="國際"=国际, a browser's alt '"國際"=国际' (quotes and the second word
    # unconverted); HTML reads an unquoted value to a space or '>'.
    from termkit.convert import Converter
    from termkit.convert.html import convert_html_text

    out = convert_html_text("<p><img alt=国际=国际 title=a`国际></p>", Converter("s2t"))
    assert out == '<p><img alt="國際=國際" title="a`國際"></p>'


def test_an_xml_declaration_alone_does_not_say_the_encoding_to_an_html_reader(
        tmp_path: Path) -> None:
    # XHTML 1.0 served as text/html (old Chinese sites): browsers reading HTML ignore the XML
    # declaration's encoding, so with no meta the page was read in the locale's encoding; in
    # UTF-8 it needs the BOM, which XML readers take too.
    page = ('<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>说明</title></head><body><p>说明文件</p></body></html>\n")
    written = _pinyin_of(tmp_path, page.encode("gb2312"))
    assert written.startswith(codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="utf-8"?>')
    assert _RUBY_MARKUP.sub("", written[3:].decode("utf-8")) == page.replace("gb2312", "utf-8")
