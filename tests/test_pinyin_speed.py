"""The fast paths of annotation give what the slow ones give: pypinyin's data snapshot against
pypinyin itself, the light word list against the full CC-CEDICT lexicon, and start-up without
importing pypinyin once the snapshot is cached."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style as PStyle
from pypinyin import pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
from pypinyin.seg import mmseg

from termkit.lexicon import (
    Lexicon,
    WordList,
    _words_cache_file,
    cedict_path,
    get_lexicon,
    get_word_list,
)
from termkit.pinyin import annotate, reading
from termkit.pinyin.snapshot import PypinyinData, pypinyin_data
from tests.conftest import DATA

_PHRASES = sorted(PHRASES_DICT)
_CHARS = sorted(chr(c) for c in PINYIN_DICT)


def _data() -> PypinyinData:
    data = pypinyin_data()
    if data is None:
        pytest.skip("no writable cache folder: the snapshot is not used here")
    return data


def _keep_each(chars: str) -> list[list[str]]:
    return [[c] for c in chars]


def _expectation_runs() -> list[str]:
    """Chinese runs (two characters or more) of pypinyin's own test texts."""
    words: set[str] = set()
    for line in (DATA / "pinyin" / "pypinyin-0.55.0-expectations.jsonl").read_text("utf-8").splitlines():
        case = json.loads(line)
        for arg in case.get("args", [])[:1]:
            if isinstance(arg, str):
                words.update(m.group() for m in RE_HANS.finditer(arg) if len(m.group()) > 1)
    return sorted(words)


# --------------------------------------------------------------------------- pypinyin snapshot


def test_snapshot_holds_pypinyin_dictionaries() -> None:
    data = _data()
    assert data.chars() == dict(PINYIN_DICT)
    assert data.hans.pattern == RE_HANS.pattern
    for phrase in _PHRASES:
        assert data.phrase(phrase) == tuple(tuple(r) for r in PHRASES_DICT[phrase]), phrase


# Runs made of pieces of real phrases and characters: they exercise the cutter's edge cases
# (prefix chains that end without a phrase, at the end of the run or before it).
_PIECES = st.lists(
    st.one_of(
        st.sampled_from(_PHRASES).flatmap(lambda p: st.integers(1, len(p)).map(lambda k: p[:k])),
        st.sampled_from(_CHARS),
    ),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_PIECES)
def test_cut_is_pypinyin_segmentation(run: str) -> None:
    assert _data().cut(run) == list(mmseg.seg.cut(run))


def test_cut_on_pypinyin_test_texts() -> None:
    data = _data()
    runs = _expectation_runs()
    assert len(runs) > 20
    for text in runs:
        assert data.cut(text) == list(mmseg.seg.cut(text)), text


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_CHARS)), st.booleans())
def test_word_readings_are_pypinyin_readings(word: str, heteronym: bool) -> None:
    got = _data().readings(word, heteronym)
    expected = pinyin([word], style=PStyle.TONE, heteronym=heteronym, errors=_keep_each)  # type: ignore[arg-type]
    assert got == tuple(tuple(r) for r in expected)


def _unread_characters() -> list[str]:
    """Characters pypinyin counts as Chinese but has no reading for, spread over its ranges."""
    found = [
        chr(c) for c in range(0x3400, 0x32000)
        if c not in PINYIN_DICT and RE_HANS.match(chr(c))
    ]
    return found[:: max(1, len(found) // 300)]


def test_character_without_reading_reads_as_pypinyin_reads_it() -> None:
    from termkit.pinyin.readings import _word_readings

    data = _data()
    missing = _unread_characters()
    assert len(missing) > 100
    for ch in missing:
        assert data.readings(ch, False) is None  # the snapshot has no reading for it ...
        for heteronym in (False, True):
            # ... and pypinyin keeps the character as its own reading, as the annotator does
            # without asking it.
            expected = pinyin([ch], style=PStyle.TONE, heteronym=heteronym, errors=_keep_each)  # type: ignore[arg-type]
            assert _word_readings(ch, heteronym) == tuple(tuple(r) for r in expected), ch
    (tok,) = annotate(missing[0])
    assert tok.readings == ((missing[0],),)


# --------------------------------------------------------------------------- word list


_HEADS = sorted(get_lexicon()._index)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_HEADS).flatmap(lambda w: st.integers(1, len(w)).map(lambda k: w[:k])),
            st.sampled_from(list("的了是，。 A1")),
        ),
        max_size=8,
    ).map("".join)
)
def test_word_list_segments_as_the_lexicon(text: str) -> None:
    fresh = WordList(get_word_list()._shards)  # shards parsed on demand, as in a new process
    assert fresh.segment(text) == get_lexicon().segment(text)


def test_word_list_flags_match_the_lexicon() -> None:
    lex, words = get_lexicon(), get_word_list()
    for head in _HEADS[::5]:
        assert head in words
        assert words.is_proper_noun(head) == lex.is_proper_noun(head), head
        idiom = any("(idiom)" in g for e in lex.lookup(head) for g in e.glosses)
        assert words.is_idiom(head) == idiom, head
        assert words.is_erhua(head) == lex.is_erhua(head), head
        assert words.is_exclamation(head) == lex.is_exclamation(head), head
        assert words.word_division(head) == lex.word_division(head), head
    assert "不是一個詞語吧" not in words and "" not in words
    assert words.is_idiom("風平浪靜") and words.is_proper_noun("越南")
    assert words.is_erhua("哪兒") and words.is_erhua("哪儿") and not words.is_erhua("女兒")
    assert words.is_exclamation("我去") and not words.is_exclamation("去")
    assert words.word_division("北京大學") == (2, 2) and words.word_division("越南") is None


