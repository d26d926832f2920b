"""Issue 13, items 3 and 5: outputs never destroy an input, special files are written
through, temporary files of killed runs are cleaned up, long lines stream in bounded windows.
"""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.cli import cli
from tests.conftest import DATA, ROOT

EXAMPLE = ROOT / "glossaries" / "example"
RECORD = ROOT / "termkit" / "data" / "example-record.txt"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def termkit(*args: str | Path, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "termkit", *map(str, args)],  # type: ignore[call-overload, no-any-return]
                          stderr=subprocess.PIPE, env=env, check=False, **kw)


def copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


# ---------------------------------------------------------------- destroyed inputs


def test_check_report_never_replaces_the_translation_or_the_glossary(tmp_path: Path) -> None:
    po = copy(EXAMPLE / "glossary.zh_TW.po", tmp_path / "x.po")
    g = copy(EXAMPLE / "glossary.txt", tmp_path / "G.glossary.txt")
    before = {p: p.read_bytes() for p in (po, g)}
    for target in (po, g):
        code, _, err = run("check", "-g", g, po, "-o", target)
        assert code == 2
        assert err.splitlines() == [
            f"Error: {target}: output would replace the input {target}; write the output to "
            "another file"
        ]
    # Through another spelling of the same file, and through a hard link.
    link = tmp_path / "link.po"
    os.link(po, link)
    for target in (tmp_path / "." / "x.po", link):
        code, _, err = run("check", "-g", g, po, "-o", target)
        assert code == 2 and "would replace the input" in err
    assert {p: p.read_bytes() for p in (po, g)} == before


def test_tm_export_never_replaces_the_memory_or_its_journals(tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    code, _, err = run("tm", "import", "--db", db, EXAMPLE / "glossary.tmx")
    assert code == 0, err
    before = db.read_bytes()
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        existed = target.exists()
        code, _, err = run("tm", "export", "--db", db, "-o", target)
        assert code == 2, err
        assert "would replace the input" in err
        assert target.exists() == existed
    assert db.read_bytes() == before
    code, out, _ = run("tm", "stats", "--db", db)
    assert code == 0 and "units: 4" in out


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{g}", "--to", "termkit", "-o", "{g}"],
        ["convert", "-c", "s2t", "{t}", "-o", "{t}"],
        ["convert", "-c", "s2t", "-g", "{g}", "{t}", "-o", "{g}"],
        ["pinyin", "-i", "{t}", "-o", "{t}"],
        ["pinyin", "-g", "{g}", "中文", "-o", "{g}"],
        ["build", "{r}", "-o", "{d}"],
    ],
)
def test_no_command_replaces_its_input(tmp_path: Path, args: list[str]) -> None:
    g = copy(EXAMPLE / "glossary.txt", tmp_path / "glossary.txt")
    t = copy(RECORD, tmp_path / "text.txt")
    d = tmp_path / "out"
    d.mkdir()
    r = copy(RECORD, d / "glossary.txt")  # a record file where build writes its glossary
    before = {p: p.read_bytes() for p in (g, t, r)}
    code, _, err = run(*[a.format(g=g, t=t, d=d, r=r) for a in args])
    assert code == 2, err
    assert "would replace the input" in err
    assert {p: p.read_bytes() for p in (g, t, r)} == before


def test_convert_in_place_and_import_may_still_replace_their_input(tmp_path: Path) -> None:
    t = copy(RECORD, tmp_path / "text.txt")
    code, _, err = run("convert", "-c", "t2s", "--in-place", t)
    assert code == 0, err
    assert "权力平衡" in t.read_text("utf-8")
    g = copy(EXAMPLE / "glossary.txt", tmp_path / "merged.glossary.txt")
    extra = tmp_path / "extra.omegat.tsv"
    extra.write_text("hello\t你好\n", "utf-8")
    code, _, err = run("import", g, extra, "-o", g)  # documented: this extends g
    assert code == 0, err
    merged = g.read_text("utf-8")
    assert "你好" in merged and "權力平衡" in merged


