"""Real translation files written by other tools (tests/data/formats/fresh/, PROVENANCE.md there).

Each test compares what termkit reads with the file itself, read independently with lxml,
polib or msgfmt, or with translate-toolkit where it reads the same thing; the counts and
texts come from the files, not from this test.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from termkit import lang
from termkit.errors import FormatError
from termkit.formats import detect, omegat, po, xliff
from termkit.tm.states import to_review
from tests.conftest import DATA, require_tool
from tests.inprocess import invoke

FRESH = DATA / "formats" / "fresh"
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
SEGMENTED = [FRESH / "okapi-matecat-segment-state.xliff",
             FRESH / "trados-test-stati.it-IT_en-US.cut.sdlxliff"]


def _units(path: Path) -> list:  # type: ignore[type-arg]
    with open(path, "rb") as fh:
        return list(xliff.iter_units(fh, str(path)))


def _trans_units(path: Path) -> list[etree._Element]:
    return list(etree.parse(str(path)).iter(f"{X12}trans-unit"))


@pytest.mark.parametrize("path", SEGMENTED, ids=lambda p: p.name)
def test_segmented_targets_are_their_segments_without_the_indentation(path: Path) -> None:
    """Okapi and Trados write each target as <mrk mtype="seg"> segments, indented; the target
    is the segments' text (and the source's edge whitespace, here none), as lxml reads them."""
    read = {u.id: u for u in _units(path)}
    compared = 0
    for tu in _trans_units(path):
        if tu.get("translate") == "no":
            continue
        target = tu.find(f"{X12}target")
        segs = [m for m in target if m.tag == f"{X12}mrk" and m.get("mtype") == "seg"]
        assert segs, "the fixture's targets are segmented"
        source_text = "".join(tu.find(f"{X12}source").itertext())
        assert source_text == source_text.strip()
        unit = read[tu.get("id")]
        texts = [v.text for v in unit.variants]
        assert texts[0] == source_text
        expected = "".join("".join(m.itertext()) for m in segs)
        assert texts[1:] == [expected]
        assert "\n" not in texts[1] and "\t" not in texts[1]
        compared += 1
    assert compared == len(read)


def test_translate_no_units_are_skipped() -> None:
    """Trados Studio writes a translate="no" unit for each run of codes between segments; they
    held only tags and indentation and went into the memory as whitespace."""
    path = SEGMENTED[1]
    units = _trans_units(path)
    wanted = [tu.get("id") for tu in units if tu.get("translate") != "no"]
    assert len(wanted) < len(units)  # the file has both kinds
    assert [u.id for u in _units(path)] == wanted
    assert all(v.text.strip() for u in _units(path) for v in u.variants)


def test_sdlxliff_confirmation_levels_are_kept_and_drafts_are_to_review() -> None:
    path = SEGMENTED[1]
    confs = {tu.get("id"): [s.get("conf") for s in tu.iter(f"{SDL}seg")]
             for tu in _trans_units(path) if tu.get("translate") != "no"}
    assert any(not c[0] for c in confs.values()) and any(c[0] for c in confs.values())
    for unit in _units(path):
        conf = confs[unit.id][0]
        assert unit.props.get(xliff.PROP_SDL_CONF) == conf
        reason = to_review(unit.props)
        assert (reason is not None) == (conf in ("Draft", "RejectedTranslation"))


def test_sdlxliff_and_mqxliff_are_known_by_name() -> None:
    assert detect("job.sdlxliff").name == "xliff" and detect("job.mqxliff").name == "xliff"


def test_cli_check_and_tm_import_take_an_sdlxliff_folder(tmp_path: Path) -> None:
    folder = tmp_path / "job"
    folder.mkdir()
    shutil.copy(SEGMENTED[1], folder)
    wanted = len([tu for tu in _trans_units(SEGMENTED[1]) if tu.get("translate") != "no"])
    _, out, _ = invoke("check", "--json", folder)
    assert f'"units": {wanted}' in out
    code, out, err = invoke("tm", "import", "--db", tmp_path / "tm.sqlite", folder)
    assert code == 0, err
    assert f"{wanted} read, {wanted} added" in out


def test_segmented_target_no_longer_fails_the_format_checks() -> None:
    """Before: 20 newline errors and 10 whitespace and tab warnings on a clean file."""
    _, out, _ = invoke("check", "--json", SEGMENTED[0])
    for check in ("newlines", "whitespace", "escapes"):
        assert f'"{check}": 0' in out


def test_angular_file_without_target_language_takes_the_one_its_name_gives() -> None:
    """`ng extract-i18n` writes source-language only; the copy is told apart by its name."""
    path = FRESH / "angular-g0v-timeline/messages.zh.xlf"
    file_elem = etree.parse(str(path)).find(f"{X12}file")
    assert file_elem.get("target-language") is None
    tt = pytest.importorskip("translate.storage.xliff")
    assert tt.xlifffile.parsefile(str(path)).gettargetlanguage() is None  # the oracle has none
    units = _units(path)
    assert units and all(u.variants[1].lang == "zh" for u in units)
    assert all(lang.is_chinese(u.variants[1].lang) for u in units)


def test_name_locale_needs_a_two_letter_language_or_a_region() -> None:
    assert xliff.name_locale("messages.zh_CN.xlf") == "zh_CN"
    assert xliff.name_locale("messages.zh.xlf") == "zh"
    assert xliff.name_locale("my-app.xlf") is None and xliff.name_locale("messages.xlf") is None
    # a three-letter language the C library has locales for (Cantonese) counts
    assert xliff.name_locale("messages.yue.xlf") == "yue"


@pytest.mark.parametrize("name", ["symfony-demo/messages.zh_CN.xlf",
                                  "kimai/messages.zh_CN.xlf",
                                  "angular-g0v-timeline/messages.zh.xlf",
                                  "matecat-entities.xliff"])
def test_xliff_texts_match_translate_toolkit_where_it_keeps_whitespace(name: str) -> None:
    """translate-toolkit reads these sources and targets (CDATA, entities, comments between
    units) as we do; where the file is not xml:space="preserve" it folds line breaks, so the
    comparison folds whitespace on both sides. A unit marked translate="no" we skip."""
    tt = pytest.importorskip("translate.storage.xliff")
    store = tt.xlifffile.parsefile(str(FRESH / name))
    skipped = {tu.get("id") for tu in _trans_units(FRESH / name) if tu.get("translate") == "no"}
    theirs = [(u.getid().split("\x04")[-1], " ".join(u.source.split()),
               " ".join((u.target or "").split()))
              for u in store.units if u.getid().split("\x04")[-1] not in skipped]
    ours = [(u.id, " ".join(u.variants[0].text.split()),
             " ".join(u.variants[1].text.split()) if len(u.variants) > 1 else "")
            for u in _units(FRESH / name)]
    assert ours == theirs


def test_symfony_cdata_target_is_its_text() -> None:
    path = FRESH / "symfony-demo/messages.zh_CN.xlf"
    cdata = {tu.get("id"): tu.find(f"{X12}target").text for tu in _trans_units(path)
             if "<" in (tu.find(f"{X12}target").text or "")}
    assert cdata
    read = {u.id: u.variants[1].text for u in _units(path)}
    assert all(read[k] == v for k, v in cdata.items())


def test_xliff20_notes_and_pc_mrk_text() -> None:
    path = FRESH / "matecat-sample-20.xlf"
    ns = "{urn:oasis:names:tc:xliff:document:2.0}"
    tree = etree.parse(str(path))
    for elem, unit in zip(tree.iter(f"{ns}unit"), _units(path), strict=True):
        notes = [n.text for n in elem.find(f"{ns}notes")]
        assert unit.notes == notes
        seg = elem.find(f"{ns}segment")
        # pretty-printed without xml:space="preserve": the line-break indentation at either
        # end is layout, not text
        source = "".join(seg.find(f"{ns}source").itertext())
        target = "".join(seg.find(f"{ns}target").itertext())
        assert source != source.strip() and "\n" in source[:3]
        assert unit.variants[0].text == source.strip()
        assert unit.variants[1].text == target.strip()
        assert unit.variants[1].lang == lang.normalize(tree.getroot().get("trgLang"))


# --------------------------------------------------------------------------- PO


def test_broken_git_catalog_is_refused_where_msgfmt_refuses_it() -> None:
    """git-l10n's zh_TW.po has a line break inside a msgid_plural string."""
    path = FRESH / "git-l10n-zh-cn" / "zh_TW.po"
    lines = path.read_text(encoding="utf-8").split("\n")
    broken = next(i for i, line in enumerate(lines, 1)
                  if line.startswith("msgid_plural") and line.count('"') == 1)
    with pytest.raises(FormatError) as err:
        po.read_glossary(io.BytesIO(path.read_bytes()), str(path))
    assert err.value.line == broken
    if shutil.which("msgfmt"):
        run = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                             capture_output=True, text=True)
        assert run.returncode != 0 and "end-of-line within string" in run.stderr
    code, _, err = invoke("import", path, "-o", "-")
    assert code == 1
    assert err.startswith(f"Error: {path}:{broken}:")


