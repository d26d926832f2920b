"""A keyword with no term text (``""``, ``…``, ``—``, ``（）``, a zero-width space) is no concept.

JSON Lines exports keep an empty item where a list ended in a separator (``["正念", ""]``),
a page prints a placeholder in a keyword line (``…``, ``—``), a BibTeX or RIS export keeps a
dash. Before, each was paired by position with the other list's placeholder and written to
every output of ``build``: ``term zh-Hant:`` with nothing after it (a glossary file the
text reader then refuses: "empty term"), a CSV row of quotes and dots. Now the readers leave
such items out with a notice, and the glossary never holds a term without a letter or a
digit, whatever pairing it is given.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.align import pair_record
from termkit.glossary import glossary_from_pairing
from termkit.model import Kind, Pair, Pairing, Record, has_term_text
from termkit.records import parse_records
from tests.inprocess import invoke

PLACEHOLDERS = ["", " ", "\u200b", "…", "—", "（）", "-", "·", "''", "。"]


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(
        json.dumps({"id": f"r{i}", "title_zh": "正念之研究", "keywords_zh": ["正念", text, "壓力"],
                    "keywords_en": ["mindfulness", text, "stress"]}, ensure_ascii=False) + "\n"
        for i, text in enumerate(PLACEHOLDERS)), encoding="utf-8")
    return path


def test_build_writes_no_concept_without_text(tmp_path: Path) -> None:
    records = _jsonl(tmp_path)
    code, _, err = invoke("build", records, "-o", "out", cwd=tmp_path)
    assert code == 0, err
    text = (tmp_path / "out" / "glossary.txt").read_text("utf-8")
    terms = [line.split(":", 1)[1].strip() for line in text.splitlines()
             if line.startswith("term ")]
    assert terms and all(has_term_text(t) for t in terms)
    assert sorted(set(terms)) == ["mindfulness", "stress", "压力", "壓力", "正念"]
    assert "keywords with no text left out" in err
    # What build wrote reads back (an empty term was refused by the text reader).
    code, _, err = invoke("import", "out/glossary.txt", "-o", "again.json", cwd=tmp_path)
    assert code == 0, err


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_placeholders_in_a_page_keyword_line_are_left_out(blank: str) -> None:
    page = blank.join(["正念之研究", "Mindfulness and Stress", "正念；…；壓力；—",
                       "mindfulness; ...; stress; —"]) + "\n"
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert (rec.keywords_zh, rec.keywords_en) == (["正念", "壓力"], ["mindfulness", "stress"])
    assert any("no text" in n.message for n in rec.notices)


def test_the_glossary_never_holds_a_pair_without_text() -> None:
    # A pairing made by a caller (the library's API), not read from a file.
    record = Record(source="r.txt", id="r", keywords_zh=["正念"], keywords_en=["mindfulness"])
    pairing = pair_record(record)
    pairing.pairs += [Pair("", "stress", 0.5), Pair("…", "...", 0.3), Pair("壓力", "\u200b", 0.4)]
    pairing.authors.append(Pair("", "", 1.0, kind=Kind.PERSON))
    pairing.title = Pair("—", "—", 1.0, kind=Kind.TITLE)
    glossary = glossary_from_pairing(pairing)
    assert [{t.text for t in c.terms} for c in glossary.concepts] == [{"正念", "mindfulness"}]


def test_a_record_whose_keywords_are_all_placeholders_pairs_nothing() -> None:
    (rec,) = parse_records(
        b'{"id": "r", "keywords_zh": ["", "\\u2026"], "keywords_en": ["", "..."]}\n', "r.jsonl")
    assert (rec.keywords_zh, rec.keywords_en) == ([], [])
    assert glossary_from_pairing(Pairing(rec, pairs=pair_record(rec).pairs)).concepts == []
