"""The lock compiled into OpenCC (termkit.convert.compiled_lock) gives exactly the Python lock's output.

The Python lock (Aho–Corasick, placeholders, one OpenCC call) is the oracle; its own tests
are in test_convert_lock.py and test_convert_regional.py. Every comparison here first checks
that the compiled engine was really built and used, so a silent fallback cannot pass.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import termkit.convert.compiled_lock as compiled_lock
import termkit.convert.converter as convert_module
from termkit.convert import ENGINE_MIN, Converter
from termkit.convert.compiled_lock import E2_TRIES, compile_lock, may_be_unsafe
from termkit.glossary import load_glossary
from termkit.model import Concept, Glossary, Term
from tests.conftest import general_words_within

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "convert" / "testcases.strict.json"
REGIONAL = ROOT / "glossaries" / "cross-strait.glossary.txt"


def _pair(glossary: Glossary, config: str) -> tuple[Converter, Converter]:
    compiled = Converter(config, glossary, engine="opencc")
    assert compiled.compiled_lock() is not None, "the compiled lock was not built"
    return compiled, Converter(config, glossary, engine="python")


@functools.cache
def _regional_pair(config: str) -> tuple[Converter, Converter]:
    """Both engines over the bundled regional glossary, built once for the tests here."""
    return _pair(load_glossary(str(REGIONAL)), config)


def _scanning(glossary: Glossary, config: str) -> Converter:
    """The Python lock reading every text with its automaton (short texts are otherwise read
    with dictionary look-ups)."""
    saved = convert_module.LOOKUP_BUDGET
    try:
        convert_module.LOOKUP_BUDGET = 0
        return Converter(config, glossary, engine="python")
    finally:
        convert_module.LOOKUP_BUDGET = saved


def _glossary(words: list[str], targets: list[str]) -> Glossary:
    return Glossary([Concept(f"c{i}", terms=[Term(w, "zh-Hant-TW"), Term(w, "zh-Hant-HK"),
                                             Term(t, "zh-Hans-CN")])
                     for i, (w, t) in enumerate(zip(words, targets, strict=True))])


# Characters with phrase and one-to-many entries in OpenCC's dictionaries (乾/干, 髮/发, 軟體),
# Latin, a space, CJK extension B, and the placeholder of the Python lock.
ALPHABET = "東協助盟議軟體資訊頭髮乾燥理的中國 a𠀋\ue000"


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(st.text(ALPHABET, min_size=1, max_size=4),
                   min_size=1, max_size=6, unique=True),
    text=st.text(ALPHABET + "，。\n", max_size=80),
    config=st.sampled_from(["tw2sp", "t2s", "hk2s", "tw2t"]),
)
def test_compiled_lock_equals_python_lock(words: list[str], text: str, config: str) -> None:
    targets = [f"<{i}>" if i % 2 else f"{w}甲" for i, w in enumerate(words)]
    with general_words_within(ALPHABET + "，。\n"):
        compiled, python = _pair(_glossary(words, targets), config)
        scanning = _scanning(_glossary(words, targets), config)
        assert python.bounding_words() == scanning.bounding_words() == compiled.bounding_words()
    assert compiled.convert(text) == python.convert(text) == scanning.convert(text)


@settings(max_examples=20, deadline=None)
@given(
    words=st.lists(st.text("软件头发干燥理的中国东协助盟议 ", min_size=1, max_size=4)
                   .filter(lambda w: w.strip() == w), min_size=1, max_size=6, unique=True),
    text=st.text("软件头发干燥理的中国东协助盟议 ，。\n", max_size=80),
    config=st.sampled_from(["s2twp", "s2t", "s2hk"]),
)
def test_compiled_lock_equals_python_lock_from_simplified(words: list[str], text: str,
                                                         config: str) -> None:
    g = Glossary([Concept(f"c{i}", terms=[Term(w, "zh-Hans-CN"), Term(f"[{i}]", "zh-Hant")])
                  for i, w in enumerate(words)])
    with general_words_within("软件头发干燥理的中国东协助盟议 ，。\n"):
        compiled, python = _pair(g, config)
        scanning = _scanning(g, config)
        assert python.bounding_words() == scanning.bounding_words() == compiled.bounding_words()
    assert compiled.convert(text) == python.convert(text) == scanning.convert(text)


def test_regional_glossary_locks_alike_on_real_data() -> None:
    """The cross-strait glossary (4,901 Wikipedia concepts) over sentences of its own terms."""
    g = load_glossary(str(REGIONAL))
    for config, tags in (("tw2sp", ("zh-Hant-TW", "zh-Hant")), ("s2twp", ("zh-Hans-CN", "zh-Hans")),
                         ("hk2s", ("zh-Hant-HK",))):
        forms = sorted({t.text for c in g.concepts for t in c.terms if t.lang in tags})
        assert len(forms) > 1000
        text = "\n".join(f"我們認為{f}很重要，{f}與其他" for f in forms)
        compiled, python = _regional_pair(config)
        assert compiled.convert(text) == python.convert(text)


def test_opencc_cases_with_a_glossary_lock_alike() -> None:
    """OpenCC's own test inputs, with the example record's keywords locked."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    g = Glossary([Concept("k1", terms=[Term("現實主義", "zh-Hant-TW"), Term("现实主义", "zh-Hans-CN")]),
                  Concept("k2", terms=[Term("權力平衡", "zh-Hant-TW"), Term("权力平衡", "zh-Hans-CN")]),
                  Concept("k3", terms=[Term("鼠標", "zh-Hant"), Term("滑鼠", "zh-Hant-TW"),
                                       Term("鼠标", "zh-Hans-CN"), Term("光標", "zh-Hant-HK")])])
    by_config: dict[str, list[str]] = {}
    for case in cases["cases"]:
        for config in case.get("expected", {}):
            by_config.setdefault(config, []).append(case["input"])
    assert len(by_config) >= 10
    for config, inputs in sorted(by_config.items()):
        text = "\n".join(inputs)
        compiled = Converter(config, g, engine="opencc")
        python = Converter(config, g, engine="python")
        if compiled.locks:
            assert compiled.compiled_lock() is not None
        assert compiled.convert(text) == python.convert(text), config


