"""One person printed two ways is one concept: `build` merges person concepts whose Chinese
name is the same and whose romanizations termkit's name matcher (termkit.pinyin.names) reads
as the same spelling of it — inverted with a comma (`Wang, Chia-Chou`, as BibTeX and RIS
print authors), hyphen or space between the syllables, letter case. The preferred English
form is the one seen most, on a tie the one in running order without a comma (as the pages
print it); the other is an admitted variant. Different Chinese names, and different
spellings (Wade-Giles `Chia-Chou` and pinyin `Jiazhou`, or an order without a comma that
differs), stay apart: two people can share a name."""

from __future__ import annotations

from pathlib import Path

from termkit.glossary import build_glossary, merge_glossaries
from termkit.model import Concept, Glossary, Kind, Status
from termkit.records import read_records

from .conftest import DATA

RECORDS = DATA / "records"


def _build(*paths: Path) -> Glossary:
    from termkit.align import pair_record

    return build_glossary([pair_record(r) for p in paths for r in read_records(str(p))])


def _persons(g: Glossary, zh: str) -> list[Concept]:
    return [c for c in g.concepts if c.kind is Kind.PERSON
            and any(t.text == zh for t in c.terms_for("zh-Hant"))]


def _en(c: Concept) -> list[tuple[str, str, int]]:
    return [(t.text, t.status.value, t.support) for t in c.terms_for("en")]


def test_bibtex_inverted_name_and_page_name_are_one_person() -> None:
    # bilingual.bib: author_en = {Wang, Chia-Chou}; chinese_title.txt: 王嘉州(Chia-Chou Wang);
    # the same article (kwrec-003) in two exports.
    g = _build(RECORDS / "bilingual.bib", RECORDS / "chinese_title.txt")
    persons = _persons(g, "王嘉州")
    assert len(persons) == 1, [_en(c) for c in persons]
    person = persons[0]
    assert _en(person) == [("Chia-Chou Wang", "preferred", 1), ("Wang, Chia-Chou", "admitted", 1)]
    assert person.status is Status.PREFERRED
    assert {s.record for s in person.sources} == {"wang2011", "chinese_title"}
    assert g.conflicts == []


def test_the_preferred_form_does_not_depend_on_input_order() -> None:
    a = _build(RECORDS / "bilingual.bib", RECORDS / "chinese_title.txt")
    b = _build(RECORDS / "chinese_title.txt", RECORDS / "bilingual.bib")
    pa, pb = _persons(a, "王嘉州")[0], _persons(b, "王嘉州")[0]
    assert pa.id == pb.id
    assert _en(pa) == _en(pb)


def test_the_form_seen_most_is_preferred() -> None:
    # Three pages print `Chia-Chou Wang`, one BibTeX entry `Wang, Chia-Chou`; and the other way.
    pages = [RECORDS / n for n in ("chinese_title.txt", "crlf.txt", "utf8_bom.txt")]
    g = _build(RECORDS / "bilingual.bib", *pages)
    (person,) = _persons(g, "王嘉州")
    assert _en(person) == [("Chia-Chou Wang", "preferred", 3), ("Wang, Chia-Chou", "admitted", 1)]


def _bib(tmp_path: Path, name: str, entries: list[tuple[str, str, str]]) -> Path:
    text = ""
    for key, zh, en in entries:
        text += (f"@article{{{key},\n  title = {{來臺陸生的政治態度}},\n  author = {{{zh}}},\n"
                 f"  author_en = {{{en}}},\n  year = {{2011}},\n}}\n\n")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_hyphen_space_and_case_variants_merge(tmp_path: Path) -> None:
    bib = _bib(tmp_path, "v.bib", [("a", "王嘉州", "WANG, CHIA-CHOU"), ("b", "王嘉州", "Chia Chou Wang"),
                                   ("c", "王嘉州", "Chiachou Wang")])
    g = _build(bib, RECORDS / "chinese_title.txt")
    (person,) = _persons(g, "王嘉州")
    forms = _en(person)
    assert forms[0] == ("Chia Chou Wang", "preferred", 1)  # a tie: running order, then text
    assert sorted(f for f, _, _ in forms) == sorted(
        ["Chia Chou Wang", "Chia-Chou Wang", "Chiachou Wang", "WANG, CHIA-CHOU"])
    assert [s for _, s, _ in forms[1:]] == ["admitted"] * 3


def test_different_spellings_and_different_names_stay_apart(tmp_path: Path) -> None:
    bib = _bib(tmp_path, "d.bib", [
        ("a", "王嘉州", "Wang, Jiazhou"),     # pinyin, where the page has Wade-Giles
        ("b", "王家洲", "Wang, Chia-Chou"),   # another Chinese name, the same romanization
        ("c", "王嘉州", "Wang Chia-Chou"),    # surname first without a comma: another order
    ])
    g = _build(bib, RECORDS / "chinese_title.txt")
    forms = sorted(_en(c)[0][0] for c in _persons(g, "王嘉州"))
    assert forms == ["Chia-Chou Wang", "Wang Chia-Chou", "Wang, Jiazhou"]
    assert all(len(_en(c)) == 1 for c in _persons(g, "王嘉州"))
    assert [_en(c) for c in _persons(g, "王家洲")] == [[("Wang, Chia-Chou", "preferred", 1)]]


def test_import_of_two_glossaries_merges_the_same_person_too() -> None:
    a = _build(RECORDS / "bilingual.bib")
    b = _build(RECORDS / "chinese_title.txt")
    g = merge_glossaries([a, b])
    (person,) = _persons(g, "王嘉州")
    assert [f for f, _, _ in _en(person)] == ["Chia-Chou Wang", "Wang, Chia-Chou"]
