"""Sentence alignment (termkit.tm.sentalign) measured on the gold links of the dev set."""

from __future__ import annotations

import json

import pytest

from termkit.lexicon import get_lexicon
from termkit.model import Record
from termkit.tm.fromrecords import units_from_record
from termkit.tm.sentalign import align
from tests.conftest import DATA

DEV = DATA / "tm" / "parallel-dev.jsonl"


def _records() -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


def _links(r: dict) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:  # type: ignore[type-arg]
    return {(tuple(a), tuple(b)) for a, b in r["links"]}


def test_precision_and_recall_of_exact_links() -> None:
    lexicon = get_lexicon()
    gold_n = proposed_n = hits = 0
    for r in _records():
        found = align(r["zh_sentences"], r["en_sentences"], lexicon=lexicon)
        proposed = {(k.zh, k.en) for k in found}
        gold = _links(r)
        gold_n += len(gold)
        proposed_n += len(proposed)
        hits += len(gold & proposed)
    precision, recall = hits / proposed_n, hits / gold_n
    print(f"\nalignment: precision {precision:.4f} ({hits}/{proposed_n}), "
          f"recall {recall:.4f} ({hits}/{gold_n})")
    assert precision >= 0.95
    assert recall >= 0.95


def test_non_one_to_one_links_are_found() -> None:
    # Every 2-1, 1-2 and 1-3 gold link, counted on its own (they are the hard part).
    lexicon = get_lexicon()
    gold_n = hits = 0
    for r in _records():
        gold = {g for g in _links(r) if len(g[0]) != 1 or len(g[1]) != 1}
        if not gold:
            continue
        found = {(k.zh, k.en) for k in align(r["zh_sentences"], r["en_sentences"], lexicon=lexicon)}
        gold_n += len(gold)
        hits += len(gold & found)
    print(f"\nmerge links found: {hits}/{gold_n}")
    assert gold_n == 11
    assert hits >= 9


def test_links_cover_both_sides_in_order_with_scores() -> None:
    for r in _records()[:10]:
        links = align(r["zh_sentences"], r["en_sentences"])
        assert [i for k in links for i in k.zh] == list(range(len(r["zh_sentences"])))
        assert [j for k in links for j in k.en] == list(range(len(r["en_sentences"])))
        assert all(0.0 <= k.score <= 1.0 for k in links)


def test_dropped_sentence_gives_a_one_to_zero_link() -> None:
    r = next(r for r in _records() if len(r["zh_sentences"]) >= 4 and
             all(len(a) == 1 and len(b) == 1 for a, b in r["links"]))
    en = r["en_sentences"][:1] + r["en_sentences"][2:]  # the translator skipped sentence 1
    links = align(r["zh_sentences"], en, lexicon=get_lexicon())
    assert ((1,), ()) in {(k.zh, k.en) for k in links}
    lone = next(k for k in links if k.zh == (1,))
    assert lone.score == 0.0 and not lone.ok


def test_unrelated_translations_are_mostly_flagged_and_real_ones_are_not() -> None:
    recs = _records()
    lexicon = get_lexicon()
    real = [k.ok for r in recs for k in align(r["zh_sentences"], r["en_sentences"], lexicon=lexicon)]
    wrong = [
        k.ok
        for a, b in zip(recs, recs[1:] + recs[:1], strict=True)
        for k in align(a["zh_sentences"], b["en_sentences"], lexicon=lexicon)
    ]
    print(f"\nok among gold-paragraph links {sum(real)}/{len(real)}; "
          f"flagged among shuffled-paragraph links {wrong.count(False)}/{len(wrong)}")
    assert sum(real) / len(real) >= 0.95
    assert wrong.count(False) / len(wrong) >= 0.5


def test_record_abstracts_become_aligned_units() -> None:
    r = next(r for r in _records() if r["id"] == "k8s-controller-10")
    record = Record(source="dev.jsonl", id="rec-1", title_zh="控制器", title_en="Controllers",
                    abstract_zh=r["zh"], abstract_en=r["en"],
                    subjects=[["資訊科學", "軟體"]])
    units = units_from_record(record, lexicon=get_lexicon())
    assert [u.text("en") for u in units] == ["Controllers", *r["en_sentences"]]
    assert units[0].props.get("x-align-score") is None
    first = units[1]
    assert first.text("zh") == r["zh_sentences"][0] + r["zh_sentences"][1]  # the 2-1 link
    assert first.variants[0].lang == "zh-Hans"
    assert 0.0 < float(first.props["x-align-score"]) <= 1.0
    assert all(u.location is not None and u.location.record == "rec-1" for u in units)
    assert all(u.props["x-domain"] == "資訊科學" for u in units)


def test_record_with_one_abstract_gives_only_the_title() -> None:
    record = Record(source="x", id="r", title_zh="標題", title_en="Title", abstract_zh="只有中文。")
    units = units_from_record(record)
    assert len(units) == 1
    assert units[0].variants[0].lang == "zh-Hant"


@pytest.mark.parametrize("n", [0, 1])
def test_empty_sides(n: int) -> None:
    links = align(["一。"] * n, [])
    assert [(k.zh, k.en) for k in links] == [((i,), ()) for i in range(n)]
