"""`termkit convert`: files and stdin, -o, --in-place, and bad input (exit codes, no partial output)."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner

from termkit.cli import cli
from tests.conftest import DATA, ROOT

D = DATA / "convert"
REGIONAL = str(ROOT / "glossaries" / "cross-strait.glossary.txt")


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def test_stdin_to_stdout_with_regional_glossary() -> None:
    r = run("convert", "-c", "tw2sp", "-g", REGIONAL, input="東協助理說，東協與北韓\n".encode())
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes.decode() == "东协助理说，东盟与朝鲜\n"


def _fifo_with(tmp_path: Path, data: bytes) -> Path:
    """A FIFO that a thread fills with ``data`` once a reader opens it (``<(cmd)`` in a shell)."""
    import os
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def fill() -> None:
        with open(fifo, "wb") as fh:
            fh.write(data)

    threading.Thread(target=fill, daemon=True).start()
    return fifo


@pytest.mark.parametrize("args", [["convert", "-c", "t2s"], ["pinyin", "-i"]])
def test_a_fifo_or_process_substitution_is_read(tmp_path: Path, args: list[str]) -> None:
    # `termkit convert -c t2s <(curl …)`: the input is read twice (checked, then used) and
    # a FIFO cannot seek back; it said "Error: File or stream is not seekable."
    fifo = _fifo_with(tmp_path, "軟體\n".encode())
    r = CliRunner().invoke(cli, [*args, str(fifo)])
    assert r.exit_code == 0, r.output
    assert r.stdout == ("软体\n" if args[0] == "convert" else "軟體(ruǎntǐ)\n")


def test_file_to_output_file_keeps_line_ends(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("軟體\r\n資訊\n".encode())
    out = tmp_path / "out.txt"
    r = run("convert", "-c", "tw2sp", str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_bytes() == "软件\r\n信息\n".encode()
    assert src.read_bytes() == "軟體\r\n資訊\n".encode()


def test_in_place_structured(tmp_path: Path) -> None:
    po = tmp_path / "zh_TW.po"
    po.write_bytes((D / "plural.po").read_bytes())
    r = run("convert", "-c", "tw2sp", "--in-place", str(po))
    assert r.exit_code == 0, r.output
    assert "Language: zh_CN" in po.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["zh_TW.po"]  # no temporary left behind


def test_unknown_config_exit_2_with_list() -> None:
    r = run("convert", "-c", "s2x", input=b"x")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: unknown OpenCC config 's2x'; valid configs: hk2s, hk2sp")


def test_missing_file_exit_1(tmp_path: Path) -> None:
    r = run("convert", "-c", "t2s", str(tmp_path / "nope.txt"))
    assert r.exit_code == 1
    assert r.stderr == f"Error: {tmp_path / 'nope.txt'}: no such file\n"


def test_a_folder_without_in_place_is_a_usage_error(tmp_path: Path) -> None:
    # A folder is converted file by file in place (the convention for folders as input);
    # to one output it is a usage error, exit 2 (it was "is a directory", exit 1).
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    r = run("convert", "-c", "t2s", str(folder))
    assert r.exit_code == 2
    assert r.stderr == (f"Error: {folder}: is a folder; a folder is converted with --in-place "
                        "(every file in it is replaced by its conversion)\n")


@pytest.mark.parametrize(("codec", "bom"), [
    ("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_utf16_text_is_converted_and_written_back_so(tmp_path: Path, codec: str, bom: bytes) -> None:
    # UTF-16 as Windows Notepad's "Unicode" saves it (with a byte order mark) or without one:
    # plain text that is not UTF-8 was refused with an iconv hint; it is read as decode_text
    # reads it and written back in the encoding and with the mark it came in.
    text = "".join(f"第{i}章 軟體與硬體 chapter {i}\n" for i in range(40))
    src = tmp_path / "in.txt"
    src.write_bytes(bom + text.encode(codec))
    r = run("convert", "-c", "t2s", str(src))
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout_bytes == bom + opencc.OpenCC("t2s.json").convert(text).encode(codec)


@pytest.mark.parametrize(("codec", "name"), [("big5", "BIG5"), ("gb18030", "GB18030")])
def test_a_file_in_another_encoding_is_named_in_the_hint(tmp_path: Path, codec: str, name: str) -> None:
    # What users meet: a Big5 or GB18030 file.
    text = "".join(f"第{i}章 軟體與硬體 chapter {i}\n" for i in range(40))
    if codec == "gb18030":
        text = opencc.OpenCC("t2s.json").convert(text)
    src = tmp_path / "in.txt"
    src.write_bytes(text.encode(codec))
    r = run("convert", "-c", "t2s" if codec != "gb18030" else "s2t", str(src))
    assert r.exit_code == 1 and r.stdout_bytes == b""
    assert r.stderr.startswith(f"Error: {src}:1:")
    assert r.stderr.endswith(f"not valid UTF-8; it reads as {name}: convert it to UTF-8 first "
                             f"(iconv -f {name} -t UTF-8 FILE)\n")


def test_undecodable_bytes_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "big5.txt"
    data = "軟體\n".encode() * 1000 + "第二行".encode("big5") + b"\n"
    src.write_bytes(data)
    out = tmp_path / "out.txt"
    r = run("convert", "-c", "tw2sp", str(src), "-o", str(out))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {src}:1001:1: not valid UTF-8")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big5.txt"]
    r = run("convert", "-c", "tw2sp", str(src))  # to stdout: nothing written before the error
    assert r.exit_code == 1 and r.stdout_bytes == b""
    r = run("convert", "-c", "tw2sp", "--in-place", str(src))
    assert r.exit_code == 1 and src.read_bytes() == data


def test_malformed_xml_in_place_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    data = b'<?xml version="1.0"?>\n<tmx version="1.4">\n<body><tu><tuv xml:lang="zh-TW"><seg>\xe8\xbb\x9f</tuv>\n</tmx>\n'
    bad.write_bytes(data)
    r = run("convert", "-c", "tw2sp", "--in-place", str(bad))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {bad}:3:")
    assert "malformed XML" in r.stderr
    assert bad.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["bad.tmx"]


def test_existing_output_kept_on_error(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    src = tmp_path / "in.txt"
    src.write_bytes(b"\xff\n")
    r = run("convert", "-c", "s2t", str(src), "-o", str(out))
    assert r.exit_code == 1 and out.read_text() == "old"


def test_usage_errors() -> None:
    assert run("convert", "-c", "s2t", "a", "b").exit_code == 2
    assert run("convert", "-c", "s2t", "--in-place", "-").exit_code == 2
    assert run("convert", "--config", "s2t", "--format", "docx").exit_code == 2


def test_every_command_and_option_has_help() -> None:
    import click

    from termkit.cli.convert import audit, convert, detect

    for cmd in (convert, audit, detect):
        assert cmd.help
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, (cmd.name, param.name)
        assert run(cmd.name or "", "--help").exit_code == 0


def test_tmx_via_cli_with_retag(tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    r = run("convert", "-c", "tw2sp", "--retag", str(D / "inline.tmx"), "-o", str(out))
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert 'xml:lang="zh-CN"' in text and "软件" in text and "<seg>這個不是中文的標記</seg>" in text
    # stdin needs --format to be read as TMX
    r = run("convert", "-c", "tw2sp", "--format", "tmx", input=(D / "inline.tmx").read_bytes())
    assert r.exit_code == 0 and r.stdout_bytes == convert_plain_tmx()


def convert_plain_tmx() -> bytes:
    from termkit.convert import Converter
    from termkit.convert.files import convert_bytes

    return convert_bytes((D / "inline.tmx").read_bytes(), "-", Converter("tw2sp"), "tmx")


def test_block_reader_positions_and_long_lines() -> None:
    import io

    from termkit.convert.files import iter_text_blocks
    from termkit.errors import EncodingError

    text = "軟體\n" * 5 + "資" * 3000 + "\n" + "訊"
    data = text.encode()
    assert "".join(iter_text_blocks(io.BytesIO(data), "x", size=7)) == text
    bad = data[:-3] + b"\xe8\xa8"  # truncated last character
    with pytest.raises(EncodingError) as info:
        list(iter_text_blocks(io.BytesIO(bad), "x", size=7))
    assert (info.value.line, info.value.column) == (7, 1)
    with pytest.raises(EncodingError) as info:
        list(iter_text_blocks(io.BytesIO(b"ab\n\xe8\xbb\x9f\xff\n"), "x", size=2))  # 軟 then 0xff
    assert (info.value.line, info.value.column) == (2, 2)


def test_example_record_glossary_survives_round_trip(tmp_path: Path) -> None:
    from tests.conftest import SEED

    out = tmp_path / "example"
    assert run("build", str(SEED), "-o", str(out), "-q").exit_code == 0
    glossary = str(out / "glossary.json")
    keywords = "現實主義 ; 權力平衡 ; 越南外交政策 ; 張國城\n"
    there = run("convert", "-c", "tw2sp", "-g", glossary, input=keywords.encode())
    assert there.exit_code == 0, there.output
    assert there.stdout_bytes.decode() == "现实主义 ; 权力平衡 ; 越南外交政策 ; 张国城\n"
    back = run("convert", "-c", "s2twp", "-g", glossary, input=there.stdout_bytes)
    assert back.exit_code == 0 and back.stdout_bytes.decode() == keywords


def test_a_glossary_given_before_the_regional_one_wins_the_forms_both_lock(tmp_path: Path) -> None:
    """The README's way round a regional rule taken in its field's sense: a user glossary given
    first locks the form to the user's target; given after, the regional rule stands (the
    earlier glossary wins a form both lock). The form and the regional target come from the
    regional glossary's own lock; the user's target is plain OpenCC's reading, which the lock
    otherwise replaces."""
    from termkit.convert import Converter, build_locks, load_lock_glossaries

    text = "噪声排放标准"
    regional = build_locks(load_lock_glossaries([REGIONAL]), "s2twp")
    assert "噪声" in regional, "the regional glossary no longer locks the form"
    plain = opencc.OpenCC("s2twp").convert("噪声")
    assert regional["噪声"].target != plain
    mine = tmp_path / "mine.glossary.txt"
    mine.write_text(f"# termkit glossary 1\n\n[n1]\nterm zh-Hans-CN: 噪声\nterm zh-Hant-TW: {plain}\n",
                    encoding="utf-8")
    expect_regional = Converter("s2twp", load_lock_glossaries([REGIONAL])).convert(text)
    assert expect_regional.startswith(regional["噪声"].target)
    first = run("convert", "-c", "s2twp", "-g", str(mine), "-g", REGIONAL, input=(text + "\n").encode())
    after = run("convert", "-c", "s2twp", "-g", REGIONAL, "-g", str(mine), input=(text + "\n").encode())
    assert first.exit_code == after.exit_code == 0, first.output + after.output
    assert first.stdout_bytes.decode() == opencc.OpenCC("s2twp").convert(text) + "\n"
    assert after.stdout_bytes.decode() == expect_regional + "\n"
