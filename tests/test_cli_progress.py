"""The progress line of long runs: on stderr, only on a terminal, with rate and ETA.

The helper is tested with a fake clock and stream; the commands (`convert`, `tm import`,
`import`, `build`) with the terminal test and the delay patched, so a short run shows what
a long one would; a real pseudo-terminal checks that a real run draws and erases its line.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli, progress
from termkit.cli.progress import Progress, render_line
from tests.terminal import run_on_a_terminal, termkit_argv, warm_dictionaries

from .conftest import DATA, ROOT, SEED


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_render_bytes_with_rate_and_eta() -> None:
    line = render_line("Converting", 4_200_000, 10_000_000, "B", 2.0)
    assert line == "Converting:  42% 4.2 MB/10.0 MB, 2.1 MB/s, ETA 0:03"


def test_render_counts_and_unknown_totals() -> None:
    assert render_line("Pairing records", 1500, 3000, "records", 3.0) == (
        "Pairing records:  50% 1,500/3,000 records, 500 records/s, ETA 0:03")
    assert render_line("Importing", 5_000_000, None, "B", 4.0) == "Importing: 5.0 MB, 1.2 MB/s"
    assert render_line("x", 10, 10, "files", 1.0).endswith("ETA 0:00")
    assert "ETA 1:01:40" in render_line("x", 1, 3_701, "", 1.0)


def test_nothing_before_the_delay_nothing_off_a_terminal() -> None:
    clock, out = Clock(), io.StringIO()
    with Progress("Run", 100, "", stream=out, enabled=True, clock=clock) as bar:
        bar.update(10)
        clock.now += 0.5
        bar.update(20)
    assert out.getvalue() == ""  # a run shorter than the delay shows nothing
    out = io.StringIO()
    with Progress("Run", 100, "", stream=out, enabled=False, clock=clock) as bar:
        clock.now += 10
        bar.update(50)
    assert out.getvalue() == ""


def test_drawn_throttled_and_erased() -> None:
    clock, out = Clock(), io.StringIO()
    bar = Progress("Run", 100, "files", stream=out, enabled=True, clock=clock)
    clock.now += 2
    bar.update(50)
    first = out.getvalue()
    assert first == "\rRun:  50% 50/100 files, 25 files/s, ETA 0:02"
    bar.update(51)  # within the redraw interval: not drawn
    assert out.getvalue() == first
    clock.now += 1
    bar.advance(24)
    assert out.getvalue().endswith("\rRun:  75% 75/100 files, 25 files/s, ETA 0:01")
    bar.close()
    assert out.getvalue().endswith("\r" + " " * len("Run:  75% 75/100 files, 25 files/s, ETA 0:01")
                                   + "\r")


def test_a_long_line_is_cut_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    clock, out = Clock(), io.StringIO()
    bar = Progress("權力平衡" * 10, 100, "", stream=out, enabled=True, clock=clock)
    clock.now += 2
    bar.update(1)
    drawn = out.getvalue()[1:]
    assert progress.columns(drawn) <= 29 and drawn.endswith("…")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands see a terminal on stderr and draw at once (a short run, as a long one)."""
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(Progress, "delay", 0.0)
    monkeypatch.setattr(Progress, "interval", 0.0)


def lines_drawn(stderr: str) -> list[str]:
    return [part for part in stderr.split("\r") if part.strip()]


def test_convert_shows_bytes_rate_and_eta(terminal: None, tmp_path: Path) -> None:
    src = tmp_path / "big.txt"
    src.write_text("软件和信息\n" * 200_000, encoding="utf-8")  # 3.2 MB, several blocks
    result = CliRunner().invoke(cli, ["convert", "-c", "s2twp", str(src), "-o",
                                      str(tmp_path / "out.txt")])
    assert result.exit_code == 0
    drawn = lines_drawn(result.stderr)
    assert drawn and all(d.startswith("Converting: ") and "MB/s" in d and "ETA" in d
                         for d in drawn)
    assert len(drawn) >= 3  # redrawn as blocks are read, not only at the end
    assert result.stderr.endswith("\r")  # erased: what follows starts on a clean line


def test_tm_import_shows_progress(terminal: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["tm", "import", "--db", str(tmp_path / "tm.sqlite"),
                                      str(DATA / "tm" / "tmx" / "okapi-sample14b.tmx")])
    assert result.exit_code == 0
    assert any(d.startswith("Importing: ") and "ETA" in d for d in lines_drawn(result.stderr))


