"""OmegaT (console mode) as the oracle: our TMX in tm/auto/ translates a source file by exact match.

The keywords are those printed in the example record (termkit/data/example-record.txt):
現實主義 ; 權力平衡 ; 越南外交政策 ; realism ; Vietnam diplomacy ; balance of power.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from termkit.formats import tmx
from termkit.model import Concept, Glossary, Status, Term
from tests.conftest import require_tool

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PAIRS = [("現實主義", "现实主义", "realism"), ("權力平衡", "权力平衡", "balance of power"),
         ("越南外交政策", "越南外交政策", "Vietnam diplomacy")]

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def _glossary() -> Glossary:
    return Glossary(concepts=[
        Concept(id=f"c{i}", terms=[Term(en, "en", Status.PREFERRED), Term(hant, "zh-Hant-TW"),
                                   Term(hans, "zh-Hans-CN")])
        for i, (hant, hans, en) in enumerate(PAIRS)
    ])


def _run_omegat(tmp_path: Path, source: str, target: str, lines: list[str]) -> list[str]:
    omegat = require_tool("omegat")
    project = tmp_path / "project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT.format(source=source, target=target), "utf-8")
    # one segment per paragraph: blank lines between the keywords
    (project / "source" / "keywords.txt").write_text("\n\n".join(lines) + "\n", "utf-8")
    with (project / "tm" / "auto" / "glossary.tmx").open("wb") as fh:
        tmx.write_glossary(_glossary(), fh)
    tags = {t.get(XML_LANG) for t in etree.parse(str(project / "tm/auto/glossary.tmx")).iter("tuv")}
    assert tags == {"en", "zh-TW", "zh-CN"}  # the tags we meant, not just ones OmegaT tolerates
    proc = subprocess.run(
        [omegat, "--mode=console-translate", f"--config-dir={tmp_path / 'config'}",
         "--disable-project-locking", "--no-team", str(project)],
        capture_output=True, text=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    out = (project / "target" / "keywords.txt").read_text("utf-8")
    return [p for p in out.split("\n\n") if p.strip()]


@pytest.mark.parametrize(
    ("source", "target", "src_col", "tgt_col"),
    [("zh-TW", "en", 0, 2), ("en", "zh-TW", 2, 0)],
    ids=["zh-TW->en", "en->zh-TW"],
)
def test_omegat_translates_with_our_tmx(tmp_path: Path, source: str, target: str,
                                        src_col: int, tgt_col: int) -> None:
    lines = [p[src_col] for p in PAIRS]
    got = _run_omegat(tmp_path, source, target, lines)
    assert [g.strip() for g in got] == [p[tgt_col] for p in PAIRS]
