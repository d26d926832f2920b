"""review20: `accelerators` does not see an accelerator whose key or marker changed.

README: `accelerators` finds a "keyboard accelerator (_F, &F, Chinese 檔案(_F)) missing, doubled
or changed". In the Chinese form `…(_F)` neither the key nor the marker is compared with the
source's:

* `Save &As` -> `另存為(&S)`: the key moved from A to S (a clash with another item's S is what
  the translator was meant to avoid), no finding;
* `_Open` -> `開啟(&O)`: GTK marks accelerators with `_`, so the menu shows a literal `(&O)`
  and has no accelerator — no finding, though the same `&` written inline (`&O開啟`) is reported
  as another marker;
* `&Open` -> `開啟(_O)`: the same the other way round (Qt shows `(_O)`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_TW\\n"\n\n')


def findings(tmp_path: Path, source: str, target: str) -> list[str]:
    po = tmp_path / "menu.zh_TW.po"
    po.write_text(HEADER + f'msgid "{source}"\nmsgstr "{target}"\n', encoding="utf-8")
    code, out, err = invoke("check", "--checks", "accelerators", "--json", po)
    assert code in (0, 1), err
    return [f["message"] for f in json.loads(out)["findings"]]


@pytest.mark.parametrize(("source", "target", "count"), [
    ("&File", "檔案(&F)", 0),
    ("_File", "檔案(_F)", 0),
    ("_File", "檔案", 1),
    ("_File", "檔案(_F)(_F)", 1),
])
def test_missing_doubled_and_right(tmp_path: Path, source: str, target: str, count: int) -> None:
    """What holds: the Chinese form with the source's marker and key passes; missing or doubled
    is reported."""
    assert len(findings(tmp_path, source, target)) == count


@pytest.mark.parametrize(("source", "target"), [
    ("Save &As", "另存為(&S)"),
    ("_Open", "開啟(&O)"),
    ("&Open", "開啟(_O)"),
])
def test_a_changed_key_or_marker_is_reported(tmp_path: Path, source: str, target: str) -> None:
    assert len(findings(tmp_path, source, target)) == 1
