"""The glossary lock: target forms win exactly, leftmost-longest, guards honoured, streaming."""

from __future__ import annotations

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

import termkit.convert.converter as convert_module
from termkit.convert import Converter, build_locks, convert_text, target_form
from termkit.model import Concept, Glossary, Status, Term
from tests.conftest import general_words_within

# The example record's keywords and author (termkit/data/example-record.txt) with the
# Simplified forms plain OpenCC t2s gives them (checked below against OpenCC itself).
RECORD_TERMS = [("現實主義", "现实主义"), ("權力平衡", "权力平衡"), ("越南外交政策", "越南外交政策"),
                ("張國城", "张国城")]


def _glossary(pairs: list[tuple[str, str]]) -> Glossary:
    return Glossary([
        Concept(f"c{i}", terms=[Term(hant, "zh-Hant-TW"), Term(hans, "zh-Hans-CN")])
        for i, (hant, hans) in enumerate(pairs)
    ])


ASEAN = Glossary([
    Concept("asean", terms=[Term("東協", "zh-Hant-TW"), Term("东盟", "zh-Hans-CN"),
                            Term("東盟", "zh-Hant-HK"), Term("ASEAN", "en")]),
    Concept("guard", terms=[Term("東協助", "zh-Hant"), Term("东协助", "zh-Hans")]),
])


def test_record_simplified_forms_are_opencc_t2s() -> None:
    cc = opencc.OpenCC("t2s.json")
    assert [cc.convert(h) for h, _ in RECORD_TERMS] == [s for _, s in RECORD_TERMS]


def test_record_glossary_survives_tw2sp_then_s2twp() -> None:
    g = _glossary(RECORD_TERMS)
    text = " ; ".join(h for h, _ in RECORD_TERMS)
    there = Converter("tw2sp", g).convert(text)
    assert there == " ; ".join(s for _, s in RECORD_TERMS)
    back = Converter("s2twp", g).convert(there)
    assert back == text


def test_asean_locked_and_guard_kept() -> None:
    # Plain OpenCC gets these wrong (the reason for the lock): check that first.
    assert opencc.OpenCC("tw2sp.json").convert("東協") == "东协"
    assert opencc.OpenCC("s2twp.json").convert("东盟") == "東盟"
    text = "東協助理指出，東協與中國"
    assert convert_text(text, "tw2sp", ASEAN) == "东协助理指出，东盟与中国"
    assert convert_text("东协助理指出，东盟与中国", "s2twp", ASEAN) == "東協助理指出，東協與中國"
    assert convert_text("东盟", "s2hk", ASEAN) == "東盟"


def test_lock_survives_later_chain_steps() -> None:
    # s2twp's Taiwan-phrase step turns 软件 into 軟體; a glossary insisting on 軟件 must win.
    g = Glossary([Concept("sw", terms=[Term("软件", "zh-Hans-CN"), Term("軟件", "zh-Hant-TW")])])
    assert opencc.OpenCC("s2twp.json").convert("软件") == "軟體"
    assert convert_text("开发软件的人", "s2twp", g) == "開發軟件的人"


def test_target_form_fallbacks() -> None:
    c = Concept("x", terms=[Term("甲", "zh-Hant"), Term("乙", "zh-Hans-CN"), Term("丙", "zh-Hant-HK"),
                            Term("丁", "zh-Hans-SG", status=Status.DEPRECATED)])
    assert target_form(c, "zh-Hant-TW") == "甲"  # script before other regions
    assert target_form(c, "zh-Hant-HK") == "丙"  # exact region first
    assert target_form(c, "zh-Hans") == "乙"  # no script-only form: default region CN
    assert target_form(c, "zh-Hans-SG") == "乙"  # deprecated forms are never targets
    one_way = Concept("y", terms=[Term("码率", "zh", status=Status.DEPRECATED),
                                  Term("位元速率", "zh-Hant-TW")],
                      props={"mediawiki-direction": "one-way"})
    assert target_form(one_way, "zh-Hant-TW") == "位元速率"
    assert target_form(one_way, "zh-Hant-HK") is None  # one-way rules apply to their variant only
    assert convert_text("码率", "s2hk", Glossary([one_way])) == opencc.OpenCC("s2hk.json").convert("码率")


