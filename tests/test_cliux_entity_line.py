"""A refused entity declaration is reported at its own line, not at line 1.

TMX, TBX and XLIFF are parsed safely and a document that declares entities is refused, but
the error always said `FILE:1:` wherever the declaration was (a DOCTYPE after a comment or
a long internal subset put it many lines down). Each reader, each way in (file, stdin, the
library on a stream, convert's parse of the whole bytes), now names the line where its
first `<!ENTITY` starts.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from termkit.errors import FormatError
from termkit.formats import tbx, tmx, xliff
from tests.inprocess import invoke

PROLOG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment
     over two lines -->
<!DOCTYPE {root} [
  <!ELEMENT {root} ANY>

  <!ENTITY {space}ent "x">
]>
"""
LINE = 7  # of the <!ENTITY above

BODIES = {
    "tmx": '<tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
           'segtype="phrase" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>'
           '<body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh-TW"><seg>甲</seg>'
           '</tuv></tu></body></tmx>\n',
    "tbx": '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
           '<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text>'
           '<body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term>'
           '</termSec></langSec></conceptEntry></body></text></tbx>\n',
    "xliff": '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
             'original="f" source-language="en" target-language="zh-TW" datatype="plaintext">'
             '<body><trans-unit id="1"><source>a</source><target>甲</target></trans-unit></body>'
             '</file></xliff>\n',
}
EXT = {"tmx": "tmx", "tbx": "tbx", "xliff": "xlf"}


def document(root: str, parameter: bool = False, encoding: str = "utf-8") -> bytes:
    text = PROLOG.format(root=root, space="% " if parameter else "") + BODIES[root]
    if encoding != "utf-8":
        text = text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    return text.encode(encoding)


READERS: dict[str, Callable[[bytes], object]] = {
    "tmx-units": lambda d: list(tmx.iter_units(io.BytesIO(d), "t.tmx")),
    "tmx-glossary": lambda d: tmx.read_glossary(io.BytesIO(d), "t.tmx"),
    "tbx": lambda d: tbx.read_glossary(io.BytesIO(d), "t.tbx"),
    "xliff": lambda d: list(xliff.iter_units(io.BytesIO(d), "t.xlf")),
}


@pytest.mark.parametrize("parameter", [False, True], ids=["general", "parameter"])
@pytest.mark.parametrize("reader", READERS)
def test_the_library_names_the_line(reader: str, parameter: bool) -> None:
    data = document(reader.split("-")[0], parameter)
    with pytest.raises(FormatError, match="entity declarations are not allowed") as info:
        READERS[reader](data)
    assert info.value.line == LINE


@pytest.mark.parametrize("reader", READERS)
def test_a_utf16_document_too(reader: str) -> None:
    data = document(reader.split("-")[0], encoding="utf-16")
    with pytest.raises(FormatError, match="entity declarations are not allowed") as info:
        READERS[reader](data)
    assert info.value.line == LINE


# (tm import reads translation units, which a TBX does not hold.)
WAYS = [(how, root) for how in ("file", "stdin", "convert", "tm-import") for root in BODIES
        if (how, root) != ("tm-import", "tbx")]


@pytest.mark.parametrize(("how", "root"), WAYS, ids=[f"{h}-{r}" for h, r in WAYS])
def test_every_command_names_the_line(tmp_path: Path, root: str, how: str) -> None:
    name = f"in.{EXT[root]}"
    (tmp_path / name).write_bytes(document(root))
    args = {"file": ["import", name, "-o", "out.txt"],
            "stdin": ["import", "-", "--format", root, "-o", "out.txt"],
            "convert": ["convert", "-c", "s2t", name, "-o", "out." + EXT[root]],
            "tm-import": ["tm", "import", name, "--db", "tm.sqlite"]}[how]
    where = "-" if how == "stdin" else name
    code, _out, err = invoke(*args, cwd=tmp_path, input=document(root))
    assert code == 1
    assert err == f"Error: {where}:{LINE}: entity declarations are not allowed (found 'ent')\n"
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("root", ["tmx", "xliff"])
def test_check_names_the_line(tmp_path: Path, root: str) -> None:
    name = f"in.{EXT[root]}"
    (tmp_path / name).write_bytes(document(root))
    code, _out, err = invoke("check", name, cwd=tmp_path)
    assert code == 2  # status 1 means findings
    assert err == f"Error: {name}:{LINE}: entity declarations are not allowed (found 'ent')\n"
