"""`termkit pinyin`: inputs, styles, formats, glossary files, errors and start-up time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from termkit import formats
from termkit.cli import cli
from termkit.model import Concept, Glossary, Term


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["pinyin", *args], input=input)


def test_text_argument_inline() -> None:
    result = run("越南外交政策")
    assert result.exit_code == 0
    assert result.stdout == "越南外交政策(Yuènán wàijiāo zhèngcè)\n"


def test_stdin_and_styles() -> None:
    result = run("-i", "-", "--style", "tone3", input="權力平衡\n現實主義\n")
    assert result.exit_code == 0
    assert result.stdout == "權力平衡(quan2li4 ping2heng2)\n現實主義(xian4shi2 zhu3yi4)\n"
    result = run("--style", "wade-giles", "--format", "tsv", "權力平衡")
    assert result.stdout == "term\treading\n權力平衡\tch'üan²-li⁴ p'ing²-hêng²\n"


def test_file_in_big5_and_output_file(tmp_path: Path) -> None:
    src = tmp_path / "kw.txt"
    src.write_bytes("現實主義\n權力平衡\n".encode("cp950"))
    out = tmp_path / "out.json"
    result = run("-i", str(src), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = json.loads(out.read_text("utf-8"))
    assert [row["reading"] for row in data] == ["xiànshí zhǔyì", "quánlì pínghéng"]


def test_no_words_annotates_each_character() -> None:
    result = run("--no-words", "--format", "tsv", "越南外交")
    assert result.stdout == "term\treading\n越南外交\tyuè nán wài jiāo\n"


def test_name_flag() -> None:
    result = run("--name", "曾國藩")
    assert result.stdout == "曾國藩(Zēng Guófān)\n"


def test_glossary_file(tmp_path: Path) -> None:
    gloss = Glossary([Concept("c1", terms=[Term("單田芳", "zh-Hant", pinyin="Shàn Tiánfāng")])])
    path = tmp_path / "g.json"
    with open(path, "wb") as fh:
        formats.detect(str(path), None).write_glossary(gloss, fh)
    assert run("評書家單田芳").stdout == "評書家單田芳(píngshū jiā dān tián fāng)\n"
    result = run("-g", str(path), "評書家單田芳")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "評書家單田芳(píngshū jiā Shàn Tiánfāng)\n"


def test_undecodable_file_is_an_error_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\n\x81\xff\xfe")
    result = run("-i", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}:2:1: cannot decode bytes as UTF-8, UTF-16, Big5 or GB18030; "
        "save the file as UTF-8\n"
    )


def test_missing_file_and_usage_errors(tmp_path: Path) -> None:
    result = run("-i", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.txt'}: no such file\n"
    result = run("--style", "pinyin2", "中文")
    assert result.exit_code == 2
    assert "Invalid value for '--style'" in result.stderr
    # No TEXT reads stdin (the convention); empty stdin is an empty text, as for convert.
    result = run()
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    result = run("中文", "-i", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stderr == "Error: give either TEXT or -i FILE, not both\n"
    # -i given twice: refused, not the last file read and the first dropped silently.
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("中文\n", encoding="utf-8")
    second.write_text("英文\n", encoding="utf-8")
    result = run("-i", str(first), "-i", str(second))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "Error: -i/--input reads one FILE; give it once (join files with cat)\n"


def test_every_option_has_help() -> None:
    command = cli.get_command(None, "pinyin")  # type: ignore[arg-type]
    assert command is not None and command.help
    for param in command.params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), param.name


def test_help_imports_no_heavy_library() -> None:
    """Start-up stays fast: `termkit pinyin --help` and `termkit names --help` import neither
    pypinyin, OpenCC nor the lexicon (timings are in benchmarks/bench_pinyin.py)."""
    code = (
        "import sys\n"
        "from termkit.cli import main\n"
        "for args in (['pinyin', '--help'], ['names', 'match', '--help']):\n"
        "    sys.argv = ['termkit', *args]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('pypinyin', 'opencc', 'termkit.lexicon', 'ahocorasick', 'rapidfuzz')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.splitlines()[-1] == "HEAVY []"


def test_ruby_page_lang_follows_the_script_of_the_text() -> None:
    # The page was always lang="zh-Hant", Simplified text too: a browser then draws the
    # Simplified characters with its Traditional-region CJK font.
    def page_lang(text: str, *extra: str) -> str:
        result = run("--to", "ruby", *extra, input=text)
        assert result.exit_code == 0, result.stderr
        return result.stdout.split('<html lang="', 1)[1].split('"', 1)[0]

    assert page_lang("重庆的权力平衡\n") == "zh-Hans"
    assert page_lang("重慶的權力平衡\n") == "zh-Hant"
    assert page_lang("中文\n") == "zh-Hant"  # the same in both scripts: as before
    assert page_lang("重庆\n", "--lang", "zh-Hant-TW") == "zh-Hant-TW"  # asked for: kept


def test_a_page_is_read_as_a_page_and_text_as_text(tmp_path: Path) -> None:
    # -i page.html gets readings over the text it shows, its script left alone; --text reads
    # the same file as plain text (readings inside the script too), as stdin is read.
    page = tmp_path / "page.html"
    page.write_text('<p>软件</p><script>var 软件 = 1;</script>\n', encoding="utf-8")
    result = run("-i", str(page))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ('<p><ruby>软<rt>ruǎn</rt>件<rt>jiàn</rt></ruby></p>'
                             '<script>var 软件 = 1;</script>\n')
    as_text = run("-i", str(page), "--text")
    assert as_text.exit_code == 0 and as_text.stderr == ""
    assert as_text.stdout == run("-i", "-", input=page.read_text("utf-8")).stdout
    assert "var 软件(ruǎnjiàn)" in as_text.stdout
