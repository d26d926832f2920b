"""review20: `lookup` does not find a person by the comma-inverted form of its own name.

The README ("One person, one concept", under `build`) reads `Wang, Chia-Chou` (as BibTeX and RIS
print authors) and `Chia-Chou Wang` (as a page prints them) as one spelling of one person, and
`build` merges them. `lookup` finds the example glossary's person 張國城 by `Kuo-Cheng Chang`,
`kuo cheng chang`, and even by the Hanyu Pinyin `Zhang Guocheng` it was never printed in, but
not by `Chang, Kuo-Cheng`, the form a reference manager's export gives the same author.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"


def found(query: str) -> list[str]:
    code, out, err = invoke("lookup", query, "-g", GLOSSARY, "--json")
    assert code in (0, 1), err
    return [c["kind"] + ":" + c["terms"][0]["text"] for c in json.loads(out)]


@pytest.mark.parametrize("query", ["Kuo-Cheng Chang", "kuo cheng chang", "Zhang Guocheng"])
def test_the_person_is_found_by_its_forms(query: str) -> None:
    assert found(query) == ["person:張國城"]


def test_the_comma_inverted_form_finds_the_person() -> None:
    assert found("Chang, Kuo-Cheng") == ["person:張國城"]


def test_a_comma_inverts_only_a_persons_name() -> None:
    # A keyword is not found by its words turned around a comma.
    assert found("diplomacy, Vietnam") == []
