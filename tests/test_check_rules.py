"""The rules of each check on small hand-made cases (glossaries and units built in code)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.check import CHECKS, FAMILIES, check_units
from termkit.model import Concept, Glossary, Source, Status, Term, Unit, Variant

TERMINOLOGY = [c for fam in ("terms", "variants", "unit") for c in FAMILIES[fam]]

P, A, C, D = Status.PREFERRED, Status.ADMITTED, Status.CANDIDATE, Status.DEPRECATED


def concept(cid: str, *terms: tuple[str, str, Status]) -> Concept:
    return Concept(cid, terms=[Term(text, lang, status) for lang, text, status in terms])


def unit(n: int, src: tuple[str, str], tgt: tuple[str, str] | None) -> Unit:
    variants = [Variant(*src)] + ([Variant(*tgt)] if tgt else [])
    return Unit(str(n), variants, src[0], location=Source("t.tmx", n))


def found(units: list[Unit], *concepts: Concept, **kw):  # type: ignore[no-untyped-def]
    return [(f.unit, f.check, f.found or f.term, f.expected)
            for f in check_units(units, Glossary(list(concepts)), **{"checks": TERMINOLOGY, **kw})]


LETTER_MAIL = concept("c1", ("en", "letter", P), ("zh-Hant", "信函", P))
LETTER_CHAR = concept("c2", ("en", "letter", P), ("zh-Hant", "字母", P))


def test_homonyms_need_one_rendering_only() -> None:
    units = [
        unit(1, ("en", "A letter from Hanoi"), ("zh-Hant-TW", "來自河內的信函")),
        unit(2, ("en", "The letter A"), ("zh-Hant-TW", "字母A")),
        unit(3, ("en", "Letters"), ("zh-Hant-TW", "書信")),
    ]
    result = found(units, LETTER_MAIL, LETTER_CHAR)
    # Unit 3 renders neither meaning: both are reported, each with its own rendering.
    assert sorted(result) == [
        ("3", "missing-term", "letter", ("信函",)),
        ("3", "missing-term", "letter", ("字母",)),
    ]


def test_candidates_are_not_required() -> None:
    maybe = concept("c1", ("en", "realism", C), ("zh-Hant", "現實主義", C))
    units = [unit(1, ("en", "Realism"), ("zh-Hant-TW", "實在論"))]
    assert found(units, maybe) == []


def test_deprecated_rendering_inside_a_longer_accepted_term_is_fine() -> None:
    old = concept("c1", ("zh-Hant", "權力平衡", P), ("en", "balance of power", P),
                  ("en", "power balance", D))
    theory = concept("c2", ("zh-Hant", "均勢理論", P), ("en", "power balance theory", P))
    units = [
        unit(1, ("zh-Hant-TW", "均勢理論"), ("en", "power balance theory")),
        unit(2, ("zh-Hant-TW", "權力平衡"), ("en", "the power balance")),
    ]
    assert found(units, old, theory) == [
        ("2", "missing-term", "權力平衡", ("balance of power",)),
        ("2", "forbidden-term", "power balance", ("balance of power",)),
    ]


def test_deprecated_text_that_another_concept_accepts_is_fine() -> None:
    a = concept("c1", ("zh-Hant", "甲", P), ("en", "alpha", P), ("en", "first", D))
    b = concept("c2", ("zh-Hant", "第一", P), ("en", "first", P))
    units = [unit(1, ("zh-Hant-TW", "第一"), ("en", "the first"))]
    assert found(units, a, b) == []


def test_inconsistent_majority_then_status() -> None:
    fp = concept("c1", ("zh-Hant", "外交政策", P), ("en", "foreign policy", P),
                 ("en", "diplomatic policy", A))
    two_to_one = [
        unit(1, ("zh-Hant-TW", "越南外交政策"), ("en", "Vietnam's diplomatic policy")),
        unit(2, ("zh-Hant-TW", "美國外交政策"), ("en", "US diplomatic policy")),
        unit(3, ("zh-Hant-TW", "中國外交政策"), ("en", "China's foreign policies")),
    ]
    # The majority rendering wins even when it is only admitted.
    assert found(two_to_one, fp) == [("3", "inconsistent", "foreign policies", ("diplomatic policy",))]
    tie = two_to_one[1:]
    # One each: the preferred rendering is the reference.
    assert found(tie, fp) == [("2", "inconsistent", "diplomatic policy", ("foreign policy",))]


def test_inconsistent_counts_plural_and_case_as_one_rendering() -> None:
    fp = concept("c1", ("zh-Hant", "外交政策", P), ("en", "foreign policy", P))
    units = [
        unit(1, ("zh-Hant-TW", "外交政策"), ("en", "Foreign Policy")),
        unit(2, ("zh-Hant-TW", "外交政策"), ("en", "foreign policies")),
    ]
    assert found(units, fp) == []


ANALOG = concept("c1", ("zh-Hans-CN", "模拟", C), ("zh-Hant-TW", "類比", C),
                 ("zh-Hant-HK", "模擬", C), ("en", "analog", C))
DATA = concept("c2", ("zh-Hans-CN", "数据", C), ("zh-Hant-TW", "資料", C), ("en", "data", C))


def test_wrong_region_per_target_region() -> None:
    units = [
        unit(1, ("en", "analog signal"), ("zh-Hant-TW", "模擬訊號")),
        unit(2, ("en", "analog signal"), ("zh-Hant-HK", "模擬訊號")),
        unit(3, ("en", "analog signal"), ("zh-Hans-CN", "类比信号")),
        unit(4, ("en", "data"), ("zh-Hant-TW", "數據")),
        unit(5, ("en", "data"), ("zh-Hant-TW", "資料")),
        unit(6, ("en", "data"), ("zh-Hant", "數據")),  # no region: nothing to judge by
    ]
    assert found(units, ANALOG, DATA, checks=["wrong-region"]) == [
        ("1", "wrong-region", "模擬", ("類比",)),
        ("3", "wrong-region", "类比", ("模拟",)),
        ("4", "wrong-region", "數據", ("資料",)),
    ]


def test_regional_glossary_passed_apart() -> None:
    units = [unit(1, ("en", "data"), ("zh-Hant-TW", "數據"))]
    result = check_units(units, Glossary([]), regional=[Glossary([DATA])], checks=TERMINOLOGY)
    assert [(f.check, f.found, f.expected) for f in result] == [
        ("wrong-region", "數據", ("資料",))]


def test_untranslated_rules() -> None:
    units = [
        unit(1, ("en", "Click here"), ("zh-Hant-TW", "Click here")),
        unit(2, ("en", "Mike Haertel"), ("zh-Hans-CN", "Mike Haertel")),
        unit(3, ("en", "  opencc_dict -i input_file\n"),
             ("zh-Hans-CN", "  opencc_dict -i input_file\n")),
        unit(4, ("zh-Hant-TW", "權力平衡"), ("en", "權力平衡")),
        unit(5, ("zh-Hans-CN", "权力平衡"), ("zh-Hant-TW", "权力平衡")),  # same language
        unit(6, ("en", "%s of %d"), ("zh-Hans-CN", "%s of %d")),
        unit(7, ("en", "Click  here"), ("zh-Hant-TW", "Click here ")),  # whitespace only
    ]
    result = found(units, checks=["untranslated"])
    assert result == [("1", "untranslated", None, ()), ("4", "untranslated", None, ()),
                      ("6", "untranslated", None, ()), ("7", "untranslated", None, ())]


def test_empty_target_rules() -> None:
    units = [
        unit(1, ("en", "Save"), None),
        unit(2, ("en", "Save"), ("zh-Hant-TW", "  ")),
        unit(3, ("en", "   "), None),  # nothing to translate
        unit(4, ("en", "Save"), ("zh-Hant-TW", "儲存")),
    ]
    result = check_units(units, Glossary([]), checks=["empty-target"])
    assert [(f.unit, f.target_lang) for f in result] == [("1", "zh-Hant-TW"), ("2", "zh-Hant-TW")]
    assert [f.message for f in result] == ["no target for a source with text",
                                           "the target is blank for a source with text"]


def test_split_chinese_rendering_counts_in_order_only() -> None:
    read_fail = concept("c1", ("en", "failed to read", P), ("zh-Hans", "读取失败", P))
    units = [
        unit(1, ("en", "failed to read archive '%s'"), ("zh-Hans-CN", "读取归档 %s 失败")),
        unit(2, ("en", "failed to read archive '%s'"), ("zh-Hans-CN", "失败：读取归档 %s")),
        unit(3, ("en", "failed to read it"),
             ("zh-Hans-CN", "读取" + "一" * 20 + "失败")),  # too far apart
    ]
    assert [u for u, *_ in found(units, read_fail)] == ["2", "3"]


def test_target_lang_fills_in_script_and_region() -> None:
    bal = concept("c1", ("zh-Hant", "權力平衡", P), ("zh-Hans", "权力平衡", P),
                  ("en", "balance of power", P))
    units = [unit(1, ("en", "balance of power"), ("zh", "权力平衡"))]
    assert found(units, bal) == []  # plain "zh": script unknown, not judged
    assert found(units, bal, target_lang="zh-TW") == [
        ("1", "wrong-script", "权力平衡", ("權力平衡",))]


def test_both_directions_and_several_targets_in_one_unit() -> None:
    bal = concept("c1", ("zh-Hant", "權力平衡", P), ("zh-Hans", "权力平衡", P),
                  ("en", "balance of power", P))
    tu = Unit("1", [Variant("en", "The balance of power"), Variant("zh-Hans-CN", "權力平衡"),
                    Variant("zh-Hant-TW", "權力平衡")], "en", location=Source("t.tmx", 1))
    result = check_units([tu], Glossary([bal]), checks=TERMINOLOGY)
    assert [(f.target_lang, f.check, f.found) for f in result] == [
        ("zh-Hans-CN", "wrong-script", "權力平衡")]


_alphabet = list("權力平衡权力平衡外交政策模擬类比數據资料 abcpowerbalancefoPB-'’s()[]\\%\n")


@settings(max_examples=80, deadline=None)
@given(
    texts=st.lists(st.tuples(st.text(alphabet=_alphabet, max_size=25),
                             st.text(alphabet=_alphabet, max_size=25)), min_size=1, max_size=4),
    langs=st.sampled_from([("en", "zh-Hant-TW"), ("zh-Hant-TW", "en"), ("en", "zh-Hans-CN"),
                           ("zh-Hans-CN", "zh-Hant-HK")]),
)
def test_any_text_gives_findings_whose_spans_point_at_what_they_say(
    texts: list[tuple[str, str]], langs: tuple[str, str]
) -> None:
    bal = concept("c1", ("zh-Hant", "權力平衡", P), ("zh-Hans", "权力平衡", P),
                  ("en", "balance of power", P), ("en", "power balance", D))
    units = [unit(i, (langs[0], s), (langs[1], t)) for i, (s, t) in enumerate(texts, 1)]
    for f in check_units(units, Glossary([bal, ANALOG, DATA]), checks=TERMINOLOGY):
        if f.source_span:
            assert 0 <= f.source_span[0] < f.source_span[1] <= len(f.source)
        if f.target_span:
            assert 0 <= f.target_span[0] < f.target_span[1] <= len(f.target)
            assert f.found == f.target[slice(*f.target_span)]
        assert f.check in CHECKS


def test_junit_survives_control_characters() -> None:
    from lxml import etree

    from termkit.check import report

    units = [unit(1, ("en", "Press \x1b[1mEsc\x1b[0m to quit"), ("zh-Hant-TW", "Press \x1b[1mEsc\x1b[0m to quit"))]
    found_ = check_units(units, Glossary([]), checks=TERMINOLOGY)
    assert [f.check for f in found_] == ["untranslated"]
    xml = report.render_junit(report.Summary([], 1, found_, []), report.Severity.WARNING)
    root = etree.fromstring(xml)
    assert root.get("failures") == "1"
    assert "\ufffd[1mEsc" in "".join(root.itertext())
    text = report.render_text(report.Summary(["t.tmx"], 1, found_, []))
    assert "untranslated (warning): 1" in text


def test_wrong_script_is_one_finding_per_segment_listing_the_characters() -> None:
    # The case: a zh-TW segment with four Simplified characters in three places and a
    # glossary term was four findings, one per character; it is one, naming every piece.
    bal = concept("c1", ("zh-Hant", "權力平衡", P), ("zh-Hans", "权力平衡", P),
                  ("en", "balance of power", P))
    target = "这個檔案的软體设定與权力平衡"
    units = [unit(1, ("en", "the settings of this file and the balance of power"),
                  ("zh-Hant-TW", target))]
    result = check_units(units, Glossary([bal]), checks=["wrong-script"])
    assert len(result) == 1
    f = result[0]
    assert f.message == ("Simplified characters in a Traditional (zh-Hant-TW) target: "
                         "'这' should be '這', '软' should be '軟', '设' should be '設', "
                         "'权力平衡' should be '權力平衡'")
    # The finding spans the first piece to the last; expected is that span corrected.
    assert f.target_span == (0, len(target)) and f.found == target
    assert f.expected == ("這個檔案的軟體設定與權力平衡",)
    assert f.term is None and f.concept is None  # several pieces: no single term


def test_wrong_script_in_several_segments_is_one_finding_each() -> None:
    units = [unit(1, ("en", "software"), ("zh-Hans-CN", "軟件")),
             unit(2, ("en", "settings"), ("zh-Hans-CN", "設置")),
             unit(3, ("en", "fine"), ("zh-Hans-CN", "没问题"))]
    result = check_units(units, Glossary([]), checks=["wrong-script"])
    assert [(f.unit, f.found, f.expected) for f in result] == [
        ("1", "軟", ("软",)), ("2", "設", ("设",))]


def test_excerpt_spans_marks_every_span_in_its_own_window() -> None:
    from termkit.check.report import excerpt_spans

    text = "a" * 30 + "X" + "b" * 60 + "Y" + "c" * 5 + "Z" + "d" * 30
    x, y, z = text.index("X"), text.index("Y"), text.index("Z")
    got = excerpt_spans(text, [(z, z + 1), (x, x + 1), (y, y + 1)], width=4)
    # X is far from Y (its own window); Y and Z are 5 apart (one window); cut text is "…"
    assert got == "…aaaa«X»bbbb…bbbb«Y»ccccc«Z»dddd…"
    # overlapping or repeated spans are one mark
    assert excerpt_spans("一二三四五", [(1, 3), (2, 4), (1, 3)]) == "一«二三四»五"
    assert excerpt_spans("一二三四五", [(1, 2), (3, 4)]) == "一«二»三«四»五"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab\n一二", max_size=150), st.data())
def test_excerpt_spans_shows_only_text_of_the_unit_around_each_mark(text: str, data: st.DataObject) -> None:
    from termkit.check.report import excerpt, excerpt_spans

    bound = st.integers(0, len(text))
    spans = data.draw(st.lists(st.tuples(bound, bound).map(lambda s: (min(s), max(s))), max_size=5))
    got = excerpt_spans(text, spans, width=6)
    if len(set(spans)) <= 1:
        assert got == excerpt(text, spans[0] if spans else None, width=6)
    flat = text.replace("\n", "⏎")
    pieces = got.replace("«", "").replace("»", "").split("…")
    assert all(p in flat for p in pieces)
    # every span's text is shown marked (inside one mark, with any span it overlaps)
    marked = [m.split("»")[0] for m in got.split("«")[1:]]
    for start, end in spans:
        assert any(flat[start:end] in m for m in marked)


def test_a_form_opencc_made_accepts_what_convert_writes_for_the_region() -> None:
    # A concept printed in Simplified (a mainland record) has the Traditional form OpenCC s2t
    # made (軟件工程). `convert -c s2twp -g` writes 軟體工程 for it, as plain OpenCC does; a
    # zh-TW target with that rendering was reported missing-term ("not rendered as
    # '軟件工程'"), so a translation made with termkit failed termkit's own check.
    sw = Concept("sw", terms=[Term("軟件工程", "zh-Hant", P, origin="opencc:s2t"),
                              Term("软件工程", "zh-Hans", P, origin="record"),
                              Term("software engineering", "en", P, origin="record")])
    units = [
        unit(1, ("en", "software engineering"), ("zh-Hant-TW", "軟體工程")),
        unit(2, ("en", "software engineering"), ("zh-Hant-TW", "力學工程")),
        unit(3, ("en", "software engineering"), ("zh-Hans-CN", "软件工程")),
    ]
    result = found(units, sw, checks=["missing-term"])
    # The region's own rendering is the one asked for.
    assert result == [("2", "missing-term", "software engineering", ("軟體工程",))]
    # A printed Traditional form is the only rendering: nothing is added to it.
    printed = Concept("p", terms=[Term("軟件工程", "zh-Hant", P, origin="record"),
                                  Term("软件工程", "zh-Hans", P, origin="opencc:t2s"),
                                  Term("software engineering", "en", P, origin="record")])
    assert found(units[:1], printed, checks=["missing-term"]) == [
        ("1", "missing-term", "software engineering", ("軟件工程",))]
