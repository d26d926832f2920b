"""`termkit check` end to end: report formats, exit statuses, bad input next to good input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from termkit.check.findings import CHECKS
from termkit.cli import COMMANDS, cli

from .conftest import DATA

HERE = DATA / "check"
G = str(HERE / "fixture.glossary.txt")
SEEDED = [str(HERE / n) for n in ("seeded.zh_TW.po", "seeded.tmx", "seeded.xlf", "seeded.tsv")]
CLEAN = [p.replace("seeded", "clean") for p in SEEDED]


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_registered_with_help_listing_every_check() -> None:
    assert COMMANDS["check"][0] == "termkit.cli.check:check"
    result = run("--help")
    assert result.exit_code == 0
    for name, (severity, *_rest) in CHECKS.items():
        assert name in result.output
        assert severity.value in result.output
    for option in ("--glossary", "--regional", "--pair", "--fail-on", "--format", "--target-lang"):
        assert option in result.output


def test_clean_files_exit_0() -> None:
    result = run("-g", G, *CLEAN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "0 findings (0 error(s), 0 warning(s)) in 4 file(s), 36 unit(s)\n"
    assert result.stderr == ""


def test_text_report_prints_each_unit_once_with_its_findings_under_it() -> None:
    result = run("-g", G, SEEDED[0])
    assert result.exit_code == 1
    po = SEEDED[0]
    # Unit 13 has two findings (the missing term and the deprecated one used instead): its
    # texts are printed once, every finding's span marked, the findings under them.
    assert result.stdout == f"""\
{po}:10: [unit Realism and its critics]
  source [en]: «Realism» and its critics
  target [zh-Hant-TW]: 實在論及其批評者
  missing-term (error): 'realism' is not rendered as '現實主義'

{po}:13: [unit The balance of power in Asia]
  source [en]: The «balance of power» in Asia
  target [zh-Hant-TW]: 亞洲的«均勢»
  missing-term (error): 'balance of power' is not rendered as '權力平衡'
  forbidden-term (error): deprecated rendering '均勢'; use '權力平衡'

{po}:19: [unit A review of foreign policies]
  source [en]: A review of «foreign policies»
  target [zh-Hant-TW]: «對外政策»回顧
  inconsistent (warning): 'foreign policy' rendered as '對外政策' here but as '外交政策' in 2 other unit(s)

{po}:25: [unit The balance of power]
  source [en]: The balance of power
  target [zh-Hant-TW]: «权力平衡»
  wrong-script (error): Simplified characters in a Traditional (zh-Hant-TW) target: '权力平衡' should be '權力平衡'

{po}:28: [unit Open source software]
  source [en]: Open source software
  target [zh-Hant-TW]: 開源«軟件»
  wrong-region (error): '軟件' is CN/HK usage; in a TW target write '軟體'

{po}:31: [unit Click here to continue]
  source [en]: Click here to continue
  target [zh-Hant-TW]: Click here to continue
  untranslated (warning): the target is identical to the source

{po}:34: [unit Save the file]
  source [en]: Save the file
  target [zh-Hant-TW]: \n  empty-target (warning): no target for a source with text