def test_a_failing_input_never_replaces_an_existing_report(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("yesterday's report\n", "utf-8")
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", "utf-8")
    code, out, err = run("check", "-g", EXAMPLE / "glossary.txt",
                         EXAMPLE / "glossary.zh_TW.po", bad, "-o", report)
    assert code == 2
    assert report.read_text("utf-8") == "yesterday's report\n"
    assert err.splitlines()[-1] == (f"Error: {report}: report not written, 1 input file(s) "
                                    "could not be read")
    assert out == ""


def test_convert_in_place_checks_every_input_first(tmp_path: Path) -> None:
    a = copy(RECORD, tmp_path / "a.txt")
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx version='1.4'><body><tu>", "utf-8")
    before = a.read_bytes()
    code, _, err = run("convert", "-c", "t2s", "--in-place", a, bad)
    assert code == 1
    assert err.startswith(f"Error: {bad}:")
    assert a.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "bad.tmx"]  # no temp left


# ---------------------------------------------------------------- special files


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        done = termkit("export", EXAMPLE / "glossary.txt", "--to", "csv", "-o", fifo, timeout=60)
        out, _ = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:  # the FIFO was replaced (old writer): nobody will write
            reader.kill()
            reader.wait()
    assert done.returncode == 0, done.stderr
    assert out.startswith(b"en,zh-Hant,zh-Hans")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_is_written_through(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    for args in (["export", EXAMPLE / "glossary.txt", "--to", "tmx", "-o", null],
                 ["pinyin", "中文", "-o", null],
                 ["convert", "-c", "s2t", RECORD, "-o", null]):
        code, _, err = run(*args)
        assert code == 0, err
        assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_dev_stdout_is_the_output_not_a_file_to_replace(tmp_path: Path) -> None:
    # /dev/fd/1 rather than /dev/stdout: the old writer, run as root, replaced /dev/stdout
    # with a regular file (for every process on the machine); under /dev/fd it can only fail.
    out = tmp_path / "out.csv"
    with open(out, "wb") as fh:
        done = termkit("export", EXAMPLE / "glossary.txt", "--to", "csv", "-o", "/dev/fd/1",
                       stdout=fh)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"en,zh-Hant,zh-Hans")
    # (/dev/stdout itself takes the same path in the writer: a link through /proc/self/fd;
    # the test leaves it alone so that running it against an old termkit harms nothing.)
    # A symlink to /proc/self/fd/1 stays a symlink.
    link = tmp_path / "link"
    link.symlink_to("/proc/self/fd/1")
    done = termkit("export", EXAMPLE / "glossary.txt", "--to", "csv", "-o", link)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"en,zh-Hant,zh-Hans")
    assert os.readlink(link) == "/proc/self/fd/1"


def test_a_symlink_to_a_regular_file_keeps_pointing_at_it(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", "utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, err = run("export", EXAMPLE / "glossary.txt", "--to", "csv", "-o", link)
    assert code == 0, err
    assert link.is_symlink()
    assert real.read_text("utf-8").startswith("en,zh-Hant,zh-Hans")


@pytest.mark.parametrize("umask", [0o077, 0o022, 0o002])
def test_new_outputs_follow_the_umask(tmp_path: Path, umask: int) -> None:
    # A user with umask 077 keeps their files private; termkit made every new output file
    # 0644 and a build folder 0755 whatever the umask said.
    file_mode, dir_mode = 0o666 & ~umask, 0o777 & ~umask
    done = termkit("export", EXAMPLE / "glossary.txt", "-o", tmp_path / "g.tbx", umask=umask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "g.tbx").stat().st_mode) == file_mode
    done = termkit("build", RECORD, "-o", tmp_path / "out", "-q", umask=umask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == dir_mode
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()}
    assert modes and set(modes.values()) == {file_mode}, modes
    # An existing output keeps the mode it has.
    (tmp_path / "g.tbx").chmod(0o640)
    done = termkit("export", EXAMPLE / "glossary.txt", "-o", tmp_path / "g.tbx", umask=umask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "g.tbx").stat().st_mode) == 0o640


