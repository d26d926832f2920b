"""Fuzz suite (issue 13, item 6): corrupted inputs never crash a command or change a file.

For each reader, a valid real file (the committed example glossary in every format, the
check fixtures, a real MediaWiki conversion group, real article records) is corrupted by
hypothesis (truncated, bytes inserted, slices deleted or repeated, nested thousands deep,
JSON values retyped, re-encoded) and given to every command that reads that format. Each run
must either succeed or print exactly one ``Error:`` line (``check`` one per failing file) with
exit status 1 or 2: never a traceback, never the "internal error" line of a bug, and the input
file is never changed and no temporary file is left behind.

The default run is fast (``tests.fuzzing.EXAMPLES`` cases per reader); ``pytest --fuzz-long``
runs many more. The terminal summary says how many cases were tried.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.cli import cli
from tests import fuzzing
from tests.conftest import DATA, ROOT

EXAMPLE = ROOT / "glossaries" / "example"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"
GLOSSARY = EXAMPLE / "glossary.txt"

# Commands, with {f} for the corrupted file and {out} for a fresh output folder.
IMPORT = ["import", "{f}", "-o", "{out}/g.glossary.txt"]
EXPORT = ["export", "{f}", "--to", "tmx", "-o", "{out}/g.tmx"]
EXPORT_JSON = ["export", "{f}", "--to", "json", "-o", "{out}/g.json"]
CONVERT = ["convert", "-c", "t2s", "{f}", "-o", "{out}/converted"]
CONVERT_G = ["convert", "-c", "tw2sp", "-g", "{f}", "-o", "{out}/c.txt", str(RECORD)]
PINYIN_G = ["pinyin", "-g", "{f}", "權力平衡與現實主義"]
CHECK = ["check", "-g", str(GLOSSARY), "{f}", "-o", "{out}/report.txt"]
CHECK_G = ["check", "-g", "{f}", str(DATA / "check" / "seeded.tmx"), "-o", "{out}/r.txt"]
TM_IMPORT = ["tm", "import", "--db", "{out}/tm.sqlite", "{f}"]
TM_RECORDS = ["tm", "import", "--db", "{out}/tm.sqlite", "--format", "records", "{f}"]
EXTRACT = ["extract", "--json", "{f}"]
BUILD = ["build", "{f}", "-o", "{out}/built", "--no-exports", "-q"]
PINYIN_I = ["pinyin", "-i", "{f}", "-o", "{out}/p.txt"]
DETECT = ["detect", "--expect", "hant", "{f}"]

# reader -> (valid seed, name of the corrupted file, commands that read it); a seed that is
# not committed (the Excel workbook) is written by termkit itself, once per session.
_GENERATED = Path(tempfile.mkdtemp(prefix="termkit-fuzz-seeds-"))
atexit.register(shutil.rmtree, _GENERATED, True)


def _xlsx_seed() -> Path:
    target = _GENERATED / "glossary.xlsx"
    if not target.exists():
        result = CliRunner().invoke(cli, ["export", str(GLOSSARY), "--to", "xlsx", "-o", str(target)])
        assert result.exit_code == 0, result.stderr
    return target


READERS: dict[str, tuple[Path, str, list[list[str]]]] = {
    "po": (DATA / "check" / "seeded.zh_TW.po", "in.zh_TW.po",
           [IMPORT, EXPORT, CHECK, TM_IMPORT, CONVERT]),
    "xlsx": (_GENERATED / "glossary.xlsx", "in.xlsx", [IMPORT, EXPORT, PINYIN_G]),
    "bibtex": (DATA / "records" / "bilingual.bib", "in.bib", [EXTRACT, BUILD, TM_RECORDS]),
    "endnote": (DATA / "records" / "refer_bilingual.enw", "in.enw", [EXTRACT, BUILD]),
    "endnotexml": (DATA / "records" / "endnotexml" / "cnki2xml-TEMP.cut.xml", "in.xml",
                   [EXTRACT, BUILD, TM_RECORDS]),
    "labelled": (DATA / "records" / "labelled_ndltd.txt", "in.txt", [EXTRACT, BUILD]),
    "termkit": (GLOSSARY, "in.glossary.txt", [IMPORT, EXPORT_JSON, CONVERT_G, PINYIN_G, CHECK_G]),
    "json": (EXAMPLE / "glossary.json", "in.json", [IMPORT, EXPORT, CONVERT_G, PINYIN_G, CHECK_G]),
    "tmx": (DATA / "check" / "seeded.tmx", "in.tmx", [IMPORT, EXPORT, CHECK, TM_IMPORT, CONVERT]),
    "tbx": (EXAMPLE / "glossary.tbx", "in.tbx", [IMPORT, EXPORT_JSON, CONVERT, CHECK_G]),
    "omegat": (EXAMPLE / "glossary.omegat.tsv", "in.omegat.tsv", [IMPORT, EXPORT, CONVERT_G]),
    "csv": (EXAMPLE / "glossary.csv", "in.csv", [IMPORT, EXPORT, CHECK, CONVERT]),
    "tsv": (DATA / "check" / "seeded.tsv", "in.tsv", [IMPORT, CHECK, TM_IMPORT, CONVERT]),
    "xliff": (DATA / "check" / "seeded.xlf", "in.xlf", [IMPORT, CHECK, TM_IMPORT, CONVERT]),
    "mediawiki": (DATA / "convert" / "cgroups" / "Geography.json", "in.cgroup.json",
                  [IMPORT, EXPORT, CONVERT_G]),
    "page": (RECORD, "in.txt", [EXTRACT, BUILD, TM_RECORDS, PINYIN_I, DETECT, CONVERT]),
    "ris": (DATA / "records" / "two_records.ris", "in.ris", [EXTRACT, BUILD, TM_RECORDS]),
    "jsonl": (DATA / "records" / "records.jsonl", "in.jsonl", [EXTRACT, BUILD, TM_RECORDS]),
}
# Exit 1 without an error is a result for these: findings.
FINDINGS = {"check", "detect"}


def outcome(reader: str, args: list[str], data: bytes) -> None:
    """Run one command on ``data``; assert it succeeded or failed with one clean line."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / READERS[reader][1]
        src.write_bytes(data)
        out = folder / "out"
        out.mkdir()
        argv = [a.format(f=src, out=out) for a in args]
        result = CliRunner().invoke(cli, argv)
        fuzzing.TRIED[reader] += 1
        where = f"termkit {' '.join(argv)}"
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{where}: {result.exception!r}")
        err = result.stderr
        assert "Traceback" not in err and "internal error" not in err, f"{where}\n{err}"
        errors = [line for line in err.splitlines() if not line.startswith("Warning: ")
                  and not line.endswith(" done")]  # progress summaries of long runs
        if result.exit_code == 0 or (result.exit_code == 1 and args[0] in FINDINGS
                                     and not errors):
            assert not errors, f"{where}\n{err}"
        else:
            fuzzing.REFUSED[reader] += 1
            assert result.exit_code in (1, 2), f"{where}: exit {result.exit_code}\n{err}"
            assert errors and all(e.startswith("Error: ") for e in errors), f"{where}\n{err}"
            assert len(errors) == 1 or args[0] == "check", f"{where}\n{err}"
        assert src.read_bytes() == data, f"{where} changed its input"
        leftovers = [p.name for p in folder.rglob(".*")]
        assert not leftovers, f"{where} left {leftovers}"


