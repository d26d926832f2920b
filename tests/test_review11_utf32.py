"""UTF-32 input is refused by every command alike, with what to do about it.

A UTF-32 TMX was converted by `convert` with a false warning ("no Chinese language tag marks
its Chinese text": its byte-order mark was read as UTF-16's, so no tag was found) and
copied unchanged, exit 0; `import`, `check` and `tm import` refused the same file as
"malformed XML: Start tag expected" or "Document is empty" (lxml reads UTF-32 from memory
but not through iterparse or from a file name). XML processors need only read UTF-8 and
UTF-16, and no other termkit reader takes UTF-32, so it is refused everywhere with an
iconv command, as other encodings termkit does not read are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

TMX = ('<?xml version="1.0" encoding="{enc}"?>\n<tmx version="1.4"><header srclang="en" '
       'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
       'creationtoolversion="1" o-tmf="t"/>\n<body>\n<tu><tuv xml:lang="en"><seg>software</seg>'
       '</tuv><tuv xml:lang="zh-TW"><seg>軟體</seg></tuv></tu>\n</body></tmx>\n')
XLIFF = ('<?xml version="1.0" encoding="{enc}"?>\n<xliff version="1.2" '
         'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
         'target-language="zh-TW" datatype="plaintext" original="x"><body>\n'
         '<trans-unit id="1"><source>software</source><target>軟體</target></trans-unit>\n'
         '</body></file></xliff>\n')
TBX = ('<?xml version="1.0" encoding="{enc}"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
       'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
       '<langSec xml:lang="en"><termSec><term>software</term></termSec></langSec>\n'
       '<langSec xml:lang="zh-TW"><termSec><term>軟體</term></termSec></langSec>'
       '</conceptEntry></body></text></tbx>\n')
PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-32\\n"\n"Language: zh_TW\\n"\n\n'
      'msgid "software"\nmsgstr "軟體"\n')
CSV = "en,zh-TW\nsoftware,軟體\n"
FILES = {"tmx": TMX, "xlf": XLIFF, "tbx": TBX, "po": PO, "csv": CSV}
ENCODINGS = {"utf-32": "UTF-32", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE"}


def _file(tmp_path: Path, ext: str, codec: str) -> Path:
    src = tmp_path / f"in.{ext}"
    text = FILES[ext].replace("{enc}", ENCODINGS[codec])
    src.write_bytes(text.encode(codec))  # "utf-32" writes a BOM, the others none
    return src


def commands(src: Path, tmp_path: Path) -> dict[str, tuple[list[object], int]]:
    return {
        "convert": (["convert", "-c", "t2s", src, "-o", "out" + src.suffix], 1),
        "import": (["import", src, "-o", "g.glossary.txt"], 1),
        "check": (["check", src], 2),
        "tm import": (["tm", "import", "--db", tmp_path / "tm.sqlite", src], 1),
    }


CASES = [(ext, codec, command) for ext in FILES for codec in ENCODINGS
         for command in commands(Path(), Path())
         if not (ext == "tbx" and command in ("check", "tm import"))]  # TBX: no units


@pytest.mark.parametrize(("ext", "codec", "command"), CASES)
def test_utf32_is_refused_with_what_to_do(tmp_path: Path, ext: str, codec: str,
                                          command: str) -> None:
    src = _file(tmp_path, ext, codec)
    before = src.read_bytes()
    args, status = commands(src, tmp_path)[command]
    code, _, err = invoke(*args, cwd=tmp_path)
    assert code == status, err
    assert err.splitlines() == [f"Error: {src}: UTF-32, which termkit does not read; convert it "
                                f"to UTF-8 first (iconv -f {ENCODINGS[codec]} -t UTF-8 FILE)"]
    assert src.read_bytes() == before
    assert not (tmp_path / ("out" + src.suffix)).exists()
    assert not (tmp_path / "g.glossary.txt").exists()


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
@pytest.mark.parametrize("ext", ["tmx", "xlf"])
def test_utf16_and_utf8_still_convert_and_import(tmp_path: Path, ext: str, codec: str) -> None:
    src = tmp_path / f"in.{ext}"
    src.write_bytes(FILES[ext].replace("{enc}", codec.upper().removesuffix("-SIG")).encode(codec))
    code, _, err = invoke("convert", "-c", "t2s", src, "-o", f"out.{ext}", cwd=tmp_path)
    assert code == 0, err
    assert "软体" in (tmp_path / f"out.{ext}").read_bytes().decode(codec)
    code, _, err = invoke("import", src, "-o", "g.glossary.txt", cwd=tmp_path)
    assert code == 0, err
    assert "軟體" in (tmp_path / "g.glossary.txt").read_text("utf-8")
