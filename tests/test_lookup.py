"""`termkit lookup`: every form of the example's concepts finds them; grep's exit status."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit import lang
from termkit.cli import cli
from termkit.glossary import load_glossary
from termkit.lookup import LookupIndex, english_words, pinyin_key, reads_as
from termkit.model import Concept, Glossary, Status, Term
from termkit.pinyin.romanize import split_tone, to_tone3
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "glossaries" / "example" / "glossary.txt")
REGIONAL = str(ROOT / "glossaries" / "cross-strait.glossary.txt")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["lookup", *args])


def _toneless(pinyin: str) -> str:
    """``quánlì pínghéng`` -> ``quanli pingheng`` (what a translator types without tones)."""
    out = []
    for word in pinyin.split():
        base = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
        out.append(base)
    return " ".join(out)


def _forms(concept: Concept) -> list[str]:
    """Every way a translator may type one of the concept's forms."""
    forms: list[str] = []
    for t in concept.terms:
        forms.append(t.text)
        if lang.is_chinese(t.lang):
            forms.append(" ".join(t.text))  # spaces between characters
            if t.pinyin:
                toneless = _toneless(t.pinyin)
                forms += [t.pinyin, toneless, toneless.replace(" ", ""), toneless.lower(),
                          " ".join(to_tone3(s) for w in t.pinyin.split() for s in _syllables(w))]
        else:
            forms += [t.text.upper(), t.text.lower()]
    return forms


def _syllables(word: str) -> list[str]:
    from termkit.pinyin.romanize import split_word

    count = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in "aeiouü")  # upper bound
    for n in range(1, count + 1):
        found = split_word(word, n)
        if found and all(split_tone(s)[1] != 5 for s in found):
            return found
    raise AssertionError(word)


def test_every_form_of_every_example_concept_finds_it() -> None:
    g = load_glossary(EXAMPLE)
    index = LookupIndex([(EXAMPLE, g)])
    assert len(g.concepts) == 4
    for concept in g.concepts:
        forms = _forms(concept)
        assert len(forms) >= 14  # two Chinese terms with pinyin (7 forms each), English ones
        for form in forms:
            found = index.search(form)
            assert [m.concept.id for m in found] == [concept.id], (concept.id, form)


def test_toneless_pinyin_of_the_readme_example() -> None:
    for query in ("quanli pingheng", "quánlì pínghéng", "quanlipingheng", "QuanLi PingHeng",
                  "quan2li4 ping2heng2"):
        r = run(query, "-g", EXAMPLE)
        assert r.exit_code == 0, (query, r.output)
        assert r.stdout.splitlines()[0] == f"{EXAMPLE} [c81cce29bd61a] keyword, preferred"


def test_output_shows_terms_statuses_pinyin_domains_sources() -> None:
    r = run("Vietnam's", "foreign", "policy", "-g", EXAMPLE)
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout == (
        f"{EXAMPLE} [c8b4fac641e01] keyword, preferred\n"
        "  zh-Hant  越南外交政策              preferred  Yuènán wàijiāo zhèngcè\n"
        "  zh-Hans  越南外交政策              preferred  Yuènán wàijiāo zhèngcè\n"
        "  en       Vietnam diplomacy         preferred\n"
        "  en       Vietnam's foreign policy  admitted\n"
        "  domain  人文學; 社會科學\n"
        "  source  termkit/data/example-record.txt:10 record=example-record\n"
    )