def test_target_with_spaces_is_restored_in_python() -> None:
    g = _glossary(["文件", "軟體"], ["Google 文档", "软件"])
    compiled, python = _pair(g, "tw2sp")
    assert compiled.compiled_lock().specials  # the spaced target took the Python way back
    text = "打開文件與軟體，文件。"
    assert compiled.convert(text) == python.convert(text) == "打开Google 文档与软件，Google 文档。"


def test_unrepresentable_form_keeps_the_python_lock() -> None:
    g = _glossary(["#標籤", "軟體"], ["#标签", "软件"])
    conv = Converter("tw2sp", g, engine="opencc")
    assert conv.compiled_lock() is None
    assert conv.convert("#標籤的軟體") == "#标签的软件"


@pytest.mark.parametrize("text", ["軟體\ue123\ue456軟體", "⿰氵青軟體", "軟體\u31ef"])
def test_inputs_the_engine_cannot_take_fall_back(text: str) -> None:
    g = _glossary(["軟體"], ["软件"])
    engine = compile_lock("tw2sp", {"軟體": "软件"})
    assert engine is not None and engine.convert(text) is None
    compiled, python = _pair(g, "tw2sp")
    assert compiled.convert(text) == python.convert(text)
    assert "软件" in compiled.convert(text)


# Every character the engine must not take, each behind more curly quotes and dashes (lead
# byte 0xE2, looked at one by one up to E2_TRIES) than the byte check reads one by one.
_REFUSED = ["\x00", "\u2ff0", "\u2ffb", "\u2fff", "\u31ef", "\ue100", "\ue7ff", "\uefff"]


@pytest.mark.parametrize("char", _REFUSED)
@pytest.mark.parametrize("quotes", [0, 3, E2_TRIES - 1, E2_TRIES, E2_TRIES + 1, 500])
def test_byte_check_never_misses_what_the_engine_refuses(char: str, quotes: int) -> None:
    text = "軟體“說”—" * quotes + "軟體" + char + "軟體"
    assert may_be_unsafe(text, text.encode("utf-8"))
    engine = compile_lock("tw2sp", {"軟體": "软件"})
    assert engine is not None and engine.raw is not None, "the bytes path was not used"
    assert engine.convert(text) is None


