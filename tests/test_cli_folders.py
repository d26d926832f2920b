"""Folders as input: `import`, `check`, `convert --in-place`, `build` (and `tm import`).

A folder stands for the matching files in it, recursively, sorted by their path below it, so
the output does not depend on the order the file system lists them in.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termkit.cli import cli
from termkit.errors import InputError
from termkit.inputs import expand_inputs, folder_files, matches

from .conftest import DATA, ROOT, SEED

EXAMPLE = ROOT / "glossaries" / "example"
CHECK = DATA / "check"


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, prog_name="termkit")


def touch(path: Path, text: str = "x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the library


def test_folder_files_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    for rel in ["b.po", "a/z.po", "a/b/c.po", "B.po", ".hidden.po", ".git/d.po", "a/notes.txt",
                "a/.x.po.termkit-1.abc.tmp"]:
        touch(tmp_path / rel)
    got = [Path(p).relative_to(tmp_path).as_posix() for p in folder_files(str(tmp_path), ["*.po"])]
    # Folder by folder, in code-point order (not the file system's listing order).
    assert got == ["B.po", "a/b/c.po", "a/z.po", "b.po"]


def test_globs_match_the_name_or_the_path_below_the_folder() -> None:
    assert matches("a/b/c.po", ["*.po"]) and not matches("a/b/c.po", ["*.tmx"])
    assert matches("zh_TW/x.po", ["zh_TW/*.po"]) and not matches("zh_CN/x.po", ["zh_TW/*.po"])
    assert matches("a/b/c.po", ["a/*"])  # `*` crosses folders in a path glob


def test_explicit_files_stdin_and_include_exclude(tmp_path: Path) -> None:
    touch(tmp_path / "d" / "keep.po")
    touch(tmp_path / "d" / "old" / "drop.po")
    named = touch(tmp_path / "named.doc")  # named explicitly: taken whatever the globs say
    got = expand_inputs([str(named), "-", str(tmp_path / "d")], ["*.po"], ["old/*"])
    assert got == [str(named), "-", str(tmp_path / "d" / "keep.po")]


def test_a_folder_without_matching_files_is_an_error(tmp_path: Path) -> None:
    touch(tmp_path / "notes.txt")
    with pytest.raises(InputError) as caught:
        expand_inputs([str(tmp_path)], ["*.po", "*.tmx"])
    assert str(caught.value) == (f"{tmp_path}: no input file in this folder; files taken: "
                                 "*.po *.tmx; choose others with --include/--exclude")


# --------------------------------------------------------------------------- the commands


def test_import_a_folder(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copy(EXAMPLE / "glossary.csv", touch(src / "x").parent / "example.csv")
    shutil.copy(DATA / "convert" / "terms.tsv", touch(src / "more" / "x").parent / "terms.tsv")
    touch(src / "README.md", "not a glossary\n")  # no glossary format: left out
    out = tmp_path / "all.txt"
    result = run("import", src, "-o", out, "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert [i["path"] for i in summary["inputs"]] == [
        str(src / "example.csv"), str(src / "more" / "terms.tsv")]
    files = run("import", src / "example.csv", src / "more" / "terms.tsv", "-o", tmp_path / "b.txt")
    assert files.exit_code == 0
    assert out.read_bytes() == (tmp_path / "b.txt").read_bytes()
    only = run("import", src, "--exclude", "more/*", "-o", tmp_path / "c.txt", "--json")
    assert [i["path"] for i in json.loads(only.stdout)["inputs"]] == [str(src / "example.csv")]


def test_check_a_folder(tmp_path: Path) -> None:
    project = tmp_path / "po"
    shutil.copy(CHECK / "seeded.zh_TW.po", touch(project / "x").parent / "a.po")
    shutil.copy(CHECK / "clean.zh_TW.po", touch(project / "sub" / "x").parent / "b.po")
    shutil.copy(CHECK / "seeded.tsv", project / "glossary-like.tsv")  # not taken by default
    folder = run("check", "-g", CHECK / "fixture.glossary.txt", "--to", "json", project)
    files = run("check", "-g", CHECK / "fixture.glossary.txt", "--to", "json",
                project / "a.po", project / "sub" / "b.po")
    assert folder.exit_code == files.exit_code == 1
    assert json.loads(folder.stdout)["files"] == [str(project / "a.po"), str(project / "sub" / "b.po")]
    assert folder.stdout == files.stdout
    with_tsv = run("check", "-g", CHECK / "fixture.glossary.txt", "--to", "json",
                   "--include", "*.po", "--include", "*.tsv", "--exclude", "sub/*", project)
    assert json.loads(with_tsv.stdout)["files"] == [
        str(project / "a.po"), str(project / "glossary-like.tsv")]


def test_convert_in_place_a_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    touch(docs / "a.txt", "软件\n")
    touch(docs / "sub" / "b.md", "信息\n")
    shutil.copy(DATA / "convert" / "plural.po", docs / "sub" / "c.po")
    photo = docs / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not text")  # not a convertible kind: left alone
    result = run("convert", "-c", "s2twp", "--in-place", docs)
    assert result.exit_code == 0, result.stderr
    assert (docs / "a.txt").read_text(encoding="utf-8") == "軟體\n"
    assert (docs / "sub" / "b.md").read_text(encoding="utf-8") == "資訊\n"
    assert "Language: zh_TW" in (docs / "sub" / "c.po").read_text(encoding="utf-8")
    assert photo.read_bytes() == b"\xff\xd8\xff\xe0 not text"


def test_convert_in_place_a_folder_is_all_or_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    touch(docs / "a.txt", "软件\n")
    (docs / "b.txt").write_bytes(b"ok\n\xff\n")  # not UTF-8
    result = run("convert", "-c", "s2twp", "--in-place", docs)
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {docs / 'b.txt'}:2:1:")
    assert (docs / "a.txt").read_text(encoding="utf-8") == "软件\n"


def test_build_a_folder_equals_building_its_files(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copy(SEED, touch(records / "x").parent / "example-record.txt")
    shutil.copy(DATA / "records" / "bilingual.bib", touch(records / "bib" / "x").parent / "b.bib")
    (records / "x").unlink()
    (records / "bib" / "x").unlink()
    touch(records / "bib" / "notes.docx", "not a record\n")
    a = run("build", records, "-o", tmp_path / "a", "--json", "-q")
    assert a.exit_code == 0, a.stderr
    assert json.loads(a.stdout)["inputs"] == [str(records / "bib" / "b.bib"),
                                              str(records / "example-record.txt")]
    b = run("build", records / "bib" / "b.bib", records / "example-record.txt",
            "-o", tmp_path / "b", "-q")
    assert b.exit_code == 0
    # Same glossary; only the header's record of the inputs as given differs.
    assert json.loads((tmp_path / "a" / "glossary.json").read_text())["concepts"] == \
        json.loads((tmp_path / "b" / "glossary.json").read_text())["concepts"]


def test_build_a_folder_reads_its_markdown_pages(tmp_path: Path) -> None:
    # Pages saved "as Markdown" are a documented input, but a folder build took only
    # *.txt/*.html pages and skipped the .md ones without a word: their pairs were lost.
    records = tmp_path / "records"
    records.mkdir()
    shutil.copy(SEED, records / "page.md")
    shutil.copy(DATA / "records" / "bilingual.bib", records / "b.bib")
    result = run("build", records, "-o", tmp_path / "out", "--json", "-q")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["inputs"] == [str(records / "b.bib"), str(records / "page.md")]
    glossary = (tmp_path / "out" / "glossary.txt").read_text(encoding="utf-8")
    assert "term en: balance of power" in glossary


def test_build_a_folder_into_a_folder_inside_it_twice(tmp_path: Path) -> None:
    # `termkit build . -o out` worked once; the second run read out/glossary.txt and
    # out/glossary.sources.jsonl as records and refused to replace those "inputs".
    records = tmp_path / "records"
    shutil.copy(SEED, touch(records / "x").parent / "example-record.txt")
    (records / "x").unlink()
    first = run("build", records, "-o", records / "out", "--json", "-q")
    assert first.exit_code == 0, first.stderr
    built = (records / "out" / "glossary.txt").read_bytes()
    again = run("build", records, "-o", records / "out", "--json", "-q")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["inputs"] == [str(records / "example-record.txt")]
    assert (records / "out" / "glossary.txt").read_bytes() == built


def test_build_a_folder_into_itself_twice(tmp_path: Path) -> None:
    # `termkit build . -o .`: the second run read its own glossary.sources.jsonl as records
    # (and refused glossary.txt); the files a build writes are not read from its output folder.
    records = tmp_path / "records"
    shutil.copy(SEED, touch(records / "x").parent / "example-record.txt")
    (records / "x").unlink()
    first = run("build", records, "-o", records, "--json", "-q")
    assert first.exit_code == 0, first.stderr
    built = (records / "glossary.json").read_bytes()
    again = run("build", records, "-o", records, "--json", "-q")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["inputs"] == [str(records / "example-record.txt")]
    assert (records / "glossary.json").read_bytes() == built


def test_build_a_folder_holding_an_earlier_build_into_another(tmp_path: Path) -> None:
    # `build . -o out` then `build . -o out2`: the second run stopped at out/glossary.sources.jsonl
    # ("a termkit sources file, not article records"). An earlier build's outputs are left out
    # with a note; a record saved beside them in that folder is still read.
    records = tmp_path / "records"
    shutil.copy(SEED, touch(records / "x").parent / "example-record.txt")
    (records / "x").unlink()
    assert run("build", records, "-o", records / "out", "-q").exit_code == 0
    shutil.copy(SEED, records / "out" / "kept-record.txt")
    again = run("build", records, "-o", records / "out2", "--json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["inputs"] == [
        str(records / "example-record.txt"), str(records / "out" / "kept-record.txt")]
    assert f"{records / 'out'}: the output of an earlier build" in again.stderr
    third = run("build", records, "-o", records / "out2", "--json")
    assert third.exit_code == 0, third.stderr
    assert json.loads(third.stdout)["inputs"] == json.loads(again.stdout)["inputs"]
    assert f"{records / 'out2'}: the output" not in third.stderr  # its own: no note
    named = run("build", records / "out" / "glossary.sources.jsonl", "-o", tmp_path / "o")
    assert named.exit_code == 1 and "a termkit sources file" in named.stderr  # named: refused


def test_tm_import_a_folder(tmp_path: Path) -> None:
    result = run("tm", "import", "--db", tmp_path / "tm.sqlite", DATA / "tm" / "tmx", "--json")
    assert result.exit_code == 0, result.stderr
    files = [r["file"] for r in json.loads(result.stdout)]
    assert files == sorted(files) and files and all(f.endswith(".tmx") for f in files)