TINY = """\
# CC-CEDICT sample (lines copied from the real file for the cache tests)
越南 越南 [Yue4 nan2] /Vietnam/Vietnamese/
政策 政策 [zheng4 ce4] /policy/CL:個|个[ge4]/
風平浪靜 风平浪静 [feng1 ping2 lang4 jing4] /lit. breeze is still, waves are quiet (idiom)/
"""


def test_word_list_cache_is_written_once_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "tiny.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(TINY)
    first = WordList.load(path)
    cached = sorted((tmp_path / "cache" / "termkit").glob("cedict-words-v*.marshal"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    second = WordList.load(path)
    assert cached[0].stat().st_mtime_ns == stamp
    for words in (first, second):
        assert words.segment("越南外交政策") == ["越南", "外", "交", "政策"]
        assert words.is_proper_noun("越南") and not words.is_proper_noun("政策")
        assert words.is_idiom("风平浪静") and not words.is_idiom("越南")
    tiny = Lexicon.load(path)
    assert first.segment("风平浪静越南") == tiny.segment("风平浪静越南")


# --------------------------------------------------------------------------- start-up


def _run(code: str, env: dict[str, str]) -> Any:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    return json.loads(out)


def test_annotation_does_not_import_pypinyin_once_the_snapshot_exists(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    # A fresh cache folder for the snapshot, with the word list already there (building it
    # from CC-CEDICT takes seconds and is another test's business).
    get_word_list()
    words = _words_cache_file(cedict_path())
    if words.exists():
        (tmp_path / "cache" / "termkit").mkdir(parents=True)
        shutil.copy(words, tmp_path / "cache" / "termkit" / words.name)
    code = (
        "import json, sys; from termkit.pinyin import annotate, reading; "
        "r = reading(annotate('中华人民共和国的权力平衡，長大\U0002b6e1')); "
        "print(json.dumps([r, 'pypinyin' in sys.modules]))"
    )
    first_reading, first_imported = _run(code, env)  # builds the snapshot from pypinyin
    assert first_imported
    assert sorted(p.name[:12] for p in (tmp_path / "cache" / "termkit").glob("pypinyin-*")) == [
        "pypinyin-v1-"
    ]
    second_reading, second_imported = _run(code, env)
    assert not second_imported
    # (U+2B6E1: a character pypinyin has no reading for, which needs no pypinyin either.)
    assert first_reading == second_reading == reading(annotate("中华人民共和国的权力平衡，長大\U0002b6e1"))


def test_cli_start_up_skips_pypinyin_and_full_lexicon() -> None:
    reading(annotate("中文"))  # make sure the caches exist
    code = (
        "import json, sys; from termkit.cli import main; sys.argv = ['termkit', 'pinyin', '中文']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "lex = sys.modules['termkit.lexicon'].get_lexicon.cache_info().currsize\n"
        "print(json.dumps(['pypinyin' in sys.modules, lex]), "
        "file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "中文(Zhōngwén)\n"
    pypinyin_imported, full_lexicons = json.loads(done.stderr.strip().splitlines()[-1])
    assert not pypinyin_imported
    assert full_lexicons == 0  # grouping used the light word list, not the full gloss index


def test_snapshot_is_built_from_pypinyin_files_not_a_changed_dictionary(tmp_path: Path) -> None:
    # A program that changed pypinyin's dictionaries must not leave its change in the cache.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = (
        "import json; from pypinyin import load_phrases_dict; "
        "load_phrases_dict({'中文': [['zhòng'], ['wén']]}); "
        "from termkit.pinyin.snapshot import pypinyin_data; d = pypinyin_data(); "
        "from pypinyin import pinyin; "
        "print(json.dumps([d.readings('中文', False) if d else None, pinyin('中文')]))"
    )
    snapshot, changed = _run(code, env)
    assert changed == [["zhòng"], ["wén"]]  # the change took effect in that process ...
    assert snapshot == [["zhōng"], ["wén"]]  # ... and not in the snapshot
    assert len(list((tmp_path / "cache" / "termkit").glob("pypinyin-v*.marshal"))) == 1


def test_grouping_over_the_full_lexicon_matches_the_word_list() -> None:
    # Without a writable cache, grouping falls back to the full lexicon: same written words.
    from termkit.pinyin.words import LexiconWords, WordIndex, group

    text = "中华人民共和国的现实主义与风平浪静的马来西亚越南外交政策權力平衡哪儿北京大学我去银行"
    light = WordIndex(WordList(get_word_list()._shards))
    full = WordIndex(LexiconWords(get_lexicon()))
    assert len(group(text, full)) > 8
    assert group(text, light) == group(text, full)
    trad = "中華人民共和國的現實主義與風平浪靜的馬來西亞"
    assert group(trad, light) == group(trad, full)
