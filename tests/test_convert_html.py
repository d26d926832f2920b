"""Converting an HTML page converts the text a reader sees and nothing else.

``convert`` of a ``.html`` file read it as plain text: the identifiers and JSON keys of its
scripts, its style sheets and its comments were converted too (``var 软件`` -> ``var 軟體``,
breaking the script's look-ups), and ``--retag`` left ``lang="zh-CN"`` on a Traditional page.
The oracles: lxml's HTML parser (a parser termkit does not use for this) reads both pages, and
plain OpenCC converts each text node and shown attribute of the input; everything else must
come out byte for byte (the page with its text and shown attributes blanked is identical).
The page (``tests/data/convert/page_zh_cn.html``, written for this test) holds what real pages
do: meta descriptions, a JSON script, a style sheet, comments, entities, inline tags, an
unquoted attribute, ``<pre><code>``, a stray ``<`` in text.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import opencc
import pytest

from termkit.convert import Converter
from termkit.convert.files import convert_bytes, detect_kind
from tests.inprocess import invoke

PAGE = Path(__file__).parent / "data" / "convert" / "page_zh_cn.html"
SHOWN = ("title", "alt", "placeholder", "summary", "aria-label")


def _convert(retag: bool = False) -> bytes:
    return convert_bytes(PAGE.read_bytes(), str(PAGE), Converter("s2twp"), "html", retag=retag)


def _texts(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(where, text) of every text node and shown attribute outside scripts and styles."""
    out: list[tuple[str, str]] = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            out.append(("comment", el.text or ""))
            continue
        if el.tag not in ("script", "style") and el.text:
            out.append((f"{el.tag}.text", el.text))
        if el.tail:
            out.append((f"{el.tag}.tail", el.tail))
        for name in SHOWN:
            if name in el.attrib:
                out.append((f"{el.tag}@{name}", el.attrib[name]))
        if el.tag == "meta" and ("name" in el.attrib or "property" in el.attrib):
            out.append((f"meta@content {el.get('name') or el.get('property')}", el.get("content", "")))
    return out


def test_html_is_its_own_kind() -> None:
    assert detect_kind("a.html") == detect_kind("b.HTM") == "html"


def test_visible_text_converts_as_opencc_converts_it() -> None:
    plain = opencc.OpenCC("s2twp")
    before = _texts(lxml.html.document_fromstring(PAGE.read_bytes()))
    after = _texts(lxml.html.document_fromstring(_convert()))
    assert [w for w, _ in after] == [w for w, _ in before]
    changed = 0
    for (where, old), (_, new) in zip(before, after, strict=True):
        if where == "comment" or where.startswith("meta@content viewport"):
            assert new == old, where  # comments and the viewport are no reader's text
            continue
        assert new == plain.convert(old), (where, old, new)
        changed += new != old
    assert changed >= 15


def test_code_and_markup_come_out_byte_for_byte() -> None:
    page, out = PAGE.read_text(encoding="utf-8"), _convert().decode("utf-8")
    for block in re.findall(r"<script.*?</script>|<style.*?</style>|<!--.*?-->", page, re.S):
        assert block in out
    for attribute in ('href="/软件/"', 'id="软件"', 'src="图片/鼠标.png"', 'name="反馈"',
                      'href="/static/样式.css"', 'lang="zh-CN"'):
        assert attribute in out  # links, ids and names are not text; no --retag
    assert "&nbsp;" in out and "&amp;" in out and "&mdash;" in out and "a &lt; b" in out


def test_retag_names_the_target_variant() -> None:
    out = _convert(retag=True).decode("utf-8")
    assert '<html lang="zh-TW">' in out
    assert '<meta http-equiv="content-language" content="zh-TW">' in out
    assert out.replace('lang="zh-TW"', 'lang="zh-CN"').replace(
        'content="zh-TW"', 'content="zh-CN"') == _convert().decode("utf-8")


@pytest.mark.parametrize("args", [[], ["--format", "html"]])
def test_cli(tmp_path: Path, args: list[str]) -> None:
    source = tmp_path / ("page.html" if not args else "page.txt")
    source.write_bytes(PAGE.read_bytes())
    out = tmp_path / "out.html"
    code, _, err = invoke("convert", "-c", "s2twp", *args, source, "-o", out)
    assert code == 0, err
    assert out.read_bytes() == _convert()
