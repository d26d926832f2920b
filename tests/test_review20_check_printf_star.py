"""review20: `check`'s printf check passes a target that drops a `*` width or precision.

`%*d` takes two arguments (the width, then the number); `%d` takes one. A translation that
writes `%d` for `%*d` shifts every later argument: `msgfmt -c` refuses it ("number of format
specifications in 'msgid' and 'msgstr' does not match") and translate-toolkit's `pofilter -t
printf` flags it ("Different number of printf variables"), but `termkit check` reported 0
findings and exited 0. The same holds for gettext's `%<PRIu64>` (a 64-bit integer) written
back as `%d` (msgfmt: "format specifications ... for argument 1 are not the same"), though
termkit does flag `%lld` -> `%ld`. The README promises the printf check finds "printf placeholders (C, Python %)
differ" and that a PO file is checked "as msgfmt -c would".

Oracles: msgfmt (gettext) on the same file, and pofilter where translate-toolkit is installed.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.inprocess import invoke

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_CN\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n')

# (msgid, msgstr): every msgstr drops or retypes an argument-taking part of the msgid.
ENTRIES = [
    ("%*d items", "%d 项"),          # the width argument is gone
    ("%-*s|", "%s|"),                # left-aligned, width from an argument
    ("%.*s end", "%s 结束"),         # precision from an argument
    ("%<PRIu64> bytes", "%d 字节"),  # gettext's portable 64-bit conversion
]


def _po(tmp_path: Path) -> Path:
    body = "".join(f'#, c-format\nmsgid "{src}"\nmsgstr "{tgt}"\n\n' for src, tgt in ENTRIES)
    path = tmp_path / "star.zh_CN.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _msgstr_lines(path: Path) -> dict[int, str]:
    """msgid of each entry by the line of its msgstr (msgfmt reports that line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n + 1: lines[n - 1][len('msgid "'):-1]
            for n, line in enumerate(lines) if line.startswith('msgstr "') and n > 2}


def test_msgfmt_refuses_every_entry(tmp_path: Path) -> None:
    """The oracle: msgfmt -c rejects each of the four entries (so the fixture is what it says)."""
    msgfmt = require_tool("msgfmt")
    po = _po(tmp_path)
    done = subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    flagged = {int(m.group(1)) for m in re.finditer(rf"{re.escape(str(po))}:(\d+): (?:number of|"
                                                     r"format specifications)", done.stderr)}
    assert flagged == set(_msgstr_lines(po)), done.stderr


def test_check_flags_what_msgfmt_refuses(tmp_path: Path) -> None:
    po = _po(tmp_path)
    code, out, err = invoke("check", "--checks", "printf", "--json", po)
    findings = json.loads(out)["findings"]
    flagged = {f["unit"] for f in findings if f["check"] == "printf"}
    assert flagged == {src for src, _ in ENTRIES}, (flagged, err)
    assert code == 1


def test_pofilter_agrees(tmp_path: Path) -> None:
    """translate-toolkit's pofilter flags all four too (an oracle, never imported by termkit)."""
    pytest.importorskip("translate.filters.checks")
    pofilter = require_tool("pofilter")
    po = _po(tmp_path)
    done = subprocess.run([pofilter, "-t", "printf", str(po)],
                          capture_output=True, text=True, check=False)
    flagged = re.findall(r'# \(pofilter\) printf: .*\n#, c-format\nmsgid "([^"]*)"', done.stdout)
    assert sorted(flagged) == sorted(src for src, _ in ENTRIES), done.stdout


def test_a_changed_alignment_flag_is_a_difference(tmp_path: Path) -> None:
    """`%-10s|` pads on the right, `%10s|` on the left: the columns of the output move.

    pofilter -t printf reports "Different printf variable: %10s" (oracle run below when
    translate-toolkit is installed); msgfmt -c accepts the swap, as it checks argument types only.
    """
    po = tmp_path / "flags.zh_CN.po"
    po.write_text(HEADER + '#, c-format\nmsgid "Name %-10s|"\nmsgstr "名称 %10s|"\n',
                  encoding="utf-8")
    done = subprocess.run([require_tool("pofilter"), "-t", "printf", str(po)],
                          capture_output=True, text=True, check=False)
    assert "# (pofilter) printf: Different printf variable: %10s" in done.stdout
    code, out, _ = invoke("check", "--checks", "printf", "--json", po)
    assert [f["check"] for f in json.loads(out)["findings"]] == ["printf"]
    assert code == 1