def test_header_and_file_name_languages_that_disagree_are_said(tmp_path: Path) -> None:
    """The same catalog with its broken string joined, as a translator would mend it: its
    header says zh_CN, its name zh_TW, its text is Traditional."""
    text = (FRESH / "git-l10n-zh-cn" / "zh_TW.po").read_text(encoding="utf-8")
    mended = tmp_path / "zh_TW.po"
    mended.write_text(text.replace("minutes\n ago", "minutes ago"), encoding="utf-8")
    polib = pytest.importorskip("polib")
    header = polib.pofile(str(mended)).metadata["Language"]
    assert header != "zh_TW"
    glossary = po.read_glossary(io.BytesIO(mended.read_bytes()), str(mended))
    said = [n.message for n in glossary.notices]
    assert any(header in m and "zh_TW" in m for m in said)
    code, _, err = invoke("import", mended, "-o", tmp_path / "out.txt")
    assert code == 0 and f"says {header} but the file name says zh_TW" in err
    # check says it too, beside the wrong-script findings the header's language causes
    code, out, err = invoke("check", mended, "--checks", "wrong-script")
    assert f"Warning: {mended}: the Language header says {header} but the file name says " \
           "zh_TW" in err
    assert code == 1 and "wrong-script" in out


@pytest.mark.parametrize(("name", "said"), [
    ("zh_TW.po", True), ("messages.zh-Hant.po", True), ("job.po", False), ("django.po", False),
])
def test_a_domain_named_catalog_contradicts_no_header(tmp_path: Path, name: str,
                                                      said: bool) -> None:
    """A catalog named for its domain (job.po: "job" is also an ISO 639-3 code) says nothing
    of its language; one named for a locale does (review25 found job.po warned)."""
    path = tmp_path / name
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; '
                    'charset=UTF-8\\n"\n\nmsgid "File"\nmsgstr "File"\n', encoding="utf-8")
    code, _, err = invoke("check", path)
    assert code in (0, 1)
    assert ("the Language header says en but the file name says" in err) is said, err