def test_conflicting_forms_prefer_source_variant() -> None:
    g = Glossary([
        Concept("a", terms=[Term("ABC", "zh-Hans-CN"), Term("X", "zh-Hant-TW")]),
        Concept("b", terms=[Term("ABC", "zh-Hant-TW"), Term("Y", "zh-Hans-CN")]),
    ])
    assert build_locks(g, "tw2sp")["ABC"].target == "Y"
    assert build_locks(g, "s2twp")["ABC"].target == "X"


def _brute(forms: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    out, i, longest = [], 0, max(map(len, forms))
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            if text[i:i + n] in forms:
                out.append((i, i + n, forms[text[i:i + n]]))
                i += n
                break
        else:
            i += 1
    return out


ALPHABET = "東協助盟议議"


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    text=st.text(ALPHABET + "，a", max_size=30),
)
def test_matches_are_leftmost_longest(words: list[str], text: str) -> None:
    # Without word-aware matching: leftmost-longest over the forms alone.
    g = Glossary([Concept(f"c{i}", terms=[Term(w, "zh-Hant-TW"), Term(f"<{i}>", "zh-Hans-CN")])
                  for i, w in enumerate(words)])
    conv = Converter("tw2sp", g, words=False)
    forms = {w: f"<{i}>" for i, w in enumerate(words)}
    assert conv.matches(text) == _brute(forms, text)


# Characters of real words around 東協: 協助, 協議, 助理, 議會, 東盟, 盟國.
WORDY = "東協助理議會盟國"


def _automaton_only(glossary: Glossary, config: str = "tw2sp") -> Converter:
    """A converter that reads every text with its Aho–Corasick automaton (no look-ups)."""
    saved = convert_module.LOOKUP_BUDGET
    try:
        convert_module.LOOKUP_BUDGET = 0
        return Converter(config, glossary)
    finally:
        convert_module.LOOKUP_BUDGET = saved


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.text(WORDY, min_size=1, max_size=3), min_size=1, max_size=5, unique=True),
    text=st.text(WORDY + "，a", max_size=30),
)
def test_word_aware_matches_are_maximum_matching_over_forms_and_words(words: list[str],
                                                                      text: str) -> None:
    # With it: leftmost-longest over the forms and the bounding words, the reference reading
    # (termkit.convert.words.firing), and the forms it leaves out are crossed by a word.
    # Both ways of reading: dictionary look-ups (short texts) and the automaton.
    from termkit.convert.words import bounding_keys, firing

    g = Glossary([Concept(f"c{i}", terms=[Term(w, "zh-Hant-TW"), Term(f"<{i}>", "zh-Hans-CN")])
                  for i, w in enumerate(words)])
    with general_words_within(WORDY + "，a"):
        conv = Converter("tw2sp", g)
        scanning = _automaton_only(g)
        forms = {w: f"<{i}>" for i, w in enumerate(words)}
        bounding = conv.bounding_words()
        assert scanning.bounding_words() == bounding
        words_again, pairs = bounding_keys(forms)
        assert words_again == bounding and set(pairs) <= set(bounding)
    assert not set(bounding) & set(forms)
    got = conv.matches(text)
    assert got == firing(forms, bounding, text, pairs) == scanning.matches(text)
    assert set(got) <= set(_brute(forms, text)) | {
        (s, s + len(f), t) for f, t in forms.items() for s in range(len(text)) if text.startswith(f, s)}


@settings(max_examples=100, deadline=None)
@given(text=st.text(st.sampled_from(list("東協助與中國軟體資訊 \n。\ue000")), max_size=200),
       size=st.integers(min_value=1, max_value=40))
def test_stream_equals_whole_text(text: str, size: int) -> None:
    conv = _automaton_only(ASEAN)
    pieces = [text[i:i + 7] for i in range(0, len(text), 7)]
    assert "".join(conv.convert_stream(pieces, chunk_size=size)) == conv.convert(text)


def test_text_containing_placeholders_is_safe() -> None:
    text = "\ue000東協\ue001"
    assert convert_text(text, "tw2sp", ASEAN) == "\ue000东盟\ue001"


