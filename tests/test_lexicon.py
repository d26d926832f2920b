"""The CC-CEDICT lexicon: look-up in both scripts against the real file, the disk cache,
segmentation, proper nouns and gloss-word normalization."""

from __future__ import annotations

import gzip
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit import lexicon as lexmod
from termkit.lexicon import Entry, Lexicon, cedict_path, get_lexicon, stem

TINY = """\
# CC-CEDICT sample (lines copied from the real file for the cache tests)
#! version=1
越南 越南 [Yue4 nan2] /Vietnam/Vietnamese/
政策 政策 [zheng4 ce4] /policy/CL:個|个[ge4]/
外交 外交 [wai4 jiao1] /diplomacy/diplomatic/foreign affairs/CL:個|个[ge4]/
權力 权力 [quan2 li4] /power/authority/
平衡 平衡 [ping2 heng2] /balance/equilibrium/
this line is not an entry
"""


def _raw_sample(count: int) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Entries read straight from the shipped file with a plain split (the oracle)."""
    rows = []
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, _, rest = line.rstrip("\n").partition(" [")
            trad, simp = head.split(" ")
            pinyin, _, glosses = rest.partition("] /")
            rows.append((trad, simp, pinyin, tuple(g for g in glosses.split("/") if g)))
    return random.Random(20240601).sample(rows, count)


def test_lookup_matches_the_shipped_file_in_both_scripts() -> None:
    lex = get_lexicon()
    for trad, simp, pinyin, glosses in _raw_sample(400):
        want = Entry(trad, simp, pinyin, glosses)
        assert want in lex.lookup(trad), trad
        assert want in lex.lookup(simp), simp


def test_lookup_examples() -> None:
    lex = get_lexicon()
    assert lex.lookup("權力") == lex.lookup("权力")
    assert lex.lookup("權力")[0].glosses == ("power", "authority")
    # Taiwan writes 布局; CEDICT's Traditional headword is 佈局, the Simplified one 布局.
    assert [e.trad for e in lex.lookup("布局")] == ["佈局"]
    assert lex.lookup("不是一個詞語吧") == ()


def test_proper_nouns() -> None:
    lex = get_lexicon()
    assert lex.is_proper_noun("越南")
    assert lex.is_proper_noun("中國")
    assert not lex.is_proper_noun("政策")
    assert not lex.is_proper_noun("張")  # a surname, and also a common word
    assert not lex.is_proper_noun("沒有這個詞")


def test_english_words_drop_meta_glosses() -> None:
    lex = get_lexicon()
    assert "policy" in lex.english_words("政策")
    assert "cl" not in lex.english_words("政策")
    assert {"diplomacy", "foreign", "affair"} <= lex.english_words("外交")
    zhang = lex.english_words("張")
    assert "zhang" not in zhang and "surname" not in zhang
    # "variant of 臺灣[Tai2 wan1]" is followed to the full form, and so is
    # "Taiwanese term for 網絡[wang3 luo4]" (without its words "Taiwanese term").
    assert "taiwan" in lex.english_words("台灣")
    assert "network" in lex.english_words("網路")
    assert not {"taiwanese", "term"} & lex.english_words("網路")
    # A word with a common sense does not bring its proper-noun sense (the Great Learning).
    assert "university" in lex.english_words("大學")
    assert "learning" not in lex.english_words("大學")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("policies", "policy"),
        ("studies", "study"),
        ("studied", "study"),
        ("flipped", "flip"),
        ("networks", "network"),
        ("analyses", "analyse"),
        ("classes", "class"),
        ("learning", "learn"),
        ("class", "class"),
        ("focus", "focus"),
        ("2019", "2019"),
        ("cases", "case"),
        ("taxes", "tax"),
        ("buildings", "build"),
        ("visiting", "visit"),
        ("opening", "open"),
        ("reading", "read"),
        ("aimed", "aim"),
        ("speed", "speed"),
        ("spring", "spring"),
        ("things", "thing"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("voting", "vote"),
        ("sharing", "share"),
        ("making", "make"),
        ("based", "base"),
        ("perceived", "perceive"),
        ("producing", "produce"),
        ("serving", "serve"),
        ("valued", "value"),
        ("organized", "organize"),
        ("enabling", "enable"),
        ("hoped", "hope"),
        ("hopping", "hop"),
        ("earnings", "earn"),
    ],
)
def test_stem_meets_the_base_form(inflected: str, base: str) -> None:
    # -ing/-ed took a silent e (vot-ing): the stem must be the dictionary's base form's, or
    # "voting behavior" never meets 投票 "to vote".
    assert stem(inflected) == stem(base)


def test_inflected_keyword_meets_its_gloss() -> None:
    from termkit.align import pair_keywords

    pairs, _, _ = pair_keywords(["投票行為"], ["voting behavior"])
    assert [(p.zh, p.en, p.status.value) for p in pairs] == [
        ("投票行為", "voting behavior", "preferred")
    ]
    assert "dict:投票=voting" in pairs[0].evidence


def test_segment_known_words() -> None:
    lex = get_lexicon()
    assert lex.segment("越南外交政策") == ["越南", "外交政策"]
    assert lex.segment("權力平衡") == ["權力", "平衡"]
    assert lex.segment("权力平衡") == ["权力", "平衡"]
    latin = ["企業", "對", "企業", " ", "(", "B", " ", "to", " ", "B", ")"]
    assert lex.segment("企業對企業 (B to B)") == latin
    assert lex.segment("ResNeSt模型") == ["ResNeSt", "模型"]
    assert lex.segment("") == []


_TEXT = st.text(
    alphabet=st.sampled_from(list("越南外交政策權力平衡权力教與學的之不是一個詞AbC12 ,;（）-")),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_segment_keeps_every_character(text: str) -> None:
    lex = get_lexicon()
    tokens = lex.segment(text)
    assert "".join(tokens) == text
    for tok in tokens:
        assert tok
        if len(tok) > 1 and not (tok.isascii() and tok.isalnum()):
            assert tok in lex, tok


def _tiny_gz(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(TINY)
    return path


def test_cache_is_written_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dictionary = _tiny_gz(tmp_path)
    first = Lexicon.load(dictionary)
    files = list((tmp_path / "cache" / "termkit").iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal"
    assert f"v{lexmod.INDEX_VERSION}-" in files[0].name
    stamp = files[0].stat().st_mtime_ns
    second = Lexicon.load(dictionary)
    assert files[0].stat().st_mtime_ns == stamp  # read, not rebuilt
    assert (
        first.lookup("权力")
        == second.lookup("權力")
        == (Entry("權力", "权力", "quan2 li4", ("power", "authority")),)
    )
    assert len(second) == 6  # five entries, 權力 under both scripts


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dictionary = _tiny_gz(tmp_path)
    Lexicon.load(dictionary)
    (cache,) = (tmp_path / "cache" / "termkit").iterdir()
    cache.write_bytes(b"not marshal data")
    assert Lexicon.load(dictionary).lookup("越南")[0].pinyin == "Yue4 nan2"


def test_unwritable_cache_falls_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir below a file fails
    lex = Lexicon.load(_tiny_gz(tmp_path))
    assert lex.lookup("平衡")[0].glosses == ("balance", "equilibrium")


def test_racing_processes_leave_one_whole_cache(tmp_path: Path) -> None:
    dictionary = _tiny_gz(tmp_path)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = (
        "import sys; from termkit.lexicon import Lexicon; "
        "print(Lexicon.load(sys.argv[1]).lookup('越南')[0].glosses[0])"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(dictionary)], env=env, stdout=subprocess.PIPE
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=60)[0].decode().strip() for p in procs]
    assert outputs == ["Vietnam"] * 4
    assert all(p.returncode == 0 for p in procs)
    names = sorted(p.name for p in (tmp_path / "cache" / "termkit").iterdir())
    assert len(names) == 1 and not names[0].endswith(".tmp")


def test_import_does_not_load_and_a_warm_start_reads_the_cache() -> None:
    # Speed is measured in benchmarks/bench_build.py; here: importing loads nothing, and a
    # warm start never parses the dictionary again (building the index is made to fail).
    code = (
        "import termkit.lexicon as m; "
        "assert m.get_lexicon.cache_info().currsize == 0; "
        "m._build_index = lambda path: (_ for _ in ()).throw(AssertionError('rebuilt')); "
        "print(len(m.get_lexicon()))"
    )
    get_lexicon()  # make sure the real cache exists
    if not lexmod._cache_file(cedict_path()).exists():
        pytest.skip("the cache folder is not writable here: no warm start to check")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(out) == len(get_lexicon()) > 100_000


def test_from_entries_builds_a_small_lexicon() -> None:
    lex = Lexicon.from_entries([Entry("臺灣", "台湾", "Tai2 wan1", ("Taiwan",))])
    assert lex.lookup("台湾") == lex.lookup("臺灣")
    assert lex.is_proper_noun("台湾")
    assert lex.segment("臺灣島") == ["臺灣", "島"]


def test_a_lexicon_just_built_reads_as_one_loaded_from_its_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The process that builds the index keeps every headword's parsed entries (so its word
    # list does not parse each line again): they must be what a look-up parses from the
    # cache. Real lines, a seeded sample with whole headword families (several readings,
    # both scripts, a Traditional head that is another entry's Simplified one).
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    picked = {line[0] for line in random.Random(11).sample(lines, 40)}  # common first characters
    sample = [line for line in lines if line[0] in picked]
    assert len(sample) > 1_000
    path = tmp_path / "sample.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("# sample\n" + "".join(sample) + "not an entry\n")
    built = Lexicon.load(path)
    assert built._entries, "the build keeps no parsed entries: nothing here is tested"
    loaded = Lexicon.load(path)
    assert not loaded._entries  # read from the cache: parsed on look-up
    heads = sorted(built._index)
    assert heads == sorted(loaded._index) and len(heads) > 1_000
    assert [built.lookup(h) for h in heads] == [loaded.lookup(h) for h in heads]
    assert lexmod._word_shards(built) == lexmod._word_shards(Lexicon.load(path))
