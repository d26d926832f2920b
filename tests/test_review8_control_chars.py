"""A control character in a term: the text exports must not write what termkit then refuses.

A glossary built in code can hold any character (the JSON and text readers refuse control
characters in terms since review11). TMX, TBX and Excel exports refuse the
control characters their formats cannot hold; CSV, TSV and OmegaT wrote them, and termkit
itself then refused the file it had written (`binary file, not text`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.errors import FormatError, InputError
from termkit.formats import get
from termkit.formats.json_glossary import read_glossary
from termkit.textio import control_character, decode_text
from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.json"


def glossary_with(text: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = json.loads(EXAMPLE.read_text("utf-8"))
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with open(path, "rb") as fh:
        glossary = read_glossary(fh, str(path))
    # Set in the model: the JSON and text readers refuse a control character in a term
    # (test_review11_glossary_control), a glossary built in code can still hold one.
    glossary.concepts[0].terms[-1].text = text
    return glossary


@pytest.mark.parametrize("char", ["\x01", "\x1f", "\x7f", "\x08"])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "omegat"])
def test_a_control_character_is_refused_by_the_text_tables(tmp_path: Path, fmt: str,
                                                            char: str) -> None:
    import io

    glossary = glossary_with(f"balance{char}of power", tmp_path)
    with pytest.raises(FormatError) as caught:
        get(fmt).write_glossary(glossary, io.BytesIO())
    assert f"U+{ord(char):04X}" in str(caught.value)
    assert glossary.concepts[0].id in str(caught.value)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "omegat"])
def test_what_the_text_tables_write_reads_back(tmp_path: Path, fmt: str) -> None:
    import io

    # Tabs, line breaks, vertical tabs and form feeds are text: written (quoted or folded
    # as each format does) and read back.
    glossary = glossary_with("balance\x0bof\x0cpower", tmp_path)
    out = io.BytesIO()
    get(fmt).write_glossary(glossary, out)
    text, _ = decode_text(out.getvalue(), "out")
    assert "balance\x0bof\x0cpower" in text


def test_control_character_is_what_decoding_calls_binary() -> None:
    for ch in map(chr, range(0x80)):
        binary = False
        try:
            decode_text(f"a{ch}b\n".encode(), "x")
        except InputError:
            binary = True
        assert (control_character(f"a{ch}b") is not None) == binary, repr(ch)
