"""review20: `tm concordance` and `tm delete --contains` take units that do not contain TERM.

`tm concordance TERM` promises "Units whose segments contain TERM", and `tm delete --contains
TERM` deletes "Units with a segment containing TERM (as `tm concordance` finds them)". Both
read TERM as a run of words with the punctuation between them dropped, so on OpenCC's real
catalogue (tests/data/po/opencc-0.1.2-zh_CN.po) `input_file` also takes
` -i [file], --input=[file]   Read original text from [file].` and `With no input file, …`,
and `tm delete --contains input_file` would delete 6 units, 3 of which never hold it. termkit's
own word rule (README, `tm analyze`: "runs of letters, digits and underscores") makes
`input_file` one word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.inprocess import invoke

CATALOG = DATA / "po" / "opencc-0.1.2-zh_CN.po"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tm.sqlite"
    code, _, err = invoke("tm", "import", "--db", path, CATALOG)
    assert code == 0, err
    return path


def units_listed(out: str) -> list[dict[str, object]]:
    return json.loads(out)


def holds(unit: dict[str, object], term: str) -> bool:
    variants = unit["variants"]
    assert isinstance(variants, list)
    return any(term.casefold() in v["text"].casefold() for v in variants)


def test_concordance_finds_the_units_that_hold_it(db: Path) -> None:
    """What holds: every unit that contains `input_file` is listed."""
    code, out, err = invoke("tm", "concordance", "--db", db, "input_file", "--json")
    assert code == 0, err
    listed = [hit["unit"] for hit in units_listed(out)]
    assert sum(holds(u, "input_file") for u in listed) == 3  # opencc_dict usage lines


def test_concordance_lists_only_units_that_contain_term(db: Path) -> None:
    _, out, _ = invoke("tm", "concordance", "--db", db, "input_file", "--json")
    listed = [hit["unit"] for hit in units_listed(out)]
    assert listed and all(holds(u, "input_file") for u in listed), [
        u["variants"][0]["text"] for u in listed if not holds(u, "input_file")]


def test_delete_contains_takes_only_units_that_contain_term(db: Path) -> None:
    code, out, err = invoke("tm", "delete", "--db", db, "--contains", "input_file",
                            "--dry-run", "--json")
    assert code == 0, err
    listed = json.loads(out)
    units = listed["units"] if isinstance(listed, dict) else listed
    assert units and all(holds(u, "input_file") for u in units)
