"""Issue 13, item 2: every command maps every expected failure to one ``Error:`` line.

One test (or parametrized family) per traceback cause the issue found: deeply nested JSON,
integers over 4,300 digits, lone surrogates, wrong types in a JSON glossary, a TBX whose
bytes do not match its declared encoding, output paths, non-UTF-8 arguments, hand-edited TM
rows; plus the guard itself (a bug is one line, the traceback only with --debug), and the
smaller items (XML errors on one line with the real position, non-finite numbers, bad tags,
negative schema versions, empty files).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def assert_one_error(code: int, err: str, *, exit_code: int = 1, says: str = "") -> None:
    """Exit ``exit_code`` and exactly one stderr line, ``Error: …`` (no traceback, no bug)."""
    lines = err.splitlines()
    assert code == exit_code, err
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert "internal error" not in err and "Traceback" not in err
    assert says in lines[0], err


def glossary_json(tmp_path: Path, mutate: dict[str, object]) -> Path:
    data = json.loads((EXAMPLE / "glossary.json").read_text("utf-8"))
    data["concepts"][0].update(mutate)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


# Every command that reads a JSON glossary, with the glossary's place in its arguments.
def glossary_readers(g: Path, tmp: Path) -> list[list[str | Path]]:
    out = tmp / "out"
    return [
        ["import", g, "-o", f"{out}.txt"],
        ["export", g, "--to", "tmx", "-o", f"{out}.tmx"],
        ["convert", "-c", "s2t", "-g", g, "-o", f"{out}.conv", RECORD],
        ["pinyin", "-g", g, "中文"],
        ["audit", g],
    ]


# ---------------------------------------------------------------- 1. deeply nested JSON

DEEP = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_records(tmp_path: Path) -> None:
    src = tmp_path / "deep.jsonl"
    src.write_text('{"id": "r1", "title_en": ' + DEEP + "}\n", "utf-8")
    db = tmp_path / "tm.sqlite"
    for args in (["extract", src], ["extract", "--json", src], ["build", src, "-o", tmp_path / "o"],
                 ["tm", "import", "--db", db, "--format", "records", src]):
        code, _, err = run(*args)
        assert_one_error(code, err, says="nested deeper than 100 levels")
        assert f"{src}:1" in err


def test_deeply_nested_json_glossary(tmp_path: Path) -> None:
    g = tmp_path / "deep.json"
    g.write_text(DEEP, "utf-8")
    for args in glossary_readers(g, tmp_path):
        code, _, err = run(*args)
        assert_one_error(code, err, says="nested deeper than 100 levels")


def test_a_moderately_nested_json_value_that_is_still_refused(tmp_path: Path) -> None:
    # 500 levels parse in Python, but code that walks them (json.dumps of a kept section)
    # may not: refused at the reader, like the deeper ones.
    src = tmp_path / "mid.jsonl"
    src.write_text('{"id": "r1", "extra": ' + "[" * 500 + "]" * 500 + "}\n", "utf-8")
    code, _, err = run("extract", "--json", src)
    assert_one_error(code, err, says="nested deeper")


# ---------------------------------------------------------------- 2. huge integers


def test_integer_over_4300_digits(tmp_path: Path) -> None:
    g = tmp_path / "big.json"
    text = (EXAMPLE / "glossary.json").read_text("utf-8")
    g.write_text(text.replace('"confidence": 1.0', '"confidence": ' + "9" * 5000, 1), "utf-8")
    for args in glossary_readers(g, tmp_path):
        code, _, err = run(*args)
        assert_one_error(code, err, says="integer of 5000 digits is too long")
    rec = tmp_path / "big.jsonl"
    rec.write_text('{"id": "r1", "volume": ' + "1" * 5000 + "}\n", "utf-8")
    code, _, err = run("extract", rec)
    assert_one_error(code, err, says="too long")


# ---------------------------------------------------------------- 3. lone surrogates


def test_lone_surrogate_in_json(tmp_path: Path) -> None:
    rec = tmp_path / "s.jsonl"
    rec.write_text('{"id": "r1", "title_zh": "權力\\ud800平衡", "keywords_zh": ["現實主義"],'
                   ' "keywords_en": ["realism"]}\n', "utf-8")
    for args in (["extract", "--json", rec], ["build", rec, "-o", tmp_path / "o"]):
        code, _, err = run(*args)
        assert_one_error(code, err, says="lone surrogate")
        assert f"{rec}:1:" in err
    g = tmp_path / "g.json"
    text = (EXAMPLE / "glossary.json").read_text("utf-8")
    g.write_text(text.replace('"text": "權力平衡"', '"text": "權力\\udc00"', 1), "utf-8")
    for args in glossary_readers(g, tmp_path):
        code, _, err = run(*args)
        assert_one_error(code, err, says="lone surrogate")
    # A valid pair stays valid.
    rec.write_text('{"id": "r1", "title_zh": "\\ud840\\udc00"}\n', "ascii")
    code, out, err = run("extract", "--json", rec)
    assert code == 0, err
    assert json.loads(out)["title"]["zh"] == "\U00020000"


# ---------------------------------------------------------------- 4. wrong types


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("confidence", "high", "'confidence' must be a number"),
        ("confidence", True, "'confidence' must be a number"),
        ("domains", "人文學", "'domains' must be a list"),
        ("terms", [{"text": 1, "lang": "en"}], "'text' must be a string"),
        ("terms", [{"text": "x", "lang": "en", "support": "many"}], "'support' must be a whole"),
        ("props", {"x": 1}, "prop 'x' must be a string"),
        ("kind", "animal", "'kind' must be one of"),
        ("sources", [{"path": "a", "line": "ten"}], "'line' must be a whole number"),
    ],
)
def test_wrong_types_in_a_json_glossary(tmp_path: Path, field: str, value: object,
                                        says: str) -> None:
    g = glossary_json(tmp_path, {field: value})
    code, _, err = run("export", g, "--to", "termkit")
    assert_one_error(code, err, says=says)
    assert str(g) in err


# ---------------------------------------------------------------- 5. TBX encoding


def test_tbx_declaring_utf8_holding_big5(tmp_path: Path) -> None:
    text = (EXAMPLE / "glossary.tbx").read_text("utf-8")
    bad = tmp_path / "big5.tbx"
    bad.write_bytes(text.encode("big5", "replace"))
    for args in (["import", bad, "-o", tmp_path / "o.txt"],
                 ["export", bad, "--to", "csv"],
                 ["convert", "-c", "t2s", bad, "-o", tmp_path / "o.tbx"]):
        code, _, err = run(*args)
        assert_one_error(code, err, says="Invalid bytes in character encoding")
        assert f"{bad}:" in err and ":0:0:" not in err


# ---------------------------------------------------------------- 6. output paths


def output_commands(out: str, tmp: Path) -> dict[str, list[str | Path]]:
    db = tmp / "tm.sqlite"
    if not db.exists():
        code, _, err = run("tm", "import", "--db", db, EXAMPLE / "glossary.tmx")
        assert code == 0, err
    return {
        "export": ["export", EXAMPLE / "glossary.txt", "--to", "tmx", "-o", out],
        "import": ["import", EXAMPLE / "glossary.tmx", "-o", out],
        "convert": ["convert", "-c", "t2s", RECORD, "-o", out],
        "pinyin": ["pinyin", "權力平衡", "-o", out],
        "check": ["check", "-g", EXAMPLE / "glossary.txt", EXAMPLE / "glossary.zh_TW.po",
                  "-o", out],
        "tm export": ["tm", "export", "--db", db, "-o", out],
        "build": ["build", RECORD, "-o", out],
    }


def bad_outputs(tmp: Path) -> dict[str, tuple[str, int, str]]:
    """name -> (path, exit code, what the error says)."""
    (tmp / "afile").write_text("x", "utf-8")
    (tmp / "adir").mkdir(exist_ok=True)
    return {
        "under a file": (str(tmp / "afile" / "x"), 1, ""),
        "empty name": ("", 2, "empty output"),
        "in /proc": ("/proc/termkit-no-such/x", 1, "/proc/termkit-no-such/x"),
        "in /sys": ("/sys/termkit-x", 1, "/sys/termkit-x"),
    }


@pytest.mark.parametrize("command", ["export", "import", "convert", "pinyin", "check",
                                     "tm export", "build"])
def test_output_path_errors(tmp_path: Path, command: str) -> None:
    for name, (out, exit_code, says) in bad_outputs(tmp_path).items():
        args = output_commands(out, tmp_path)[command]
        code, _, err = run(*args)
        if command == "check" and exit_code == 1:
            exit_code = 2  # check: every input or output problem is exit 2
        assert_one_error(code, err, exit_code=exit_code, says=says)
        assert "afile" not in name or (tmp_path / "afile").read_text("utf-8") == "x"


@pytest.mark.parametrize("command", ["export", "import", "convert", "pinyin", "check",
                                     "tm export"])
def test_output_is_a_folder(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    code, _, err = run(*output_commands(str(folder), tmp_path)[command])
    assert_one_error(code, err, exit_code=2 if command == "check" else 1, says="folder")
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_in_an_unwritable_folder(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        for command, args in output_commands(str(ro / "x"), tmp_path).items():
            code, _, err = run(*args)
            assert_one_error(code, err, exit_code=2 if command == "check" else 1,
                             says="Permission denied")
    finally:
        ro.chmod(0o755)


def test_build_into_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", "utf-8")
    code, _, err = run("build", RECORD, "-o", tmp_path / "afile")
    assert_one_error(code, err, says="not a folder")
    assert (tmp_path / "afile").read_text("utf-8") == "x"


# ---------------------------------------------------------------- 7. non-UTF-8 arguments


def termkit_bytes(*args: bytes | str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "termkit", *args], capture_output=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)


def test_non_utf8_arguments_real_process(tmp_path: Path) -> None:
    done = termkit_bytes("pinyin", b"\xff", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode("utf-8", "replace").splitlines() == [
        "Error: argument 2 is not valid UTF-8: b'\\xff'; termkit reads its arguments "
        "(text, file names, options) as UTF-8"
    ]


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    # Interrupted mid-run, a command says so and exits 128 + SIGINT (click said "Aborted!"
    # and 1, which a script cannot tell from a failure); the output is not half-written.
    import signal
    import time

    fifo, out = tmp_path / "in.txt", tmp_path / "out.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "convert", "-c", "t2s", str(fifo),
                             "-o", str(out)], cwd=tmp_path, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            # as from a terminal, even when the suite runs in the background
                            # (a shell without job control starts it with SIGINT ignored)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        # Opening the FIFO returns once termkit has opened it too: it is running, and now
        # waits for its input. The signal is sent once it sleeps in that read: a signal that
        # lands between two C-level reads of a buffered file is only seen when the second
        # read returns (CPython checks signals there), and here it never would.
        with open(fifo, "w", encoding="utf-8"):
            wchan = Path(f"/proc/{proc.pid}/wchan")
            for _ in range(200):  # a kernel that hides where a process sleeps: 10 s, then on
                if "pipe" in wchan.read_text():
                    break  # asleep reading the FIFO
                time.sleep(0.05)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert err.decode() == "Interrupted\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


@pytest.mark.parametrize(("closed", "args", "code"), [
    (0, ["pinyin"], 1),                        # text from stdin
    (0, ["convert", "-c", "s2t", "-"], 1),
    (0, ["names", "romanize"], 1),
    (1, ["pinyin", "中文"], 1),                 # the result to stdout
    (1, ["export", str(EXAMPLE / "glossary.txt"), "--to", "tmx"], 1),
    (1, ["export", str(EXAMPLE / "glossary.txt"), "-o", "out.tmx"], 0),  # stdout not needed
])
def test_a_closed_standard_stream(tmp_path: Path, closed: int, args: list[str],
                                  code: int) -> None:
    # Run from cron or a daemon with `<&-` or `>&-`: Python has no sys.stdin / sys.stdout
    # then, and every command that touched them said "internal error (a bug in termkit)".
    done = subprocess.run(
        [sys.executable, "-m", "termkit", *args], cwd=tmp_path, check=False,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=lambda: os.close(closed))
    err = done.stderr.decode()
    assert done.returncode == code, err
    if code:
        assert_one_error(done.returncode, err, exit_code=code)
        assert "internal error" not in err
    else:
        assert err == "" and (tmp_path / "out.tmx").read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    "args",
    [
        ["pinyin", "\udcff"],
        ["tm", "search", "--db", "{db}", "abc\udcff"],
        ["tm", "concordance", "--db", "{db}", "\udce4"],
        ["tm", "import", "--db", "{db}", "--domain", "x\udcff", str(EXAMPLE / "glossary.tmx")],
        ["import", "\udcff.po", "-o", "x.txt"],
    ],
)
def test_non_utf8_arguments(tmp_path: Path, args: Sequence[str]) -> None:
    db = tmp_path / "tm.sqlite"
    code, _, err = run("tm", "import", "--db", db, EXAMPLE / "glossary.tmx")
    assert code == 0, err
    before = db.read_bytes()
    code, _, err = run(*[a.replace("{db}", str(db)) for a in args])
    assert_one_error(code, err, exit_code=2, says="is not valid UTF-8")
    assert db.read_bytes() == before


# ---------------------------------------------------------------- 8. hand-edited TM rows


def edited_tm(tmp_path: Path, sql: str) -> Path:
    db = tmp_path / "tm.sqlite"
    code, _, err = run("tm", "import", "--db", db, EXAMPLE / "glossary.tmx")
    assert code == 0, err
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    return db


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("UPDATE unit SET variants = '[bad' WHERE id = 1", "unit #1 is damaged"),
        ("UPDATE unit SET variants = '[[1]]' WHERE id = 1", "unit #1 is damaged"),
        ("UPDATE unit SET meta = '[]' WHERE id = 1", "unit #1 is damaged"),
        ("UPDATE unit SET source = 99 WHERE id = 2", "import #99, which is not in the file"),
    ],
)
def test_hand_edited_tm_rows(tmp_path: Path, sql: str, says: str) -> None:
    db = edited_tm(tmp_path, sql)
    for args in (["tm", "export", "--db", db, "-o", tmp_path / "x.tmx"],
                 ["tm", "stats", "--db", db, "--conflicts"]):
        code, _, err = run(*args)
        if code == 0:
            assert args[1] == "stats" and "source" not in sql  # stats reads no unit row
            continue
        assert_one_error(code, err, says=says)
        assert str(db) in err
    assert not (tmp_path / "x.tmx").exists()


def test_dangling_source_in_stats(tmp_path: Path) -> None:
    db = edited_tm(tmp_path, "UPDATE unit SET source = 99 WHERE id = 2")
    code, _, err = run("tm", "stats", "--db", db)
    assert_one_error(code, err, says="import #99")


def test_negative_schema_version(tmp_path: Path) -> None:
    db = edited_tm(tmp_path, "PRAGMA user_version = -1")
    for args in (["tm", "stats", "--db", db], ["tm", "import", "--db", db, EXAMPLE / "glossary.tmx"]):
        code, _, err = run(*args)
        assert_one_error(code, err, says="schema -1 is not a version termkit writes")
        assert "already exists" not in err


# ---------------------------------------------------------------- 9. the guard itself


def test_an_unexpected_exception_is_one_line_saying_it_is_a_bug(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import termkit.pinyin

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(termkit.pinyin, "annotate", broken)
    monkeypatch.delenv("TERMKIT_DEBUG", raising=False)
    result = CliRunner().invoke(cli, ["pinyin", "中文"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: internal error (a bug in termkit 0.1.0): RuntimeError: boom second line; "
        "please report it with the command you ran and the traceback that "
        "`termkit --debug ...` (or TERMKIT_DEBUG=1) prints"
    ]
    # With --debug (or the variable) the exception goes through, traceback and all.
    for args, env in ((["--debug", "pinyin", "中文"], {}), (["pinyin", "中文"], {"TERMKIT_DEBUG": "1"})):
        result = CliRunner(env=env).invoke(cli, args)
        assert isinstance(result.exception, RuntimeError)
    result = CliRunner(env={"TERMKIT_DEBUG": "0"}).invoke(cli, ["pinyin", "中文"])
    assert "internal error" in result.stderr


def test_debug_traceback_in_a_real_process(tmp_path: Path) -> None:
    # A real bug is hard to come by on purpose: a glossary reader module replaced by one that
    # raises shows what a user sees, in a subprocess as they run it.
    shim = tmp_path / "shim"
    (shim / "termkit_shim").mkdir(parents=True)
    (shim / "sitecustomize.py").write_text(
        "import termkit.formats.termkit_text as m\n"
        "def boom(*a, **k):\n    raise ZeroDivisionError('shim')\n"
        "m.read_glossary = boom\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": f"{shim}{os.pathsep}{ROOT}"}
    env.pop("TERMKIT_DEBUG", None)
    args = [sys.executable, "-m", "termkit", "export", str(EXAMPLE / "glossary.txt"), "--to", "csv"]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert "a bug in termkit" in done.stderr and "ZeroDivisionError: shim" in done.stderr
    done = subprocess.run(args, capture_output=True, text=True, check=False,
                          env={**env, "TERMKIT_DEBUG": "1"})
    assert done.stderr.splitlines()[0] == "Traceback (most recent call last):"
    assert done.stderr.splitlines()[-1] == "ZeroDivisionError: shim"


# ---------------------------------------------------------------- smaller items


def test_xml_error_with_a_nul_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "nul.tmx"
    bad.write_bytes(b'<?xml version="1.0"?><tmx version="1.4"><header/><body><tu>'
                    b'<tuv xml:lang="en"><seg>a\x00b</seg></tuv></tu></body></tmx>')
    for args in (["import", bad, "-o", tmp_path / "o.txt"], ["convert", "-c", "s2t", bad],
                 ["tm", "import", "--db", tmp_path / "tm.sqlite", bad]):
        code, _, err = run(*args)
        assert_one_error(code, err, says=f"{bad}:1:85: malformed XML: Invalid character")
        assert "line 1, column" not in err


def test_tmx_errors_have_the_real_position_everywhere(tmp_path: Path) -> None:
    bad = tmp_path / "ent.tmx"
    bad.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body><tu>'
                   '<tuv xml:lang="en"><seg>a &foo; b</seg></tuv></tu>\n</body></tmx>', "utf-8")
    expected = f"Error: {bad}:2:70: malformed XML: Entity 'foo' not defined"
    for args in (["import", bad, "-o", tmp_path / "o.txt"],
                 ["tm", "import", "--db", tmp_path / "tm.sqlite", bad],
                 ["convert", "-c", "s2t", bad]):
        code, _, err = run(*args)
        assert code == 1 and err.splitlines() == [expected], err
    code, _, err = run("check", "-g", EXAMPLE / "glossary.txt", bad)
    assert code == 2 and err.splitlines() == [expected], err


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e999999"])
def test_non_finite_confidence_in_the_text_format(tmp_path: Path, value: str) -> None:
    text = (EXAMPLE / "glossary.txt").read_text("utf-8").replace("confidence: 1", f"confidence: {value}", 1)
    g = tmp_path / "g.glossary.txt"
    g.write_text(text, "utf-8")
    code, _, err = run("export", g, "--to", "json")
    assert_one_error(code, err, says="confidence must be a finite number")
    line = text.splitlines().index(f"confidence: {value}") + 1
    assert f"{g}:{line}:" in err


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999999"])
def test_non_finite_numbers_in_json(tmp_path: Path, token: str) -> None:
    g = tmp_path / "g.json"
    text = (EXAMPLE / "glossary.json").read_text("utf-8")
    g.write_text(text.replace('"confidence": 1.0', f'"confidence": {token}', 1), "utf-8")
    code, _, err = run("export", g, "--to", "json")
    assert_one_error(code, err, says="JSON")
    rec = tmp_path / "r.jsonl"
    rec.write_text('{"id": "r1", "volume": ' + token + "}\n", "utf-8")
    code, out, err = run("extract", "--json", rec)
    assert_one_error(code, err, says=f"{rec}:1:")
    assert out == ""


def test_bad_language_tag_in_the_text_format(tmp_path: Path) -> None:
    text = (EXAMPLE / "glossary.txt").read_text("utf-8").replace("term en:", "term !!!bad-tag!!!:", 1)
    g = tmp_path / "g.glossary.txt"
    g.write_text(text, "utf-8")
    out = tmp_path / "g.tmx"
    code, _, err = run("export", g, "--to", "tmx", "-o", out)
    assert_one_error(code, err, says="bad language tag '!!!bad-tag!!!'")
    assert not out.exists()


@pytest.mark.parametrize("tag", ["!!!bad-tag!!!", "en-!!!", "e", "zh-Hant-TW-", "12"])
def test_bad_language_tags_in_any_reader(tmp_path: Path, tag: str) -> None:
    tmx = (EXAMPLE / "glossary.tmx").read_text("utf-8").replace('xml:lang="en"', f'xml:lang="{tag}"', 1)
    src = tmp_path / "bad.tmx"
    src.write_text(tmx, "utf-8")
    g = glossary_json(tmp_path, {"terms": [{"text": "x", "lang": tag}]})
    for args in (["import", src, "-o", tmp_path / "o.txt"], ["export", g, "--to", "tmx"],
                 ["tm", "import", "--db", tmp_path / "tm.sqlite", src]):
        code, out, err = run(*args)
        assert_one_error(code, err, says="bad language tag")
        assert "xml:lang" not in out


def test_well_formed_tags_still_read(tmp_path: Path) -> None:
    tmx = (EXAMPLE / "glossary.tmx").read_text("utf-8").replace('xml:lang="en"', 'xml:lang="en-GB-oed"', 1)
    src = tmp_path / "ok.tmx"
    src.write_text(tmx, "utf-8")
    code, _, err = run("import", src, "-o", tmp_path / "o.txt")
    assert code == 0, err


@pytest.mark.parametrize("name", ["empty.omegat.tsv", "empty.cgroup.json", "empty.json"])
def test_empty_files_are_errors_in_every_format(tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    src.write_bytes(b"")
    code, _, err = run("import", src, "-o", tmp_path / "o.txt")
    assert_one_error(code, err, says=f"{src}: empty file")


def test_tm_search_on_a_damaged_row_names_it(tmp_path: Path) -> None:
    db = edited_tm(tmp_path, "UPDATE unit SET variants = '{\"a\": 1}'")
    for args in (["concordance", "realism"], ["search", "realism"]):
        code, _, err = run("tm", args[0], "--db", db, args[1])
        assert_one_error(code, err, exit_code=2, says="is damaged")  # 1: nothing found
