"""Real PO catalogs: no false positives against a glossary built from their own entries.

The glossary is built by termkit's PO reader (one concept per translated entry, admitted).
polib, read independently, is the oracle for the one kind of finding these catalogs really
deserve: entries with an empty msgstr (``empty-target``).
"""

from __future__ import annotations

import polib
import pytest

from termkit.check import check_files
from termkit.glossary import load_glossary

from .conftest import DATA

PO = DATA / "check" / "po"
CATALOGS = sorted(p.name for p in PO.glob("*.po"))


def test_the_catalogs_are_there() -> None:
    assert len(CATALOGS) == 6


@pytest.mark.parametrize("name", CATALOGS)
def test_no_false_positives_against_own_glossary(name: str) -> None:
    path = str(PO / name)
    glossary = load_glossary(path)
    assert len(glossary.concepts) > 10
    result = check_files([path], glossary, checks=["terms", "variants", "unit"])
    assert result.errors == []
    assert result.units > 30
    # The translations are the glossary: no term, script or consistency finding is true.
    wrong = [f for f in result.findings if f.check != "empty-target"]
    assert wrong == [], [f.message for f in wrong]
    # Every empty-target finding is an entry polib sees as untranslated, and vice versa.
    po = polib.pofile(path)
    untranslated = sorted(
        e.linenum for e in po if not e.obsolete and e.msgid and not e.translated() and not e.fuzzy
        and not any(e.msgstr_plural.values())
    )
    found = sorted(f.line for f in result.findings if f.check == "empty-target")
    assert found == untranslated


@pytest.mark.parametrize("name", ["opencc-0.1.2-zh_TW.po", "opencc-0.1.2-zh_HK.po"])
def test_traditional_catalogs_have_no_simplified_characters(name: str) -> None:
    path = str(PO / name)
    result = check_files([path], load_glossary(path), checks=["wrong-script"])
    assert result.findings == []


def test_simplified_catalog_checked_as_traditional_is_caught() -> None:
    # The zh_CN catalog declared zh-TW: its Simplified characters are all foreign there.
    path = str(PO / "opencc-0.1.2-zh_CN.po")
    glossary = load_glossary(path)
    result = check_files([path], glossary, checks=["wrong-script"], target_lang="zh-CN")
    assert result.findings == []
    # Same text, read as if it were the Taiwan catalog (swap the variants' language tags).
    from termkit.check import check_units
    from termkit.formats import detect

    with open(path, "rb") as fh:
        units = list(detect(path).iter_units(fh, path))
    for u in units:
        for v in u.variants[1:]:
            v.lang = "zh-Hant-TW"
    findings = check_units(units, glossary, checks=["wrong-script"])
    translated = [u for u in units if len(u.variants) > 1]
    # Every suggestion is OpenCC's s2tw of what was found, and each lies inside its target.
    import opencc

    s2tw = opencc.OpenCC("s2tw.json")
    assert len({(f.line) for f in findings}) >= len(translated) // 2
    for f in findings:
        assert f.target_span is not None and f.found == f.target[slice(*f.target_span)]
        assert f.expected[0] != f.found
        assert len(f.expected[0]) == len(f.found)
    assert any(f.expected[0] == s2tw.convert(f.found) for f in findings)


def test_mainland_wording_in_the_taiwan_catalog() -> None:
    # PROVENANCE.md: "the zh_TW file keeps mainland wording such as 配置文件".
    from .conftest import ROOT

    regional = ROOT / "glossaries" / "cross-strait.glossary.txt"
    path = str(PO / "opencc-0.1.2-zh_TW.po")
    result = check_files(
        [path], load_glossary(path), regional=[load_glossary(str(regional))],
        checks=["wrong-region"],
    )
    found = {f.found for f in result.findings}
    assert "配置文件" in found
    hit = next(f for f in result.findings if f.found == "配置文件")
    assert hit.target_lang == "zh-Hant-TW"
    assert hit.expected and hit.expected[0] != "配置文件"


def _short_entry_glossary(path: str):  # type: ignore[no-untyped-def]
    """A terminology glossary from the catalog's short entries (1-3 plain words)."""
    import re

    from termkit.model import Concept, Glossary, Status, Term

    concepts = []
    for e in polib.pofile(path):
        if e.obsolete or e.fuzzy or not e.msgstr or e.msgid_plural:
            continue
        if re.fullmatch(r"[A-Za-z]+(?:[ -][A-Za-z]+){0,2}", e.msgid):
            concepts.append(Concept(f"c{len(concepts)}", terms=[
                Term(e.msgid, "en", Status.PREFERRED), Term(e.msgstr, "zh-Hans", Status.PREFERRED)]))
    return Glossary(concepts)


@pytest.mark.parametrize("name", CATALOGS)
def test_findings_against_a_term_glossary_are_true_claims(name: str) -> None:
    """Each missing-term claim is checked by an independent oracle: a plain regular expression
    finds the term in the source, and OpenCC-folded target text does not contain any
    approved rendering. Findings stay rare (a glossary of the catalog's own terms)."""
    import re

    import opencc

    t2s = opencc.OpenCC("t2s.json")
    path = str(PO / name)
    glossary = _short_entry_glossary(path)
    result = check_files([path], glossary, checks=["missing-term", "forbidden-term"])
    assert result.errors == []
    for f in result.findings:
        assert f.check == "missing-term"
        words = (f.term or "").split()
        pattern = r"\b" + r"[\s-]+".join(re.escape(w) + r"(?:e?s|'s)?" for w in words) + r"\b"
        assert re.search(pattern, f.source, re.IGNORECASE), (f.term, f.source)
        folded = t2s.convert(f.target)
        for rendering in f.expected:
            assert t2s.convert(rendering) not in folded, (rendering, f.target)
    assert len(result.findings) <= max(3, result.units // 20)
