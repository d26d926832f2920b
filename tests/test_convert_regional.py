"""The cross-strait glossary: up to date with its sources, and every rule converts in a sentence."""

from __future__ import annotations

import collections
from functools import lru_cache

import pytest

from termkit import formats
from termkit.convert import ONE_WAY_PROP, Converter, target_form
from termkit.convert.regional import build_regional, render
from termkit.model import Concept, Glossary
from tests.conftest import DATA, ROOT

GLOSSARY_FILE = ROOT / "glossaries" / "cross-strait.glossary.txt"
CGROUPS = DATA / "convert" / "cgroups"


@lru_cache(maxsize=1)
def regional() -> Glossary:
    return build_regional(str(CGROUPS))


def test_committed_glossary_is_up_to_date() -> None:
    # Regenerate with the documented generator and compare bytes.
    assert GLOSSARY_FILE.read_bytes() == render(regional())


def test_committed_glossary_reads_back_with_attribution() -> None:
    with GLOSSARY_FILE.open("rb") as fh:
        g = formats.get("termkit").read_glossary(fh, str(GLOSSARY_FILE))
    assert len(g.concepts) == len(regional().concepts) > 4000
    assert "CC BY-SA 4.0" in g.header["license"]
    assert "Chinese Wikipedia contributors" in g.header["attribution"]


def _form(c: Concept, tags: tuple[str, ...]) -> str | None:
    for tag in tags:
        for t in c.terms:
            if t.lang == tag:
                return t.text
    return None


CN = ("zh-Hans-CN", "zh-Hans")
TW = ("zh-Hant-TW", "zh-Hant")
HK = ("zh-Hant-HK",)
PREFIX = {"Hant": "我們認為", "Hans": "我们认为"}
SUFFIX = "很重要。"

# (config, source tags, target tags, script of the source)
DIRECTIONS = [("tw2sp", TW, CN, "Hant"), ("s2twp", CN, TW, "Hans"),
              ("hk2sp", HK, CN, "Hant"), ("s2hkp", CN, HK, "Hans")]


@pytest.mark.parametrize("config,src_tags,dst_tags,script", DIRECTIONS)
def test_every_two_variant_rule_converts_in_a_sentence(config: str, src_tags: tuple[str, ...],
                                                       dst_tags: tuple[str, ...], script: str) -> None:
    g = regional()
    conv = Converter(config, g, topics=["all"])  # every rule, topical ones too
    # Which targets each source string may legitimately take: the data sometimes gives one
    # string several renderings (音訊檔 -> 音频文件 / 音频档); the lock picks one of them.
    cases: list[tuple[str, str]] = []
    candidates: dict[str, set[str]] = collections.defaultdict(set)
    for c in g.concepts:
        if c.props.get(ONE_WAY_PROP):
            # A one-way part of the same rule (首席部長=>zh-cn:首席大臣) overrides, as in MediaWiki.
            out = target_form(c, conv.target)
            for t in c.terms:
                if t.lang == "zh" and out:
                    candidates[t.text].add(out)
            continue
        src, dst = _form(c, src_tags), _form(c, dst_tags)
        if src and dst:
            cases.append((src, dst))
            candidates[src].add(dst)
    assert len(cases) > 1000
    prefix = conv.plain(PREFIX[script])
    wrong, ambiguous_ok = [], 0
    for src, dst in cases:
        out = conv.convert(PREFIX[script] + src + SUFFIX)
        got = out[len(prefix):len(out) - len(conv.plain(SUFFIX))]
        if not out.startswith(prefix) or got not in candidates[src]:
            wrong.append((src, dst, out))
        elif got != dst:
            ambiguous_ok += 1
    assert wrong == []
    assert ambiguous_ok < len(cases) // 20  # ambiguity is the exception in the data


def test_guard_rules_keep_their_words() -> None:
    g = regional()
    tw2sp, s2twp = Converter("tw2sp", g), Converter("s2twp", g)
    # A guard: no English original and exactly a zh-Hant and a zh-Hans form (東協助/东协助).
    guards = [c for c in g.concepts if not c.terms_for("en") and not c.props.get(ONE_WAY_PROP)
              and sorted(t.lang for t in c.terms) == ["zh-Hans", "zh-Hant"]]
    assert len(guards) > 50
    wrong = []
    for c in guards:
        hant, hans = _form(c, ("zh-Hant",)), _form(c, ("zh-Hans",))
        assert hant and hans
        # Quoted, so that no word of the context crosses the guard (他說|文字體系 would:
        # word-aware matching reads 說文 first, see test_convert_words.py).
        if tw2sp.convert(f"「{hant}」了。") != f"「{hans}」了。":
            wrong.append((hant, hans, tw2sp.convert(hant)))
        if s2twp.convert(f"「{hans}」了。") != f"「{hant}」了。":
            wrong.append((hans, hant, s2twp.convert(hans)))
    assert wrong == []
    assert tw2sp.convert("東協助理") == "东协助理"
    assert tw2sp.convert("東協議定") == "东协议定"
    assert s2twp.convert("东协助理") == "東協助理"
    assert tw2sp.convert("東協") == "东盟"
    assert s2twp.convert("东盟") == "東協"
    assert tw2sp.convert("北韓") == "朝鲜"


def test_committed_file_locks_like_the_generator() -> None:
    from termkit.convert import load_lock_glossaries

    loaded = load_lock_glossaries([str(GLOSSARY_FILE)])
    for config in ("tw2sp", "s2twp", "s2hk"):
        assert Converter(config, loaded).locks == Converter(config, regional()).locks
