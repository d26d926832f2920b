"""The TM store: import of real TMX samples, idempotence, conflicts, round trip, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.errors import DatabaseError
from termkit.model import Source, Unit, Variant
from termkit.tm.export import export_units, write_export
from termkit.tm.sources import iter_file_units
from termkit.tm.store import SCHEMA_VERSION, migrate, open_store, unit_hash
from tests.conftest import DATA

TMX = [*sorted((DATA / "tm" / "tmx").glob("*.tmx")), DATA / "tm" / "tmx11-lang.tmx"]


def _key(u: Unit) -> tuple:  # type: ignore[type-arg]
    return (
        u.id, u.source_lang,
        tuple(sorted((v.lang, v.text, v.markup, tuple(sorted(v.props.items())), tuple(v.notes))
                     for v in u.variants)),
        tuple(u.notes),
    )


def _pair(en: str, zh: str, lang: str = "zh-Hans", tuid: str | None = None) -> Unit:
    return Unit(tuid, [Variant("en", en), Variant(lang, zh)], "en")


@pytest.mark.parametrize("path", TMX, ids=lambda p: p.name)
def test_every_tmx_sample_imports(path: Path, tmp_path: Path) -> None:
    expected = list(iter_file_units(str(path)))
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        report = store.import_units(iter_file_units(str(path)))
        assert report.read == len(expected) > 0
        assert report.added + report.duplicates == report.read
        stored = [s.unit for s in store.iter_units()]
    # What is stored is what the reader gave, minus later units with the same content.
    distinct: dict[bytes, Unit] = {}
    for u in expected:
        distinct.setdefault(unit_hash(u), u)
    assert [_key(u) for u in stored] == [_key(u) for u in distinct.values()]


@pytest.mark.parametrize(
    ("name", "answers"),
    [("ImportTest1A", {"en-US": "ImportTest1A.txt", "fr-CA": "ImportTest1A_fr-ca.txt"}),
     ("ImportTest1F", {"en-US": "ImportTest1F.txt", "en-GB": "ImportTest1F_en-gb.txt"})],
)
def test_utf16_samples_match_the_compliance_kit_answers(
    name: str, answers: dict[str, str], tmp_path: Path
) -> None:
    kit = DATA / "tm" / "tmx"
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        store.import_units(iter_file_units(str(kit / f"{name}.tmx")))
        units = [s.unit for s in store.iter_units()]
    for lang, answer in answers.items():
        expected = (kit / answer).read_text(encoding="utf-8-sig").splitlines()
        assert [u.text(lang) for u in units] == expected


def test_tmx11_lang_and_inline_codes_are_kept(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        store.import_units(iter_file_units(str(DATA / "tm" / "tmx11-lang.tmx")))
        units = [s.unit for s in store.iter_units()]
    assert [[v.lang for v in u.variants] for u in units] == [["en-US", "zh-Hant-TW"]] * 2
    save = units[1]
    assert save.text("en") == "Press Save to keep it."
    zh = save.variants[1]
    assert zh.text == "按儲存即可保存。"
    assert zh.markup == '按<bpt i="1">&lt;b&gt;</bpt>儲存<ept i="1">&lt;/b&gt;</ept>即可保存。'


def test_export_reimports_to_the_same_units(tmp_path: Path) -> None:
    first = str(tmp_path / "a.sqlite")
    with open_store(first) as store:
        for path in TMX:
            store.import_units(iter_file_units(str(path)))
        before = [s.unit for s in store.iter_units()]
        out = tmp_path / "out.tmx"
        with open(out, "wb") as fh:
            write_export(store, fh)
        # Into the same memory: nothing new.
        again = store.import_units(iter_file_units(str(out)))
        assert (again.added, again.duplicates) == (0, len(before))
    with open_store(str(tmp_path / "b.sqlite")) as store:
        report = store.import_units(iter_file_units(str(out)))
        after = [s.unit for s in store.iter_units()]
        assert report.added == len(before)
    # Same content, props and notes (provenance comes back as the same origin).
    assert [_key(u) for u in after] == [_key(u) for u in before]
    assert [u.location.path if u.location else None for u in after] == [
        u.location.path if u.location else None for u in before]


def test_import_is_idempotent_and_keeps_provenance(tmp_path: Path) -> None:
    units = [_pair("Hello world", "你好世界", tuid="t1"),
             Unit("t2", [Variant("en", "Good night"), Variant("zh-Hans", "晚安")], "en",
                  location=Source("file.tmx", 7))]
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        r1 = store.import_units(units, domain="demo", created="2026-01-02T03:04:05Z")
        r2 = store.import_units(units + units)
        assert (r1.added, r1.duplicates) == (2, 0)
        assert (r2.added, r2.duplicates) == (0, 4)
        stored = list(store.iter_units())
    assert [s.unit.id for s in stored] == ["t1", "t2"]
    assert stored[1].unit.location == Source("file.tmx", 7, None)
    assert stored[1].created == "2026-01-02T03:04:05Z"
    assert stored[1].domain == "demo"


def test_conflicting_targets_are_kept_and_reported(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        store.import_units([_pair("Save the file.", "保存文件。")])
        report = store.import_units([
            _pair("Save the file.", "储存档案。"),
            _pair("Save the file.", "保存文件。", lang="zh-Hant"),  # same after folding
        ])
        assert report.added == 2
        assert len(report.conflicts) == 1
        c = report.conflicts[0]
        assert (c.source_lang, c.source) == ("en", "Save the file.")
        assert sorted(set(c.targets)) == ["保存文件。", "储存档案。"]
        assert store.stats()["conflicts"] == 1
        assert store.stats()["units"] == 3


def test_units_without_text_are_skipped(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        report = store.import_units([Unit("x", [Variant("en", "  "), Variant("zh", "")])])
    assert (report.skipped, report.added) == (1, 0)
    assert "without text" in str(report.notices[0])


def test_variant_export_converts_chinese(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        store.import_units([_pair("The software", "这个软件"),
                            _pair("The program", "這個程式", lang="zh-Hant-TW")])
        tw = [u for u in export_units(store, variant="zh-TW")]
        cn = [u for u in export_units(store, variant="zh-CN")]
    assert [u.text("zh") for u in tw] == ["這個軟體", "這個程式"]  # s2twp: 软件 -> 軟體
    assert [v.lang for v in tw[0].variants] == ["en", "zh-Hant-TW"]
    assert [u.text("zh") for u in cn] == ["这个软件", "这个程序"]  # tw2sp: 程式 -> 程序


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError) as info:
        open_store(str(path))
    assert info.value.path == str(path)
    assert "not a termkit translation memory" in str(info.value)


def test_foreign_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="application id 0x4d2"):
        open_store(str(path))


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not a database\n" * 20)
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_store(str(path))


def test_corrupted_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with open_store(str(path)) as store:
        store.import_units([_pair(f"Sentence number {i}.", f"第{i}句。") for i in range(3000)])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data) - 4096):  # keep the header page, trash the rest
        data[i] = (data[i] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as info, open_store(str(path)) as store:
        store.stats()
        list(store.iter_units())
    assert info.value.path == str(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "tm.sqlite")
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="newer than this termkit"):
        open_store(path)


def test_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no such translation memory"):
        open_store(str(tmp_path / "none.sqlite"), create=False)


def test_version_1_file_is_migrated(tmp_path: Path) -> None:
    path = str(tmp_path / "tm.sqlite")
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, path, upto=1) == 1
    conn.close()
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "unit_source" in names
        assert store.import_units([_pair("a b c d", "甲乙丙丁")]).added == 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_export_is_valid_tmx_14(tmp_path: Path) -> None:
    from lxml import etree

    from termkit import xmlsafe

    with open_store(str(tmp_path / "tm.sqlite")) as store:
        for path in TMX:
            store.import_units(iter_file_units(str(path)))
        out = tmp_path / "out.tmx"
        for variant in (None, "zh-CN"):
            with open(out, "wb") as fh:
                write_export(store, fh, variant=variant)
            dtd = etree.DTD(str(DATA / "tm" / "tmx14.dtd"))
            with open(out, "rb") as fh:
                tree = xmlsafe.parse(fh, str(out))
            assert dtd.validate(tree), dtd.error_log.filter_from_errors()


_XML_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc"),
        include_characters="\t\n<>&\"'",
    ),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_XML_TEXT, _XML_TEXT), min_size=1, max_size=5))
def test_tmx_round_trip_of_arbitrary_text(tmp_path: Path, pairs: list[tuple[str, str]]) -> None:
    import uuid

    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    units = [Unit(None, [Variant("en", en), Variant("zh-Hant-TW", zh)], "en") for en, zh in pairs]
    with open_store(str(folder / "a.sqlite")) as store:
        store.import_units(units)
        before = [_key(s.unit) for s in store.iter_units()]
        with open(folder / "out.tmx", "wb") as fh:
            write_export(store, fh)
    with open_store(str(folder / "b.sqlite")) as store:
        store.import_units(iter_file_units(str(folder / "out.tmx")))
        after = [_key(s.unit) for s in store.iter_units()]
    assert after == before


def test_po_entries_with_msgctxt_export_to_valid_tmx(tmp_path: Path) -> None:
    """A PO entry's unit id joins msgctxt and msgid with U+0004 (gettext's separator), which
    XML 1.0 cannot hold: the export must still write the memory (it refused it whole), as
    valid TMX whose re-import gives the same units, the context kept in ``po:msgctxt``."""
    from lxml import etree

    from termkit import xmlsafe

    po = DATA / "po" / "gnome-font-viewer-zh_CN.po"
    with open_store(str(tmp_path / "a.sqlite")) as store:
        store.import_units(iter_file_units(str(po)))
        before = [s.unit for s in store.iter_units()]
        with_context = [u for u in before if "po:msgctxt" in u.props]
        assert with_context and all("\x04" in (u.id or "") for u in with_context)
        out = tmp_path / "out.tmx"
        with open(out, "wb") as fh:
            write_export(store, fh)
    with open(out, "rb") as fh:
        tree = xmlsafe.parse(fh, str(out))
    dtd = etree.DTD(str(DATA / "tm" / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    tuids = [tu.get("tuid") for tu in tree.iter("tu")]
    assert tuids == [(u.id or "").replace("\x04", "\\x04") for u in before]
    with open_store(str(tmp_path / "b.sqlite")) as store:
        store.import_units(iter_file_units(str(out)))
        after = [s.unit for s in store.iter_units()]
    assert [_key(u)[1:] for u in after] == [_key(u)[1:] for u in before]
    assert [u.props.get("po:msgctxt") for u in after] == [u.props.get("po:msgctxt") for u in before]
