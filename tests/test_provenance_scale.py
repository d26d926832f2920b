"""Provenance that scales (#14): a glossary of many records stays as big as its concepts.

The records are generated from real keyword pairs of ``tests/data/records/dev*.jsonl`` (the
pairs a record prints at the same place of its two keyword lists) and one Chinese keyword that
two real records render differently; nothing here names a term.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli as main
from termkit.english import same_rendering
from termkit.formats import termkit_text
from termkit.glossary import build_glossary, merge_glossaries
from termkit.model import Conflict, Source, total_sources
from termkit.provenance import conflict_lines, limit_sources, sidecar_lines
from termkit.review.sources import Sidecar, sidecar_path

DATA = Path(__file__).parent / "data" / "records"
RECORDS = 3000
CONCEPTS = 10


def _printed_pairs() -> list[tuple[str, str]]:
    """(Chinese, English) at the same place of equally long keyword lists, in file order."""
    pairs = []
    for name in ("dev.jsonl", "dev2.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            zh, en = r.get("keywords_zh") or [], r.get("keywords_en") or []
            if len(zh) == len(en):
                pairs.extend(zip(zh, en, strict=True))
    return pairs


@functools.cache
def _rival() -> tuple[str, str, str]:
    """A Chinese keyword two real records render as two different terms, each of them paired
    confidently on its own (so that only the counts decide): (zh, a, b)."""
    from termkit.align import pair_record
    from termkit.model import Record, Status

    seen: dict[str, list[str]] = {}
    for zh, en in _printed_pairs():
        seen.setdefault(zh, [])
        if en not in seen[zh]:
            seen[zh].append(en)
    for zh in sorted(seen):
        ens = seen[zh]
        if len(ens) != 2 or same_rendering(*ens):
            continue
        paired = [pair_record(Record("x.jsonl", "x", keywords_zh=[zh], keywords_en=[en])).pairs
                  for en in ens]
        if all(len(p) == 1 and p[0].status is Status.PREFERRED for p in paired):
            return zh, ens[0], ens[1]
    raise AssertionError("the dev records have no rival renderings")


def _concepts() -> list[tuple[str, str]]:
    """The rival's Chinese keyword and nine other real pairs (distinct on both sides)."""
    rival_zh = _rival()[0]
    chosen: list[tuple[str, str]] = []
    for zh, en in _printed_pairs():
        if zh == rival_zh or any(zh == z or en.casefold() == e.casefold() for z, e in chosen):
            continue
        if len(zh) >= 2 and len(en.split()) >= 1:
            chosen.append((zh, en))
        if len(chosen) == CONCEPTS - 1:
            return chosen
    raise AssertionError("not enough pairs")


def _write_records(path: Path) -> dict[str, set[str]]:
    """3,000 records, each with 4 of the 10 concepts; the rival is rendered ``a`` twice as
    often as ``b``. Returns, per Chinese keyword, the ids of the records that print it."""
    zh_r, a, b = _rival()
    others = _concepts()
    seen: dict[str, set[str]] = {}
    rival_uses = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(RECORDS):
            picks = [(i + k) % CONCEPTS for k in range(4)]
            pairs = []
            for p in picks:
                if p == CONCEPTS - 1:
                    en = b if rival_uses % 3 == 2 else a
                    rival_uses += 1
                    pairs.append((zh_r, en))
                else:
                    pairs.append(others[p])
            for zh, _ in pairs:
                seen.setdefault(zh, set()).add(f"rep-{i:04d}")
            out.write(json.dumps({"id": f"rep-{i:04d}", "keywords_zh": [z for z, _ in pairs],
                                  "keywords_en": [e for _, e in pairs]}, ensure_ascii=False) + "\n")
    return seen


