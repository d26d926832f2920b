"""XML nested deeper than libxml2's safe limit (256 elements) is refused in termkit's words.

The message was libxml2's "Excessive depth in document: 256, use XML_PARSE_HUGE option":
advice about an option of the C library that no termkit user can set, and that termkit
leaves off on purpose (review8 reworded the same advice for the size limit, not this one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
       'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" '
       'creationtoolversion="1" o-tmf="x"/>\n<body><tu><tuv xml:lang="en"><seg>x</seg></tuv>'
       '<tuv xml:lang="zh-TW"><seg>{inner}</seg></tuv></tu></body></tmx>\n')


@pytest.mark.parametrize("command", [["import", "{f}", "-o", "g.glossary.txt"],
                                     ["convert", "-c", "t2s", "{f}", "-o", "out.tmx"],
                                     ["tm", "import", "--db", "tm.sqlite", "{f}"],
                                     ["check", "{f}"]])
def test_deep_nesting_is_refused_in_termkit_words(tmp_path: Path, command: list[str]) -> None:
    src = tmp_path / "deep.tmx"
    src.write_text(TMX.format(inner="<ph>" * 400 + "權力" + "</ph>" * 400), encoding="utf-8")
    code, _, err = invoke(*[a.replace("{f}", str(src)) for a in command], cwd=tmp_path)
    assert code in (1, 2)
    line = err.splitlines()[-1] if code == 1 else err.splitlines()[0]
    assert line.startswith(f"Error: {src}:3:"), err
    assert "XML_PARSE_HUGE" not in err
    assert "elements nested more than 256 deep" in line, line


def test_nesting_under_the_limit_still_reads(tmp_path: Path) -> None:
    src = tmp_path / "nested.tmx"
    src.write_text(TMX.format(inner="<ph>" * 50 + "權力" + "</ph>" * 50), encoding="utf-8")
    code, _, err = invoke("tm", "import", "--db", "tm.sqlite", src, cwd=tmp_path)
    assert code == 0, err