def test_import_and_build_show_progress(terminal: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(ROOT / "glossaries" / "example"),
                                      "-o", str(tmp_path / "g.txt")])
    assert result.exit_code == 0
    assert any(d.startswith("Reading: ") for d in lines_drawn(result.stderr))
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0
    assert any(d.startswith("Pairing records: ") for d in lines_drawn(result.stderr))
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path / "out"), "-q"])
    assert (result.exit_code, result.stderr) == (0, "")  # quiet: no progress line either


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "big.txt"
    src.write_text("软件\n" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", "-c", "s2twp", str(src), "-o",
                                      str(tmp_path / "out.txt")])
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_real_terminal_gets_the_line(tmp_path: Path) -> None:
    src = tmp_path / "big.txt"
    src.write_text("软件和信息\n" * 400_000, encoding="utf-8")
    code = ("import sys; from termkit.cli import progress, main\n"
            "progress.Progress.delay = 0.0\n"
            f"sys.argv = ['termkit', 'convert', '-c', 's2twp', {str(src)!r}, "
            f"'-o', {str(tmp_path / 'out.txt')!r}]\nmain()\n")
    status, _out, text = run_on_a_terminal([sys.executable, "-c", code], timeout=120)
    assert status == 0
    assert "Converting: " in text and "ETA" in text and text.endswith("\r")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_first_conversion_with_a_large_glossary_says_what_it_is_doing(tmp_path: Path) -> None:
    # With a cache nobody has filled, the first conversion with the regional glossary reads
    # the general word list against its forms for seconds before any output; a terminal is
    # told so, once: the second run finds the list on disk and says nothing.
    regional = Path(__file__).parent.parent / "glossaries" / "cross-strait.glossary.txt"
    src = tmp_path / "in.txt"
    src.write_text("供应链管理\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    warm_dictionaries(tmp_path / "cache" / "termkit")  # only the word list is cold
    args = ["convert", "-c", "s2twp", "-g", str(regional), str(src), "-o", str(tmp_path / "o.txt")]
    first = run_on_a_terminal(termkit_argv(*args), env)
    second = run_on_a_terminal(termkit_argv(*args), env)
    assert first[0] == second[0] == 0
    assert "convert: preparing the word list of the glossary lock" in first[2]
    assert "preparing" not in second[2]
    assert list((tmp_path / "cache").rglob("lockwords-*"))  # what the second run found


PO_WITH_A_REGIONAL_FORM = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_CN\\n"\n\n'
    'msgid "Software"\nmsgstr "軟體"\n'
)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("command", ["check", "audit"])
def test_check_and_audit_say_so_too(tmp_path: Path, command: str) -> None:
    # `check --regional` (on a target holding a regional form) and `audit` read the same
    # word list as `convert`, with the same silent seconds on a cold cache.
    regional = Path(__file__).parent.parent / "glossaries" / "cross-strait.glossary.txt"
    po = tmp_path / "zh_CN.po"
    po.write_text(PO_WITH_A_REGIONAL_FORM, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    warm_dictionaries(tmp_path / "cache" / "termkit")
    args = (["check", "--regional", str(regional), str(po)] if command == "check"
            else ["audit", str(regional), "-c", "tw2sp", "--problems"])
    first = run_on_a_terminal(termkit_argv(*args), env)
    second = run_on_a_terminal(termkit_argv(*args), env)
    expected_status = 1 if command == "check" else 0  # check: the 軟體 finding
    assert first[0] == second[0] == expected_status
    assert f"{command}: preparing the word list of the glossary lock" in first[2]
    assert "preparing" not in second[2]
    assert list((tmp_path / "cache").rglob("lockwords-*"))


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_first_build_on_a_machine_says_it_prepares_the_dictionary(tmp_path: Path) -> None:
    # The first run on a machine builds the CC-CEDICT index and word list before the first
    # record is paired (seconds of an unmoving progress line): a terminal is told so, once.
    # Only the word list is cold here (the index copied from this machine's cache).
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    folder = tmp_path / "cache" / "termkit"
    warm_dictionaries(folder)
    for words in folder.glob("cedict-words-*"):
        words.unlink()
    args = ["build", str(SEED), "-o", str(tmp_path / "out")]
    first = run_on_a_terminal(termkit_argv(*args), env)
    second = run_on_a_terminal(termkit_argv(*args), env)
    assert first[0] == second[0] == 0, first[2]
    assert "build: preparing the CC-CEDICT dictionary (once, kept for later runs)" in first[2]
    assert "preparing" not in second[2]
    assert list(folder.glob("cedict-words-*"))  # what the second run found
    for words in folder.glob("cedict-words-*"):
        words.unlink()
    piped = run_on_a_terminal(termkit_argv(*args), env, terminal=False)
    assert piped[0] == 0 and "preparing" not in piped[2]  # scripts and logs get no such line
