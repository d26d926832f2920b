"""review21: the tones of a pinyin query are ignored for terms without a pinyin of their own.

0dce67d: "the tones a pinyin query gives choose among the terms spelled with its letters and say
where its syllables are (fǎngǎn / fan3gan3 is 反感, not 方案 fāng'àn; xiān is 先, not 西安
xī'ān)". That holds only for terms whose glossary gives a ``pinyin:``. A term without one (every
term of a client's CSV/TSV table, a glossary.txt written by hand) "matches when any reading of
each of its characters spells the query" (lookup.reads_as) and the query's tones are dropped
there: `lookup fǎngǎn -g terms.tsv` finds 方案 beside 反感, `xiān` finds 西安 beside 先. The
same four terms with their pinyin written out give one concept each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

TABLE = "en\tzh-TW\nplan\t方案\nantipathy\t反感\nXi'an\t西安\nfirst\t先\n"

CASES = [("fǎngǎn", "反感"), ("fan3gan3", "反感"), ("fāng'àn", "方案"), ("xiān", "先"), ("xī'ān", "西安")]


def found(tmp_path: Path, query: str) -> list[str]:
    table = tmp_path / "terms.tsv"
    table.write_text(TABLE, encoding="utf-8")
    code, out, err = invoke("lookup", query, "-g", table, "--json")
    assert code in (0, 1), err
    return sorted(t["text"] for c in json.loads(out) for t in c["terms"] if t["lang"].startswith("zh"))


def test_a_toneless_query_finds_both(tmp_path: Path) -> None:
    """What holds: without tones, `fangan` is both words."""
    assert found(tmp_path, "fangan") == ["反感", "方案"]


@pytest.mark.parametrize(("query", "term"), CASES)
def test_the_tones_choose_in_a_table_without_pinyin(tmp_path: Path, query: str, term: str) -> None:
    assert found(tmp_path, query) == [term]
