"""A TMX segment past libxml2's size limit for one text (10,000,000 bytes) is refused with
termkit's words: the message said "try XML_PARSE_HUGE", an option of the C library no user
of termkit can set (and that termkit leaves off on purpose)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_a_huge_segment_is_refused_without_naming_a_libxml2_option(tmp_path: Path) -> None:
    seg = "權力平衡" * 900_000  # 10.8 MB of UTF-8 in one text node
    tmx = tmp_path / "huge.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" '
        'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" '
        'creationtoolversion="1" o-tmf="x"/><body><tu><tuv xml:lang="en"><seg>x</seg></tuv>'
        f'<tuv xml:lang="zh-TW"><seg>{seg}</seg></tuv></tu></body></tmx>', encoding="utf-8")
    for args in (["import", str(tmx), "-o", "out.glossary.txt"], ["check", str(tmx)]):
        done = subprocess.run([sys.executable, "-m", "termkit", *args], cwd=tmp_path,
                              capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        err = done.stderr.decode()
        assert done.returncode in (1, 2), err
        line = [x for x in err.splitlines() if x.startswith("Error:")][-1]
        assert line.startswith(f"Error: {tmx}:1:"), line
        assert "XML_PARSE_HUGE" not in line
        assert "more than 10,000,000 bytes" in line, line