def _command_and_data(reader: str) -> st.SearchStrategy[tuple[list[str], bytes]]:
    if reader == "xlsx":
        _xlsx_seed()
    seed, _, commands = READERS[reader]
    return st.tuples(st.sampled_from(commands), fuzzing.corrupted(seed.read_bytes()))


@pytest.mark.parametrize("reader", sorted(READERS))
def test_corrupted_inputs_never_crash(reader: str) -> None:
    @settings(max_examples=fuzzing.EXAMPLES, deadline=None, derandomize=fuzzing.EXAMPLES < 100,
              suppress_health_check=list(HealthCheck))
    @given(case=_command_and_data(reader))
    def check(case: tuple[list[str], bytes]) -> None:
        args, data = case
        outcome(reader, args, data)

    check()


@pytest.mark.parametrize("reader", sorted(READERS))
def test_the_valid_seed_is_read(reader: str) -> None:
    # The corruptions start from files every command accepts (else the suite tests nothing).
    if reader == "xlsx":
        _xlsx_seed()
    seed, _, commands = READERS[reader]
    for args in commands:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / READERS[reader][1]
            src.write_bytes(seed.read_bytes())
            (Path(tmp) / "out").mkdir()
            argv = [a.format(f=src, out=Path(tmp) / "out") for a in args]
            result = CliRunner().invoke(cli, argv)
            assert result.exit_code == 0 or (result.exit_code == 1 and args[0] in FINDINGS), (
                f"termkit {' '.join(argv)}: {result.stderr}")