def test_a_write_protected_output_is_not_replaced(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # `chmod a-w` protects a file from the shell's `>` and from cp; termkit's atomic rename
    # replaced it all the same (the folder being writable).
    if os.geteuid() == 0:
        # Root may write anything (as with `>`): answer as the kernel answers other users.
        real_access = os.access

        def user_access(path: object, mode: int, **kw: object) -> bool:
            if mode & os.W_OK and os.path.isfile(path) and not os.stat(path).st_mode & 0o222:  # type: ignore[arg-type]
                return False
            return real_access(path, mode, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", user_access)
    glossary = copy(EXAMPLE / "glossary.txt", tmp_path / "g.glossary.txt")
    page = copy(RECORD, tmp_path / "page.txt")
    kept = tmp_path / "kept.tbx"
    kept.write_text("precious\n", "utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "glossary.txt").write_text("reviewed by hand\n", "utf-8")
    for p in (kept, page, tmp_path / "out" / "glossary.txt"):
        p.chmod(0o444)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    for args, target in (
        (["export", glossary, "-o", kept], kept),
        (["convert", "-c", "s2t", "--in-place", page], page),
        (["build", page, "-o", tmp_path / "out", "-q"], tmp_path / "out" / "glossary.txt"),
    ):
        code, _, err = run(*args)
        assert code == 1, err
        assert err.startswith(f"Error: {target}: the file is write-protected"), err
        assert len(err.splitlines()) == 1, err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- temporary files


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".out.csv.termkit-{dead_pid}.abcd1234.tmp"
    stale.write_text("half", "utf-8")
    alive = tmp_path / f".out.csv.termkit-{os.getpid()}.efgh5678.tmp"  # a running writer
    alive.write_text("busy", "utf-8")
    other = tmp_path / f".other.csv.termkit-{dead_pid}.ijkl9012.tmp"  # another target's
    other.write_text("not mine", "utf-8")
    code, _, err = run("export", EXAMPLE / "glossary.txt", "--to", "csv", "-o", tmp_path / "out.csv")
    assert code == 0, err
    assert not stale.exists()
    assert alive.exists() and other.exists()


def test_a_killed_in_place_convert_is_cleaned_up_by_the_next_run(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = RECORD.read_text("utf-8")
    with open(big, "w", encoding="utf-8") as fh:
        for _ in range(4000):
            fh.write(line)
    before = big.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "convert", "-c", "t2s",
                             "--in-place", str(big)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    temps: list[Path] = []
    while time.monotonic() < deadline and not temps and proc.poll() is None:
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".big.txt.")]
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip("the conversion finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert temps and all(p.exists() for p in temps)
    assert big.read_bytes() == before
    code, _, err = run("convert", "-c", "t2s", "--in-place", big)
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]


# ---------------------------------------------------------------- bounded windows


def real_line() -> str:
    """Real Chinese text (abstract pages of real records) joined into one line."""
    parts = [RECORD.read_text("utf-8")]
    for p in sorted((DATA / "records").glob("*.txt")):
        try:
            parts.append(p.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue  # the Big5 and GB18030 samples
    return "".join(parts).replace("\n", " ").replace("\r", "")


@pytest.mark.parametrize("size", [5, 37, 256, 4096])
def test_windowed_pinyin_is_the_whole_text_pinyin(size: int) -> None:
    from termkit.pinyin import annotate, render_inline
    from termkit.pinyin.readings import han_run
    from termkit.pinyin.stream import inline_pieces, window_end
    from termkit.textstream import windows

    text = real_line()
    whole = render_inline(annotate(text))
    # Blocks cut every 1000 characters, inside words; a window of `size` characters would
    # cut words too, so each window ends at the last non-Chinese character before its size.
    blocks = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    pieces = list(windows(blocks, size, window_end))
    assert "".join(pieces) == text
    assert len(pieces) > len(text) // (8 * size)
    for piece in pieces[:-1]:
        assert han_run().match(piece[-1]) is None  # ends after a non-Chinese character
    assert "".join(inline_pieces(blocks, annotate, size=size)) == whole


def test_pinyin_cli_on_one_long_line_matches_the_whole_text(tmp_path: Path) -> None:
    from termkit.pinyin import annotate, render_inline

    text = real_line() * 4  # > 4 windows of 2^14: words at every window edge
    src = tmp_path / "one-line.txt"
    src.write_text(text, "utf-8")
    out = tmp_path / "out.txt"
    from termkit.pinyin import stream

    old = stream.WINDOW
    stream.WINDOW = 1 << 12
    try:
        code, _, err = run("pinyin", "-i", src, "-o", out)
    finally:
        stream.WINDOW = old
    assert code == 0, err
    assert out.read_text("utf-8") == render_inline(annotate(text)) + "\n"


def test_windowed_detect_is_the_line_by_line_detect() -> None:
    from termkit.convert.detect import detect_chunks, detect_lines

    text = (RECORD.read_text("utf-8") + "权力与现实\n这个") * 3
    expected = list(detect_lines(text.splitlines(keepends=True), "hant"))
    assert expected
    for size in (1, 2, 7, 100, len(text)):
        chunks = [text[i : i + size] for i in range(0, len(text), size)]
        assert list(detect_chunks(chunks, "hant")) == expected


_SAMPLES = ["權力平衡與現實主義\n", "权力平衡与现实主义\r\n", "abc\rdef", "越南外交政策；balance"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.lists(st.sampled_from(_SAMPLES) | st.text(max_size=5), min_size=1, max_size=8).map("".join),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "big5", "gb18030"]),
    block=st.integers(1, 64),
)
def test_streamed_decoding_is_decode_text(text: str, encoding: str, block: int) -> None:
    from termkit.errors import TermkitError
    from termkit.textio import decode_text
    from termkit.textstream import detect_encoding, iter_decoded

    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        expected, _ = decode_text(data, "x")
    except TermkitError as exc:
        with pytest.raises(type(exc)) as got:
            detect_encoding(io.BytesIO(data), "x", size=block)
        assert str(got.value) == str(exc)
        return
    stream = io.BytesIO(data)
    codec, skip = detect_encoding(stream, "x", size=block)
    assert "".join(iter_decoded(stream, codec, skip, size=block)) == expected


def test_pinyin_reads_every_encoding_streamed(tmp_path: Path) -> None:
    for name in ("big5.txt", "gb18030.txt", "crlf.txt"):
        src = DATA / "records" / name
        code, out, err = run("pinyin", "-i", src)
        assert code == 0, err
        from termkit.pinyin import annotate, render_inline
        from termkit.textio import decode_text

        text, _ = decode_text(src.read_bytes(), str(src))
        body = render_inline(annotate(text))
        assert out == (body if body.endswith("\n") else body + "\n")


def test_an_input_replaced_during_the_run_does_not_claim_its_old_inode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `termkit review` saves its input atomically (a new file) and later writes its JSON; the
    # file system may give the JSON the inode number the input had when it was opened. That
    # output replaces nothing and must be written (the run refused it at random).
    from termkit.io import RunFiles

    source = tmp_path / "glossary.txt"
    source.write_text("old\n", encoding="utf-8")
    files = RunFiles()
    files.note(str(source))
    st = os.stat(source)
    old_inode = (st.st_dev, st.st_ino)
    other = tmp_path / "glossary.json"
    other.write_text("{}\n", encoding="utf-8")
    real_stat = os.stat

    def reused(path: object, *args: object, **kwargs: object) -> os.stat_result:
        # glossary.json gets the old inode number; glossary.txt has been replaced.
        result = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        fields = list(result)
        if str(path) == str(other):
            fields[stat.ST_INO], fields[stat.ST_DEV] = old_inode[1], old_inode[0]
        elif str(path) == str(source):
            fields[stat.ST_INO] = old_inode[1] + 1
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", reused)
    assert files.find(str(other)) is None
    # While the input is still that file, a hard link to it is still the input.
    monkeypatch.setattr(os, "stat", real_stat)
    link = tmp_path / "link.txt"
    os.link(source, link)
    assert files.find(str(link)) == str(source)