def test_aegisub_catalog_matches_polib_and_msgfmt() -> None:
    path = FRESH / "aegisub" / "zh_TW.po"
    require_tool("msgfmt")
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)]).returncode == 0
    polib = pytest.importorskip("polib")
    entries = [e for e in polib.pofile(str(path)) if not e.obsolete]
    with open(path, "rb") as fh:
        units = list(po.iter_units(fh, str(path)))
    assert [u.variants[0].text for u in units] == [e.msgid for e in entries]
    # one plural form (nplurals=1): the translation is msgstr[0]
    assert [u.variants[1].text for u in units] == [e.msgstr or e.msgstr_plural.get(0, "")
                                                   for e in entries]
    assert {u.variants[1].lang for u in units} == {"zh-Hant-TW"}


# --------------------------------------------------------------------------- TMX, OmegaT


def test_omegat_project_glossary_named_glossary_txt_is_read_as_omegat(tmp_path: Path) -> None:
    """OmegaT names a project's glossary glossary/glossary.txt: before, termkit took the name
    for its own text format and refused the file."""
    path = FRESH / "omegat-l10n-zh_TW" / "glossary.txt"
    assert detect(str(path)).name == "omegat"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    with open(path, "rb") as fh:
        glossary = omegat.read_glossary(fh, str(path))
    pairs = {(t.text, u.text) for c in glossary.concepts for t in c.terms if t.lang == "en"
             for u in c.terms if lang.is_chinese(u.lang)}
    assert pairs == {(r[0], r[1]) for r in rows}
    # without OmegaT's first line too, and a termkit glossary under that name stays termkit
    bare = tmp_path / "glossary.txt"
    bare.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    assert detect(str(bare)).name == "omegat"
    own = tmp_path / "t" / "glossary.txt"
    own.parent.mkdir()
    assert invoke("import", path, "-o", own)[0] == 0
    assert detect(str(own)).name == "termkit"


