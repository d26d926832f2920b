"""Topics: regional rules that are wrong outside their topic lock only when it is chosen.

The verdicts are written into the regional glossary by termkit.convert.regional from
CC-CEDICT and OpenCC evidence (termkit.convert.risk); these tests check the plumbing — the
scope of build_locks, `convert --topic/--list-topics`, `check --regional --topic` and the
`audit` risk column — and that a verdict follows from its evidence.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.convert import (
    TOPIC_ONLY_PROP,
    Converter,
    build_locks,
    in_scope,
    list_topics,
    load_lock_glossaries,
    topic_words,
)
from termkit.convert.risk import assess, senses
from termkit.convert.words import general_words
from termkit.model import Concept, Glossary, Term
from tests.conftest import ROOT

REGIONAL = str(ROOT / "glossaries" / "cross-strait.glossary.txt")


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def _concept(**props: str) -> Concept:
    return Concept("c", terms=[Term("文件", "zh-Hans-CN"), Term("文件", "zh-Hant-TW"),
                               Term("document", "en")], domains=["IT"], props=dict(props))


def test_scope_of_a_topic_only_form() -> None:
    c = _concept(**{TOPIC_ONLY_PROP: "文件@Hans"})
    assert not in_scope(c, "文件", (), "Hans")
    assert in_scope(c, "文件", (), "Hant")  # listed for Simplified text only
    assert in_scope(c, "文件", ("IT",), "Hans") and in_scope(c, "文件", ("all",), "Hans")
    assert not in_scope(c, "文件", ("Economics",), "Hans")
    assert not in_scope(c, "文件", (), None)  # any script: listed for one is enough
    assert in_scope(_concept(), "文件", (), "Hans")  # a user's own concept always locks
    g = Glossary([c])
    assert "文件" not in build_locks(g, "s2twp")
    assert build_locks(g, "s2twp", ("IT",))["文件"].target == "文件"


def test_a_topical_verdict_follows_from_its_evidence() -> None:
    # 文件 has two senses in CC-CEDICT (document; file) and OpenCC's Taiwan phrase writes
    # 檔案: a rule keeping 文件 is a bet on one sense.
    assert len(senses("文件")) >= 2
    assert opencc.OpenCC("s2twp.json").convert("文件") == "檔案"
    risk = assess(_concept(), "文件", "文件", "s2twp")
    assert risk.topical and "檔案" in risk.reason
    # 计算机 has one sense (its "(Tw) calculator" gloss is about the other region).
    computer = Concept("k", terms=[Term("计算机", "zh-Hans-CN"), Term("電腦", "zh-Hant-TW"),
                                   Term("computer", "en")], domains=["IT"])
    assert not assess(computer, "计算机", "電腦", "s2twp").topical



def test_keeping_a_form_against_an_opencc_word_of_none_of_its_senses_is_safe() -> None:
    # OpenCC's Taiwan-to-mainland phrase writes 进程 'course of events; process' for 程序
    # 'procedures; sequence; order; computer program', even in a law's 法定程序: there OpenCC
    # narrows a general word, and a rule keeping 程序 is the general choice.
    proc = Concept("p", terms=[Term("程序", "zh-Hans-CN"), Term("程序", "zh-Hant-TW"),
                               Term("program", "en")], domains=["IT"])
    plain = opencc.OpenCC("tw2sp.json").convert("程序")
    assert plain != "程序" and len(senses("程序")) >= 2
    plain_words = frozenset().union(*(w for w, _ in senses(plain)))
    assert plain_words and not any(w & plain_words for w, _ in senses("程序"))
    risk = assess(proc, "程序", "程序", "tw2sp")
    assert not risk.topical and plain in risk.reason
    # 文件 keeps its topic: OpenCC's 檔案 'file' is one of its senses (above).
    assert assess(_concept(), "文件", "文件", "s2twp").topical
    # in the bundled glossary too, and the lock keeps a law's 法定程序 by default
    conv = Converter("tw2sp", load_lock_glossaries([REGIONAL]))
    assert conv.convert("非由法院依法定程序，不得審問處罰。") == "非由法院依法定程序，不得审问处罚。"
    assert conv.plain("依法定程序") != "依法定程序"

def test_a_target_of_another_sense_is_topical() -> None:
    # 令牌 means 'token'; CC-CEDICT knows 權杖 only as 'scepter': the rule is IT usage.
    from termkit.convert.risk import meanings

    token = Concept("t", terms=[Term("令牌", "zh-Hans-CN"), Term("權杖", "zh-Hant-TW"),
                                Term("token", "en")], domains=["IT"])
    assert any("token" in words for words, _ in senses("令牌"))
    assert meanings("權杖") and not any("token" in words for words, _ in meanings("權杖"))
    risk = assess(token, "令牌", "權杖", "s2twp")
    assert risk.topical and "scepter" in risk.reason
    # 軟體's sense is regional ('software (Tw)'), and regional glosses count for a target.
    software = Concept("s", terms=[Term("软件", "zh-Hans-CN"), Term("軟體", "zh-Hant-TW"),
                                   Term("software", "en")], domains=["IT"])
    assert not any("software" in words for words, _ in senses("軟體"))
    assert not assess(software, "软件", "軟體", "s2twp").topical


def test_a_regional_preference_over_the_rules_own_script_form_is_topical() -> None:
    # The rule writes 伊麗莎白 for all Traditional Chinese and 伊莉莎白 for Taiwan; OpenCC
    # writes the former, which the rule itself accepts.
    assert opencc.OpenCC("s2twp.json").convert("伊丽莎白") == "伊麗莎白"
    c = Concept("e", terms=[Term("伊丽莎白", "zh-Hans"), Term("伊麗莎白", "zh-Hant"),
                            Term("伊莉莎白", "zh-Hant-TW"), Term("Elizabeth", "en")],
                domains=["People"])
    risk = assess(c, "伊丽莎白", "伊莉莎白", "s2twp")
    assert risk.topical and "伊麗莎白" in risk.reason
    # Without the zh-Hant form it is a name rendered alike: safe.
    c.terms = [t for t in c.terms if t.lang != "zh-Hant"]
    assert not assess(c, "伊丽莎白", "伊莉莎白", "s2twp").topical


def test_opencc_regional_phrase_against_an_unknown_target_is_topical() -> None:
    from termkit.convert.words import general_words

    assert opencc.OpenCC("tw2sp.json").convert("資料挖掘") == "数据挖掘"
    assert "数据挖掘" in general_words() and "数据捕捞" not in general_words()
    c = Concept("d", terms=[Term("資料挖掘", "zh-Hant-TW"), Term("数据捕捞", "zh-Hans-CN"),
                            Term("data mining", "en")], domains=["IT"])
    risk = assess(c, "資料挖掘", "数据捕捞", "tw2sp")
    assert risk.topical and "数据挖掘" in risk.reason
    # A target CC-CEDICT knows is the rule's own choice: this evidence does not apply.
    c.terms[1] = Term("数据挖掘", "zh-Hans-CN")
    assert not assess(c, "資料挖掘", "数据挖掘", "tw2sp").topical


def test_regional_glossary_default_and_topic() -> None:
    g = load_lock_glossaries([REGIONAL])
    text = "请把文件保存到计算机的内存里。"
    default = Converter("s2twp", g).convert(text)
    it = Converter("s2twp", g, topics=["IT"]).convert(text)
    assert "電腦" in default and "檔案" in default  # 计算机→電腦 is safe; 文件 left to OpenCC
    assert "文件" in it and "主記憶體" in it  # the IT rules, switched on
    topics = {t.name: t for t in list_topics(g)}
    assert {"IT", "Economics", "Military", "People", "Geography", "EU"} <= set(topics)
    assert topics["IT"].topic_only > 0


def test_cli_topic_and_list_topics() -> None:
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics")
    assert r.exit_code == 0, r.output
    names = [line.split("\t")[0] for line in r.output.splitlines()]
    assert names == sorted(names) and "IT" in names and "Nobel Prize" in names
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--topic", "IT,Economics",
            input="文件\n".encode())
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes.decode() == "文件\n"
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, input="文件\n".encode())
    assert r.stdout_bytes.decode() == "檔案\n"
    # a topic's name in another case is that topic (``it`` is IT, ``ALL`` is all)
    for name in ("it,economics", "ALL"):
        r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--topic", name, input="文件\n".encode())
        assert r.exit_code == 0 and r.stdout_bytes.decode() == "文件\n", r.output
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--topic", "Cooking", input=b"x\n")
    assert r.exit_code == 2 and "unknown topic 'Cooking'" in r.output and "IT" in r.output
    r = run("convert", "-c", "s2twp", "--list-topics")
    assert r.exit_code == 2
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics", "-", "-o", "out.txt",
            input="文件\n".encode())
    assert r.exit_code == 2 and "converts nothing" in r.output


def test_list_topics_of_an_input_counts_the_words_each_topic_would_lock(tmp_path: Path) -> None:
    """``--list-topics INPUT`` adds, per topic, how many words of INPUT lock only with that
    topic on (and change plain OpenCC's output), the most frequent named: what --topic would
    add. Checked against converting with and without the topic."""
    text = "请查看示例。保存文件。另见示例。\n"
    src = tmp_path / "in.txt"
    src.write_text(text, encoding="utf-8")
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics", str(src))
    assert r.exit_code == 0, r.output
    rows = {line.split("\t")[0]: line.split("\t") for line in r.output.splitlines()}
    assert all(len(row) == 4 for row in rows.values())
    # the oracle: the places converting with --topic IT changes (each word stands alone)
    plain = run("convert", "-c", "s2twp", "-g", REGIONAL, str(src)).stdout_bytes.decode()
    with_it = run("convert", "-c", "s2twp", "-g", REGIONAL, "--topic", "IT", str(src)).stdout_bytes.decode()
    assert len(plain) == len(with_it)
    changed = [k for k in range(len(plain)) if plain[k] != with_it[k]]
    runs = [k for k in changed if k - 1 not in changed]
    words = {text[k:next(e for e in range(k, len(text) + 1) if e not in changed)] for k in runs}
    assert len(runs) >= 2
    count, _, named = rows["IT"][3].partition(" (")
    assert count == f"{len(runs)} in {src}"
    forms = {item.split(" ×")[0] for item in named.rstrip(")").split(", ")}
    assert all(any(w in f for f in forms) for w in words)  # each change lies in a named form
    assert all(any(w in f for w in words) for f in forms)  # and each named form changes
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics", "-", input=text.encode())
    assert r.exit_code == 0 and f"{len(runs)} in -" in r.output
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics", str(src), str(src))
    assert r.exit_code == 2 and "one INPUT" in r.output


def test_check_regional_reads_words_and_topics(tmp_path: Path) -> None:
    en, tw = tmp_path / "en.txt", tmp_path / "tw.txt"
    en.write_text("Supply chain resilience matters.\nThis software is easy to use.\n", encoding="utf-8")
    tw.write_text("供應鏈彈性很重要。\n這個軟件很好用。\n", encoding="utf-8")
    args = ["check", "-g", str(ROOT / "glossaries" / "example" / "glossary.txt"),
            "--regional", REGIONAL, "--pair", str(en), str(tw), "--source-lang", "en",
            "--target-lang", "zh-TW", "--check", "wrong-region", "--format", "json"]
    import json

    r = run(*args)
    findings = json.loads(r.output)["findings"]
    found = {f["found"] for f in findings}
    assert "供應" not in found  # inside 供應鏈: not a word of the text
    assert "軟件" in found  # mainland/HK vocabulary (Taiwan: 軟體), a safe rule
    r = run(*args, "--topic", "all")
    assert {f["found"] for f in json.loads(r.output)["findings"]} >= found


def test_audit_risk_column() -> None:
    r = run("audit", REGIONAL, "-c", "s2twp", "--json")
    assert r.exit_code == 0
    import json

    rows = [json.loads(line) for line in r.output.splitlines()]
    by_term = {}
    for row in rows:
        by_term.setdefault(row["term"], []).append(row)
    assert any(x["risk"] == "topic" and x["topics"] and x["risk_reason"]
               for x in by_term["数字"])
    assert all(x["risk"] == "any" and x["risk_reason"] for x in by_term["软件"])
    # word-aware: general words that hold the term, where it does not lock
    assert all(w in general_words() and "数字" in w for x in by_term["数字"] for w in x["not_inside"])
    assert by_term["数字"][0]["not_inside"]
    text = run("audit", REGIONAL, "-c", "s2twp").output
    assert "\trisk: topic IT (" in text and "\trisk: any (" in text


def test_another_regions_form_that_is_the_texts_own_word_is_topical() -> None:
    # A rule gives 出租车 for the mainland and 的士 for Hong Kong; the same characters 的士
    # are a word of Simplified text too (CC-CEDICT and OpenCC know it), which the rule does
    # not describe for the mainland: read there, the Hong Kong form locks only for its topic.
    assert "的士" in general_words() and opencc.OpenCC("t2s.json").convert("的士") == "的士"
    c = Concept("t", terms=[Term("出租车", "zh-Hans-CN"), Term("計程車", "zh-Hant-TW"),
                            Term("的士", "zh-Hant-HK"), Term("taxi", "en")], domains=["Transport"])
    risk = assess(c, "的士", "計程車", "s2twp")
    assert risk.topical and "zh-Hant-HK" in risk.reason and "出租车" in risk.reason
    # Read as a form of its own script, as the target (a lock that keeps a word), or for a
    # rule without a form of the text's script, the evidence does not apply.
    assert not assess(c, "出租车", "計程車", "s2twp").topical
    both = Concept("b", terms=[*c.terms, Term("的士", "zh-Hans-SG")], domains=["Transport"])
    assert "zh-Hant-HK" not in assess(both, "的士", "計程車", "s2twp").reason
    keep = Concept("k", terms=[Term("的士", "zh-Hant-TW"), Term("出租车", "zh-Hans-CN")])
    assert "a word of its own" not in assess(keep, "的士", "的士", "s2twp").reason
    no_hans = Concept("n", terms=[Term("的士", "zh-Hant-HK"), Term("計程車", "zh-Hant-TW"),
                                  Term("taxi", "en")], domains=["Transport"])
    assert "a word of its own" not in assess(no_hans, "的士", "計程車", "s2twp").reason
    # A form that is no word of the text's script is another region's spelling: not this rule.
    odd = Concept("o", terms=[Term("出租车", "zh-Hans-CN"), Term("計程車", "zh-Hant-TW"),
                              Term("德士車", "zh-Hant-HK"), Term("taxi", "en")])
    assert "德士車" not in general_words()
    assert "a word of its own" not in assess(odd, "德士車", "計程車", "s2twp").reason


def test_the_regional_glossary_keeps_such_forms_for_their_topics() -> None:
    # Written by termkit.convert.regional: the Hong Kong form read in Simplified text is
    # listed as topic-only for that script alone, so Traditional text still locks it.
    g = load_lock_glossaries([REGIONAL])
    listed = [(c, e.partition("@")[0]) for c in g.concepts
              for e in c.props.get(TOPIC_ONLY_PROP, "").split() if e.endswith("@Hans")]
    found = [(c, f) for c, f in listed
             if "a word of its own" in c.props.get("lock-evidence", "")
             and any(t.text == f and t.lang.startswith("zh-Hant") for t in c.terms)]
    assert found
    concept, form = found[0]
    assert form not in build_locks(Glossary([concept]), "s2twp")
    assert form in build_locks(Glossary([concept]), "s2twp", ("all",))


def test_check_regional_decides_topic_only_by_the_script_of_the_target_like_convert(
    tmp_path: Path,
) -> None:
    """A form's topic-only status is read for the script of the text it is found in.

    水平 (the mainland form of 水準) is listed ``水平@Hant`` only: in Traditional text it is
    also an ordinary word, in Simplified text always the mainland one. 支持/支援 are listed
    ``支持@Hant`` and ``支援@Hans``. ``convert`` reading Traditional text (tw2sp) or
    Simplified text (s2twp) is the oracle: check reports a form in a zh-TW (Traditional) or
    zh-CN (Simplified) target exactly when convert locks it in text of that script.
    """
    import json

    g = load_lock_glossaries([REGIONAL])
    props = {c.props.get(TOPIC_ONLY_PROP, "") for c in g.concepts
             if {t.text for t in c.terms} & {"水平", "支持", "支援"}}
    assert any("水平@Hant" in p.split() and "水平@Hans" not in p.split() for p in props)
    en = tmp_path / "en.txt"
    en.write_text("The level is high.\nWe support it.\nWe support it.\n", encoding="utf-8")
    targets = {
        "zh-TW": ("tw2sp", "這個水平很高。\n我們支持它。\n我們支援它。\n", {"水平", "支持"}),
        "zh-CN": ("s2twp", "这个水平很高。\n我们支持它。\n我们支援它。\n", {"支援"}),
    }
    for tag, (config, text, foreign) in targets.items():
        target = tmp_path / f"{tag}.txt"
        target.write_text(text, encoding="utf-8")
        seen = []
        for topics in ((), ("all",)):
            locks = Converter(config, g, topics=topics).locks
            want = {form for form in foreign if form in locks}
            r = run("check", "--regional", REGIONAL, "--pair", str(en), str(target),
                    "--source-lang", "en", "--target-lang", tag, "--check", "wrong-region",
                    "--format", "json", *(["--topic", ",".join(topics)] if topics else []))
            assert r.exit_code in (0, 1), r.output
            got = {f["found"] for f in json.loads(r.stdout)["findings"]}
            assert got == want, (tag, topics)
            seen.append(want)
        assert seen[0] < seen[1] == foreign  # topic-only in this script: found with the topic


def test_check_regional_topic_only_form_in_its_other_script_spelling(tmp_path: Path) -> None:
    """丢失 ('lost', mainland; Taiwan 遺失) is listed ``丢失@Hans``: in Simplified text it is
    also the everyday word. Check matches forms script-folded, so it also finds the
    Traditional spelling 丟失, which convert never locks (its keys are spellings; no term is
    spelled 丟失): there the form counts only with its topic. The very spelling 丢失 in a
    Traditional target is what convert -c tw2sp locks without a topic, and check reports it."""
    import json

    g = load_lock_glossaries([REGIONAL])
    (lost,) = [c for c in g.concepts if any(t.text == "丢失" for t in c.terms)
               and c.props.get(TOPIC_ONLY_PROP)]
    listed = lost.props[TOPIC_ONLY_PROP].split()
    assert "丢失@Hans" in listed and "丢失@Hant" not in listed and "IT" in lost.domains
    assert not any(t.text == "丟失" for c in g.concepts for t in c.terms)
    assert "丢失" in Converter("tw2sp", g).locks and "丟失" not in Converter("tw2sp", g).locks
    en, tw = tmp_path / "en.txt", tmp_path / "tw.txt"
    en.write_text("The file was lost.\nThe file was lost.\n", encoding="utf-8")
    tw.write_text("檔案丟失了。\n檔案丢失了。\n", encoding="utf-8")
    args = ["check", "--regional", REGIONAL, "--pair", str(en), str(tw), "--source-lang", "en",
            "--target-lang", "zh-TW", "--check", "wrong-region", "--format", "json"]
    found = {(f["line"], f["found"]) for f in json.loads(run(*args).stdout)["findings"]}
    assert found == {(2, "丢失")}
    with_topic = json.loads(run(*args, "--topic", "IT").stdout)["findings"]
    assert {(f["line"], f["found"]) for f in with_topic} == {(1, "丟失"), (2, "丢失")}


def test_a_common_word_in_a_name_group_is_judged_as_a_word() -> None:
    # 住宅 ('residence') in a group of names and offices, English 'Housing', rendered 住房:
    # CC-CEDICT lists it as a common word, so it is judged by its sense, not as a name.
    housing = Concept("h", terms=[Term("住宅", "zh-Hant-TW"), Term("住房", "zh-Hans-CN"),
                                  Term("Housing", "en")], domains=["PresidentsUS"])
    assert [g for _, g in senses("住宅")] == ["residence; dwelling; abode"]
    risk = assess(housing, "住宅", "住房", "tw2sp")
    assert risk.topical and "residence" in risk.reason
    # A form CC-CEDICT does not list as a common word stays a name in such a group.
    name = Concept("n", terms=[Term("麥肯", "zh-Hant-TW"), Term("麦凯恩", "zh-Hans-CN"),
                               Term("McCain", "en")], domains=["People"])
    assert not senses("麥肯")
    assert not assess(name, "麥肯", "麦凯恩", "tw2sp").topical


def test_a_name_rendered_as_a_common_word_where_opencc_writes_a_name_is_topical() -> None:
    # 臉書 'Facebook' → 脸谱: OpenCC writes 脸书, which CC-CEDICT glosses 'Facebook'; 脸谱 is
    # also the common word 'types of facial makeup in operas'. Read in running text the
    # target is another word, and OpenCC's output is already the name.
    assert opencc.OpenCC("tw2sp.json").convert("臉書") == "脸书"
    assert [g for _, g in senses("脸书")] == ["Facebook"]
    facebook = Concept("f", terms=[Term("臉書", "zh-Hant-TW"), Term("脸谱", "zh-Hans-CN"),
                                   Term("Facebook", "en")], domains=["IT"])
    risk = assess(facebook, "臉書", "脸谱", "tw2sp")
    assert risk.topical and "脸书" in risk.reason and "facial makeup" in risk.reason
    # A target that is no common word stays a name rendered alike (柯林頓 → 克林顿: OpenCC's
    # 柯林顿 is 'Clinton' too, but 克林顿 means nothing else).
    clinton = Concept("c", terms=[Term("柯林頓", "zh-Hant-TW"), Term("克林顿", "zh-Hans-CN"),
                                  Term("Clinton", "en")], domains=["People"])
    assert opencc.OpenCC("tw2sp.json").convert("柯林頓") == "柯林顿"
    risk = assess(clinton, "柯林頓", "克林顿", "tw2sp")
    assert not risk.topical and risk.reason == "a name rendered alike"
    # And when OpenCC's output is no dictionary name for the English, nothing says the
    # target is a preference: a name rendered alike again.
    other = Concept("o", terms=[Term("臉書", "zh-Hant-TW"), Term("脸谱", "zh-Hans-CN"),
                                Term("Meta", "en")], domains=["IT"])
    assert not assess(other, "臉書", "脸谱", "tw2sp").topical


def test_a_general_term_gloss_is_a_sense_and_a_cited_acronym_is_the_english(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 管線: 'pipeline' and 'general term for pipes, cables etc' -- two senses, one of which
    # the rule's 'pipeline' → 流水线 does not cover. (Mainland text also writes 管线 more
    # often than 流水线, which decides first; without word counts the senses decide.)
    from termkit.convert import wordcounts

    monkeypatch.setattr(wordcounts, "mainland_count", lambda word: 0)
    assert [g for _, g in senses("管線")] == ["pipeline", "general term for pipes, cables etc"]
    pipe = Concept("p", terms=[Term("管線", "zh-Hant-TW"), Term("流水线", "zh-Hans-CN"),
                               Term("pipeline", "en")], domains=["IT"])
    risk = assess(pipe, "管線", "流水线", "tw2sp")
    assert risk.topical and "1 of 2" in risk.reason
    # 首席执行官's one sense 'chief executive officer (CEO)' is the rule's 'CEO'.
    ceo = Concept("e", terms=[Term("首席执行官", "zh-Hans-CN"), Term("執行長", "zh-Hant-TW"),
                              Term("CEO", "en")], domains=["Economics"])
    risk = assess(ceo, "首席执行官", "執行長", "s2twp")
    assert not risk.topical, risk.reason


def test_a_topic_only_form_holding_a_space_waits_for_its_topic() -> None:
    """The prop separates its entries by spaces, and a form may hold one: the regional
    glossary's film titles (``不可能的任務：致命清算 第一章``, topic IMF) were split into pieces
    that named no form, so they locked in every text; and --list-topics counted the pieces."""
    glossary = load_lock_glossaries([REGIONAL])
    (concept,) = [c for c in glossary.concepts
                  if any(t.text == "不可能的任務：致命清算 第一章" for t in c.terms)]
    title = "不可能的任務：致命清算 第一章"
    assert " " in title and f"{title}@Hant" in concept.props[TOPIC_ONLY_PROP]
    assert not in_scope(concept, title, (), "Hant") and in_scope(concept, title, ("IMF",), "Hant")
    assert not in_scope(concept, title, ())
    # a space-separated piece of it is no entry, when the concept holds the piece as a form
    both = Concept("c", terms=[Term(title, "zh-Hant-TW"), Term("第一章", "zh-Hant-HK")],
                   domains=["IMF"], props={TOPIC_ONLY_PROP: f"{title}@Hant"})
    assert in_scope(both, "第一章", (), "Hant") and not in_scope(both, title, (), "Hant")
    text = f"{title}上映"
    plain = opencc.OpenCC("tw2sp").convert(text)
    assert Converter("tw2sp", glossary).convert(text) == plain
    target = Converter("tw2sp", glossary, topics=("IMF",)).convert(text)
    assert target != plain and target.endswith("上映")
    entries = {t.name: t.topic_only for t in list_topics(glossary)}
    listed = concept.props[TOPIC_ONLY_PROP]
    assert listed.count("@") == 4 and len(listed.split()) == 6  # two titles hold a space
    assert entries["IMF"] == sum(c.props.get(TOPIC_ONLY_PROP, "").count("@")
                                 for c in glossary.concepts if "IMF" in c.domains)


def _changed_with(glossary: Glossary, config: str, text: str, topic: str) -> dict[str, int]:
    """The words of ``text`` whose conversion ``--topic topic`` changes: read as the lock
    reads them with that topic on, a lock other than the default scope's (or plain OpenCC's)."""
    default = build_locks(glossary, config)
    conv = Converter(config, glossary, topics=(topic,))
    out: dict[str, int] = {}
    for start, end, target in conv.matches(text):
        form = text[start:end]
        before = default[form].target if form in default else conv.plain(form)
        if target != before:
            out[form] = out.get(form, 0) + 1
    return out


def test_list_topics_counts_what_each_topic_would_change() -> None:
    """``convert --list-topics INPUT`` counts, per topic, the words ``--topic`` would change.
    A form kept for two topics by two concepts (次長: PresidentsUS and US Government; 清晰度:
    Communication and IT) counted only for the concept the all-topics lock chose, and a form
    the default scope locks to one target that a topic locks to another (程式設計師 -> 程序员,
    with IT 程序编写员) was not counted at all."""
    glossary = load_lock_glossaries([REGIONAL])
    # (a Converter per topic reads the text: only the topics of the forms in the texts)
    for config, text, topics in (
            ("tw2sp", "部長、次長及各位主管。程式設計師和資訊學。", ("PresidentsUS", "US Government", "IT")),
            ("s2twp", "画面的清晰度。", ("Communication", "IT"))):
        found = topic_words(glossary, config, text)
        assert set(found) <= set(topics), found
        for topic in topics:
            assert found.get(topic, {}) == _changed_with(glossary, config, text, topic), topic


def test_a_hand_written_topic_only_prop_may_separate_its_entries_by_tabs(tmp_path: Path) -> None:
    """A user's own glossary may separate the prop's entries by a tab (white space, as read
    before forms holding a space were read whole): both entries still wait for the topic,
    beside a form that holds a space."""
    path = tmp_path / "mine.glossary.txt"
    path.write_text("# termkit glossary 1\n\n[c1]\ndomain: IT\n"
                    "prop lock-topic-only: 程序@Hans\t程式@Hant\t应用 程序@Hans\n"
                    "term zh-Hans-CN: 程序\nterm zh-Hans-CN: 应用 程序\nterm zh-Hant-TW: 程式\n",
                    encoding="utf-8")
    (concept,) = load_lock_glossaries([str(path)]).concepts
    for form, script in (("程序", "Hans"), ("程式", "Hant"), ("应用 程序", "Hans")):
        assert not in_scope(concept, form, (), script), form
        assert in_scope(concept, form, ("IT",), script), form


def test_list_topics_json_says_what_the_text_lines_say(tmp_path: Path) -> None:
    """``--list-topics --json``: one object per topic, the same figures and forms as the text
    lines (data output gets --json, as every other command's does); --json alone is a usage
    error, since the conversion itself is text."""
    import json

    src = tmp_path / "in.txt"
    src.write_text("请查看示例。保存文件。另见示例。\n", encoding="utf-8")
    for extra in ([], [str(src)]):
        text = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics", *extra)
        js = run("convert", "-c", "s2twp", "-g", REGIONAL, "--list-topics", "--json", *extra)
        assert text.exit_code == js.exit_code == 0, js.output
        rows = [json.loads(line) for line in js.output.splitlines()]
        lines = [line.split("\t") for line in text.output.splitlines()]
        assert [r["topic"] for r in rows] == [cols[0] for cols in lines]
        for r, cols in zip(rows, lines, strict=True):
            assert cols[1] == f"{r['concepts']} concepts"
            assert cols[2] == f"{r['topic_only']} forms for this topic only"
            if extra:
                assert cols[3].startswith(f"{r['words']} in {src}")
                assert r["words"] == sum(f["count"] for f in r["forms"])
                for f in r["forms"][:5]:
                    assert f"{f['form']} ×{f['count']}" in cols[3]
            else:
                assert "forms" not in r and len(cols) == 3
    assert any(r["words"] for r in rows)
    r = run("convert", "-c", "s2twp", "-g", REGIONAL, "--json", input="文件\n".encode())
    assert r.exit_code == 2 and "--list-topics" in r.output
