"""PO catalogs: what we write (msgfmt, translate-toolkit and polib as oracles) and what we read."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.errors import FormatError, UsageError
from termkit.formats import po
from termkit.model import Concept, Glossary, Kind, Source, Status, Term
from tests.conftest import DATA, ROOT, require_tool

PO_DATA = DATA / "po"
SAMPLES = sorted(
    p for p in PO_DATA.glob("*.po")
    if p.name not in {"syntax-error.po", "lisa-ExportTest1D_fr.po"}
)


def sample_glossary() -> Glossary:
    """Two concepts sharing an English term, one without Chinese, one Hong Kong form."""
    return Glossary(
        concepts=[
            Concept(
                id="c000000000001",
                kind=Kind.KEYWORD,
                terms=[
                    Term("language", "en", Status.PREFERRED),
                    Term("語言", "zh-Hant-TW", Status.PREFERRED, pinyin="yǔyán"),
                    Term("语言", "zh-Hans-CN", Status.PREFERRED, pinyin="yǔyán"),
                ],
                domains=["人文學"],
                status=Status.PREFERRED,
                sources=[Source("records/a b.txt", 12), Source("records/c.txt")],
                notes=["first line\nsecond line"],
            ),
            Concept(
                id="c000000000002",
                terms=[Term("language", "en"), Term("語文", "zh-Hant"), Term("语文", "zh-Hans")],
            ),
            Concept(
                id="c000000000003",
                terms=[Term("taxi", "en"), Term("計程車", "zh-Hant-TW"), Term("的士", "zh-Hant-HK"),
                       Term("出租车", "zh-Hans")],
            ),
            Concept(id="c000000000004", terms=[Term("only English", "en")]),
        ],
        header={"source": "termkit tests", "licence": "CC0-1.0"},
    )


def write(glossary: Glossary, **options: object) -> bytes:
    buf = io.BytesIO()
    po.write_glossary(glossary, buf, **options)  # type: ignore[arg-type]
    return buf.getvalue()


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    tool = require_tool("msgfmt")
    return subprocess.run(
        [tool, "--check-format", "--check-header", "-o", os.devnull, str(path)],
        capture_output=True, text=True, check=False,
    )


# --------------------------------------------------------------------------- writing


def test_header_and_entries_zh_tw() -> None:
    data = write(sample_glossary(), locale="zh_TW")
    cat = polib.pofile(data.decode("utf-8"))
    assert cat.metadata["Language"] == "zh_TW"
    assert cat.metadata["Project-Id-Version"] == "termkit glossary"
    assert cat.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert cat.metadata["Content-Transfer-Encoding"] == "8bit"
    assert cat.metadata["MIME-Version"] == "1.0"
    assert cat.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert cat.metadata["PO-Revision-Date"] == ""  # no timestamp unless asked
    entries = [(e.msgctxt, e.msgid, e.msgstr) for e in cat]
    # msgctxt only on the shared msgid; sorted by msgid then msgctxt
    assert entries == [
        ("c000000000001", "language", "語言"),
        ("c000000000002", "language", "語文"),
        (None, "taxi", "計程車"),
    ]
    first = cat[0]
    assert "pinyin: yǔyán" in first.tcomment.split("\n")
    assert first.occurrences == [("records/a%20b.txt", "12"), ("records/c.txt", "")]
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")


def test_locale_picks_script_and_region() -> None:
    cn = polib.pofile(write(sample_glossary(), locale="zh_CN").decode())
    hk = polib.pofile(write(sample_glossary(), locale="zh_HK").decode())
    assert [e.msgstr for e in cn] == ["语言", "语文", "出租车"]
    # zh_HK: the zh-Hant-HK form when there is one, else zh-Hant, else another zh-Hant region
    assert [e.msgstr for e in hk] == ["語言", "語文", "的士"]
    assert hk.metadata["Language"] == "zh_HK"


def test_reverse_catalog() -> None:
    cat = polib.pofile(write(sample_glossary(), locale="zh_TW", reverse=True).decode())
    assert cat.metadata["Language"] == "en"
    assert cat.metadata["X-Source-Language"] == "zh_TW"
    assert sorted((e.msgid, e.msgstr) for e in cat) == [
        ("計程車", "taxi"), ("語文", "language"), ("語言", "language")]
    assert all(e.msgctxt is None for e in cat)  # Chinese msgids are all distinct


def test_skipped_concepts_are_counted() -> None:
    notices = po.write_glossary(sample_glossary(), io.BytesIO(), locale="zh_TW")
    assert [str(n) for n in notices] == ["1 concept skipped: no zh-Hant-TW term"]


def test_unknown_locale_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        po.write_glossary(sample_glossary(), io.BytesIO(), locale="fr_FR")


def test_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first = write(sample_glossary())
    assert write(sample_glossary()) == first
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); import tests.test_formats_po as t; "
        "sys.stdout.buffer.write(t.write(t.sample_glossary()))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, check=True)
    assert out.stdout == first


@pytest.mark.parametrize("locale", ["zh_TW", "zh_CN", "zh_HK"])
@pytest.mark.parametrize("reverse", [False, True])
def test_msgfmt_accepts_our_catalogs(tmp_path: Path, locale: str, reverse: bool) -> None:
    path = tmp_path / f"glossary.{locale}.po"
    path.write_bytes(write(sample_glossary(), locale=locale, reverse=reverse))
    result = msgfmt_check(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not even a header warning


def test_translate_toolkit_reads_the_same_units() -> None:
    from translate.storage import pypo

    data = write(sample_glossary(), locale="zh_TW")
    store = pypo.pofile(data)
    units = [u for u in store.units if not u.isheader()]
    got = [(u.getcontext() or None, u.source, u.target) for u in units]
    ours = [(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(data.decode())]
    assert got == ours
    # translate-toolkit percent-decodes references the way gettext does
    assert units[0].getlocations() == ["records/a b.txt:12", "records/c.txt"]


# --------------------------------------------------------------------------- round trip

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
_HOSTILE = st.sampled_from([*"&<>\"'\\\n\t\r;:#%|", "𠀀", "😀", "語", "语", "\u2028", "msgid ", "\\\""])
_TEXT = (
    st.lists(st.text(_ALPHABET, max_size=4) | _HOSTILE, min_size=1, max_size=8)
    .map(lambda parts: "".join(parts).strip())
    .filter(bool)
)
_LINE = _TEXT.map(lambda s: " ".join(s.split()))  # one-line values (domains, pinyin)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    concepts = []
    n = draw(st.integers(1, 6))
    for i in range(n):
        pinyin = draw(st.none() | _LINE)
        concepts.append(
            Concept(
                id=f"c{i:012x}",
                terms=[
                    Term(draw(_TEXT), "en"),
                    Term(draw(_TEXT), "zh-Hant-TW", pinyin=pinyin),
                ],
                domains=draw(st.lists(_LINE, max_size=2, unique=True)),
                status=draw(st.sampled_from(list(Status))),
                notes=draw(st.lists(_TEXT, max_size=2)),
                sources=[Source(draw(_LINE), draw(st.none() | st.integers(1, 999)))],
            )
        )
    return Glossary(concepts=concepts)


def _projection(g: Glossary) -> list[tuple[object, ...]]:
    rows = []
    for c in g.concepts:
        en = c.first("en")
        zh = c.first("zh-Hant")
        assert en is not None and zh is not None
        rows.append((c.id, en.text, zh.text, zh.pinyin, c.domains, c.status, c.notes,
                     [(s.path, s.line) for s in c.sources]))
    return sorted(rows, key=repr)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(), st.booleans())
def test_round_trip_keeps_terms_pinyin_and_metadata(glossary: Glossary, reverse: bool) -> None:
    from translate.storage import pypo

    data = write(glossary, locale="zh_TW", reverse=reverse)
    back = po.read_glossary(io.BytesIO(data), "glossary.zh_TW.po")
    assert _projection(back) == _projection(glossary)
    # translate-toolkit, an independent parser, sees the same msgid/msgstr pairs
    store = pypo.pofile(data)
    theirs = sorted((u.source, u.target) for u in store.units if not u.isheader())
    pairs = [(c.first("en").text, c.first("zh-Hant").text) for c in glossary.concepts]  # type: ignore[union-attr]
    assert theirs == sorted((zh, en) if reverse else (en, zh) for en, zh in pairs)


@settings(max_examples=15, deadline=None)
@given(glossaries())
def test_msgfmt_accepts_hostile_text(glossary: Glossary) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.zh_TW.po"
        path.write_bytes(write(glossary, locale="zh_TW"))
        result = msgfmt_check(path)
        assert result.returncode == 0, result.stderr


def test_comment_and_reference_lines_never_end_in_a_backslash(tmp_path: Path) -> None:
    # gettext joins a line ending in "\\" with the next one, even in comments.
    g = Glossary(concepts=[Concept(
        id="c000000000001",
        terms=[Term("a", "en"), Term("甲", "zh-Hant", pinyin="jiǎ\\")],
        domains=["dom\\|"], notes=["ends with \\", "ends with space "],
        sources=[Source("dir\\"), Source("C:\\x y", 3)],
    )])
    data = write(g)
    path = tmp_path / "g.zh_TW.po"
    path.write_bytes(data)
    result = msgfmt_check(path)
    assert result.returncode == 0, result.stderr
    back = po.read_glossary(io.BytesIO(data), "g.zh_TW.po").concepts[0]
    assert back.terms[1].pinyin == "jiǎ\\"
    assert back.domains == ["dom\\|"]
    assert back.notes == ["ends with \\", "ends with space "]
    assert back.sources == [Source("dir\\"), Source("C:\\x y", 3)]


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_imports_with_polib_entry_count(path: Path) -> None:
    # polib reading the path itself is the oracle for the number of live entries.
    expected = len([e for e in polib.pofile(str(path)) if not e.obsolete])
    with path.open("rb") as fh:
        glossary = po.read_glossary(fh, str(path))
    with path.open("rb") as fh:
        units = list(po.iter_units(fh, str(path)))
    assert len(glossary.concepts) == expected
    assert len(units) == expected
    assert all(u.location is not None and u.location.line for u in units)


def test_sample_languages_and_locations() -> None:
    path = PO_DATA / "opencc-0.1.2-zh_TW.po"
    with path.open("rb") as fh:
        units = list(po.iter_units(fh, str(path)))
    first = units[0]
    assert first.source_lang == "en"
    assert first.text("en") == "Can not access configuration file"
    assert first.text("zh-Hant-TW") == "無法訪問配置文件"
    lines = path.read_text(encoding="utf-8").split("\n")
    # the location is the entry's first line (its "#:" reference)
    assert lines[first.location.line - 1].startswith("#: src/config_reader.c:275")  # type: ignore[union-attr]
    with path.open("rb") as fh:
        glossary = po.read_glossary(fh, str(path))
    assert glossary.concepts[0].sources[0] == Source("src/config_reader.c", 275)
    assert any("obsolete" in str(n) for n in glossary.notices)


def test_msgctxt_fuzzy_plural_and_previous() -> None:
    path = PO_DATA / "dpkg-zh_CN.trimmed.po"
    cat = polib.pofile(str(path))
    live = [e for e in cat if not e.obsolete]
    with path.open("rb") as fh:
        glossary = po.read_glossary(fh, str(path))
    by_entry = dict(zip([id(e) for e in live], glossary.concepts, strict=True))
    fuzzy = next(e for e in live if "fuzzy" in e.flags)
    assert by_entry[id(fuzzy)].status is Status.CANDIDATE
    plural = next(e for e in live if e.msgid_plural and e.msgstr_plural.get(0))
    concept = by_entry[id(plural)]
    assert concept.props["po:msgid_plural"] == plural.msgid_plural
    assert concept.first("zh-Hans").text == plural.msgstr_plural[0]  # type: ignore[union-attr]
    ctxt = next(e for e in live if e.msgctxt)
    assert by_entry[id(ctxt)].props["po:msgctxt"] == ctxt.msgctxt
    translated = next(e for e in live if e.translated() and not e.msgid_plural)
    assert by_entry[id(translated)].status is Status.ADMITTED

    with_previous = [e for e in live if e.previous_msgid]
    assert with_previous
    for e in with_previous:
        assert by_entry[id(e)].props["po:previous-msgid"] == e.previous_msgid


def test_locale_from_file_name_and_untranslated() -> None:
    path = PO_DATA / "no-language.zh_TW.po"
    with path.open("rb") as fh:
        g = po.read_glossary(fh, str(path))
    keyword, untranslated = g.concepts
    assert [(t.lang, t.text) for t in keyword.terms] == [("en", "keyword"), ("zh-Hant-TW", "關鍵詞")]
    assert keyword.status is Status.CANDIDATE  # fuzzy
    assert [(t.lang, t.text) for t in untranslated.terms] == [("en", "untranslated")]


def test_language_header_with_codeset() -> None:
    data = b'msgid ""\nmsgstr ""\n"Language: zh_CN.UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xe7\x94\xb2"\n'
    g = po.read_glossary(io.BytesIO(data), "x.po")
    assert [(t.lang, t.text) for t in g.concepts[0].terms] == [("en", "a"), ("zh-Hans-CN", "甲")]


def test_declared_charset_is_honoured() -> None:
    path = PO_DATA / "latin1-declared.po"
    with path.open("rb") as fh:
        g = po.read_glossary(fh, str(path))
    assert [(t.lang, t.text) for t in g.concepts[0].terms] == [("en", "coffee"), ("fr", "café")]


def test_big5_without_charset_is_detected() -> None:
    data = 'msgid "language"\nmsgstr "語言"\n'.encode("cp950")
    g = po.read_glossary(io.BytesIO(data), "legacy.zh_TW.po")
    assert [t.text for t in g.concepts[0].terms] == ["language", "語言"]


def test_latin1_without_charset_is_decoded_as_latin1_with_a_notice() -> None:
    # The LISA kit's French catalog has no header and Latin-1 bytes; the kit's own TMX
    # (ExportTest1D.tmx) holds the same French text in UTF-8, the oracle for the accents.
    path = PO_DATA / "lisa-ExportTest1D_fr.po"
    data = path.read_bytes()
    bad = next(i for i, b in enumerate(data) if b >= 0x80)
    g = po.read_glossary(io.BytesIO(data), "fr.po")
    (notice,) = [n for n in g.notices if "Latin-1" in n.message]
    assert notice.line == data[:bad].count(b"\n") + 1
    tmx = (DATA / "formats" / "tmx" / "lisa-tmx-compliance-kit" / "ExportTest1D.tmx").read_text("utf-8-sig")
    french = re.findall(r'<tuv xml:lang="fr-ca"><seg>(.*?)</seg>', tmx)
    got = {t.text for c in g.concepts for t in c.terms if t.lang != "en"}
    accented = [f for f in french if "eacute" in f]
    assert len(accented) == 1 and "é" in accented[0] and "\xa0" in accented[0]
    assert accented[0] in got


def test_syntax_error_has_the_line() -> None:
    path = PO_DATA / "syntax-error.po"
    with pytest.raises(FormatError) as info:
        po.read_glossary(io.BytesIO(path.read_bytes()), "bad.po")
    assert str(info.value) == (
        "bad.po:10:11: PO syntax error: unexpected text '掉' after the closing quote "
        "(a double quote inside the string needs a backslash)"
    )


def test_content_naming_an_existing_file_is_not_read_as_a_path(tmp_path: Path) -> None:
    # polib treats a string naming an existing file as a path; we always pass content.
    target = PO_DATA / "opencc-0.1.2-zh_TW.po"
    with pytest.raises(FormatError) as info:  # had polib opened the file, 41 entries would come back
        po.read_glossary(io.BytesIO(str(target).encode()), "weird.po")
    assert info.value.line == 1


def test_our_header_comment_comes_back() -> None:
    g = po.read_glossary(io.BytesIO(write(sample_glossary())), "g.zh_TW.po")
    assert g.header == {"source": "termkit tests", "licence": "CC0-1.0"}
    assert g.concepts[0].kind is Kind.KEYWORD
    assert g.concepts[0].notes == ["first line\nsecond line"]


def test_a_carriage_return_in_a_note_or_header_never_reaches_the_file() -> None:
    # translate-toolkit (and editors) break lines at a bare CR, so a note "0\rmsgid \r0"
    # written raw made it read a keyword line out of a comment (found by hypothesis).
    from translate.storage import pypo

    g = Glossary(header={"title\r": "a\rb"}, concepts=[Concept(
        id="c000000000001", terms=[Term("0", "en"), Term("零", "zh-Hant-TW")],
        notes=["0\rmsgid \r0", "ends\r\\", "two\nlines"], domains=["x\ry"],
    )])
    data = write(g, locale="zh_TW")
    assert b"\r" not in data
    back = po.read_glossary(io.BytesIO(data), "g.zh_TW.po").concepts[0]
    assert back.notes == ["0\rmsgid \r0", "ends\r\\", "two\nlines"]
    store = pypo.pofile(data)
    assert [(u.source, u.target) for u in store.units if not u.isheader()] == [("0", "零")]


def test_the_first_entry_of_a_catalog_without_a_header_has_its_line() -> None:
    # polib leaves line 0 on the first entry when no header precedes it ("FILE:0" in sources
    # and check findings); an entry is numbered by its first line, comments included.
    text = '\n\n# a comment\nmsgid "apple"\nmsgstr "蘋果"\n\nmsgid "pear"\nmsgstr "梨"\n'
    lines = text.split("\n")
    expected = [lines.index("# a comment") + 1, lines.index('msgid "pear"') + 1]
    g = po.read_glossary(io.BytesIO(text.encode()), "x.zh_TW.po")
    assert [c.terms[0].sources[0].line for c in g.concepts] == expected
    units = list(po.iter_units(io.BytesIO(text.encode()), "x.zh_TW.po"))
    assert [u.location.line for u in units if u.location] == expected
