"""The ``termkit tm`` commands through the real CLI group: output, JSON, errors, help."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.cli.tm import tm
from tests.conftest import DATA, ROOT

TMX = DATA / "tm" / "tmx"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["tm", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "tm.sqlite")
    code, _, err = _run("import", "--db", path, str(TMX / "modernmt-Memory.en__zh.tmx"),
                          str(DATA / "tm" / "tmx11-lang.tmx"))
    assert code == 0, err
    return path


def test_import_reports_per_file(tmp_path: Path) -> None:
    path = str(tmp_path / "tm.sqlite")
    src = str(TMX / "okapi-sample14b.tmx")
    code, out, _ = _run("import", "--db", path, src)
    assert code == 0
    assert out == (f"{src}: 25 read, 24 added, 1 duplicates, 0 skipped, 0 flagged, "
                   "0 conflicts\n")
    code, out, _ = _run("import", "--db", path, "--json", src)
    assert code == 0
    data = json.loads(out)
    assert [(d["file"], d["read"], d["added"], d["duplicates"]) for d in data] == [
        (src, 25, 0, 25)]


def test_search_text_and_json(db: str) -> None:
    code, out, _ = _run("search", "--db", db, "--min", "80", "The en__zh example one")
    assert code == 0
    assert out == "100  #1 [en] The en__zh example one\n         [zh] en__zh例子之一\n"
    code, out, _ = _run("search", "--db", db, "--json", "--min", "60", "This is en__zh example two")
    hits = json.loads(out)
    assert hits[0]["score"] == 100 and hits[0]["unit"]["id"] == 2
    assert hits[0]["unit"]["variants"] == [
        {"lang": "en", "text": "This is en__zh example two"},
        {"lang": "zh-Hans-CN", "text": "这是en__zh例子二"}]
    assert hits[0]["unit"]["origin"].endswith("modernmt-Memory.en__zh.tmx")
    assert all(h["score"] >= 60 for h in hits) and len(hits) > 1


def test_search_across_scripts(db: str) -> None:
    code, out, _ = _run("search", "--db", db, "--json", "翻译记忆库保存每一个句对。")
    assert code == 0
    hits = json.loads(out)
    assert [(h["score"], h["text"]) for h in hits] == [(99, "翻譯記憶庫保存每一個句對。")]


def test_concordance(db: str) -> None:
    code, out, _ = _run("concordance", "--db", db, "儲存")
    assert code == 0
    assert out.startswith("#6 [zh-Hant-TW] 按儲存即可保存。\n")
    code, out, _ = _run("concordance", "--db", db, "--json", "EXAMPLE")
    assert [h["unit"]["id"] for h in json.loads(out)] == [1, 2, 3, 4]


def test_export_variant_to_file(db: str, tmp_path: Path) -> None:
    out_path = tmp_path / "out.tmx"
    code, out, err = _run("export", "--db", db, "--variant", "zh-TW", "-o", str(out_path))
    assert code == 0, err
    text = out_path.read_text(encoding="utf-8")
    assert "這是en__zh例子二" in text  # converted from zh-CN
    assert 'xml:lang="zh-TW"' in text and 'xml:lang="zh-CN"' not in text
    code, out, _ = _run("export", "--db", db)
    assert code == 0 and out.startswith("<?xml")


def test_stats(db: str) -> None:
    code, out, _ = _run("stats", "--db", db, "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["units"], data["variants"], data["conflicts"]) == (6, 12, 0)
    assert data["languages"]["zh-Hant-TW"] == 3
    code, out, _ = _run("stats", "--db", db)
    assert "units: 6\n" in out


def test_missing_and_foreign_databases(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.sqlite")
    code, out, err = _run("search", "--db", missing, "x")
    assert (code, out) == (2, "")  # a search's errors exit 2 (1 means nothing found)
    assert err == f"Error: {missing}: no such translation memory; create it with `termkit tm import`\n"
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    code, _, err = _run("stats", "--db", str(foreign))
    assert code == 1
    assert err == (f"Error: {foreign}: not a termkit translation memory (an SQLite database "
                   "of another program); use another --db\n")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00\x01garbage" * 100)
    code, _, err = _run("import", "--db", str(junk), str(TMX / "ImportTest1B.tmx"))
    assert code == 1 and err.startswith(f"Error: {junk}: not a termkit translation memory")


def test_bad_input_file(tmp_path: Path) -> None:
    code, _, err = _run("import", "--db", str(tmp_path / "tm.sqlite"), str(tmp_path / "no.tmx"))
    assert code == 1 and err == f"Error: {tmp_path / 'no.tmx'}: no such file\n"


def test_a_memory_in_a_missing_folder(tmp_path: Path) -> None:
    # The folder of a new memory must exist, as for every output; the error was SQLite's
    # "database error: unable to open database file".
    db = tmp_path / "nodir" / "tm.sqlite"
    code, _, err = _run("import", "--db", str(db), str(TMX / "ImportTest1B.tmx"))
    assert code == 1
    assert err == (f"Error: {db}: the folder '{db.parent}' does not exist; termkit creates only "
                   "the last part of an output path: create the folder first (mkdir -p)\n")
    assert not db.parent.exists()


def test_a_file_without_units_is_named(tmp_path: Path) -> None:
    # The error named the format only ("format 'termkit' has no translation units"): with
    # several INPUTs or a folder, the user could not tell which file it meant.
    glossary = str(ROOT / "glossaries" / "example" / "glossary.txt")
    code, _, err = _run("import", "--db", str(tmp_path / "tm.sqlite"), str(TMX / "ImportTest1B.tmx"),
                        glossary)
    assert code == 2
    assert err == (f"Error: {glossary}: format 'termkit' has no translation units; tm import "
                   "reads: csv, omegat, po, records, tmx, tsv, xliff, xlsx\n")


def test_usage_errors_exit_2(db: str) -> None:
    code, _, err = _run("search", "--db", db, "--min", "101", "x")
    assert code == 2 and "--min" in err
    code, _, err = _run("export", "--db", db, "--variant", "zh-HK")
    assert code == 2
    # An empty query is a usage error, as in lookup (it said "no match", exit 1).
    for command, name in (("search", "TEXT"), ("concordance", "TERM")):
        code, out, err = _run(command, "--db", db, " ")
        assert (code, out) == (2, "") and err.startswith(f"Error: {name} is empty"), err


def test_every_command_and_option_has_help() -> None:
    assert tm.help
    for name, command in tm.commands.items():
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), f"{name} {param.name}"
        code, out, _ = _run(name, "--help")
        assert code == 0 and "--db" in out


def test_import_records_aligns_abstracts(tmp_path: Path) -> None:
    dev = [json.loads(line) for line in
           (DATA / "tm" / "parallel-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    para = next(r for r in dev if r["id"] == "k8s-components-02")
    other = next(r for r in dev if r["id"] == "k8s-overview-01")
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a1", "title_zh": "Kubernetes 组件", "title_en": "Kubernetes Components",
         "abstract_zh": para["zh"], "abstract_en": para["en"],
         "subjects": [["資訊科學", "軟體工程"]]},
        # A mismatched abstract pair: its links are kept but flagged.
        {"id": "a2", "title_zh": "概述", "title_en": "Overview",
         "abstract_zh": other["zh"], "abstract_en": para["en"] + " " + dev[5]["en"]},
    ]) + "\n", encoding="utf-8")
    path = str(tmp_path / "tm.sqlite")
    code, out, err = _run("import", "--db", path, "--json", str(records))
    assert code == 0, err
    report = json.loads(out)[0]
    assert report["added"] == report["read"] >= 4
    assert report["flagged"] >= 1
    code, out, _ = _run("search", "--db", path, "--json", "--min", "100",
                        "你的集群可能需要每个节点上运行额外的软件；例如，你可能还需要在 Linux 节点上运行 systemd 来监督本地组件。")
    hit = json.loads(out)[0]["unit"]
    assert hit["record"] == "a1" and hit["domain"] == "資訊科學"
    assert hit["variants"][1]["text"] == para["en"]  # the 2-1 link as one unit
    assert 0 < hit["align_score"] <= 1 and hit["flagged"] is False
    code, out, _ = _run("stats", "--db", path, "--json")
    stats = json.loads(out)
    assert stats["aligned"] == report["read"] - 2 and stats["flagged"] == report["flagged"]


def test_domains_stay_separate_values_in_stats_export_and_json(tmp_path: Path) -> None:
    # The example glossary's TMX gives each unit two x-domain props; they were stored and
    # shown as one value "人文學\n社會科學".
    example = Path(__file__).parent.parent / "glossaries" / "example" / "glossary.tmx"
    path = str(tmp_path / "tm.sqlite")
    code, _, err = _run("import", "--db", path, str(example))
    assert code == 0, err
    code, out, _ = _run("stats", "--db", path, "--json")
    assert json.loads(out)["domains"] == {"人文學": 3, "社會科學": 3}
    code, out, _ = _run("stats", "--db", path)
    assert "  人文學: 3\n  社會科學: 3\n" in out
    code, out, _ = _run("export", "--db", path)
    from lxml import etree

    tree = etree.fromstring(out.encode("utf-8"))
    domains = [[p.text for p in tu.findall("prop[@type='x-domain']")] for tu in tree.iter("tu")]
    assert domains.count(["人文學", "社會科學"]) == 3 and all(
        "\n" not in d for ds in domains for d in ds)
    code, out, _ = _run("search", "--db", path, "--json", "權力平衡")
    hit = json.loads(out)[0]["unit"]
    assert hit["domains"] == ["人文學", "社會科學"] and hit["domain"] == "人文學"
    code, out, _ = _run("delete", "--db", path, "--domain", "社會科學", "--dry-run")
    assert out.endswith("3 units would be deleted (dry run)\n")


def test_search_and_concordance_exit_like_grep(db: str) -> None:
    code, out, err = _run("search", "--db", db, "zzzz qqqq xxxx")
    assert (code, out) == (1, "")
    assert err.startswith("tm search: no unit matches 'zzzz qqqq xxxx' at 70 or above (")
    assert len(err.splitlines()) == 1
    code, out, err = _run("concordance", "--db", db, "qqqqzzzz")
    assert (code, out) == (1, "") and err.startswith("tm concordance: no unit contains")
    code, out, err = _run("search", "--db", db, "The en__zh example one")
    assert code == 0 and out.startswith("100  #") and err == ""
    code, out, err = _run("concordance", "--db", db, "example")
    assert code == 0 and out and err == ""
    code, out, err = _run("search", "--db", db + ".missing", "x")
    assert code == 2 and err.startswith("Error: ")


def test_a_memory_in_a_read_only_folder_can_be_searched(db: str) -> None:
    # A team memory on a read-only share (or owned by someone else): SQLite's WAL mode must
    # create tm.sqlite-wal beside the file even to read it, so search, concordance, stats,
    # export and analyze all stopped with "database error: unable to open database file"
    # ("attempt to write a readonly database" for another user). Root may write anywhere, so
    # the journal's name is taken by a folder here: SQLite cannot create it, as in a
    # read-only folder.
    import os

    os.mkdir(db + "-wal")
    code, out, err = _run("search", "--db", db, "--json", "--min", "0", "memory")
    assert code == 0 and json.loads(out), err
    code, out, err = _run("stats", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["units"] > 0
    code, out, err = _run("export", "--db", db)
    assert code == 0 and out.startswith("<?xml"), err
    # Writing still fails, with a reason.
    code, _, err = _run("edit", "--db", db, "1", "--target", "x")
    assert code == 1 and err.startswith(f"Error: {db}: database error: "), err


def test_export_variant_locks_the_glossary_as_convert_does(tmp_path: Path) -> None:
    """`tm export --variant -g` reads its glossaries as `convert` and `tm pretranslate` do
    (concepts side by side, earlier files winning a contested form), not merged by their
    Chinese forms, which joined concepts and locked other forms (zh-TW 品質 stayed 品质 in a
    zh-CN export where `convert -c tw2sp` writes 质量)."""
    from termkit.convert import Converter, load_lock_glossaries
    from termkit.model import Unit, Variant
    from termkit.tm.store import open_store

    regional = str(ROOT / "glossaries" / "cross-strait.glossary.txt")
    texts = ["達到高品質軟體的一個方法，是在開發時對每個函式寫測試。",
             "提昇國民消費生活品質，特制定本法。",
             "1951年，史都華暫停大部分的工作，以陪伴懷孕的妻子。"]
    path = str(tmp_path / "tm.sqlite")
    with open_store(path) as store:
        store.import_units([Unit(None, [Variant("en", f"unit {i}"), Variant("zh-Hant-TW", t)],
                                 "en") for i, t in enumerate(texts)])
    out_path = tmp_path / "out.tmx"
    code, _, err = _run("export", "--db", path, "--variant", "zh-CN", "-g", regional,
                        "-o", str(out_path))
    assert code == 0, err
    from termkit.tm.sources import iter_file_units

    got = [next(v.text for v in u.variants if v.lang.startswith("zh"))
           for u in iter_file_units(str(out_path))]
    conv = Converter("tw2sp", load_lock_glossaries([regional]))
    assert got == [conv.convert(t) for t in texts]
    assert "高质量" in got[0] and "质量" in got[1]


def test_export_variant_topic_locks_the_topic_forms(tmp_path: Path) -> None:
    """`tm export --variant --topic` as `convert --topic`: the regional glossary's IT rule
    配置 → 組態 locks only for its topic; an unknown topic is a usage error, nothing written."""
    from termkit.model import Unit, Variant
    from termkit.tm.sources import iter_file_units
    from termkit.tm.store import open_store

    regional = str(ROOT / "glossaries" / "cross-strait.glossary.txt")
    path = str(tmp_path / "tm.sqlite")
    with open_store(path) as store:
        store.import_units([Unit(None, [Variant("en", "Configuration error"),
                                        Variant("zh-Hans-CN", "配置错误")], "en")])
    got = []
    for topic in ((), ("--topic", "IT")):
        out_path = tmp_path / f"out{len(topic)}.tmx"
        code, _, err = _run("export", "--db", path, "--variant", "zh-TW", "-g", regional,
                            *topic, "-o", str(out_path))
        assert code == 0, err
        got += [v.text for u in iter_file_units(str(out_path)) for v in u.variants
                if v.lang.startswith("zh")]
    assert got == ["配置錯誤", "組態錯誤"]
    code, _, err = _run("export", "--db", path, "--variant", "zh-TW", "-g", regional,
                        "--topic", "Nope", "-o", str(tmp_path / "x.tmx"))
    assert code == 2 and "unknown topic 'Nope'" in err and not (tmp_path / "x.tmx").exists()


def test_import_of_a_file_with_no_unit_says_it_adds_nothing(tmp_path: Path) -> None:
    """A valid TMX whose body holds no unit imports nothing: the summary says 0 read and a
    warning names the file (as ``termkit import`` does), in JSON too; the exit stays 0."""
    empty = tmp_path / "empty.tmx"
    empty.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" '
                     'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" '
                     'creationtoolversion="1" o-tmf="x"/><body></body></tmx>\n', encoding="utf-8")
    full = str(TMX / "okapi-sample14b.tmx")
    path = str(tmp_path / "tm.sqlite")
    code, out, err = _run("import", "--db", path, str(empty), full)
    assert code == 0
    assert out.startswith(f"{empty}: 0 read, 0 added")
    assert err.count("Warning:") == 1
    assert f"{empty}: no translation units in it" in err
    code, out, _ = _run("import", "--db", str(tmp_path / "other.sqlite"), "--json", str(empty))
    (row,) = json.loads(out)
    assert row["read"] == 0 and any("no translation units" in n for n in row["notices"])


def test_search_shows_only_units_with_a_translation(tmp_path: Path) -> None:
    # a catalog's untranslated message is stored (concordance finds it) but is no match to use:
    # before, it came first at 100 with nothing to copy
    po = tmp_path / "zh_TW.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Open the file"\nmsgstr "開啟檔案"\n\n'
                  'msgid "Open the folder"\nmsgstr ""\n', encoding="utf-8")
    path = str(tmp_path / "tm.sqlite")
    code, out, err = _run("import", "--db", path, str(po), "--json")
    assert code == 0 and json.loads(out)[0]["added"] == 2, (out, err)
    code, out, err = _run("search", "--db", path, "Open the folder", "--min", "0", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert [m["text"] for m in found] == ["Open the file"]
    code, out, err = _run("concordance", "--db", path, "folder", "--json")
    assert code == 0 and "Open the folder" in out, err