def test_json_and_first_sources_only(tmp_path: Path) -> None:
    g = Glossary([Concept("c1", status=Status.PREFERRED, domains=["law"],
                          sources=[], terms=[Term("條約", "zh-Hant", pinyin="tiáoyuē"), Term("treaty", "en")])])
    from termkit.model import Source

    g.concepts[0].sources = [Source(f"r{i}.txt", i) for i in range(1, 8)]
    path = tmp_path / "g.json"
    from termkit import formats

    with path.open("wb") as fh:
        formats.get("json").write_glossary(g, fh)
    r = run("Treaties", "-g", str(path), "--json", "--sources", "2")
    assert r.exit_code == 0, r.output
    [found] = json.loads(r.stdout)
    assert found["id"] == "c1" and found["matched"] == ["en"] and found["domains"] == ["law"]
    assert found["sources"] == ["r1.txt:1", "r2.txt:2"] and found["sources_total"] == 7
    assert found["terms"][0] == {"lang": "zh-Hant", "text": "條約", "status": "candidate", "pinyin": "tiáoyuē"}
    text = run("treaty", "-g", str(path), "--sources", "2").stdout
    assert "  source  r2.txt:2  (+5 more)\n" in text


def test_grep_exit_status() -> None:
    r = run("nothing like this", "-g", EXAMPLE)
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr == "lookup: no concept matches 'nothing like this' in 4 concept(s) of 1 glossary\n"
    r = run("x", "-g", "no/such/glossary.txt")
    assert r.exit_code == 2 and r.stderr.startswith("Error: no/such/glossary.txt")
    assert run("x").exit_code == 2  # -g is required
    assert run(" ", "-g", EXAMPLE).exit_code == 2


def test_several_glossaries_and_both_scripts() -> None:
    r = run("东盟", "-g", EXAMPLE, "-g", REGIONAL, "--json")
    assert r.exit_code == 0
    found = json.loads(r.stdout)
    assert found and {m["glossary"] for m in found} == {REGIONAL}
    assert any(t["text"] == "東協" for m in found for t in m["terms"])
    # a Traditional query finds the concept by its Simplified form and the reverse
    assert [m["id"] for m in json.loads(run("東盟", "-g", REGIONAL, "--json").stdout)] == [
        m["id"] for m in found]


def test_pinyin_of_terms_without_one_is_read_per_character() -> None:
    g = Glossary([Concept("bank", terms=[Term("銀行", "zh-Hant"), Term("bank", "en")])])
    index = LookupIndex([("g", g)])
    for query in ("yinhang", "yín háng", "yin2 hang2"):
        assert [m.matched for m in index.search(query)] == [("pinyin",)], query
    assert index.search("yinhan") == []
    assert reads_as("北京2008", "beijing2008") and not reads_as("北京", "beijin")


ENGLISH = Glossary([
    Concept("lib", terms=[Term("university library", "en"), Term("大學圖書館", "zh-Hant")]),
    Concept("prob", terms=[Term("problem", "en"), Term("問題", "zh-Hant")]),
    Concept("crisis", terms=[Term("financial crisis", "en"), Term("金融危機", "zh-Hant")]),
    Concept("dev", terms=[Term("developing countries", "en"), Term("開發中國家", "zh-Hant")]),
    Concept("women", terms=[Term("women's rights", "en"), Term("婦女權利", "zh-Hant")]),
    Concept("cold", terms=[Term("Cold-War", "en"), Term("冷戰", "zh-Hant")]),
])


@pytest.mark.parametrize(("query", "expected"), [
    ("University Libraries", ["lib"]),
    ("PROBLEMS", ["prob"]),
    ("financial crises", ["crisis"]),
    ("developing country", ["dev"]),
    ("developed countries", []),  # not a plural: no stemming
    ("woman's rights", ["women"]),
    ("cold war", ["cold"]),
    ("university", []),  # whole forms, not parts
])
def test_english_ignores_case_punctuation_and_number(query: str, expected: list[str]) -> None:
    found = LookupIndex([("g", ENGLISH)]).search(query)
    assert [m.concept.id for m in found] == expected


def test_keys() -> None:
    assert english_words("Vietnam’s foreign-policy") == ("vietnam", "foreign", "policy")
    assert english_words("the states' rights") == ("the", "states", "rights")
    assert pinyin_key("Lǚ Dòngbīn") == pinyin_key("lv dongbin") == pinyin_key("lu:3 dong4bin1") == "ludongbin"
