"""Standard output is UTF-8 whatever the locale says, as every output file is.

Under a locale whose encoding is not UTF-8 (a legacy `zh_TW.Big5` or `en_US.ISO-8859-1`
terminal, a Windows pipe in cp1252, or `PYTHONIOENCODING`), commands that print text on
stdout stopped with "internal error (a bug in termkit): UnicodeEncodeError" (`pinyin`,
`check`, `names romanize`, `lookup`, `detect`), while `-o FILE` wrote the same text as
UTF-8 and `convert` wrote UTF-8 to stdout: the bytes depended on the environment.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"
PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"
PAIR = ROOT / "tests" / "data" / "check" / "pair.zh_TW.txt"


def run(args: list[str], cwd: Path, encoding: str | None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C"}
    env.pop("PYTHONUTF8", None)
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    else:
        env.pop("PYTHONIOENCODING", None)
    return subprocess.run([sys.executable, "-m", "termkit", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=120)


def test_one_command_under_a_latin1_locale_prints_what_o_file_gets(tmp_path: Path) -> None:
    text = "權力平衡與现实主义"
    done = run(["pinyin", text, "-o", "ref.txt"], tmp_path, "utf-8")
    assert done.returncode == 0, done.stderr.decode()
    other = run(["pinyin", text], tmp_path, "latin-1")
    assert (other.returncode, other.stderr) == (0, b""), other.stderr.decode()
    assert other.stdout == (tmp_path / "ref.txt").read_bytes()


@pytest.mark.parametrize("encoding", ["latin-1", "big5", "ascii", "cp1252"])
def test_utf8_stdout_rewraps_any_other_encoding(encoding: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from termkit.io import utf8_stdout

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding))
    utf8_stdout()
    print("權力 现实 Zhāng")
    sys.stdout.flush()
    assert raw.getvalue() == "權力 现实 Zhāng\n".encode()


def test_utf8_stdout_leaves_utf8_and_other_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    from termkit.io import utf8_stdout

    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="UTF8")
    monkeypatch.setattr(sys, "stdout", utf8)
    utf8_stdout()
    assert sys.stdout is utf8 and utf8.encoding == "UTF8"
    other = io.StringIO()
    monkeypatch.setattr(sys, "stdout", other)
    utf8_stdout()
    assert sys.stdout is other
