"""`termkit export` and `termkit import`: exit codes, exact stderr, files written or not."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import click
import polib
import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.formats import csv_glossary, po
from termkit.model import Concept, Glossary, Source, Status, Term
from tests.conftest import DATA, require_tool

PO_DATA = DATA / "po"


def glossary() -> Glossary:
    return Glossary(
        concepts=[
            Concept(
                id="c000000000001",
                terms=[Term("language", "en"), Term("語言", "zh-Hant", pinyin="yǔyán"),
                       Term("语言", "zh-Hans", pinyin="yǔyán")],
                domains=["人文學"],
                status=Status.PREFERRED,
                sources=[Source("rec.txt", 3)],
            ),
            Concept(id="c000000000002", terms=[Term("keyword", "en"), Term("關鍵詞", "zh-Hant")]),
            Concept(id="c000000000003", terms=[Term("taxi", "en"), Term("的士", "zh-Hant-HK")]),
        ]
    )


@pytest.fixture
def glossary_csv(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.csv"
    with path.open("wb") as fh:
        csv_glossary.write_glossary(glossary(), fh)
    return path


def run(*args: str, input: bytes | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), input=input)


def test_every_option_has_help() -> None:
    for name in ("export", "import"):
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.help
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help"
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout


def test_export_po_to_stdout(glossary_csv: Path) -> None:
    result = run("export", str(glossary_csv), "--to", "po", "--locale", "zh_CN")
    assert result.exit_code == 0, result.stderr
    cat = polib.pofile(result.stdout_bytes.decode("utf-8"))
    assert cat.metadata["Language"] == "zh_CN"
    assert [(e.msgid, e.msgstr) for e in cat] == [("language", "语言")]
    assert result.stderr == "Warning: 2 concepts skipped: no zh-Hans-CN term\n"


def test_export_po_file_passes_msgfmt(glossary_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "glossary.zh_HK.po"
    result = run("export", str(glossary_csv), "--to", "po", "--locale", "zh_HK", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert [e.msgstr for e in polib.pofile(str(out))] == ["關鍵詞", "語言", "的士"]
    tool = require_tool("msgfmt")
    check = subprocess.run([tool, "--check-format", "--check-header", "-o", os.devnull, str(out)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0 and check.stderr == ""


@pytest.mark.parametrize("to", ["omegat", "csv", "tsv", "po"])
def test_export_matches_the_library(glossary_csv: Path, to: str) -> None:
    from termkit import formats

    result = run("export", str(glossary_csv), "--to", to)
    assert result.exit_code == 0, result.stderr
    with glossary_csv.open("rb") as fh:
        g = csv_glossary.read_glossary(fh, str(glossary_csv))
    buf = io.BytesIO()
    formats.get(to).write_glossary(g, buf)
    assert result.stdout_bytes == buf.getvalue()


def test_po_locale_from_the_output_name(glossary_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "glossary.zh_CN.po"
    result = run("export", str(glossary_csv), "--to", "po", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    cat = polib.pofile(str(out))
    assert cat.metadata["Language"] == "zh_CN" and [e.msgstr for e in cat] == ["语言"]
    merged = tmp_path / "merged.zh_HK.po"
    assert run("import", str(glossary_csv), "-o", str(merged)).exit_code == 0
    assert polib.pofile(str(merged)).metadata["Language"] == "zh_HK"


def test_export_option_that_does_not_apply_is_a_usage_error(glossary_csv: Path) -> None:
    result = run("export", str(glossary_csv), "--to", "tmx", "--locale", "zh_TW")
    assert result.exit_code == 2
    assert result.stderr == "Error: --locale does not apply to --to tmx; it applies to: po, omegat\n"
    assert result.stdout == ""


def test_export_missing_input(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    out = tmp_path / "out.po"
    result = run("export", str(missing), "--to", "po", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: no such file\n"
    assert not out.exists()


def test_export_json_summary(glossary_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.utf8"
    result = run("export", str(glossary_csv), "--to", "omegat", "-o", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["concepts"] == 3 and summary["output"] == str(out)
    # taxi has only a Hong Kong form: a zh_TW glossary falls back to it (same script)
    assert summary["warnings"] == []
    assert "taxi\t的士\t" in out.read_text(encoding="utf-8")
    assert run("export", str(glossary_csv), "--to", "po", "--json").exit_code == 2


def test_import_merges_catalogs_of_two_scripts(tmp_path: Path) -> None:
    out = tmp_path / "merged.csv"
    tw, cn = PO_DATA / "opencc-0.1.2-zh_TW.po", PO_DATA / "opencc-0.1.2-zh_CN.po"
    result = run("import", str(tw), str(cn), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    with out.open("rb") as fh:
        g = csv_glossary.read_glossary(fh, str(out))
    # polib is the oracle: the zh_TW and zh_CN translations of one msgid meet in one concept
    tw_cat, cn_cat = polib.pofile(str(tw)), polib.pofile(str(cn))
    entry = tw_cat.find("Can not access configuration file")
    other = cn_cat.find("Can not access configuration file")
    concept = next(c for c in g.concepts if c.first("en") and c.first("en").text == entry.msgid)  # type: ignore[union-attr]
    forms = {(t.lang, t.text) for t in concept.terms}
    assert ("zh-Hant-TW", entry.msgstr) in forms and ("zh-Hans-CN", other.msgstr) in forms
    assert "5 obsolete entries skipped" in result.stderr


def test_import_malformed_file_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("keep me\n", encoding="utf-8")
    bad = PO_DATA / "syntax-error.po"
    good = PO_DATA / "opencc-0.1.2-zh_TW.po"
    result = run("import", str(good), str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"Error: {bad}:10:11: PO syntax error: unexpected text '掉' after the closing quote "
        "(a double quote inside the string needs a backslash)\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary left


def test_import_latin1_po_without_charset_warns_and_imports(tmp_path: Path) -> None:
    bad = PO_DATA / "lisa-ExportTest1D_fr.po"
    data = bad.read_bytes()
    offset = next(i for i, b in enumerate(data) if b >= 0x80)
    line = data[:offset].count(b"\n") + 1
    result = run("import", str(bad), "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 0
    assert f"Warning: {bad}:{line}: no charset declared" in result.stderr
    assert "é=eacute" in (tmp_path / "x.csv").read_text("utf-8")


def test_import_from_stdin_needs_a_format(tmp_path: Path) -> None:
    data = (PO_DATA / "no-language.zh_TW.po").read_bytes()
    result = run("import", "-", "-o", "-")
    assert result.exit_code == 2
    assert result.stderr == "Error: reading stdin needs a format option; e.g. --format po\n"
    result = run("import", "-", "--format", "po", "-o", "-", "--to", "csv", input=data)
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.split("\n")
    assert rows[0].startswith("en,")
    assert "keyword" in result.stdout and "untranslated" in result.stdout


def test_export_import_round_trip_through_po(glossary_csv: Path, tmp_path: Path) -> None:
    po_path = tmp_path / "glossary.zh_TW.po"
    assert run("export", str(glossary_csv), "--to", "po", "-o", str(po_path)).exit_code == 0
    out = tmp_path / "back.csv"
    result = run("import", str(po_path), "-o", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["inputs"] == [{"path": str(po_path), "format": "po", "concepts": 3}]
    with po_path.open("rb") as fh:
        direct = po.read_glossary(fh, str(po_path))
    with out.open("rb") as fh:
        back = csv_glossary.read_glossary(fh, str(out))
    pairs = {(c.first("en").text, c.first("zh").text, c.first("zh").pinyin) for c in back.concepts}  # type: ignore[union-attr]
    assert pairs == {("language", "語言", "yǔyán"), ("keyword", "關鍵詞", None), ("taxi", "的士", None)}
    assert len(direct.concepts) == 3


@pytest.mark.parametrize("to", ["tmx", "tbx", "omegat", "tsv"])
def test_import_routes_every_exported_format(glossary_csv: Path, tmp_path: Path, to: str) -> None:
    # The readers of TMX/TBX belong to another module: import only has to route and merge.
    suffix = {"tmx": ".tmx", "tbx": ".tbx", "omegat": ".utf8", "tsv": ".tsv"}[to]
    exported = tmp_path / f"glossary{suffix}"
    assert run("export", str(glossary_csv), "--to", to, "-o", str(exported)).exit_code == 0
    out = tmp_path / "back.csv"
    result = run("import", str(exported), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    with out.open("rb") as fh:
        back = csv_glossary.read_glossary(fh, str(out))
    en = {c.first("en").text for c in back.concepts if c.first("en")}  # type: ignore[union-attr]
    assert en == {"language", "keyword", "taxi"}
