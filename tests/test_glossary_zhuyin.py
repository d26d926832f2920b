"""Zhuyin on request: `add_zhuyin`, and every export with room for it carries it back."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from pypinyin import Style as PStyle
from pypinyin import pinyin as pypinyin_pinyin

from termkit import formats
from termkit.cli import cli
from termkit.glossary import add_zhuyin, load_glossary
from termkit.model import Kind

from .conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


def _zhuyin_glossary():  # type: ignore[no-untyped-def]
    return add_zhuyin(load_glossary(str(EXAMPLE)))


def test_zhuyin_syllables_match_pypinyin_bopomofo() -> None:
    g = _zhuyin_glossary()
    for concept in g.concepts:
        if concept.kind is not Kind.KEYWORD:
            continue
        hans = concept.first("zh-Hans")
        assert hans is not None and hans.zhuyin
        # Oracle: pypinyin's own bopomofo, one syllable per character (no word grouping).
        expected = [s[0] for s in pypinyin_pinyin(hans.text, style=PStyle.BOPOMOFO)]
        assert hans.zhuyin.split() == expected


def test_person_reads_surname_as_a_surname() -> None:
    g = _zhuyin_glossary()
    person = next(c for c in g.concepts if c.kind is Kind.PERSON)
    hant = person.first("zh-Hant")
    assert hant is not None and hant.text == "張國城"
    assert hant.zhuyin == "ㄓㄤ ㄍㄨㄛˊ ㄔㄥˊ"


def test_add_zhuyin_returns_a_new_glossary() -> None:
    original = load_glossary(str(EXAMPLE))
    add_zhuyin(original)
    assert all(t.zhuyin is None for c in original.concepts for t in c.terms)


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("termkit", {}),
        ("json", {}),
        ("tmx", {}),
        ("tbx", {}),
        ("tbx", {"tbx_version": 2}),
        ("po", {"locale": "zh_TW"}),
        ("omegat", {}),
        ("csv", {}),
        ("tsv", {}),
    ],
)
def test_exports_carry_zhuyin_back(fmt: str, options: dict[str, object]) -> None:
    g = _zhuyin_glossary()
    buf = io.BytesIO()
    formats.get(fmt).write_glossary(g, buf, **options)
    back = formats.get(fmt).read_glossary(io.BytesIO(buf.getvalue()), f"x.{fmt}")
    want = {t.text: t.zhuyin for c in g.concepts for t in c.terms if t.zhuyin}
    got = {t.text: t.zhuyin for c in back.concepts for t in c.terms if t.zhuyin}
    assert got, f"{fmt} lost every zhuyin reading"
    for text, zhuyin in got.items():
        assert want[text] == zhuyin


def test_cli_export_and_build_zhuyin(tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(EXAMPLE), "--to", "po", "--locale", "zh_TW", "--zhuyin"])
    assert result.exit_code == 0
    assert "# zhuyin: ㄑㄩㄢˊ ㄌㄧˋ ㄆㄧㄥˊ ㄏㄥˊ" in result.stdout
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(ROOT / "termkit/data/example-record.txt"), "-o", str(out), "--zhuyin", "-q"])
    assert result.exit_code == 0
    assert "zhuyin: ㄓㄤ ㄍㄨㄛˊ ㄔㄥˊ" in (out / "glossary.txt").read_text("utf-8")