@pytest.mark.parametrize(("text", "checked"), [
    ("軟體“說”—…" * 100, False), ("軟體\u31ee\uf000\u2fbf", False),
    ("軟體\ue000軟體", True), ("\u2fd5軟體", True),
])
def test_texts_the_engine_takes_read_through_bytes_as_through_the_wrapper(text: str,
                                                                          checked: bool) -> None:
    # Curly quotes past the one-by-one reads and neighbours of the refused ranges need no
    # second look; the Python lock's placeholder (U+E000) and a Kangxi radical (0xE2 0xBF, as
    # the description characters) are read by the regular expression. All are taken, and
    # converted as the opencc wrapper converts them.
    assert may_be_unsafe(text, text.encode("utf-8")) is checked
    engine = compile_lock("tw2sp", {"軟體": "软件"})
    assert engine is not None and engine.raw is not None
    out = engine.convert(text)
    assert out is not None and out == engine.converter.convert(text)
    assert "软件" in out


# Characters each check cares about: refused ones, the comment mark, the joining character,
# a compatibility ideograph the normalization maps (U+F900) and its neighbours, plain ones.
_WORD_CHARS = "軟體a #\t\n\x00\ufeff\u2ff0\u31ef\ue100\ue000\x1f\uf900\uf8ff\ufada豈"


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(_WORD_CHARS, max_size=4), max_size=6))
def test_joined_word_checks_equal_the_word_by_word_ones(words: list[str]) -> None:
    exact = all(compiled_lock._form_ok(w) and compiled_lock._target_plain(w) for w in words)
    assert compiled_lock._plain_words(words) is exact
    table = str.maketrans(compiled_lock.character_normalization("tw2sp") or {})
    assert compiled_lock._holds_any(table, words) is any(w != w.translate(table) for w in words)


