"""`termkit build` / `termkit extract` end to end on the bundled example and on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import COMMANDS, cli
from termkit.glossary import load_glossary

from .conftest import ROOT, SEED


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


# The example record, read by eye (the oracle): what the issue asks the pipeline to find.
EXPECTED_PAIRS = {
    ("現實主義", "realism"),
    ("權力平衡", "balance of power"),
    ("越南外交政策", "Vietnam diplomacy"),
}
EXPECTED_FORMS = {  # Traditional -> (Simplified, pinyin)
    "現實主義": ("现实主义", "xiànshí zhǔyì"),
    "權力平衡": ("权力平衡", "quánlì pínghéng"),
    "越南外交政策": ("越南外交政策", "Yuènán wàijiāo zhèngcè"),
    "張國城": ("张国城", "Zhāng Guóchéng"),
}


def test_extract_json_on_the_example() -> None:
    result = run("extract", str(SEED), "--json")
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert {(p["zh"], p["en"]) for p in data["pairs"]} == EXPECTED_PAIRS
    assert data["unpaired_zh"] == [] and data["unpaired_en"] == []
    assert [(a["zh"], a["en"]) for a in data["authors"]] == [("張國城", "Kuo-Cheng Chang")]
    assert [(v["zh"], v["en"]) for v in data["variants"]] == [("越南外交政策", "Vietnam's foreign policy")]
    assert (data["volume"], data["issue"], data["date"], data["pages"]) == ("10", "3", "2014-09-01", "113-129")
    assert [s[0] for s in data["subjects"]] == ["人文學", "社會科學"]
    assert (data["references"], data["citing"]) == (22, 3)
    assert data["title"]["en"] == "An Analysis of Vietnam's Foreign Policy from the Perspective of Balance of Power"
    for p in data["pairs"]:
        assert 0 < p["score"] <= 1 and p["evidence"] and p["details"]
        assert p["status"] == "preferred" and p["evidence"] == ["dictionary"]
    assert [(v["status"], v["evidence"]) for v in data["variants"]] == [
        ("admitted", ["dictionary", "title"])
    ]
    assert [(a["status"], a["evidence"]) for a in data["authors"]] == [("preferred", ["name"])]


def test_extract_table_is_readable() -> None:
    result = run("extract", str(SEED))
    assert result.exit_code == 0
    assert "權力平衡" in result.stdout and "balance of power" in result.stdout
    assert "22 references, 3 citing works" in result.stdout
    assert "keyword?" not in result.stdout  # every pair of the example is confident


def _candidate_record(tmp_path: Path) -> Path:
    # Parallel lists: 兒童 and 住院 pair by the dictionary on the diagonal, the three domain
    # terms between them only by their place.
    path = tmp_path / "rec.jsonl"
    record = {
        "id": "r1",
        "keywords_zh": ["兒童", "核保", "復效", "停效保單", "住院"],
        "keywords_en": ["children", "Underwriting", "Reinstatement", "Policy Lapse",
                        "hospitalization"],
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_extract_shows_candidates_distinctly(tmp_path: Path) -> None:
    result = run("extract", str(_candidate_record(tmp_path)))
    assert result.exit_code == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("keyword")]
    assert [ln.split()[0] for ln in lines] == ["keyword", "keyword?", "keyword?", "keyword?", "keyword"]
    assert "(0.30 candidate: position)" in lines[1]
    assert lines[0].endswith("(1.00)")


def test_extract_json_gives_every_pair_a_status_and_evidence(tmp_path: Path) -> None:
    result = run("extract", str(_candidate_record(tmp_path)), "--json")
    assert result.exit_code == 0, result.stderr
    pairs = json.loads(result.stdout)["pairs"]
    got = {p["zh"]: (p["en"], p["status"], p["evidence"]) for p in pairs}
    assert got["兒童"] == ("children", "preferred", ["dictionary", "position"])
    assert got["核保"] == ("Underwriting", "candidate", ["position"])
    assert all(p["score"] < 0.5 for p in pairs if p["status"] == "candidate")


def test_build_keeps_candidates_and_their_evidence(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(_candidate_record(tmp_path)), "-o", str(out), "--no-exports")
    assert result.exit_code == 0, result.stderr
    g = load_glossary(str(out / "glossary.txt"))
    by_zh = {c.first("zh-Hans").text: c for c in g.concepts}  # type: ignore[union-attr]
    assert (by_zh["核保"].status.value, by_zh["核保"].props["evidence"]) == ("candidate", "position")
    assert (by_zh["儿童"].status.value, by_zh["儿童"].props["evidence"]) == (
        "preferred",
        "dictionary position",
    )
    text = (out / "glossary.txt").read_text(encoding="utf-8")
    assert "prop evidence: position" in text


def test_build_writes_the_glossary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(SEED), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    g = load_glossary(str(out / "glossary.txt"))
    seen = {}
    for c in g.concepts:
        hant = c.first("zh-Hant")
        hans = c.first("zh-Hans")
        en = c.first("en")
        assert hant and hans and en
        seen[hant.text] = (hans.text, hant.pinyin, en.text, c.kind.value, c.domains)
    for zh, en in EXPECTED_PAIRS:
        hans, pinyin, en_got, kind, domains = seen[zh]
        assert (hans, pinyin) == EXPECTED_FORMS[zh]
        assert en_got == en and kind == "keyword"
        assert domains == ["人文學", "社會科學"]
    assert seen["張國城"][:3] == ("张国城", "Zhāng Guóchéng", "Kuo-Cheng Chang")
    assert seen["張國城"][3] == "person"
    diplomacy = next(c for c in g.concepts if c.first("zh-Hant").text == "越南外交政策")  # type: ignore[union-attr]
    assert [(t.text, t.status.value, t.origin) for t in diplomacy.terms_for("en")] == [
        ("Vietnam diplomacy", "preferred", "record"),
        ("Vietnam's foreign policy", "admitted", "title"),
    ]
    as_json = json.loads((out / "glossary.json").read_text("utf-8"))
    assert len(as_json["concepts"]) == len(g.concepts) == 4
    # Provenance: every term of a keyword points at the keyword line of the record.
    src = diplomacy.terms_for("en")[0].sources[0]
    assert src.path == str(SEED) and src.line is not None and src.record


def test_build_is_byte_identical_across_runs(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run("build", str(SEED), "-o", str(tmp_path / name), "-q").exit_code == 0
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_bundled_example_glossary_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Regenerate exactly as the README says (run from the repository root) and compare bytes.
    monkeypatch.chdir(ROOT)
    out = tmp_path / "example"
    assert run("build", "termkit/data/example-record.txt", "-o", str(out), "-q").exit_code == 0
    committed = ROOT / "glossaries" / "example"
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in committed.iterdir())
    for name in names:
        assert (out / name).read_bytes() == (committed / name).read_bytes(), (
            f"glossaries/example/{name} is out of date: run "
            "`termkit build termkit/data/example-record.txt -o glossaries/example`"
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),
        ("現實主義 ; 權力平衡\n".encode() + b"\xff\xfe\xfd broken\n", "cannot decode"),
    ],
    ids=["empty", "binary", "undecodable"],
)
def test_bad_input_is_one_clear_error_and_writes_nothing(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = run("build", str(SEED), str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {bad}")
    assert message in line
    assert not out.exists()
    assert not list(tmp_path.glob(".out.*"))  # no staging folder left behind


def test_missing_input_path(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.txt'}: no such file\n"
    assert not (tmp_path / "out").exists()


def test_page_without_keywords_is_a_warning_and_an_empty_pairing(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8").replace(
        "現實主義 ; 權力平衡 ; 越南外交政策 ; realism ; Vietnam diplomacy ; balance of power", ""
    )
    page = tmp_path / "nokw.txt"
    page.write_text(text, "utf-8")
    result = run("extract", str(page), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["pairs"] == [] and data["unpaired_zh"] == [] and data["unpaired_en"] == []
    assert any("keyword" in w for w in data["warnings"])
    result = run("build", str(page), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "Warning:" in result.stderr and "keyword" in result.stderr


def test_stdin_input() -> None:
    result = run("extract", "-", "--json", input=SEED.read_bytes())
    assert result.exit_code == 0
    assert {(p["zh"], p["en"]) for p in json.loads(result.stdout)["pairs"]} == EXPECTED_PAIRS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    body = result.stdout.split("\n\n", 2)
    assert len(body) >= 2 and len(body[1].strip()) > 20, "the command needs a description"


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from termkit.cli import cli\n"
        "try:\n    cli.main(['--help'], prog_name='termkit')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('opencc', 'pypinyin', 'lxml', 'polib', 'ahocorasick', 'rapidfuzz') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "HEAVY []" in out.stdout


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "termkit", "--version"], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.startswith("termkit, version")


def test_a_record_file_named_twice_is_read_once(tmp_path: Path) -> None:
    """`build R R`, or R and its folder: the records are counted once, as the glossary's
    sources already were."""
    from tests.inprocess import invoke

    folder = tmp_path / "records"
    folder.mkdir()
    record = folder / "r.txt"
    record.write_bytes((Path(__file__).parent.parent / "termkit" / "data"
                        / "example-record.txt").read_bytes())
    for inputs in ([record, record], [record, folder], [record, tmp_path / "records" / ".." /
                                                         "records" / "r.txt"]):
        code, out, err = invoke("build", *inputs, "-o", tmp_path / "out", "--json")
        assert code == 0, err
        summary = json.loads(out)
        assert summary["records"] == 1 and summary["inputs"] == [str(record)]
    code, out, err = invoke("extract", record, record)
    assert code == 0 and out.count("\n== ") + out.startswith("== ") == 1, out