# Text given on the command line or stdin: any Unicode a shell can pass (no NUL, no lone
# surrogate: those never reach a command, see test_hardening_errors), CJK-heavy.
_ARG_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
    | st.sampled_from(list("權力平衡与现实主义曾單張國城·、；（）〇𠀀😀 \t\n-'")),
    max_size=30,
)
_TEXT_COMMANDS = [
    ["pinyin", "{t}"], ["pinyin", "--style", "wade-giles", "--name", "{t}"],
    ["pinyin", "--format", "json", "--heteronym", "{t}"], ["pinyin", "--format", "ruby", "{t}"],
    ["names", "romanize", "--style", "passport", "{t}"], ["names", "match", "{t}", "{u}"],
    ["tm", "search", "--db", "{db}", "{t}"], ["tm", "concordance", "--db", "{db}", "{t}"],
    ["convert", "-c", "s2twp", "-"], ["detect", "--expect", "hans", "-"],
]


def test_any_text_argument_is_handled(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = tmp_path_factory.mktemp("tm") / "tm.sqlite"
    result = CliRunner().invoke(cli, ["tm", "import", "--db", str(db), str(DATA / "check" / "seeded.tmx")])
    assert result.exit_code == 0, result.stderr

    @settings(max_examples=fuzzing.EXAMPLES * 4, deadline=None,
              derandomize=fuzzing.EXAMPLES < 100, suppress_health_check=list(HealthCheck))
    @given(args=st.sampled_from(_TEXT_COMMANDS), t=_ARG_TEXT, u=_ARG_TEXT)
    def check(args: list[str], t: str, u: str) -> None:
        if not t.strip():
            t = t + "x"
        argv = [a.format(t=t, u=u or "x", db=db) for a in args]
        result = CliRunner().invoke(cli, argv, input=t)
        fuzzing.TRIED["arguments"] += 1
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{argv}: {result.exception!r}")
        ok = result.exit_code == 0 or (result.exit_code == 1 and args[0] == "detect")
        lines = result.stderr.splitlines()
        if result.exit_code == 1 and args[:2] in (["tm", "search"], ["tm", "concordance"]):
            # Nothing found (grep's exit status 1): one note on stderr, nothing on stdout.
            assert result.stdout == "" and len(lines) == 1, f"{argv}: {result.stderr}"
            assert lines[0].startswith(f"tm {args[1]}: no unit "), f"{argv}: {result.stderr}"
            return
        if not ok:
            fuzzing.REFUSED["arguments"] += 1
            # Text that looks like an option (-0) is click's usage error: one line too.
            assert len(lines) == 1 and lines[0].startswith("Error: "), f"{argv}: {result.stderr}"
            assert "internal error" not in lines[0], f"{argv}: {result.stderr}"

    check()