def test_auto_engine_compiles_for_large_texts_only() -> None:
    g = _glossary(["東協"], ["东盟"])
    conv = Converter("tw2sp", g)
    assert conv.convert("東協") == "东盟" and not conv._engine_tried
    big = "東協助理與東協。\n" * (ENGINE_MIN // 9 + 1)
    assert conv.convert(big) == Converter("tw2sp", g, engine="python").convert(big)
    assert conv._engine_tried and conv._engine is not None


def test_unknown_engine_is_a_usage_error() -> None:
    from termkit.errors import UsageError

    with pytest.raises(UsageError):
        Converter("tw2sp", None, engine="fast")


def test_only_special_targets() -> None:
    g = _glossary(["文件", "軟體"], ["Google 文档", "软 件"])
    compiled, python = _pair(g, "tw2sp")
    text = "文件與軟體。"
    assert compiled.convert(text) == python.convert(text) == "Google 文档与软 件。"


def test_form_that_is_not_utf8_keeps_the_python_lock() -> None:
    assert compile_lock("tw2sp", {"軟\udcff體": "软件"}) is None


def test_python_restored_target_next_to_another_term() -> None:
    # Found in review: a special code followed by another code used to be read out of step
    # (its second character and the next code's first made a valid code). Real data: the
    # cross-strait glossary under t2s.
    compiled, python = _regional_pair("t2s")
    assert compiled.compiled_lock().specials
    text = "Google Chrome内嵌框架網路，谷歌瀏覽器內嵌框架網路。" * 3
    assert compiled.convert(text) == python.convert(text)
    # Synthetic: the first special and the first plain code share their second character.
    g = _glossary(["文件", "軟體", "網路"], ["Google 文档", "软件", "网络"])
    compiled, python = _pair(g, "tw2sp")
    for text in ("文件軟體", "文件網路軟體", "軟體文件文件網路"):
        assert compiled.convert(text) == python.convert(text)


def test_as_many_special_targets_as_codes_allow() -> None:
    from termkit.convert.compiled_lock import MAX_SPECIALS, SPECIAL, special_code

    assert special_code(MAX_SPECIALS - 1) != SPECIAL * 2
    words = [f"軟{i}體" for i in range(MAX_SPECIALS)]
    compiled, python = _pair(_glossary(words, [f"软 {i}" for i in range(MAX_SPECIALS)]), "tw2sp")
    text = "".join(words[-50:]) + "軟體"
    assert compiled.convert(text) == python.convert(text)
    too_many = {f"軟{i}體": f"软 {i}" for i in range(MAX_SPECIALS + 1)}  # distinct targets
    assert compile_lock("tw2sp", too_many) is None


@pytest.mark.parametrize("form", ["\ufeff軟體", "軟\x00體"])
def test_forms_the_dictionary_format_would_change_keep_the_python_lock(form: str) -> None:
    # U+FEFF at the start of a dictionary file is read as a byte-order mark, and a NUL ends
    # the line: found in review.
    assert compile_lock("tw2sp", {form: "软件", "網路": "网络"}) is None


@pytest.mark.parametrize("config", ["tw2sp", "s2hkp", "t2s"])
def test_nul_in_the_text_is_a_boundary_in_both_engines(config: str) -> None:
    # Some OpenCC chains read C strings and lost what followed a NUL (found in review).
    g = _glossary(["軟體"], ["软件"])
    text = "abc\x00軟體後面\n中文\x00" + "軟體。" * 10
    compiled, python = _pair(g, config)
    out = compiled.convert(text)
    assert out == python.convert(text)
    assert out.count("\x00") == 2 and out.endswith("。")
    pieces = text.split("\x00")
    assert out == "\x00".join(python.convert(p) for p in pieces)
    assert Converter(config).convert(text) == "\x00".join(Converter(config).plain(p) for p in pieces)
    assert "後面" in Converter(config).convert(text) or "后面" in Converter(config).convert(text)


def test_target_with_nul_or_bom_is_restored_in_python() -> None:
    engine = compile_lock("tw2sp", {"軟體": "软\x00件", "網路": "\ufeff网络"})
    assert engine is not None and len(engine.specials) == 2
    assert engine.convert("軟體與網路") == "软\x00件与\ufeff网络"
    # Through a glossary: a target is also a form, and a form with NUL is never locked.
    g = _glossary(["軟體"], ["软\x00件"])
    compiled, python = _pair(g, "tw2sp")
    assert compiled.convert("軟體與網路") == python.convert("軟體與網路") == "软\x00件与网络"


@pytest.mark.parametrize("config", ["s2twp", "tw2sp"])
def test_word_aware_lock_alike_on_real_prose(config: str) -> None:
    """The dev paragraphs of tests/data/lock, word-aware and topic-scoped, both engines."""
    from tests import lockeval

    compiled, python = _regional_pair(config)
    assert compiled.bounding_words()  # word-aware matching is on
    texts = [p["text"] for p in lockeval.paragraphs(config)]
    assert [compiled.convert(t) for t in texts] == [python.convert(t) for t in texts]


def test_character_normalization_folded_into_the_lock() -> None:
    """The config's normalization (CJK compatibility ideographs) is read in the lock's pass."""
    from termkit.convert.compiled_lock import character_normalization
    from termkit.convert.opencc_data import dictionary

    table = character_normalization("tw2sp")
    assert table is not None and len(table) == len(dictionary("CJK_Compatibility_Ideographs"))
    compat = [k for k, v in sorted(table.items()) if k != v][:40]
    assert len(compat) == 40
    # Compatibility ideographs next to forms, inside a form, and a form that is one.
    g = _glossary(["軟體", "資訊", compat[0], f"東{compat[1]}"], ["软件甲", "<1>", "<2>", "东盟"])
    compiled, python = _pair(g, "tw2sp")
    text = "".join(f"{c}軟體{c}資訊東{c}" for c in compat) + f"{compat[0]}東{compat[1]}軟體與網路"
    assert compiled.convert(text) == python.convert(text)
    assert "<2>" in compiled.convert(text) and "东盟" in compiled.convert(text)


@pytest.mark.parametrize("config", ["tw2sp", "t2s"])
def test_config_steps_kept_when_they_cannot_be_single_dictionaries(
        config: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock on OpenCC's own steps (restoring in a step of its own) when flattening fails."""
    import termkit.convert.opencc_flat as flat_module

    written: list[str] = []
    write_dict = flat_module.write_dict

    def recording(tool: str, entries: Any, path: str) -> None:
        written.append(Path(path).name)
        write_dict(tool, entries, path)

    monkeypatch.setattr(flat_module, "flat_config", lambda _config: None)
    monkeypatch.setattr(flat_module, "write_dict", recording)
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    text = "\n".join(c["input"] for c in cases["cases"]) + "\n打開文件與軟體，文件。"
    compiled, python = _pair(_glossary(["文件", "軟體", "文件與"], ["Google 文档", "软件甲", "<2>"]),
                             config)
    assert sorted(written) == ["lock.ocd", "restore.ocd"]
    assert compiled.convert(text) == python.convert(text)
