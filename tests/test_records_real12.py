"""Pairing on real12: 20 fresh mainland thesis keyword lists (ucasthesis LaTeX sources), measured only.

``tests/data/records/real12`` (see its README) holds the ``\\keywords{…}`` / ``\\KEYWORDS{…}``
lists, titles and authors of twenty theses written with the ucasthesis template (or one derived
from it), which no earlier set read, with gold pairs written by hand and committed before
termkit was run on them. Every list is parallel as published, so position is right wherever
the lists are read right: in the three renderings termkit can at best equal position (its F1
must not fall below position's); the English-rotated rendering measures pairing without
position's help. Each record is rendered in every rendering of
:data:`tests.devrecords.RENDERINGS`, read and paired exactly as the dev evaluation does, and
the figures are printed next to the positional baseline. Measure only: no rule may be changed
after reading these lists but for general ones (see the README).

First contact (branch real12 = main b5891b2 plus the records, nothing under ``termkit/``
changed; records and gold committed in b13588c before this run), sure gold pairs (90, all
mainland):

==========================  ===================  ===================  ======================
rendering                   termkit P / R        position P / R       not read as published
==========================  ===================  ===================  ======================
page                        1.000 / 1.000        1.000 / 1.000        0
labelled                    1.000 / 1.000        1.000 / 1.000        0
jsonl                       1.000 / 1.000        1.000 / 1.000        0
jsonl, English rotated      1.000 / 0.978        0.000 / 0.000        0
==========================  ===================  ===================  ======================

No wrong pair, no record with both lists and no pair. Rotated, M015 leaves 极化子 – ``Poalron``
(the author's typo) and 热化 – ``Thermalization`` unpaired. The source lines as written
(``sources/*.tex``, read as files): 0 of 20 read as published, 6 of 90 sure pairs, 20 wrong
pairs — termkit had no LaTeX reader and read them as page text (see the README).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import devrecords
from .test_pairing_eval import Evaluation, check_rotated, check_set, evaluate_renderings

REAL12 = Path(devrecords.DEV).parent / "real12" / "records.jsonl"
EARLIER = tuple(Path(devrecords.DEV).parent / f"real{n}" / "records.jsonl"
                for n in (3, 4, 5, 6, 7, 8, 9, 10, 11))
RECORDS = 20
REGIONS = {"mainland": 20}
# rendering: (precision floor, recall floor, most records not read as published)
FLOORS = {
    "page": (0.98, 0.98, 0),  # first contact 1.000 / 1.000 (position 1.000 / 1.000)
    "labelled": (0.98, 0.98, 0),  # first contact 1.000 / 1.000
    "jsonl": (0.98, 0.98, 0),  # first contact 1.000 / 1.000
}
# English order rotated by one place (a synthetic order, the pairs unchanged): first contact
# P 1.000, R 0.978 (M015: 极化子 – "Poalron", 热化 – "Thermalization" left); position 0.000.
ROTATED_PRECISION = 0.98
ROTATED_RECALL = 0.96


def _records() -> list[dict[str, Any]]:
    return devrecords.load_dev(REAL12)


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Evaluation]]:
    yield evaluate_renderings("real12", _records(), tmp_path_factory)


def test_real12_records_are_all_there() -> None:
    records = _records()
    devrecords.assert_fresh_set(records, "real12", RECORDS, REGIONS, EARLIER)
    titles = {r.get("title_zh") for r in devrecords.load_all_dev()} - {None}
    titles |= {r.get("title_zh") for path in EARLIER for r in devrecords.load_dev(path)}
    assert not titles & ({r["title_zh"] for r in records} - {None})
    # Every list is parallel as published: the i-th Chinese keyword is the i-th English one.
    for rec in records:
        assert [p[:2] for p in rec["gold"]["pairs"]] == [
            [z, e] for z, e in zip(rec["keywords_zh"], rec["keywords_en"], strict=True)]
    for rec in records:  # each source excerpt names its source and shows the lines as written
        source = REAL12.parent / rec["page"]
        assert rec["source_repo"] in source.with_suffix(".src").read_text(encoding="utf-8")
        text = source.read_text(encoding="utf-8")
        assert f"\\keywords{{{rec['keywords_zh_raw']}}}" in text, rec["id"]
        assert f"\\KEYWORDS{{{rec['keywords_en_raw']}}}" in text, rec["id"]


@pytest.mark.parametrize("name", list(devrecords.RENDERINGS))
def test_real12_pairing(
    name: str, evaluated: dict[str, Evaluation], capsys: pytest.CaptureFixture[str]
) -> None:
    result = evaluated[name]
    text = check_set(name, result, "real12 (fresh records, measured only)", FLOORS[name],
                     RECORDS, capsys, above_position=False)
    assert {region: result.termkit[region].records for region in REGIONS} == REGIONS, text


def test_real12_pairing_without_help_from_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_rotated(_records(), tmp_path, "real12", ROTATED_PRECISION, ROTATED_RECALL, capsys)
