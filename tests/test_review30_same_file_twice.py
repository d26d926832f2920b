"""review30: `tm pretranslate` and `tm analyze` given one file twice take it once.

`tm pretranslate x.po x.po -o out` filled x.po twice and its total counted every segment
twice; `tm analyze x.po ./x.po` counted the second mention as 41 repetitions, so the job's
total (what a quote is priced on) held twice the words. `check`, `build`, `extract` and
`import` already take a file named twice once (termkit.inputs.distinct).

Oracle: the same command run on the file named once.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib

from tests.conftest import DATA
from tests.inprocess import invoke

MEMORY = DATA / "po" / "opencc-0.1.2-zh_TW.po"
JOB = DATA / "po" / "opencc-0.1.2-zh_CN.po"


def _project(tmp_path: Path) -> None:
    code, _out, err = invoke("tm", "import", "--db", "tm.sqlite", MEMORY, cwd=tmp_path)
    assert code == 0, err
    job = polib.pofile(str(JOB))
    for entry in job:
        entry.msgstr = ""
    job.save(str(tmp_path / "x.po"))


def test_pretranslate_counts_a_file_named_twice_once(tmp_path: Path) -> None:
    _project(tmp_path)
    code, out, err = invoke("tm", "pretranslate", "--db", "tm.sqlite", "--json", "x.po",
                            "-o", "once.po", cwd=tmp_path)
    assert code == 0, err
    (once,) = [s for s in json.loads(out) if s["file"] != "total"]
    assert sum(once["filled"].values()) > 10  # the memory fills most of it
    for args in (["x.po", "x.po"], ["x.po", "./x.po"], ["x.po", "../" + tmp_path.name + "/x.po"]):
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
        code, out, err = invoke("tm", "pretranslate", "--db", "tm.sqlite", "--json", *args,
                                "-o", "out", cwd=tmp_path)
        assert code == 0, err
        summaries = json.loads(out)
        assert [s["file"] for s in summaries] == ["x.po", "total"], args
        assert {**summaries[1], "file": "x.po"} == once, args
        # several INPUTs still mean a folder, holding the file once
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.po"]
        assert (tmp_path / "out" / "x.po").read_bytes() == (tmp_path / "once.po").read_bytes()


def test_analyze_counts_a_file_named_twice_once(tmp_path: Path) -> None:
    _project(tmp_path)
    runs = []
    for args in (["x.po"], ["x.po", "x.po"], ["x.po", "./x.po"]):
        code, out, err = invoke("tm", "analyze", "--db", "tm.sqlite", "--json", *args,
                                cwd=tmp_path)
        assert code == 0, err
        runs.append(json.loads(out))
    total = runs[0]["files"][-1]
    assert total["bands"]["repetitions"]["segments"] == 0
    assert total["bands"]["101"]["segments"] > 10
    assert runs[1] == runs[0] and runs[2] == runs[0]


def test_stdin_named_twice_is_a_usage_error(tmp_path: Path) -> None:
    _project(tmp_path)
    data = (tmp_path / "x.po").read_bytes()
    for command in (["pretranslate", "-o", "out"], ["analyze"]):
        code, _out, err = invoke("tm", command[0], "--db", "tm.sqlite", "--format", "po",
                                 *command[1:], "-", "-", cwd=tmp_path, input=data)
        assert code == 2, err
        assert err.startswith("Error: `-` (stdin) is given twice"), err
    assert not (tmp_path / "out").exists()


def test_import_reads_a_file_named_twice_once(tmp_path: Path) -> None:
    # Named twice in two spellings, its terms counted as two sightings (`support: 2`) and
    # their statuses were raised as if two files agreed.
    shutil.copy(JOB, tmp_path / "x.po")
    (tmp_path / "po").mkdir()
    shutil.copy(JOB, tmp_path / "po" / "y.po")
    code, _out, err = invoke("import", "x.po", "-o", "once.txt", cwd=tmp_path)
    assert code == 0, err
    once = (tmp_path / "once.txt").read_bytes()
    assert b"support: 2" not in once
    for args in (["x.po", "./x.po"], ["x.po", "../" + tmp_path.name + "/x.po"]):
        code, _out, err = invoke("import", *args, "-o", "twice.txt", cwd=tmp_path)
        assert code == 0, err
        assert (tmp_path / "twice.txt").read_bytes() == once, args
    code, _out, err = invoke("import", "po/y.po", "-o", "y.txt", cwd=tmp_path)
    assert code == 0, err
    code, _out, err = invoke("import", "po", "./po/y.po", "-o", "twice.txt", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "twice.txt").read_bytes() == (tmp_path / "y.txt").read_bytes()


def test_tm_import_reads_a_file_named_twice_once(tmp_path: Path) -> None:
    shutil.copy(JOB, tmp_path / "x.po")
    code, out, err = invoke("tm", "import", "--db", "tm.sqlite", "x.po", "./x.po", cwd=tmp_path)
    assert code == 0, err
    assert out.count("read,") == 1 and " 0 duplicates" in out, out