def test_long_line_is_cut_outside_terms() -> None:
    conv = Converter("tw2sp", ASEAN)
    text = ("東協助理與東協，" * 40000)  # one 320k-character line
    out = "".join(conv.convert_stream([text], chunk_size=1000))
    assert out == "东协助理与东盟，" * 40000


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.sampled_from(list("東協助與中國軟體資訊頭髮乾燥的理，。 ")), max_size=60))
def test_placeholders_equal_segment_by_segment(text: str) -> None:
    # One OpenCC call with placeholders gives what converting each gap separately gives.
    conv = Converter("tw2sp", ASEAN)
    cc = opencc.OpenCC("tw2sp.json")
    out, pos = [], 0
    for start, end, target in conv.matches(text):
        out += [cc.convert(text[pos:start]), target]
        pos = end
    out.append(cc.convert(text[pos:]))
    assert conv.convert(text) == "".join(out)


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.text(ALPHABET + "軟體𠀋", min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
    text=st.text(ALPHABET + "軟體𠀋，a\ue000", max_size=40),
)
def test_byte_and_text_scanning_agree(words: list[str], text: str) -> None:
    # ... and dictionary look-ups, which short texts are read with, agree with both.
    g = Glossary([Concept(f"c{i}", terms=[Term(w, "zh-Hant-TW"), Term(f"<{i}>", "zh-Hans-CN")])
                  for i, w in enumerate(words)])
    saved = convert_module.BYTES_MODE_FANOUT
    with general_words_within(ALPHABET + "軟體𠀋，a\ue000"):
        try:
            convert_module.BYTES_MODE_FANOUT = 10**9
            by_text = _automaton_only(g)
            convert_module.BYTES_MODE_FANOUT = 0
            by_bytes = _automaton_only(g)
        finally:
            convert_module.BYTES_MODE_FANOUT = saved
        by_lookups = Converter("tw2sp", g)
        for conv in (by_text, by_bytes, by_lookups):
            conv.bounding_words()  # read from the words above
    assert not by_text._bytes and by_bytes._bytes
    assert by_bytes.matches(text) == by_text.matches(text) == by_lookups.matches(text)
    assert by_bytes.convert(text) == by_text.convert(text) == by_lookups.convert(text)


def test_a_form_opencc_made_with_another_config_does_not_override_this_one() -> None:
    # A glossary built from a mainland record holds the Traditional form OpenCC s2t made
    # (origin opencc:s2t: 軟件工程, 啓示, 信息技術). Locking s2twp output to it wrote mainland
    # vocabulary and non-Taiwan characters where plain OpenCC s2twp writes 軟體工程, 啟示,
    # 資訊科技 (check --target-lang zh-TW then reported wrong-region errors in the output).
    from termkit.convert import locked_target
    from termkit.glossary import build_glossary
    from termkit.model import Pair, Pairing, Record

    rec = Record(source="m.jsonl", id="m1", lines={"keywords": 1})
    pairs = [("软件工程", "software engineering"), ("启示", "enlightenment"),
             ("信息技术", "information technology")]
    g = build_glossary([Pairing(record=rec, pairs=[Pair(zh, en, 0.9, ("test",))
                                                   for zh, en in pairs])])
    hant = {t.text for c in g.concepts for t in c.terms if t.lang == "zh-Hant"}
    assert hant == {"軟件工程", "啓示", "信息技術"}  # what s2t makes: the premise
    text = "软件工程的启示与信息技术"
    plain = opencc.OpenCC("s2twp.json").convert(text)
    assert plain == "軟體工程的啟示與資訊科技"
    assert convert_text(text, "s2twp", g) == plain
    assert convert_text(text, "s2tw", g) == opencc.OpenCC("s2tw.json").convert(text)
    # s2t made those forms: under s2t they are still the locked targets.
    assert convert_text(text, "s2t", g) == "軟件工程的啓示與信息技術"
    by_zh = {c.first("zh-Hans").text: c for c in g.concepts}
    assert locked_target(by_zh["软件工程"], "s2twp") == "軟體工程"
    assert locked_target(by_zh["软件工程"], "s2t") == "軟件工程"
    # A form printed in a record is never replaced: it is the evidence.
    printed = Glossary([Concept("p", terms=[Term("軟件工程", "zh-Hant", origin="record"),
                                            Term("软件工程", "zh-Hans", origin="opencc:t2s")])])
    assert convert_text("软件工程", "s2twp", printed) == "軟件工程"
