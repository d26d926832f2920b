"""The example record's glossary catches "power balance" and 权力平衡 in a zh-TW target."""

from __future__ import annotations

from termkit.check import check_units
from termkit.glossary import chinese_forms
from termkit.model import Concept, Glossary, Source, Status, Term, Unit, Variant

from .conftest import SEED

# The record's keyword pairs, read by eye from its keyword line (the oracle).
PAIRS = [("現實主義", "realism"), ("權力平衡", "balance of power"), ("越南外交政策", "Vietnam diplomacy")]


def _keyword_glossary() -> Glossary:
    """A glossary of the record's three keyword pairs, built by hand."""
    text = SEED.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "權力平衡" in x and ";" in x)
    parts = {p.strip() for p in line.split(";")}
    concepts = []
    for i, (z, e) in enumerate(PAIRS):
        assert z in parts and e in parts
        terms = [Term(t, lang, Status.PREFERRED) for lang, t, _ in chinese_forms(z)]
        terms.append(Term(e, "en", Status.PREFERRED))
        concepts.append(Concept(f"c{i}", terms=terms))
    return Glossary(concepts)


def _units() -> list[Unit]:
    here = "translation.tmx"
    return [
        Unit("1", [Variant("zh-Hant-TW", "本文從權力平衡的觀點分析越南外交政策"),
                   Variant("en", "This article analyses Vietnam diplomacy from the perspective of power balance")],
             "zh-Hant-TW", location=Source(here, 1)),
        Unit("2", [Variant("en", "Vietnam used the balance of power strategy"),
                   Variant("zh-Hant-TW", "越南採用了权力平衡策略")],
             "en", location=Source(here, 2)),
        Unit("3", [Variant("zh-Hant-TW", "越南的權力平衡策略"),
                   Variant("en", "Vietnam's balance-of-power strategy")],
             "zh-Hant-TW", location=Source(here, 3)),
    ]


def _check(glossary: Glossary) -> list[tuple[str, str, str | None]]:
    return [(f.unit or "", f.check, f.found or f.term) for f in check_units(_units(), glossary, checks=["terms", "variants", "unit"])]


def test_example_keywords_catch_both_mistakes() -> None:
    found = _check(_keyword_glossary())
    assert ("1", "missing-term", "權力平衡") in found
    assert ("2", "wrong-script", "权力平衡") in found
    assert not [f for f in found if f[0] == "3"]  # the correct rendering passes
    assert len(found) == 2


def test_example_glossary_from_the_build_pipeline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from termkit.cli import cli
    from termkit.glossary import load_glossary

    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    glossary = load_glossary(str(tmp_path / "g" / "glossary.txt"))
    found = _check(glossary)
    assert ("1", "missing-term", "權力平衡") in found
    assert ("2", "wrong-script", "权力平衡") in found
    assert not [f for f in found if f[0] == "3"]
