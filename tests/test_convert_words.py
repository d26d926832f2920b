"""Word-aware locking: a glossary form locks only where it stands as a word of the text.

The bounding words come from CC-CEDICT and OpenCC's phrase tables (termkit.convert.words);
the cases below are checked against those sources first, so a test fails if the data no
longer says what the case relies on, not only if the code changes.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.convert import Converter, load_lock_glossaries
from termkit.convert.words import (
    WordMatcher,
    bounding_keys,
    bounding_words,
    firing,
    general_words,
    key_sizes,
    read_keys,
    read_sized,
)
from termkit.model import Concept, Glossary, Term
from tests.conftest import ROOT

REGIONAL = ROOT / "glossaries" / "cross-strait.glossary.txt"
SENTENCE = "供应链管理很重要，我们评估供应商并提供应用程序接口。"


def _user(*pairs: tuple[str, str], props: dict[str, str] | None = None) -> Glossary:
    return Glossary([Concept(f"u{i}", terms=[Term(s, "zh-Hans-CN"), Term(t, "zh-Hant-TW")],
                             props=dict(props or {}))
                     for i, (s, t) in enumerate(pairs)])


def test_the_words_the_cases_rely_on_are_general_words() -> None:
    words = general_words()
    for w in ("供应链", "供應鏈", "供应商", "提供", "應用", "加強", "生態", "檔案"):
        assert w in words, w
    assert len(words) > 150_000


def test_contained_and_left_crossing_words_bound_a_form() -> None:
    bounding = set(bounding_words(["供應"]))
    assert {"供應鏈", "供應商", "提供"} <= bounding  # contains it / crosses its left edge
    assert "應用" not in bounding  # crosses its right edge only: 供應用 still reads 供應|用
    assert "供應" not in bounding  # a form is never its own bound
    assert firing({"供應": "X"}, bounding, "提供應用") == []
    assert firing({"供應": "X"}, bounding, "供應鏈") == []
    assert firing({"供應": "X"}, bounding, "穩定供應") == [(2, 4, "X")]


def test_a_shorter_left_word_does_not_bound_a_longer_form() -> None:
    # 說文 (the Shuowen) crosses 文字體系's left edge but is shorter: the form still locks.
    assert "說文" in general_words()
    assert "說文" not in bounding_words(["文字體系"])
    assert firing({"文字體系": "X"}, bounding_words(["文字體系"]), "他說文字體系") == [(2, 6, "X")]


def test_a_right_crossing_word_bounds_a_form_whose_rest_is_a_word() -> None:
    # 文件檔 + 案: 檔案 crosses the right edge and 文件 is a word: 文件檔案 reads 文件|檔案.
    bounding = set(bounding_words(["文件檔"]))
    assert "文件檔案" in bounding
    assert firing({"文件檔": "X"}, bounding, "文件檔案") == []
    assert firing({"文件檔": "X"}, bounding, "文件檔，") == [(0, 3, "X")]


def test_a_glossary_form_as_the_rest_keeps_the_compound() -> None:
    # The guard 東協助 beside the form 東協: the glossary tells 東協助理 apart itself.
    locks = {"東協": "东盟", "東協助": "东协助"}
    bounding = bounding_words(locks)
    assert firing(locks, bounding, "東協助理") == [(0, 3, "东协助")]
    assert firing(locks, bounding, "東協與中國") == [(0, 2, "东盟")]


def test_substring_forms_are_not_bounded() -> None:
    assert bounding_words(["供應"], free=["供應"]) == []
    g = _user(("供应", "供給"), props={"lock-match": "substring"})
    assert Converter("s2twp", g).convert("供应链") == "供給鏈"


@pytest.mark.parametrize("engine", ["python", "opencc"])
def test_issue_sentence_with_the_regional_glossary(engine: str) -> None:
    g = load_lock_glossaries([str(REGIONAL)])
    conv = Converter("s2twp", g, engine=engine)
    plain = opencc.OpenCC("s2twp.json").convert(SENTENCE)
    out = conv.convert(SENTENCE)
    # Plain OpenCC is right here (供應鏈, 供應商, 提供|應用程式介面); the lock may only add
    # right regional changes, and it adds none: every form it finds is a word and OpenCC
    # already writes its target.
    assert plain == "供應鏈管理很重要，我們評估供應商並提供應用程式介面。"
    assert out == plain
    assert [SENTENCE[s:e] for s, e, _ in conv.matches(SENTENCE)] == ["应用程序接口"]


@pytest.mark.parametrize("engine", ["python", "opencc"])
@pytest.mark.parametrize(("config", "text"), [
    # Text in the other script than the config reads: a mixed document, or a file converted
    # twice. The words of both scripts bound the forms, so none locks inside a word here
    # either (a word list of the config's source script alone gave 加約翰遜態, 供給商).
    ("s2twp", "我們加強生態保護，評估供應商並提供應用。"),
    ("tw2sp", SENTENCE),
])
def test_text_of_the_other_script_gets_no_lock_inside_a_word(engine: str, config: str,
                                                             text: str) -> None:
    conv = Converter(config, load_lock_glossaries([str(REGIONAL)]), engine=engine)
    found = [text[s:e] for s, e, _ in conv.matches(text)]
    assert not any(f in ("強生", "供應", "供应", "應用", "应用") for f in found), found
    out = conv.convert(text)
    if config == "s2twp":
        assert out == opencc.OpenCC("s2twp.json").convert(text)  # Traditional stays itself
    else:
        # OpenCC's tw2sp turns 程序 into 进程 here; the lock keeps the mainland term whole.
        assert opencc.OpenCC("tw2sp.json").convert(text) != text
        assert found == ["应用程序接口"] and out == text


@pytest.mark.parametrize("engine", ["python", "opencc"])
def test_issue_sentence_with_a_user_glossary(engine: str) -> None:
    conv = Converter("s2twp", _user(("供应", "供給")), engine=engine)
    assert conv.convert(SENTENCE) == opencc.OpenCC("s2twp.json").convert(SENTENCE)
    # Where 供应 stands as a word the user's lock still applies.
    assert conv.convert("市场稳定供应。") == "市場穩定供給。"
    # Without word-aware matching the old substring lock mangles the sentence.
    old = Converter("s2twp", _user(("供应", "供給")), words=False).convert(SENTENCE)
    assert "供給鏈" in old and "提供給用" in old


def test_inside_word_cases_of_the_issue() -> None:
    g = load_lock_glossaries([str(REGIONAL)])
    tw2sp = Converter("tw2sp", g, topics=["all"])  # even with every topic on
    assert "約翰" not in tw2sp.convert("加強生態保護") and "约翰" not in tw2sp.convert("加強生態保護")
    assert tw2sp.convert("加強生態保護") == opencc.OpenCC("tw2sp.json").convert("加強生態保護")


def test_word_matcher_reads_as_the_converter() -> None:
    g = load_lock_glossaries([str(REGIONAL)])
    conv = Converter("tw2sp", g)
    matcher = WordMatcher(conv.locks)
    text = "供應鏈管理很重要，我們評估供應商並提供應用程式介面。東協助理與東協會談。"
    assert [(s, e) for s, e, _ in matcher.matches(text)] == [(s, e) for s, e, _ in conv.matches(text)]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(alphabet="供應鏈提商用程式", min_size=1, max_size=5), min_size=1, max_size=12),
    st.text(alphabet="供應鏈提商用程式，", max_size=40),
)
def test_sized_reading_is_the_maximum_match(keys: list[str], text: str) -> None:
    # Trying only the lengths of the keys that start with a character reads as trying every
    # length (read_keys) and as the reference reading (firing); negative values read, unkept.
    table = {k: (i if i % 3 else -1) for i, k in enumerate(dict.fromkeys(keys))}
    longest = max(map(len, table))
    got = read_sized(table, key_sizes(table), text)
    assert got == read_keys(table, longest, text)
    locks = {k: str(v) for k, v in table.items() if v >= 0}
    words = [k for k, v in table.items() if v < 0]
    assert [(s, e, str(v)) for s, e, v in got] == firing(locks, words, text)


def test_a_crossing_word_that_is_a_form_locks_where_it_stands() -> None:
    # 經濟成長 + 率: 成長率 crosses its right edge and 經濟 is a word, so 經濟成長率 reads
    # 經濟|成長率; 成長率 is a form too, so it locks there (a locking pair), and 經濟成長 does not.
    locks = {"經濟成長": "经济增长", "成長率": "增长率"}
    words, pairs = bounding_keys(locks)
    assert pairs["經濟成長率"] == (2, 5)
    assert firing(locks, words, "經濟成長率", pairs) == [(2, 5, "增长率")]
    assert firing(locks, words, "經濟成長很快", pairs) == [(0, 4, "经济增长")]
    assert firing(locks, words, "成長率高", pairs) == [(0, 3, "增长率")]
    # Without the pair's lock the form would be lost there: the reading must keep it.
    assert firing(locks, words, "經濟成長率", {}) == []


def test_a_locking_pair_crossed_on_its_right_edge_gives_way() -> None:
    # 執行檔 + 名 by 檔名 (a form): 執行|檔名 would be a locking pair, but 名稱 crosses its
    # right edge inside 檔名 and 執行檔 is a word and a form: 執行檔名稱 reads 執行檔|名稱.
    locks = {"執行檔": "可执行文件", "檔名": "文件名"}
    words, pairs = bounding_keys(locks)
    assert pairs["執行檔名"] == (2, 4)
    assert pairs["執行檔名稱"] == (0, 3)
    assert firing(locks, words, "執行檔名稱", pairs) == [(0, 3, "可执行文件")]
    assert firing(locks, words, "執行檔名", pairs) == [(2, 4, "文件名")]


def test_locking_pairs_read_alike_in_every_engine() -> None:
    # The Python lock by look-ups and by automaton, the compiled OpenCC lock and the word
    # matcher of check and audit all read a locking pair as the form inside it.
    pairs = (("經濟成長", "经济增长"), ("成長率", "增长率"), ("執行檔", "可执行文件"), ("檔名", "文件名"))
    g = Glossary([Concept(f"u{i}", terms=[Term(tw, "zh-Hant-TW"), Term(cn, "zh-Hans-CN")])
                  for i, (tw, cn) in enumerate(pairs)])
    text = "經濟成長率與執行檔名稱，執行檔名，經濟成長。"
    # Between the locks, OpenCC's own reading (執行 alone is 运行 in its tw2sp phrases).
    plain = opencc.OpenCC("tw2sp").convert
    want = ("经济" + "增长率" + plain("與") + "可执行文件" + plain("名稱，執行") + "文件名"
            + plain("，") + "经济增长" + plain("。"))
    outputs = {engine: Converter("tw2sp", g, engine=engine).convert(text)
               for engine in ("python", "opencc")}
    scanning = Converter("tw2sp", g, engine="python")
    scanning._budget = 0  # the automaton from the first text on
    outputs["automaton"] = scanning.convert(text)
    assert set(outputs.values()) == {want}, outputs
    found = WordMatcher(["經濟成長", "成長率", "執行檔", "檔名"]).matches(text)
    assert [f for _s, _e, f in found] == ["成長率", "執行檔", "檔名", "經濟成長"]


def test_a_general_word_across_a_form_locks_nothing_even_when_it_ends_in_a_form() -> None:
    # 互联网络 is a general word (CC-CEDICT): it reads whole and locks nothing, as it does
    # when 网络 is the only form. 互联网 being a form too must not make it lock 网络
    # (s2twp would write 互聯網路 where plain OpenCC writes 網際網路, OpenCC's own test case).
    assert "互联网络" in general_words()
    alone = {"网络": "網路"}
    both = {"互联网": "網際網路", "网络": "網路"}
    assert firing(alone, bounding_words(alone), "互联网络") == []
    words, pairs = bounding_keys(both)
    assert "互联网络" not in pairs
    assert firing(both, words, "互联网络", pairs) == []
    g = Glossary([Concept(f"n{i}", terms=[Term(cn, "zh-Hans-CN"), Term(tw, "zh-Hant-TW")])
                  for i, (cn, tw) in enumerate(both.items())])
    assert Converter("s2twp", g).convert("互联网络") == opencc.OpenCC("s2twp").convert("互联网络")


def test_a_crossing_word_that_contains_a_form_leaves_the_crossed_form_locking() -> None:
    # 兼容性 crosses 向后兼容's right edge and contains the form 兼容: the glossary's compound
    # 向后兼容 still stands as a word in 向后兼容性 (backward compatibility) and locks.
    locks = {"向后兼容": "向下相容", "兼容": "相容"}
    assert "兼容性" in general_words()
    words, pairs = bounding_keys(locks)
    assert firing(locks, words, "忽略向后兼容性", pairs) == [(2, 6, "向下相容")]


def test_a_crossing_free_form_does_not_become_a_word_that_locks_nothing() -> None:
    # 成長率 (lock-match: substring) is not kept from firing by any word, and does not turn
    # 經濟成長率 into one: the glossary's reading stands, 經濟成長 locks there.
    locks = {"經濟成長": "经济增长", "成長率": "增长率"}
    words, pairs = bounding_keys(locks, free=["成長率"])
    assert "經濟成長率" not in words
    assert firing(locks, words, "經濟成長率", pairs) == [(0, 4, "经济增长")]


def test_bounding_keys_are_cached_on_disk_and_bad_files_are_rebuilt(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # A glossary of SMALL forms or more: its words and locking pairs go to one marshal file,
    # read back as they were written; a truncated, unreadable, old (v3: a bare list) or
    # malformed file is computed again and replaced, never returned.
    import marshal

    from termkit.convert import words as words_module

    monkeypatch.setattr(words_module, "cache_dir", lambda: tmp_path)
    forms = {w for w in sorted(general_words()) if len(w) == 3}
    forms = set(sorted(forms)[:words_module.SMALL]) | {"經濟成長", "成長率"}
    computed = bounding_keys(forms)
    assert computed[1]["經濟成長率"] == (2, 5)
    [target] = tmp_path.glob(f"lockwords-v{words_module.WORDS_VERSION}-*.marshal")
    good = target.read_bytes()
    assert marshal.loads(good) == computed
    runs = []
    real = words_module._bounding_keys
    monkeypatch.setattr(words_module, "_bounding_keys", lambda *a: runs.append(1) or real(*a))
    assert bounding_keys(forms) == computed and not runs  # read from the file
    for bad in (good[:len(good) // 2], b"not marshal", marshal.dumps(computed[0]),
                marshal.dumps((computed[0], [1, 2])), marshal.dumps((computed[0],))):
        target.write_bytes(bad)
        assert bounding_keys(forms) == computed
        assert target.read_bytes() == good
    assert len(runs) == 5


def test_the_cache_is_named_by_what_the_words_are_made_of_not_where_they_are(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two installations of the same OpenCC and CC-CEDICT (two venvs) share one word list: the
    # name came from the installation's path, so each venv built its own, and a few evicted
    # each other's. A dictionary with other content is another list.
    import shutil

    from termkit.convert import configs
    from termkit.convert import words as words_module

    def stamp_with(share: Path) -> str:
        words_module._sources_stamp.cache_clear()
        monkeypatch.setattr(configs, "opencc_share_dir", lambda: str(share))
        try:
            return words_module._sources_stamp()
        finally:
            words_module._sources_stamp.cache_clear()

    here = Path(configs.opencc_share_dir())
    copy = tmp_path / "elsewhere" / "opencc"
    shutil.copytree(here, copy)
    assert stamp_with(copy) == stamp_with(here)
    changed = copy / f"{words_module.PHRASE_DICTS[0]}.ocd2"
    changed.write_bytes(changed.read_bytes() + b"\0")
    assert stamp_with(copy) != stamp_with(here)


@pytest.mark.xfail(strict=True, reason="a key locks one form: a second-order pair whose crossing "
                   "word is a form too (執行檔|名稱, both forms) locks the first only")
def test_a_second_order_pair_keeps_a_crossing_word_that_is_a_form() -> None:
    # Without locking pairs 執行檔 and 名稱 both lock in 執行檔名稱; the second-order key
    # 執行檔名稱 reads 執行檔|名稱 but can lock only 執行檔, and 名稱 is lost.
    locks = {"執行檔": "可执行文件", "檔名": "文件名", "名稱": "名称"}
    words, pairs = bounding_keys(locks)
    assert firing(locks, words, "執行檔名稱", pairs) == [(0, 3, "可执行文件"), (3, 5, "名称")]


_ALPHABET = "软件开发互联网络工程师计算机程序设计应用接口供应链管理商"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=12),
       st.booleans())
def test_the_scan_finds_what_its_definition_says(forms: list[str], left_only: bool) -> None:
    """The scan of the general words by look-ups returns what its docstring defines, checked
    word by word against every form: the words holding a form, the words ending in a proper
    prefix of a form (not shorter than that form unless ``left_only``), and for each proper
    suffix the words it starts; never the piece itself. (The real words written in the
    alphabet; the real regional glossary's locks are compared between engines elsewhere.)"""
    from termkit.convert import words
    from tests.conftest import general_words_within

    with general_words_within(_ALPHABET):
        every = words.general_words()
        containing, left, starting = words._scan(set(forms), left_only=left_only)
    assert every, "no general word is written in the alphabet"
    pieces = [(f, k) for f in forms for k in range(1, len(f))]
    assert containing == (set() if left_only else
                          {w for w in every for f in forms if f in w and w != f})
    assert left == {w for w in every for f, k in pieces
                    if w.endswith(f[:k]) and w != f[:k] and (left_only or len(w) >= len(f))}
    want: dict[str, set[str]] = {}
    for f, k in ([] if left_only else pieces):
        found = {w for w in every if w.startswith(f[k:]) and w != f[k:]}
        if found:
            want[f[k:]] = found
    assert starting == want