@pytest.fixture(scope="module")
def big_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]], str]:
    base = tmp_path_factory.mktemp("scale")
    seen = _write_records(base / "rep.jsonl")
    runner = CliRunner()
    here = os.getcwd()
    os.chdir(base)  # sources name the input as given: "rep.jsonl"
    try:
        result = runner.invoke(main, ["build", "rep.jsonl", "-o", "out"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return base / "out", seen, result.stderr


def test_glossary_and_exports_grow_with_concepts_not_records(big_build) -> None:  # type: ignore[no-untyped-def]
    out, seen, _ = big_build
    assert len(seen) == CONCEPTS
    assert (out / "glossary.txt").stat().st_size < 10_000
    tmx = (out / "glossary.tmx").read_text(encoding="utf-8")
    assert 0 < tmx.count('<prop type="x-source">') <= CONCEPTS * 5
    for name in ("glossary.json", "glossary.tbx", "glossary.zh_TW.po", "glossary.csv"):
        assert (out / name).stat().st_size < 40_000, name
    # Support counts stay whole, and the glossary file records each total: a concept was
    # seen in every record that prints its Chinese keyword.
    g = termkit_text.loads((out / "glossary.txt").read_text(encoding="utf-8"), "glossary.txt")
    for c in g.concepts:
        printed = next(t.text for t in c.terms_for("zh") if t.text in seen)  # either script
        assert len(c.sources) == 5
        assert c.sources_total == total_sources(c) == len(seen[printed])
        english = c.terms_for("en")
        assert sum(t.support for t in english) == len(seen[printed])
        for t in english:
            assert t.sources_total is None or t.sources_total == t.support
            assert len(t.sources) <= 5


def test_sidecar_lists_every_source_in_the_shape_review_reads(big_build) -> None:  # type: ignore[no-untyped-def]
    out, seen, _ = big_build
    lines = (out / "glossary.sources.jsonl").read_text(encoding="utf-8").splitlines()
    objs = [json.loads(x) for x in lines]
    assert [o["id"] for o in objs] == sorted(o["id"] for o in objs)
    assert len(objs) == CONCEPTS
    every = set()
    for o in objs:
        assert set(o) == {"id", "total", "sources", "terms"}
        assert o["total"] == len(o["sources"]) == len({s["record"] for s in o["sources"]})
        every.update(s["record"] for s in o["sources"])
        printed = next(t["text"] for t in o["terms"] if t["text"] in seen)
        assert {s["record"] for s in o["sources"]} == seen[printed]
        english = 0
        for t in o["terms"]:
            assert set(t) == {"lang", "text", "sources"}
            if t["lang"] == "en":
                english += len(t["sources"])
        assert english == o["total"]
    assert every == {f"rep-{i:04d}" for i in range(RECORDS)}
    assert sum(o["total"] for o in objs) == RECORDS * 4
    side = Sidecar(sidecar_path(out / "glossary.txt"))
    for o in objs:
        got = side.get(o["id"])
        assert got is not None and got.total == o["total"] and len(got.sources) == o["total"]


def test_clear_preference_is_not_a_conflict(big_build) -> None:  # type: ignore[no-untyped-def]
    out, _, stderr = big_build
    zh, a, b = _rival()
    assert "conflict:" not in stderr and "0 conflict(s)" in stderr
    assert len(stderr) < 2_000
    g = termkit_text.loads((out / "glossary.txt").read_text(encoding="utf-8"), "glossary.txt")
    assert g.conflicts == []
    concept = next(c for c in g.concepts if any(t.text == zh for t in c.terms))
    en = {t.text: t for t in concept.terms_for("en")}
    assert en[a].support == 2 * en[b].support  # as written: a twice as often as b
    assert (en[a].status.value, en[b].status.value) == ("preferred", "admitted")


def test_review_shows_n_of_total_with_and_without_the_sidecar(big_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from termkit.review.session import ReviewSession as Session

    out, _, _ = big_build
    alone = tmp_path / "glossary.txt"
    alone.write_bytes((out / "glossary.txt").read_bytes())
    for path, listed in ((out / "glossary.txt", None), (alone, 5)):
        s = Session(str(path), reviewer="t", clock=lambda: "2026-01-01T00:00:00Z")
        for c in s.glossary.concepts:
            found = s.sources(c)
            assert found.total == c.sources_total
            assert len(found.sources) == (listed or found.total)


def _tie_records(path: Path, n: int) -> None:
    zh, a, b = _rival()
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"tie-{i:03d}", "keywords_zh": [zh],
                                  "keywords_en": [a if i % 2 else b]}, ensure_ascii=False) + "\n")