def test_omegat_tmx11_upper_case_lang_and_tag_shortcuts() -> None:
    """OmegaT 3.6 wrote TMX 1.1 with lang="EN-US"/"ZH-CN" and its tag shortcuts as text."""
    path = FRESH / "omegat-gms2-manual" / "project_save.tmx"
    # translate-toolkit (3.x) reads only xml:lang, so it finds no source in TMX 1.1: lxml it is.
    tree = etree.parse(str(path))
    theirs = [[(lang.normalize(tuv.get("lang")), tuv.findtext("seg")) for tuv in tu.iter("tuv")]
              for tu in tree.iter("tu")]
    from termkit.formats import tmx
    with open(path, "rb") as fh:
        ours = [[(v.lang, v.text) for v in u.variants] for u in tmx.iter_units(fh, str(path))]
    assert ours == theirs
    assert {v[1][0] for v in ours} == {"zh-Hans-CN"}
    assert any("<t0>" in v[1][1] for v in ours)  # OmegaT's tag shortcuts stay text


def test_legacy_microsoft_chinese_tags_keep_their_script() -> None:
    assert lang.normalize("zh-CHS") == "zh-Hans" and lang.normalize("ZH-CHT") == "zh-Hant"
    assert lang.is_well_formed("zh-CHS")


# --------------------------------------------------------------------------- more origins


def test_xcode_export_untranslated_in_one_file_is_no_conflict(tmp_path: Path) -> None:
    """An Xcode export repeats a string in several <file>s, untranslated in one (no <target>)
    and translated in another: before, `tm import` reported the pair as a conflict (an empty
    target against the translation)."""
    path = FRESH / "looptranslations" / "zh-Hans.cut.xliff"
    by_source: dict[str, set[str]] = {}
    for tu in _trans_units(path):
        target = tu.find(f"{X12}target")
        by_source.setdefault(tu.findtext(f"{X12}source"), set()).add(
            "" if target is None else "".join(target.itertext()))
    repeated = [s for s, t in by_source.items() if len(t) > 1]
    assert repeated and all("" in by_source[s] for s in repeated)  # the file's own shape
    real_conflicts = sum(1 for t in by_source.values() if len(t - {""}) > 1)
    code, out, err = invoke("tm", "import", "--db", tmp_path / "tm.sqlite", path)
    assert code == 0, err
    assert f"{real_conflicts} conflicts" in out
    _, out, _ = invoke("tm", "stats", "--db", tmp_path / "tm.sqlite", "--json")
    assert f'"conflicts": {real_conflicts}' in out