missing-term (error): 2 — glossary term in the source, no approved rendering in the target
forbidden-term (error): 1 — deprecated rendering used in the target
inconsistent (warning): 1 — same source term rendered differently across units
wrong-script (error): 1 — Simplified characters in a Traditional target, or the reverse
wrong-region (error): 1 — mainland vocabulary in a Taiwan/Hong Kong target, or the reverse
untranslated (warning): 1 — target identical to the source
empty-target (warning): 1 — source has text, target missing or blank
8 findings (5 error(s), 3 warning(s)) in 1 file(s), 9 unit(s)
"""


def test_text_report_marks_every_finding_of_a_unit_in_one_excerpt() -> None:
    """A long unit with three findings of one check (a real catalog): its source is printed
    once, its target once with the three places marked in their own windows; the JSON report
    keeps one object per finding, each with its own source and target."""
    grep = str(HERE / "po" / "gnu-grep-2.11-zh_CN.po")
    args = ("--checks", "punctuation-width", grep)
    text = run(*args).stdout
    findings = json.loads(run("--to", "json", *args).stdout)["findings"]
    ours = [f for f in findings if f["line"] == 230]
    assert len(ours) == 3 and len({f["target"] for f in ours}) == 1
    block = text.split(f"{grep}:230: [unit ")[1].split("\n\n")[0].splitlines()
    assert block[1].startswith("  source [en]: ") and "«" not in block[1]
    assert block[2].startswith("  target [zh-Hans-CN]: ")
    target = ours[0]["target"].replace("\n", "⏎")
    marked = [target[a:b] for f in ours for a, b in [f["target_span"]]]
    assert block[2].count("«") == 3 and [m.split("»")[0] for m in block[2].split("«")[1:]] == marked
    assert block[3:] == [f"  punctuation-width (warning): {f['message']}" for f in ours]
    # every finding of the JSON report is one line of the text report, each unit printed once
    lines = text.splitlines()
    assert sum(line.startswith("  punctuation-width (warning): ") for line in lines) == len(findings)
    units = {(f["file"], f["line"], f["unit"]) for f in findings}
    assert sum(line.startswith("  source [") for line in lines) == len(units)


def test_fail_on_levels() -> None:
    warnings_only = ["--check", "untranslated", "--check", "empty-target"]
    assert run("-g", G, *warnings_only, SEEDED[0]).exit_code == 0
    assert run("-g", G, *warnings_only, "--fail-on", "warning", SEEDED[0]).exit_code == 1
    assert run("-g", G, "--fail-on", "never", SEEDED[0]).exit_code == 0
    assert run("-g", G, "--skip", "missing-term", "--skip", "forbidden-term", "--skip",
               "wrong-script", "--skip", "wrong-region", SEEDED[0]).exit_code == 0


def test_json_report_schema_and_counts() -> None:
    result = run("-g", G, "--format", "json", *SEEDED)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema"] == "termkit-check/1"
    assert data["files"] == SEEDED
    summary = data["summary"]
    assert summary["findings"] == len(data["findings"]) == 32
    assert summary["units"] == 36
    assert summary["by_check"] == dict.fromkeys(CHECKS, 0) | {
        "missing-term": 8, "forbidden-term": 4, "inconsistent": 4, "wrong-script": 4,
        "wrong-region": 4, "untranslated": 4, "empty-target": 4,
    }
    assert summary["by_severity"] == {"error": 20, "warning": 12}
    keys = {"check", "severity", "file", "line", "column", "unit", "source_lang", "target_lang", "message",
            "term", "found", "expected", "concept", "source", "target", "source_span",
            "target_span"}
    for f in data["findings"]:
        assert set(f) == keys
        if f["target_span"]:
            start, end = f["target_span"]
            assert f["target"][start:end] == f["found"]
    assert data["errors"] == []


def test_junit_report_parses_and_counts(tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    result = run("-g", G, "--format", "junit", "-o", str(out), *SEEDED)
    assert result.exit_code == 1
    assert result.stdout == ""
    root = etree.parse(str(out)).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == SEEDED
    for s in suites:
        cases = s.findall("testcase")
        assert int(s.get("tests")) == len(cases)
        assert int(s.get("failures")) == len(s.findall("testcase/failure"))
        assert int(s.get("errors")) == 0
    per_file = {s.get("name"): s for s in suites}
    # Each seeded file: 8 findings, of which 5 errors (failures) and 3 warnings (passing).
    for path in SEEDED:
        assert per_file[path].get("tests") == "8"
        assert per_file[path].get("failures") == "5"
    assert root.get("tests") == str(4 * 8)
    assert root.get("failures") == str(4 * 5)
    assert root.get("errors") == "0"
    types = sorted({f.get("type") for f in root.iter("failure")})
    assert types == ["forbidden-term", "missing-term", "wrong-region", "wrong-script"]
    # A clean file is one passing test case.
    clean = run("-g", G, "--format", "junit", CLEAN[0])
    assert clean.exit_code == 0
    suite = etree.fromstring(clean.stdout_bytes).find("testsuite")
    assert suite is not None and suite.get("tests") == "1" and suite.get("failures") == "0"
    assert [c.get("name") for c in suite.findall("testcase")] == ["clean"]


def test_bad_file_reported_next_to_the_findings_of_the_others() -> None:
    bad = str(HERE / "bad.tmx")
    result = run("-g", G, bad, SEEDED[0])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}:7:")
    assert "malformed XML" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    # The good file's findings are all there; the bad file is counted as unreadable.
    assert ("\n" + result.stdout).count(f"\n{SEEDED[0]}:") == 7  # units (one has two findings)
    assert result.stdout.count("\n  source [") == 7
    assert result.stdout.endswith(
        "8 findings (5 error(s), 3 warning(s)) in 2 file(s), 9 unit(s); "
        "1 file(s) could not be read\n"
    )


def test_bad_file_in_json_and_junit(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.po")
    result = run("-g", G, "--format", "json", missing, SEEDED[0])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {missing}: no such file\n"
    data = json.loads(result.stdout)
    assert data["errors"] == [{"file": missing, "line": None, "column": None,
                               "message": "no such file"}]
    assert data["summary"]["findings"] == 8
    junit = run("-g", G, "--format", "junit", missing, SEEDED[0])
    assert junit.exit_code == 2
    root = etree.fromstring(junit.stdout_bytes)
    assert root.get("errors") == "1"
    suite = next(s for s in root.findall("testsuite") if s.get("name") == missing)
    assert suite.find("testcase/error") is not None


def test_bad_glossary_and_usage_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.glossary.txt"
    broken.write_text("# termkit glossary 1\n\n[c1]\nbogus: 1\n", encoding="utf-8")
    result = run("-g", str(broken), SEEDED[0])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {broken}:4")
    assert run("-g", G).exit_code == 2  # nothing to check
    assert run("-g", G, "--check", "nonsense", SEEDED[0]).exit_code == 2
    assert run("-g", G, "--skip", "spelling", SEEDED[0]).exit_code == 2
    # without a glossary the other checks run: the seeded script and unit problems remain
    no_glossary = run("--format", "json", SEEDED[0])
    assert no_glossary.exit_code == 1
    assert {f["check"] for f in json.loads(no_glossary.stdout)["findings"]} == {
        "wrong-script", "untranslated", "empty-target"}


def test_pair_with_different_line_counts(tmp_path: Path) -> None:
    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "a.zh.txt"
    src.write_text("one\ntwo\nthree\n", encoding="utf-8")
    tgt.write_text("一\n二\n", encoding="utf-8")
    result = run("-g", G, "--pair", str(src), str(tgt))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tgt}:3: 2 lines but the source")


def test_pair_and_stdin(tmp_path: Path) -> None:
    result = run("-g", G, "--target-lang", "zh-TW", "--pair", str(HERE / "pair.en.txt"),
                 str(HERE / "pair.zh_TW.txt"), "--format", "json")
    data = json.loads(result.stdout)
    assert [f["check"] for f in data["findings"]] == [
        "missing-term", "wrong-script", "untranslated", "empty-target"]
    # A PO file on stdin needs --input-format.
    po = Path(SEEDED[0]).read_bytes()
    piped = CliRunner().invoke(cli, ["check", "-g", G, "--input-format", "po", "-"], input=po)
    assert piped.exit_code == 1
    assert "-:10: [unit Realism and its critics]" in piped.stdout


def test_report_to_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.txt"
    target.parent.mkdir()  # termkit creates only the last part of an output path
    result = run("-g", G, "-o", str(target), SEEDED[1])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8").endswith("in 1 file(s), 9 unit(s)\n")
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_file_that_cannot_be_read(tmp_path: Path) -> None:
    if shutil.which("id") is None:  # pragma: no cover
        return
    import os

    if os.geteuid() == 0:  # root reads everything: nothing to test
        return
    locked = tmp_path / "locked.po"
    locked.write_bytes(Path(SEEDED[0]).read_bytes())
    locked.chmod(0)
    result = run("-g", G, str(locked), SEEDED[1])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {locked}: permission denied\n"


def test_unknown_input_format_names_the_check_options() -> None:
    result = run("-g", G, str(HERE / "pair.en.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: {HERE / 'pair.en.txt'}: cannot tell the format from the file name; "
        "pass --input-format (one of: ")
    assert "--pair SOURCE TARGET" in result.stderr


def test_stats_on_stderr() -> None:
    result = run("-g", G, "--stats", SEEDED[0])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "units: 9, segments: 9"
    names = [line.split(":")[0] for line in lines[1:]]
    assert names == sorted(["match-terms", "inconsistent", *(c for c in CHECKS if c not in (
        "missing-term", "forbidden-term", "inconsistent", "syntax"))])


def test_several_glossaries_keep_their_own_statuses(tmp_path: Path) -> None:
    # Two preferred renderings in one file would be re-settled to candidates by a merge;
    # the check must still require one of them.
    two = tmp_path / "two.glossary.txt"
    two.write_text(
        "# termkit glossary 1\n\n[c1]\nkind: term\nstatus: preferred\n"
        "term zh-Hant: 現實主義\n  status: preferred\n"
        "term en: realism\n  status: preferred\nterm en: political realism\n  status: preferred\n",
        encoding="utf-8",
    )
    src = tmp_path / "s.zh.txt"
    tgt = tmp_path / "t.en.txt"
    src.write_text("現實主義\n", encoding="utf-8")
    tgt.write_text("idealism\n", encoding="utf-8")
    result = run("-g", str(two), "-g", G, "--pair", str(src), str(tgt), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    # One finding per concept: this file's (both renderings required) and the fixture's.
    assert sorted((f["check"], f["expected"]) for f in data["findings"]) == [
        ("missing-term", ["realism"]),
        ("missing-term", ["realism", "political realism"]),
    ]


def test_undecodable_text_pair_names_the_line(tmp_path: Path) -> None:
    src = tmp_path / "s.en.txt"
    tgt = tmp_path / "t.zh.txt"
    src.write_text("one\ntwo\n", encoding="utf-8")
    tgt.write_bytes("一\n".encode() + b"\xff\xfe\xfa\x80bad\n")
    result = run("-g", G, "--pair", str(src), str(tgt), SEEDED[0])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tgt}:2:")
    assert ("\n" + result.stdout).count(f"\n{SEEDED[0]}:") == 7  # units (one has two findings)
    assert result.stdout.count("\n  source [") == 7  # the PO is still checked


def test_readme_lists_every_check_with_an_example() -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### `termkit check`", 1)[1].split("\n### ", 1)[0]
    for name, info in CHECKS.items():
        row = next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, name
        assert info.example.replace("|", "\\|") in row
