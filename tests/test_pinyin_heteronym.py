"""`pinyin --heteronym` in every output format: every reading pypinyin knows, the chosen one first.

It used to be honoured by ``--format json`` only; inline, TSV and ruby silently showed one
reading. pypinyin itself is the oracle for the set of readings of a character.
"""

from __future__ import annotations

import json
import re

import pypinyin
import pytest
from click.testing import CliRunner

from termkit.cli import cli

TEXT = "中心了"  # 中 zhōng/zhòng, 心 xīn, 了 le/liǎo/liào


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["pinyin", *args])


def _oracle() -> list[set[str]]:
    return [set(reads) for reads in pypinyin.pinyin(TEXT, heteronym=True)]


def _syllable_groups(reading: str) -> list[list[str]]:
    return [group.split(",") for group in reading.split()]


def _check(groups: list[list[str]], chosen: list[str]) -> None:
    assert [set(g) for g in groups] == _oracle()
    assert [g[0] for g in groups] == chosen  # the reading chosen without --heteronym comes first


@pytest.mark.parametrize("fmt", ["inline", "tsv", "ruby", "json"])
def test_every_format_lists_every_reading(fmt: str) -> None:
    plain = run("--no-words", "--format", "json", TEXT)
    chosen = [s for w in json.loads(plain.stdout)[0]["words"] for s in w["syllables"]]
    r = run("--heteronym", "--format", fmt, TEXT)
    assert r.exit_code == 0, r.output
    assert r.stdout != run("--format", fmt, TEXT).stdout
    if fmt == "inline":
        m = re.fullmatch(rf"{TEXT}\((.*)\)\n", r.stdout)
        assert m is not None
        _check(_syllable_groups(m.group(1)), chosen)
    elif fmt == "tsv":
        header, row = r.stdout.splitlines()
        assert header == "term\treading" and row.startswith(f"{TEXT}\t")
        _check(_syllable_groups(row.split("\t")[1]), chosen)
    elif fmt == "ruby":
        _check([rt.split(",") for rt in re.findall(r"<rt>([^<]*)</rt>", r.stdout)], chosen)
    else:
        words = json.loads(r.stdout)[0]["words"]
        _check([c for w in words for c in w["candidates"]], chosen)


def test_other_styles_and_without_the_flag() -> None:
    r = run("--heteronym", "--style", "tone3", TEXT)
    assert r.stdout == "中心了(zhong1,zhong4 xin1 le,liao3,liao4)\n"
    assert run(TEXT).stdout == "中心了(zhōngxīn le)\n"  # unchanged without --heteronym
    assert "every reading" in run("--help").stdout