def test_openxliff_20_repeats_unit_ids_across_files() -> None:
    """OpenXLIFF numbers units from 0 in each <file>: every unit is read, its multi-line help
    text kept as written (xml:space="preserve")."""
    path = FRESH / "openxliff" / "OpenXLIFF_Java_es.cut.xlf"
    ns = "{urn:oasis:names:tc:xliff:document:2.0}"
    elems = list(etree.parse(str(path)).iter(f"{ns}unit"))
    assert len({e.get("id") for e in elems}) < len(elems)
    units = _units(path)
    assert [(u.variants[0].text, u.variants[1].text) for u in units] == [
        (e.find(f"{ns}segment/{ns}source").text, e.find(f"{ns}segment/{ns}target").text)
        for e in elems]
    assert all(u.props.get(xliff.PROP_STATE) == "final" for u in units)


def test_babybuddy_poeditor_catalog_language_fuzzy_and_empty_plurals() -> None:
    """POEditor writes `Language: zh-TW` (a hyphen); fuzzy entries carry wrong placeholders,
    which check leaves alone as gettext does; an untranslated plural is an empty target."""
    polib = pytest.importorskip("polib")
    path = FRESH / "babybuddy" / "django.zh_TW.cut.po"
    entries = [e for e in polib.pofile(str(path)) if not e.obsolete]
    with open(path, "rb") as fh:
        units = list(po.iter_units(fh, str(path)))
    assert len(units) == len(entries)
    assert {v.lang for u in units for v in u.variants[1:]} == {"zh-Hant-TW"}
    fuzzy = {e.msgid for e in entries if "fuzzy" in e.flags}
    assert {u.variants[0].text for u in units if u.props.get("po:fuzzy") == "yes"} == fuzzy
    code, out, _ = invoke("check", "--json", path)
    assert code == 1
    import json
    report = json.loads(out)
    flagged = {f["unit"] for f in report["findings"]}
    assert flagged and fuzzy and not flagged & fuzzy
    empty = {e.msgid for e in entries if not (e.msgstr or any(e.msgstr_plural.values()))}
    assert report["summary"]["by_check"]["empty-target"] == len(empty)


def test_tbx_v2_without_header_and_with_an_underscore_root_language() -> None:
    path = FRESH / "peakneptunian" / "glossary.tbx"
    root = etree.parse(str(path)).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en_US"
    assert root.find("martifHeader") is None
    from termkit.formats import tbx
    with open(path, "rb") as fh:
        glossary = tbx.read_glossary(fh, str(path))
    theirs = {(ls.get("{http://www.w3.org/XML/1998/namespace}lang"), t.text)
              for ls in root.iter("langSet") for t in ls.iter("term")}
    ours = {(t.lang, t.text) for c in glossary.concepts for t in c.terms}
    assert ours == {(lang.normalize(a), b) for a, b in theirs}
    tt = pytest.importorskip("translate.storage.tbx")
    assert len(tt.tbxfile.parsefile(str(path)).units) == len(glossary.concepts)


def test_long_format_csv_is_refused_with_file_and_line() -> None:
    """A source,target,tgt_lng table (the source column mixes ja, ko, zh-Hans and zh-Hant)
    names no language columns: refused, at its header line, not read as something else."""
    path = FRESH / "arknights" / "19_UI与系统术语.cut.csv"
    code, out, err = invoke("import", path, "-o", "-")
    assert code == 1 and not out
    assert err.startswith(f"Error: {path}:1: ") and err[-1] == "\n" and err.count("\n") == 1


