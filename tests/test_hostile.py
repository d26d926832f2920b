"""Hostile inputs through the real CLI (tests/hostile.py): issue 13's guarantees on the commands
added after the hardening work, and regression tests for what they broke.

The default run tries the cases that failed before their fixes and a sample of the others;
``pytest --fuzz-long`` (or ``python -m tests.hostile``) tries every case.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from termkit.errors import FormatError, InputError
from tests import hostile

_ALL = hostile.cases()
_NAMES = [c.name for c in _ALL]


def _selected(config: pytest.Config) -> list[hostile.Case]:
    return _ALL if config.getoption("--fuzz-long", default=False) else hostile.default_cases()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "hostile_case" in metafunc.fixturenames:
        chosen = _selected(metafunc.config)
        metafunc.parametrize("hostile_case", chosen, ids=[c.name for c in chosen])


def test_every_regression_is_a_case() -> None:
    assert set(hostile.REGRESSIONS) <= set(_NAMES)
    assert len(_NAMES) == len(set(_NAMES))


def test_hostile_case(hostile_case: hostile.Case, tmp_path: Path) -> None:
    outcome = hostile.run_case(hostile_case, tmp_path / "case")
    stderr = outcome.stderr.decode("utf-8", "replace")[-2000:]
    assert not outcome.problems, f"{hostile_case.name}: {outcome.problems}\n{stderr}"


# --------------------------------------------------------------------------- library regressions


def _damaged_deflate_workbook() -> bytes:
    """A workbook whose sheet's compressed bytes are flipped: the zip directory is intact."""
    data = bytearray(hostile.xlsx_bytes({"Glossary": hostile.HEADER + hostile.row(2, "power", "權力") * 50}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] ^= 0x55
    return bytes(data)


def test_xlsx_damaged_deflate_data_is_a_format_error() -> None:
    from termkit.formats import xlsx

    with pytest.raises(FormatError) as err:
        xlsx.read_glossary(io.BytesIO(_damaged_deflate_workbook()), "g.xlsx")
    assert err.value.path == "g.xlsx"
    assert "decompressing" in err.value.message


def test_xlsx_row_number_past_excel_is_refused_with_its_line() -> None:
    from termkit.formats import xlsx

    data = hostile.xlsx_bytes({"Glossary": hostile.HEADER + hostile.row(2, "power", "權力")
                               + f'<row r="{xlsx.MAX_ROW + 5}">{hostile.inline("A9", "x")}</row>'})
    with pytest.raises(FormatError) as err:
        xlsx.read_glossary(io.BytesIO(data), "g.xlsx")
    assert err.value.line == xlsx.MAX_ROW + 1
    assert "last row" in err.value.message


def test_tm_ids_past_sqlite_integers_select_nothing(tmp_path: Path) -> None:
    from termkit.errors import DatabaseError
    from termkit.tm import maintain
    from termkit.tm.store import open_store

    hostile.make_tm(tmp_path)
    with open_store(str(tmp_path / "tm.sqlite"), create=False) as store:
        assert maintain.select(store, ids=[2**64, 2**63]) == []
        assert maintain.delete(store, [2**70]) == 0
        with pytest.raises(DatabaseError, match="no unit"):
            maintain.edit_target(store, 2**63, "x")


def test_deep_baseline_is_an_input_error(tmp_path: Path) -> None:
    from termkit.check.baseline import load_baseline

    path = tmp_path / "base.json"
    path.write_text("[" * 50_000 + "]" * 50_000)
    with pytest.raises(InputError, match="nested deeper"):
        load_baseline(str(path))


def test_endnote_wrapped_value_is_joined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value wrapped over many lines is joined in one pass (line by line was quadratic)."""
    from termkit.records import endnote

    calls = []
    real = endnote.join_lines

    def counting(lines: list[str]) -> str:
        calls.append(len(lines))
        return real(lines)

    monkeypatch.setattr(endnote, "join_lines", counting)
    text = "%0 Journal Article\n%T Power and\n" + "  balance of\n" * 300 + "%K 權力\n  平衡\n"
    [record] = endnote.parse_endnote(text, "x.enw", "x")
    assert "Power and" + " balance of" * 300 in repr(record)
    assert "權力平衡" in repr(record)
    assert len(calls) == 2  # one join per wrapped value, not one per line