def test_tie_conflict_summarised_on_stderr_and_written_in_full(tmp_path: Path) -> None:
    _tie_records(tmp_path / "tie.jsonl", 60)
    runner = CliRunner()
    outputs = []
    for run in ("a", "b"):
        result = runner.invoke(main, ["build", str(tmp_path / "tie.jsonl"), "-o", str(tmp_path / run),
                                      "--conflicts", str(tmp_path / f"{run}.jsonl")])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / f"{run}.jsonl").read_bytes())
        lines = [x for x in result.stderr.splitlines() if "conflict" in x]
        assert re.search(r"\b1 conflict", lines[0])
        detail = [x for x in lines if "has 2 renderings" in x]
        assert len(detail) == 1
        assert detail[0].count("record=") <= 3
        assert "+29 more" in detail[0]  # 30 records each way, shown as counts
        assert len(detail[0]) < 400
    assert outputs[0] == outputs[1]
    objs = [json.loads(x) for x in outputs[0].decode("utf-8").splitlines()]
    assert len(objs) == 1
    renderings = objs[0]["renderings"]
    assert sorted(r["total"] for r in renderings) == [30, 30]
    assert {s["record"] for r in renderings for s in r["sources"]} == {f"tie-{i:03d}" for i in range(60)}


def test_sources_total_round_trips_and_survives_merging() -> None:
    from termkit.model import Concept, Glossary, Kind, Status, Term

    srcs = [Source("r.jsonl", None, f"r{i}") for i in range(12)]
    c = Concept("c1", Kind.KEYWORD, [Term("x", "en", Status.PREFERRED, "record", None, 12, list(srcs))],
                sources=list(srcs))
    small = limit_sources(Glossary([c]), 3)
    assert c.sources == srcs  # the input is not changed
    text = termkit_text.dumps(small)
    assert "sources-total: 12" in text
    back = termkit_text.loads(text, "g.txt")
    assert total_sources(back.concepts[0]) == 12 and len(back.concepts[0].sources) == 3
    assert total_sources(back.concepts[0].terms[0]) == 12
    assert termkit_text.dumps(back) == text
    merged = merge_glossaries([back, back])
    assert total_sources(merged.concepts[0]) == 12
    side = [json.loads(x) for x in sidecar_lines(Glossary([c]))]
    assert side[0]["total"] == 12 and len(side[0]["sources"]) == 12


def test_conflict_lines_are_sorted_and_complete() -> None:
    ks = [Conflict("乙", [("b", [Source("f", 2)]), ("c", [Source("f", 3)])]),
          Conflict("甲", [("a", [Source("f", 1)]), ("d", [])], [1, 4])]
    objs = [json.loads(x) for x in conflict_lines(ks)]
    assert [o["zh"] for o in objs] == sorted(["乙", "甲"])
    by_zh = {o["zh"]: o for o in objs}
    assert [r["total"] for r in by_zh["甲"]["renderings"]] == [1, 4]
    assert [r["total"] for r in by_zh["乙"]["renderings"]] == [1, 1]
    assert by_zh["乙"]["renderings"][0]["sources"] == [{"path": "f", "line": 2, "record": None}]


def test_library_build_keeps_full_lists_until_written() -> None:
    from termkit.align import pair_record
    from termkit.records import read_records

    path = DATA / "dev2.jsonl"
    g = build_glossary([pair_record(r) for r in read_records(str(path))])
    assert all(c.sources_total is None for c in g.concepts)


def test_sidecar_lines_are_what_json_dumps_gives() -> None:
    from termkit.align import pair_record
    from termkit.records import read_records

    g = build_glossary([pair_record(r) for r in read_records(str(DATA / "dev2.jsonl"))])
    lines = list(sidecar_lines(g))
    assert len(lines) == len(g.concepts)
    for line in lines:
        obj = json.loads(line)
        assert line == json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n"
    by_id = {c.id: c for c in g.concepts}
    for obj in map(json.loads, lines):
        c = by_id[obj["id"]]
        assert obj["total"] == len(c.sources)
        assert [(t["lang"], t["text"], len(t["sources"])) for t in obj["terms"]] == [
            (t.lang, t.text, len(t.sources)) for t in c.terms
        ]