def test_omegat_zh_tw_memory_simplified_characters_and_tag_shortcuts() -> None:
    """OmegaT 6.1's project_save.tmx of its own zh_TW localisation: two targets carry
    Simplified characters (OpenCC's s2t changes them one by one, the oracle), one closes a tag shortcut
    with another opening one. check reports exactly those, and says what is wrong with the
    shortcut (before, an unclosed <e0> was taken for a usage metavariable and both source
    tags were reported missing)."""
    import json
    import re

    opencc = pytest.importorskip("opencc")
    s2t = opencc.OpenCC("s2t")
    path = FRESH / "omegat-l10n-zh_TW" / "project_save.cut.tmx"
    tree = etree.parse(str(path))
    pairs = [[tuv.findtext("seg") for tuv in tu.iter("tuv")] for tu in tree.iter("tu")]
    simplified = {s for s, t in pairs if any(s2t.convert(c) != c for c in t)}
    shortcut = re.compile(r"</?[a-z][0-9]+/?>")
    unbalanced = {s for s, t in pairs
                  if sorted(shortcut.findall(s)) != sorted(shortcut.findall(t))}
    assert simplified and unbalanced
    code, out, _ = invoke("check", "--json", path)
    assert code == 1
    findings = json.loads(out)["findings"]
    assert {f["source"] for f in findings if f["check"] == "wrong-script"} == simplified
    tags = [f for f in findings if f["check"] == "xml-tags"]
    assert {f["source"] for f in tags} == unbalanced
    assert any("never closed" in f["message"] for f in tags)
    assert not any(f["message"].startswith("<e0> is missing") for f in tags)


@pytest.mark.parametrize("name", ["symfony-demo/messages.zh_CN.xlf", "kimai/messages.zh_CN.xlf"])
def test_message_keys_as_sources_get_no_source_comparisons(name: str) -> None:
    """Symfony and Kimai XLIFF give a message key as the source (the unit's id): the checks
    that compare target with source had nothing to compare with (Symfony's %count% read as
    printf %c, a CDATA target's HTML as added tags); the target-only checks still run."""
    import json

    from termkit.check.findings import FAMILIES

    path = FRESH / name
    keyed = {tu.get("id") for tu in _trans_units(path)
             if tu.get("id") == tu.findtext(f"{X12}source")}
    assert keyed
    _, out, _ = invoke("check", "--json", path)
    findings = json.loads(out)["findings"]
    on_keys = [f for f in findings if f["unit"] in keyed]
    assert on_keys  # typography still speaks
    assert not [f for f in on_keys if f["check"] in FAMILIES["format"] or f["check"] == "untranslated"]


def test_the_same_target_under_a_text_source_is_still_compared(tmp_path: Path) -> None:
    path = FRESH / "kimai" / "messages.zh_CN.xlf"
    text = path.read_text(encoding="utf-8")
    assert "<source>update_multiple</source>" in text and "%action% %count%" in text
    copy = tmp_path / "messages.zh_CN.xlf"
    copy.write_text(text.replace("<source>update_multiple</source>",
                                 "<source>Update %count% entries?</source>"), encoding="utf-8")
    _, out, _ = invoke("check", copy)
    assert "[unit update_multiple]" in out and "printf (error)" in out


def test_omegat_glossary_takes_its_projects_languages(tmp_path: Path) -> None:
    """OmegaT keeps a project's languages in omegat.project, not in the glossary: the zh_CN
    localisation's glossary has no first line, and was read as zh-Hant-TW (the default)."""
    folder = FRESH / "omegat-l10n-zh_CN"
    project = etree.parse(str(folder / "omegat.project")).getroot()
    want = (lang.normalize(project.findtext("project/source_lang")),
            lang.normalize(project.findtext("project/target_lang")))
    path = folder / "glossary" / "glossary.txt"
    assert detect(str(path)).name == "omegat"
    assert omegat.project_languages(str(path)) == (
        project.findtext("project/source_lang"), project.findtext("project/target_lang"))
    with open(path, "rb") as fh:
        glossary = omegat.read_glossary(fh, str(path))
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(glossary.concepts) == len(rows)
    assert {(t.lang, t.text) for c in glossary.concepts for t in c.terms} == {
        p for r in rows for p in ((want[0], r[0]), (want[1], r[1]))}
    # the same glossary outside its project: its Simplified targets say the script (before,
    # the default zh-Hant-TW read them as Traditional terms); the zh_TW localisation's
    # glossary, which has no project either, stays Traditional
    alone = tmp_path / "glossary.txt"
    shutil.copy(path, alone)
    with open(alone, "rb") as fh:
        assert {t.lang for c in omegat.read_glossary(fh, str(alone)).concepts
                for t in c.terms} == {"en", want[1]}
    taiwan = FRESH / "omegat-l10n-zh_TW" / "glossary.txt"
    assert omegat.project_languages(str(taiwan)) == (None, None)
    with open(taiwan, "rb") as fh:
        assert {t.lang for c in omegat.read_glossary(fh, str(taiwan)).concepts
                for t in c.terms} == {"en", "zh-Hant-TW"}


