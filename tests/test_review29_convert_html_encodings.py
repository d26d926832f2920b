"""review29: ``convert`` of HTML pages saved in the encoding their ``<meta charset>`` names.

Writing Chinese as numeric character references is what a page saved in a Western encoding
does (ISO-8859-1, windows-1252), and ``convert`` converts such references since ad92e6e; but a
page so saved that holds one Western character as itself (``©``, ``é``, a no-break space) is no
UTF-8, and ``convert`` refused the whole page ("not valid UTF-8; convert it to UTF-8 first").
Pages in Big5 or GBK/GB2312 (still common on older Taiwanese and mainland sites) were refused
the same way, though ``pinyin`` and the record readers read them by their declaration.

Now a page that is no UTF-8 and names its encoding is read in it and written back in it,
every byte outside the converted text as it was; a converted character the encoding cannot
hold (a Simplified character in a Big5 page, a Chinese one in a Western page) is written as a
numeric character reference, as browsers and editors save it.

Oracles: plain OpenCC's conversion of the text lxml's HTML parser reads from the input, against
the text it reads from the output, both decoded in the page's encoding.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import opencc
import pytest

from tests.inprocess import invoke

PAGE = """<html><head><meta charset="{charset}"><title>{title}</title></head>
<body><p>{body}</p>
<p>{latin}</p>
<script>var s = "{title}";</script>
</body></html>
"""


def _text(page: bytes, codec: str) -> str:
    tree = lxml.html.document_fromstring(page.decode(codec))
    for script in tree.iter("script"):
        script.drop_tree()
    return tree.text_content()


@pytest.mark.parametrize(("charset", "codec", "config", "title", "body", "latin"), [
    ("iso-8859-1", "cp1252", "s2t", "&#20013;&#22269;",
     "&#x8F6F;&#x4EF6;&#x5DE5;&#x7A0B; &#20869;&#23384;", "\u00a9 2020 Caf\u00e9\u00a0\u2014"),
    ("windows-1252", "cp1252", "s2twp", "&#20013;&#22269;", "&#x8F6F;&#x4EF6;", "Caf\u00e9"),
    ("big5", "cp950", "t2s", "中國", "軟體工程與記憶體", "臺灣"),
    ("gb2312", "gb18030", "s2twp", "中国", "软件工程与内存", "台湾"),
])
def test_a_page_in_its_declared_encoding_converts_and_keeps_it(
        tmp_path: Path, charset: str, codec: str, config: str, title: str, body: str,
        latin: str) -> None:
    page = PAGE.format(charset=charset, title=title, body=body, latin=latin).encode(codec)
    try:
        page.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        pytest.fail("the page must be no UTF-8")
    source = tmp_path / "page.html"
    source.write_bytes(page)
    out = tmp_path / "out.html"
    code, _, err = invoke("convert", "-c", config, str(source), "-o", str(out))
    assert code == 0, err
    written = out.read_bytes()
    assert _text(written, codec) == opencc.OpenCC(config).convert(_text(page, codec))
    assert _text(written, codec) != _text(page, codec)
    # the bytes outside the shown text, the script and the Western characters, as they were
    script = page[page.index(b"<script>"):]
    assert written.endswith(script)


def test_a_page_whose_bytes_its_declaration_cannot_read_is_still_refused(tmp_path: Path) -> None:
    page = PAGE.format(charset="big5", title="中国", body="内存", latin="x").encode("utf-16-le")
    source = tmp_path / "page.html"
    source.write_bytes(b"\xff\xfe" + page[:-3])
    code, _, err = invoke("convert", "-c", "s2t", str(source), "-o", str(tmp_path / "o.html"))
    assert code == 1 and err.startswith("Error: ") and "Traceback" not in err
    assert not (tmp_path / "o.html").exists()


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_a_western_page_without_chinese_comes_out_byte_for_byte(charset: str) -> None:
    """Every byte of a Western page, the five windows-1252 leaves undefined (0x81, 0x8D, …)
    too, which are read as the controls of their numbers as browsers read them: written back
    as the same bytes, not as references."""
    from termkit.convert import Converter
    from termkit.convert.files import convert_bytes

    text = bytes(b for b in range(256) if b not in b"<>&" and (b >= 0x20 or b in b"\t\n\r"))
    page = (f'<html><head><meta charset="{charset}"></head><body><p>'.encode()
            + text + b"</p></body></html>\n")
    assert convert_bytes(page, "p.html", Converter("s2t"), "html") == page
