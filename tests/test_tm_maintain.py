"""TM maintenance: delete (by id, term, origin, domain, client; dry run), edit, import tags."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.errors import UsageError
from termkit.model import Unit, Variant
from termkit.tm.export import export_units
from termkit.tm.maintain import delete, edit_target, select
from termkit.tm.search import concordance, search
from termkit.tm.store import Store, open_store


def _units(prefix: str, n: int) -> list[Unit]:
    return [Unit(f"{prefix}{i}", [Variant("en", f"The {prefix} node number {i} is ready."),
                                  Variant("zh-Hans", f"{prefix}第{i}号节点已就绪。")], "en")
            for i in range(n)]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "tm.sqlite"))
    s.import_units(_units("alpha", 5), domain="kube")
    s.import_units(_units("beta", 5), domain="docs")
    return s


def _index_ok(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    try:
        for index in ("zh_index", "word_index"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        # token_df holds exactly the counts of the stored sides' tokens.
        from termkit.tm.index import sides_postings, unit_sides

        post = sides_postings([s for uid, text in conn.execute("SELECT id, variants FROM unit")
                               for s in unit_sides(text, uid)])
        zh, words = post.counts()
        stored = {(idx, tok): n for idx, tok, n in conn.execute("SELECT idx, tok, n FROM token_df")}
        want = {(0, t): n for t, n in zh.items()} | {(1, t): n for t, n in words.items()}
        assert stored == want
        langs = dict(conn.execute("SELECT lang, n FROM lang_count WHERE n > 0"))
        units = conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
        assert langs == ({"en": units, "zh-Hans": units} if units else {})
    finally:
        conn.close()


def test_select_by_each_criterion_and_together(store: Store) -> None:
    assert select(store, domain="docs") == [6, 7, 8, 9, 10]
    assert select(store, ids=[1, 2, 9]) == [1, 2, 9]
    assert select(store, ids=[1, 2, 9], domain="kube") == [1, 2]
    assert select(store, contains="beta第3号") == [9]
    assert select(store, contains="number 4") == [5, 10]
    assert select(store, contains="number 4", domain="kube") == [5]
    with pytest.raises(UsageError):
        select(store)


def test_delete_removes_units_and_their_index_entries(store: Store) -> None:
    assert search(store, "alpha第2号节点已就绪。")[0].score == 100
    assert delete(store, select(store, domain="kube")) == 5
    assert [s.unit.id for s in store.iter_units()] == [f"beta{i}" for i in range(5)]
    assert all(h.unit.unit.id.startswith("beta") for h in search(store, "alpha第2号节点已就绪。"))
    assert concordance(store, "alpha") == []
    _index_ok(store)
    # Ids are never reused: a new unit comes after every unit ever stored.
    store.import_units(_units("gamma", 1))
    assert store.conn.execute("SELECT MAX(id) FROM unit").fetchone()[0] == 11
    assert delete(store, [10, 11, 999]) == 2
    store.import_units(_units("delta", 1))
    assert store.conn.execute("SELECT MAX(id) FROM unit").fetchone()[0] == 12
    _index_ok(store)


def test_edit_target_updates_index_and_duplicate_keys(store: Store) -> None:
    stored = edit_target(store, 3, "alpha第2号节点准备好了。")
    assert stored.unit.text("zh-Hans") == "alpha第2号节点准备好了。"
    hit = search(store, "alpha第2号节点准备好了。")[0]
    assert (hit.score, hit.unit.id) == (100, 3)
    assert all(h.unit.id != 3 or h.score < 100 for h in search(store, "alpha第2号节点已就绪。"))
    _index_ok(store)
    # The edited content is the unit's identity now: importing it again adds nothing.
    again = Unit("alpha2", [Variant("en", "The alpha node number 2 is ready."),
                            Variant("zh-Hans", "alpha第2号节点准备好了。")], "en")
    assert store.import_units([again]).duplicates == 1
    # … and the old content is new again.
    assert store.import_units(_units("alpha", 3)[2:]).added == 1
    with pytest.raises(UsageError, match="copy of unit"):
        edit_target(store, 3, "alpha第2号节点已就绪。")  # now the new unit's content
    with pytest.raises(UsageError, match="empty"):
        edit_target(store, 3, " ")


def test_edit_needs_lang_when_several_targets(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        store.import_units([Unit(None, [Variant("en", "node"), Variant("zh-Hans", "节点"),
                                        Variant("zh-Hant-TW", "節點")], "en")])
        with pytest.raises(UsageError, match="--lang"):
            edit_target(store, 1, "結點")
        stored = edit_target(store, 1, "結點", lang="zh-TW")
        assert [v.text for v in stored.unit.variants] == ["node", "节点", "結點"]


def test_cli_delete_dry_run_then_delete(store: Store) -> None:
    runner = CliRunner()
    db = store.path
    store.close()
    res = runner.invoke(cli, ["tm", "delete", "--db", db, "--domain", "docs", "--contains",
                              "number 1", "--dry-run"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == [
        "#7 [en] The beta node number 1 is ready. | [zh-Hans] beta第1号节点已就绪。",
        "1 units would be deleted (dry run)"]
    res = runner.invoke(cli, ["tm", "delete", "--db", db, "--domain", "docs", "--json"])
    assert json.loads(res.output) == {"deleted": 5, "ids": [6, 7, 8, 9, 10]}
    res = runner.invoke(cli, ["tm", "delete", "--db", db])
    assert res.exit_code == 2 and "nothing selects the units" in res.output
    res = runner.invoke(cli, ["tm", "edit", "--db", db, "1", "--target", "新的译文"])
    assert res.exit_code == 0 and "[zh-Hans] 新的译文" in res.output
    res = runner.invoke(cli, ["tm", "edit", "--db", db, "99", "--target", "x"])
    assert res.exit_code == 1 and "no unit #99" in res.output


def test_import_tags_are_kept_on_export_and_select(tmp_path: Path) -> None:
    from termkit.formats import get

    src = tmp_path / "in.tmx"
    with open(src, "wb") as fh:
        get("tmx").write_units(_units("alpha", 3), fh)
    db = str(tmp_path / "tm.sqlite")
    runner = CliRunner()
    res = runner.invoke(cli, ["tm", "import", "--db", db, str(src), "--domain", "kube",
                              "--origin", "project-x", "--client", "ACME"])
    assert res.exit_code == 0, res.output
    with open_store(db) as store:
        assert select(store, client="ACME") == [1, 2, 3]
        assert select(store, origin="project-x", domain="kube") == [1, 2, 3]
        props = [u.props for u in export_units(store)]
    assert all(p["x-client"] == "ACME" and p["x-origin"] == "project-x"
               and p["x-domain"] == "kube" for p in props)
    # Re-importing the export elsewhere keeps the tags.
    out = tmp_path / "out.tmx"
    res = runner.invoke(cli, ["tm", "export", "--db", db, "-o", str(out)])
    db2 = str(tmp_path / "tm2.sqlite")
    res = runner.invoke(cli, ["tm", "import", "--db", db2, str(out)])
    with open_store(db2) as store:
        assert select(store, client="ACME", origin="project-x", domain="kube") == [1, 2, 3]


def test_a_version_2_file_is_upgraded_with_its_index_rebuilt(tmp_path: Path) -> None:
    path = str(tmp_path / "tm.sqlite")
    with open_store(path) as store:
        store.import_units(_units("alpha", 30))
    # Back to the v2 layout: no token counts, no named values, and an index built by other
    # rules (here: none at all), as a file written by the previous termkit.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE token_df")
    conn.execute("DROP TABLE tm_meta")
    for index in ("zh_index", "word_index"):
        conn.execute(f"INSERT INTO {index}({index}) VALUES('delete-all')")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with open_store(path) as store:
        assert store.stats()["schema_version"] == 3
        hit = search(store, "alpha第17号节点已就绪。")[0]
        assert (hit.score, hit.unit.unit.id) == (100, "alpha17")
        assert search(store, "The alpha node number 17 is ready!")[0].unit.unit.id == "alpha17"
        _index_ok(store)


def test_tmx_tu_attributes_are_kept_or_dropped_and_exported(tmp_path: Path) -> None:
    from lxml import etree

    from tests.conftest import DATA

    real = DATA / "tm" / "tmx" / "modernmt-Memory.en__zh.tmx"  # creationdate on every <tu>
    made = tmp_path / "made.tmx"
    made.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
        'datatype="plaintext"/><body><tu creationid="ana" usagecount="7" changedate='
        '"20240102T030405Z" lastusagedate="20240105T000000Z"><tuv xml:lang="en"><seg>Pods'
        '</seg></tuv><tuv xml:lang="zh-CN"><seg>容器组</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    runner = CliRunner()
    attrs = {}
    for mode in ("keep", "drop"):
        db = str(tmp_path / f"{mode}.sqlite")
        res = runner.invoke(cli, ["tm", "import", "--db", db, str(real), str(made),
                                  "--tmx-attributes", mode])
        assert res.exit_code == 0, res.output
        out = tmp_path / f"{mode}.tmx"
        res = runner.invoke(cli, ["tm", "export", "--db", db, "-o", str(out)])
        assert res.exit_code == 0, res.output
        doc = etree.parse(str(out))
        assert etree.DTD(str(DATA / "tm" / "tmx14.dtd")).validate(doc)
        attrs[mode] = [dict(tu.attrib) for tu in doc.iter("tu")]
    want = [{k: v for k, v in dict(tu.attrib).items() if k == "creationdate"}
            for tu in etree.parse(str(real)).iter("tu")]
    assert [{k: v for k, v in a.items() if k == "creationdate"} for a in attrs["keep"][:-1]] \
        == want
    assert {k: v for k, v in attrs["keep"][-1].items() if k != "srclang"} == {
        "creationid": "ana", "usagecount": "7", "changedate": "20240102T030405Z",
        "lastusagedate": "20240105T000000Z"}
    kept = {"creationdate", "creationid", "changedate", "usagecount", "lastusagedate"}
    assert not any(kept & set(a) for a in attrs["drop"])


def test_both_tmx_readers_keep_the_same_tu_attributes(tmp_path: Path) -> None:
    from termkit.formats.tmx_parse import iterparse_units
    from termkit.formats.tmx_read import read_units
    from tests.conftest import DATA

    for path in (DATA / "tm" / "tmx" / "modernmt-Memory.en__zh.tmx",
                 DATA / "tm" / "tmx" / "heartsome-dejavu-utf-8.tmx"):
        with open(path, "rb") as fh:
            fast = [u.props for u in read_units(fh, str(path))]
        with open(path, "rb") as fh:
            reference = [u.props for u in iterparse_units(fh, str(path))]
        assert fast == reference
    with open(DATA / "tm" / "tmx" / "modernmt-Memory.en__zh.tmx", "rb") as fh:
        props = [u.props for u in read_units(fh, "m.tmx")]
    assert props and all(p.get("tmx:creationdate", "").startswith("2016") for p in props)
