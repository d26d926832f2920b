"""A glossary whose format cannot be told (`-g -`, `-g /dev/stdin`, an unknown extension):
the error names the option that tells it in that command, or says there is none.

Every command said "pass --format" or "e.g. --format po", from the glossary reader. In
`convert`, `audit` and `lookup` the option is `--glossary-format` (`convert --format` is the
kind of the INPUT); `check --format` is the report format, so following the advice failed
again ("Invalid value for '--to' / '--format': 'po'"); `pinyin`, `check`, `tm pretranslate`
and `tm export` have no option for it at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"
PO = ROOT / "tests" / "data" / "check" / "seeded.zh_TW.po"
TMX = ROOT / "glossaries" / "example" / "glossary.tmx"
TBX = ROOT / "glossaries" / "example" / "glossary.tbx"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    code, _, err = invoke("tm", "import", "--db", tmp_path / "tm.sqlite", TMX)
    assert code == 0, err
    return tmp_path / "tm.sqlite"


def commands(glossary: str, db: Path) -> dict[str, list[object]]:
    return {
        "convert": ["convert", "-c", "t2s", "-g", glossary, PO, "-o", "out.po"],
        "convert --list-topics": ["convert", "-c", "t2s", "-g", glossary, "--list-topics"],
        "audit": ["audit", glossary],
        "lookup": ["lookup", "-g", glossary, "權力平衡"],
        "pinyin": ["pinyin", "-g", glossary, "權力平衡"],
        "check -g": ["check", "-g", glossary, PO],
        "check --regional": ["check", "--regional", glossary, PO],
        "tm pretranslate": ["tm", "pretranslate", "--db", db, "-g", glossary, PO, "-o", "out.po"],
        "tm export": ["tm", "export", "--db", db, "--variant", "zh-CN", "-g", glossary],
    }


OPTION = {"convert": "--glossary-format", "convert --list-topics": "--glossary-format",
          "audit": "--glossary-format", "lookup": "--glossary-format"}


@pytest.mark.parametrize("command", list(commands("", Path())))
def test_a_glossary_on_stdin(command: str, tmp_path: Path, db: Path) -> None:
    code, out, err = invoke(*commands("-", db)[command], cwd=tmp_path,
                            input=GLOSSARY.read_bytes())
    assert (code, out) == (2, "")
    option = OPTION.get(command)
    if option:
        assert err == f"Error: reading stdin needs a format option; e.g. {option} po\n"
    else:
        assert err == ("Error: a glossary cannot be read from stdin here (its format cannot be "
                       "told); give the glossary's file, named after its format (glossary.txt, "
                       ".json, .tbx, .tmx, .po, .csv, …)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tm.sqlite"]


@pytest.mark.parametrize("command", list(commands("", Path())))
def test_a_glossary_named_for_no_format(command: str, tmp_path: Path, db: Path) -> None:
    # A TBX under a name that tells nothing (a termkit glossary is known by its first line).
    odd = tmp_path / "terms.dat"
    odd.write_bytes(TBX.read_bytes())
    code, _, err = invoke(*commands(str(odd), db)[command], cwd=tmp_path)
    assert code in (1, 2)
    assert err.startswith(f"Error: {odd}: cannot tell the format from the file name; "), err
    option = OPTION.get(command)
    if option:
        assert f"; pass {option} (one of: csv, json, " in err
    else:
        assert "--format" not in err
        assert "; name the file after its format (glossary.txt, .json, .tbx, .tmx, .po, " in err
    # Following the advice works.
    if option:
        code, _, err = invoke(*commands(str(odd), db)[command], option, "tbx", cwd=tmp_path)
        assert code in (0, 1) and "Error" not in err, err


def test_import_and_export_still_name_their_own_option(tmp_path: Path) -> None:
    code, _, err = invoke("import", "-", "-o", "out.txt", cwd=tmp_path, input=b"x")
    assert (code, err) == (2, "Error: reading stdin needs a format option; e.g. --format po\n")
    code, _, err = invoke("export", "-", "-o", "out.tmx", cwd=tmp_path, input=b"x")
    assert (code, err) == (2, "Error: reading stdin needs a format option; e.g. --format po\n")


@pytest.mark.parametrize("command", list(commands("", Path())))
def test_a_termkit_glossary_reads_under_any_name(command: str, tmp_path: Path, db: Path) -> None:
    # `termkit import x.tmx -o merged.txt` writes the termkit text format (the default when the
    # name does not tell), but no command could read merged.txt back without --format, and
    # most have no option for it: the file termkit wrote was a dead end.
    odd = tmp_path / "merged.txt"
    odd.write_bytes(b"\xef\xbb\xbf" + GLOSSARY.read_bytes())
    code, _, err = invoke(*commands(str(odd), db)[command], cwd=tmp_path)
    assert code in (0, 1) and "Error" not in err, err
