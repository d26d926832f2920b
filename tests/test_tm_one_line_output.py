"""`tm search`, `tm concordance`, `tm edit` and `tm delete --dry-run` print a segment on one
line, a line break shown as ⏎ (as `check` shows it).

Following the README's walk-through on OpenCC's catalogue, `tm edit 30` printed unit #30's
English source with its trailing newline raw: an empty line inside the unit, which reads as
the gap between two units in `tm concordance`. `--json` keeps the stored text.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termkit.cli import cli

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

msgid "Reads standard input.\\nWrites standard output.\\n"
msgstr "读取标准输入。\\n写到标准输出。\\n"

msgid "Open file"
msgstr "打开文件"
"""


def tm(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["tm", *args], catch_exceptions=False)


def _store(tmp_path: Path) -> str:
    po = tmp_path / "x.zh_CN.po"
    po.write_text(PO, "utf-8")
    db = str(tmp_path / "tm.sqlite")
    assert tm("import", "--db", db, "-q", str(po)).exit_code == 0
    return db


def test_concordance_prints_each_segment_on_one_line(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = tm("concordance", "--db", db, "standard input")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "#1 [en] Reads standard input.⏎Writes standard output.⏎",
        "    [zh-Hans-CN] 读取标准输入。⏎写到标准输出。⏎",
    ]


def test_json_keeps_the_line_breaks(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = tm("concordance", "--db", db, "standard input", "--json")
    assert json.loads(result.stdout)[0]["text"] == "Reads standard input.\nWrites standard output.\n"


def test_edit_and_dry_run_delete_print_one_line_per_segment(tmp_path: Path) -> None:
    db = _store(tmp_path)
    edited = tm("edit", "--db", db, "1", "--target", "从标准输入读取。\n")
    assert edited.exit_code == 0
    assert edited.stdout.splitlines() == [
        "#1 [en] Reads standard input.⏎Writes standard output.⏎",
        "    [zh-Hans-CN] 从标准输入读取。⏎",
    ]
    listed = tm("delete", "--db", db, "--contains", "standard input", "--dry-run")
    assert listed.stdout.splitlines() == [
        "#1 [en] Reads standard input.⏎Writes standard output.⏎ | [zh-Hans-CN] 从标准输入读取。⏎",
        "1 units would be deleted (dry run)",
    ]
