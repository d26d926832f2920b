"""Every real sample file written by other tools (copied from the shared data) imports as a
glossary through the one public entry point, with at least one concept."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.glossary import load_glossary

from .conftest import DATA

# Samples written by other tools (see the README in each folder for provenance).
SAMPLES = sorted(
    # tests/data/po also holds our own quirk fixtures and a second copy of the LISA French PO.
    [p for p in (DATA / "po").glob("*.po") if p.name not in {
        "syntax-error.po", "latin1-declared.po", "no-language.zh_TW.po", "lisa-ExportTest1D_fr.po"}]
    + list((DATA / "formats" / "tbx").glob("*.tbx"))
    + [p for p in (DATA / "formats" / "tmx").rglob("*.tmx") if p.name != "tmx11-lang-attr.tmx"]
    + list((DATA / "formats" / "tmx" / "lisa-tmx-compliance-kit").glob("*.po"))
)


def test_the_sample_set_is_complete() -> None:
    # 6 PO catalogs + the LISA kit's 2 PO files, 10 TBX, 4 TMX + 7 from the LISA kit.
    assert len(SAMPLES) == 29


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_imports(path: Path) -> None:
    glossary = load_glossary(str(path))
    assert glossary.concepts
    for concept in glossary.concepts:
        assert concept.terms and all(t.text for t in concept.terms)
