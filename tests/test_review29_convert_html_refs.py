"""review29: ``convert`` of HTML pages whose Chinese is written as numeric character references,
tried as pages in the wild write them.

- A reference to a UTF-16 surrogate (``&#xD800;``, a page that wrote a character outside the
  BMP as two references, as some old editors do) is no character: a browser shows U+FFFD. It
  was read as a CJK character, and converting it crashed with an internal error
  (``UnicodeEncodeError``) instead of keeping it as written.
- A reference with leading zeros (``&#0000020013;``, ``&#x0000570B;``) is the character a
  browser shows: it converts like any other.
- Next to characters written as characters, references of a phrase that changes length
  (``存&#x5185;&#x5B58;``, 内存 -> 記憶體 in s2twp) were kept as written, so the page kept a
  Simplified character in its Traditional text; each run of references now converts as its own
  text and is written as references again.

Oracles: plain OpenCC's conversion of the characters a browser reads (lxml's HTML parser reads
the page, a parser the conversion does not use), and the input's own bytes outside the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import opencc
import pytest

from termkit.convert import Converter
from termkit.convert.files import convert_bytes
from tests.inprocess import invoke

_CJK = re.compile(r"[\u2e80-\U0010ffff]")


def _convert(page: str, config: str = "s2twp") -> str:
    return convert_bytes(page.encode("utf-8"), "p.html", Converter(config), "html").decode()


@pytest.mark.parametrize("ref", ["&#xD800;", "&#55357;", "&#xdfff;"])
def test_a_reference_to_a_surrogate_is_kept_as_written(tmp_path: Path, ref: str) -> None:
    page = f"<p>{ref}&#20013;&#22269;</p>\n<p title=\"{ref}国\">x</p>\n"
    source = tmp_path / "p.html"
    source.write_text(page, encoding="utf-8")
    out = tmp_path / "out.html"
    code, _, err = invoke("convert", "-c", "s2t", str(source), "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.count(ref) == 2  # no character: as written, where it stood
    first = lxml.html.fragment_fromstring(text.split("\n")[0])
    assert first.text.replace("\ufffd", "") == opencc.OpenCC("s2t").convert("中国")


@pytest.mark.parametrize("ref", ["&#0000022269;", "&#x0000056FD;", "&#X56fd;"])
def test_a_reference_with_leading_zeros_converts(ref: str) -> None:
    out = _convert(f"<p>中{ref}</p>", "s2t")
    text = lxml.html.fragment_fromstring(out).text
    assert text == opencc.OpenCC("s2t").convert("中国")
    assert not _CJK.search(out.replace("中", ""))  # the reference is written as one again


def test_references_of_a_phrase_of_another_length_beside_characters_convert() -> None:
    plain = opencc.OpenCC("s2twp")
    word = "内存"
    assert len(plain.convert(word)) != len(word)
    refs = "".join(f"&#x{ord(c):X};" for c in word)
    out = _convert(f"<p>存{refs}</p>")
    text = lxml.html.fragment_fromstring(out).text
    assert text == plain.convert("存") + plain.convert(word)
    assert _CJK.sub("", out).count("&#x") == len(plain.convert(word))  # as references again
