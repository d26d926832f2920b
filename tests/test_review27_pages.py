"""Review of the shared page top (:data:`termkit.htmlsafe.PAGE_TOP`) and languages
(:func:`termkit.htmlsafe.language_of`) as ``termkit pinyin`` and the record reader use them,
with pages as they are saved.

What broke before the fixes this file tests:

* an XHTML page with an ``<?xml-stylesheet …?>`` after its XML declaration, a page whose
  licence comment before the doctype runs past 1,024 bytes, and a page saved in UTF-16 with
  its byte order mark, under a name that is no page's (``.php``, ``.shtml``, no extension),
  were read as plain text by ``pinyin -i`` without the warning a page gets: their scripts and
  markup got readings;
* ``lang="zh-hakka"`` and ``lang="zh-xiang"`` (BCP 47's grandfathered tags for Hakka and
  Xiang, which ``hak`` and ``hsn`` replace) got Mandarin readings, where ``hak`` gets none.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.htmlsafe import PAGE_TOP, language_of
from termkit.records import parse_records

_BODY = "<p>中文</p><script>var 软件 = 1;</script>"


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["pinyin", *args], input=input)


_XHTML = ('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/css" href="a.css"?>\n'
          '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
          '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
          f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{_BODY}</body></html>\n')
_LICENCE = ("<!--\n" + "  Licensed under the Apache License, Version 2.0 (the \"License\");\n" * 20
            + "-->\n" f"<!DOCTYPE html>\n<html><body>{_BODY}</body></html>\n")


@pytest.mark.parametrize(("name", "data"), [
    ("page.shtml", _XHTML.encode("utf-8")),
    ("index.php", _LICENCE.encode("utf-8")),
    ("saved", codecs.BOM_UTF16_LE + f"<!DOCTYPE html><html><body>{_BODY}</body></html>\n"
     .encode("utf-16-le")),
])
def test_a_page_under_another_name_is_known_by_its_top(tmp_path: Path, name: str,
                                                        data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run("-i", str(path))
    assert result.exit_code == 0, result.stderr
    assert "looks like an HTML page but is read as plain text" in result.stderr
    assert path.read_bytes() == data
    paged = run("-i", str(path), "--page")
    assert paged.exit_code == 0, paged.stderr
    assert "var 软件 = 1;" in paged.stdout and "<rt>" in paged.stdout


def test_the_record_reader_and_pinyin_share_the_page_top() -> None:
    # both readers know the XHTML page by its top (the record reader also by its <html> tag)
    assert PAGE_TOP.match(_XHTML) and PAGE_TOP.match(_LICENCE)
    (record,) = parse_records(_XHTML.replace(_BODY, "<p>關鍵詞：網路成癮；大學生</p>").encode(),
                              "page.shtml")
    assert record.keywords_zh == ["網路成癮", "大學生"]


@pytest.mark.parametrize(("tag", "language"), [
    ("zh-hakka", "hak"), ("ZH-Xiang", "hsn"), ("i-hak", "hak"), ("zh-guoyu", "cmn"),
    ("zh-yue", "yue"), ("zh-min-nan", "nan"), ("zh-Hant-TW", "zh"), ("hak", "hak"),
])
def test_language_of_reads_grandfathered_chinese_tags(tag: str, language: str) -> None:
    assert language_of(tag) == language


@pytest.mark.parametrize("tag", ["zh-hakka", "zh-xiang", "i-hak"])
def test_hakka_and_xiang_under_their_old_tags_get_no_mandarin_readings(tag: str) -> None:
    page = f'<p>他說：<span lang="{tag}">佢係學生</span></p>'
    result = run("--page", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert f'<span lang="{tag}">佢係學生</span>' in result.stdout  # before: ruby inside
    assert result.stdout.count("<rt>") == 2  # 他說


@pytest.mark.parametrize("tag", ["nav", "aside", "header", "footer", "main", "figure", "details",
                                 "address", "fieldset", "li", "dd"])
def test_a_block_that_closes_a_paragraph_ends_its_language(tmp_path: Path, tag: str) -> None:
    # HTML's "in body" rules close an open <p> at these start tags: what follows is not the
    # paragraph's Japanese (before: no readings, and convert left it unconverted)
    page = f'<p lang="ja">日本語<{tag}>中文</{tag}>'
    result = run("--page", "--to", "inline", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f'<p lang="ja">日本語<{tag}>中文(Zhōngwén)</{tag}>'
    source = tmp_path / "page.html"
    source.write_text(f'<p lang="ja">日本語<{tag}>简体中文</{tag}>', encoding="utf-8")
    converted = CliRunner().invoke(cli, ["convert", "-c", "s2t", str(source)])
    assert converted.exit_code == 0, converted.stderr
    assert converted.stdout == f'<p lang="ja">日本語<{tag}>簡體中文</{tag}>'
    # Japanese in the paragraph itself is left as written
    source.write_text('<p lang="ja">简体<span>学习</span>', encoding="utf-8")
    kept = CliRunner().invoke(cli, ["convert", "-c", "s2t", str(source)])
    assert kept.stdout == '<p lang="ja">简体<span>学习</span>'



def test_a_paragraph_of_japanese_still_holds_its_inline_text() -> None:
    page = '<p lang="ja">日本語<span>漢字</span><b>学生</b></p><p>中文</p>'
    result = run("--page", "--to", "inline", "-", input=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == '<p lang="ja">日本語<span>漢字</span><b>学生</b></p><p>中文(Zhōngwén)</p>'


# ------------------------------------------------------------------ the declared encoding

_GBK_PAGE = ('<!DOCTYPE html><html><head>\n'
             '<!-- <meta http-equiv="Content-Type" content="text/html; charset=big5"> -->\n'
             '<meta name="description" content="legacy page, charset=big5 once">\n'
             '<meta charset="gbk"><title>t</title></head><body>\n'
             '<p>关键词：网络成瘾；大学生；心理健康</p>\n'
             '<p>Keywords: internet addiction; college students; mental health</p>\n'
             '</body></html>\n')


def test_a_commented_out_meta_charset_does_not_decide_the_encoding(tmp_path: Path) -> None:
    # HTML's prescan skips comments, and a content names an encoding only beside
    # http-equiv="Content-Type": this GBK page was read as Big5 (壽瑩棵ㄩ厙釐傖颸 …), by
    # the record reader and by pinyin, silently
    from termkit.records.htmlpage import declared_encoding

    data = _GBK_PAGE.encode("gbk")
    assert declared_encoding(data) == ("gb18030",)
    (record,) = parse_records(data, "page.html")
    assert record.keywords_zh == ["网络成瘾", "大学生", "心理健康"]
    path = tmp_path / "page.html"
    path.write_bytes(data)
    result = run("-i", str(path), "--to", "inline")
    assert result.exit_code == 0, result.stderr
    assert "<p>关键词(guānjiàncí)" in result.stdout
    assert path.read_bytes() == data
