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


_CJK = re.compile(r"[\u2e80-\U0010ffff]")


def _as_references(page: str) -> str:
    """``page`` with every CJK character outside scripts, styles and comments written as a
    numeric character reference, decimal and hexadecimal in turn (``&#20013;``, ``&#x570B;``),
    as a page saved in a Western encoding writes Chinese."""
    parts = re.split(r"(<script.*?</script>|<style.*?</style>|<!--.*?-->)", page, flags=re.S)
    n = iter(range(10**9))

    def ref(m: re.Match[str]) -> str:
        return f"&#{ord(m.group())};" if next(n) % 2 else f"&#x{ord(m.group()):X};"

    return "".join(p if i % 2 else _CJK.sub(ref, p) for i, p in enumerate(parts))


@pytest.mark.parametrize("config", ["s2twp", "s2t"])
def test_chinese_written_as_character_references_converts_as_the_text_it_is(config: str) -> None:
    """A page that writes its Chinese as character references (``&#20013;&#22269;``) reads, in
    a browser, as the same text as the page written in characters: its conversion reads so
    too (the references were kept as written and nothing converted), and writes the converted
    characters as references again, so the page stays in the encoding it chose. The oracle:
    lxml reads the texts of both conversions."""
    page = PAGE.read_text(encoding="utf-8")
    refs = _as_references(page)
    assert refs != page
    out = convert_bytes(refs.encode("utf-8"), "refs.html", Converter(config), "html")
    literal = convert_bytes(page.encode("utf-8"), "page.html", Converter(config), "html")
    assert _texts(lxml.html.document_fromstring(out)) == _texts(
        lxml.html.document_fromstring(literal))
    code = re.findall(r"<script.*?</script>|<style.*?</style>|<!--.*?-->", page, re.S)
    outside = out.decode("utf-8")
    for block in code:
        outside = outside.replace(block, "")
    assert not _CJK.search(outside)  # every character still a reference
    assert "&#x" in outside and re.search(r"&#[0-9]", outside)


def test_a_phrase_of_another_length_written_in_references() -> None:
    """A phrase whose conversion changes its length (内存 -> 記憶體 in s2twp) cannot be cut back
    at its references: written in references alone, it is written in references again; next to
    characters written as characters, each run of references converts as a text of its own and
    is written in references again (review29: they stayed as written, so 内 was left in a
    Traditional page)."""
    plain = opencc.OpenCC("s2twp")
    word = "内存"
    assert len(plain.convert(word)) != len(word)
    refs = "".join(f"&#{ord(c)};" for c in word)
    out = convert_bytes(f"<p>{refs}</p>\n<p>存{refs}</p>\n".encode(), "p.html", Converter("s2twp"),
                        "html").decode()
    first, second = out.split("\n")[:2]
    assert lxml.html.fragment_fromstring(first).text == plain.convert(word)
    assert not _CJK.search(first)
    assert second == "<p>" + plain.convert("存") + "".join(
        f"&#{ord(c)};" for c in plain.convert(word)) + "</p>"
