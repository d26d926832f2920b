"""PO catalogs saved as UTF-16 without a byte order mark (``iconv -t UTF-16LE``) read as the
same catalog in UTF-8 does, in every command that reads PO; bad UTF-16 bytes stay located.

The UTF-8 copy of each catalog is the oracle: each command is run on it and on its UTF-16
copy (same file name, in another folder) and must print the same.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.errors import TermkitError
from termkit.formats import po
from tests.conftest import DATA

# An English job catalog (ASCII only: every UTF-16 code unit has a NUL byte, and the bytes are
# valid UTF-8, which is where NUL errors came from) and a translated Chinese one.
JOB = DATA / "tm" / "analyze" / "job.po"
ZH_TW = DATA / "po" / "opencc-0.1.2-zh_TW.po"
CODECS = ("utf-16-le", "utf-16-be")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def twins(tmp_path: Path, source: Path, codec: str) -> tuple[Path, Path]:
    """``utf8/NAME`` and ``utf16/NAME``: the same catalog in UTF-8 and in ``codec``, no BOM."""
    text = source.read_text("utf-8")
    plain, wide = tmp_path / "utf8" / source.name, tmp_path / "utf16" / source.name
    plain.parent.mkdir(parents=True)
    wide.parent.mkdir(parents=True)
    plain.write_text(text, "utf-8", newline="")
    wide.write_bytes(text.encode(codec))
    return plain, wide


def in_dir(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(folder)
    return run(*args)


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("source", [JOB, ZH_TW], ids=["ascii", "chinese"])
def test_reader_gives_the_utf8_catalog(source: Path, codec: str) -> None:
    text = source.read_text("utf-8")
    want = po.read_glossary(io.BytesIO(text.encode("utf-8")), source.name)
    got = po.read_glossary(io.BytesIO(text.encode(codec)), source.name)
    assert got == want and got.concepts
    units = list(po.iter_units(io.BytesIO(text.encode(codec)), source.name))
    assert units == list(po.iter_units(io.BytesIO(text.encode("utf-8")), source.name))
    catalog, src, tgt, _ = po.read_catalog(text.encode(codec), source.name)
    assert (str(catalog), src, tgt) == (str(po.read_catalog(text.encode(), source.name)[0]),
                                        "en", "zh-Hans-CN" if source == JOB else "zh-Hant-TW")


@pytest.mark.parametrize("codec", CODECS)
def test_bad_utf16_bytes_are_located(codec: str) -> None:
    # A lone surrogate (an unpaired D800) on line 10, after 'msgid "' (7 characters).
    lines = JOB.read_text("utf-8").split("\n")
    assert lines[9] == 'msgid "Open the file"'
    data = "\n".join(lines).encode(codec)
    cut = len("\n".join(lines[:9]).encode(codec)) + len('\nmsgid "'.encode(codec))
    unit = b"\x00\xd8" if codec == "utf-16-le" else b"\xd8\x00"
    with pytest.raises(TermkitError) as info:
        po.read_glossary(io.BytesIO(data[:cut] + unit + data[cut:]), "bad.po")
    assert str(info.value).startswith("bad.po:10:8: ")


def test_bad_utf16_bytes_in_the_cli(tmp_path: Path) -> None:
    data = JOB.read_text("utf-8").encode("utf-16-le")
    bad = tmp_path / "bad.po"
    cut = len('msgid ""\nmsgstr'.encode("utf-16-le"))
    bad.write_bytes(data[:cut] + b"\x00\xdc" + data[cut:])  # a lone low surrogate at 2:7
    for args in (["import", str(bad), "-o", str(tmp_path / "g.txt")],
                 ["convert", "-c", "s2t", str(bad)],
                 ["tm", "import", "--db", str(tmp_path / "tm.sqlite"), str(bad)]):
        r = run(*args)
        assert r.exit_code == 1, (args, r.output)
        assert r.stderr.startswith(f"Error: {bad}:2:7: not valid UTF-16LE"), (args, r.stderr)
        assert "NUL" not in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "g.txt").exists()


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("source", [JOB, ZH_TW], ids=["ascii", "chinese"])
def test_import_and_check_match_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     source: Path, codec: str) -> None:
    plain, wide = twins(tmp_path, source, codec)
    before = wide.read_bytes()
    results = []
    for path in (plain, wide):
        imported = in_dir(path.parent, monkeypatch, "import", path.name, "-o", "-")
        checked = in_dir(path.parent, monkeypatch, "check", "--to", "json", path.name)
        assert imported.exit_code == 0, imported.output
        assert checked.exit_code in (0, 1) and not checked.stderr, checked.output
        results.append((imported.stdout, checked.stdout))
    assert results[0] == results[1]
    assert "term en:" in results[0][0]
    assert wide.read_bytes() == before  # the input is never rewritten


@pytest.mark.parametrize("codec", CODECS)
def test_tm_import_analyze_and_pretranslate_match_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str
) -> None:
    outputs = []
    for source in (ZH_TW, JOB):
        plain, wide = twins(tmp_path / source.stem, source, codec)  # type: ignore[arg-type]
        outputs.append((plain, wide))
    runs = []
    for pair in ((outputs[0][0], outputs[1][0]), (outputs[0][1], outputs[1][1])):
        memory, job = pair
        db = str(memory.parent / "tm.sqlite")
        r = in_dir(memory.parent, monkeypatch, "tm", "import", "--db", db, memory.name)
        assert r.exit_code == 0, r.output
        exported = in_dir(memory.parent, monkeypatch, "tm", "export", "--db", db)
        analyzed = run("tm", "analyze", "--db", db, "--json", str(job))
        filled = run("tm", "pretranslate", "--db", db, str(job), "-o", "-")
        assert exported.exit_code == analyzed.exit_code == filled.exit_code == 0, (
            exported.output + analyzed.output + filled.output)
        report = json.loads(analyzed.stdout)
        for row in report["files"]:
            row["file"] = Path(row["file"]).name
        # Import times differ between the two memories; nothing else may.
        tmx = re.sub(r'<prop type="x-created">[^<]*</prop>', "", exported.stdout)
        runs.append((tmx, report, filled.stdout))
    assert runs[0] == runs[1]
    translated = [e for e in polib.pofile(str(ZH_TW)) if e.msgstr.strip() and not e.obsolete]
    assert runs[0][0].count("<tu ") == len(translated) > 0


@pytest.mark.parametrize("codec", CODECS)
def test_convert_writes_the_encoding_it_read(tmp_path: Path, codec: str) -> None:
    plain, wide = twins(tmp_path, ZH_TW, codec)
    before = wide.read_bytes()
    want = run("convert", "-c", "t2s", str(plain))
    got = run("convert", "-c", "t2s", str(wide))
    assert want.exit_code == 0 and got.exit_code == 0, got.output
    assert "配置文件解析错误" in want.stdout_bytes.decode("utf-8")
    assert got.stdout_bytes == want.stdout_bytes.decode("utf-8").encode(codec)
    assert wide.read_bytes() == before
