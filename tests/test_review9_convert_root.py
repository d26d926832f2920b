"""`convert` of an XML file that is not of the kind it converts it as.

`convert --format xliff glossary.tmx` (or a `.xlf`/`.tbx`/`.tmx` file holding some other XML)
found no element it converts and wrote the file back unchanged, exit status 0, not a word:
the user was told the file was converted. Every other command that reads these formats
(`import`, `check`, `tm import`, `tm pretranslate`) refuses a document whose root element is
not the format's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE = ROOT / "glossaries" / "example"
XLIFF = ROOT / "tests" / "data" / "check" / "seeded.xlf"


@pytest.mark.parametrize(("kind", "source", "says"), [
    ("xliff", EXAMPLE / "glossary.tmx", "not an XLIFF file: expected root element <xliff>, found <tmx>"),
    ("tbx", EXAMPLE / "glossary.tmx", "not a TBX file: expected root element <tbx> (TBX v3) or "
                                      "<martif> (TBX v2), found <tmx>"),
    ("tmx", XLIFF, "not a TMX file: expected root element <tmx>, found <xliff>"),
    ("tmx", EXAMPLE / "glossary.tbx", "not a TMX file: expected root element <tmx>, found <tbx>"),
])
def test_a_forced_kind_that_is_not_the_file_s_is_refused(tmp_path: Path, kind: str,
                                                         source: Path, says: str) -> None:
    code, out, err = invoke("convert", "-c", "t2s", "--format", kind, source, "-o", "out",
                            cwd=tmp_path)
    assert (code, out) == (1, "")
    line = etree.parse(str(source)).getroot().sourceline
    assert err == f"Error: {source}:{line}: {says}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_for_a_kind_it_is_not_is_refused_in_place(tmp_path: Path) -> None:
    fake = tmp_path / "notes.xlf"
    fake.write_text('<?xml version="1.0"?>\n<notes><target xml:lang="zh-TW">權力</target></notes>\n',
                    encoding="utf-8")
    before = fake.read_bytes()
    code, _, err = invoke("convert", "-c", "t2s", "--in-place", fake, cwd=tmp_path)
    assert code == 1
    assert err == (f"Error: {fake}:2: not an XLIFF file: expected root element <xliff>, "
                   "found <notes>\n")
    assert fake.read_bytes() == before


@pytest.mark.parametrize("source", [
    EXAMPLE / "glossary.tmx", EXAMPLE / "glossary.tbx", XLIFF,
    ROOT / "tests" / "data" / "formats" / "tbx" / "tbx-basic-v2-sample-2013.tbx",  # <martif>
    ROOT / "tests" / "data" / "formats" / "xliff" / "sample-2.0.xlf",  # XLIFF 2.0 namespace
])
def test_files_of_their_own_kind_still_convert(tmp_path: Path, source: Path) -> None:
    code, out, err = invoke("convert", "-c", "t2s", source, cwd=tmp_path)
    assert code == 0, err
    assert out
