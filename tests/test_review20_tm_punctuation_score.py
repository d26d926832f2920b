"""review20: `tm search` scores a punctuation-only difference 1 point off in English and 10–20 in
Chinese.

README: "Fuzzy scores are CAT-style (characters for Chinese, words for English)". A segment that
differs from a stored one only by its final mark (`?` for `.`, a mark added or dropped) is
scored 99 in English, but the same change in the stored unit's Chinese side costs a whole
character: `打开文件！` against `打开文件` 80, `删除 3 个文件。` against `删除 3 个文件？` 88,
`版本 2.0 已发布。` against `版本 2.0 已发布` 90 — so a short Chinese segment lands two bands
lower in `tm analyze` than its English original and, under `--min-score 85`, is not
pre-translated at all. The oracle is termkit's own score for the English side of the same unit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

UNITS = [
    ("Open the file", "打开文件"),
    ("Delete 3 files?", "删除 3 个文件？"),
    ("Version 2.0 released", "版本 2.0 已发布"),
]
# (query, stored) pairs: the same punctuation change on each side of a unit.
CHANGES = [
    ("Open the file!", "Open the file", "打开文件！", "打开文件"),
    ("Delete 3 files.", "Delete 3 files?", "删除 3 个文件。", "删除 3 个文件？"),
    ("Version 2.0 released.", "Version 2.0 released", "版本 2.0 已发布。", "版本 2.0 已发布"),
]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    table = tmp_path / "units.tsv"
    table.write_text("en\tzh-CN\n" + "".join(f"{en}\t{zh}\n" for en, zh in UNITS),
                     encoding="utf-8")
    path = tmp_path / "tm.sqlite"
    code, _, err = invoke("tm", "import", "--db", path, "-q", table)
    assert code == 0, err
    return path


def score(db: Path, query: str, stored: str) -> int:
    code, out, err = invoke("tm", "search", "--db", db, query, "--min", "0", "--json")
    assert code == 0, err
    return next(hit["score"] for hit in json.loads(out) if hit["text"] == stored)


@pytest.mark.parametrize("change", CHANGES, ids=[c[0] for c in CHANGES])
def test_english_punctuation_costs_a_point(db: Path, change: tuple[str, ...]) -> None:
    """What holds: in English a punctuation-only difference is a 99."""
    en_query, en_stored, _, _ = change
    assert score(db, en_query, en_stored) == 99


@pytest.mark.parametrize("change", CHANGES, ids=[c[0] for c in CHANGES])
def test_chinese_punctuation_costs_what_english_does(db: Path, change: tuple[str, ...]) -> None:
    en_query, en_stored, zh_query, zh_stored = change
    assert score(db, zh_query, zh_stored) >= score(db, en_query, en_stored) - 3