def test_unapproved_omegat_glossary_hint_is_one_an_omegat_user_can_follow(tmp_path: Path) -> None:
    """OmegaT's glossary entries are candidates; the warning said to add a 'status' column,
    which an OmegaT glossary has not. What it says now works: the entry's comment column."""
    glossary = FRESH / "omegat-l10n-zh_TW" / "glossary.txt"
    memory = FRESH / "omegat-l10n-zh_TW" / "project_save.cut.tmx"
    _, _, err = invoke("check", "-g", glossary, memory)
    assert "'status: preferred' in an entry's comment column" in err
    assert "'status' column" not in err
    source, target = next(line.split("\t")[:2] for line in glossary.read_text(
        encoding="utf-8").splitlines() if line.startswith("translation memory\t"))
    followed = tmp_path / "glossary.txt"
    followed.write_text(f"{source}\t{target}\tstatus: preferred\n", encoding="utf-8")
    code, out, err = invoke("check", "-g", followed, memory)
    assert code == 1
    assert "none of its" not in err
    segs = [tu.findall("tuv") for tu in etree.parse(str(memory)).iter("tu")]
    wanted = sum(1 for s, t in segs if source in s.findtext("seg").lower()
                 and target not in t.findtext("seg"))
    assert wanted and out.count(f"'{source}' is not rendered as '{target}'") == wanted


def test_pretranslate_takes_an_angular_files_language_from_its_name(tmp_path: Path) -> None:
    """Before, `tm pretranslate` refused messages.zh.xlf (no target-language) with a usage
    error while check, import and tm import read its language from the name."""
    path = FRESH / "angular-g0v-timeline" / "messages.zh.xlf"
    db = tmp_path / "tm.sqlite"
    assert invoke("tm", "import", "--db", db, path)[0] == 0
    code, out, err = invoke("tm", "pretranslate", "--db", db, path,
                            "-o", tmp_path / "messages.zh.xlf")
    assert code == 0, err
    assert f"{len(_trans_units(path))} segments" in out + err


def test_indentation_around_content_is_layout_where_space_is_not_preserved() -> None:
    """Without xml:space="preserve", a pretty-printed file's line break and indentation
    around a source or target is layout (Kimai's multi-line target, a CMS's XLIFF 2.0
    sources): before, terms and memory units began with a line break and twenty spaces.
    Edge spaces without a line break (Angular's " Settings ") and inner line breaks stay."""
    kimai = FRESH / "kimai" / "messages.zh_CN.xlf"
    multi = next(tu for tu in _trans_units(kimai)
                 if "\n" in (tu.findtext(f"{X12}target") or "").strip())
    raw = multi.findtext(f"{X12}target")
    read = {u.id: u for u in _units(kimai)}[multi.get("id")].variants[1].text
    assert raw != raw.strip() and read == raw.strip() and "\n" in read
    cms = FRESH / "matecat-pcec.cut.xlf"
    assert all(not u.variants[0].text.startswith(("\n", " ")) for u in _units(cms)
               if u.variants[0].text.strip())
    angular = FRESH / "angular-g0v-timeline" / "messages.zh.xlf"
    sources = ["".join(tu.find(f"{X12}source").itertext()) for tu in _trans_units(angular)]
    spaced = [s for s in sources if s.startswith(" ")]
    assert spaced
    assert spaced == [u.variants[0].text for u in _units(angular)
                      if u.variants[0].text.startswith(" ")]
