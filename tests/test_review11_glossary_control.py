"""A control character in a glossary term is refused by the termkit text and JSON glossary
readers, and the text writer never writes one.

Every other glossary reader already refuses it: a CSV, TSV or OmegaT file holding one is
"binary file, not text", TMX/TBX/XLIFF cannot hold it (XML 1.0), and the CSV/TSV/OmegaT and
XML writers refuse to write it. The text format and JSON let it through: `import` copied it
into a glossary.txt, `convert -g` locked a term to it (writing it into the converted files)
and `export --to csv` then refused the glossary that `import` had accepted.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from termkit.errors import FormatError
from termkit.formats.termkit_text import dumps, read_glossary
from termkit.model import Concept, Glossary, Term
from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"
TEXT = ("# termkit glossary 1\n\n[c1]\nkind: keyword\nstatus: preferred\n"
        "term zh-Hant: 軟{ch}體\n  status: preferred\nterm en: software\n  status: preferred\n")


@pytest.mark.parametrize("ch", ["\x00", "\x01", "\x1b", "\x7f"])
def test_the_text_reader_refuses_a_control_character(ch: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_glossary(io.BytesIO(TEXT.format(ch=ch).encode()), "g.glossary.txt")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("g.glossary.txt", 6, 16)
    assert f"U+{ord(ch):04X}" in str(caught.value)


@pytest.mark.parametrize("ch", ["\t", "\f", "\v"])
def test_whitespace_the_text_files_allow_still_reads(ch: str) -> None:
    text = TEXT.format(ch="").replace("status: preferred\nterm zh", f"status: preferred{ch}\nterm zh", 1)
    glossary = read_glossary(io.BytesIO(text.encode()), "g.glossary.txt")
    assert [t.text for t in glossary.concepts[0].terms] == ["軟體", "software"]


def test_the_example_glossary_still_reads() -> None:
    glossary = read_glossary(io.BytesIO(EXAMPLE.read_bytes()), str(EXAMPLE))
    assert glossary.concepts


def test_the_text_writer_refuses_a_control_character() -> None:
    glossary = Glossary(concepts=[Concept(id="c9", terms=[Term(text="軟\x01體", lang="zh-Hant")])])
    with pytest.raises(FormatError) as caught:
        dumps(glossary)
    assert "c9" in str(caught.value) and "U+0001" in str(caught.value)


def test_the_json_reader_refuses_a_control_character_in_a_term(tmp_path: Path) -> None:
    src = tmp_path / "g.json"
    src.write_text('{"format": "termkit-glossary", "version": 1, "concepts": [{"id": "c1", '
                   '"terms": [{"lang": "zh-Hant", "text": "軟\\u0001體"}]}]}', encoding="utf-8")
    code, _, err = invoke("import", src, "-o", "g.glossary.txt", cwd=tmp_path)
    assert code == 1
    assert err.startswith(f"Error: {src}: ")
    assert "U+0001" in err and err.count("\n") == 1
    assert not (tmp_path / "g.glossary.txt").exists()


def test_import_refuses_a_text_glossary_holding_one(tmp_path: Path) -> None:
    src = tmp_path / "in.glossary.txt"
    src.write_text(TEXT.format(ch="\x01"), encoding="utf-8")
    code, _, err = invoke("import", src, "-o", "out.glossary.txt", cwd=tmp_path)
    assert code == 1
    assert err.startswith(f"Error: {src}:6:16: ")
    assert not (tmp_path / "out.glossary.txt").exists()
