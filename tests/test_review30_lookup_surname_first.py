"""review30: `lookup` finds a person by its name written surname first without a comma.

`CHANG Kuo-Cheng` / `Chang Kuo-Cheng` is how Taiwanese papers, name lists and the Chinese
order itself write the author the example record prints as `Kuo-Cheng Chang`; lookup found
the person by `Kuo-Cheng Chang` and by `Chang, Kuo-Cheng` but said "no concept matches" for
the surname-first form a translator is most likely to type.

Measured beside the example, on the glossary `build` makes of the dev records (dev + dev2,
58 persons; not the data this was made from): all 44 persons with a two-part English name are
found surname first, no other concept is hit by those queries, and none of the 427 English
keyword forms finds a person.
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


@pytest.mark.parametrize("query", ["Chang Kuo-Cheng", "CHANG Kuo-Cheng", "chang kuo cheng"])
def test_surname_first_finds_the_person(query: str) -> None:
    assert found(query) == ["person:張國城"]


@pytest.mark.parametrize("query", ["diplomacy Vietnam", "power of balance", "Chang", "Kuo-Cheng"])
def test_words_turned_around_find_no_keyword_and_no_half_name(query: str) -> None:
    assert found(query) == []
