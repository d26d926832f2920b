"""``tm pretranslate``: real catalogues filled from a memory built from them, checked by msgfmt
and the XLIFF/TMX schemas; bands against what the edits imply; cross-script fills."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from lxml import etree
from rapidfuzz.distance import Levenshtein

from termkit.cli import cli
from termkit.model import Unit, Variant
from termkit.tm.bands import Bands
from termkit.tm.pretranslate import Options, pretranslate_stream
from termkit.tm.sources import iter_file_units
from termkit.tm.store import Store, open_store
from tests.conftest import DATA, ROOT, require_tool

PO = DATA / "po"
SCHEMAS = DATA / "formats" / "schemas"  # copies of ../shared/data/schemas (tests/data/formats/README.md)
_NOTE = re.compile(r"termkit-tm: (\d+)% match, unit #(\d+)")


def _implied(new: str, old: str) -> int:
    """The score definition written out: characters (raw and folded), English words too."""
    if new == old:
        return 100

    def ratio(d: int, n: int) -> int:
        return 100 if n == 0 else (100 * (n - d)) // n

    def chars(a: str, b: str) -> int:
        return ratio(Levenshtein.distance(a, b), max(len(a), len(b)))

    fa, fb = " ".join(new.lower().split()), " ".join(old.lower().split())
    wa, wb = re.findall(r"\w+", fa), re.findall(r"\w+", fb)
    words = ratio(Levenshtein.distance(wa, wb), max(len(wa), len(wb)))
    return min(max(chars(new, old), chars(fa, fb), words), 99)


def _edit(msgid: str, i: int) -> str:
    """One edit of a msgid: a letter added to a word, or a word removed."""
    words = list(re.finditer(r"\b[a-z]{4,}\b", msgid))
    if not words:
        return msgid
    w = words[len(words) // 2]
    if i % 2:
        return msgid[: w.end()] + "s" + msgid[w.end() :]
    return (msgid[: w.start()] + msgid[w.end() :].lstrip(" ")) if len(words) > 1 else msgid


def _store(tmp_path: Path, *files: Path) -> Store:
    store = open_store(str(tmp_path / "tm.sqlite"))
    for f in files:
        store.import_units(iter_file_units(str(f)))
    return store


def _run(store: Store, data: bytes, name: str, **options: object) -> tuple[bytes, object]:
    out = io.BytesIO()
    summary = pretranslate_stream(store, data, name, out, options=Options(**options))  # type: ignore[arg-type]
    return out.getvalue(), summary


def _msgfmt(path: Path) -> None:
    msgfmt = require_tool("msgfmt")
    res = subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(path)], capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stderr


def test_po_catalogue_bands_follow_the_edits_and_msgfmt_accepts(tmp_path: Path) -> None:
    source = PO / "dpkg-zh_CN.trimmed.po"
    store = _store(tmp_path, source)
    original = polib.pofile(str(source))
    job = polib.pofile(str(source))
    live = [e for e in job if not e.obsolete and e.msgid]
    orig = [e for e in original if not e.obsolete and e.msgid]
    edited = []
    for i, e in enumerate(live):
        e.msgstr = ""
        e.msgstr_plural = {k: "" for k in e.msgstr_plural}
        e.flags = [f for f in e.flags if f != "fuzzy"]
        e.previous_msgid = e.previous_msgctxt = None
        new = _edit(e.msgid, i) if i % 3 == 1 else e.msgid
        edited.append(new != e.msgid)
        e.msgid = new
    job_path = tmp_path / "job.po"
    job.save(str(job_path))
    data, summary = _run(store, job_path.read_bytes(), str(job_path))
    out_path = tmp_path / "out.po"
    out_path.write_bytes(data)
    _msgfmt(out_path)
    out = [e for e in polib.pofile(str(out_path)) if not e.obsolete and e.msgid]
    assert [e.msgid for e in out] == [e.msgid for e in live]
    dup = {e.msgid for e in orig if sum(o.msgid == e.msgid for o in orig) > 1}
    bands = Bands()
    counted: dict[str, int] = {}
    checked_exact = checked_fuzzy = 0
    for i, (o, e) in enumerate(zip(orig, out, strict=True)):
        had = bool(o.msgstr or any(o.msgstr_plural.values()))
        m = _NOTE.search(e.tcomment or "")
        if m:
            # A match the memory doubts (its note says why) is counted in the best fuzzy band.
            doubted = "in the memory" in e.tcomment or "flagged alignment" in e.tcomment
            band = bands.of(int(m.group(1)), doubted=doubted)
            counted[band] = counted.get(band, 0) + 1
        if not had:
            continue
        text = e.msgstr_plural.get(0, "") if e.msgid_plural else e.msgstr
        want = o.msgstr_plural.get(0, "") if o.msgid_plural else o.msgstr
        if o.msgid in dup:
            # The memory keeps one unit for equal texts under several msgctxt (the import's
            # duplicate key is the content), with the context met first.
            continue
        if "fuzzy" in o.flags:  # a doubtful translation is never filled as exact
            assert m is not None and "fuzzy" in e.flags, e.msgid
            continue
        if not edited[i]:
            assert m is not None and "fuzzy" not in e.flags and text, e.msgid
            neighbours = all(not edited[j] for j in (i - 1, i + 1) if 0 <= j < len(orig))
            context = o.msgctxt is not None or neighbours
            assert text == want
            assert int(m.group(1)) == (101 if context else 100), (e.msgid, context)
            checked_exact += 1
            continue
        implied = _implied(e.msgid, o.msgid)
        # The search finds candidates by the words they share (a one-word "<none>" edited to
        # "<nones>" shares none): only such edits imply a match.
        shared = set(re.findall(r"\w+", e.msgid.lower())) & set(re.findall(r"\w+",
                                                                              o.msgid.lower()))
        if implied < 75 or not shared:
            continue
        assert m is not None and "fuzzy" in e.flags, e.msgid
        score = int(m.group(1))
        assert score >= implied
        if e.previous_msgid == o.msgid:  # matched the unit the edit came from
            assert score == implied and text == want
            assert bands.of(score) == bands.of(implied)
            checked_fuzzy += 1
    assert checked_exact > 30 and checked_fuzzy > 10
    assert counted == summary.filled  # type: ignore[attr-defined]


def test_existing_translations_are_kept_unless_overwrite(tmp_path: Path) -> None:
    store = _store(tmp_path, PO / "gnu-grep-2.11-zh_CN.po")
    job = polib.pofile(str(PO / "gnu-grep-2.11-zh_CN.po"))
    first = next(e for e in job if e.msgid and not e.obsolete and e.translated())
    first.msgstr = "人工译文"
    path = tmp_path / "job.po"
    job.save(str(path))
    data, summary = _run(store, path.read_bytes(), str(path))
    assert summary.kept > 100 and not summary.filled  # type: ignore[attr-defined]
    assert "人工译文" in data.decode()
    data, summary = _run(store, path.read_bytes(), str(path), overwrite=True)
    assert "人工译文" not in data.decode() and summary.kept == 0  # type: ignore[attr-defined]


def test_placeholders_and_tags_of_the_new_source_are_carried(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units([
        Unit(None, [Variant("en", "Deleted %d files from the disk"),
                    Variant("zh-Hans", "已从磁盘删除 %d 个文件")], "en"),
        Unit(None, [Variant("en", "Press <i>OK</i> to go on"),
                    Variant("zh-Hans", "按<i>确定</i>继续")], "en"),
        Unit(None, [Variant("en", "Copied %s to %s"), Variant("zh-Hans", "已把 %s 复制到 %s")],
             "en"),
    ])
    po = polib.POFile()
    po.metadata = {"Language": "zh_CN", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Deleted %ld files from the disk", msgstr="",
                            flags=["c-format"]))
    po.append(polib.POEntry(msgid="Press <b>OK</b> to go on", msgstr=""))
    # %s twice in the stored source, %d and %s now: which %s of the target is which is not
    # known, so the target is left as stored (fuzzy, for the translator).
    po.append(polib.POEntry(msgid="Copied %d to %s", msgstr=""))
    data, _ = _run(store, str(po).encode(), "job.po")
    out = polib.pofile(data.decode())
    assert out[0].msgstr == "已从磁盘删除 %ld 个文件"
    assert out[1].msgstr == "按<b>确定</b>继续"
    assert all("placeholders adapted" in e.tcomment and "fuzzy" in e.flags for e in out[:2])
    assert out[2].msgstr == "已把 %s 复制到 %s" and "placeholders adapted" not in out[2].tcomment


def test_cross_script_zh_cn_memory_fills_zh_tw_and_zh_hk_catalogues(tmp_path: Path) -> None:
    from termkit.convert import convert_text

    store = _store(tmp_path, PO / "opencc-0.1.2-zh_CN.po")
    cn = {e.msgid: e.msgstr for e in polib.pofile(str(PO / "opencc-0.1.2-zh_CN.po"))
          if e.msgid and e.msgstr}
    for region, config in (("zh_TW", "s2twp"), ("zh_HK", "s2hk")):
        job = polib.pofile(str(PO / f"opencc-0.1.2-{region}.po"))
        human = {e.msgid: e.msgstr for e in job if e.msgid and not e.obsolete}
        for e in job:
            e.msgstr = ""
        path = tmp_path / f"job.{region}.po"
        job.save(str(path))
        data, _ = _run(store, path.read_bytes(), str(path))
        out_path = tmp_path / f"out.{region}.po"
        out_path.write_bytes(data)
        _msgfmt(out_path)
        filled = {e.msgid: e for e in polib.pofile(str(out_path)) if e.msgid and e.msgstr}
        # The catalogues are of slightly different versions: the messages they share.
        assert set(filled) == {m for m in cn if m in human and m.strip()}
        differs = 0
        for msgid, e in filled.items():
            assert e.msgstr == convert_text(cn[msgid], config)
            assert f"converted ({config})" in e.tcomment
            # Traditional script: nothing left that OpenCC would still convert to Traditional.
            assert convert_text(e.msgstr, "s2t") == e.msgstr
            differs += e.msgstr != human[msgid]
        if region == "zh_TW":
            # Regional vocabulary, not only characters: the shipped zh_TW catalogue is plain
            # s2t (配置文件 -> 配置文件), the fill uses Taiwan's words (設定檔案).
            assert differs > 0
            assert any("檔案" in e.msgstr and "文件" in cn[m] for m, e in filled.items())


def test_a_unit_already_in_the_file_variant_wins_over_a_converted_one(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "tm.sqlite"))
    store.import_units([
        Unit("a", [Variant("en", "Open the file"), Variant("zh-Hans-CN", "打开文件")], "en"),
        Unit("b", [Variant("en", "Open the file"), Variant("zh-Hant-TW", "開啟檔案")], "en"),
        Unit("c", [Variant("en", "Close the file"), Variant("zh-Hans-CN", "关闭文件")], "en"),
    ])
    po = polib.POFile()
    po.metadata = {"Language": "zh_TW", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Open the file", msgstr=""))
    po.append(polib.POEntry(msgid="Close the file", msgstr=""))
    data, _ = _run(store, str(po).encode(), "job.po")
    out = polib.pofile(data.decode())
    assert out[0].msgstr == "開啟檔案" and "converted" not in out[0].tcomment
    assert out[1].msgstr == "關閉檔案" and "converted (s2twp)" in out[1].tcomment


class _LocalXmlXsd(etree.Resolver):
    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(DATA / "xliff2" / "xml.xsd"), context)
        return None


def _schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser()
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(path), parser))


XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"


def _xliff20_job(entries: list[polib.POEntry]) -> bytes:
    root = etree.Element(f"{{{XLIFF2}}}xliff", nsmap={None: XLIFF2})
    root.set("version", "2.0")
    root.set("srcLang", "en")
    root.set("trgLang", "zh-CN")
    file_el = etree.SubElement(root, f"{{{XLIFF2}}}file", id="f1")
    for i, e in enumerate(entries):
        unit = etree.SubElement(file_el, f"{{{XLIFF2}}}unit", id=f"u{i}")
        seg = etree.SubElement(unit, f"{{{XLIFF2}}}segment", id=f"s{i}")
        src = etree.SubElement(seg, f"{{{XLIFF2}}}source")
        src.text = e.msgid
    # A unit with an inline code, matched by a stored XLIFF unit with the same code.
    unit = etree.SubElement(file_el, f"{{{XLIFF2}}}unit", id="codes")
    seg = etree.SubElement(unit, f"{{{XLIFF2}}}segment", id="sc")
    src = etree.SubElement(seg, f"{{{XLIFF2}}}source")
    src.text = "Click "
    pc = etree.SubElement(src, f"{{{XLIFF2}}}pc", id="7")
    pc.text = "here"
    pc.tail = " to install the font"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_xliff_20_is_filled_and_valid(tmp_path: Path) -> None:
    source = PO / "gnome-font-viewer-zh_CN.po"
    tm_codes = tmp_path / "codes.xlf"
    tm_codes.write_text(
        f'<xliff xmlns="{XLIFF2}" version="2.0" srcLang="en" trgLang="zh-CN"><file id="f">'
        '<unit id="u"><segment state="translated"><source>Click <pc id="1">here</pc> to '
        'install the font</source>'
        '<target>点击<pc id="1">这里</pc>安装字体</target></segment></unit></file></xliff>',
        encoding="utf-8")
    store = _store(tmp_path, source, tm_codes)
    entries = [e for e in polib.pofile(str(source)) if e.msgid and not e.obsolete][:30]
    data, summary = _run(store, _xliff20_job(entries), "job.xlf")
    doc = etree.fromstring(data)
    _schema(DATA / "xliff2" / "xliff_core_2.0.xsd").assertValid(doc)
    ns = {"x": XLIFF2}
    segs = doc.findall(".//x:segment", ns)
    assert all(s.get("state") == "translated" for s in segs)
    by_id = {e.msgid: e.msgstr for e in entries}
    for s in segs[:-1]:
        assert s.find("x:target", ns).text == by_id[s.find("x:source", ns).text]
    target = segs[-1].find("x:target", ns)
    # The stored target's code, renumbered to the new source's (id 1 -> 7).
    assert [(c.tag, dict(c.attrib), c.text, c.tail) for c in target] == [
        (f"{{{XLIFF2}}}pc", {"id": "7"}, "这里", "安装字体")]
    assert target.text == "点击"
    notes = doc.findall(".//x:unit/x:notes/x:note", ns)
    assert len(notes) == 31 and all(n.text.startswith("segment s") for n in notes)
    assert sum(summary.filled.values()) == 31  # type: ignore[attr-defined]


def test_xliff_12_is_filled_and_valid(tmp_path: Path) -> None:
    source = PO / "gnu-grep-2.11-zh_CN.po"
    store = _store(tmp_path, source)
    entries = [e for e in polib.pofile(str(source))
               if e.msgid and not e.obsolete and e.msgstr][:20]
    ns12 = "urn:oasis:names:tc:xliff:document:1.2"
    units = "".join(
        f'<trans-unit id="t{i}"><source>{escape(e.msgid + ("X" if i == 3 else ""))}</source>'
        "</trans-unit>" for i, e in enumerate(entries))
    job = (f'<?xml version="1.0"?><xliff version="1.2" xmlns="{ns12}"><file original="g" '
           f'datatype="po" source-language="en" target-language="zh-CN"><body>{units}</body>'
           "</file></xliff>").encode()
    data, _ = _run(store, job, "job.xlf")
    doc = etree.fromstring(data)
    _schema(SCHEMAS / "xliff" / "xliff-core-1.2-strict.xsd").assertValid(doc)
    targets = doc.findall(f".//{{{ns12}}}target")
    assert len(targets) == 20
    states = [t.get("state") for t in targets]
    assert states[3] == "needs-review-translation" and states.count("translated") == 19


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_tmx_as_source_is_filled_and_valid(tmp_path: Path) -> None:
    store = _store(tmp_path, PO / "gnu-grep-2.11-zh_CN.po")
    entries = [e for e in polib.pofile(str(PO / "gnu-grep-2.11-zh_CN.po"))
               if e.msgid and not e.obsolete and e.msgstr][:10]
    tus = "".join(f'<tu><tuv xml:lang="en"><seg>{escape(e.msgid)}</seg></tuv></tu>'
                  for e in entries)
    job = ('<?xml version="1.0"?><tmx version="1.4"><header creationtool="t" '
           'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
           f'datatype="plaintext"/><body>{tus}</body></tmx>').encode()
    with pytest.raises(Exception, match="target-lang"):
        _run(store, job, "job.tmx")
    data, _ = _run(store, job, "job.tmx", target_lang="zh-TW")
    doc = etree.fromstring(data)
    dtd = etree.DTD(str(DATA / "tm" / "tmx14.dtd"))
    assert dtd.validate(doc), dtd.error_log
    segs = doc.findall(".//tuv[@{http://www.w3.org/XML/1998/namespace}lang='zh-TW']/seg")
    assert len(segs) == 10
    from termkit.convert import convert_text

    assert [s.text for s in segs] == [convert_text(e.msgstr, "s2twp") for e in entries]


def test_cli_summary_and_folder_output(tmp_path: Path) -> None:
    store = _store(tmp_path, PO / "gnu-grep-2.11-zh_CN.po")
    store.close()
    job = polib.pofile(str(PO / "gnu-grep-2.11-zh_CN.po"))
    for e in job:
        e.msgstr = ""
    (tmp_path / "a").mkdir()
    job.save(str(tmp_path / "a" / "grep.po"))
    job.save(str(tmp_path / "a" / "grep2.po"))
    runner = CliRunner()
    db = str(tmp_path / "tm.sqlite")
    res = runner.invoke(cli, ["tm", "pretranslate", "--db", db, str(tmp_path / "a" / "grep.po"),
                              "-o", str(tmp_path / "out.po")])
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"{tmp_path / 'a' / 'grep.po'}: 112 segments, 110 filled (")
    res = runner.invoke(cli, ["tm", "pretranslate", "--db", db, str(tmp_path / "a" / "grep.po"),
                              str(tmp_path / "a" / "grep2.po"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["grep.po", "grep2.po"]
    assert res.output.splitlines()[-1].startswith("total: 224 segments, 220 filled")
    res = runner.invoke(cli, ["tm", "pretranslate", "--db", db, str(tmp_path / "a" / "x.txt"),
                              "-o", "-"])
    assert res.exit_code != 0 and "Error:" in res.output


def test_xliff_existing_targets_kept_or_overwritten_with_their_attributes(tmp_path: Path) -> None:
    store = _store(tmp_path, PO / "gnu-grep-2.11-zh_CN.po")
    entry = next(e for e in polib.pofile(str(PO / "gnu-grep-2.11-zh_CN.po"))
                 if e.msgid and e.msgstr and not e.obsolete and "&" not in e.msgid
                 and "<" not in e.msgid)
    job = (f'<xliff xmlns="{XLIFF2}" version="2.0" srcLang="en" trgLang="zh-CN"><file id="f">'
           f'<unit id="u"><segment state="reviewed"><source>{entry.msgid}</source>'
           '<target xml:lang="zh-CN">旧译文</target></segment></unit></file></xliff>').encode()
    data, summary = _run(store, job, "job.xlf")
    assert "旧译文" in data.decode() and summary.kept == 1  # type: ignore[attr-defined]
    data, summary = _run(store, job, "job.xlf", overwrite=True)
    doc = etree.fromstring(data)
    _schema(DATA / "xliff2" / "xliff_core_2.0.xsd").assertValid(doc)
    target = doc.find(f".//{{{XLIFF2}}}target")
    assert target.text == entry.msgstr
    assert target.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"


def test_topic_locks_the_regional_glossarys_topic_forms_as_convert_does(tmp_path: Path) -> None:
    """`--topic` reaches the locked conversion of a match, as in `convert` and `check`: the
    regional glossary's IT rules (配置 → 組態, 文本 → 文字) lock only for their topic."""
    from termkit.convert import Converter, load_lock_glossaries

    regional = str(ROOT / "glossaries" / "cross-strait.glossary.txt")
    store = _store(tmp_path, PO / "opencc-0.1.2-zh_CN.po")
    store.close()
    cn = {e.msgid: e.msgstr for e in polib.pofile(str(PO / "opencc-0.1.2-zh_CN.po"))
          if e.msgid and e.msgstr and not e.obsolete and not e.msgid_plural}
    job = polib.pofile(str(PO / "opencc-0.1.2-zh_TW.po"))
    for e in job:
        e.msgstr = ""
    job.save(str(tmp_path / "zh_TW.po"))
    glossary = load_lock_glossaries([regional])
    runner = CliRunner()
    fills = {}
    for topics in ((), ("IT",)):
        out = tmp_path / f"filled{len(topics)}.po"
        res = runner.invoke(cli, ["tm", "pretranslate", "--db", str(tmp_path / "tm.sqlite"),
                                  "-g", regional, *(a for t in topics for a in ("--topic", t)),
                                  str(tmp_path / "zh_TW.po"), "-o", str(out)])
        assert res.exit_code == 0, res.output
        filled = {e.msgid: e.msgstr for e in polib.pofile(str(out)) if e.msgid and e.msgstr}
        conv = Converter("s2twp", glossary, topics=topics)
        assert filled and all(filled[m] == conv.convert(cn[m]) for m in filled if m in cn)
        fills[topics] = filled
    error = "Configuration error"
    assert fills[()][error] == "配置錯誤" and fills[("IT",)][error] == "組態錯誤"
    res = runner.invoke(cli, ["tm", "pretranslate", "--db", str(tmp_path / "tm.sqlite"),
                              "-g", regional, "--topic", "Nope", str(tmp_path / "zh_TW.po"),
                              "-o", str(tmp_path / "x.po")])
    assert res.exit_code == 2 and "unknown topic 'Nope'" in res.output
    assert not (tmp_path / "x.po").exists()
