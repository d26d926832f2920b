"""A glossary-locked form is written into a TMX, XLIFF, TBX or CSV as that format's text.

`convert -g` replaces a locked term by the glossary's form for the target script. The form
went into the file as it was: a form holding ``&`` or ``<`` (``R&D``, ``<b>``) made the TMX,
XLIFF or TBX ill-formed, a form holding a comma or a double quote added a column to the CSV
row or ended its quoted cell, all with exit status 0. PO literals were already escaped.

A form holding a control character cannot be written to XML 1.0 at all: it is refused with
the input's position, as `termkit export` refuses it (the glossary readers now refuse such a
term first: test_review11_glossary_control).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree

from termkit.convert.converter import Converter
from termkit.convert.files import convert_bytes
from termkit.errors import FormatError
from termkit.model import Concept, Glossary, Term
from tests.inprocess import invoke


def _glossary(path: Path, hant: str) -> Path:
    escaped = hant.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    path.write_text(
        "# termkit glossary 1\n\n[c1]\nkind: keyword\nstatus: preferred\n"
        "term zh-Hans: 研发部门\n  status: preferred\n"
        f"term zh-Hant: {escaped}\n  status: preferred\n"
        "term en: R&D department\n  status: preferred\n",
        encoding="utf-8",
    )
    return path


TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
       'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
       'creationtoolversion="1" o-tmf="t"/>\n<body>\n<tu><tuv xml:lang="en"><seg>R&amp;D</seg>'
       '</tuv><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu>\n</body></tmx>\n')
XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
         'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
         'target-language="zh-CN" datatype="plaintext" original="x"><body>\n'
         '<trans-unit id="1"><source>R&amp;D</source><target>{zh}</target></trans-unit>\n'
         '</body></file></xliff>\n')
TBX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
       'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
       '<langSec xml:lang="en"><termSec><term>R&amp;D</term></termSec></langSec>\n'
       '<langSec xml:lang="zh-CN"><termSec><term>{zh}</term></termSec></langSec>'
       '</conceptEntry></body></text></tbx>\n')
XPATH = {"tmx": ".//seg", "xlf": ".//{*}target", "tbx": ".//{*}term"}
FORMS = ["研發&amp;部門", "研發<部門>", "R&D部門", "研發]]>部門", '研發"部門\'']


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("ext", "template"), [("tmx", TMX), ("xlf", XLIFF), ("tbx", TBX)])
def test_a_locked_form_is_escaped_in_xml(tmp_path: Path, ext: str, template: str,
                                         form: str) -> None:
    gloss = _glossary(tmp_path / "g.glossary.txt", form)
    src = tmp_path / f"in.{ext}"
    src.write_text(template.format(zh="关于研发部门"), encoding="utf-8")
    code, _, err = invoke("convert", "-c", "s2t", "-g", gloss, src, "-o", f"out.{ext}",
                          cwd=tmp_path)
    assert code == 0, err
    tree = etree.parse(str(tmp_path / f"out.{ext}"))  # well-formed
    texts = [e.text for e in tree.iterfind(XPATH[ext])]
    assert texts[-1] == "關於" + form


@pytest.mark.parametrize("form", FORMS)
def test_a_locked_form_is_escaped_in_a_cdata_section(tmp_path: Path, form: str) -> None:
    gloss = _glossary(tmp_path / "g.glossary.txt", form)
    src = tmp_path / "in.tmx"
    src.write_text(TMX.format(zh="<![CDATA[关于研发部门]]>"), encoding="utf-8")
    code, _, err = invoke("convert", "-c", "s2t", "-g", gloss, src, "-o", "out.tmx",
                          cwd=tmp_path)
    assert code == 0, err
    segs = etree.parse(str(tmp_path / "out.tmx")).findall(".//seg")
    assert segs[-1].text == "關於" + form


def test_markup_already_in_the_text_is_kept_as_written(tmp_path: Path) -> None:
    gloss = _glossary(tmp_path / "g.glossary.txt", "研發部門")
    src = tmp_path / "in.tmx"
    src.write_text(TMX.format(zh="研发部门 &amp; &#x4e2d;心 a > b"), encoding="utf-8")
    code, _, err = invoke("convert", "-c", "s2t", "-g", gloss, src, "-o", "out.tmx",
                          cwd=tmp_path)
    assert code == 0, err
    assert "<seg>研發部門 &amp; &#x4e2d;心 a > b</seg>" in (tmp_path / "out.tmx").read_text("utf-8")


@pytest.mark.parametrize("form", ['研發,部門', '研發"部門', "研發\n部門", "研發部門"])
@pytest.mark.parametrize("cell", ["关于研发部门", '"关于研发部门"', '"关于""研发部门"""'])
def test_a_locked_form_is_quoted_in_csv(tmp_path: Path, form: str, cell: str) -> None:
    gloss = _glossary(tmp_path / "g.glossary.txt", form)
    src = tmp_path / "in.csv"
    src.write_text(f"en,zh-CN,note\nR&D,{cell},x\n", encoding="utf-8")
    code, _, err = invoke("convert", "-c", "s2t", "-g", gloss, src, "-o", "out.csv", cwd=tmp_path)
    assert code == 0, err
    original = list(csv.reader(io.StringIO(src.read_text("utf-8"))))
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
    # A target that breaks its line where the form does not is not locked (the text keeps
    # its lines): plain OpenCC's 研發部門 stands there.
    locked = form if "\n" not in form else "研發部門"
    expected = original[1][1].replace("关于", "關於").replace("研发部门", locked)
    assert rows[1] == ["R&D", expected, "x"]


def test_a_form_a_tsv_cell_cannot_hold_is_refused(tmp_path: Path) -> None:
    gloss = _glossary(tmp_path / "g.glossary.txt", "研發\t部門")
    src = tmp_path / "in.tsv"
    src.write_text("en\tzh-CN\nx\ty\nR&D\t关于研发部门\n", encoding="utf-8")
    code, _, err = invoke("convert", "-c", "s2t", "-g", gloss, src, "-o", "out.tsv",
                            cwd=tmp_path)
    assert code == 1
    assert err.startswith(f"Error: {src}:3:")
    assert "tab" in err
    assert not (tmp_path / "out.tsv").exists()


@pytest.mark.parametrize(("ext", "template"), [("tmx", TMX), ("xlf", XLIFF), ("tbx", TBX)])
def test_a_control_character_from_the_glossary_is_refused(ext: str, template: str) -> None:
    # The glossary readers refuse such a term now (test_review11_glossary_control); a
    # glossary built in code can still hold one, and the XML it would go into cannot.
    glossary = Glossary(concepts=[Concept(id="c1", terms=[
        Term(text="研发部门", lang="zh-Hans"), Term(text="研發\x01部門", lang="zh-Hant")])])
    data = template.format(zh="关于研发部门").encode()
    kind = {"xlf": "xliff"}.get(ext, ext)
    with pytest.raises(FormatError) as caught:
        convert_bytes(data, f"in.{ext}", Converter("s2t", glossary), kind)
    line = data.split("关于".encode())[0].count(b"\n") + 1
    assert (caught.value.path, caught.value.line) == (f"in.{ext}", line)
    assert "U+0001" in str(caught.value)
