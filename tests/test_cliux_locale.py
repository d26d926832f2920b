"""Whatever the locale's encoding, every command writes the same UTF-8 bytes on stdout, or
fails clearly.

stdout is UTF-8 under any locale (test_review9_stdout_encoding); this holds it for every kind
of command (text given as arguments, stdin, files, reports, exports to `-`). One case was not
consistent: with Python reading its arguments as ASCII (`LC_ALL=C` with `PYTHONUTF8=0`, as
every Python before 3.7 did under the C locale), a Chinese argument was refused with "argument
2 is not valid UTF-8: b'\\xe4\\xb8\\xad\\xe6\\x96\\x87'", bytes that are UTF-8; and under a
legacy 8-bit locale (ISO-8859-1) the same bytes would be read as mojibake and annotated as
such. Both now say what happened and what to set; stdin and files are read as bytes and work.
"""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from termkit.cli import check_arguments
from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"
PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"

LOCALES = {
    "utf-8": {"PYTHONIOENCODING": "utf-8"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "c-ascii": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}
COMMANDS = {
    "pinyin-text": (["pinyin", "權力平衡與现实主义"], None),
    "names-text": (["names", "romanize", "阿沛·阿旺晉美", "曾國藩"], None),
    "lookup-text": (["lookup", "-g", EXAMPLE, "權力平衡"], None),
    "pinyin-stdin": (["pinyin"], "權力平衡與现实主义\n"),
    "convert-stdin": (["convert", "-c", "s2twp"], "软件与权力平衡\n"),
    "check-report": (["check", PO], None),
    "export-stdout": (["export", EXAMPLE, "--to", "tbx", "-o", "-"], None),
}


def run(args: list[object], env: dict[str, str], stdin: str | None
        ) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG", "TERMKIT_DEBUG")}
    return subprocess.run([sys.executable, "-m", "termkit", *map(str, args)],
                          env={**base, "PYTHONPATH": str(ROOT), **env},
                          input=stdin.encode() if stdin is not None else b"",
                          capture_output=True, timeout=120)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_kind_of_output_is_the_same_bytes_under_any_locale(command: str) -> None:
    args, stdin = COMMANDS[command]
    ref = run(args, LOCALES["utf-8"], stdin)
    assert ref.returncode in (0, 1) and ref.stdout, ref.stderr.decode()
    chinese_arguments = any(not str(a).isascii() for a in args)
    for name in ("latin-1", "c-ascii"):
        other = run(args, LOCALES[name], stdin)
        if name == "c-ascii" and chinese_arguments:
            # Python read the arguments as ASCII: said so, with what to set.
            assert (other.returncode, other.stdout) == (2, b""), name
            err = other.stderr.decode("utf-8")  # click writes UTF-8 where stderr is ASCII
            assert err.startswith("Error: argument ") and err.count("\n") == 1
            assert "Python decoded it as ascii" in err and "LC_ALL=C.UTF-8" in err and "PYTHONUTF8=1" in err
            continue
        assert (other.returncode, other.stdout) == (ref.returncode, ref.stdout), name


def test_utf8_read_as_a_legacy_encoding_is_refused_not_used() -> None:
    # Under a Latin-1 locale the UTF-8 bytes of 中文 arrive as 'ä¸\xadæ\x96\x87': annotating or
    # looking that up would give a wrong answer with status 0.
    mojibake = "中文".encode().decode("latin-1")
    with pytest.raises(click.UsageError, match=r"argument 2 is UTF-8 \('中文'\) but Python decoded it as latin-1 "):
        check_arguments(["pinyin", mojibake], encoding="latin-1")
    # Text in that encoding itself (no UTF-8 in its bytes) is what the user typed: kept.
    check_arguments(["lookup", "café"], encoding="latin-1")
    check_arguments(["pinyin", "中文"], encoding="utf-8")


def test_bytes_that_are_not_utf8_are_still_named_so() -> None:
    arg = b"\xb5\xa4".decode("ascii", "surrogateescape")  # Big5 typed on a C-locale terminal
    with pytest.raises(click.UsageError, match="argument 1 is not valid UTF-8"):
        check_arguments([arg], encoding="ascii")
